// Every per-node figure maillage writes, declared once: its key, its heading in French and
// English, its kind and bounds, where it is shown and how to get it. The metrics table (table,
// CSV, JSON), the exports (GEXF, GraphML, GeoPackage, CSV, JSON and its schema) and the report's
// table of the organisations that hold the network read this list (docs/metrics.md, "Per
// node"). A new per-node metric is its computation (centrality.hpp) and one entry here.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/communities.hpp"

namespace maillage::metrics {

/// What the columns read for the nodes of one one-mode network.
struct NodeInputs {
    const NodeCentralities* centralities = nullptr;
    const Communities* communities = nullptr;
    const std::vector<double>* internal_weight = nullptr; ///< organisation networks only
};

enum class NodeColumnKind {
    Count, ///< a whole number (written without decimals)
    Real,  ///< a decimal number
};

/// Where a column is shown (bits of NodeColumn::places).
enum NodeColumnPlace : unsigned {
    InTable = 1u,   ///< `maillage metrics` (table, CSV, JSON)
    InExports = 2u, ///< `maillage export` (GEXF, GraphML, GeoPackage, CSV, JSON)
    InReport = 4u,  ///< the report's table of the organisations that hold the network
    /// Kept by the metrics table's text when 120 characters cannot hold every InTable column:
    /// the others are left out first, from the right (core::Fit::Optional; CSV and JSON have all).
    InTableText = 8u,
};

struct NodeColumn {
    std::string_view key;       ///< in exports and the JSON schema ("betweenness")
    std::string_view table_key; ///< in the metrics table's CSV and JSON (the same but for two older names)
    std::string_view french, english; ///< heading
    NodeColumnKind kind = NodeColumnKind::Real;
    double minimum = 0;              ///< bounds, for the JSON schema
    std::optional<double> maximum;
    unsigned places = 0;             ///< NodeColumnPlace bits
    bool organisations_only = false; ///< only in organisation networks
    int report_decimals = 3;         ///< decimals in the report's table
    bool whole_in_table = false;     ///< a Real the metrics table rounds (tie weights are counts of sessions)
    double (*get)(const NodeInputs&, std::size_t node) = nullptr;

    [[nodiscard]] std::string_view label(core::Lang lang) const { return lang == core::Lang::Fr ? french : english; }
    [[nodiscard]] bool in(NodeColumnPlace place) const { return (places & place) != 0; }
};

/// Every column, in the metrics table's order.
std::span<const NodeColumn> node_columns();

/// The column of that key (NodeColumn::key), or nullptr.
const NodeColumn* node_column(std::string_view key);

} // namespace maillage::metrics
