// Choropleth classes: Jenks's natural breaks checked against an exhaustive search over every
// partition (the definition itself, independent of Fisher's dynamic programme), quantiles
// against counts, and the edge cases a map meets (few distinct values, no data).
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "maillage/render/classify.hpp"

using namespace maillage::render;

namespace {

/// The least within-class squared deviation over every way to cut sorted x into k contiguous
/// classes (brute force: C(n-1, k-1) cuts).
double best_by_search(std::vector<double> x, int k) {
    std::sort(x.begin(), x.end());
    const int n = static_cast<int>(x.size());
    double best = std::numeric_limits<double>::infinity();
    std::vector<int> cut(static_cast<std::size_t>(k - 1));
    std::function<void(int, int)> rec = [&](int i, int from) {
        if (i == k - 1) {
            double total = 0;
            int start = 0;
            for (int c = 0; c < k; ++c) {
                const int end = c < k - 1 ? cut[static_cast<std::size_t>(c)] : n; // exclusive
                double s = 0, s2 = 0;
                for (int j = start; j < end; ++j) {
                    s += x[static_cast<std::size_t>(j)];
                    s2 += x[static_cast<std::size_t>(j)] * x[static_cast<std::size_t>(j)];
                }
                total += s2 - s * s / (end - start);
                start = end;
            }
            best = std::min(best, total);
            return;
        }
        for (int c = from; c <= n - (k - 1 - i); ++c) {
            cut[static_cast<std::size_t>(i)] = c;
            rec(i + 1, c + 1);
        }
    };
    rec(0, 1);
    return best;
}

} // namespace

TEST(Jenks, FindsTheOptimalPartitionOnRandomData) {
    std::mt19937 rng(7);
    std::lognormal_distribution<double> draw(3.0, 0.8);
    for (int trial = 0; trial < 25; ++trial) {
        std::vector<double> x(12);
        for (auto& v : x) v = std::round(draw(rng) * 10) / 10;
        for (int k = 2; k <= 5; ++k) {
            const auto breaks = class_breaks(x, k, Classification::Jenks);
            ASSERT_EQ(breaks.size(), static_cast<std::size_t>(k + 1));
            EXPECT_NEAR(within_class_deviation(x, breaks), best_by_search(x, k), 1e-6) << "trial " << trial << " k " << k;
        }
    }
}

TEST(Jenks, SeparatesObviousGroups) {
    // Three clusters: the breaks are the clusters' maxima.
    const std::vector<double> x = {1, 2, 3, 10, 11, 12, 30, 31, 33};
    EXPECT_EQ(class_breaks(x, 3, Classification::Jenks), (std::vector<double>{1, 3, 12, 33}));
    EXPECT_EQ(class_of(class_breaks(x, 3, Classification::Jenks), 11), 1);
}

TEST(Quantiles, PutTheSameNumberOfValuesInEachClass) {
    std::vector<double> x;
    for (int i = 1; i <= 20; ++i) x.push_back(i * 1.5);
    const auto breaks = class_breaks(x, 4, Classification::Quantiles);
    ASSERT_EQ(breaks.size(), 5u);
    std::vector<int> count(4, 0);
    for (const double v : x) ++count[static_cast<std::size_t>(class_of(breaks, v))];
    EXPECT_EQ(count, (std::vector<int>{5, 5, 5, 5}));
    EXPECT_DOUBLE_EQ(breaks.front(), 1.5);
    EXPECT_DOUBLE_EQ(breaks.back(), 30);
}

TEST(Classes, FewerDistinctValuesThanClassesGiveFewerClasses) {
    const std::vector<double> x = {0.5, 0.5, 0.25, 0.25, 0.5};
    for (const auto method : {Classification::Jenks, Classification::Quantiles}) {
        const auto breaks = class_breaks(x, 5, method);
        EXPECT_EQ(breaks, (std::vector<double>{0.25, 0.25, 0.5})) << key(method);
        EXPECT_EQ(class_of(breaks, 0.25), 0);
        EXPECT_EQ(class_of(breaks, 0.5), 1);
    }
}

TEST(Classes, IgnoreMissingValuesAndRefuseNoClass) {
    EXPECT_TRUE(class_breaks({}, 5, Classification::Jenks).empty());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(class_breaks({nan, 3.0}, 2, Classification::Jenks), (std::vector<double>{3, 3}));
    EXPECT_THROW(class_breaks({1.0}, 0, Classification::Quantiles), std::invalid_argument);
    EXPECT_EQ(parse_classification("jenks"), Classification::Jenks);
    EXPECT_EQ(parse_classification("Jenks"), std::nullopt);
}
