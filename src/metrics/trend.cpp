#include "maillage/metrics/trend.hpp"

#include <algorithm>
#include <future>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>

#include "maillage/metrics/change.hpp"
#include "maillage/metrics/summary.hpp"

namespace maillage::metrics {

using model::Id;

namespace {

/// node → its organisation type as a small integer (-1: no type known).
std::vector<std::int32_t> node_types(const graph::Network& net, const model::Project& project) {
    std::unordered_map<std::string, std::int32_t> index;
    std::vector<std::int32_t> out(net.organisation.size(), -1);
    for (std::size_t v = 0; v < out.size(); ++v) {
        const Id o = net.organisation[v];
        if (o == model::no_id) continue;
        const auto& type = project.organisations[static_cast<std::size_t>(o)].type;
        if (type.empty()) continue;
        out[v] = index.emplace(type, static_cast<std::int32_t>(index.size())).first->second;
    }
    return out;
}

/// Fills nodes, ties, density and the E-I counts of `row` from one edition's network.
void structure(EditionTrend& row, const graph::Network& net, const model::Project& project) {
    const auto& g = net.graph;
    row.nodes = g.node_count;
    row.ties = g.edge_count();
    // the definition of metrics::graph_structure's density, without its distances and triangles
    const auto n = static_cast<double>(g.node_count);
    row.density = g.node_count > 1 ? 2.0 * static_cast<double>(row.ties) / (n * (n - 1)) : 0.0;
    const auto type = node_types(net, project);
    if (g.complete) {
        // every pair is tied: I = Σ_t C(n_t, 2), E = the typed pairs across types
        std::map<std::int32_t, std::int64_t> size;
        std::int64_t typed = 0;
        for (auto t : type)
            if (t >= 0) {
                ++size[t];
                ++typed;
            }
        std::int64_t inside = 0;
        for (const auto& [t, k] : size) inside += k * (k - 1) / 2;
        row.typed_ties = typed * (typed - 1) / 2;
        row.cross_type_ties = row.typed_ties - inside;
    } else {
        for (const auto& e : g.edges) {
            const auto a = type[static_cast<std::size_t>(e.source)], b = type[static_cast<std::size_t>(e.target)];
            if (a < 0 || b < 0) continue;
            ++row.typed_ties;
            if (a != b) ++row.cross_type_ties;
        }
    }
    const auto inside = row.typed_ties - row.cross_type_ties;
    row.ei_index = row.typed_ties > 0
                       ? static_cast<double>(row.cross_type_ties - inside) / static_cast<double>(row.typed_ties)
                       : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

std::vector<EditionTrend> edition_trend(const model::Project& project, graph::Scope scope, graph::TieLevel level,
                                        const graph::Window& window) {
    if (scope == graph::Scope::TwoMode) throw std::invalid_argument("edition_trend: one-mode scopes only");
    const auto editions = territory_editions(project, window);
    const graph::ProjectIndex index(project);

    // The rows of editions[first, last), one territory's editions in year order.
    auto territory_rows = [&](std::size_t first, std::size_t last) {
        std::vector<EditionTrend> out;
        std::map<Id, Seen> seen; // people seen at the territory's earlier editions
        std::vector<Id> previous_people;
        Id prev = model::no_id;
        for (std::size_t i = first; i < last; ++i) {
            const Id e = editions[i];
            const auto& ed = project.editions[static_cast<std::size_t>(e)];
            // the people present: every person with an attendance at the edition (the people
            // network's nodes), read from the index without building that network
            std::vector<Id> people;
            for (auto a : index.attendances(e)) people.push_back(project.attendances[static_cast<std::size_t>(a)].person);
            std::sort(people.begin(), people.end());
            people.erase(std::unique(people.begin(), people.end()), people.end());

            const bool wanted = !window.year || (window.cumulative ? ed.year <= *window.year : ed.year == *window.year);
            if (wanted) {
                graph::Window one;
                one.territory = ed.territory;
                one.year = ed.year;
                const auto net = graph::build_network(project, index, scope, level, one);
                EditionTrend row;
                row.territory = ed.territory;
                row.edition = e;
                row.year = ed.year;
                row.previous = prev;
                const auto counts = network_counts(net, project);
                row.people = counts.people;
                row.organisations = counts.organisations;
                structure(row, net, project);
                const auto presence = presence_change(previous_people, people, seen, false);
                row.newcomers = presence.newcomers;
                if (prev != model::no_id) {
                    row.previous_people = presence.previous;
                    row.retained = presence.retained;
                    row.retention = presence.retention;
                } else {
                    row.retention = std::numeric_limits<double>::quiet_NaN();
                }
                out.push_back(row);
            }
            for (Id x : people) {
                auto& s = seen[x];
                if (s.editions == 0) s.first_year = ed.year;
                s.last_year = ed.year;
                ++s.editions;
            }
            previous_people = std::move(people);
            prev = e;
        }
        return out;
    };
    // Territories are independent: their blocks of editions are shared between two threads
    // (alternately), the rows then joined in block order (the rows of one thread, in order).
    std::vector<std::pair<std::size_t, std::size_t>> blocks;
    for (std::size_t i = 0; i < editions.size();) {
        std::size_t j = i;
        const auto territory = project.editions[static_cast<std::size_t>(editions[i])].territory;
        while (j < editions.size() && project.editions[static_cast<std::size_t>(editions[j])].territory == territory) ++j;
        blocks.emplace_back(i, j);
        i = j;
    }
    std::vector<std::vector<EditionTrend>> rows(blocks.size());
    auto run = [&](std::size_t parity) {
        for (std::size_t b = parity; b < blocks.size(); b += 2) rows[b] = territory_rows(blocks[b].first, blocks[b].second);
    };
    if (blocks.size() > 1 && std::thread::hardware_concurrency() > 1) {
        auto other = std::async(std::launch::async, run, std::size_t{1});
        run(0);
        other.get();
    } else {
        run(0);
        run(1);
    }
    std::vector<EditionTrend> out;
    for (auto& block : rows) out.insert(out.end(), block.begin(), block.end());
    return out;
}

} // namespace maillage::metrics
