// The language of user-facing text: French by default, English on request.
#pragma once

#include <optional>
#include <string_view>

namespace maillage::core {

enum class Lang { Fr, En };

/// Parses "fr" or "en" (case-insensitive). Returns nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view text);

/// The language asked for by the environment: LC_ALL, LC_MESSAGES, then LANG starting with "en"
/// give English; anything else (or nothing) gives French, maillage's default.
Lang lang_from_environment();

} // namespace maillage::core
