// The project store on PostgreSQL/PostGIS (a throwaway cluster started by tests/pg/cluster for
// the run): the example ingested into it and into a GeoPackage has identical contents.
#include <filesystem>
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "maillage/store/store.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string binary = MAILLAGE_BINARY;
const std::string pg = std::string("PG:dbname=maillage_test host=") + MAILLAGE_PG_DIR + " user=maillage";

maillage::model::Project load(const std::string& store) {
    return maillage::store::Store::open(store, false, maillage::core::Lang::Fr).load();
}

// What must be equal between two stores of the same sheets: everything but the pseudonyms and
// key hashes, which depend on each store's own secret key.
struct Contents {
    std::size_t files, territories, editions, sessions, organisations, people, attendances, keys, identities;
    std::set<std::string> organisation_rows, session_rows, file_rows, territory_rows;
    std::multiset<std::string> registry_rows; // the registry repeats some rows
    std::map<std::string, std::size_t> attendances_by_org;
    std::set<std::string> identities_by_person; // a person's identities, as one string
    bool operator==(const Contents&) const = default;
};

Contents contents(const maillage::model::Project& p) {
    Contents c{p.files.size(),  p.territories.size(), p.editions.size(),     p.sessions.size(),
               p.organisations.size(), p.people.size(), p.attendances.size(), p.person_keys.size(),
               p.identities.size(), {}, {}, {}, {}, {}, {}, {}};
    auto at = [](const std::optional<maillage::model::MapPoint>& m) {
        return m ? std::to_string(std::lround(m->x)) + "," + std::to_string(std::lround(m->y)) : std::string("-");
    };
    for (const auto& t : p.territories)
        c.territory_rows.insert(t.key + "|" + t.code + "|" + std::to_string(t.outline.size()));
    for (const auto& e : p.registry)
        c.registry_rows.insert(e.name + "|" + e.type + "|" + e.commune + "|" + e.match + "|" + at(e.place) + "|" +
                               (e.organisation == maillage::model::no_id ? std::string()
                                                                         : p.organisations[e.organisation].key));
    for (const auto& o : p.organisations)
        c.organisation_rows.insert(o.key + "|" + o.name + "|" + o.type + "|" + o.commune + "|" +
                                   (o.place ? std::to_string(std::lround(o.place->x)) : std::string("-")));
    for (const auto& s : p.sessions) c.session_rows.insert(s.key + "|" + std::string(maillage::model::key(s.kind)));
    for (const auto& f : p.files) c.file_rows.insert(f.path + "|" + f.sha256 + "|" + std::to_string(f.rows));
    for (const auto& a : p.attendances)
        ++c.attendances_by_org[a.organisation == maillage::model::no_id ? "" : p.organisations[a.organisation].key];
    std::map<int, std::set<std::string>> per_person;
    for (const auto& i : p.identities) per_person[i.person].insert(i.kind + "=" + i.value);
    for (const auto& [person, values] : per_person) {
        std::string all;
        for (const auto& v : values) all += v + ";";
        c.identities_by_person.insert(all);
    }
    return c;
}

} // namespace

TEST(PostGIS, TheExampleHasTheSameContentsAsInAGeoPackage) {
    const fs::path tmp = fs::temp_directory_path() / ("maillage_pg_" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    const std::string gpkg = (tmp / "paca.gpkg").string();
    // the whole example project: sheets, registry, outlines (datasets/paca/maillage.toml)
    const std::vector<std::string> common = {"ingest", "datasets/paca", "--quarantine", (tmp / "q.csv").string(),
                                             "--into"};
    auto to_gpkg = common, to_pg = common;
    to_gpkg.push_back(gpkg);
    to_pg.push_back(pg);
    ASSERT_EQ(run(binary, to_gpkg, source_dir).exit_code, 1);
    const auto pg_run = run(binary, to_pg, source_dir);
    ASSERT_EQ(pg_run.exit_code, 1) << pg_run.err;
    const auto a = contents(load(gpkg)), b = contents(load(pg));
    EXPECT_EQ(a.attendances, 22652u);
    EXPECT_EQ(a.files, b.files);
    EXPECT_EQ(a.territories, b.territories);
    EXPECT_EQ(a.editions, b.editions);
    EXPECT_EQ(a.sessions, b.sessions);
    EXPECT_EQ(a.organisations, b.organisations);
    EXPECT_EQ(a.people, b.people);
    EXPECT_EQ(a.attendances, b.attendances);
    EXPECT_EQ(a.keys, b.keys);
    EXPECT_EQ(a.identities, b.identities);
    EXPECT_EQ(a.organisation_rows, b.organisation_rows);
    EXPECT_EQ(a.session_rows, b.session_rows);
    EXPECT_EQ(a.file_rows, b.file_rows);
    EXPECT_EQ(a.attendances_by_org, b.attendances_by_org);
    EXPECT_EQ(a.identities_by_person, b.identities_by_person);
    EXPECT_EQ(a.territory_rows.size(), 6u);
    EXPECT_EQ(a.territory_rows, b.territory_rows); // same outlines (WKB sizes), codes
    EXPECT_EQ(a.registry_rows.size(), 609u);
    EXPECT_EQ(a.registry_rows, b.registry_rows);

    // Taking the same sheets again into PostgreSQL changes nothing.
    const auto again = run(binary, to_pg, source_dir);
    EXPECT_EQ(contents(load(pg)), b);
    EXPECT_NE(again.out.find("déjà importé"), std::string::npos);

    // An answer to an identity question is applied in place on both (save_identities' UPDATE)
    const auto asked = run(binary, {"check", gpkg, "--format", "json"}, source_dir);
    const auto question = nlohmann::json::parse(asked.out).at("questions").at(0);
    for (const auto& store : {gpkg, pg}) {
        const auto r = run(binary, {"resolve", store, "--same", question.at("first").get<std::string>(),
                                    question.at("second").get<std::string>()},
                           source_dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const auto after_gpkg = contents(load(gpkg)), after_pg = contents(load(pg));
    EXPECT_EQ(after_gpkg.organisations + 1, a.organisations);
    EXPECT_EQ(after_pg.organisation_rows, after_gpkg.organisation_rows);
    EXPECT_EQ(after_pg.attendances_by_org, after_gpkg.attendances_by_org);
    EXPECT_EQ(after_pg.registry_rows, after_gpkg.registry_rows);

    // metrics read the PostgreSQL store like a GeoPackage
    const auto m_pg = run(binary, {"metrics", pg, "--territory", "Var", "--edition", "2025", "--scope", "organisations"},
                          source_dir);
    const auto m_gpkg = run(binary, {"metrics", gpkg, "--territory", "Var", "--edition", "2025", "--scope",
                                     "organisations"},
                            source_dir);
    EXPECT_EQ(m_pg.exit_code, 0) << m_pg.err;
    EXPECT_EQ(m_pg.out, m_gpkg.out);
    fs::remove_all(tmp);
}

TEST(PostGIS, CredentialsNeverAppearInOutput) {
    // trust authentication ignores the password; it must still never be printed
    // its own database: the example test above compares whole contents
    const std::string with_password = std::string("PG:dbname=maillage_scratch host=") + MAILLAGE_PG_DIR +
                                      " user=maillage password=s3cr3t-Pa55";
    const auto r = run(binary, {"ingest", "tests/data/sheets/tabs.tsv", "--into", with_password}, source_dir);
    EXPECT_EQ(r.out.find("s3cr3t"), std::string::npos) << r.out;
    EXPECT_EQ(unfolded(r.err).find("s3cr3t"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("password=***"), std::string::npos) << r.out;
    const auto bad = run(binary, {"metrics", std::string("PG:dbname=no_such_db host=") + MAILLAGE_PG_DIR +
                                                 " user=maillage password=s3cr3t-Pa55"},
                         source_dir);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(unfolded(bad.err).find("s3cr3t"), std::string::npos) << bad.err;
    EXPECT_NE(unfolded(bad.err).find("password=***"), std::string::npos) << bad.err;
}

// forget on PostgreSQL: the person goes from every table and VACUUM FULL runs outside any
// transaction (it failed inside GDAL's implicit one, and rolled the erasure back with it).
TEST(PostGIS, ForgetErasesThePersonAndCompactsTheTables) {
    const std::string scratch = std::string("PG:dbname=maillage_scratch host=") + MAILLAGE_PG_DIR + " user=maillage";
    const fs::path tmp = fs::temp_directory_path() / ("maillage_pg_forget_" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    const std::string quarantine = (tmp / "q.csv").string();
    const auto in = run(binary, {"ingest", "tests/data/hostile/forget_by_name.csv", "--into", scratch, "--accept-partial",
                                 "--quarantine", quarantine},
                        source_dir);
    ASSERT_LE(in.exit_code, 1) << in.err;
    const auto before = load(scratch);
    auto mentions = [&](const maillage::model::Project& p) {
        std::size_t n = 0;
        for (const auto& i : p.identities) n += i.value.find("acoste") != std::string::npos;
        return n;
    };
    ASSERT_GT(mentions(before), 0u);
    ASSERT_NE(maillage::test::slurp(quarantine).find("LACOSTE"), std::string::npos);
    const auto r = run(binary, {"forget", scratch, "--email", "marie.lacoste@ml-bordeaux.fr", "--quarantine", quarantine},
                       source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("base compactée"), std::string::npos) << r.out;
    const auto after = load(scratch);
    EXPECT_EQ(after.people.size(), before.people.size() - 1);
    EXPECT_EQ(mentions(after), 0u);
    // the quarantine row that names her by name only (no e-mail) goes too
    EXPECT_EQ(maillage::test::slurp(quarantine).find("LACOSTE"), std::string::npos);
    EXPECT_NE(maillage::test::slurp(quarantine).find("Giraud"), std::string::npos);
    fs::remove_all(tmp);
}

TEST(PostGIS, PasswordsInUrisAndQuotedValuesNeverAppear) {
    for (const std::string& location :
         {std::string("PG:postgresql://maillage:p@ss-s3cr3t@/no_such_db?host=") + MAILLAGE_PG_DIR,
          std::string("PG:dbname=no_such_db host=") + MAILLAGE_PG_DIR + R"( user=maillage password='it\'s s3cr3t')",
          std::string("PG:dbname=no_such_db host=") + MAILLAGE_PG_DIR + " user=maillage password=it's s3cr3t"}) {
        const auto r = run(binary, {"metrics", location}, source_dir);
        EXPECT_EQ(r.exit_code, 2) << location;
        EXPECT_EQ(unfolded(r.err).find("s3cr3t"), std::string::npos) << r.err;
        EXPECT_NE(unfolded(r.err).find("***"), std::string::npos) << r.err;
    }
}
