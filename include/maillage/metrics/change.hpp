// What changed in a territory's network between two consecutive editions (docs/metrics.md,
// "Change between editions"): new, faded, strengthened and persistent ties; retention,
// newcomers and lapses of people and organisations; whether last edition's brokers came back.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "maillage/graph/network.hpp"
#include "maillage/model/project.hpp"

namespace maillage::metrics {

struct ChangeOptions {
    /// Brokers of the previous edition: this many nodes of highest betweenness (only nodes
    /// with betweenness > 0; ties by degree, then model id). 0: none looked for.
    std::int32_t brokers = 10;
    /// Whether to list the created and faded ties (TieChange::created_ties, faded_ties) of the
    /// people's and of the organisations' networks; their counts are always given. A view that
    /// shows one scope's lists need not hold the other's (a national file's people: 150 MB).
    bool people_tie_lists = true;
    bool organisation_tie_lists = true;
};

/// A tie between two people or organisations (model ids, a < b) and its weights.
struct TieDelta {
    model::Id a = model::no_id;
    model::Id b = model::no_id;
    double previous = 0; ///< 0 when absent last edition
    double current = 0;  ///< 0 when absent this edition
};

struct TieChange {
    std::int64_t previous = 0;     ///< ties last edition
    std::int64_t current = 0;      ///< ties this edition
    std::int64_t created = 0;      ///< this edition, not last ("nouveaux")
    std::int64_t faded = 0;        ///< last edition, not this one ("disparus")
    std::int64_t persistent = 0;   ///< both
    std::int64_t strengthened = 0; ///< both, heavier now
    std::int64_t weakened = 0;     ///< both, lighter now
    double jaccard = 0;            ///< persistent / (previous + current - persistent); 0 when both empty
    std::vector<TieDelta> created_ties; ///< sorted by weight (descending), then ids
    std::vector<TieDelta> faded_ties;
};

/// Someone (or an organisation) who came to an earlier edition of the territory and not to this one.
struct Lapse {
    model::Id id = model::no_id;
    int first_year = 0;
    int last_year = 0;      ///< "absent since": the last year seen
    std::int32_t editions = 0; ///< editions of the territory attended before
};

struct PresenceChange {
    std::int64_t previous = 0;  ///< present last edition
    std::int64_t current = 0;   ///< present this edition
    std::int64_t retained = 0;  ///< present at both
    double retention = 0;       ///< retained / previous ("taux de retour")
    std::int64_t newcomers = 0; ///< present now, never at an earlier edition of the territory
    std::int64_t returning = 0; ///< present now, absent last edition, seen before
    std::vector<Lapse> lapsed;  ///< seen at an earlier edition, absent now; by last year (desc), then id
};

/// When a node (a person or an organisation) was seen at the earlier editions of a territory.
struct Seen {
    int first_year = 0;
    int last_year = 0;
    std::int32_t editions = 0;
};

/// Every edition of the window's territories (the window's year aside), grouped by territory,
/// each territory's in year order: the editions edition_changes and edition_trend walk.
std::vector<model::Id> territory_editions(const model::Project& project, const graph::Window& window);

/// The presence change between two consecutive editions of a territory: `previous` and
/// `current` are the nodes present (model ids, any order), `history` every node seen at an
/// earlier edition of the territory (the previous one included). retention = retained /
/// previous (0 without a previous node); newcomers: in `current`, not in `history`; returning:
/// in `history`, not in `previous`; lapsed (only when `lapses`): in `history`, not in `current`.
/// edition_changes and edition_trend both count presence with it. Complexity:
/// O(n log n + |history| log n).
PresenceChange presence_change(std::vector<model::Id> previous, std::vector<model::Id> current,
                               const std::map<model::Id, Seen>& history, bool lapses = true);

struct BrokerReturn {
    std::vector<model::Id> brokers;  ///< last edition's brokers, highest betweenness first
    std::vector<double> betweenness; ///< theirs, last edition (normalised, as node_centralities)
    std::vector<bool> came_back;
    std::int64_t returned = 0;
};

struct ScopeChange {
    TieChange ties;
    PresenceChange presence;
    BrokerReturn brokers;
};

/// One transition: the previous edition of a territory and the current one.
struct EditionChange {
    model::Id territory = model::no_id;
    model::Id previous = model::no_id;
    model::Id current = model::no_id;
    ScopeChange people;
    ScopeChange organisations;
};

/// The transitions between consecutive editions of each territory of the window, at `level`,
/// each compared on the per-edition (not cumulative) networks of graph::build_network. With a
/// year in the window, only the transitions into that year's editions (into every edition up
/// to it when cumulative); the previous edition is taken even when it lies outside the window.
/// Ordered by territory, then year. People are identified by person id, organisations by their
/// resolved identity (renames are the same organisation). Throws maillage::Error if igraph
/// fails. Complexity: per transition, building both networks plus O(m log m) for the tie sets
/// and the exact betweenness of the previous edition's networks.
std::vector<EditionChange> edition_changes(const model::Project& project, graph::TieLevel level,
                                           const graph::Window& window, const ChangeOptions& options = {});

} // namespace maillage::metrics
