// What identity resolution costs on a store (#18: at most 1 s on the national bench file):
// loads the store once, then times, over --runs runs, the reference data's loading and each
// step of ingest::resolve_identities on a fresh copy of the project. A program, not a test.
//
//     build/dev/identity_timing bench/data/national.gpkg [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "maillage/ingest/identity.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/store/store.hpp"

using namespace maillage;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: identity_timing STORE [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const model::Project loaded = store::Store::open(argv[1], false, core::Lang::En).load();
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::vector<double> reference, organisations, registry, people, total;
    for (int r = 0; r < runs; ++r) {
        model::Project p = loaded;
        const auto t0 = clock::now();
        const auto ref = ingest::IdentityReference::load("", "", core::Lang::En);
        const auto t1 = clock::now();
        ingest::resolve_organisations(p, ref->context());
        const auto t2 = clock::now();
        ingest::match_registry(p, ref->context());
        const auto t3 = clock::now();
        ingest::resolve_people(p);
        const auto t4 = clock::now();
        reference.push_back(ms(t0, t1));
        organisations.push_back(ms(t1, t2));
        registry.push_back(ms(t2, t3));
        people.push_back(ms(t3, t4));
        total.push_back(ms(t0, t4));
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("%zu spellings, %zu organisations, %zu registry entries, %zu people, %zu attendances; %d runs (median ms)\n",
                loaded.spellings.size(), loaded.organisations.size(), loaded.registry.size(), loaded.people.size(),
                loaded.attendances.size(), runs);
    std::printf("reference data %.0f, organisations %.0f, registry %.0f, people %.0f, total %.0f\n", median(reference),
                median(organisations), median(registry), median(people), median(total));
    return 0;
}
