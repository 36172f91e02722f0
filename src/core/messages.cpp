#include "maillage/core/messages.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

namespace maillage::core {
namespace detail {
std::string_view message_fr(Msg key);
std::string_view message_en(Msg key);
} // namespace detail

std::string_view message(Msg key, Lang lang) {
    return lang == Lang::En ? detail::message_en(key) : detail::message_fr(key);
}

namespace {

struct PluralForm {
    std::string_view selector; // "=1", "one", "other"...
    std::string_view text;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// The forms of "selector {form} selector {form}...", or nothing when text is not written so.
std::optional<std::vector<PluralForm>> parse_plural(std::string_view text) {
    std::vector<PluralForm> forms;
    std::size_t i = 0;
    auto skip = [&] {
        while (i < text.size() && is_space(text[i])) ++i;
    };
    skip();
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != '{') ++i;
        const std::string_view selector = text.substr(start, i - start);
        const bool exact = selector.size() > 1 && selector[0] == '=' &&
                           selector.find_first_not_of("0123456789", 1) == std::string_view::npos;
        const bool keyword = selector == "zero" || selector == "one" || selector == "two" || selector == "few" ||
                             selector == "many" || selector == "other";
        if (!exact && !keyword) return std::nullopt;
        skip();
        if (i >= text.size() || text[i] != '{') return std::nullopt;
        const std::size_t open = ++i;
        int depth = 1;
        for (; i < text.size() && depth > 0; ++i) {
            if (text[i] == '{') ++depth;
            else if (text[i] == '}') --depth;
        }
        if (depth != 0) return std::nullopt;
        forms.push_back({selector, text.substr(open, i - 1 - open)});
        skip();
    }
    if (forms.empty()) return std::nullopt;
    return forms;
}

// ICU's plural category ("one", "other"...) of n in the language. The rules are made once per
// language; PluralRules::select is const and safe to share between threads.
std::string plural_category(std::int64_t n, Lang lang) {
    static const auto make = [](const char* locale) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale(locale), status));
        return U_SUCCESS(status) ? std::move(rules) : nullptr;
    };
    static const std::unique_ptr<icu::PluralRules> fr = make("fr");
    static const std::unique_ptr<icu::PluralRules> en = make("en");
    const auto& rules = lang == Lang::En ? en : fr;
    if (!rules) return (lang == Lang::En ? n == 1 : n == 0 || n == 1) ? "one" : "other"; // no ICU data
    std::string out;
    rules->select(static_cast<double>(n)).toUTF8String(out);
    return out;
}

} // namespace

std::string_view plural_form(std::string_view text, std::int64_t n, Lang lang) {
    const auto forms = parse_plural(text);
    if (!forms) return text;
    const std::string exact = "=" + std::to_string(n);
    for (const auto& f : *forms)
        if (f.selector == exact) return f.text;
    const std::string category = plural_category(n, lang);
    for (const auto& f : *forms)
        if (f.selector == category) return f.text;
    for (const auto& f : *forms)
        if (f.selector == "other") return f.text;
    return text;
}

} // namespace maillage::core
