// The professional network of a territory, built from a project's attendance records at one of
// the three depths of tie (DOMAIN.md): connaissance ⊃ interconnaissance ⊃ reconnaissance.
// Plain vectors only: Boost.Graph and igraph stay inside src/graph and src/metrics.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "maillage/model/project.hpp"

namespace maillage::graph {

/// The depth of a tie between two professionals (seed 002's three stages of reciprocity).
///  * Connaissance: attended the same edition; weight = shared editions.
///  * Interconnaissance: shared a workshop or a preparation session; weight = shared workshops
///    + preparation sessions (the plenary is connaissance only).
///  * Reconnaissance: both held a trio role (exposant, gardien, scribe) in the same workshop,
///    or shared a preparation session of the cooperation group; weight = shared trios +
///    preparation sessions.
/// Every reconnaissance tie is an interconnaissance tie, and every interconnaissance tie a
/// connaissance tie (a shared session is a shared edition).
enum class TieLevel { Connaissance, Interconnaissance, Reconnaissance };

/// Whose network: people; organisations (person ties summed between the organisations the
/// people came from at that edition); or the two-mode person × session incidence.
enum class Scope { People, Organisations, TwoMode };

/// Stable keys for the command line, CSV and JSON: "connaissance", "interconnaissance",
/// "reconnaissance"; "people", "organisations", "two-mode".
std::string_view key(TieLevel level);
std::string_view key(Scope scope);
/// The level or scope a key names; nullopt for an unknown key. Complexity: constant.
std::optional<TieLevel> parse_tie_level(std::string_view text);
std::optional<Scope> parse_scope(std::string_view text);

/// Which editions a network covers.
struct Window {
    std::optional<model::Id> territory; ///< nullopt: every territory (ties across territories count)
    std::optional<int> year;            ///< nullopt: every edition
    bool cumulative = false;            ///< with a year: every edition up to and including it
};

/// The editions a window selects, ordered by (year, territory, id). Complexity: linear in the
/// number of editions.
std::vector<model::Id> select_editions(const model::Project& project, const Window& window);

/// An undirected tie; source < target.
struct Edge {
    std::int32_t source = 0;
    std::int32_t target = 0;
    double weight = 1.0; ///< a strength (shared editions, sessions or trios): larger is closer
};

/// An undirected weighted simple graph on nodes 0..node_count-1, edges sorted by
/// (source, target), no loops, no parallel edges.
///
/// `complete` marks the complete graph with unit weights whose edges are counted, not stored:
/// the connaissance network of one edition is a clique (everyone attends the plenary), so it
/// is never built pair by pair and its metrics come in closed form.
struct Graph {
    std::int32_t node_count = 0;
    std::vector<Edge> edges;
    bool complete = false;

    /// Number of ties (n(n-1)/2 when complete). Complexity: constant.
    [[nodiscard]] std::int64_t edge_count() const;
};

/// A one-mode network (people or organisations) with what each node stands for.
struct Network {
    Scope scope = Scope::People;
    TieLevel level = TieLevel::Interconnaissance;
    Graph graph;
    std::vector<model::Id> editions; ///< the window's editions
    /// node → model::Person (Scope::People) or model::Organisation (Scope::Organisations)
    std::vector<model::Id> nodes;
    /// node → the organisation it is counted in: for a person, the one they came from at their
    /// latest edition of the window (no_id when the sheets name none); for an organisation, itself.
    std::vector<model::Id> organisation;
    /// node → the territory of its latest edition in the window.
    std::vector<model::Id> territory;
    /// Scope::Organisations: per node, the summed weight of the person ties inside that
    /// organisation (counted apart, not drawn as loops). Empty for Scope::People.
    std::vector<double> internal_weight;
    std::int64_t people = 0;        ///< distinct people present in the window
    std::int64_t organisations = 0; ///< distinct organisations people came from in the window
};

/// The person × session incidence (Borgatti & Everett's two-mode network): nodes
/// 0..people.size()-1 are people, then the sessions. Which sessions depends on the level:
/// connaissance, every session of the window (plenary included); interconnaissance, workshops
/// and preparation sessions; reconnaissance, preparation sessions and each workshop's trio.
struct TwoModeNetwork {
    TieLevel level = TieLevel::Interconnaissance;
    Graph graph; ///< unit weights
    std::vector<model::Id> editions;
    std::vector<model::Id> people;
    std::vector<model::Id> sessions;
    std::vector<model::Id> organisation; ///< per person: as in Network::organisation
};

/// Where each edition's records are: its attendances (positions in project.attendances, in
/// the project's order) and its sessions (ascending). Built once, it lets many small windows
/// (one edition each, in graph::build_network's loops over editions) be built in time
/// proportional to their own size instead of the project's. Complexity: O(A + S + E) time and
/// memory for A attendances, S sessions and E editions.
class ProjectIndex {
public:
    explicit ProjectIndex(const model::Project& project);
    [[nodiscard]] std::span<const std::int32_t> attendances(model::Id edition) const;
    [[nodiscard]] std::span<const model::Id> sessions(model::Id edition) const;

private:
    std::vector<std::int32_t> m_attendance_start; ///< edition → first slot in m_attendances (CSR)
    std::vector<std::int32_t> m_attendances;
    std::vector<std::int32_t> m_session_start;
    std::vector<model::Id> m_sessions;
};

/// Builds the people or organisation network of a window at a tie level.
///
/// People: nodes are every person present in the window (isolates included: someone who only
/// attended the plenary has no interconnaissance tie). Organisations: nodes are the
/// organisations people came from; each person counts in the organisation of their first
/// attendance (in the project's order) that names one at that edition; people with none are
/// left out of this scope. Ties between people of the same organisation go to
/// internal_weight.
///
/// Connaissance in one edition is a clique, returned with Graph::complete (people scope).
/// Over several editions (cumulative, or several territories) it is the projection of the
/// person × edition incidence: weight(p, q) = editions both attended, at a cost of
/// Σ_editions C(n_e, 2) pair visits. At organisation scope it is counted from the
/// organisation × edition head counts (weight(a, b) = Σ_e n_a,e · n_b,e), never person pair by
/// person pair.
///
/// Throws std::invalid_argument for Scope::TwoMode (use build_two_mode). Complexity:
/// O(A + Σ_g |g|²) for A attendances and the groups g (sessions, trios or editions) the level
/// projects over; memory O(nodes + ties).
Network build_network(const model::Project& project, Scope scope, TieLevel level, const Window& window);
/// The same, with an index of the project built once: O(A_w log A_w + Σ_g |g|²) for the A_w
/// attendances of the window (plus O(E) for the editions' ranks).
Network build_network(const model::Project& project, const ProjectIndex& index, Scope scope, TieLevel level,
                      const Window& window);

/// Builds the two-mode person × session network of a window. Complexity: O(A log A).
TwoModeNetwork build_two_mode(const model::Project& project, TieLevel level, const Window& window);
/// The same, with an index of the project built once: O(A_w log A_w) for the window's A_w.
TwoModeNetwork build_two_mode(const model::Project& project, const ProjectIndex& index, TieLevel level,
                              const Window& window);

} // namespace maillage::graph
