#include "maillage/metrics/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <limits>
#include <memory>
#include <numeric>
#include <queue>
#include <thread>
#include <span>
#include <unordered_map>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "igraph_bridge.hpp"
#include "metrics_detail.hpp"

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
    c.harmonic.assign(size, n >= 2 ? 1.0 : 0.0);
    c.pagerank.assign(size, n >= 1 ? 1.0 / static_cast<double>(n) : 0.0);
    c.coreness.assign(size, n - 1);
    c.betweenness_sources = n;
    return c;
}

/// Normalises raw betweenness in place by (n-1)(n-2)/2 (networkx's normalisation).
void normalise_betweenness(std::vector<double>& value, std::int32_t n) {
    if (n <= 2) return;
    const double scale = 2.0 / ((static_cast<double>(n) - 1) * (static_cast<double>(n) - 2));
    for (auto& b : value) b *= scale;
}

/// Exact betweenness from igraph (Brandes 2001), strong ties short (distance = 1 / weight).
Betweenness exact_betweenness(const IGraph& ig, std::int32_t n) {
    Betweenness out;
    out.sources = n;
    RealVector between;
    check(igraph_betweenness(ig.get(), &between.v, igraph_vss_all(), false, ig.distance()), "igraph_betweenness");
    out.value = between.to_std();
    normalise_betweenness(out.value, n);
    return out;
}

/// Ties' weights as small indices into their distinct values: ties have few distinct weights
/// (counts of shared sessions), and 4 bytes a slot instead of 8 is 30 MB less on a national
/// person network. Whole weights below 4096 are found in a table, others in a hash.
class WeightIndex {
public:
    std::uint32_t operator()(double w) {
        if (w >= 0 && w < static_cast<double>(table_size) && w == std::floor(w)) {
            auto& slot = m_table[static_cast<std::size_t>(w)];
            if (slot == 0) {
                m_values.push_back(w);
                slot = static_cast<std::uint32_t>(m_values.size());
            }
            return slot - 1;
        }
        const auto [it, added] = m_other.try_emplace(w, static_cast<std::uint32_t>(m_values.size()));
        if (added) m_values.push_back(w);
        return it->second;
    }
    [[nodiscard]] const std::vector<double>& values() const { return m_values; }

private:
    static constexpr std::size_t table_size = 4096;
    std::vector<std::uint32_t> m_table = std::vector<std::uint32_t>(table_size, 0); ///< weight → index + 1
    std::unordered_map<double, std::uint32_t> m_other;
    std::vector<double> m_values;
};

/// Adjacency lists with the ties' weights and the lengths the weighted algorithms read (1 /
/// weight: strong ties are short), shared by maillage's own measures of a graph: the
/// shortest-path searches on both cores (brandes(): igraph, as Debian builds it, is not
/// thread-safe, and its sampled betweenness would repeat the searches the sampled closeness
/// needs), PageRank, the eigenvector's matrix products and the k-cores. Each row lists a node's
/// ties in the order of the graph's edges: one copy of the graph where each measure built its own.
struct WeightedAdjacency {
    std::vector<std::int64_t> start;
    std::vector<std::int32_t> next;
    /// Each slot's length as an index into `lengths`, the distinct lengths: ties have few distinct
    /// weights (counts of shared sessions), and 4 bytes a slot instead of 8 is 30 MB less on a
    /// national person network.
    std::vector<std::uint32_t> length_of;
    std::vector<double> lengths;
    std::vector<double> weights; ///< the distinct weights, as `lengths` (a weight, not 1 / its length)

    explicit WeightedAdjacency(const graph::Graph& g) : start(static_cast<std::size_t>(g.node_count) + 1, 0) {
        WeightIndex index; // weight → its length's index
        std::vector<std::uint32_t> edge_length(g.edges.size());
        for (std::size_t i = 0; i < g.edges.size(); ++i) {
            const auto& e = g.edges[i];
            ++start[static_cast<std::size_t>(e.source) + 1];
            ++start[static_cast<std::size_t>(e.target) + 1];
            edge_length[i] = index(e.weight);
        }
        weights = index.values();
        for (double w : weights) lengths.push_back(1.0 / w); // as graph::detail::IGraph::distance()
        for (std::size_t v = 0; v + 1 < start.size(); ++v) start[v + 1] += start[v];
        next.resize(static_cast<std::size_t>(start.back()));
        length_of.resize(next.size());
        std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < g.edges.size(); ++i) {
            const auto& e = g.edges[i];
            const auto d = edge_length[i];
            auto k = static_cast<std::size_t>(fill[static_cast<std::size_t>(e.source)]++);
            next[k] = e.target;
            length_of[k] = d;
            k = static_cast<std::size_t>(fill[static_cast<std::size_t>(e.target)]++);
            next[k] = e.source;
            length_of[k] = d;
        }
    }

    [[nodiscard]] double length(std::int64_t k) const {
        return lengths[length_of[static_cast<std::size_t>(k)]];
    }
    [[nodiscard]] double weight(std::int64_t k) const { return weights[length_of[static_cast<std::size_t>(k)]]; }
    [[nodiscard]] std::int32_t node_count() const { return static_cast<std::int32_t>(start.size()) - 1; }
};

/// The weighted adjacency matrix of a graph, or of one of its components, for ARPACK's
/// matrix–vector products, read from the shared rows: row i is node nodes[i] (all nodes when
/// `nodes` is null), its columns renumbered by `local` (identity when null). A component's rows
/// are its nodes' rows: the same ties in the same order as a copy of the component would hold.
struct AdjacencyMatrix {
    const WeightedAdjacency& rows;
    const std::vector<std::int32_t>* nodes = nullptr;
    const std::vector<std::int32_t>* local = nullptr;

    [[nodiscard]] std::size_t size() const { return nodes ? nodes->size() : static_cast<std::size_t>(rows.node_count()); }
    [[nodiscard]] std::size_t node(std::size_t i) const { return nodes ? static_cast<std::size_t>((*nodes)[i]) : i; }

    /// to = A · from (igraph_arpack_function_t).
    static igraph_error_t multiply(igraph_real_t* to, const igraph_real_t* from, int n, void* extra) {
        const auto& a = *static_cast<const AdjacencyMatrix*>(extra);
        const auto& r = a.rows;
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
            const auto v = a.node(i);
            double sum = 0;
            for (auto k = r.start[v]; k < r.start[v + 1]; ++k) {
                const auto w = static_cast<std::size_t>(r.next[static_cast<std::size_t>(k)]);
                sum += r.weight(k) * from[a.local ? (*a.local)[w] : static_cast<std::int32_t>(w)];
            }
            to[i] = sum;
        }
        return IGRAPH_SUCCESS;
    }
};

/// The leading eigenvector of a graph's weighted adjacency from ARPACK (igraph_arpack_rssolve),
/// |x| with norm 1, and its eigenvalue. Started, as igraph_eigenvector_centrality starts it, from
/// the strengths perturbed by up to 1e-4 (an exact eigenvector would stall ARPACK), the
/// perturbation drawn from SplitMix64 seeded with `seed`.
std::pair<std::vector<double>, double> leading_eigenvector(const AdjacencyMatrix& a, std::uint64_t seed) {
    const auto n = a.size();
    igraph_arpack_options_t arpack;
    igraph_arpack_options_init(&arpack);
    arpack.n = static_cast<igraph_integer_t>(n);
    arpack.start = 1;
    arpack.nev = 1;
    arpack.ncv = 0; // automatic
    arpack.which[0] = 'L';
    arpack.which[1] = 'A';
    RealVector values;
    igraph_matrix_t vectors;
    check(igraph_matrix_init(&vectors, static_cast<igraph_integer_t>(n), 1), "igraph_matrix_init");
    std::uint64_t state = seed;
    for (std::size_t v = 0; v < n; ++v) {
        double strength = 0;
        const auto u = a.node(v);
        for (auto k = a.rows.start[u]; k < a.rows.start[u + 1]; ++k) strength += a.rows.weight(k);
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL); // SplitMix64, as sample_sources
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        const double unit = static_cast<double>(z >> 11) * 0x1.0p-53;
        MATRIX(vectors, static_cast<igraph_integer_t>(v), 0) = strength > 0 ? strength + 1e-4 * unit : 1.0;
    }
    const auto code = igraph_arpack_rssolve(&AdjacencyMatrix::multiply, const_cast<AdjacencyMatrix*>(&a), &arpack,
                                            nullptr, &values.v, &vectors);
    std::vector<double> x(n);
    for (std::size_t v = 0; v < n; ++v) x[v] = MATRIX(vectors, static_cast<igraph_integer_t>(v), 0);
    igraph_matrix_destroy(&vectors);
    check(code, "igraph_arpack_rssolve");
    double norm = 0;
    for (double y : x) norm += y * y;
    norm = std::sqrt(norm);
    if (norm > 0)
        for (auto& y : x) y = std::abs(y) / norm;
    return {std::move(x), VECTOR(values.v)[0]};
}

/// Eigenvector centrality. The adjacency of a graph with several components that have ties is
/// block-diagonal: its leading eigenvector is the leading eigenvector of the component with
/// the largest eigenvalue (the first such component on a tie), zero elsewhere. ARPACK on the
/// whole graph converges slowly when the components' eigenvalues are close (regions of a
/// national file: 3 s of the person network's 10), so each component is solved on its own.
/// A graph with one component that has ties (isolates aside) is solved whole.
/// ARPACK multiplies maillage's compressed rows (AdjacencyMatrix) rather than an igraph copy
/// of each component: the same numbers (to the last digit printed on the national file), without
/// building igraph's indexed edge lists and incidence lists for every component.
std::vector<double> eigenvector_of(const graph::Graph& g, const WeightedAdjacency& rows, std::uint64_t seed) {
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
    if (tied.size() <= 1) return leading_eigenvector(AdjacencyMatrix{rows}, seed).first;

    std::vector<std::int32_t> local(n, -1), count(n, 0);
    for (std::size_t v = 0; v < n; ++v)
        if (has_tie[static_cast<std::size_t>(root[v])]) local[v] = count[static_cast<std::size_t>(root[v])]++;
    std::vector<double> best;
    double best_value = -1;
    std::int32_t best_root = -1;
    // each component's nodes, ascending (its own numbering: `local`)
    std::vector<std::vector<std::int32_t>> members(n);
    for (std::size_t v = 0; v < n; ++v)
        if (local[v] >= 0) members[static_cast<std::size_t>(root[v])].push_back(static_cast<std::int32_t>(v));
    for (auto r : tied) {
        auto [x, value] = leading_eigenvector(AdjacencyMatrix{rows, &members[static_cast<std::size_t>(r)], &local}, seed);
        std::vector<std::int32_t>().swap(members[static_cast<std::size_t>(r)]);
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

/// What one source's search gives: the nodes it reaches in the order they were settled, their
/// distance from it and their dependency on it (Brandes 2001: δ_s(v) = Σ_t σ_st(v) / σ_st).
struct Reached {
    std::vector<std::int32_t> node;
    std::vector<double> distance;
    std::vector<double> dependency;
};

/// One thread's scratch for brandes(): n-long arrays, reset after each source on the nodes it
/// reached only.
struct SearchScratch {
    std::vector<double> dist, paths, dependency;
    std::vector<std::int32_t> order;
    explicit SearchScratch(std::size_t n)
        : dist(n, std::numeric_limits<double>::infinity()), paths(n, 0.0), dependency(n, 0.0) {}
};

/// Brandes's (2001) single-source step on the weighted adjacency: Dijkstra counting shortest
/// paths, then dependencies accumulated in reverse order of distance. Two path lengths equal
/// within igraph's IGRAPH_SHORTEST_PATH_EPSILON (compared with igraph_cmp_epsilon, as igraph's
/// own betweenness does) are the same length, so 1/3 + 1/3 + 1/3 ties with 1. Thread-safe
/// (igraph_cmp_epsilon is a pure function). Complexity: O(m log n) over the source's component.
void brandes(const WeightedAdjacency& adj, std::int32_t source, SearchScratch& s, Reached& out) {
    constexpr double eps = IGRAPH_SHORTEST_PATH_EPSILON;
    const auto& start = adj.start;
    const auto& next = adj.next;
    using Item = std::pair<double, std::int32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    auto at = [](auto& vec, std::int32_t v) -> auto& { return vec[static_cast<std::size_t>(v)]; };
    at(s.dist, source) = 0;
    at(s.paths, source) = 1;
    heap.emplace(0.0, source);
    while (!heap.empty()) {
        const auto [d, v] = heap.top();
        heap.pop();
        if (d > at(s.dist, v)) continue; // stale
        s.order.push_back(v);
        const double paths = at(s.paths, v);
        for (auto k = at(start, v); k < start[static_cast<std::size_t>(v) + 1]; ++k) {
            const auto w = next[static_cast<std::size_t>(k)];
            const double alt = d + adj.length(k);
            double& dw = at(s.dist, w);
            const int cmp = std::isinf(dw) ? -1 : igraph_cmp_epsilon(alt, dw, eps);
            if (cmp < 0) { // shorter: w's paths are v's
                dw = alt;
                at(s.paths, w) = paths;
                heap.emplace(alt, w);
            } else if (cmp == 0) { // as short: v is one more predecessor of w
                at(s.paths, w) += paths;
            }
        }
    }
    // Dependencies, farthest first: each predecessor v of w (dist v + length = dist w, within
    // eps) receives σ_v / σ_w · (1 + δ_w).
    for (auto i = s.order.size(); i-- > 0;) {
        const auto w = s.order[i];
        const double dw = at(s.dist, w);
        const double coeff = (1.0 + at(s.dependency, w)) / at(s.paths, w);
        for (auto k = at(start, w); k < start[static_cast<std::size_t>(w) + 1]; ++k) {
            const auto v = next[static_cast<std::size_t>(k)];
            const double dv = at(s.dist, v);
            if (dv < dw && igraph_cmp_epsilon(dv + adj.length(k), dw, eps) == 0)
                at(s.dependency, v) += at(s.paths, v) * coeff;
        }
    }
    out.node = s.order;
    out.distance.resize(s.order.size());
    out.dependency.resize(s.order.size());
    for (std::size_t i = 0; i < s.order.size(); ++i) {
        const auto v = s.order[i];
        out.distance[i] = at(s.dist, v);
        out.dependency[i] = at(s.dependency, v);
        at(s.dist, v) = std::numeric_limits<double>::infinity();
        at(s.paths, v) = 0;
        at(s.dependency, v) = 0;
    }
    s.order.clear();
}

/// Lowers the calling thread's scheduling priority (on Linux nice is per thread, and the threads
/// it starts inherit it): a helper whose work can wait then gives its core to the thread that runs
/// igraph's chain (the eigenvector, igraph's copy of the graph, Leiden), which nothing else can
/// run beside (igraph is not thread-safe). With more cores than threads it changes nothing.
void behind_igraph() {
#ifdef __linux__
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
#endif
}

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

/// Per node, what the searches from a sample of sources add up to.
struct SourceTotals {
    std::vector<double> distance;        ///< summed distance from the sources (other than itself) reaching it
    std::vector<std::int64_t> reached;   ///< how many sources other than itself reach it
    std::vector<std::int64_t> others;    ///< how many sources are other than itself
    std::vector<double> dependency;      ///< summed dependency on the sources (raw betweenness)
    std::vector<double> inverse;         ///< summed 1 / distance from the sources reaching it
};

/// Brandes searches from `sources`, 32 at a time split between the cores, each one's results
/// then added in source order, as one core would (the same numbers on one core or two).
/// Complexity: O(k m log n) for k sources, on two cores.
SourceTotals from_sources(const WeightedAdjacency& adj, const std::vector<std::int32_t>& sources) {
    const auto n = static_cast<std::size_t>(adj.node_count());
    SourceTotals t{std::vector<double>(n, 0.0), std::vector<std::int64_t>(n, 0),
                   std::vector<std::int64_t>(n, static_cast<std::int64_t>(sources.size())), std::vector<double>(n, 0.0),
                   std::vector<double>(n, 0.0)};
    constexpr std::size_t chunk = 32;
    std::vector<Reached> reached(std::min(chunk, sources.size()));
    SearchScratch scratch[2] = {SearchScratch(n), SearchScratch(n)};
    for (std::size_t first = 0; first < sources.size(); first += chunk) {
        const std::size_t count = std::min(chunk, sources.size() - first);
        on_two_cores(count, [&](std::size_t i) { brandes(adj, sources[first + i], scratch[i % 2], reached[i]); });
        for (std::size_t i = 0; i < count; ++i) {
            const auto source = sources[first + i];
            --t.others[static_cast<std::size_t>(source)];
            const auto& r = reached[i];
            for (std::size_t j = 0; j < r.node.size(); ++j) {
                const auto v = static_cast<std::size_t>(r.node[j]);
                if (r.node[j] == source) continue;
                t.distance[v] += r.distance[j];
                t.inverse[v] += 1.0 / r.distance[j];
                ++t.reached[v];
                t.dependency[v] += r.dependency[j];
            }
        }
    }
    return t;
}

/// The sampled searches of node_centralities started on a thread of their own (they are
/// maillage's own code), so that igraph's work on the same graph goes on meanwhile; no future
/// when betweenness is exact.
std::future<SourceTotals> start_searches(const std::shared_ptr<const WeightedAdjacency>& rows, const CentralityOptions& options) {
    const auto n = rows->node_count();
    if (n <= options.exact_betweenness_limit) return {};
    return std::async(std::launch::async, [rows, n, options] {
        behind_igraph();
        return from_sources(*rows, sample_sources(n, options.betweenness_sources, options.seed));
    });
}

/// Runs work(first, last) over [0, count) split in two halves by `weight` of the items
/// (row lengths), on two threads (one when the machine has one core): each item's work is the
/// same however the items are split.
template <typename Work>
void on_two_halves(const std::vector<std::int64_t>& start, Work work) {
    const auto count = start.size() - 1;
    if (count < 1024 || std::thread::hardware_concurrency() < 2) {
        work(std::size_t{0}, count);
        return;
    }
    const auto half = static_cast<std::size_t>(std::lower_bound(start.begin(), start.end(), start.back() / 2) - start.begin());
    const auto middle = std::min(std::max<std::size_t>(half, 1), count - 1);
    std::thread other([&] { work(middle, count); });
    work(0, middle);
    other.join();
}

/// Σ a[i] b[i] in blocks of 4096, the blocks' sums added in order: the same on one thread or two.
double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double total = 0;
    for (std::size_t first = 0; first < a.size(); first += 4096) {
        double part = 0;
        for (std::size_t i = first; i < std::min(a.size(), first + 4096); ++i) part += a[i] * b[i];
        total += part;
    }
    return total;
}

/// PageRank (Brin & Page 1998) of an undirected weighted graph, as igraph_pagerank defines it
/// (damping 0.85; a walker at a node moves along a tie with probability weight / strength, at a
/// node without ties jumps anywhere; the scores sum to 1), solved on maillage's rows without
/// igraph's PRPACK, which copies the graph twice more (the person network's peak: 283 MB of a
/// national file, 1.9 GB of the stress file). Undirected, the stationary equation
/// x = α W D⁻¹ x + c 1 (W the weights, D the strengths, c the teleport and the isolated nodes'
/// mass spread) is, with x = D^½ z, the symmetric positive definite system
/// (I − α D^-½ W D^-½) z = c D^-½ 1: conjugate gradients (Hestenes & Stiefel 1952), condition
/// (1 + α) / (1 − α), to a relative residual of 1e-14 (a hundred products at most), then c from
/// Σ x = 1 (x = c for an isolated node). PRPACK's Gauss–Seidel stops at 1e-10; both give the
/// printed figures (6 decimals) of the national file and the tests' networks to the last digit.
/// The matrix products run on two threads, each node's sum in its row's order, and every sum
/// over nodes in a fixed order: the same numbers on one core or two. Complexity: O(k m), k ≤ 200.
std::vector<double> pagerank_of(const WeightedAdjacency& rows, double damping = 0.85) {
    const auto n = static_cast<std::size_t>(rows.node_count());
    std::vector<double> x(n, 0.0);
    if (n == 0) return x;
    std::vector<double> root_strength(n, 0.0), inverse_root(n, 0.0);
    std::size_t isolated = 0;
    for (std::size_t v = 0; v < n; ++v) {
        double s = 0;
        for (auto k = rows.start[v]; k < rows.start[v + 1]; ++k) s += rows.weight(k);
        if (s > 0) {
            root_strength[v] = std::sqrt(s);
            inverse_root[v] = 1.0 / root_strength[v];
        } else {
            ++isolated;
        }
    }
    // A p for the conjugate gradients: y = p − α D^-½ W D^-½ p (0 at isolated nodes)
    auto product = [&](const std::vector<double>& p, std::vector<double>& y) {
        on_two_halves(rows.start, [&](std::size_t first, std::size_t last) {
            for (std::size_t v = first; v < last; ++v) {
                if (inverse_root[v] == 0) {
                    y[v] = 0;
                    continue;
                }
                double sum = 0;
                for (auto k = rows.start[v]; k < rows.start[v + 1]; ++k) {
                    const auto u = static_cast<std::size_t>(rows.next[static_cast<std::size_t>(k)]);
                    sum += rows.weight(k) * inverse_root[u] * p[u];
                }
                y[v] = p[v] - damping * inverse_root[v] * sum;
            }
        });
    };
    std::vector<double> z(n, 0.0), r(inverse_root), p(inverse_root), ap(n, 0.0);
    const double b_norm = std::sqrt(dot(r, r));
    double rr = b_norm * b_norm;
    for (int iteration = 0; iteration < 200 && b_norm > 0 && std::sqrt(rr) > 1e-14 * b_norm; ++iteration) {
        product(p, ap);
        const double alpha = rr / dot(p, ap);
        for (std::size_t v = 0; v < n; ++v) {
            z[v] += alpha * p[v];
            r[v] -= alpha * ap[v];
        }
        const double next_rr = dot(r, r);
        const double beta = next_rr / rr;
        rr = next_rr;
        for (std::size_t v = 0; v < n; ++v) p[v] = r[v] + beta * p[v];
    }
    // x = c (D^½ z) on nodes with ties, c at isolated ones, Σ x = 1
    double total = static_cast<double>(isolated);
    for (std::size_t first = 0; first < n; first += 4096) {
        double part = 0;
        for (std::size_t v = first; v < std::min(n, first + 4096); ++v) {
            x[v] = inverse_root[v] == 0 ? 1.0 : root_strength[v] * z[v];
            if (inverse_root[v] != 0) part += x[v];
        }
        total += part;
    }
    for (auto& value : x) value /= total;
    return x;
}

/// The k-core of each node (igraph_coreness, mode all: the largest k such that the node belongs
/// to a subgraph where every node has at least k ties): Batagelj & Zaversnik's (2003) bucket
/// peeling on maillage's rows (whole numbers: igraph's, exactly). Complexity: O(n + m).
std::vector<std::int64_t> coreness_of(const WeightedAdjacency& rows) {
    const auto n = static_cast<std::size_t>(rows.node_count());
    std::vector<std::int64_t> degree(n);
    std::int64_t max_degree = 0;
    for (std::size_t v = 0; v < n; ++v) {
        degree[v] = rows.start[v + 1] - rows.start[v];
        max_degree = std::max(max_degree, degree[v]);
    }
    // nodes sorted by degree (bins), each node's position
    std::vector<std::int64_t> bin(static_cast<std::size_t>(max_degree) + 1, 0);
    for (auto d : degree) ++bin[static_cast<std::size_t>(d)];
    std::int64_t at = 0;
    for (auto& b : bin) {
        const auto count = b;
        b = at;
        at += count;
    }
    std::vector<std::int32_t> order(n);
    std::vector<std::int64_t> position(n);
    for (std::size_t v = 0; v < n; ++v) {
        position[v] = bin[static_cast<std::size_t>(degree[v])]++;
        order[static_cast<std::size_t>(position[v])] = static_cast<std::int32_t>(v);
    }
    for (std::size_t d = bin.size() - 1; d > 0; --d) bin[d] = bin[d - 1];
    if (!bin.empty()) bin[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto v = static_cast<std::size_t>(order[i]);
        for (auto k = rows.start[v]; k < rows.start[v + 1]; ++k) {
            const auto u = static_cast<std::size_t>(rows.next[static_cast<std::size_t>(k)]);
            if (degree[u] > degree[v]) { // u moves down one bin, to the front of its old one
                const auto du = static_cast<std::size_t>(degree[u]);
                const auto pu = position[u], pw = bin[du];
                const auto w = static_cast<std::size_t>(order[static_cast<std::size_t>(pw)]);
                if (u != w) {
                    std::swap(order[static_cast<std::size_t>(pu)], order[static_cast<std::size_t>(pw)]);
                    position[u] = pw;
                    position[w] = pu;
                }
                ++bin[du];
                --degree[u];
            }
        }
    }
    return degree;
}

/// The Brandes–Pich (2007) estimate from the sources' summed dependencies: each source's
/// dependencies are a sample of the n sources', hence the scale n / k; an undirected path is
/// counted from both its ends, hence the half (as igraph's betweenness).
Betweenness sampled_betweenness(std::vector<double> dependency, std::int32_t n, std::size_t k) {
    Betweenness out;
    out.method = BetweennessMethod::Sampled;
    out.sources = static_cast<std::int32_t>(k);
    for (auto& d : dependency) d = d / 2 * (static_cast<double>(n) / static_cast<double>(k));
    out.value = std::move(dependency);
    normalise_betweenness(out.value, n);
    return out;
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
    if (g.node_count > options.exact_betweenness_limit) {
        const auto sources = sample_sources(g.node_count, options.betweenness_sources, options.seed);
        return sampled_betweenness(from_sources(WeightedAdjacency(g), sources).dependency, g.node_count, sources.size());
    }
    const IGraph ig(g);
    return exact_betweenness(ig, g.node_count);
}

namespace {

/// node_centralities on `ig`, the shared igraph copy of `g`. When betweenness is sampled, the
/// searches run on their own threads while igraph computes the eigenvector and k-cores here.
NodeCentralities centralities(const graph::Graph& g, const CentralityOptions& options, graph::detail::SharedIGraph& ig) {
    if (g.complete) return complete_centralities(g.node_count);
    const std::int32_t n = g.node_count;
    const auto size = static_cast<std::size_t>(n);
    if (n == 0) return complete_centralities(0); // every figure empty
    NodeCentralities c;
    // One copy of the graph in rows for maillage's own measures: the sampled searches and
    // PageRank on threads of their own, the eigenvector (ARPACK, igraph's: here) and the k-cores
    // here. igraph's copy is made after, for what only igraph computes (Leiden; exact
    // betweenness and closeness of small graphs), once the rows are given back.
    auto rows = std::make_shared<const WeightedAdjacency>(g);
    auto searches = start_searches(rows, options);
    auto ranks = std::async(std::launch::async, [rows] {
        behind_igraph();
        return pagerank_of(*rows);
    });
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
    c.harmonic.assign(size, 0.0);
    c.coreness.assign(size, 0);
    c.betweenness_sources = n;
    if (!g.edges.empty()) c.eigenvector = eigenvector_of(g, *rows, options.seed);
    c.coreness = coreness_of(*rows);
    c.pagerank = ranks.get();

    if (searches.valid()) {
        // Sampled: maillage's own searches, on both cores, gave betweenness and closeness at once.
        // Closeness (Eppstein & Wang 2004): distances from the sampled sources stand for
        // distances from every node (the graph is undirected). With c sources other than v
        // reaching v at summed distance D, out of k' sources other than v: (c / D) · (c / k').
        auto t = searches.get();
        const auto sources = static_cast<std::size_t>(std::min(options.betweenness_sources, n));
        for (std::size_t v = 0; v < size; ++v)
            c.closeness[v] = t.reached[v] > 0 && t.others[v] > 0
                                 ? (static_cast<double>(t.reached[v]) / t.distance[v]) *
                                       (static_cast<double>(t.reached[v]) / static_cast<double>(t.others[v]))
                                 : 0.0;
        for (std::size_t v = 0; v < size; ++v)
            c.harmonic[v] = t.others[v] > 0 ? t.inverse[v] / static_cast<double>(t.others[v]) : 0.0;
        auto b = sampled_betweenness(std::move(t.dependency), n, sources);
        c.betweenness = std::move(b.value);
        c.betweenness_method = b.method;
        c.betweenness_sources = b.sources;
    } else {
        rows.reset(); // given back before igraph's copy is made
        c.betweenness = exact_betweenness(ig.get(), n).value;
        RealVector inverse_total;
        IntVector reached;
        igraph_bool_t all = false;
        check(igraph_closeness(ig.get().get(), &inverse_total.v, &reached.v, &all, igraph_vss_all(), IGRAPH_ALL,
                               ig.get().distance(), false),
              "igraph_closeness");
        const auto r = reached.to_std();
        for (std::size_t v = 0; v < size; ++v) {
            const auto rv = static_cast<double>(r[v]);
            const double inv = VECTOR(inverse_total.v)[static_cast<igraph_integer_t>(v)];
            c.closeness[v] = (r[v] > 0 && n > 1) ? inv * rv * rv / (static_cast<double>(n) - 1) : 0.0;
        }
        RealVector harmonic;
        check(igraph_harmonic_centrality(ig.get().get(), &harmonic.v, igraph_vss_all(), IGRAPH_ALL, ig.get().distance(),
                                         true),
              "igraph_harmonic_centrality");
        c.harmonic = harmonic.to_std();
    }
    return c;
}

} // namespace

NodeCentralities node_centralities(const graph::Graph& g, const CentralityOptions& options) {
    graph::detail::SharedIGraph ig(g);
    return centralities(g, options, ig);
}

NodeFigures node_figures(const graph::Graph& g, const CentralityOptions& centrality, const CommunityOptions& community,
                         const std::function<void(const NodeCentralities&)>& beside_communities) {
    graph::detail::SharedIGraph ig(g);
    NodeFigures f;
    f.centralities = centralities(g, centrality, ig);
    std::future<void> beside;
    if (beside_communities)
        beside = std::async(std::launch::async, [&beside_communities, &f] {
            behind_igraph();
            beside_communities(f.centralities);
        });
    try {
        f.communities = detail::leiden_communities(g, community, ig);
    } catch (...) {
        if (beside.valid()) beside.wait();
        throw;
    }
    if (beside.valid()) beside.get(); // rethrows what the task threw
    return f;
}

} // namespace maillage::metrics
