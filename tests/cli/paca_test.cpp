// `maillage summary` on the whole example project (datasets/paca), checked against what its
// generator says it planted (datasets/paca/planted.json), not against maillage's own output.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace fs = std::filesystem;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;

std::vector<std::string> example_sheets() {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(source_dir) / "datasets/paca/editions"))
        if (e.is_regular_file()) files.push_back(fs::relative(e.path(), source_dir).string());
    std::sort(files.begin(), files.end());
    return files;
}

nlohmann::json planted() {
    std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
    return nlohmann::json::parse(in);
}

const std::map<std::string, std::string> territory_code = {
    {"Alpes-de-Haute-Provence", "04"}, {"Hautes-Alpes", "05"}, {"Alpes-Maritimes", "06"},
    {"Bouches-du-Rhône", "13"},        {"Var", "83"},          {"Vaucluse", "84"}};

} // namespace

TEST(SummaryOnExample, PeoplePerEditionAndRowsMatchThePlantedTruth) {
    const auto truth = planted();
    auto args = example_sheets();
    args.insert(args.begin(), {"summary", "--format", "json"});
    const auto outcome = maillage::test::run(MAILLAGE_BINARY, args, source_dir);
    ASSERT_EQ(outcome.exit_code, 1) << "the example carries bad rows on purpose";
    const auto doc = nlohmann::json::parse(outcome.out);

    const auto& expected = truth.at("persons_per_edition");
    ASSERT_EQ(doc.at("editions").size(), expected.size());
    for (const auto& e : doc.at("editions")) {
        const std::string key = territory_code.at(e.at("territory").get<std::string>()) + "-" +
                                e.at("edition").get<std::string>();
        ASSERT_TRUE(expected.contains(key)) << key;
        EXPECT_EQ(e.at("people").get<int>(), expected.at(key).get<int>()) << key;
    }
    const auto bad = truth.at("bad_rows").size();
    EXPECT_EQ(doc.at("total").at("rows").get<std::size_t>() + bad, truth.at("rows_total").get<std::size_t>());
    EXPECT_EQ(doc.at("total").at("people").get<int>(), truth.at("distinct_persons_total").get<int>());
}

TEST(SummaryOnExample, EveryPlantedBadRowIsReportedAtItsFileLineAndColumn) {
    const auto truth = planted();
    auto args = example_sheets();
    args.insert(args.begin(), "summary");
    const auto outcome = maillage::test::run(MAILLAGE_BINARY, args, source_dir);
    ASSERT_EQ(outcome.exit_code, 1);
    std::set<std::string> reported;
    std::istringstream lines(maillage::test::unfolded(outcome.err));
    for (std::string line; std::getline(lines, line);)
        if (line.find(": erreur: ") != std::string::npos) reported.insert(line.substr(0, line.find(": erreur: ") + 9));
    std::set<std::string> wanted;
    for (const auto& b : truth.at("bad_rows")) {
        // "file[sheet]:line:column: erreur: [header]" — the column number from its letter
        std::string where = "datasets/paca/" + b.at("file").get<std::string>();
        if (!b.at("sheet").is_null()) where += "[" + b.at("sheet").get<std::string>() + "]";
        const int column = b.at("column_letter").get<std::string>()[0] - 'A' + 1;
        wanted.insert(where + ":" + std::to_string(b.at("line").get<int>()) + ":" + std::to_string(column) +
                      ": erreur:");
    }
    EXPECT_EQ(reported, wanted) << outcome.err;
}
