// igraph behind maillage's plain graphs: private to src/graph and src/metrics (igraph_t never
// appears in a public header). igraph 0.10.2 on Debian is built without thread safety
// (deps-probe.md G3): its RNG, error handler and "finally" stack are process globals, so every
// call through this bridge must come from one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <igraph/igraph.h>

#include "maillage/graph/network.hpp"

namespace maillage::graph::detail {

/// Installs igraph's "ignore" error and warning handlers (the default aborts the process,
/// deps-probe.md G2). Idempotent; called by every constructor of IGraph.
void setup_igraph();

/// Throws maillage::Error naming `where` and igraph's message when `code` is not IGRAPH_SUCCESS.
void check(igraph_error_t code, const char* where);

/// An igraph_t owned (RAII) with its weights: `strength` as given (larger is closer) and
/// `distance` = 1 / strength, for the algorithms that read weights as path lengths
/// (deps-probe.md G13: strong ties are short).
class IGraph {
public:
    /// Throws std::invalid_argument for a Graph::complete (its edges are not stored).
    /// Complexity: O(n + m).
    explicit IGraph(const Graph& graph);
    ~IGraph();
    IGraph(const IGraph&) = delete;
    IGraph& operator=(const IGraph&) = delete;

    [[nodiscard]] const igraph_t* get() const { return &m_graph; }
    [[nodiscard]] const igraph_vector_t* strength() const { return &m_strength; }
    /// 1 / strength, made on first use. Not thread-safe (nothing of igraph's is).
    [[nodiscard]] const igraph_vector_t* distance() const;
    [[nodiscard]] std::int32_t node_count() const;

private:
    igraph_t m_graph{};
    igraph_vector_t m_strength{};
    mutable igraph_vector_t m_distance{};
    mutable bool m_has_distance = false;
};

/// One igraph copy of a graph, built when an algorithm first asks for it, then shared by the
/// algorithms that run on the same graph (building it is a tenth of a national person network's
/// figures).
class SharedIGraph {
public:
    explicit SharedIGraph(const Graph& graph) : m_graph(graph) {}
    [[nodiscard]] const IGraph& get() {
        if (!m_igraph) m_igraph.emplace(m_graph);
        return *m_igraph;
    }

private:
    const Graph& m_graph;
    std::optional<IGraph> m_igraph;
};

/// Owned igraph vectors, freed on scope exit.
struct RealVector {
    igraph_vector_t v{};
    explicit RealVector(igraph_integer_t size = 0);
    ~RealVector() { igraph_vector_destroy(&v); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
    [[nodiscard]] std::vector<double> to_std() const;
};
struct IntVector {
    igraph_vector_int_t v{};
    explicit IntVector(igraph_integer_t size = 0);
    ~IntVector() { igraph_vector_int_destroy(&v); }
    IntVector(const IntVector&) = delete;
    IntVector& operator=(const IntVector&) = delete;
    [[nodiscard]] std::vector<std::int64_t> to_std() const;
};

} // namespace maillage::graph::detail
