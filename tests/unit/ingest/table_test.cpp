#include <algorithm>

#include <gtest/gtest.h>

#include "maillage/core/error.hpp"
#include "maillage/ingest/table.hpp"

using namespace maillage::ingest;
using maillage::core::Lang;

namespace {

const std::string sheets = std::string(MAILLAGE_SOURCE_DIR) + "/tests/data/sheets/";

struct Read {
    std::vector<TableInfo> tables;
    std::vector<std::vector<Row>> rows;
};

Read read(const std::string& name, ReadOptions options = {}) {
    Read r;
    read_tables(sheets + name, options, Lang::Fr,
                [&](const TableInfo& t) {
                    r.tables.push_back(t);
                    r.rows.emplace_back();
                },
                [&](const Row& row) { r.rows.back().push_back(row); });
    return r;
}

} // namespace

TEST(GuessSeparator, CountsOutsideQuotes) {
    EXPECT_EQ(guess_separator("a,b,c"), ',');
    EXPECT_EQ(guess_separator("a;b;c"), ';');
    EXPECT_EQ(guess_separator("a\tb\tc"), '\t');
    // deps-probe.md G4: GDAL 3.6 reads this header as comma-separated
    EXPECT_EQ(guess_separator("Nom;Structure (organisme, service);Rôle"), ';');
    EXPECT_EQ(guess_separator("\"a;b\",c"), ',');
    EXPECT_EQ(guess_separator("single"), ',');
}

TEST(ReadTables, Windows1252SemicolonWithACommaInAHeader) {
    const auto r = read("cp1252_semicolon.csv");
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].encoding, "windows-1252");
    EXPECT_EQ(r.tables[0].separator, ';');
    ASSERT_EQ(r.tables[0].headers.size(), 7u);
    EXPECT_EQ(r.tables[0].headers[5], "Structure (organisme, service)");
    ASSERT_EQ(r.rows[0].size(), 4u);
    // ’ (0x92) and Œ (0x8C), œ (0x9C) are Windows-1252, not Latin-1
    EXPECT_EQ(r.rows[0][0].cells[5], "Cité des métiers d’Avignon");
    EXPECT_EQ(r.rows[0][1].cells[3], "Cœur");
    EXPECT_EQ(r.rows[0][1].cells[5], "Œuvre des apprentis");
    EXPECT_EQ(r.rows[0][0].line, 2);
}

TEST(ReadTables, EncodingCanBeForced) {
    ReadOptions o;
    o.encoding = Encoding::Windows1252;
    const auto r = read("cp1252_semicolon.csv", o);
    EXPECT_EQ(r.rows[0][1].cells[3], "Cœur");
}

TEST(ReadTables, Utf8BomSemicolonCrlf) {
    const auto r = read("bom_semicolon_crlf.csv");
    EXPECT_EQ(r.tables[0].encoding, "utf-8 (BOM)");
    EXPECT_EQ(r.tables[0].headers[0], "Territoire"); // no BOM left in the first header
    EXPECT_EQ(r.tables[0].headers[1], "Édition");
    ASSERT_EQ(r.rows[0].size(), 3u);
    EXPECT_EQ(r.rows[0][2].cells[4], "Mission locale de Gap"); // no trailing CR
    EXPECT_EQ(r.rows[0][2].cells[5], "participant");
}

TEST(ReadTables, TabSeparated) {
    const auto r = read("tabs.tsv");
    EXPECT_EQ(r.tables[0].separator, '\t');
    ASSERT_EQ(r.rows[0].size(), 2u);
    EXPECT_EQ(r.rows[0][1].cells[4], "CCI Nice Côte d'Azur");
}

TEST(ReadTables, LineNumbersFollowQuotedLineBreaks) {
    const auto r = read("bad_rows.csv");
    ASSERT_EQ(r.rows[0].size(), 9u);
    EXPECT_EQ(r.rows[0][0].line, 2);
    EXPECT_EQ(r.rows[0][3].line, 5);
    EXPECT_EQ(r.rows[0][3].cells[8], "France Travail\nToulon Est");
    EXPECT_EQ(r.rows[0][4].line, 7); // the record above spans lines 5 and 6
    EXPECT_EQ(r.rows[0][8].line, 11);
}

TEST(ReadTables, EveryWorkbookSheetWithSpreadsheetRowNumbers) {
    for (const std::string name : {"two_sheets.xlsx", "two_sheets.ods"}) {
        const auto r = read(name);
        ASSERT_EQ(r.tables.size(), 2u) << name;
        EXPECT_EQ(r.tables[0].sheet, "Préparation");
        EXPECT_EQ(r.tables[1].sheet, "Journée");
        EXPECT_EQ(r.tables[1].source, sheets + name + "[Journée]");
        ASSERT_EQ(r.rows[1].size(), 4u) << name;
        EXPECT_EQ(r.rows[1][0].line, 2) << name;
        EXPECT_EQ(r.rows[1][3].line, 5) << name;
        EXPECT_EQ(r.rows[1][0].cells[7], "13004") << name; // text, leading digits kept
    }
}

TEST(ReadTables, OneSheetOnRequest) {
    ReadOptions o;
    o.sheet = "Journée";
    const auto r = read("two_sheets.xlsx", o);
    ASSERT_EQ(r.tables.size(), 1u);
    EXPECT_EQ(r.tables[0].sheet, "Journée");
    o.sheet = "Bilan";
    try {
        read("two_sheets.xlsx", o);
        FAIL();
    } catch (const maillage::FatalError& e) {
        EXPECT_EQ(std::string(e.what()), sheets + "two_sheets.xlsx: erreur: feuille « Bilan » introuvable ; "
                                                  "feuilles du classeur : Préparation, Journée");
    }
}

TEST(ReadTables, MissingFileAndUnknownFormatAreFatal) {
    try {
        read("absent.csv");
        FAIL();
    } catch (const maillage::FatalError& e) {
        EXPECT_EQ(std::string(e.what()), sheets + "absent.csv: erreur: fichier introuvable");
    }
    try {
        read("two_sheets.xlsx.json");
        FAIL();
    } catch (const maillage::FatalError& e) {
        EXPECT_EQ(std::string(e.what()), sheets + "two_sheets.xlsx.json: erreur: format non reconnu (extension "
                                                  "« .json ») ; formats lus : .csv, .tsv, .txt, .xlsx, .ods");
    }
}

TEST(ExpandInputs, FoldersGiveTheirSheetsSorted) {
    const auto files = expand_inputs({sheets, sheets + "absent.csv"});
    ASSERT_GE(files.size(), 8u);
    EXPECT_EQ(files.front(), sheets + "bad_rows.csv");
    EXPECT_EQ(files.back(), sheets + "absent.csv"); // kept, so that reading it reports it
    EXPECT_TRUE(std::is_sorted(files.begin(), files.end() - 1));
    EXPECT_EQ(std::count(files.begin(), files.end(), sheets + "not_a_sheet.json"), 0);
}
