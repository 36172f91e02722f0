#include "maillage/metrics/concentration.hpp"

#include <algorithm>
#include <numeric>

namespace maillage::metrics {

double gini(std::vector<double> values) {
    const auto n = values.size();
    if (n < 2) return 0.0;
    std::sort(values.begin(), values.end());
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    if (sum <= 0) return 0.0;
    double weighted = 0;
    for (std::size_t i = 0; i < n; ++i)
        weighted += (2.0 * static_cast<double>(i + 1) - static_cast<double>(n) - 1.0) * values[i];
    return weighted / (static_cast<double>(n) * sum);
}

double degree_centralisation(const std::vector<std::int64_t>& degree) {
    const auto n = static_cast<double>(degree.size());
    if (degree.size() < 3) return 0.0;
    const auto max = *std::max_element(degree.begin(), degree.end());
    double sum = 0;
    for (auto d : degree) sum += static_cast<double>(max - d);
    return sum / ((n - 1) * (n - 2));
}

} // namespace maillage::metrics
