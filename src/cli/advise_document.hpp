// The outputs of `unmobilised` and `invite`: one document per territory (figures, then
// sections of rows), rendered as aligned tables, CSV (RFC 4180, or for Excel: UTF-8 with BOM,
// ';' and decimal comma) or JSON.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"

#include "document.hpp"

namespace maillage::cli::advice {

using document::Cell;
using document::Col;
using document::Section;
using document::Value;

/// A text cell, and a count cell, shown as the value itself.
inline Cell text(std::string s) { return {std::move(s), ""}; }
inline Cell count(std::int64_t n) { return {n, ""}; }

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
