// Whom to invite to a territory's next edition, and why (docs/advise.md, "Invite"): a ranked
// list of organisations (registry entries never seen here, and lapsed organisations), each
// scored from five explainable components, and the recurring participants of under-represented
// types who never held a trio role (for the next cooperation group).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/advise/unmobilised.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/metrics/mixing.hpp"

namespace maillage::advise {

/// The components of an invitation score, each a continuous value in [0, 1] (docs/advise.md,
/// "Invitation score", gives each definition with an example).
///  * Type: its (seed) type never came to this territory: 1/3 + 2/3 × reach, reach = half the
///    share of the other territories (with an edition) where the type came, plus half the share
///    of their editions where it came. A type seen nowhere gets 1/3.
///  * Lapsed: it came before and not to the last edition: 1/2 × broker + 1/4 × engagement +
///    1/4 × loyalty. broker: its best betweenness percentile in the organisation network
///    (interconnaissance) of an edition it attended (share of that edition's other
///    organisations with a lower betweenness; 0 without betweenness); engagement: share of its
///    editions here where it held a trio role or sat in a preparation session; loyalty: editions
///    attended / editions the territory held up to its last visit.
///  * Gap: 1/2 × the population of its EPCI living in communes of the territory without any
///    participating organisation, over the largest such figure of the territory's EPCI, plus
///    1/2 × its own commune's population when no participating organisation is located there,
///    over the most populated such commune.
///  * Bridge: a type pair (a, b) of this territory knowing each other less than chance (mixing,
///    organisation network, interconnaissance) has a strength: the share of the ties chance
///    would give that are missing, 1 − observed/expected, times the evidence, max(0, 1 − 2 p_fewer).
///    A lapsed organisation that was tied here to both a and b scores that strength; any
///    candidate also scores strength × the smaller of the two shares of its type's organisations
///    tied elsewhere to a and to b. Best pair, never its own type.
///  * Central: on other territories, the mean betweenness of its type's organisations over the
///    highest type mean of that territory, averaged over those territories.
enum class Component { Type, Lapsed, Gap, Bridge, Central };
inline constexpr std::size_t component_count = 5;

/// Stable keys: "type", "lapsed", "gap", "bridge", "central".
std::string_view key(Component component);

struct InviteWeights {
    std::array<double, component_count> weight{3.0, 3.0, 1.5, 2.0, 1.0};
    [[nodiscard]] double operator[](Component c) const { return weight[static_cast<std::size_t>(c)]; }
};

/// Reads "type=3,lapsed=2,gap=1.5,bridge=1,central=1" (any subset, others keep their default;
/// decimal point or comma). Returns nullopt for an unknown key, a missing '=' or a weight that
/// is not a number ≥ 0; `bad` then holds the offending item. Complexity: linear.
std::optional<InviteWeights> parse_weights(std::string_view text, std::string* bad = nullptr);

struct InviteOptions {
    std::size_t top = 20;            ///< 0: every candidate
    InviteWeights weights;
    std::int32_t reshuffles = metrics::default_reshuffles;   ///< of the mixing null model (Bridge)
    std::uint64_t seed = 42;
    UnmobilisedOptions unmobilised;
    metrics::DrawCache* draws = nullptr; ///< where the reshuffles are kept (metrics::MixingOptions::cache)
};

/// One organisation to invite.
struct Invitation {
    std::optional<std::size_t> registry;      ///< its registry entry, when it has one
    model::Id organisation = model::no_id;    ///< when it came before (lapsed, or matched elsewhere)
    std::string name, type, commune, commune_name, epci, epci_name;
    std::int64_t commune_population = 0;       ///< of its commune (COG); the first tie-break
    std::array<double, component_count> components{}; ///< raw, in [0, 1]
    double score = 0;                          ///< Σ weight × component
    // what the reason says
    bool lapsed_broker = false;                ///< among the brokers of an edition (UnmobilisedOptions::brokers)
    double broker = 0;                         ///< lapsed: its best betweenness percentile here
    std::vector<int> years;                    ///< lapsed: the years of the editions it came to here
    int last_year = 0;                         ///< lapsed: the last of them
    int missed_year = 0;                       ///< lapsed: the year of the first edition it missed
    bool missed_last_only = false;             ///< lapsed: that first missed edition is the last one
    std::int32_t editions = 0;                 ///< lapsed: editions attended here
    std::int64_t trio_roles = 0, preparation = 0; ///< lapsed: attendances here in a trio role, in preparation
    bool epci_uncovered = false;               ///< no participating organisation in its whole EPCI
    bool commune_uncovered = false;            ///< none in its commune
    std::int64_t epci_population = 0;          ///< of its EPCI in the territory, in uncovered communes
    std::string bridge_a, bridge_b;            ///< the pair of types it would link
    bool bridge_here = false;                  ///< it linked them itself, here (lapsed)
    std::int32_t territories_elsewhere = 0;    ///< where its type came (Type)
    std::int64_t organisations_elsewhere = 0;  ///< organisations of its type that came there (Type)
    [[nodiscard]] double component(Component c) const { return components[static_cast<std::size_t>(c)]; }
};

/// A type pair that knows each other less than chance on the territory, significantly and
/// materially (metrics::group_holes): the list shown beside the invitations. The Bridge component
/// does not depend on it: it weighs every pair with fewer ties than chance by its own strength.
struct TypeHole {
    std::string a, b;
    std::int64_t observed = 0;
    double expected = 0, p_fewer = 1;
};

struct InviteResult {
    Unmobilised unmobilised;
    std::vector<TypeHole> holes;           ///< by p_fewer, then types
    /// by score (desc); equal scores by population of the commune (desc), then registry order
    /// (entries first), then organisation id; at most `top`
    std::vector<Invitation> organisations;
    std::size_t candidates = 0;            ///< before the cut to `top`
};

/// Ranks the candidates of `territory`: registry entries never seen here (one per organisation)
/// and lapsed organisations. Deterministic for a seed. Throws what unmobilised() and
/// metrics::mixing throw. Complexity: that of unmobilised(), plus the mixing of the territory's
/// organisation network (O(reshuffles × ...), metrics/mixing.hpp) and one organisation network
/// with its betweenness per other territory.
InviteResult invite(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                    const Geography& geography, const InviteOptions& options = {});

/// A reason a coordinator can read aloud: the (up to three) components that weigh most, each a
/// clause, in `lang`, e.g. « venu en 2016, 2020 et 2024, y faisait le lien entre des partenaires
/// qui sinon se croisaient peu, pas revenu en 2025 » or « aucun organisme de ce type
/// (Entreprise) n'est venu ici, alors qu'il en vient sur 2 autres territoires ». A component
/// whose weighted part is under 0.1 is not said; Central only from 0.25; a lapsed organisation's
/// history always, first. Never empty.
/// Complexity: constant.
std::string reason(const Invitation& invitation, const InviteWeights& weights, const model::Taxonomy& taxonomy,
                   core::Lang lang);

/// A person to draw into the next cooperation group.
struct PersonInvitation {
    model::Id person = model::no_id;
    model::Id organisation = model::no_id; ///< at their last edition of the territory
    std::string type;                      ///< seed-level
    std::int32_t editions = 0;
    int last_year = 0;
    double share_here = 0, share_elsewhere = 0; ///< of their type among people (here, other territories)
};

/// Recurring participants (≥ 2 editions of the territory) from organisations of an
/// under-represented type — its share of the territory's people below its share on the other
/// territories, or a type of class not_mobilised — who never held a trio role nor sat in a
/// preparation session here. By editions (desc), last year (desc), then person id; at most
/// `top` (0: all). Complexity: O(A log A).
std::vector<PersonInvitation> invite_people(const model::Project& project, model::Id territory,
                                            const model::Taxonomy& taxonomy, std::size_t top);

/// « venu·e à 3 éditions (dernière en 2024), jamais en trio ; type sous-représenté ici (CFA :
/// 2 % des participants, 5 % ailleurs) ». Never empty.
std::string reason(const PersonInvitation& invitation, const model::Taxonomy& taxonomy, core::Lang lang);

/// The label of a type key in `lang` (the key itself when unknown; "type inconnu" when empty).
std::string type_label(const model::Taxonomy& taxonomy, const std::string& key, core::Lang lang);

} // namespace maillage::advise
