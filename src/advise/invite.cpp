#include "maillage/advise/invite.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/mixing.hpp"
#include "presence.hpp"

namespace maillage::advise {

using core::Msg;

std::string_view key(Component component) {
    switch (component) {
    case Component::Type: return "type";
    case Component::Lapsed: return "lapsed";
    case Component::Gap: return "gap";
    case Component::Bridge: return "bridge";
    case Component::Central: return "central";
    }
    return "?";
}

std::optional<InviteWeights> parse_weights(std::string_view text, std::string* bad) {
    InviteWeights w;
    auto fail = [&](std::string_view item) -> std::optional<InviteWeights> {
        if (bad != nullptr) *bad = std::string(item);
        return std::nullopt;
    };
    while (!text.empty()) {
        const auto comma = text.find(',');
        // a decimal comma ("gap=1,5") belongs to the number when a digit follows and no '=' comes first
        std::size_t end = comma;
        while (end != std::string_view::npos && end + 1 < text.size() && text[end + 1] >= '0' && text[end + 1] <= '9')
            end = text.find(',', end + 1);
        const auto item = core::trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (item.empty()) continue;
        const auto eq = item.find('=');
        if (eq == std::string_view::npos) return fail(item);
        const auto name = core::trim(item.substr(0, eq));
        std::string number(core::trim(item.substr(eq + 1)));
        std::replace(number.begin(), number.end(), ',', '.');
        double value = 0;
        const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
        if (number.empty() || ec != std::errc() || ptr != number.data() + number.size() || !(value >= 0) || std::isinf(value))
            return fail(item);
        bool found = false;
        for (std::size_t c = 0; c < component_count; ++c)
            if (key(static_cast<Component>(c)) == name) {
                w.weight[c] = value;
                found = true;
            }
        if (!found) return fail(item);
    }
    return w;
}

std::string type_label(const model::Taxonomy& taxonomy, const std::string& key, core::Lang lang) {
    if (key.empty()) return std::string(core::message(Msg::WordUnknown, lang));
    const auto* t = taxonomy.find(key);
    if (t == nullptr) return key;
    return lang == core::Lang::Fr ? t->label_fr : t->label_en;
}

namespace {

struct TypeEvidence {
    std::map<std::string, std::int64_t> nodes;                       ///< type → organisations elsewhere
    std::map<std::string, std::map<std::string, std::int64_t>> tied; ///< type → partner type → organisations tied to one
    std::map<std::string, double> central_sum;
    std::map<std::string, std::int32_t> central_territories;
};

/// Ties and betweenness of each type on the other territories (cumulative organisation
/// networks at interconnaissance).
TypeEvidence evidence_elsewhere(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy) {
    TypeEvidence ev;
    const graph::ProjectIndex index(project);
    for (model::Id u = 0; u < static_cast<model::Id>(project.territories.size()); ++u) {
        if (u == territory) continue;
        graph::Window w;
        w.territory = u;
        if (graph::select_editions(project, w).empty()) continue;
        const auto net = graph::build_network(project, index, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
        const auto n = net.nodes.size();
        if (n == 0) continue;
        std::vector<std::string> type(n);
        for (std::size_t v = 0; v < n; ++v) type[v] = seed_type(taxonomy, project.organisations[static_cast<std::size_t>(net.nodes[v])].type);
        std::vector<std::set<std::string>> partners(n);
        for (const auto& e : net.graph.edges) {
            const auto s = static_cast<std::size_t>(e.source), t = static_cast<std::size_t>(e.target);
            if (!type[t].empty()) partners[s].insert(type[t]);
            if (!type[s].empty()) partners[t].insert(type[s]);
        }
        const auto c = metrics::node_centralities(net.graph);
        std::map<std::string, std::pair<double, std::int64_t>> mean;
        for (std::size_t v = 0; v < n; ++v) {
            if (type[v].empty()) continue;
            ++ev.nodes[type[v]];
            for (const auto& p : partners[v]) ++ev.tied[type[v]][p];
            mean[type[v]].first += c.betweenness[v];
            ++mean[type[v]].second;
        }
        double top = 0;
        for (auto& [t, m] : mean) top = std::max(top, m.first / static_cast<double>(m.second));
        for (auto& [t, m] : mean) {
            ev.central_sum[t] += top > 0 ? m.first / static_cast<double>(m.second) / top : 0.0;
            ++ev.central_territories[t];
        }
    }
    return ev;
}

/// A type pair of the territory knowing each other less than chance, with its strength (the
/// Bridge component's definition in invite.hpp).
struct PairStrength {
    std::string a, b;
    double strength = 0;
};

struct Mixing {
    std::vector<TypeHole> holes;      ///< metrics::group_holes: significant and material
    std::vector<PairStrength> pairs;  ///< every pair of known types with a strength > 0
};

Mixing mixing_here(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                   const InviteOptions& options) {
    Mixing out;
    if (options.reshuffles <= 0) return out;
    graph::Window w;
    w.territory = territory;
    const auto input = metrics::mixing_input(project, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
    if (input.nodes.size() < 2) return out;
    std::vector<std::string> type(input.nodes.size());
    std::set<std::string> names;
    for (std::size_t v = 0; v < input.nodes.size(); ++v) {
        const auto o = input.organisation[v];
        type[v] = o == model::no_id ? std::string() : seed_type(taxonomy, project.organisations[static_cast<std::size_t>(o)].type);
        names.insert(type[v]);
    }
    const std::vector<std::string> groups(names.begin(), names.end());
    metrics::Grouping g;
    g.group_count = static_cast<std::int32_t>(groups.size());
    for (const auto& t : type)
        g.group.push_back(static_cast<std::int32_t>(std::lower_bound(groups.begin(), groups.end(), t) - groups.begin()));
    metrics::MixingOptions mo;
    mo.reshuffles = options.reshuffles;
    mo.seed = options.seed;
    mo.cache = options.draws;
    const auto r = metrics::mixing(input, {g}, mo);
    const auto& m = r.groupings.front();
    const auto G = static_cast<std::size_t>(m.group_count);
    for (const auto& h : metrics::group_holes(m)) {
        if (groups[h.x].empty() || groups[h.y].empty()) continue; // the unknown type is no type
        const auto& t = m.ties[h.x * G + h.y];
        out.holes.push_back({groups[h.x], groups[h.y], std::llround(t.observed), t.expected, t.p_fewer});
    }
    // By evidence, then type keys (the invitations' own order, stable for a store).
    std::sort(out.holes.begin(), out.holes.end(), [](const TypeHole& a, const TypeHole& b) {
        return std::tie(a.p_fewer, a.a, a.b) < std::tie(b.p_fewer, b.a, b.b);
    });
    for (std::size_t x = 0; x < G; ++x)
        for (std::size_t y = x + 1; y < G; ++y) {
            if (groups[x].empty() || groups[y].empty()) continue;
            const auto& t = m.ties[x * G + y];
            if (!(t.expected > 0) || !(t.observed < t.expected)) continue;
            const double strength = (1.0 - t.observed / t.expected) * std::max(0.0, 1.0 - 2.0 * t.p_fewer);
            if (strength > 0) out.pairs.push_back({groups[x], groups[y], strength});
        }
    return out;
}

/// What the lapsed organisations did here: their best betweenness percentile in an edition's
/// organisation network, the editions where they held a trio role or sat in a preparation
/// session, and the types they were tied to (cumulative network, interconnaissance).
struct HereEvidence {
    std::vector<model::Id> editions; ///< of the territory, by (year, id)
    std::map<model::Id, double> broker;
    std::map<model::Id, std::set<model::Id>> engaged;
    std::map<model::Id, std::set<std::string>> partner_types;
};

HereEvidence evidence_here(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy) {
    HereEvidence ev;
    graph::Window all;
    all.territory = territory;
    ev.editions = graph::select_editions(project, all);
    const graph::ProjectIndex index(project);
    std::set<int> years;
    for (auto e : ev.editions) years.insert(project.editions[static_cast<std::size_t>(e)].year);
    for (int year : years) {
        graph::Window w = all;
        w.year = year;
        const auto net = graph::build_network(project, index, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
        const auto n = net.nodes.size();
        if (n < 2) continue;
        const auto b = metrics::node_betweenness(net.graph).value;
        std::vector<double> sorted(b.begin(), b.end());
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t v = 0; v < n; ++v) {
            if (!(b[v] > 0)) continue;
            const auto lower = static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), b[v]) - sorted.begin());
            auto& best = ev.broker[net.nodes[v]];
            best = std::max(best, lower / static_cast<double>(n - 1));
        }
    }
    const auto net = graph::build_network(project, index, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, all);
    auto type_of = [&](std::size_t v) { return seed_type(taxonomy, project.organisations[static_cast<std::size_t>(net.nodes[v])].type); };
    for (const auto& e : net.graph.edges) {
        const auto s = static_cast<std::size_t>(e.source), t = static_cast<std::size_t>(e.target);
        if (const auto ts = type_of(s); !ts.empty()) ev.partner_types[net.nodes[t]].insert(ts);
        if (const auto tt = type_of(t); !tt.empty()) ev.partner_types[net.nodes[s]].insert(tt);
    }
    for (const auto& a : project.attendances) {
        if (a.organisation == model::no_id) continue;
        const auto& s = project.sessions[static_cast<std::size_t>(a.session)];
        if (project.editions[static_cast<std::size_t>(s.edition)].territory != territory) continue;
        if (a.role != model::Role::Participant || s.kind == model::SessionKind::Preparation) ev.engaged[a.organisation].insert(s.edition);
    }
    return ev;
}

constexpr std::size_t at(Component c) { return static_cast<std::size_t>(c); }

} // namespace

InviteResult invite(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                    const Geography& geography, const InviteOptions& options) {
    InviteResult r;
    r.unmobilised = unmobilised(project, territory, taxonomy, geography, options.unmobilised);
    const auto& u = r.unmobilised;
    auto set_place = [&](Invitation& inv, const std::string& commune) {
        inv.commune = commune;
        if (const auto* c = geography.find(commune)) {
            inv.commune_name = c->name;
            inv.epci = c->epci;
            inv.epci_name = c->epci_name;
            inv.commune_population = c->population;
        }
    };
    std::vector<Invitation> list;
    for (const auto& a : u.never_seen) {
        Invitation inv;
        inv.registry = a.registry;
        inv.organisation = project.registry[a.registry].organisation;
        inv.name = a.name;
        inv.type = a.type;
        set_place(inv, a.commune);
        list.push_back(std::move(inv));
    }
    const auto here = u.lapsed.empty() ? HereEvidence{} : evidence_here(project, territory, taxonomy);
    const auto presence = u.lapsed.empty() ? detail::Presence{} : detail::presence(project);
    for (const auto& l : u.lapsed) {
        const auto& o = project.organisations[static_cast<std::size_t>(l.organisation)];
        Invitation inv;
        inv.organisation = l.organisation;
        for (std::size_t i = 0; i < project.registry.size(); ++i)
            if (project.registry[i].territory == territory && project.registry[i].organisation == l.organisation) {
                inv.registry = i;
                break;
            }
        inv.name = o.name;
        inv.type = l.type;
        set_place(inv, o.commune);
        inv.lapsed_broker = l.broker;
        inv.last_year = l.last_year;
        inv.editions = l.editions;
        inv.trio_roles = l.trio_roles;
        inv.preparation = l.preparation;
        // The editions it came to, in the territory's order; the first one after its last visit
        // is the first it missed (not its last year: it came then).
        const auto& came = presence.by_org[static_cast<std::size_t>(l.organisation)].at(territory).editions;
        std::size_t last_pos = 0;
        std::set<int> years;
        for (std::size_t k = 0; k < here.editions.size(); ++k)
            if (came.count(here.editions[k]) != 0) {
                last_pos = k;
                years.insert(project.editions[static_cast<std::size_t>(here.editions[k])].year);
            }
        inv.years.assign(years.begin(), years.end());
        if (last_pos + 1 < here.editions.size()) {
            inv.missed_year = project.editions[static_cast<std::size_t>(here.editions[last_pos + 1])].year;
            inv.missed_last_only = last_pos + 2 == here.editions.size();
        }
        if (auto it = here.broker.find(l.organisation); it != here.broker.end()) inv.broker = it->second;
        std::size_t engaged = 0;
        if (auto it = here.engaged.find(l.organisation); it != here.engaged.end()) engaged = it->second.size();
        const double engagement = l.editions > 0 ? static_cast<double>(engaged) / l.editions : 0.0;
        const double loyalty = static_cast<double>(l.editions) / static_cast<double>(last_pos + 1);
        inv.components[at(Component::Lapsed)] = std::clamp(0.5 * inv.broker + 0.25 * engagement + 0.25 * loyalty, 0.0, 1.0);
        list.push_back(std::move(inv));
    }
    r.candidates = list.size();

    // Type: how far the type reaches elsewhere.
    std::set<model::Id> other_territories;
    std::int64_t other_editions = 0;
    for (const auto& e : project.editions)
        if (e.territory != territory) {
            other_territories.insert(e.territory);
            ++other_editions;
        }
    std::map<std::string, const TypeGap*> missing;
    for (const auto& g : u.missing_types) missing[g.type] = &g;
    // Gap: population in communes without any participating organisation, by EPCI and commune.
    std::map<std::string, std::int64_t> uncovered_epci, uncovered_commune;
    std::int64_t top_epci = 0, top_commune = 0;
    for (const auto& g : u.commune_gaps) {
        uncovered_commune[g.code] = g.population;
        top_commune = std::max(top_commune, g.population);
        if (const auto* c = geography.find(g.code); c != nullptr && !c->epci.empty()) uncovered_epci[c->epci] += g.population;
    }
    for (const auto& [code, population] : uncovered_epci) top_epci = std::max(top_epci, population);
    std::set<std::string> whole_epci;
    for (const auto& g : u.epci_gaps) whole_epci.insert(g.code);
    const auto mix = list.empty() ? Mixing{} : mixing_here(project, territory, taxonomy, options);
    r.holes = mix.holes;
    const auto ev = list.empty() ? TypeEvidence{} : evidence_elsewhere(project, territory, taxonomy);

    for (auto& inv : list) {
        auto& c = inv.components;
        if (auto it = missing.find(inv.type); it != missing.end()) {
            const auto& g = *it->second;
            const double territories = other_territories.empty() ? 0.0 : static_cast<double>(g.territories_elsewhere) / static_cast<double>(other_territories.size());
            const double editions = other_editions == 0 ? 0.0 : static_cast<double>(g.editions_elsewhere) / static_cast<double>(other_editions);
            c[at(Component::Type)] = 1.0 / 3.0 + 2.0 / 3.0 * (0.5 * territories + 0.5 * editions);
            inv.territories_elsewhere = g.territories_elsewhere;
            inv.organisations_elsewhere = g.organisations_elsewhere;
        }
        double gap = 0;
        if (auto it = uncovered_epci.find(inv.epci); it != uncovered_epci.end() && top_epci > 0) {
            gap += 0.5 * static_cast<double>(it->second) / static_cast<double>(top_epci);
            inv.epci_population = it->second;
            inv.epci_uncovered = whole_epci.count(inv.epci) != 0;
        }
        if (auto it = uncovered_commune.find(inv.commune); it != uncovered_commune.end() && top_commune > 0) {
            gap += 0.5 * static_cast<double>(it->second) / static_cast<double>(top_commune);
            inv.commune_uncovered = true;
        }
        c[at(Component::Gap)] = gap;
        if (!inv.type.empty()) {
            const auto n = ev.nodes.find(inv.type);
            const auto tied = ev.tied.find(inv.type);
            const auto mine = here.partner_types.find(inv.organisation);
            const bool lapsed = c[at(Component::Lapsed)] > 0;
            for (const auto& h : mix.pairs) {
                if (h.a == inv.type || h.b == inv.type) continue;
                double elsewhere = 0, own = 0;
                if (n != ev.nodes.end() && n->second > 0 && tied != ev.tied.end()) {
                    auto share = [&](const std::string& t) {
                        auto it = tied->second.find(t);
                        return it == tied->second.end() ? 0.0 : static_cast<double>(it->second) / static_cast<double>(n->second);
                    };
                    elsewhere = h.strength * std::min(share(h.a), share(h.b));
                }
                if (lapsed && mine != here.partner_types.end() && mine->second.count(h.a) != 0 && mine->second.count(h.b) != 0)
                    own = h.strength;
                const double v = std::max(own, elsewhere);
                if (v > c[at(Component::Bridge)]) {
                    c[at(Component::Bridge)] = v;
                    inv.bridge_a = h.a;
                    inv.bridge_b = h.b;
                    inv.bridge_here = own >= elsewhere;
                }
            }
        }
        if (auto it = ev.central_territories.find(inv.type); it != ev.central_territories.end())
            c[at(Component::Central)] = ev.central_sum.at(inv.type) / it->second;
        inv.score = 0;
        for (std::size_t k = 0; k < component_count; ++k) inv.score += options.weights.weight[k] * c[k];
    }
    // Equal scores (the same type in the same place, say): the more populated commune first, then
    // the registry's own order, never the alphabet.
    std::sort(list.begin(), list.end(), [](const Invitation& a, const Invitation& b) {
        const auto ia = a.registry ? static_cast<std::int64_t>(*a.registry) : INT64_MAX, ib = b.registry ? static_cast<std::int64_t>(*b.registry) : INT64_MAX;
        return std::tuple(-a.score, -a.commune_population, ia, a.organisation) < std::tuple(-b.score, -b.commune_population, ib, b.organisation);
    });
    if (options.top > 0 && list.size() > options.top) list.resize(options.top);
    r.organisations = std::move(list);
    return r;
}

namespace {

/// « 2016, 2020 et 2024 ».
std::string year_list(const std::vector<int>& years, core::Lang lang) {
    std::string out;
    for (std::size_t i = 0; i < years.size(); ++i) {
        if (i > 0) out += i + 1 == years.size() ? std::string(core::message(Msg::ReasonAnd, lang)) : std::string(", ");
        out += std::to_string(years[i]);
    }
    return out;
}

/// « de Toulon », « d'Orange », "from Orange": where the gap is, ready for the sentence.
std::string from_place(const std::string& name, core::Lang lang) {
    if (lang != core::Lang::Fr) return "from " + name;
    static constexpr std::string_view vowels[] = {"A", "E", "I", "O", "U", "Y", "É", "È", "Ê", "Î", "Ô", "Â"};
    for (auto v : vowels)
        if (name.starts_with(v)) return "d'" + name;
    return "de " + name;
}

} // namespace

std::string reason(const Invitation& inv, const InviteWeights& weights, const model::Taxonomy& taxonomy, core::Lang lang) {
    // A clause is said when its weighted part is worth saying; Central, a property of the type
    // elsewhere, only when the type clearly links others there.
    constexpr double least = 0.1, least_central = 0.25;
    std::vector<std::pair<double, std::size_t>> parts;
    for (std::size_t k = 0; k < component_count; ++k) {
        const double part = weights.weight[k] * inv.components[k];
        // a lapsed organisation's history is always said: it is why it is on the list
        if (static_cast<Component>(k) == Component::Lapsed && inv.components[k] > 0) {
            parts.emplace_back(-1e300, k);
            continue;
        }
        if (!(part >= least)) continue;
        if (static_cast<Component>(k) == Component::Central && inv.components[k] < least_central) continue;
        parts.emplace_back(-part, k);
    }
    std::stable_sort(parts.begin(), parts.end());
    if (parts.size() > 3) parts.resize(3);
    auto q = [lang](const std::string& s) { return lang == core::Lang::Fr ? "« " + s + " »" : "'" + s + "'"; };
    const bool lapsed = std::any_of(parts.begin(), parts.end(), [](const auto& p) { return static_cast<Component>(p.second) == Component::Lapsed; });
    const bool bridge_said = std::any_of(parts.begin(), parts.end(), [](const auto& p) { return static_cast<Component>(p.second) == Component::Bridge; });
    std::string out;
    for (const auto& [minus, k] : parts) {
        std::string part;
        switch (static_cast<Component>(k)) {
        case Component::Type:
            part = inv.territories_elsewhere > 0
                       ? core::tr_plural(lang, Msg::ReasonType, inv.territories_elsewhere, type_label(taxonomy, inv.type, lang),
                                         inv.territories_elsewhere)
                       : core::tr(lang, Msg::ReasonTypeNowhere, type_label(taxonomy, inv.type, lang));
            break;
        case Component::Lapsed: {
            // « venu en 2016, 2020 et 2024, y reliait … , pas revenu en 2025 »
            part = inv.years.size() <= 4 ? core::tr(lang, Msg::ReasonLapsed, year_list(inv.years, lang))
                                         : core::tr(lang, Msg::ReasonLapsedMany, inv.editions, inv.years.front(), inv.years.back());
            std::string what;
            if (inv.bridge_here && bridge_said)
                what = core::tr(lang, Msg::ReasonLapsedBridge, q(type_label(taxonomy, inv.bridge_a, lang)), q(type_label(taxonomy, inv.bridge_b, lang)));
            else if (inv.lapsed_broker) what = std::string(core::message(Msg::ReasonLapsedBroker, lang));
            else if (inv.preparation > 0) what = std::string(core::message(Msg::ReasonLapsedGroup, lang));
            else if (inv.trio_roles > 0) what = std::string(core::message(Msg::ReasonLapsedTrio, lang));
            if (!what.empty()) part += ", " + what;
            if (inv.missed_year > 0)
                part += ", " + core::tr(lang, inv.missed_last_only ? Msg::ReasonNotBack : Msg::ReasonAbsentSince, inv.missed_year);
            break;
        }
        case Component::Gap:
            part = inv.epci_uncovered      ? core::tr(lang, Msg::ReasonGap, from_place(inv.epci_name, lang), core::format_count(inv.epci_population, lang))
                   : inv.commune_uncovered ? core::tr(lang, Msg::ReasonGapCommune, from_place(inv.commune_name, lang), core::format_count(inv.commune_population, lang))
                                           : core::tr(lang, Msg::ReasonGapPart, inv.epci_name, core::format_count(inv.epci_population, lang));
            break;
        case Component::Bridge:
            if (inv.bridge_here && lapsed) continue; // said in the lapsed clause
            part = core::tr(lang, inv.bridge_here ? Msg::ReasonLapsedBridge : Msg::ReasonBridge, q(type_label(taxonomy, inv.bridge_a, lang)), q(type_label(taxonomy, inv.bridge_b, lang)));
            break;
        case Component::Central:
            part = std::string(core::message(Msg::ReasonCentral, lang));
            break;
        }
        out += (out.empty() ? "" : lang == core::Lang::Fr ? " ; " : "; ") + part;
    }
    if (out.empty()) out = std::string(core::message(Msg::ReasonRegistryOnly, lang));
    return out;
}

std::vector<PersonInvitation> invite_people(const model::Project& project, model::Id territory,
                                            const model::Taxonomy& taxonomy, std::size_t top) {
    struct Here {
        std::set<model::Id> editions;
        int last_year = -1;
        model::Id organisation = model::no_id;
        bool trio = false;
    };
    std::map<model::Id, Here> here;
    std::map<std::pair<model::Id, model::Id>, std::pair<int, model::Id>> last_org; // (person, territory) → (year, org)
    for (const auto& a : project.attendances) {
        const auto& s = project.sessions[static_cast<std::size_t>(a.session)];
        const auto& e = project.editions[static_cast<std::size_t>(s.edition)];
        if (a.organisation != model::no_id) {
            auto& lo = last_org[{a.person, e.territory}];
            if (lo.second == model::no_id || e.year >= lo.first) lo = {e.year, a.organisation};
        }
        if (e.territory != territory) continue;
        auto& h = here[a.person];
        h.editions.insert(s.edition);
        if (a.role != model::Role::Participant || s.kind == model::SessionKind::Preparation) h.trio = true;
        if (e.year >= h.last_year) h.last_year = e.year;
    }
    std::map<std::string, double> count_here, count_else;
    double total_here = 0, total_else = 0;
    for (const auto& [key, lo] : last_org) {
        const auto type = seed_type(taxonomy, project.organisations[static_cast<std::size_t>(lo.second)].type);
        if (type.empty()) continue;
        if (key.second == territory) {
            count_here[type] += 1;
            total_here += 1;
            here[key.first].organisation = lo.second;
        } else {
            count_else[type] += 1;
            total_else += 1;
        }
    }
    std::vector<PersonInvitation> out;
    for (const auto& [person, h] : here) {
        if (h.editions.size() < 2 || h.trio || h.organisation == model::no_id) continue;
        const auto type = seed_type(taxonomy, project.organisations[static_cast<std::size_t>(h.organisation)].type);
        if (type.empty()) continue;
        const double sh = total_here > 0 ? count_here[type] / total_here : 0.0;
        const double se = total_else > 0 ? count_else[type] / total_else : 0.0;
        const auto* t = taxonomy.find(type);
        const bool scarce = sh < se || (t != nullptr && t->mobilisation == model::Mobilisation::NotMobilised);
        if (!scarce) continue;
        out.push_back({person, h.organisation, type, static_cast<std::int32_t>(h.editions.size()), h.last_year, sh, se});
    }
    std::sort(out.begin(), out.end(), [](const PersonInvitation& a, const PersonInvitation& b) {
        return std::tuple(-a.editions, -a.last_year, a.share_here - a.share_elsewhere, a.person) <
               std::tuple(-b.editions, -b.last_year, b.share_here - b.share_elsewhere, b.person);
    });
    if (top > 0 && out.size() > top) out.resize(top);
    return out;
}

std::string reason(const PersonInvitation& p, const model::Taxonomy& taxonomy, core::Lang lang) {
    auto pct = [lang](double x) { return core::format_decimal(100 * x, 1, lang) + (lang == core::Lang::Fr ? " %" : "%"); };
    return core::tr(lang, Msg::ReasonPerson, p.editions, p.last_year, type_label(taxonomy, p.type, lang), pct(p.share_here),
                    pct(p.share_elsewhere));
}

} // namespace maillage::advise
