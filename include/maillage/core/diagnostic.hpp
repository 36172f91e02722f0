// Problems found in the user's data, as values (libosmium/DuckDB style): located, collected,
// counted, never thrown one at a time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::core {

/// Where a problem is: a file (with its sheet for spreadsheets), a 1-based line (the physical
/// line of a CSV, the row number of a spreadsheet; 0 = the whole file) and a 1-based column
/// (0 = the whole row), with the column's header text when known.
struct SourceLocation {
    std::string file;
    std::int64_t line = 0;
    int column = 0;
    std::string field;
};

enum class Severity { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation where;
    std::string message; ///< in the user's language, names the field, expected and found values
};

/// "file:line:column: erreur: message" (French) or "...: error: ..." (English); line and
/// column are left out when unknown. Complexity: linear in the message length.
std::string render(const Diagnostic& diagnostic, Lang lang);

/// render() within core::text_width (120 characters), as the commands write diagnostics on
/// stderr, without the final newline: a diagnostic that fits stays on one line; a longer one
/// keeps "file:line:column: erreur:" alone on its first line (editors and grep still find it)
/// and its message folded under it, indented by four, so that where its lines break does not
/// depend on the length of the file's path. Complexity: linear in the message length.
std::string render_folded(const Diagnostic& diagnostic, Lang lang);

/// render() of an error that concerns a whole file (no line): "file: erreur: message".
std::string render_error(const std::string& file, const std::string& message, Lang lang);

/// The diagnostics of one run, in the order they were found.
class Diagnostics {
public:
    void add(Diagnostic diagnostic) {
        if (diagnostic.severity == Severity::Error) ++m_errors;
        m_items.push_back(std::move(diagnostic));
    }
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);

    /// Appends text to the message of diagnostic `index` (e.g. how many rows share it).
    void annotate(std::size_t index, const std::string& text) { m_items.at(index).message += text; }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return m_items; }
    [[nodiscard]] std::size_t error_count() const { return m_errors; }
    [[nodiscard]] std::size_t warning_count() const { return m_items.size() - m_errors; }
    [[nodiscard]] bool has_errors() const { return error_count() > 0; }

private:
    std::vector<Diagnostic> m_items;
    std::size_t m_errors = 0;
};

} // namespace maillage::core
