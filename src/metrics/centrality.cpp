#include "maillage/metrics/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <thread>

#include "graph/igraph_bridge.hpp"

namespace maillage::metrics {

using graph::detail::check;
using graph::detail::IGraph;
using graph::detail::IntVector;
using graph::detail::RealVector;

std::vector<std::int32_t> sample_sources(std::int32_t n, std::int32_t k, std::uint64_t seed) {
    std::vector<std::int32_t> nodes(static_cast<std::size_t>(std::max(n, 0)));
    std::iota(nodes.begin(), nodes.end(), 0);
    if (k >= n) return nodes;
    std::uint64_t state = seed;
    auto next = [&state] { // SplitMix64 (Steele, Lea & Flood 2014)
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    // Partial Fisher–Yates; the bound is drawn by rejection so that every index is equally likely.
    for (std::int32_t i = 0; i < k; ++i) {
        const auto range = static_cast<std::uint64_t>(n - i);
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
        std::uint64_t r = next();
        while (r >= limit) r = next();
        std::swap(nodes[static_cast<std::size_t>(i)], nodes[static_cast<std::size_t>(i) + r % range]);
    }
    nodes.resize(static_cast<std::size_t>(k));
    std::sort(nodes.begin(), nodes.end());
    return nodes;
}

namespace {

NodeCentralities complete_centralities(std::int32_t n) {
    NodeCentralities c;
    const auto size = static_cast<std::size_t>(n);
    c.degree.assign(size, n - 1);
    c.strength.assign(size, n - 1);
    c.betweenness.assign(size, 0.0);
    c.closeness.assign(size, n >= 2 ? 1.0 : 0.0);
    c.eigenvector.assign(size, n >= 2 ? 1.0 / std::sqrt(static_cast<double>(n)) : 0.0);
    c.coreness.assign(size, n - 1);
    c.betweenness_sources = n;
    return c;
}

/// Betweenness with strong ties short (distance = 1 / weight); see node_centralities.
Betweenness betweenness_of(const IGraph& ig, std::int32_t n, const CentralityOptions& options) {
    Betweenness out;
    out.sources = n;
    RealVector between;
    if (n <= options.exact_betweenness_limit) {
        check(igraph_betweenness(ig.get(), &between.v, igraph_vss_all(), false, ig.distance()), "igraph_betweenness");
    } else {
        const auto sources = sample_sources(n, options.betweenness_sources, options.seed);
        IntVector ids(static_cast<igraph_integer_t>(sources.size()));
        for (std::size_t i = 0; i < sources.size(); ++i) VECTOR(ids.v)[i] = sources[i];
        check(igraph_betweenness_subset(ig.get(), &between.v, igraph_vss_all(), false, igraph_vss_vector(&ids.v),
                                        igraph_vss_all(), ig.distance()),
              "igraph_betweenness_subset");
        // Each source's dependencies are a sample of the n sources' (Brandes & Pich 2007).
        igraph_vector_scale(&between.v, static_cast<double>(n) / static_cast<double>(sources.size()));
        out.method = BetweennessMethod::Sampled;
        out.sources = static_cast<std::int32_t>(sources.size());
    }
    out.value = between.to_std();
    if (n > 2) {
        const double scale = 2.0 / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
        for (auto& b : out.value) b *= scale;
    }
    return out;
}

/// The leading eigenvector of the weighted adjacency from ARPACK (igraph), |x| with norm 1,
/// and its eigenvalue.
std::pair<std::vector<double>, double> leading_eigenvector(const IGraph& ig) {
    RealVector vector;
    igraph_real_t value = 0;
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    check(igraph_eigenvector_centrality(ig.get(), &vector.v, &value, false, true, ig.strength(), &arpack),
          "igraph_eigenvector_centrality");
    auto x = vector.to_std();
    double norm = 0;
    for (double y : x) norm += y * y;
    norm = std::sqrt(norm);
    if (norm > 0)
        for (auto& y : x) y = std::abs(y) / norm;
    return {std::move(x), value};
}

/// Eigenvector centrality. The adjacency of a graph with several components that have ties is
/// block-diagonal: its leading eigenvector is the leading eigenvector of the component with
/// the largest eigenvalue (the first such component on a tie), zero elsewhere. ARPACK on the
/// whole graph converges slowly when the components' eigenvalues are close (regions of a
/// national file: 3 s of the person network's 10), so each component is solved on its own.
/// A graph with one component that has ties (isolates aside) is solved whole, as before.
std::vector<double> eigenvector_of(const graph::Graph& g, const IGraph& whole) {
    const auto n = static_cast<std::size_t>(g.node_count);
    std::vector<std::int32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](std::int32_t v) {
        while (parent[static_cast<std::size_t>(v)] != v) {
            parent[static_cast<std::size_t>(v)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(v)])];
            v = parent[static_cast<std::size_t>(v)];
        }
        return v;
    };
    for (const auto& e : g.edges) {
        const auto a = find(e.source), b = find(e.target);
        if (a != b) parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b); // roots: lowest node
    }
    std::vector<std::int32_t> root(n);
    for (std::size_t v = 0; v < n; ++v) root[v] = find(static_cast<std::int32_t>(v));
    std::vector<std::int32_t> tied; // roots of the components with ties, by lowest node
    std::vector<char> has_tie(n, 0);
    for (const auto& e : g.edges) has_tie[static_cast<std::size_t>(root[static_cast<std::size_t>(e.source)])] = 1;
    for (std::size_t v = 0; v < n; ++v)
        if (has_tie[v] && root[v] == static_cast<std::int32_t>(v)) tied.push_back(static_cast<std::int32_t>(v));
    if (tied.size() <= 1) return leading_eigenvector(whole).first;

    std::vector<std::int32_t> local(n, -1), count(n, 0);
    for (std::size_t v = 0; v < n; ++v)
        if (has_tie[static_cast<std::size_t>(root[v])]) local[v] = count[static_cast<std::size_t>(root[v])]++;
    std::vector<double> best;
    double best_value = -1;
    std::int32_t best_root = -1;
    std::vector<std::vector<graph::Edge>> edges(n);
    for (const auto& e : g.edges) // edge order kept: sorted by (source, target) in each component too
        edges[static_cast<std::size_t>(root[static_cast<std::size_t>(e.source)])].push_back(
            {local[static_cast<std::size_t>(e.source)], local[static_cast<std::size_t>(e.target)], e.weight});
    for (auto r : tied) {
        graph::Graph sub;
        sub.node_count = count[static_cast<std::size_t>(r)];
        sub.edges = std::move(edges[static_cast<std::size_t>(r)]);
        const IGraph ig(sub);
        auto [x, value] = leading_eigenvector(ig);
        if (value > best_value) {
            best_value = value;
            best = std::move(x);
            best_root = r;
        }
    }
    std::vector<double> out(n, 0.0);
    for (std::size_t v = 0; v < n; ++v)
        if (root[v] == best_root) out[v] = best[static_cast<std::size_t>(local[v])];
    return out;
}

/// Adjacency lists with the tie lengths the weighted algorithms read (1 / weight: strong ties
/// are short), for the shortest-path searches maillage runs itself on both cores (igraph, as
/// Debian builds it, is not thread-safe).
struct WeightedAdjacency {
    std::vector<std::int64_t> start;
    std::vector<std::int32_t> next;
    std::vector<double> length;

    explicit WeightedAdjacency(const graph::Graph& g) : start(static_cast<std::size_t>(g.node_count) + 1, 0) {
        for (const auto& e : g.edges) {
            ++start[static_cast<std::size_t>(e.source) + 1];
            ++start[static_cast<std::size_t>(e.target) + 1];
        }
        for (std::size_t v = 0; v + 1 < start.size(); ++v) start[v + 1] += start[v];
        next.resize(static_cast<std::size_t>(start.back()));
        length.resize(next.size());
        std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
        for (const auto& e : g.edges) {
            const double d = 1.0 / e.weight; // as graph::detail::IGraph::distance()
            auto k = static_cast<std::size_t>(fill[static_cast<std::size_t>(e.source)]++);
            next[k] = e.target;
            length[k] = d;
            k = static_cast<std::size_t>(fill[static_cast<std::size_t>(e.target)]++);
            next[k] = e.source;
            length[k] = d;
        }
    }

    /// Shortest distances from `source` into `dist` (n values; +inf where unreached).
    /// Dijkstra (1959) with a binary heap. Complexity: O(m log n) over the source's component.
    void dijkstra(std::int32_t source, double* dist) const {
        const std::size_t n = start.size() - 1;
        std::fill(dist, dist + n, std::numeric_limits<double>::infinity());
        using Item = std::pair<double, std::int32_t>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
        dist[source] = 0;
        heap.emplace(0.0, source);
        while (!heap.empty()) {
            const auto [d, v] = heap.top();
            heap.pop();
            if (d > dist[v]) continue; // stale
            for (auto k = start[static_cast<std::size_t>(v)]; k < start[static_cast<std::size_t>(v) + 1]; ++k) {
                const auto w = next[static_cast<std::size_t>(k)];
                const double alt = d + length[static_cast<std::size_t>(k)];
                if (alt < dist[w]) {
                    dist[w] = alt;
                    heap.emplace(alt, w);
                }
            }
        }
    }
};

/// Runs work(i) for i in [0, count) on up to two threads (the machines maillage targets have
/// two cores), item i on thread i mod 2.
template <typename Work>
void on_two_cores(std::size_t count, Work work) {
    const bool two = count > 1 && std::thread::hardware_concurrency() > 1;
    if (!two) {
        for (std::size_t i = 0; i < count; ++i) work(i);
        return;
    }
    std::thread other([&] {
        for (std::size_t i = 1; i < count; i += 2) work(i);
    });
    for (std::size_t i = 0; i < count; i += 2) work(i);
    other.join();
}

} // namespace

Betweenness node_betweenness(const graph::Graph& g, const CentralityOptions& options) {
    if (g.complete) {
        Betweenness b;
        b.value.assign(static_cast<std::size_t>(g.node_count), 0.0);
        b.sources = g.node_count;
        return b;
    }
    if (g.node_count == 0) return {};
    const IGraph ig(g);
    return betweenness_of(ig, g.node_count, options);
}

NodeCentralities node_centralities(const graph::Graph& g, const CentralityOptions& options) {
    if (g.complete) return complete_centralities(g.node_count);
    const std::int32_t n = g.node_count;
    const auto size = static_cast<std::size_t>(n);
    NodeCentralities c;
    c.degree.assign(size, 0);
    c.strength.assign(size, 0.0);
    for (const auto& e : g.edges) {
        ++c.degree[static_cast<std::size_t>(e.source)];
        ++c.degree[static_cast<std::size_t>(e.target)];
        c.strength[static_cast<std::size_t>(e.source)] += e.weight;
        c.strength[static_cast<std::size_t>(e.target)] += e.weight;
    }
    c.betweenness.assign(size, 0.0);
    c.closeness.assign(size, 0.0);
    c.eigenvector.assign(size, 0.0);
    c.coreness.assign(size, 0);
    c.betweenness_sources = n;
    if (n == 0) return c;
    if (n > options.exact_betweenness_limit) { // sampled: maillage's own searches, before igraph's copy exists
        // Eppstein & Wang (2004): distances from the sampled sources stand for distances from
        // every node (the graph is undirected). With c sources other than v reaching v at summed
        // distance D, out of k' sources other than v: closeness ≈ (c / D) · (c / k').
        const auto sources = sample_sources(n, options.betweenness_sources, options.seed);
        std::vector<double> sum(size, 0.0);
        std::vector<std::int64_t> hits(size, 0), others(size, static_cast<std::int64_t>(sources.size()));
        // Dijkstra from 32 sources at a time, split between the cores, each into its own row;
        // the rows are then summed in source order, as one core would.
        const WeightedAdjacency adj(g);
        constexpr std::size_t chunk = 32; // 32 × n distances at a time
        std::vector<double> rows(std::min(chunk, sources.size()) * size);
        for (std::size_t first = 0; first < sources.size(); first += chunk) {
            const std::size_t count = std::min(chunk, sources.size() - first);
            on_two_cores(count, [&](std::size_t i) { adj.dijkstra(sources[first + i], rows.data() + i * size); });
            for (std::size_t i = 0; i < count; ++i) {
                const auto source = static_cast<std::size_t>(sources[first + i]);
                const double* row = rows.data() + i * size;
                --others[source];
                for (std::size_t v = 0; v < size; ++v) {
                    const double dist = row[v];
                    if (v == source || !std::isfinite(dist)) continue;
                    sum[v] += dist;
                    ++hits[v];
                }
            }
        }
        for (std::size_t v = 0; v < size; ++v)
            c.closeness[v] = hits[v] > 0 && others[v] > 0 ? (static_cast<double>(hits[v]) / sum[v]) *
                                                                (static_cast<double>(hits[v]) / static_cast<double>(others[v]))
                                                          : 0.0;
    }
    const IGraph ig(g);

    {
        auto b = betweenness_of(ig, n, options);
        c.betweenness = std::move(b.value);
        c.betweenness_method = b.method;
        c.betweenness_sources = b.sources;
    }
    if (c.betweenness_method == BetweennessMethod::Exact) {
        RealVector inverse_total;
        IntVector reached;
        igraph_bool_t all = false;
        check(igraph_closeness(ig.get(), &inverse_total.v, &reached.v, &all, igraph_vss_all(), IGRAPH_ALL, ig.distance(),
                               false),
              "igraph_closeness");
        const auto r = reached.to_std();
        for (std::size_t v = 0; v < size; ++v) {
            const auto rv = static_cast<double>(r[v]);
            const double inv = VECTOR(inverse_total.v)[static_cast<igraph_integer_t>(v)];
            c.closeness[v] = (r[v] > 0 && n > 1) ? inv * rv * rv / (static_cast<double>(n) - 1) : 0.0;
        }
    }

    if (!g.edges.empty()) c.eigenvector = eigenvector_of(g, ig);
    IntVector cores;
    check(igraph_coreness(ig.get(), &cores.v, IGRAPH_ALL), "igraph_coreness");
    c.coreness = cores.to_std();
    return c;
}

} // namespace maillage::metrics
