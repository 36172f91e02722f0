#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "maillage/core/text.hpp"

using namespace maillage::core;

TEST(Fold, RemovesAccentsCaseAndPunctuation) {
    EXPECT_EQ(fold("Mission Locale du Pays d’Arles"), "mission locale du pays d arles");
    EXPECT_EQ(fold("MISSION LOCALE DU PAYS D'ARLES"), "mission locale du pays d arles");
    EXPECT_EQ(fold("  Édition  "), "edition");
    EXPECT_EQ(fold("Œuvre des apprentis"), "oeuvre des apprentis");
    EXPECT_EQ(fold("Type de séance"), "type de seance");
    EXPECT_EQ(fold("E-mail"), "e mail");
    EXPECT_EQ(fold("Côte-d'Azur — « ateliers »"), "cote d azur ateliers");
    EXPECT_EQ(fold(""), "");
    EXPECT_EQ(fold("---"), "");
}

TEST(Fold, AsciiFastPathAgreesWithIcuPath) {
    // the same text once plain ASCII, once with a non-ASCII character that folds away
    EXPECT_EQ(fold("Pole Emploi Gap"), fold("Pôle Emploi Gap"));
    EXPECT_EQ(fold("CIO  de   Toulon."), "cio de toulon");
}

// fold's table of Latin letters and punctuation (filled by ICU one code point at a time) gives
// what ICU gives for whole texts: every code point of the table's ranges alone, between letters
// of either case, doubled, and in random texts mixed with ASCII.
TEST(Fold, LatinTableAgreesWithIcuOnWholeTexts) {
    auto utf8 = [](char32_t cp) {
        std::string out;
        if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        }
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        return out;
    };
    std::vector<std::string> alphabet = {"a", "Z", "e", "O", "1", " ", "-", "'", "."};
    for (char32_t cp = 0xA0; cp <= 0x24F; ++cp) alphabet.push_back(utf8(cp));
    for (char32_t cp = 0x2000; cp <= 0x206F; ++cp) alphabet.push_back(utf8(cp));
    for (std::size_t i = 9; i < alphabet.size(); ++i) {
        const std::string& c = alphabet[i];
        for (const std::string& text : {c, "a" + c + "b", "A" + c + "B", "a" + c + "B", c + c, c + "x", "X" + c, "l" + c + "l"})
            ASSERT_EQ(fold(text), detail::fold_by_icu(text)) << text;
    }
    std::uint64_t state = 0x2545F4914F6CDD1DULL; // xorshift64: the same texts on every run
    auto next = [&] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        const std::size_t length = 1 + next() % 12;
        for (std::size_t k = 0; k < length; ++k) text += alphabet[next() % alphabet.size()];
        ASSERT_EQ(fold(text), detail::fold_by_icu(text)) << text;
    }
    // texts outside the table go to ICU as before
    EXPECT_EQ(fold("Αθήνα Athens"), detail::fold_by_icu("Αθήνα Athens"));
    EXPECT_EQ(fold("x\u0301y"), detail::fold_by_icu("x\u0301y"));
    EXPECT_EQ(fold("bad \xC3 utf8"), detail::fold_by_icu("bad \xC3 utf8"));
}

// ingest's header check (src/ingest/table.cpp, TableShape) skips ICU for a cell whose ASCII
// letters and digits are no subsequence of a header's folded name: that holds only if fold keeps
// them, lower-cased and in order, whatever the other characters around them.
TEST(Fold, KeepsTheAsciiLettersAndDigitsInTheirOrder) {
    const std::vector<std::string> texts = {
        "Hélène Fournier", "Œuvre — « ateliers » 2024", "Ærø ß Łódź", "Αθήνα Athens 2", "Москва Moscow",
        "北京 Beijing 1", "東京abc", "ｆｕｌｌｗｉｄｔｈ ABC", "ﬁnance ﬂow", "Ǆ ǅ ǆ dz", "İstanbul", "№ 12 ½ ¼",
        "x\u0301y\u0327z", "São Tomé e Príncipe", "Dvořák", "Ŋŋ Ħħ Đđ", "\xe2\x80\x8bzero\xe2\x80\x8bwidth",
        "ℌ𝔢𝔩𝔩𝔬 𝟙𝟚𝟛", "Ⅻ Ⓐ ⑫", "A\xc2\xa0" "B\xe2\x80\xaf" "C", "ÉDITION", "Séance", "participant·e·s"};
    for (const auto& text : texts) {
        std::string kept;
        for (char c : text)
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                kept.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        const std::string folded = fold(text);
        std::size_t at = 0;
        for (char c : folded)
            if (at < kept.size() && c == kept[at]) ++at;
        EXPECT_EQ(at, kept.size()) << text << " -> " << folded;
    }
}

TEST(Trim, RemovesSpacesAndNoBreakSpaces) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim("\xC2\xA0" "x" "\xE2\x80\xAF"), "x");
    EXPECT_EQ(trim("   "), "");
}

TEST(DisplayWidth, CountsCharactersNotBytes) {
    EXPECT_EQ(display_width("Séances"), 7u);
    EXPECT_EQ(display_width("Œ"), 1u);
    EXPECT_EQ(display_width(""), 0u);
}

TEST(FormatCount, GroupsThousandsForTheLanguage) {
    EXPECT_EQ(format_count(1234567, Lang::Fr), "1\u202F234\u202F567");
    EXPECT_EQ(format_count(1234567, Lang::En), "1,234,567");
    EXPECT_EQ(format_count(999, Lang::Fr), "999");
    EXPECT_EQ(format_count(0, Lang::En), "0");
    EXPECT_EQ(format_count(-1500, Lang::En), "-1,500");
}

TEST(IsUtf8, TellsUtf8FromWindows1252) {
    EXPECT_TRUE(is_utf8("Cité"));
    EXPECT_FALSE(is_utf8("Cit\xE9"));
    EXPECT_FALSE(is_utf8("\xC3"));       // truncated sequence
    EXPECT_FALSE(is_utf8("\xC0\xAF")); // overlong
    EXPECT_TRUE(is_utf8("plain"));
}

// A Windows-1252 file read as Latin-1 upstream leaves C1 controls in names (the 2019 national
// directory: "Maison de l\u0092emploi"): they are read back as the characters meant.
TEST(RepairC1, WindowsQuotesAndDashesComeBack) {
    EXPECT_EQ(maillage::core::repair_c1("Maison de l\u0092emploi"), "Maison de l\u2019emploi");
    EXPECT_EQ(maillage::core::repair_c1("CFA \u0096 Aix \u0080 \u009cuvre"), "CFA \u2013 Aix \u20ac \u0153uvre");
    EXPECT_EQ(maillage::core::repair_c1("a\u0081b"), "ab"); // undefined in Windows-1252
    EXPECT_EQ(maillage::core::repair_c1("Cité \u00e9t\u00e9 \u00a0"), "Cité \u00e9t\u00e9 \u00a0"); // not C1: unchanged
}
