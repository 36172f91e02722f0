// Tables as text: aligned for a terminal, or CSV (RFC 4180). Pure string building.
#pragma once

#include <string>
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

/// One CSV record ending in CRLF, as RFC 4180 says: a field is quoted when it holds the
/// separator, a double quote, CR or LF; quotes inside are doubled.
std::string csv_record(const std::vector<std::string>& fields, char separator = ',');

} // namespace maillage::core
