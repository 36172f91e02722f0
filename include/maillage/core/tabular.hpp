// Tables as text: aligned for a terminal, or CSV (RFC 4180). Pure string building.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::core {

/// The width, in characters, of every text maillage writes for people (tables, their sentences,
/// the figures, the import's report and its problems): 120 columns, what a terminal, an editor
/// side by side with another, or an A4 page in landscape shows without folding lines.
constexpr std::size_t text_width = 120;

enum class Align { Left, Right };

/// How a column of a TextTable gives way when the table is wider than the text width (a table
/// that fits is written as it is, whatever its columns say).
enum class Fit {
    Auto,     ///< Left-aligned: Wrap; right-aligned (numbers): Keep
    Keep,     ///< never narrowed: numbers, years, codes, short words
    Wrap,     ///< text folded inside the column at spaces (a name over two lines), never under 18
    Below,    ///< prose written under its row, across the width, instead of in a column
    Optional, ///< left out of the text (TableText::omitted names it; CSV and JSON keep it)
};

struct TextColumn {
    std::string header; ///< may hold '\n' to break the header over lines
    Align align = Align::Left;
    Fit fit = Fit::Auto;
};

/// What TextTable::fit writes, and the headers of the Optional columns it left out to fit.
struct TableText {
    std::string text;
    std::vector<std::string> omitted;
};

/// An aligned text table: a header line, then rows; columns separated by two spaces, widths
/// counted in characters (accents count one). A table wider than the width given gives way in
/// this order, each step only while it is still too wide:
///   1. Below columns go under their rows (each row then followed by a blank line);
///   2. headers longer than their column's cells fold over two lines at a space;
///   3. Optional columns are left out, from the right;
///   4. Wrap columns fold their text, the widest first, down to 18 characters (or their
///      header's longest word); lines after a cell's first are indented by two, so that they
///      read as its continuation;
///   5. unless folding can make it fit: then the columns, whole, are split into blocks written
///      one after the other, each repeating the leading columns that tell the rows apart (the
///      way R prints a wide table), each block folded on its own if it must.
/// Numbers are never cut nor folded. Complexity: O(C · T) for C columns and T the text of the
/// cells, and O(C² · R) for the leading columns of step 5.
class TextTable {
public:
    TextTable(std::vector<std::string> headers, std::vector<Align> aligns);
    explicit TextTable(std::vector<TextColumn> columns);
    void add_row(std::vector<std::string> cells);
    /// The table within `width` characters (see the class comment).
    [[nodiscard]] TableText fit(std::size_t width = text_width) const;
    /// fit().text.
    [[nodiscard]] std::string str() const;

private:
    std::vector<TextColumn> m_columns;
    std::vector<std::vector<std::string>> m_rows;
    [[nodiscard]] TableText fit(std::size_t width, bool may_split) const;
    /// Step 5: the columns of `grid` (widths `w`) in blocks within `width`, each starting with
    /// the same leading columns.
    [[nodiscard]] std::vector<std::vector<std::size_t>> split_columns(const std::vector<std::size_t>& grid,
                                                                      const std::vector<std::size_t>& w, std::size_t width) const;
};

/// `text` folded into lines of at most `width` characters at spaces: the first line starts with
/// `first_indent` spaces, the others with `next_indent`; each line ends with '\n'. A break never
/// leaves a French "«" at a line's end nor starts a line with ":", ";", "!", "?" or "»"; a word
/// longer than a line is cut after a '/' (else a '-') when it has one, else where the line ends.
/// Empty text gives one empty line. Complexity: linear in the text.
std::string wrap_text(std::string_view text, std::size_t width = text_width, std::size_t first_indent = 0,
                      std::size_t next_indent = 0);

/// A list of figures, "label  value" a line under a header line: numbers (`numeric`) are
/// right-aligned on the widest number, text starts where the values start and folds at the
/// width, so that one long text does not push every value to the right. Complexity: linear.
struct Figure {
    std::string label;
    std::string value;
    bool numeric = false;
};
std::string figures_text(const std::string& label_header, const std::string& value_header, const std::vector<Figure>& figures,
                         std::size_t width = text_width);

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
