// Classing a choropleth's values: Jenks's natural breaks (computed exactly, Fisher 1958) or
// quantiles. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::render {

enum class Classification {
    Jenks,     ///< natural breaks: the partition of the sorted values into k classes that
               ///< minimises the sum of squared deviations from the class means (Jenks 1977),
               ///< found exactly by Fisher's (1958) dynamic programme; mapclassify's FisherJenks
    Quantiles, ///< classes holding the same number of values (upper bounds at ranks ⌈i·n/k⌉)
};

/// "jenks" or "quantiles"; nullopt otherwise. Complexity: constant.
std::optional<Classification> parse_classification(std::string_view text);
std::string_view key(Classification method);
/// How the legend names the method ("seuils naturels de Jenks", "quantiles").
std::string_view label(Classification method, core::Lang lang);

/// The class bounds of `values`: b[0] = minimum, then the upper bound (largest value) of each
/// class; a value v falls in the first class i ≥ 1 with v ≤ b[i]. Fewer than `classes` classes
/// when there are fewer distinct values; empty for no values. Non-finite values are ignored.
/// Throws std::invalid_argument when classes < 1.
/// Complexity: Jenks O(k n²), quantiles O(n log n), for n values and k classes.
std::vector<double> class_breaks(std::vector<double> values, std::int32_t classes, Classification method);

/// The class (0-based) of `value` under `breaks` (class_breaks); values below b[0] go to class 0,
/// above the last bound to the last class. Complexity: O(log k).
std::int32_t class_of(const std::vector<double>& breaks, double value);

/// Sum of squared deviations from the class means of `values` classed by `breaks` (the quantity
/// Jenks minimises; "goodness of variance fit" compares it to the total). Complexity: O(n log k).
double within_class_deviation(const std::vector<double>& values, const std::vector<double>& breaks);

} // namespace maillage::render
