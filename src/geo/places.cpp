#include "maillage/geo/places.hpp"

#include <algorithm>
#include <memory>
#include <mutex>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "gdal_session.hpp"
#include "ogr_polygons.hpp"

namespace maillage::geo {

using detail::each_polygon;
using detail::fail;
using detail::field_or_fail;
using detail::from_wkb;
using detail::to_wkb;
using core::Msg;

std::vector<Outline> read_outlines(const std::string& path, const std::string& key_field,
                                   const std::string& code_field, core::Lang lang) {
    std::vector<Outline> out;
    each_polygon(path, lang, [&](OGRFeature& f, OGRGeometry& g) {
        Outline o;
        o.key = f.GetFieldAsString(field_or_fail(f, key_field, path, lang));
        if (!code_field.empty()) o.code = f.GetFieldAsString(field_or_fail(f, code_field, path, lang));
        o.wkb = to_wkb(g);
        out.push_back(std::move(o));
    });
    return out;
}

std::optional<model::MapPoint> to_lambert93(const model::MapPoint& lonlat) {
    maillage::detail::ensure_gdal();
    // One transformation for the process: building it costs more than using it.
    static const std::unique_ptr<OGRCoordinateTransformation> transform = [] {
        OGRSpatialReference wgs84, lambert93;
        wgs84.importFromEPSG(4326);
        lambert93.importFromEPSG(2154);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER); // lon, lat (deps-probe.md G5)
        lambert93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&wgs84, &lambert93));
    }();
    double x = lonlat.x, y = lonlat.y;
    if (!transform || !transform->Transform(1, &x, &y)) return std::nullopt;
    return model::MapPoint{x, y};
}

std::string union_of(const std::vector<std::string>& wkbs, core::Lang lang) {
    // UnionCascaded works on a MultiPolygon: gather every polygon of every input in one.
    OGRMultiPolygon all;
    for (const auto& wkb : wkbs) {
        auto g = from_wkb(wkb);
        if (!g) fail("WKB", core::tr(lang, Msg::GeoBadGeometry, ""), lang);
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g.release()));
        for (const auto* polygon : *multi->toMultiPolygon()) all.addGeometry(polygon);
    }
    std::unique_ptr<OGRGeometry> merged(all.UnionCascaded());
    if (!merged) fail("GEOS", core::tr(lang, Msg::GeoBadGeometry, CPLGetLastErrorMsg()), lang);
    std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(merged.release()));
    return to_wkb(*multi);
}

bool contains(const std::string& wkb, const model::MapPoint& p, core::Lang lang) {
    auto g = from_wkb(wkb);
    if (!g) fail("WKB", core::tr(lang, Msg::GeoBadGeometry, ""), lang);
    const OGRPoint point(p.x, p.y);
    return g->Contains(&point);
}

} // namespace maillage::geo
