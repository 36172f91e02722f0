// A network ready to leave maillage: every node and tie of a window with the attributes the
// exchange formats write (type, family and colour of the shared palette, territory, commune,
// metrics, the editions where present, a position), and the window's indicators per
// territory. Built once (prepare), written by each format (formats.hpp, geopackage.hpp), so
// that GEXF, GraphML, CSV, JSON and GeoPackage carry the same figures. docs/exports.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"
#include "maillage/render/diagram.hpp"

namespace maillage::exchange {

/// Where node positions come from.
enum class Positions {
    Layout,    ///< a Graphviz force-directed layout (render/layout.hpp), in points
    Geography, ///< the organisation's place (given coordinates, else its commune), Lambert-93 metres
};

struct Point {
    double x = 0, y = 0;
};

/// One node of the exported network.
struct Node {
    std::string id;           ///< "o<organisation id>" or "p<person id>": stable for a store
    std::string label;        ///< organisation name; person: pseudonym, or name with --people
    std::string type;         ///< taxonomy key of the (person's) organisation; "" when unknown
    std::string type_label;   ///< in the export language
    std::string family;       ///< type family key (render/palette.hpp)
    std::string family_label; ///< in the export language
    std::string colour;       ///< "#RRGGBB" of the family
    std::string organisation; ///< the organisation's name (people: the one they came from last)
    std::string territory;    ///< name of the territory of its latest edition in the window
    std::string commune;      ///< INSEE code of the organisation's commune; "" when unknown
    std::int64_t degree = 0;
    double strength = 0;
    double betweenness = 0;   ///< normalised (metrics/centrality.hpp)
    std::int32_t community = 0; ///< Leiden, 0 the largest (metrics/communities.hpp)
    std::int64_t coreness = 0;
    double internal_weight = 0; ///< organisations: ties between their own people; people: 0
    std::int64_t people = 0;  ///< organisations: distinct people who came from it in the window; people: 1
    /// Per metrics::node_columns() entry, its value for this node (NaN where it does not apply):
    /// the formats write added_figures() from here.
    std::vector<double> figures;
    std::vector<int> years;   ///< years of the window's editions where present, ascending
    std::optional<Point> position;        ///< as asked (layout or geography); none when unknown
    std::optional<model::MapPoint> place; ///< Lambert-93 place of the organisation, when known
    model::Id organisation_id = model::no_id;
};

/// One undirected tie, source < target (indices into Export::nodes).
struct Edge {
    std::int32_t source = 0;
    std::int32_t target = 0;
    double weight = 0;
    std::vector<int> years; ///< years whose network (same level and scope) holds the tie
};

/// The figures of one territory's network in the window (or of the whole window).
struct Indicators {
    model::Id territory = model::no_id; ///< no_id: the whole window
    std::string name;                   ///< territory name; "*" for the whole window
    std::string code;
    std::int32_t editions = 0;
    int first_year = 0, last_year = 0;
    std::int64_t participants = 0;  ///< distinct people present
    std::int64_t organisations = 0; ///< distinct organisations they came from
    std::int64_t nodes = 0, ties = 0;
    double density = 0, mean_degree = 0, transitivity = 0;
    std::int64_t components = 0;
    double largest_share = 0;
    std::int32_t communities = 0;
    double modularity = 0;
};

struct Export {
    graph::Scope scope = graph::Scope::Organisations;
    graph::TieLevel level = graph::TieLevel::Interconnaissance;
    std::optional<std::string> territory; ///< the window's territory name; none: every territory
    std::optional<int> edition;           ///< the window's year; none: every edition
    bool cumulative = false;
    Positions positions = Positions::Layout;
    std::string title;                    ///< one line describing the window
    std::vector<int> years;               ///< the window's edition years, ascending, once each
    std::vector<Node> nodes;
    std::vector<Edge> edges;              ///< sorted by (source, target)
    std::vector<Indicators> indicators;   ///< the whole window first, then each territory by name
};

struct ExportOptions {
    std::vector<std::string> names; ///< per network node, its label: the caller decides what may be shown
    Positions positions = Positions::Layout;
    render::Layout layout = render::Layout::Sfdp;
    std::uint64_t seed = 42; ///< layout and Leiden seed
    std::string title;
    core::Lang lang = core::Lang::Fr;
};

/// Prepares `network` (built by graph::build_network for `window`) for export: node metrics
/// (degree, strength, betweenness, coreness: metrics::node_centralities; community:
/// metrics::leiden_communities), each node's and tie's years (the networks of each year of the
/// window, same territory, scope and level), positions, and the indicators of the whole window
/// and of each territory with an edition in it. A complete graph (one edition's connaissance)
/// has its ties materialised. Throws maillage::Error if igraph or Graphviz fail. Complexity:
/// building one network per year and per territory, plus the metrics (O(n m) betweenness)
/// and the layout.
Export prepare(const model::Project& project, const graph::Network& network, const graph::Window& window,
               const model::Taxonomy& taxonomy, const ExportOptions& options);

/// The per-node figures the exports write after the ones they always had (degree, strength,
/// betweenness, community, coreness, internal_weight): the metrics::node_columns() shown in
/// exports, as indices into that list and Node::figures, in its order. Every format writes
/// these, so a metric declared there reaches GEXF, GraphML, GeoPackage, CSV and JSON.
std::vector<std::size_t> added_figures();

/// Consecutive years as closed [first, last] ranges: {2015, 2016, 2018} → {(2015, 2016), (2018, 2018)}.
/// Complexity: linear.
std::vector<std::pair<int, int>> spells_of(const std::vector<int>& years);

/// Years as one text, in their order, separated by spaces: {2015, 2016, 2018} → "2015 2016 2018"
/// (the `years` column of GraphML, CSV and GeoPackage). Complexity: linear.
std::string years_text(const std::vector<int>& years);

} // namespace maillage::exchange
