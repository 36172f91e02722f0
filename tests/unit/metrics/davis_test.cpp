// Davis, Gardner & Gardner's "Southern Women" (1941): 18 women at 14 social events, read from
// ../shared/data/davis with ingest::load_project, against networkx run once by hand.
//
// Reference: networkx 2.8.8 (Debian 12 python3-networkx 2.8.8-1, scipy 1.10.1), script
//   rows = csv.DictReader(open('davis_attendance.csv')); women, events in order of first
//   appearance; B = nx.Graph(); B.add_nodes_from(women, bipartite=0);
//   B.add_nodes_from(events, bipartite=1); B.add_edges_from((r['woman'], r['event']) ...)
//   P = bipartite.weighted_projected_graph(B, women)
// Every Davis event is a workshop of one edition, so interconnaissance = shared events and
// maillage's people network is P.
#include <cmath>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "maillage/graph/network.hpp"
#include "maillage/ingest/load.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/summary.hpp"
#include "maillage/metrics/two_mode.hpp"

using namespace maillage;

namespace {

struct Davis {
    model::Project project;
    std::vector<std::string> name; ///< person id → name
};

const Davis& davis() {
    static const Davis d = [] {
        ingest::LoadOptions o;
        o.mapping = {{ingest::Field::Person, "woman"}, {ingest::Field::Session, "event"}, {ingest::Field::Date, ""}};
        core::Diagnostics diagnostics;
        Davis out;
        out.project = ingest::load_project({std::string(MAILLAGE_SHARED_DIR) + "/data/davis/davis_attendance.csv"}, o,
                                           core::Lang::Fr, diagnostics);
        out.name.resize(out.project.people.size());
        for (const auto& i : out.project.identities)
            if (out.name[static_cast<std::size_t>(i.person)].empty()) // the "woman" column: an identifier
                out.name[static_cast<std::size_t>(i.person)] = i.value;
        return out;
    }();
    return d;
}

struct WomanRef {
    const char* name;
    double strength;
    double eigenvector;
};
const WomanRef women[] = {
    {"Evelyn Jefferson", 50, 0.31851958627180682},
    {"Laura Mandeville", 45, 0.30040732541710263},
    {"Theresa Anderson", 57, 0.35355446910817845},
    {"Brenda Rogers", 46, 0.30424437911631363},
    {"Charlotte McDowd", 24, 0.17419291084161043},
    {"Frances Anderson", 32, 0.21795638782602966},
    {"Eleanor Nye", 36, 0.23903739611214644},
    {"Pearl Oglethorpe", 31, 0.1940109371246673},
    {"Ruth DeSand", 40, 0.24851046960464293},
    {"Verne Sanderson", 38, 0.23070007057274719},
    {"Myra Liddel", 33, 0.19772714670593172},
    {"Katherina Rogers", 37, 0.22197512876528441},
    {"Sylvia Avondale", 46, 0.27287789126732165},
    {"Nora Fayette", 43, 0.25327384844716178},
    {"Helen Lloyd", 34, 0.2069408140379386},
    {"Dorothy Murchison", 24, 0.14601310945984833},
    {"Olivia Carleton", 14, 0.077475017270903598},
    {"Flora Price", 14, 0.077475017270903598},
};

struct TwoModeRef {
    const char* name;
    double degree, closeness, betweenness;
};
// bipartite.degree_centrality(B, women), bipartite.closeness_centrality(B, women),
// bipartite.betweenness_centrality(B, women)
const TwoModeRef two_mode[] = {
    {"Evelyn Jefferson", 0.5714285714285714, 0.80000000000000004, 0.096584721080292674},
    {"Laura Mandeville", 0.5, 0.72727272727272729, 0.051357613268725358},
    {"Theresa Anderson", 0.5714285714285714, 0.80000000000000004, 0.087594685479446766},
    {"Brenda Rogers", 0.5, 0.72727272727272729, 0.049486599816007198},
    {"Charlotte McDowd", 0.2857142857142857, 0.59999999999999998, 0.010596096282664414},
    {"Frances Anderson", 0.2857142857142857, 0.66666666666666663, 0.010714342869605979},
    {"Eleanor Nye", 0.2857142857142857, 0.66666666666666663, 0.0094441233447302795},
    {"Pearl Oglethorpe", 0.21428571428571427, 0.66666666666666663, 0.0068003233340138067},
    {"Ruth DeSand", 0.2857142857142857, 0.70588235294117652, 0.016783108139791406},
    {"Verne Sanderson", 0.2857142857142857, 0.70588235294117652, 0.015737665757646964},
    {"Myra Liddel", 0.2857142857142857, 0.68571428571428572, 0.016344348365012629},
    {"Katherina Rogers", 0.42857142857142855, 0.72727272727272729, 0.047362754029819688},
    {"Sylvia Avondale", 0.5, 0.77419354838709675, 0.071709145085018286},
    {"Nora Fayette", 0.5714285714285714, 0.80000000000000004, 0.11346136204298476},
    {"Helen Lloyd", 0.3571428571428571, 0.72727272727272729, 0.042387540064348271},
    {"Dorothy Murchison", 0.14285714285714285, 0.64864864864864868, 0.0019535268594996565},
    {"Olivia Carleton", 0.14285714285714285, 0.58536585365853655, 0.0050545052362633326},
    {"Flora Price", 0.14285714285714285, 0.58536585365853655, 0.0050545052362633326},
    {"E1", 0.16666666666666666, 0.52380952380952384, 0.0021543107826293671},
    {"E2", 0.16666666666666666, 0.52380952380952384, 0.0020886968954039286},
    {"E3", 0.33333333333333331, 0.5641025641025641, 0.018224390852527181},
    {"E4", 0.22222222222222221, 0.53658536585365857, 0.0077020526738029406},
    {"E5", 0.44444444444444442, 0.59459459459459463, 0.037694442525006672},
    {"E6", 0.44444444444444442, 0.6875, 0.065016350475160717},
    {"E8", 0.77777777777777768, 0.84615384615384615, 0.24381946234957552},
    {"E9", 0.66666666666666663, 0.7857142857142857, 0.22551359177204106},
    {"E7", 0.55555555555555558, 0.73333333333333328, 0.12950174424519842},
    {"E12", 0.33333333333333331, 0.5641025641025641, 0.018094182051395145},
    {"E10", 0.27777777777777779, 0.55000000000000004, 0.011442302600971925},
    {"E13", 0.16666666666666666, 0.52380952380952384, 0.0022406559877955761},
    {"E14", 0.16666666666666666, 0.52380952380952384, 0.0022406559877955761},
    {"E11", 0.22222222222222221, 0.53658536585365857, 0.019665390889191541},
};

constexpr double tolerance = 1e-9;

} // namespace

TEST(Davis, LoadsAsOneEditionOfFourteenWorkshops) {
    const auto& p = davis().project;
    ASSERT_EQ(p.people.size(), 18u);
    ASSERT_EQ(p.sessions.size(), 14u);
    for (const auto& s : p.sessions) EXPECT_EQ(s.kind, model::SessionKind::Workshop);
}

TEST(Davis, ProjectionDensityTransitivityDistances) {
    const auto net = graph::build_network(davis().project, graph::Scope::People, graph::TieLevel::Interconnaissance, {});
    const auto s = metrics::graph_structure(net.graph);
    EXPECT_EQ(s.nodes, 18);
    EXPECT_EQ(s.ties, 139);                                  // P.number_of_edges()
    EXPECT_NEAR(s.density, 0.90849673202614378, tolerance);  // nx.density(P)
    EXPECT_NEAR(s.transitivity, 0.92839627268268754, tolerance);    // nx.transitivity(P)
    EXPECT_NEAR(s.mean_clustering, 0.93668689698101459, tolerance); // nx.average_clustering(P)
    EXPECT_NEAR(s.mean_distance, 1.0915032679738561, tolerance);    // nx.average_shortest_path_length(P)
    EXPECT_EQ(s.diameter, 2);                                       // nx.diameter(P)
    EXPECT_EQ(s.components, 1);
}

TEST(Davis, StrengthsAndEigenvector) {
    const auto& d = davis();
    const auto net = graph::build_network(d.project, graph::Scope::People, graph::TieLevel::Interconnaissance, {});
    const auto c = metrics::node_centralities(net.graph);
    std::map<std::string, std::size_t> node_of;
    for (std::size_t v = 0; v < net.nodes.size(); ++v) node_of[d.name[static_cast<std::size_t>(net.nodes[v])]] = v;
    ASSERT_EQ(node_of.size(), 18u);
    for (const auto& w : women) {
        ASSERT_TRUE(node_of.count(w.name)) << w.name;
        const auto v = node_of.at(w.name);
        EXPECT_EQ(c.strength[v], w.strength) << w.name;
        EXPECT_NEAR(c.eigenvector[v], w.eigenvector, tolerance) << w.name;
    }
}

TEST(Davis, TwoModeCentralitiesWithBorgattiEverettNormalisation) {
    const auto& d = davis();
    const auto net = graph::build_two_mode(d.project, graph::TieLevel::Interconnaissance, {});
    ASSERT_EQ(net.people.size(), 18u);
    ASSERT_EQ(net.sessions.size(), 14u);
    const auto c = metrics::two_mode_centralities(net.graph, static_cast<std::int32_t>(net.people.size()));
    std::map<std::string, std::size_t> node_of;
    for (std::size_t v = 0; v < net.people.size(); ++v) node_of[d.name[static_cast<std::size_t>(net.people[v])]] = v;
    for (std::size_t s = 0; s < net.sessions.size(); ++s)
        node_of[d.project.sessions[static_cast<std::size_t>(net.sessions[s])].name] = net.people.size() + s;
    for (const auto& r : two_mode) {
        ASSERT_TRUE(node_of.count(r.name)) << r.name;
        const auto v = node_of.at(r.name);
        EXPECT_NEAR(c.degree[v], r.degree, tolerance) << r.name;
        EXPECT_NEAR(c.closeness[v], r.closeness, tolerance) << r.name;
        EXPECT_NEAR(c.betweenness[v], r.betweenness, tolerance) << r.name;
    }
}

// Harmonic centrality and PageRank on the weighted projection P, against networkx 2.8.8:
//   for u, v, d in P.edges(data=True): d['d'] = 1 / d['weight']
//   h = nx.harmonic_centrality(P, distance='d'); harmonic = h[w] / (len(P) - 1)
//   pr = networkx.algorithms.link_analysis.pagerank_alg._pagerank_python(P, alpha=0.85,
//        weight='weight', tol=1e-15, max_iter=100000)   (nx.pagerank without scipy)
struct HarmonicRef {
    const char* name;
    double harmonic;
    double pagerank;
};
const HarmonicRef harmonic_refs[] = {
    {"Evelyn Jefferson", 2.9943727084329668, 0.074150354163651108},
    {"Laura Mandeville", 2.8529411764705883, 0.066752430085693634},
    {"Theresa Anderson", 3.3764705882352946, 0.083485360616524493},
    {"Brenda Rogers", 2.9117647058823528, 0.068144035800002944},
    {"Charlotte McDowd", 2.0021547080370605, 0.039005080260763998},
    {"Frances Anderson", 2.1954320189614305, 0.04975434119601941},
    {"Eleanor Nye", 2.3039215686274508, 0.055099159076464871},
    {"Pearl Oglethorpe", 1.9439775910364148, 0.049416271781415021},
    {"Ruth DeSand", 2.3529411764705883, 0.06128675306971474},
    {"Verne Sanderson", 2.3487394957983194, 0.058812516367170359},
    {"Myra Liddel", 2.1411764705882357, 0.052291196962780666},
    {"Katherina Rogers", 2.4131652661064429, 0.057566778314913622},
    {"Sylvia Avondale", 2.8546218487394954, 0.069502495709999723},
    {"Nora Fayette", 2.6487394957983192, 0.066001285788708577},
    {"Helen Lloyd", 2.1503267973856213, 0.053463339202509952},
    {"Dorothy Murchison", 1.6372549019607843, 0.040317564579340881},
    {"Olivia Carleton", 1.2195558148212382, 0.0274755185121629},
    {"Flora Price", 1.2195558148212382, 0.0274755185121629},
};

TEST(Davis, HarmonicCentralityAndPageRank) {
    const auto& d = davis();
    const auto net = graph::build_network(d.project, graph::Scope::People, graph::TieLevel::Interconnaissance, {});
    const auto c = metrics::node_centralities(net.graph);
    // The sampled path (above the exact limit) with every node a source gives the exact figures.
    metrics::CentralityOptions all_sources;
    all_sources.exact_betweenness_limit = 0;
    all_sources.betweenness_sources = net.graph.node_count;
    const auto sampled = metrics::node_centralities(net.graph, all_sources);
    ASSERT_EQ(sampled.betweenness_method, metrics::BetweennessMethod::Sampled);
    std::map<std::string, std::size_t> node_of;
    for (std::size_t v = 0; v < net.nodes.size(); ++v) node_of[d.name[static_cast<std::size_t>(net.nodes[v])]] = v;
    double total = 0;
    for (const auto& w : harmonic_refs) {
        const auto v = node_of.at(w.name);
        EXPECT_NEAR(c.harmonic[v], w.harmonic, tolerance) << w.name;
        EXPECT_NEAR(sampled.harmonic[v], w.harmonic, tolerance) << w.name;
        EXPECT_NEAR(c.pagerank[v], w.pagerank, tolerance) << w.name;
        total += c.pagerank[v];
    }
    EXPECT_NEAR(total, 1.0, 1e-12);
}
