// Change between consecutive editions on a small project written here (counted by hand).
#include <gtest/gtest.h>

#include "maillage/metrics/change.hpp"

using namespace maillage::metrics;
using maillage::model::Id;
using maillage::model::Project;
using maillage::model::Role;
using maillage::model::SessionKind;

namespace {

/// Territory T, editions 2022, 2023, 2024. Organisations X, Y, Z, W (one person each: A of X,
/// B of Y, C of Z, D of W).
///  2022: W1 (A, B), W2 (B, C)         ties A–B, B–C; B is the broker
///  2023: W1 (A, B), W2 (A, B), W3 (A, D) ties A–B (twice: strengthened), A–D; C lapsed
///  2024: W1 (A, D), W2 (C, D)         ties A–D, C–D; B lapsed since 2023, C back
Project three_editions() {
    Project p;
    p.territories.push_back({"t", "T", "", ""});
    p.editions = {{0, 2022}, {0, 2023}, {0, 2024}};
    p.organisations = {{"x", "X", "cio", "", "", std::nullopt}, {"y", "Y", "association", "", "", std::nullopt},
                       {"z", "Z", "entreprise", "", "", std::nullopt}, {"w", "W", "epci", "", "", std::nullopt}};
    for (const char* name : {"A", "B", "C", "D"}) p.people.push_back({name});
    auto workshop = [&](Id edition, const char* name, std::vector<Id> people) {
        p.sessions.push_back({edition, name, name, SessionKind::Workshop, "", std::nullopt});
        for (Id x : people) p.attendances.push_back({static_cast<Id>(p.sessions.size() - 1), x, x, Role::Participant, 0, 0});
    };
    workshop(0, "W1", {0, 1});
    workshop(0, "W2", {1, 2});
    workshop(1, "W1", {0, 1});
    workshop(1, "W2", {0, 1});
    workshop(1, "W3", {0, 3});
    workshop(2, "W1", {0, 3});
    workshop(2, "W2", {2, 3});
    return p;
}

} // namespace

TEST(EditionChanges, TiesPresenceAndBrokers) {
    const auto p = three_editions();
    const auto changes = edition_changes(p, maillage::graph::TieLevel::Interconnaissance, {0, std::nullopt, false});
    ASSERT_EQ(changes.size(), 2U);
    const auto& a = changes[0].organisations; // 2022 → 2023
    EXPECT_EQ(changes[0].previous, 0);
    EXPECT_EQ(changes[0].current, 1);
    EXPECT_EQ(a.ties.previous, 2);
    EXPECT_EQ(a.ties.current, 2);
    EXPECT_EQ(a.ties.created, 1);  // X–W
    EXPECT_EQ(a.ties.faded, 1);    // Y–Z
    EXPECT_EQ(a.ties.persistent, 1);
    EXPECT_EQ(a.ties.strengthened, 1);
    EXPECT_DOUBLE_EQ(a.ties.jaccard, 1.0 / 3.0);
    ASSERT_EQ(a.ties.created_ties.size(), 1U);
    EXPECT_EQ(a.ties.created_ties[0].a, 0);
    EXPECT_EQ(a.ties.created_ties[0].b, 3);
    EXPECT_EQ(a.presence.previous, 3);
    EXPECT_EQ(a.presence.retained, 2);
    EXPECT_DOUBLE_EQ(a.presence.retention, 2.0 / 3.0);
    EXPECT_EQ(a.presence.newcomers, 1); // W
    ASSERT_EQ(a.presence.lapsed.size(), 1U);
    EXPECT_EQ(a.presence.lapsed[0].id, 2); // Z, last seen 2022
    EXPECT_EQ(a.presence.lapsed[0].last_year, 2022);
    ASSERT_EQ(a.brokers.brokers.size(), 1U); // Y, the only node with betweenness > 0
    EXPECT_EQ(a.brokers.brokers[0], 1);
    EXPECT_EQ(a.brokers.returned, 1);

    const auto& b = changes[1].organisations; // 2023 → 2024
    EXPECT_EQ(b.ties.created, 1);  // Z–W
    EXPECT_EQ(b.ties.faded, 1);    // X–Y
    EXPECT_EQ(b.ties.persistent, 1); // X–W, same weight
    EXPECT_EQ(b.ties.strengthened, 0);
    EXPECT_EQ(b.presence.returning, 1); // Z
    EXPECT_EQ(b.presence.newcomers, 0);
    ASSERT_EQ(b.presence.lapsed.size(), 1U);
    EXPECT_EQ(b.presence.lapsed[0].id, 1); // Y, absent since 2023
    EXPECT_EQ(b.presence.lapsed[0].last_year, 2023);
    EXPECT_EQ(b.presence.lapsed[0].editions, 2);
    ASSERT_EQ(b.brokers.brokers.size(), 1U); // X (A) bridged Y and W in 2023
    EXPECT_EQ(b.brokers.brokers[0], 0);
    EXPECT_TRUE(b.brokers.came_back[0]);
    // people mirror organisations here (one person each)
    EXPECT_EQ(changes[1].people.ties.created, 1);
    EXPECT_EQ(changes[1].people.presence.lapsed.size(), 1U);
}

TEST(EditionChanges, YearKeepsOnlyTheTransitionIntoIt) {
    const auto p = three_editions();
    const auto changes = edition_changes(p, maillage::graph::TieLevel::Interconnaissance, {0, 2023, false});
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].current, 1);
    EXPECT_TRUE(edition_changes(p, maillage::graph::TieLevel::Interconnaissance, {0, 2022, false}).empty())
        << "the first edition has nothing to compare with";
}

TEST(EditionChanges, ConnaissanceCliquesAreExpanded) {
    const auto p = three_editions();
    const auto changes = edition_changes(p, maillage::graph::TieLevel::Connaissance, {0, 2023, false});
    ASSERT_EQ(changes.size(), 1U);
    // people 2022 {A,B,C}: 3 pairs; 2023 {A,B,D}: 3 pairs; A–B persists
    EXPECT_EQ(changes[0].people.ties.previous, 3);
    EXPECT_EQ(changes[0].people.ties.persistent, 1);
    EXPECT_EQ(changes[0].people.ties.created, 2);
}
