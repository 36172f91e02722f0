#include "diagram_command.hpp"

#include "input.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>

#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/metrics/communities.hpp"

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
    args.option("--cluster", text(Msg::OptCluster), &m_cluster, {"territory", "community"});
    args.option_list("--diff", text(Msg::OptDiff), &m_diff);
}

void DiagramCommand::setup(const Context& context) {
    const auto lang = context.lang;
    const auto format = render::format_of(m_output);
    if (!format) throw FatalError(core::tr(lang, Msg::UsageDiagramFormat, m_output));
    m_format = *format;
    m_tie_level = *graph::parse_tie_level(m_level); // the declared choices guarantee known keys
    m_network_scope = *graph::parse_scope(m_scope);
    if (!m_cluster.empty() && !m_layout.empty() && m_layout != "fdp")
        throw FatalError(core::tr(lang, Msg::UsageClusterLayout, m_layout));
    m_layout_value = m_layout.empty() ? (m_cluster.empty() ? render::Layout::Sfdp : render::Layout::Fdp)
                                      : *render::parse_layout(m_layout);
    if (!m_edition.empty()) {
        m_year = parse_year(m_edition);
        if (!m_year) throw FatalError(core::tr(lang, Msg::UsageBadYear, m_edition));
    }
    if (!m_diff.empty()) {
        std::string given;
        for (const auto& d : m_diff) given += (given.empty() ? "" : " ") + d;
        if (m_diff.size() != 2) throw FatalError(core::tr(lang, Msg::UsageDiffYears, given));
        const auto a = parse_year(m_diff[0]), b = parse_year(m_diff[1]);
        if (!a || !b || *a >= *b) throw FatalError(core::tr(lang, Msg::UsageDiffYears, given));
        if (m_year || m_cumulative) throw FatalError(std::string(core::message(Msg::UsageDiffOptions, lang)));
        m_diff_years = std::pair(*a, *b);
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
    const LoadedInput in = load_input(m_inputs, ingest::LoadOptions{}, lang, {}, app::measuring(m_people));
    const auto& project = in.project;

    const graph::Window window = window_of(project, m_territory, m_year, m_cumulative, lang);

    // The network to draw: one window's, or the union of two editions' for --diff.
    graph::Network network;
    std::optional<render::DiffNetwork> diff;
    if (m_diff_years) {
        graph::Window before = window, after = window;
        before.year = m_diff_years->first;
        after.year = m_diff_years->second;
        require_editions(project, before, lang);
        require_editions(project, after, lang);
        diff = render::diff_networks(graph::build_network(project, m_network_scope, m_tie_level, before),
                                     graph::build_network(project, m_network_scope, m_tie_level, after));
        diff->before_year = m_diff_years->first;
        diff->after_year = m_diff_years->second;
    } else {
        require_editions(project, window, lang);
        network = graph::build_network(project, m_network_scope, m_tie_level, window);
    }
    const graph::Network& drawn = diff ? diff->network : network;

    render::DiagramOptions options;
    options.lang = lang;
    options.layout = m_layout_value;
    options.min_weight = m_min_weight_value;
    options.names = node_labels(project, drawn, m_people); // people by pseudonym unless --people
    if (m_cluster == "territory") {
        for (const auto t : drawn.territory)
            options.cluster.push_back(t == model::no_id ? std::string() : project.territories[static_cast<std::size_t>(t)].name);
    } else if (m_cluster == "community") {
        const auto communities = metrics::leiden_communities(drawn.graph);
        for (const auto c : communities.membership) options.cluster.push_back(core::tr(lang, Msg::DiagramCommunity, c + 1));
    }
    // Each tie's deepest level: the ties of the deeper levels over the same window.
    if (!diff) {
        for (const auto deeper : {graph::TieLevel::Interconnaissance, graph::TieLevel::Reconnaissance}) {
            if (static_cast<int>(deeper) <= static_cast<int>(m_tie_level)) continue;
            const auto d = graph::build_network(project, m_network_scope, deeper, window);
            std::map<model::Id, std::int32_t> index;
            for (std::size_t v = 0; v < network.nodes.size(); ++v) index[network.nodes[v]] = static_cast<std::int32_t>(v);
            for (const auto& e : d.graph.edges) {
                const auto a = index.find(d.nodes[static_cast<std::size_t>(e.source)]);
                const auto b = index.find(d.nodes[static_cast<std::size_t>(e.target)]);
                if (a == index.end() || b == index.end()) continue;
                options.deeper[{std::min(a->second, b->second), std::max(a->second, b->second)}] = deeper;
            }
        }
    }

    if (m_diff_years) {
        const auto whose = core::message(m_network_scope == graph::Scope::People ? Msg::ScopePeople : Msg::ScopeOrganisations, lang);
        options.title = core::tr(lang, Msg::DiagramTitleDiff, window_place(project, window, lang), m_diff_years->first,
                                 m_diff_years->second, whose, graph::key(m_tie_level));
    } else {
        options.title = window_title(project, window, m_network_scope, m_tie_level, lang);
    }
    const std::string bytes = diff ? render::draw_diff(*diff, project, m_format, options)
                                   : render::draw_network(network, project, m_format, options);
    core::write_file_atomically(m_output, bytes, lang);
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
