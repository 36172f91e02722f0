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
#include "../gdal/gdal_session.hpp"

namespace maillage::geo {
namespace {

using detail::DatasetCloser;

using core::Msg;

[[noreturn]] void fail(const std::string& path, const std::string& why, core::Lang lang) {
    throw FatalError(core::render_error(path, why, lang));
}

std::string to_wkb(const OGRGeometry& g) {
    std::string out(static_cast<std::size_t>(g.WkbSize()), '\0');
    g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(out.data()), wkbVariantIso);
    return out;
}

std::unique_ptr<OGRGeometry> from_wkb(const std::string& wkb) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                                          wkb.size()) != OGRERR_NONE)
        return nullptr;
    return std::unique_ptr<OGRGeometry>(g);
}

// Reads a layer's polygons, reprojected to EPSG:2154, calling fn(feature, multipolygon).
template <typename Fn> void each_polygon(const std::string& path, core::Lang lang, Fn&& fn) {
    detail::ensure_gdal();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::unique_ptr<GDALDataset, DatasetCloser> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    CPLPopErrorHandler();
    if (!ds || ds->GetLayerCount() == 0)
        fail(path, ds ? std::string(core::message(Msg::FileNoTable, lang))
                      : core::tr(lang, Msg::FileUnreadable, CPLGetLastErrorMsg()), lang);
    OGRLayer* layer = ds->GetLayer(0);
    OGRSpatialReference lambert93;
    lambert93.importFromEPSG(2154);
    lambert93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference* source = layer->GetSpatialRef()) {
        auto src = std::unique_ptr<OGRSpatialReference>(source->Clone());
        src->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform.reset(OGRCreateCoordinateTransformation(src.get(), &lambert93));
    }
    for (auto& feature : *layer) {
        OGRGeometry* g = feature->GetGeometryRef();
        if (!g) continue;
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (transform && copy->transform(transform.get()) != OGRERR_NONE)
            fail(path, core::tr(lang, Msg::GeoTransformFailed, "EPSG:2154"), lang);
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(copy.release()));
        fn(*feature, *multi);
    }
}

int field_or_fail(OGRFeature& f, const std::string& field, const std::string& path, core::Lang lang) {
    const int i = f.GetFieldIndex(field.c_str());
    if (i < 0) {
        std::string fields;
        for (int k = 0; k < f.GetFieldCount(); ++k)
            fields += (k ? ", " : "") + std::string(f.GetFieldDefnRef(k)->GetNameRef());
        fail(path, core::tr(lang, Msg::GeoNoField, field, fields), lang);
    }
    return i;
}

} // namespace

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
    detail::ensure_gdal();
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

CommunePlaces CommunePlaces::load(const std::string& folder, core::Lang lang) {
    CommunePlaces places;
    each_polygon(folder + "/geo/paca_communes.geojson", lang, [&](OGRFeature& f, OGRGeometry& g) {
        Commune c;
        c.wkb = to_wkb(g);
        // OGRMultiPolygon::PointOnSurface fails (OGRERR_FAILURE) in GDAL 3.6, which left every
        // commune at (0, 0); the C API goes through GEOS and works on multipolygons.
        std::unique_ptr<OGRGeometry> inside(OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(&g))));
        if (inside && wkbFlatten(inside->getGeometryType()) == wkbPoint && !inside->IsEmpty())
            c.point = {inside->toPoint()->getX(), inside->toPoint()->getY()};
        c.epci = f.GetFieldAsString("epci_siren");
        places.m_communes.emplace(f.GetFieldAsString("code_insee"), std::move(c));
    });
    return places;
}

std::optional<model::MapPoint> CommunePlaces::point(const std::string& code) const {
    const auto it = m_communes.find(code);
    if (it == m_communes.end()) return std::nullopt;
    return it->second.point;
}

const std::string& CommunePlaces::outline(const std::string& code) const {
    static const std::string none;
    const auto it = m_communes.find(code);
    return it == m_communes.end() ? none : it->second.wkb;
}

std::vector<std::string> CommunePlaces::communes_of_epci(const std::string& siren) const {
    std::vector<std::string> codes;
    for (const auto& [code, c] : m_communes)
        if (c.epci == siren) codes.push_back(code);
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::string CommunePlaces::epci_of(const std::string& code) const {
    const auto it = m_communes.find(code);
    return it == m_communes.end() ? std::string() : it->second.epci;
}

} // namespace maillage::geo
