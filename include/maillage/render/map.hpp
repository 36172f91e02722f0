// Maps drawn with Cairo and Pango: a choropleth of an indicator over areas (territories, EPCI),
// organisations as points coloured by type family (render/palette.hpp) and sized by degree,
// their strongest ties as lines, registry organisations never mobilised as hollow markers, with
// a title, a legend, a scale bar, a north arrow and a credit line. Everything arrives as plain
// data in Lambert-93 (geo/shapes.hpp); Cairo and Pango types stay in src/render/map.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/geo/shapes.hpp"
#include "maillage/model/project.hpp"
#include "maillage/render/classify.hpp"
#include "maillage/render/diagram.hpp"
#include "maillage/render/palette.hpp"

namespace maillage::render {

/// One unit of the choropleth.
struct MapArea {
    std::string label;           ///< drawn at shape.inside; empty: no label
    geo::Shape shape;
    std::optional<double> value; ///< nullopt: no data (drawn hatched, with its own legend entry)
};

/// One organisation drawn as a point.
struct MapMarker {
    model::MapPoint at;          ///< Lambert-93; markers at the same point are spread on a spiral
    TypeFamily family = TypeFamily::Unknown;
    double degree = 0;           ///< sets the size (area ∝ degree)
    bool hollow = false;         ///< a registry organisation never mobilised: outline only
    // Not drawn; for the workspace's interactive map (serve), which shows them on click.
    std::string name;            ///< the organisation's name
    std::string type;            ///< its taxonomy key
    std::string commune;         ///< its commune's INSEE code
    std::int64_t node = -1;      ///< the organisation's id (project.organisations), -1 for a registry entry
};

/// A tie between two markers (indices into MapSpec::markers).
struct MapLine {
    std::size_t a = 0, b = 0;
    double weight = 1;           ///< sets the width
};

/// A named place (a town) drawn as a small dot with its name.
struct MapPlace {
    model::MapPoint at;
    std::string name;
};

struct MapSpec {
    std::string title;
    std::string subtitle;
    std::string indicator;       ///< legend heading of the choropleth ("Taux de mobilisation")
    bool percent = false;        ///< values are shares in [0, 1], shown as percentages
    std::int32_t decimals = 0;   ///< decimals of the legend's bounds (percent: of the percentage)
    Classification method = Classification::Jenks;
    std::int32_t classes = 5;    ///< 1..7; at most one class per two areas with a value
    std::vector<MapArea> areas;
    std::vector<geo::Shape> background; ///< drawn first in light grey, outside the extent's reckoning (France's départements)
    std::vector<geo::Shape> insets;     ///< inset frames: painted white over the backdrop, outlined
    std::vector<geo::Shape> context; ///< drawn as thin lines over the fills (communes inside EPCI)
    std::vector<MapMarker> markers;
    std::vector<MapLine> lines;
    std::string lines_legend;    ///< the legend's text for the ties (their selection rule)
    std::vector<MapPlace> places;
    std::vector<std::string> notes; ///< caption lines under the map
    std::string credit;          ///< source line, bottom right
    core::Lang lang = core::Lang::Fr;
    std::int32_t width = 1400, height = 1000; ///< pixels (PNG) or points (SVG, PDF)
};

/// What was drawn: the renderer's own drawing list, for captions and tests (Cairo writes text as
/// outlines in SVG, so the SVG itself cannot be read back).
struct MapDrawing {
    std::vector<double> breaks;                   ///< class_breaks of the areas' values
    std::vector<std::string> area_fill;           ///< per area: its fill colour ("#rrggbb"; "none" = no data)
    std::int32_t filled_markers = 0, hollow_markers = 0, lines = 0, context_shapes = 0, background_shapes = 0;
    std::int32_t markers_outside = 0;             ///< markers (after spreading) outside the map frame
    std::int32_t labels = 0, labels_skipped = 0;  ///< area and place labels drawn / left out (overlap)
    /// Every legend entry in order: (text, colour), colour empty for headings and notes.
    std::vector<std::pair<std::string, std::string>> legend;
    std::vector<std::string> texts;               ///< every text drawn, in order
    std::int32_t unknown_glyphs = 0;              ///< characters the font could not draw (Pango)
    std::vector<std::pair<double, double>> marker_at; ///< per marker: its centre (after spreading), pixels
    double scale_bar_metres = 0;                  ///< the length the scale bar stands for
    bool north_arrow = false;
};

/// Draws the map in `format` (Svg, Png or Pdf) and returns its bytes. The frame fits the areas'
/// extent (with the markers') keeping Lambert-93's aspect ratio; fills follow
/// class_breaks(values, classes, method) on a ColorBrewer "Purples" ramp; markers sharing a
/// point are spread on a Vogel (sunflower) spiral around it, hollow ones last. Deterministic: the
/// same spec gives the same bytes (PDF aside: it carries its creation date). Throws FatalError
/// (MapNothing) when there is no area, (MapFormat) for Format::Dot, and when Cairo fails.
/// Complexity: linear in the points of the shapes plus O(L²) for L labels (overlap checks).
std::string draw_map(const MapSpec& spec, Format format, MapDrawing* drawing = nullptr);

/// An SVG draw_map wrote, with `prefix` put before Cairo's ids ("glyph0-1", "surface1",
/// "clip1") where they are defined (id="...") and referred to ("#..."), so that two figures
/// inlined in one HTML page cannot share an id. Complexity: linear in the SVG's length.
std::string prefix_svg_ids(std::string_view svg, std::string_view prefix);

} // namespace maillage::render
