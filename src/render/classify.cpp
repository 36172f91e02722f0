#include "maillage/render/classify.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "maillage/core/messages.hpp"

namespace maillage::render {

std::optional<Classification> parse_classification(std::string_view text) {
    if (text == "jenks") return Classification::Jenks;
    if (text == "quantiles") return Classification::Quantiles;
    return std::nullopt;
}

std::string_view key(Classification method) { return method == Classification::Jenks ? "jenks" : "quantiles"; }

std::string_view label(Classification method, core::Lang lang) {
    return core::message(method == Classification::Jenks ? core::Msg::MapClassJenks : core::Msg::MapClassQuantiles, lang);
}

namespace {

// Fisher's exact optimal partition of sorted x into k contiguous classes. cost(i, j) is the
// squared deviation of x[i..j] from its mean, from prefix sums; best[c][j] the least total for
// x[0..j] in c+1 classes. O(k n²) time, O(k n) memory: fine for the tens to hundreds of areas
// of a map.
std::vector<double> jenks(const std::vector<double>& x, std::int32_t k) {
    const std::size_t n = x.size();
    std::vector<double> s(n + 1, 0), s2(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        s[i + 1] = s[i] + x[i];
        s2[i + 1] = s2[i] + x[i] * x[i];
    }
    auto cost = [&](std::size_t i, std::size_t j) { // inclusive
        const double m = static_cast<double>(j - i + 1);
        const double sum = s[j + 1] - s[i];
        return std::max(0.0, (s2[j + 1] - s2[i]) - sum * sum / m);
    };
    const auto kk = static_cast<std::size_t>(k);
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> best(kk, std::vector<double>(n, inf));
    std::vector<std::vector<std::size_t>> start(kk, std::vector<std::size_t>(n, 0));
    for (std::size_t j = 0; j < n; ++j) best[0][j] = cost(0, j);
    for (std::size_t c = 1; c < kk; ++c)
        for (std::size_t j = c; j < n; ++j)
            for (std::size_t i = c; i <= j; ++i) { // last class x[i..j]
                const double v = best[c - 1][i - 1] + cost(i, j);
                if (v < best[c][j]) { // strict: the first (leftmost) optimum wins, deterministic
                    best[c][j] = v;
                    start[c][j] = i;
                }
            }
    std::vector<double> upper(kk);
    std::size_t j = n - 1;
    for (std::size_t c = kk; c-- > 0;) {
        upper[c] = x[j];
        if (c > 0) j = start[c][j] - 1;
    }
    std::vector<double> breaks{x.front()};
    breaks.insert(breaks.end(), upper.begin(), upper.end());
    return breaks;
}

} // namespace

std::vector<double> class_breaks(std::vector<double> values, std::int32_t classes, Classification method) {
    if (classes < 1) throw std::invalid_argument("class_breaks: classes < 1");
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
    if (values.empty()) return {};
    std::sort(values.begin(), values.end());
    std::int32_t distinct = 1;
    for (std::size_t i = 1; i < values.size(); ++i)
        if (values[i] != values[i - 1]) ++distinct;
    const std::int32_t k = std::min(classes, distinct);
    if (method == Classification::Jenks) return jenks(values, k);
    // Upper bounds at ranks ⌈i·n/k⌉; a bound falling on the maximum (many equal values at the
    // top) moves down to the largest smaller value, so that the top class does not swallow all.
    const auto n = static_cast<double>(values.size());
    std::vector<double> upper;
    for (std::int32_t i = 1; i < k; ++i) {
        const auto rank = static_cast<std::size_t>(std::ceil(i * n / k)) - 1;
        double b = values[std::min(rank, values.size() - 1)];
        if (b == values.back()) {
            const auto below = std::lower_bound(values.begin(), values.end(), b);
            if (below == values.begin()) continue;
            b = *(below - 1);
        }
        if (!upper.empty() && b <= upper.back()) continue;
        upper.push_back(b);
    }
    upper.push_back(values.back());
    std::vector<double> breaks{values.front()};
    breaks.insert(breaks.end(), upper.begin(), upper.end());
    return breaks;
}

std::int32_t class_of(const std::vector<double>& breaks, double value) {
    if (breaks.size() < 2) return 0;
    const auto it = std::lower_bound(breaks.begin() + 1, breaks.end(), value);
    const auto last = static_cast<std::int32_t>(breaks.size()) - 2;
    if (it == breaks.end()) return last;
    return std::min(last, static_cast<std::int32_t>(it - (breaks.begin() + 1)));
}

double within_class_deviation(const std::vector<double>& values, const std::vector<double>& breaks) {
    const std::size_t k = breaks.size() < 2 ? 1 : breaks.size() - 1;
    std::vector<double> sum(k, 0), sum2(k, 0), count(k, 0);
    for (const double v : values) {
        if (!std::isfinite(v)) continue;
        const auto c = static_cast<std::size_t>(class_of(breaks, v));
        sum[c] += v;
        sum2[c] += v * v;
        count[c] += 1;
    }
    double total = 0;
    for (std::size_t c = 0; c < k; ++c)
        if (count[c] > 0) total += sum2[c] - sum[c] * sum[c] / count[c];
    return total;
}

} // namespace maillage::render
