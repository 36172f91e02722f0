// Numbers, percentages, differences and dates as a reader of the report expects them in each
// language: "12,5 %" and "3 février 2025" in French, "12.5%" and "February 3, 2025" in English.
// ICU's CLDR data decides the spacing and the month names, not this code.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "maillage/core/lang.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/shown_names.hpp"

namespace maillage::report {

/// A share (0.125) as a percentage with `digits` decimals: "12,5 %" (no-break space before %,
/// CLDR French) or "12.5%". NaN gives "—". Complexity: constant. Throws nothing.
std::string format_percent(double share, int digits, core::Lang lang);

/// A calendar date written out: "3 février 2025", "February 3, 2025". A date ICU refuses
/// (month 0) gives the year alone. Complexity: constant. Throws nothing.
std::string format_date(const model::CalendarDate& date, core::Lang lang);

/// A difference with its arrow and sign: "↑ +12", "↓ −3" (a true minus sign), "= 0"; a no-break
/// space after the arrow.
/// `digits` decimals (0: whole numbers with the language's grouping). Complexity: constant.
std::string format_change(double difference, int digits, core::Lang lang);

/// A signed number without arrow: "+4", "−3" (a true minus sign), "0"; `digits` decimals.
/// Complexity: constant. Throws nothing.
std::string format_signed(double value, int digits, core::Lang lang);

/// A difference in percentage points: "↑ +2,5 pts" / "↓ −1.0 pts". Complexity: constant.
std::string format_point_change(double share_difference, int digits, core::Lang lang);

/// A number with `digits` decimals for the language ("0,42"; whole numbers grouped "1 234").
std::string format_number(double value, int digits, core::Lang lang);

/// Names shouted in capitals as organisations write them (model/shown_names.hpp).
using model::is_shouting;
using model::proper_case;

} // namespace maillage::report
