#include "maillage/ingest/registry.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::ingest {
namespace {

using core::Msg;

enum class Col { Territory, Name, Type, Commune, Siret, Source };

std::optional<Col> registry_column(const std::string& header) {
    const std::string f = core::fold(header);
    if (f == "territoire" || f == "territory" || f == "departement") return Col::Territory;
    if (f == "nom" || f == "name" || f == "raison sociale" || f == "denomination" || f == "organisation" ||
        f == "structure")
        return Col::Name;
    if (f == "type" || f == "categorie" || f == "type de structure" || f == "categorie libelle") return Col::Type;
    if (f == "code insee" || f == "commune" || f == "insee" || f == "code commune") return Col::Commune;
    if (f == "siret") return Col::Siret;
    if (f == "source") return Col::Source;
    return std::nullopt;
}

} // namespace

RegistryReport load_registry(model::Project& project, const std::vector<std::string>& paths,
                             const model::AliasTable& aliases, const model::Taxonomy& taxonomy,
                             const CommuneIndex* communes, core::Lang lang, core::Diagnostics& diagnostics,
                             const IdentityContext* identity, const RegistryScope& scope) {
    RegistryReport report;
    project.registry.clear();

    std::unordered_map<std::string, model::Id> territory_by_key;
    for (model::Id i = 0; i < static_cast<model::Id>(project.territories.size()); ++i)
        territory_by_key.emplace(project.territories[static_cast<std::size_t>(i)].key, i);

    for (const auto& path : expand_inputs(paths)) {
        std::vector<std::optional<Col>> columns;
        const TableInfo* table = nullptr;
        std::set<std::string> unknown_territories;
        read_tables(
            path, {}, lang,
            [&](const TableInfo& info) {
                table = &info;
                columns.clear();
                bool has_name = false;
                for (const auto& h : info.headers) {
                    columns.push_back(registry_column(h));
                    has_name |= columns.back() == Col::Name;
                }
                if (!has_name) {
                    std::string found;
                    for (const auto& h : info.headers) found += (found.empty() ? "" : ", ") + h;
                    throw FatalError(core::render_error(info.source, core::tr(lang, Msg::RegistryNoName, found), lang));
                }
            },
            [&](const Row& row) {
                if (row.repeated_header) return; // the header again: nothing to take
                model::RegistryEntry e;
                std::string territory, type_text;
                for (std::size_t c = 0; c < columns.size() && c < row.cells.size(); ++c) {
                    if (!columns[c]) continue;
                    const std::string v = core::repair_c1(core::trim(row.cells[c]));
                    switch (*columns[c]) {
                    case Col::Territory: territory = v; break;
                    case Col::Name: e.name = v; break;
                    case Col::Type: type_text = v; break;
                    case Col::Commune: e.commune = v; break;
                    case Col::Siret:
                        for (char ch : v)
                            if (ch >= '0' && ch <= '9') e.siret.push_back(ch);
                        break;
                    case Col::Source: e.source = v; break;
                    }
                }
                if (e.name.empty()) return;
                if (!type_text.empty()) {
                    if (taxonomy.find(type_text)) e.type = type_text;
                    else e.type = taxonomy.classify(type_text).value_or("");
                }
                if (communes && !e.commune.empty()) e.commune = communes->resolve(e.commune).code;
                // Without a territory column (a national directory): the territory of its commune.
                if (territory.empty() && scope.territory_of && !e.commune.empty()) e.territory = scope.territory_of(e.commune);
                if (e.territory == model::no_id && scope.only_in_territories) return; // outside the project's territories
                if (e.territory == model::no_id) {
                    if (auto it = territory_by_key.find(core::fold(territory)); it != territory_by_key.end()) {
                        e.territory = it->second;
                    } else {
                        ++report.unknown_territory;
                        if (!territory.empty() && unknown_territories.insert(territory).second)
                            diagnostics.warning({table->source, row.line, 0, {}},
                                                core::tr(lang, Msg::RegistryUnknownTerritory, territory));
                    }
                }
                ++report.entries;
                project.registry.push_back(std::move(e));
            });
    }
    // Which of them came: the same evidence as the organisations' own identities.
    IdentityContext context;
    if (identity) context = *identity;
    if (!context.aliases) context.aliases = &aliases;
    if (!context.taxonomy) context.taxonomy = &taxonomy;
    if (!context.communes) context.communes = communes;
    std::erase_if(project.questions, [&](const model::IdentityQuestion& q) { return !q.people; });
    resolve_organisations(project, context); // the organisation questions afresh
    match_registry(project, context);
    show_names(project, context);
    for (const auto& e : project.registry) {
        if (e.match == "siret") ++report.by_siret;
        else if (e.match == "name" || e.match == "decision") ++report.by_name;
        else if (e.match == "evidence") ++report.by_likeness;
    }
    return report;
}

} // namespace maillage::ingest
