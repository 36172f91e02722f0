// Text helpers shared by every module: comparison keys and display widths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::core {

/// A comparison key for names and headers: accents removed and ligatures expanded (ICU
/// Latin-ASCII transliteration), lower case, every run of characters that are neither letters
/// nor digits turned into one space, trimmed. "Mission Locale du Pays d’Arles" and
/// "MISSION LOCALE DU PAYS D'ARLES" both give "mission locale du pays d arles"; "Œuvre" gives
/// "oeuvre". ASCII input takes a fast path that does not touch ICU.
/// Complexity: linear in the input length. Throws nothing; invalid UTF-8 is replaced.
std::string fold(std::string_view text);

namespace detail {
/// fold() by ICU alone, whatever the text (fold's tables are checked against it).
std::string fold_by_icu(std::string_view text);
} // namespace detail

/// Trims ASCII white space and no-break spaces from both ends.
std::string_view trim(std::string_view text);

/// The words of a text whose words are separated by single or repeated spaces (core::fold's
/// output): "mission  locale pau" → {"mission", "locale", "pau"}. Complexity: linear.
std::vector<std::string> split_words(std::string_view text);

/// The number of characters (Unicode code points) in UTF-8 text, the width used to align
/// table columns (maillage's text is Latin script: one code point, one cell).
std::size_t display_width(std::string_view utf8);

/// A whole number formatted for the language: "12 345" (narrow no-break space) in French,
/// "12,345" in English.
std::string format_count(std::int64_t value, Lang lang);

/// A number with a fixed count of decimals for the language: "0,7143" in French, "0.7143" in
/// English; a value that rounds to zero prints without a minus sign.
std::string format_decimal(double value, int digits, Lang lang);

/// True when the bytes are valid UTF-8.
bool is_utf8(std::string_view bytes);

/// The text without the control characters XML 1.0 forbids even escaped (C0 but tab, line feed
/// and carriage return; DEL) and without C1 controls (U+0080..U+009F): what every SVG, HTML
/// and XML output of maillage writes of a name. Complexity: linear.
std::string strip_controls(std::string_view text);

/// The text with each C1 control (U+0080..U+009F) replaced by the Windows-1252 character of the
/// same byte: U+0092 → ’, U+0096 → –, U+0080 → €, U+009C → œ... A C1 control in a name is
/// always a Windows-1252 file read as Latin-1 somewhere upstream (the 2019 national directory
/// has 29 names with U+0092 for an apostrophe); the five bytes Windows-1252 leaves undefined
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) are dropped. Other text comes back unchanged.
/// Complexity: linear.
std::string repair_c1(std::string_view text);

} // namespace maillage::core
