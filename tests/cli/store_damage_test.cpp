// A store damaged or foreign, as hands and other programs leave them (#21): a row deleted or an
// id retyped in QGIS, a table dropped, a GeoPackage of someone else's layers, a file another
// program is writing, a file cut or overwritten. Every command refuses it with the table, row
// and field, exit 2, nothing crashes or hangs, and nothing is written into it.
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "maillage/store/store.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;
using maillage::test::slurp;
using maillage::test::TempDir;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string binary = MAILLAGE_BINARY;
const std::string sheet = "datasets/paca/editions/05-hautes-alpes/2022-emargements.csv";

/// Runs SQL statements on a GeoPackage as another program would (GDAL passes them to SQLite).
void edit(const std::string& path, const std::vector<std::string>& statements) {
    GDALAllRegister();
    GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
    ASSERT_NE(ds, nullptr);
    for (const auto& sql : statements) {
        CPLErrorReset();
        ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        ASSERT_LT(CPLGetLastErrorType(), CE_Failure) << sql << ": " << CPLGetLastErrorMsg();
    }
    GDALClose(ds);
}

std::string make_store(const TempDir& tmp) {
    const std::string store = (tmp.path / "p.gpkg").string();
    const auto r = run(binary, {"ingest", sheet, "--into", store}, source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return store;
}

} // namespace

TEST(StoreDamage, EveryHandEditThatBreaksAReferenceIsRefusedWithTableRowAndField) {
    TempDir tmp;
    const std::string pristine = make_store(tmp);
    struct Case {
        std::vector<std::string> sql;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"DELETE FROM people WHERE person_id = 5"},
         "dans la table people, la ligne person_id = 5 manque (supprimée ?)"},
        {{"DELETE FROM people WHERE person_id = (SELECT MAX(person_id) FROM people)"},
         "qui ne renvoie à aucune ligne de la table people"},
        {{"DELETE FROM people"}, "la ligne 0 a person_id = 0, qui ne renvoie à aucune ligne de la table people"},
        {{"UPDATE attendances SET session_id = 999999 WHERE attendance_id = 3"},
         "dans la table attendances, la ligne 3 a session_id = 999999, qui ne renvoie à aucune ligne de la table sessions"},
        {{"UPDATE people SET person_id = 2000000000 WHERE person_id = 7"},
         "dans la table people, person_id = 2000000000 est vide, en double ou hors des"},
        {{"UPDATE people SET person_id = 3 WHERE person_id = 4"}, "dans la table people, person_id = 3 est vide, en double"},
        {{"UPDATE attendances SET person_id = NULL WHERE attendance_id = 10"},
         "dans la table attendances, la ligne 10 a person_id = -1"},
        {{"DELETE FROM attendances WHERE attendance_id = 100"},
         "dans la table attendances, la ligne attendance_id = 100 manque"},
        {{"UPDATE sessions SET edition_id = 42"}, "dans la table sessions, la ligne 0 a edition_id = 42"},
        {{"UPDATE attendances SET organisation_id = -7 WHERE attendance_id = 1"},
         "dans la table attendances, la ligne 1 a organisation_id = -7"},
        {{"DROP TABLE attendances"}, "la table attendances manque : la base est abîmée"},
    };
    const std::vector<std::vector<std::string>> commands = {
        {"metrics"}, {"check"}, {"summary"}, {"export", "-o", "x.gexf"}, {"diagram", "-o", "x.svg"},
        {"report", "--all", "-o", "r.html"}, {"invite", "--territory", "Hautes-Alpes"}};
    int n = 0;
    for (const auto& c : cases) {
        const std::string store = (tmp.path / ("d" + std::to_string(n++) + ".gpkg")).string();
        fs::copy_file(pristine, store);
        edit(store, c.sql);
        const std::string bytes = slurp(store);
        for (auto args : commands) {
            args.insert(args.begin() + 1, store);
            const auto r = run(binary, args, tmp.path.string());
            EXPECT_EQ(r.exit_code, 2) << c.sql.front() << " / " << args.front() << ": " << r.err;
            EXPECT_NE(unfolded(r.err).find(c.message), std::string::npos) << c.sql.front() << " / " << args.front() << ": " << r.err;
            EXPECT_NE(unfolded(r.err).find("restaurez une copie de la base"), std::string::npos) << r.err;
        }
        EXPECT_EQ(slurp(store), bytes) << "a reading command wrote into the store";
        // a writing command refuses it too, before writing anything
        const auto again = run(binary, {"ingest", "datasets/paca/editions/05-hautes-alpes/2023-emargements.csv", "--into", store},
                               source_dir);
        EXPECT_EQ(again.exit_code, 2) << again.err;
        EXPECT_EQ(slurp(store), bytes) << c.sql.front();
    }
}

TEST(StoreDamage, SomeoneElsesGeoPackageIsRefusedByteForByteUnchanged) {
    TempDir tmp;
    const std::string theirs = (tmp.path / "their-layers.gpkg").string();
    {
        GDALAllRegister();
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDataset* ds = driver->Create(theirs.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        ASSERT_NE(ds, nullptr);
        OGRLayer* l = ds->CreateLayer("organisations", nullptr, wkbPoint, nullptr);
        OGRFieldDefn name("name", OFTString);
        ASSERT_EQ(l->CreateField(&name), OGRERR_NONE);
        OGRFeature f(l->GetLayerDefn());
        f.SetField("name", "Mes partenaires");
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        GDALClose(ds);
    }
    const std::string before = slurp(theirs);
    const auto r = run(binary, {"ingest", sheet, "--into", theirs}, source_dir);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(unfolded(r.err).find("n'a pas été créé par maillage (il contient déjà : organisations)"), std::string::npos) << r.err;
    EXPECT_EQ(slurp(theirs), before);
    for (const std::string command : {"metrics", "summary", "check"}) {
        const auto m = run(binary, {command, theirs}, source_dir);
        EXPECT_EQ(m.exit_code, 2);
        EXPECT_NE(unfolded(m.err).find("ce n'est pas une base maillage"), std::string::npos) << m.err;
    }
    EXPECT_EQ(slurp(theirs), before);
    // an empty file (made by `touch`) becomes a store
    const std::string empty = (tmp.path / "new.gpkg").string();
    std::ofstream{empty};
    EXPECT_EQ(run(binary, {"ingest", sheet, "--into", empty}, source_dir).exit_code, 0);
    // a file of another kind named .gpkg is not a store, and is left alone
    const std::string text = (tmp.path / "notes.gpkg").string();
    std::ofstream{text} << "Territoire;Séance\n";
    const auto t = run(binary, {"ingest", sheet, "--into", text}, source_dir);
    EXPECT_EQ(t.exit_code, 2);
    EXPECT_NE(unfolded(t.err).find("ce n'est pas une base maillage"), std::string::npos) << t.err;
    EXPECT_EQ(slurp(text), "Territoire;Séance\n");
}

TEST(StoreDamage, ReadingCommandsOpenTheStoreReadOnly) {
    TempDir tmp;
    const std::string store = make_store(tmp);
    const std::string before = slurp(store);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"metrics", store}, {"summary", store}, {"check", store}, {"export", store, "-o", "x.graphml"}}) {
        const auto r = run(binary, args, tmp.path.string());
        EXPECT_LE(r.exit_code, 1) << r.err;
    }
    EXPECT_EQ(slurp(store), before) << "a reading command wrote into the store";
    // a store in a folder the user may only read (a colleague's share, a CD): reading commands
    // work, writing ones say why they cannot (as root, the user is nobody: root writes anywhere)
    const fs::path shelf = tmp.path / "shelf";
    fs::create_directories(shelf);
    fs::copy_file(store, shelf / "p.gpkg");
    fs::permissions(shelf / "p.gpkg", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(tmp.path, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    fs::permissions(shelf, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                               fs::perms::others_read | fs::perms::others_exec);
    // the binary copied beside the shelf, so that the unprivileged user needs no access to the
    // build tree (summary and forget open the store before reading anything else)
    const std::string reader_binary = (tmp.path / "maillage").string();
    fs::copy_file(binary, reader_binary);
    fs::permissions(reader_binary, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                       fs::perms::others_read | fs::perms::others_exec);
    auto as_reader = [&](std::vector<std::string> args) {
        if (::geteuid() != 0) return run(reader_binary, args, "/");
        args.insert(args.begin(), {"-u", "nobody", "--", reader_binary});
        return run("/sbin/runuser", args, "/");
    };
    const std::string shelved = (shelf / "p.gpkg").string();
    const auto read = as_reader({"summary", shelved});
    EXPECT_EQ(read.exit_code, 0) << read.err;
    EXPECT_NE(read.out.find("Hautes-Alpes"), std::string::npos) << read.out;
    const auto write = as_reader({"forget", shelved, "--email", "nobody@example.org"});
    EXPECT_EQ(write.exit_code, 2);
    EXPECT_NE(unfolded(write.err).find("la base est en lecture seule (droits du fichier ou de son dossier)"), std::string::npos) << write.err;
    EXPECT_EQ(slurp(shelved), before);
    fs::permissions(shelf, fs::perms::owner_all);
    EXPECT_FALSE(fs::exists(store + "-journal"));
    EXPECT_FALSE(fs::exists(store + "-wal"));
    // the library's read-only store refuses to write
    auto ro = maillage::store::Store::open_read_only(store, maillage::core::Lang::Fr);
    const auto project = ro.load();
    try {
        ro.save(project);
        ADD_FAILURE() << "a read-only store was written";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("la base est en lecture seule"), std::string::npos) << e.what();
    }
    EXPECT_EQ(slurp(store), before);
}

TEST(StoreDamage, AnotherProgramWritingIsNamedNotShownRaw) {
    TempDir tmp;
    const std::string store = make_store(tmp);
    GDALAllRegister();
    GDALDataset* ds = GDALDataset::Open(store.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
    ASSERT_NE(ds, nullptr);
    // a writer holding the file (QGIS saving edits, another ingest)
    ds->ExecuteSQL("BEGIN EXCLUSIVE", nullptr, nullptr);
    ds->ExecuteSQL("UPDATE people SET pseudonym = pseudonym", nullptr, nullptr);
    const auto r = run(binary, {"ingest", "datasets/paca/editions/05-hautes-alpes/2023-emargements.csv", "--into", store},
                       source_dir);
    ds->ExecuteSQL("ROLLBACK", nullptr, nullptr);
    GDALClose(ds);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("la base est en cours d'écriture par un autre programme"), std::string::npos) << r.err;
    EXPECT_EQ(unfolded(r.err).find("database is locked"), std::string::npos) << r.err;
}

TEST(StoreDamage, ADamagedFileIsFoundByCheckAndRefused) {
    TempDir tmp;
    const std::string store = make_store(tmp);
    const auto ok = run(binary, {"check", store}, source_dir);
    EXPECT_NE(ok.out.find("Intégrité du fichier (PRAGMA integrity_check) : aucun défaut"), std::string::npos) << ok.out;
    // overwrite pages in the middle of the file, as a failing disk or a cut copy leaves it
    std::string bytes = slurp(store);
    ASSERT_GT(bytes.size(), 200000u);
    for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 40000; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i & 0xFF));
    std::ofstream(store, std::ios::binary | std::ios::trunc) << bytes;
    const auto r = run(binary, {"check", store}, source_dir);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_TRUE(unfolded(r.err).find("fichier abîmé") != std::string::npos || unfolded(r.err).find("modifiée hors de maillage") != std::string::npos)
        << r.err;
    EXPECT_EQ(slurp(store), bytes);
}

TEST(StoreMessages, WhatTheDatabaseSaysIsPutInTheUsersWords) {
    using maillage::store::explain_failure;
    const auto fr = maillage::core::Lang::Fr, en = maillage::core::Lang::En;
    EXPECT_EQ(explain_failure("sqlite3_exec(COMMIT) failed: database or disk is full", "p.gpkg", fr),
              "disque plein : la base n'a pas été modifiée ; libérez de la place, puis recommencez");
    EXPECT_EQ(explain_failure("database or disk is full", "p.gpkg", en), "disk full: the store was not changed; free some space, then try again");
    EXPECT_NE(explain_failure("sqlite3_exec(BEGIN) failed: database is locked", "p.gpkg", fr).find("un autre programme"), std::string::npos);
    EXPECT_NE(explain_failure("attempt to write a readonly database", "p.gpkg", fr).find("lecture seule"), std::string::npos);
    EXPECT_NE(explain_failure("database disk image is malformed", "p.gpkg", fr).find("fichier abîmé"), std::string::npos);
}

// The pseudonym key kept outside the store (docs/privacy.md): with the names dropped, a store
// whose key sits in the same file can be re-identified by hashing likely names; kept apart, the
// file alone cannot.
TEST(PseudonymKey, KeptOutsideTheStoreAndAskedForWhenNeeded) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string(), key = (tmp.path / "p.key").string();
    const std::string a = "datasets/paca/editions/05-hautes-alpes/2022-emargements.csv",
                      b = "datasets/paca/editions/05-hautes-alpes/2023-emargements.csv";
    ASSERT_EQ(run(binary, {"ingest", a, "--into", store, "--key-file", key}, source_dir).exit_code, 0);
    const std::string secret = slurp(key);
    ASSERT_EQ(secret.size(), 65u);
    EXPECT_EQ(fs::status(key).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(slurp(store).find(secret.substr(0, 64)), std::string::npos) << "the key is in the store";
    {
        const auto p = maillage::store::Store::read(store, maillage::core::Lang::Fr);
        EXPECT_TRUE(p.pseudonym_key.empty());
        EXPECT_FALSE(p.pseudonym_key_check.empty());
    }
    // without the key, or with another store's, nothing is taken
    const std::string before = slurp(store);
    const auto without = run(binary, {"ingest", b, "--into", store}, source_dir);
    EXPECT_EQ(without.exit_code, 2);
    EXPECT_NE(unfolded(without.err).find("cette base garde sa clé des pseudonymes hors du fichier : donnez-la avec --key-file"),
              std::string::npos) << without.err;
    const std::string other = (tmp.path / "other.key").string();
    std::ofstream(other) << std::string(64, 'a') << "\n";
    const auto wrong = run(binary, {"ingest", b, "--into", store, "--key-file", other}, source_dir);
    EXPECT_EQ(wrong.exit_code, 2);
    EXPECT_NE(unfolded(wrong.err).find("n'est pas la clé de cette base"), std::string::npos) << wrong.err;
    std::ofstream(other, std::ios::trunc) << "not a key\n";
    const auto bad = run(binary, {"ingest", b, "--into", store, "--key-file", other}, source_dir);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(unfolded(bad.err).find("clé illisible"), std::string::npos) << bad.err;
    EXPECT_EQ(slurp(store), before);
    const auto forget = run(binary, {"forget", store, "--email", "nobody@example.org"}, source_dir);
    EXPECT_EQ(forget.exit_code, 2);
    EXPECT_EQ(slurp(store), before);
    // with it, the same people are recognised as in a store that keeps its key inside
    ASSERT_EQ(run(binary, {"ingest", b, "--into", store, "--key-file", key}, source_dir).exit_code, 0);
    const std::string inside = (tmp.path / "inside.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", a, b, "--into", inside}, source_dir).exit_code, 0);
    const auto outside_project = maillage::store::Store::read(store, maillage::core::Lang::Fr);
    const auto inside_project = maillage::store::Store::read(inside, maillage::core::Lang::Fr);
    EXPECT_EQ(outside_project.people.size(), inside_project.people.size());
    EXPECT_EQ(outside_project.attendances.size(), inside_project.attendances.size());
    // a store that keeps its key inside has it moved out
    const std::string moved = (tmp.path / "moved.key").string();
    const std::string inside_key = inside_project.pseudonym_key;
    ASSERT_EQ(inside_key.size(), 64u);
    const auto move = run(binary, {"ingest", a, "--into", inside, "--key-file", moved}, source_dir);
    EXPECT_EQ(move.exit_code, 0) << move.err;
    EXPECT_NE(move.out.find("clé des pseudonymes enregistrée dans"), std::string::npos) << move.out;
    EXPECT_EQ(slurp(moved), inside_key + "\n");
    EXPECT_EQ(slurp(inside).find(inside_key), std::string::npos) << "the key stayed in the store";
}

// Two commands writing the same store: the second to save finds the first's work since it
// loaded and refuses to overwrite it (a lost update: every ingest said "taken", one was gone).
TEST(StoreWriters, ASaveOverAnotherWritersWorkIsRefused) {
    TempDir tmp;
    const std::string store = make_store(tmp);
    auto a = maillage::store::Store::open(store, false, maillage::core::Lang::Fr);
    auto b = maillage::store::Store::open(store, false, maillage::core::Lang::Fr);
    auto pa = a.load();
    const auto pb = b.load();
    pa.organisations.front().name = "Nom changé par A";
    a.save(pa);
    const std::string after_a = slurp(store);
    try {
        b.save(pb);
        ADD_FAILURE() << "the second writer overwrote the first's work";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("une autre commande a écrit dans la base pendant celle-ci : rien n'a été enregistré"),
                  std::string::npos) << e.what();
    }
    const auto now = maillage::store::Store::read(store, maillage::core::Lang::Fr);
    EXPECT_EQ(now.organisations.front().name, "Nom changé par A");
    // a writer that loads again may save
    auto c = maillage::store::Store::open(store, false, maillage::core::Lang::Fr);
    auto pc = c.load();
    EXPECT_NO_THROW(c.save(pc));
}

TEST(StoreWriters, TwoIngestsAtOnceLoseNothing) {
    TempDir tmp;
    const std::string store = make_store(tmp); // 2022
    const std::string one = source_dir + "/datasets/paca/editions/05-hautes-alpes/2023-emargements.csv",
                      two = source_dir + "/datasets/paca/editions/05-hautes-alpes/2024-emargements.csv";
    const std::string script = (tmp.path / "both.sh").string();
    std::ofstream(script) << "cd '" << tmp.path.string() << "'\n"
                          << "('" << binary << "' ingest '" << one << "' --into p.gpkg > a.out 2>&1; echo $? > a.rc) &\n"
                          << "('" << binary << "' ingest '" << two << "' --into p.gpkg > b.out 2>&1; echo $? > b.rc) &\n"
                          << "wait\n";
    ASSERT_EQ(std::system(("bash '" + script + "'").c_str()), 0);
    const auto project = maillage::store::Store::read(store, maillage::core::Lang::Fr);
    std::set<std::string> files;
    for (const auto& f : project.files) files.insert(fs::path(f.path).filename().string());
    for (const auto& [name, sheet] : {std::pair<std::string, std::string>{"a", one}, {"b", two}}) {
        const std::string rc = slurp((tmp.path / (name + ".rc")).string()), said = slurp((tmp.path / (name + ".out")).string());
        if (rc == "0\n") {
            EXPECT_TRUE(files.count(fs::path(sheet).filename().string())) << name << " said taken but is not in the store";
        } else {
            EXPECT_EQ(rc, "2\n") << said;
            EXPECT_TRUE(said.find("une autre commande a écrit dans la base") != std::string::npos ||
                        said.find("en cours d'écriture par un autre programme") != std::string::npos)
                << said;
        }
    }
}

// kill -9 at any moment of an ingest or a forget leaves the store as it was before or as it is
// after, readable and whole (one transaction, SQLite's journal).
TEST(StoreWriters, KillNineLeavesTheStoreBeforeOrAfter) {
    TempDir tmp;
    const std::string base = make_store(tmp);
    const std::string full = (tmp.path / "full.gpkg").string();
    fs::copy_file(base, full);
    ASSERT_LE(run(binary, {"ingest", "datasets/paca", "--into", full}, source_dir).exit_code, 1);
    const auto before = maillage::store::Store::read(base, maillage::core::Lang::Fr);
    const auto after = maillage::store::Store::read(full, maillage::core::Lang::Fr);
    ASSERT_GT(after.attendances.size(), before.attendances.size());
    int seen_before = 0, seen_after = 0;
    for (const char* delay : {"0.3", "0.8", "1.5", "2.5", "3.5", "5"}) {
        const std::string store = (tmp.path / (std::string("k") + delay + ".gpkg")).string();
        fs::copy_file(base, store);
        const std::string command = "cd '" + source_dir + "' && timeout -s KILL " + delay + " '" + binary +
                                    "' ingest datasets/paca --into '" + store + "' > /dev/null 2>&1";
        (void)std::system(command.c_str());
        const auto check = run(binary, {"check", store}, source_dir);
        EXPECT_LE(check.exit_code, 1) << delay << ": " << check.err;
        EXPECT_NE(check.out.find("aucun défaut"), std::string::npos) << delay << ": " << check.out;
        const auto now = maillage::store::Store::read(store, maillage::core::Lang::Fr);
        const bool is_before = now.attendances.size() == before.attendances.size() && now.files.size() == before.files.size();
        const bool is_after = now.attendances.size() == after.attendances.size() && now.files.size() == after.files.size();
        EXPECT_TRUE(is_before || is_after) << delay << ": " << now.files.size() << " files, " << now.attendances.size();
        seen_before += is_before;
        seen_after += is_after;
    }
    EXPECT_GT(seen_before, 0) << "no kill landed before the save";
    // forget, killed: the person is there or gone, whole
    const auto email = [&] {
        for (const auto& i : after.identities)
            if (i.kind == "email") return i.value;
        return std::string();
    }();
    ASSERT_FALSE(email.empty());
    for (const char* delay : {"0.2", "0.6", "1.2"}) {
        const std::string store = (tmp.path / (std::string("f") + delay + ".gpkg")).string();
        fs::copy_file(full, store);
        const std::string command = "timeout -s KILL " + std::string(delay) + " '" + binary + "' forget '" + store +
                                    "' --email '" + email + "' > /dev/null 2>&1";
        (void)std::system(command.c_str());
        const auto now = maillage::store::Store::read(store, maillage::core::Lang::Fr);
        EXPECT_TRUE(now.people.size() == after.people.size() || now.people.size() + 1 == after.people.size()) << delay;
        std::size_t named = 0;
        for (const auto& i : now.identities) named += i.value == email;
        EXPECT_EQ(named, now.people.size() == after.people.size() ? 1u : 0u) << delay;
    }
}
