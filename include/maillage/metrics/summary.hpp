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
};

/// The structure of `graph`. Definitions: density, degree, strength (Barrat et al. 2004),
/// components, global transitivity (Wasserman & Faust 1994; networkx `transitivity`), mean
/// local clustering (Watts & Strogatz 1998; networkx `average_clustering`), mean distance and
/// diameter of the largest component (ties of size broken by lowest node). A complete graph
/// (one edition's connaissance) is answered in closed form: density 1, degree n-1,
/// transitivity 1, distance 1. Throws maillage::Error if igraph fails. Complexity: O(n + m)
/// plus O(m^1.5) for triangles and O(n_c · m_c) for distances in the largest component.
StructureSummary graph_structure(const graph::Graph& graph);

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
