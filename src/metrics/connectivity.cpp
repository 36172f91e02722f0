#include "maillage/metrics/connectivity.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <boost/graph/adjacency_list.hpp>
// GCC 12 sees an edge iterator of Boost's max-flow constructor as maybe uninitialised (a
// boost::optional it cannot follow through); the -Werror build must not stop on Boost's code.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#pragma GCC diagnostic pop

namespace maillage::metrics {

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<boost::vertex_color_t, boost::default_color_type,
                    boost::property<boost::vertex_distance_t, long,
                                    boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;

/// Members of a group as a mask over the nodes; throws for a node out of range.
std::vector<bool> mask(const std::vector<std::int32_t>& group, std::int32_t n, const char* which) {
    std::vector<bool> out(static_cast<std::size_t>(n), false);
    for (auto v : group) {
        if (v < 0 || v >= n)
            throw std::out_of_range(std::string("group_connectivity: node ") + std::to_string(v) + " of group " + which +
                                    " is not in 0.." + std::to_string(n - 1));
        out[static_cast<std::size_t>(v)] = true;
    }
    return out;
}

} // namespace

std::optional<GroupConnectivity> group_connectivity(const graph::Graph& g, const std::vector<std::int32_t>& a,
                                                    const std::vector<std::int32_t>& b) {
    const std::int32_t n = g.node_count;
    const auto in_a = mask(a, n, "A");
    const auto in_b = mask(b, n, "B");
    if (a.empty() || b.empty()) return std::nullopt;

    GroupConnectivity out;
    if (g.complete) {
        // every remaining A node would still be tied to every remaining B node: one whole group goes
        std::vector<std::int32_t> sa, sb;
        for (std::int32_t v = 0; v < n; ++v) {
            if (in_a[static_cast<std::size_t>(v)]) sa.push_back(v);
            if (in_b[static_cast<std::size_t>(v)]) sb.push_back(v);
        }
        out.cut = sa.size() <= sb.size() ? sa : sb;
        out.connectivity = static_cast<std::int32_t>(out.cut.size());
        return out;
    }

    const auto nn = static_cast<std::size_t>(n);
    const long infinite = static_cast<long>(n) + 1;
    FlowGraph f(2 * nn + 2);
    auto capacity = boost::get(boost::edge_capacity, f);
    auto reverse = boost::get(boost::edge_reverse, f);
    auto residual = boost::get(boost::edge_residual_capacity, f);
    auto arc = [&](std::size_t u, std::size_t v, long c) {
        const auto e = boost::add_edge(u, v, f).first;
        const auto r = boost::add_edge(v, u, f).first;
        capacity[e] = c;
        capacity[r] = 0;
        reverse[e] = r;
        reverse[r] = e;
    };
    auto in = [](std::size_t v) { return 2 * v; };
    auto out_of = [](std::size_t v) { return 2 * v + 1; };
    const std::size_t source = 2 * nn, sink = 2 * nn + 1;
    for (std::size_t v = 0; v < nn; ++v) {
        arc(in(v), out_of(v), 1);
        if (in_a[v]) arc(source, in(v), infinite);
        if (in_b[v]) arc(out_of(v), sink, infinite);
    }
    for (const auto& e : g.edges) {
        const auto s = static_cast<std::size_t>(e.source), t = static_cast<std::size_t>(e.target);
        arc(out_of(s), in(t), infinite);
        arc(out_of(t), in(s), infinite);
    }
    const long flow = boost::boykov_kolmogorov_max_flow(f, source, sink);
    out.connectivity = static_cast<std::int32_t>(flow);
    if (flow == 0) return out;

    // the source's side of the residual graph; the split arcs it leaves are the cut
    std::vector<bool> reached(2 * nn + 2, false);
    std::vector<std::size_t> stack{source};
    reached[source] = true;
    while (!stack.empty()) {
        const auto u = stack.back();
        stack.pop_back();
        for (auto [it, end] = boost::out_edges(u, f); it != end; ++it) {
            const auto w = boost::target(*it, f);
            if (residual[*it] > 0 && !reached[w]) {
                reached[w] = true;
                stack.push_back(w);
            }
        }
    }
    for (std::size_t v = 0; v < nn; ++v)
        if (reached[in(v)] && !reached[out_of(v)]) out.cut.push_back(static_cast<std::int32_t>(v));
    return out;
}

std::vector<GroupPairConnectivity> pairwise_group_connectivity(const graph::Graph& g, const std::vector<std::int32_t>& group,
                                                               std::int32_t group_count) {
    if (group.size() != static_cast<std::size_t>(g.node_count))
        throw std::invalid_argument("pairwise_group_connectivity: one group per node expected");
    std::vector<std::vector<std::int32_t>> members(static_cast<std::size_t>(std::max(group_count, 0)));
    for (std::int32_t v = 0; v < g.node_count; ++v) {
        const auto k = group[static_cast<std::size_t>(v)];
        if (k < -1 || k >= group_count) throw std::invalid_argument("pairwise_group_connectivity: group out of range");
        if (k >= 0) members[static_cast<std::size_t>(k)].push_back(v);
    }
    std::vector<GroupPairConnectivity> out;
    for (std::int32_t x = 0; x < group_count; ++x)
        for (std::int32_t y = x + 1; y < group_count; ++y) {
            const auto& a = members[static_cast<std::size_t>(x)];
            const auto& b = members[static_cast<std::size_t>(y)];
            if (a.empty() || b.empty()) continue;
            out.push_back({x, y, static_cast<std::int32_t>(a.size()), static_cast<std::int32_t>(b.size()), *group_connectivity(g, a, b)});
        }
    std::stable_sort(out.begin(), out.end(), [](const GroupPairConnectivity& p, const GroupPairConnectivity& q) {
        return p.result.connectivity < q.result.connectivity;
    });
    return out;
}

bool hangs_on_few(const GroupPairConnectivity& p) {
    const auto k = p.result.connectivity;
    return k >= 1 && k <= 2 && k < std::min(p.first_size, p.second_size);
}

} // namespace maillage::metrics
