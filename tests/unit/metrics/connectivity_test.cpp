// Group connectivity (metrics/connectivity.hpp) on small graphs written here, each checked three
// ways: against networkx (tests/unit/metrics/connectivity_reference.py, run by Debian's python3:
// nx.node_connectivity(H, s, t) with s tied to every A node and t to every B node), by removing
// the returned cut, and by brute force over every smaller set of nodes.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>

#include <gtest/gtest.h>
#include <unistd.h>

#include "maillage/metrics/connectivity.hpp"

using maillage::graph::Edge;
using maillage::graph::Graph;
using maillage::metrics::group_connectivity;

namespace {

using Nodes = std::vector<std::int32_t>;

struct Case {
    std::string name;
    Graph graph;
    Nodes a, b;
};

Graph make(std::int32_t n, std::vector<std::pair<std::int32_t, std::int32_t>> ties) {
    Graph g;
    g.node_count = n;
    for (auto [u, v] : ties) g.edges.push_back({std::min(u, v), std::max(u, v), 1.0});
    std::sort(g.edges.begin(), g.edges.end(), [](const Edge& x, const Edge& y) {
        return std::pair(x.source, x.target) < std::pair(y.source, y.target);
    });
    return g;
}

/// Is there still a path from A to B once `removed` is gone? Breadth-first search.
bool still_in_contact(const Graph& g, const Nodes& a, const Nodes& b, const std::vector<bool>& removed) {
    const auto n = static_cast<std::size_t>(g.node_count);
    std::vector<std::vector<std::int32_t>> adj(n);
    for (const auto& e : g.edges) {
        adj[static_cast<std::size_t>(e.source)].push_back(e.target);
        adj[static_cast<std::size_t>(e.target)].push_back(e.source);
    }
    std::vector<bool> seen(n, false), target(n, false);
    for (auto v : b) target[static_cast<std::size_t>(v)] = true;
    std::vector<std::int32_t> stack;
    for (auto v : a)
        if (!removed[static_cast<std::size_t>(v)] && !seen[static_cast<std::size_t>(v)]) {
            seen[static_cast<std::size_t>(v)] = true;
            stack.push_back(v);
        }
    while (!stack.empty()) {
        const auto u = static_cast<std::size_t>(stack.back());
        stack.pop_back();
        if (target[u]) return true;
        for (auto w : adj[u]) {
            const auto wi = static_cast<std::size_t>(w);
            if (!removed[wi] && !seen[wi]) {
                seen[wi] = true;
                stack.push_back(w);
            }
        }
    }
    return false;
}

/// The size of the smallest separating set, by trying every subset (n ≤ 12).
std::int32_t brute_force(const Graph& g, const Nodes& a, const Nodes& b) {
    const auto n = static_cast<std::size_t>(g.node_count);
    std::int32_t best = g.node_count;
    for (std::uint32_t set = 0; set < (1U << n); ++set) {
        const auto size = static_cast<std::int32_t>(__builtin_popcount(set));
        if (size >= best) continue;
        std::vector<bool> removed(n);
        for (std::size_t v = 0; v < n; ++v) removed[v] = ((set >> v) & 1U) != 0;
        if (!still_in_contact(g, a, b, removed)) best = size;
    }
    return best;
}

/// networkx's answers for the cases, one per case ("none" for an empty group).
std::vector<std::string> networkx(const std::vector<Case>& cases) {
    const auto dir = std::filesystem::temp_directory_path() / ("maillage_connectivity_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto in = dir / "cases.tsv", out = dir / "answers.txt";
    {
        std::ofstream f(in);
        for (const auto& c : cases) {
            f << c.graph.node_count << '\t';
            for (auto v : c.a) f << v << ',';
            f << '\t';
            for (auto v : c.b) f << v << ',';
            f << '\t';
            for (const auto& e : c.graph.edges) f << e.source << '-' << e.target << ' ';
            f << '\n';
        }
    }
    const std::string command = std::string(MAILLAGE_DEBIAN_PYTHON) + " " + MAILLAGE_SOURCE_DIR +
                                "/tests/unit/metrics/connectivity_reference.py " + in.string() + " > " + out.string();
    const int status = std::system(command.c_str());
    std::vector<std::string> answers;
    std::ifstream f(out);
    for (std::string line; std::getline(f, line);) answers.push_back(line);
    std::filesystem::remove_all(dir);
    if (status != 0) throw std::runtime_error("networkx reference failed (is python3-networkx installed?): " + command);
    return answers;
}

/// Seven small graphs a coordinator would recognise, then random ones.
std::vector<Case> cases() {
    std::vector<Case> out;
    // a path 0–1–2–3–4: one intermediary suffices
    out.push_back({"path", make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}), {0}, {4}});
    out.push_back({"path_pairs", make(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}), {0, 1}, {3, 4}});
    // a cycle of 6: two ways round
    out.push_back({"cycle", make(6, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 0}}), {0, 1}, {3, 4}});
    // two cliques of four joined through node 4
    out.push_back({"cliques_bridge_node",
                   make(9, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5},
                            {5, 6}, {5, 7}, {5, 8}, {6, 7}, {6, 8}, {7, 8}}),
                   {0, 1, 2}, {6, 7, 8}});
    // two groups tied directly: 0–2 and 1–3 are disjoint contacts, 0–3 adds none
    out.push_back({"tied_directly", make(4, {{0, 2}, {1, 3}, {0, 3}}), {0, 1}, {2, 3}});
    // a Davis-like two-mode network projected on people: eight people at four events
    // (event 1: 0 1 2; event 2: 2 3 4; event 3: 4 5; event 4: 5 6 7), people tied when they
    // share an event; A the people of event 1, B those of event 4
    out.push_back({"davis_like_projection",
                   make(8, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {2, 4}, {3, 4}, {4, 5}, {5, 6}, {5, 7}, {6, 7}}),
                   {0, 1, 2}, {5, 6, 7}});
    // disconnected groups: nothing to remove
    out.push_back({"disconnected", make(6, {{0, 1}, {1, 2}, {3, 4}, {4, 5}}), {0, 1}, {4, 5}});
    // a node in both groups is a contact by itself
    out.push_back({"shared_member", make(5, {{0, 1}, {1, 2}, {3, 4}}), {0, 3}, {2, 3}});
    // random graphs, fixed seed: 8–10 nodes, density ~0.3, disjoint groups of 2–3
    std::mt19937 rng(20240611);
    for (int i = 0; i < 40; ++i) {
        const std::int32_t n = 8 + static_cast<std::int32_t>(rng() % 3);
        std::vector<std::pair<std::int32_t, std::int32_t>> ties;
        for (std::int32_t u = 0; u < n; ++u)
            for (std::int32_t v = u + 1; v < n; ++v)
                if (rng() % 10 < 3) ties.emplace_back(u, v);
        Nodes order(static_cast<std::size_t>(n));
        for (std::int32_t v = 0; v < n; ++v) order[static_cast<std::size_t>(v)] = v;
        std::shuffle(order.begin(), order.end(), rng);
        const auto ka = 2 + static_cast<std::ptrdiff_t>(rng() % 2), kb = 2 + static_cast<std::ptrdiff_t>(rng() % 2);
        Nodes a(order.begin(), order.begin() + ka), b(order.begin() + ka, order.begin() + ka + kb);
        out.push_back({"random_" + std::to_string(i), make(n, ties), a, b});
    }
    return out;
}

} // namespace

TEST(GroupConnectivity, AgreesWithNetworkxAndBruteForce) {
    const auto all = cases();
    const auto expected = networkx(all);
    ASSERT_EQ(expected.size(), all.size());
    std::set<std::int32_t> seen; // the random graphs must exercise more than one answer
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& c = all[i];
        const auto got = group_connectivity(c.graph, c.a, c.b);
        ASSERT_TRUE(got) << c.name;
        EXPECT_EQ(std::to_string(got->connectivity), expected[i]) << c.name;
        EXPECT_EQ(got->connectivity, brute_force(c.graph, c.a, c.b)) << c.name;
        // the cut has that size and really separates the groups
        EXPECT_EQ(static_cast<std::int32_t>(got->cut.size()), got->connectivity) << c.name;
        EXPECT_TRUE(std::is_sorted(got->cut.begin(), got->cut.end())) << c.name;
        std::vector<bool> removed(static_cast<std::size_t>(c.graph.node_count), false);
        for (auto v : got->cut) removed[static_cast<std::size_t>(v)] = true;
        EXPECT_FALSE(still_in_contact(c.graph, c.a, c.b, removed)) << c.name;
        EXPECT_LE(got->connectivity, static_cast<std::int32_t>(std::min(c.a.size(), c.b.size()))) << c.name;
        if (c.name.starts_with("random_")) seen.insert(got->connectivity);
    }
    EXPECT_GE(seen.size(), 3U);
}

TEST(GroupConnectivity, NamedCasesByHand) {
    const auto all = cases();
    auto run = [&](const std::string& name) {
        const auto c = std::find_if(all.begin(), all.end(), [&](const Case& x) { return x.name == name; });
        return *group_connectivity(c->graph, c->a, c->b);
    };
    // networkx agrees (test above); the cuts are the ones closest to A
    EXPECT_EQ(run("path").cut, (Nodes{0}));
    EXPECT_EQ(run("path_pairs").cut, (Nodes{1}));
    EXPECT_EQ(run("cycle").connectivity, 2);
    EXPECT_EQ(run("cliques_bridge_node").cut, (Nodes{3}));
    EXPECT_EQ(run("tied_directly").connectivity, 2);
    EXPECT_EQ(run("davis_like_projection").cut, (Nodes{2}));
    EXPECT_EQ(run("disconnected").connectivity, 0);
    EXPECT_TRUE(run("disconnected").cut.empty());
    EXPECT_EQ(run("shared_member").cut, (Nodes{0, 3})); // 3 itself, and one of the path 0–1–2
}

TEST(GroupConnectivity, EmptyGroupHasNoAnswer) {
    const auto g = make(3, {{0, 1}, {1, 2}});
    EXPECT_FALSE(group_connectivity(g, {}, {2}));
    EXPECT_FALSE(group_connectivity(g, {0}, {}));
    EXPECT_EQ(networkx({{"empty", g, {}, {2}}}), (std::vector<std::string>{"none"}));
}

TEST(GroupConnectivity, DuplicatesCountOnce) {
    const auto g = make(4, {{0, 2}, {1, 3}});
    const auto got = group_connectivity(g, {0, 0, 1, 1}, {2, 3, 3});
    ASSERT_TRUE(got);
    EXPECT_EQ(got->connectivity, 2);
}

TEST(GroupConnectivity, NodeOutOfRangeThrows) {
    const auto g = make(3, {{0, 1}});
    EXPECT_THROW(group_connectivity(g, {0}, {3}), std::out_of_range);
    EXPECT_THROW(group_connectivity(g, {-1}, {2}), std::out_of_range);
}

TEST(GroupConnectivity, CompleteGraphLosesTheSmallerGroup) {
    Graph k;
    k.node_count = 6;
    k.complete = true;
    const auto got = group_connectivity(k, {4, 5}, {0, 1, 2});
    ASSERT_TRUE(got);
    EXPECT_EQ(got->connectivity, 2);
    EXPECT_EQ(got->cut, (Nodes{4, 5}));
    // the same graph with its ties written out
    std::vector<std::pair<std::int32_t, std::int32_t>> ties;
    for (std::int32_t u = 0; u < 6; ++u)
        for (std::int32_t v = u + 1; v < 6; ++v) ties.emplace_back(u, v);
    EXPECT_EQ(group_connectivity(make(6, ties), {4, 5}, {0, 1, 2})->connectivity, 2);
}

TEST(PairwiseGroupConnectivity, EveryPairOfNonEmptyGroupsWeakestFirst) {
    // the two cliques joined through node 4: group 0 = {0,1,2}, group 1 = {6,7,8}, group 2 = {3,5},
    // group 3 empty; node 4 in no group but cut all the same
    const auto g = make(9, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {5, 7}, {5, 8}, {6, 7}, {6, 8}, {7, 8}});
    const auto pairs = maillage::metrics::pairwise_group_connectivity(g, {0, 0, 0, 2, -1, 2, 1, 1, 1}, 4);
    ASSERT_EQ(pairs.size(), 3U);
    EXPECT_EQ(std::tie(pairs[0].first, pairs[0].second, pairs[0].result.connectivity), std::tuple(0, 1, 1));
    EXPECT_EQ(pairs[0].result.cut, (Nodes{3}));
    EXPECT_TRUE(maillage::metrics::hangs_on_few(pairs[0])); // 1 < 3 organisations on each side
    EXPECT_EQ(std::tie(pairs[1].first, pairs[1].second, pairs[1].result.connectivity), std::tuple(0, 2, 1));
    EXPECT_TRUE(maillage::metrics::hangs_on_few(pairs[1])); // 1 < 2
    EXPECT_EQ(pairs[1].second_size, 2);
    EXPECT_EQ(std::tie(pairs[2].first, pairs[2].second, pairs[2].result.connectivity), std::tuple(1, 2, 1));
    EXPECT_THROW(maillage::metrics::pairwise_group_connectivity(g, {0, 1}, 2), std::invalid_argument);
    EXPECT_THROW(maillage::metrics::pairwise_group_connectivity(g, {0, 0, 0, 2, 5, 2, 1, 1, 1}, 4), std::invalid_argument);
}

TEST(PairwiseGroupConnectivity, AGroupOfTwoIsNotFragileByItsOwnSize) {
    maillage::metrics::GroupPairConnectivity p;
    p.first_size = 2;
    p.second_size = 5;
    p.result.connectivity = 2;
    EXPECT_FALSE(maillage::metrics::hangs_on_few(p));
    p.first_size = 3;
    EXPECT_TRUE(maillage::metrics::hangs_on_few(p));
    p.result.connectivity = 0;
    EXPECT_FALSE(maillage::metrics::hangs_on_few(p));
}
