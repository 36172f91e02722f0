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

std::vector<MapFeature> read_layer(const std::string& path, const char* code, const char* name, const char* group,
                                   const char* population, double tolerance, core::Lang lang) {
    std::vector<MapFeature> out;
    detail::each_polygon(path, lang, [&](OGRFeature& f, OGRGeometry& g) {
        MapFeature feature;
        feature.code = f.GetFieldAsString(detail::field_or_fail(f, code, path, lang));
        feature.name = f.GetFieldAsString(detail::field_or_fail(f, name, path, lang));
        if (group) feature.group = f.GetFieldAsString(detail::field_or_fail(f, group, path, lang));
        feature.population = f.GetFieldAsInteger64(detail::field_or_fail(f, population, path, lang));
        feature.shape = shape_of_geometry(g, tolerance);
        feature.wkb = detail::to_wkb(g);
        out.push_back(std::move(feature));
    });
    std::sort(out.begin(), out.end(), [](const MapFeature& a, const MapFeature& b) { return a.code < b.code; });
    return out;
}

} // namespace

Shape shape_of(const std::string& wkb, double tolerance, core::Lang lang) {
    if (wkb.empty()) return {};
    auto g = detail::from_wkb(wkb);
    if (!g) detail::fail("WKB", core::tr(lang, Msg::GeoBadGeometry, ""), lang);
    return shape_of_geometry(*g, tolerance);
}

MapLayers load_map_layers(const std::string& folder, double tolerance, core::Lang lang) {
    MapLayers layers;
    layers.communes = read_layer(folder + "/geo/paca_communes.geojson", "code_insee", "nom", "epci_siren", "population",
                                 tolerance, lang);
    layers.epci = read_layer(folder + "/geo/paca_epci.geojson", "epci_siren", "nom", nullptr, "population_totale",
                             tolerance, lang);
    return layers;
}

} // namespace maillage::geo
