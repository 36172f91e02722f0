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
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::report {

/// THE MAP SLOT (issue 11, built on another branch): given a territory (no_id: the whole
/// region) and the report's year, returns the map as an SVG document or element, or nullopt.
/// When no hook is set, or it returns nullopt, section 3 says that no map was drawn. The
/// report strips an XML prolog and doctype before inlining it.
using MapHook = std::function<std::optional<std::string>(model::Id territory, int year)>;

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
    std::int32_t reshuffles = 200; ///< of the mixing null model (section 4, invitations)
    std::uint64_t seed = 42;       ///< every seeded computation (mixing, layout, communities)
    std::size_t invitations = 10;  ///< organisations listed in section 6
    std::string title;             ///< project title; empty: none shown
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
