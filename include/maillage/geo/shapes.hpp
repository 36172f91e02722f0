// Outlines as plain data for drawing: the rings of a (Multi)Polygon in Lambert-93 (EPSG:2154),
// so that the render module draws maps without linking GDAL. OGR stays in src/geo.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/model/project.hpp"

namespace maillage::geo {

/// A polygon outline as plain rings of Lambert-93 points (metres): every ring of every polygon,
/// outer rings and holes alike, each closed (first point repeated last). Drawn with the even-odd
/// fill rule, holes stay holes.
struct Shape {
    std::vector<std::vector<model::MapPoint>> rings;
    model::MapPoint inside;  ///< a point inside the outline (OGR PointOnSurface), for labels
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0; ///< bounding box; all 0 when empty
    [[nodiscard]] bool empty() const { return rings.empty(); }
};

/// The rings of a Polygon or MultiPolygon WKB (EPSG:2154), simplified with OGR's
/// SimplifyPreserveTopology (Douglas–Peucker, no ring collapses) to `tolerance` metres; 0 keeps
/// every point. An empty WKB gives an empty shape. Throws FatalError (GeoBadGeometry) when the
/// WKB cannot be read. Complexity: O(p log p) for p points.
Shape shape_of(const std::string& wkb, double tolerance, core::Lang lang);

/// One polygon of the bundled outlines.
struct MapFeature {
    std::string code;  ///< INSEE code (commune) or SIREN (EPCI)
    std::string name;  ///< as the COG writes it, accents included
    std::string group; ///< commune: the SIREN of its EPCI; EPCI: empty
    std::int64_t population = 0;
    int epsg = 2154; ///< the projection of shape and wkb: the région's (geo/france.hpp)
    Shape shape;     ///< simplified for drawing
    std::string wkb; ///< the full outline (MultiPolygon WKB, in `epsg`), for unions (geo::union_of)
};

/// Commune and EPCI outlines for drawing (geo::load_map_layers in geo/france.hpp), each sorted
/// by code.
struct MapLayers {
    std::vector<MapFeature> communes;
    std::vector<MapFeature> epci;
    std::vector<MapFeature> departements; ///< every département, when asked: the region map's backdrop
};

} // namespace maillage::geo
