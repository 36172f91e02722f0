#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "sheet_options.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::cli {

/// `maillage summary SHEET...`: rows, people, organisations and sessions per territory and
/// edition, read straight from the sheets.
class SummaryCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "summary"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdSummary; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_sheets;
    SheetOptions m_sheet_options;
    std::string m_format = "table";
    std::string m_output;
    ingest::ColumnMapping m_mapping;
    ingest::ReadOptions m_read;
};

} // namespace maillage::cli
