// Centralities of the two-mode person × session network, normalised within each mode.
#pragma once

#include <cstdint>
#include <vector>

#include "maillage/graph/network.hpp"

namespace maillage::metrics {

struct TwoModeCentralities {
    std::vector<double> degree;
    std::vector<double> closeness;
    std::vector<double> betweenness;
};

/// Degree, closeness and betweenness of a bipartite graph whose nodes [0, first_mode) form one
/// mode and the rest the other, with Borgatti & Everett's (1997) normalisations as networkx
/// implements them (`bipartite.degree_centrality`, `bipartite.closeness_centrality`,
/// `bipartite.betweenness_centrality`): for a node of a mode of size n facing a mode of size m,
///  * degree d / m;
///  * closeness (m + 2(n-1)) / Σd over its reachable nodes, times (r)/(N-1) for r reachable of
///    N nodes (0 when nothing is reachable);
///  * betweenness (unweighted, exact) divided by its maximum in a bipartite graph,
///    ½[m²(s+1)² + m(s+1)(2t-s-1) - t(2s-t+3)] with s, t = divmod(n-1, m).
/// Throws std::invalid_argument when a mode is empty, maillage::Error if igraph fails.
/// Complexity: O(n m) for the breadth-first searches.
TwoModeCentralities two_mode_centralities(const graph::Graph& graph, std::int32_t first_mode);

} // namespace maillage::metrics
