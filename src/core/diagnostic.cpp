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
    add({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
    add({Severity::Warning, std::move(where), std::move(message)});
}

} // namespace maillage::core
