// The edition-over-edition report (issue 12): one self-contained HTML file a coordinator hands
// to partners and funders. Seven sections, each answering a question in sentences generated
// from the numbers, then a figure; or, for the whole region, the territories side by side.
// Pure: returns the HTML text; the command writes it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "maillage/advise/unmobilised.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/metrics/mixing.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"
#include "maillage/render/territory_map.hpp"

namespace maillage::report {

/// A map as the report shows it: the drawing, and each area's name and rate (a table beside a
/// territory's map names the EPCI whose rates the map writes).
struct MapFigure {
    std::string svg;                      ///< an SVG document or element
    std::vector<render::AreaValue> areas; ///< in drawing order; value: the rate, nullopt: no data
    std::vector<std::string> notes;       ///< the renderer's own caption lines (technical appendix only)
};

/// THE MAP SLOT: given a territory (no_id: the whole region) and the report's year, returns
/// the map, or nullopt. When no hook is set, or it returns nullopt, section 3 says that no map
/// was drawn. The report strips an XML prolog and doctype before inlining it.
using MapHook = std::function<std::optional<MapFigure>(model::Id territory, int year)>;

/// A mobilisation map (render::territory_map with draw = false) made fit for the report: each
/// area labelled with its own rate (the region: "Vaucluse" over "43 %"; a territory's EPCI: the
/// rate alone, the table beside the map names them), the renderer's notes and subtitle moved
/// out of the picture (the figure's caption says it in plain words), the canvas sized to the
/// areas' extent so that the map fills an A4 page's width with legible text, Cairo's ids
/// prefixed with "map-". `drawing` receives what was drawn (the tests read the labels there).
/// Throws what render::draw_map throws. Complexity: that of draw_map.
MapFigure map_figure(render::MapSpec spec, std::vector<render::AreaValue> areas, bool region, core::Lang lang,
                     render::MapDrawing* drawing = nullptr);

struct ReportOptions {
    core::Lang lang = core::Lang::Fr;
    /// The territory reported on; nullopt: every territory side by side (--all).
    std::optional<model::Id> territory;
    /// The edition (year) reported on; nullopt: each territory's latest. Later editions are
    /// left out of every figure, as if the report had been written right after this one.
    std::optional<int> year;
    /// Per person id, what may be shown of a person (pseudonym, or name with --people): the
    /// caller decides; the report never reads project.identities.
    std::vector<std::string> person_labels;
    bool people = false; ///< said in the method section (names shown or not)
    MapHook map;         ///< the map slot of section 3
    std::int32_t reshuffles = metrics::default_reshuffles; ///< of the mixing null model (section 4, invitations)
    std::uint64_t seed = 42;       ///< every seeded computation (mixing, layout, communities)
    metrics::DrawCache* draws = nullptr; ///< where the reshuffles are kept (metrics::MixingOptions::cache)
    std::size_t invitations = 10;  ///< organisations listed in section 6
    std::string title;             ///< project title; empty: none shown
    /// The technical appendix for the coordination team (seed, draws, files read, the command):
    /// never in the pages for funders unless asked (`maillage report --appendix`).
    bool appendix = false;
    std::string command;           ///< the command line that made the report, shown in the appendix
};

/// What the report holds, for the caller's message and the tests.
struct ReportSummary {
    std::int32_t figures = 0;  ///< <figure> elements with an SVG
    std::int32_t sections = 0;
    int year = 0;              ///< the edition reported on (the latest over territories for --all)
};

/// The report as one HTML5 document: inline CSS (screen and A4 print, a page break before each
/// section) and inline SVG figures; no script, no external resource. Throws
/// maillage::FatalError (NoEditionInWindow) when the territory has no edition up to the year,
/// and what metrics/advise throw. Deterministic for a seed. Complexity: dominated by the
/// mixing null model (options.reshuffles) and the per-edition betweenness of each territory.
std::string build_report(const model::Project& project, const model::Taxonomy& taxonomy,
                         const advise::Geography& geography, const ReportOptions& options,
                         ReportSummary* summary = nullptr);

/// An SVG document made fit to inline in HTML: the XML prolog, doctype and comments before the
/// <svg> element removed. Complexity: linear.
std::string inline_svg(const std::string& svg);

/// The project as it stood right after `year`: every edition of a later year removed (with its
/// sessions and attendances). Complexity: linear in the project per edition removed.
model::Project up_to(const model::Project& project, int year);

} // namespace maillage::report
