#include "diagram_command.hpp"

#include "input.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"

namespace maillage::cli {

using core::Msg;

void DiagramCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("-o,--output", text(Msg::OptDiagramOutput), &m_output);
    args.require("-o,--output");
    args.option("--territory", text(Msg::OptTerritory), &m_territory);
    args.option("--edition", text(Msg::OptEdition), &m_edition);
    args.flag("--cumulative", text(Msg::OptCumulative), &m_cumulative);
    args.option("--level", text(Msg::OptLevel), &m_level, {"connaissance", "interconnaissance", "reconnaissance"});
    args.option("--scope", text(Msg::OptDiagramScope), &m_scope, {"organisations", "people"});
    args.option("--min-weight", text(Msg::OptMinWeight), &m_min_weight);
    args.flag("--people", text(Msg::OptPeople), &m_people);
    args.option("--layout", text(Msg::OptLayout), &m_layout, {"sfdp", "neato", "fdp"});
}

void DiagramCommand::setup(const Context& context) {
    const auto lang = context.lang;
    const auto format = render::format_of(m_output);
    if (!format) throw FatalError(core::tr(lang, Msg::UsageDiagramFormat, m_output));
    m_format = *format;
    m_tie_level = *graph::parse_tie_level(m_level); // the declared choices guarantee known keys
    m_network_scope = *graph::parse_scope(m_scope);
    m_layout_value = *render::parse_layout(m_layout);
    if (!m_edition.empty()) {
        const bool digits = m_edition.size() <= 4 &&
                            std::all_of(m_edition.begin(), m_edition.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) throw FatalError(core::tr(lang, Msg::UsageBadYear, m_edition));
        m_year = std::stoi(m_edition);
    }
    try {
        std::size_t used = 0;
        m_min_weight_value = std::stod(m_min_weight, &used);
        if (used != m_min_weight.size() || !std::isfinite(m_min_weight_value) || m_min_weight_value < 0)
            throw std::invalid_argument("");
    } catch (const std::exception&) {
        throw FatalError(core::tr(lang, Msg::UsageBadMinWeight, m_min_weight));
    }
}

int DiagramCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const LoadedInput in = load_input(m_inputs, ingest::LoadOptions{}, lang);
    const auto& project = in.project;

    graph::Window window;
    window.year = m_year;
    window.cumulative = m_cumulative;
    if (!m_territory.empty()) window.territory = find_territory(project, m_territory, lang);
    const auto editions = graph::select_editions(project, window);
    if (editions.empty()) {
        std::string present;
        for (const auto& e : project.editions)
            present += (present.empty() ? "" : ", ") + project.territories[static_cast<std::size_t>(e.territory)].name +
                       " " + std::to_string(e.year);
        throw FatalError(core::tr(lang, Msg::NoEditionInWindow, present));
    }
    const auto network = graph::build_network(project, m_network_scope, m_tie_level, window);

    // What each node shows: organisation names; people by pseudonym unless --people.
    const std::vector<std::string> person = person_labels(project, m_people);
    render::DiagramOptions options;
    options.lang = lang;
    options.layout = m_layout_value;
    options.min_weight = m_min_weight_value;
    for (std::size_t v = 0; v < network.nodes.size(); ++v) {
        const auto id = static_cast<std::size_t>(network.nodes[v]);
        options.names.push_back(m_network_scope == graph::Scope::People ? person[id] : project.organisations[id].name);
    }
    const std::string where = window.territory ? project.territories[static_cast<std::size_t>(*window.territory)].name
                                               : std::string(core::message(Msg::WindowAllTerritories, lang));
    const std::string when = !m_year       ? std::string(core::message(Msg::WindowAllEditions, lang))
                             : m_cumulative ? core::tr(lang, Msg::WindowCumulative, *m_year)
                                            : core::tr(lang, Msg::WindowEdition, *m_year);
    options.title = core::tr(lang, Msg::DiagramTitle, where, when,
                             core::message(m_network_scope == graph::Scope::People ? Msg::ScopePeople : Msg::ScopeOrganisations, lang),
                             graph::key(m_tie_level));
    const std::string bytes = render::draw_network(network, project, m_format, options);
    core::write_file_atomically(m_output, bytes, lang);
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
