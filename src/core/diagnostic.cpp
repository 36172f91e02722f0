#include "maillage/core/diagnostic.hpp"

#include <algorithm>

#include "maillage/core/messages.hpp"

namespace maillage::core {

std::string render(const Diagnostic& diagnostic, Lang lang) {
    std::string out = diagnostic.where.file;
    if (diagnostic.where.line > 0) {
        out += ':' + std::to_string(diagnostic.where.line);
        if (diagnostic.where.column > 0) out += ':' + std::to_string(diagnostic.where.column);
    }
    if (!out.empty()) out += ": ";
    out += message(diagnostic.severity == Severity::Error ? Msg::WordError : Msg::WordWarning, lang);
    out += ": ";
    if (!diagnostic.where.field.empty()) out += "[" + diagnostic.where.field + "] ";
    out += diagnostic.message;
    return out;
}

std::string render_error(const std::string& file, const std::string& message, Lang lang) {
    return render(Diagnostic{Severity::Error, SourceLocation{file, 0, 0, {}}, message}, lang);
}

void Diagnostics::error(SourceLocation where, std::string message) {
    m_items.push_back({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
    m_items.push_back({Severity::Warning, std::move(where), std::move(message)});
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const auto& d) {
        return d.severity == Severity::Error;
    }));
}

std::size_t Diagnostics::warning_count() const { return m_items.size() - error_count(); }

} // namespace maillage::core
