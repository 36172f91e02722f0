// The maps of a project: the region (one area per territory) or one territory zoomed to its
// extent, by EPCI, with its communes; coloured by an indicator computed with the metrics and
// advise functions (docs/maps.md), with the organisations that came as points and the
// registry's never-mobilised organisations as hollow markers. This is what `maillage map` and
// the HTML report call; it does no I/O (the caller loads the COG and the outlines).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/advise/unmobilised.hpp"
#include "maillage/geo/shapes.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"
#include "maillage/render/map.hpp"

namespace maillage::render {

/// What colours the areas (docs/maps.md gives each definition and the function computing it).
enum class MapIndicator {
    Participants,  ///< distinct people present (graph::Network::people)
    Organisations, ///< distinct organisations people came from (graph::Network::organisations)
    Density,       ///< density of the organisation network at the level (metrics::graph_structure)
    Mobilisation,  ///< present / known organisations (advise::unmobilised: overall, or by_epci)
    Retention,     ///< share of the previous edition's participants back at the edition
                   ///< (metrics::edition_changes, people, presence.retention)
};

/// "participants", "organisations", "density", "mobilisation", "retention"; nullopt otherwise.
std::optional<MapIndicator> parse_indicator(std::string_view text);
std::string_view key(MapIndicator indicator);
/// The indicator's name in the legend ("Taux de mobilisation").
std::string_view label(MapIndicator indicator, core::Lang lang);

/// The areas of a territory map.
enum class MapUnit {
    Epci,    ///< one area per EPCI (the union of the territory's communes in it)
    Commune, ///< one area per commune
};

/// "epci" or "commune"; nullopt otherwise.
std::optional<MapUnit> parse_unit(std::string_view text);

struct MapRequest {
    /// nullopt: the region map, one area per territory that has an outline. A territory: that
    /// territory zoomed to its communes, one area per EPCI, communes drawn inside.
    std::optional<model::Id> territory;
    MapUnit unit = MapUnit::Epci; ///< the areas of a territory map
    std::optional<int> year;   ///< nullopt: every edition
    bool cumulative = false;   ///< with a year: every edition up to it
    graph::TieLevel level = graph::TieLevel::Interconnaissance;
    MapIndicator indicator = MapIndicator::Mobilisation;
    Classification method = Classification::Jenks;
    std::int32_t classes = 5;  ///< 1..7
    std::int32_t ties = 60;    ///< the strongest ties drawn (0: none)
    bool registry = true;      ///< draw the registry's never-mobilised organisations
    core::Lang lang = core::Lang::Fr;
    std::int32_t width = 1400, height = 1000;
    bool draw = true;          ///< false: the spec only (MapResult::spec), no bytes
};

/// One area's value, for tables beside the map (the report).
struct AreaValue {
    std::string code;            ///< territory code (or key), EPCI SIREN, commune INSEE code
    std::string name;
    std::optional<double> value; ///< nullopt: no data (no edition in the window, nobody known)
};

struct MapResult {
    std::string bytes;            ///< the file's content in the format asked
    std::string title;
    std::vector<AreaValue> areas; ///< in drawing order (territories by id; EPCI by SIREN)
    MapDrawing drawing;
    MapSpec spec;                 ///< what was (or would be) drawn, in the map's coordinates
    int epsg = 2154;              ///< a territory map's coordinate system (its communes')
};

/// Draws the map a request describes. `geography` is the COG with each territory's communes
/// (cli::load_geography); `layers` the commune and EPCI outlines (geo::load_map_layers);
/// territory outlines come from project.territories[].outline (the store's). Organisations are
/// placed at Organisation::place, else at a point inside their commune; the registry's at
/// RegistryEntry::place, else their commune. Throws FatalError (MapNothing) when no area can
/// be drawn (no territory outline; no commune for the territory), what draw_map throws, and
/// maillage::Error if igraph fails. Complexity: per area, building its networks (and for
/// mobilisation advise::unmobilised with its per-edition betweenness), plus draw_map.
MapResult territory_map(const model::Project& project, const advise::Geography& geography, const geo::MapLayers& layers,
                        const model::Taxonomy& taxonomy, const MapRequest& request, Format format);

/// The region map and one territory's map as SVG text, for the HTML report: the same as
/// territory_map with Format::Svg (request.territory is overridden). Throws as territory_map.
std::string region_map_svg(const model::Project& project, const advise::Geography& geography,
                           const geo::MapLayers& layers, const model::Taxonomy& taxonomy, MapRequest request);
std::string territory_map_svg(const model::Project& project, model::Id territory, const advise::Geography& geography,
                              const geo::MapLayers& layers, const model::Taxonomy& taxonomy, MapRequest request);

} // namespace maillage::render
