#include "export_command.hpp"

#include "input.hpp"

#include <algorithm>
#include <filesystem>

#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/exchange/geopackage.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/geo/places.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/ingest.hpp"

namespace maillage::cli {

using core::Msg;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<ExportCommand::Format> parse_format(const std::string& text) {
    const std::string t = lower(text);
    if (t == "gexf") return ExportCommand::Format::Gexf;
    if (t == "graphml") return ExportCommand::Format::Graphml;
    if (t == "gpkg") return ExportCommand::Format::Gpkg;
    if (t == "csv") return ExportCommand::Format::Csv;
    if (t == "json") return ExportCommand::Format::Json;
    return std::nullopt;
}

/// The extension of a path's file name ("" when none).
std::string extension_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    return path.substr(dot + 1);
}

} // namespace

void ExportCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgInputs), &m_inputs, true);
    args.option("-o,--output", text(Msg::OptExportOutput), &m_output);
    args.require("-o,--output");
    args.option("--format", text(Msg::OptExportFormat), &m_format, {"gexf", "graphml", "gpkg", "csv", "json"});
    args.option("--scope", text(Msg::OptDiagramScope), &m_scope, {"organisations", "people"});
    args.option("--level", text(Msg::OptLevel), &m_level, {"connaissance", "interconnaissance", "reconnaissance"});
    args.option("--territory", text(Msg::OptTerritory), &m_territory);
    args.option("--edition", text(Msg::OptEdition), &m_edition);
    args.flag("--cumulative", text(Msg::OptCumulative), &m_cumulative);
    args.flag("--people", text(Msg::OptPeople), &m_people);
    args.option("--positions", text(Msg::OptPositions), &m_positions, {"layout", "geo"});
    args.option("--gexf-version", text(Msg::OptGexfVersion), &m_gexf_version, {"1.3", "1.2"});
    args.option("--srs", text(Msg::OptSrs), &m_srs);
    args.flag("--excel", text(Msg::OptExcel), &m_excel);
}

void ExportCommand::setup(const Context& context) {
    const auto lang = context.lang;
    const auto format = parse_format(m_format.empty() ? extension_of(m_output) : m_format);
    if (!format) throw FatalError(core::tr(lang, Msg::UsageExportFormat, m_output));
    m_format_value = *format;
    m_tie_level = *graph::parse_tie_level(m_level); // the declared choices guarantee known keys
    m_network_scope = *graph::parse_scope(m_scope);
    if (m_format_value == Format::Gpkg && m_network_scope == graph::Scope::People)
        throw FatalError(std::string(core::message(Msg::UsageExportGpkgScope, lang)));
    if (m_format_value == Format::Gpkg && !exchange::known_srs(m_srs))
        throw FatalError(core::tr(lang, Msg::ExportBadSrs, m_srs));
    if (!m_edition.empty()) {
        m_year = parse_year(m_edition);
        if (!m_year) throw FatalError(core::tr(lang, Msg::UsageBadYear, m_edition));
    }
}

std::vector<std::string> ExportCommand::outputs() const {
    if (m_format_value != Format::Csv) return {m_output};
    // FILE.csv → FILE-nodes.csv, FILE-edges.csv, FILE-indicators.csv beside it.
    std::string base = m_output;
    if (lower(extension_of(base)) == "csv") base.resize(base.size() - 4);
    return {base + "-nodes.csv", base + "-edges.csv", base + "-indicators.csv"};
}

int ExportCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    // Written aside then renamed, an output named like an input would replace the store.
    for (const auto& out : outputs())
        for (const auto& in : m_inputs) {
            std::error_code ec;
            if (std::filesystem::equivalent(out, in, ec)) throw FatalError(core::tr(lang, Msg::ExportOverwritesInput, out));
        }
    const LoadedInput in = load_input(m_inputs, ingest::LoadOptions{}, lang, {}, app::measuring(m_people));
    const auto& project = in.project;

    const graph::Window window = window_of(project, m_territory, m_year, m_cumulative, lang);
    require_editions(project, window, lang);
    const auto network = graph::build_network(project, m_network_scope, m_tie_level, window);
    const auto taxonomy = ingest::load_taxonomy("", lang);

    exchange::ExportOptions options;
    options.lang = lang;
    options.positions = m_positions == "geo" ? exchange::Positions::Geography : exchange::Positions::Layout;
    options.names = node_labels(project, network, m_people); // people by pseudonym unless --people
    options.title = window_title(project, window, m_network_scope, m_tie_level, lang);
    const auto data = exchange::prepare(project, network, window, taxonomy, options);

    switch (m_format_value) {
    case Format::Gexf:
        core::write_file_atomically(
            m_output,
            exchange::to_gexf(data, m_gexf_version == "1.2" ? exchange::GexfVersion::V1_2draft : exchange::GexfVersion::V1_3),
            lang);
        break;
    case Format::Graphml: core::write_file_atomically(m_output, exchange::to_graphml(data), lang); break;
    case Format::Json: core::write_file_atomically(m_output, exchange::to_json(data), lang); break;
    case Format::Csv: {
        const auto files = outputs();
        const auto tables =
            exchange::to_csv(data, m_excel ? exchange::CsvDialect::Excel : exchange::CsvDialect::Rfc4180);
        core::write_file_atomically(files[0], tables.nodes, lang);
        core::write_file_atomically(files[1], tables.edges, lang);
        core::write_file_atomically(files[2], tables.indicators, lang);
        break;
    }
    case Format::Gpkg: {
        const auto geography = load_geography(project, lang);
        const auto places = geo::CommunePlaces::load(ingest::reference_data_folder(), lang);
        const auto layers = exchange::geo_layers(project, data, taxonomy, geography, places, lang);
        exchange::write_geopackage(m_output, data, layers, m_srs, lang);
        break;
    }
    }
    return report_diagnostics(context.err, in, lang);
}

} // namespace maillage::cli
