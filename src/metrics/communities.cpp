#include "maillage/metrics/communities.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "igraph_bridge.hpp"
#include "metrics_detail.hpp"

namespace maillage::metrics {

using graph::detail::check;
using graph::detail::IGraph;
using graph::detail::IntVector;
using graph::detail::RealVector;

namespace {

/// Renumbers communities: 0 the largest, ties by lowest node, so that labels do not depend on
/// the algorithm's internal numbering.
std::int32_t canonical(std::vector<std::int32_t>& membership) {
    std::map<std::int32_t, std::pair<std::int64_t, std::int32_t>> info; // label → (size, first node)
    for (std::int32_t v = 0; v < static_cast<std::int32_t>(membership.size()); ++v) {
        auto [it, inserted] = info.try_emplace(membership[static_cast<std::size_t>(v)], 0, v);
        ++it->second.first;
    }
    std::vector<std::pair<std::pair<std::int64_t, std::int32_t>, std::int32_t>> order;
    for (const auto& [label, si] : info) order.push_back({{-si.first, si.second}, label});
    std::sort(order.begin(), order.end());
    std::map<std::int32_t, std::int32_t> relabel;
    for (std::size_t i = 0; i < order.size(); ++i) relabel[order[i].second] = static_cast<std::int32_t>(i);
    for (auto& m : membership) m = relabel[m];
    return static_cast<std::int32_t>(order.size());
}

} // namespace

namespace detail {

Communities leiden_communities(const graph::Graph& g, const CommunityOptions& options, graph::detail::SharedIGraph& shared) {
    Communities c;
    const auto n = static_cast<std::size_t>(g.node_count);
    if (g.complete) {
        c.membership.assign(n, 0);
        c.count = n > 0 ? 1 : 0;
        return c;
    }
    if (g.edges.empty()) { // nothing to optimise: every node alone
        c.membership.resize(n);
        std::iota(c.membership.begin(), c.membership.end(), 0);
        c.count = static_cast<std::int32_t>(n);
        return c;
    }
    const IGraph& ig = shared.get();
    RealVector node_weight;
    check(igraph_strength(ig.get(), &node_weight.v, igraph_vss_all(), IGRAPH_ALL, false, ig.strength()), "igraph_strength");
    double total = 0;
    for (const auto& e : g.edges) total += e.weight;

    IntVector membership;
    igraph_integer_t count = 0;
    igraph_real_t quality = 0;
    igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(options.seed)); // deps-probe.md G3
    check(igraph_community_leiden(ig.get(), ig.strength(), &node_weight.v, 1.0 / (2.0 * total), options.beta, false, -1,
                                  &membership.v, &count, &quality),
          "igraph_community_leiden");
    for (auto m : membership.to_std()) c.membership.push_back(static_cast<std::int32_t>(m));
    c.count = canonical(c.membership);
    IntVector relabelled(static_cast<igraph_integer_t>(n));
    for (std::size_t v = 0; v < n; ++v) VECTOR(relabelled.v)[static_cast<igraph_integer_t>(v)] = c.membership[v];
    check(igraph_modularity(ig.get(), &relabelled.v, ig.strength(), 1.0, false, &c.modularity), "igraph_modularity");
    return c;
}

} // namespace detail

Communities leiden_communities(const graph::Graph& g, const CommunityOptions& options) {
    graph::detail::SharedIGraph ig(g);
    return detail::leiden_communities(g, options, ig);
}

std::vector<CommunityComposition> composition(const Communities& communities,
                                              const std::vector<std::string>& type_of_node,
                                              const std::vector<std::string>& territory_of_node) {
    std::vector<CommunityComposition> out(static_cast<std::size_t>(communities.count));
    std::vector<std::map<std::string, std::int64_t>> types(out.size()), territories(out.size());
    for (std::size_t v = 0; v < communities.membership.size(); ++v) {
        const auto k = static_cast<std::size_t>(communities.membership[v]);
        ++out[k].size;
        ++types[k][v < type_of_node.size() ? type_of_node[v] : std::string()];
        ++territories[k][v < territory_of_node.size() ? territory_of_node[v] : std::string()];
    }
    auto ranked = [](const std::map<std::string, std::int64_t>& counts) {
        std::vector<std::pair<std::string, std::int64_t>> v(counts.begin(), counts.end());
        std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        return v;
    };
    for (std::size_t k = 0; k < out.size(); ++k) {
        out[k].community = static_cast<std::int32_t>(k);
        out[k].by_type = ranked(types[k]);
        out[k].by_territory = ranked(territories[k]);
    }
    return out;
}

} // namespace maillage::metrics
