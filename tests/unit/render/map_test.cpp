// The Cairo/Pango map renderer on a spec written here: what it draws (its own drawing list:
// fills per class, markers, ties, legend entries, texts), stacked markers spread apart, French
// accents drawn with known glyphs, and the PNG's size and content read back with Cairo.
#include <cmath>
#include <set>
#include <string>

#include <cairo.h>
#include <gtest/gtest.h>

#include "maillage/core/error.hpp"
#include "maillage/render/map.hpp"

#include "../../cli/png.hpp"

using namespace maillage;
using maillage::test::decode;
using render::Format;
using render::MapSpec;

namespace {

geo::Shape square(double x, double y, double side) {
    geo::Shape s;
    s.rings.push_back({{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}});
    s.inside = {x + side / 2, y + side / 2};
    s.min_x = x;
    s.min_y = y;
    s.max_x = x + side;
    s.max_y = y + side;
    return s;
}

/// Four areas in a square (values 0.1, 0.2, 0.9, none), three organisations at one point, one
/// elsewhere, one hollow registry marker, two ties.
MapSpec spec() {
    MapSpec m;
    m.title = "Taux de mobilisation — Provence-Alpes-Côte d'Azur";
    m.subtitle = "Organisations venues / connues";
    m.indicator = "Taux de mobilisation";
    m.percent = true;
    m.method = render::Classification::Jenks;
    m.classes = 3;
    const double km = 1000;
    m.areas.push_back({"Hautes-Alpes", square(800 * km, 6300 * km, 50 * km), 0.1});
    m.areas.push_back({"Bouches-du-Rhône", square(850 * km, 6300 * km, 50 * km), 0.2});
    m.areas.push_back({"Var", square(800 * km, 6350 * km, 50 * km), 0.9});
    m.areas.push_back({"Vaucluse", square(850 * km, 6350 * km, 50 * km), std::nullopt});
    const model::MapPoint marseille{870 * km, 6320 * km};
    m.markers.push_back({marseille, render::TypeFamily::Employment, 12, false});
    m.markers.push_back({marseille, render::TypeFamily::Training, 3, false});
    m.markers.push_back({marseille, render::TypeFamily::Employment, 1, false});
    m.markers.push_back({{880 * km, 6370 * km}, render::TypeFamily::Economy, 5, false});
    m.markers.push_back({marseille, render::TypeFamily::SocialEconomy, 0, true});
    m.lines.push_back({0, 3, 4});
    m.lines.push_back({1, 3, 1});
    m.lines_legend = "Liens : les 2 plus forts";
    m.places.push_back({marseille, "Salon-de-Provence"});
    m.notes.push_back("Points : organisations venues.");
    m.credit = "IGN – Admin Express COG 2018";
    m.width = 900;
    m.height = 640;
    return m;
}

} // namespace

TEST(MapRenderer, DrawsEveryLayerAndRecordsIt) {
    render::MapDrawing d;
    const auto bytes = render::draw_map(spec(), Format::Png, &d);
    // Three values: at most two classes (one per two areas). Jenks: {0.1, 0.2} and {0.9}.
    EXPECT_EQ(d.breaks, (std::vector<double>{0.1, 0.2, 0.9}));
    // ColorBrewer Purples, 2 classes; the area without a value is hatched.
    EXPECT_EQ(d.area_fill, (std::vector<std::string>{"#dadaeb", "#dadaeb", "#9e9ac8", "none"}));
    EXPECT_EQ(d.filled_markers, 4);
    EXPECT_EQ(d.hollow_markers, 1);
    EXPECT_EQ(d.lines, 2);
    EXPECT_EQ(d.markers_outside, 0);
    EXPECT_TRUE(d.north_arrow);
    EXPECT_GT(d.scale_bar_metres, 0);
    // Legend: heading, method, 2 classes, no data, heading, 3 families, hollow, size note, 3 sizes, ties.
    ASSERT_EQ(d.legend.size(), 15u);
    EXPECT_EQ(d.legend[1].first, "Classes : seuils naturels de Jenks (2 classe(s))");
    EXPECT_EQ(d.legend[2], (std::pair<std::string, std::string>{"10 % – 20 %", "#dadaeb"}));
    EXPECT_EQ(d.legend[3], (std::pair<std::string, std::string>{"> 20 % – 90 %", "#9e9ac8"}));
    EXPECT_EQ(d.legend[4], (std::pair<std::string, std::string>{"Pas de donnée", "none"}));
    int families = 0;
    for (const auto& [text, colour] : d.legend)
        if (colour.size() == 7 && colour[0] == '#' && colour != "#dadaeb" && colour != "#9e9ac8")
            ++families;
    EXPECT_EQ(families, 3); // Employment, Training, Economy (the hollow one has its own entry)
    EXPECT_EQ(d.legend.back().second, "line");
    EXPECT_NE(std::find(d.legend.begin(), d.legend.end(), std::pair<std::string, std::string>{"Répertoire : jamais venue (cercle vide)", "hollow"}),
              d.legend.end());
}

TEST(MapRenderer, SpreadsMarkersSharingAPointApart) {
    render::MapDrawing d;
    render::draw_map(spec(), Format::Svg, &d);
    ASSERT_EQ(d.marker_at.size(), 5u);
    // Markers 0, 1, 2 and 4 share Marseille's point: no two drawn at the same place, all near it.
    const std::vector<std::size_t> stack = {0, 1, 2, 4};
    for (std::size_t i = 0; i < stack.size(); ++i)
        for (std::size_t j = i + 1; j < stack.size(); ++j) {
            const auto [xa, ya] = d.marker_at[stack[i]];
            const auto [xb, yb] = d.marker_at[stack[j]];
            const double gap = std::hypot(xa - xb, ya - yb);
            EXPECT_GT(gap, 4.0) << stack[i] << " " << stack[j];
            EXPECT_LT(gap, 25.0);
        }
}

TEST(MapRenderer, WritesFrenchAccentsWithKnownGlyphs) {
    render::MapDrawing d;
    render::draw_map(spec(), Format::Svg, &d);
    EXPECT_EQ(d.unknown_glyphs, 0);
    EXPECT_NE(std::find(d.texts.begin(), d.texts.end(), "Taux de mobilisation — Provence-Alpes-Côte d'Azur"), d.texts.end());
    EXPECT_NE(std::find(d.texts.begin(), d.texts.end(), "Bouches-du-Rhône"), d.texts.end());
    EXPECT_NE(std::find(d.texts.begin(), d.texts.end(), "IGN – Admin Express COG 2018"), d.texts.end());
    EXPECT_EQ(d.labels_skipped, 0);
}

TEST(MapRenderer, PngHasTheSizeAskedAndIsNotBlank) {
    const auto bytes = render::draw_map(spec(), Format::Png);
    ASSERT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    const auto png = decode(bytes);
    EXPECT_EQ(png.width, 900);
    EXPECT_EQ(png.height, 640);
    EXPECT_GT(png.non_white, 900 * 640 / 10);
    // The class colours are painted (Purples, 2 classes), as is the blue of the employment service.
    EXPECT_TRUE(png.colours.count(0xDADAEBu)) << "lightest class";
    EXPECT_TRUE(png.colours.count(0x9E9AC8u)) << "darkest class";
    EXPECT_TRUE(png.colours.count(0x0072B2u)) << "Employment family (render/palette)";
}

TEST(MapRenderer, IsDeterministicAndWritesSvgAndPdf) {
    EXPECT_EQ(render::draw_map(spec(), Format::Png), render::draw_map(spec(), Format::Png));
    const auto svg = render::draw_map(spec(), Format::Svg);
    EXPECT_EQ(svg, render::draw_map(spec(), Format::Svg));
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_EQ(render::draw_map(spec(), Format::Pdf).rfind("%PDF", 0), 0u);
}

TEST(MapRenderer, RefusesNothingToDrawAndDot) {
    auto empty = spec();
    empty.areas.clear();
    EXPECT_THROW(render::draw_map(empty, Format::Png), FatalError);
    EXPECT_THROW(render::draw_map(spec(), Format::Dot), FatalError);
}
