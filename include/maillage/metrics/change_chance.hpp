// Changes between two editions judged against chance (docs/metrics.md, "Measures that move" and
// "Changes judged against chance"): the organisation-network figures a coordinator can say
// aloud and that are not at their ceiling, each edition's value, and whether the change from
// the previous edition lies outside what reshuffling each edition's workshop attendance alone
// would produce.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/metrics/mixing.hpp"
#include "maillage/model/project.hpp"

namespace maillage::metrics {

/// The measures of one edition's organisation network that a change is judged on, in the order
/// of change_measures() (the lead measures first).
enum class ChangeMeasure : std::uint8_t {
    ReconnaissanceShare,       ///< share of the organisation pairs with a reconnaissance tie
    PartnersInterconnaissance, ///< mean distinct partners per organisation, interconnaissance
    PartnersReconnaissance,    ///< mean distinct partners per organisation, reconnaissance
    TypePairsShare,            ///< share of the pairs of types present that worked together
    NewCrossTypeTies,          ///< reconnaissance ties across types, absent at the previous edition
    InterconnaissanceDensity,  ///< kept available; near its ceiling of 1 at one edition
    PartnersConnaissance,      ///< n - 1 within an edition (everyone meets at the plenary)
};
inline constexpr std::size_t change_measure_count = 7;

enum class MeasureKind : std::uint8_t {
    Share, ///< a share of pairs: a percentage, its change in points
    Mean,  ///< a mean per organisation: one decimal
    Count, ///< a whole number
};

/// A measure declared once: every table, export and sentence reads this.
struct ChangeMeasureInfo {
    ChangeMeasure measure;
    std::string_view key;                   ///< CSV and JSON ("reconnaissance_share")
    std::string_view short_fr, short_en;    ///< table heading (at most 30 characters)
    std::string_view phrase_fr, phrase_en;  ///< in a sentence, in lower case (capitalised where it starts one)
    MeasureKind kind;
    graph::TieLevel level;
    bool lead;       ///< the report and the views lead with it (docs/metrics.md says why)
    bool transition; ///< a figure of the change itself (new ties): no value before

    [[nodiscard]] std::string_view short_label(core::Lang lang) const { return lang == core::Lang::Fr ? short_fr : short_en; }
    [[nodiscard]] std::string_view phrase(core::Lang lang) const { return lang == core::Lang::Fr ? phrase_fr : phrase_en; }
};

/// Every measure, in ChangeMeasure order.
std::span<const ChangeMeasureInfo> change_measures();
const ChangeMeasureInfo& info(ChangeMeasure measure);

/// The verdict on one change.
enum class ChangeVerdict : std::uint8_t {
    Up,           ///< above the central 95 % of the reshuffled changes
    Down,         ///< below it
    WithinChance, ///< inside it ("dans la marge du hasard")
    NotTestable,  ///< the reshuffles cannot move the measure (connaissance within an edition)
};
std::string_view key(ChangeVerdict verdict); ///< "up", "down", "within_chance", "not_testable"

/// One measure's change between two editions, judged against the reshuffles.
struct MeasureChange {
    ChangeMeasure measure = ChangeMeasure::ReconnaissanceShare;
    double before = 0;     ///< previous edition (NaN for a transition measure, or undefined)
    double after = 0;      ///< this edition
    double difference = 0; ///< after - before; for a transition measure, its value (no before)
    /// The central 95 % of the same difference over the reshuffles, as NullTest::low and high:
    /// the values at ranks ⌊0.025 (R−1)⌋ and ⌈0.975 (R−1)⌉ of the sorted differences; NaN when
    /// not testable.
    double low = 0, high = 0;
    ChangeVerdict verdict = ChangeVerdict::NotTestable;
};

/// One transition: the previous edition of a territory and the current one.
struct ChanceChange {
    model::Id territory = model::no_id;
    model::Id previous = model::no_id;
    model::Id current = model::no_id;
    std::vector<MeasureChange> measures; ///< in change_measures() order
    std::int32_t reshuffles = 0;
    std::uint64_t seed = 0;
    [[nodiscard]] const MeasureChange& at(ChangeMeasure m) const { return measures[static_cast<std::size_t>(m)]; }
};

/// One edition as the change test sees it: the organisations present (any session, the
/// plenary included, as graph::build_network's nodes) and their attendance at the two levels
/// that reshuffles can move.
struct EditionIncidence {
    model::Id edition = model::no_id;
    std::vector<model::Id> nodes;    ///< organisations present, by id
    std::vector<std::int32_t> type;  ///< node → its type, numbered within the edition; -1: unknown
    Incidence interconnaissance;     ///< workshops and preparation sessions; node: into `nodes`
    Incidence reconnaissance;        ///< trios and preparation sessions
};

/// The organisation attendance of one edition (metrics::mixing_input of that edition alone at
/// both levels). Complexity: O(A_e log A_e) for the edition's attendances.
EditionIncidence edition_incidence(const model::Project& project, const graph::ProjectIndex& index, model::Id edition);

/// Every measure of one edition (and, for the transition measures, of its change from
/// `previous`; nullptr: none, they are NaN): the observed figures, from the same code the
/// reshuffles use. Indexed by ChangeMeasure. Complexity: O(Σ_s |s|²) over the sessions.
std::array<double, change_measure_count> edition_measures(const EditionIncidence& edition,
                                                          const EditionIncidence* previous = nullptr);

/// The change null model draws from this many curveball chains, each started from the observed
/// incidence; chain c gives draws c, c + C, c + 2C... (docs/metrics.md, "Changes judged against
/// chance", Cost: the same verdicts as fresh chains for a tenth of the trades).
inline constexpr std::int32_t change_chains = 4;
/// Curveball trades per participant row between two draws of one chain (its first draw takes
/// MixingOptions::trades_per_row, as a draw of --what mixing).
inline constexpr std::int32_t change_thinning_per_row = 1;

/// The change from `before` to `after` of every measure, each judged against the same
/// `options.reshuffles` draws: a draw reshuffles the attendance of both editions independently
/// (metrics::curveball on each edition's blocks; every participant keeps their number of
/// sessions, every session its size, nobody moves between editions), recomputes every measure on
/// both and keeps the differences. A change is Up or Down only when the observed difference lies
/// strictly outside the central 95 % of those differences; a measure whose reshuffled
/// differences are all equal, or is undefined (NaN), is NotTestable, and connaissance within an
/// edition always is (every organisation present meets every other at the plenary: only who came
/// moves it). The draws continue change_chains chains (change_thinning_per_row trades per row
/// between draws); the trades of draw r on block b are seeded with reshuffle_seed(options.seed,
/// r, b): the result depends on the seed, not on options.threads. Complexity: O(R (T d +
/// Σ_s |s|²)) for T trades of rows of d sessions and the sessions s of both editions; memory
/// O(R · measures).
ChanceChange change_against_chance(const EditionIncidence& before, const EditionIncidence& after,
                                   const MixingOptions& options = {});

/// The transitions between consecutive editions of each territory of the window, as
/// metrics::edition_changes selects them (with a year, only those into it; the previous edition
/// taken even outside the window), ordered by territory, then year; `latest_only`: only each
/// territory's latest of those. Complexity: one change_against_chance per transition.
std::vector<ChanceChange> changes_against_chance(const model::Project& project, const graph::Window& window,
                                                 const MixingOptions& options = {}, bool latest_only = false);

} // namespace maillage::metrics
