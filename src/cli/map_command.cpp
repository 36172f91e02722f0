#include "map_command.hpp"

#include "input.hpp"

#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"

namespace maillage::cli {

using core::Msg;

void MapCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("-o,--output", text(Msg::OptMapOutput), &m_output);
    args.require("-o,--output");
    args.option("--territory", text(Msg::OptMapTerritory), &m_territory);
    args.option("--by", text(Msg::OptMapUnit), &m_by, {"epci", "commune"});
    args.option("--edition", text(Msg::OptEdition), &m_edition);
    args.flag("--cumulative", text(Msg::OptCumulative), &m_cumulative);
    args.option("--level", text(Msg::OptLevel), &m_level, {"connaissance", "interconnaissance", "reconnaissance"});
    args.option("--indicator", text(Msg::OptIndicator), &m_indicator,
                {"mobilisation", "participants", "organisations", "density", "retention"});
    args.option("--classification", text(Msg::OptClassification), &m_classification, {"jenks", "quantiles"});
    args.option("--classes", text(Msg::OptClasses), &m_classes);
    args.option("--ties", text(Msg::OptTies), &m_ties);
    args.flag("--no-registry", text(Msg::OptNoRegistry), &m_no_registry);
}

void MapCommand::setup(const Context& context) {
    const auto lang = context.lang;
    const auto format = render::format_of(m_output);
    if (!format || *format == render::Format::Dot) throw FatalError(core::tr(lang, Msg::UsageMapFormat, m_output));
    m_format = *format;
    m_request.lang = lang;
    m_request.level = *graph::parse_tie_level(m_level); // the declared choices guarantee known keys
    m_request.indicator = *render::parse_indicator(m_indicator);
    m_request.method = *render::parse_classification(m_classification);
    m_request.unit = *render::parse_unit(m_by);
    m_request.cumulative = m_cumulative;
    m_request.registry = !m_no_registry;
    if (!m_edition.empty()) {
        m_request.year = parse_year(m_edition);
        if (!m_request.year) throw FatalError(core::tr(lang, Msg::UsageBadYear, m_edition));
    }
    const auto classes = parse_whole(m_classes, 7);
    if (!classes || *classes < 1) throw FatalError(core::tr(lang, Msg::UsageBadClasses, m_classes));
    m_request.classes = static_cast<std::int32_t>(*classes);
    const auto ties = parse_whole(m_ties, 100000);
    if (!ties) throw FatalError(core::tr(lang, Msg::UsageBadTies, m_ties));
    m_request.ties = static_cast<std::int32_t>(*ties);
}

int MapCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const LoadedInput in = load_input(m_inputs, ingest::LoadOptions{}, lang, {}, app::measuring(false));
    const auto& project = in.project;
    render::MapRequest request = m_request;
    if (!m_territory.empty()) request.territory = find_territory(project, m_territory, lang);
    const auto maps = load_map_inputs(project, lang, !request.territory, request.territory);
    const auto map = render::territory_map(project, maps.geography, maps.layers, maps.taxonomy, request, m_format);
    core::write_file_atomically(m_output, map.bytes, lang);
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
