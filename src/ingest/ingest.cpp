#include "maillage/ingest/ingest.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"

#include "maillage/core/text.hpp"
#include "maillage/ingest/record.hpp"

namespace maillage::ingest {

namespace {

bool looks_like_digits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string read_text(const std::string& path, core::Lang lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FatalError(core::render_error(path, std::string(core::message(core::Msg::FileNotFound, lang)), lang));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A file's records handed from the thread that reads and checks them to a thread that adds
/// them to the project, in batches, in reading order: reading a sheet and building its people,
/// sessions and organisations take two cores. Memory stays bounded by a few batches.
class RecordPipeline {
public:
    explicit RecordPipeline(ProjectBuilder& builder) : m_builder(builder), m_thread([this] { build(); }) {
        m_batch.reserve(batch_size);
    }
    ~RecordPipeline() { abandon(); }
    RecordPipeline(const RecordPipeline&) = delete;
    RecordPipeline& operator=(const RecordPipeline&) = delete;

    /// Hands a record over (waits while the builder is a few batches behind).
    void push(AttendanceRecord&& record) {
        m_batch.push_back(std::move(record));
        if (m_batch.size() == batch_size) hand_over();
    }

    /// Room for `rows` more attendances, made by the builder before the records that follow
    /// (a table's rows are counted before they are read: its vector is not doubled as it grows).
    void reserve(std::size_t rows) {
        hand_over();
        m_reserve = rows;
    }

    /// Waits until every record handed over is added; rethrows what the builder threw.
    void finish() {
        hand_over();
        close();
        if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
    }

    /// Stops the builder (what it added is the caller's to take back) and waits for it.
    void abandon() {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        close();
    }

private:
    static constexpr std::size_t batch_size = 4096;
    static constexpr std::size_t max_batches = 8;

    struct Batch {
        std::size_t reserve = 0; ///< attendances to make room for first
        std::vector<AttendanceRecord> records;
    };

    void hand_over() {
        if (m_batch.empty()) return;
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_batches.size() < max_batches || m_stop; });
        if (!m_stop) m_batches.push_back({std::exchange(m_reserve, 0), std::move(m_batch)});
        lock.unlock();
        m_wake.notify_one();
        m_batch.clear();
        m_batch.reserve(batch_size);
    }

    void close() {
        {
            const std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable()) m_thread.join();
    }

    void build() {
        Batch batch;
        for (;;) {
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return !m_batches.empty() || m_closed || m_stop; });
                if (m_stop || m_batches.empty()) return;
                batch = std::move(m_batches.front());
                m_batches.pop_front();
            }
            m_room.notify_one();
            try {
                if (batch.reserve > 0) m_builder.reserve(batch.reserve);
                for (const auto& r : batch.records) m_builder.add(r);
            } catch (...) {
                const std::lock_guard lock(m_mutex);
                m_error = std::current_exception();
                m_stop = true;
                m_room.notify_all();
                return;
            }
        }
    }

    ProjectBuilder& m_builder;
    std::vector<AttendanceRecord> m_batch; ///< filled by the reading thread
    std::mutex m_mutex;
    std::condition_variable m_wake, m_room;
    std::deque<Batch> m_batches;
    std::size_t m_reserve = 0; ///< asked for the next batch
    bool m_closed = false, m_stop = false;
    std::exception_ptr m_error;
    std::thread m_thread; ///< last: started once the rest is ready
};

/// What identifies the reference data and the program that reads them: the aliases and types
/// files by checksum, every file of the reference data folder by name, size and time, the
/// running program by path, size and time (another build may resolve otherwise). Empty when
/// one cannot be told (then identity resolution keeps no memo).
std::string reference_fingerprint(const std::string& aliases_file, const std::string& types_file, core::Lang lang) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto stamp = [&](const fs::path& path) -> std::string {
        const auto size = fs::file_size(path, ec);
        if (ec) return {};
        const auto time = fs::last_write_time(path, ec);
        if (ec) return {};
        return path.string() + '\t' + std::to_string(size) + '\t' + std::to_string(time.time_since_epoch().count()) + '\n';
    };
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const std::string program_stamp = stamp(program);
    if (program_stamp.empty()) return {};
    std::string out = "program\t" + program_stamp;
    out += "aliases\t" + (aliases_file.empty() ? std::string() : file_sha256(aliases_file, lang)) + '\n';
    out += "types\t" + (types_file.empty() ? std::string() : file_sha256(types_file, lang)) + '\n';
    const fs::path data = fs::absolute(reference_data_folder(), ec);
    if (ec) return {};
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(data, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(stamp(it->path()));
    if (ec) return {};
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out += f;
    return out;
}

} // namespace

model::AliasTable load_aliases(const std::string& path, core::Lang lang) {
    model::AliasTable table = model::AliasTable::defaults();
    if (path.empty()) return table;
    const std::string text = read_text(path, lang);
    if (std::filesystem::path(path).extension() == ".toml") table.load_toml(text, path, lang);
    else table.load_csv(text, path, lang);
    return table;
}

model::Taxonomy load_taxonomy(const std::string& path, core::Lang lang) {
    model::Taxonomy taxonomy = model::Taxonomy::defaults();
    if (!path.empty()) taxonomy.extend_from_toml(read_text(path, lang), path, lang);
    return taxonomy;
}

std::shared_ptr<const IdentityReference> IdentityReference::load(const std::string& aliases_file,
                                                                 const std::string& types_file, core::Lang lang) {
    auto r = std::make_shared<IdentityReference>();
    r->aliases = load_aliases(aliases_file, lang);
    r->taxonomy = load_taxonomy(types_file, lang);
    r->communes = CommuneIndex::load(reference_data_folder(), lang);
    r->places = Gazetteer::load(r->communes, reference_data_folder(), lang);
    r->fingerprint = reference_fingerprint(aliases_file, types_file, lang);
    return r;
}

IngestReport ingest_sheets(model::Project& project, const std::vector<std::string>& paths,
                           const IngestOptions& options, core::Lang lang, core::Diagnostics& diagnostics) {
    TypeClassifier classify = options.classify_type ? options.classify_type
                                                    : [](std::string_view) { return std::string(); };
    ProjectBuilder builder(project, classify);
    const std::size_t first_new_file = project.files.size();
    std::unordered_set<std::string> known;
    for (const auto& f : project.files) known.insert(f.sha256);

    // Sheets repeat the same types and communes on many rows: resolve each spelling once.
    std::unordered_map<std::string, std::string> types_seen;
    auto classified = [&](const std::string& text) -> const std::string& {
        auto it = types_seen.find(text);
        if (it == types_seen.end()) it = types_seen.emplace(text, classify(text)).first;
        return it->second;
    };
    std::unordered_map<std::string, CommuneResolution> communes_seen;

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
        // The file goes in whole or not at all: its records are built as they are read (on
        // a thread of their own, while this one reads on), and taken back if it is refused.
        const ProjectBuilder::Mark before_file = builder.mark();
        const auto added_before = builder.added();
        builder.begin_file(path, sha);
        builder.set_defaults(options.load.territory, options.load.year);
        RecordPipeline pipeline(builder);
        std::vector<QuarantinedRow> bad;
        const std::size_t errors_before = diagnostics.error_count();
        const TableInfo* table = nullptr;
        ColumnMap columns;
        // Unknown types and communes are warnings, once per file and spelling, with their first
        // row and how many rows share them.
        // Past a few distinct values of one field, the rest are counted in one closing line.
        constexpr std::size_t shown_per_field = 20;
        std::unordered_map<std::string, std::pair<std::size_t, std::int64_t>> warned; // → (diag, rows)
        struct Beyond {
            std::size_t values = 0;
            std::int64_t rows = 0;
            std::string header; // copied: the table is gone when the file is done
        };
        std::map<Field, Beyond> beyond;
        std::map<Field, std::size_t> distinct;
        std::unordered_set<std::string> seen_beyond;
        // (the message is written only for the rows shown: `message()` makes it)
        auto warn_once = [&](const Row& row, Field field, const std::string& value, auto&& message) {
            const std::string key = std::string(field_key(field)) + '\t' + value;
            if (auto it = warned.find(key); it != warned.end()) {
                ++it->second.second;
                return;
            }
            if (distinct[field] >= shown_per_field) {
                auto& b = beyond[field];
                if (b.header.empty()) b.header = table->headers[*columns[field]];
                b.rows += 1;
                if (seen_beyond.insert(key).second) b.values += 1;
                return;
            }
            ++distinct[field];
            warned.emplace(key, std::make_pair(diagnostics.items().size(), std::int64_t{1}));
            const auto column = *columns[field];
            diagnostics.warning({table->source, row.line, static_cast<int>(column) + 1, table->headers[column]}, message());
        };
        try {
            read_tables(
                path, options.load.read, lang,
                [&](const TableInfo& info) {
                    table = &info;
                    columns = recognise_columns(info.headers, options.load.mapping, info.source, lang);
                    pipeline.reserve(info.rows_hint);
                },
                [&](const Row& row) {
                    if (row.repeated_header) {
                        diagnostics.warning({table->source, row.line, 0, {}},
                                            std::string(core::message(core::Msg::WarnRepeatedHeader, lang)));
                        return;
                    }
                    ++outcome.rows;
                    if (options.progress && outcome.rows % 8192 == 0) options.progress(path, outcome.rows);
                    const std::size_t before = diagnostics.items().size();
                    auto record = parse_record(row, *table, columns, lang, diagnostics);
                    check_territory(record, options.load.territory, row, *table, columns, lang, diagnostics);
                    if (record) {
                        if (options.classify_type && !record->org_type.empty() && classified(record->org_type).empty())
                            warn_once(row, Field::OrgType, record->org_type,
                                      [&] { return core::tr(lang, core::Msg::WarnUnknownType, record->org_type); });
                        if (options.communes && !record->commune.empty()) {
                            using S = CommuneResolution::Status;
                            auto cached = communes_seen.find(record->commune);
                            if (cached == communes_seen.end())
                                cached = communes_seen.emplace(record->commune, options.communes->resolve(record->commune)).first;
                            const auto& c = cached->second;
                            if (c.status == S::ZeroRestored)
                                warn_once(row, Field::Commune, record->commune, [&] {
                                    return core::tr(lang, core::Msg::WarnCommuneZeroRestored, record->commune, c.code, c.detail);
                                });
                            else if (c.status == S::Successor)
                                warn_once(row, Field::Commune, record->commune, [&] {
                                    return core::tr(lang, core::Msg::WarnCommuneFormer, record->commune, c.detail, c.code,
                                                    options.communes->name(c.code));
                                });
                            else if (c.status == S::Unknown)
                                warn_once(row, Field::Commune, record->commune, [&] {
                                    return c.detail.empty() ? core::tr(lang, core::Msg::WarnCommuneUnknown, record->commune)
                                           : looks_like_digits(record->commune)
                                               ? core::tr(lang,
                                                          options.communes->codes_of_postcode(record->commune).size() == 1
                                                              ? core::Msg::WarnCommunePostcodeTaken
                                                              : core::Msg::WarnCommunePostcode,
                                                          record->commune, c.detail)
                                               : core::tr(lang, core::Msg::WarnCommuneAmbiguous, record->commune, c.detail);
                                });
                            record->commune = c.code;
                            // A postcode that serves one commune is that commune (the warning says which).
                            if (c.status == S::Unknown && looks_like_digits(cached->first)) {
                                const auto& served = options.communes->codes_of_postcode(cached->first);
                                if (served.size() == 1) record->commune = served.front();
                                // several: identity resolution picks the one the name says
                                else if (!served.empty()) record->commune = cached->first;
                            }
                        }
                        pipeline.push(std::move(*record));
                        return;
                    }
                    QuarantinedRow q{table->file, table->sheet, row.line, {}, table->headers, row.cells};
                    for (std::size_t i = before; i < diagnostics.items().size(); ++i)
                        q.problems.push_back(core::render(diagnostics.items()[i], lang));
                    bad.push_back(std::move(q));
                });
            pipeline.finish(); // every record built (or the building thread's error)
        } catch (...) {
            pipeline.abandon();
            builder.rollback(before_file);
            throw;
        }
        if (options.progress) options.progress(path, outcome.rows);
        for (const auto& [text, where] : warned)
            if (where.second > 1) diagnostics.annotate(where.first, core::tr(lang, core::Msg::WarnRowsAlike, where.second));
        for (const auto& [field, b] : beyond)
            diagnostics.warning({path, 0, 0, b.header}, core::tr(lang, core::Msg::WarnMoreValues, b.values, b.rows));
        outcome.rejected = static_cast<std::int64_t>(bad.size());
        const bool has_errors = diagnostics.error_count() > errors_before;
        if (has_errors && !options.accept_partial) {
            builder.rollback(before_file);
            outcome.status = FileOutcome::Status::Refused;
            report.files.push_back(std::move(outcome));
            continue;
        }
        builder.count_rejected(outcome.rejected);
        const auto after = builder.added();
        const auto& before = added_before;
        outcome.added = {after.people - before.people,         after.organisations - before.organisations,
                         after.sessions - before.sessions,     after.editions - before.editions,
                         after.territories - before.territories, after.attendances - before.attendances,
                         after.duplicates - before.duplicates};
        outcome.status = bad.empty() ? FileOutcome::Status::Taken : FileOutcome::Status::TakenPartially;
        known.insert(sha);
        for (auto& q : bad) report.quarantine.push_back(std::move(q));
        report.files.push_back(std::move(outcome));
    }
    builder.finish(); // its indexes are not needed by what follows
    // Who is who, now that every row is in: organisations on evidence, then people.
    const IdentityContext no_context;
    const IdentityContext& context = options.identity ? *options.identity : no_context;
    resolve_organisations(project, context);
    // the directory already in the store follows the organisations just renumbered
    if (!project.registry.empty()) match_registry(project, context);
    show_names(project, context);
    // coordinates a sheet gave, in spelling order (the first spelling's win)
    std::map<model::Id, model::MapPoint> lonlats(builder.given_lonlat().begin(), builder.given_lonlat().end());
    for (auto it = lonlats.rbegin(); it != lonlats.rend(); ++it)
        if (const auto o = project.spellings[static_cast<std::size_t>(it->first)].organisation; o != model::no_id)
            project.organisations[static_cast<std::size_t>(o)].given_lonlat = it->second;
    const auto people = resolve_people(project);
    // What each file brought: the people and organisations first met in it.
    {
        std::unordered_map<model::Id, std::size_t> outcome_of; // file id → report.files index
        for (std::size_t i = 0, f = first_new_file; i < report.files.size(); ++i)
            if (report.files[i].status == FileOutcome::Status::Taken ||
                report.files[i].status == FileOutcome::Status::TakenPartially)
                outcome_of[static_cast<model::Id>(f++)] = i;
        std::vector<model::Id> first_org(project.organisations.size(), model::no_id),
            first_person(project.people.size(), model::no_id);
        for (const auto& a : project.attendances) {
            if (a.organisation != model::no_id && first_org[static_cast<std::size_t>(a.organisation)] == model::no_id)
                first_org[static_cast<std::size_t>(a.organisation)] = a.file;
            if (first_person[static_cast<std::size_t>(a.person)] == model::no_id)
                first_person[static_cast<std::size_t>(a.person)] = a.file;
        }
        for (auto& f : report.files) f.added.organisations = f.added.people = 0;
        for (const auto file : first_org)
            if (auto it = outcome_of.find(file); it != outcome_of.end()) ++report.files[it->second].added.organisations;
        for (const auto file : first_person)
            if (auto it = outcome_of.find(file); it != outcome_of.end()) ++report.files[it->second].added.people;
        for (const auto file : people.duplicate_files)
            if (auto it = outcome_of.find(file); it != outcome_of.end()) {
                ++report.files[it->second].added.duplicates;
                --report.files[it->second].added.attendances;
            }
    }
    report.spellings = builder.spellings();
    return report;
}

} // namespace maillage::ingest
