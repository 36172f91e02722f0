#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "sheet_options.hpp"
#include "maillage/ingest/load.hpp"

namespace maillage::cli {

/// `maillage unmobilised INPUT... [--territory T]`: what a territory lacks (advise/unmobilised.hpp):
/// registry organisations never seen, types never mobilised here, lapsed organisations,
/// communes and EPCI without participants, mobilisation rates.
class UnmobilisedCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "unmobilised"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdUnmobilised; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::vector<std::string> m_registries;
    SheetOptions m_sheet_options;
    std::string m_territory;
    std::string m_format = "table";
    std::string m_output;
    bool m_excel = false;

    ingest::LoadOptions m_load; ///< --column, --encoding, --sheet resolved
};

} // namespace maillage::cli
