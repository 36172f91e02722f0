// The hand-written SVG charts of the report (report/charts.hpp): real <text>, escaped labels,
// one mark per value, the diverging scale of the heat map.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "maillage/report/charts.hpp"

namespace maillage::report {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(ReportCharts, EscapeCoversMarkup) {
    EXPECT_EQ(escape("A & B <c> \"d\" 'e'"), "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;");
}

TEST(ReportCharts, LineChartHasOnePointPerValueAndTextLabels) {
    LineChart c;
    c.title = "Participants & organisations";
    c.x_labels = {"2015", "2016", "2018"};
    c.series = {Series{"Participants", "#0072B2", {80.0, 95.0, 132.0}}, Series{"Organisations", "#D55E00", {30.0, std::nullopt, 41.0}}};
    c.format = [](double v) { return std::to_string(static_cast<int>(v)); };
    const auto svg = line_chart(c);
    EXPECT_EQ(svg.rfind("<svg", 0), 0u);
    EXPECT_NE(svg.find("<title>Participants &amp; organisations</title>"), std::string::npos);
    EXPECT_EQ(count(svg, "<circle"), 5u); // a missing value draws no point
    EXPECT_EQ(count(svg, "<path"), 2u);
    EXPECT_NE(svg.find(">2018</text>"), std::string::npos);
    // the last value beside each line, with the series' name when there are several
    EXPECT_NE(svg.find(">Participants 132</text>"), std::string::npos);
    EXPECT_NE(svg.find(">Organisations 41</text>"), std::string::npos);
    EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

/// The x of each <circle> of an SVG, in order.
std::vector<double> circle_xs(const std::string& svg) {
    std::vector<double> xs;
    for (auto at = svg.find("<circle cx=\""); at != std::string::npos; at = svg.find("<circle cx=\"", at + 1))
        xs.push_back(std::stod(svg.substr(at + 12)));
    return xs;
}

TEST(ReportCharts, YearsStandOnATrueAxisSoThatGapsShow) {
    LineChart c;
    c.title = "t";
    c.x_labels = {"2015", "2018", "2019", "2023", "2024"};
    c.x = {2015, 2018, 2019, 2023, 2024};
    c.series = {Series{"Participants", "#0072B2", {80.0, 90.0, 95.0, 120.0, 132.0}}};
    const auto svg = line_chart(c);
    const auto xs = circle_xs(svg);
    ASSERT_EQ(xs.size(), 5u);
    const double per_year = (xs[4] - xs[0]) / 9;
    EXPECT_NEAR(xs[1] - xs[0], 3 * per_year, 0.2); // 2015 → 2018: three years
    EXPECT_NEAR(xs[2] - xs[1], per_year, 0.2);     // 2018 → 2019: one
    EXPECT_NEAR(xs[3] - xs[2], 4 * per_year, 0.2);
    EXPECT_NEAR(xs[4] - xs[3], per_year, 0.2);
    EXPECT_EQ(count(svg, "<line class=\"tick\""), 10u); // a tick for each year, 2015 to 2024
    // without positions, the labels are evenly spaced (categories)
    c.x.clear();
    const auto even = circle_xs(line_chart(c));
    EXPECT_NEAR(even[1] - even[0], even[4] - even[3], 0.2);
}

TEST(ReportCharts, LineEndsCarryTheTerritoryNames) {
    LineChart c;
    c.title = "t";
    c.x_labels = {"2019", "2024"};
    c.x = {2019, 2024};
    c.series = {Series{"Vaucluse", "#0072B2", {0.30, 0.26}}, Series{"Var", "#D55E00", {0.20, 0.24}},
                Series{"Hautes-Alpes", "#009E73", {0.25, 0.22}}};
    c.format = [](double v) { return std::to_string(static_cast<int>(std::lround(v * 100))) + " %"; };
    const auto svg = line_chart(c);
    for (const char* end : {">Vaucluse 26 %</text>", ">Var 24 %</text>", ">Hautes-Alpes 22 %</text>"})
        EXPECT_NE(svg.find(end), std::string::npos) << end;
}

TEST(ReportCharts, BarChartWritesEachTotal) {
    BarChart c;
    c.title = "t";
    c.labels = {"a", "b"};
    c.segments = {Series{"x", "#000000", {1.0, 2.0}}, Series{"y", "#FFFFFF", {3.0, std::nullopt}}};
    c.format = [](double v) { return std::to_string(static_cast<int>(v)); };
    const auto svg = bar_chart(c);
    EXPECT_EQ(count(svg, "<rect"), 3u + 2u); // three segments, two legend keys
    EXPECT_NE(svg.find(">4</text>"), std::string::npos);
    EXPECT_NE(svg.find(">2</text>"), std::string::npos);
}

TEST(ReportCharts, DivergingScaleIsWhiteAtZeroBlueBelowRedAbove) {
    EXPECT_EQ(diverging_colour(0, 4), "#FFFFFF");
    EXPECT_EQ(diverging_colour(-4, 4), "#2166AC");
    EXPECT_EQ(diverging_colour(-10, 4), "#2166AC"); // saturates
    EXPECT_EQ(diverging_colour(4, 4), "#B2182B");
    EXPECT_EQ(diverging_colour(std::nan(""), 4), "#DDDDDD");
}

TEST(ReportCharts, HeatMapHasOneCellPerPairAndADotOnEachMarkedCell) {
    HeatMap h;
    h.title = "m";
    h.labels = {"A", "B", "C"};
    h.gap = {0, -3, 0.1, -3, 0, 0.5, 0.1, 0.5, std::nan("")};
    h.marked = {false, true, false, true, false, false, false, false, false};
    h.text = std::vector<std::string>(9, "1");
    h.mark_label = "clear departure";
    const auto svg = heat_map(h);
    EXPECT_EQ(count(svg, "class=\"cell\""), 9u);
    EXPECT_EQ(count(svg, "class=\"mark\""), 2u);
    EXPECT_NE(svg.find("#2166AC"), std::string::npos); // h = -3 saturates the blue
    EXPECT_NE(svg.find("#DDDDDD"), std::string::npos); // nothing to compare: grey
    EXPECT_NE(svg.find("clear departure"), std::string::npos);
    // a gap of 0.1 is a pale tint, far from the saturated ends
    EXPECT_EQ(diverging_colour(0.1, h.limit), "#F7E8EA");
}

} // namespace
} // namespace maillage::report
