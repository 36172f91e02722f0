// Communities of a one-mode network and what they are made of (docs/metrics.md).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "maillage/graph/network.hpp"

namespace maillage::metrics {

struct CommunityOptions {
    std::uint64_t seed = 42;  ///< igraph's RNG is re-seeded with it before every run
    double beta = 0.01;       ///< Leiden's randomness in the refinement step
};

struct Communities {
    std::vector<std::int32_t> membership; ///< node → community, 0 the largest (ties: lowest node)
    std::int32_t count = 0;
    double modularity = 0; ///< weighted modularity (Newman 2004) at resolution 1
};

/// Leiden communities (Traag, Waltman & van Eck 2019) optimising weighted modularity: igraph's
/// CPM objective with node weights = strengths and resolution 1/(2W) (deps-probe.md §4.1),
/// iterated until stable, from igraph's RNG seeded with options.seed. A complete graph is one
/// community (modularity 0); isolates are communities of their own. Throws maillage::Error if
/// igraph fails. Complexity: about O(m) per iteration.
Communities leiden_communities(const graph::Graph& graph, const CommunityOptions& options = {});

/// What one community is made of.
struct CommunityComposition {
    std::int32_t community = 0;
    std::int64_t size = 0;
    /// (label, nodes), most frequent first, then by label; an empty label counts as unknown.
    std::vector<std::pair<std::string, std::int64_t>> by_type;
    std::vector<std::pair<std::string, std::int64_t>> by_territory;
};

/// Composition of each community by organisation type and by territory, given each node's
/// type and territory labels. Complexity: O(n log n).
std::vector<CommunityComposition> composition(const Communities& communities,
                                              const std::vector<std::string>& type_of_node,
                                              const std::vector<std::string>& territory_of_node);

} // namespace maillage::metrics
