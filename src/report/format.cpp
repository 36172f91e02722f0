#include "maillage/report/format.hpp"

#include <cmath>
#include <memory>
#include <set>
#include <vector>

#include <unicode/uchar.h>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "maillage/core/text.hpp"

namespace maillage::report {
namespace {

icu::Locale locale_of(core::Lang lang) { return lang == core::Lang::Fr ? icu::Locale("fr", "FR") : icu::Locale("en", "GB"); }

std::string utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

} // namespace

std::string format_percent(double share, int digits, core::Lang lang) {
    if (std::isnan(share)) return "—";
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> f(icu::NumberFormat::createPercentInstance(locale_of(lang), status));
    if (U_FAILURE(status) || !f) return core::format_decimal(share * 100, digits, lang) + "%";
    f->setMinimumFractionDigits(digits);
    f->setMaximumFractionDigits(digits);
    if (std::abs(share * 100) < std::pow(10.0, -digits) / 2) share = 0; // no "-0,0 %"
    icu::UnicodeString out;
    f->format(share, out);
    return utf8(out);
}

std::string format_date(const model::CalendarDate& date, core::Lang lang) {
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::to_string(date.year);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = locale_of(lang);
    // "d MMMM y" in French, "MMMM d, y" in US English: the skeleton lets CLDR order the fields.
    std::unique_ptr<icu::DateTimePatternGenerator> gen(icu::DateTimePatternGenerator::createInstance(
        lang == core::Lang::Fr ? locale : icu::Locale("en", "US"), status));
    if (U_FAILURE(status)) return std::to_string(date.year);
    const icu::UnicodeString pattern = gen->getBestPattern(icu::UnicodeString("dMMMMy"), status);
    icu::SimpleDateFormat f(pattern, lang == core::Lang::Fr ? locale : icu::Locale("en", "US"), status);
    std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("UTC"));
    icu::GregorianCalendar cal(*utc, status);
    cal.clear();
    cal.set(date.year, date.month - 1, date.day, 12, 0, 0);
    const UDate when = cal.getTime(status);
    if (U_FAILURE(status)) return std::to_string(date.year);
    f.setTimeZone(*utc);
    icu::UnicodeString out;
    f.format(when, out);
    return utf8(out);
}

std::string format_number(double value, int digits, core::Lang lang) {
    if (std::isnan(value)) return "—";
    if (digits == 0) return core::format_count(std::llround(value), lang);
    return core::format_decimal(value, digits, lang);
}

std::string format_change(double difference, int digits, core::Lang lang) {
    const double unit = std::pow(10.0, -digits) / 2;
    if (std::isnan(difference)) return "—";
    // a no-break space keeps the arrow with its number when a table cell wraps
    if (std::abs(difference) < unit) return "=\u00A0" + format_number(0, digits, lang);
    const std::string magnitude = format_number(std::abs(difference), digits, lang);
    return difference > 0 ? "↑\u00A0+" + magnitude : "↓\u00A0\u2212" + magnitude;
}

std::string format_signed(double value, int digits, core::Lang lang) {
    if (std::isnan(value)) return "—";
    if (std::abs(value) < std::pow(10.0, -digits) / 2) return format_number(0, digits, lang);
    return (value > 0 ? "+" : "\u2212") + format_number(std::abs(value), digits, lang);
}

std::string format_point_change(double share_difference, int digits, core::Lang lang) {
    const std::string unit = lang == core::Lang::Fr ? "\u00A0pt" : "\u00A0pt";
    const double points = share_difference * 100;
    const std::string base = format_change(points, digits, lang);
    const bool plural = std::abs(points) >= 2 || lang == core::Lang::En;
    return base + unit + (plural && std::abs(points) >= std::pow(10.0, -digits) / 2 ? "s" : "");
}

} // namespace maillage::report
