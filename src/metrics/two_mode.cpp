#include "maillage/metrics/two_mode.hpp"

#include <cmath>
#include <stdexcept>

#include "igraph_bridge.hpp"

namespace maillage::metrics {

using graph::detail::check;
using graph::detail::IGraph;
using graph::detail::IntVector;
using graph::detail::RealVector;

namespace {

/// The largest betweenness a node of a mode of size n can have when the other mode has m
/// nodes (Borgatti & Everett 1997, as networkx's bipartite.betweenness_centrality).
double max_betweenness(double n, double m) {
    const double s = std::floor((n - 1) / m), t = (n - 1) - s * m;
    return (m * m * (s + 1) * (s + 1) + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2.0;
}

} // namespace

TwoModeCentralities two_mode_centralities(const graph::Graph& g, std::int32_t first_mode) {
    const std::int32_t total = g.node_count;
    if (g.complete || first_mode <= 0 || first_mode >= total)
        throw std::invalid_argument("two_mode_centralities: both modes must be non-empty");
    const auto size = static_cast<std::size_t>(total);
    const double n_first = first_mode, n_second = total - first_mode;
    auto mode_sizes = [&](std::size_t v) {
        return static_cast<std::int32_t>(v) < first_mode ? std::pair{n_first, n_second} : std::pair{n_second, n_first};
    };
    TwoModeCentralities c;
    c.degree.assign(size, 0.0);
    for (const auto& e : g.edges) {
        c.degree[static_cast<std::size_t>(e.source)] += 1;
        c.degree[static_cast<std::size_t>(e.target)] += 1;
    }
    for (std::size_t v = 0; v < size; ++v) c.degree[v] /= mode_sizes(v).second;

    const IGraph ig(g);
    RealVector inverse_total;
    IntVector reached;
    igraph_bool_t all = false;
    check(igraph_closeness(ig.get(), &inverse_total.v, &reached.v, &all, igraph_vss_all(), IGRAPH_ALL, nullptr, false),
          "igraph_closeness");
    c.closeness.assign(size, 0.0);
    const auto r = reached.to_std();
    for (std::size_t v = 0; v < size; ++v) {
        if (r[v] == 0 || total < 2) continue;
        const auto [n, m] = mode_sizes(v);
        const double inv = VECTOR(inverse_total.v)[static_cast<igraph_integer_t>(v)];
        c.closeness[v] = (m + 2 * (n - 1)) * inv * static_cast<double>(r[v]) / (static_cast<double>(total) - 1);
    }

    RealVector between;
    check(igraph_betweenness(ig.get(), &between.v, igraph_vss_all(), false, nullptr), "igraph_betweenness");
    c.betweenness = between.to_std();
    for (std::size_t v = 0; v < size; ++v) {
        const auto [n, m] = mode_sizes(v);
        const double max = max_betweenness(n, m);
        c.betweenness[v] = max > 0 ? c.betweenness[v] / max : 0.0;
    }
    return c;
}

} // namespace maillage::metrics
