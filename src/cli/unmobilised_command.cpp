#include "unmobilised_command.hpp"


#include "advise_document.hpp"
#include "input.hpp"
#include "maillage/advise/invite.hpp"
#include "maillage/core/error.hpp"
#include "maillage/ingest/ingest.hpp"

namespace maillage::cli {

using core::Msg;
using namespace advice;

void UnmobilisedCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("--territory", text(Msg::OptAdviseTerritory), &m_territory);
    args.option("--format", text(Msg::OptFormat), &m_format, {"table", "csv", "json"});
    args.flag("--excel", text(Msg::OptExcel), &m_excel);
    args.option_list("--registry", text(Msg::OptRegistryFiles), &m_registries);
    m_sheet_options.declare(args, lang);
    args.option("-o,--output", text(Msg::OptOutput), &m_output);
}

void UnmobilisedCommand::setup(const Context& context) {
    m_sheet_options.resolve(context.lang, m_load.mapping, m_load.read);
    if (m_excel && m_format != "csv") throw FatalError(std::string(core::message(Msg::UsageExcelCsv, context.lang)));
}

namespace {

Cell year(int y) { return y > 0 ? Cell{std::int64_t{y}, std::to_string(y)} : Cell{}; }

Doc unmobilised_doc(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                    const advise::Geography& geography, core::Lang lang) {
    const auto u = advise::unmobilised(project, territory, taxonomy, geography);
    Doc d;
    d.territory = project.territories[static_cast<std::size_t>(territory)].name;
    auto label = [&](const std::string& type) { return Cell{type, advise::type_label(taxonomy, type, lang)}; };
    const auto last = u.last_edition == model::no_id ? 0 : project.editions[static_cast<std::size_t>(u.last_edition)].year;
    d.figures.emplace_back("editions", Msg::MetEditions, count(u.editions));
    d.figures.emplace_back("last_edition", Msg::MetLastEdition, year(last));
    d.figures.emplace_back("never_seen", Msg::MetNeverSeen, count(static_cast<std::int64_t>(u.never_seen.size())));
    d.figures.emplace_back("types_never_mobilised", Msg::MetMissingTypes, count(static_cast<std::int64_t>(u.missing_types.size())));
    d.figures.emplace_back("lapsed_organisations", Msg::MetLapsedOrganisations, count(static_cast<std::int64_t>(u.lapsed.size())));
    d.figures.emplace_back("population", Msg::MetPopulation, count(u.population));
    d.figures.emplace_back("population_covered", Msg::MetPopulationCovered, count(u.population_covered));
    d.figures.emplace_back("mobilisation_rate", Msg::MetMobilisationRate, Cell{u.overall.rate(), ""});

    Section never{"never_seen", Msg::SectionNeverSeen, {}, {}, {}, 0};
    // the codes, and the EPCI (the commune says where), give way first in a text of 120 columns
    never.cols = {{"type", Msg::HeadType},
                  {"organisation", Msg::HeadOrganisation},
                  {"commune", Msg::HeadCommuneCode, core::Align::Left, core::Fit::Optional},
                  {"commune_name", Msg::HeadCommune},
                  {"epci", Msg::HeadEpciCode, core::Align::Left, core::Fit::Optional},
                  {"epci_name", Msg::HeadEpci, core::Align::Left, core::Fit::Optional},
                  {"came_elsewhere", Msg::HeadCameElsewhere}};
    bool any_registry = false;
    for (const auto& e : project.registry) any_registry |= e.territory == territory;
    if (!any_registry) never.sentences.push_back(std::string(core::message(Msg::NoRegistry, lang)));
    for (const auto& a : u.never_seen)
        never.rows.push_back({label(a.type), text(a.name), text(a.commune), text(a.commune_name), text(a.epci), text(a.epci_name),
                              Cell{a.came_elsewhere, ""}});
    d.sections.push_back(std::move(never));

    Section types{"types_never_mobilised", Msg::SectionMissingTypes, {}, {}, {}, 0};
    types.cols = {{"type", Msg::HeadType},
                  {"known_here", Msg::HeadKnownHere, core::Align::Right},
                  {"territories_elsewhere", Msg::HeadTerritoriesElsewhere, core::Align::Right},
                  {"organisations_elsewhere", Msg::HeadOrganisationsElsewhere, core::Align::Right},
                  {"people_elsewhere", Msg::HeadPeopleElsewhere, core::Align::Right},
                  {"editions_elsewhere", Msg::HeadEditionsElsewhere, core::Align::Right}};
    for (const auto& g : u.missing_types)
        types.rows.push_back({label(g.type), count(g.known_here), count(g.territories_elsewhere), count(g.organisations_elsewhere),
                              count(g.people_elsewhere), count(g.editions_elsewhere)});
    d.sections.push_back(std::move(types));

    Section lapsed{"lapsed_organisations", Msg::SectionLapsedOrganisations, {}, {}, {}, 0};
    lapsed.cols = {{"organisation", Msg::HeadOrganisation},
                   {"type", Msg::HeadType},
                   {"first_year", Msg::HeadFirstYear, core::Align::Right},
                   {"last_year", Msg::HeadLastYear, core::Align::Right},
                   {"editions", Msg::HeadEditionsCount, core::Align::Right},
                   {"people", Msg::HeadPeople, core::Align::Right},
                   {"trio_roles", Msg::HeadTrioRoles, core::Align::Right},
                   {"preparation", Msg::HeadPreparation, core::Align::Right},
                   {"best_betweenness_rank", Msg::HeadBrokerRank, core::Align::Right},
                   {"broker", Msg::HeadBroker}};
    for (const auto& l : u.lapsed)
        lapsed.rows.push_back({text(project.organisations[static_cast<std::size_t>(l.organisation)].name), label(l.type),
                               year(l.first_year), year(l.last_year), count(l.editions), count(l.people), count(l.trio_roles),
                               count(l.preparation), l.best_rank > 0 ? count(l.best_rank) : Cell{}, Cell{l.broker, ""}});
    d.sections.push_back(std::move(lapsed));

    auto registry_names = [&](const std::vector<std::size_t>& entries) {
        std::string out;
        for (auto i : entries) out += (out.empty() ? "" : "; ") + project.registry[i].name;
        return out;
    };
    Section epci{"epci_gaps", Msg::SectionEpciGaps, {}, {}, {}, 0};
    epci.cols = {{"epci", Msg::HeadEpciCode, core::Align::Left, core::Fit::Optional},
                 {"epci_name", Msg::HeadEpci},
                 {"population", Msg::HeadPopulation, core::Align::Right},
                 {"communes", Msg::HeadCommunes, core::Align::Right},
                 {"registry", Msg::HeadRegistryThere}};
    for (const auto& g : u.epci_gaps)
        epci.rows.push_back({text(g.code), text(g.name), count(g.population), count(g.communes), text(registry_names(g.registry))});
    d.sections.push_back(std::move(epci));

    Section communes{"commune_gaps", Msg::SectionCommuneGaps, {}, {}, {}, 15};
    communes.cols = {{"commune", Msg::HeadCommuneCode},
                     {"commune_name", Msg::HeadCommune},
                     {"population", Msg::HeadPopulation, core::Align::Right},
                     {"registry", Msg::HeadRegistryThere}};
    for (const auto& g : u.commune_gaps)
        communes.rows.push_back({text(g.code), text(g.name), count(g.population), text(registry_names(g.registry))});
    d.sections.push_back(std::move(communes));

    auto rate_cols = [](std::vector<Col> first) {
        first.push_back({"known", Msg::HeadKnown, core::Align::Right});
        first.push_back({"present", Msg::HeadPresent, core::Align::Right});
        first.push_back({"rate", Msg::HeadRate, core::Align::Right});
        return first;
    };
    Section by_type{"rates_by_type", Msg::SectionRatesType, {}, rate_cols({{"type", Msg::HeadType}}), {}, 0};
    for (const auto& r : u.by_type) by_type.rows.push_back({label(r.key), count(r.known), count(r.present), Cell{r.rate(), ""}});
    d.sections.push_back(std::move(by_type));
    Section by_epci{"rates_by_epci", Msg::SectionRatesEpci, {}, rate_cols({{"epci", Msg::HeadEpciCode}, {"epci_name", Msg::HeadEpci}}), {}, 0};
    for (const auto& r : u.by_epci)
        by_epci.rows.push_back({text(r.key), Cell{r.name, r.name.empty() ? std::string(core::message(Msg::WordUnknown, lang)) : r.name},
                                count(r.known), count(r.present), Cell{r.rate(), ""}});
    d.sections.push_back(std::move(by_epci));
    return d;
}

} // namespace

int UnmobilisedCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const LoadedInput in = load_input(m_inputs, m_load, lang, m_registries, app::measuring(false));
    const auto& project = in.project;
    std::vector<model::Id> territories;
    if (!m_territory.empty()) territories.push_back(find_territory(project, m_territory, lang));
    else
        for (model::Id t = 0; t < static_cast<model::Id>(project.territories.size()); ++t) territories.push_back(t);
    const auto taxonomy = ingest::load_taxonomy("", lang);
    const auto geography = load_geography(project, lang);
    std::vector<Doc> docs;
    for (auto t : territories) docs.push_back(unmobilised_doc(project, t, taxonomy, geography, lang));
    const std::string product = render(docs, m_format, m_excel, lang);
    write_product(context, m_output, product);
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
