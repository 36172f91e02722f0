// Who knows whom across organisation types and territories, against chance (docs/metrics.md,
// "Mixing"): the group × group tie matrix and Krackhardt & Stern's E-I index, each compared
// with a two-mode null model that reshuffles the person × session incidence inside each
// edition, keeping session sizes and people's attendance counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"

namespace maillage::metrics {

/// One block of the person × session incidence, reshuffled on its own (an edition): row r is
/// one participant with the sessions (local indices 0..session_count-1) they attended.
struct Incidence {
    std::vector<std::vector<std::int32_t>> rows; ///< participant → sorted distinct sessions
    std::int32_t session_count = 0;
    /// participant → the node of the one-mode network it stands for (a person, or the
    /// organisation they came from); -1: takes a seat but makes no tie (no organisation named).
    std::vector<std::int32_t> node;
};

/// The incidence blocks of a window and what the nodes stand for.
struct MixingInput {
    std::vector<Incidence> blocks;
    std::vector<model::Id> editions;     ///< block → its edition (when read from a project)
    std::vector<model::Id> nodes;        ///< node → model::Person or model::Organisation
    std::vector<model::Id> organisation; ///< node → its organisation (a person's: at their latest edition)
    std::vector<model::Id> territory;    ///< node → territory of its latest edition in the window
};

/// Builds one block per edition of the window from the two-mode network at `level`
/// (graph::build_two_mode: interconnaissance = workshops and preparation sessions;
/// reconnaissance = preparation sessions and trios; connaissance = every session, so every
/// pair of an edition is tied and the null model has nothing to reshuffle). Nodes are people
/// (Scope::People) or organisations (Scope::Organisations; people who name none take a seat and
/// make no tie), numbered by model id. Throws std::invalid_argument for Scope::TwoMode.
/// Complexity: O(E · A log A) for E editions and A attendances.
MixingInput mixing_input(const model::Project& project, graph::Scope scope, graph::TieLevel level, const graph::Window& window);
/// The same, with an index of the project built once (for many small windows: one edition
/// each): O(A_w log A_w) for the window's A_w attendances.
MixingInput mixing_input(const model::Project& project, const graph::ProjectIndex& index, graph::Scope scope,
                         graph::TieLevel level, const graph::Window& window);

/// A partition of the nodes: node → group in 0..group_count-1 (-1: in no group, its ties are
/// not counted).
struct Grouping {
    std::vector<std::int32_t> group;
    std::int32_t group_count = 0;
};

/// The one number of reshuffles of every null model (mixing, changes between editions, the
/// invitations' bridges, the report), unless the user says otherwise (docs/metrics.md, "One
/// reshuffle default"): 1000 draws put the smallest p at 1/1001 and leave 25 draws in each tail of
/// a central 95 % interval.
constexpr std::int32_t default_reshuffles = 1000;

/// Where mixing() keeps the reshuffles' results and finds them again (docs/data-model.md,
/// "null_draws"): an opaque text under a key that names everything they depend on (the
/// incidence blocks, the node classes, seed, reshuffles, trades). mixing() also keeps the last
/// ones it made in the process's memory; a DrawCache lets them outlive the process (a table of
/// the store: app::StoreDraws). Implementations need not be thread-safe: mixing() calls them
/// from the calling thread only, and may never call them.
class DrawCache {
public:
    virtual ~DrawCache() = default;
    /// The text kept under `key`, or nullopt. Must not throw for a missing or unreadable one.
    virtual std::optional<std::string> find(const std::string& key) = 0;
    /// Keeps `draws` under `key`; `editions` are the editions whose attendances they were drawn
    /// from (to drop them when those change). May ignore the request; must not throw.
    virtual void keep(const std::string& key, const std::vector<model::Id>& editions, const std::string& draws) = 0;
};

struct MixingOptions {
    std::int32_t reshuffles = default_reshuffles;
    std::uint64_t seed = 42;
    /// Curveball trades per reshuffle and block, per participant row. Every reshuffle starts
    /// from the observed incidence (independent chains).
    std::int32_t trades_per_row = 10;
    /// Worker threads for the reshuffles (0: min(2, hardware)). The output does not depend on it.
    std::int32_t threads = 0;
    /// Where the reshuffles' results are kept beyond the process; none: in memory only. The
    /// output does not depend on it.
    DrawCache* cache = nullptr;
    /// Whether the reshuffles' results are also kept in, and found in, the process's memory (the
    /// last 64, at most 256 MiB). The output does not depend on it.
    bool in_memory = true;
};

/// One statistic: observed, and its distribution over the reshuffles. The test is the
/// reshuffles' own (a permutation test): no normal approximation is made, because where the
/// reshuffles barely vary (a pair of types complete in nearly every draw) a z-score divides by a
/// standard deviation near zero and reads as an enormous effect (z = −379 for 0 ties where 12
/// were expected), while the p below stays what it is.
struct NullTest {
    double observed = 0;
    double expected = 0; ///< mean over the reshuffles where it is defined
    double sd = 0;       ///< standard deviation over them (n-1); 0: the reshuffles cannot move it
    double low = 0;      ///< the reshuffles' central 95 % interval: the value at rank ⌊0.025 (R'−1)⌋ of the sorted draws
    double high = 0;     ///< and at rank ⌈0.975 (R'−1)⌉ (so that at least 95 % of the draws lie in [low, high])
    double p_fewer = 1;  ///< (#{null ≤ observed} + 1) / (R' + 1): evidence of fewer than chance
    double p_more = 1;   ///< (#{null ≥ observed} + 1) / (R' + 1): evidence of more than chance
    std::int32_t reshuffles = 0; ///< R': reshuffles where the statistic is defined
};

struct GroupMixing {
    std::int32_t group_count = 0;
    std::vector<std::int64_t> group_size; ///< nodes per group
    /// Ties between groups g and h (distinct node pairs), row-major g * group_count + h,
    /// symmetric; the diagonal counts ties inside a group.
    std::vector<NullTest> ties;
    std::vector<double> possible; ///< pairs possible: n_g n_h, or n_g (n_g - 1) / 2 on the diagonal
    /// Krackhardt & Stern (1988) E-I index of each group: (E - I) / (E + I), E its ties to other
    /// groups, I its ties inside; -1 all inside, +1 all outside; NaN without ties.
    std::vector<NullTest> ei;
    NullTest ei_overall; ///< the same over all ties (E = ties between groups, I = inside)
};

struct MixingResult {
    std::vector<GroupMixing> groupings; ///< one per grouping given, in order
    std::int32_t reshuffles = 0;
    std::uint64_t seed = 0;
    std::int64_t trades = 0; ///< curveball trades per reshuffle (all blocks)
    std::int64_t ties = 0;   ///< observed ties (distinct node pairs)
};

/// Mixing of the ties of `input` by each grouping, against `options.reshuffles` reshuffles of
/// each block by the curveball algorithm (Strona et al. 2014; uniform over the matrices with the
/// same margins, Carstens 2016): a trade picks two rows, pools the sessions only one of them
/// has, and deals them back at random keeping each row's count — every participant keeps their
/// number of sessions and every session its size. Reshuffle r draws from std::mt19937_64 seeded
/// with SplitMix64(seed + r), so the result depends on the seed only, not on the threads.
/// Ties are distinct node pairs sharing at least one session of a block; a node's ties with
/// itself (two people of the same organisation) are not ties. Throws std::invalid_argument when
/// a grouping does not cover every node. Complexity: O(R (T d + Σ_s |s|² + G²)) for T trades of
/// rows of d sessions, sessions s and G groups; memory O(R G²) for the null distributions.
MixingResult mixing(const MixingInput& input, const std::vector<Grouping>& groupings, const MixingOptions& options = {});

/// The level of significance of every comparison with chance: one-sided p ≤ 0.05.
constexpr double hole_level = 0.05;

/// When a pair of groups departs from chance by enough to be worth a coordinator's attention
/// (docs/metrics.md, "Holes that matter"): all three of
///   - significant: the reshuffles' one-sided p in the direction of the gap ≤ `level`;
///   - material on the density scale: |h| ≥ `gap`, Cohen's h between the observed and the
///     expected density, h = 2 asin √d_obs − 2 asin √d_exp (Cohen 1988, ch. 6). The arcsine
///     puts a gap between two densities on one scale wherever they lie, stretching the ends:
///     33 ties of 36 pairs against 33.95 expected is h = −0.10 (negligible), 0 of 12 against 12
///     is h = −3.1; 0.2 is Cohen's "small" effect, the least that is worth reading;
///   - at least `ties` whole ties missing or extra: the observed count and the expected count
///     rounded to whole ties differ by `ties` or more (0 where chance gives 0.9995 is one tie
///     missing; 33 where it gives 33.4 is none): a gap under one tie cannot be shown.
/// Significance alone lets a big network flag tiny gaps (the reshuffles of a nearly complete
/// pair barely vary, so one tie missing is "significant"); size alone lets a pair of two
/// organisations flag chance.
struct Materiality {
    double level = hole_level;
    double gap = 0.2;
    double ties = 1.0;
};

/// Cohen's h between two densities (each clamped to [0, 1]): 2 asin √observed − 2 asin √expected,
/// from −π to π; negative when observed is below expected. Complexity: constant.
double density_gap(double observed_density, double expected_density);

/// Where a pair of groups stands against chance.
enum class PairStatus {
    Fixed,        ///< the reshuffles cannot move it (the same count in every draw, the observed one): complete or empty by construction
    WithinChance, ///< the reshuffles move it, and its gap is not notable
    Notable,      ///< significant and material (Materiality)
};

/// One pair of groups (x ≤ y, some pair of nodes possible) against chance.
struct PairDeparture {
    std::size_t x = 0, y = 0;
    double observed = 0, expected = 0, possible = 0;
    double gap = 0;    ///< density_gap(observed / possible, expected / possible)
    double p = 1;      ///< the one-sided p in the gap's direction: p_fewer when fewer, p_more otherwise
    bool fewer = false; ///< observed < expected
    PairStatus status = PairStatus::WithinChance;
};

/// Every pair of groups of `m` (the diagonal included) that could be tied, judged by `rule`:
/// the notable first, by |gap| (largest first), then p, then groups; then the others in group
/// order. Complexity: O(G² log G).
std::vector<PairDeparture> pair_departures(const GroupMixing& m, const Materiality& rule = {});

/// A pair of distinct groups tied notably fewer times than chance (a structural hole between types).
struct GroupHole {
    std::size_t x = 0, y = 0; ///< groups, x < y
    double p_fewer = 1;       ///< NullTest::p_fewer of their ties
    double gap = 0;           ///< density_gap, negative
};

/// The pairs of distinct groups of `m` notably fewer tied than chance (pair_departures:
/// Notable and fewer), by gap (the widest first), then p_fewer, then groups: what the metrics
/// mixing view, the report and the invitations call a structural hole between types.
/// Complexity: O(G² log G).
std::vector<GroupHole> group_holes(const GroupMixing& m, const Materiality& rule = {});

/// One curveball reshuffle of a block in place (exposed for tests). `rng_seed` seeds the
/// std::mt19937_64 used.
void curveball(Incidence& block, std::int64_t trades, std::uint64_t rng_seed);

/// The seed of reshuffle r of block b: SplitMix64(seed + r (2^32 + 1) + b), so that a reshuffle
/// depends on the seed and its number only, never on the thread that draws it. Every null
/// model that reshuffles blocks draws its seeds here (mixing, changes between editions).
std::uint64_t reshuffle_seed(std::uint64_t seed, std::int64_t reshuffle, std::uint64_t block);

} // namespace maillage::metrics
