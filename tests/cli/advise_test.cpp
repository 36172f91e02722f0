// `maillage unmobilised` and `maillage invite` on the example project (datasets/paca ingested
// into a store), checked against what its generator planted (datasets/paca/planted.json) and
// against an independent reading of the COG, not against maillage's own output.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "maillage/core/tabular.hpp"
#include "maillage/store/store.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;

namespace {

using maillage::test::slurp;
using maillage::test::TempDir;

const std::string binary = MAILLAGE_BINARY;
const std::string source_dir = MAILLAGE_SOURCE_DIR;

const std::map<std::string, std::string> territory_code = {
    {"Alpes-de-Haute-Provence", "04"}, {"Hautes-Alpes", "05"}, {"Alpes-Maritimes", "06"},
    {"Bouches-du-Rhône", "13"},        {"Var", "83"},          {"Vaucluse", "84"}};

class AdviseOnExample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("maillage_advise_test_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        store = (dir / "paca.gpkg").string();
        const auto r = run(binary, {"ingest", "datasets/paca", "--into", store, "--quarantine", (dir / "q.csv").string()}, source_dir);
        ASSERT_EQ(r.exit_code, 1) << r.err; // the example's planted bad rows
        std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
        truth = nlohmann::json::parse(in);
    }
    static void TearDownTestSuite() { fs::remove_all(dir); }
    static nlohmann::json unmobilised(const std::string& territory) {
        const auto r = run(binary, {"unmobilised", store, "--territory", territory, "--format", "json"}, source_dir);
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_EQ(r.err, "");
        return nlohmann::json::parse(r.out).at("territories").at(0);
    }
    static inline fs::path dir;
    static inline std::string store;
    static inline nlohmann::json truth;
};

TEST_F(AdviseOnExample, NeverMobilisedTypesAreThePlantedOnes) {
    for (const auto& [name, code] : territory_code) {
        const auto doc = unmobilised(name);
        std::map<std::string, int> listed; // type → territories elsewhere
        for (const auto& t : doc.at("types_never_mobilised")) listed[t.at("type")] = t.at("territories_elsewhere");
        const auto& planted = truth.at("never_mobilised").at(code);
        std::set<std::string> elsewhere;
        for (const auto& t : planted.at("mobilised_elsewhere")) elsewhere.insert(t);
        for (const auto& t : planted.at("never_mobilised_types")) {
            ASSERT_TRUE(listed.count(t) != 0) << name << ": " << t;
            EXPECT_EQ(listed[t] > 0, elsewhere.count(t) != 0) << name << ": " << t;
        }
        // and no type listed came here: every listed type is absent from the rates' present counts
        for (const auto& r : doc.at("rates_by_type"))
            if (listed.count(r.at("type")) != 0) {
                EXPECT_EQ(r.at("present").get<int>(), 0) << name << ": " << r.at("type");
            }
    }
}

TEST_F(AdviseOnExample, PlantedLapsedOrganisationsAndBrokerShowUp) {
    for (const auto& l : truth.at("lapsed_organisations")) {
        std::string name;
        for (const auto& [n, c] : territory_code)
            if (c == l.at("territory")) name = n;
        const auto doc = unmobilised(name);
        bool found = false;
        for (const auto& row : doc.at("lapsed_organisations"))
            if (row.at("organisation") == l.at("name")) {
                found = true;
                EXPECT_EQ(row.at("last_year"), l.at("last_year"));
                EXPECT_EQ(row.at("editions").get<std::size_t>(), l.at("editions_attended").size());
            }
        EXPECT_TRUE(found) << l.at("name");
    }
    for (const auto& b : truth.at("lapsed_brokers")) {
        const auto doc = unmobilised("Vaucluse");
        bool broker = false;
        for (const auto& row : doc.at("lapsed_organisations"))
            if (row.at("organisation") == b.at("name")) broker = row.at("broker").get<bool>() && row.at("trio_roles").get<int>() > 0;
        EXPECT_TRUE(broker) << b.at("name");
    }
}

TEST_F(AdviseOnExample, GeographicGapsAreTheEpciWithoutAnyParticipant) {
    // independent: the communes of the organisations that came to the Vaucluse, their EPCI in
    // the COG file, against the EPCI of the département
    const auto project = maillage::store::Store::open(store, false, maillage::core::Lang::Fr).load();
    std::map<std::string, std::string> epci_of;
    std::set<std::string> epci_84;
    const auto cog = maillage::core::parse_csv(slurp(fs::path(source_dir) / "datasets/france/paca_communes.csv"));
    for (std::size_t r = 1; r < cog.records.size(); ++r) {
        const auto& f = cog.records[r].fields;
        epci_of[f[0]] = f[6];
        if (f[2] == "84") epci_84.insert(f[6]);
    }
    std::set<std::string> covered;
    for (const auto& a : project.attendances) {
        const auto& e = project.editions[static_cast<std::size_t>(project.sessions[static_cast<std::size_t>(a.session)].edition)];
        if (project.territories[static_cast<std::size_t>(e.territory)].name != "Vaucluse" || a.organisation < 0) continue;
        covered.insert(epci_of[project.organisations[static_cast<std::size_t>(a.organisation)].commune]);
    }
    std::set<std::string> expected;
    for (const auto& e : epci_84)
        if (covered.count(e) == 0) expected.insert(e);
    std::set<std::string> listed;
    const auto doc = unmobilised("Vaucluse");
    for (const auto& g : doc.at("epci_gaps")) listed.insert(g.at("epci"));
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(listed, expected);
    EXPECT_FALSE(doc.at("commune_gaps").empty());
    EXPECT_LT(doc.at("figures").at("population_covered").get<long>(), doc.at("figures").at("population").get<long>());
}

TEST_F(AdviseOnExample, EveryInvitationHasAReasonInBothLanguages) {
    for (const auto& [name, code] : territory_code)
        for (const std::string lang : {"fr", "en"}) {
            const auto r = run(binary, {"--lang", lang, "invite", store, "--territory", name, "--top", "30", "--format", "json"}, source_dir);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            EXPECT_EQ(r.err, "");
            const auto rows = nlohmann::json::parse(r.out).at("territories").at(0).at("organisations");
            EXPECT_FALSE(rows.empty()) << name;
            double previous = 1e9;
            for (const auto& row : rows) {
                EXPECT_FALSE(row.at("reason").get<std::string>().empty()) << name << ": " << row.at("organisation");
                EXPECT_LE(row.at("score").get<double>(), previous);
                previous = row.at("score").get<double>();
            }
        }
}

} // namespace
