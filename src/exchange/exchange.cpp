#include "maillage/exchange/exchange.hpp"

#include "maillage/metrics/node_columns.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "maillage/advise/invite.hpp"
#include "maillage/metrics/centrality.hpp"
#include "maillage/metrics/communities.hpp"
#include "maillage/metrics/summary.hpp"
#include "maillage/render/layout.hpp"
#include "maillage/render/palette.hpp"

namespace maillage::exchange {

namespace {

using Pair = std::pair<std::int32_t, std::int32_t>;

/// The ties of a graph as stored, or all n(n-1)/2 of a complete graph (unit weights).
std::vector<graph::Edge> ties_of(const graph::Graph& g) {
    if (!g.complete) return g.edges;
    std::vector<graph::Edge> out;
    out.reserve(static_cast<std::size_t>(g.edge_count()));
    for (std::int32_t a = 0; a < g.node_count; ++a)
        for (std::int32_t b = a + 1; b < g.node_count; ++b) out.push_back(graph::Edge{a, b, 1.0});
    return out;
}

Indicators indicators_of(const model::Project& project, const graph::Network& net, const graph::Window& window,
                         model::Id territory, std::uint64_t seed) {
    Indicators row;
    row.territory = territory;
    if (territory == model::no_id) {
        row.name = "*";
    } else {
        const auto& t = project.territories[static_cast<std::size_t>(territory)];
        row.name = t.name;
        row.code = t.code;
    }
    const auto editions = graph::select_editions(project, window);
    row.editions = static_cast<std::int32_t>(editions.size());
    for (auto e : editions) {
        const int y = project.editions[static_cast<std::size_t>(e)].year;
        if (row.first_year == 0 || y < row.first_year) row.first_year = y;
        row.last_year = std::max(row.last_year, y);
    }
    row.participants = net.people;
    row.organisations = net.organisations;
    const auto s = metrics::graph_structure(net.graph);
    row.nodes = s.nodes;
    row.ties = s.ties;
    row.density = s.density;
    row.mean_degree = s.mean_degree;
    row.transitivity = s.transitivity;
    row.components = s.components;
    row.largest_share = s.largest_share;
    metrics::CommunityOptions co;
    co.seed = seed;
    const auto c = metrics::leiden_communities(net.graph, co);
    row.communities = c.count;
    row.modularity = c.modularity;
    return row;
}

} // namespace

std::vector<std::pair<int, int>> spells_of(const std::vector<int>& years) {
    std::vector<std::pair<int, int>> out;
    for (int y : years) {
        if (!out.empty() && out.back().second + 1 == y) out.back().second = y;
        else out.emplace_back(y, y);
    }
    return out;
}

std::string years_text(const std::vector<int>& years) {
    std::string out;
    for (int y : years) out += (out.empty() ? "" : " ") + std::to_string(y);
    return out;
}

Export prepare(const model::Project& project, const graph::Network& network, const graph::Window& window,
               const model::Taxonomy& taxonomy, const ExportOptions& options) {
    const core::Lang lang = options.lang;
    Export out;
    out.scope = network.scope;
    out.level = network.level;
    if (window.territory) out.territory = project.territories[static_cast<std::size_t>(*window.territory)].name;
    out.edition = window.year;
    out.cumulative = window.cumulative;
    out.positions = options.positions;
    out.title = options.title;
    {
        std::set<int> years;
        for (auto e : network.editions) years.insert(project.editions[static_cast<std::size_t>(e)].year);
        out.years.assign(years.begin(), years.end());
    }

    const bool people = network.scope == graph::Scope::People;
    const auto n = static_cast<std::size_t>(network.graph.node_count);
    const auto centrality = metrics::node_centralities(network.graph);
    metrics::CommunityOptions co;
    co.seed = options.seed;
    const auto communities = metrics::leiden_communities(network.graph, co);

    // Distinct people per organisation over the window's editions.
    std::map<model::Id, std::set<model::Id>> people_of;
    {
        const std::set<model::Id> editions(network.editions.begin(), network.editions.end());
        for (const auto& a : project.attendances) {
            if (a.organisation == model::no_id) continue;
            if (editions.count(project.sessions[static_cast<std::size_t>(a.session)].edition) == 0) continue;
            people_of[a.organisation].insert(a.person);
        }
    }

    std::unordered_map<model::Id, std::int32_t> index_of; // model id → node
    out.nodes.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        Node& node = out.nodes[v];
        const model::Id id = network.nodes[v];
        index_of[id] = static_cast<std::int32_t>(v);
        const model::Id org = network.organisation[v];
        node.id = (people ? "p" : "o") + std::to_string(id);
        node.label = v < options.names.size() ? options.names[v] : node.id;
        node.organisation_id = org;
        if (org != model::no_id) {
            const auto& o = project.organisations[static_cast<std::size_t>(org)];
            node.type = o.type;
            node.organisation = o.name;
            node.commune = o.commune;
            node.place = o.place;
        }
        node.type_label = advise::type_label(taxonomy, node.type, lang);
        const auto family = render::family_of(node.type);
        node.family = std::string(render::key(family));
        node.family_label = std::string(render::label(family, lang));
        node.colour = std::string(render::colour(family));
        if (network.territory[v] != model::no_id)
            node.territory = project.territories[static_cast<std::size_t>(network.territory[v])].name;
        node.degree = centrality.degree[v];
        node.strength = centrality.strength[v];
        node.betweenness = centrality.betweenness[v];
        node.coreness = centrality.coreness[v];
        node.community = communities.membership[v];
        if (!people && v < network.internal_weight.size()) node.internal_weight = network.internal_weight[v];
        if (people) node.people = 1;
        else if (auto it = people_of.find(id); it != people_of.end())
            node.people = static_cast<std::int64_t>(it->second.size());
        const metrics::NodeInputs inputs{&centrality, &communities, people ? nullptr : &network.internal_weight};
        for (const auto& column : metrics::node_columns())
            node.figures.push_back(people && column.organisations_only ? std::nan("") : column.get(inputs, v));
    }

    const auto ties = ties_of(network.graph);
    std::map<Pair, std::size_t> edge_of;
    out.edges.reserve(ties.size());
    for (const auto& e : ties) {
        edge_of[{e.source, e.target}] = out.edges.size();
        out.edges.push_back(Edge{e.source, e.target, e.weight, {}});
    }

    // Years: the network of each year of the window, same territory, scope and level; the
    // project indexed once for them and for the territories' below.
    const graph::ProjectIndex index(project);
    for (int year : out.years) {
        graph::Window w;
        w.territory = window.territory;
        w.year = year;
        const auto net = graph::build_network(project, index, network.scope, network.level, w);
        std::vector<std::int32_t> local(net.nodes.size(), -1);
        for (std::size_t u = 0; u < net.nodes.size(); ++u) {
            auto it = index_of.find(net.nodes[u]);
            if (it == index_of.end()) continue;
            local[u] = it->second;
            out.nodes[static_cast<std::size_t>(it->second)].years.push_back(year);
        }
        auto mark = [&](std::int32_t a, std::int32_t b) {
            if (a < 0 || b < 0) return;
            if (a > b) std::swap(a, b);
            if (auto it = edge_of.find({a, b}); it != edge_of.end()) out.edges[it->second].years.push_back(year);
        };
        if (net.graph.complete) {
            for (std::size_t a = 0; a < local.size(); ++a)
                for (std::size_t b = a + 1; b < local.size(); ++b) mark(local[a], local[b]);
        } else {
            for (const auto& e : net.graph.edges)
                mark(local[static_cast<std::size_t>(e.source)], local[static_cast<std::size_t>(e.target)]);
        }
    }

    if (options.positions == Positions::Layout) {
        const auto pos = render::layout_positions(network.graph, options.layout, options.seed, lang);
        // Rounded to 1/100 point: sfdp's last digits vary from run to run, the files should not.
        auto round = [](double x) { return std::round(x * 100.0) / 100.0; };
        for (std::size_t v = 0; v < n; ++v) out.nodes[v].position = Point{round(pos[v].x), round(pos[v].y)};
    } else {
        for (auto& node : out.nodes)
            if (node.place) node.position = Point{node.place->x, node.place->y};
    }

    // Indicators: the whole window, then each territory with an edition in it, by name.
    out.indicators.push_back(indicators_of(project, network, window, model::no_id, options.seed));
    std::set<model::Id> territories;
    for (auto e : network.editions) territories.insert(project.editions[static_cast<std::size_t>(e)].territory);
    std::vector<Indicators> rows;
    for (auto t : territories) {
        graph::Window w = window;
        w.territory = t;
        const auto net = graph::build_network(project, index, network.scope, network.level, w);
        rows.push_back(indicators_of(project, net, w, t, options.seed));
    }
    std::sort(rows.begin(), rows.end(), [](const Indicators& a, const Indicators& b) { return a.name < b.name; });
    out.indicators.insert(out.indicators.end(), rows.begin(), rows.end());
    return out;
}

std::vector<std::size_t> added_figures() {
    static const std::vector<std::size_t> added = [] {
        static constexpr std::string_view always[] = {"degree", "strength", "betweenness", "community", "coreness",
                                                      "internal_weight"};
        std::vector<std::size_t> out;
        const auto columns = metrics::node_columns();
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (columns[i].in(metrics::InExports) &&
                std::find(std::begin(always), std::end(always), columns[i].key) == std::end(always))
                out.push_back(i);
        return out;
    }();
    return added;
}

} // namespace maillage::exchange
