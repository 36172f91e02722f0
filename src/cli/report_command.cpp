#include "report_command.hpp"

#include "input.hpp"

#include <algorithm>
#include <cctype>
#include <future>
#include <optional>

#include "maillage/app/project.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/render/territory_map.hpp"
#include "maillage/report/report.hpp"

namespace maillage::cli {

using core::Msg;

void ReportCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("-o,--output", text(Msg::OptReportOutput), &m_output);
    args.require("-o,--output");
    args.option("--territory", text(Msg::OptReportTerritory), &m_territory);
    args.flag("--all", text(Msg::OptReportAll), &m_all);
    args.option("--edition", text(Msg::OptReportEdition), &m_edition);
    args.flag("--people", text(Msg::OptPeople), &m_people);
    args.option("--reshuffles", core::tr(lang, Msg::OptReportReshuffles, metrics::default_reshuffles), &m_reshuffles);
    args.option("--seed", text(Msg::OptReportSeed), &m_seed);
    args.flag("--appendix", text(Msg::OptReportAppendix), &m_appendix);
}

void ReportCommand::setup(const Context& context) {
    const auto lang = context.lang;
    std::string ext = m_output.size() >= 5 ? m_output.substr(m_output.size() - 5) : std::string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".html") throw FatalError(core::tr(lang, Msg::UsageReportFormat, m_output));
    if (m_all == !m_territory.empty()) throw FatalError(std::string(core::message(Msg::UsageReportWhich, lang)));
    if (!m_edition.empty()) {
        const auto year = parse_whole(m_edition, 9999);
        if (!year) throw FatalError(core::tr(lang, Msg::UsageBadYear, m_edition));
        m_year = static_cast<int>(*year);
    }
    const auto seed = parse_whole(m_seed, UINT64_MAX);
    if (!seed) throw FatalError(core::tr(lang, Msg::UsageBadSeed, m_seed));
    m_seed_value = *seed;
    const auto reshuffles = parse_whole(m_reshuffles, 100000);
    if (!reshuffles || *reshuffles < 1) throw FatalError(core::tr(lang, Msg::UsageBadReshuffles, m_reshuffles));
    m_reshuffles_value = static_cast<std::int32_t>(*reshuffles);
}

std::string ReportCommand::command_line(core::Lang lang) const {
    // quoted for a POSIX shell when a word holds anything but safe characters
    auto word = [](const std::string& w) {
        if (!w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@") == std::string::npos)
            return w;
        std::string q = "'";
        for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    };
    std::string out = "maillage report";
    for (const auto& i : m_inputs) out += " " + word(i);
    if (m_all) out += " --all";
    else out += " --territory " + word(m_territory);
    if (!m_edition.empty()) out += " --edition " + word(m_edition);
    if (m_people) out += " --people";
    out += " --reshuffles " + word(m_reshuffles) + " --seed " + word(m_seed);
    if (lang == core::Lang::En) out += " --lang en";
    return out + " --appendix -o " + word(m_output);
}

int ReportCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const LoadedInput in = load_input(m_inputs, ingest::LoadOptions{}, lang, {}, app::measuring(m_people));
    const auto& project = in.project;
    report::ReportOptions options;
    options.lang = lang;
    if (!m_all) options.territory = find_territory(project, m_territory, lang);
    // The geography and the types first; the outlines (a fifth of a region's report: read and
    // simplified) on a thread of their own while the figures are computed, waited for by the map.
    const auto geography = app::load_geography(project, lang);
    const auto taxonomy = ingest::load_taxonomy("", lang);
    auto layers_read = std::async(std::launch::async, [&] {
        return app::load_map_layers(project, geography, lang, m_all, options.territory);
    });
    std::optional<geo::MapLayers> layers;
    auto map_layers = [&]() -> const geo::MapLayers& {
        if (!layers) layers = layers_read.get();
        return *layers;
    };
    options.year = m_year;
    options.person_labels = person_labels(project, m_people); // pseudonyms unless --people
    options.people = m_people;
    options.reshuffles = m_reshuffles_value;
    options.seed = m_seed_value;
    auto draws = app::StoreDraws::of_inputs(m_inputs); // the reshuffles, kept in the store
    options.draws = &draws;
    options.appendix = m_appendix;
    if (m_appendix) options.command = command_line(lang);
    // The map of section 3 (render/territory_map.hpp): mobilisation up to the report's year, the
    // region by territory or the territory by EPCI, made fit for the report by
    // report::map_figure (each area labelled with its rate, Cairo ids prefixed).
    options.map = [&](model::Id territory, int year) -> std::optional<report::MapFigure> {
        render::MapRequest request;
        request.lang = lang;
        request.year = year;
        request.cumulative = true;
        request.indicator = render::MapIndicator::Mobilisation;
        request.draw = false;
        if (territory != model::no_id) request.territory = territory;
        auto result = render::territory_map(project, geography, map_layers(), taxonomy, request, render::Format::Svg);
        return report::map_figure(std::move(result.spec), std::move(result.areas), territory == model::no_id, lang);
    };
    const std::string html = report::build_report(project, taxonomy, geography, options);
    if (!layers) layers = layers_read.get(); // a missing outline file fails as before, map or not
    core::write_file_atomically(m_output, html, lang);
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
