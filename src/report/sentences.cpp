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

std::vector<std::string> density_sentences(const EditionFigures& now, const std::optional<EditionFigures>& before,
                                           core::Lang lang) {
    static constexpr Msg level_name[] = {Msg::ReportLevelConnaissance, Msg::ReportLevelInterconnaissance,
                                         Msg::ReportLevelReconnaissance};
    std::vector<std::string> out;
    for (std::size_t l = 0; l < 3; ++l) {
        // a share of the pairs: read as a percentage, its change in points
        const std::string value = format_percent(now.density[l], 0, lang);
        const std::string level(core::message(level_name[l], lang));
        if (!before) {
            out.push_back(core::tr(lang, Msg::ReportDensityAlone, level, value));
            continue;
        }
        const double diff = now.density[l] - before->density[l];
        // under half a point the rounded change reads 0 pts: say stable
        const Msg verdict = std::abs(diff) < 0.005 ? Msg::ReportDensityStable
                            : diff > 0             ? Msg::ReportDensityTighter
                                                   : Msg::ReportDensityLooser;
        out.push_back(core::tr(lang, Msg::ReportDensityChange, level, value, format_point_change(diff, 0, lang), before->year,
                               core::message(verdict, lang)));
    }
    return out;
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
