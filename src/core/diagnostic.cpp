#include "maillage/core/diagnostic.hpp"

#include <algorithm>
#include <utility>

#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"

namespace maillage::core {

namespace {

// What a terminal may be shown of text that came from a file: control characters (an ESC would
// drive the terminal) and bytes that are not UTF-8 are written as \xNN; everything else stays.
std::string printable(std::string_view text) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    auto escape = [&](unsigned char c) {
        out += "\\x";
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            escape(c);
            ++i;
            continue;
        }
        std::size_t n = 1;
        if (c >= 0xC2 && c <= 0xDF) n = 2;
        else if (c >= 0xE0 && c <= 0xEF) n = 3;
        else if (c >= 0xF0 && c <= 0xF4) n = 4;
        else if (c >= 0x80) n = 0;
        bool ok = n > 0 && i + n <= text.size();
        for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        // C1 controls (U+0080..U+009F) drive terminals too
        if (ok && n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) ok = false;
        if (!ok) {
            escape(c);
            ++i;
            continue;
        }
        out.append(text.substr(i, n));
        i += n;
    }
    return out;
}

} // namespace

namespace {

/// "file:line:column: erreur:" and "[field] message", the two halves of a diagnostic.
std::pair<std::string, std::string> halves(const Diagnostic& diagnostic, Lang lang) {
    std::string head = printable(diagnostic.where.file);
    if (diagnostic.where.line > 0) {
        head += ':' + std::to_string(diagnostic.where.line);
        if (diagnostic.where.column > 0) head += ':' + std::to_string(diagnostic.where.column);
    }
    if (!head.empty()) head += ": ";
    head += message(diagnostic.severity == Severity::Error ? Msg::WordError : Msg::WordWarning, lang);
    head += ":";
    std::string body;
    if (!diagnostic.where.field.empty()) body += "[" + printable(diagnostic.where.field) + "] ";
    body += printable(diagnostic.message);
    return {head, body};
}

} // namespace

std::string render(const Diagnostic& diagnostic, Lang lang) {
    const auto [head, body] = halves(diagnostic, lang);
    return head + " " + body;
}

std::string render_folded(const Diagnostic& diagnostic, Lang lang) {
    const auto [head, body] = halves(diagnostic, lang);
    std::string line = head + " " + body;
    if (display_width(line) <= text_width) return line;
    // the message under its location, folded on its own: where its lines break does not depend
    // on how long the file's path is
    std::string out = head + "\n" + wrap_text(body, text_width, 4, 4);
    out.pop_back();
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
