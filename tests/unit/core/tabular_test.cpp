#include <random>

#include <gtest/gtest.h>

#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"

using namespace maillage::core;

TEST(CsvRecord, QuotesOnlyWhatRfc4180Requires) {
    EXPECT_EQ(csv_record({"a", "b c", "d"}), "a,b c,d\r\n");
    EXPECT_EQ(csv_record({"x,y", "say \"hi\"", "two\nlines"}), "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    EXPECT_EQ(csv_record({"1,5", "2"}, ';'), "1,5;2\r\n");
    EXPECT_EQ(csv_record({"a;b"}, ';'), "\"a;b\"\r\n");
}

TEST(TextTable, AlignsByCharactersNotBytes) {
    TextTable t({"Édition", "N"}, {Align::Left, Align::Right});
    t.add_row({"2019", "5"});
    t.add_row({"Été", "123"});
    EXPECT_EQ(t.str(), "Édition    N\n2019       5\nÉté      123\n");
}

TEST(ParseCsv, SplitsQuotedFieldsAndKeepsLines) {
    const auto csv = parse_csv("\xEF\xBB\xBFnom,alias\r\n"
                               "\"Mission locale, Arles\",ML Arles\r\n"
                               "\r\n"
                               "\"Dit \"\"le Relais\"\"\",\"sur\ndeux lignes\"\n"
                               "Région Sud,\n");
    ASSERT_EQ(csv.records.size(), 4u);
    EXPECT_FALSE(csv.unclosed_quote_line);
    EXPECT_EQ(csv.records[0].line, 1);
    EXPECT_EQ(csv.records[0].fields, (std::vector<std::string>{"nom", "alias"}));
    EXPECT_EQ(csv.records[1].fields[0], "Mission locale, Arles");
    EXPECT_EQ(csv.records[2].line, 4);
    EXPECT_EQ(csv.records[2].fields[0], "Dit \"le Relais\"");
    EXPECT_EQ(csv.records[2].fields[1], "sur\ndeux lignes");
    EXPECT_EQ(csv.records[3].line, 6);
    EXPECT_EQ(csv.records[3].fields, (std::vector<std::string>{"Région Sud", ""}));
}

TEST(ParseCsv, ReportsAnUnclosedQuoteWithItsLine) {
    const auto csv = parse_csv("nom;alias\nCIO Toulon;\"CIO du Var\n", ';');
    EXPECT_EQ(csv.unclosed_quote_line, 2);
    EXPECT_EQ(csv.records[0].fields, (std::vector<std::string>{"nom", "alias"}));
}

// OWASP "CSV injection": a text cell that a spreadsheet would evaluate gets a leading apostrophe;
// numbers, signed or not, decimal point or comma, stay numbers; the apostrophe comes off on the
// way back in (maillage's own decisions file).
TEST(CsvRecord, NeutralisesFormulasButNotNumbers) {
    using maillage::core::csv_record;
    using maillage::core::neutralise_formula;
    using maillage::core::unneutralise_formula;
    EXPECT_EQ(neutralise_formula("=HYPERLINK(\"http://x\",\"clic\")"), "'=HYPERLINK(\"http://x\",\"clic\")");
    EXPECT_EQ(neutralise_formula("+33 6 12 34 56 78"), "'+33 6 12 34 56 78");
    EXPECT_EQ(neutralise_formula("-Mission locale"), "'-Mission locale");
    EXPECT_EQ(neutralise_formula("@asso"), "'@asso");
    EXPECT_EQ(neutralise_formula("\tcmd"), "'\tcmd");
    EXPECT_EQ(neutralise_formula("\rcmd"), "'\rcmd");
    EXPECT_EQ(neutralise_formula("-"), "'-");
    for (const char* number : {"-0.42", "-0,42", "+12", "1e-06", "-3.5E+07", "0", "42"})
        EXPECT_EQ(neutralise_formula(number), number) << number;
    for (const char* text : {"Mission locale", "", "'=already", "a=b", "CIO - Arles"})
        EXPECT_EQ(neutralise_formula(text), text) << text;
    EXPECT_EQ(csv_record({"=1+1", "-0,42", "x"}, ';'), "'=1+1;-0,42;x\r\n");
    EXPECT_EQ(unneutralise_formula("'=1+1"), "=1+1");
    EXPECT_EQ(unneutralise_formula("'-Mission locale"), "-Mission locale");
    EXPECT_EQ(unneutralise_formula("'Arles"), "'Arles"); // an apostrophe that was written, kept
    EXPECT_EQ(unneutralise_formula(neutralise_formula("@asso")), "@asso");
}

namespace {

std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0, start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        widest = std::max(widest, maillage::core::display_width(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    return widest;
}

} // namespace

TEST(TextTable, ATableThatFitsIsWrittenAsItIs) {
    TextTable t({{"Nom", Align::Left}, {"Intermédiarité", Align::Right, Fit::Optional}, {"Raison", Align::Left, Fit::Below}});
    t.add_row({"CIO Avignon", "0,25", "venu à 7 éditions"});
    const auto fitted = t.fit(60);
    EXPECT_EQ(fitted.text, "Nom          Intermédiarité  Raison\nCIO Avignon            0,25  venu à 7 éditions\n");
    EXPECT_TRUE(fitted.omitted.empty());
}

TEST(TextTable, ProseGoesUnderItsRowAndHeadersFoldBeforeAnythingIsLeftOut) {
    TextTable t({{"Rang", Align::Right},
                 {"Organisation", Align::Left},
                 {"Score final", Align::Right},
                 {"Raison", Align::Left, Fit::Below}});
    t.add_row({"1", "CIO Avignon", "4,15", "venu à 7 éditions, de 2015 à 2024, y reliait « Collectivité territoriale » et « Information jeunesse »"});
    t.add_row({"2", "CIDFF 84", "4,06", ""});
    const auto text = t.fit(40).text;
    // without the reason the table fits: its header stays on one line
    EXPECT_EQ(text, "Rang  Organisation  Score final\n"
                    "      Raison\n"
                    "   1  CIO Avignon          4,15\n"
                    "      venu à 7 éditions, de 2015 à 2024,\n"
                    "      y reliait\n"
                    "      « Collectivité territoriale » et\n"
                    "      « Information jeunesse »\n"
                    "\n"
                    "   2  CIDFF 84             4,06\n");
    EXPECT_LE(widest_line(text), 40U);
}

TEST(TextTable, OptionalColumnsGoFromTheRightAndAreNamed) {
    TextTable t({{"Nœud", Align::Left, Fit::Keep},
                 {"Degré", Align::Right},
                 {"Proximité", Align::Right, Fit::Optional},
                 {"PageRank", Align::Right, Fit::Optional}});
    t.add_row({"France Travail Aubagne", "40", "9,6355", "0,0516"});
    const auto fitted = t.fit(45);
    EXPECT_EQ(fitted.text, "Nœud                    Degré  Proximité\nFrance Travail Aubagne     40     9,6355\n");
    EXPECT_EQ(fitted.omitted, std::vector<std::string>{"PageRank"});
}

TEST(TextTable, TextFoldsNumbersNever) {
    TextTable t({"Extrémité", "Extrémité", "Poids"}, {Align::Left, Align::Left, Align::Right});
    t.add_row({"Mission locale Avignon", "Communauté d'agglomération Ventoux Comtat Venaissin (COVE)", "1 234 567"});
    const auto text = t.fit(60).text;
    EXPECT_EQ(text, "Extrémité               Extrémité                      Poids\n"
                    "Mission locale Avignon  Communauté                 1 234 567\n"
                    "                          d'agglomération Ventoux\n"
                    "                          Comtat Venaissin (COVE)\n");
    EXPECT_LE(widest_line(text), 60U);
}

TEST(TextTable, WhatFoldingCannotFitIsSplitIntoBlocksRepeatingTheColumnsThatNameTheRows) {
    std::vector<std::string> headers{"Territoire", "Réseau"};
    std::vector<Align> aligns{Align::Left, Align::Left};
    for (int c = 0; c < 12; ++c) {
        headers.push_back("Mesure" + std::to_string(c));
        aligns.push_back(Align::Right);
    }
    TextTable t(headers, aligns);
    for (const char* network : {"personnes", "organisations"}) {
        std::vector<std::string> row{"Vaucluse", network};
        for (int c = 0; c < 12; ++c) row.push_back(std::to_string(1000 + c));
        t.add_row(row);
    }
    const auto text = t.fit(80).text;
    EXPECT_LE(widest_line(text), 80U);
    // "Vaucluse" alone does not tell the rows apart: each block starts with Territoire and Réseau
    std::size_t blocks = 0, rows = 0;
    for (std::size_t at = text.find("Territoire  Réseau"); at != std::string::npos; at = text.find("Territoire  Réseau", at + 1)) ++blocks;
    for (std::size_t at = text.find("Vaucluse    organisations"); at != std::string::npos; at = text.find("Vaucluse    organisations", at + 1)) ++rows;
    EXPECT_EQ(blocks, 3U); // 25 characters of leading columns, then six or five measures of 7 or 8
    EXPECT_EQ(rows, blocks);
    for (int c = 0; c < 12; ++c) EXPECT_NE(text.find(std::to_string(1000 + c)), std::string::npos) << "every figure is shown whole";
}

TEST(TextTable, NothingIsWiderThanTheWidth) {
    // tables drawn at random: long names, long prose, many numbers; whatever happens, no line
    // is wider than the width (a word longer than a line is cut)
    std::mt19937_64 rng(7);
    const std::vector<std::string> words{"Mission", "locale", "de", "l'agglomération", "Provence-Alpes-Côte-d'Azur", "«", "»", ";", "CIO",
                                         "https://www.service-public.fr/particuliers/vosdroits/F1234"};
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t width = 30 + rng() % 100, columns = 1 + rng() % 9;
        std::vector<TextColumn> cols;
        // Keep is for numbers and codes: text columns may fold, go under their row or give way
        for (std::size_t c = 0; c < columns; ++c) {
            const bool text = rng() % 2 == 0;
            const Fit fit = text ? std::vector{Fit::Auto, Fit::Wrap, Fit::Below, Fit::Optional}[rng() % 4]
                                 : std::vector{Fit::Auto, Fit::Keep, Fit::Optional}[rng() % 3];
            cols.push_back({"Colonne " + std::to_string(c), text ? Align::Left : Align::Right, fit});
        }
        TextTable t(cols);
        for (int r = 0; r < 4; ++r) {
            std::vector<std::string> cells;
            for (std::size_t c = 0; c < columns; ++c) {
                std::string cell;
                if (cols[c].align == Align::Right) cell = std::to_string(rng() % 100000);
                else
                    for (std::size_t w = rng() % 12; w > 0; --w) cell += (cell.empty() ? "" : " ") + words[rng() % words.size()];
                cells.push_back(cell);
            }
            t.add_row(cells);
        }
        EXPECT_LE(widest_line(t.fit(width).text), width) << "trial " << trial << "\n" << t.fit(width).text;
    }
}

TEST(WrapText, FoldsAtSpacesKeepingFrenchQuotesAndPunctuationWithTheirWords) {
    EXPECT_EQ(wrap_text("court", 20, 2, 4), "  court\n");
    EXPECT_EQ(wrap_text("a  b", 20), "a  b\n") << "text that fits keeps its spaces";
    EXPECT_EQ(wrap_text("Le hasard en donne 12 ; p = 0,001", 24, 0, 2), "Le hasard en donne 12 ;\n  p = 0,001\n");
    EXPECT_EQ(wrap_text("relie « Information jeunesse » et l'Apec", 24), "relie\n« Information jeunesse »\net l'Apec\n");
    EXPECT_EQ(wrap_text("datasets/paca/editions/84-vaucluse/2018.csv", 20), "datasets/paca/\neditions/\n84-vaucluse/2018.csv\n")
        << "a word too long parts at its folders";
}

TEST(FiguresText, NumbersLineUpAndALongTextDoesNotPushThem) {
    const auto text = figures_text("Indicateur", "Valeur",
                                   {{"Nœuds", "55", true}, {"Liens", "1 385", true},
                                    {"Modèle nul", "curveball par édition : chacun garde son nombre de séances", false}},
                                   40);
    EXPECT_EQ(text, "Indicateur  Valeur\n"
                    "Nœuds           55\n"
                    "Liens        1 385\n"
                    "Modèle nul  curveball par édition :\n"
                    "            chacun garde son nombre de\n"
                    "            séances\n");
}
