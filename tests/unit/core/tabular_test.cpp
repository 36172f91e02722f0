#include <gtest/gtest.h>

#include "maillage/core/tabular.hpp"

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
