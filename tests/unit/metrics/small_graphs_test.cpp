// Metrics on small graphs written here, with values worked out by hand in the comments.
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/communities.hpp"
#include "maillage/metrics/concentration.hpp"
#include "maillage/metrics/summary.hpp"
#include "maillage/metrics/two_mode.hpp"

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

Graph star(std::int32_t leaves) {
    std::vector<Edge> e;
    for (std::int32_t v = 1; v <= leaves; ++v) e.push_back({0, v, 1});
    return make(leaves + 1, e);
}

Graph explicit_clique(std::int32_t n) {
    std::vector<Edge> e;
    for (std::int32_t u = 0; u < n; ++u)
        for (std::int32_t v = u + 1; v < n; ++v) e.push_back({u, v, 1});
    return make(n, e);
}

} // namespace

TEST(Structure, TriangleWithAPendant) {
    // 0-1-2 triangle, 3 hangs on 2: 1 triangle, 5 connected triples → 3/5; local clustering
    // 1, 1, 1/3, 0 → 7/12. Distances: 1,1,2 from 0; 1,2 from 1; 1 from 2 → 8/6; diameter 2.
    const auto s = graph_structure(make(4, {{0, 1, 1}, {0, 2, 2}, {1, 2, 1}, {2, 3, 4}}));
    EXPECT_EQ(s.ties, 4);
    EXPECT_DOUBLE_EQ(s.density, 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(s.mean_degree, 2.0);
    EXPECT_EQ(s.max_degree, 3);
    EXPECT_DOUBLE_EQ(s.mean_strength, 2.0 * 8 / 4);
    EXPECT_EQ(s.components, 1);
    EXPECT_DOUBLE_EQ(s.largest_share, 1.0);
    EXPECT_DOUBLE_EQ(s.transitivity, 0.6);
    EXPECT_DOUBLE_EQ(s.mean_clustering, 7.0 / 12.0);
    EXPECT_DOUBLE_EQ(s.mean_distance, 8.0 / 6.0);
    EXPECT_EQ(s.diameter, 2);
}

TEST(Structure, DistancesAreTakenInTheLargestComponent) {
    // a path of 3 (0-1-2), an edge (3-4) and an isolate (5)
    const auto s = graph_structure(make(6, {{0, 1, 1}, {1, 2, 1}, {3, 4, 1}}));
    EXPECT_EQ(s.components, 3);
    EXPECT_DOUBLE_EQ(s.largest_share, 0.5);
    EXPECT_DOUBLE_EQ(s.mean_distance, 4.0 / 3.0);
    EXPECT_EQ(s.diameter, 2);
    EXPECT_DOUBLE_EQ(s.transitivity, 0.0);
}

TEST(Structure, TheCountedCliqueMatchesTheBuiltOne) {
    Graph counted;
    counted.node_count = 6;
    counted.complete = true;
    const auto a = graph_structure(counted), b = graph_structure(explicit_clique(6));
    EXPECT_EQ(a.ties, b.ties);
    EXPECT_DOUBLE_EQ(a.density, b.density);
    EXPECT_DOUBLE_EQ(a.mean_degree, b.mean_degree);
    EXPECT_EQ(a.max_degree, b.max_degree);
    EXPECT_DOUBLE_EQ(a.mean_strength, b.mean_strength);
    EXPECT_EQ(a.components, b.components);
    EXPECT_DOUBLE_EQ(a.transitivity, b.transitivity);
    EXPECT_DOUBLE_EQ(a.mean_clustering, b.mean_clustering);
    EXPECT_DOUBLE_EQ(a.mean_distance, b.mean_distance);
    EXPECT_EQ(a.diameter, b.diameter);

    const auto x = node_centralities(counted), y = node_centralities(explicit_clique(6));
    EXPECT_EQ(x.degree, y.degree);
    EXPECT_EQ(x.coreness, y.coreness);
    for (std::size_t v = 0; v < 6; ++v) {
        EXPECT_NEAR(x.betweenness[v], y.betweenness[v], 1e-12);
        EXPECT_NEAR(x.closeness[v], y.closeness[v], 1e-12);
        EXPECT_NEAR(x.eigenvector[v], y.eigenvector[v], 1e-9);
    }
    EXPECT_EQ(leiden_communities(counted).count, 1);
}

TEST(Centrality, StarCentreBrokersEverything) {
    const auto c = node_centralities(star(4));
    EXPECT_EQ(c.degree, (std::vector<std::int64_t>{4, 1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(c.betweenness[0], 1.0); // C(4,2) = 6 pairs over (n-1)(n-2)/2 = 6
    EXPECT_DOUBLE_EQ(c.betweenness[1], 0.0);
    EXPECT_DOUBLE_EQ(c.closeness[0], 1.0);
    EXPECT_DOUBLE_EQ(c.closeness[1], 4.0 / 7.0); // 1 + 3·2 = 7
    EXPECT_EQ(c.coreness, (std::vector<std::int64_t>{1, 1, 1, 1, 1}));
    // eigenvector of the star: centre 1/√2, leaves 1/(2√2)
    EXPECT_NEAR(c.eigenvector[0], 1 / std::sqrt(2.0), 1e-9);
    EXPECT_NEAR(c.eigenvector[1], 1 / (2 * std::sqrt(2.0)), 1e-9);
    EXPECT_EQ(c.betweenness_method, BetweennessMethod::Exact);
}

TEST(Centrality, StrongTiesAreShort) {
    // A square 0-1-2-3-0; 0-1-2 are strong (weight 4, distance 1/4), 0-3-2 weak (weight 1):
    // every shortest path between 0 and 2 goes through 1, so 1 brokers and 3 does not.
    const auto c = node_centralities(make(4, {{0, 1, 4}, {1, 2, 4}, {2, 3, 1}, {0, 3, 1}}));
    EXPECT_GT(c.betweenness[1], 0.0);
    EXPECT_DOUBLE_EQ(c.betweenness[3], 0.0);
    EXPECT_DOUBLE_EQ(c.strength[1], 8.0);
    // closeness of 1: distances 1/4, 1/4, and to 3: 1/4 + 1 → Σ = 1.75; r = 3 of n-1 = 3
    EXPECT_DOUBLE_EQ(c.closeness[1], 3.0 / 1.75);
}

TEST(Centrality, SampledBetweennessFromEverySourceIsExact) {
    const auto g = make(6, {{0, 1, 1}, {1, 2, 2}, {2, 3, 1}, {3, 4, 1}, {1, 4, 3}, {4, 5, 1}});
    const auto exact = node_centralities(g);
    CentralityOptions o;
    o.exact_betweenness_limit = 0;
    o.betweenness_sources = 6;
    const auto all = node_centralities(g, o);
    EXPECT_EQ(all.betweenness_method, BetweennessMethod::Sampled);
    for (std::size_t v = 0; v < 6; ++v) EXPECT_NEAR(all.betweenness[v], exact.betweenness[v], 1e-12) << v;
    o.betweenness_sources = 3;
    const auto some = node_centralities(g, o);
    EXPECT_EQ(some.betweenness_sources, 3);
    const auto again = node_centralities(g, o);
    EXPECT_EQ(some.betweenness, again.betweenness); // seeded, not clocked
}

TEST(Centrality, SourceSampleIsDistinctSortedAndSeeded) {
    const auto a = sample_sources(1000, 256, 42);
    EXPECT_EQ(a.size(), 256u);
    EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
    EXPECT_EQ(std::adjacent_find(a.begin(), a.end()), a.end());
    EXPECT_EQ(a, sample_sources(1000, 256, 42));
    EXPECT_NE(a, sample_sources(1000, 256, 43));
    EXPECT_EQ(sample_sources(5, 256, 1), (std::vector<std::int32_t>{0, 1, 2, 3, 4}));
}

TEST(Communities, TwoTrianglesAndABridge) {
    // m = 7; each triangle holds 3 ties and a degree sum of 7: Q = 2 (3/7 - (7/14)²) = 6/7 - 1/2
    const auto g = make(6, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}});
    const auto c = leiden_communities(g);
    EXPECT_EQ(c.count, 2);
    EXPECT_EQ(c.membership, (std::vector<std::int32_t>{0, 0, 0, 1, 1, 1}));
    EXPECT_NEAR(c.modularity, 6.0 / 7.0 - 0.5, 1e-12);
    EXPECT_EQ(leiden_communities(g).membership, c.membership);

    const auto comp = composition(c, {"cio", "cio", "mission locale", "", "cio", ""}, {"Var", "Var", "Var", "Var", "Var", "Alpes"});
    ASSERT_EQ(comp.size(), 2u);
    EXPECT_EQ(comp[0].size, 3);
    EXPECT_EQ(comp[0].by_type[0], (std::pair<std::string, std::int64_t>{"cio", 2}));
    EXPECT_EQ(comp[1].by_type[0], (std::pair<std::string, std::int64_t>{"", 2}));
    EXPECT_EQ(comp[1].by_territory[0], (std::pair<std::string, std::int64_t>{"Var", 2}));
}

TEST(Communities, IsolatesStandAlone) {
    const auto c = leiden_communities(make(3, {}));
    EXPECT_EQ(c.count, 3);
    EXPECT_DOUBLE_EQ(c.modularity, 0.0);
}

TEST(Concentration, GiniAndFreemanCentralisation) {
    EXPECT_DOUBLE_EQ(gini({1, 1, 1, 1}), 0.0);
    EXPECT_DOUBLE_EQ(gini({0, 0, 0, 4}), 0.75); // (n-1)/n when one holds all
    EXPECT_DOUBLE_EQ(gini({1, 2, 3}), 2.0 / 9.0); // Σ(2i-n-1)x = -2+0+6 = 4; 4/(3·6)
    EXPECT_DOUBLE_EQ(gini({}), 0.0);
    EXPECT_DOUBLE_EQ(degree_centralisation(node_centralities(star(5)).degree), 1.0);
    EXPECT_DOUBLE_EQ(degree_centralisation(node_centralities(explicit_clique(5)).degree), 0.0);
    // path of 4: degrees 1 2 2 1 → (1+0+0+1)/(3·2)
    EXPECT_DOUBLE_EQ(degree_centralisation({1, 2, 2, 1}), 2.0 / 6.0);
}

TEST(TwoModeCentrality, OnePersonTwoSessions) {
    // person 0 in sessions 2 and 3, person 1 in session 3: a path 2-0-3-1
    const auto c = two_mode_centralities(make(4, {{0, 2, 1}, {0, 3, 1}, {1, 3, 1}}), 2);
    EXPECT_DOUBLE_EQ(c.degree[0], 1.0);
    EXPECT_DOUBLE_EQ(c.degree[1], 0.5);
    EXPECT_DOUBLE_EQ(c.degree[3], 1.0);
    // person 0: distances 1,1,2 → (m + 2(n-1)) / 4 = 4/4
    EXPECT_DOUBLE_EQ(c.closeness[0], 1.0);
    EXPECT_THROW(two_mode_centralities(make(2, {{0, 1, 1}}), 0), std::invalid_argument);
}

TEST(Sampling, ClosenessAndDistancesFromEverySourceAreExact) {
    // two components: a weighted 6-cycle with a chord, and an edge
    const auto g = make(8, {{0, 1, 1}, {1, 2, 2}, {2, 3, 1}, {3, 4, 1}, {4, 5, 3}, {0, 5, 1}, {1, 4, 2}, {6, 7, 1}});
    const auto exact = node_centralities(g);
    CentralityOptions o;
    o.exact_betweenness_limit = 0;
    o.betweenness_sources = 8;
    const auto sampled = node_centralities(g, o);
    for (std::size_t v = 0; v < 8; ++v) EXPECT_NEAR(sampled.closeness[v], exact.closeness[v], 1e-12) << v;

    const auto s = graph_structure(g);
    StructureOptions so;
    so.exact_distance_limit = 0;
    so.distance_sources = 100;
    const auto all = graph_structure(g, so);
    EXPECT_FALSE(s.distances_sampled);
    EXPECT_TRUE(all.distances_sampled);
    EXPECT_NEAR(all.mean_distance, s.mean_distance, 1e-12);
    EXPECT_EQ(all.diameter, s.diameter);
    so.distance_sources = 3;
    const auto some = graph_structure(g, so);
    EXPECT_EQ(some.distance_sources, 3);
    EXPECT_LE(some.diameter, s.diameter); // a lower bound
}

// Harmonic centrality over unreachable nodes: a–b (weight 1) and c–d (weight 2), apart. A node
// reaches one other at distance 1 (a, b) or 1/2 (c, d): Σ 1/d over n-1 = 3 others.
// PageRank: the two pairs are alike, so each node gets 1/4 (networkx and igraph agree).
TEST(SmallGraphs, HarmonicCentralityCountsUnreachableNodesAsNothing) {
    const auto g = make(4, {{0, 1, 1.0}, {2, 3, 2.0}});
    const auto c = node_centralities(g);
    EXPECT_NEAR(c.harmonic[0], 1.0 / 3, 1e-12);
    EXPECT_NEAR(c.harmonic[1], 1.0 / 3, 1e-12);
    EXPECT_NEAR(c.harmonic[2], 2.0 / 3, 1e-12);
    EXPECT_NEAR(c.harmonic[3], 2.0 / 3, 1e-12);
    for (int v = 0; v < 4; ++v) EXPECT_NEAR(c.pagerank[static_cast<std::size_t>(v)], 0.25, 1e-9);
    // A star: the centre reaches every leaf at 1, a leaf the centre at 1 and the others at 2.
    const auto s = node_centralities(star(4));
    EXPECT_NEAR(s.harmonic[0], 1.0, 1e-12);
    EXPECT_NEAR(s.harmonic[1], (1.0 + 3 * 0.5) / 4, 1e-12);
}
