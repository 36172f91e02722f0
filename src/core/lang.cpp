#include "maillage/core/lang.hpp"

#include <cstdlib>
#include <string>

namespace maillage::core {

std::optional<Lang> parse_lang(std::string_view text) {
    std::string lower;
    for (char c : text) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    if (lower == "fr") return Lang::Fr;
    if (lower == "en") return Lang::En;
    return std::nullopt;
}

Lang lang_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        std::string_view v(value);
        return v.starts_with("en") ? Lang::En : Lang::Fr;
    }
    return Lang::Fr;
}

} // namespace maillage::core
