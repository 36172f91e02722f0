#include "maillage/advise/backtest.hpp"

#include <set>
#include <string>

#include "maillage/advise/unmobilised.hpp"
#include "maillage/graph/network.hpp"

namespace maillage::advise {

double NewCrossTypeTies::of(const std::vector<model::Id>& ranked, std::size_t n, std::size_t* came) const {
    double v = 0;
    for (std::size_t i = 0; i < ranked.size() && i < n; ++i)
        if (auto it = per_organisation.find(ranked[i]); ranked[i] != model::no_id && it != per_organisation.end()) {
            v += it->second;
            if (came != nullptr) ++*came;
        }
    return v;
}

NewCrossTypeTies new_cross_type_ties(const model::Project& project, const model::Taxonomy& taxonomy, model::Id territory,
                                     int hidden_year, int previous_year) {
    NewCrossTypeTies out;
    auto type = [&](model::Id o) { return seed_type(taxonomy, project.organisations[static_cast<std::size_t>(o)].type); };
    graph::Window before;
    before.territory = territory;
    before.year = previous_year;
    before.cumulative = true;
    std::map<model::Id, std::set<std::string>> known; // organisation → types it had a reconnaissance tie with
    const auto b = graph::build_network(project, graph::Scope::Organisations, graph::TieLevel::Reconnaissance, before);
    for (const auto& e : b.graph.edges) {
        const auto s = b.nodes[static_cast<std::size_t>(e.source)], t = b.nodes[static_cast<std::size_t>(e.target)];
        known[s].insert(type(t));
        known[t].insert(type(s));
    }
    graph::Window at;
    at.territory = territory;
    at.year = hidden_year;
    const auto h = graph::build_network(project, graph::Scope::Organisations, graph::TieLevel::Reconnaissance, at);
    for (auto o : h.nodes) out.per_organisation[o] = 0;
    for (const auto& e : h.graph.edges) {
        const auto s = h.nodes[static_cast<std::size_t>(e.source)], t = h.nodes[static_cast<std::size_t>(e.target)];
        for (auto [x, y] : {std::pair(s, t), std::pair(t, s)}) {
            const auto ty = type(y);
            if (ty.empty() || ty == type(x) || known[x].count(ty) != 0) continue;
            out.per_organisation[x] += 1;
        }
    }
    return out;
}

} // namespace maillage::advise
