// Edition after edition (docs/metrics.md, "Edition after edition"): one row per territory ×
// edition with the size, density and E-I index on organisation type of that edition's network,
// and how many of the previous edition's participants came back.
#pragma once

#include <cstdint>
#include <vector>

#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"

namespace maillage::metrics {

/// One edition of one territory.
struct EditionTrend {
    model::Id territory = model::no_id;
    model::Id edition = model::no_id;
    int year = 0;
    model::Id previous = model::no_id; ///< the territory's edition before (no_id for its first)
    std::int64_t people = 0;        ///< people present (any session)
    std::int64_t organisations = 0; ///< organisations people came from
    std::int64_t nodes = 0;         ///< nodes of the edition's network (people or organisations)
    std::int64_t ties = 0;          ///< its ties
    double density = 0;             ///< 2 ties / (nodes (nodes - 1)); 0 below two nodes
    /// Ties whose two ends have a known organisation type, and those among them between two
    /// different types (E); I = typed_ties - cross_type_ties. Ties are counted, not weighted.
    std::int64_t typed_ties = 0;
    std::int64_t cross_type_ties = 0;
    /// Krackhardt & Stern's E-I index on organisation type, (E - I) / (E + I): -1 every tie
    /// inside a type, +1 every tie across types; NaN without a typed tie.
    double ei_index = 0;
    /// People: the previous edition's participants present again (metrics::presence_change:
    /// retained / previous, as `--what change`'s retention); NaN for a territory's first edition.
    std::int64_t previous_people = 0;
    std::int64_t retained = 0;
    double retention = 0;
    /// People present for the first time at an edition of this territory (at its first edition,
    /// everyone).
    std::int64_t newcomers = 0;
};

/// One row per edition of each territory of the window, ordered by territory (model id), then
/// year, each on the edition's own network (graph::build_network over one edition, built with a
/// graph::ProjectIndex) at `scope` and `level`. With a year in the window, only that year's
/// editions (every edition up to it when cumulative); the previous edition, for retention, is
/// taken even outside the window. A node's type is that of its organisation (a person's: the
/// one they came from at that edition); nodes without one make no typed tie. One edition's
/// connaissance clique (people) is counted in closed form from the type head counts.
/// Throws std::invalid_argument for Scope::TwoMode. Complexity: O(A log A + Σ_g |g|²) for the
/// A attendances and the groups g each edition's network projects over, plus O(P log P) per
/// edition for the P people seen before in its territory.
std::vector<EditionTrend> edition_trend(const model::Project& project, graph::Scope scope, graph::TieLevel level,
                                        const graph::Window& window);

} // namespace maillage::metrics
