#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/load.hpp"

using namespace maillage::ingest;
using maillage::core::Lang;

namespace {
const std::string sheets = std::string(MAILLAGE_SOURCE_DIR) + "/tests/data/sheets/";
const std::string davis = std::string(MAILLAGE_SHARED_DIR) + "/data/davis/davis_attendance.csv";
} // namespace

TEST(Pseudonymiser, IsKeyedAndStable) {
    const Pseudonymiser a("key-a"), b("key-b");
    EXPECT_EQ(a.hash("email:x@y.fr"), a.hash("email:x@y.fr"));
    EXPECT_NE(a.hash("email:x@y.fr"), b.hash("email:x@y.fr"));
    // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?")
    EXPECT_EQ(Pseudonymiser("Jefe").hash("what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(Pseudonymiser::new_key().size(), 64u);
    EXPECT_NE(Pseudonymiser::new_key(), Pseudonymiser::new_key());
}

TEST(LoadProject, DavisWithAColumnMapping) {
    LoadOptions o;
    o.mapping = {{Field::Person, "woman"}, {Field::Session, "event"}, {Field::Date, ""}};
    maillage::core::Diagnostics d;
    const auto p = load_project({davis}, o, Lang::Fr, d);
    EXPECT_TRUE(d.items().empty());
    EXPECT_EQ(p.people.size(), 18u);
    EXPECT_EQ(p.sessions.size(), 14u);
    EXPECT_EQ(p.attendances.size(), 89u);
    EXPECT_EQ(p.organisations.size(), 0u);
    EXPECT_EQ(p.editions.size(), 1u);
    ASSERT_EQ(p.files.size(), 1u);
    EXPECT_EQ(p.files[0].rows, 89);
    EXPECT_EQ(p.files[0].sha256.size(), 64u);
}

TEST(LoadProject, OneIdentityAcrossEmailLessRowsAndDuplicatesCountedOnce) {
    maillage::core::Diagnostics d;
    const auto p = load_project({sheets + "bad_rows.csv"}, {}, Lang::Fr, d);
    // Martin Hélène (e-mail) and MARTIN HELENE (no e-mail) are one person; Roux's
    // multi-line organisation row is rejected (bad date), so only Martin remains.
    EXPECT_EQ(p.people.size(), 1u);
    EXPECT_EQ(p.attendances.size(), 2u);
    EXPECT_EQ(p.files[0].rows, 9); // rows read: 2 taken, 7 rejected
    EXPECT_EQ(p.files[0].rejected, 7);
    EXPECT_EQ(p.people[0].pseudonym.substr(0, 2), "P-");
}

TEST(LoadProject, WorkbookSheetsShareOneEdition) {
    maillage::core::Diagnostics d;
    const auto p = load_project({sheets + "two_sheets.xlsx"}, {}, Lang::Fr, d);
    ASSERT_EQ(p.territories.size(), 1u);
    EXPECT_EQ(p.territories[0].name, "Bouches-du-Rhône");
    ASSERT_EQ(p.editions.size(), 1u);
    EXPECT_EQ(p.editions[0].year, 2024);
    EXPECT_EQ(p.sessions.size(), 3u);
    EXPECT_EQ(p.people.size(), 3u);
    EXPECT_EQ(p.organisations.size(), 3u);
    EXPECT_EQ(p.attendances.size(), 6u);
    for (const auto& s : p.sessions)
        if (s.name == "Préparation 1") {
            EXPECT_EQ(s.kind, maillage::model::SessionKind::Preparation);
        }
}

namespace {

/// Everything a project holds, as text: two projects built alike print alike.
std::string dump(const maillage::model::Project& p) {
    std::ostringstream o;
    for (const auto& f : p.files) o << "file " << f.path << ' ' << f.sha256 << ' ' << f.rows << ' ' << f.rejected << '\n';
    for (const auto& t : p.territories) o << "territory " << t.key << '|' << t.name << '|' << t.code << '\n';
    for (const auto& e : p.editions) o << "edition " << e.territory << ' ' << e.year << '\n';
    for (const auto& s : p.sessions)
        o << "session " << s.edition << '|' << s.key << '|' << s.name << '|' << static_cast<int>(s.kind) << '|' << s.method << '|'
          << (s.date ? s.date->year * 10000 + s.date->month * 100 + s.date->day : 0) << '\n';
    for (const auto& s : p.spellings)
        o << "spelling " << s.text << '|' << s.type << '|' << s.commune << '|' << s.siret << '|' << s.territory << '|'
          << s.organisation << '|' << s.first_year << '|' << s.last_year << '|' << s.rows << '\n';
    for (const auto& x : p.organisations) o << "organisation " << x.key << '|' << x.name << '|' << x.type << '|' << x.commune << '\n';
    for (const auto& x : p.records) o << "record " << x.pseudonym << '\n';
    for (const auto& x : p.people) o << "person " << x.pseudonym << '\n';
    for (const auto& k : p.person_keys)
        o << "key " << k.person << '|' << k.hash << '|' << k.identifier << '|' << k.kind << '|' << k.record << '\n';
    for (const auto& i : p.identities) o << "identity " << i.person << '|' << i.kind << '|' << i.value << '|' << i.record << '\n';
    for (const auto* rows : {&p.attendances, &p.folded})
        for (const auto& a : *rows)
            o << "attendance " << a.session << ' ' << a.person << ' ' << a.organisation << ' ' << static_cast<int>(a.role) << ' '
              << a.file << ' ' << a.line << ' ' << a.spelling << ' ' << a.record << '\n';
    for (const auto& q : p.questions) o << "question " << q.first << '|' << q.second << '|' << q.score << '\n';
    return o.str();
}

maillage::model::Project ingested(const std::vector<std::string>& files) {
    maillage::model::Project p;
    p.pseudonym_key = std::string(64, '7');
    maillage::core::Diagnostics d;
    (void)ingest_sheets(p, files, {}, Lang::Fr, d);
    return p;
}

} // namespace

// A file is built into the project as it is read (ingest.cpp's RecordPipeline) and taken back
// when it is refused (ProjectBuilder::rollback): nothing of it may remain, and the files after
// it must come out as if it had never been given.
TEST(IngestSheets, ARefusedFileLeavesNoTrace) {
    const std::string paca = std::string(MAILLAGE_SOURCE_DIR) + "/datasets/paca/editions/";
    const std::string first = paca + "05-hautes-alpes/2022-emargements.csv";
    const std::string second = paca + "05-hautes-alpes/2023-emargements.csv";
    const std::string third = paca + "83-var/2023-emargements.xlsx";
    const auto without = ingested({first, second, third});
    maillage::model::Project with;
    with.pseudonym_key = std::string(64, '7');
    maillage::core::Diagnostics d;
    const auto report = ingest_sheets(with, {first, second, sheets + "bad_rows.csv", third}, {}, Lang::Fr, d);
    ASSERT_EQ(report.files.size(), 4u);
    EXPECT_EQ(report.files[2].status, FileOutcome::Status::Refused);
    EXPECT_EQ(report.files[3].status, FileOutcome::Status::Taken);
    EXPECT_TRUE(d.has_errors());
    EXPECT_EQ(dump(with), dump(without));
    EXPECT_FALSE(dump(without).empty());
}

// The same with a file refused first, and one refused between two files of a territory whose
// sessions and spellings it changes in place (a method given to sessions that had none, rows
// counted on spellings already there) before its bad row refuses it.
TEST(IngestSheets, RefusedFilesAnywhereChangeNothing) {
    const std::string alpes = std::string(MAILLAGE_SOURCE_DIR) + "/datasets/paca/editions/05-hautes-alpes/";
    const std::string a = alpes + "2022-emargements.csv", b = alpes + "2023-emargements.csv";
    const auto folder = std::filesystem::temp_directory_path() / ("maillage-refused-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const std::string bad = (folder / "2022-again.csv").string();
    {
        std::ifstream in(a);
        std::ofstream out(bad);
        std::string line;
        for (int n = 0; std::getline(in, line); ++n) {
            if (n > 0) { // the method (13th column) given, a new person on each row
                std::vector<std::string> cells;
                std::size_t start = 0;
                for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
                    cells.push_back(line.substr(start, tab - start));
                cells.push_back(line.substr(start));
                ASSERT_EQ(cells.size(), 14u) << line;
                cells[12] = "World café";
                cells[2] = "x" + std::to_string(n) + "@exemple.fr";
                line.clear();
                for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "\t" : "") + cells[i];
            }
            out << line << '\n';
        }
        out << "DUPONT\tJean\t\tML Embrun\tMission locale\t05046\t\tHautes-Alpes\t2022\tPréparation 1\tPréparation\t"
               "31/02/2022\t\tparticipant\n";
    }
    const auto without = ingested({a, b});
    EXPECT_EQ(dump(ingested({sheets + "bad_rows.csv", a, bad, b, sheets + "bad_rows.csv"})), dump(without));
    std::filesystem::remove_all(folder);
}
