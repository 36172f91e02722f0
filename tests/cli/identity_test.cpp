// Identity end to end (#18): one count everywhere on the example, the coordinator's decisions
// round-trip (answer, re-ingest, split back, export, import), and a bad decisions file is
// refused whole with its file:line:column errors.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "maillage/core/text.hpp"
#include "maillage/store/store.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;
using maillage::test::slurp;
using maillage::test::TempDir;
using json = nlohmann::json;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string binary = MAILLAGE_BINARY;

maillage::model::Project load(const std::string& store) {
    return maillage::store::Store::open(store, false, maillage::core::Lang::Fr).load();
}

json run_json(const std::vector<std::string>& args) {
    const auto outcome = run(binary, args, source_dir);
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    return json::parse(outcome.out);
}

// `check` exits 1 when it has something to say (questions, near-duplicates)
json check_json(const std::string& store) {
    const auto outcome = run(binary, {"check", store, "--format", "json"}, source_dir);
    EXPECT_LE(outcome.exit_code, 1) << outcome.err;
    return json::parse(outcome.out);
}

// The example, ingested once for the tests that only read it.
const std::string& example_store() {
    static TempDir dir;
    static const std::string store = [] {
        const std::string path = (dir.path / "paca.gpkg").string();
        const auto r = run(binary, {"ingest", "datasets/paca", "--into", path}, source_dir);
        EXPECT_EQ(r.exit_code, 1) << r.err; // the example's planted bad rows
        return path;
    }();
    return store;
}

} // namespace

// The organisations of every territory × edition are the same resolved entities in the
// summary of the store and in the metrics; the people too.
TEST(OneCount, SummaryAndMetricsAgreeForEveryEdition) {
    const auto summary = run_json({"summary", example_store(), "--format", "json"});
    std::map<std::pair<std::string, int>, std::pair<int, int>> counted;
    for (const auto& e : summary.at("editions"))
        counted[{e.at("territory").get<std::string>(), std::stoi(e.at("edition").get<std::string>())}] = {
            e.at("organisations").get<int>(), e.at("people").get<int>()};
    ASSERT_EQ(counted.size(), 48u);
    const auto orgs = run_json({"metrics", example_store(), "--what", "editions", "--scope", "organisations", "--format", "json"});
    const auto people = run_json({"metrics", example_store(), "--what", "editions", "--scope", "people", "--format", "json"});
    ASSERT_EQ(orgs.at("editions").size(), counted.size());
    for (const auto& row : orgs.at("editions")) {
        const std::pair key{row.at("territory").get<std::string>(), row.at("year").get<int>()};
        ASSERT_TRUE(counted.contains(key)) << key.first << " " << key.second;
        EXPECT_EQ(row.at("organisations").get<int>(), counted[key].first) << key.first << " " << key.second;
    }
    for (const auto& row : people.at("editions")) {
        const std::pair key{row.at("territory").get<std::string>(), row.at("year").get<int>()};
        EXPECT_EQ(row.at("people").get<int>(), counted[key].second) << key.first << " " << key.second;
    }
}

// No organisation that came to a territory is listed there as never seen
// (datasets/paca/planted.json: organisations[].registry_name and attended).
TEST(OneCount, NoOrganisationThatCameIsListedAsNeverSeen) {
    std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
    const auto truth = json::parse(in);
    std::map<std::string, std::string> territory_name; // code → name
    for (const auto& e : truth.at("editions"))
        territory_name[e.at("territory").get<std::string>()] = e.at("territory_name").get<std::string>();
    std::map<std::string, std::set<std::string>> came; // territory name → registry names that came
    for (const auto& o : truth.at("organisations")) {
        if (!o.at("in_registry").get<bool>() || o.at("registry_name").is_null()) continue;
        for (const auto& [code, years] : o.at("attended").items())
            came[territory_name[code]].insert(o.at("registry_name").get<std::string>());
    }
    for (const auto& [code, name] : territory_name) {
        const auto doc = run_json({"unmobilised", example_store(), "--territory", name, "--format", "json"});
        for (const auto& t : doc.at("territories"))
            for (const auto& o : t.at("never_seen"))
                EXPECT_FALSE(came[name].contains(o.at("organisation").get<std::string>()))
                    << name << ": " << o.at("organisation");
    }
}

// "OPCO Uniformation PACA", with and without its SIRET, is one organisation; no two
// organisations share the name shown.
TEST(OneCount, OneNodePerOrganisationAndNoSharedName) {
    const auto p = load(example_store());
    std::map<std::string, int> names;
    int uniformation = 0;
    for (const auto& o : p.organisations) {
        ++names[maillage::core::fold(o.name)];
        uniformation += maillage::core::fold(o.name).find("uniformation") != std::string::npos;
    }
    EXPECT_EQ(uniformation, 1);
    for (const auto& [name, n] : names) EXPECT_EQ(n, 1) << name;
    // the spellings are kept as written, so any merge can be split back
    std::set<std::string> texts;
    for (const auto& s : p.spellings)
        if (maillage::core::fold(s.text).find("uniformation") != std::string::npos) texts.insert(s.text);
    EXPECT_GE(texts.size(), 4u);
}

// A question answered is applied at once and never asked again; a decision split back makes
// every count follow; decisions exported and imported into a fresh store give the same store.
TEST(Decisions, AnswerReingestSplitBackExportImport) {
    TempDir tmp;
    const std::string store = (tmp.path / "v.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/check_variants.csv", "--into", store}, source_dir).exit_code, 0);
    const auto asked = check_json(store);
    ASSERT_FALSE(asked.at("questions").empty()) << asked.dump(2);
    const auto question = asked.at("questions").at(0);
    const std::string a = question.at("first"), b = question.at("second");
    const auto before = load(store).organisations.size();

    auto r = run(binary, {"resolve", store, "--same", a, b}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(load(store).organisations.size(), before - 1);
    const auto after = check_json(store);
    for (const auto& q : after.at("questions"))
        EXPECT_FALSE((q.at("first") == a && q.at("second") == b) || (q.at("first") == b && q.at("second") == a));
    // metrics follow the decision (the summary counts the merged organisation once)
    const auto summary = run_json({"summary", store, "--format", "json"});
    EXPECT_EQ(summary.at("total").at("organisations").get<std::size_t>(), before - 1);

    // a new sheet that writes both names again: nothing asked again
    const fs::path again = tmp.path / "again.csv";
    std::string sheet = slurp((fs::path(source_dir) / "tests/data/sheets/check_variants.csv").string());
    sheet += "Hautes-Alpes,2025,Atelier 1,Nouveau,Paul,paul.nouveau@ml-ouest.fr," + b + ",05061\n";
    std::ofstream(again) << sheet;
    ASSERT_LE(run(binary, {"ingest", again.string(), "--into", store}, source_dir).exit_code, 1);
    const auto reingested = check_json(store);
    for (const auto& q : reingested.at("questions"))
        EXPECT_FALSE((q.at("first") == a && q.at("second") == b) || (q.at("first") == b && q.at("second") == a));

    // export, then import into a store made from the same sheets: the same organisations
    const std::string decisions = (tmp.path / "decisions.csv").string();
    ASSERT_EQ(run(binary, {"resolve", store, "--export", decisions}, source_dir).exit_code, 0);
    EXPECT_NE(slurp(decisions).find(a), std::string::npos);
    const std::string fresh = (tmp.path / "fresh.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/check_variants.csv", "--into", fresh}, source_dir).exit_code, 0);
    ASSERT_LE(run(binary, {"ingest", again.string(), "--into", fresh}, source_dir).exit_code, 1);
    r = run(binary, {"resolve", fresh, "--import", decisions}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto names = [](const maillage::model::Project& p) {
        std::multiset<std::string> out;
        for (const auto& o : p.organisations) out.insert(o.name);
        return out;
    };
    EXPECT_EQ(names(load(fresh)), names(load(store)));
    EXPECT_EQ(load(fresh).decisions, load(store).decisions);

    // split back: "different" replaces "same", and the counts follow
    r = run(binary, {"resolve", store, "--different", a, b}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto split = load(store);
    std::set<maillage::model::Id> of_a, of_b;
    for (const auto& s : split.spellings) {
        if (s.text == a) of_a.insert(s.organisation);
        if (s.text == b) of_b.insert(s.organisation);
    }
    for (auto x : of_a) EXPECT_FALSE(of_b.contains(x));
    const auto summary_split = run_json({"summary", store, "--format", "json"});
    EXPECT_EQ(summary_split.at("total").at("organisations").get<std::size_t>(), split.organisations.size());
    // and the answer can be withdrawn
    EXPECT_EQ(run(binary, {"resolve", store, "--undo", a, b}, source_dir).exit_code, 0);
    EXPECT_TRUE(load(store).decisions.empty());
}

// A decisions file with an unknown organisation, a contradictory pair and a malformed line is
// refused whole: every problem at its file:line:column, exit 2, the store unchanged.
TEST(Decisions, BadFileRefusedWholeWithLocatedErrors) {
    TempDir tmp;
    const std::string store = (tmp.path / "v.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/check_variants.csv", "--into", store}, source_dir).exit_code, 0);
    const std::string file = (tmp.path / "decisions.csv").string();
    std::ofstream(file) << "objet,premier,second,decision,annee\n"
                           "organisation,Mission locale Ouest,Mission locale Est,different,\n" // fine
                           "organisation,Mission locale Est,Mission locale de Gap,meme,\n"
                           "organisation,Mission locale de Gap,Mission locale Est,different,\n" // contradicts line 3
                           "organisation,Pôle emploi Narnia,CIO Toulon,meme,\n"         // unknown
                           "organisation,CIO Toulon,France Travail Toulon,peut-etre,\n" // malformed verdict
                           "personne,P-000000000000,P-111111111111,different,\n";      // unknown people
    const std::string before = slurp(store);
    const auto r = run(binary, {"resolve", store, "--import", file}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find(file + ":4:3:"), std::string::npos) << r.err;
    EXPECT_NE(unfolded(r.err).find(file + ":5:2:"), std::string::npos) << r.err;
    EXPECT_NE(unfolded(r.err).find(file + ":6:4:"), std::string::npos) << r.err;
    EXPECT_NE(unfolded(r.err).find(file + ":7:2:"), std::string::npos) << r.err;
    EXPECT_NE(unfolded(r.err).find("Narnia"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(slurp(store), before);
    EXPECT_TRUE(load(store).decisions.empty());
}

// Two people the rules joined (one name, two e-mails, one organisation) are split back by the
// coordinator's answer, every count follows, and the answer round-trips through a file.
TEST(Decisions, PeopleJoinedAreSplitBack) {
    TempDir tmp;
    const std::string store = (tmp.path / "v.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/check_variants.csv", "--into", store}, source_dir).exit_code, 0);
    const auto before = load(store).people.size();
    const auto asked = check_json(store);
    std::vector<std::string> records;
    for (const auto& p : asked.at("joined_by_name"))
        if (p.at("emails") == json{"helene.martin@mlgap.fr", "h.martin@gmail.com"}) records = p.at("records");
    ASSERT_EQ(records.size(), 2u) << asked.dump(2);
    auto r = run(binary, {"resolve", store, "--people", "--different", records[0], records[1]}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(load(store).people.size(), before + 1);
    EXPECT_EQ(run_json({"summary", store, "--format", "json"}).at("total").at("people").get<std::size_t>(), before + 1);
    const std::string decisions = (tmp.path / "d.csv").string();
    ASSERT_EQ(run(binary, {"resolve", store, "--export", decisions}, source_dir).exit_code, 0);
    r = run(binary, {"resolve", store, "--import", decisions}, source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(load(store).people.size(), before + 1);
    r = run(binary, {"resolve", store, "--people", "--undo", records[0], records[1]}, source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(load(store).people.size(), before);
}
