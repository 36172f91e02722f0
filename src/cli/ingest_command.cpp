#include "ingest_command.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <fstream>
#include <ostream>
#include <sstream>
#include <unistd.h>

#include "maillage/app/ingest.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/registry.hpp"
#include "maillage/store/store.hpp"

namespace maillage::cli {

using core::Msg;

std::string default_quarantine_path(const std::string& store) {
    if (store::is_postgres(store)) return "maillage-quarantaine.csv";
    std::filesystem::path p(store);
    if (p.extension() == ".gpkg") p.replace_extension();
    return p.string() + ".quarantaine.csv";
}

void IngestCommand::declare(Arguments& args, core::Lang lang) {
    args.positionals("inputs", std::string(core::message(Msg::ArgSheets, lang)), &m_inputs, true);
    args.option("--into", std::string(core::message(Msg::OptInto, lang)), &m_store);
    args.flag("--accept-partial", std::string(core::message(Msg::OptAcceptPartial, lang)), &m_accept_partial);
    args.option("--territory", std::string(core::message(Msg::OptSheetTerritory, lang)), &m_territory);
    args.option("--edition", std::string(core::message(Msg::OptSheetEdition, lang)), &m_edition);
    args.option("--quarantine", std::string(core::message(Msg::OptQuarantine, lang)), &m_quarantine);
    args.option("--aliases", std::string(core::message(Msg::OptAliases, lang)), &m_aliases);
    args.option("--types", std::string(core::message(Msg::OptTypes, lang)), &m_types);
    args.option_list("--registry", std::string(core::message(Msg::OptRegistry, lang)), &m_registries);
    args.option("--territories", std::string(core::message(Msg::OptTerritories, lang)), &m_territories);
    args.option("--key", std::string(core::message(Msg::OptTerritoriesKey, lang)), &m_territories_key);
    args.option("--code", std::string(core::message(Msg::OptTerritoriesKey, lang)), &m_territories_code);
    args.option("--key-file", std::string(core::message(Msg::OptKeyFile, lang)), &m_key_file);
    m_sheet_options.declare(args, lang);
    args.require("--into");
}

void IngestCommand::setup(const Context& context) {
    m_sheet_options.resolve(context.lang, m_options.load.mapping, m_options.load.read);
    m_options.accept_partial = m_accept_partial;
    m_options.load.territory = m_territory;
    if (!m_edition.empty()) {
        const auto year = ingest::parse_edition_year(m_edition);
        if (!year) throw FatalError(core::tr(context.lang, Msg::RowBadEdition, m_edition));
        m_options.load.year = *year;
    }
    if (m_quarantine.empty()) m_quarantine = default_quarantine_path(m_store);
}

/// " ; " between cells and "=" after the header: what a coordinator reads in a spreadsheet.
constexpr std::string_view cell_separator = " ; ";

std::string quarantine_cells(const std::vector<std::string>& headers, const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += cell_separator;
        out += (i < headers.size() ? headers[i] : std::to_string(i + 1)) + "=" + cells[i];
    }
    return out;
}

void split_quarantine_cells(const std::string& text, std::vector<std::string>& headers, std::vector<std::string>& cells) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(cell_separator, start);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(start, end - start);
        const auto eq = pair.find('=');
        headers.push_back(eq == std::string::npos ? pair : pair.substr(0, eq));
        cells.push_back(eq == std::string::npos ? std::string() : pair.substr(eq + 1));
        start = end + cell_separator.size();
    }
}

void write_quarantine(const std::string& path, const std::vector<ingest::QuarantinedRow>& rows, core::Lang lang) {
    std::string content;
    {
        std::ifstream in(path, std::ios::binary);
        if (in) {
            std::ostringstream s;
            s << in.rdbuf();
            content = s.str();
        }
    }
    if (content.empty()) content = core::csv_record({"fichier", "feuille", "ligne", "problemes", "cellules"});
    for (const auto& q : rows) {
        std::string problems;
        for (const auto& p : q.problems) problems += (problems.empty() ? "" : "\n") + p;
        content += core::csv_record({q.file, q.sheet, std::to_string(q.line), problems, quarantine_cells(q.headers, q.cells)});
    }
    core::write_file_atomically(path, content, lang);
}

int IngestCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    if (tty) {
        m_options.progress = [&](const std::string& file, std::int64_t rows) {
            context.err << '\r' << core::tr(lang, Msg::IngestProgress, file, core::format_count(rows, lang))
                        << "\x1b[K" << std::flush;
        };
    }
    app::IngestRequest request;
    request.store = m_store;
    request.inputs = m_inputs;
    request.options = m_options;
    request.accept_partial = m_accept_partial;
    request.aliases = m_aliases;
    request.types = m_types;
    request.registries = m_registries;
    request.territories = m_territories;
    request.territories_key = m_territories_key;
    request.territories_code = m_territories_code;
    request.key_file = m_key_file;
    const auto result = app::ingest_into_store(request, lang);
    if (tty) context.err << "\r\x1b[K" << std::flush;
    const auto& report = result.report;
    const auto& diagnostics = result.diagnostics;
    const auto& project = result.project;
    const auto& registry_report = result.registry;
    const bool directory = result.directory;
    const std::size_t outlines_loaded = result.outlines_loaded, placed = result.placed;
    if (!report.quarantine.empty()) write_quarantine(m_quarantine, report.quarantine, lang);

    for (const auto& d : diagnostics.items()) context.err << core::render_folded(d, lang) << '\n';
    if (result.key_moved) context.out << core::wrap_text(core::tr(lang, Msg::KeyFileMoved, m_key_file), core::text_width, 0, 2);
    auto n = [&](std::int64_t v) { return core::format_count(v, lang); };
    auto said = [&](std::ostream& out, const std::string& sentence) { out << core::wrap_text(sentence, core::text_width, 0, 2); };
    // what each sheet brought, one row each: a table a coordinator scans, within 120 columns
    // because the folder the sheets share is said once above it
    std::vector<const ingest::FileOutcome*> taken;
    for (const auto& f : report.files)
        if (f.status == ingest::FileOutcome::Status::Taken || f.status == ingest::FileOutcome::Status::TakenPartially)
            taken.push_back(&f);
    if (!taken.empty()) {
        std::string folder = taken.front()->path.substr(0, taken.front()->path.rfind('/') + 1);
        for (const auto* f : taken)
            while (!folder.empty() && !f->path.starts_with(folder)) folder = folder.substr(0, folder.rfind('/', folder.size() - 2) + 1);
        auto head = [&](Msg key, core::Align align) { return core::TextColumn{std::string(core::message(key, lang)), align}; };
        core::TextTable table({head(Msg::HeadSheet, core::Align::Left), head(Msg::HeadRowsTaken, core::Align::Right),
                               head(Msg::HeadRowsSetAside, core::Align::Right), head(Msg::HeadNewPeople, core::Align::Right),
                               head(Msg::HeadNewOrganisations, core::Align::Right), head(Msg::HeadNewSessions, core::Align::Right),
                               head(Msg::HeadNewEditions, core::Align::Right)});
        for (const auto* f : taken) {
            const auto& a = f->added;
            table.add_row({f->path.substr(folder.size()), n(a.attendances), n(f->rejected), n(a.people), n(a.organisations),
                           n(a.sessions), n(a.editions)});
        }
        said(context.out, folder.empty() ? std::string(core::message(Msg::IngestSheets, lang)) : core::tr(lang, Msg::IngestSheetsIn, folder));
        context.out << table.str();
    }
    for (const auto& f : report.files) {
        if (f.status == ingest::FileOutcome::Status::Refused) said(context.err, core::tr(lang, Msg::IngestRefused, f.path, n(f.rejected)));
        if (f.status == ingest::FileOutcome::Status::AlreadyThere) said(context.out, core::tr(lang, Msg::IngestAlready, f.path));
        if (f.added.duplicates > 0) said(context.err, core::tr(lang, Msg::IngestDuplicates, f.path, n(f.added.duplicates)));
    }
    said(context.out, core::tr(lang, Msg::IngestTotal, store::redact(m_store), n(std::ssize(project.files)), n(std::ssize(project.territories)),
                               n(std::ssize(project.editions)), n(std::ssize(project.sessions)), n(std::ssize(project.people)),
                               n(std::ssize(project.organisations)), n(std::ssize(project.attendances))));
    if (outlines_loaded > 0 || placed > 0)
        said(context.out, core::tr(lang, Msg::IngestTerritories, n(static_cast<std::int64_t>(outlines_loaded)), n(static_cast<std::int64_t>(placed))));
    if (registry_report && directory)
        said(context.out, core::tr(lang, Msg::RegistryDirectory, n(static_cast<std::int64_t>(registry_report->entries))));
    if (registry_report)
        said(context.out, core::tr(lang, Msg::IngestRegistry, n(static_cast<std::int64_t>(registry_report->entries)),
                                   n(static_cast<std::int64_t>(registry_report->by_siret)), n(static_cast<std::int64_t>(registry_report->by_name)),
                                   n(static_cast<std::int64_t>(registry_report->by_likeness))));
    if (!report.quarantine.empty()) said(context.err, core::tr(lang, Msg::IngestQuarantine, n(std::ssize(report.quarantine)), m_quarantine));
    return diagnostics.has_errors() ? 1 : 0;
}

} // namespace maillage::cli
