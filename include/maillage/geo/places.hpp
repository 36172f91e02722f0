// Where things are: territory outlines and commune places, read through GDAL/OGR and
// reprojected to Lambert-93 (EPSG:2154), the projection of French maps. Geometries cross module
// boundaries as WKB bytes so that OGR types stay inside this module.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/model/project.hpp"

namespace maillage::geo {

/// One outline read from a vector file.
struct Outline {
    std::string key;  ///< the value of the key field (matches the sheets' territory)
    std::string code; ///< the value of the code field, when asked
    std::string wkb;  ///< MultiPolygon, EPSG:2154
};

/// Reads the polygons of a vector file (GeoJSON, Shapefile, GeoPackage: anything OGR reads),
/// with `key_field` naming each, reprojected to EPSG:2154 (axis order forced to lon/lat for
/// geographic sources: deps-probe.md G5). Throws FatalError (in `lang`) naming the file when it
/// cannot be read or lacks the field. Complexity: linear in the file size.
std::vector<Outline> read_outlines(const std::string& path, const std::string& key_field,
                                   const std::string& code_field, core::Lang lang);

/// A WGS 84 longitude/latitude in Lambert-93 (EPSG:2154). Returns nullopt when PROJ cannot
/// transform it. Complexity: constant.
std::optional<model::MapPoint> to_lambert93(const model::MapPoint& lonlat);

/// The union of polygons (GEOS through OGR), as a MultiPolygon WKB. Throws FatalError when a
/// WKB cannot be read. Complexity: that of GEOS's cascaded union.
std::string union_of(const std::vector<std::string>& wkbs, core::Lang lang);

/// Whether a point lies inside a (Multi)Polygon WKB, both in the same coordinate system. Throws
/// FatalError when the WKB cannot be read. Complexity: GEOS's point-in-polygon.
bool contains(const std::string& wkb, const model::MapPoint& p, core::Lang lang);

} // namespace maillage::geo
