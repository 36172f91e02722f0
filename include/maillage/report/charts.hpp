// Small charts for the report, written as SVG by hand: line charts of a figure across editions,
// horizontal bar charts (stacked or not) and a heat map.
//
// Why hand-written SVG rather than Cairo's SVG surface: Cairo outlines every glyph as a
// <symbol> (deps-probe.md, G14), so titles, axis labels and values would be unsearchable,
// unselectable, unreadable by screen readers and blurry once printed; they would also be
// invisible to the privacy test that reads the report's text. A few hundred lines of SVG with
// real <text> print sharply at any scale, follow the page's font, weigh a few kilobytes and
// need no library. Every chart carries a <title> (its accessible name) and the values it
// shows as text, so a reader without the picture loses nothing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace maillage::report {

/// XML/HTML text with &, <, >, " and ' escaped. Complexity: linear.
std::string escape(const std::string& text);

/// One line (or one bar segment) of a chart.
struct Series {
    std::string name;
    std::string colour;                       ///< "#0072B2"
    std::vector<std::optional<double>> values; ///< one per x label; nullopt: no point there
    bool dashed = false;
};

struct LineChart {
    std::string title;                 ///< the figure's accessible name
    std::vector<std::string> x_labels; ///< e.g. years
    /// Where each x label stands on a true axis (the years themselves): points are placed in
    /// proportion, so that a gap of three years is three times as wide as a gap of one, and a
    /// tick marks each whole unit between. Empty: the labels evenly spaced.
    std::vector<double> x;
    std::vector<Series> series;
    std::string y_label;
    double y_min = 0;                  ///< the axis starts here (and at most at the smallest value)
    std::optional<double> y_max;       ///< e.g. 1 for shares; else from the data
    /// How a value is written on the axis and beside points (the language's formatter).
    std::function<std::string(double)> format;
};

/// A line chart with a legend, gridlines, each series' last point labelled beside it with its
/// value and, when there are several series, its name ("Vaucluse 26 %"), the labels pushed apart
/// so that they do not overlap. Empty series draw nothing. Returns an <svg> element (no XML
/// prolog). Complexity: linear in the points (and in the span of `x` for its ticks).
std::string line_chart(const LineChart& chart);

struct BarChart {
    std::string title;
    std::vector<std::string> labels;   ///< one bar per label (top to bottom)
    std::vector<Series> segments;      ///< stacked left to right; values[i] is bar i's segment
    std::function<std::string(double)> format;
    bool show_legend = true;
};

/// Horizontal bars, one row per label, segments stacked, the total written at the end of each
/// bar. Complexity: linear.
std::string bar_chart(const BarChart& chart);

struct HeatMap {
    std::string title;
    std::vector<std::string> labels;  ///< rows and columns (a symmetric matrix)
    /// row-major: how far each cell is from chance on a diverging scale (the report gives Cohen's
    /// h between observed and expected density, metrics::density_gap); NaN: nothing to compare (grey)
    std::vector<double> gap;
    std::vector<bool> marked;          ///< row-major: a dot on the cell (a clear departure from chance)
    /// the share of its colour an unmarked cell keeps (1: all): with 0.2, a gap chance can
    /// produce shows only as a pale tint of its direction, and the strong colours are the marked
    double unmarked_strength = 1;
    std::vector<std::string> text;    ///< what each cell shows
    std::vector<std::string> tooltip; ///< per cell, the <title> of the cell
    std::string low_label, high_label; ///< legend ends: "fewer ties than chance", "more"
    std::string mark_label;           ///< what the dot means, beside a dot in the legend (none when empty)
    std::string none_label;           ///< what grey means, beside a grey square in the legend (none when empty)
    double limit = 1;                 ///< the colour saturates at |gap| = limit (h = 1: past Cohen's "large", 0.8)
};

/// A symmetric matrix coloured on a blue–white–red diverging scale (blue: fewer than chance),
/// with row and column labels, a dot on the marked cells and a legend (the scale's ends, and
/// the dot). Complexity: O(labels²).
std::string heat_map(const HeatMap& map);

/// The colour of a gap on the heat map's scale, saturating at ±limit (exposed for the tests).
std::string diverging_colour(double gap, double limit);

} // namespace maillage::report
