// The network on a map, for QGIS: a GeoPackage with the participating organisations (points,
// with their metrics), their ties (lines), the territories and EPCI (polygons, with
// indicators) and the registry organisations never mobilised (points). docs/exports.md.
// Geometries come in as Lambert-93 (EPSG:2154) points and WKB; OGR stays in
// src/exchange/geopackage.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillage/advise/unmobilised.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/exchange/exchange.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/geo/places.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::exchange {

/// A territory or an EPCI as a polygon with its indicators.
struct Area {
    std::string code;             ///< territory code, or EPCI SIREN
    std::string name;
    std::string territory;        ///< EPCI: the territory it belongs to in the window
    std::string wkb;              ///< MultiPolygon, EPSG:2154; empty when no outline is known
    std::int64_t population = 0;  ///< of its communes (COG)
    std::int64_t communes = 0;
    std::int64_t participants = 0;  ///< people who came from organisations located there (territory: present at its editions)
    std::int64_t organisations = 0; ///< participating organisations located there (territory: present at its editions)
    std::int64_t ties = 0;          ///< ties of the window's network between them
    double density = 0;             ///< 2·ties / (n(n-1)) among them; 0 below two
    std::int64_t known = 0, present = 0; ///< registry mobilisation (advise::Rate)
    double mobilisation = 0;        ///< present / known; 0 when none is known
    std::int32_t editions = 0;      ///< territory: editions in the window
};

/// A registry organisation never seen at its territory's editions.
struct Absent {
    std::string name, type, type_label, family, colour;
    std::string commune, commune_name, epci, epci_name, territory, source;
    bool came_elsewhere = false;
    std::optional<model::MapPoint> place; ///< its given place, else a point inside its commune
};

struct GeoLayers {
    std::vector<Area> territories;
    std::vector<Area> epci;
    std::vector<Absent> never_mobilised;
};

/// The territory and EPCI polygons and the never-mobilised organisations of the territories
/// with an edition in the window (their indicators from `data`, which must be an organisation
/// export, and advise::unmobilised). A territory without its own outline gets the union of its
/// communes'; an EPCI the union of its communes' (geo::union_of). Throws maillage::Error.
/// Complexity: advise::unmobilised per territory, plus the polygon unions.
GeoLayers geo_layers(const model::Project& project, const Export& data, const model::Taxonomy& taxonomy,
                     const advise::Geography& geography, const geo::CommunePlaces& places, core::Lang lang);

/// Writes the GeoPackage: layers organisations, ties, territories, epci, never_mobilised, in
/// `srs` (an OGR user input such as "EPSG:2154", the default, or "EPSG:4326"; reprojected with
/// OGR, longitude first). Written to a temporary file beside `path`, then renamed. Throws
/// maillage::FatalError naming the file when GDAL fails, or (UsageBadSrs) for an unknown SRS.
/// Complexity: linear in features.
void write_geopackage(const std::string& path, const Export& data, const GeoLayers& layers, const std::string& srs,
                      core::Lang lang);

/// Whether OGR knows the SRS text ("EPSG:2154", "EPSG:4326", a WKT). Complexity: a PROJ lookup.
bool known_srs(const std::string& srs);

} // namespace maillage::exchange
