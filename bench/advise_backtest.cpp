// Back-test of `maillage invite` (docs/advise.md, "Back-test"). Not a timed test: for each
// territory, hide its last edition, rank the candidates from the earlier ones, and count how
// many organisations that came for the first time at the hidden edition are in the top N,
// against two baselines: the registry in a random order (seeded, mean of 100 draws) and the
// registry by population of the organisation's commune.
//
//   advise_backtest STORE|SHEETS [--registry FILE] [--rolling] [--top N]...
//
// --rolling hides, in turn, every edition from the third on (with the later ones), not only the
// last.
//
// Value: among the organisations of the top N that came to the hidden edition, the new
// reconnaissance ties they made there with organisations of a type they had no reconnaissance
// tie with at the territory's earlier editions (and not their own type), counted from each
// invited organisation's side; the same for the baselines' top N (random: mean of the draws).
//
// Prints a Markdown table (one row per territory and N, then the totals).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "maillage/advise/backtest.hpp"
#include "maillage/advise/invite.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/store/store.hpp"
#include "maillage/app/project.hpp"

using namespace maillage;
using taxonomy_type = model::Taxonomy;

namespace {

struct Score {
    double hits = 0;
    std::size_t proposed = 0;
};

Score hits_of(const std::vector<model::Id>& ranked, const std::set<model::Id>& targets, std::size_t n) {
    Score s;
    for (std::size_t i = 0; i < ranked.size() && i < n; ++i) {
        ++s.proposed;
        if (ranked[i] != model::no_id && targets.count(ranked[i]) != 0) s.hits += 1;
    }
    return s;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: advise_backtest STORE [--top N]...\n";
        return 2;
    }
    std::vector<std::size_t> tops;
    bool rolling = false;
    std::vector<std::string> registries;
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--rolling") rolling = true;
        else if (std::string(argv[i]) == "--registry" && i + 1 < argc) registries.emplace_back(argv[++i]);
        else if (std::string(argv[i]) == "--top" && i + 1 < argc) tops.push_back(static_cast<std::size_t>(std::stoul(argv[++i])));
    }
    if (tops.empty()) tops = {10, 20};
    const auto lang = core::Lang::En;
    const auto full = app::load_input({argv[1]}, {}, lang, registries).project;
    const auto taxonomy = ingest::load_taxonomy("", lang);

    std::printf("| territory | hidden | first-timers | in registry | N | invite hits | P@N | R@N | random hits | population hits | invite came | invite value | random value | population value |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    std::map<std::size_t, std::array<double, 8>> total; // N → invite, random, population, first-timers, came, values
    double reachable_total = 0;
    for (model::Id t = 0; t < static_cast<model::Id>(full.territories.size()); ++t) {
        graph::Window w;
        w.territory = t;
        const auto editions = graph::select_editions(full, w);
        if (editions.size() < 2) continue;
        // --rolling: hide each edition from the third on in turn, with every later one
        const std::size_t from = rolling ? std::min<std::size_t>(2, editions.size() - 1) : editions.size() - 1;
        for (std::size_t k = from; k < editions.size(); ++k) {
        const auto hidden = editions[k];
        // who came for the first time at the hidden edition
        std::set<model::Id> before, at;
        for (const auto& a : full.attendances) {
            if (a.organisation == model::no_id) continue;
            const auto e = full.sessions[static_cast<std::size_t>(a.session)].edition;
            if (full.editions[static_cast<std::size_t>(e)].territory != t) continue;
            if (e == hidden) at.insert(a.organisation);
            else if (std::find(editions.begin(), editions.begin() + static_cast<std::ptrdiff_t>(k), e) != editions.begin() + static_cast<std::ptrdiff_t>(k))
                before.insert(a.organisation);
        }
        std::set<model::Id> first;
        for (auto o : at)
            if (before.count(o) == 0) first.insert(o);
        auto project = full;
        for (std::size_t j = editions.size(); j-- > k;) project = advise::without_edition(project, editions[j]);
        const auto geography = app::load_geography(project, lang);
        std::set<model::Id> in_registry;
        for (const auto& e : project.registry)
            if (e.territory == t && first.count(e.organisation) != 0) in_registry.insert(e.organisation);
        // editions are removed from the end, so the ids of earlier ones hold

        advise::InviteOptions o;
        o.top = 0;
        const auto r = advise::invite(project, t, taxonomy, geography, o);
        std::vector<model::Id> ranked;
        for (const auto& inv : r.organisations) ranked.push_back(inv.organisation);
        // baselines: the never-seen registry entries (one per organisation)
        std::vector<advise::AbsentOrganisation> pool = r.unmobilised.never_seen;
        std::vector<model::Id> by_population;
        std::stable_sort(pool.begin(), pool.end(), [](const auto& a, const auto& b) { return a.population > b.population; });
        for (const auto& a : pool) by_population.push_back(project.registry[a.registry].organisation);

        const auto year = full.editions[static_cast<std::size_t>(hidden)].year;
        const auto value = advise::new_cross_type_ties(full, taxonomy, t, year, full.editions[static_cast<std::size_t>(editions[k - 1])].year);
        for (auto n : tops) {
            const auto mine = hits_of(ranked, first, n);
            double random = 0, random_value = 0;
            constexpr int draws = 100;
            for (int s = 0; s < draws; ++s) {
                std::vector<model::Id> shuffled;
                for (const auto& a : r.unmobilised.never_seen) shuffled.push_back(project.registry[a.registry].organisation);
                std::mt19937_64 rng(static_cast<std::uint64_t>(s + 1));
                std::shuffle(shuffled.begin(), shuffled.end(), rng);
                random += hits_of(shuffled, first, n).hits;
                random_value += value.of(shuffled, n);
            }
            random /= draws;
            random_value /= draws;
            std::size_t came = 0;
            const double mine_value = value.of(ranked, n, &came);
            const double pop_value = value.of(by_population, n);
            const auto pop = hits_of(by_population, first, n);
            const double p = mine.proposed > 0 ? mine.hits / static_cast<double>(mine.proposed) : 0.0;
            const double rec = first.empty() ? 0.0 : mine.hits / static_cast<double>(first.size());
            std::printf("| %s | %d | %zu | %zu | %zu | %.0f | %.2f | %.2f | %.2f | %.0f | %zu | %.0f | %.2f | %.0f |\n",
                        full.territories[static_cast<std::size_t>(t)].name.c_str(), year, first.size(), in_registry.size(), n,
                        mine.hits, p, rec, random, pop.hits, came, mine_value, random_value, pop_value);
            auto& tot = total[n];
            tot[0] += mine.hits;
            tot[1] += random;
            tot[2] += pop.hits;
            tot[3] += static_cast<double>(first.size());
            tot[4] += static_cast<double>(came);
            tot[5] += mine_value;
            tot[6] += random_value;
            tot[7] += pop_value;
        }
        reachable_total += static_cast<double>(in_registry.size());
        }
    }
    for (const auto& [n, tot] : total)
        std::printf("| **all** | | %.0f | %.0f | %zu | %.0f | | %.2f | %.2f | %.0f | %.0f | %.0f | %.2f | %.0f |\n", tot[3], reachable_total, n,
                    tot[0], tot[3] > 0 ? tot[0] / tot[3] : 0.0, tot[1], tot[2], tot[4], tot[5], tot[6], tot[7]);
    return 0;
}
