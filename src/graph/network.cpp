#include "maillage/graph/network.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace maillage::graph {

using model::Id;
using model::no_id;

std::string_view key(TieLevel level) {
    switch (level) {
    case TieLevel::Connaissance: return "connaissance";
    case TieLevel::Interconnaissance: return "interconnaissance";
    case TieLevel::Reconnaissance: return "reconnaissance";
    }
    return "?";
}

std::string_view key(Scope scope) {
    switch (scope) {
    case Scope::People: return "people";
    case Scope::Organisations: return "organisations";
    case Scope::TwoMode: return "two-mode";
    }
    return "?";
}

std::optional<TieLevel> parse_tie_level(std::string_view text) {
    for (auto l : {TieLevel::Connaissance, TieLevel::Interconnaissance, TieLevel::Reconnaissance})
        if (key(l) == text) return l;
    return std::nullopt;
}

std::optional<Scope> parse_scope(std::string_view text) {
    for (auto s : {Scope::People, Scope::Organisations, Scope::TwoMode})
        if (key(s) == text) return s;
    return std::nullopt;
}

std::int64_t Graph::edge_count() const {
    if (complete) return static_cast<std::int64_t>(node_count) * (node_count - 1) / 2;
    return static_cast<std::int64_t>(edges.size());
}

std::vector<Id> select_editions(const model::Project& project, const Window& window) {
    std::vector<Id> out;
    for (Id e = 0; e < static_cast<Id>(project.editions.size()); ++e) {
        const auto& ed = project.editions[static_cast<std::size_t>(e)];
        if (window.territory && ed.territory != *window.territory) continue;
        if (window.year && (window.cumulative ? ed.year > *window.year : ed.year != *window.year)) continue;
        out.push_back(e);
    }
    std::sort(out.begin(), out.end(), [&](Id a, Id b) {
        const auto& x = project.editions[static_cast<std::size_t>(a)];
        const auto& y = project.editions[static_cast<std::size_t>(b)];
        return std::tie(x.year, x.territory, a) < std::tie(y.year, y.territory, b);
    });
    return out;
}

namespace {

/// What every scope needs to know about a window: its editions in order, who came, and from
/// which organisation each person came at each edition.
struct WindowIndex {
    std::vector<Id> editions;
    std::vector<int> rank_of_edition;              ///< edition → rank in `editions`, -1 outside
    std::vector<std::vector<Id>> attendees;        ///< session → people (window sessions only)
    std::vector<std::vector<Id>> trio;             ///< session → people holding a trio role
    std::unordered_map<std::uint64_t, Id> org_at;  ///< (edition << 32 | person) → organisation
    std::vector<int> latest_rank;                  ///< person → rank of their latest edition, -1 absent

    [[nodiscard]] Id organisation(Id edition, Id person) const {
        const auto it = org_at.find(pack(edition, person));
        return it == org_at.end() ? no_id : it->second;
    }
    static std::uint64_t pack(Id edition, Id person) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(edition)) << 32) |
               static_cast<std::uint32_t>(person);
    }
};

WindowIndex index_window(const model::Project& project, const Window& window) {
    WindowIndex w;
    w.editions = select_editions(project, window);
    w.rank_of_edition.assign(project.editions.size(), -1);
    for (std::size_t r = 0; r < w.editions.size(); ++r)
        w.rank_of_edition[static_cast<std::size_t>(w.editions[r])] = static_cast<int>(r);
    w.attendees.resize(project.sessions.size());
    w.trio.resize(project.sessions.size());
    w.latest_rank.assign(project.people.size(), -1);
    for (const auto& a : project.attendances) {
        const Id edition = project.sessions[static_cast<std::size_t>(a.session)].edition;
        const int rank = w.rank_of_edition[static_cast<std::size_t>(edition)];
        if (rank < 0) continue;
        w.attendees[static_cast<std::size_t>(a.session)].push_back(a.person);
        if (a.role != model::Role::Participant) w.trio[static_cast<std::size_t>(a.session)].push_back(a.person);
        auto& latest = w.latest_rank[static_cast<std::size_t>(a.person)];
        latest = std::max(latest, rank);
        auto [it, inserted] = w.org_at.try_emplace(WindowIndex::pack(edition, a.person), a.organisation);
        if (!inserted && it->second == no_id) it->second = a.organisation;
    }
    return w;
}

/// The groups a level projects over, as lists of people (a person may repeat across groups,
/// never inside one), each tagged with its edition.
struct Group {
    Id edition;
    std::vector<Id> people;
};

std::vector<Group> groups_of(const model::Project& project, const WindowIndex& w, TieLevel level) {
    std::vector<Group> groups;
    if (level == TieLevel::Connaissance) {
        std::vector<std::vector<Id>> by_rank(w.editions.size());
        for (std::size_t s = 0; s < project.sessions.size(); ++s) {
            const int rank = w.rank_of_edition[static_cast<std::size_t>(project.sessions[s].edition)];
            if (rank < 0) continue;
            auto& members = by_rank[static_cast<std::size_t>(rank)];
            members.insert(members.end(), w.attendees[s].begin(), w.attendees[s].end());
        }
        for (std::size_t r = 0; r < by_rank.size(); ++r) {
            auto& m = by_rank[r];
            std::sort(m.begin(), m.end());
            m.erase(std::unique(m.begin(), m.end()), m.end());
            groups.push_back({w.editions[r], std::move(m)});
        }
        return groups;
    }
    for (std::size_t s = 0; s < project.sessions.size(); ++s) {
        const auto& session = project.sessions[s];
        if (w.rank_of_edition[static_cast<std::size_t>(session.edition)] < 0) continue;
        if (session.kind == model::SessionKind::Plenary) continue;
        const bool trio_only = level == TieLevel::Reconnaissance && session.kind == model::SessionKind::Workshop;
        const auto& members = trio_only ? w.trio[s] : w.attendees[s];
        if (!members.empty()) groups.push_back({session.edition, members});
    }
    return groups;
}

struct Projection {
    std::vector<Edge> edges;
    std::vector<double> internal; ///< per node: weight of pairs inside the node (organisations)
};

/// Every pair of members of a group adds one to their tie; members that map to the same node
/// (people of one organisation) add to that node's internal weight instead. A node standing
/// for c members of a group and another for d add c·d: organisation ties are counted from head
/// counts, not person pair by person pair. Complexity: O(Σ_g k_g²) for k_g distinct nodes of
/// group g, plus sorting.
Projection project_groups(std::int32_t node_count, std::vector<std::vector<std::int32_t>> groups) {
    struct Member {
        std::int32_t node;
        double count;
    };
    std::vector<std::vector<Member>> compact(groups.size());
    std::vector<std::vector<std::pair<std::size_t, double>>> incidence(static_cast<std::size_t>(node_count));
    Projection p;
    p.internal.assign(static_cast<std::size_t>(node_count), 0.0);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto& nodes = groups[g];
        std::sort(nodes.begin(), nodes.end());
        for (std::size_t i = 0; i < nodes.size();) {
            std::size_t j = i;
            while (j < nodes.size() && nodes[j] == nodes[i]) ++j;
            const double c = static_cast<double>(j - i);
            compact[g].push_back({nodes[i], c});
            incidence[static_cast<std::size_t>(nodes[i])].emplace_back(g, c);
            p.internal[static_cast<std::size_t>(nodes[i])] += c * (c - 1) / 2;
            i = j;
        }
    }
    std::vector<double> acc(static_cast<std::size_t>(node_count), 0.0);
    std::vector<std::int32_t> touched;
    for (std::int32_t u = 0; u < node_count; ++u) {
        for (const auto& [g, cu] : incidence[static_cast<std::size_t>(u)]) {
            const auto& members = compact[g];
            auto it = std::upper_bound(members.begin(), members.end(), u,
                                       [](std::int32_t x, const Member& m) { return x < m.node; });
            for (; it != members.end(); ++it) {
                auto& a = acc[static_cast<std::size_t>(it->node)];
                if (a == 0.0) touched.push_back(it->node);
                a += cu * it->count;
            }
        }
        std::sort(touched.begin(), touched.end());
        for (auto v : touched) {
            p.edges.push_back({u, v, acc[static_cast<std::size_t>(v)]});
            acc[static_cast<std::size_t>(v)] = 0.0;
        }
        touched.clear();
    }
    return p;
}

} // namespace

Network build_network(const model::Project& project, Scope scope, TieLevel level, const Window& window) {
    if (scope == Scope::TwoMode) throw std::invalid_argument("build_network: use build_two_mode for the two-mode scope");
    const WindowIndex w = index_window(project, window);
    Network net;
    net.scope = scope;
    net.level = level;
    net.editions = w.editions;

    auto territory_at_rank = [&](int rank) {
        return project.editions[static_cast<std::size_t>(w.editions[static_cast<std::size_t>(rank)])].territory;
    };
    std::vector<std::int32_t> person_node(project.people.size(), -1);
    for (Id p = 0; p < static_cast<Id>(project.people.size()); ++p) {
        const int rank = w.latest_rank[static_cast<std::size_t>(p)];
        if (rank < 0) continue;
        ++net.people;
        if (scope != Scope::People) continue;
        person_node[static_cast<std::size_t>(p)] = static_cast<std::int32_t>(net.nodes.size());
        net.nodes.push_back(p);
        net.organisation.push_back(w.organisation(w.editions[static_cast<std::size_t>(rank)], p));
        net.territory.push_back(territory_at_rank(rank));
    }

    // Organisations present, and the latest edition each was present at.
    std::vector<int> org_latest(project.organisations.size(), -1);
    for (const auto& [k, org] : w.org_at) {
        if (org == no_id) continue;
        const int rank = w.rank_of_edition[static_cast<std::size_t>(static_cast<Id>(k >> 32))];
        auto& latest = org_latest[static_cast<std::size_t>(org)];
        latest = std::max(latest, rank);
    }
    std::vector<std::int32_t> org_node(project.organisations.size(), -1);
    for (Id o = 0; o < static_cast<Id>(project.organisations.size()); ++o) {
        const int rank = org_latest[static_cast<std::size_t>(o)];
        if (rank < 0) continue;
        ++net.organisations;
        if (scope != Scope::Organisations) continue;
        org_node[static_cast<std::size_t>(o)] = static_cast<std::int32_t>(net.nodes.size());
        net.nodes.push_back(o);
        net.organisation.push_back(o);
        net.territory.push_back(territory_at_rank(rank));
    }
    net.graph.node_count = static_cast<std::int32_t>(net.nodes.size());

    if (scope == Scope::People && level == TieLevel::Connaissance && w.editions.size() == 1) {
        net.graph.complete = true; // one edition: everyone met at the plenary
        return net;
    }

    std::vector<std::vector<std::int32_t>> groups;
    for (auto& g : groups_of(project, w, level)) {
        std::vector<std::int32_t> nodes;
        nodes.reserve(g.people.size());
        for (Id p : g.people) {
            if (scope == Scope::People) {
                nodes.push_back(person_node[static_cast<std::size_t>(p)]);
            } else {
                const Id org = w.organisation(g.edition, p);
                if (org != no_id) nodes.push_back(org_node[static_cast<std::size_t>(org)]);
            }
        }
        groups.push_back(std::move(nodes));
    }
    auto projection = project_groups(net.graph.node_count, std::move(groups));
    net.graph.edges = std::move(projection.edges);
    if (scope == Scope::Organisations) net.internal_weight = std::move(projection.internal);
    return net;
}

TwoModeNetwork build_two_mode(const model::Project& project, TieLevel level, const Window& window) {
    const WindowIndex w = index_window(project, window);
    TwoModeNetwork net;
    net.level = level;
    net.editions = w.editions;
    std::vector<std::pair<Id, Id>> incidence; // (person, session)
    for (std::size_t s = 0; s < project.sessions.size(); ++s) {
        const auto& session = project.sessions[s];
        if (w.rank_of_edition[static_cast<std::size_t>(session.edition)] < 0) continue;
        if (level != TieLevel::Connaissance && session.kind == model::SessionKind::Plenary) continue;
        const bool trio_only = level == TieLevel::Reconnaissance && session.kind == model::SessionKind::Workshop;
        for (Id p : trio_only ? w.trio[s] : w.attendees[s]) incidence.emplace_back(p, static_cast<Id>(s));
    }
    std::sort(incidence.begin(), incidence.end());
    incidence.erase(std::unique(incidence.begin(), incidence.end()), incidence.end());

    std::vector<std::int32_t> person_node(project.people.size(), -1), session_node(project.sessions.size(), -1);
    for (const auto& [p, s] : incidence) {
        person_node[static_cast<std::size_t>(p)] = 0;
        session_node[static_cast<std::size_t>(s)] = 0;
    }
    for (Id p = 0; p < static_cast<Id>(project.people.size()); ++p) {
        if (person_node[static_cast<std::size_t>(p)] < 0) continue;
        person_node[static_cast<std::size_t>(p)] = static_cast<std::int32_t>(net.people.size());
        net.people.push_back(p);
        const int rank = w.latest_rank[static_cast<std::size_t>(p)];
        net.organisation.push_back(w.organisation(w.editions[static_cast<std::size_t>(rank)], p));
    }
    const auto first_session = static_cast<std::int32_t>(net.people.size());
    for (Id s = 0; s < static_cast<Id>(project.sessions.size()); ++s) {
        if (session_node[static_cast<std::size_t>(s)] < 0) continue;
        session_node[static_cast<std::size_t>(s)] = first_session + static_cast<std::int32_t>(net.sessions.size());
        net.sessions.push_back(s);
    }
    net.graph.node_count = first_session + static_cast<std::int32_t>(net.sessions.size());
    net.graph.edges.reserve(incidence.size());
    for (const auto& [p, s] : incidence)
        net.graph.edges.push_back(
            {person_node[static_cast<std::size_t>(p)], session_node[static_cast<std::size_t>(s)], 1.0});
    std::sort(net.graph.edges.begin(), net.graph.edges.end(), [](const Edge& a, const Edge& b) {
        return std::tie(a.source, a.target) < std::tie(b.source, b.target);
    });
    return net;
}

} // namespace maillage::graph
