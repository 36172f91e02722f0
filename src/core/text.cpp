#include "maillage/core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>

namespace maillage::core {
namespace {

bool is_ascii(std::string_view text) {
    for (unsigned char c : text)
        if (c >= 0x80) return false;
    return true;
}

// Lower-case ASCII letters and digits are kept; everything else separates words.
std::string fold_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (unsigned char c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!keep) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

// ICU's transliterator is expensive to build (its rules are compiled: about 50 ms) and not safe
// to share between threads: built once, then cloned for each thread that folds (ingest folds
// on several).
icu::Transliterator* latin_ascii() {
    static const std::unique_ptr<icu::Transliterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) t.reset();
        return t;
    }();
    static std::mutex cloning; // one clone at a time, from the shared prototype
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        const std::lock_guard lock(cloning);
        return std::unique_ptr<icu::Transliterator>(prototype ? prototype->clone() : nullptr);
    }();
    return instance.get();
}

// What ICU's transliterator writes for one code point, in ASCII.
std::string icu_ascii(std::string_view utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (auto* t = latin_ascii()) t->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// The Latin letters and the punctuation of French sheets (U+00A0..U+024F: accented letters,
// ligatures; U+2000..U+206F: dashes, typographic quotes, ellipsis, thin spaces) as ICU's
// transliterator writes each of them, asked once per process: a text made of these and of ASCII
// is folded without ICU (ICU's rules for them look at no neighbour but for letter case, which
// fold drops: tests/unit/core/text_test.cpp compares both paths on random texts). A code point
// ICU leaves outside ASCII is not in the table.
class LatinTable {
public:
    static const LatinTable& get() {
        static const LatinTable table;
        return table;
    }
    // the ASCII of code point `cp`, or null when the fast path does not know it
    [[nodiscard]] const std::string* find(char32_t cp) const {
        if (cp >= latin_first && cp <= latin_last) return at(m_latin[cp - latin_first]);
        if (cp >= punctuation_first && cp <= punctuation_last) return at(m_punctuation[cp - punctuation_first]);
        return nullptr;
    }

private:
    static constexpr char32_t latin_first = 0xA0, latin_last = 0x24F;
    static constexpr char32_t punctuation_first = 0x2000, punctuation_last = 0x206F;
    struct Entry {
        bool known = false;
        std::string ascii;
    };
    static const std::string* at(const Entry& e) { return e.known ? &e.ascii : nullptr; }

    LatinTable() {
        fill(m_latin, latin_first, latin_last);
        fill(m_punctuation, punctuation_first, punctuation_last);
    }
    static void fill(std::vector<Entry>& entries, char32_t first, char32_t last) {
        entries.resize(last - first + 1);
        for (char32_t cp = first; cp <= last; ++cp) {
            std::string utf8;
            icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(utf8);
            Entry& e = entries[cp - first];
            e.ascii = icu_ascii(utf8);
            e.known = is_ascii(e.ascii);
        }
    }
    std::vector<Entry> m_latin, m_punctuation;
};

// `text` in ASCII by the table, or nothing when it holds a code point the table does not know
// (or invalid UTF-8).
std::optional<std::string> latin_ascii_of(std::string_view text) {
    const LatinTable& table = LatinTable::get();
    std::string out;
    out.reserve(text.size());
    if (text.size() > static_cast<std::size_t>(INT32_MAX)) return std::nullopt; // ICU's indexes are 32-bit
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 cp = 0;
        U8_NEXT(text.data(), i, length, cp); // ICU's decoder: negative on invalid UTF-8
        if (cp < 0) return std::nullopt;
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
            continue;
        }
        const std::string* ascii = table.find(static_cast<char32_t>(cp));
        if (ascii == nullptr) return std::nullopt;
        out += *ascii;
    }
    return out;
}

} // namespace

namespace detail {

std::string fold_by_icu(std::string_view text) { return fold_ascii(icu_ascii(text)); }

} // namespace detail

std::string fold(std::string_view text) {
    if (is_ascii(text)) return fold_ascii(text);
    // accented Latin letters and typographic punctuation: by a table ICU filled once
    if (const auto ascii = latin_ascii_of(text)) return fold_ascii(*ascii);
    // Sheets repeat the same names on many rows: remember the ICU path's results (bounded).
    thread_local std::unordered_map<std::string, std::string> memo;
    if (auto it = memo.find(std::string(text)); it != memo.end()) return it->second;
    if (memo.size() > 200000) memo.clear();
    std::string folded = detail::fold_by_icu(text);
    memo.emplace(std::string(text), folded);
    return folded;
}

std::string_view trim(std::string_view text) {
    // most cells begin and end with a letter or a digit: nothing to take away
    auto plain = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > ' ' && u != 0xC2 && u != 0xE2 && u != 0x80 && u != 0xA0 && u != 0xAF;
    };
    if (text.empty() || (plain(text.front()) && plain(text.back()))) return text;
    auto is_space_at = [&](std::size_t i, bool from_end) -> std::size_t {
        // returns the byte length of a space at the start (or end) of text, 0 if none
        static constexpr std::string_view nbsp = "\xC2\xA0";
        static constexpr std::string_view nnbsp = "\xE2\x80\xAF";
        std::string_view rest = from_end ? text.substr(0, i) : text.substr(i);
        if (rest.empty()) return 0;
        char c = from_end ? rest.back() : rest.front();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
        for (std::string_view s : {nbsp, nnbsp}) {
            if (from_end ? rest.ends_with(s) : rest.starts_with(s)) return s.size();
        }
        return 0;
    };
    while (std::size_t k = is_space_at(0, false)) text.remove_prefix(k);
    while (std::size_t k = is_space_at(text.size(), true)) text.remove_suffix(k);
    return text;
}

std::size_t display_width(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string format_count(std::int64_t value, Lang lang) {
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    const std::string sep = lang == Lang::Fr ? "\u202F" : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out.push_back(digits[i]);
    }
    return negative ? "-" + out : out;
}

std::string format_decimal(double value, int digits, Lang lang) {
    if (std::abs(value) < std::pow(10.0, -digits) / 2) value = 0; // no "-0.0000"
    std::string s = fmt::format("{:.{}f}", value, digits);
    if (lang == Lang::Fr) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

bool is_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t extra = 0;
        if (c < 0x80) extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2) extra = 1;
        else if ((c & 0xF0) == 0xE0) extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4) extra = 3;
        else return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            if (i + k >= bytes.size()) return false;
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
        }
        i += extra + 1;
    }
    return true;
}

std::string strip_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) continue;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) < 0xA0) {
            ++i; // a C1 control, two bytes in UTF-8
            continue;
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string repair_c1(std::string_view text) {
    // Windows-1252 0x80..0x9F as Unicode code points; 0: undefined there
    static constexpr char32_t cp1252[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (text.find('\xC2') == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size() + 4);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c != 0xC2 || next < 0x80 || next >= 0xA0) {
            out.push_back(static_cast<char>(c));
            continue;
        }
        ++i;
        const char32_t u = cp1252[next - 0x80];
        if (u == 0) continue;
        if (u < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (u >> 6)));
            out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (u >> 12)));
            out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
        }
    }
    return out;
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

} // namespace maillage::core
