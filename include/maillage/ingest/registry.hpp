// The registry of organisations known on each territory (a directory, a SIRENE extract), and
// its matching with the organisations that came.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/identity.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::ingest {

/// How entries find their territory when the file has no territory column (a national
/// directory): by their commune.
struct RegistryScope {
    /// The project's territory holding a commune (INSEE code), or model::no_id.
    std::function<model::Id(const std::string&)> territory_of;
    /// Keep only the entries of the project's territories (a national directory filtered).
    bool only_in_territories = false;
};

struct RegistryReport {
    std::size_t entries = 0;
    std::size_t by_siret = 0, by_name = 0, by_likeness = 0;
    std::size_t unknown_territory = 0;
};

/// Reads registry CSV/XLSX/ODS files (columns territoire/territory, nom/name, type,
/// code_insee/commune, siret, source — French or English headers) and replaces the project's
/// registry with their entries. Each entry is matched to an organisation that came by
/// match_registry (identity.hpp: SIRET, type, commune, distinctive words; the organisations'
/// questions are asked afresh, the registry's added). Types are classified with the taxonomy (an unknown type is a
/// warning); communes resolved against the COG. Throws FatalError for an unreadable file or a
/// file without a name column. An entry without a territory takes scope.territory_of its
/// commune; with scope.only_in_territories, entries outside every territory are left out. Complexity: those of resolve_organisations and match_registry.
RegistryReport load_registry(model::Project& project, const std::vector<std::string>& paths,
                             const model::AliasTable& aliases, const model::Taxonomy& taxonomy,
                             const CommuneIndex* communes, core::Lang lang, core::Diagnostics& diagnostics,
                             const IdentityContext* identity = nullptr, const RegistryScope& scope = {});

} // namespace maillage::ingest
