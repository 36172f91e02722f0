// The text formats of an export (docs/exports.md): GEXF (Gephi), GraphML (networkx, igraph,
// yEd, Cytoscape), CSV tables and JSON. Pure functions: an Export in, text out; the caller
// writes the files.
#pragma once

#include <string>

#include "maillage/exchange/exchange.hpp"

namespace maillage::exchange {

enum class GexfVersion { V1_3, V1_2draft };

/// GEXF in dynamic mode with integer time (years): nodes and ties carry <spells> of the years
/// where present, typed attributes (docs/exports.md), viz:color from the shared palette,
/// viz:size by betweenness and viz:position when known. V1_2draft writes the 1.2draft
/// namespaces for older readers (networkx 2.8). Written with libxml2's xmlTextWriter (escaping
/// and UTF-8 by a maintained library). Throws maillage::Error if libxml2 fails. Complexity:
/// linear in nodes, ties and years.
std::string to_gexf(const Export& data, GexfVersion version);

/// GraphML with typed keys (attr.type string, int, double): the same attributes as GEXF, and
/// x, y when positions are known. Complexity: linear.
std::string to_graphml(const Export& data);

/// CSV dialect: RFC 4180 (comma, CRLF, quotes doubled, decimal point), or Excel's French
/// settings (UTF-8 BOM, semicolon, decimal comma).
enum class CsvDialect { Rfc4180, Excel };

/// The three CSV tables (nodes, edges, indicators), each with a header row. Complexity: linear.
struct CsvTables {
    std::string nodes, edges, indicators;
};
CsvTables to_csv(const Export& data, CsvDialect dialect);

/// The JSON document of docs/exports.schema.json (format "maillage-network", version 1).
/// Complexity: linear.
std::string to_json(const Export& data);

} // namespace maillage::exchange
