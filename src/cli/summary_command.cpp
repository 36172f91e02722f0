#include "summary_command.hpp"

#include "input.hpp"

#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/record.hpp"
#include "maillage/ingest/summary.hpp"
#include "maillage/store/store.hpp"

namespace maillage::cli {

using core::Msg;

void SummaryCommand::declare(Arguments& args, core::Lang lang) {
    args.positionals("sheets", std::string(core::message(Msg::ArgSheets, lang)), &m_sheets, true);
    m_sheet_options.declare(args, lang);
    args.option("--format", std::string(core::message(Msg::OptFormat, lang)), &m_format, {"table", "csv", "json"});
    args.option("-o,--output", std::string(core::message(Msg::OptOutput, lang)), &m_output);
}

void SummaryCommand::setup(const Context& context) {
    m_sheet_options.resolve(context.lang, m_mapping, m_read);
}

namespace {

std::string render_table(const ingest::Summary& summary, core::Lang lang) {
    using core::Align;
    core::TextTable table({std::string(core::message(Msg::HeadTerritory, lang)),
                           std::string(core::message(Msg::HeadEdition, lang)),
                           std::string(core::message(Msg::HeadRows, lang)),
                           std::string(core::message(Msg::HeadPeople, lang)),
                           std::string(core::message(Msg::HeadOrganisations, lang)),
                           std::string(core::message(Msg::HeadSessions, lang))},
                          {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
    const std::string unspecified(core::message(Msg::Unspecified, lang));
    auto row = [&](const ingest::EditionCounts& c, std::string territory, std::string edition) {
        table.add_row({std::move(territory), std::move(edition), core::format_count(c.rows, lang),
                       core::format_count(c.people, lang), core::format_count(c.organisations, lang),
                       core::format_count(c.sessions, lang)});
    };
    for (const auto& e : summary.editions)
        row(e, e.territory.empty() ? unspecified : e.territory, e.edition.empty() ? unspecified : e.edition);
    if (summary.editions.size() > 1) row(summary.total, std::string(core::message(Msg::Total, lang)), "");
    return table.str();
}

std::string render_csv(const ingest::Summary& summary) {
    std::string out = core::csv_record({"territory", "edition", "rows", "people", "organisations", "sessions"});
    for (const auto& e : summary.editions)
        out += core::csv_record({e.territory, e.edition, std::to_string(e.rows), std::to_string(e.people),
                                 std::to_string(e.organisations), std::to_string(e.sessions)});
    return out;
}

std::string render_json(const ingest::Summary& summary) {
    auto counts = [](const ingest::EditionCounts& c) {
        nlohmann::ordered_json j;
        j["rows"] = c.rows;
        j["people"] = c.people;
        j["organisations"] = c.organisations;
        j["sessions"] = c.sessions;
        return j;
    };
    nlohmann::ordered_json doc;
    doc["editions"] = nlohmann::ordered_json::array();
    for (const auto& e : summary.editions) {
        nlohmann::ordered_json j;
        j["territory"] = e.territory.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.territory);
        j["edition"] = e.edition.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(e.edition);
        j.update(counts(e));
        doc["editions"].push_back(j);
    }
    doc["total"] = counts(summary.total);
    return doc.dump(2) + "\n";
}

} // namespace

int SummaryCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    // A store: its resolved people and organisations, as every other document counts them.
    if (is_store(m_sheets)) {
        const auto project = app::read_store(m_sheets.front(), lang, app::measuring(false));
        const ingest::Summary summary = ingest::summarise(project);
        write_product(context, m_output,
                      m_format == "csv"    ? render_csv(summary)
                      : m_format == "json" ? render_json(summary)
                                           : render_table(summary, lang));
        return 0;
    }
    core::Diagnostics diagnostics;
    ingest::SummaryBuilder builder;
    std::int64_t rows_read = 0;
    for (const auto& path : ingest::expand_inputs(m_sheets)) {
        const ingest::TableInfo* table = nullptr;
        ingest::ColumnMap columns;
        ingest::read_tables(
            path, m_read, lang,
            [&](const ingest::TableInfo& info) {
                table = &info;
                columns = ingest::recognise_columns(info.headers, m_mapping, info.source, lang);
            },
            [&](const ingest::Row& row) {
                ++rows_read;
                if (auto record = ingest::parse_record(row, *table, columns, lang, diagnostics))
                    builder.add(*record);
            });
    }
    const ingest::Summary summary = builder.finish();
    std::string product = m_format == "csv"    ? render_csv(summary)
                          : m_format == "json" ? render_json(summary)
                                               : render_table(summary, lang);
    write_product(context, m_output, product);

    for (const auto& d : diagnostics.items()) context.err << core::render_folded(d, lang) << '\n';
    const auto rejected = rows_read - summary.total.rows;
    if (rejected > 0)
        context.err << core::tr(lang, Msg::SummaryRejected, core::format_count(rejected, lang),
                                core::format_count(rows_read, lang))
                    << '\n';
    if (diagnostics.warning_count() > 0)
        context.err << core::tr(lang, Msg::SummaryWarnings, diagnostics.warning_count()) << '\n';
    return diagnostics.has_errors() ? 1 : 0;
}

} // namespace maillage::cli
