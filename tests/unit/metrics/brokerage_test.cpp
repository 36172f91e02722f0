// Articulation points, bridges, Burt's measures and the k-core split on small graphs written here.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "maillage/metrics/brokerage.hpp"

using namespace maillage::metrics;
using maillage::graph::Edge;
using maillage::graph::Graph;

namespace {

Graph make(std::int32_t n, std::vector<Edge> edges) {
    Graph g;
    g.node_count = n;
    g.edges = std::move(edges);
    return g;
}

/// Two weighted triangles {0,1,2} and {3,4,5} joined by the tie 2–3, and 6 hanging on 5.
Graph two_triangles() {
    return make(7, {{0, 1, 1}, {0, 2, 2}, {1, 2, 1}, {2, 3, 3}, {3, 4, 1}, {3, 5, 2}, {4, 5, 1}, {5, 6, 1}});
}

} // namespace

TEST(ArticulationPoints, NameWhatEachWouldCutOff) {
    const auto cps = articulation_points(two_triangles());
    // networkx: sorted(nx.articulation_points(G)) == [2, 3, 5]
    ASSERT_EQ(cps.size(), 3U);
    // 2 cuts {0,1} off (the largest remaining piece {3,4,5,6} stays); 3 splits {0,1,2} from
    // {4,5,6}: equal sizes, the piece with the lowest node stays; 5 cuts {6}
    EXPECT_EQ(cps[0].node, 3);
    EXPECT_EQ(cps[0].cut_off, (std::vector<std::vector<std::int32_t>>{{4, 5, 6}}));
    EXPECT_EQ(cps[1].node, 2);
    EXPECT_EQ(cps[1].cut_off, (std::vector<std::vector<std::int32_t>>{{0, 1}}));
    EXPECT_EQ(cps[2].node, 5);
    EXPECT_EQ(cps[2].cut_off, (std::vector<std::vector<std::int32_t>>{{6}}));
    EXPECT_EQ(cps[2].component_size, 7);
}

TEST(ArticulationPoints, StarCentreCutsEveryLeafButOne) {
    const auto cps = articulation_points(make(4, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}}));
    ASSERT_EQ(cps.size(), 1U);
    EXPECT_EQ(cps[0].node, 0);
    EXPECT_EQ(cps[0].cut_off, (std::vector<std::vector<std::int32_t>>{{2}, {3}}));
}

TEST(ArticulationPoints, NoneInACycleOrAClique) {
    EXPECT_TRUE(articulation_points(make(4, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {0, 3, 1}})).empty());
    Graph k;
    k.node_count = 5;
    k.complete = true;
    EXPECT_TRUE(articulation_points(k).empty());
    EXPECT_TRUE(bridges(k).empty());
}

TEST(Bridges, AreFoundWithTheSmallerSide) {
    const auto bs = bridges(two_triangles());
    // networkx: sorted(nx.bridges(G)) == [(2, 3), (5, 6)]
    ASSERT_EQ(bs.size(), 2U);
    EXPECT_EQ(bs[0].source, 2);
    EXPECT_EQ(bs[0].target, 3);
    EXPECT_EQ(bs[0].cut_off, (std::vector<std::int32_t>{0, 1, 2}));
    EXPECT_DOUBLE_EQ(bs[0].weight, 3);
    EXPECT_EQ(bs[1].cut_off, (std::vector<std::int32_t>{6}));
}

TEST(Bridges, DeepSearchNeedsNoRecursion) {
    // a cycle of 200,000 nodes (depth-first depth 200,000) with one pendant node
    constexpr std::int32_t n = 200000;
    std::vector<Edge> e;
    e.push_back({0, 1, 1});
    e.push_back({0, n - 1, 1});
    e.push_back({0, n, 1});
    for (std::int32_t v = 1; v + 1 < n; ++v) e.push_back({v, v + 1, 1});
    std::sort(e.begin(), e.end(), [](const Edge& a, const Edge& b) { return std::pair(a.source, a.target) < std::pair(b.source, b.target); });
    const Graph g = make(n + 1, e);
    const auto bs = bridges(g);
    ASSERT_EQ(bs.size(), 1U);
    EXPECT_EQ(bs[0].cut_off, (std::vector<std::int32_t>{n}));
    const auto cps = articulation_points(g);
    ASSERT_EQ(cps.size(), 1U);
    EXPECT_EQ(cps[0].node, 0);
    EXPECT_EQ(cps[0].cut_off, (std::vector<std::vector<std::int32_t>>{{n}}));
}

TEST(StructuralHoles, MatchNetworkxWeighted) {
    // networkx 3.6.1: nx.constraint(G, weight='weight'), nx.effective_size(G, weight='weight')
    const double constraint[] = {0.8919753086419752, 1.1388888888888888, 0.5007716049382716, 0.48611111111111105,
                                 1.0069444444444444, 0.5642361111111112, 1.0};
    const double effective[] = {1.2222222222222223, 1.1666666666666667, 2.5833333333333335, 2.5833333333333335,
                                1.1666666666666667, 2.4166666666666665, 1.0};
    const auto h = structural_holes(two_triangles());
    for (int v = 0; v < 7; ++v) {
        EXPECT_NEAR(h.constraint[static_cast<std::size_t>(v)], constraint[v], 1e-12) << v;
        EXPECT_NEAR(h.effective_size[static_cast<std::size_t>(v)], effective[v], 1e-12) << v;
    }
}

TEST(StructuralHoles, CliqueInClosedFormAndIsolatesNaN) {
    Graph k;
    k.node_count = 4;
    k.complete = true;
    std::vector<Edge> e;
    for (std::int32_t u = 0; u < 4; ++u)
        for (std::int32_t v = u + 1; v < 4; ++v) e.push_back({u, v, 1});
    const auto closed = structural_holes(k), built = structural_holes(make(4, e));
    for (std::size_t v = 0; v < 4; ++v) {
        EXPECT_NEAR(closed.constraint[v], built.constraint[v], 1e-12);
        EXPECT_NEAR(closed.effective_size[v], built.effective_size[v], 1e-12);
    }
    const auto iso = structural_holes(make(2, {}));
    EXPECT_TRUE(std::isnan(iso.constraint[0]));
    EXPECT_TRUE(std::isnan(iso.effective_size[1]));
}

TEST(CorePeriphery, MainCoreOfTwoTriangles) {
    const auto cp = core_periphery(two_triangles());
    // networkx: nx.core_number(G) == {0..5: 2, 6: 1}
    EXPECT_EQ(cp.coreness, (std::vector<std::int64_t>{2, 2, 2, 2, 2, 2, 1}));
    EXPECT_EQ(cp.k_max, 2);
    EXPECT_EQ(cp.core_size, 6);
    EXPECT_NEAR(cp.core_density, 7.0 / 15.0, 1e-12);
    EXPECT_NEAR(cp.mixed_density, 1.0 / 6.0, 1e-12);
    EXPECT_EQ(cp.periphery_density, 0);
}

TEST(CorePeriphery, CliqueWithPendants) {
    // K4 on 0..3, then 4 and 5 hanging on 0: core = K4 (k = 3)
    const auto cp = core_periphery(make(6, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1}, {0, 4, 1}, {0, 5, 1}}));
    EXPECT_EQ(cp.k_max, 3);
    EXPECT_EQ(cp.in_core, (std::vector<bool>{true, true, true, true, false, false}));
    EXPECT_DOUBLE_EQ(cp.core_density, 1.0);
    EXPECT_DOUBLE_EQ(cp.mixed_density, 2.0 / 8.0);
}

TEST(ArticulationPoints, AgreeWithRemovingEachNodeOnRandomGraphs) {
    // brute force: remove each node, count what its component falls into
    std::uint64_t state = 7;
    auto next = [&state] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
    for (int trial = 0; trial < 50; ++trial) {
        const std::int32_t n = 2 + static_cast<std::int32_t>(next() % 25);
        std::vector<Edge> e;
        for (std::int32_t u = 0; u < n; ++u)
            for (std::int32_t v = u + 1; v < n; ++v)
                if (next() % 100 < 12) e.push_back({u, v, 1});
        const Graph g = make(n, e);
        auto pieces_without = [&](std::int32_t x) {
            std::vector<std::int32_t> label(static_cast<std::size_t>(n), -1);
            std::vector<std::size_t> sizes;
            for (std::int32_t s = 0; s < n; ++s) {
                if (s == x || label[static_cast<std::size_t>(s)] >= 0) continue;
                std::vector<std::int32_t> todo{s};
                label[static_cast<std::size_t>(s)] = static_cast<std::int32_t>(sizes.size());
                std::size_t size = 0;
                while (!todo.empty()) {
                    const auto v = todo.back();
                    todo.pop_back();
                    ++size;
                    for (const auto& ed : e)
                        for (auto [a, b] : {std::pair(ed.source, ed.target), std::pair(ed.target, ed.source)})
                            if (a == v && b != x && label[static_cast<std::size_t>(b)] < 0) {
                                label[static_cast<std::size_t>(b)] = label[static_cast<std::size_t>(s)];
                                todo.push_back(b);
                            }
                }
                sizes.push_back(size);
            }
            return sizes.size();
        };
        const auto base = pieces_without(-1);
        std::vector<std::int32_t> expected;
        for (std::int32_t x = 0; x < n; ++x) {
            // removing x disconnects when the number of components grows (an isolate's removal
            // lowers it, a leaf's keeps it)
            if (pieces_without(x) > base) expected.push_back(x);
        }
        std::vector<std::int32_t> found;
        std::size_t cut_nodes = 0;
        for (const auto& cp : articulation_points(g)) {
            found.push_back(cp.node);
            for (const auto& p : cp.cut_off) cut_nodes += p.size();
            EXPECT_EQ(pieces_without(cp.node), base + cp.cut_off.size()) << "trial " << trial;
        }
        std::sort(found.begin(), found.end());
        EXPECT_EQ(found, expected) << "trial " << trial;
        (void)cut_nodes;
    }
}
