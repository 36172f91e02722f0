// Brokers and single points of failure of a one-mode network (docs/metrics.md, "Brokerage"):
// articulation points and bridges with what they would cut off, Burt's constraint and effective
// size, and a k-core based core–periphery split.
#pragma once

#include <cstdint>
#include <vector>

#include "maillage/graph/network.hpp"

namespace maillage::metrics {

/// A node whose departure disconnects its component ("point d'articulation", Hopcroft & Tarjan
/// 1973): coordinators' single point of failure.
struct CutPoint {
    std::int32_t node = 0;
    /// The groups of nodes that would lose their only tie to the rest if `node` left: the
    /// pieces its component falls into without it, except the largest piece (ties: the one
    /// holding the lowest node). Each group sorted; groups by size descending, then lowest node.
    std::vector<std::vector<std::int32_t>> cut_off;
    std::int32_t component_size = 0; ///< nodes of its component, itself included
};

/// A tie whose loss disconnects its component ("pont").
struct Bridge {
    std::int32_t source = 0;
    std::int32_t target = 0;
    double weight = 0;
    /// The side that would be cut off: the smaller one (ties: the side without the lowest node).
    std::vector<std::int32_t> cut_off;
};

/// Articulation points and the pieces they would cut off, ordered by the number of nodes cut
/// off (descending), then by node. A complete graph has none. Complexity: O(n + m) to find them
/// (iterative Tarjan), plus one breadth-first search of the component per articulation point:
/// O(a (n + m)) for a articulation points.
std::vector<CutPoint> articulation_points(const graph::Graph& graph);

/// Bridges with the side each would cut off, ordered by the size of that side (descending),
/// then by (source, target). Complexity: O(n + m) plus O(n + m) per bridge.
std::vector<Bridge> bridges(const graph::Graph& graph);

/// Burt's (1992, ch. 2) structural-hole measures, weighted as networkx 2.x/3.x does
/// (`nx.constraint(G, weight=...)`, `nx.effective_size(G, weight=...)`), with tie strengths as
/// weights: p_ij = w_ij / Σ_k w_ik (proportional tie strength, symmetric ties counted both ways,
/// which cancels) and m_jq = w_jq / max_k w_jk (marginal strength).
///  * constraint c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²: near 1 for a node whose contacts
///    all know each other (no hole to span), small for a broker;
///  * effective size e_i = Σ_{j∈N(i)} (1 - Σ_{q∈N(i)} p_iq m_jq): the non-redundant contacts
///    (equals n - 2t/n, Borgatti 1997, with unit weights).
/// Isolates get NaN for both (as networkx). A complete graph is answered in closed form.
struct StructuralHoles {
    std::vector<double> constraint;
    std::vector<double> effective_size;
};

/// Complexity: O(Σ_i d_i²) with adjacency lookups in sorted lists (O(log d) each).
StructuralHoles structural_holes(const graph::Graph& graph);

/// A core–periphery split based on k-cores (Seidman 1983): the core is the main core, the nodes
/// whose core number is the largest (k_max); everyone else is periphery. Chosen over Borgatti &
/// Everett's (1999) continuous coreness because it is exact (no optimisation, no seed), cheap
/// and explainable to a coordinator ("each core member has ties to at least k_max others of
/// the core"); the densities below check how well the network fits the ideal core–periphery
/// pattern (dense core, sparse periphery, core–periphery in between).
struct CorePeriphery {
    std::vector<std::int64_t> coreness; ///< k-core number per node
    std::vector<bool> in_core;
    std::int64_t k_max = 0;
    std::int64_t core_size = 0;
    double core_density = 0;      ///< ties inside the core / possible pairs
    double mixed_density = 0;     ///< core–periphery ties / (core × periphery)
    double periphery_density = 0; ///< ties inside the periphery / possible pairs
};

/// The main-core split of `graph` (isolates are periphery; a graph without ties has no core).
/// Complexity: O(n + m) (Batagelj & Zaversnik 2003).
CorePeriphery core_periphery(const graph::Graph& graph);

} // namespace maillage::metrics
