#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/ingest/ingest.hpp"
#include "sheet_options.hpp"

namespace maillage::cli {

/// `maillage check SHEET...|FOLDER|STORE`: what ingest would reject or warn about, and the
/// organisations and people that are probably one and the same — without writing anything.
class CheckCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "check"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdCheck; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::string m_aliases;
    std::string m_types;
    std::string m_threshold_text = "0.7";
    std::string m_format = "table";
    SheetOptions m_sheet_options;
    ingest::IngestOptions m_options;
    double m_threshold = 0.7;
};

} // namespace maillage::cli
