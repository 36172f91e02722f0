// Does information concentrate in a few places ("inégalité d'accès à l'information")?
#pragma once

#include <cstdint>
#include <vector>

namespace maillage::metrics {

/// Gini coefficient of non-negative values (Gini 1912), from the sorted values x_(1..n):
/// G = Σ_i (2i - n - 1) x_(i) / (n Σ x). 0 when all are equal (or all 0, or n < 2); tends to 1
/// when one value holds everything. Complexity: O(n log n).
double gini(std::vector<double> values);

/// Freeman's (1979) degree centralisation: Σ_i (d_max - d_i) / ((n-1)(n-2)), 1 for a star,
/// 0 for a regular graph; 0 below three nodes. Complexity: O(n).
double degree_centralisation(const std::vector<std::int64_t>& degree);

struct Concentration {
    double degree_gini = 0;
    double betweenness_gini = 0;
    double degree_centralisation = 0;
};

} // namespace maillage::metrics
