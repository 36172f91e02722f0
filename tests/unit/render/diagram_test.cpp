// The Graphviz adapter on small networks written here: formats, the palette, labels, tooltips,
// the size limit and its caption, a one-edition clique.
#include <string>

#include <gtest/gtest.h>

#include "maillage/core/error.hpp"
#include "maillage/model/taxonomy.hpp"
#include "maillage/render/diagram.hpp"
#include "maillage/render/palette.hpp"

using namespace maillage;
using render::DiagramOptions;
using render::Format;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

/// Organisations 0..n-1 of `types` (cycling), a path 0–1–…–(n-1) with weights 1, 2, 3, ….
struct Fixture {
    model::Project project;
    graph::Network network;
    DiagramOptions options;

    Fixture(std::int32_t n, std::vector<std::string> types) {
        network.scope = graph::Scope::Organisations;
        network.graph.node_count = n;
        for (std::int32_t v = 0; v < n; ++v) {
            model::Organisation o;
            o.name = "Org " + std::to_string(v);
            o.type = types[static_cast<std::size_t>(v) % types.size()];
            project.organisations.push_back(o);
            network.nodes.push_back(v);
            network.organisation.push_back(v);
            network.territory.push_back(model::no_id);
            network.internal_weight.push_back(0);
            options.names.push_back(o.name);
            if (v > 0) network.graph.edges.push_back({v - 1, v, static_cast<double>(v)});
        }
        options.title = "Essai";
    }
};

} // namespace

TEST(DiagramFormat, ComesFromTheExtension) {
    EXPECT_EQ(render::format_of("a/b.SVG"), Format::Svg);
    EXPECT_EQ(render::format_of("x.png"), Format::Png);
    EXPECT_EQ(render::format_of("x.pdf"), Format::Pdf);
    EXPECT_EQ(render::format_of("x.dot"), Format::Dot);
    EXPECT_EQ(render::format_of("x.jpg"), std::nullopt);
    EXPECT_EQ(render::format_of("svg"), std::nullopt);
    EXPECT_EQ(render::parse_layout("neato"), render::Layout::Neato);
    EXPECT_EQ(render::parse_layout("dot"), std::nullopt);
}

TEST(Diagram, PathWithTooltipsLabelsAndPalette) {
    Fixture f(6, {"mission_locale", "mission_locale", "association"});
    render::DiagramSummary s;
    const auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options, &s);
    EXPECT_EQ(count(svg, "<g id=\"node"), 6U);
    EXPECT_EQ(count(svg, "<g id=\"edge"), 5U);
    EXPECT_FALSE(s.pruned);
    // the shared palette: the employment family (mission_locale, 4 nodes) is blue, the social
    // economy (association) yellow, in the palette's legend order
    ASSERT_EQ(s.legend.size(), 2U);
    EXPECT_EQ(s.legend[0], (std::pair<std::string, std::string>{"Service public de l'emploi", "#0072B2"}));
    EXPECT_EQ(s.legend[1].second, "#F0E442");
    EXPECT_EQ(count(svg, "fill=\"#0072b2\""), 4U + 1U); // nodes + legend dot
    EXPECT_EQ(count(svg, "fill=\"#f0e442\""), 2U + 1U);
    // the tooltip names the organisation and its own type
    for (int v = 0; v < 6; ++v) EXPECT_NE(svg.find("xlink:title=\"Org " + std::to_string(v) + " — "), std::string::npos) << v;
    EXPECT_NE(svg.find("xlink:title=\"Org 2 — Association\""), std::string::npos);
    // the inner nodes of a path are articulation points: labelled, black outline
    EXPECT_NE(svg.find(">Org 2</text>"), std::string::npos);
    EXPECT_EQ(svg.find(">Org 0</text>"), std::string::npos); // an end of the path: no betweenness
}

TEST(Diagram, AboveTheLimitKeepsTheStrongestAndSaysSo) {
    Fixture f(8, {"cio"});
    f.options.max_nodes = 4;
    render::DiagramSummary s;
    const auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options, &s);
    EXPECT_TRUE(s.pruned);
    EXPECT_EQ(s.nodes, 4);
    EXPECT_EQ(count(svg, "<g id=\"node"), 4U);
    // strengths: 1, 3, 5, 7, 9, 11, 13, 7 → nodes 4, 5, 6 and 3 (7, tie with 7: lowest first)
    EXPECT_NE(svg.find("Org 6"), std::string::npos);
    EXPECT_EQ(svg.find("Org 7"), std::string::npos);
    EXPECT_NE(svg.find("Réseau réduit : les 4 nœuds les plus liés sur 8"), std::string::npos);
}

TEST(Diagram, AboveTheTieLimitKeepsTheHeaviestAndSaysSo) {
    Fixture f(8, {"cio"});
    f.options.max_edges = 3;
    render::DiagramSummary s;
    const auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options, &s);
    EXPECT_TRUE(s.pruned);
    EXPECT_EQ(s.edges, 3);
    // the ties kept are 4–5, 5–6, 6–7: nodes 0 to 3 would float alone, so they go too
    EXPECT_EQ(s.nodes, 4);
    EXPECT_NE(svg.find("Réseau réduit : les 4 nœuds les plus liés sur 8"), std::string::npos);
    EXPECT_NE(svg.find("Réseau réduit : les 3 liens les plus forts sur 7 (poids ≥ 5)"), std::string::npos);
}

TEST(Diagram, MinWeightAndCliqueAndOtherFormats) {
    Fixture f(5, {"cio", "cfa", "apec", "opco", "epci", "pij", "greta", "cress", ""});
    f.options.min_weight = 3;
    auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options);
    EXPECT_EQ(count(svg, "<g id=\"edge"), 2U); // weights 3 and 4

    f.network.graph.edges.clear();
    f.network.graph.complete = true; // one edition's connaissance
    f.options.min_weight = 0;
    svg = render::draw_network(f.network, f.project, Format::Svg, f.options);
    EXPECT_EQ(count(svg, "<g id=\"edge"), 10U);

    const auto png = render::draw_network(f.network, f.project, Format::Png, f.options);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(render::draw_network(f.network, f.project, Format::Pdf, f.options).substr(0, 5), "%PDF-");
}

TEST(Diagram, EveryFamilyHasItsColourAndUnknownIsGrey) {
    Fixture f(10, {"cio", "cfa", "apec", "opco", "epci", "ddets", "entreprise", "cress", ""});
    render::DiagramSummary s;
    render::draw_network(f.network, f.project, Format::Dot, f.options, &s);
    ASSERT_EQ(s.legend.size(), 8U); // the seven families and "type inconnu"
    EXPECT_EQ(s.legend[0], (std::pair<std::string, std::string>{"Service public de l'emploi", "#0072B2"})); // apec
    EXPECT_EQ(s.legend[3], (std::pair<std::string, std::string>{"Collectivités", "#E69F00"}));            // epci
    EXPECT_EQ(s.legend[4], (std::pair<std::string, std::string>{"État et autres organismes publics", "#CC79A7"})); // ddets
    EXPECT_EQ(s.legend[7], (std::pair<std::string, std::string>{"Type inconnu", "#BBBBBB"}));
}

TEST(Palette, FinerTypesTakeTheirSeedFamily) {
    EXPECT_EQ(render::family_of("conseil_departemental"), render::TypeFamily::LocalAuthority);
    EXPECT_EQ(render::family_of("cidff"), render::TypeFamily::SocialEconomy);
    EXPECT_EQ(render::family_of("afpa"), render::TypeFamily::Training);
    EXPECT_EQ(render::family_of("suio"), render::TypeFamily::Training);
    EXPECT_EQ(render::family_of(""), render::TypeFamily::Unknown);
    EXPECT_EQ(render::family_of("nonsense"), render::TypeFamily::Unknown);
    // every seed type of the default taxonomy has a family
    const auto taxonomy = model::Taxonomy::defaults();
    for (const auto& t : taxonomy.types())
        EXPECT_NE(render::family_of(t.key), render::TypeFamily::Unknown) << t.key;
    EXPECT_EQ(render::label(render::TypeFamily::Training, core::Lang::En), "Training and skills");
}

TEST(Diagram, EmptyNetworkIsRefused) {
    Fixture f(0, {"cio"});
    try {
        render::draw_network(f.network, f.project, Format::Svg, f.options);
        FAIL() << "no error";
    } catch (const FatalError& e) {
        EXPECT_STREQ(e.what(), "Rien à dessiner : ce réseau n'a aucun nœud (choisissez une autre édition, un autre niveau ou l'autre échelle)");
    }
}

TEST(Diagram, EnglishLegend) {
    Fixture f(3, {"mission_locale"});
    f.options.lang = core::Lang::En;
    render::DiagramSummary s;
    const auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options, &s);
    EXPECT_NE(svg.find("Colour: organisation type family"), std::string::npos);
    EXPECT_EQ(s.legend.at(0).first, "Public employment service");
}

TEST(Diagram, TieStyleSaysTheDeepestLevel) {
    Fixture f(4, {"cio"}); // path 0–1 (1), 1–2 (2), 2–3 (3) at connaissance
    f.network.level = graph::TieLevel::Connaissance;
    f.options.deeper[{1, 2}] = graph::TieLevel::Interconnaissance;
    f.options.deeper[{2, 3}] = graph::TieLevel::Reconnaissance;
    const auto dot = render::draw_network(f.network, f.project, Format::Dot, f.options);
    // one dotted tie (connaissance only), two solid ones; the reconnaissance one dark
    EXPECT_EQ(count(dot, "style=dotted"), 1U);
    EXPECT_NE(dot.find("#222222C0"), std::string::npos);
    EXPECT_NE(dot.find("#77777790"), std::string::npos);
    // the legend explains the three line styles, as text
    const auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options);
    EXPECT_NE(svg.find("connaissance seule (même édition)"), std::string::npos);
    EXPECT_NE(svg.find("reconnaissance (trio ou groupe de coopération partagé)"), std::string::npos);
    // without deeper ties, only the network's own level is in the legend
    f.options.deeper.clear();
    const auto plain = render::draw_network(f.network, f.project, Format::Svg, f.options);
    EXPECT_EQ(plain.find("reconnaissance (trio"), std::string::npos);
}

TEST(Diagram, ClustersAreDrawnByFdp) {
    Fixture f(6, {"cio"});
    f.options.cluster = {"Var", "Var", "Var", "Vaucluse", "Vaucluse", "Vaucluse"};
    f.options.layout = render::Layout::Fdp; // fdp crashed before the neato plugin was linked in
    render::DiagramSummary s;
    const auto svg = render::draw_network(f.network, f.project, Format::Svg, f.options, &s);
    EXPECT_EQ(s.clusters, 2);
    EXPECT_EQ(count(svg, "class=\"cluster\""), 2U);
    EXPECT_NE(svg.find(">Vaucluse</text>"), std::string::npos);
    EXPECT_EQ(count(svg, "<g id=\"node"), 6U);
}

TEST(DiagramDiff, UnionOfTwoEditions) {
    // before: organisations 10, 11, 12 with ties 10–11 (2) and 11–12 (1)
    // after:  organisations 11, 12, 13 with ties 11–12 (3) and 12–13 (1)
    graph::Network before, after;
    before.nodes = {10, 11, 12};
    before.organisation = before.nodes;
    before.territory = {0, 0, 0};
    before.graph.node_count = 3;
    before.graph.edges = {{0, 1, 2.0}, {1, 2, 1.0}};
    after.nodes = {11, 12, 13};
    after.organisation = after.nodes;
    after.territory = {0, 0, 0};
    after.graph.node_count = 3;
    after.graph.edges = {{0, 1, 3.0}, {1, 2, 1.0}};
    const auto d = render::diff_networks(before, after);
    ASSERT_EQ(d.network.nodes, (std::vector<model::Id>{10, 11, 12, 13}));
    EXPECT_EQ(d.node_presence, (std::vector<render::Presence>{render::Presence::Faded, render::Presence::Persistent,
                                                                render::Presence::Persistent, render::Presence::New}));
    ASSERT_EQ(d.network.graph.edges.size(), 3U);
    EXPECT_EQ(d.network.graph.edges[0].source, 0); // 10–11, faded, its earlier weight
    EXPECT_EQ(d.network.graph.edges[0].weight, 2.0);
    EXPECT_EQ(d.network.graph.edges[1].weight, 3.0); // 11–12, persistent, the later weight
    EXPECT_EQ(d.edge_presence, (std::vector<render::Presence>{render::Presence::Faded, render::Presence::Persistent,
                                                                render::Presence::New}));
}

TEST(DiagramDiff, NewPersistentAndFadedAreDrawnApart) {
    Fixture f(14, {"cio"});
    graph::Network before = f.network, after = f.network;
    before.graph.edges = {{0, 1, 1}, {1, 2, 1}};
    after.graph.edges = {{1, 2, 1}, {2, 3, 1}, {3, 4, 1}};
    auto d = render::diff_networks(before, after);
    d.before_year = 2019;
    d.after_year = 2022;
    const auto dot = render::draw_diff(d, f.project, Format::Dot, f.options);
    EXPECT_EQ(count(dot, "style=dashed"), 1U);   // 0–1 faded
    EXPECT_EQ(count(dot, "#000000D0"), 2U);      // 2–3, 3–4 new
    EXPECT_EQ(count(dot, "#99999990"), 1U);      // 1–2 persistent
    const auto svg = render::draw_diff(d, f.project, Format::Svg, f.options);
    EXPECT_NE(svg.find("2 liens nouveaux, 1 persistants, 1 disparus"), std::string::npos);
    EXPECT_NE(svg.find("venue en 2022 et pas en 2019"), std::string::npos);
}
