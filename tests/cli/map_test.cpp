// `maillage map` on the example project (datasets/paca ingested into a store): the files a
// user gets (PNG size and content, SVG), the usage errors, and through the library call the
// report uses, each area's value against the advise and graph functions that define it.
#include <cmath>
#include <filesystem>
#include <set>

#include <cairo.h>
#include <gtest/gtest.h>

#include "input.hpp"
#include "maillage/geo/shapes.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/metrics/change.hpp"
#include "maillage/metrics/summary.hpp"
#include "maillage/render/territory_map.hpp"
#include "maillage/store/store.hpp"
#include "png.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using namespace maillage;
using maillage::test::decode;
using maillage::test::run;
using maillage::test::unfolded;
using maillage::test::slurp;

namespace {

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string binary = MAILLAGE_BINARY;

/// The example store, made once for the whole executable.
class MapOnExample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new fs::path(fs::temp_directory_path() / ("maillage_map_test_" + std::to_string(::getpid())));
        fs::create_directories(*dir);
        store = (*dir / "paca.gpkg").string();
        const auto r = run(binary, {"ingest", "datasets/paca", "--into", store, "--quarantine", (*dir / "q.csv").string()}, source_dir);
        ASSERT_EQ(r.exit_code, 1) << r.err; // the example carries bad rows on purpose
    }
    static void TearDownTestSuite() {
        fs::remove_all(*dir);
        delete dir;
    }
    static fs::path* dir;
    static std::string store;
};
fs::path* MapOnExample::dir = nullptr;
std::string MapOnExample::store;

/// The store and what the map and report commands read with it (cli::load_map_inputs).
struct Loaded : cli::MapInputs {
    model::Project project;
};

Loaded load(const std::string& store) {
    Loaded l;
    l.project = store::Store::open(store, false, core::Lang::Fr).load();
    static_cast<cli::MapInputs&>(l) = cli::load_map_inputs(l.project, core::Lang::Fr);
    return l;
}

} // namespace

TEST_F(MapOnExample, RegionPngByMobilisation) {
    const auto out = (*dir / "region.png").string();
    const auto r = run(binary, {"map", store, "-o", out}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto png = decode(slurp(out));
    EXPECT_EQ(png.width, 1400);
    EXPECT_EQ(png.height, 1000);
    EXPECT_GT(png.non_white, 1400 * 1000 / 5);
    for (const std::uint32_t family : {0x0072B2u, 0x009E73u, 0xE69F00u}) // palette.hpp: employment, training, local authorities
        EXPECT_TRUE(png.colours.count(family)) << std::hex << family;
}

TEST_F(MapOnExample, TerritorySvgAndPdfWithItsCommunes) {
    for (const std::string ext : {"svg", "pdf"}) {
        const auto out = (*dir / ("bdr." + ext)).string();
        const auto r = run(binary, {"map", store, "--territory", "Bouches-du-Rhône", "--indicator", "participants", "-o", out}, source_dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.err, "");
        const auto bytes = slurp(out);
        EXPECT_EQ(bytes.rfind(ext == "svg" ? "<?xml" : "%PDF", 0), 0u) << ext;
    }
}

TEST_F(MapOnExample, UsageErrorsExitTwo) {
    auto r = run(binary, {"map", store, "-o", (*dir / "x.dot").string()}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("-o attend un fichier .svg, .png ou .pdf ; trouvé"), std::string::npos) << r.err;
    r = run(binary, {"map", store, "-o", (*dir / "x.png").string(), "--classes", "9"}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("--classes attend un nombre entier de 1 à 7 ; trouvé '9'"), std::string::npos) << r.err;
    r = run(binary, {"map", store, "-o", (*dir / "x.png").string(), "--indicator", "beauty"}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_FALSE(fs::exists(*dir / "x.png"));
}

TEST_F(MapOnExample, RegionValuesAreAdviseMobilisationRates) {
    const auto l = load(store);
    render::MapRequest request;
    const auto map = render::territory_map(l.project, l.geography, l.layers, l.taxonomy, request, render::Format::Svg);
    ASSERT_EQ(map.areas.size(), 6u);
    for (std::size_t t = 0; t < map.areas.size(); ++t) {
        const auto u = advise::unmobilised(l.project, static_cast<model::Id>(t), l.taxonomy, l.geography);
        ASSERT_TRUE(map.areas[t].value) << map.areas[t].name;
        EXPECT_DOUBLE_EQ(*map.areas[t].value, u.overall.rate()) << map.areas[t].name;
    }
    const auto& d = map.drawing;
    EXPECT_GT(d.filled_markers, 100);
    EXPECT_GT(d.hollow_markers, 0);
    EXPECT_EQ(d.lines, 60);
    EXPECT_EQ(d.markers_outside, 0);
    EXPECT_EQ(d.labels_skipped, 0) << "every territory named";
    EXPECT_EQ(d.unknown_glyphs, 0);
    EXPECT_EQ(d.area_fill.size(), 6u);
    EXPECT_EQ(std::count(d.area_fill.begin(), d.area_fill.end(), "none"), 0);
    EXPECT_EQ(map.title, "Taux de mobilisation par territoire — toutes les éditions");
    // The same map through the report's entry point.
    EXPECT_EQ(render::region_map_svg(l.project, l.geography, l.layers, l.taxonomy, request), map.bytes);
}

TEST_F(MapOnExample, TerritoryByEpciCoversTheDepartementsEpci) {
    const auto l = load(store);
    const model::Id bdr = cli::find_territory(l.project, "Bouches-du-Rhône", core::Lang::Fr);
    render::MapRequest request;
    request.territory = bdr;
    request.indicator = render::MapIndicator::Participants;
    const auto map = render::territory_map(l.project, l.geography, l.layers, l.taxonomy, request, render::Format::Svg);
    // The four EPCI of département 13 in COG 2026 (datasets/france/france_communes.csv, distinct
    // epci_siren where code_departement = 13), by SIREN.
    std::vector<std::string> sirens;
    for (const auto& a : map.areas) sirens.push_back(a.code);
    EXPECT_EQ(sirens, (std::vector<std::string>{"200035087", "200054807", "241300375", "241300417"}));
    // People from each EPCI's organisations: together at most the territory's participants
    // (graph::build_network's count; people who came from no located organisation are in none).
    graph::Window w;
    w.territory = bdr;
    const auto all = graph::build_network(l.project, graph::Scope::People, request.level, w).people;
    double sum = 0;
    for (const auto& a : map.areas) sum += a.value.value_or(0);
    EXPECT_GT(sum, 0);
    EXPECT_LE(sum, static_cast<double>(all));
    EXPECT_EQ(map.drawing.context_shapes, 119) << "the 119 communes of the Bouches-du-Rhône (COG 2026)";
    EXPECT_EQ(map.drawing.markers_outside, 0);
    EXPECT_EQ(map.drawing.unknown_glyphs, 0);
}

TEST_F(MapOnExample, TerritoryByCommuneMobilisation) {
    const auto l = load(store);
    render::MapRequest request;
    request.territory = cli::find_territory(l.project, "Vaucluse", core::Lang::Fr);
    request.unit = render::MapUnit::Commune;
    const auto map = render::territory_map(l.project, l.geography, l.layers, l.taxonomy, request, render::Format::Png);
    EXPECT_EQ(map.areas.size(), 151u) << "the 151 communes of the Vaucluse (COG 2026)";
    // A commune's rate is advise's present/known over the registry entries and participating
    // organisations located there: any commune with a value has some organisation.
    std::int64_t with_value = 0;
    for (const auto& a : map.areas)
        if (a.value) {
            ++with_value;
            EXPECT_GE(*a.value, 0.0);
            EXPECT_LE(*a.value, 1.0);
        }
    EXPECT_GT(with_value, 3);
    EXPECT_LT(with_value, 151);
}

TEST_F(MapOnExample, RegionRetentionAndDensityAreTheMetricsOnes) {
    const auto l = load(store);
    render::MapRequest request;
    request.year = 2024;
    request.registry = false;
    request.ties = 0;
    for (const auto indicator : {render::MapIndicator::Retention, render::MapIndicator::Density}) {
        request.indicator = indicator;
        const auto map = render::territory_map(l.project, l.geography, l.layers, l.taxonomy, request, render::Format::Png);
        ASSERT_EQ(map.areas.size(), 6u);
        EXPECT_EQ(map.drawing.lines, 0);
        EXPECT_EQ(map.drawing.hollow_markers, 0);
        for (std::size_t t = 0; t < map.areas.size(); ++t) {
            graph::Window w;
            w.territory = static_cast<model::Id>(t);
            w.year = 2024;
            double expected = 0;
            if (indicator == render::MapIndicator::Retention) {
                const auto changes = metrics::edition_changes(l.project, request.level, w);
                ASSERT_EQ(changes.size(), 1u) << "one transition into 2024";
                expected = changes.front().people.presence.retention;
            } else {
                expected = metrics::graph_structure(
                               graph::build_network(l.project, graph::Scope::Organisations, request.level, w).graph)
                               .density;
            }
            ASSERT_TRUE(map.areas[t].value) << map.areas[t].name;
            EXPECT_DOUBLE_EQ(*map.areas[t].value, expected) << map.areas[t].name << " " << render::key(indicator);
            EXPECT_GT(expected, 0.0);
            EXPECT_LT(expected, 1.0);
        }
    }
}
