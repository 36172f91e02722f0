// The outputs of `unmobilised` and `invite`: one document per territory (figures, then
// sections of rows), rendered as aligned tables, CSV (RFC 4180, or for Excel: UTF-8 with BOM,
// ';' and decimal comma) or JSON.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"

namespace maillage::cli::advice {

/// monostate: no value, null in JSON, empty in CSV, "—" in tables.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

struct Cell {
    Value value;
    std::string shown; ///< table text when it differs from the value (translated words)
};

struct Col {
    std::string key;
    core::Msg label;
    core::Align align = core::Align::Left;
};

struct Section {
    std::string key;
    core::Msg title;
    std::vector<std::string> sentences; ///< table only, before the rows
    std::vector<Col> cols;
    std::vector<std::vector<Cell>> rows;
    std::size_t table_rows = 0; ///< rows shown in the table (0: all); CSV and JSON have them all
};

struct Doc {
    std::string territory;
    std::vector<std::tuple<std::string, core::Msg, Cell>> figures;
    std::vector<Section> sections;
};

/// The whole product. Table: each territory's figures then sections; CSV: the figures
/// (territory,figure,value), then one table per section (section,territory,...) separated by an
/// empty line; JSON: {"territories": [{"territory", "figures", <section>: [...]}]}.
std::string render(const std::vector<Doc>& docs, const std::string& format, bool excel, core::Lang lang);

} // namespace maillage::cli::advice
