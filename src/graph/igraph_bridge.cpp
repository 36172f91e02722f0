#include "bridge/igraph_bridge.hpp"

#include <stdexcept>
#include <string>

#include "maillage/core/error.hpp"

namespace maillage::graph::detail {

void setup_igraph() {
    static const bool done = [] {
        igraph_set_error_handler(igraph_error_handler_ignore);
        igraph_set_warning_handler(igraph_warning_handler_ignore);
        return true;
    }();
    (void)done;
}

void check(igraph_error_t code, const char* where) {
    if (code != IGRAPH_SUCCESS) throw Error(std::string("igraph: ") + where + ": " + igraph_strerror(code));
}

IGraph::IGraph(const Graph& graph) {
    setup_igraph();
    if (graph.complete) throw std::invalid_argument("IGraph: a complete graph's edges are not stored");
    const auto m = static_cast<igraph_integer_t>(graph.edges.size());
    igraph_vector_int_t edges;
    check(igraph_vector_int_init(&edges, 2 * m), "igraph_vector_int_init");
    for (igraph_integer_t i = 0; i < m; ++i) {
        VECTOR(edges)[2 * i] = graph.edges[static_cast<std::size_t>(i)].source;
        VECTOR(edges)[2 * i + 1] = graph.edges[static_cast<std::size_t>(i)].target;
    }
    const auto code = igraph_create(&m_graph, &edges, graph.node_count, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    check(code, "igraph_create");
    check(igraph_vector_init(&m_strength, m), "igraph_vector_init");
    for (igraph_integer_t i = 0; i < m; ++i) VECTOR(m_strength)[i] = graph.edges[static_cast<std::size_t>(i)].weight;
}

const igraph_vector_t* IGraph::distance() const {
    if (!m_has_distance) { // on first use: only the exact betweenness and closeness read it
        const auto m = igraph_vector_size(&m_strength);
        check(igraph_vector_init(&m_distance, m), "igraph_vector_init");
        m_has_distance = true;
        for (igraph_integer_t i = 0; i < m; ++i) VECTOR(m_distance)[i] = 1.0 / VECTOR(m_strength)[i];
    }
    return &m_distance;
}

IGraph::~IGraph() {
    if (m_has_distance) igraph_vector_destroy(&m_distance);
    igraph_vector_destroy(&m_strength);
    igraph_destroy(&m_graph);
}

std::int32_t IGraph::node_count() const { return static_cast<std::int32_t>(igraph_vcount(&m_graph)); }

RealVector::RealVector(igraph_integer_t size) { check(igraph_vector_init(&v, size), "igraph_vector_init"); }
std::vector<double> RealVector::to_std() const {
    std::vector<double> out(static_cast<std::size_t>(igraph_vector_size(&v)));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v)[i];
    return out;
}
IntVector::IntVector(igraph_integer_t size) { check(igraph_vector_int_init(&v, size), "igraph_vector_int_init"); }
std::vector<std::int64_t> IntVector::to_std() const {
    std::vector<std::int64_t> out(static_cast<std::size_t>(igraph_vector_int_size(&v)));
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = VECTOR(v)[i];
    return out;
}

} // namespace maillage::graph::detail
