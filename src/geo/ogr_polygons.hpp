// What the geo sources share (private to src/geo): reading a vector file's polygons reprojected to
// Lambert-93, and WKB in and out of OGR geometries.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/geo/shapes.hpp"
#include "maillage/model/project.hpp"
#include "gdal_session.hpp"

namespace maillage::geo::detail {


using maillage::detail::DatasetCloser;

using core::Msg;

[[noreturn]] inline void fail(const std::string& path, const std::string& why, core::Lang lang) {
    throw FatalError(core::render_error(path, why, lang));
}

inline std::string to_wkb(const OGRGeometry& g) {
    std::string out(static_cast<std::size_t>(g.WkbSize()), '\0');
    g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(out.data()), wkbVariantIso);
    return out;
}

inline std::unique_ptr<OGRGeometry> from_wkb(const std::string& wkb) {
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                                          wkb.size()) != OGRERR_NONE)
        return nullptr;
    return std::unique_ptr<OGRGeometry>(g);
}

// Reads a layer's polygons, reprojected to EPSG:2154, calling fn(feature, multipolygon).
template <typename Fn> void each_polygon(const std::string& path, core::Lang lang, Fn&& fn) {
    maillage::detail::ensure_all_gdal_drivers(); // a file the user names, in any format
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::unique_ptr<GDALDataset, DatasetCloser> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    CPLPopErrorHandler();
    if (!ds || ds->GetLayerCount() == 0)
        fail(path, ds ? std::string(core::message(Msg::FileNoTable, lang))
                      : core::tr(lang, Msg::FileUnreadable, *CPLGetLastErrorMsg() != '\0' ? std::string(CPLGetLastErrorMsg()) : std::string(core::message(Msg::FileEmptyReason, lang))), lang);
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

inline int field_or_fail(OGRFeature& f, const std::string& field, const std::string& path, core::Lang lang) {
    const int i = f.GetFieldIndex(field.c_str());
    if (i < 0) {
        std::string fields;
        for (int k = 0; k < f.GetFieldCount(); ++k)
            fields += (k ? ", " : "") + std::string(f.GetFieldDefnRef(k)->GetNameRef());
        fail(path, core::tr(lang, Msg::GeoNoField, field, fields), lang);
    }
    return i;
}

/// A point inside `g` (GEOS PointOnSurface), or nullopt. Through the C API: GDAL 3.6's
/// OGRMultiSurface::PointOnSurface(OGRPoint*) fails whenever the point handed in is empty, as a
/// freshly made OGRPoint is, which left every commune's point at (0, 0).
inline std::optional<model::MapPoint> point_on_surface(const OGRGeometry& g) {
    OGRGeometryH h = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    if (!h) return std::nullopt;
    std::unique_ptr<OGRGeometry> p(OGRGeometry::FromHandle(h));
    if (p->IsEmpty() || wkbFlatten(p->getGeometryType()) != wkbPoint) return std::nullopt;
    return model::MapPoint{p->toPoint()->getX(), p->toPoint()->getY()};
}

/// The rings of a geometry, simplified at `tolerance` (its own units), with its box and a point
/// inside (shapes.cpp).
Shape shape_of_geometry(const OGRGeometry& geometry, double tolerance);

/// The same from an outline simplified beforehand (scripts/prepare-geography's map layers): its
/// rings, with the whole outline's box and point inside. Null or not a MultiPolygon: no shape,
/// as shape_of_geometry gives when the simplified outline is not one.
Shape shape_of_simplified(const OGRGeometry* simplified, model::MapPoint min, model::MapPoint max, model::MapPoint inside);

} // namespace maillage::geo::detail
