#include "maillage/metrics/brokerage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace maillage::metrics {

namespace {

/// Compressed adjacency of an undirected graph: neighbours of v in [start[v], start[v+1]),
/// sorted by neighbour, with the tie weight and the edge index.
struct Adjacency {
    std::vector<std::int64_t> start;
    std::vector<std::int32_t> to;
    std::vector<double> weight;
    std::vector<std::int64_t> edge;

    explicit Adjacency(const graph::Graph& g) {
        const auto n = static_cast<std::size_t>(g.node_count);
        start.assign(n + 1, 0);
        for (const auto& e : g.edges) {
            ++start[static_cast<std::size_t>(e.source) + 1];
            ++start[static_cast<std::size_t>(e.target) + 1];
        }
        for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
        to.resize(2 * g.edges.size());
        weight.resize(to.size());
        edge.resize(to.size());
        auto fill = start;
        for (std::size_t i = 0; i < g.edges.size(); ++i) {
            const auto& e = g.edges[i];
            for (auto [a, b] : {std::pair(e.source, e.target), std::pair(e.target, e.source)}) {
                const auto slot = static_cast<std::size_t>(fill[static_cast<std::size_t>(a)]++);
                to[slot] = b;
                weight[slot] = e.weight;
                edge[slot] = static_cast<std::int64_t>(i);
            }
        }
        for (std::size_t v = 0; v < n; ++v) { // sort each list by neighbour
            const auto b = static_cast<std::size_t>(start[v]), e = static_cast<std::size_t>(start[v + 1]);
            std::vector<std::tuple<std::int32_t, double, std::int64_t>> list;
            for (auto i = b; i < e; ++i) list.emplace_back(to[i], weight[i], edge[i]);
            std::sort(list.begin(), list.end());
            for (auto i = b; i < e; ++i) std::tie(to[i], weight[i], edge[i]) = list[i - b];
        }
    }
    [[nodiscard]] std::size_t begin(std::int32_t v) const { return static_cast<std::size_t>(start[static_cast<std::size_t>(v)]); }
    [[nodiscard]] std::size_t end(std::int32_t v) const { return static_cast<std::size_t>(start[static_cast<std::size_t>(v) + 1]); }
    /// Weight of the tie (u, v), 0 when absent. O(log d(u)).
    [[nodiscard]] double tie(std::int32_t u, std::int32_t v) const {
        const auto first = to.begin() + static_cast<std::ptrdiff_t>(begin(u));
        const auto last = to.begin() + static_cast<std::ptrdiff_t>(end(u));
        const auto it = std::lower_bound(first, last, v);
        return it != last && *it == v ? weight[static_cast<std::size_t>(it - to.begin())] : 0.0;
    }
};

/// Tarjan's low-link numbers, iteratively (no recursion depth limit), with the depth-first
/// tree: preorder numbers, subtree sizes, and for each articulation point the children whose
/// subtrees it separates. A subtree is a contiguous preorder range, so each piece is listed in
/// time proportional to its size.
struct LowLink {
    std::vector<bool> cut;
    std::vector<bool> bridge;
    std::vector<std::int32_t> order, size, node_at, root_of, parent;
    std::vector<std::vector<std::int32_t>> separated; ///< node → children whose subtree it separates

    LowLink(const Adjacency& adj, std::int32_t n, std::size_t m)
        : cut(static_cast<std::size_t>(n), false), bridge(m, false), order(static_cast<std::size_t>(n), -1),
          size(static_cast<std::size_t>(n), 1), node_at(static_cast<std::size_t>(n), 0), root_of(static_cast<std::size_t>(n), -1),
          parent(static_cast<std::size_t>(n), -1), separated(static_cast<std::size_t>(n)) {
        std::vector<std::int32_t> low(static_cast<std::size_t>(n), 0);
        std::vector<std::int64_t> parent_edge(static_cast<std::size_t>(n), -1);
        std::vector<std::size_t> next(static_cast<std::size_t>(n), 0);
        std::int32_t counter = 0;
        std::vector<std::int32_t> stack;
        auto visit = [&](std::int32_t w, std::int32_t root) {
            const auto wi = static_cast<std::size_t>(w);
            order[wi] = low[wi] = counter;
            node_at[static_cast<std::size_t>(counter)] = w;
            ++counter;
            root_of[wi] = root;
            next[wi] = adj.begin(w);
            stack.push_back(w);
        };
        for (std::int32_t root = 0; root < n; ++root) {
            if (order[static_cast<std::size_t>(root)] >= 0) continue;
            visit(root, root);
            while (!stack.empty()) {
                const std::int32_t v = stack.back();
                const auto vi = static_cast<std::size_t>(v);
                if (next[vi] < adj.end(v)) {
                    const std::size_t slot = next[vi]++;
                    const std::int32_t w = adj.to[slot];
                    const auto wi = static_cast<std::size_t>(w);
                    if (adj.edge[slot] == parent_edge[vi]) continue;
                    if (order[wi] < 0) {
                        parent_edge[wi] = adj.edge[slot];
                        parent[wi] = v;
                        visit(w, root);
                    } else {
                        low[vi] = std::min(low[vi], order[wi]);
                    }
                } else {
                    stack.pop_back();
                    if (stack.empty()) break;
                    const std::int32_t u = stack.back(); // v's parent
                    const auto ui = static_cast<std::size_t>(u);
                    low[ui] = std::min(low[ui], low[vi]);
                    size[ui] += size[vi];
                    if (low[vi] > order[ui]) bridge[static_cast<std::size_t>(parent_edge[vi])] = true;
                    if (low[vi] >= order[ui]) separated[ui].push_back(v);
                }
            }
            // the root separates its children only when it has more than one
            auto& r = separated[static_cast<std::size_t>(root)];
            if (r.size() < 2) r.clear();
        }
        for (std::size_t v = 0; v < cut.size(); ++v) cut[v] = !separated[v].empty();
    }

    /// The nodes of v's subtree, sorted.
    [[nodiscard]] std::vector<std::int32_t> subtree(std::int32_t v) const {
        const auto first = static_cast<std::size_t>(order[static_cast<std::size_t>(v)]);
        std::vector<std::int32_t> out(node_at.begin() + static_cast<std::ptrdiff_t>(first),
                                      node_at.begin() + static_cast<std::ptrdiff_t>(first + static_cast<std::size_t>(size[static_cast<std::size_t>(v)])));
        std::sort(out.begin(), out.end());
        return out;
    }
    /// The nodes of v's component outside the subtrees of `children` and other than `except`, sorted.
    [[nodiscard]] std::vector<std::int32_t> rest(std::int32_t v, const std::vector<std::int32_t>& children, std::int32_t except) const {
        const auto root = root_of[static_cast<std::size_t>(v)];
        const auto first = order[static_cast<std::size_t>(root)];
        const auto last = first + size[static_cast<std::size_t>(root)];
        std::vector<bool> skip(static_cast<std::size_t>(last - first), false);
        for (auto c : children) {
            const auto a = order[static_cast<std::size_t>(c)];
            for (auto i = a; i < a + size[static_cast<std::size_t>(c)]; ++i) skip[static_cast<std::size_t>(i - first)] = true;
        }
        std::vector<std::int32_t> out;
        for (auto i = first; i < last; ++i) {
            const auto w = node_at[static_cast<std::size_t>(i)];
            if (!skip[static_cast<std::size_t>(i - first)] && w != except) out.push_back(w);
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};

} // namespace

std::vector<CutPoint> articulation_points(const graph::Graph& g) {
    if (g.complete) return {};
    const Adjacency adj(g);
    const LowLink ll(adj, g.node_count, g.edges.size());
    std::vector<CutPoint> out;
    for (std::int32_t v = 0; v < g.node_count; ++v) {
        const auto& children = ll.separated[static_cast<std::size_t>(v)];
        if (children.empty()) continue;
        CutPoint cp;
        cp.node = v;
        const auto root = ll.root_of[static_cast<std::size_t>(v)];
        cp.component_size = ll.size[static_cast<std::size_t>(root)];
        // pieces: each separated child's subtree, and (v not the root) the rest of the component
        struct Piece {
            std::int32_t size;
            std::int32_t lowest;
            std::int32_t child; ///< -1: the rest
        };
        std::vector<Piece> pieces;
        for (auto c : children) {
            const auto sub = ll.subtree(c);
            pieces.push_back({static_cast<std::int32_t>(sub.size()), sub.front(), c});
        }
        if (v != root) {
            const auto rest = ll.rest(v, children, v);
            if (!rest.empty()) pieces.push_back({static_cast<std::int32_t>(rest.size()), rest.front(), -1});
        }
        std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
            return a.size != b.size ? a.size > b.size : a.lowest < b.lowest;
        });
        for (std::size_t i = 1; i < pieces.size(); ++i)
            cp.cut_off.push_back(pieces[i].child >= 0 ? ll.subtree(pieces[i].child) : ll.rest(v, children, v));
        out.push_back(std::move(cp));
    }
    auto cut_count = [](const CutPoint& c) {
        std::size_t k = 0;
        for (const auto& p : c.cut_off) k += p.size();
        return k;
    };
    std::stable_sort(out.begin(), out.end(), [&](const CutPoint& a, const CutPoint& b) { return cut_count(a) > cut_count(b); });
    return out;
}

std::vector<Bridge> bridges(const graph::Graph& g) {
    if (g.complete) {
        if (g.node_count == 2) return {Bridge{0, 1, 1.0, {1}}};
        return {};
    }
    const Adjacency adj(g);
    const LowLink ll(adj, g.node_count, g.edges.size());
    std::vector<Bridge> out;
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        if (!ll.bridge[i]) continue;
        const auto& e = g.edges[i];
        // the child end of the tree edge heads the subtree cut off on its side
        const std::int32_t child = ll.parent[static_cast<std::size_t>(e.target)] == e.source ? e.target : e.source;
        const auto inside = ll.size[static_cast<std::size_t>(child)];
        const auto component = ll.size[static_cast<std::size_t>(ll.root_of[static_cast<std::size_t>(child)])];
        auto side = ll.subtree(child);
        if (inside * 2 > component) side = ll.rest(child, {child}, -1);
        else if (inside * 2 == component) { // equal sides: cut off the one without the lowest node
            auto other = ll.rest(child, {child}, -1);
            if (side.front() < other.front()) side = std::move(other);
        }
        out.push_back({e.source, e.target, e.weight, std::move(side)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Bridge& a, const Bridge& b) { return a.cut_off.size() > b.cut_off.size(); });
    return out;
}

StructuralHoles structural_holes(const graph::Graph& g) {
    const auto n = static_cast<std::size_t>(g.node_count);
    StructuralHoles out;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (g.complete) {
        // K_n, unit weights: p = 1/(n-1); c = (n-1)(1/(n-1) + (n-2)/(n-1)²)²; effective size 1.
        const double d = static_cast<double>(g.node_count) - 1;
        const double c = d > 0 ? d * std::pow(1 / d + (d - 1) / (d * d), 2) : nan;
        out.constraint.assign(n, c);
        out.effective_size.assign(n, d > 0 ? 1.0 : nan);
        return out;
    }
    const Adjacency adj(g);
    std::vector<double> total(n, 0), top(n, 0);
    for (std::int32_t v = 0; v < g.node_count; ++v)
        for (auto i = adj.begin(v); i < adj.end(v); ++i) {
            total[static_cast<std::size_t>(v)] += adj.weight[i];
            top[static_cast<std::size_t>(v)] = std::max(top[static_cast<std::size_t>(v)], adj.weight[i]);
        }
    auto p = [&](std::int32_t a, std::int32_t b) {
        const double t = total[static_cast<std::size_t>(a)];
        return t > 0 ? adj.tie(a, b) / t : 0.0;
    };
    out.constraint.assign(n, nan);
    out.effective_size.assign(n, nan);
    for (std::int32_t i = 0; i < g.node_count; ++i) {
        if (adj.begin(i) == adj.end(i)) continue;
        double c = 0, e = 0;
        for (auto a = adj.begin(i); a < adj.end(i); ++a) {
            const std::int32_t j = adj.to[a];
            double indirect = 0, redundancy = 0;
            for (auto b = adj.begin(i); b < adj.end(i); ++b) {
                const std::int32_t q = adj.to[b];
                if (q == j) continue;
                const double p_iq = adj.weight[b] / total[static_cast<std::size_t>(i)];
                indirect += p_iq * p(q, j);
                const double m = top[static_cast<std::size_t>(j)];
                redundancy += m > 0 ? p_iq * adj.tie(j, q) / m : 0.0;
            }
            c += std::pow(adj.weight[a] / total[static_cast<std::size_t>(i)] + indirect, 2);
            e += 1 - redundancy;
        }
        out.constraint[static_cast<std::size_t>(i)] = c;
        out.effective_size[static_cast<std::size_t>(i)] = e;
    }
    return out;
}

CorePeriphery core_periphery(const graph::Graph& g) {
    CorePeriphery out;
    const auto n = static_cast<std::size_t>(g.node_count);
    out.coreness.assign(n, 0);
    out.in_core.assign(n, false);
    if (n == 0) return out;
    if (g.complete) {
        out.coreness.assign(n, g.node_count - 1);
        out.k_max = g.node_count - 1;
        if (out.k_max > 0) {
            out.in_core.assign(n, true);
            out.core_size = g.node_count;
            out.core_density = 1;
        }
        return out;
    }
    // Batagelj & Zaversnik (2003): peel nodes in order of current degree with bucket sort.
    const Adjacency adj(g);
    std::vector<std::int64_t> degree(n);
    std::int64_t max_degree = 0;
    for (std::int32_t v = 0; v < g.node_count; ++v) {
        degree[static_cast<std::size_t>(v)] = static_cast<std::int64_t>(adj.end(v) - adj.begin(v));
        max_degree = std::max(max_degree, degree[static_cast<std::size_t>(v)]);
    }
    std::vector<std::size_t> bin(static_cast<std::size_t>(max_degree) + 1, 0), pos(n), vert(n);
    for (auto d : degree) ++bin[static_cast<std::size_t>(d)];
    std::size_t start = 0;
    for (auto& b : bin) {
        const auto count = b;
        b = start;
        start += count;
    }
    for (std::size_t v = 0; v < n; ++v) {
        pos[v] = bin[static_cast<std::size_t>(degree[v])]++;
        vert[pos[v]] = v;
    }
    for (std::size_t d = bin.size() - 1; d > 0; --d) bin[d] = bin[d - 1];
    bin[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t v = vert[i];
        for (auto a = adj.begin(static_cast<std::int32_t>(v)); a < adj.end(static_cast<std::int32_t>(v)); ++a) {
            const auto u = static_cast<std::size_t>(adj.to[a]);
            if (degree[u] > degree[v]) {
                const auto du = static_cast<std::size_t>(degree[u]);
                const std::size_t pu = pos[u], pw = bin[du], w = vert[pw];
                if (u != w) {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                ++bin[du];
                --degree[u];
            }
        }
    }
    out.coreness = degree;
    out.k_max = *std::max_element(degree.begin(), degree.end());
    if (out.k_max == 0) return out;
    for (std::size_t v = 0; v < n; ++v)
        if (degree[v] == out.k_max) {
            out.in_core[v] = true;
            ++out.core_size;
        }
    double inside = 0, mixed = 0, outside = 0;
    for (const auto& e : g.edges) {
        const bool a = out.in_core[static_cast<std::size_t>(e.source)], b = out.in_core[static_cast<std::size_t>(e.target)];
        (a && b ? inside : a || b ? mixed : outside) += 1;
    }
    const double c = static_cast<double>(out.core_size), p = static_cast<double>(n) - c;
    out.core_density = c > 1 ? inside / (c * (c - 1) / 2) : 0;
    out.mixed_density = c * p > 0 ? mixed / (c * p) : 0;
    out.periphery_density = p > 1 ? outside / (p * (p - 1) / 2) : 0;
    return out;
}

} // namespace maillage::metrics
