// maillage anywhere in France: a hand-made project in Loire-Atlantique and Hérault (former
// commune codes included) placed, mapped by commune and EPCI and reported; one organisation in
// each of the 101 départements placed inside its département's outline (the shared IGN file,
// an independent source); La Réunion and Mayotte drawn in their own projections, and as insets
// of a map that also holds a metropolitan territory.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "input.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/geo/places.hpp"
#include "maillage/ingest/communes.hpp"
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
const std::string shared_dir = MAILLAGE_SHARED_DIR;
const std::string binary = MAILLAGE_BINARY;

fs::path scratch(const std::string& name) {
    auto dir = fs::temp_directory_path() / ("maillage_france_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

model::Project load_store(const std::string& store) { return store::Store::open(store, false, core::Lang::Fr).load(); }

} // namespace

TEST(France, TwoDepartementsOutsidePacaArePlacedMappedAndReported) {
    const auto dir = scratch("two");
    const auto store = (dir / "essai.gpkg").string();
    auto r = run(binary, {"ingest", "tests/data/france", "--into", store}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
    EXPECT_EQ(unfolded(r.err).find("inconnu"), std::string::npos) << r.err; // former codes resolve
    // The national directory stood for a registry, restricted to the two départements.
    EXPECT_NE(r.out.find("Annuaire national des organisations publiques (2019)"), std::string::npos) << r.out;

    const auto project = load_store(store);
    ASSERT_EQ(project.territories.size(), 3u);
    for (const auto& t : project.territories) EXPECT_FALSE(t.outline.empty()) << t.name; // a département's, the park's
    ASSERT_EQ(project.organisations.size(), 16u);
    std::map<std::string, std::string> commune_of;
    for (const auto& o : project.organisations) {
        EXPECT_TRUE(o.place) << o.name << " is not placed";
        commune_of[o.name] = o.commune;
    }
    EXPECT_EQ(commune_of["Espace France services Vair-sur-Loire"], "44163"); // 44004 Anetz
    EXPECT_EQ(commune_of["Mairie de Chaumes-en-Retz"], "44005");             // 44040 Chéméré
    EXPECT_EQ(commune_of["Mairie d'Entre-Vignes"], "34246");                 // 34330 Vérargues
    EXPECT_EQ(commune_of["Communauté de communes Grand Orb"], "34144");      // 34093 Dio-et-Valquières
    // Every registry entry belongs to one of the two territories, by its commune.
    ASSERT_FALSE(project.registry.empty());
    for (const auto& e : project.registry) {
        ASSERT_NE(e.territory, model::no_id) << e.name;
        const auto d = geo::departement_of_commune(e.commune);
        EXPECT_TRUE(d == "44" || d == "34" || d == "48" || d == "30") << e.name << " " << e.commune;
    }

    for (const std::string territory : {"Loire-Atlantique", "Hérault", "Parc national des Cévennes"}) {
        for (const std::string by : {"commune", "epci"}) {
            const auto out = (dir / (territory + "-" + by + ".png")).string();
            r = run(binary, {"map", store, "--territory", territory, "--by", by, "--indicator", "participants", "-o", out},
                    source_dir);
            ASSERT_EQ(r.exit_code, 0) << territory << " " << by << ": " << r.err;
            const auto png = decode(slurp(out));
            EXPECT_EQ(png.width, 1400);
            EXPECT_GT(png.non_white, 1400 * 1000 / 6) << territory << " " << by;
        }
    }
    // Through the library call the map command makes: every organisation of the territory
    // drawn, none outside; the areas are the département's communes (Loire-Atlantique: 207).
    const auto inputs = cli::load_map_inputs(project, core::Lang::Fr);
    render::MapRequest request;
    request.indicator = render::MapIndicator::Participants;
    request.unit = render::MapUnit::Commune;
    request.registry = false;
    request.territory = cli::find_territory(project, "Loire-Atlantique", core::Lang::Fr);
    const auto map = render::territory_map(project, inputs.geography, inputs.layers, inputs.taxonomy, request,
                                           render::Format::Svg);
    EXPECT_EQ(map.areas.size(), 207u);
    EXPECT_EQ(map.drawing.filled_markers, 7);
    EXPECT_EQ(map.drawing.markers_outside, 0);
    request.unit = render::MapUnit::Epci;
    const auto by_epci = render::territory_map(project, inputs.geography, inputs.layers, inputs.taxonomy, request,
                                               render::Format::Svg);
    EXPECT_GE(by_epci.areas.size(), 15u);
    EXPECT_LE(by_epci.areas.size(), 20u);
    // The park: its ten communes (a former one among them), found inside its outline.
    request.territory = cli::find_territory(project, "Parc national des Cévennes", core::Lang::Fr);
    request.unit = render::MapUnit::Commune;
    const auto park = render::territory_map(project, inputs.geography, inputs.layers, inputs.taxonomy, request,
                                            render::Format::Svg);
    std::set<std::string> park_communes;
    for (const auto& a : park.areas) park_communes.insert(a.code);
    EXPECT_EQ(park_communes, (std::set<std::string>{"30130", "30269", "30339", "48019", "48020", "48061", "48096",
                                                    "48116", "48166", "48194"}));
    EXPECT_EQ(park.drawing.filled_markers, 4);

    const auto report = (dir / "rapport.html").string();
    r = run(binary, {"report", store, "--all", "-o", report}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto html = slurp(report);
    std::size_t svgs = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
    EXPECT_GE(svgs, 3u) << "the region map and one map per territory";
    EXPECT_EQ(html.find("Aucune commune connue"), std::string::npos);
    fs::remove_all(dir);
}

TEST(France, AnOutlineFileWithoutATerritoryOfTheSheetsIsSaid) {
    const auto dir = scratch("outlines");
    const auto outlines = source_dir + "/datasets/france/geo/paca_departements.geojson";
    const auto r = run(binary, {"ingest", "tests/data/france", "--into", (dir / "s.gpkg").string(), "--territories",
                                outlines, "--key", "nom"},
                       source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const std::string territory : {"Loire-Atlantique", "Hérault"}) {
        const auto at = unfolded(r.err).find("« " + territory + " »");
        ASSERT_NE(at, std::string::npos) << r.err;
        const auto line_start = r.err.rfind('\n', at) + 1;
        EXPECT_EQ(r.err.compare(line_start, outlines.size(), outlines), 0) << r.err; // the file is named
    }
    EXPECT_NE(unfolded(r.err).find("contour du département « Loire-Atlantique » pris dans les données fournies"), std::string::npos)
        << r.err;
    fs::remove_all(dir);
}

TEST(France, OneOrganisationInEachDepartementFallsInsideItsOutline) {
    const auto dir = scratch("departements");
    const auto data = ingest::reference_data_folder();
    const auto departements = geo::Departements::load(data, core::Lang::Fr);
    // The chef-lieu of each of the 101 départements (departements.csv), from its own sheet row.
    std::ifstream csv(data + "/departements.csv");
    std::string line;
    std::getline(csv, line);
    std::ofstream sheet(dir / "france.csv");
    sheet << "Territoire,Année,Séance,Nom,Prénom,Structure,Type de structure,Code INSEE\n";
    std::map<std::string, std::string> departement_of_org;
    while (std::getline(csv, line)) {
        // code_departement,nom,code_region,nom_region,chef_lieu,zone
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t at; (at = line.find(',', start)) != std::string::npos; start = at + 1) f.push_back(line.substr(start, at - start));
        f.push_back(line.substr(start));
        if (f.size() < 6 || f[5] == "com") continue;
        const std::string org = "Préfecture " + f[0];
        sheet << "France,2025,Plénière,Nom" << f[0] << ",Prénom," << org << ",Services de l'Etat," << f[4] << "\n";
        departement_of_org[org] = f[0];
    }
    sheet.close();
    ASSERT_EQ(departement_of_org.size(), 101u);
    const auto store = (dir / "s.gpkg").string();
    const auto r = run(binary, {"ingest", (dir / "france.csv").string(), "--into", store}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto project = load_store(store);
    // The outlines of the départements: IGN Admin Express COG 2018, not the files maillage ships.
    std::map<std::string, std::string> outline;
    for (auto& o : geo::read_outlines(shared_dir + "/data/france/geo/france_departements.geojson", "code", "", core::Lang::Fr))
        outline[o.key] = std::move(o.wkb);
    ASSERT_EQ(outline.size(), 101u);
    std::set<std::string> checked;
    for (const auto& o : project.organisations) {
        const auto it = departement_of_org.find(o.name);
        ASSERT_NE(it, departement_of_org.end()) << o.name;
        ASSERT_TRUE(o.place) << o.name;
        ASSERT_TRUE(outline.count(it->second)) << it->second;
        EXPECT_TRUE(geo::contains(outline[it->second], *o.place, core::Lang::Fr))
            << o.name << " placed at " << o.place->x << ", " << o.place->y << " outside its département";
        checked.insert(it->second);
    }
    EXPECT_EQ(checked.size(), 101u);
    fs::remove_all(dir);
}

TEST(France, ReunionAndMayotteAreDrawnInTheirOwnProjections) {
    const auto dir = scratch("overseas");
    std::ofstream sheet(dir / "outre-mer.csv");
    sheet << "Territoire,Année,Séance,Nom,Prénom,Structure,Type de structure,Code INSEE\n"
             "La Réunion,2025,Plénière,Payet,Julie,Mission locale Nord,ML,97411\n"
             "La Réunion,2025,Plénière,Hoarau,Eric,CIO Saint-Pierre,CIO,97416\n"
             "La Réunion,2025,Plénière,Grondin,Anne,Mairie de Saint-Paul,Mairie,97415\n"
             "Mayotte,2025,Plénière,Madi,Ali,Mission locale de Mayotte,ML,97611\n"
             "Mayotte,2025,Plénière,Said,Fatima,Mairie de Dembeni,Mairie,97607\n"
             "Loire-Atlantique,2025,Plénière,Guérin,Maëlle,Mission locale Nantes Métropole,ML,44109\n";
    sheet.close();
    const auto store = (dir / "s.gpkg").string();
    const auto r = run(binary, {"ingest", (dir / "outre-mer.csv").string(), "--into", store}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto project = load_store(store);
    const auto inputs = cli::load_map_inputs(project, core::Lang::Fr, true);
    // The communes are read in their own projection: UTM 40 south (La Réunion), 38 south (Mayotte).
    std::map<int, int> by_epsg;
    for (const auto& f : inputs.layers.communes) {
        ++by_epsg[f.epsg];
        if (f.epsg == 2975) {
            EXPECT_GT(f.shape.min_x, 300000);
            EXPECT_LT(f.shape.max_x, 390000);
            EXPECT_GT(f.shape.min_y, 7630000);
            EXPECT_LT(f.shape.max_y, 7700000);
        } else if (f.epsg == 4471) {
            EXPECT_GT(f.shape.min_x, 490000);
            EXPECT_LT(f.shape.max_x, 540000);
            EXPECT_GT(f.shape.min_y, 8560000);
            EXPECT_LT(f.shape.max_y, 8620000);
        }
    }
    EXPECT_EQ(by_epsg[2975], 24); // the 24 communes of La Réunion
    EXPECT_EQ(by_epsg[4471], 17); // the 17 of Mayotte
    render::MapRequest request;
    request.indicator = render::MapIndicator::Participants;
    request.registry = false;
    for (const std::string name : {"La Réunion", "Mayotte"}) {
        request.territory = cli::find_territory(project, name, core::Lang::Fr);
        request.unit = render::MapUnit::Commune;
        const auto map = render::territory_map(project, inputs.geography, inputs.layers, inputs.taxonomy, request,
                                               render::Format::Png);
        EXPECT_EQ(map.areas.size(), name == "Mayotte" ? 17u : 24u);
        EXPECT_EQ(map.drawing.filled_markers, name == "Mayotte" ? 2 : 3) << name;
        EXPECT_EQ(map.drawing.markers_outside, 0) << name;
        // A scale bar of a few kilometres: the island fills the map, not a speck off Lambert-93.
        EXPECT_GT(map.drawing.scale_bar_metres, 1000) << name;
        EXPECT_LT(map.drawing.scale_bar_metres, 30000) << name;
        std::ofstream(dir / (name + ".png"), std::ios::binary) << map.bytes;
    }
    // The region map: Loire-Atlantique in Lambert-93, the two islands as insets beside it.
    request.territory.reset();
    const auto region = render::territory_map(project, inputs.geography, inputs.layers, inputs.taxonomy, request,
                                              render::Format::Png);
    EXPECT_EQ(region.areas.size(), 3u);
    EXPECT_EQ(region.drawing.background_shapes, 96); // metropolitan France's départements, under Loire-Atlantique
    EXPECT_EQ(region.drawing.filled_markers, 6);
    EXPECT_EQ(region.drawing.markers_outside, 0);
    bool noted = false;
    for (const auto& t : region.drawing.texts) noted |= t.find("En encart, à une autre échelle : La Réunion, Mayotte") != std::string::npos;
    EXPECT_TRUE(noted);
    std::ofstream(dir / "region.png", std::ios::binary) << region.bytes;
    if (!std::getenv("MAILLAGE_KEEP")) fs::remove_all(dir);
}
