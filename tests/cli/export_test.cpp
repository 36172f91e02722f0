// `maillage export` end to end on the example project (datasets/paca, ingested once into a
// temporary store), proven by reading every format back with another tool:
//  * GEXF 1.3 validates against the GEXF 1.3 RELAX NG grammar (xmllint, libxml2-utils);
//  * GEXF 1.2draft read by networkx 2.8.8 (Debian's; it reads no GEXF 1.3), GraphML read by
//    networkx and python-igraph: node and tie counts, weights and attributes equal to
//    `maillage metrics --format json`, and to what the tools compute from the topology they
//    read (degree, strength, networkx's betweenness);
//  * the editions as time: per year, the nodes and ties whose spells hold that year are those
//    of `maillage metrics --edition YEAR`;
//  * every GeoPackage layer read by ogrinfo/ogr2ogr (gdal-bin) with its feature count and SRS;
//  * the CSV tables read back through GDAL's CSV driver, RFC 4180 and --excel;
//  * the JSON valid against docs/exports.schema.json (python3-jsonschema).
// A missing tool makes a test fail (its exit code is not 0), never skip.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "maillage/metrics/node_columns.hpp"
#include "maillage/render/palette.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using maillage::test::count;
using maillage::test::run;
using maillage::test::unfolded;
using maillage::test::slurp;

namespace {

const std::string binary = MAILLAGE_BINARY;
const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string shared_dir = MAILLAGE_SHARED_DIR;
const std::string read_back = source_dir + "/tests/exchange/read_back.py";
const std::string python = "/usr/bin/python3"; // Debian's: python3-networkx, python3-igraph, python3-jsonschema

class ExportOnExample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("maillage_export_test_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        store = (dir / "paca.gpkg").string();
        const auto r = run(binary, {"ingest", "datasets/paca", "--into", store, "--quarantine", (dir / "q.csv").string()}, source_dir);
        ASSERT_EQ(r.exit_code, 1) << r.err; // the example's planted bad rows
    }
    static void TearDownTestSuite() { fs::remove_all(dir); }

    /// Exports the store to `file` (in the temp folder) with `extra` options; returns the path.
    static std::string exported(const std::string& file, std::vector<std::string> extra = {}) {
        const std::string path = (dir / file).string();
        std::vector<std::string> args{"export", store, "-o", path};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run(binary, args, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.err, "");
        EXPECT_EQ(r.out, "");
        return path;
    }

    /// `maillage metrics --format json` of a window: maillage's own figures.
    static json metrics(std::vector<std::string> window) {
        std::vector<std::string> args{"metrics", store, "--format", "json"};
        args.insert(args.end(), window.begin(), window.end());
        const auto r = run(binary, args, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    }

    /// What another tool reads (tests/exchange/read_back.py).
    static json tool(std::vector<std::string> args) {
        args.insert(args.begin(), read_back);
        const auto r = run(python, args, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.err, "");
        return r.exit_code == 0 ? json::parse(r.out) : json::object();
    }

    /// A layer of a GeoPackage or a CSV file as GDAL reads it: ogr2ogr to GeoJSON on stdout.
    static json ogr(const std::string& path, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"-f", "GeoJSON", "/vsistdout/", path};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run("/usr/bin/ogr2ogr", args, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.exit_code == 0 ? json::parse(r.out) : json::object();
    }

    static inline fs::path dir;
    static inline std::string store;
};

/// metrics' nodes by organisation name. The example has two organisations of the same name
/// ("OPCO Uniformation PACA": two identities, as a registry may hold), so a name can give
/// several candidates.
std::multimap<std::string, json> by_name(const json& metrics_doc) {
    std::multimap<std::string, json> out;
    for (const auto& n : metrics_doc.at("nodes")) out.emplace(n.at("organisation").get<std::string>(), n);
    return out;
}

/// Checks what a tool read of the Hautes-Alpes organisation network against `maillage metrics`.
void expect_same_network(const json& seen, const json& reference, const std::string& what) {
    SCOPED_TRACE(what + " read by " + seen.value("tool", std::string("?")));
    EXPECT_FALSE(seen.at("directed").get<bool>());
    const auto& nodes = seen.at("nodes");
    const auto& edges = seen.at("edges");
    EXPECT_EQ(nodes.size(), reference.at("figures").at("nodes").get<std::size_t>());
    EXPECT_EQ(edges.size(), reference.at("figures").at("ties").get<std::size_t>());
    const auto expected = by_name(reference);
    double strength_sum = 0, weight_sum = 0;
    for (const auto& e : edges) weight_sum += e.at("weight").get<double>();
    for (const auto& [id, n] : nodes.items()) {
        const std::string label = n.at("label");
        SCOPED_TRACE(id + " " + label);
        ASSERT_GE(expected.count(label), 1u);
        // Among the organisations of that name, the one of the same degree and strength.
        const auto [first, last] = expected.equal_range(label);
        auto it = first;
        for (auto c = first; c != last; ++c)
            if (c->second.at("degree") == n.at("degree") &&
                std::abs(c->second.at("strength").get<double>() - n.at("strength").get<double>()) < 1e-6)
                it = c;
        const auto& m = it->second;
        EXPECT_EQ(n.at("type").get<std::string>(), m.at("type").get<std::string>());
        EXPECT_EQ(n.at("degree").get<double>(), m.at("degree").get<double>());
        EXPECT_EQ(n.at("topology_degree").get<double>(), m.at("degree").get<double>());
        EXPECT_NEAR(n.at("strength").get<double>(), m.at("strength").get<double>(), 1e-6);
        EXPECT_NEAR(n.at("topology_strength").get<double>(), m.at("strength").get<double>(), 1e-6);
        EXPECT_NEAR(n.at("internal_weight").get<double>(), m.at("internal").get<double>(), 1e-6);
        EXPECT_NEAR(n.at("betweenness").get<double>(), m.at("betweenness").get<double>(), 1e-6); // metrics prints 6 places
        if (n.contains("reference_betweenness")) { // networkx.betweenness_centrality(G, weight=1/w, normalized=True)
            EXPECT_NEAR(n.at("betweenness").get<double>(), n.at("reference_betweenness").get<double>(), 1e-9);
        }
        EXPECT_EQ(n.at("coreness").get<double>(), m.at("core").get<double>());
        EXPECT_EQ(n.at("community").get<double>(), m.at("community").get<double>());
        // The shared palette: the colour of the type's family.
        const auto family = maillage::render::family_of(n.at("type").get<std::string>());
        EXPECT_EQ(n.at("colour").get<std::string>(), std::string(maillage::render::colour(family)));
        EXPECT_EQ(n.at("family").get<std::string>(), std::string(maillage::render::key(family)));
        strength_sum += n.at("strength").get<double>();
    }
    EXPECT_NEAR(weight_sum, strength_sum / 2, 1e-6); // every tie counted once, with its weight
}

TEST_F(ExportOnExample, Gexf13ValidatesAgainstTheRelaxNgGrammar) {
    const std::string grammar = shared_dir + "/schemas/gexf-1.3/gexf.rng";
    ASSERT_TRUE(fs::exists(grammar)) << grammar;
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
        {"all.gexf", {}},
        // one edition's connaissance between people: a complete graph, ties materialised
        {"people.gexf", {"--territory", "Hautes-Alpes", "--edition", "2023", "--scope", "people", "--level", "connaissance"}},
        {"geo.gexf", {"--positions", "geo", "--level", "reconnaissance", "--edition", "2024", "--cumulative"}},
    };
    for (const auto& [file, options] : cases) {
        SCOPED_TRACE(file);
        const auto path = exported(file, options);
        const auto r = run("/usr/bin/xmllint", {"--noout", "--relaxng", grammar, path}, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        const auto text = slurp(path);
        EXPECT_NE(text.find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos);
        EXPECT_NE(text.find("mode=\"dynamic\" timeformat=\"integer\""), std::string::npos);
        EXPECT_GT(count(text, "<spell "), 0u);
        EXPECT_GT(count(text, "<viz:position "), 0u);
    }
    // One edition's connaissance among people is a clique: n(n-1)/2 ties.
    const auto people = tool({"networkx-graphml", exported("people.graphml", cases[1].second)});
    const auto n = people.at("nodes").size();
    EXPECT_GT(n, 50u);
    EXPECT_EQ(people.at("edges").size(), n * (n - 1) / 2);
}

TEST_F(ExportOnExample, Gexf12ReadByNetworkxHasMaillagesFiguresAndSpells) {
    const auto path = exported("ha12.gexf", {"--territory", "Hautes-Alpes", "--gexf-version", "1.2"});
    EXPECT_NE(slurp(path).find("<gexf xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
    const auto seen = tool({"networkx-gexf", path, "--betweenness"});
    const auto reference = metrics({"--territory", "Hautes-Alpes", "--scope", "organisations"});
    expect_same_network(seen, reference, "GEXF 1.2draft");
    EXPECT_EQ(seen.at("graph").at("mode"), "dynamic");

    // Editions as time: the nodes and ties whose spells hold a year are those of that
    // edition's network as `maillage metrics --edition YEAR` counts them.
    auto holds = [](const json& spells, int year) {
        for (const auto& s : spells)
            if (s.at(0).get<int>() <= year && year <= s.at(1).get<int>()) return true;
        return false;
    };
    std::set<int> years;
    for (const auto& e : reference.at("network").at("editions")) years.insert(e.at("year").get<int>());
    ASSERT_GE(years.size(), 5u);
    for (int year : years) {
        SCOPED_TRACE(year);
        const auto that_year = metrics({"--territory", "Hautes-Alpes", "--scope", "organisations", "--edition", std::to_string(year)});
        std::size_t nodes = 0, ties = 0;
        for (const auto& [id, n] : seen.at("nodes").items()) nodes += holds(n.at("spells"), year) ? 1 : 0;
        for (const auto& e : seen.at("edges")) ties += holds(e.at("spells"), year) ? 1 : 0;
        EXPECT_EQ(nodes, that_year.at("figures").at("nodes").get<std::size_t>());
        EXPECT_EQ(ties, that_year.at("figures").at("ties").get<std::size_t>());
    }
    // viz: the palette colour as networkx reads it.
    const auto& o = seen.at("nodes").begin().value();
    const std::string hex = o.at("colour");
    EXPECT_EQ(o.at("viz").at("color").at("r").get<int>(), std::stoi(hex.substr(1, 2), nullptr, 16));
    EXPECT_EQ(o.at("viz").at("color").at("b").get<int>(), std::stoi(hex.substr(5, 2), nullptr, 16));
}

TEST_F(ExportOnExample, GraphmlReadByNetworkxAndIgraphHasMaillagesFigures) {
    const auto path = exported("ha.graphml", {"--territory", "Hautes-Alpes"});
    const auto reference = metrics({"--territory", "Hautes-Alpes", "--scope", "organisations"});
    const auto nx = tool({"networkx-graphml", path, "--betweenness"});
    const auto ig = tool({"igraph-graphml", path});
    expect_same_network(nx, reference, "GraphML");
    expect_same_network(ig, reference, "GraphML");
    // Typed keys: networkx gives int keys as integers and double keys as reals; igraph every
    // number as a real.
    const auto& n = nx.at("nodes").begin().value();
    EXPECT_TRUE(n.at("degree").is_number_integer());
    EXPECT_TRUE(n.at("betweenness").is_number_float());
    EXPECT_TRUE(n.at("x").is_number_float());
    EXPECT_TRUE(n.at("type").is_string());
    EXPECT_TRUE(ig.at("nodes").begin().value().at("degree").is_number_float());
    EXPECT_EQ(nx.at("graph").at("level"), "interconnaissance");
}

TEST_F(ExportOnExample, GeopackageLayersReadByOgrinfo) {
    const auto path = exported("map.gpkg");
    const auto reference = metrics({"--scope", "organisations"});
    // Expected counts, each from elsewhere than the export: the network from `metrics`, the
    // never-mobilised organisations from `unmobilised`, the EPCI from the COG.
    const auto u = run(binary, {"unmobilised", store, "--format", "json"}, source_dir);
    ASSERT_EQ(u.exit_code, 0) << u.err;
    const auto unmobilised = json::parse(u.out);
    std::size_t never_seen = 0;
    for (const auto& t : unmobilised.at("territories")) never_seen += t.at("figures").at("never_seen").get<std::size_t>();
    std::set<std::string> epci;
    {
        std::ifstream in(fs::path(source_dir) / "datasets/france/france_communes.csv");
        std::string line;
        std::getline(in, line); // code_insee,nom,code_departement,code_region,code_arrondissement,population,epci_siren,...
        while (std::getline(in, line)) {
            std::vector<std::string> f;
            std::stringstream ss(line);
            for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
            const std::set<std::string> paca = {"04", "05", "06", "13", "83", "84"};
            if (f.size() > 6 && paca.count(f[2]) && !f[6].empty()) epci.insert(f[6]);
        }
    }
    const std::map<std::string, std::size_t> counts = {
        {"organisations", reference.at("figures").at("nodes").get<std::size_t>()},
        {"ties", reference.at("figures").at("ties").get<std::size_t>()},
        {"territories", unmobilised.at("territories").size()},
        {"epci", epci.size()},
        {"never_mobilised", never_seen},
    };
    auto layers = [](const std::string& file) {
        const auto r = run("/usr/bin/ogrinfo", {"-so", "-al", file}, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        // Per layer: its feature count and the last EPSG code of its SRS (the CRS's own).
        std::map<std::string, std::pair<std::size_t, std::string>> out;
        static const std::regex name("^Layer name: (.*)$"), features("^Feature Count: ([0-9]+)$"),
            epsg("ID\\[\"EPSG\",([0-9]+)\\]\\]$");
        std::string layer;
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);) {
            std::smatch m;
            if (std::regex_search(line, m, name)) layer = m[1];
            else if (std::regex_search(line, m, features)) out[layer].first = std::stoul(m[1]);
            else if (std::regex_search(line, m, epsg)) out[layer].second = m[1];
        }
        return out;
    };
    const auto seen = layers(path);
    ASSERT_EQ(seen.size(), counts.size());
    for (const auto& [layer, n] : counts) {
        SCOPED_TRACE(layer);
        ASSERT_EQ(seen.count(layer), 1u);
        EXPECT_EQ(seen.at(layer).first, n);
        EXPECT_EQ(seen.at(layer).second, "2154");
    }
    EXPECT_GE(epci.size(), 40u); // PACA has about fifty EPCI

    // Territory indicators as GDAL reads them, against `metrics` and `unmobilised`.
    const auto territories = ogr(path, {"territories"});
    ASSERT_EQ(territories.at("features").size(), 6u);
    for (const auto& f : territories.at("features")) {
        const auto& p = f.at("properties");
        const std::string name = p.at("name");
        SCOPED_TRACE(name);
        EXPECT_EQ(f.at("geometry").at("type"), "MultiPolygon");
        const auto m = metrics({"--scope", "organisations", "--territory", name});
        EXPECT_EQ(p.at("participants").get<std::int64_t>(), m.at("figures").at("people").get<std::int64_t>());
        EXPECT_EQ(p.at("organisations").get<std::int64_t>(), m.at("figures").at("organisations").get<std::int64_t>());
        EXPECT_NEAR(p.at("density").get<double>(), m.at("figures").at("density").get<double>(), 1e-6);
        for (const auto& t : unmobilised.at("territories"))
            if (t.at("territory") == name) {
                EXPECT_EQ(p.at("population").get<std::int64_t>(), t.at("figures").at("population").get<std::int64_t>());
                EXPECT_NEAR(p.at("mobilisation").get<double>(), t.at("figures").at("mobilisation_rate").get<double>(), 1e-6);
            }
    }
    // Ties: their summed weight as SQLite sums it, against the strengths of `metrics`.
    {
        const auto r = run("/usr/bin/ogrinfo", {"-q", path, "-sql", "SELECT SUM(weight) AS total FROM ties"}, source_dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        std::smatch m;
        ASSERT_TRUE(std::regex_search(r.out, m, std::regex("total \\(Real\\) = ([0-9.]+)"))) << r.out;
        double strengths = 0;
        for (const auto& n : reference.at("nodes")) strengths += n.at("strength").get<double>();
        EXPECT_NEAR(std::stod(m[1]), strengths / 2, 1e-3);
    }

    // --srs EPSG:4326: reprojected by OGR, longitude first, inside Provence-Alpes-Côte d'Azur.
    const auto wgs84 = exported("paca4326.gpkg", {"--srs", "EPSG:4326"});
    for (const auto& [layer, info] : layers(wgs84)) EXPECT_EQ(info.second, "4326") << layer;
    const auto orgs = ogr(wgs84, {"organisations"});
    std::size_t placed = 0;
    for (const auto& f : orgs.at("features")) {
        if (f.at("geometry").is_null()) continue;
        const auto& c = f.at("geometry").at("coordinates");
        EXPECT_GT(c.at(0).get<double>(), 4.0);
        EXPECT_LT(c.at(0).get<double>(), 8.0);
        EXPECT_GT(c.at(1).get<double>(), 42.5);
        EXPECT_LT(c.at(1).get<double>(), 45.5);
        ++placed;
    }
    EXPECT_GT(placed, 200u);
}

TEST_F(ExportOnExample, CsvTablesRoundTripThroughGdal) {
    const auto json_path = exported("all.json");
    const auto doc = json::parse(slurp(json_path));
    exported("all.csv");
    exported("excel.csv", {"--excel"});
    ASSERT_TRUE(fs::exists(dir / "all-nodes.csv"));
    const std::string bom = "\xEF\xBB\xBF";
    EXPECT_NE(slurp(dir / "all-nodes.csv").rfind(bom, 0), 0u);
    EXPECT_EQ(slurp(dir / "excel-nodes.csv").rfind(bom, 0), 0u);

    auto number = [](std::string text) {
        std::replace(text.begin(), text.end(), ',', '.');
        return std::stod(text);
    };
    for (const bool excel : {false, true}) {
        SCOPED_TRACE(excel ? "excel" : "rfc4180");
        const std::string base = (dir / (excel ? "excel" : "all")).string();
        std::vector<std::string> options;
        if (excel) options = {"-oo", "SEPARATOR=SEMICOLON"};
        // GDAL reads every field as text unless told otherwise: compare texts with the JSON.
        auto nodes = options;
        nodes.insert(nodes.begin(), base + "-nodes.csv");
        const auto read_nodes = ogr(nodes[0], std::vector<std::string>(nodes.begin() + 1, nodes.end()));
        ASSERT_EQ(read_nodes.at("features").size(), doc.at("nodes").size());
        for (std::size_t i = 0; i < doc.at("nodes").size(); ++i) {
            const auto& want = doc.at("nodes").at(i);
            const auto& got = read_nodes.at("features").at(i).at("properties");
            EXPECT_EQ(got.at("id"), want.at("id")); // the BOM is not part of the first header
            EXPECT_EQ(got.at("label"), want.at("label"));
            EXPECT_EQ(got.at("type_label"), want.at("type_label"));
            EXPECT_EQ(got.at("organisation"), want.at("organisation"));
            EXPECT_EQ(got.at("degree").get<std::string>(), std::to_string(want.at("degree").get<std::int64_t>()));
            EXPECT_DOUBLE_EQ(number(got.at("betweenness")), want.at("betweenness").get<double>());
            EXPECT_DOUBLE_EQ(number(got.at("strength")), want.at("strength").get<double>());
            EXPECT_DOUBLE_EQ(number(got.at("x")), want.at("position").at("x").get<double>());
        }
        const auto read_edges = ogr(base + "-edges.csv", options);
        ASSERT_EQ(read_edges.at("features").size(), doc.at("edges").size());
        for (std::size_t i = 0; i < doc.at("edges").size(); ++i) {
            const auto& want = doc.at("edges").at(i);
            const auto& got = read_edges.at("features").at(i).at("properties");
            EXPECT_EQ(got.at("source"), want.at("source"));
            EXPECT_EQ(got.at("target"), want.at("target"));
            EXPECT_DOUBLE_EQ(number(got.at("weight")), want.at("weight").get<double>());
        }
        const auto read_indicators = ogr(base + "-indicators.csv", options);
        ASSERT_EQ(read_indicators.at("features").size(), doc.at("indicators").size());
        for (std::size_t i = 0; i < doc.at("indicators").size(); ++i) {
            const auto& want = doc.at("indicators").at(i);
            const auto& got = read_indicators.at("features").at(i).at("properties");
            EXPECT_EQ(got.at("participants").get<std::string>(), std::to_string(want.at("participants").get<std::int64_t>()));
            EXPECT_DOUBLE_EQ(number(got.at("density")), want.at("density").get<double>());
            EXPECT_DOUBLE_EQ(number(got.at("modularity")), want.at("modularity").get<double>());
        }
    }
    // The whole window's indicators are maillage's figures.
    const auto reference = metrics({"--scope", "organisations"});
    const auto& whole = doc.at("indicators").at(0);
    EXPECT_TRUE(whole.at("territory").is_null());
    EXPECT_EQ(whole.at("participants"), reference.at("figures").at("people"));
    EXPECT_EQ(whole.at("ties"), reference.at("figures").at("ties"));
    EXPECT_EQ(whole.at("communities"), reference.at("figures").at("communities"));
    EXPECT_NEAR(whole.at("modularity").get<double>(), reference.at("figures").at("modularity").get<double>(), 1e-6);
}

TEST_F(ExportOnExample, JsonIsValidAgainstItsSchema) {
    for (const auto& options : std::vector<std::vector<std::string>>{
             {}, {"--scope", "people", "--territory", "Var", "--edition", "2022", "--positions", "geo"}}) {
        const auto path = exported("doc.json", options);
        const auto seen = tool({"jsonschema", source_dir + "/docs/exports.schema.json", path});
        EXPECT_TRUE(seen.value("valid", false));
    }
}

// The schema holds every per-node figure declared for exports (metrics::node_columns), with the
// declared bounds, as required: a metric added there without its schema line fails here.
TEST(ExportSchema, HoldsEveryDeclaredFigure) {
    std::ifstream in(source_dir + "/docs/exports.schema.json");
    const auto schema = json::parse(in);
    const auto& node = schema.at("$defs").at("node");
    const auto& required = node.at("required");
    for (const auto& column : maillage::metrics::node_columns()) {
        if (!column.in(maillage::metrics::InExports)) continue;
        const std::string key(column.key);
        ASSERT_TRUE(node.at("properties").contains(key)) << key;
        const auto& p = node.at("properties").at(key);
        EXPECT_NE(std::find(required.begin(), required.end(), key), required.end()) << key;
        if (p.contains("minimum")) {
            EXPECT_EQ(p.at("minimum").get<double>(), column.minimum) << key;
        }
        EXPECT_EQ(p.contains("maximum"), column.maximum.has_value()) << key;
        if (column.maximum && p.contains("maximum")) {
            EXPECT_EQ(p.at("maximum").get<double>(), *column.maximum) << key;
        }
    }
}

TEST_F(ExportOnExample, PeopleArePseudonymousUnlessAsked) {
    std::vector<std::string> names;
    {
        std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
        const auto planted = json::parse(in);
        for (const auto& n : planted.at("person_names")) {
            const std::string first = n.at(0), last = n.at(1);
            names.push_back(first + " " + last);
            names.push_back(last + " " + first);
        }
    }
    ASSERT_FALSE(names.empty());
    const std::vector<std::string> window{"--scope", "people", "--territory", "Hautes-Alpes", "--edition", "2023"};
    auto found = [&](const std::string& text) {
        std::size_t n = 0;
        for (const auto& name : names) n += text.find(name) != std::string::npos ? 1 : 0;
        return n;
    };
    for (const std::string file : {"p.gexf", "p.graphml", "p.json", "p.csv"}) {
        SCOPED_TRACE(file);
        exported(file, window);
        const std::string text = file == "p.csv" ? slurp(dir / "p-nodes.csv") + slurp(dir / "p-edges.csv") : slurp(dir / file);
        EXPECT_EQ(found(text), 0u);
        auto named = window;
        named.push_back("--people");
        exported("named-" + file, named);
        const std::string shown = file == "p.csv" ? slurp(dir / "named-p-nodes.csv") : slurp(dir / ("named-" + file));
        EXPECT_GT(found(shown), 0u);
    }
}

TEST_F(ExportOnExample, SameInputSameFiles) {
    const auto a = slurp(exported("a.gexf", {"--territory", "Var"}));
    const auto b = slurp(exported("b.gexf", {"--territory", "Var"}));
    EXPECT_EQ(a, b);
}

TEST_F(ExportOnExample, UsageErrorsWriteNothing) {
    struct Case {
        std::string file;
        std::vector<std::string> options;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"net.txt", {}, "impossible de savoir quel format écrire dans"},
        {"people.gpkg", {"--scope", "people"}, "--scope people n'est pas possible"},
        {"srs.gpkg", {"--srs", "EPSG:99999999"}, "système de coordonnées inconnu 'EPSG:99999999'"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        std::vector<std::string> args{"export", store, "-o", (dir / c.file).string()};
        args.insert(args.end(), c.options.begin(), c.options.end());
        const auto r = run(binary, args, source_dir);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_NE(unfolded(r.err).find(c.message), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(dir / c.file));
    }
    // An output that is an input (the store itself) is refused: the store stays.
    {
        const auto before = slurp(store);
        const auto r = run(binary, {"export", store, "-o", store}, source_dir);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_NE(unfolded(r.err).find("qui est une entrée de la commande"), std::string::npos) << r.err;
        EXPECT_EQ(slurp(store), before);
    }
    // --format overrides the extension.
    const auto path = exported("net.txt", {"--format", "graphml"});
    EXPECT_NE(slurp(path).find("<graphml"), std::string::npos);
}

} // namespace
