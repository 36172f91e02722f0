#include "maillage/advise/unmobilised.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "maillage/graph/network.hpp"
#include "maillage/metrics/centrality.hpp"
#include "presence.hpp"

namespace maillage::advise {

void Geography::sort_communes() {
    std::sort(communes.begin(), communes.end(), [](const Commune& a, const Commune& b) { return a.code < b.code; });
}

const Commune* Geography::find(std::string_view code) const {
    if (code.empty()) return nullptr;
    auto it = std::lower_bound(communes.begin(), communes.end(), code,
                               [](const Commune& c, std::string_view k) { return c.code < k; });
    return it != communes.end() && it->code == code ? &*it : nullptr;
}

std::string seed_type(const model::Taxonomy& taxonomy, const std::string& key) {
    if (key.empty()) return key;
    return taxonomy.seed_type(key).value_or(key);
}

std::vector<std::string> area_of(const model::Project& project, model::Id territory, const Geography& geography) {
    const auto t = static_cast<std::size_t>(territory);
    std::vector<std::string> out;
    if (t < geography.territory_communes.size() && !geography.territory_communes[t].empty()) {
        out = geography.territory_communes[t];
    } else {
        std::set<std::string> epci;
        auto add = [&](const std::string& code) {
            if (const auto* c = geography.find(code); c != nullptr && !c->epci.empty()) epci.insert(c->epci);
        };
        for (const auto& e : project.registry)
            if (e.territory == territory) add(e.commune);
        const auto p = detail::presence(project);
        for (std::size_t o = 0; o < project.organisations.size(); ++o)
            if (p.came_to(static_cast<model::Id>(o), territory)) add(project.organisations[o].commune);
        for (const auto& c : geography.communes)
            if (epci.count(c.epci) != 0) out.push_back(c.code);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace detail {

Presence presence(const model::Project& project) {
    Presence p;
    p.by_org.resize(project.organisations.size());
    p.edition_territory.reserve(project.editions.size());
    for (const auto& e : project.editions) p.edition_territory.push_back(e.territory);
    for (const auto& a : project.attendances) {
        const auto& session = project.sessions[static_cast<std::size_t>(a.session)];
        const auto territory = project.editions[static_cast<std::size_t>(session.edition)].territory;
        if (a.organisation == model::no_id) continue;
        auto& here = p.by_org[static_cast<std::size_t>(a.organisation)][territory];
        here.editions.insert(session.edition);
        here.people.insert(a.person);
        if (a.role != model::Role::Participant) ++here.trio_roles;
        if (session.kind == model::SessionKind::Preparation) ++here.preparation;
    }
    return p;
}

} // namespace detail

namespace {

/// Organisation → its best betweenness rank among the organisations of each edition (1 = first),
/// counting only betweenness > 0; absent: never ranked.
std::map<model::Id, std::int32_t> broker_ranks(const model::Project& project, const std::vector<model::Id>& editions) {
    std::map<model::Id, std::int32_t> best;
    std::set<std::pair<model::Id, int>> done;
    const graph::ProjectIndex index(project);
    for (auto e : editions) {
        const auto& ed = project.editions[static_cast<std::size_t>(e)];
        if (!done.insert({ed.territory, ed.year}).second) continue;
        graph::Window w;
        w.territory = ed.territory;
        w.year = ed.year;
        const auto net = graph::build_network(project, index, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
        const auto c = metrics::node_centralities(net.graph);
        std::vector<std::size_t> order;
        for (std::size_t v = 0; v < net.nodes.size(); ++v)
            if (c.betweenness[v] > 0) order.push_back(v);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return std::tuple(-c.betweenness[a], -c.degree[a], net.nodes[a]) < std::tuple(-c.betweenness[b], -c.degree[b], net.nodes[b]);
        });
        for (std::size_t r = 0; r < order.size(); ++r) {
            const auto id = net.nodes[order[r]];
            const auto rank = static_cast<std::int32_t>(r + 1);
            auto [it, fresh] = best.emplace(id, rank);
            if (!fresh) it->second = std::min(it->second, rank);
        }
    }
    return best;
}

} // namespace

Unmobilised unmobilised(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                        const Geography& geography, const UnmobilisedOptions& options) {
    Unmobilised u;
    u.territory = territory;
    graph::Window window;
    window.territory = territory;
    const auto editions = graph::select_editions(project, window);
    u.editions = static_cast<std::int32_t>(editions.size());
    if (!editions.empty()) u.last_edition = editions.back();
    const auto p = detail::presence(project);
    auto year = [&](model::Id e) { return project.editions[static_cast<std::size_t>(e)].year; };
    auto org_type = [&](model::Id o) { return seed_type(taxonomy, project.organisations[static_cast<std::size_t>(o)].type); };

    // Never seen: registry entries of the territory whose organisation never came here.
    std::set<model::Id> listed;
    std::set<model::Id> in_registry;
    struct Known {
        std::string type, epci;
        bool present = false;
    };
    std::vector<Known> known;
    for (std::size_t i = 0; i < project.registry.size(); ++i) {
        const auto& e = project.registry[i];
        if (e.territory != territory) continue;
        if (e.organisation != model::no_id && !listed.insert(e.organisation).second) continue; // one per organisation
        const bool here = e.organisation != model::no_id && p.came_to(e.organisation, territory);
        if (e.organisation != model::no_id) in_registry.insert(e.organisation);
        const auto* c = geography.find(e.commune);
        std::string type = seed_type(taxonomy, e.type);
        if (type.empty() && e.organisation != model::no_id) type = org_type(e.organisation);
        known.push_back({type, c != nullptr ? c->epci : std::string(), here});
        if (here) continue;
        AbsentOrganisation a;
        a.registry = i;
        a.name = e.name;
        a.type = type;
        a.commune = e.commune;
        if (c != nullptr) {
            a.commune_name = c->name;
            a.epci = c->epci;
            a.epci_name = c->epci_name;
            a.population = c->population;
        }
        a.came_elsewhere = e.organisation != model::no_id && p.came_anywhere(e.organisation);
        u.never_seen.push_back(std::move(a));
    }
    std::sort(u.never_seen.begin(), u.never_seen.end(), [](const AbsentOrganisation& a, const AbsentOrganisation& b) {
        return std::tuple(a.type.empty(), a.type, a.name, a.registry) < std::tuple(b.type.empty(), b.type, b.name, b.registry);
    });

    // Who came here, and the types mobilised here and elsewhere.
    std::set<std::string> types_here;
    std::vector<model::Id> came_here;
    struct Elsewhere {
        std::set<model::Id> territories, organisations, people, editions;
    };
    std::map<std::string, Elsewhere> elsewhere;
    for (std::size_t o = 0; o < project.organisations.size(); ++o) {
        const auto id = static_cast<model::Id>(o);
        const auto type = org_type(id);
        for (const auto& [t, seen] : p.by_org[o]) {
            if (t == territory) {
                came_here.push_back(id);
                if (!type.empty()) types_here.insert(type);
            } else if (!type.empty()) {
                auto& x = elsewhere[type];
                x.territories.insert(t);
                x.organisations.insert(id);
                x.people.insert(seen.people.begin(), seen.people.end());
                x.editions.insert(seen.editions.begin(), seen.editions.end());
            }
        }
    }
    std::map<std::string, std::int64_t> known_here;
    for (const auto& a : u.never_seen)
        if (!a.type.empty()) ++known_here[a.type];
    std::set<std::string> candidates;
    for (const auto& [t, n] : known_here) candidates.insert(t);
    for (const auto& [t, x] : elsewhere) candidates.insert(t);
    for (const auto& t : candidates) {
        if (types_here.count(t) != 0) continue;
        TypeGap g;
        g.type = t;
        g.known_here = known_here.count(t) != 0 ? known_here[t] : 0;
        if (auto it = elsewhere.find(t); it != elsewhere.end()) {
            g.territories_elsewhere = static_cast<std::int32_t>(it->second.territories.size());
            g.organisations_elsewhere = static_cast<std::int64_t>(it->second.organisations.size());
            g.people_elsewhere = static_cast<std::int64_t>(it->second.people.size());
            g.editions_elsewhere = static_cast<std::int64_t>(it->second.editions.size());
        }
        u.missing_types.push_back(std::move(g));
    }
    std::sort(u.missing_types.begin(), u.missing_types.end(), [](const TypeGap& a, const TypeGap& b) {
        return std::tuple(a.organisations_elsewhere == 0, -a.organisations_elsewhere, -a.known_here, a.type) <
               std::tuple(b.organisations_elsewhere == 0, -b.organisations_elsewhere, -b.known_here, b.type);
    });

    // Lapsed: came here before, not to the last edition.
    if (u.last_edition != model::no_id) {
        std::vector<model::Id> earlier(editions.begin(), editions.end() - 1);
        const auto ranks = broker_ranks(project, earlier);
        for (auto o : came_here) {
            const auto& seen = p.by_org[static_cast<std::size_t>(o)].at(territory);
            if (seen.editions.count(u.last_edition) != 0) continue;
            LapsedOrganisation l;
            l.organisation = o;
            l.type = org_type(o);
            l.first_year = 1 << 30;
            for (auto e : seen.editions) {
                l.first_year = std::min(l.first_year, year(e));
                l.last_year = std::max(l.last_year, year(e));
            }
            l.editions = static_cast<std::int32_t>(seen.editions.size());
            l.people = static_cast<std::int64_t>(seen.people.size());
            l.trio_roles = seen.trio_roles;
            l.preparation = seen.preparation;
            if (auto it = ranks.find(o); it != ranks.end()) l.best_rank = it->second;
            l.broker = l.best_rank > 0 && l.best_rank <= options.brokers;
            u.lapsed.push_back(std::move(l));
        }
        std::sort(u.lapsed.begin(), u.lapsed.end(), [&](const LapsedOrganisation& a, const LapsedOrganisation& b) {
            const auto& na = project.organisations[static_cast<std::size_t>(a.organisation)].name;
            const auto& nb = project.organisations[static_cast<std::size_t>(b.organisation)].name;
            return std::tuple(!a.broker, -a.last_year, -a.editions, na, a.organisation) <
                   std::tuple(!b.broker, -b.last_year, -b.editions, nb, b.organisation);
        });
    }

    // Geography: communes and EPCI of the territory without any participating organisation.
    const auto area = area_of(project, territory, geography);
    std::set<std::string> covered_communes, covered_epci;
    for (auto o : came_here) {
        const auto& code = project.organisations[static_cast<std::size_t>(o)].commune;
        if (const auto* c = geography.find(code)) {
            covered_communes.insert(c->code);
            if (!c->epci.empty()) covered_epci.insert(c->epci);
        }
    }
    std::map<std::string, std::vector<std::size_t>> absent_in_commune, absent_in_epci;
    for (const auto& a : u.never_seen) {
        if (!a.commune.empty()) absent_in_commune[a.commune].push_back(a.registry);
        if (!a.epci.empty()) absent_in_epci[a.epci].push_back(a.registry);
    }
    std::map<std::string, AreaGap> epci_gaps;
    for (const auto& code : area) {
        const auto* c = geography.find(code);
        if (c == nullptr) continue;
        u.population += c->population;
        if (covered_communes.count(code) != 0) {
            u.population_covered += c->population;
            continue;
        }
        AreaGap g{c->code, c->name, c->population, 1, absent_in_commune[c->code]};
        u.commune_gaps.push_back(std::move(g));
        if (c->epci.empty() || covered_epci.count(c->epci) != 0) continue;
        auto& e = epci_gaps[c->epci];
        if (e.code.empty()) {
            e.code = c->epci;
            e.name = c->epci_name;
            e.communes = 0;
            e.registry = absent_in_epci[c->epci];
        }
        e.population += c->population;
        ++e.communes;
    }
    for (auto& [k, g] : epci_gaps) u.epci_gaps.push_back(std::move(g));
    auto by_population = [](const AreaGap& a, const AreaGap& b) { return std::tuple(-a.population, a.code) < std::tuple(-b.population, b.code); };
    std::sort(u.commune_gaps.begin(), u.commune_gaps.end(), by_population);
    std::sort(u.epci_gaps.begin(), u.epci_gaps.end(), by_population);

    // Rates: the registry's organisations plus those that came without an entry.
    for (auto o : came_here) {
        if (in_registry.count(o) != 0) continue;
        const auto* c = geography.find(project.organisations[static_cast<std::size_t>(o)].commune);
        known.push_back({org_type(o), c != nullptr ? c->epci : std::string(), true});
    }
    std::map<std::string, Rate> by_type, by_epci;
    u.overall.key = "*";
    for (const auto& k : known) {
        for (auto* r : {&by_type[k.type], &by_epci[k.epci], &u.overall}) {
            ++r->known;
            if (k.present) ++r->present;
        }
    }
    for (auto& [k, r] : by_type) {
        r.key = k;
        u.by_type.push_back(r);
    }
    std::stable_sort(u.by_type.begin(), u.by_type.end(), [](const Rate& a, const Rate& b) { return a.key.empty() < b.key.empty(); });
    std::map<std::string, std::string> epci_names;
    for (const auto& c : geography.communes)
        if (!c.epci.empty()) epci_names.emplace(c.epci, c.epci_name);
    for (auto& [k, r] : by_epci) {
        r.key = k;
        if (auto it = epci_names.find(k); it != epci_names.end()) r.name = it->second;
        u.by_epci.push_back(r);
    }
    std::sort(u.by_epci.begin(), u.by_epci.end(), [](const Rate& a, const Rate& b) {
        return std::tuple(a.key.empty(), a.rate(), -a.known, a.key) < std::tuple(b.key.empty(), b.rate(), -b.known, b.key);
    });
    return u;
}

model::Project without_edition(const model::Project& project, model::Id edition) {
    std::vector<bool> keep(project.editions.size(), true);
    keep[static_cast<std::size_t>(edition)] = false;
    return only_editions(project, keep);
}

model::Project only_editions(const model::Project& project, const std::vector<bool>& keep) {
    model::Project out = project;
    std::vector<model::Id> edition_id(project.editions.size(), model::no_id);
    out.editions.clear();
    for (std::size_t e = 0; e < project.editions.size(); ++e) {
        if (!keep[e]) continue;
        edition_id[e] = static_cast<model::Id>(out.editions.size());
        out.editions.push_back(project.editions[e]);
    }
    std::vector<model::Id> session_id(project.sessions.size(), model::no_id);
    out.sessions.clear();
    for (std::size_t s = 0; s < project.sessions.size(); ++s) {
        auto session = project.sessions[s];
        if (session.edition != model::no_id) {
            session.edition = edition_id[static_cast<std::size_t>(session.edition)];
            if (session.edition == model::no_id) continue;
        }
        session_id[s] = static_cast<model::Id>(out.sessions.size());
        out.sessions.push_back(std::move(session));
    }
    out.attendances.clear();
    for (auto a : project.attendances) {
        a.session = session_id[static_cast<std::size_t>(a.session)];
        if (a.session != model::no_id) out.attendances.push_back(a);
    }
    return out;
}

} // namespace maillage::advise
