#include "igraph_bridge.hpp"

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

namespace {
void fill_weights(const std::vector<double>& w, igraph_vector_t& strength, igraph_vector_t& distance) {
    const auto m = static_cast<igraph_integer_t>(w.size());
    check(igraph_vector_init(&strength, m), "igraph_vector_init");
    check(igraph_vector_init(&distance, m), "igraph_vector_init");
    for (igraph_integer_t i = 0; i < m; ++i) {
        VECTOR(strength)[i] = w[static_cast<std::size_t>(i)];
        VECTOR(distance)[i] = 1.0 / w[static_cast<std::size_t>(i)];
    }
}
} // namespace

IGraph::IGraph(const Graph& graph) {
    setup_igraph();
    if (graph.complete) throw std::invalid_argument("IGraph: a complete graph's edges are not stored");
    igraph_vector_int_t edges;
    check(igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * graph.edges.size())), "igraph_vector_int_init");
    std::vector<double> weights;
    weights.reserve(graph.edges.size());
    for (std::size_t i = 0; i < graph.edges.size(); ++i) {
        VECTOR(edges)[2 * i] = graph.edges[i].source;
        VECTOR(edges)[2 * i + 1] = graph.edges[i].target;
        weights.push_back(graph.edges[i].weight);
    }
    const auto code = igraph_create(&m_graph, &edges, graph.node_count, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    check(code, "igraph_create");
    fill_weights(weights, m_strength, m_distance);
}

IGraph::~IGraph() {
    igraph_vector_destroy(&m_distance);
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
