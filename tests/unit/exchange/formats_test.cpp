// The text formats of an export on a network written here: spells, CSV quoting and dialects,
// XML escaping, JSON fields. The read-back by other tools is in tests/cli/export_test.cpp.
#include "maillage/exchange/formats.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace maillage::exchange;

/// Two organisations tied in 2015, 2016 and 2018; names that need quoting and escaping.
Export small() {
    Export d;
    d.title = "Var, toutes les éditions";
    d.years = {2015, 2016, 2018};
    Node a;
    a.id = "o0";
    a.label = "Say \"hi\", <&> ; ok\x01";
    a.type = "mission_locale";
    a.family = "employment";
    a.colour = "#0072B2";
    a.degree = 1;
    a.strength = 2.5;
    a.betweenness = 0.5;
    a.years = {2015, 2016, 2018};
    a.position = Point{1.25, -3};
    Node b = a;
    b.id = "o1";
    b.label = "Cap emploi";
    b.position.reset();
    d.nodes = {a, b};
    d.edges = {Edge{0, 1, 2.5, {2015, 2016, 2018}}};
    Indicators whole;
    whole.name = "*";
    whole.density = 1;
    d.indicators = {whole};
    return d;
}

TEST(Spells, ConsecutiveYearsMerge) {
    EXPECT_EQ(spells_of({2015, 2016, 2018}), (std::vector<std::pair<int, int>>{{2015, 2016}, {2018, 2018}}));
    EXPECT_TRUE(spells_of({}).empty());
    EXPECT_EQ(spells_of({2020}), (std::vector<std::pair<int, int>>{{2020, 2020}}));
}

TEST(Csv, Rfc4180QuotesWhatNeedsIt) {
    const auto t = to_csv(small(), CsvDialect::Rfc4180);
    EXPECT_EQ(t.nodes.rfind("id,label,type,", 0), 0u);
    // Quotes doubled, the field quoted (it holds a comma); CRLF line ends; decimal point.
    EXPECT_NE(t.nodes.find("o0,\"Say \"\"hi\"\", <&> ; ok\x01\",mission_locale"), std::string::npos);
    EXPECT_NE(t.nodes.find(",2.5,0.5,"), std::string::npos);
    EXPECT_NE(t.nodes.find("\r\no1,Cap emploi,"), std::string::npos);
    EXPECT_NE(t.edges.find("o0,o1,"), std::string::npos);
    EXPECT_EQ(t.nodes.substr(t.nodes.size() - 2), "\r\n");
}

TEST(Csv, ExcelHasBomSemicolonAndDecimalComma) {
    const auto t = to_csv(small(), CsvDialect::Excel);
    EXPECT_EQ(t.nodes.rfind("\xEF\xBB\xBFid;label;type;", 0), 0u);
    EXPECT_EQ(t.edges.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_NE(t.nodes.find(";2,5;0,5;"), std::string::npos);
    // The label holds ';': quoted; its comma alone would not need quotes.
    EXPECT_NE(t.nodes.find("o0;\"Say \"\"hi\"\", <&> ; ok"), std::string::npos);
    EXPECT_NE(t.nodes.find("o1;Cap emploi;"), std::string::npos);
}

TEST(Gexf, EscapesAndDropsControlCharacters) {
    const auto x = to_gexf(small(), GexfVersion::V1_3);
    EXPECT_NE(x.find("label=\"Say &quot;hi&quot;, &lt;&amp;&gt; ; ok\""), std::string::npos) << x;
    EXPECT_EQ(x.find('\x01'), std::string::npos);
    EXPECT_NE(x.find("<spell start=\"2015\" end=\"2016\"/>"), std::string::npos);
    EXPECT_NE(x.find("<spell start=\"2018\" end=\"2018\"/>"), std::string::npos);
    EXPECT_NE(x.find("<viz:color r=\"0\" g=\"114\" b=\"178\"/>"), std::string::npos);
    EXPECT_NE(x.find("<viz:position x=\"1.25\" y=\"-3\" z=\"0\"/>"), std::string::npos);
    EXPECT_EQ(x.find("<viz:position", x.find("id=\"o1\"")), std::string::npos); // no position: none written
    EXPECT_NE(x.find("<edge id=\"e0\" source=\"o0\" target=\"o1\" weight=\"2.5\">"), std::string::npos);
    const auto old = to_gexf(small(), GexfVersion::V1_2draft);
    EXPECT_NE(old.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
    EXPECT_NE(old.find("xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""), std::string::npos);
    EXPECT_NE(old.find("version=\"1.2\""), std::string::npos);
}

TEST(Graphml, TypedKeys) {
    const auto x = to_graphml(small());
    EXPECT_NE(x.find("<key id=\"n_degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>"), std::string::npos);
    EXPECT_NE(x.find("<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"), std::string::npos);
    EXPECT_NE(x.find("<key id=\"n_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"), std::string::npos);
    EXPECT_NE(x.find("<data key=\"n_years\">2015 2016 2018</data>"), std::string::npos);
}

TEST(Json, FieldsAndNulls) {
    const auto j = nlohmann::json::parse(to_json(small()));
    EXPECT_EQ(j.at("format"), "maillage-network");
    EXPECT_EQ(j.at("nodes").size(), 2u);
    EXPECT_EQ(j.at("nodes").at(0).at("label"), "Say \"hi\", <&> ; ok\x01"); // JSON escapes it
    EXPECT_TRUE(j.at("nodes").at(1).at("position").is_null());
    EXPECT_EQ(j.at("edges").at(0).at("years"), nlohmann::json({2015, 2016, 2018}));
    EXPECT_TRUE(j.at("indicators").at(0).at("territory").is_null());
    EXPECT_TRUE(j.at("window").at("territory").is_null());
}

} // namespace
