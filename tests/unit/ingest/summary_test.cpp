#include <gtest/gtest.h>

#include "maillage/ingest/summary.hpp"

using namespace maillage::ingest;

namespace {
AttendanceRecord rec(std::string territory, std::string edition, std::string session, std::string email,
                     std::string name, std::string org = "") {
    AttendanceRecord r;
    r.territory = std::move(territory);
    r.edition = std::move(edition);
    r.session = std::move(session);
    r.email = std::move(email);
    r.name_key = std::move(name);
    r.organisation = std::move(org);
    return r;
}
} // namespace

TEST(SummaryBuilder, LinksEmailAndNameSeenOnOneRow) {
    SummaryBuilder b;
    b.add(rec("Var", "2019", "A1", "h@x.fr", "helene martin", "ML Toulon"));
    b.add(rec("Var", "2019", "A2", "", "helene martin", "ML  TOULON")); // same person, same organisation
    b.add(rec("Var", "2019", "A2", "h@x.fr", "", ""));
    b.add(rec("Var", "2019", "Plénière", "p@y.fr", "paul durand", "CIO"));
    const auto s = b.finish();
    ASSERT_EQ(s.editions.size(), 1u);
    EXPECT_EQ(s.editions[0].rows, 4);
    EXPECT_EQ(s.editions[0].people, 2);
    EXPECT_EQ(s.editions[0].organisations, 2);
    EXPECT_EQ(s.editions[0].sessions, 3);
}

TEST(SummaryBuilder, GroupsByTerritoryAndEditionAndTotalsDistinctPeople) {
    SummaryBuilder b;
    b.add(rec("Var", "2019", "A1", "a@x", ""));
    b.add(rec("VAR", "2020", "A1", "a@x", ""));
    b.add(rec("Vaucluse", "2019", "A1", "b@x", ""));
    const auto s = b.finish();
    ASSERT_EQ(s.editions.size(), 3u);
    EXPECT_EQ(s.editions[0].territory, "Var");
    EXPECT_EQ(s.editions[1].territory, "Var"); // first spelling kept
    EXPECT_EQ(s.editions[1].edition, "2020");
    EXPECT_EQ(s.editions[2].territory, "Vaucluse");
    EXPECT_EQ(s.total.people, 2);
    EXPECT_EQ(s.total.rows, 3);
    EXPECT_EQ(s.total.sessions, 3);
}

TEST(SummaryBuilder, TwoIdentifiersAreNeverMergedThroughASharedName) {
    SummaryBuilder b;
    auto with_id = [](std::string id, std::string email, std::string name) {
        auto r = rec("Var", "2024", "A1", std::move(email), std::move(name));
        r.person_id = std::move(id);
        return r;
    };
    b.add(with_id("P1", "", "dupont / lucas"));
    b.add(with_id("P2", "", "dupont / lucas")); // a namesake
    b.add(rec("Var", "2023", "A1", "", "martin / ines"));
    b.add(with_id("P3", "", "martin / ines")); // the same person, now registered with an id
    const auto s = b.finish();
    EXPECT_EQ(s.total.people, 3);
}
