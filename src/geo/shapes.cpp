#include "maillage/geo/shapes.hpp"

#include <algorithm>

#include "ogr_polygons.hpp"

namespace maillage::geo {

using core::Msg;

namespace {

void add_polygon(const OGRPolygon& polygon, Shape& shape) {
    auto add_ring = [&](const OGRLinearRing* ring) {
        if (!ring || ring->getNumPoints() < 3) return;
        std::vector<model::MapPoint> points;
        points.reserve(static_cast<std::size_t>(ring->getNumPoints()));
        for (int i = 0; i < ring->getNumPoints(); ++i) points.push_back({ring->getX(i), ring->getY(i)});
        shape.rings.push_back(std::move(points));
    };
    add_ring(polygon.getExteriorRing());
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) add_ring(polygon.getInteriorRing(i));
}

} // namespace

namespace detail {

Shape shape_of_geometry(const OGRGeometry& geometry, double tolerance) {
    std::unique_ptr<OGRGeometry> simple(tolerance > 0 ? geometry.SimplifyPreserveTopology(tolerance) : geometry.clone());
    if (!simple) simple.reset(geometry.clone());
    std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(simple.release()));
    Shape shape;
    if (!multi || wkbFlatten(multi->getGeometryType()) != wkbMultiPolygon) return shape;
    for (const auto* polygon : *multi->toMultiPolygon()) add_polygon(*polygon, shape);
    if (shape.rings.empty()) return shape;
    OGREnvelope box;
    geometry.getEnvelope(&box);
    shape.min_x = box.MinX;
    shape.min_y = box.MinY;
    shape.max_x = box.MaxX;
    shape.max_y = box.MaxY;
    if (const auto inside = detail::point_on_surface(geometry)) shape.inside = *inside;
    else shape.inside = {(box.MinX + box.MaxX) / 2, (box.MinY + box.MaxY) / 2};
    return shape;
}

Shape shape_of_simplified(const OGRGeometry* simplified, model::MapPoint min, model::MapPoint max, model::MapPoint inside) {
    Shape shape;
    if (!simplified || wkbFlatten(simplified->getGeometryType()) != wkbMultiPolygon) return shape;
    for (const auto* polygon : *simplified->toMultiPolygon()) add_polygon(*polygon, shape);
    if (shape.rings.empty()) return shape;
    shape.min_x = min.x;
    shape.min_y = min.y;
    shape.max_x = max.x;
    shape.max_y = max.y;
    shape.inside = inside;
    return shape;
}

} // namespace detail

Shape shape_of(const std::string& wkb, double tolerance, core::Lang lang) {
    if (wkb.empty()) return {};
    auto g = detail::from_wkb(wkb);
    if (!g) detail::fail("WKB", core::tr(lang, Msg::GeoBadGeometry, ""), lang);
    return detail::shape_of_geometry(*g, tolerance);
}

} // namespace maillage::geo
