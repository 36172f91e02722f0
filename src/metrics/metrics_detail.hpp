// The igraph metrics that metrics::node_figures runs on one shared copy of the graph (private to
// src/metrics: igraph_t never appears in a public header).
#pragma once

#include "igraph_bridge.hpp"
#include "maillage/metrics/communities.hpp"

namespace maillage::metrics::detail {

/// metrics::leiden_communities on `ig`, the shared igraph copy of `g`.
Communities leiden_communities(const graph::Graph& g, const CommunityOptions& options, graph::detail::SharedIGraph& ig);

} // namespace maillage::metrics::detail
