// `maillage check` end to end: the truncations planted in the example (datasets/paca,
// planted.json → organisations[].spellings_seen: "OPCO Afdas", "OPCO Uniformation") are one
// organisation by evidence and asked about no more; the near-duplicates of a hand-made fixture
// (tests/data/sheets/check_variants.csv) are found, distinct organisations are not, the alias
// lines it suggests do make the pairs one organisation, and a store is only read.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;

namespace {

using maillage::test::slurp;
using maillage::test::TempDir;

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string binary = MAILLAGE_BINARY;

using Pair = std::set<std::string>;

std::set<Pair> organisation_pairs(const nlohmann::json& doc) {
    std::set<Pair> out;
    for (const auto& p : doc.at("organisations"))
        out.insert({p.at("name").at("name").get<std::string>(), p.at("similar_to").at("name").get<std::string>()});
    return out;
}

bool mentions(const std::set<Pair>& pairs, const std::string& word) {
    for (const auto& p : pairs)
        for (const auto& name : p)
            if (name.find(word) != std::string::npos) return true;
    return false;
}

nlohmann::json check_json(std::vector<std::string> args, int expected_exit = 1) {
    args.insert(args.begin(), "check");
    args.insert(args.end(), {"--format", "json"});
    const auto outcome = run(binary, args, source_dir);
    EXPECT_EQ(outcome.exit_code, expected_exit) << outcome.err;
    return nlohmann::json::parse(outcome.out);
}

} // namespace

// The planted truncations ("OPCO Afdas" for "OPCO Afdas Méditerranée", "OPCO Uniformation"
// for "OPCO Uniformation PACA", some rows with a SIRET, others without) are one organisation
// each by evidence (same type, same commune, one name the other's start): nothing to ask.
TEST(CheckOnExample, ThePlantedTruncationsAreOneOrganisationAndNotAsked) {
    const auto doc = check_json({"datasets/paca/editions", "--aliases", "datasets/paca/aliases.csv"});
    const auto pairs = organisation_pairs(doc);
    EXPECT_FALSE(mentions(pairs, "OPCO Afdas")) << doc.dump(2);
    EXPECT_FALSE(mentions(pairs, "OPCO Uniformation")) << doc.dump(2);
    for (const auto& q : doc.at("questions")) {
        EXPECT_EQ(q.at("first").get<std::string>().find("OPCO"), std::string::npos) << q.dump();
        EXPECT_EQ(q.at("second").get<std::string>().find("OPCO"), std::string::npos) << q.dump();
    }
    EXPECT_EQ(doc.at("rejected_rows").get<int>(), 8) << "planted.json → bad_rows";
}

TEST(CheckOnExample, RenamesOfOtherWordsAreLeftToTheAliasesFile) {
    // "Conseil régional PACA" → "Région Sud" and "DIRECCTE UD 04" → "DDETS Alpes-de-Haute-Provence"
    // share no word that names them: no name similarity can see them (datasets/paca/aliases.csv
    // says it instead). Pinned so that a change in the score that starts pairing them is seen.
    const auto pairs = organisation_pairs(check_json({"datasets/paca/editions"}));
    EXPECT_FALSE(mentions(pairs, "Région Sud"));
    EXPECT_FALSE(mentions(pairs, "DDETS"));
}

TEST(CheckOnExample, TheSuggestedAliasLinesMakeEachPairOneOrganisation) {
    TempDir tmp;
    const auto doc = check_json({"datasets/paca/editions", "--aliases", "datasets/paca/aliases.csv"});
    std::string aliases = slurp(fs::path(source_dir) / "datasets/paca/aliases.csv");
    for (const auto& p : doc.at("organisations")) aliases += p.at("alias_line").get<std::string>() + "\n";
    const auto file = (tmp.path / "aliases.csv").string();
    std::ofstream(file) << aliases;
    const auto after = check_json({"datasets/paca/editions", "--aliases", file});
    EXPECT_TRUE(after.at("organisations").empty()) << after.at("organisations").dump(2);
}

TEST(CheckOnFixture, FindsTyposAndRenamedTyposButNotSiblings) {
    const auto doc = check_json({"tests/data/sheets/check_variants.csv"});
    const auto pairs = organisation_pairs(doc);
    EXPECT_TRUE(pairs.contains(Pair{"Mision locale de Gap", "Mission locale de Gap"}));
    // the renamed typo of its own commune is one organisation by evidence (France Travail type,
    // commune 83137, "Toulom" is Toulon misspelt)
    EXPECT_FALSE(mentions(pairs, "Toulom")) << "Pole Emploi Toulom is France Travail Toulon";
    EXPECT_FALSE(mentions(pairs, "CIO")) << "one identity: C.I.O. de Toulon is CIO Toulon";
    EXPECT_FALSE(mentions(pairs, " Est")) << "Mission locale Est and Ouest are two";
    EXPECT_FALSE(mentions(pairs, "Femmes Solidaires")) << "numbered siblings";
    EXPECT_FALSE(mentions(pairs, "CCI")) << "a chamber is not a communauté de communes";
    EXPECT_FALSE(mentions(pairs, "Hyères")) << "Pôle emploi Hyères is France Travail Hyeres (renamed 2024)";

    std::set<Pair> people;
    for (const auto& p : doc.at("people"))
        people.insert({p.at("name").at("name").get<std::string>(), p.at("similar_to").at("name").get<std::string>()});
    EXPECT_TRUE(people.contains(Pair{"Sébastien Lopes", "Sébastien Lopez"}));
    bool helene = false;
    for (const auto& p : doc.at("joined_by_name"))
        if (p.at("emails") == nlohmann::json{"helene.martin@mlgap.fr", "h.martin@gmail.com"}) helene = true;
    EXPECT_TRUE(helene) << doc.at("joined_by_name").dump(2);
}

TEST(CheckOnStore, ReadsTheStoreWithoutChangingIt) {
    TempDir tmp;
    const auto store = (tmp.path / "p.gpkg").string();
    const auto ingest = run(binary, {"ingest", "tests/data/sheets/check_variants.csv", "--into", store}, source_dir);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const std::string before = slurp(store);
    const auto doc = check_json({store});
    EXPECT_EQ(slurp(store), before);
    const auto pairs = organisation_pairs(doc);
    EXPECT_TRUE(pairs.contains(Pair{"Mision locale de Gap", "Mission locale de Gap"})) << doc.dump(2);
    EXPECT_FALSE(mentions(pairs, "CIO"));
    EXPECT_EQ(doc.at("joined_by_name").size(), 2u);
}

// A project folder is checked as ingest takes it: its manifest's sheets and aliases.
TEST(CheckProjectFolder, SameAsItsSheetsWithItsAliases) {
    const auto folder = maillage::test::run(MAILLAGE_BINARY, {"check", "datasets/paca"}, MAILLAGE_SOURCE_DIR);
    const auto sheets = maillage::test::run(
        MAILLAGE_BINARY, {"check", "datasets/paca/editions", "--aliases", "datasets/paca/aliases.csv"}, MAILLAGE_SOURCE_DIR);
    EXPECT_EQ(folder.exit_code, 1);
    EXPECT_EQ(folder.out, sheets.out);
}
