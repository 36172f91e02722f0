// Per-node centralities of a one-mode network (docs/metrics.md, "Per node").
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "maillage/graph/network.hpp"
#include "maillage/metrics/communities.hpp"

namespace maillage::metrics {

struct CentralityOptions {
    /// Betweenness is exact up to this many nodes; above, it is estimated from sampled sources.
    std::int32_t exact_betweenness_limit = 5000;
    /// Sources drawn (without replacement) for the estimate.
    std::int32_t betweenness_sources = 256;
    /// Seed of the source sample (a fixed generator: same seed, same sources, same numbers).
    std::uint64_t seed = 42;
};

enum class BetweennessMethod { Exact, Sampled };

struct NodeCentralities {
    std::vector<std::int64_t> degree;
    std::vector<double> strength;
    std::vector<double> betweenness; ///< normalised by (n-1)(n-2)/2 (networkx's normalisation)
    std::vector<double> closeness;
    std::vector<double> eigenvector; ///< Euclidean norm 1, non-negative
    std::vector<double> harmonic;    ///< mean inverse distance to the other nodes, in [0, max weight]
    std::vector<double> pagerank;    ///< sums to 1
    std::vector<std::int64_t> coreness;
    BetweennessMethod betweenness_method = BetweennessMethod::Exact;
    std::int32_t betweenness_sources = 0; ///< sources used (n when exact)
};

/// Degree, strength, betweenness, closeness, eigenvector centrality and k-core number of every
/// node.
///  * betweenness (Freeman 1977; Brandes 2001), weighted with distance = 1/weight (strong ties
///    are short); exact when n ≤ exact_betweenness_limit, otherwise the Brandes–Pich (2007)
///    estimate from `betweenness_sources` sources drawn with a seeded SplitMix64 generator,
///    scaled by n/k. Normalised by (n-1)(n-2)/2 (networkx `betweenness_centrality`).
///  * closeness with distance = 1/weight, over the reachable nodes with Wasserman & Faust's
///    correction (networkx `closeness_centrality`, wf_improved): (r/Σd)·(r/(n-1)), r reachable.
///    When betweenness is sampled, closeness is estimated from the same sources (Eppstein &
///    Wang 2004): with c of the k' sources other than v reaching v at summed distance D,
///    (c/D)·(c/k').
///  * eigenvector centrality (Bonacich 1987) of the weighted adjacency (weights as strengths),
///    Euclidean norm 1 (networkx `eigenvector_centrality_numpy`).
///  * harmonic centrality (Marchiori & Latora 2000; Boldi & Vigna 2014) with distance =
///    1/weight: Σ_{u≠v} 1/d(v,u) over the nodes v reaches, divided by n-1 (networkx
///    `harmonic_centrality(G, distance=...)` / (n-1); igraph's normalised harmonic centrality).
///    Exact with betweenness; when betweenness is sampled, estimated from the same sources:
///    (Σ over the k' sources other than v of 1/d(s,v)) / k'.
///  * PageRank (Brin & Page 1998) of the weighted network, damping 0.85 (networkx `pagerank`,
///    igraph PRPACK); a node without ties gets (1-0.85)/n plus its share of the dangling mass.
///  * k-core number (Seidman 1983), unweighted.
/// A complete graph is answered in closed form. Throws maillage::Error if igraph fails.
/// Complexity: betweenness and closeness O(k (m + n log n)) for k sources (k = n when exact);
/// the rest O(m log n) or less.
NodeCentralities node_centralities(const graph::Graph& graph, const CentralityOptions& options = {});

/// Betweenness alone, as node_centralities computes it (same options, same numbers), for the
/// callers that need nothing else (the brokers of metrics::edition_changes).
struct Betweenness {
    std::vector<double> value; ///< normalised by (n-1)(n-2)/2
    BetweennessMethod method = BetweennessMethod::Exact;
    std::int32_t sources = 0;
};
Betweenness node_betweenness(const graph::Graph& graph, const CentralityOptions& options = {});

/// Every node's centralities and community, computed on one copy of the graph in igraph (the same
/// numbers as node_centralities and leiden_communities called one after the other). Leiden runs
/// on one core (igraph is not thread-safe): `beside_communities`, when given, runs on a thread
/// of its own meanwhile, given the centralities (it must not call igraph), and what it throws is
/// rethrown.
struct NodeFigures {
    NodeCentralities centralities;
    Communities communities;
};
NodeFigures node_figures(const graph::Graph& graph, const CentralityOptions& centrality = {},
                         const CommunityOptions& community = {},
                         const std::function<void(const NodeCentralities&)>& beside_communities = {});

/// Draws `k` distinct nodes out of `n` (k ≥ n: every node), sorted, from SplitMix64 seeded with
/// `seed`: the same on every platform (std::shuffle and std::uniform_int_distribution are not).
/// Complexity: O(n).
std::vector<std::int32_t> sample_sources(std::int32_t n, std::int32_t k, std::uint64_t seed);

} // namespace maillage::metrics
