#include <gtest/gtest.h>

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
