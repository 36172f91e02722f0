// Who is missing from a territory's ateliers (docs/advise.md, "Unmobilised"): organisations of
// its registry never seen at any of its editions, types never mobilised here but mobilised
// elsewhere, organisations that came and stopped coming, communes and EPCI without any
// participating organisation, and mobilisation rates (present / known). Pure: the COG is
// passed in as plain data (the command layer reads it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::advise {

/// One commune of the COG with what advise needs of it.
struct Commune {
    std::string code;        ///< INSEE code
    std::string name;
    std::string departement; ///< département code ("84")
    std::string epci;        ///< SIREN of its EPCI; empty when none
    std::string epci_name;
    std::int64_t population = 0;
};

/// The communes known (COG) and, per territory, the communes it covers.
struct Geography {
    std::vector<Commune> communes; ///< sorted by code (sort_communes)
    /// territory id → the codes of its communes; a territory without entry (or with an empty
    /// one) covers the communes of the EPCI where its registry entries and participating
    /// organisations are (area_of).
    std::vector<std::vector<std::string>> territory_communes;

    /// Sorts `communes` by code. Complexity: O(n log n).
    void sort_communes();
    /// The commune with that code, or nullptr. Complexity: O(log n).
    [[nodiscard]] const Commune* find(std::string_view code) const;
};

/// The commune codes a territory covers: territory_communes[territory] when given, else every
/// commune of the EPCI holding its registry entries and the organisations that came to it.
/// Sorted, each once. Complexity: O(C log C + R + O) for C communes.
std::vector<std::string> area_of(const model::Project& project, model::Id territory, const Geography& geography);

struct UnmobilisedOptions {
    /// Brokers of an edition: its organisations of highest betweenness (interconnaissance,
    /// organisation network of that edition), at most this many, betweenness > 0.
    std::int32_t brokers = 10;
};

/// A registry entry of the territory whose organisation never came to any of its editions.
struct AbsentOrganisation {
    std::size_t registry = 0;  ///< index into project.registry
    std::string name;
    std::string type;          ///< seed-level type key (Taxonomy::seed_type); empty when unknown
    std::string commune;       ///< INSEE code; empty when unknown
    std::string commune_name;
    std::string epci, epci_name;
    std::int64_t population = 0; ///< of its commune
    bool came_elsewhere = false; ///< matched to an organisation that came to another territory
};

/// A (seed-level) type no organisation of which ever came to the territory.
struct TypeGap {
    std::string type;
    std::int64_t known_here = 0;              ///< registry entries of that type on the territory
    std::int32_t territories_elsewhere = 0;   ///< other territories where it came
    std::int64_t organisations_elsewhere = 0; ///< distinct organisations of that type there
    std::int64_t people_elsewhere = 0;        ///< distinct people who came from them
    std::int64_t editions_elsewhere = 0;      ///< editions where at least one of them came
};

/// An organisation that came to an earlier edition of the territory and not to its last one.
struct LapsedOrganisation {
    model::Id organisation = model::no_id;
    std::string type; ///< seed-level
    int first_year = 0, last_year = 0;
    std::int32_t editions = 0;      ///< editions of the territory attended
    std::int64_t people = 0;        ///< distinct people who came from it
    std::int64_t trio_roles = 0;    ///< attendances as exposant, gardien or scribe
    std::int64_t preparation = 0;   ///< attendances at preparation sessions (cooperation group)
    std::int32_t best_rank = 0;     ///< best betweenness rank in an edition attended (1 = first); 0 = never a broker
    bool broker = false;            ///< best_rank in 1..brokers ("passeur")
};

/// A commune or an EPCI of the territory where no participating organisation is located.
struct AreaGap {
    std::string code, name;
    std::int64_t population = 0;
    std::int64_t communes = 1;          ///< communes of the territory inside it (1 for a commune)
    std::vector<std::size_t> registry;  ///< registry entries of the territory located there
};

/// present / known of a group (a type, an EPCI, the territory). Known: the territory's
/// registry entries (one per organisation) plus the organisations that came without one;
/// present: those that came to at least one edition of the territory.
struct Rate {
    std::string key;  ///< type key, EPCI SIREN, or "*" for the territory
    std::string name; ///< EPCI name; empty otherwise
    std::int64_t known = 0, present = 0;
    [[nodiscard]] double rate() const { return known > 0 ? static_cast<double>(present) / static_cast<double>(known) : 0.0; }
};

struct Unmobilised {
    model::Id territory = model::no_id;
    model::Id last_edition = model::no_id; ///< no_id when the territory has no edition
    std::int32_t editions = 0;
    std::vector<AbsentOrganisation> never_seen; ///< by type (unknown last), then name
    std::vector<TypeGap> missing_types;  ///< mobilised elsewhere first (by organisations there, desc), then known here (desc), then key
    std::vector<LapsedOrganisation> lapsed; ///< brokers first, then last year (desc), editions (desc), name
    std::vector<AreaGap> epci_gaps;      ///< by population (desc), then code
    std::vector<AreaGap> commune_gaps;   ///< by population (desc), then code
    std::int64_t population = 0;         ///< of the territory's communes
    std::int64_t population_covered = 0; ///< of its communes holding a participating organisation
    std::vector<Rate> by_type;           ///< by key (unknown type "" last)
    std::vector<Rate> by_epci;           ///< by rate, then known (desc), then code; "" = no EPCI known
    Rate overall;
};

/// What is missing from `territory`, by the definitions of docs/advise.md. Types are compared
/// at seed level (taxonomy.seed_type: a CIDFF counts as an association). Throws nothing but
/// what graph and metrics throw (maillage::Error if igraph fails). Complexity: O(A + R log R)
/// plus building each edition's organisation network and its exact betweenness.
Unmobilised unmobilised(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                        const Geography& geography, const UnmobilisedOptions& options = {});

/// The project without one edition: its sessions and attendances removed, later ids shifted
/// (organisations, people and the registry are kept, so an organisation that came only then
/// is known and never seen). For back-tests. Complexity: linear in the project's size.
model::Project without_edition(const model::Project& project, model::Id edition);

/// The project with only the editions `keep` marks (indexed by edition id): the sessions and
/// attendances of the others removed and the ids shifted as by without_edition, in one pass
/// however many editions go. Complexity: linear in the project's size.
model::Project only_editions(const model::Project& project, const std::vector<bool>& keep);

/// The seed-level type of a key (the key itself when the taxonomy does not know it).
std::string seed_type(const model::Taxonomy& taxonomy, const std::string& key);

} // namespace maillage::advise
