// maillage's own code where igraph used to run (triangles, hop distances, eigenvector per
// component, sampled closeness on two cores), checked against brute force written here.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <gtest/gtest.h>

#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/summary.hpp"

using namespace maillage::metrics;
using maillage::graph::Edge;
using maillage::graph::Graph;

namespace {

/// A random simple graph: n nodes, each pair tied with probability q, weights 1..3 (seeded).
Graph random_graph(std::int32_t n, double q, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> coin(0, 1);
    std::uniform_int_distribution<int> weight(1, 3);
    Graph g;
    g.node_count = n;
    for (std::int32_t u = 0; u < n; ++u)
        for (std::int32_t v = u + 1; v < n; ++v)
            if (coin(rng) < q) g.edges.push_back({u, v, static_cast<double>(weight(rng))});
    return g;
}

std::vector<std::vector<int>> adjacency_matrix(const Graph& g) {
    std::vector<std::vector<int>> a(static_cast<std::size_t>(g.node_count), std::vector<int>(static_cast<std::size_t>(g.node_count), 0));
    for (const auto& e : g.edges) a[static_cast<std::size_t>(e.source)][static_cast<std::size_t>(e.target)] =
        a[static_cast<std::size_t>(e.target)][static_cast<std::size_t>(e.source)] = 1;
    return a;
}

/// Tie lengths (1 / weight; +inf between untied nodes, 0 on the diagonal) and, by Floyd–Warshall,
/// the shortest distances between every two nodes.
struct AllPairs {
    std::vector<std::vector<double>> length, distance;
};
AllPairs all_pairs(const Graph& g) {
    const auto n = static_cast<std::size_t>(g.node_count);
    const double inf = std::numeric_limits<double>::infinity();
    AllPairs p{std::vector<std::vector<double>>(n, std::vector<double>(n, inf)), {}};
    for (std::size_t v = 0; v < n; ++v) p.length[v][v] = 0;
    for (const auto& e : g.edges) {
        const auto a = static_cast<std::size_t>(e.source), b = static_cast<std::size_t>(e.target);
        p.length[a][b] = p.length[b][a] = 1.0 / e.weight;
    }
    auto& d = p.distance = p.length;
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    return p;
}

/// Options that force the sampled estimate (above 10 nodes) from `sources` sources.
CentralityOptions sampled_from(std::int32_t sources) {
    CentralityOptions o;
    o.exact_betweenness_limit = 10;
    o.betweenness_sources = sources;
    return o;
}

} // namespace

// Triangles by triple loop: transitivity = 3 T / connected triples, clustering = mean of
// t_v / C(d_v, 2) with 0 below degree 2 (networkx `transitivity`, `average_clustering`).
TEST(FastPaths, TransitivityAndClusteringAreTheBruteForceOnes) {
    for (unsigned seed : {1U, 2U, 3U}) {
        const Graph g = random_graph(120, 0.08, seed);
        const auto a = adjacency_matrix(g);
        const auto n = static_cast<std::size_t>(g.node_count);
        std::vector<double> t(n, 0), d(n, 0);
        double triangles = 0;
        for (std::size_t u = 0; u < n; ++u)
            for (std::size_t v = 0; v < n; ++v) {
                d[u] += a[u][v];
                for (std::size_t w = v + 1; w < n; ++w)
                    if (a[u][v] && a[u][w] && a[v][w]) t[u] += 1;
            }
        double triples = 0, local = 0;
        for (std::size_t v = 0; v < n; ++v) {
            triangles += t[v];
            triples += d[v] * (d[v] - 1) / 2;
            local += d[v] >= 2 ? t[v] / (d[v] * (d[v] - 1) / 2) : 0.0;
        }
        const auto s = graph_structure(g);
        EXPECT_NEAR(s.transitivity, triangles / triples, 1e-12) << seed;
        EXPECT_NEAR(s.mean_clustering, local / static_cast<double>(n), 1e-12) << seed;
    }
}

// Hop distances by Floyd–Warshall on the largest component (ties by lowest node).
TEST(FastPaths, MeanDistanceAndDiameterAreTheBruteForceOnes) {
    const Graph g = random_graph(90, 0.03, 7); // sparse: several components
    const auto n = static_cast<std::size_t>(g.node_count);
    const int inf = 1 << 20;
    std::vector<std::vector<int>> dist(n, std::vector<int>(n, inf));
    for (std::size_t v = 0; v < n; ++v) dist[v][v] = 0;
    for (const auto& e : g.edges) dist[static_cast<std::size_t>(e.source)][static_cast<std::size_t>(e.target)] =
        dist[static_cast<std::size_t>(e.target)][static_cast<std::size_t>(e.source)] = 1;
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) dist[i][j] = std::min(dist[i][j], dist[i][k] + dist[k][j]);
    std::size_t best = 0, best_size = 0; // the largest component, by its lowest node
    std::vector<bool> seen(n, false);
    std::size_t components = 0;
    for (std::size_t v = 0; v < n; ++v) {
        if (seen[v]) continue;
        ++components;
        std::size_t size = 0;
        for (std::size_t w = 0; w < n; ++w)
            if (dist[v][w] < inf) {
                seen[w] = true;
                ++size;
            }
        if (size > best_size) {
            best_size = size;
            best = v;
        }
    }
    double sum = 0, pairs = 0;
    int longest = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (i != j && dist[best][i] < inf && dist[best][j] < inf) {
                sum += dist[i][j];
                pairs += 1;
                longest = std::max(longest, dist[i][j]);
            }
    const auto s = graph_structure(g);
    EXPECT_EQ(s.components, static_cast<std::int64_t>(components));
    EXPECT_NEAR(s.largest_share, static_cast<double>(best_size) / static_cast<double>(n), 1e-15);
    EXPECT_NEAR(s.mean_distance, sum / pairs, 1e-12);
    EXPECT_EQ(s.diameter, longest);
    EXPECT_FALSE(s.distances_sampled);
}

// Two components: the leading eigenvector lives on the one of larger eigenvalue (here the
// heavier clique), zero on the other; checked by power iteration on the whole adjacency.
TEST(FastPaths, EigenvectorOfSeveralComponentsIsTheWholeGraphsOne) {
    Graph g;
    g.node_count = 9;
    for (std::int32_t u = 0; u < 4; ++u) // a clique of 4 with weight 1 (eigenvalue 3)
        for (std::int32_t v = u + 1; v < 4; ++v) g.edges.push_back({u, v, 1.0});
    for (std::int32_t u = 4; u < 8; ++u) // a path-like weighted component
        g.edges.push_back({u, u + 1, u == 5 ? 5.0 : 2.0});
    const auto n = static_cast<std::size_t>(g.node_count);
    std::vector<double> x(n, 1.0);
    for (int it = 0; it < 5000; ++it) { // power iteration on A + I (same eigenvectors, no oscillation)
        std::vector<double> y(x);
        for (const auto& e : g.edges) {
            y[static_cast<std::size_t>(e.source)] += e.weight * x[static_cast<std::size_t>(e.target)];
            y[static_cast<std::size_t>(e.target)] += e.weight * x[static_cast<std::size_t>(e.source)];
        }
        double norm = 0;
        for (double v : y) norm += v * v;
        norm = std::sqrt(norm);
        for (std::size_t v = 0; v < n; ++v) x[v] = y[v] / norm;
    }
    const auto c = node_centralities(g);
    for (std::size_t v = 0; v < n; ++v) EXPECT_NEAR(c.eigenvector[v], x[v], 1e-9) << v;
    EXPECT_EQ(c.eigenvector[0], 0.0); // the clique's eigenvalue 3 < the path's 5.4
}

// Sampled closeness (above the exact limit) from maillage's Dijkstra on two cores equals the
// estimate computed here from Floyd–Warshall distances with the same sources.
TEST(FastPaths, SampledClosenessIsTheEstimateFromTheSameSources) {
    const Graph g = random_graph(70, 0.06, 11);
    const auto o = sampled_from(40);
    const auto c = node_centralities(g, o);
    ASSERT_EQ(c.betweenness_method, BetweennessMethod::Sampled);
    const auto n = static_cast<std::size_t>(g.node_count);
    const double inf = std::numeric_limits<double>::infinity();
    const auto d = all_pairs(g).distance;
    const auto sources = sample_sources(g.node_count, o.betweenness_sources, o.seed);
    for (std::size_t v = 0; v < n; ++v) {
        double sum = 0, hits = 0, others = 0;
        for (auto s : sources) {
            if (static_cast<std::size_t>(s) == v) continue;
            others += 1;
            if (d[static_cast<std::size_t>(s)][v] < inf) {
                sum += d[static_cast<std::size_t>(s)][v];
                hits += 1;
            }
        }
        const double expected = hits > 0 ? (hits / sum) * (hits / others) : 0.0;
        EXPECT_NEAR(c.closeness[v], expected, 1e-12) << v;
    }
}

// Sampled betweenness from maillage's own Brandes searches (on two cores, the same searches as
// the sampled closeness) equals the Brandes–Pich estimate computed here by definition: from
// Floyd–Warshall distances, v lies on a shortest s–t path when d(s,v) + d(v,t) = d(s,t) (to
// igraph's relative 1e-10), and σ_st(v) = σ_sv · σ_vt. Weights 1..6 make many equal-length
// paths whose lengths are sums of different fractions (1/2 + 1/6 + 1/3 = 1).
TEST(FastPaths, SampledBetweennessIsTheEstimateFromTheSameSources) {
    for (unsigned seed : {3u, 8u, 21u}) {
        Graph g = random_graph(60, 0.08, seed);
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> weight(1, 6);
        for (auto& e : g.edges) e.weight = weight(rng);
        const auto o = sampled_from(25);
        const auto c = node_centralities(g, o);
        ASSERT_EQ(c.betweenness_method, BetweennessMethod::Sampled);
        const auto n = static_cast<std::size_t>(g.node_count);
        const double inf = std::numeric_limits<double>::infinity();
        auto same = [](double a, double b) { return a == b || std::abs(a - b) / (std::abs(a) + std::abs(b)) < 1e-10; };
        const auto [len, d] = all_pairs(g);
        // σ_uv for every pair: paths counted through the predecessors, nearest nodes first.
        std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
        for (std::size_t s = 0; s < n; ++s) {
            std::vector<std::size_t> by_distance(n);
            std::iota(by_distance.begin(), by_distance.end(), 0);
            std::sort(by_distance.begin(), by_distance.end(), [&](auto a, auto b) { return d[s][a] < d[s][b]; });
            sigma[s][s] = 1;
            for (auto v : by_distance) {
                if (v == s || d[s][v] == inf) continue;
                for (std::size_t u = 0; u < n; ++u)
                    if (len[u][v] < inf && d[s][u] < d[s][v] && same(d[s][u] + len[u][v], d[s][v])) sigma[s][v] += sigma[s][u];
            }
        }
        const auto sources = sample_sources(g.node_count, o.betweenness_sources, o.seed);
        const double k = static_cast<double>(sources.size()), nn = static_cast<double>(n);
        for (std::size_t v = 0; v < n; ++v) {
            double dependency = 0;
            for (auto s32 : sources) {
                const auto s = static_cast<std::size_t>(s32);
                if (s == v || d[s][v] == inf) continue;
                for (std::size_t t = 0; t < n; ++t)
                    if (t != s && t != v && d[s][t] < inf && d[v][t] < inf && same(d[s][v] + d[v][t], d[s][t]))
                        dependency += sigma[s][v] * sigma[v][t] / sigma[s][t];
            }
            const double expected = dependency / 2 * (nn / k) * 2 / ((nn - 1) * (nn - 2));
            EXPECT_NEAR(c.betweenness[v], expected, 1e-12) << "seed " << seed << " node " << v;
        }
        // node_betweenness (the brokers' view) gives the same numbers.
        EXPECT_EQ(node_betweenness(g, o).value, c.betweenness);
    }
}

// node_figures (one igraph copy for centralities and communities; the sampled searches beside
// igraph's work) gives what node_centralities and leiden_communities give one after the other.
TEST(FastPaths, NodeFiguresAreTheCentralitiesAndTheCommunities) {
    Graph g = random_graph(80, 0.07, 5);
    for (const std::int32_t limit : {5000, 10}) {
        CentralityOptions o;
        o.exact_betweenness_limit = limit;
        o.betweenness_sources = 30;
        const auto both = node_figures(g, o, {});
        const auto c = node_centralities(g, o);
        const auto m = leiden_communities(g, {});
        EXPECT_EQ(both.centralities.betweenness, c.betweenness);
        EXPECT_EQ(both.centralities.closeness, c.closeness);
        EXPECT_EQ(both.centralities.eigenvector, c.eigenvector);
        EXPECT_EQ(both.centralities.coreness, c.coreness);
        EXPECT_EQ(both.centralities.betweenness_method, c.betweenness_method);
        EXPECT_EQ(both.communities.membership, m.membership);
        EXPECT_EQ(both.communities.modularity, m.modularity);
    }
}
