// The map of a project on a hand-made project (not the example generator's): two territories,
// three organisations, a registry whose entries came here, came only elsewhere, or never came.
// Values are worked out by hand from docs/advise.md's definition of the mobilisation rate.
#include <cstring>

#include <gtest/gtest.h>

#include "maillage/core/error.hpp"
#include "maillage/render/territory_map.hpp"

using namespace maillage;

namespace {

/// A square Polygon as ISO WKB (little endian), EPSG:2154 metres.
std::string square_wkb(double x, double y, double side) {
    std::string w;
    auto u32 = [&](std::uint32_t v) { w.append(reinterpret_cast<const char*>(&v), 4); };
    auto f64 = [&](double v) { w.append(reinterpret_cast<const char*>(&v), 8); };
    w.push_back('\x01');
    u32(3); // Polygon
    u32(1);
    u32(5);
    const double pts[5][2] = {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
    for (const auto& p : pts) {
        f64(p[0]);
        f64(p[1]);
    }
    return w;
}

struct Fixture {
    model::Project project;
    advise::Geography geography;
    geo::MapLayers layers;
    model::Taxonomy taxonomy = model::Taxonomy::defaults();

    Fixture() {
        const double km = 1000;
        // Territory 0 "Nord" is commune 13001 (EPCI E0); territory 1 "Sud" is commune 83001 (E1).
        project.territories.push_back({"nord", "Nord", "13", square_wkb(850 * km, 6300 * km, 40 * km)});
        project.territories.push_back({"sud", "Sud", "83", square_wkb(890 * km, 6300 * km, 40 * km)});
        geography.communes = {{"13001", "Aix-en-Provence", "13", "E0", "Métropole", 140000},
                              {"83001", "Fréjus", "83", "E1", "CA Var", 50000}};
        geography.sort_communes();
        geography.territory_communes = {{"13001"}, {"83001"}};
        for (const auto& [code, name, epci, x] : {std::tuple{"13001", "Aix-en-Provence", "E0", 850.0},
                                                  std::tuple{"83001", "Fréjus", "E1", 890.0}}) {
            geo::MapFeature f;
            f.code = code;
            f.name = name;
            f.group = epci;
            f.wkb = square_wkb(x * km, 6300 * km, 40 * km);
            f.shape = geo::shape_of(f.wkb, 0, core::Lang::Fr);
            layers.communes.push_back(f);
            geo::MapFeature e = f;
            e.code = epci;
            e.group.clear();
            layers.epci.push_back(e);
        }
        project.editions = {{0, 2024}, {1, 2024}};
        project.sessions = {{0, "atelier a", "Atelier A", model::SessionKind::Workshop, "", std::nullopt},
                            {1, "atelier b", "Atelier B", model::SessionKind::Workshop, "", std::nullopt}};
        // o0 (Mission locale) and o2 (association) in 13001 come to Nord together; o1 (CIO) in
        // 83001 comes to Sud only.
        project.organisations = {{"ml", "Mission locale", "mission_locale", "13001", "", std::nullopt, std::nullopt},
                                 {"cio", "CIO", "cio", "83001", "", std::nullopt, std::nullopt},
                                 {"asso", "Association", "association", "13001", "", std::nullopt, std::nullopt}};
        project.people.resize(3);
        project.attendances = {{0, 0, 0, model::Role::Participant, model::no_id, 0},
                               {0, 2, 2, model::Role::Participant, model::no_id, 0},
                               {1, 1, 1, model::Role::Participant, model::no_id, 0}};
        // Nord's registry: the CIO (came only to Sud), an entreprise that never came, the Mission locale.
        project.registry.push_back({0, "CIO", "cio", "13001", "", "test", 1, "name", std::nullopt});
        project.registry.push_back({0, "Entreprise", "entreprise", "13001", "", "test", model::no_id, "", std::nullopt});
        project.registry.push_back({0, "Mission locale", "mission_locale", "13001", "", "test", 0, "name", std::nullopt});
    }
};

} // namespace

TEST(TerritoryMap, RegionMobilisationByHand) {
    Fixture f;
    render::MapRequest request;
    const auto map = render::territory_map(f.project, f.geography, f.layers, f.taxonomy, request, render::Format::Svg);
    ASSERT_EQ(map.areas.size(), 2u);
    // Nord: known = 3 registry entries (CIO, Entreprise, Mission locale) + the association that
    // came without one = 4; present = Mission locale + association = 2 → 0.5.
    EXPECT_EQ(map.areas[0].name, "Nord");
    EXPECT_DOUBLE_EQ(map.areas[0].value.value(), 0.5);
    // Sud: no registry; known = present = the CIO → 1.
    EXPECT_DOUBLE_EQ(map.areas[1].value.value(), 1.0);
    // Points: the three organisations; hollow: only the Entreprise (the CIO came, to Sud).
    EXPECT_EQ(map.drawing.filled_markers, 3);
    EXPECT_EQ(map.drawing.hollow_markers, 1);
    EXPECT_EQ(map.drawing.lines, 1) << "Mission locale – Association, the only interconnaissance tie";
    EXPECT_EQ(map.drawing.markers_outside, 0);
}

TEST(TerritoryMap, TerritoryShowsWhatNeverCameHere) {
    Fixture f;
    render::MapRequest request;
    request.territory = 0;
    request.indicator = render::MapIndicator::Organisations;
    const auto map = render::territory_map(f.project, f.geography, f.layers, f.taxonomy, request, render::Format::Png);
    ASSERT_EQ(map.areas.size(), 1u);
    EXPECT_EQ(map.areas[0].code, "E0");
    EXPECT_DOUBLE_EQ(map.areas[0].value.value(), 2.0) << "Mission locale and Association";
    EXPECT_EQ(map.drawing.filled_markers, 2);
    // Here the CIO never came: hollow, with the Entreprise.
    EXPECT_EQ(map.drawing.hollow_markers, 2);
    EXPECT_EQ(map.drawing.context_shapes, 1);
    EXPECT_EQ(map.title, "Organisations venues par EPCI — Nord, toutes les éditions");
}

TEST(TerritoryMap, LeavesOutOrganisationsOffTheMapAndSaysSo) {
    Fixture f;
    // The CIO now also comes to Nord: on Nord's map it lies outside the territory.
    f.project.sessions.push_back({0, "atelier c", "Atelier C", model::SessionKind::Workshop, "", std::nullopt});
    f.project.attendances.push_back({2, 1, 1, model::Role::Participant, model::no_id, 0});
    render::MapRequest request;
    request.territory = 0;
    request.registry = false;
    const auto map = render::territory_map(f.project, f.geography, f.layers, f.taxonomy, request, render::Format::Svg);
    EXPECT_EQ(map.drawing.filled_markers, 2);
    EXPECT_EQ(map.drawing.markers_outside, 0);
    EXPECT_NE(std::find(map.drawing.texts.begin(), map.drawing.texts.end(),
                        "Points : organisations venues (réseau des organisations, interconnaissance) à leur commune, "
                        "écartées en spirale quand plusieurs s'y trouvent. Situées hors de la carte, non dessinées : 1."),
              map.drawing.texts.end());
}

TEST(TerritoryMap, NoOutlineIsAnError) {
    Fixture f;
    for (auto& t : f.project.territories) t.outline.clear();
    EXPECT_THROW(render::territory_map(f.project, f.geography, f.layers, f.taxonomy, render::MapRequest{}, render::Format::Svg),
                 FatalError);
}
