#include "ingest_command.hpp"

#include <filesystem>
#include <memory>
#include <fstream>
#include <ostream>
#include <sstream>
#include <unistd.h>

#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/record.hpp"
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

namespace {

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
        std::string problems, cells;
        for (const auto& p : q.problems) problems += (problems.empty() ? "" : "\n") + p;
        for (std::size_t i = 0; i < q.cells.size(); ++i) {
            if (i > 0) cells += " ; ";
            cells += (i < q.headers.size() ? q.headers[i] : std::to_string(i + 1)) + "=" + q.cells[i];
        }
        content += core::csv_record({q.file, q.sheet, std::to_string(q.line), problems, cells});
    }
    core::write_file_atomically(path, content, lang);
}

} // namespace

int IngestCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    if (tty) {
        m_options.progress = [&](const std::string& file, std::int64_t rows) {
            context.err << '\r' << core::tr(lang, Msg::IngestProgress, file, core::format_count(rows, lang))
                        << "\x1b[K" << std::flush;
        };
    }
    auto aliases = std::make_shared<model::AliasTable>(ingest::load_aliases(m_aliases, lang));
    auto taxonomy = std::make_shared<model::Taxonomy>(ingest::load_taxonomy(m_types, lang));
    m_options.resolve_name = [aliases](std::string_view name, int year) { return aliases->resolve(name, year); };
    m_options.classify_type = [taxonomy](std::string_view text) { return taxonomy->classify(text).value_or(""); };
    const auto communes = ingest::CommuneIndex::load(ingest::reference_data_folder(), lang);
    m_options.communes = &communes;
    auto store = store::Store::open(m_store, true, lang);
    model::Project project = store.load();
    core::Diagnostics diagnostics;
    const auto report = ingest::ingest_sheets(project, m_inputs, m_options, lang, diagnostics);
    if (tty) context.err << "\r\x1b[K" << std::flush;

    bool changed = false;
    for (const auto& f : report.files) changed |= f.status == ingest::FileOutcome::Status::Taken ||
                                                  f.status == ingest::FileOutcome::Status::TakenPartially;
    if (changed) store.save(project);
    if (!report.quarantine.empty()) write_quarantine(m_quarantine, report.quarantine, lang);

    for (const auto& d : diagnostics.items()) context.err << core::render(d, lang) << '\n';
    auto n = [&](std::int64_t v) { return core::format_count(v, lang); };
    for (const auto& f : report.files) {
        const auto& a = f.added;
        switch (f.status) {
        case ingest::FileOutcome::Status::Taken:
            context.out << core::tr(lang, Msg::IngestTaken, f.path, n(a.attendances), n(a.people), n(a.organisations),
                                    n(a.sessions), n(a.editions))
                        << '\n';
            break;
        case ingest::FileOutcome::Status::TakenPartially:
            context.out << core::tr(lang, Msg::IngestPartial, f.path, n(a.attendances), n(f.rejected), n(a.people),
                                    n(a.organisations), n(a.sessions), n(a.editions))
                        << '\n';
            break;
        case ingest::FileOutcome::Status::Refused:
            context.err << core::tr(lang, Msg::IngestRefused, f.path, n(f.rejected)) << '\n';
            break;
        case ingest::FileOutcome::Status::AlreadyThere:
            context.out << core::tr(lang, Msg::IngestAlready, f.path) << '\n';
            break;
        }
        if (a.duplicates > 0) context.err << core::tr(lang, Msg::IngestDuplicates, f.path, n(a.duplicates)) << '\n';
    }
    context.out << core::tr(lang, Msg::IngestTotal, store::redact(m_store), n(std::ssize(project.files)),
                            n(std::ssize(project.territories)), n(std::ssize(project.editions)),
                            n(std::ssize(project.sessions)), n(std::ssize(project.people)),
                            n(std::ssize(project.organisations)), n(std::ssize(project.attendances)))
                << '\n';
    if (!report.quarantine.empty())
        context.err << core::tr(lang, Msg::IngestQuarantine, n(std::ssize(report.quarantine)), m_quarantine) << '\n';
    return diagnostics.has_errors() ? 1 : 0;
}

} // namespace maillage::cli
