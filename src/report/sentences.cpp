#include "maillage/report/sentences.hpp"

#include <algorithm>
#include <cmath>

#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/report/format.hpp"

namespace maillage::report {

using core::Msg;

std::string quoted(const std::string& text, core::Lang lang) {
    return lang == core::Lang::Fr ? "«\u00A0" + text + "\u00A0»" : "\u201C" + text + "\u201D";
}

std::string join_list(const std::vector<std::string>& items, std::size_t shown, core::Lang lang) {
    const std::size_t n = std::min(items.size(), std::max<std::size_t>(shown, 1));
    const std::size_t rest = items.size() - n;
    std::string out;
    const std::string last_sep(core::message(Msg::ReportAnd, lang));
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += (i + 1 == n && rest == 0) ? last_sep : ", ";
        out += items[i];
    }
    if (rest == 1) out += core::message(Msg::ReportAndOneOther, lang);
    else if (rest > 1) out += core::tr(lang, Msg::ReportAndOthers, core::format_count(static_cast<std::int64_t>(rest), lang));
    return out;
}

std::string summary_sentences(const std::string& territory, const EditionFigures& now,
                              const std::optional<EditionFigures>& before, core::Lang lang) {
    std::string out = core::tr(lang, Msg::ReportSummaryLead, now.year, territory, format_number(now.people, 0, lang),
                               format_number(now.organisations, 0, lang), format_number(now.types, 0, lang));
    if (!before) return out + " " + std::string(core::message(Msg::ReportSummaryFirst, lang));
    auto d = [lang](std::int64_t a, std::int64_t b) {
        return format_change(static_cast<double>(a - b), 0, lang) + " (" + format_number(static_cast<double>(b), 0, lang) + ")";
    };
    return out + " " +
           core::tr(lang, Msg::ReportSummaryChange, before->year, d(now.people, before->people),
                    d(now.organisations, before->organisations), d(now.types, before->types));
}

namespace {

/// The measure's phrase starting a sentence (the phrases start with an ASCII letter).
std::string capitalised(std::string_view phrase) {
    std::string out(phrase);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

int base_digits(metrics::ChangeMeasure m) {
    switch (metrics::info(m).kind) {
    case metrics::MeasureKind::Share: return 0; // of percentages and points
    case metrics::MeasureKind::Mean: return 1;
    case metrics::MeasureKind::Count: return 0;
    }
    return 0;
}

} // namespace

std::string measure_value(metrics::ChangeMeasure m, double value, core::Lang lang, int extra) {
    const int digits = base_digits(m) + extra;
    return metrics::info(m).kind == metrics::MeasureKind::Share ? format_percent(value, digits, lang) : format_number(value, digits, lang);
}

std::string measure_change(metrics::ChangeMeasure m, double difference, core::Lang lang, int extra, bool unit) {
    const int digits = base_digits(m) + extra;
    if (metrics::info(m).kind != metrics::MeasureKind::Share) return format_signed(difference, digits, lang);
    const double points = difference * 100;
    const std::string number = format_signed(points, digits, lang);
    if (!unit) return number;
    // "1 point", "0 point", "2 points" (French: plural from 2; English: singular for 1 only)
    const double shown = std::abs(std::round(points * std::pow(10.0, digits)) / std::pow(10.0, digits));
    const bool plural = lang == core::Lang::Fr ? shown >= 2 : shown != 1;
    return number + (plural ? "\u00A0points" : "\u00A0point");
}

std::string change_sentence(const metrics::MeasureChange& c, int previous_year, int year, core::Lang lang) {
    using metrics::ChangeMeasure;
    using metrics::ChangeVerdict;
    const auto& m = metrics::info(c.measure);
    if (c.measure == ChangeMeasure::PartnersConnaissance)
        return core::tr(lang, Msg::ChangeConnaissance, format_number(c.after + 1, 0, lang), year, format_number(c.before + 1, 0, lang),
                        previous_year);
    const std::string label = capitalised(m.phrase(lang));
    // the fewest decimals at which a change outside its interval does not read as a bound
    int extra = 0;
    if (c.verdict == ChangeVerdict::Up || c.verdict == ChangeVerdict::Down) {
        const double bound = c.verdict == ChangeVerdict::Up ? c.high : c.low;
        auto shown = [&](double x) { return m.transition ? measure_value(c.measure, x, lang, extra) : measure_change(c.measure, x, lang, extra, false); };
        while (extra < 2 && shown(c.difference) == shown(bound)) ++extra;
    }
    const std::string figures = m.transition ? core::tr(lang, Msg::ChangeFiguresNew, measure_value(c.measure, c.after, lang, extra), previous_year)
                                             : core::tr(lang, Msg::ChangeFigures, measure_value(c.measure, c.after, lang, extra), year,
                                                        measure_value(c.measure, c.before, lang, extra), previous_year);
    if (c.verdict == ChangeVerdict::NotTestable) return core::tr(lang, Msg::ChangeNotTestable, label, figures);
    const std::string verdict(core::message(c.verdict == ChangeVerdict::Up     ? Msg::ChangeVerdictUp
                                            : c.verdict == ChangeVerdict::Down ? Msg::ChangeVerdictDown
                                                                               : Msg::ChangeVerdictWithin,
                                            lang));
    if (m.transition)
        return core::tr(lang, Msg::ChangeJudgedNew, label, figures, measure_value(c.measure, c.low, lang, extra),
                        measure_value(c.measure, c.high, lang, extra), verdict);
    return core::tr(lang, Msg::ChangeJudged, label, figures, measure_change(c.measure, c.difference, lang, extra),
                    measure_change(c.measure, c.low, lang, extra, false), measure_change(c.measure, c.high, lang, extra, false), verdict);
}

std::string chance_interval(const metrics::MeasureChange& c, core::Lang lang) {
    if (c.verdict == metrics::ChangeVerdict::NotTestable) return std::string(core::message(Msg::ChangeVerdictNotTestableShort, lang));
    const auto& m = metrics::info(c.measure);
    if (m.transition)
        return core::tr(lang, Msg::ChangeInterval, measure_value(c.measure, c.low, lang), measure_value(c.measure, c.high, lang));
    std::string out = core::tr(lang, Msg::ChangeInterval, measure_change(c.measure, c.low, lang, 0, false),
                               measure_change(c.measure, c.high, lang, 0, false));
    return m.kind == metrics::MeasureKind::Share ? out + "\u00A0pts" : out;
}

std::string first_edition_sentence(metrics::ChangeMeasure measure, double value, int year, core::Lang lang) {
    return core::tr(lang, Msg::ChangeFirst, capitalised(metrics::info(measure).phrase(lang)), measure_value(measure, value, lang), year);
}

std::string trend_sentence(const std::string& what, const std::vector<int>& years, const std::vector<double>& values,
                           bool percent, core::Lang lang) {
    auto shown = [&](double v) { return percent ? format_percent(v, 0, lang) : format_number(v, 0, lang); };
    if (values.empty()) return {};
    if (values.size() == 1) return core::tr(lang, Msg::ReportTrendOne, what, years.front(), shown(values.front()));
    std::size_t best = 0;
    for (std::size_t i = 1; i < values.size(); ++i)
        if (values[i] > values[best]) best = i;
    const double diff = values.back() - values.front();
    const std::string change = percent ? format_point_change(diff, 0, lang) : format_change(diff, 0, lang);
    std::string out = core::tr(lang, Msg::ReportTrend, years.front(), years.back(), what, shown(values.front()),
                               shown(values.back()), change);
    if (best + 1 != values.size() && best != 0)
        out += core::tr(lang, Msg::ReportTrendPeak, shown(values[best]), years[best]);
    return out + ".";
}

std::string retention_sentence(double retention, std::optional<double> previous_retention, int previous_year, int year,
                               std::int64_t newcomers, std::int64_t returning, core::Lang lang) {
    const std::string change = previous_retention ? " (" + format_point_change(retention - *previous_retention, 0, lang) + ")" : "";
    return core::tr(lang, Msg::ReportRetention, format_percent(retention, 0, lang), previous_year, year, change,
                    format_number(static_cast<double>(newcomers), 0, lang),
                    format_number(static_cast<double>(returning), 0, lang));
}

std::string cut_point_sentence(const std::string& organisation, const std::vector<std::string>& cut_off, core::Lang lang) {
    return core::tr_plural(lang, Msg::ReportCutPoint, static_cast<std::int64_t>(cut_off.size()), quoted(organisation, lang),
                    format_number(static_cast<double>(cut_off.size()), 0, lang), join_list(cut_off, 5, lang));
}

} // namespace maillage::report
