// `maillage metrics --what brokerage|mixing|change` end to end: on the example project
// (datasets/paca) against what its generator planted (planted.json), and on a hand-made
// fixture the generator did not make (tests/data/sheets/brokerage_drome.csv: a bridge, a hole
// between CIO and companies, an association that lapsed, a newcomer).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::unfolded;
using nlohmann::json;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string drome = "tests/data/sheets/brokerage_drome.csv";

json planted() {
    std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
    return json::parse(in);
}

std::string folder_of(const std::string& code) {
    for (const auto& e : fs::directory_iterator(fs::path(source_dir) / "datasets/paca/editions"))
        if (e.path().filename().string().rfind(code + "-", 0) == 0) return fs::relative(e.path(), source_dir).string();
    ADD_FAILURE() << "no folder for " << code;
    return {};
}

// Names are compared in lower case (maillage::test::lower): the names shown are chosen among
// the spellings seen.
using maillage::test::lower;

json metrics_json(std::vector<std::string> args) {
    args.insert(args.begin(), "metrics");
    args.insert(args.end(), {"--format", "json"});
    const auto outcome = maillage::test::run(MAILLAGE_BINARY, args, source_dir);
    EXPECT_TRUE(outcome.exit_code == 0 || outcome.exit_code == 1) << outcome.err; // 1: the example's planted bad rows
    return json::parse(outcome.out);
}

const json* row_where(const json& rows, const std::function<bool(const json&)>& pred) {
    for (const auto& r : rows)
        if (pred(r)) return &r;
    return nullptr;
}

} // namespace

TEST(BrokerageOnExample, PlantedSinglePointOfFailureIsFound) {
    ASSERT_FALSE(planted().at("single_points_of_failure").empty());
    const auto all = planted(); // kept: a temporary in the range would die before the loop (C++20)
    for (const auto& truth : all.at("single_points_of_failure")) {
        const auto doc = metrics_json({folder_of(truth.at("territory")), "--edition", std::to_string(truth.at("year").get<int>()),
                                       "--level", truth.at("level"), "--scope", truth.at("graph"), "--what", "brokerage"});
        const auto* cp = row_where(doc.at("articulation_points"), [&](const json& r) {
            return lower(r.at("organisation")) == lower(truth.at("name"));
        });
        ASSERT_NE(cp, nullptr) << doc.at("articulation_points").dump(1);
        std::set<std::string> cut, expected;
        for (const auto& n : cp->at("cut_off")) cut.insert(lower(n));
        for (const auto& n : truth.at("separated_names")) expected.insert(lower(n));
        EXPECT_EQ(cut, expected);
    }
}

TEST(MixingOnExample, PlantedStructuralHoleIsFewerThanChance) {
    const auto all = planted(); // kept: a temporary in the range would die before the loop (C++20)
    for (const auto& truth : all.at("structural_holes")) {
        const std::string a = truth.at("types")[0], b = truth.at("types")[1];
        const auto doc = metrics_json({folder_of(truth.at("territory")), "--level", truth.at("level"), "--scope", "organisations",
                                       "--what", "mixing", "--reshuffles", "199", "--seed", "7"});
        EXPECT_EQ(doc.at("figures").at("reshuffles"), 199);
        EXPECT_EQ(doc.at("figures").at("seed"), "7");
        const auto* cell = row_where(doc.at("type_ties"), [&](const json& r) {
            return (r.at("group") == a && r.at("with") == b) || (r.at("group") == b && r.at("with") == a);
        });
        ASSERT_NE(cell, nullptr);
        EXPECT_EQ(cell->at("observed"), 0);
        EXPECT_GT(cell->at("expected").get<double>(), 1.0);
        EXPECT_LE(cell->at("p_fewer").get<double>(), 0.01) << cell->dump();
    }
}

TEST(ChangeOnExample, PlantedLapsedOrganisationsAreListedWithTheirLastYear) {
    const auto all = planted(); // kept: a temporary in the range would die before the loop (C++20)
    for (const auto& truth : all.at("lapsed_organisations")) {
        const auto doc = metrics_json({folder_of(truth.at("territory")), "--scope", "organisations", "--what", "change"});
        const auto* row = row_where(doc.at("lapsed"), [&](const json& r) {
            return lower(r.at("organisation")) == lower(truth.at("name"));
        });
        ASSERT_NE(row, nullptr) << truth.at("name");
        EXPECT_EQ(row->at("last_year"), truth.at("last_year")) << truth.at("name");
        EXPECT_EQ(row->at("editions"), truth.at("editions_attended").size()) << truth.at("name");
    }
}

TEST(ChangeOnExample, PlantedLapsedBrokerWasABrokerThatDidNotComeBack) {
    const auto all = planted(); // kept: a temporary in the range would die before the loop (C++20)
    for (const auto& truth : all.at("lapsed_brokers")) {
        const auto doc = metrics_json({folder_of(truth.at("territory")), "--scope", "organisations", "--what", "change"});
        const auto* row = row_where(doc.at("brokers"), [&](const json& r) {
            return lower(r.at("organisation")) == lower(truth.at("name")) && r.at("from") == truth.at("last_year");
        });
        ASSERT_NE(row, nullptr) << doc.at("brokers").dump(1);
        EXPECT_EQ(row->at("came_back"), "no");
    }
}

TEST(BrokerageOnFixture, BridgeAndSinglePointOfFailureInWords) {
    const auto outcome = maillage::test::run(MAILLAGE_BINARY,
                                             {"metrics", drome, "--edition", "2024", "--scope", "organisations", "--what", "brokerage"},
                                             source_dir);
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_EQ(outcome.err, "");
    // the sentence as a reader takes it in, folded over lines of 120 characters or not
    std::string text = outcome.out;
    for (std::size_t at = text.find("\n    "); at != std::string::npos; at = text.find("\n    ", at)) text.replace(at, 5, " ");
    EXPECT_NE(text.find("Si « Cap emploi 26 » (Cap emploi) ne vient plus, « Chambre d'agriculture de la Drôme » "
                        "(Chambre d'agriculture) perd son seul lien avec les autres."),
              std::string::npos)
        << outcome.out;
    const auto doc = metrics_json({drome, "--edition", "2024", "--scope", "organisations", "--what", "brokerage"});
    ASSERT_EQ(doc.at("bridges").size(), 1U);
    EXPECT_EQ(doc.at("bridges")[0].at("cut_off"), json::array({"Chambre d'agriculture de la Drôme"}));
}

TEST(MixingOnFixture, HandMadeHoleBetweenCioAndCompanies) {
    const auto doc = metrics_json({drome, "--scope", "organisations", "--what", "mixing", "--reshuffles", "999"});
    const auto* cell = row_where(doc.at("type_ties"), [](const json& r) { return r.at("group") == "cio" && r.at("with") == "entreprise"; });
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(cell->at("observed"), 0);
    EXPECT_LE(cell->at("p_fewer").get<double>(), 0.05);
    // the same seed gives the same bytes
    EXPECT_EQ(doc, metrics_json({drome, "--scope", "organisations", "--what", "mixing", "--reshuffles", "999"}));
}

TEST(ChangeOnFixture, LapseNewcomerAndTies) {
    const auto doc = metrics_json({drome, "--scope", "organisations", "--what", "change"});
    ASSERT_EQ(doc.at("lapsed").size(), 1U);
    EXPECT_EQ(doc.at("lapsed")[0].at("organisation"), "Association Le Relais");
    EXPECT_EQ(doc.at("lapsed")[0].at("last_year"), 2023);
    const auto* orgs = row_where(doc.at("transitions"), [](const json& r) { return r.at("network") == "organisations"; });
    ASSERT_NE(orgs, nullptr);
    EXPECT_EQ(orgs->at("from"), 2023);
    EXPECT_EQ(orgs->at("to"), 2024);
    EXPECT_EQ(orgs->at("newcomers"), 1); // France services Crest
    EXPECT_EQ(orgs->at("lapsed"), 1);
    const auto ties = doc.at("tie_changes");
    EXPECT_EQ(static_cast<std::int64_t>(ties.size()), orgs->at("new").get<std::int64_t>() + orgs->at("faded").get<std::int64_t>());
}

TEST(MetricsWhat, TwoModeScopeIsAUsageError) {
    const auto outcome = maillage::test::run(MAILLAGE_BINARY, {"metrics", drome, "--scope", "two-mode", "--what", "mixing"}, source_dir);
    EXPECT_EQ(outcome.exit_code, 2);
    EXPECT_NE(unfolded(outcome.err).find("--what mixing porte sur les personnes ou les organisations"), std::string::npos) << outcome.err;
    const auto bad = maillage::test::run(MAILLAGE_BINARY, {"metrics", drome, "--what", "mixing", "--reshuffles", "0"}, source_dir);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(unfolded(bad.err).find("--reshuffles attend un entier entre 1 et 100000"), std::string::npos) << bad.err;
}

// ---- Changes judged against chance (--what change, section `chance`; docs/metrics.md) --------

namespace {

std::size_t columns(const std::string& line) {
    return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

TEST(ChangeAgainstChance, EveryMeasureCarriesItsMarginAndVerdict) {
    const auto doc = metrics_json({folder_of("84"), "--scope", "organisations", "--what", "change", "--edition", "2019"});
    EXPECT_EQ(doc.at("figures").at("reshuffles"), 1000); // metrics::default_reshuffles
    const auto& rows = doc.at("chance");
    ASSERT_EQ(rows.size(), 7U) << "one transition (2018 → 2019), seven measures";
    EXPECT_EQ(rows[0].at("measure"), "reconnaissance_share") << "the lead measure first";
    const std::set<std::string> verdicts{"up", "down", "within_chance", "not_testable"};
    for (const auto& r : rows) {
        const std::string verdict = r.at("verdict");
        ASSERT_TRUE(verdicts.count(verdict)) << r.dump();
        EXPECT_EQ(r.at("to"), 2019);
        if (verdict == "not_testable") {
            EXPECT_TRUE(r.at("chance_low").is_null()) << r.dump();
            continue;
        }
        // the verdict is where the change lies against its interval (6 decimals in JSON)
        const double d = r.at("difference"), low = r.at("chance_low"), high = r.at("chance_high");
        EXPECT_LE(low, high) << r.dump();
        EXPECT_TRUE(verdict != "up" || d > high - 1e-6) << r.dump();
        EXPECT_TRUE(verdict != "down" || d < low + 1e-6) << r.dump();
        EXPECT_TRUE(verdict != "within_chance" || (d >= low - 1e-6 && d <= high + 1e-6)) << r.dump();
    }
    const auto* connaissance = row_where(rows, [](const json& r) { return r.at("measure") == "partners_connaissance"; });
    ASSERT_NE(connaissance, nullptr);
    EXPECT_EQ(connaissance->at("verdict"), "not_testable");
    const auto* density = row_where(rows, [](const json& r) { return r.at("measure") == "interconnaissance_density"; });
    ASSERT_NE(density, nullptr);
    EXPECT_GT(density->at("after").get<double>(), 0.9) << "near its ceiling: why it does not lead";
    // the same seed, the same figures
    EXPECT_EQ(doc.at("chance"), metrics_json({folder_of("84"), "--scope", "organisations", "--what", "change", "--edition", "2019"}).at("chance"));
}

TEST(ChangeAgainstChance, TheTableLeadsWithWhatMovesInWordsWithin120Columns) {
    const auto outcome = maillage::test::run(
        MAILLAGE_BINARY, {"metrics", folder_of("84"), "--scope", "organisations", "--what", "change", "--edition", "2019"}, source_dir);
    ASSERT_TRUE(outcome.exit_code == 0 || outcome.exit_code == 1) << outcome.err;
    const std::string& out = outcome.out;
    const auto title = out.find("\nCe qui bouge d'une édition à l'autre, comparé au hasard\n");
    ASSERT_NE(title, std::string::npos) << out;
    EXPECT_LT(title, out.find("\nÉvolution d'une édition à l'autre\n")) << "it leads";
    const auto end = out.find("\n\n", title + 1);
    const std::string section = out.substr(title + 1, end - title - 1);
    std::istringstream lines(section);
    for (std::string line; std::getline(lines, line);) EXPECT_LE(columns(line), 120U) << line;
    EXPECT_NE(section.find("Vaucluse — Paires d'organisations qui ont travaillé ensemble (reconnaissance) : "), std::string::npos)
        << section;
    EXPECT_NE(section.find("(hasard : "), std::string::npos) << section;
    EXPECT_NE(section.find("Connaissance : les "), std::string::npos) << section;
    EXPECT_NE(section.find("non testable"), std::string::npos) << section;
    // density is in the rows, never a sentence; and never "se relâche"
    EXPECT_EQ(out.find("relâche"), std::string::npos);
    EXPECT_EQ(section.find("Vaucluse — Densité"), std::string::npos) << section;
}

TEST(ChangeAgainstChance, EditionsGiveDensityWithoutAVerdict) {
    // Vaucluse's organisation density moves by thousandths near 1: the figures, and where the
    // change is judged, never "denser" or "less dense"
    const auto outcome = maillage::test::run(MAILLAGE_BINARY, {"metrics", folder_of("84"), "--scope", "organisations", "--what", "editions"},
                                             source_dir);
    ASSERT_TRUE(outcome.exit_code == 0 || outcome.exit_code == 1) << outcome.err;
    EXPECT_NE(outcome.out.find("  Vaucluse : densité "), std::string::npos) << outcome.out;
    EXPECT_NE(outcome.out.find("La densité seule ne dit pas si le réseau se resserre :\n    --what change juge l'écart contre le hasard."),
              std::string::npos)
        << outcome.out;
    for (const char* verdict : {"plus dense", "moins dense", "relâche"}) EXPECT_EQ(outcome.out.find(verdict), std::string::npos) << verdict;
}
