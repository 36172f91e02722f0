#include "maillage/metrics/change.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <map>
#include <numeric>
#include <tuple>

#include "maillage/metrics/centrality.hpp"

namespace maillage::metrics {

using model::Id;

namespace {

/// A network's ties as ((a, b), weight) with model ids a < b, sorted by (a, b).
using TieList = std::vector<std::pair<std::pair<Id, Id>, double>>;

TieList ties_of(const graph::Network& net) {
    TieList out;
    auto put = [&](std::int32_t u, std::int32_t v, double w) {
        Id a = net.nodes[static_cast<std::size_t>(u)], b = net.nodes[static_cast<std::size_t>(v)];
        if (a > b) std::swap(a, b);
        out.push_back({{a, b}, w});
    };
    if (net.graph.complete) {
        out.reserve(static_cast<std::size_t>(net.graph.edge_count()));
        for (std::int32_t u = 0; u < net.graph.node_count; ++u)
            for (std::int32_t v = u + 1; v < net.graph.node_count; ++v) put(u, v, 1.0);
    } else {
        out.reserve(net.graph.edges.size());
        for (const auto& e : net.graph.edges) put(e.source, e.target, e.weight);
    }
    // graph::build_network numbers nodes in id order, so this is sorted already; kept general
    if (!std::is_sorted(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; }))
        std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    return out;
}

/// The two tie sets merged in (a, b) order. Complexity: O(m_before + m_after).
TieChange compare(const TieList& before, const TieList& after, bool lists) {
    TieChange c;
    c.previous = static_cast<std::int64_t>(before.size());
    c.current = static_cast<std::int64_t>(after.size());
    std::size_t i = 0, j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
            if (lists) c.faded_ties.push_back({before[i].first.first, before[i].first.second, before[i].second, 0});
            ++c.faded;
            ++i;
        } else if (i == before.size() || after[j].first < before[i].first) {
            if (lists) c.created_ties.push_back({after[j].first.first, after[j].first.second, 0, after[j].second});
            ++c.created;
            ++j;
        } else {
            ++c.persistent;
            if (after[j].second > before[i].second) ++c.strengthened;
            if (after[j].second < before[i].second) ++c.weakened;
            ++i;
            ++j;
        }
    }
    const auto all = c.previous + c.current - c.persistent;
    c.jaccard = all > 0 ? static_cast<double>(c.persistent) / static_cast<double>(all) : 0.0;
    if (!lists) return c;
    auto heaviest = [](double TieDelta::*w) {
        return [w](const TieDelta& x, const TieDelta& y) {
            return std::tuple(-(x.*w), x.a, x.b) < std::tuple(-(y.*w), y.a, y.b);
        };
    };
    std::sort(c.created_ties.begin(), c.created_ties.end(), heaviest(&TieDelta::current));
    std::sort(c.faded_ties.begin(), c.faded_ties.end(), heaviest(&TieDelta::previous));
    return c;
}

/// Who was present (network nodes) at each edition before `current`, with first/last year.
PresenceChange presence(const graph::Network& before, const graph::Network& now, const std::map<Id, Seen>& history) {
    return presence_change(before.nodes, now.nodes, history);
}

BrokerReturn brokers(const graph::Network& before, const graph::Network& now, std::int32_t how_many) {
    BrokerReturn out;
    if (how_many <= 0 || before.graph.complete || before.graph.node_count == 0) return out;
    const auto between = node_betweenness(before.graph);
    std::vector<std::int64_t> degree(before.nodes.size(), 0);
    for (const auto& e : before.graph.edges) {
        ++degree[static_cast<std::size_t>(e.source)];
        ++degree[static_cast<std::size_t>(e.target)];
    }
    struct {
        const std::vector<double>& betweenness;
        const std::vector<std::int64_t>& degree;
    } c{between.value, degree};
    std::vector<std::size_t> order(before.nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tuple(-c.betweenness[a], -c.degree[a], before.nodes[a]) <
               std::tuple(-c.betweenness[b], -c.degree[b], before.nodes[b]);
    });
    std::vector<Id> cur(now.nodes);
    std::sort(cur.begin(), cur.end());
    for (auto v : order) {
        if (static_cast<std::int32_t>(out.brokers.size()) >= how_many || c.betweenness[v] <= 0) break;
        out.brokers.push_back(before.nodes[v]);
        out.betweenness.push_back(c.betweenness[v]);
        const bool back = std::binary_search(cur.begin(), cur.end(), before.nodes[v]);
        out.came_back.push_back(back);
        out.returned += back ? 1 : 0;
    }
    return out;
}

} // namespace

PresenceChange presence_change(std::vector<Id> prev, std::vector<Id> cur, const std::map<Id, Seen>& history, bool lapses) {
    PresenceChange p;
    p.previous = static_cast<std::int64_t>(prev.size());
    p.current = static_cast<std::int64_t>(cur.size());
    std::sort(prev.begin(), prev.end());
    std::sort(cur.begin(), cur.end());
    std::vector<Id> both;
    std::set_intersection(prev.begin(), prev.end(), cur.begin(), cur.end(), std::back_inserter(both));
    p.retained = static_cast<std::int64_t>(both.size());
    p.retention = p.previous > 0 ? static_cast<double>(p.retained) / static_cast<double>(p.previous) : 0.0;
    for (Id x : cur) {
        if (!history.count(x)) ++p.newcomers;
        else if (!std::binary_search(prev.begin(), prev.end(), x)) ++p.returning;
    }
    if (!lapses) return p;
    for (const auto& [id, seen] : history)
        if (!std::binary_search(cur.begin(), cur.end(), id)) p.lapsed.push_back({id, seen.first_year, seen.last_year, seen.editions});
    std::stable_sort(p.lapsed.begin(), p.lapsed.end(), [](const Lapse& a, const Lapse& b) { return a.last_year > b.last_year; });
    return p;
}

std::vector<Id> territory_editions(const model::Project& project, const graph::Window& window) {
    graph::Window all;
    all.territory = window.territory;
    auto editions = graph::select_editions(project, all); // by (year, territory, id)
    std::stable_sort(editions.begin(), editions.end(), [&](Id a, Id b) {
        return project.editions[static_cast<std::size_t>(a)].territory < project.editions[static_cast<std::size_t>(b)].territory;
    });
    return editions;
}

std::vector<EditionChange> edition_changes(const model::Project& project, graph::TieLevel level, const graph::Window& window,
                                           const ChangeOptions& options) {
    const auto editions = territory_editions(project, window);
    const graph::ProjectIndex index(project);

    // Two threads: a worker builds each edition's networks and compares them with the previous
    // edition's (maillage's own code), while this thread finds last edition's brokers with
    // igraph (which is not thread-safe: it is called from here only). The worker runs at most
    // `ahead` editions in front, so memory stays bounded.
    struct Step {
        std::optional<EditionChange> change; ///< a transition wanted by the window: ties and presence filled
        std::shared_ptr<const graph::Network> prev_people, prev_orgs, people, orgs;
    };
    constexpr std::size_t ahead = 16;
    std::deque<Step> queue;
    std::mutex mutex;
    std::condition_variable filled, drained;
    bool done = false;
    std::exception_ptr failure;

    std::thread worker([&] {
        try {
            std::map<Id, Seen> people_seen, orgs_seen;
            std::shared_ptr<const graph::Network> prev_people, prev_orgs;
            Id prev = model::no_id;
            for (Id e : editions) {
                const auto& ed = project.editions[static_cast<std::size_t>(e)];
                if (prev != model::no_id && project.editions[static_cast<std::size_t>(prev)].territory != ed.territory) {
                    prev = model::no_id;
                    people_seen.clear();
                    orgs_seen.clear();
                }
                graph::Window one;
                one.territory = ed.territory;
                one.year = ed.year;
                auto people = std::make_shared<const graph::Network>(
                    graph::build_network(project, index, graph::Scope::People, level, one));
                auto orgs = std::make_shared<const graph::Network>(
                    graph::build_network(project, index, graph::Scope::Organisations, level, one));
                const bool wanted = !window.year || (window.cumulative ? ed.year <= *window.year : ed.year == *window.year);
                if (prev != model::no_id && wanted) {
                    Step step;
                    EditionChange c;
                    c.territory = ed.territory;
                    c.previous = prev;
                    c.current = e;
                    c.people.ties = compare(ties_of(*prev_people), ties_of(*people), options.people_tie_lists);
                    c.people.presence = presence(*prev_people, *people, people_seen);
                    c.organisations.ties = compare(ties_of(*prev_orgs), ties_of(*orgs), options.organisation_tie_lists);
                    c.organisations.presence = presence(*prev_orgs, *orgs, orgs_seen);
                    step.change = std::move(c);
                    step.prev_people = prev_people;
                    step.prev_orgs = prev_orgs;
                    step.people = people;
                    step.orgs = orgs;
                    std::unique_lock lock(mutex);
                    drained.wait(lock, [&] { return queue.size() < ahead; });
                    queue.push_back(std::move(step));
                    filled.notify_one();
                }
                for (auto [net, seen] : {std::pair(people.get(), &people_seen), std::pair(orgs.get(), &orgs_seen)})
                    for (Id x : net->nodes) {
                        auto& s = (*seen)[x];
                        if (s.editions == 0) s.first_year = ed.year;
                        s.last_year = ed.year;
                        ++s.editions;
                    }
                prev_people = std::move(people);
                prev_orgs = std::move(orgs);
                prev = e;
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            failure = std::current_exception();
        }
        std::lock_guard lock(mutex);
        done = true;
        filled.notify_one();
    });

    std::vector<EditionChange> out;
    std::exception_ptr error;
    for (;;) {
        Step step;
        {
            std::unique_lock lock(mutex);
            filled.wait(lock, [&] { return !queue.empty() || done; });
            if (queue.empty()) break; // done
            step = std::move(queue.front());
            queue.pop_front();
            drained.notify_one();
        }
        if (error) continue; // drain the worker, then rethrow
        try {
            auto& c = *step.change;
            c.people.brokers = brokers(*step.prev_people, *step.people, options.brokers);
            c.organisations.brokers = brokers(*step.prev_orgs, *step.orgs, options.brokers);
            out.push_back(std::move(c));
        } catch (...) {
            error = std::current_exception();
        }
    }
    worker.join();
    if (failure) std::rethrow_exception(failure);
    if (error) std::rethrow_exception(error);
    return out;
}

} // namespace maillage::metrics
