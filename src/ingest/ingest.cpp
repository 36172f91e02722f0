#include "maillage/ingest/ingest.hpp"

#include <unordered_set>

#include "maillage/core/text.hpp"
#include "maillage/ingest/record.hpp"

namespace maillage::ingest {

IngestReport ingest_sheets(model::Project& project, const std::vector<std::string>& paths,
                           const IngestOptions& options, core::Lang lang, core::Diagnostics& diagnostics) {
    NameResolver resolve = options.resolve_name ? options.resolve_name : [](std::string_view name, int) {
        return ResolvedName{core::fold(name), std::string(name)};
    };
    TypeClassifier classify = options.classify_type ? options.classify_type
                                                    : [](std::string_view) { return std::string(); };
    ProjectBuilder builder(project, resolve, classify);
    std::unordered_set<std::string> known;
    for (const auto& f : project.files) known.insert(f.sha256);

    IngestReport report;
    for (const auto& path : expand_inputs(paths)) {
        FileOutcome outcome;
        outcome.path = path;
        const std::string sha = file_sha256(path, lang);
        if (known.contains(sha)) {
            outcome.status = FileOutcome::Status::AlreadyThere;
            report.files.push_back(std::move(outcome));
            continue;
        }
        // Read the whole file first: it goes in whole or not at all.
        std::vector<AttendanceRecord> records;
        std::vector<QuarantinedRow> bad;
        const std::size_t errors_before = diagnostics.error_count();
        const TableInfo* table = nullptr;
        ColumnMap columns;
        read_tables(
            path, options.load.read, lang,
            [&](const TableInfo& info) {
                table = &info;
                columns = recognise_columns(info.headers, options.load.mapping, info.source, lang);
            },
            [&](const Row& row) {
                ++outcome.rows;
                if (options.progress && outcome.rows % 8192 == 0) options.progress(path, outcome.rows);
                const std::size_t before = diagnostics.items().size();
                if (auto record = parse_record(row, *table, columns, lang, diagnostics)) {
                    records.push_back(std::move(*record));
                    return;
                }
                QuarantinedRow q{table->file, table->sheet, row.line, {}, table->headers, row.cells};
                for (std::size_t i = before; i < diagnostics.items().size(); ++i)
                    q.problems.push_back(core::render(diagnostics.items()[i], lang));
                bad.push_back(std::move(q));
            });
        if (options.progress) options.progress(path, outcome.rows);
        outcome.rejected = static_cast<std::int64_t>(bad.size());
        const bool has_errors = diagnostics.error_count() > errors_before;
        if (has_errors && !options.accept_partial) {
            outcome.status = FileOutcome::Status::Refused;
            report.files.push_back(std::move(outcome));
            continue;
        }
        const auto before = builder.added();
        builder.begin_file(path, sha);
        builder.set_defaults(options.load.territory, options.load.year);
        for (const auto& r : records) builder.add(r);
        builder.count_rejected(outcome.rejected);
        const auto after = builder.added();
        outcome.added = {after.people - before.people,         after.organisations - before.organisations,
                         after.sessions - before.sessions,     after.editions - before.editions,
                         after.territories - before.territories, after.attendances - before.attendances,
                         after.duplicates - before.duplicates};
        outcome.status = bad.empty() ? FileOutcome::Status::Taken : FileOutcome::Status::TakenPartially;
        known.insert(sha);
        for (auto& q : bad) report.quarantine.push_back(std::move(q));
        report.files.push_back(std::move(outcome));
    }
    return report;
}

} // namespace maillage::ingest
