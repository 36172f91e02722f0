// The two-mode null model of mixing, tested by its properties (not by its own output): the
// reshuffles keep every margin, a planted hole is found, and on data drawn from the null the
// p-values are (conservatively) uniform.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <random>
#include <tuple>

#include <gtest/gtest.h>

#include "maillage/metrics/mixing.hpp"

using namespace maillage::metrics;
using maillage::model::Id;
using maillage::model::Project;
using maillage::model::Role;
using maillage::model::SessionKind;

namespace {

/// A block where each of `people` participants attends `per_person` of `sessions` sessions
/// drawn uniformly (so, given its margins, the matrix is a uniform draw: the null itself).
Incidence random_block(std::int32_t people, std::int32_t sessions, std::int32_t per_person, std::mt19937_64& rng,
                       std::int32_t first_node) {
    Incidence b;
    b.session_count = sessions;
    std::vector<std::int32_t> all(static_cast<std::size_t>(sessions));
    for (std::int32_t s = 0; s < sessions; ++s) all[static_cast<std::size_t>(s)] = s;
    for (std::int32_t p = 0; p < people; ++p) {
        for (std::int32_t i = 0; i < per_person; ++i) // partial Fisher–Yates
            std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(i) + rng() % static_cast<std::uint64_t>(sessions - i)]);
        std::vector<std::int32_t> row(all.begin(), all.begin() + per_person);
        std::sort(row.begin(), row.end());
        b.rows.push_back(row);
        b.node.push_back(first_node + p);
    }
    return b;
}

std::vector<std::int64_t> session_sizes(const Incidence& b) {
    std::vector<std::int64_t> out(static_cast<std::size_t>(b.session_count), 0);
    for (const auto& r : b.rows)
        for (auto s : r) ++out[static_cast<std::size_t>(s)];
    return out;
}

MixingInput input_of(std::vector<Incidence> blocks, std::int32_t nodes) {
    MixingInput in;
    in.blocks = std::move(blocks);
    for (Id v = 0; v < nodes; ++v) {
        in.nodes.push_back(v);
        in.organisation.push_back(v);
        in.territory.push_back(0);
    }
    return in;
}

} // namespace

TEST(Curveball, KeepsEveryPersonsAndEverySessionsDegree) {
    std::mt19937_64 rng(1);
    for (int trial = 0; trial < 20; ++trial) {
        auto block = random_block(40, 12, 1 + trial % 4, rng, 0);
        // uneven rows too
        block.rows[0] = {0, 1, 2, 3, 4, 5};
        const auto before = block;
        curveball(block, 400, 1000 + static_cast<std::uint64_t>(trial));
        ASSERT_EQ(block.rows.size(), before.rows.size());
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
            EXPECT_EQ(block.rows[r].size(), before.rows[r].size());
            EXPECT_TRUE(std::is_sorted(block.rows[r].begin(), block.rows[r].end()));
            EXPECT_EQ(std::adjacent_find(block.rows[r].begin(), block.rows[r].end()), block.rows[r].end()) << "no repeated session";
        }
        EXPECT_EQ(session_sizes(block), session_sizes(before));
        EXPECT_NE(block.rows, before.rows) << "400 trades moved something";
        EXPECT_EQ(block.node, before.node);
    }
}

TEST(Curveball, SameSeedSameReshuffle) {
    std::mt19937_64 rng(2);
    auto a = random_block(30, 10, 3, rng, 0);
    auto b = a;
    curveball(a, 300, 9);
    curveball(b, 300, 9);
    EXPECT_EQ(a.rows, b.rows);
}

namespace {

/// The curveball as first written (sorted vectors, set operations), kept as the reference
/// the bit-row trades must reproduce draw for draw: same generator, same calls, same order.
std::uint64_t reference_below(std::mt19937_64& rng, std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r = rng();
    while (r >= limit) r = rng();
    return r % n;
}

void reference_curveball(Incidence& block, std::int64_t trades, std::uint64_t rng_seed) {
    std::mt19937_64 rng(rng_seed);
    const auto rows = block.rows.size();
    if (rows < 2) return;
    std::vector<std::int32_t> only_a, only_b, both;
    for (std::int64_t t = 0; t < trades; ++t) {
        const auto a = static_cast<std::size_t>(reference_below(rng, rows));
        auto b = static_cast<std::size_t>(reference_below(rng, rows - 1));
        if (b >= a) ++b;
        auto& ra = block.rows[a];
        auto& rb = block.rows[b];
        only_a.clear();
        only_b.clear();
        both.clear();
        std::set_difference(ra.begin(), ra.end(), rb.begin(), rb.end(), std::back_inserter(only_a));
        if (only_a.empty()) continue;
        std::set_difference(rb.begin(), rb.end(), ra.begin(), ra.end(), std::back_inserter(only_b));
        if (only_b.empty()) continue;
        std::set_intersection(ra.begin(), ra.end(), rb.begin(), rb.end(), std::back_inserter(both));
        const auto keep_a = only_a.size();
        only_a.insert(only_a.end(), only_b.begin(), only_b.end());
        for (std::size_t i = only_a.size() - 1; i > 0; --i) std::swap(only_a[i], only_a[reference_below(rng, i + 1)]);
        ra = both;
        ra.insert(ra.end(), only_a.begin(), only_a.begin() + static_cast<std::ptrdiff_t>(keep_a));
        rb = both;
        rb.insert(rb.end(), only_a.begin() + static_cast<std::ptrdiff_t>(keep_a), only_a.end());
        std::sort(ra.begin(), ra.end());
        std::sort(rb.begin(), rb.end());
    }
}

} // namespace

TEST(Curveball, BitRowsDrawTheReferenceMatrices) {
    // one word per row (≤ 64 sessions) and several (150 sessions), sparse and dense rows
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 24; ++trial) {
        const std::int32_t sessions = trial % 3 == 0 ? 150 : trial % 3 == 1 ? 64 : 9;
        auto block = random_block(25 + trial, sessions, 1 + trial % 5, rng, 0);
        auto reference = block;
        curveball(block, 500, 77 + static_cast<std::uint64_t>(trial));
        reference_curveball(reference, 500, 77 + static_cast<std::uint64_t>(trial));
        EXPECT_EQ(block.rows, reference.rows) << "trial " << trial;
    }
}

TEST(Mixing, PlantedHoleIsFewerThanChance) {
    // Groups A (nodes 0-7), B (8-15), C (16-23). Eight sessions of six: sessions 0-3 hold three
    // A and three C, sessions 4-7 three B and three C; each person attends two sessions. A and B
    // never meet; under the null they do.
    Incidence b;
    b.session_count = 8;
    for (std::int32_t v = 0; v < 8; ++v) { // A: sessions (v/2 % 4) and ((v/2 + 1) % 4)
        b.rows.push_back({std::min(v / 2, (v / 2 + 1) % 4), std::max(v / 2, (v / 2 + 1) % 4)});
        b.node.push_back(v);
    }
    for (std::int32_t v = 0; v < 8; ++v) { // B: same pattern on sessions 4-7
        b.rows.push_back({4 + std::min(v / 2, (v / 2 + 1) % 4), 4 + std::max(v / 2, (v / 2 + 1) % 4)});
        b.node.push_back(8 + v);
    }
    for (std::int32_t v = 0; v < 8; ++v) { // C: one A session and one B session
        b.rows.push_back({v % 4, 4 + (v + 1) % 4});
        b.node.push_back(16 + v);
    }
    const auto sizes = session_sizes(b);
    for (auto s : sizes) ASSERT_EQ(s, 6);
    Grouping g;
    g.group_count = 3;
    for (std::int32_t v = 0; v < 24; ++v) g.group.push_back(v / 8);
    MixingOptions o;
    o.reshuffles = 499;
    o.seed = 5;
    const auto r = mixing(input_of({b}, 24), {g}, o);
    ASSERT_EQ(r.groupings.size(), 1U);
    const auto& ab = r.groupings[0].ties[0 * 3 + 1];
    EXPECT_EQ(ab.observed, 0);
    EXPECT_GT(ab.expected, 10);
    EXPECT_GT(ab.low, 0) << "no reshuffle leaves A and B apart: the chance interval is above 0";
    EXPECT_LE(ab.low, ab.expected);
    EXPECT_GE(ab.high, ab.expected);
    EXPECT_NEAR(ab.p_fewer, 1.0 / 500.0, 1e-12) << "no reshuffle is as extreme";
    EXPECT_NEAR(ab.p_more, 1.0, 1e-12);
    EXPECT_EQ(r.groupings[0].possible[0 * 3 + 1], 64);
    // A is more inward than chance: its E-I index is lower than expected
    EXPECT_LT(r.groupings[0].ei[0].observed, r.groupings[0].ei[0].expected);
    EXPECT_EQ(r.reshuffles, 499);
    EXPECT_EQ(r.trades, 240);
    // the planted hole matters: significant, 0 ties where there are more than 10, the widest gap
    const auto holes = group_holes(r.groupings[0]);
    ASSERT_FALSE(holes.empty());
    EXPECT_EQ(holes[0].x, 0U);
    EXPECT_EQ(holes[0].y, 1U);
    EXPECT_LT(holes[0].gap, -1);
    EXPECT_NEAR(holes[0].gap, density_gap(0, ab.expected / 64), 1e-12);
}

// Cohen's h between two proportions, 2 asin √p1 − 2 asin √p2 (Cohen 1988, Statistical Power
// Analysis, ch. 6; the values below by hand: 2 asin √0.5 = π/2, 2 asin 1 = π).
TEST(Mixing, DensityGapIsCohensH) {
    EXPECT_NEAR(density_gap(0.5, 0.5), 0, 1e-12);
    EXPECT_NEAR(density_gap(0, 1), -std::acos(-1.0), 1e-12);
    EXPECT_NEAR(density_gap(1, 0.5), std::acos(-1.0) / 2, 1e-12);
    // the same one-tie gap weighs more near the ends than in the middle: 33 of 36 against 34 of
    // 36 is h = -0.11, 17 of 36 against 18 of 36 is h = -0.06 (python3: 2*asin(sqrt(a))-2*asin(sqrt(b)))
    EXPECT_NEAR(density_gap(33.0 / 36, 34.0 / 36), -0.109803, 1e-6);
    EXPECT_NEAR(density_gap(17.0 / 36, 18.0 / 36), -0.055584, 1e-6);
    EXPECT_GT(density_gap(1.5, 1), -1e-12) << "densities are clamped to [0, 1]";
}

namespace {

/// A group × group result written by hand: what pair_departures reads.
GroupMixing hand_made(std::int32_t groups) {
    GroupMixing m;
    m.group_count = groups;
    const auto G = static_cast<std::size_t>(groups);
    m.ties.assign(G * G, NullTest{});
    m.possible.assign(G * G, 0);
    m.group_size.assign(G, 0);
    return m;
}

void cell(GroupMixing& m, std::size_t x, std::size_t y, double possible, NullTest t) {
    const auto G = static_cast<std::size_t>(m.group_count);
    t.reshuffles = 999;
    m.ties[x * G + y] = m.ties[y * G + x] = t;
    m.possible[x * G + y] = m.possible[y * G + x] = possible;
}

} // namespace

TEST(Mixing, OnlySignificantAndMaterialPairsAreNotable) {
    auto m = hand_made(4);
    // 0 of 12 where chance always gives 11 or 12: the hole of the issue (was z = -379)
    cell(m, 0, 1, 12, {.observed = 0, .expected = 11.999, .sd = 0.03, .low = 12, .high = 12, .p_fewer = 0.001, .p_more = 1});
    // 33 of 36 where chance gives 33.95: significant (p = 0.048) but one tie on a nearly
    // complete pair, h = -0.10: not material
    cell(m, 0, 0, 36, {.observed = 33, .expected = 33.95, .sd = 0.2, .low = 33, .high = 35, .p_fewer = 0.048, .p_more = 1});
    // complete in every draw: the reshuffles cannot move it
    cell(m, 1, 2, 9, {.observed = 9, .expected = 9, .sd = 0, .low = 9, .high = 9, .p_fewer = 1, .p_more = 1});
    // a wide gap that chance produces often: 0 of 1 where 0.9 is expected, p = 0.1
    cell(m, 2, 3, 1, {.observed = 0, .expected = 0.9, .sd = 0.3, .low = 0, .high = 1, .p_fewer = 0.1, .p_more = 1});
    // more than chance, significant and material: 10 of 12 where 6 are expected
    cell(m, 1, 3, 12, {.observed = 10, .expected = 6, .sd = 1.5, .low = 3, .high = 9, .p_fewer = 1, .p_more = 0.004});
    // significant, |h| ≥ 0.2, but no whole tie apart: 1 of 2 where 1.4 are expected (rounded: 1)
    cell(m, 2, 2, 2, {.observed = 1, .expected = 1.4, .sd = 0.2, .low = 1, .high = 2, .p_fewer = 0.03, .p_more = 1});
    // one tie apart once the expected count is rounded: 0 of 1 where chance gives 0.9995
    cell(m, 0, 3, 1, {.observed = 0, .expected = 0.9995, .sd = 0.02, .low = 1, .high = 1, .p_fewer = 0.002, .p_more = 1});
    const auto d = pair_departures(m);
    ASSERT_EQ(d.size(), 7U) << "every pair that could be tied, the diagonal included";
    // the notable first, the widest gap first
    EXPECT_EQ(std::tie(d[0].x, d[0].y), std::make_tuple(std::size_t{0}, std::size_t{1}));
    EXPECT_EQ(d[0].status, PairStatus::Notable);
    EXPECT_TRUE(d[0].fewer);
    EXPECT_NEAR(d[0].p, 0.001, 1e-12);
    EXPECT_EQ(std::tie(d[2].x, d[2].y), std::make_tuple(std::size_t{1}, std::size_t{3}));
    EXPECT_EQ(d[2].status, PairStatus::Notable);
    EXPECT_FALSE(d[2].fewer);
    EXPECT_NEAR(d[2].p, 0.004, 1e-12) << "the p in the gap's direction";
    auto status = [&](std::size_t x, std::size_t y) {
        for (const auto& p : d)
            if (p.x == x && p.y == y) return p.status;
        return PairStatus::Fixed;
    };
    EXPECT_EQ(status(0, 0), PairStatus::WithinChance);
    EXPECT_EQ(status(1, 2), PairStatus::Fixed);
    EXPECT_EQ(status(2, 3), PairStatus::WithinChance);
    EXPECT_EQ(status(2, 2), PairStatus::WithinChance);
    EXPECT_EQ(status(0, 3), PairStatus::Notable);
    // the holes: fewer than chance, between different groups, the widest gap first (0 of 1
    // where 0.9995 are expected is h = -3.10; 0 of 12 where 11.999: -3.12)
    const auto holes = group_holes(m);
    ASSERT_EQ(holes.size(), 2U);
    EXPECT_EQ(std::tie(holes[0].x, holes[0].y), std::make_tuple(std::size_t{0}, std::size_t{1}));
    EXPECT_EQ(std::tie(holes[1].x, holes[1].y), std::make_tuple(std::size_t{0}, std::size_t{3}));
    // a looser rule lets the small gap of 0 × 0 count, never the pair chance cannot move
    Materiality loose;
    loose.gap = 0.05;
    loose.ties = 0.5;
    EXPECT_EQ(status(0, 0), PairStatus::WithinChance);
    for (const auto& p : pair_departures(m, loose)) {
        if (p.x == 0 && p.y == 0) {
            EXPECT_EQ(p.status, PairStatus::Notable);
        }
        if (p.x == 1 && p.y == 2) {
            EXPECT_EQ(p.status, PairStatus::Fixed);
        }
    }
}

TEST(Mixing, OutputDoesNotDependOnThreads) {
    std::mt19937_64 rng(3);
    auto in = input_of({random_block(30, 8, 2, rng, 0), random_block(30, 8, 3, rng, 10)}, 40);
    Grouping g;
    g.group_count = 4;
    for (std::int32_t v = 0; v < 40; ++v) g.group.push_back(v % 4);
    MixingOptions o;
    o.reshuffles = 60;
    o.threads = 1;
    o.in_memory = false; // drawn again on two threads, not remembered
    const auto one = mixing(in, {g}, o);
    o.threads = 2;
    const auto two = mixing(in, {g}, o);
    for (std::size_t c = 0; c < one.groupings[0].ties.size(); ++c) {
        EXPECT_EQ(one.groupings[0].ties[c].expected, two.groupings[0].ties[c].expected);
        EXPECT_EQ(one.groupings[0].ties[c].p_fewer, two.groupings[0].ties[c].p_fewer);
    }
}

namespace {

/// A DrawCache in memory that counts what it is asked.
class MapCache : public DrawCache {
public:
    std::optional<std::string> find(const std::string& key) override {
        ++finds;
        const auto it = kept.find(key);
        return it == kept.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    void keep(const std::string& key, const std::vector<Id>& editions, const std::string& draws) override {
        ++keeps;
        kept[key] = draws;
        last_editions = editions;
    }
    std::map<std::string, std::string> kept;
    std::vector<Id> last_editions;
    int finds = 0, keeps = 0;
};

void expect_same(const GroupMixing& a, const GroupMixing& b) {
    ASSERT_EQ(a.ties.size(), b.ties.size());
    auto same = [](const NullTest& x, const NullTest& y) {
        auto eq = [](double p, double q) { return (std::isnan(p) && std::isnan(q)) || p == q; };
        return eq(x.observed, y.observed) && eq(x.expected, y.expected) && eq(x.sd, y.sd) && eq(x.low, y.low) && eq(x.high, y.high) &&
               eq(x.p_fewer, y.p_fewer) && eq(x.p_more, y.p_more) && x.reshuffles == y.reshuffles;
    };
    for (std::size_t c = 0; c < a.ties.size(); ++c) EXPECT_TRUE(same(a.ties[c], b.ties[c])) << "cell " << c;
    for (std::size_t g = 0; g < a.ei.size(); ++g) EXPECT_TRUE(same(a.ei[g], b.ei[g])) << "group " << g;
    EXPECT_TRUE(same(a.ei_overall, b.ei_overall));
}

} // namespace

TEST(Mixing, AGroupingsFiguresDoNotDependOnTheOthersAsked) {
    // The reshuffles are counted by the classes the groupings make together: type alone, type
    // with territory (finer classes), and type with two groupings whose classes number more
    // than a thousand (counted by grouping directly) must give type the same null
    // distributions, to the last bit.
    std::mt19937_64 rng(11);
    const std::int32_t nodes = 2000;
    auto in = input_of({random_block(nodes, 30, 2, rng, 0)}, nodes);
    Grouping type, territory, tens, fifties;
    type.group_count = 5;
    territory.group_count = 3;
    tens.group_count = 40;
    fifties.group_count = 50;
    for (std::int32_t v = 0; v < nodes; ++v) {
        type.group.push_back(v % 7 == 0 ? -1 : v % 5);
        territory.group.push_back(v % 3);
        tens.group.push_back(v % 40);
        fifties.group.push_back((v / 40) % 50);
    }
    MixingOptions o;
    o.reshuffles = 30;
    o.seed = 77;
    o.in_memory = false;
    const auto alone = mixing(in, {type}, o);
    const auto with_territory = mixing(in, {type, territory}, o);
    const auto with_many = mixing(in, {type, tens, fifties}, o);
    expect_same(alone.groupings[0], with_territory.groupings[0]);
    expect_same(alone.groupings[0], with_many.groupings[0]);
}

TEST(Mixing, KeptDrawsGiveTheSameFigures) {
    std::mt19937_64 rng(12);
    auto in = input_of({random_block(40, 9, 2, rng, 0), random_block(35, 9, 3, rng, 5)}, 45);
    in.editions = {3, 8};
    Grouping g;
    g.group_count = 4;
    for (std::int32_t v = 0; v < 45; ++v) g.group.push_back(v % 4);
    MixingOptions o;
    o.reshuffles = 120;
    o.seed = 2024;
    o.in_memory = false;
    MapCache cache;
    o.cache = &cache;
    const auto first = mixing(in, {g}, o);
    EXPECT_EQ(cache.keeps, 1);
    EXPECT_EQ(cache.last_editions, (std::vector<Id>{3, 8}));
    const auto again = mixing(in, {g}, o); // read back from the cache
    EXPECT_EQ(cache.keeps, 1) << "found, not drawn again";
    expect_same(first.groupings[0], again.groupings[0]);
    // another seed, another key
    o.seed = 2025;
    (void)mixing(in, {g}, o);
    EXPECT_EQ(cache.keeps, 2);
    // a damaged text is not used: the draws are made again, the same
    o.seed = 2024;
    for (auto& [key, text] : cache.kept) text.resize(text.size() / 2);
    const auto redrawn = mixing(in, {g}, o);
    expect_same(first.groupings[0], redrawn.groupings[0]);
    // the same draws kept in memory (no cache): the same figures
    o.cache = nullptr;
    o.in_memory = true;
    const auto drawn = mixing(in, {g}, o);
    const auto remembered = mixing(in, {g}, o);
    expect_same(first.groupings[0], drawn.groupings[0]);
    expect_same(first.groupings[0], remembered.groupings[0]);
}

TEST(Mixing, PValuesAreUniformUnderTheNull) {
    // 40 projects drawn from the null (each person picks sessions uniformly); 5 groups give
    // 15 tie cells each: 600 p-values. A permutation p-value (k+1)/(R+1) is super-uniform,
    // P(p ≤ a) ≤ a (+ sampling noise); with counts this spread it should also be close to a.
    // Seeded: the same 600 values every run.
    std::mt19937_64 rng(2026);
    std::vector<double> p;
    for (int project = 0; project < 40; ++project) {
        std::vector<Incidence> blocks;
        for (int e = 0; e < 2; ++e) blocks.push_back(random_block(60, 12, 2 + e, rng, 0));
        Grouping g;
        g.group_count = 5;
        for (std::int32_t v = 0; v < 60; ++v) g.group.push_back(static_cast<std::int32_t>(rng() % 5));
        MixingOptions o;
        o.reshuffles = 199;
        o.seed = static_cast<std::uint64_t>(project);
        const auto r = mixing(input_of(blocks, 60), {g}, o);
        for (std::int32_t x = 0; x < 5; ++x)
            for (std::int32_t y = x; y < 5; ++y) p.push_back(r.groupings[0].ties[static_cast<std::size_t>(x * 5 + y)].p_fewer);
    }
    std::sort(p.begin(), p.end());
    // Kolmogorov–Smirnov distance to U(0,1), one-sided both ways
    double above = 0, below = 0;
    const double n = static_cast<double>(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        above = std::max(above, (static_cast<double>(i) + 1) / n - p[i]); // F_n above the diagonal: anti-conservative
        below = std::max(below, p[i] - static_cast<double>(i) / n);       // below: conservative
    }
    // 1.36/sqrt(600) = 0.056 is the 5% KS bound for independent values; cells of one project are
    // correlated and counts are discrete, hence the slack.
    EXPECT_LT(above, 0.08) << "too many small p-values: the null is not the data's";
    EXPECT_LT(below, 0.12) << "p-values piled up near 1: the test has no power";
    const auto small = std::count_if(p.begin(), p.end(), [](double x) { return x <= 0.05; });
    EXPECT_LE(static_cast<double>(small) / n, 0.08);
}

TEST(MixingInput, ReadsEditionsOfAProject) {
    // One edition: W1 (A, B of X), W2 (C of Y, D without organisation), plenary (everyone).
    Project p;
    p.territories.push_back({"t", "T", "", ""});
    p.editions = {{0, 2024}};
    p.sessions = {{0, "w1", "W1", SessionKind::Workshop, "", std::nullopt},
                  {0, "w2", "W2", SessionKind::Workshop, "", std::nullopt},
                  {0, "pl", "Plénière", SessionKind::Plenary, "", std::nullopt}};
    p.organisations = {{"x", "X", "cio", "", "", std::nullopt}, {"y", "Y", "entreprise", "", "", std::nullopt}};
    for (const char* name : {"A", "B", "C", "D"}) p.people.push_back({name});
    auto attend = [&](Id s, Id person, Id org) { p.attendances.push_back({s, person, org, Role::Participant, 0, 0}); };
    attend(0, 0, 0);
    attend(0, 1, 0);
    attend(1, 2, 1);
    attend(1, 3, maillage::model::no_id);
    for (Id x = 0; x < 4; ++x) attend(2, x, x < 2 ? 0 : x == 2 ? 1 : maillage::model::no_id);
    const maillage::graph::Window w{0, 2024, false};
    const auto orgs = mixing_input(p, maillage::graph::Scope::Organisations, maillage::graph::TieLevel::Interconnaissance, w);
    ASSERT_EQ(orgs.blocks.size(), 1U);
    EXPECT_EQ(orgs.nodes, (std::vector<Id>{0, 1}));
    EXPECT_EQ(orgs.blocks[0].session_count, 2);
    EXPECT_EQ(orgs.blocks[0].rows.size(), 4U) << "the person without organisation still takes a seat";
    EXPECT_EQ(std::count(orgs.blocks[0].node.begin(), orgs.blocks[0].node.end(), -1), 1);
    const auto people = mixing_input(p, maillage::graph::Scope::People, maillage::graph::TieLevel::Interconnaissance, w);
    EXPECT_EQ(people.nodes.size(), 4U);
    Grouping g{{0, 0, 1, 1}, 2};
    MixingOptions o;
    o.reshuffles = 20;
    const auto r = mixing(people, {g}, o);
    EXPECT_EQ(r.ties, 2) << "A–B and C–D";
}
