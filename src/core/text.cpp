#include "maillage/core/text.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <fmt/format.h>
#include <mutex>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/unistr.h>
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

// ICU's transliterator is expensive to build and not safe to share between threads: one per
// thread, built on first use.
icu::Transliterator* latin_ascii() {
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) t.reset();
        return t;
    }();
    return instance.get();
}

} // namespace

std::string fold(std::string_view text) {
    if (is_ascii(text)) return fold_ascii(text);
    // Sheets repeat the same names on many rows: remember the ICU path's results (bounded).
    thread_local std::unordered_map<std::string, std::string> memo;
    if (auto it = memo.find(std::string(text)); it != memo.end()) return it->second;
    if (memo.size() > 200000) memo.clear();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (auto* t = latin_ascii()) t->transliterate(u);
    std::string ascii;
    u.toUTF8String(ascii);
    std::string folded = fold_ascii(ascii);
    memo.emplace(std::string(text), folded);
    return folded;
}

std::string_view trim(std::string_view text) {
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
