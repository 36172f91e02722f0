// `maillage metrics --what editions` against an independent reference: the peers' own
// per-edition figures (f) and retention (g) of ../shared/bench, on the bench's `seed` file.
//
// The reference is tests/bench/per_event_reference.py: peer_networkx.py's phases (f) and (g)
// (bench_common's reading and org_event_bipartite, networkx 2.8.8's bipartite projection,
// bench_common.per_event_summary and retention) for every event, where the peer itself prints
// three examples and means; plus the same figures on each event's person graph. The test first
// checks that the script gives exactly the peer's own output (`/usr/bin/python3
// peer_networkx.py seed.csv`: per_edition and retention), then compares maillage's rows with it.
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string shared_bench = (fs::path(MAILLAGE_SHARED_DIR) / "bench").string();
const std::string seed_csv = MAILLAGE_BENCH_SEED;
const std::string python = MAILLAGE_DEBIAN_PYTHON; // Debian's, with python3-networkx

json run_json(const std::string& program, const std::vector<std::string>& args) {
    const auto outcome = maillage::test::run(program, args, source_dir);
    EXPECT_EQ(outcome.exit_code, 0) << program << ": " << outcome.err;
    return json::parse(outcome.out);
}

const json& reference() {
    static const json r = run_json(python, {(fs::path(source_dir) / "tests/bench/per_event_reference.py").string(),
                                            shared_bench, seed_csv});
    return r;
}

/// maillage's rows by (territory, year).
std::map<std::tuple<std::string, int>, json> editions(const std::string& scope) {
    const json doc = run_json(MAILLAGE_BINARY, {"metrics", seed_csv, "--what", "editions", "--scope", scope, "--format", "json"});
    std::map<std::tuple<std::string, int>, json> out;
    for (const auto& row : doc.at("editions")) out[{row.at("territory").get<std::string>(), row.at("year").get<int>()}] = row;
    return out;
}

// maillage's JSON rounds decimals to 6 places
void expect_close(const json& maillage, const json& reference, const std::string& what) {
    if (reference.is_null()) {
        EXPECT_TRUE(maillage.is_null()) << what;
        return;
    }
    ASSERT_FALSE(maillage.is_null()) << what;
    EXPECT_NEAR(maillage.get<double>(), reference.get<double>(), 5e-7) << what;
}

} // namespace

TEST(EditionsReference, ScriptGivesThePeersOwnFigures) {
    const json peer = run_json(python, {shared_bench + "/peer_networkx.py", seed_csv});
    EXPECT_EQ(reference().at("per_edition"), peer.at("per_edition"));
    EXPECT_EQ(reference().at("retention"), peer.at("retention"));
    EXPECT_EQ(reference().at("events").size(), 30U); // seed: 6 territories × 5 editions
}

// People: the definitions are the same (a person is one node per edition, whatever the name of
// their organisation), so every figure of every edition is equal.
TEST(EditionsReference, PeopleEqualAtEveryEdition) {
    const auto rows = editions("people");
    ASSERT_EQ(rows.size(), reference().at("events").size());
    for (const auto& e : reference().at("events")) {
        const auto key = std::tuple(e.at("territory").get<std::string>(), e.at("edition").get<int>());
        const std::string what = std::get<0>(key) + " " + std::to_string(std::get<1>(key));
        ASSERT_TRUE(rows.count(key)) << what;
        const auto& r = rows.at(key);
        EXPECT_EQ(r.at("people"), e.at("people")) << what;
        EXPECT_EQ(r.at("ties"), e.at("person_ties")) << what;
        expect_close(r.at("density"), e.at("person_density"), what + " density");
        expect_close(r.at("ei_index"), e.at("person_ei_index"), what + " E-I");
        expect_close(r.at("retention"), e.at("retention"), what + " retention");
    }
}

// Organisations: equal wherever the edition has as many organisations in both. maillage resolves
// renamed organisations (Pôle emploi → France Travail, Fongecif → Transitions Pro, Opacif → OPCO)
// into one identity; the peers keep every name as its own node. On the national file this also
// merges two distinct organisations of a renamed family that share a base name ("Opacif agricole
// Nouvelle-Aquitaine 2" and "… 2 (2)"), one node less in 56 of 3,200 editions (bench/README.md);
// on the seed file no edition differs today. An edition that differs must have fewer
// organisations and ties in maillage (merged, never split), and they must stay a few.
TEST(EditionsReference, OrganisationsEqualWhereNoRenameMeets) {
    const auto rows = editions("organisations");
    ASSERT_EQ(rows.size(), reference().at("events").size());
    int equal = 0, merged = 0;
    std::int64_t ties = 0;
    for (const auto& e : reference().at("events")) {
        const auto key = std::tuple(e.at("territory").get<std::string>(), e.at("edition").get<int>());
        const std::string what = std::get<0>(key) + " " + std::to_string(std::get<1>(key));
        ASSERT_TRUE(rows.count(key)) << what;
        const auto& r = rows.at(key);
        ties += r.at("ties").get<std::int64_t>();
        expect_close(r.at("retention"), e.at("retention"), what + " retention"); // people, as the peers'
        if (r.at("organisations") != e.at("orgs")) {
            ++merged;
            EXPECT_LT(r.at("organisations").get<int>(), e.at("orgs").get<int>()) << what; // merged, never split
            EXPECT_LE(r.at("ties").get<int>(), e.at("org_ties").get<int>()) << what;
            continue;
        }
        ++equal;
        EXPECT_EQ(r.at("ties"), e.at("org_ties")) << what;
        expect_close(r.at("density"), e.at("org_density"), what + " density");
        expect_close(r.at("ei_index"), e.at("org_ei_index"), what + " E-I");
    }
    EXPECT_GE(equal, 25) << "merged renames: " << merged;
    // the peers' ties_total (peer_networkx.py: per_edition.ties_total) less the merged names' ties
    const auto peer_total = reference().at("per_edition").at("ties_total").get<std::int64_t>();
    EXPECT_LE(ties, peer_total);
    EXPECT_GE(static_cast<double>(ties), 0.99 * static_cast<double>(peer_total));
}
