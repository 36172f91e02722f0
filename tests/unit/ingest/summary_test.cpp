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
