// Vertex connectivity between two groups of nodes (docs/metrics.md, "Group connectivity"): how
// many organisations must stop coming before two kinds of organisation lose all contact.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "maillage/graph/network.hpp"

namespace maillage::metrics {

/// The answer for two groups A and B of nodes.
struct GroupConnectivity {
    /// The fewest nodes whose removal leaves no path between any remaining node of A and any
    /// remaining node of B (« connectivité entre groupes »). At most min(|A|, |B|) distinct nodes.
    std::int32_t connectivity = 0;
    /// One cut of that size, sorted ascending (empty when connectivity is 0). The minimum cut
    /// closest to A: of all minimum cuts, the one leaving the fewest nodes on A's side.
    std::vector<std::int32_t> cut;
};

/// The vertex connectivity between the groups `a` and `b` of `graph`.
///
/// Definition: the smallest set S of nodes such that, in the graph without S, no node of A \ S
/// is joined by a path to a node of B \ S. Any node may be in S, members of A and B included:
/// two groups tied directly (a ∈ A next to b ∈ B) can only be separated by removing a or b, so
/// the answer is always defined and at most min(|A|, |B|) (removing a whole group is a cut). A
/// node in both groups is a contact by itself (a path of length zero) and is in every cut.
/// Equivalently (Menger), the largest number of paths from A to B sharing no node, a path being
/// allowed to be a single node in A ∩ B. It equals networkx's local
/// `node_connectivity(H, s, t)` where H is the graph plus a node s tied to every node of A and a
/// node t tied to every node of B. Weights are ignored: a tie is a tie.
///
/// Algorithm: maximum flow (Boost.Graph's `boykov_kolmogorov_max_flow`) in the node-split
/// digraph: each node v becomes v_in → v_out of capacity 1; each tie u–v becomes u_out → v_in
/// and v_out → u_in of capacity n + 1 (never cut); a source feeds every A node's v_in and every
/// B node's v_out feeds a sink, both with capacity n + 1. The cut is read from the residual
/// graph: the nodes whose v_in is reachable from the source and whose v_out is not.
///
/// Returns nullopt when either group is empty (there is nothing to separate). Duplicated nodes
/// in a group count once. Throws std::out_of_range when a group names a node outside
/// 0..node_count-1. A complete graph (Graph::complete) is answered without a flow: the smaller
/// group is the cut.
///
/// Complexity: O(n + m) to build the 2n + 2 vertex, 2n + 2m + |A| + |B| arc network; the flow is
/// at most k = min(|A|, |B|) and Boykov–Kolmogorov finds it in O(k (n + m)) augmentations' worth
/// of tree growing in practice (its worst-case bound is O(k · n² m)); reading the cut is O(n + m).
std::optional<GroupConnectivity> group_connectivity(const graph::Graph& graph, const std::vector<std::int32_t>& a,
                                                    const std::vector<std::int32_t>& b);

/// The connectivity between two groups of a partition (organisation types, type families...).
struct GroupPairConnectivity {
    std::int32_t first = 0;  ///< group index, first < second
    std::int32_t second = 0;
    std::int32_t first_size = 0; ///< nodes in each group
    std::int32_t second_size = 0;
    GroupConnectivity result;
};

/// group_connectivity for every pair of non-empty groups: `group` gives each node's group in
/// 0..group_count-1, or -1 for a node in none (it stays in the graph: it can carry a contact
/// and be cut). Ordered by connectivity, then (first, second). Throws std::invalid_argument
/// when `group` is not one entry per node or names a group outside 0..group_count-1.
/// Complexity: one flow per pair, O(G² · k (n + m)) in practice for G groups.
std::vector<GroupPairConnectivity> pairwise_group_connectivity(const graph::Graph& graph, const std::vector<std::int32_t>& group,
                                                               std::int32_t group_count);

/// Whether a pair hangs on one or two organisations in a way worth a sentence: connectivity 1
/// or 2 and smaller than both groups (a group of two is always separated by its own two
/// members, which says nothing). Complexity: constant.
bool hangs_on_few(const GroupPairConnectivity& pair);

} // namespace maillage::metrics
