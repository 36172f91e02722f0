// The options every command that reads sheets shares: --column, --encoding, --sheet.
#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::cli {

struct SheetOptions {
    std::vector<std::string> column_specs;
    std::string encoding = "auto";
    std::string sheet;

    void declare(Arguments& args, core::Lang lang);
    /// Throws FatalError on a bad --column or --encoding.
    void resolve(core::Lang lang, ingest::ColumnMapping& mapping, ingest::ReadOptions& read) const;
};

} // namespace maillage::cli
