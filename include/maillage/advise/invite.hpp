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

namespace maillage::advise {

/// The components of an invitation score, each in [0, 1].
///  * Type: its (seed) type never came to this territory.
///  * Lapsed: it came before and not to the last edition (1 for a broker, 0.5 otherwise).
///  * Gap: its EPCI holds no participating organisation; population of that EPCI / population
///    of the most populated such EPCI of the territory.
///  * Bridge: elsewhere, organisations of its type tie with both types of a pair that know each
///    other less than chance here (mixing, p_fewer ≤ 0.05): the smaller of the two shares of
///    its type's organisations tied to each, best pair.
///  * Central: on other territories, the mean betweenness of its type's organisations over the
///    highest type mean of that territory, averaged over those territories.
enum class Component { Type, Lapsed, Gap, Bridge, Central };
inline constexpr std::size_t component_count = 5;

/// Stable keys: "type", "lapsed", "gap", "bridge", "central".
std::string_view key(Component component);

struct InviteWeights {
    std::array<double, component_count> weight{3.0, 2.0, 1.5, 1.0, 1.0};
    [[nodiscard]] double operator[](Component c) const { return weight[static_cast<std::size_t>(c)]; }
};

/// Reads "type=3,lapsed=2,gap=1.5,bridge=1,central=1" (any subset, others keep their default;
/// decimal point or comma). Returns nullopt for an unknown key, a missing '=' or a weight that
/// is not a number ≥ 0; `bad` then holds the offending item. Complexity: linear.
std::optional<InviteWeights> parse_weights(std::string_view text, std::string* bad = nullptr);

struct InviteOptions {
    std::size_t top = 20;            ///< 0: every candidate
    InviteWeights weights;
    std::int32_t reshuffles = 200;   ///< of the mixing null model (Bridge)
    std::uint64_t seed = 42;
    UnmobilisedOptions unmobilised;
};

/// One organisation to invite.
struct Invitation {
    std::optional<std::size_t> registry;      ///< its registry entry, when it has one
    model::Id organisation = model::no_id;    ///< when it came before (lapsed, or matched elsewhere)
    std::string name, type, commune, commune_name, epci, epci_name;
    std::array<double, component_count> components{}; ///< raw, in [0, 1]
    double score = 0;                          ///< Σ weight × component
    // what the reason says
    bool lapsed_broker = false;
    int last_year = 0;
    std::int32_t editions = 0;
    std::int64_t epci_population = 0;
    std::string bridge_a, bridge_b;            ///< the pair of types it would link
    std::int32_t territories_elsewhere = 0;    ///< where its type came (Type, Central)
    [[nodiscard]] double component(Component c) const { return components[static_cast<std::size_t>(c)]; }
};

/// A type pair that knows each other less than chance on the territory.
struct TypeHole {
    std::string a, b;
    std::int64_t observed = 0;
    double expected = 0, p_fewer = 1;
};

struct InviteResult {
    Unmobilised unmobilised;
    std::vector<TypeHole> holes;           ///< by p_fewer, then types
    std::vector<Invitation> organisations; ///< by score (desc), then name, then registry index; at most `top`
    std::size_t candidates = 0;            ///< before the cut to `top`
};

/// Ranks the candidates of `territory`: registry entries never seen here (one per organisation)
/// and lapsed organisations. Deterministic for a seed. Throws what unmobilised() and
/// metrics::mixing throw. Complexity: that of unmobilised(), plus the mixing of the territory's
/// organisation network (O(reshuffles × ...), metrics/mixing.hpp) and one organisation network
/// with its betweenness per other territory.
InviteResult invite(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                    const Geography& geography, const InviteOptions& options = {});

/// A one-line reason: the components that count most, in `lang`, e.g. « type jamais mobilisé
/// ici (Entreprise), venu sur 3 autres territoires ; couvre la CA du Grand Avignon (195 000
/// hab.), sans participant ». Never empty.
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
