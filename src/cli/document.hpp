// What the reading commands print (metrics --what ..., unmobilised, invite): figures, then
// sections of rows, each cell a value with an optional translated text for tables. One set of
// types and one way to turn a value into table text, CSV text and JSON, shared by the views.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "maillage/core/lang.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"

namespace maillage::cli::document {

using List = std::vector<std::string>;
/// monostate: no value (NaN), null in JSON, empty in CSV, "—" in tables.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, bool, List>;

struct Cell {
    Value value;
    std::string shown; ///< table text when it differs from the value (translated words)
};

struct Col {
    std::string key;
    core::Msg label;
    core::Align align = core::Align::Left;
    core::Fit fit = core::Fit::Auto; ///< how the column gives way in a table wider than core::text_width
};

struct Section {
    std::string key;
    core::Msg title;
    std::vector<std::string> sentences; ///< table only, before the rows
    std::vector<Col> cols;
    std::vector<std::vector<Cell>> rows;
    std::size_t table_rows = 0; ///< rows shown in the table (0: all); CSV and JSON have them all
    std::vector<std::string> notes; ///< table only, after the rows (what was left out and why)
};

/// A cell as a table shows it: its `shown` text, else counts grouped for the language, decimals
/// with `digits` places (decimal comma in French), yes/no words, lists joined by ", ".
std::string table_text(const Cell& cell, core::Lang lang, int digits);

/// A value as CSV holds it: decimals with 6 places and a point (a comma with `excel`), lists
/// joined by "; ", booleans true/false, nothing for no value.
std::string data_text(const Value& value, bool excel = false);

/// A value as JSON holds it: decimals rounded to 6 places, null for no value.
nlohmann::ordered_json json_of(const Value& value);

/// Writes into `out` exactly the text `nlohmann::ordered_json::dump(2)` gives for a top-level
/// object, member by member, so that long arrays of rows (a national file's 150,000 nodes) are
/// never held as a JSON document: same bytes, a fraction of the memory and time.
/// Use: member(...) or begin_rows/begin_row/field.../end_row.../end_rows, then finish().
class JsonStream {
public:
    explicit JsonStream(std::string& out);
    /// "key": value (any JSON value, indented as dump(2) does at this depth).
    void member(const std::string& key, const nlohmann::ordered_json& value);
    void begin_rows(const std::string& key); ///< "key": [ — an array of objects
    void begin_row();
    void field(const std::string& key, const nlohmann::ordered_json& scalar);
    void field_value(const std::string& key, const nlohmann::ordered_json& value); ///< any value
    void end_row();
    void end_rows();
    void finish(); ///< the closing brace and a newline

    ~JsonStream();
    JsonStream(const JsonStream&) = delete;
    JsonStream& operator=(const JsonStream&) = delete;

private:
    struct Scalars; ///< nlohmann's serializer writing into m_out, made once (not per field)
    std::string& m_out;
    std::unique_ptr<Scalars> m_scalars;
    bool m_first_member = true, m_first_row = true, m_first_field = true;
    void open_member(const std::string& key, int depth, bool& first);
};

/// A section as a table within core::text_width: a blank line, its title, its sentences
/// (folded, lines after a sentence's first indented), then its rows aligned (at most
/// `table_rows`, the rest counted in one line), and a line naming the columns left out to fit
/// and `--format csv`, which has them all. Empty when it has neither rows nor sentences.
std::string section_table(const Section& section, core::Lang lang, int digits);

/// A figure as the figures table shows it: a count or a decimal is a number (right-aligned),
/// anything else text.
core::Figure figure(const std::string& label, const Cell& cell, core::Lang lang, int digits);

/// The figures of a document under "Indicateur  Valeur" (core::figures_text).
std::string figures_table(const std::vector<core::Figure>& figures, core::Lang lang);

} // namespace maillage::cli::document
