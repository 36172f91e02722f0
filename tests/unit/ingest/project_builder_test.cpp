#include <gtest/gtest.h>

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
