#include "maillage/metrics/summary.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "maillage/metrics/centrality.hpp"

namespace maillage::metrics {


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

/// An undirected simple graph as compressed adjacency lists (CSR): 2m neighbour entries.
struct Adjacency {
    std::int32_t n = 0;
    std::vector<std::int64_t> start; ///< node → first entry; start[n] = 2m
    std::vector<std::int32_t> next;

    explicit Adjacency(const graph::Graph& g) : n(g.node_count), start(static_cast<std::size_t>(g.node_count) + 1, 0) {
        for (const auto& e : g.edges) {
            ++start[static_cast<std::size_t>(e.source) + 1];
            ++start[static_cast<std::size_t>(e.target) + 1];
        }
        for (std::size_t v = 0; v < static_cast<std::size_t>(n); ++v) start[v + 1] += start[v];
        next.resize(static_cast<std::size_t>(start.back()));
        std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
        for (const auto& e : g.edges) {
            next[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.source)]++)] = e.target;
            next[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.target)]++)] = e.source;
        }
    }
    [[nodiscard]] std::int64_t degree(std::int32_t v) const {
        return start[static_cast<std::size_t>(v) + 1] - start[static_cast<std::size_t>(v)];
    }
    [[nodiscard]] std::span<const std::int32_t> neighbours(std::int32_t v) const {
        return {next.data() + start[static_cast<std::size_t>(v)], next.data() + start[static_cast<std::size_t>(v) + 1]};
    }
};

/// Runs work(worker, workers) on up to two threads (the machine's cores, at most 2: the
/// machines maillage targets are small) and waits for them.
template <typename Work>
void on_cores(std::int64_t items, Work work) {
    const unsigned hw = std::max(1U, std::thread::hardware_concurrency());
    const unsigned workers = items < 64 ? 1U : std::min(2U, hw);
    if (workers == 1) {
        work(0U, 1U);
        return;
    }
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work, t, workers);
    work(0U, workers);
    for (auto& t : threads) t.join();
}

/// Triangles through each node. Each triangle is found once, from its lowest-ranked node in
/// the (degree, id) order along edges oriented upwards (Schank & Wagner 2005's "forward"
/// counting), O(m^1.5). Split between the cores by node; integer counts, so deterministic.
std::vector<std::int64_t> triangles_at_nodes(const Adjacency& adj) {
    const auto n = static_cast<std::size_t>(adj.n);
    auto above = [&](std::int32_t a, std::int32_t b) { // b ranks above a
        const auto da = adj.degree(a), db = adj.degree(b);
        return db > da || (db == da && b > a);
    };
    // oriented adjacency: only the neighbours ranked above
    std::vector<std::int64_t> start(n + 1, 0);
    for (std::int32_t v = 0; v < adj.n; ++v)
        for (auto w : adj.neighbours(v))
            if (above(v, w)) ++start[static_cast<std::size_t>(v) + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<std::int32_t> up(static_cast<std::size_t>(start.back()));
    for (std::int32_t v = 0; v < adj.n; ++v) {
        auto k = start[static_cast<std::size_t>(v)];
        for (auto w : adj.neighbours(v))
            if (above(v, w)) up[static_cast<std::size_t>(k++)] = w;
    }
    std::vector<std::vector<std::int64_t>> counts(2);
    on_cores(adj.n, [&](unsigned worker, unsigned workers) {
        std::vector<std::int64_t> t(n, 0);
        std::vector<std::int32_t> mark(n, -1);
        for (std::int32_t u = static_cast<std::int32_t>(worker); u < adj.n; u += static_cast<std::int32_t>(workers)) {
            const auto b = start[static_cast<std::size_t>(u)], e = start[static_cast<std::size_t>(u) + 1];
            for (auto i = b; i < e; ++i) mark[static_cast<std::size_t>(up[static_cast<std::size_t>(i)])] = u;
            for (auto i = b; i < e; ++i) {
                const auto v = up[static_cast<std::size_t>(i)];
                for (auto j = start[static_cast<std::size_t>(v)]; j < start[static_cast<std::size_t>(v) + 1]; ++j) {
                    const auto w = up[static_cast<std::size_t>(j)];
                    if (mark[static_cast<std::size_t>(w)] == u) {
                        ++t[static_cast<std::size_t>(u)];
                        ++t[static_cast<std::size_t>(v)];
                        ++t[static_cast<std::size_t>(w)];
                    }
                }
            }
        }
        counts[worker] = std::move(t);
    });
    if (!counts[1].empty())
        for (std::size_t v = 0; v < n; ++v) counts[0][v] += counts[1][v];
    return std::move(counts[0]);
}

struct HopTotals {
    std::int64_t sum = 0;   ///< Σ d(s, v) over the sources s and the nodes v ≠ s they reach
    std::int64_t pairs = 0; ///< how many (s, v)
    std::int64_t longest = 0;
};

/// Breadth-first searches from `sources`, split between the cores.
HopTotals hop_distances(const Adjacency& adj, const std::vector<std::int32_t>& sources) {
    std::vector<HopTotals> part(2);
    on_cores(static_cast<std::int64_t>(sources.size()), [&](unsigned worker, unsigned workers) {
        HopTotals h;
        std::vector<std::int32_t> dist(static_cast<std::size_t>(adj.n), -1), queue;
        queue.reserve(static_cast<std::size_t>(adj.n));
        for (std::size_t i = worker; i < sources.size(); i += workers) {
            queue.assign(1, sources[i]);
            dist[static_cast<std::size_t>(sources[i])] = 0;
            for (std::size_t head = 0; head < queue.size(); ++head) {
                const auto v = queue[head];
                const auto dv = dist[static_cast<std::size_t>(v)];
                for (auto w : adj.neighbours(v))
                    if (dist[static_cast<std::size_t>(w)] < 0) {
                        dist[static_cast<std::size_t>(w)] = dv + 1;
                        h.sum += dv + 1;
                        ++h.pairs;
                        h.longest = std::max<std::int64_t>(h.longest, dv + 1);
                        queue.push_back(w);
                    }
            }
            for (auto v : queue) dist[static_cast<std::size_t>(v)] = -1;
        }
        part[worker] = h;
    });
    return {part[0].sum + part[1].sum, part[0].pairs + part[1].pairs, std::max(part[0].longest, part[1].longest)};
}

} // namespace

StructureSummary graph_structure(const graph::Graph& g, const StructureOptions& options) {
    if (g.complete) return complete_structure(g.node_count);
    StructureSummary s;
    const std::int64_t n = g.node_count;
    s.nodes = n;
    s.ties = g.edge_count();
    if (n == 0) return s;
    const Adjacency adj(g);
    double total = 0;
    for (const auto& e : g.edges) total += e.weight;
    std::int64_t max_degree = 0;
    for (std::int32_t v = 0; v < adj.n; ++v) max_degree = std::max<std::int64_t>(max_degree, adj.degree(v));
    const auto dn = static_cast<double>(n);
    s.density = n >= 2 ? 2.0 * static_cast<double>(s.ties) / (dn * (dn - 1)) : 0.0;
    s.mean_degree = 2.0 * static_cast<double>(s.ties) / dn;
    s.max_degree = max_degree;
    s.mean_strength = 2.0 * total / dn;

    // Transitivity and mean clustering from one count of the triangles at each node, computed
    // the way igraph_transitivity_undirected and igraph_transitivity_avglocal_undirected
    // (IGRAPH_TRANSITIVITY_ZERO) finish them, so the numbers are theirs.
    const auto triangles = triangles_at_nodes(adj);
    double all_triangles = 0, triples = 0, local_sum = 0;
    for (std::int32_t v = 0; v < adj.n; ++v) {
        const auto d = static_cast<double>(adj.degree(v));
        const auto t = static_cast<double>(triangles[static_cast<std::size_t>(v)]);
        all_triangles += t;
        triples += d * (d - 1);
        local_sum += d >= 2 ? t / d / (d - 1) * 2.0 : 0.0;
    }
    s.transitivity = triples > 0 ? all_triangles / triples * 2.0 : 0.0;
    s.mean_clustering = local_sum / dn;

    // Components numbered by their lowest node (as igraph does); the first largest is the one
    // with the lowest node.
    std::vector<std::int32_t> member(static_cast<std::size_t>(n), -1), size;
    {
        std::vector<std::int32_t> queue;
        for (std::int32_t root = 0; root < adj.n; ++root) {
            if (member[static_cast<std::size_t>(root)] >= 0) continue;
            const auto c = static_cast<std::int32_t>(size.size());
            member[static_cast<std::size_t>(root)] = c;
            queue.assign(1, root);
            for (std::size_t head = 0; head < queue.size(); ++head)
                for (auto w : adj.neighbours(queue[head]))
                    if (member[static_cast<std::size_t>(w)] < 0) {
                        member[static_cast<std::size_t>(w)] = c;
                        queue.push_back(w);
                    }
            size.push_back(static_cast<std::int32_t>(queue.size()));
        }
    }
    s.components = static_cast<std::int64_t>(size.size());
    const auto largest = static_cast<std::int32_t>(std::max_element(size.begin(), size.end()) - size.begin());
    s.largest_share = static_cast<double>(size[static_cast<std::size_t>(largest)]) / dn;

    // Hop distances inside the largest component, from each of its nodes (exact) or from
    // sampled sources: breadth-first searches on both cores (plain integer sums, so the
    // split changes nothing).
    std::vector<std::int32_t> nodes; // the component's nodes, ascending: its own numbering
    for (std::int32_t v = 0; v < adj.n; ++v)
        if (member[static_cast<std::size_t>(v)] == largest) nodes.push_back(v);
    const auto size_c = static_cast<std::int32_t>(nodes.size());
    s.distance_sources = size_c;
    if (size_c < 2) return s;
    std::vector<std::int32_t> sources;
    if (size_c <= options.exact_distance_limit) {
        sources = nodes;
    } else {
        for (auto i : sample_sources(size_c, options.distance_sources, options.seed))
            sources.push_back(nodes[static_cast<std::size_t>(i)]);
        s.distances_sampled = true;
        s.distance_sources = static_cast<std::int32_t>(sources.size());
    }
    const auto d = hop_distances(adj, sources);
    s.mean_distance = d.pairs > 0 ? static_cast<double>(d.sum) / static_cast<double>(d.pairs) : 0.0;
    s.diameter = d.longest;
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
