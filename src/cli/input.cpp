#include "input.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <ostream>
#include <sstream>

#include "command.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/registry.hpp"
#include "maillage/store/store.hpp"

namespace maillage::cli {

using core::Msg;

LoadedInput load_input(const std::vector<std::string>& inputs, const ingest::LoadOptions& options, core::Lang lang,
                       const std::vector<std::string>& registries) {
    LoadedInput in;
    if (is_store(inputs)) in.project = store::Store::open(inputs.front(), false, lang).load();
    else in.project = ingest::load_project(inputs, options, lang, in.diagnostics);
    if (!registries.empty()) {
        const auto reference = ingest::IdentityReference::load("", "", lang);
        const auto context = reference->context();
        ingest::load_registry(in.project, registries, reference->aliases, reference->taxonomy, &reference->communes, lang,
                              in.diagnostics, &context);
    }
    return in;
}

std::vector<std::string> person_labels(const model::Project& project, bool names) {
    std::vector<std::string> person;
    person.reserve(project.people.size());
    for (const auto& p : project.people) person.push_back(p.pseudonym);
    if (!names) return person;
    std::vector<int> rank(project.people.size(), 9);
    for (const auto& i : project.identities) {
        const int r = i.kind == "name" ? 0 : i.kind == "identifier" ? 1 : 2;
        auto& best = rank[static_cast<std::size_t>(i.person)];
        if (r < best && !i.value.empty()) {
            best = r;
            person[static_cast<std::size_t>(i.person)] = i.value;
        }
    }
    return person;
}

std::vector<std::string> node_labels(const model::Project& project, const graph::Network& network, bool names) {
    const bool people = network.scope == graph::Scope::People;
    const std::vector<std::string> person = people ? person_labels(project, names) : std::vector<std::string>();
    std::vector<std::string> out;
    out.reserve(network.nodes.size());
    for (const auto node : network.nodes) {
        const auto id = static_cast<std::size_t>(node);
        out.push_back(people ? person[id] : project.organisations[id].name);
    }
    return out;
}

std::string window_place(const model::Project& project, const graph::Window& window, core::Lang lang) {
    return window.territory ? project.territories[static_cast<std::size_t>(*window.territory)].name
                            : std::string(core::message(Msg::WindowAllTerritories, lang));
}

std::string window_title(const model::Project& project, const graph::Window& window, graph::Scope scope,
                         graph::TieLevel level, core::Lang lang) {
    const std::string when = !window.year       ? std::string(core::message(Msg::WindowAllEditions, lang))
                             : window.cumulative ? core::tr(lang, Msg::WindowCumulative, *window.year)
                                                 : core::tr(lang, Msg::WindowEdition, *window.year);
    return core::tr(lang, Msg::DiagramTitle, window_place(project, window, lang), when,
                    core::message(scope == graph::Scope::People ? Msg::ScopePeople : Msg::ScopeOrganisations, lang),
                    graph::key(level));
}

std::vector<model::Id> require_editions(const model::Project& project, const graph::Window& window, core::Lang lang) {
    auto editions = graph::select_editions(project, window);
    if (editions.empty()) {
        std::string present;
        for (const auto& e : project.editions)
            present += (present.empty() ? "" : ", ") + project.territories[static_cast<std::size_t>(e.territory)].name + " " +
                       std::to_string(e.year);
        throw FatalError(core::tr(lang, core::Msg::NoEditionInWindow, present));
    }
    return editions;
}

graph::Window window_of(const model::Project& project, const std::string& territory, std::optional<int> year,
                        bool cumulative, core::Lang lang) {
    graph::Window window;
    window.year = year;
    window.cumulative = cumulative;
    if (!territory.empty()) window.territory = find_territory(project, territory, lang);
    return window;
}

model::Id find_territory(const model::Project& project, const std::string& text, core::Lang lang) {
    const std::string wanted = core::fold(text);
    std::string present;
    std::optional<model::Id> found;
    for (model::Id t = 0; t < static_cast<model::Id>(project.territories.size()); ++t) {
        const auto& territory = project.territories[static_cast<std::size_t>(t)];
        if (territory.key == wanted || core::fold(territory.name) == wanted || (!territory.code.empty() && territory.code == text))
            found = t;
        present += (present.empty() ? "" : ", ") + territory.name;
    }
    if (!found) throw FatalError(core::tr(lang, Msg::TerritoryNotFound, text, present));
    return *found;
}

namespace {

core::CsvText read_csv(const std::string& path, core::Lang lang) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw FatalError(path + ": " + std::string(core::message(Msg::FileNotFound, lang)));
    std::ostringstream s;
    s << file.rdbuf();
    return core::parse_csv(s.str());
}

/// Column index by header name; -1 when absent.
int column(const core::CsvText& csv, std::string_view name) {
    if (csv.records.empty()) return -1;
    const auto& h = csv.records.front().fields;
    for (std::size_t i = 0; i < h.size(); ++i)
        if (h[i] == name) return static_cast<int>(i);
    return -1;
}

} // namespace

advise::Geography load_geography(const model::Project& project, core::Lang lang) {
    const std::string folder = ingest::reference_data_folder();
    const auto communes = read_csv(folder + "/france_communes.csv", lang);
    const int code = column(communes, "code_insee"), name = column(communes, "nom"), dep = column(communes, "code_departement"),
              pop = column(communes, "population"), epci = column(communes, "epci_siren"), epci_name = column(communes, "epci_nom");
    advise::Geography g;
    for (std::size_t r = 1; r < communes.records.size(); ++r) {
        const auto& f = communes.records[r].fields;
        auto at = [&](int i) { return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)] : std::string(); };
        advise::Commune c{at(code), at(name), at(dep), at(epci), at(epci_name), 0};
        const auto p = at(pop);
        if (!p.empty() && p.find_first_not_of("0123456789") == std::string::npos) c.population = std::stoll(p);
        g.communes.push_back(std::move(c));
    }
    g.sort_communes();
    const auto departements = read_csv(folder + "/departements.csv", lang);
    const int dcode = column(departements, "code_departement"), dname = column(departements, "nom");
    std::map<std::string, std::string> by_name; // folded name → code
    std::map<std::string, bool> codes;
    for (std::size_t r = 1; r < departements.records.size(); ++r) {
        const auto& f = departements.records[r].fields;
        if (dcode < 0 || dname < 0 || f.size() <= static_cast<std::size_t>(std::max(dcode, dname))) continue;
        by_name[core::fold(f[static_cast<std::size_t>(dname)])] = f[static_cast<std::size_t>(dcode)];
        codes[f[static_cast<std::size_t>(dcode)]] = true;
    }
    g.territory_communes.resize(project.territories.size());
    std::optional<geo::CommunePlaces> places; // read only when a territory needs it
    for (std::size_t t = 0; t < project.territories.size(); ++t) {
        const auto& territory = project.territories[t];
        std::string d;
        if (codes.count(territory.code) != 0) d = territory.code;
        else if (auto it = by_name.find(core::fold(territory.name)); it != by_name.end()) d = it->second;
        if (!d.empty()) {
            for (const auto& c : g.communes)
                if (c.departement == d) g.territory_communes[t].push_back(c.code);
        } else if (!territory.outline.empty()) {
            // Another territory with an outline (an employment area, a park by its communes):
            // the communes whose point lies inside it.
            if (!places) places = geo::CommunePlaces::load(folder, lang);
            g.territory_communes[t] = places->communes_inside(territory.outline, lang);
        }
    }
    return g;
}

MapInputs load_map_inputs(const model::Project& project, core::Lang lang) {
    MapInputs in;
    in.geography = load_geography(project, lang);
    // Only the départements the project's territories cover are read.
    std::set<std::string> departements;
    for (model::Id t = 0; t < static_cast<model::Id>(project.territories.size()); ++t)
        for (const auto& code : advise::area_of(project, t, in.geography))
            departements.insert(geo::departement_of_commune(code));
    in.layers = geo::load_map_layers(ingest::reference_data_folder(),
                                     std::vector<std::string>(departements.begin(), departements.end()), 40, lang);
    in.taxonomy = ingest::load_taxonomy("", lang);
    return in;
}

int report_diagnostics(std::ostream& err, const LoadedInput& in, core::Lang lang) {
    for (const auto& d : in.diagnostics.items()) err << core::render(d, lang) << '\n';
    if (in.diagnostics.warning_count() > 0) err << core::tr(lang, Msg::SummaryWarnings, in.diagnostics.warning_count()) << '\n';
    return in.diagnostics.has_errors() ? 1 : 0;
}

} // namespace maillage::cli
