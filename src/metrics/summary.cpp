#include "maillage/metrics/summary.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "graph/igraph_bridge.hpp"
#include "maillage/metrics/centrality.hpp"

namespace maillage::metrics {

using graph::detail::check;
using graph::detail::IGraph;
using graph::detail::IntVector;

namespace {

StructureSummary complete_structure(std::int64_t n) {
    StructureSummary s;
    s.nodes = n;
    s.ties = n * (n - 1) / 2;
    s.density = n >= 2 ? 1.0 : 0.0;
    s.mean_degree = n >= 1 ? static_cast<double>(n - 1) : 0.0;
    s.max_degree = std::max<std::int64_t>(n - 1, 0);
    s.mean_strength = s.mean_degree;
    s.components = n >= 1 ? 1 : 0;
    s.largest_share = n >= 1 ? 1.0 : 0.0;
    s.transitivity = n >= 3 ? 1.0 : 0.0;
    s.mean_clustering = n >= 3 ? 1.0 : 0.0;
    s.mean_distance = n >= 2 ? 1.0 : 0.0;
    s.diameter = n >= 2 ? 1 : 0;
    return s;
}

} // namespace

StructureSummary graph_structure(const graph::Graph& g, const StructureOptions& options) {
    if (g.complete) return complete_structure(g.node_count);
    StructureSummary s;
    const std::int64_t n = g.node_count;
    s.nodes = n;
    s.ties = g.edge_count();
    if (n == 0) return s;
    std::vector<std::int64_t> degree(static_cast<std::size_t>(n), 0);
    double total = 0;
    for (const auto& e : g.edges) {
        ++degree[static_cast<std::size_t>(e.source)];
        ++degree[static_cast<std::size_t>(e.target)];
        total += e.weight;
    }
    const auto dn = static_cast<double>(n);
    s.density = n >= 2 ? 2.0 * static_cast<double>(s.ties) / (dn * (dn - 1)) : 0.0;
    s.mean_degree = 2.0 * static_cast<double>(s.ties) / dn;
    s.max_degree = *std::max_element(degree.begin(), degree.end());
    s.mean_strength = 2.0 * total / dn;

    const IGraph ig(g);
    igraph_real_t value = 0;
    check(igraph_transitivity_undirected(ig.get(), &value, IGRAPH_TRANSITIVITY_ZERO), "igraph_transitivity_undirected");
    s.transitivity = value;
    check(igraph_transitivity_avglocal_undirected(ig.get(), &value, IGRAPH_TRANSITIVITY_ZERO),
          "igraph_transitivity_avglocal_undirected");
    s.mean_clustering = value;

    IntVector membership, sizes;
    igraph_integer_t count = 0;
    check(igraph_connected_components(ig.get(), &membership.v, &sizes.v, &count, IGRAPH_WEAK),
          "igraph_connected_components");
    s.components = count;
    const auto size = sizes.to_std();
    // igraph numbers components by their lowest node, so the first maximum is the one with the
    // lowest node.
    const auto largest = std::max_element(size.begin(), size.end()) - size.begin();
    s.largest_share = static_cast<double>(size[static_cast<std::size_t>(largest)]) / dn;

    graph::Graph sub;
    std::vector<std::int32_t> renumber(static_cast<std::size_t>(n), -1);
    const auto member = membership.to_std();
    for (std::int32_t v = 0; v < n; ++v)
        if (member[static_cast<std::size_t>(v)] == largest) renumber[static_cast<std::size_t>(v)] = sub.node_count++;
    for (const auto& e : g.edges)
        if (renumber[static_cast<std::size_t>(e.source)] >= 0)
            sub.edges.push_back({renumber[static_cast<std::size_t>(e.source)], renumber[static_cast<std::size_t>(e.target)], e.weight});
    s.distance_sources = sub.node_count;
    if (sub.node_count >= 2 && sub.node_count <= options.exact_distance_limit) {
        const IGraph ic(sub);
        check(igraph_average_path_length(ic.get(), &value, nullptr, false, true), "igraph_average_path_length");
        s.mean_distance = value;
        check(igraph_diameter(ic.get(), &value, nullptr, nullptr, nullptr, nullptr, false, true), "igraph_diameter");
        s.diameter = static_cast<std::int64_t>(std::llround(value));
    } else if (sub.node_count > options.exact_distance_limit) {
        const IGraph ic(sub);
        const auto sources = sample_sources(sub.node_count, options.distance_sources, options.seed);
        s.distances_sampled = true;
        s.distance_sources = static_cast<std::int32_t>(sources.size());
        double sum = 0, pairs = 0, longest = 0;
        constexpr std::size_t chunk = 32;
        for (std::size_t first = 0; first < sources.size(); first += chunk) {
            const std::size_t batch = std::min(chunk, sources.size() - first);
            IntVector from(static_cast<igraph_integer_t>(batch));
            for (std::size_t i = 0; i < batch; ++i) VECTOR(from.v)[static_cast<igraph_integer_t>(i)] = sources[first + i];
            igraph_matrix_t d;
            check(igraph_matrix_init(&d, 0, 0), "igraph_matrix_init");
            const auto code = igraph_distances(ic.get(), &d, igraph_vss_vector(&from.v), igraph_vss_all(), IGRAPH_ALL);
            if (code != IGRAPH_SUCCESS) igraph_matrix_destroy(&d);
            check(code, "igraph_distances");
            for (igraph_integer_t i = 0; i < static_cast<igraph_integer_t>(batch); ++i)
                for (igraph_integer_t v = 0; v < sub.node_count; ++v) {
                    const double dist = MATRIX(d, i, v);
                    if (v == sources[first + static_cast<std::size_t>(i)]) continue;
                    sum += dist;
                    pairs += 1;
                    longest = std::max(longest, dist);
                }
            igraph_matrix_destroy(&d);
        }
        s.mean_distance = pairs > 0 ? sum / pairs : 0.0;
        s.diameter = static_cast<std::int64_t>(std::llround(longest));
    }
    return s;
}

NetworkCounts network_counts(const graph::Network& network, const model::Project& project) {
    NetworkCounts c;
    c.people = network.people;
    c.organisations = network.organisations;
    std::set<std::string> types;
    for (auto org : network.organisation)
        if (org != model::no_id && !project.organisations[static_cast<std::size_t>(org)].type.empty())
            types.insert(project.organisations[static_cast<std::size_t>(org)].type);
    c.types = static_cast<std::int64_t>(types.size());
    return c;
}

} // namespace maillage::metrics
