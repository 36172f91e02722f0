#include <filesystem>
#include <tuple>

#include <gtest/gtest.h>

#include "maillage/core/error.hpp"
#include "maillage/ingest/load.hpp"
#include "maillage/store/store.hpp"

using namespace maillage;
namespace fs = std::filesystem;

namespace {

const std::string sheets = std::string(MAILLAGE_SOURCE_DIR) + "/tests/data/sheets/";

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("maillage_store_test_" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

} // namespace

TEST(Store, SavesAndLoadsAProjectUnchanged) {
    TempDir tmp;
    core::Diagnostics d;
    const auto project = ingest::load_project({sheets + "two_sheets.xlsx", sheets + "bad_rows.csv"}, {},
                                              core::Lang::Fr, d);
    const std::string path = (tmp.path / "p.gpkg").string();
    {
        auto store = store::Store::open(path, true, core::Lang::Fr);
        store.save(project);
    }
    const auto back = store::Store::open(path, false, core::Lang::Fr).load();
    EXPECT_EQ(back.pseudonym_key, project.pseudonym_key);
    ASSERT_EQ(back.files.size(), 2u);
    EXPECT_EQ(back.files[1].rejected, 7);
    EXPECT_EQ(back.files[0].sha256, project.files[0].sha256);
    ASSERT_EQ(back.territories.size(), project.territories.size());
    EXPECT_EQ(back.territories[0].name, "Bouches-du-Rhône");
    ASSERT_EQ(back.sessions.size(), project.sessions.size());
    for (std::size_t i = 0; i < back.sessions.size(); ++i) {
        EXPECT_EQ(back.sessions[i].name, project.sessions[i].name);
        EXPECT_EQ(back.sessions[i].kind, project.sessions[i].kind);
        EXPECT_EQ(back.sessions[i].date, project.sessions[i].date);
    }
    ASSERT_EQ(back.attendances.size(), project.attendances.size());
    for (std::size_t i = 0; i < back.attendances.size(); ++i) {
        EXPECT_EQ(back.attendances[i].person, project.attendances[i].person);
        EXPECT_EQ(back.attendances[i].organisation, project.attendances[i].organisation);
        EXPECT_EQ(back.attendances[i].role, project.attendances[i].role);
        EXPECT_EQ(back.attendances[i].line, project.attendances[i].line);
    }
    EXPECT_EQ(back.people.size(), project.people.size());
    EXPECT_EQ(back.person_keys.size(), project.person_keys.size());
    EXPECT_EQ(back.identities.size(), project.identities.size());
    EXPECT_EQ(back.organisations.size(), project.organisations.size());
}

// A table of more rows than a save makes ahead in one block (table_writer.hpp: 16,384 rows, from
// four blocks on) is written block after block while the next block's cells are made on another
// thread: every row comes back where it was, the last partial block too, and a second save of a
// changed row finds it by its digest.
TEST(Store, ALargeTableWrittenInBlocksComesBackRowForRow) {
    TempDir tmp;
    core::Diagnostics d;
    auto project = ingest::load_project({sheets + "two_sheets.xlsx", sheets + "bad_rows.csv"}, {}, core::Lang::Fr, d);
    const auto sample = project.attendances;
    ASSERT_FALSE(sample.empty());
    const std::size_t rows = 4 * 16384 + 123;
    for (std::size_t i = project.attendances.size(); i < rows; ++i) {
        auto a = sample[i % sample.size()];
        a.line = static_cast<std::int64_t>(1000 + i);
        project.attendances.push_back(a);
    }
    const std::string path = (tmp.path / "large.gpkg").string();
    auto same = [&](const model::Project& back) {
        ASSERT_EQ(back.attendances.size(), project.attendances.size());
        for (std::size_t i = 0; i < rows; ++i) {
            const auto &x = back.attendances[i], &y = project.attendances[i];
            ASSERT_EQ(std::tie(x.session, x.person, x.organisation, x.role, x.file, x.line, x.spelling, x.record),
                      std::tie(y.session, y.person, y.organisation, y.role, y.file, y.line, y.spelling, y.record))
                << "row " << i;
        }
    };
    {
        auto store = store::Store::open(path, true, core::Lang::Fr);
        store.save(project);
        same(store::Store::open(path, false, core::Lang::Fr).load());
        project.attendances[rows - 7].line = 42;
        project.attendances[3 * 16384 + 5].line = 43;
        store.save(project);
    }
    same(store::Store::open(path, false, core::Lang::Fr).load());
}

TEST(Store, RefusesWhatIsNotAStoreAndRedactsPasswords) {
    TempDir tmp;
    EXPECT_THROW(store::Store::open((tmp.path / "absent.gpkg").string(), false, core::Lang::Fr), FatalError);
    EXPECT_EQ(store::redact("PG:dbname=m user=u password=s3cret host=/tmp"), "PG:dbname=m user=u password=*** host=/tmp");
    EXPECT_EQ(store::redact("PG:dbname='m' password='a b'"), "PG:dbname='m' password=***");
    EXPECT_TRUE(store::is_postgres("PG:dbname=x"));
    EXPECT_FALSE(store::is_postgres("x.gpkg"));
}

// Every form a connection string takes (libpq's keyword=value with quotes and escapes, URIs
// whose password holds '@' or ':'), and libpq's own messages, which quote pieces of it.
TEST(Store, MasksPasswordsInEveryConnectionStringForm) {
    const std::vector<std::pair<std::string, std::string>> forms = {
        {R"(PG:dbname=m password='it\'s s3cr3t' host=/tmp)", R"(PG:dbname=m password=*** host=/tmp)"},
        {R"(PG:password = 'a\\b s3cr3t' dbname=m)", R"(PG:password = *** dbname=m)"},
        {"PG:PASSWORD=s3cr3t dbname=m", "PG:PASSWORD=*** dbname=m"},
        {"PG:postgresql://u:p@ss-s3cr3t@db.example.org:5432/m", "PG:postgresql://u:***@db.example.org:5432/m"},
        {"PG:postgres://u:p:a@s3cr3t@host/m?sslmode=require", "PG:postgres://u:***@host/m?sslmode=require"},
        {"PG:postgresql://u@host/m", "PG:postgresql://u@host/m"},
    };
    for (const auto& [location, masked] : forms) {
        EXPECT_EQ(store::redact(location), masked) << location;
        EXPECT_EQ(store::redact(location).find("s3cr3t"), std::string::npos) << location;
    }
    // libpq quotes what it could not parse; GDAL adds the connection string
    const std::string location = "PG:dbname=m password=it's s3cr3t-x host=/tmp";
    for (const std::string& message :
         {std::string(R"(missing "=" after "s3cr3t-x" in connection info string)"),
          std::string(R"(unterminated quoted string in connection info string: 's s3cr3t-x host=/tmp)"),
          "PQconnectdb failed for " + location}) {
        const std::string shown = store::redact_message(message, location);
        EXPECT_EQ(shown.find("s3cr3t"), std::string::npos) << message << " → " << shown;
    }
    const std::string uri = "PG:postgresql://u:p@ss-s3cr3t@host/m";
    EXPECT_EQ(store::redact_message(R"(could not translate host name "ss-s3cr3t@host" to address)", uri).find("s3cr3t"),
              std::string::npos);
}

TEST(Store, DropsIdentitiesButKeepsPseudonymousKeys) {
    TempDir tmp;
    core::Diagnostics d;
    const auto project = ingest::load_project({sheets + "two_sheets.ods"}, {}, core::Lang::Fr, d);
    const std::string path = (tmp.path / "p.gpkg").string();
    auto store = store::Store::open(path, true, core::Lang::Fr);
    store.save(project);
    store.drop_identities();
    const auto back = store.load();
    EXPECT_TRUE(back.identities.empty());
    EXPECT_EQ(back.person_keys.size(), project.person_keys.size());
}

// A store edited by hand whose attendance points to a spelling that is not there is refused
// with a message, never read past the end (and the spellings, decisions, questions round-trip).
TEST(Store, IdentitiesRoundTripAndDanglingSpellingsAreRefused) {
    TempDir tmp;
    core::Diagnostics d;
    auto project = ingest::load_project({sheets + "two_sheets.xlsx"}, {}, core::Lang::Fr, d);
    ASSERT_FALSE(project.spellings.empty());
    project.decisions.push_back({false, project.spellings.front().text, "Autre", model::Verdict::Renamed, 2021});
    project.questions.push_back({true, "P-1", "P-2", 0.7, "name"});
    const std::string path = (tmp.path / "p.gpkg").string();
    store::Store::open(path, true, core::Lang::Fr).save(project);
    const auto back = store::Store::open(path, false, core::Lang::Fr).load();
    ASSERT_EQ(back.spellings.size(), project.spellings.size());
    EXPECT_EQ(back.spellings.front().text, project.spellings.front().text);
    EXPECT_EQ(back.spellings.front().organisation, project.spellings.front().organisation);
    EXPECT_EQ(back.decisions, project.decisions);
    ASSERT_EQ(back.questions.size(), 1u);
    EXPECT_TRUE(back.questions.front().people);
    for (std::size_t i = 0; i < back.attendances.size(); ++i)
        EXPECT_EQ(back.attendances[i].spelling, project.attendances[i].spelling);

    project.attendances.front().spelling = static_cast<model::Id>(project.spellings.size() + 5);
    const std::string bad = (tmp.path / "bad.gpkg").string();
    store::Store::open(bad, true, core::Lang::Fr).save(project);
    EXPECT_THROW(store::Store::open(bad, false, core::Lang::Fr).load(), FatalError);
}
