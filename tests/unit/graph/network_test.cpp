// The three depths of tie, the organisation aggregation and the two-mode incidence, on a small
// project written here (weights counted by hand in the comments).
#include <map>

#include <gtest/gtest.h>

#include "maillage/graph/network.hpp"

using namespace maillage::graph;
using maillage::model::Id;
using maillage::model::Project;
using maillage::model::Role;
using maillage::model::SessionKind;

namespace {

/// Territory "T"; edition 2023: P1 (prep: A B C), plenary (A..E), W1 (A exposant, B gardien,
/// D scribe, E), W2 (C, E). Edition 2024: plenary (A, F), W3 (A, F). Organisations: A and B
/// from X, C and D from Y in 2023; A from Y in 2024; E and F name none.
Project small_project() {
    Project p;
    p.territories.push_back({"t", "T", "", ""});
    p.editions = {{0, 2023}, {0, 2024}};
    auto session = [&](Id edition, const char* name, SessionKind kind) {
        p.sessions.push_back({edition, name, name, kind, "", std::nullopt});
        return static_cast<Id>(p.sessions.size() - 1);
    };
    const Id p1 = session(0, "P1", SessionKind::Preparation), pl = session(0, "plen", SessionKind::Plenary),
             w1 = session(0, "W1", SessionKind::Workshop), w2 = session(0, "W2", SessionKind::Workshop),
             pl4 = session(1, "plen", SessionKind::Plenary), w3 = session(1, "W3", SessionKind::Workshop);
    p.organisations = {{"x", "X", "cio", "", "", std::nullopt}, {"y", "Y", "mission locale", "", "", std::nullopt}};
    for (const char* name : {"A", "B", "C", "D", "E", "F"}) p.people.push_back({name});
    enum { A, B, C, D, E, F };
    const Id X = 0, Y = 1, none = maillage::model::no_id;
    const Id org2023[] = {X, X, Y, Y, none, none};
    auto attend = [&](Id s, Id person, Id org, Role role = Role::Participant) {
        p.attendances.push_back({s, person, org, role, 0, 0});
    };
    for (Id x : {A, B, C}) attend(p1, x, org2023[x]);
    for (Id x : {A, B, C, D, E}) attend(pl, x, org2023[x]);
    attend(w1, A, X, Role::Exposant);
    attend(w1, B, X, Role::Gardien);
    attend(w1, D, Y, Role::Scribe);
    attend(w1, E, none);
    attend(w2, C, Y);
    attend(w2, E, none);
    attend(pl4, A, Y);
    attend(pl4, F, none);
    attend(w3, A, Y);
    attend(w3, F, none);
    return p;
}

/// Ties keyed by the pair of node labels ("AB"), from the model ids the nodes stand for.
std::map<std::string, double> ties(const Network& n, const Project& p) {
    std::map<std::string, double> out;
    auto label = [&](std::int32_t v) {
        const Id id = n.nodes[static_cast<std::size_t>(v)];
        return n.scope == Scope::People ? p.people[static_cast<std::size_t>(id)].pseudonym
                                        : p.organisations[static_cast<std::size_t>(id)].name;
    };
    for (const auto& e : n.graph.edges) {
        EXPECT_LT(e.source, e.target);
        out[label(e.source) + label(e.target)] = e.weight;
    }
    return out;
}

const Window edition_2023{0, 2023, false};

} // namespace

TEST(Window, SelectsOneEditionOrEveryOneUpToAYear) {
    const auto p = small_project();
    EXPECT_EQ(select_editions(p, edition_2023), (std::vector<Id>{0}));
    EXPECT_EQ(select_editions(p, {std::nullopt, 2024, true}), (std::vector<Id>{0, 1}));
    EXPECT_EQ(select_editions(p, {std::nullopt, 2024, false}), (std::vector<Id>{1}));
    EXPECT_EQ(select_editions(p, {}), (std::vector<Id>{0, 1}));
    EXPECT_TRUE(select_editions(p, {1, std::nullopt, false}).empty());
}

TEST(Levels, KeysRoundTrip) {
    for (auto l : {TieLevel::Connaissance, TieLevel::Interconnaissance, TieLevel::Reconnaissance})
        EXPECT_EQ(parse_tie_level(key(l)), l);
    for (auto s : {Scope::People, Scope::Organisations, Scope::TwoMode}) EXPECT_EQ(parse_scope(key(s)), s);
    EXPECT_FALSE(parse_tie_level("amitié"));
}

TEST(PeopleNetwork, InterconnaissanceCountsSharedWorkshopsAndPreparationsNotThePlenary) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::People, TieLevel::Interconnaissance, edition_2023);
    EXPECT_EQ(n.graph.node_count, 5); // A..E, F came in 2024
    EXPECT_EQ(n.people, 5);
    EXPECT_EQ(n.organisations, 2);
    // P1 {A B C}, W1 {A B D E}, W2 {C E}
    const std::map<std::string, double> expected{{"AB", 2}, {"AC", 1}, {"AD", 1}, {"AE", 1}, {"BC", 1},
                                                 {"BD", 1}, {"BE", 1}, {"CE", 1}, {"DE", 1}};
    EXPECT_EQ(ties(n, p), expected);
}

TEST(PeopleNetwork, ReconnaissanceIsTheTrioAndThePreparationSessions) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::People, TieLevel::Reconnaissance, edition_2023);
    // P1 {A B C}, W1's trio {A B D}; E was a participant only
    const std::map<std::string, double> expected{{"AB", 2}, {"AC", 1}, {"AD", 1}, {"BC", 1}, {"BD", 1}};
    EXPECT_EQ(ties(n, p), expected);
}

TEST(PeopleNetwork, OneEditionsConnaissanceIsACountedClique) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::People, TieLevel::Connaissance, edition_2023);
    EXPECT_TRUE(n.graph.complete);
    EXPECT_TRUE(n.graph.edges.empty());
    EXPECT_EQ(n.graph.node_count, 5);
    EXPECT_EQ(n.graph.edge_count(), 10);
}

TEST(PeopleNetwork, CumulativeConnaissanceCountsSharedEditions) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::People, TieLevel::Connaissance, {0, 2024, true});
    EXPECT_FALSE(n.graph.complete);
    const auto t = ties(n, p);
    EXPECT_EQ(t.size(), 11u); // the 2023 clique on A..E, and A–F in 2024
    EXPECT_EQ(t.at("AB"), 1);
    EXPECT_EQ(t.at("AF"), 1);
    EXPECT_EQ(t.count("BF"), 0u);
}

TEST(PeopleNetwork, DeeperLevelsAreContainedInShallowerOnes) {
    const auto p = small_project();
    const Window all{0, 2024, true};
    const auto c = ties(build_network(p, Scope::People, TieLevel::Connaissance, all), p);
    const auto i = ties(build_network(p, Scope::People, TieLevel::Interconnaissance, all), p);
    const auto r = ties(build_network(p, Scope::People, TieLevel::Reconnaissance, all), p);
    for (const auto& [pair, w] : r) EXPECT_TRUE(i.count(pair)) << pair;
    for (const auto& [pair, w] : i) EXPECT_TRUE(c.count(pair)) << pair;
    EXPECT_EQ(i.at("AF"), 1); // W3 in 2024
}

TEST(PeopleNetwork, APersonCountsInTheOrganisationOfTheirLatestEdition) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::People, TieLevel::Interconnaissance, {0, 2024, true});
    ASSERT_EQ(n.nodes[0], 0); // A
    EXPECT_EQ(n.organisation[0], 1); // Y in 2024
    EXPECT_EQ(n.organisation[1], 0); // B: X
    EXPECT_EQ(n.organisation[4], maillage::model::no_id); // E: none
}

TEST(OrganisationNetwork, PersonTiesSummedBetweenOrganisationsAndInsideCountedApart) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::Organisations, TieLevel::Interconnaissance, edition_2023);
    ASSERT_EQ(n.graph.node_count, 2);
    // Person ties X–Y: AC (P1) + BC (P1) + AD (W1) + BD (W1) = 4; inside X: AB twice.
    EXPECT_EQ(ties(n, p), (std::map<std::string, double>{{"XY", 4}}));
    EXPECT_EQ(n.internal_weight, (std::vector<double>{2, 0}));
}

TEST(OrganisationNetwork, ConnaissanceComesFromHeadCountsPerEdition) {
    const auto p = small_project();
    const auto n = build_network(p, Scope::Organisations, TieLevel::Connaissance, {0, 2024, true});
    // 2023: X {A B}, Y {C D} → 2·2 = 4 person pairs; 2024: Y {A} alone.
    EXPECT_EQ(ties(n, p), (std::map<std::string, double>{{"XY", 4}}));
    EXPECT_EQ(n.internal_weight, (std::vector<double>{1, 1}));
}

TEST(OrganisationNetwork, APersonCountsInTheOrganisationTheyCameFromAtThatEdition) {
    auto p = small_project();
    // In 2024 A (now at Y) shares W3 with G from X: one X–Y tie more, nothing from 2023's X.
    p.people.push_back({"G"});
    p.attendances.push_back({5, 6, 0, Role::Participant, 0, 0});
    const auto n = build_network(p, Scope::Organisations, TieLevel::Interconnaissance, {0, 2024, true});
    EXPECT_EQ(ties(n, p), (std::map<std::string, double>{{"XY", 5}}));
}

TEST(TwoMode, IncidenceOfPeopleAndTheSessionsOfTheLevel) {
    const auto p = small_project();
    const auto inter = build_two_mode(p, TieLevel::Interconnaissance, edition_2023);
    EXPECT_EQ(inter.people.size(), 5u);
    EXPECT_EQ(inter.sessions, (std::vector<Id>{0, 2, 3})); // no plenary
    EXPECT_EQ(inter.graph.edges.size(), 9u);              // 3 + 4 + 2
    for (const auto& e : inter.graph.edges) {
        EXPECT_LT(e.source, 5);
        EXPECT_GE(e.target, 5);
    }
    const auto conn = build_two_mode(p, TieLevel::Connaissance, edition_2023);
    EXPECT_EQ(conn.sessions.size(), 4u);
    EXPECT_EQ(conn.graph.edges.size(), 14u);
    const auto rec = build_two_mode(p, TieLevel::Reconnaissance, edition_2023);
    EXPECT_EQ(rec.people.size(), 4u); // E held no role and missed P1
    EXPECT_EQ(rec.graph.edges.size(), 6u);
}

TEST(TwoMode, NetworkRefusesTheTwoModeScope) {
    EXPECT_THROW(build_network(small_project(), Scope::TwoMode, TieLevel::Interconnaissance, {}),
                 std::invalid_argument);
}

// A project index built once gives every window the network a fresh build gives (the loops
// over editions of `metrics --what change` and `--what mixing` rely on it).
TEST(ProjectIndex, EveryWindowBuildsTheSameNetworkWithOrWithoutIt) {
    const Project p = small_project();
    const ProjectIndex index(p);
    const std::vector<Window> windows = {Window{}, Window{0, 2023, false}, Window{0, 2024, false},
                                         Window{0, 2024, true}, Window{std::nullopt, 2024, true}};
    for (const auto& w : windows)
        for (auto level : {TieLevel::Connaissance, TieLevel::Interconnaissance, TieLevel::Reconnaissance}) {
            for (auto scope : {Scope::People, Scope::Organisations}) {
                const auto a = build_network(p, scope, level, w), b = build_network(p, index, scope, level, w);
                EXPECT_EQ(a.nodes, b.nodes);
                EXPECT_EQ(a.organisation, b.organisation);
                EXPECT_EQ(a.territory, b.territory);
                EXPECT_EQ(a.people, b.people);
                EXPECT_EQ(a.organisations, b.organisations);
                EXPECT_EQ(a.graph.complete, b.graph.complete);
                EXPECT_EQ(ties(a, p), ties(b, p));
                EXPECT_EQ(a.internal_weight, b.internal_weight);
            }
            const auto a = build_two_mode(p, level, w), b = build_two_mode(p, index, level, w);
            EXPECT_EQ(a.people, b.people);
            EXPECT_EQ(a.sessions, b.sessions);
            EXPECT_EQ(a.organisation, b.organisation);
            ASSERT_EQ(a.graph.edges.size(), b.graph.edges.size());
            for (std::size_t i = 0; i < a.graph.edges.size(); ++i) {
                EXPECT_EQ(a.graph.edges[i].source, b.graph.edges[i].source);
                EXPECT_EQ(a.graph.edges[i].target, b.graph.edges[i].target);
            }
        }
    // the index lists an edition's sessions and attendances
    EXPECT_EQ(index.sessions(0).size(), 4U);
    EXPECT_EQ(index.sessions(1).size(), 2U);
    EXPECT_EQ(index.attendances(1).size(), 4U);
}
