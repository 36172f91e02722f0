#include "maillage/metrics/node_columns.hpp"

#include <algorithm>
#include <array>

namespace maillage::metrics {

namespace {

using K = NodeColumnKind;

double at(const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : 0.0; }
double at(const std::vector<std::int64_t>& v, std::size_t i) { return i < v.size() ? static_cast<double>(v[i]) : 0.0; }

// The declarations. Order: the metrics table's columns, left to right; exports keep their own
// order for the columns they always had, then add the others in this order (exchange.hpp).
const std::array columns{
    NodeColumn{.key = "degree", .table_key = "degree", .french = "Degré", .english = "Degree", .kind = K::Count,
               .places = InTable | InTableText | InExports | InReport, .report_decimals = 0,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->degree, v); }},
    NodeColumn{.key = "strength", .table_key = "strength", .french = "Force", .english = "Strength",
               .places = InTable | InTableText | InExports, .whole_in_table = true,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->strength, v); }},
    NodeColumn{.key = "internal_weight", .table_key = "internal", .french = "Liens internes", .english = "Internal ties",
               .places = InTable | InExports, .organisations_only = true, .whole_in_table = true,
               .get = [](const NodeInputs& in, std::size_t v) { return in.internal_weight ? at(*in.internal_weight, v) : 0.0; }},
    NodeColumn{.key = "betweenness", .table_key = "betweenness", .french = "Intermédiarité", .english = "Betweenness",
               .maximum = 1.0, .places = InTable | InTableText | InExports | InReport,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->betweenness, v); }},
    NodeColumn{.key = "closeness", .table_key = "closeness", .french = "Proximité", .english = "Closeness",
               .maximum = 1.0, .places = InTable,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->closeness, v); }},
    NodeColumn{.key = "eigenvector", .table_key = "eigenvector", .french = "Vecteur propre", .english = "Eigenvector",
               .maximum = 1.0, .places = InTable,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->eigenvector, v); }},
    NodeColumn{.key = "harmonic", .table_key = "harmonic", .french = "Centralité harmonique", .english = "Harmonic centrality",
               .places = InTable | InExports | InReport,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->harmonic, v); }},
    NodeColumn{.key = "pagerank", .table_key = "pagerank", .french = "PageRank", .english = "PageRank",
               .maximum = 1.0, .places = InTable | InExports | InReport,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->pagerank, v); }},
    NodeColumn{.key = "coreness", .table_key = "core", .french = "k-cœur", .english = "k-core", .kind = K::Count,
               .places = InTable | InTableText | InExports, .report_decimals = 0,
               .get = [](const NodeInputs& in, std::size_t v) { return at(in.centralities->coreness, v); }},
    NodeColumn{.key = "community", .table_key = "community", .french = "Communauté", .english = "Community",
               .kind = K::Count, .places = InTable | InTableText | InExports, .report_decimals = 0,
               .get = [](const NodeInputs& in, std::size_t v) {
                   return in.communities && v < in.communities->membership.size()
                              ? static_cast<double>(in.communities->membership[v])
                              : 0.0;
               }},
};

} // namespace

std::span<const NodeColumn> node_columns() { return columns; }

const NodeColumn* node_column(std::string_view key) {
    const auto it = std::find_if(columns.begin(), columns.end(), [&](const NodeColumn& c) { return c.key == key; });
    return it == columns.end() ? nullptr : &*it;
}

} // namespace maillage::metrics
