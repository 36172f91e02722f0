// `maillage diagram` end to end on the example project (datasets/paca, ingested once into a
// temporary store): the SVG's structure (nodes, ties, palette, labels, legend), a PNG that is a
// real, non-blank picture, the people kept pseudonymous unless --people, and determinism.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "maillage/render/diagram.hpp"
#include "maillage/render/palette.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;

namespace {

using maillage::test::count;
using maillage::test::lower;
using maillage::test::slurp;
using maillage::test::TempDir;

const std::string binary = MAILLAGE_BINARY;
const std::string source_dir = MAILLAGE_SOURCE_DIR;

/// SVG text with Graphviz's character references turned back into characters ("&#45;" → "-").
std::string unescaped(std::string svg) {
    static const std::regex reference("&#([0-9]+);");
    std::string out;
    std::sregex_iterator it(svg.begin(), svg.end(), reference), end;
    std::size_t at = 0;
    for (; it != end; ++it) {
        out.append(svg, at, static_cast<std::size_t>(it->position()) - at);
        const int c = std::stoi((*it)[1].str());
        if (c < 128) out += static_cast<char>(c);
        else out += it->str(); // Graphviz writes other characters as UTF-8
        at = static_cast<std::size_t>(it->position() + it->length());
    }
    out.append(svg, at);
    return out;
}

class DiagramOnExample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = fs::temp_directory_path() / ("maillage_diagram_test_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        store = (dir / "paca.gpkg").string();
        const auto r = run(binary, {"ingest", "datasets/paca", "--into", store, "--quarantine", (dir / "q.csv").string()}, source_dir);
        ASSERT_EQ(r.exit_code, 1) << r.err; // the example's planted bad rows
    }
    static void TearDownTestSuite() { fs::remove_all(dir); }

    /// Draws Hautes-Alpes 2023 to `file` (in the temp folder) and returns the bytes.
    static std::string draw(const std::string& file, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"diagram", store, "--territory", "Hautes-Alpes", "--edition", "2023", "-o",
                                      (dir / file).string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = run(binary, args, source_dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(r.err, "");
        EXPECT_EQ(r.out, "");
        return slurp(dir / file);
    }

    static inline fs::path dir;
    static inline std::string store;
};

/// Every full name of the example's people, in both orders.
std::vector<std::string> person_names() {
    std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
    const auto planted = nlohmann::json::parse(in);
    std::vector<std::string> names;
    for (const auto& n : planted.at("person_names")) {
        const std::string first = n.at(0), last = n.at(1);
        names.push_back(first + " " + last);
        names.push_back(last + " " + first);
    }
    return names;
}

TEST_F(DiagramOnExample, SvgHasNodesTiesPaletteLegendAndLabels) {
    const auto svg = unescaped(draw("orgs.svg"));
    ASSERT_NE(svg.find("<svg"), std::string::npos);
    const auto nodes = count(svg, "<g id=\"node");
    const auto edges = count(svg, "<g id=\"edge");
    EXPECT_GE(nodes, 10u);
    EXPECT_GE(edges, nodes - 1); // a workshop network, not a scatter of isolates
    // The shared palette: the employment, training and local-authority families are all
    // present in a Hautes-Alpes edition, as node fills and in the legend.
    using maillage::render::TypeFamily;
    for (const auto f : {TypeFamily::Employment, TypeFamily::Training, TypeFamily::LocalAuthority})
        EXPECT_GE(count(svg, "fill=\"" + lower(std::string(maillage::render::colour(f))) + "\""), 2u) << maillage::render::key(f);
    // Title and the legend's explanation are real text.
    EXPECT_NE(svg.find("Hautes-Alpes, édition 2023"), std::string::npos);
    EXPECT_NE(svg.find("interconnaissance"), std::string::npos);
    EXPECT_NE(svg.find("taille : intermédiarité"), std::string::npos);
    // Every node carries its name as tooltip; the top brokers also as visible text.
    EXPECT_EQ(count(svg, "<a xlink:title=\"") >= nodes, true);
    const auto texts = count(svg, "<text");
    EXPECT_GE(texts, 10u); // title, caption, legend entries, broker labels
}

TEST_F(DiagramOnExample, SameInputSameBytes) {
    EXPECT_EQ(draw("a.svg"), draw("b.svg"));
}

TEST_F(DiagramOnExample, PngIsAPicture) {
    const auto png = draw("orgs.png");
    ASSERT_GE(png.size(), 5000u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    std::set<char> distinct(png.begin() + 100, png.end());
    EXPECT_GT(distinct.size(), 64u); // compressed, non-blank image data
}

TEST_F(DiagramOnExample, PdfAndDotToo) {
    EXPECT_EQ(draw("orgs.pdf").substr(0, 5), "%PDF-");
    const auto dot = draw("orgs.dot");
    EXPECT_NE(dot.find("graph network {"), std::string::npos);
    EXPECT_NE(dot.find("pos=\""), std::string::npos); // laid out
}

TEST_F(DiagramOnExample, PeopleArePseudonymousUnlessAsked) {
    const auto names = person_names();
    const auto hidden = unescaped(draw("people.svg", {"--scope", "people"}));
    ASSERT_GE(count(hidden, "<g id=\"node"), 10u);
    for (const auto& name : names) EXPECT_EQ(hidden.find(name), std::string::npos) << name;
    const auto shown = unescaped(draw("people_named.svg", {"--scope", "people", "--people"}));
    EXPECT_TRUE(std::any_of(names.begin(), names.end(), [&](const std::string& n) { return shown.find(n) != std::string::npos; }));
}

TEST_F(DiagramOnExample, MinWeightDropsLightTies) {
    const auto all = draw("all.svg");
    const auto strong = draw("strong.svg", {"--min-weight", "3"});
    EXPECT_LT(count(strong, "<g id=\"edge"), count(all, "<g id=\"edge"));
}

TEST_F(DiagramOnExample, DiffAgreesWithTheChangeMetrics) {
    // The diagram's caption counts the union of two editions' ties; `metrics --what change`
    // counts the same transition with its own code (metrics/change.cpp).
    const auto out = (dir / "diff.svg").string();
    const auto d = run(binary, {"diagram", store, "--territory", "Hautes-Alpes", "--diff", "2022", "2023", "-o", out}, source_dir);
    ASSERT_EQ(d.exit_code, 0) << d.err;
    const auto svg = unescaped(slurp(out));
    const auto m = run(binary, {"metrics", store, "--territory", "Hautes-Alpes", "--edition", "2023", "--what", "change",
                                "--format", "json"}, source_dir);
    ASSERT_EQ(m.exit_code, 0) << m.err;
    const auto json = nlohmann::json::parse(m.out);
    const nlohmann::json* organisations = nullptr;
    for (const auto& t : json.at("transitions"))
        if (t.at("network") == "organisations") organisations = &t;
    ASSERT_NE(organisations, nullptr);
    const std::string expected = std::to_string(organisations->at("new").get<int>()) + " liens nouveaux, " +
                                 std::to_string(organisations->at("persistent").get<int>()) + " persistants, " +
                                 std::to_string(organisations->at("faded").get<int>()) + " disparus";
    EXPECT_NE(svg.find(expected), std::string::npos) << expected;
    EXPECT_NE(svg.find("Hautes-Alpes, 2022 → 2023"), std::string::npos);
    EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos); // faded ties are dashed
}

TEST_F(DiagramOnExample, ClustersByTerritory) {
    const auto out = (dir / "clusters.svg").string();
    const auto r = run(binary, {"diagram", store, "--edition", "2022", "--cluster", "territory", "-o", out}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto svg = unescaped(slurp(out));
    // five départements held a 2022 edition (Alpes-Maritimes did not: datasets/paca/editions/06-*)
    EXPECT_EQ(count(svg, "class=\"cluster\""), 5u);
    EXPECT_EQ(svg.find(">Alpes-Maritimes</text>"), std::string::npos);
    for (const auto* name : {"Var", "Vaucluse", "Bouches-du-Rhône", "Hautes-Alpes", "Alpes-de-Haute-Provence"})
        EXPECT_NE(svg.find(std::string(">") + name + "</text>"), std::string::npos) << name;
}

TEST(DiagramUsage, DiffNeedsTwoYearsInOrder) {
    const std::string sheet = "datasets/paca/editions/05-hautes-alpes/2023-emargements.csv";
    for (const std::vector<std::string>& years : {std::vector<std::string>{"2023"}, {"2023", "2022"}, {"2022", "x"}}) {
        std::vector<std::string> args{"diagram", sheet, "-o", "x.svg", "--diff"};
        args.insert(args.end(), years.begin(), years.end());
        const auto r = run(binary, args, source_dir);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_NE(unfolded(r.err).find("--diff attend deux années différentes, la plus ancienne d'abord"), std::string::npos) << r.err;
    }
    const auto r = run(binary, {"diagram", sheet, "-o", "x.svg", "--cluster", "community", "--layout", "sfdp"}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("les regroupements (--cluster) ne sont dessinés que par le placement fdp"), std::string::npos) << r.err;
}

TEST(DiagramUsage, UnknownExtensionIsAUsageError) {
    const auto r = run(binary, {"diagram", "datasets/paca/editions/05-hautes-alpes/2023-emargements.csv", "-o", "x.jpg"}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("-o attend un fichier .svg, .png, .pdf ou .dot ; trouvé 'x.jpg'"), std::string::npos) << r.err;
}

TEST(DiagramUsage, BadMinWeightIsAUsageError) {
    const auto r = run(binary, {"diagram", "datasets/paca/editions/05-hautes-alpes/2023-emargements.csv", "-o", "x.svg",
                                "--min-weight", "-1"}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("--min-weight attend un nombre positif ou nul"), std::string::npos) << r.err;
}

// Names typed or pasted with control characters (ESC, BEL, VT), Graphviz escapes (\N, \G, \L)
// and markup already escaped once: the SVG, GEXF and GraphML stay well-formed XML, nothing is
// expanded, and the names read back as the sheet wrote them.
TEST(DiagramHostileNames, XmlStaysWellFormedAndNamesStayLiteral) {
    TempDir tmp;
    const std::string sheet = "tests/data/hostile/names_for_svg.csv";
    for (const std::string out : {"n.svg", "n.gexf", "n.graphml"}) {
        const std::string path = (tmp.path / out).string();
        const auto r = run(binary, {out == "n.svg" ? "diagram" : "export", sheet, "-o", path}, source_dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto lint = run("/usr/bin/xmllint", {"--noout", path}, source_dir);
        EXPECT_EQ(lint.exit_code, 0) << out << ": " << lint.err;
        const std::string text = slurp(path);
        EXPECT_EQ(text.find('\x1b'), std::string::npos) << out;
        EXPECT_EQ(text.find('\x07'), std::string::npos) << out;
        EXPECT_EQ(text.find("<script>"), std::string::npos) << out;
    }
    const std::string svg = slurp((tmp.path / "n.svg").string());
    // Graphviz would replace \N by the node's name and \G by the graph's: kept as written
    // (with a full-width reverse solidus, which Graphviz does not read as an escape)
    EXPECT_NE(svg.find("Mission locale \xEF\xBC\xBCN \xEF\xBC\xBCG \xEF\xBC\xBCL"), std::string::npos);
    // "&lt;b&gt;" as the sheet wrote it: escaped once more in the SVG, never turned into <b>
    EXPECT_NE(svg.find("Association &amp;lt;b&amp;gt;gras&amp;lt;/b&amp;gt; &amp; co"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
}

} // namespace
