#include "maillage/graph/network.hpp"

#include <algorithm>
#include <future>
#include <thread>
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

ProjectIndex::ProjectIndex(const model::Project& project) {
    const std::size_t editions = project.editions.size();
    m_attendance_start.assign(editions + 1, 0);
    m_session_start.assign(editions + 1, 0);
    for (const auto& session : project.sessions) ++m_session_start[static_cast<std::size_t>(session.edition) + 1];
    for (const auto& a : project.attendances)
        ++m_attendance_start[static_cast<std::size_t>(project.sessions[static_cast<std::size_t>(a.session)].edition) + 1];
    for (std::size_t e = 0; e < editions; ++e) {
        m_attendance_start[e + 1] += m_attendance_start[e];
        m_session_start[e + 1] += m_session_start[e];
    }
    std::vector<std::int32_t> next(m_attendance_start.begin(), m_attendance_start.end() - 1);
    m_attendances.resize(project.attendances.size());
    for (std::size_t i = 0; i < project.attendances.size(); ++i) {
        const auto e = static_cast<std::size_t>(project.sessions[static_cast<std::size_t>(project.attendances[i].session)].edition);
        m_attendances[static_cast<std::size_t>(next[e]++)] = static_cast<std::int32_t>(i);
    }
    next.assign(m_session_start.begin(), m_session_start.end() - 1);
    m_sessions.resize(project.sessions.size());
    for (std::size_t s = 0; s < project.sessions.size(); ++s) {
        const auto e = static_cast<std::size_t>(project.sessions[s].edition);
        m_sessions[static_cast<std::size_t>(next[e]++)] = static_cast<Id>(s);
    }
}

std::span<const std::int32_t> ProjectIndex::attendances(Id edition) const {
    const auto e = static_cast<std::size_t>(edition);
    return {m_attendances.data() + m_attendance_start[e], m_attendances.data() + m_attendance_start[e + 1]};
}

std::span<const Id> ProjectIndex::sessions(Id edition) const {
    const auto e = static_cast<std::size_t>(edition);
    return {m_sessions.data() + m_session_start[e], m_sessions.data() + m_session_start[e + 1]};
}

namespace {

/// The position of x in a sorted vector that holds it.
template <typename T>
std::size_t slot(const std::vector<T>& sorted, T x) {
    return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
}

/// What every scope needs to know about a window: its editions in order, its sessions, who
/// came, and from which organisation each person came at each edition. Sized by the window,
/// not the project (the loops over editions build thousands of these).
struct WindowIndex {
    std::vector<Id> editions;
    std::vector<int> rank_of_edition;              ///< edition → rank in `editions`, -1 outside
    std::vector<Id> sessions;                      ///< the window's sessions, ascending
    std::vector<std::vector<Id>> attendees;        ///< per window session: people, in the project's order
    std::vector<std::vector<Id>> trio;             ///< per window session: people holding a trio role
    std::unordered_map<std::uint64_t, Id> org_at;  ///< (edition << 32 | person) → organisation
    std::vector<Id> people;                        ///< present in the window, ascending
    std::vector<int> latest_rank;                  ///< per person of `people`: rank of their latest edition

    [[nodiscard]] Id organisation(Id edition, Id person) const {
        const auto it = org_at.find(pack(edition, person));
        return it == org_at.end() ? no_id : it->second;
    }
    static std::uint64_t pack(Id edition, Id person) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(edition)) << 32) |
               static_cast<std::uint32_t>(person);
    }
    [[nodiscard]] int latest(Id person) const { return latest_rank[slot(people, person)]; }
};

WindowIndex index_window(const model::Project& project, const ProjectIndex& index, const Window& window) {
    WindowIndex w;
    w.editions = select_editions(project, window);
    w.rank_of_edition.assign(project.editions.size(), -1);
    for (std::size_t r = 0; r < w.editions.size(); ++r)
        w.rank_of_edition[static_cast<std::size_t>(w.editions[r])] = static_cast<int>(r);
    std::vector<std::int32_t> rows; // the window's attendances, edition by edition
    for (Id e : w.editions) {
        const auto s = index.sessions(e);
        w.sessions.insert(w.sessions.end(), s.begin(), s.end());
        const auto a = index.attendances(e);
        rows.insert(rows.end(), a.begin(), a.end());
    }
    std::sort(w.sessions.begin(), w.sessions.end());
    // rows stay grouped by edition: a session and an (edition, person) lie in one edition, in
    // whose rows the project's order is kept
    w.attendees.resize(w.sessions.size());
    w.trio.resize(w.sessions.size());
    std::unordered_map<Id, int> latest; // person → rank
    w.org_at.reserve(rows.size());
    for (auto i : rows) {
        const auto& a = project.attendances[static_cast<std::size_t>(i)];
        const Id edition = project.sessions[static_cast<std::size_t>(a.session)].edition;
        const int rank = w.rank_of_edition[static_cast<std::size_t>(edition)];
        const auto s = slot(w.sessions, a.session);
        w.attendees[s].push_back(a.person);
        if (a.role != model::Role::Participant) w.trio[s].push_back(a.person);
        auto [l, fresh] = latest.try_emplace(a.person, rank);
        if (!fresh) l->second = std::max(l->second, rank);
        auto [it, inserted] = w.org_at.try_emplace(WindowIndex::pack(edition, a.person), a.organisation);
        if (!inserted && it->second == no_id) it->second = a.organisation;
    }
    w.people.reserve(latest.size());
    for (const auto& [p, rank] : latest) w.people.push_back(p);
    std::sort(w.people.begin(), w.people.end());
    w.latest_rank.reserve(w.people.size());
    for (Id p : w.people) w.latest_rank.push_back(latest.at(p));
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
        for (std::size_t s = 0; s < w.sessions.size(); ++s) {
            const int rank = w.rank_of_edition[static_cast<std::size_t>(project.sessions[static_cast<std::size_t>(w.sessions[s])].edition)];
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
    for (std::size_t s = 0; s < w.sessions.size(); ++s) {
        const auto& session = project.sessions[static_cast<std::size_t>(w.sessions[s])];
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
    // The ties of nodes [first, last), each node's ties to the higher nodes it shares a group with,
    // in (u, v) order.
    auto ties_of = [&](std::int32_t first, std::int32_t last) {
        std::vector<Edge> edges;
        std::vector<double> acc(static_cast<std::size_t>(node_count), 0.0);
        std::vector<std::int32_t> touched;
        for (std::int32_t u = first; u < last; ++u) {
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
                edges.push_back({u, v, acc[static_cast<std::size_t>(v)]});
                acc[static_cast<std::size_t>(v)] = 0.0;
            }
            touched.clear();
        }
        return edges;
    };
    // Two halves of the work on two threads (a node's work: the members after it in its groups),
    // joined in node order: the same ties, in the same order, as one pass.
    std::vector<std::int64_t> work(static_cast<std::size_t>(node_count), 0);
    std::int64_t total = 0;
    for (const auto& members : compact)
        for (std::size_t i = 0; i < members.size(); ++i) {
            const auto after = static_cast<std::int64_t>(members.size() - i - 1);
            work[static_cast<std::size_t>(members[i].node)] += after;
            total += after;
        }
    std::int32_t middle = 0;
    for (std::int64_t done = 0; middle < node_count && 2 * done < total; ++middle) done += work[static_cast<std::size_t>(middle)];
    if (total < 100000 || std::thread::hardware_concurrency() < 2) { // not worth a thread
        p.edges = ties_of(0, node_count);
        return p;
    }
    auto upper = std::async(std::launch::async, ties_of, middle, node_count);
    p.edges = ties_of(0, middle);
    auto rest = upper.get();
    p.edges.insert(p.edges.end(), rest.begin(), rest.end());
    return p;
}

} // namespace

Network build_network(const model::Project& project, Scope scope, TieLevel level, const Window& window) {
    return build_network(project, ProjectIndex(project), scope, level, window);
}

Network build_network(const model::Project& project, const ProjectIndex& index, Scope scope, TieLevel level,
                      const Window& window) {
    if (scope == Scope::TwoMode) throw std::invalid_argument("build_network: use build_two_mode for the two-mode scope");
    const WindowIndex w = index_window(project, index, window);
    Network net;
    net.scope = scope;
    net.level = level;
    net.editions = w.editions;

    auto territory_at_rank = [&](int rank) {
        return project.editions[static_cast<std::size_t>(w.editions[static_cast<std::size_t>(rank)])].territory;
    };
    net.people = static_cast<std::int64_t>(w.people.size());
    if (scope == Scope::People) {
        net.nodes = w.people; // person p is node slot(w.people, p)
        net.organisation.reserve(w.people.size());
        net.territory.reserve(w.people.size());
        for (std::size_t i = 0; i < w.people.size(); ++i) {
            const int rank = w.latest_rank[i];
            net.organisation.push_back(w.organisation(w.editions[static_cast<std::size_t>(rank)], w.people[i]));
            net.territory.push_back(territory_at_rank(rank));
        }
    }

    // Organisations present, and the latest edition each was present at.
    std::vector<std::pair<Id, int>> org_rank;
    org_rank.reserve(w.org_at.size());
    for (const auto& [k, org] : w.org_at) {
        if (org == no_id) continue;
        org_rank.emplace_back(org, w.rank_of_edition[static_cast<std::size_t>(static_cast<Id>(k >> 32))]);
    }
    std::sort(org_rank.begin(), org_rank.end());
    std::vector<Id> orgs; // present, ascending: organisation o is node slot(orgs, o)
    for (std::size_t i = 0; i < org_rank.size(); ++i) {
        if (i + 1 < org_rank.size() && org_rank[i + 1].first == org_rank[i].first) continue; // keep the latest
        orgs.push_back(org_rank[i].first);
        ++net.organisations;
        if (scope != Scope::Organisations) continue;
        net.nodes.push_back(org_rank[i].first);
        net.organisation.push_back(org_rank[i].first);
        net.territory.push_back(territory_at_rank(org_rank[i].second));
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
                nodes.push_back(static_cast<std::int32_t>(slot(w.people, p)));
            } else {
                const Id org = w.organisation(g.edition, p);
                if (org != no_id) nodes.push_back(static_cast<std::int32_t>(slot(orgs, org)));
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
    return build_two_mode(project, ProjectIndex(project), level, window);
}

TwoModeNetwork build_two_mode(const model::Project& project, const ProjectIndex& index, TieLevel level,
                              const Window& window) {
    const WindowIndex w = index_window(project, index, window);
    TwoModeNetwork net;
    net.level = level;
    net.editions = w.editions;
    std::vector<std::pair<Id, Id>> incidence; // (person, session)
    for (std::size_t s = 0; s < w.sessions.size(); ++s) {
        const auto& session = project.sessions[static_cast<std::size_t>(w.sessions[s])];
        if (level != TieLevel::Connaissance && session.kind == model::SessionKind::Plenary) continue;
        const bool trio_only = level == TieLevel::Reconnaissance && session.kind == model::SessionKind::Workshop;
        for (Id p : trio_only ? w.trio[s] : w.attendees[s]) incidence.emplace_back(p, w.sessions[s]);
    }
    std::sort(incidence.begin(), incidence.end());
    incidence.erase(std::unique(incidence.begin(), incidence.end()), incidence.end());

    for (const auto& [p, s] : incidence) {
        if (net.people.empty() || net.people.back() != p) net.people.push_back(p); // ascending already
        net.sessions.push_back(s);
    }
    std::sort(net.sessions.begin(), net.sessions.end());
    net.sessions.erase(std::unique(net.sessions.begin(), net.sessions.end()), net.sessions.end());
    net.organisation.reserve(net.people.size());
    for (Id p : net.people) {
        const int rank = w.latest(p);
        net.organisation.push_back(w.organisation(w.editions[static_cast<std::size_t>(rank)], p));
    }
    const auto first_session = static_cast<std::int32_t>(net.people.size());
    net.graph.node_count = first_session + static_cast<std::int32_t>(net.sessions.size());
    net.graph.edges.reserve(incidence.size());
    for (const auto& [p, s] : incidence)
        net.graph.edges.push_back({static_cast<std::int32_t>(slot(net.people, p)),
                                   first_session + static_cast<std::int32_t>(slot(net.sessions, s)), 1.0});
    // (person, session) order is already (source, target) order
    return net;
}

} // namespace maillage::graph
