// Tables as text: aligned for a terminal, or CSV (RFC 4180). Pure string building.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::core {

enum class Align { Left, Right };

/// An aligned text table: a header line, then rows; columns separated by two spaces, widths
/// counted in characters (accents count one). Complexity: linear in the cells' total size.
class TextTable {
public:
    TextTable(std::vector<std::string> headers, std::vector<Align> aligns);
    void add_row(std::vector<std::string> cells);
    [[nodiscard]] std::string str() const;

private:
    std::vector<std::string> m_headers;
    std::vector<Align> m_aligns;
    std::vector<std::vector<std::string>> m_rows;
};

/// A text cell made safe for a spreadsheet (OWASP "CSV injection"): a cell starting with '=',
/// '+', '-', '@', a tab or a carriage return gets a leading apostrophe, so that LibreOffice and
/// Excel show it as text instead of evaluating it; numbers ("-0.42", "-0,42", "1e-06") stay as
/// they are. Complexity: linear in the cell.
std::string neutralise_formula(std::string_view field);

/// The cell as it was before neutralise_formula, for maillage's own CSV read back (decisions):
/// a leading apostrophe before '=', '+', '-', '@', a tab or a carriage return goes.
std::string_view unneutralise_formula(std::string_view cell);

/// One CSV record ending in CRLF, as RFC 4180 says: every cell through neutralise_formula; a
/// field is quoted when it holds the separator, a double quote, CR or LF; quotes inside are
/// doubled.
std::string csv_record(const std::vector<std::string>& fields, char separator = ',');

/// One record read from CSV text, with the 1-based physical line it starts on (a quoted field
/// may span lines).
struct CsvRecord {
    std::int64_t line = 0;
    std::vector<std::string> fields;
};

/// CSV text split into records (RFC 4180: fields quoted with '"', quotes inside doubled, CRLF
/// or LF line ends, a quoted field may hold the separator and line breaks). A leading UTF-8
/// byte-order mark is skipped; blank lines give no record. A quote left open at the end is
/// reported as a value (STYLE.md: expected problems are values), with the line it opened on.
struct CsvText {
    std::vector<CsvRecord> records;
    std::optional<std::int64_t> unclosed_quote_line;
};

/// Splits CSV text into records. Complexity: linear in the text length. Throws nothing but
/// std::bad_alloc.
CsvText parse_csv(std::string_view text, char separator = ',');

/// The same records handed one by one to `fn` (no record kept: for large reference files read
/// once); returns the line of a quote left open at the end, if any.
std::optional<std::int64_t> each_csv_record(std::string_view text, char separator,
                                            const std::function<void(CsvRecord&)>& fn);

} // namespace maillage::core
