#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/metrics/mixing.hpp"
#include "sheet_options.hpp"
#include "maillage/advise/invite.hpp"
#include "maillage/ingest/load.hpp"

namespace maillage::cli {

/// `maillage invite INPUT... --territory T`: whom to invite to the territory's next edition,
/// ranked with a score and a one-line reason (advise/invite.hpp); with `--scope people`, the
/// recurring participants to bring into the cooperation group.
class InviteCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "invite"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdInvite; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::vector<std::string> m_registries;
    SheetOptions m_sheet_options;
    std::string m_territory;
    std::string m_format = "table";
    std::string m_scope = "organisations";
    std::string m_top = "20";
    std::string m_weights;
    std::string m_seed = "42";
    std::string m_reshuffles = std::to_string(metrics::default_reshuffles);
    std::string m_output;
    bool m_excel = false;
    bool m_people = false;

    ingest::LoadOptions m_load; ///< --column, --encoding, --sheet resolved
    advise::InviteOptions m_options;
};

} // namespace maillage::cli
