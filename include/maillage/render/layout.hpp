// Node positions from a Graphviz force-directed layout, without drawing: for the formats that
// carry their own coordinates (GEXF's viz:position). Graphviz types stay in src/render/layout.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/render/diagram.hpp"

namespace maillage::render {

/// A position in Graphviz points (1/72 inch), y upwards.
struct Position {
    double x = 0, y = 0;
};

/// Lays out `graph` with the engine (sfdp by default, as `diagram` does), seeded with `seed`
/// (Graphviz `start`: the same graph and seed give the same positions), edges pulling with
/// their weight; returns one position per node. A complete graph (Graph::complete) is laid out
/// with its n(n-1)/2 edges materialised. Throws maillage::FatalError (DiagramGraphvizFailed)
/// when Graphviz fails. Complexity: that of the engine (sfdp: about O(n log n + m)).
std::vector<Position> layout_positions(const graph::Graph& graph, Layout layout, std::uint64_t seed, core::Lang lang);

} // namespace maillage::render
