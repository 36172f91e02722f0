// Graph-level figures of a network (docs/metrics.md, "Graph level").
#pragma once

#include <cstdint>

#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"

namespace maillage::metrics {

/// Structure of an undirected weighted graph. Distances are hop counts (unweighted).
struct StructureSummary {
    std::int64_t nodes = 0;
    std::int64_t ties = 0;
    double density = 0;              ///< 2m / (n(n-1)); 0 below two nodes
    double mean_degree = 0;          ///< 2m / n
    std::int64_t max_degree = 0;
    double mean_strength = 0;        ///< 2 Σ w / n (strength: summed weights of a node's ties)
    std::int64_t components = 0;     ///< connected components, isolates included
    double largest_share = 0;        ///< nodes of the largest component / n
    double transitivity = 0;         ///< 3 × triangles / connected triples; 0 without triples
    double mean_clustering = 0;      ///< mean local clustering, nodes of degree < 2 counting 0
    double mean_distance = 0;        ///< mean shortest path (hops) in the largest component
    std::int64_t diameter = 0;       ///< longest shortest path (hops) in the largest component
    bool distances_sampled = false;  ///< mean distance and diameter estimated from sampled sources
    std::int32_t distance_sources = 0; ///< breadth-first searches run (component size when exact)
};

struct StructureOptions {
    /// Distances are exact up to this many nodes in the largest component; above, estimated
    /// from `distance_sources` sources drawn like betweenness's (metrics::sample_sources).
    std::int32_t exact_distance_limit = 5000;
    std::int32_t distance_sources = 256;
    std::uint64_t seed = 42;
};

/// The structure of `graph`. Definitions: density, degree, strength (Barrat et al. 2004),
/// components, global transitivity (Wasserman & Faust 1994; networkx `transitivity`), mean
/// local clustering (Watts & Strogatz 1998; networkx `average_clustering`), mean distance and
/// diameter of the largest component (ties of size broken by lowest node); above
/// options.exact_distance_limit nodes the mean over pairs (s, v) from sampled sources s, and
/// the largest distance seen (a lower bound of the diameter). A complete graph
/// (one edition's connaissance) is answered in closed form: density 1, degree n-1,
/// transitivity 1, distance 1. Throws maillage::Error if igraph fails. Complexity: O(n + m)
/// plus O(m^1.5) for triangles and O(k · m_c) for distances from k sources in the largest
/// component (k = its size when exact).
StructureSummary graph_structure(const graph::Graph& graph, const StructureOptions& options = {});

/// Who a network covers: people and organisations present in its window, and the
/// organisation types among its nodes' organisations (a node without a typed organisation
/// adds none).
struct NetworkCounts {
    std::int64_t people = 0;
    std::int64_t organisations = 0;
    std::int64_t types = 0;
};

/// Counts of a network (people and organisations present, distinct organisation types).
/// Complexity: O(n log n).
NetworkCounts network_counts(const graph::Network& network, const model::Project& project);

} // namespace maillage::metrics
