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

std::vector<TypeHole> type_holes(const model::Project& project, model::Id territory, const model::Taxonomy& taxonomy,
                                 const InviteOptions& options) {
    std::vector<TypeHole> holes;
    if (options.reshuffles <= 0) return holes;
    graph::Window w;
    w.territory = territory;
    const auto input = metrics::mixing_input(project, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, w);
    if (input.nodes.size() < 2) return holes;
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
    const auto r = metrics::mixing(input, {g}, mo);
    const auto& m = r.groupings.front();
    const auto G = static_cast<std::size_t>(m.group_count);
    for (const auto& h : metrics::group_holes(m)) {
        if (groups[h.x].empty() || groups[h.y].empty()) continue; // the unknown type is no type
        const auto& t = m.ties[h.x * G + h.y];
        holes.push_back({groups[h.x], groups[h.y], std::llround(t.observed), t.expected, t.p_fewer});
    }
    // By evidence, then type keys (the invitations' own order, stable for a store).
    std::sort(holes.begin(), holes.end(), [](const TypeHole& a, const TypeHole& b) {
        return std::tie(a.p_fewer, a.a, a.b) < std::tie(b.p_fewer, b.a, b.b);
    });
    return holes;
}

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
        inv.components[static_cast<std::size_t>(Component::Lapsed)] = l.broker ? 1.0 : 0.5;
        inv.lapsed_broker = l.broker;
        inv.last_year = l.last_year;
        inv.editions = l.editions;
        list.push_back(std::move(inv));
    }
    r.candidates = list.size();

    std::map<std::string, std::int32_t> missing;
    for (const auto& g : u.missing_types) missing[g.type] = g.territories_elsewhere;
    std::map<std::string, std::int64_t> gap_population;
    std::int64_t top_gap = 0;
    for (const auto& g : u.epci_gaps) {
        gap_population[g.code] = g.population;
        top_gap = std::max(top_gap, g.population);
    }
    r.holes = list.empty() ? std::vector<TypeHole>{} : type_holes(project, territory, taxonomy, options);
    const auto ev = list.empty() ? TypeEvidence{} : evidence_elsewhere(project, territory, taxonomy);

    for (auto& inv : list) {
        auto& c = inv.components;
        if (auto it = missing.find(inv.type); it != missing.end()) {
            c[static_cast<std::size_t>(Component::Type)] = 1.0;
            inv.territories_elsewhere = it->second;
        }
        if (auto it = gap_population.find(inv.epci); it != gap_population.end() && top_gap > 0) {
            c[static_cast<std::size_t>(Component::Gap)] = static_cast<double>(it->second) / static_cast<double>(top_gap);
            inv.epci_population = it->second;
        }
        if (auto n = ev.nodes.find(inv.type); n != ev.nodes.end() && n->second > 0) {
            const auto tied = ev.tied.find(inv.type);
            for (const auto& h : r.holes) {
                if (h.a == inv.type || h.b == inv.type || tied == ev.tied.end()) continue;
                auto share = [&](const std::string& t) {
                    auto it = tied->second.find(t);
                    return it == tied->second.end() ? 0.0 : static_cast<double>(it->second) / static_cast<double>(n->second);
                };
                const double s = std::min(share(h.a), share(h.b));
                if (s > c[static_cast<std::size_t>(Component::Bridge)]) {
                    c[static_cast<std::size_t>(Component::Bridge)] = s;
                    inv.bridge_a = h.a;
                    inv.bridge_b = h.b;
                }
            }
        }
        if (auto it = ev.central_territories.find(inv.type); it != ev.central_territories.end()) {
            c[static_cast<std::size_t>(Component::Central)] = ev.central_sum.at(inv.type) / it->second;
            if (inv.territories_elsewhere == 0) inv.territories_elsewhere = it->second;
        }
        inv.score = 0;
        for (std::size_t k = 0; k < component_count; ++k) inv.score += options.weights.weight[k] * c[k];
    }
    std::sort(list.begin(), list.end(), [](const Invitation& a, const Invitation& b) {
        const auto ia = a.registry ? static_cast<std::int64_t>(*a.registry) : -1, ib = b.registry ? static_cast<std::int64_t>(*b.registry) : -1;
        return std::tuple(-a.score, a.name, ia, a.organisation) < std::tuple(-b.score, b.name, ib, b.organisation);
    });
    if (options.top > 0 && list.size() > options.top) list.resize(options.top);
    r.organisations = std::move(list);
    return r;
}

std::string reason(const Invitation& inv, const InviteWeights& weights, const model::Taxonomy& taxonomy, core::Lang lang) {
    std::vector<std::pair<double, std::size_t>> parts;
    for (std::size_t k = 0; k < component_count; ++k)
        if (inv.components[k] > 0) parts.emplace_back(-weights.weight[k] * inv.components[k], k);
    std::stable_sort(parts.begin(), parts.end());
    auto q = [lang](const std::string& s) { return lang == core::Lang::Fr ? "« " + s + " »" : "'" + s + "'"; };
    std::string out;
    std::size_t said = 0;
    for (const auto& [minus, k] : parts) {
        if (said == 3) break;
        std::string part;
        switch (static_cast<Component>(k)) {
        case Component::Type:
            part = inv.territories_elsewhere > 0
                       ? core::tr(lang, Msg::ReasonType, type_label(taxonomy, inv.type, lang), inv.territories_elsewhere)
                       : core::tr(lang, Msg::ReasonTypeNowhere, type_label(taxonomy, inv.type, lang));
            break;
        case Component::Lapsed:
            part = core::tr(lang, inv.lapsed_broker ? Msg::ReasonLapsedBroker : Msg::ReasonLapsed, inv.editions, inv.last_year);
            break;
        case Component::Gap:
            part = core::tr(lang, Msg::ReasonGap, inv.epci_name, core::format_count(inv.epci_population, lang));
            break;
        case Component::Bridge:
            part = core::tr(lang, Msg::ReasonBridge, q(type_label(taxonomy, inv.bridge_a, lang)), q(type_label(taxonomy, inv.bridge_b, lang)));
            break;
        case Component::Central:
            part = core::tr(lang, Msg::ReasonCentral, core::format_decimal(inv.component(Component::Central), 2, lang));
            break;
        }
        out += (out.empty() ? "" : lang == core::Lang::Fr ? " ; " : "; ") + part;
        ++said;
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
