#include "maillage/app/project.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <ostream>
#include <sstream>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/registry.hpp"
#include "maillage/store/store.hpp"

namespace maillage::app {

using core::Msg;

bool is_store(const std::vector<std::string>& inputs) {
    if (inputs.size() != 1) return false;
    const std::string& i = inputs.front();
    return i.rfind("PG:", 0) == 0 || (i.size() > 5 && i.compare(i.size() - 5, 5, ".gpkg") == 0);
}

StoreDraws StoreDraws::of_inputs(const std::vector<std::string>& inputs) {
    return StoreDraws(is_store(inputs) ? inputs.front() : std::string());
}

std::optional<std::string> StoreDraws::find(const std::string& key) {
    if (m_location.empty()) return std::nullopt;
    return store::find_draws(m_location, key);
}

void StoreDraws::keep(const std::string& key, const std::vector<model::Id>& editions, const std::string& draws) {
    if (!m_location.empty()) store::keep_draws(m_location, key, editions, draws);
}

namespace {

struct KeptStore {
    std::filesystem::file_time_type written;
    std::uintmax_t size = 0;
    model::Project project;
};
bool g_keep_stores = false;
std::map<std::string, KeptStore> g_kept;

} // namespace

void keep_read_stores(bool keep) {
    g_keep_stores = keep;
    if (!keep) g_kept.clear();
}

namespace {

/// `full` with the parts `parts` names (the kept project is given without what was not asked).
model::Project parts_of(const model::Project& full, const store::ReadOptions& parts) {
    if (parts.resolution && parts.identities) return full;
    model::Project p;
    p.pseudonym_key = full.pseudonym_key;
    p.pseudonym_key_check = full.pseudonym_key_check;
    p.files = full.files;
    p.territories = full.territories;
    p.editions = full.editions;
    p.sessions = full.sessions;
    p.organisations = full.organisations;
    p.people = full.people;
    p.attendances = full.attendances;
    p.registry = full.registry;
    if (parts.identities) p.identities = full.identities;
    if (parts.resolution) {
        p.records = full.records;
        p.folded = full.folded;
        p.person_keys = full.person_keys;
        p.spellings = full.spellings;
        p.decisions = full.decisions;
        p.questions = full.questions;
    }
    return p;
}

} // namespace

store::ReadOptions measuring(bool names) {
    store::ReadOptions parts;
    parts.resolution = false;
    parts.identities = names;
    return parts;
}

model::Project read_store(const std::string& location, core::Lang lang, const store::ReadOptions& parts) {
    if (!g_keep_stores || store::is_postgres(location)) return store::Store::read(location, lang, parts);
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(location, ec);
    const auto size = ec ? 0 : std::filesystem::file_size(location, ec);
    if (ec) return store::Store::read(location, lang, parts); // let the store say what is wrong
    if (const auto it = g_kept.find(location); it != g_kept.end() && it->second.written == written && it->second.size == size)
        return parts_of(it->second.project, parts);
    auto project = store::Store::read(location, lang);
    if (g_kept.size() >= 4) g_kept.clear(); // a few projects open at once at most
    g_kept[location] = KeptStore{written, size, project};
    return parts_of(project, parts);
}

LoadedInput load_input(const std::vector<std::string>& inputs, const ingest::LoadOptions& options, core::Lang lang,
                       const std::vector<std::string>& registries, const store::ReadOptions& parts) {
    LoadedInput in;
    if (is_store(inputs)) in.project = read_store(inputs.front(), lang, parts);
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
        throw NotFoundError(core::tr(lang, core::Msg::NoEditionInWindow, present));
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
    if (!found) throw NotFoundError(core::tr(lang, Msg::TerritoryNotFound, text, present));
    return *found;
}

namespace {

std::string read_text(const std::string& path, core::Lang lang) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw NotFoundError(path + ": " + std::string(core::message(Msg::FileNotFound, lang)));
    std::ostringstream s;
    s << file.rdbuf();
    return std::move(s).str();
}

} // namespace

advise::Geography load_geography(const model::Project& project, core::Lang lang) {
    const std::string folder = ingest::reference_data_folder();
    advise::Geography g;
    // Each territory: a département (by code or name), else the communes inside its outline.
    const auto departements = geo::Departements::load(folder, lang);
    std::vector<std::string> territory_departement(project.territories.size());
    g.territory_communes.resize(project.territories.size());
    std::optional<geo::CommunePlaces> places; // read only when a territory needs it
    for (std::size_t t = 0; t < project.territories.size(); ++t) {
        const auto& territory = project.territories[t];
        const geo::Departement* d = territory.code.empty() ? nullptr : departements.find(territory.code);
        if (!d || d->code != territory.code) d = departements.find(territory.name);
        if (d) {
            territory_departement[t] = d->code;
        } else if (!territory.outline.empty()) {
            // Another territory with an outline (an employment area, a park by its communes):
            // the communes whose point lies inside it.
            if (!places) places = geo::CommunePlaces::load(folder, lang);
            g.territory_communes[t] = places->communes_inside(territory.outline, lang);
        }
    }
    // Only the départements the project touches are kept (a région's COG, not France's): its
    // territories', and those of every commune it names (organisations, registry), then every
    // commune of an EPCI among them (an EPCI across a département border stays whole).
    std::set<std::string> wanted(territory_departement.begin(), territory_departement.end());
    wanted.erase("");
    for (const auto& communes : g.territory_communes)
        for (const auto& c : communes) wanted.insert(geo::departement_of_commune(c));
    for (const auto& o : project.organisations) wanted.insert(geo::departement_of_commune(o.commune));
    for (const auto& e : project.registry) wanted.insert(geo::departement_of_commune(e.commune));
    const std::string cog = read_text(folder + "/france_communes.csv", lang);
    int code = -1, name = -1, dep = -1, pop = -1, epci = -1, epci_name = -1;
    auto header = [&](const std::vector<std::string>& f) {
        for (int i = 0; i < static_cast<int>(f.size()); ++i) {
            const auto& h = f[static_cast<std::size_t>(i)];
            if (h == "code_insee") code = i;
            else if (h == "nom") name = i;
            else if (h == "code_departement") dep = i;
            else if (h == "population") pop = i;
            else if (h == "epci_siren") epci = i;
            else if (h == "epci_nom") epci_name = i;
        }
        if (code < 0) code = static_cast<int>(f.size()); // no such column: every cell reads empty
    };
    auto cell = [](const std::vector<std::string>& f, int i) -> const std::string& {
        static const std::string none;
        return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)] : none;
    };
    std::set<std::string> epcis; // of the wanted départements
    bool first = true;
    core::each_csv_record(cog, ',', [&](core::CsvRecord& r) {
        if (std::exchange(first, false)) return header(r.fields);
        if (wanted.count(cell(r.fields, dep)) != 0 && !cell(r.fields, epci).empty()) epcis.insert(cell(r.fields, epci));
    });
    first = true;
    core::each_csv_record(cog, ',', [&](core::CsvRecord& r) {
        if (std::exchange(first, false)) return;
        auto& f = r.fields;
        if (wanted.count(cell(f, dep)) == 0 && epcis.count(cell(f, epci)) == 0) return;
        auto take = [&](int i) {
            return i >= 0 && static_cast<std::size_t>(i) < f.size() ? std::move(f[static_cast<std::size_t>(i)]) : std::string();
        };
        advise::Commune c{take(code), take(name), take(dep), take(epci), take(epci_name), 0};
        const auto p = take(pop);
        if (!p.empty() && p.find_first_not_of("0123456789") == std::string::npos) c.population = std::stoll(p);
        g.communes.push_back(std::move(c));
    });
    g.sort_communes();
    for (std::size_t t = 0; t < project.territories.size(); ++t)
        if (!territory_departement[t].empty())
            for (const auto& c : g.communes)
                if (c.departement == territory_departement[t]) g.territory_communes[t].push_back(c.code);
    return g;
}

MapInputs load_map_inputs(const model::Project& project, core::Lang lang, bool backdrop, std::optional<model::Id> only) {
    MapInputs in;
    in.geography = load_geography(project, lang);
    in.layers = load_map_layers(project, in.geography, lang, backdrop, only);
    in.taxonomy = ingest::load_taxonomy("", lang);
    return in;
}

geo::MapLayers load_map_layers(const model::Project& project, const advise::Geography& geography, core::Lang lang,
                               bool backdrop, std::optional<model::Id> only) {
    // Only the départements the project's territories (or the one asked) cover are read.
    std::set<std::string> departements;
    for (model::Id t = 0; t < static_cast<model::Id>(project.territories.size()); ++t)
        if (!only || *only == t)
            for (const auto& code : advise::area_of(project, t, geography))
                departements.insert(geo::departement_of_commune(code));
    auto layers = geo::load_map_layers(ingest::reference_data_folder(),
                                       std::vector<std::string>(departements.begin(), departements.end()), 40, lang);
    if (backdrop) layers.departements = geo::load_departements(ingest::reference_data_folder(), 500, lang);
    return layers;
}


} // namespace maillage::app
