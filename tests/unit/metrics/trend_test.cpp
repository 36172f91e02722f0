// Edition after edition (metrics::edition_trend) on a small project written here, every
// expected figure counted by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>

#include "maillage/metrics/change.hpp"
#include "maillage/metrics/trend.hpp"

using namespace maillage::metrics;
using maillage::graph::Scope;
using maillage::graph::TieLevel;
using maillage::graph::Window;
using maillage::model::Id;
using maillage::model::Project;
using maillage::model::Role;
using maillage::model::SessionKind;

namespace {

/// Territories T (2022, 2023) and U (2023). Organisations X (cio), Y (cio), Z (entreprise),
/// V (no type). People A of X, B of Y, C of Z, D of V, E of X.
///  T 2022: W1 (A, B, C), plenary (D)   people A B C D; organisations X Y Z V
///  T 2023: W1 (A, E), W2 (C, D)         people A C D E; organisations X Z V
///  U 2023: W1 (B, E)                    people B E; organisations Y X
Project two_territories() {
    Project p;
    p.territories.push_back({"t", "T", "", ""});
    p.territories.push_back({"u", "U", "", ""});
    p.editions = {{0, 2022}, {0, 2023}, {1, 2023}};
    p.organisations = {{"x", "X", "cio", "", "", std::nullopt}, {"y", "Y", "cio", "", "", std::nullopt},
                       {"z", "Z", "entreprise", "", "", std::nullopt}, {"v", "V", "", "", "", std::nullopt}};
    for (const char* name : {"A", "B", "C", "D", "E"}) p.people.push_back({name});
    const std::vector<Id> org_of{0, 1, 2, 3, 0}; // A X, B Y, C Z, D V, E X
    auto session = [&](Id edition, const char* name, SessionKind kind, std::vector<Id> people) {
        p.sessions.push_back({edition, name, name, kind, "", std::nullopt});
        for (Id x : people)
            p.attendances.push_back({static_cast<Id>(p.sessions.size() - 1), x, org_of[static_cast<std::size_t>(x)],
                                     Role::Participant, 0, 0});
    };
    session(0, "W1", SessionKind::Workshop, {0, 1, 2});
    session(0, "P", SessionKind::Plenary, {3});
    session(1, "W1", SessionKind::Workshop, {0, 4});
    session(1, "W2", SessionKind::Workshop, {2, 3});
    session(2, "W1", SessionKind::Workshop, {1, 4});
    return p;
}

} // namespace

TEST(EditionTrend, OrganisationsDensityEiRetention) {
    const auto p = two_territories();
    const auto rows = edition_trend(p, Scope::Organisations, TieLevel::Interconnaissance, {});
    ASSERT_EQ(rows.size(), 3U);

    const auto& a = rows[0]; // T 2022
    EXPECT_EQ(a.territory, 0);
    EXPECT_EQ(a.year, 2022);
    EXPECT_EQ(a.previous, maillage::model::no_id);
    EXPECT_EQ(a.people, 4);
    EXPECT_EQ(a.organisations, 4);
    EXPECT_EQ(a.nodes, 4);            // V came to the plenary only: a node without ties
    EXPECT_EQ(a.ties, 3);             // X–Y, X–Z, Y–Z
    EXPECT_DOUBLE_EQ(a.density, 0.5); // 3 / C(4, 2)
    EXPECT_EQ(a.typed_ties, 3);
    EXPECT_EQ(a.cross_type_ties, 2);  // X–Z, Y–Z; inside: X–Y (cio, cio)
    EXPECT_DOUBLE_EQ(a.ei_index, 1.0 / 3.0); // (2 - 1) / 3
    EXPECT_TRUE(std::isnan(a.retention));
    EXPECT_EQ(a.newcomers, 4);

    const auto& b = rows[1]; // T 2023
    EXPECT_EQ(b.year, 2023);
    EXPECT_EQ(b.previous, 0);
    EXPECT_EQ(b.organisations, 3);
    EXPECT_EQ(b.ties, 1);                   // Z–V; A–E is inside X, not a tie
    EXPECT_DOUBLE_EQ(b.density, 1.0 / 3.0); // 1 / C(3, 2)
    EXPECT_EQ(b.typed_ties, 0);             // V has no type
    EXPECT_TRUE(std::isnan(b.ei_index));
    EXPECT_EQ(b.previous_people, 4);
    EXPECT_EQ(b.retained, 3);                // A, C, D
    EXPECT_DOUBLE_EQ(b.retention, 0.75);
    EXPECT_EQ(b.newcomers, 1);               // E

    const auto& c = rows[2]; // U 2023: a territory of its own, its history starts again
    EXPECT_EQ(c.territory, 1);
    EXPECT_EQ(c.ties, 1); // X–Y
    EXPECT_DOUBLE_EQ(c.density, 1.0);
    EXPECT_DOUBLE_EQ(c.ei_index, -1.0);
    EXPECT_TRUE(std::isnan(c.retention));
    EXPECT_EQ(c.newcomers, 2);
}

TEST(EditionTrend, PeopleScopeTypesOfTheirOrganisations) {
    const auto p = two_territories();
    const auto rows = edition_trend(p, Scope::People, TieLevel::Interconnaissance, {});
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].nodes, 4);                      // D: a person without ties
    EXPECT_EQ(rows[0].ties, 3);                       // A–B, A–C, B–C
    EXPECT_DOUBLE_EQ(rows[0].ei_index, 1.0 / 3.0);    // A–C, B–C across; A–B inside cio
    EXPECT_EQ(rows[1].ties, 2);                       // A–E, C–D
    EXPECT_DOUBLE_EQ(rows[1].density, 2.0 / 6.0);
    EXPECT_EQ(rows[1].typed_ties, 1);                 // C–D: D's organisation has no type
    EXPECT_DOUBLE_EQ(rows[1].ei_index, -1.0);         // A–E inside cio
    EXPECT_DOUBLE_EQ(rows[1].retention, 0.75);        // the same people as the organisations' view
}

TEST(EditionTrend, ConnaissanceCliqueCountedFromTypes) {
    const auto p = two_territories();
    const auto rows = edition_trend(p, Scope::People, TieLevel::Connaissance, {});
    ASSERT_EQ(rows.size(), 3U);
    // T 2022: everyone knows everyone: C(4, 2) = 6 ties; typed people A, B (cio), C (entreprise):
    // 3 typed pairs, 1 inside (A–B), 2 across
    EXPECT_EQ(rows[0].ties, 6);
    EXPECT_DOUBLE_EQ(rows[0].density, 1.0);
    EXPECT_EQ(rows[0].typed_ties, 3);
    EXPECT_EQ(rows[0].cross_type_ties, 2);
    EXPECT_DOUBLE_EQ(rows[0].ei_index, 1.0 / 3.0);
}

TEST(EditionTrend, WindowKeepsThePreviousEditionOutsideIt) {
    const auto p = two_territories();
    Window w;
    w.year = 2023;
    auto rows = edition_trend(p, Scope::Organisations, TieLevel::Interconnaissance, w);
    ASSERT_EQ(rows.size(), 2U); // T 2023, U 2023
    EXPECT_EQ(rows[0].previous, 0);
    EXPECT_DOUBLE_EQ(rows[0].retention, 0.75); // against 2022, outside the window
    EXPECT_EQ(rows[0].newcomers, 1);
    w.year = 2022;
    w.cumulative = true;
    rows = edition_trend(p, Scope::Organisations, TieLevel::Interconnaissance, w);
    ASSERT_EQ(rows.size(), 1U);
    w = {};
    w.territory = 1;
    rows = edition_trend(p, Scope::Organisations, TieLevel::Interconnaissance, w);
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].territory, 1);
    EXPECT_THROW(edition_trend(p, Scope::TwoMode, TieLevel::Interconnaissance, {}), std::invalid_argument);
}

TEST(PresenceChange, RetentionNewcomersReturningLapsed) {
    std::map<Id, Seen> history{{1, {2020, 2021, 2}}, {2, {2020, 2020, 1}}, {3, {2021, 2021, 1}}};
    const auto c = presence_change({1, 3}, {3, 2, 7}, history);
    EXPECT_EQ(c.previous, 2);
    EXPECT_EQ(c.current, 3);
    EXPECT_EQ(c.retained, 1);           // 3
    EXPECT_DOUBLE_EQ(c.retention, 0.5);
    EXPECT_EQ(c.newcomers, 1);          // 7
    EXPECT_EQ(c.returning, 1);          // 2
    ASSERT_EQ(c.lapsed.size(), 1U);     // 1
    EXPECT_EQ(c.lapsed[0].id, 1);
    EXPECT_TRUE(presence_change({1, 3}, {3, 2, 7}, history, false).lapsed.empty());
}
