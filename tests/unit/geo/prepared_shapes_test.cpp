// The outlines datasets/france holds simplified for maps (scripts/prepare-geography's map_*
// layers) are what maillage would draw from the full outline: the same rings, box and point
// inside, to the last bit. A map that reads them draws the same picture as one that simplifies.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "maillage/core/lang.hpp"
#include "maillage/geo/france.hpp"

#include "../../../src/geo/ogr_polygons.hpp" // NOLINT: the geo library's private OGR helpers

using namespace maillage;

namespace {

const std::string folder = std::string(MAILLAGE_SOURCE_DIR) + "/datasets/france";
const std::string paca = folder + "/geo/regions/93.gpkg";

/// code → the shape maillage makes of the full outline of `layer` in PACA's file.
std::map<std::string, geo::Shape> computed(const char* layer, const char* key, double tolerance, bool inside_from_file) {
    maillage::detail::ensure_gdal();
    maillage::detail::DatasetPtr ds(GDALDataset::Open(paca.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_TRUE(ds);
    std::map<std::string, geo::Shape> out;
    if (!ds) return out;
    OGRLayer* l = ds->GetLayerByName(layer);
    EXPECT_NE(l, nullptr);
    for (auto& f : *l) {
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(f->GetGeometryRef()->clone()));
        auto shape = geo::detail::shape_of_geometry(*multi, tolerance);
        if (inside_from_file) shape.inside = {f->GetFieldAsDouble("x"), f->GetFieldAsDouble("y")};
        out.emplace(f->GetFieldAsString(key), std::move(shape));
    }
    return out;
}

void expect_same(const geo::Shape& a, const geo::Shape& b, const std::string& code) {
    ASSERT_EQ(a.rings.size(), b.rings.size()) << code;
    for (std::size_t r = 0; r < a.rings.size(); ++r) {
        ASSERT_EQ(a.rings[r].size(), b.rings[r].size()) << code << " ring " << r;
        for (std::size_t i = 0; i < a.rings[r].size(); ++i) ASSERT_EQ(a.rings[r][i], b.rings[r][i]) << code;
    }
    EXPECT_EQ(a.inside, b.inside) << code;
    EXPECT_EQ(a.min_x, b.min_x) << code;
    EXPECT_EQ(a.min_y, b.min_y) << code;
    EXPECT_EQ(a.max_x, b.max_x) << code;
    EXPECT_EQ(a.max_y, b.max_y) << code;
}

} // namespace

TEST(PreparedShapes, PacaHoldsThemAtTheMapsTolerances) {
    maillage::detail::ensure_gdal();
    maillage::detail::DatasetPtr ds(GDALDataset::Open(paca.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    for (const auto& [layer, tolerance] : {std::pair{"map_communes", 40.0}, {"map_epci", 40.0}, {"map_departements", 500.0}}) {
        OGRLayer* l = ds->GetLayerByName(layer);
        ASSERT_NE(l, nullptr) << layer;
        for (auto& f : *l) ASSERT_EQ(f->GetFieldAsDouble("tolerance"), tolerance) << layer;
    }
}

TEST(PreparedShapes, PacaCommunesAndEpciAreWhatMaillageWouldSimplify) {
    const auto layers = geo::load_map_layers(folder, {"04", "05", "06", "13", "83", "84"}, 40, core::Lang::En);
    const auto communes = computed("communes", "code_insee", 40, true);
    const auto epci = computed("epci", "epci_siren", 40, false);
    ASSERT_EQ(layers.communes.size(), 946u);
    for (const auto& c : layers.communes) expect_same(c.shape, communes.at(c.code), c.code);
    // an EPCI across a région border is read from PACA's file (the first of the two)
    std::size_t compared = 0;
    for (const auto& e : layers.epci)
        if (const auto it = epci.find(e.code); it != epci.end()) {
            expect_same(e.shape, it->second, e.code);
            ++compared;
        }
    EXPECT_EQ(compared, epci.size());
}

TEST(PreparedShapes, DepartementsBehindARegionMapAreWhatMaillageWouldSimplify) {
    const auto all = geo::load_departements(folder, 500, core::Lang::En);
    const auto paca_departements = computed("departements", "code_departement", 500, false);
    std::size_t compared = 0;
    for (const auto& d : all)
        if (const auto it = paca_departements.find(d.code); it != paca_departements.end()) {
            expect_same(d.shape, it->second, d.code);
            ++compared;
        }
    EXPECT_EQ(compared, 6u);
    EXPECT_EQ(all.size(), 101u);
}

TEST(PreparedShapes, AnotherToleranceIsSimplifiedHere) {
    // the files hold 40 m; asked 100 m, the outlines are simplified from the full ones
    const auto layers = geo::load_map_layers(folder, {"04"}, 100, core::Lang::En);
    const auto communes = computed("communes", "code_insee", 100, true);
    ASSERT_FALSE(layers.communes.empty());
    for (const auto& c : layers.communes) expect_same(c.shape, communes.at(c.code), c.code);
}
