// Positions only: the same Graphviz engines as diagram.cpp (deps-probe G8–G11), with no
// rendering. Graphviz's C API takes char*; it does not write through them.
#include "maillage/render/layout.hpp"

#include <memory>
#include <string>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

#include "graphviz_session.hpp"

namespace maillage::render {

using namespace detail;

std::vector<Position> layout_positions(const graph::Graph& graph, Layout layout, std::uint64_t seed, core::Lang lang) {
    const auto n = static_cast<std::size_t>(graph.node_count);
    std::vector<Position> out(n);
    if (n == 0) return out;
    auto [gvc, g] = open_graph("layout", seed, lang);
    Agraph_t* G = g.get();
    agattr(G, AGNODE, S("shape"), S("point"));
    agattr(G, AGNODE, S("width"), S("0.1"));
    agattr(G, AGNODE, S("label"), S(""));
    agattr(G, AGEDGE, S("weight"), S("1"));
    std::vector<Agnode_t*> node(n, nullptr);
    for (std::size_t v = 0; v < n; ++v) node[v] = agnode(G, S("n" + std::to_string(v)), 1);
    auto add = [&](std::int32_t a, std::int32_t b, double w) {
        Agedge_t* e = agedge(G, node[static_cast<std::size_t>(a)], node[static_cast<std::size_t>(b)], nullptr, 1);
        agset(e, S("weight"), S(std::to_string(w)));
    };
    if (graph.complete) {
        for (std::int32_t a = 0; a < graph.node_count; ++a)
            for (std::int32_t b = a + 1; b < graph.node_count; ++b) add(a, b, 1.0);
    } else {
        for (const auto& e : graph.edges) add(e.source, e.target, e.weight);
    }
    const char* engine = layout == Layout::Neato ? "neato" : layout == Layout::Fdp ? "fdp" : "sfdp";
    if (gvLayout(gvc.get(), G, engine) != 0) fail(lang);
    for (std::size_t v = 0; v < n; ++v) out[v] = Position{ND_coord(node[v]).x, ND_coord(node[v]).y};
    gvFreeLayout(gvc.get(), G);
    graphviz_errors().clear();
    return out;
}

} // namespace maillage::render
