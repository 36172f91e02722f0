#include "maillage/store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>
#include <future>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <regex>
#include <span>
#include <tuple>

#include <unistd.h>

#include <fmt/format.h>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "gdal_session.hpp"
#include "table_writer.hpp"

namespace maillage::store {
namespace {

using detail::QuietGdal;

using core::Msg;

struct FieldDef {
    const char* name;
    OGRFieldType type;
};
struct TableDef {
    const char* name;
    std::vector<FieldDef> fields;
    OGRwkbGeometryType geometry = wkbNone; ///< spatial tables are in EPSG:2154
};

// The schema (docs/data-model.md). Ids are the indexes of model::Project's vectors.
const std::vector<TableDef>& schema() {
    static const std::vector<TableDef> tables = {
        {"maillage_meta", {{"key", OFTString}, {"value", OFTString}}},
        {"source_files", {{"file_id", OFTInteger}, {"path", OFTString}, {"sha256", OFTString},
                          {"rows", OFTInteger64}, {"rejected", OFTInteger64}}},
        {"territories", {{"territory_id", OFTInteger}, {"key", OFTString}, {"name", OFTString}, {"code", OFTString}},
         wkbMultiPolygon},
        {"editions", {{"edition_id", OFTInteger}, {"territory_id", OFTInteger}, {"year", OFTInteger}}},
        {"sessions", {{"session_id", OFTInteger}, {"edition_id", OFTInteger}, {"key", OFTString}, {"name", OFTString},
                      {"kind", OFTString}, {"method", OFTString}, {"date", OFTString}}},
        {"organisations", {{"organisation_id", OFTInteger}, {"key", OFTString}, {"name", OFTString},
                           {"type", OFTString}, {"commune", OFTString}, {"siret", OFTString}},
         wkbPoint},
        {"registry", {{"registry_id", OFTInteger}, {"territory_id", OFTInteger}, {"name", OFTString},
                      {"type", OFTString}, {"commune", OFTString}, {"siret", OFTString}, {"source", OFTString},
                      {"organisation_id", OFTInteger}, {"match", OFTString}},
         wkbPoint},
        {"people", {{"person_id", OFTInteger}, {"pseudonym", OFTString}}},
        {"person_records", {{"record_id", OFTInteger}, {"pseudonym", OFTString}, {"person_id", OFTInteger}}},
        {"person_keys", {{"person_id", OFTInteger}, {"key_hash", OFTString}, {"is_identifier", OFTInteger},
                         {"kind", OFTString}, {"record_id", OFTInteger}}},
        {"person_identities", {{"person_id", OFTInteger}, {"kind", OFTString}, {"value", OFTString},
                               {"record_id", OFTInteger}}},
        {"attendances", {{"attendance_id", OFTInteger}, {"session_id", OFTInteger}, {"person_id", OFTInteger}, {"organisation_id", OFTInteger},
                         {"role", OFTString}, {"file_id", OFTInteger}, {"line", OFTInteger64}, {"spelling_id", OFTInteger},
                         {"record_id", OFTInteger}}},
        {"folded_attendances", {{"session_id", OFTInteger}, {"person_id", OFTInteger}, {"organisation_id", OFTInteger},
                                {"role", OFTString}, {"file_id", OFTInteger}, {"line", OFTInteger64},
                                {"spelling_id", OFTInteger}, {"record_id", OFTInteger}}},
        {"organisation_spellings", {{"spelling_id", OFTInteger}, {"text", OFTString}, {"type", OFTString},
                                    {"commune", OFTString}, {"siret", OFTString}, {"territory_id", OFTInteger},
                                    {"organisation_id", OFTInteger}, {"first_year", OFTInteger},
                                    {"last_year", OFTInteger}, {"rows", OFTInteger64}}},
        {"identity_decisions", {{"decision_id", OFTInteger}, {"about", OFTString}, {"first", OFTString},
                                {"second", OFTString}, {"verdict", OFTString}, {"year", OFTInteger}}},
        {"identity_questions", {{"question_id", OFTInteger}, {"about", OFTString}, {"first", OFTString},
                                {"second", OFTString}, {"score", OFTReal}, {"evidence", OFTString}}},
    };
    return tables;
}

/// The cache of the reshuffles of the mixing null model (docs/data-model.md, "null_draws"): not
/// in schema() (a store without it is complete), made when draws are first kept, emptied by every
/// save (ingest, resolve, forget).
constexpr const char* draws_table = "null_draws";

/// Identity resolution's memo (docs/data-model.md, "resolution_memo"; model::Project::
/// organisation_memo): not in schema() (a store without it is complete, resolution then groups
/// afresh), written by the saves of a project whose memo changed.
constexpr const char* memo_table = "resolution_memo";

std::string gdal_error() {
    std::string why = CPLGetLastErrorMsg();
    return why.empty() ? std::string("GDAL") : why;
}

template <typename T> T parse_enum(std::string_view text, std::initializer_list<T> values) {
    for (T v : values)
        if (model::key(v) == text) return v;
    return *values.begin();
}

std::string date_text(const std::optional<model::CalendarDate>& d) {
    if (!d) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buffer;
}

std::optional<model::CalendarDate> parse_date_text(const std::string& text) {
    model::CalendarDate d;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3)
        return std::nullopt;
    return d;
}

std::string to_wkb(const OGRGeometry& g) {
    std::string out(static_cast<std::size_t>(g.WkbSize()), '\0');
    g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(out.data()), wkbVariantIso);
    return out;
}

std::optional<model::MapPoint> point_of(OGRFeature& f) {
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint || g->IsEmpty()) return std::nullopt;
    return model::MapPoint{g->toPoint()->getX(), g->toPoint()->getY()};
}

void set_point(OGRFeature& f, const std::optional<model::MapPoint>& p) {
    if (!p) return;
    OGRPoint point(p->x, p->y);
    f.SetGeometry(&point);
}

void set_wkb(OGRFeature& f, const std::string& wkb) {
    if (wkb.empty()) return;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                                          wkb.size()) == OGRERR_NONE) {
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g));
        f.SetGeometry(multi.get());
    }
}

} // namespace

bool is_postgres(const std::string& location) { return location.rfind("PG:", 0) == 0; }

namespace {

/// A password in libpq's keyword=value form: $1 the keyword, $2 the value. A quoted value runs
/// to the closing quote (libpq lets \' and \\ inside); an unquoted one to the next space, or,
/// typed with a space, on to the next keyword= (libpq would quote its pieces back in a message).
const std::regex& keyword_password() {
    static const std::regex r(R"((password\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s']\S*(?:\s+(?![A-Za-z_]+\s*=)\S+)*))",
                              std::regex::icase);
    return r;
}

/// A password in a URI: $1 up to its ':', $2 the password, which runs to the last '@' of the
/// authority (it may hold '@' itself).
const std::regex& uri_password() {
    static const std::regex r(R"(((?:postgres(?:ql)?)://[^:/@\s]*:)(\S*)@)", std::regex::icase);
    return r;
}

} // namespace

std::string redact(const std::string& location) {
    std::string out = std::regex_replace(location, keyword_password(), "$1***");
    return std::regex_replace(out, uri_password(), "$1***@");
}

namespace {

/// The password a connection string holds (either form), or "".
std::string password_of(const std::string& location) {
    std::smatch m;
    if (std::regex_search(location, m, keyword_password())) {
        std::string v = m[2].str();
        if (!v.empty() && v.front() == '\'') {
            std::string plain;
            for (std::size_t i = 1; i < v.size() && v[i] != '\''; ++i) plain += v[i] == '\\' && i + 1 < v.size() ? v[++i] : v[i];
            return plain;
        }
        return v;
    }
    if (std::regex_search(location, m, uri_password())) return m[2].str();
    return {};
}

} // namespace

std::string redact_message(const std::string& message, const std::string& location) {
    std::string out = redact(message);
    // libpq quotes pieces of a connection string it cannot parse ("missing "=" after "ss@host""):
    // hide the password and every piece of it that could stand alone
    const std::string secret = password_of(location);
    auto hide = [&](const std::string& piece) {
        if (piece.size() < 2) return;
        for (std::size_t at = out.find(piece); at != std::string::npos; at = out.find(piece, at + 3))
            out.replace(at, piece.size(), "***");
    };
    hide(secret);
    std::string piece;
    for (char c : secret + " ") {
        if (c == ' ' || c == '@' || c == '\'' || c == '"' || c == '=') {
            if (piece.size() >= 3) hide(piece);
            piece.clear();
        } else {
            piece += c;
        }
    }
    return out;
}

namespace {

/// What GDAL, SQLite or libpq said, in the user's words when it is a state of the machine they
/// can act on (another writer, a full disk, a read-only file, a damaged file); none otherwise.
std::optional<std::string> in_users_words(const std::string& why, const std::string& location, core::Lang lang) {
    auto has = [&](const char* text) { return why.find(text) != std::string::npos; };
    if (has("database is locked") || has("database table is locked")) return std::string(core::message(Msg::StoreLocked, lang));
    if (has("database or disk is full") || has("No space left on device") || has("could not extend file"))
        return std::string(core::message(Msg::StoreDiskFull, lang));
    if (has("attempt to write a readonly database") || has("readonly database"))
        return std::string(core::message(Msg::StoreReadOnly, lang));
    if (has("database disk image is malformed") || has("file is not a database") || has("file is encrypted"))
        return core::tr(lang, Msg::StoreCorrupt, redact_message(why, location));
    return std::nullopt;
}

} // namespace

std::string explain_failure(const std::string& why, const std::string& location, core::Lang lang) {
    return in_users_words(why, location, lang).value_or(redact_message(why, location));
}

[[noreturn]] void store_failed(const std::string& location, core::Lang lang, const std::string& why) {
    const auto words = in_users_words(why, location, lang);
    throw FatalError(core::render_error(
        redact(location), words ? *words : core::tr(lang, Msg::StoreFailed, redact_message(why, location)), lang));
}

namespace {

using tables::Cell;
using tables::TableChanges;
using tables::TableState;

/// maillage's tables, in schema() order.
enum class Table : std::size_t {
    Meta, SourceFiles, Territories, Editions, Sessions, Organisations, Registry, People, PersonRecords, PersonKeys,
    PersonIdentities, Attendances, Folded, Spellings, Decisions, Questions, Count
};

constexpr std::size_t table_count = static_cast<std::size_t>(Table::Count);

std::size_t index_of(Table t) { return static_cast<std::size_t>(t); }

const TableDef& def(Table t) { return schema()[index_of(t)]; }

const char* verdict_text(model::Verdict v) {
    return v == model::Verdict::Same ? "same" : v == model::Verdict::Different ? "different" : "renamed";
}

/// What a save writes for each row of each table: one cell per field, in schema() order, as
/// the OGR writer below sets them (an optional reference left empty is NULL, a text always a
/// text); a table with a geometry has it digested last (its cells after the fields), and is
/// written by OGR. The digests of these cells are what tells a save which rows changed.
class Rows {
public:
    explicit Rows(const model::Project& p) : m_p(p) {}

    [[nodiscard]] std::size_t count(Table t) const {
        switch (t) {
        case Table::Meta: return 0;
        case Table::SourceFiles: return m_p.files.size();
        case Table::Territories: return m_p.territories.size();
        case Table::Editions: return m_p.editions.size();
        case Table::Sessions: return m_p.sessions.size();
        case Table::Organisations: return m_p.organisations.size();
        case Table::Registry: return m_p.registry.size();
        case Table::People: return m_p.people.size();
        case Table::PersonRecords: return m_p.records.size();
        case Table::PersonKeys: return m_p.person_keys.size();
        case Table::PersonIdentities: return m_p.identities.size();
        case Table::Attendances: return m_p.attendances.size();
        case Table::Folded: return m_p.folded.size();
        case Table::Spellings: return m_p.spellings.size();
        case Table::Decisions: return m_p.decisions.size();
        case Table::Questions: return m_p.questions.size();
        case Table::Count: break;
        }
        return 0;
    }

    /// The cells of row `i` of table `t` into `cells` (texts point into the project, or into
    /// this object, for as long as both live).
    void fill(Table t, std::size_t i, std::vector<Cell>& cells) {
        auto id = [](std::size_t v) { return Cell::of(static_cast<std::int64_t>(v)); };
        auto integer = [](std::int64_t v) { return Cell::of(v); };
        auto optional = [](model::Id v) { return v == model::no_id ? Cell::null() : Cell::of(static_cast<std::int64_t>(v)); };
        auto text = [](std::string_view v) { return Cell::of(v); };
        auto point = [&](const std::optional<model::MapPoint>& pt) {
            if (!pt) {
                cells.push_back(Cell::null());
                return;
            }
            cells.push_back(Cell::of(pt->x));
            cells.push_back(Cell::of(pt->y));
        };
        switch (t) {
        case Table::Meta:
        case Table::Count: break;
        case Table::SourceFiles: {
            const auto& x = m_p.files[i];
            cells.insert(cells.end(), {id(i), text(x.path), text(x.sha256), integer(x.rows), integer(x.rejected)});
            break;
        }
        case Table::Territories: {
            const auto& x = m_p.territories[i];
            cells.insert(cells.end(), {id(i), text(x.key), text(x.name), text(x.code)});
            cells.push_back(x.outline.empty() ? Cell::null() : text(x.outline));
            break;
        }
        case Table::Editions: {
            const auto& x = m_p.editions[i];
            cells.insert(cells.end(), {id(i), integer(x.territory), integer(x.year)});
            break;
        }
        case Table::Sessions: {
            const auto& x = m_p.sessions[i];
            cells.insert(cells.end(), {id(i), integer(x.edition), text(x.key), text(x.name), text(model::key(x.kind)),
                                       text(x.method), text(date_of(i))});
            break;
        }
        case Table::Organisations: {
            const auto& x = m_p.organisations[i];
            cells.insert(cells.end(), {id(i), text(x.key), text(x.name), text(x.type), text(x.commune), text(x.siret)});
            point(x.place);
            break;
        }
        case Table::Registry: {
            const auto& x = m_p.registry[i];
            cells.insert(cells.end(), {id(i), optional(x.territory), text(x.name), text(x.type), text(x.commune),
                                       text(x.siret), text(x.source), optional(x.organisation), text(x.match)});
            point(x.place);
            break;
        }
        case Table::People: cells.insert(cells.end(), {id(i), text(m_p.people[i].pseudonym)}); break;
        case Table::PersonRecords:
            cells.insert(cells.end(), {id(i), text(m_p.records[i].pseudonym), optional(person_of(i))});
            break;
        case Table::PersonKeys: {
            const auto& x = m_p.person_keys[i];
            cells.insert(cells.end(), {integer(x.person), text(x.hash), integer(x.identifier ? 1 : 0), text(x.kind),
                                       integer(x.record)});
            break;
        }
        case Table::PersonIdentities: {
            const auto& x = m_p.identities[i];
            cells.insert(cells.end(), {integer(x.person), text(x.kind), text(x.value), integer(x.record)});
            break;
        }
        case Table::Attendances:
        case Table::Folded: {
            const auto& a = t == Table::Attendances ? m_p.attendances[i] : m_p.folded[i];
            if (t == Table::Attendances) cells.push_back(id(i));
            cells.insert(cells.end(), {integer(a.session), integer(a.person), optional(a.organisation), text(model::key(a.role)),
                                       optional(a.file), integer(a.line), optional(a.spelling), optional(a.record)});
            break;
        }
        case Table::Spellings: {
            const auto& x = m_p.spellings[i];
            cells.insert(cells.end(), {id(i), text(x.text), text(x.type), text(x.commune), text(x.siret),
                                       optional(x.territory), optional(x.organisation), integer(x.first_year),
                                       integer(x.last_year), integer(x.rows)});
            break;
        }
        case Table::Decisions: {
            const auto& d = m_p.decisions[i];
            cells.insert(cells.end(), {id(i), text(d.people ? "people" : "organisations"), text(d.first), text(d.second),
                                       text(verdict_text(d.verdict)), integer(d.year)});
            break;
        }
        case Table::Questions: {
            const auto& q = m_p.questions[i];
            cells.insert(cells.end(), {id(i), text(q.people ? "people" : "organisations"), text(q.first), text(q.second),
                                       Cell::of(q.score), text(q.evidence)});
            break;
        }
        }
    }

    /// Each record's person, from the rows and keys that name both (person_records.person_id).
    model::Id person_of(std::size_t record) {
        if (m_person_of.size() != m_p.records.size()) {
            m_person_of.assign(m_p.records.size(), model::no_id);
            auto note = [&](model::Id r, model::Id person) {
                if (r >= 0 && static_cast<std::size_t>(r) < m_person_of.size()) m_person_of[static_cast<std::size_t>(r)] = person;
            };
            for (const auto& k : m_p.person_keys) note(k.record, k.person);
            for (const auto& a : m_p.attendances) note(a.record, a.person);
        }
        return m_person_of[record];
    }

    /// Session i's date as the store writes it (YYYY-MM-DD, or empty).
    const std::string& date_of(std::size_t session) {
        if (m_dates.size() != m_p.sessions.size()) {
            m_dates.clear();
            for (const auto& s : m_p.sessions) m_dates.push_back(date_text(s.date));
        }
        return m_dates[session];
    }

private:
    const model::Project& m_p;
    std::vector<std::string> m_dates;
    std::vector<model::Id> m_person_of;
};

/// A row's FID not read (a hole in a table's ids), or read twice (two rows, one id): a table
/// with either is rewritten whole at the next save.
constexpr std::int64_t no_fid = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t twice_fid = no_fid + 1;

/// The table of that name.
Table table_named(std::string_view name) {
    for (std::size_t i = 0; i < table_count; ++i)
        if (name == schema()[i].name) return static_cast<Table>(i);
    return Table::Count;
}

/// Every table but maillage_meta (three rows, rewritten at each save), in schema() order.
constexpr Table data_tables[] = {Table::SourceFiles, Table::Territories, Table::Editions, Table::Sessions,
                                 Table::Organisations, Table::Registry, Table::People, Table::PersonRecords,
                                 Table::PersonKeys, Table::PersonIdentities, Table::Attendances, Table::Folded,
                                 Table::Spellings, Table::Decisions, Table::Questions};

/// What identity resolution writes (Store::save_identities), the attendances aside.
constexpr Table identity_tables[] = {Table::Organisations, Table::Registry, Table::Spellings, Table::Decisions,
                                     Table::Questions};

/// The tables written by OGR (they hold a geometry), and maillage_meta (three rows, rewritten).
bool through_ogr(Table t) {
    return t == Table::Meta || t == Table::Territories || t == Table::Organisations || t == Table::Registry;
}


/// A table read row by row: on a GeoPackage by SQLite itself (a prepared SELECT of the FID and
/// the schema's fields, in FID order: OGR's feature per row costs more than the row), else (and
/// for the tables with a geometry) by OGR. Fields are read by index, looked up once.
/// Values read as OGR reads them: NULL is 0 or "", and is told apart by set().
class Cursor {
public:
    /// Through SQLite: `db` is a GeoPackage connection, `fid` the table's FID column; rows whose
    /// FID is in [first, last) when `range`.
    Cursor(sqlite3* db, const TableDef& table, const std::string& fid, const std::string& location, core::Lang lang,
           std::optional<std::pair<std::int64_t, std::int64_t>> range = std::nullopt)
        : m_db(db), m_location(location), m_lang(lang) {
        std::string sql = "SELECT \"" + fid + "\"";
        for (const auto& f : table.fields) {
            sql += fmt::format(", \"{}\"", f.name);
            m_names.emplace_back(f.name);
        }
        sql += fmt::format(" FROM \"{}\"", table.name);
        if (range) sql += fmt::format(" WHERE \"{0}\" >= {1} AND \"{0}\" < {2}", fid, range->first, range->second);
        sql += fmt::format(" ORDER BY \"{}\"", fid);
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr) != SQLITE_OK) store_failed(location, lang, sqlite3_errmsg(db));
    }
    /// Through OGR: every feature of `layer` (its attribute filter kept), from the start.
    Cursor(OGRLayer* layer, const std::string& location, core::Lang lang) : m_layer(layer), m_location(location), m_lang(lang) {
        m_layer->ResetReading();
    }
    ~Cursor() {
        if (m_stmt) sqlite3_finalize(m_stmt);
        if (m_layer) m_layer->ResetReading(); // no cursor left open on the connection (see metas())
    }
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;

    /// The index of field `name` (-1 when the table has none).
    [[nodiscard]] int column(const char* name) const {
        if (m_layer) return m_layer->GetLayerDefn()->GetFieldIndex(name);
        for (std::size_t i = 0; i < m_names.size(); ++i)
            if (m_names[i] == name) return static_cast<int>(i);
        return -1;
    }
    /// The next row; false past the last. Throws FatalError when the database fails.
    bool next() {
        if (m_layer) {
            m_feature.reset(m_layer->GetNextFeature());
            return m_feature != nullptr;
        }
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) store_failed(m_location, m_lang, sqlite3_errmsg(m_db));
        return false;
    }
    [[nodiscard]] std::int64_t fid() const { return m_layer ? m_feature->GetFID() : sqlite3_column_int64(m_stmt, 0); }
    [[nodiscard]] bool set(int i) const {
        if (i < 0) return false;
        return m_layer ? m_feature->IsFieldSetAndNotNull(i) : sqlite3_column_type(m_stmt, i + 1) != SQLITE_NULL;
    }
    /// integer(i), or `none` when the field is NULL (one look at the type, for a 0 only).
    [[nodiscard]] model::Id id_or(int i, model::Id none) const {
        if (i < 0) return none;
        if (m_layer) return m_feature->IsFieldSetAndNotNull(i) ? static_cast<model::Id>(m_feature->GetFieldAsInteger(i)) : none;
        const int v = sqlite3_column_int(m_stmt, i + 1);
        return v == 0 && sqlite3_column_type(m_stmt, i + 1) == SQLITE_NULL ? none : static_cast<model::Id>(v);
    }
    [[nodiscard]] std::int64_t int64(int i) const {
        if (i < 0) return 0;
        return m_layer ? m_feature->GetFieldAsInteger64(i) : sqlite3_column_int64(m_stmt, i + 1);
    }
    [[nodiscard]] int integer(int i) const {
        if (i < 0) return 0;
        return m_layer ? m_feature->GetFieldAsInteger(i) : sqlite3_column_int(m_stmt, i + 1);
    }
    [[nodiscard]] double real(int i) const {
        if (i < 0) return 0;
        return m_layer ? m_feature->GetFieldAsDouble(i) : sqlite3_column_double(m_stmt, i + 1);
    }
    [[nodiscard]] std::string text(int i) const {
        if (i < 0) return {};
        if (m_layer) return m_feature->GetFieldAsString(i);
        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i + 1));
        return t ? std::string(t, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i + 1))) : std::string();
    }
    /// text(i) without a copy, valid until next().
    [[nodiscard]] std::string_view text_view(int i) {
        if (i < 0) return {};
        if (m_layer) return m_feature->GetFieldAsString(i);
        const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i + 1));
        return t ? std::string_view(t, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i + 1))) : std::string_view();
    }
    /// By name (the small tables).
    [[nodiscard]] std::string text(const char* name) const { return text(column(name)); }
    [[nodiscard]] int integer(const char* name) const { return integer(column(name)); }
    [[nodiscard]] std::int64_t int64(const char* name) const { return int64(column(name)); }
    [[nodiscard]] bool set(const char* name) const { return set(column(name)); }
    /// The OGR feature (tables with a geometry); null through SQLite.
    [[nodiscard]] OGRFeature* feature() const { return m_feature.get(); }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    OGRLayer* m_layer = nullptr;
    std::unique_ptr<OGRFeature> m_feature;
    std::vector<std::string> m_names;
    const std::string& m_location;
    core::Lang m_lang;
};

/// A read-only SQLite connection of its own to a GeoPackage (a thread's). Throws FatalError.
struct SqliteReader {
    sqlite3* db = nullptr;
    SqliteReader(const std::string& location, core::Lang lang) {
        if (sqlite3_open_v2(location.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            const std::string why = db ? sqlite3_errmsg(db) : "sqlite3_open_v2";
            sqlite3_close(db);
            store_failed(location, lang, why);
        }
        // pages read straight from the file's mapping, not copied into SQLite's cache
        sqlite3_exec(db, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
    }
    ~SqliteReader() { sqlite3_close(db); }
    SqliteReader(const SqliteReader&) = delete;
    SqliteReader& operator=(const SqliteReader&) = delete;
};

} // namespace

struct Store::Impl {
    std::string location;
    core::Lang lang = core::Lang::Fr;
    GDALDataset* ds = nullptr;
    bool writable = true;
    /// The store's revision when load() read it (maillage_meta "revision", one more at every
    /// save): a save finds another writer's work since then and refuses to overwrite it.
    mutable long long revision = 0;
    mutable bool loaded = false;
    /// What the store holds of each table (GeoPackage, writable): known after load() and after
    /// each save, so that a save writes only what changed (table_writer.hpp).
    mutable std::vector<TableState> states = std::vector<TableState>(table_count);
    ~Impl() {
        if (ds) GDALClose(ds);
    }

    [[noreturn]] void fail(const std::string& why) const { store_failed(location, lang, why); }

    /// The GeoPackage's SQLite connection, GDAL's own (its transactions are this connection's):
    /// the large tables are written through it. Null for PostgreSQL.
    [[nodiscard]] sqlite3* sqlite() const {
        if (is_postgres(location) || ds == nullptr) return nullptr;
        return static_cast<sqlite3*>(ds->GetInternalHandle("SQLITE_HANDLE"));
    }
    /// A refusal in maillage's own words, without the "unusable store" preamble.
    [[noreturn]] void refuse(const std::string& message) const {
        throw FatalError(core::render_error(redact(location), message, lang));
    }
    void need_writable() const {
        if (!writable) refuse(std::string(core::message(Msg::StoreReadOnly, lang)));
    }

    /// The memo as the store holds it, once read or written (nullopt: not known).
    mutable std::optional<std::string> memo;

    /// The store's memo into `p` (none when the table is missing).
    void read_memo(model::Project& p) const {
        memo = std::string();
        OGRLayer* l = ds->GetLayerByName(memo_table);
        if (!l) return;
        l->ResetReading();
        for (auto& f : *l)
            if (std::string_view(f->GetFieldAsString("key")) == "organisations") *memo = f->GetFieldAsString("memo");
        l->ResetReading();
        p.organisation_memo = *memo;
    }

    /// `p`'s memo into the store when it is not what the store holds (inside the caller's
    /// transaction); the table is made on first use. The caller sets `memo` once committed.
    void write_memo(const model::Project& p) {
        if (memo && *memo == p.organisation_memo) return;
        OGRLayer* l = ds->GetLayerByName(memo_table);
        if (!l) {
            if (p.organisation_memo.empty()) return;
            CPLStringList options;
            if (!is_postgres(location)) options.SetNameValue("ASPATIAL_VARIANT", "GPKG_ATTRIBUTES");
            l = ds->CreateLayer(memo_table, nullptr, wkbNone, options.List());
            if (!l) fail(gdal_error());
            for (const char* name : {"key", "memo"}) {
                OGRFieldDefn field(name, OFTString);
                if (l->CreateField(&field) != OGRERR_NONE) fail(gdal_error());
            }
        }
        std::vector<GIntBig> old;
        l->ResetReading();
        for (auto& f : *l) old.push_back(f->GetFID());
        l->ResetReading();
        for (const GIntBig fid : old)
            if (l->DeleteFeature(fid) != OGRERR_NONE) fail(gdal_error());
        if (p.organisation_memo.empty()) return;
        OGRFeature f(l->GetLayerDefn());
        f.SetField("key", "organisations");
        f.SetField("memo", p.organisation_memo.c_str());
        insert(l, f);
    }

    /// First statement of every writing transaction: takes the write lock at once (a second
    /// writer waits here, or gets "locked"), moves the revision on, and refuses when another
    /// command saved since this one loaded (its work would be overwritten: a lost update).
    /// Returns the new revision. The caller holds the transaction and rolls it back on throw.
    long long advance_revision() {
        ds->ExecuteSQL("UPDATE maillage_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'",
                       nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
        const std::string now = meta("revision");
        if (now.empty()) return revision + 1; // a store written before revisions were kept
        const long long value = std::atoll(now.c_str());
        if (loaded && value != revision + 1) refuse(std::string(core::message(Msg::StoreChangedMeanwhile, lang)));
        return value;
    }

    /// Empties the cache of reshuffles (null_draws, when the store has one): what was drawn from
    /// the attendances being replaced. Inside the caller's transaction.
    void drop_draws() {
        if (!ds->GetLayerByName(draws_table)) return;
        ds->ExecuteSQL((std::string("DELETE FROM ") + draws_table).c_str(), nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
    }

    OGRLayer* layer(const char* name) const {
        OGRLayer* l = ds->GetLayerByName(name);
        if (!l) refuse(core::tr(lang, Msg::StoreMissingTable, name));
        return l;
    }

    /// A cursor over table `name` from its first row: by SQLite on a GeoPackage (GDAL's own
    /// connection) for a table without geometry, else by OGR.
    std::unique_ptr<Cursor> cursor(const char* name) const {
        OGRLayer* l = layer(name);
        const Table t = table_named(name);
        if (sqlite3* db = sqlite(); db != nullptr && t != Table::Count && def(t).geometry == wkbNone)
            return std::make_unique<Cursor>(db, def(t), l->GetFIDColumn(), location, lang);
        return std::make_unique<Cursor>(l, location, lang);
    }

    void ensure_tables() {
        for (const auto& table : schema()) {
            if (ds->GetLayerByName(table.name)) continue;
            CPLStringList options;
            OGRSpatialReference lambert93;
            lambert93.importFromEPSG(2154);
            lambert93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            if (table.geometry == wkbNone) {
                if (!is_postgres(location)) options.SetNameValue("ASPATIAL_VARIANT", "GPKG_ATTRIBUTES");
            } else {
                options.SetNameValue("GEOMETRY_NAME", "geom");
                options.SetNameValue("SPATIAL_INDEX", "YES");
            }
            OGRLayer* l = ds->CreateLayer(table.name, table.geometry == wkbNone ? nullptr : &lambert93,
                                          table.geometry, options.List());
            if (!l) fail(gdal_error());
            for (const auto& f : table.fields) {
                OGRFieldDefn def(f.name, f.type);
                if (l->CreateField(&def) != OGRERR_NONE) fail(gdal_error());
            }
            // GDAL creates a GeoPackage table when it first writes to it, and maillage writes
            // most tables through SQLite itself (table_writer.hpp): made now
            if (!is_postgres(location) && l->SyncToDisk() != OGRERR_NONE) fail(gdal_error());
            // each attendance's organisation is updated from its spelling (save_identities):
            // by index, or the UPDATE scans the spellings once per attendance
            if (std::string_view(table.name) == "organisation_spellings") {
                ds->ExecuteSQL("CREATE INDEX organisation_spellings_id ON organisation_spellings (spelling_id)", nullptr, nullptr);
                if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
            }
        }
    }

    static const char* verdict_key(model::Verdict v) {
        return v == model::Verdict::Same ? "same" : v == model::Verdict::Different ? "different" : "renamed";
    }

    /// The identity tables into `p`; each row's FID into `fids` (by table) when not null.
    void load_identities(model::Project& p, std::vector<std::vector<std::int64_t>>* fids) const {
        auto fid_at = [&](Table t, std::size_t i, std::int64_t fid) {
            if (!fids) return;
            auto& v = (*fids)[index_of(t)];
            if (v.size() <= i) v.resize(i + 1, no_fid);
            v[i] = v[i] == no_fid ? fid : twice_fid; // two rows, one id: not a state a save can follow
        };
        {
            // (no GetFeatureCount here: on this update connection it writes counts into the file)
            const auto c = cursor("organisation_spellings");
            const int spelling = c->column("spelling_id"), text = c->column("text"), type = c->column("type"),
                      commune = c->column("commune"), siret = c->column("siret"), territory = c->column("territory_id"),
                      organisation = c->column("organisation_id"), first_year = c->column("first_year"),
                      last_year = c->column("last_year"), rows = c->column("rows");
            while (c->next()) {
                const int id = c->integer(spelling);
                if (id < 0 || id >= (1 << 26)) fail(fmt::format("organisation_spellings: spelling_id {}", id));
                const auto i = static_cast<std::size_t>(id);
                if (p.spellings.size() <= i) p.spellings.resize(i + 1);
                fid_at(Table::Spellings, i, c->fid());
                auto& x = p.spellings[i];
                x.text = c->text(text);
                x.type = c->text(type);
                x.commune = c->text(commune);
                x.siret = c->text(siret);
                x.territory = c->id_or(territory, model::no_id);
                x.organisation = c->id_or(organisation, model::no_id);
                x.first_year = c->integer(first_year);
                x.last_year = c->integer(last_year);
                x.rows = c->int64(rows);
            }
        }
        // The decisions and the questions, each table in the order of its own id (rows put back
        // in another order by hand keep their meaning), their FIDs kept for the next save.
        auto in_id_order = [&](const char* name, const char* id, Table t, auto& into, auto make) {
            std::vector<std::tuple<int, std::int64_t, typename std::decay_t<decltype(into)>::value_type>> rows;
            const auto c = cursor(name);
            while (c->next()) rows.emplace_back(c->integer(id), c->fid(), make(*c));
            std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
            for (auto& [order, fid, x] : rows) {
                fid_at(t, into.size(), fid);
                into.push_back(std::move(x));
            }
        };
        in_id_order("identity_decisions", "decision_id", Table::Decisions, p.decisions, [](const Cursor& c) {
            model::IdentityDecision d;
            d.people = c.text("about") == "people";
            d.first = c.text("first");
            d.second = c.text("second");
            const std::string v = c.text("verdict");
            d.verdict = v == "different" ? model::Verdict::Different : v == "renamed" ? model::Verdict::Renamed : model::Verdict::Same;
            d.year = c.integer("year");
            return d;
        });
        in_id_order("identity_questions", "question_id", Table::Questions, p.questions, [](const Cursor& c) {
            model::IdentityQuestion q;
            q.people = c.text("about") == "people";
            q.first = c.text("first");
            q.second = c.text("second");
            q.score = c.real(c.column("score"));
            q.evidence = c.text("evidence");
            return q;
        });
    }

    /// A store edited by hand (QGIS) may point nowhere: refuse it, naming the table, the row,
    /// the field and the value, rather than read past the end of a vector.
    /// `unread`: the row counts of person_records and organisation_spellings when they were not
    /// read (ReadOptions::resolution), which the attendances' references are checked against.
    void check_references(const model::Project& p, std::optional<std::pair<std::size_t, std::size_t>> unread = std::nullopt) const {
        auto bad = [&](const char* table, std::size_t row, const char* field, model::Id value, const char* target) {
            refuse(core::tr(lang, Msg::StoreBadReference, table, row, field, value, target));
        };
        auto in = [](model::Id id, std::size_t n) { return id >= 0 && static_cast<std::size_t>(id) < n; };
        auto in_or_none = [&](model::Id id, std::size_t n) { return id == model::no_id || in(id, n); };
        const std::size_t territories = p.territories.size(), editions = p.editions.size(), sessions = p.sessions.size(),
                          organisations = p.organisations.size(), people = p.people.size(),
                          records = unread ? unread->first : p.records.size(), files = p.files.size(),
                          spellings = unread ? unread->second : p.spellings.size();
        for (std::size_t i = 0; i < p.editions.size(); ++i)
            if (!in(p.editions[i].territory, territories)) bad("editions", i, "territory_id", p.editions[i].territory, "territories");
        for (std::size_t i = 0; i < p.sessions.size(); ++i)
            if (!in(p.sessions[i].edition, editions)) bad("sessions", i, "edition_id", p.sessions[i].edition, "editions");
        for (std::size_t i = 0; i < p.spellings.size(); ++i) {
            if (!in_or_none(p.spellings[i].territory, territories))
                bad("organisation_spellings", i, "territory_id", p.spellings[i].territory, "territories");
            if (!in_or_none(p.spellings[i].organisation, organisations))
                bad("organisation_spellings", i, "organisation_id", p.spellings[i].organisation, "organisations");
        }
        auto attendance = [&](const char* table, std::size_t i, const model::Attendance& a) {
            if (!in(a.session, sessions)) bad(table, i, "session_id", a.session, "sessions");
            if (!(a.person == model::no_id && table == std::string_view("folded_attendances")) && !in(a.person, people))
                bad(table, i, "person_id", a.person, "people");
            if (!in_or_none(a.organisation, organisations)) bad(table, i, "organisation_id", a.organisation, "organisations");
            if (!in_or_none(a.file, files)) bad(table, i, "file_id", a.file, "source_files");
            if (!in_or_none(a.spelling, spellings)) bad(table, i, "spelling_id", a.spelling, "organisation_spellings");
            if (!in_or_none(a.record, records)) bad(table, i, "record_id", a.record, "person_records");
        };
        for (std::size_t i = 0; i < p.attendances.size(); ++i) attendance("attendances", i, p.attendances[i]);
        for (std::size_t i = 0; i < p.folded.size(); ++i) attendance("folded_attendances", i, p.folded[i]);
        for (std::size_t i = 0; i < p.person_keys.size(); ++i) {
            if (!in(p.person_keys[i].person, people)) bad("person_keys", i, "person_id", p.person_keys[i].person, "people");
            if (!in_or_none(p.person_keys[i].record, records)) bad("person_keys", i, "record_id", p.person_keys[i].record, "person_records");
        }
        for (std::size_t i = 0; i < p.identities.size(); ++i) {
            if (!in(p.identities[i].person, people)) bad("person_identities", i, "person_id", p.identities[i].person, "people");
            if (!in_or_none(p.identities[i].record, records))
                bad("person_identities", i, "record_id", p.identities[i].record, "person_records");
        }
        for (std::size_t i = 0; i < p.registry.size(); ++i) {
            if (!in_or_none(p.registry[i].organisation, organisations))
                bad("registry", i, "organisation_id", p.registry[i].organisation, "organisations");
            if (!in_or_none(p.registry[i].territory, territories)) bad("registry", i, "territory_id", p.registry[i].territory, "territories");
        }
    }

    void clear(const char* table) {
        const std::string sql = std::string("DELETE FROM ") + table;
        ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
    }
    void insert(OGRLayer* l, OGRFeature& f) {
        if (l->CreateFeature(&f) != OGRERR_NONE) fail(gdal_error());
    }

    void write_organisations(const model::Project& p) {
        OGRLayer* l = layer("organisations");
        for (std::size_t i = 0; i < p.organisations.size(); ++i) {
            const auto& x = p.organisations[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("organisation_id", static_cast<int>(i));
            f.SetField("key", x.key.c_str());
            f.SetField("name", x.name.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            set_point(f, x.place);
            insert(l, f);
        }
    }

    void write_registry(const model::Project& p) {
        OGRLayer* l = layer("registry");
        for (std::size_t i = 0; i < p.registry.size(); ++i) {
            const auto& x = p.registry[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("registry_id", static_cast<int>(i));
            if (x.territory != model::no_id) f.SetField("territory_id", x.territory);
            f.SetField("name", x.name.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            f.SetField("source", x.source.c_str());
            if (x.organisation != model::no_id) f.SetField("organisation_id", x.organisation);
            f.SetField("match", x.match.c_str());
            set_point(f, x.place);
            insert(l, f);
        }
    }

    /// Row `i` of a table written by OGR (territories, organisations, registry) into `f`.
    static void set_feature(Table t, const model::Project& p, std::size_t i, OGRFeature& f) {
        if (t == Table::Territories) {
            const auto& x = p.territories[i];
            f.SetField("territory_id", static_cast<int>(i));
            f.SetField("key", x.key.c_str());
            f.SetField("name", x.name.c_str());
            f.SetField("code", x.code.c_str());
            set_wkb(f, x.outline);
        } else if (t == Table::Organisations) {
            const auto& x = p.organisations[i];
            f.SetField("organisation_id", static_cast<int>(i));
            f.SetField("key", x.key.c_str());
            f.SetField("name", x.name.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            set_point(f, x.place);
        } else if (t == Table::Registry) {
            const auto& x = p.registry[i];
            f.SetField("registry_id", static_cast<int>(i));
            if (x.territory != model::no_id) f.SetField("territory_id", x.territory);
            f.SetField("name", x.name.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            f.SetField("source", x.source.c_str());
            if (x.organisation != model::no_id) f.SetField("organisation_id", x.organisation);
            f.SetField("match", x.match.c_str());
            set_point(f, x.place);
        }
    }

    /// A table with a geometry written by OGR as a difference with `state`: a changed row is
    /// deleted and inserted again (GDAL keeps the spatial index and the counts), new rows
    /// inserted, rows beyond the project's deleted; an unknown state rewrites the table.
    TableState write_ogr(Table t, const model::Project& p, Rows& rows, const TableState& state) {
        OGRLayer* l = layer(def(t).name);
        TableState next;
        next.known = true;
        const std::size_t count = rows.count(t);
        next.digests.resize(count);
        next.fids.resize(count);
        if (!state.known) clear(def(t).name);
        const std::size_t kept = state.known ? std::min(count, state.digests.size()) : 0;
        std::vector<Cell> cells;
        for (std::size_t i = 0; i < count; ++i) {
            cells.clear();
            rows.fill(t, i, cells);
            next.digests[i] = tables::digest(cells);
            if (i < kept && next.digests[i] == state.digests[i]) {
                next.fids[i] = state.fids[i];
                continue;
            }
            if (i < kept && l->DeleteFeature(state.fids[i]) != OGRERR_NONE) fail(gdal_error());
            OGRFeature f(l->GetLayerDefn());
            set_feature(t, p, i, f);
            insert(l, f);
            next.fids[i] = f.GetFID();
        }
        if (state.known)
            for (std::size_t i = count; i < state.fids.size(); ++i)
                if (l->DeleteFeature(state.fids[i]) != OGRERR_NONE) fail(gdal_error());
        return next;
    }

    /// The given tables written as differences with what the store holds (GeoPackage only:
    /// `db` is its connection; the caller holds the transaction). Returns the tables' new
    /// states, to be kept once the transaction is committed.
    std::vector<TableState> write_tables(sqlite3* db, const model::Project& p, std::span<const Table> which) {
        std::vector<TableState> next(table_count);
        Rows rows(p);
        bool counted = false;
        {
            sqlite3_stmt* s = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_ogr_contents'", -1, &s,
                                   nullptr) != SQLITE_OK)
                fail(sqlite3_errmsg(db));
            counted = sqlite3_step(s) == SQLITE_ROW;
            sqlite3_finalize(s);
        }
        // GDAL's date for GeoPackage timestamps (OGR_CURRENT_DATE fixes it, as for GDAL's own writes)
        const char* fixed = CPLGetConfigOption("OGR_CURRENT_DATE", nullptr);
        const std::string now = fixed != nullptr ? tables::literal(fixed) : "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
        // the attendances' digests (the largest table) made on a thread of their own while the
        // tables before them are written; only for a difference with a known state
        std::future<std::vector<std::uint64_t>> attendance_digests;
        if (std::find(which.begin(), which.end(), Table::Attendances) != which.end() && states[index_of(Table::Attendances)].known)
            attendance_digests = std::async(std::launch::async, [&p] {
                Rows own(p);
                std::vector<std::uint64_t> out(own.count(Table::Attendances));
                std::vector<Cell> cells;
                for (std::size_t i = 0; i < out.size(); ++i) {
                    cells.clear();
                    own.fill(Table::Attendances, i, cells);
                    out[i] = tables::digest(cells);
                }
                return out;
            });
        for (const Table t : which) {
            const std::size_t at = index_of(t);
            if (through_ogr(t)) {
                next[at] = write_ogr(t, p, rows, states[at]);
                continue;
            }
            OGRLayer* l = layer(def(t).name);
            std::vector<std::string> columns;
            for (const auto& f : def(t).fields) columns.emplace_back(f.name);
            tables::SqliteTable table(db, def(t).name, l->GetFIDColumn(), std::move(columns), counted, now);
            TableChanges changes;
            std::vector<std::uint64_t> digested;
            if (t == Table::Attendances && attendance_digests.valid()) digested = attendance_digests.get();
            next[at] = table.write(states[at], rows.count(t),
                                   [&](std::size_t i, std::vector<Cell>& cells) { rows.fill(t, i, cells); }, changes,
                                   digested.empty() ? nullptr : &digested);
        }
        return next;
    }

    /// Every table deleted and written again through OGR (PostgreSQL; the caller holds the
    /// transaction). `write_meta` writes maillage_meta's rows.
    void save_all(const model::Project& p, const std::function<void()>& write_meta);

    /// What the store holds once load() read `p`: each table's rows with their FIDs and
    /// digests. A table whose FIDs are not one per row stays unknown (rewritten at the next save).
    void remember(const model::Project& p, const std::vector<std::vector<std::int64_t>>& fids) const {
        auto state_of = [&](Table t, Rows& rows) {
            TableState state;
            const auto& v = fids[index_of(t)];
            const std::size_t count = rows.count(t);
            if (v.size() != count || std::any_of(v.begin(), v.end(), [](std::int64_t f) { return f == no_fid || f == twice_fid; }))
                return state;
            state.known = true;
            state.fids = v;
            state.digests.resize(count);
            std::vector<Cell> cells;
            for (std::size_t i = 0; i < count; ++i) {
                cells.clear();
                rows.fill(t, i, cells);
                state.digests[i] = tables::digest(cells);
            }
            return state;
        };
        // the attendances (the largest table) on a thread of their own
        auto attendances = std::async(std::launch::async, [&] {
            Rows rows(p);
            return state_of(Table::Attendances, rows);
        });
        Rows rows(p);
        for (const Table t : data_tables)
            if (t != Table::Attendances) states[index_of(t)] = state_of(t, rows);
        states[index_of(Table::Attendances)] = attendances.get();
    }

    /// After a commit: the written tables' states become what the store holds.
    void keep(std::vector<TableState>& next, std::span<const Table> which) const {
        for (const Table t : which) states[index_of(t)] = std::move(next[index_of(t)]);
    }

    /// The spellings, decisions and questions (the caller holds the transaction).
    void write_identities(const model::Project& p) {
        for (const char* t : {"organisation_spellings", "identity_decisions", "identity_questions"}) clear(t);
        OGRLayer* l = layer("organisation_spellings");
        for (std::size_t i = 0; i < p.spellings.size(); ++i) {
            const auto& x = p.spellings[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("spelling_id", static_cast<int>(i));
            f.SetField("text", x.text.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            if (x.territory != model::no_id) f.SetField("territory_id", x.territory);
            if (x.organisation != model::no_id) f.SetField("organisation_id", x.organisation);
            f.SetField("first_year", x.first_year);
            f.SetField("last_year", x.last_year);
            f.SetField("rows", static_cast<GIntBig>(x.rows));
            insert(l, f);
        }
        l = layer("identity_decisions");
        for (std::size_t i = 0; i < p.decisions.size(); ++i) {
            const auto& d = p.decisions[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("decision_id", static_cast<int>(i));
            f.SetField("about", d.people ? "people" : "organisations");
            f.SetField("first", d.first.c_str());
            f.SetField("second", d.second.c_str());
            f.SetField("verdict", verdict_key(d.verdict));
            f.SetField("year", d.year);
            insert(l, f);
        }
        l = layer("identity_questions");
        for (std::size_t i = 0; i < p.questions.size(); ++i) {
            const auto& q = p.questions[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("question_id", static_cast<int>(i));
            f.SetField("about", q.people ? "people" : "organisations");
            f.SetField("first", q.first.c_str());
            f.SetField("second", q.second.c_str());
            f.SetField("score", q.score);
            f.SetField("evidence", q.evidence.c_str());
            insert(l, f);
        }
    }

    /// The settings of maillage_meta, key → value.
    std::map<std::string, std::string> metas() const {
        OGRLayer* l = layer("maillage_meta");
        l->ResetReading();
        std::map<std::string, std::string> values;
        for (auto& f : *l) values[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
        // read to the end, then reset: on PostgreSQL an open cursor keeps GDAL's implicit
        // transaction open, and save()'s transaction would become a mere savepoint inside it
        // (committed by nothing: a later error rolls the whole save back)
        l->ResetReading();
        return values;
    }
    std::string meta(const std::string& key) const {
        const auto values = metas();
        const auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    }
};

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::location() const { return m_impl->location; }

Store Store::open(const std::string& location, bool create, core::Lang lang) {
    return open_as(location, create ? Mode::Create : Mode::Write, lang);
}

Store Store::open_read_only(const std::string& location, core::Lang lang) { return open_as(location, Mode::Read, lang); }

model::Project Store::read(const std::string& location, core::Lang lang, const ReadOptions& parts) {
    return open_read_only(location, lang).load(parts);
}

Store Store::open_as(const std::string& location, Mode mode, core::Lang lang) {
    detail::ensure_gdal();
    auto impl = std::make_unique<Impl>();
    impl->location = location;
    impl->lang = lang;
    impl->writable = mode != Mode::Read;
    QuietGdal quiet;
    const bool pg = is_postgres(location);
    const char* drivers[] = {pg ? "PostgreSQL" : "GPKG", nullptr};
    std::error_code ec;
    bool fresh = false;
    if (!pg && std::filesystem::is_directory(location, ec)) impl->refuse(std::string(core::message(Msg::FileIsFolder, lang)));
    // an empty file (made by `touch`, or by a program that reserved the name) is a new store
    if (!pg && mode == Mode::Create && std::filesystem::is_regular_file(location, ec) &&
        std::filesystem::file_size(location, ec) == 0)
        std::filesystem::remove(location, ec);
    if (!pg && mode != Mode::Read && std::filesystem::exists(location, ec)) {
        // SQLite writes a journal next to the file: both must be writable
        const auto folder = std::filesystem::absolute(location, ec).parent_path();
        if (::access(location.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0)
            impl->refuse(std::string(core::message(Msg::StoreReadOnly, lang)));
    }
    if (!pg && !std::filesystem::exists(location, ec)) {
        if (mode != Mode::Create) impl->fail(std::string(core::message(Msg::FileNotFound, lang)));
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        impl->ds = driver ? driver->Create(location.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
        if (!impl->ds) impl->fail(gdal_error());
        fresh = true;
    } else {
        // A writer killed mid-transaction leaves a hot journal, which only a connection that may
        // write can roll back (SQLite does it on the first read): recover the store first, so
        // that reading commands see it as it was before the killed transaction.
        if (!pg && mode == Mode::Read && ::access(location.c_str(), W_OK) == 0 &&
            (std::filesystem::file_size(location + "-journal", ec) > 0 || std::filesystem::exists(location + "-wal", ec))) {
            detail::DatasetPtr recover(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
            if (recover) (void)recover->GetLayerByName("maillage_meta");
        }
        // Look before touching: a read-only connection first, so that a file maillage did not
        // make is refused byte for byte unchanged (GDAL's update mode writes into a GeoPackage).
        detail::DatasetPtr probe(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
        if (!probe) {
            const std::string why = CPLGetLastErrorMsg();
            if (why.empty() || why.find("not recognized as") != std::string::npos)
                impl->refuse(std::string(core::message(Msg::StoreNotAStore, lang)));
            impl->fail(why);
        }
        if (!probe->GetLayerByName("maillage_meta")) {
            if (mode != Mode::Create) impl->refuse(std::string(core::message(Msg::StoreNotAStore, lang)));
            // a new, empty GeoPackage is welcome; one with layers is someone's work
            std::vector<std::string> theirs;
            if (pg) {
                for (const auto& table : schema())
                    if (probe->GetLayerByName(table.name)) theirs.emplace_back(table.name);
            } else {
                for (int i = 0; i < probe->GetLayerCount(); ++i) theirs.emplace_back(probe->GetLayer(i)->GetName());
            }
            if (!theirs.empty()) {
                std::string names;
                for (std::size_t i = 0; i < theirs.size() && i < 5; ++i) names += (i ? ", " : "") + theirs[i];
                if (theirs.size() > 5) names += ", …";
                impl->refuse(core::tr(lang, Msg::StoreForeign, redact(location), names));
            }
            fresh = true;
        }
        probe.reset();
        impl->ds = GDALDataset::Open(location.c_str(),
                                     GDAL_OF_VECTOR | (mode == Mode::Read ? GDAL_OF_READONLY : GDAL_OF_UPDATE), drivers,
                                     nullptr, nullptr);
        if (!impl->ds) {
            const std::string why = CPLGetLastErrorMsg();
            impl->fail(why.empty() ? std::string(core::message(Msg::StoreNotAStore, lang)) : why);
        }
    }
    if (fresh) {
        if (impl->ds->StartTransaction(FALSE) != OGRERR_NONE) impl->fail(gdal_error());
        impl->ensure_tables();
        OGRLayer* meta = impl->layer("maillage_meta");
        OGRFeature f(meta->GetLayerDefn());
        f.SetField("key", "schema_version");
        f.SetField("value", std::to_string(schema_version).c_str());
        if (meta->CreateFeature(&f) != OGRERR_NONE) impl->fail(gdal_error());
        OGRFeature r(meta->GetLayerDefn());
        r.SetField("key", "revision");
        r.SetField("value", "0");
        if (meta->CreateFeature(&r) != OGRERR_NONE) impl->fail(gdal_error());
        if (impl->ds->CommitTransaction() != OGRERR_NONE) impl->fail(gdal_error());
    } else {
        const std::string version = impl->meta("schema_version");
        if (version != std::to_string(schema_version))
            impl->fail(core::tr(lang, Msg::StoreWrongVersion, version, schema_version));
        // a store of this version has every table: one missing was dropped by hand, and is not
        // made again empty (that would hide the loss)
        for (const auto& table : schema()) (void)impl->layer(table.name);
    }
    return Store(std::move(impl));
}

std::vector<std::string> Store::integrity_faults() const {
    std::vector<std::string> faults;
    if (is_postgres(m_impl->location)) return faults;
    QuietGdal quiet;
    OGRLayer* rows = m_impl->ds->ExecuteSQL("PRAGMA integrity_check", nullptr, nullptr);
    if (!rows) m_impl->fail(gdal_error());
    for (auto& f : *rows) {
        // SQLite may put every fault of a table in one row, a line each
        const std::string text = f->GetFieldAsString(0);
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            const std::string line = text.substr(start, end - start);
            if (!line.empty() && line != "ok" && line.rfind("*** in database", 0) != 0) faults.push_back(line);
            start = end + 1;
        }
    }
    m_impl->ds->ReleaseResultSet(rows);
    return faults;
}

namespace {

/// A part of the attendances table (the largest: one row per person per session), the rows
/// whose FID is in [first, last), read on a connection of its own so that two threads read the
/// table while load() reads the others: each GDALDataset is used by one thread only, as GDAL
/// requires. A row goes to `into[attendance_id]` (the threads write apart: no two rows have the
/// same id), or, past the end of `into`, to the rows returned.
using Dataset = std::unique_ptr<GDALDataset, detail::DatasetCloser>;

/// A read-only connection to the store (a GeoPackage connection that writes nothing, not even
/// feature counts, where the update connection of Store::open might).
Dataset read_only(const std::string& location, core::Lang lang) {
    const char* drivers[] = {is_postgres(location) ? "PostgreSQL" : "GPKG", nullptr};
    Dataset ds(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) store_failed(location, lang, gdal_error());
    return ds;
}

/// The number of rows of `table`, counted by the database (not a cached count).
GIntBig count_rows(GDALDataset& ds, const char* table, const std::string& location, core::Lang lang) {
    const std::string sql = fmt::format("SELECT COUNT(*) FROM \"{}\"", table);
    OGRLayer* rows = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!rows) store_failed(location, lang, gdal_error());
    GIntBig n = 0;
    if (const std::unique_ptr<OGRFeature> f(rows->GetNextFeature()); f) n = f->GetFieldAsInteger64(0);
    ds.ReleaseResultSet(rows);
    return n;
}

/// A reference present in a row but empty (NULL) where the schema requires one: never a valid
/// id, and distinct from no_id (an optional reference left empty); check_references names it.
constexpr model::Id absent_reference = -2;

/// Ids beyond a table's count by a little mean a row below is missing (named by its id); far
/// beyond (a hand-typed 2000000000) they are refused before any memory is given to them.
constexpr std::uint64_t id_limit(std::size_t rows) { return 2 * static_cast<std::uint64_t>(rows) + 1024; }

[[noreturn]] void bad_id(const std::string& location, core::Lang lang, const char* table, const char* field,
                         const std::string& value, std::size_t rows) {
    throw FatalError(core::render_error(redact(location), core::tr(lang, Msg::StoreBadId, table, field, value, rows), lang));
}

[[noreturn]] void missing_row(const std::string& location, core::Lang lang, const char* table, const char* field, std::size_t id) {
    throw FatalError(core::render_error(redact(location), core::tr(lang, Msg::StoreMissingRow, table, field, id), lang));
}

/// The ids of a table whose rows are numbered 0..n-1 (n counted by the database): each present
/// once; a row deleted by hand is named by the id that is missing.
struct DenseIds {
    const std::string& location;
    core::Lang lang;
    const char* table;
    const char* field;
    std::size_t rows;
    std::vector<char> seen = std::vector<char>(rows, 0);

    /// The index feature `f` names in field `i`, or a located refusal.
    std::size_t take(const Cursor& c, int i) {
        const bool set = c.set(i);
        const GIntBig id = set ? c.int64(i) : -1;
        if (id < 0 || static_cast<std::uint64_t>(id) >= id_limit(rows)) bad_id(location, lang, table, field, set ? std::to_string(id) : "NULL", rows);
        const auto at = static_cast<std::size_t>(id);
        if (at >= seen.size()) seen.resize(at + 1, 0);
        if (seen[at]) bad_id(location, lang, table, field, std::to_string(id), rows);
        seen[at] = 1;
        return at;
    }
    void finish() const {
        for (std::size_t i = 0; i < seen.size(); ++i)
            if (!seen[i]) missing_row(location, lang, table, field, i);
    }
};

/// Reads the attendances of `rows` (a cursor on the attendances table, or a part of it by FID)
/// into `into[attendance_id]` (sized to the table's row count by the caller; the threads write
/// apart). An id that is empty or beyond the table, or a row without its session or person, is
/// refused: a store edited by hand.
std::vector<std::size_t> read_attendances(const std::string& location, core::Lang lang, Cursor& rows,
                                          std::vector<model::Attendance>& into, std::vector<std::int64_t>* fids) {
    std::vector<std::size_t> beyond; // ids past the count: some row below is missing
    const int id = rows.column("attendance_id"), session = rows.column("session_id"), person = rows.column("person_id"),
              organisation = rows.column("organisation_id"), role = rows.column("role"), file = rows.column("file_id"),
              line = rows.column("line"), spelling = rows.column("spelling_id"), record = rows.column("record_id");
    auto id_or_none_at = [&](int i) { return rows.id_or(i, model::no_id); };
    model::Attendance a;
    while (rows.next()) {
        const GIntBig at = rows.set(id) ? rows.int64(id) : -1;
        if (at < 0 || static_cast<std::uint64_t>(at) >= id_limit(into.size()))
            bad_id(location, lang, "attendances", "attendance_id", at < 0 && !rows.set(id) ? "NULL" : std::to_string(at),
                   into.size());
        if (static_cast<std::uint64_t>(at) >= into.size()) {
            beyond.push_back(static_cast<std::size_t>(at));
            continue;
        }
        a.session = id_or_none_at(session);
        a.person = id_or_none_at(person);
        a.organisation = id_or_none_at(organisation);
        a.role = parse_enum(rows.text_view(role),
                            {model::Role::Participant, model::Role::Exposant, model::Role::Gardien, model::Role::Scribe});
        a.file = id_or_none_at(file);
        a.line = rows.int64(line);
        a.spelling = id_or_none_at(spelling);
        a.record = id_or_none_at(record);
        if (a.session == model::no_id) a.session = absent_reference; // no_id marks a hole (below)
        into[static_cast<std::size_t>(at)] = a;
        if (fids != nullptr) (*fids)[static_cast<std::size_t>(at)] = rows.fid();
    }
    return beyond;
}

/// The same by OGR, on a connection of its own (PostgreSQL): the rows whose FID is in [first, last).
std::vector<std::size_t> read_attendances_by_ogr(const std::string& location, core::Lang lang, Dataset ds, GIntBig first,
                                                 GIntBig last, std::vector<model::Attendance>& into,
                                                 std::vector<std::int64_t>* fids) {
    QuietGdal quiet; // GDAL's error handlers are per thread
    if (!ds) ds = read_only(location, lang);
    OGRLayer* l = ds->GetLayerByName("attendances");
    if (!l) store_failed(location, lang, "table attendances");
    const std::string fid = l->GetFIDColumn();
    const std::string range = fmt::format("\"{}\" >= {} AND \"{}\" < {}", fid, first, fid, last);
    if (l->SetAttributeFilter(range.c_str()) != OGRERR_NONE) store_failed(location, lang, gdal_error());
    Cursor rows(l, location, lang);
    return read_attendances(location, lang, rows, into, fids);
}

/// The same by SQLite, on a read-only connection of its own (GeoPackage): `reader` when given
/// (the connection that counted the rows), else a new one.
std::vector<std::size_t> read_attendances_by_sqlite(const std::string& location, core::Lang lang,
                                                    std::unique_ptr<SqliteReader> reader, const std::string& fid,
                                                    GIntBig first, GIntBig last, std::vector<model::Attendance>& into,
                                                    std::vector<std::int64_t>* fids) {
    if (!reader) reader = std::make_unique<SqliteReader>(location, lang);
    Cursor rows(reader->db, def(Table::Attendances), fid, location, lang, std::make_pair(first, last));
    return read_attendances(location, lang, rows, into, fids);
}

} // namespace

model::Project Store::load(const ReadOptions& parts) const {
    model::Project p;
    QuietGdal quiet;
    // A store opened for writing remembers what it holds, row by row, for the next save
    // (GeoPackage: only what changed is written).
    const bool track = m_impl->writable && m_impl->sqlite() != nullptr && parts.resolution && parts.identities;
    std::vector<std::vector<std::int64_t>> fids(table_count);
    auto fid_list = [&](const char* table) { return track ? &fids[index_of(table_named(table))] : nullptr; };
    // The attendances in two halves by FID, each read by a thread of its own (see read_attendances).
    std::vector<std::future<std::vector<std::size_t>>> attendance_parts;
    // Every table whose rows are numbered 0..n-1 (the vectors of model::Project), counted by the
    // database, so that each id is checked: present, once, below n (then none is missing).
    std::map<std::string, std::size_t> rows;
    {
        std::vector<const char*> counted = {"source_files", "territories", "editions", "sessions", "organisations",
                                            "registry", "people", "person_records", "attendances"};
        if (!parts.resolution) counted.push_back("organisation_spellings"); // the attendances' spelling_id is checked against it
        const std::string fid = m_impl->layer("attendances")->GetFIDColumn();
        // (two subqueries: SQLite finds a lone MIN or MAX at one end of the table's b-tree, but
        // scans every row for both in one SELECT)
        const std::string bounds_sql =
            fmt::format("SELECT (SELECT MIN(\"{0}\") FROM attendances), (SELECT MAX(\"{0}\") FROM attendances)", fid);
        GIntBig low = 0, high = -1;
        auto start = [&](auto&& read_part) {
            const GIntBig middle = low + (high - low + 1) / 2;
            // attendance_id runs from 0 to the number of rows - 1 in a store maillage wrote.
            p.attendances.resize(rows["attendances"]);
            auto* attendance_fids = fid_list("attendances");
            if (attendance_fids != nullptr) attendance_fids->assign(p.attendances.size(), no_fid);
            read_part(low, middle, attendance_fids, true);
            read_part(middle, high + 1, attendance_fids, false);
        };
        if (m_impl->sqlite() != nullptr) {
            // GeoPackage: counted and read by SQLite on connections of their own (the first one
            // then handed to the first thread)
            auto reader = std::make_unique<SqliteReader>(m_impl->location, m_impl->lang);
            auto single = [&](const std::string& sql) {
                sqlite3_stmt* st = nullptr;
                if (sqlite3_prepare_v2(reader->db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
                    store_failed(m_impl->location, m_impl->lang, sqlite3_errmsg(reader->db));
                std::optional<std::pair<GIntBig, GIntBig>> out;
                if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
                    out.emplace(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
                const int rc = sqlite3_finalize(st);
                if (rc != SQLITE_OK) store_failed(m_impl->location, m_impl->lang, sqlite3_errmsg(reader->db));
                return out;
            };
            for (const char* t : counted)
                rows[t] = static_cast<std::size_t>(std::max<GIntBig>(
                    single(fmt::format("SELECT COUNT(*), 0 FROM \"{}\"", t)).value_or(std::pair<GIntBig, GIntBig>{0, 0}).first, 0));
            if (const auto b = single(bounds_sql)) std::tie(low, high) = *b;
            start([&](GIntBig from, GIntBig to, std::vector<std::int64_t>* attendance_fids, bool first) {
                attendance_parts.push_back(std::async(
                    std::launch::async, [this, &p, fid, from, to, attendance_fids, r = first ? std::move(reader) : nullptr]() mutable {
                        return read_attendances_by_sqlite(m_impl->location, m_impl->lang, std::move(r), fid, from, to,
                                                          p.attendances, attendance_fids);
                    }));
            });
        } else {
            Dataset ds = read_only(m_impl->location, m_impl->lang); // then handed to the first thread
            for (const char* t : counted)
                rows[t] = static_cast<std::size_t>(std::max<GIntBig>(count_rows(*ds, t, m_impl->location, m_impl->lang), 0));
            OGRLayer* bounds = ds->ExecuteSQL(bounds_sql.c_str(), nullptr, nullptr);
            if (!bounds) m_impl->fail(gdal_error());
            if (const std::unique_ptr<OGRFeature> f(bounds->GetNextFeature()); f && f->IsFieldSetAndNotNull(0)) {
                low = f->GetFieldAsInteger64(0);
                high = f->GetFieldAsInteger64(1);
            }
            ds->ReleaseResultSet(bounds);
            start([&](GIntBig from, GIntBig to, std::vector<std::int64_t>* attendance_fids, bool first) {
                attendance_parts.push_back(std::async(
                    std::launch::async, [this, &p, from, to, attendance_fids, d = first ? std::move(ds) : Dataset()]() mutable {
                        return read_attendances_by_ogr(m_impl->location, m_impl->lang, std::move(d), from, to, p.attendances,
                                                       attendance_fids);
                    }));
            });
        }
    }
    // The people's keys and identities (the largest tables after the attendances): on a
    // GeoPackage read by a thread of its own, on a connection of its own, while this one reads on.
    auto read_keys = [&p, absent = absent_reference](Cursor& c, std::vector<std::int64_t>* listed) {
        const int person = c.column("person_id"), hash = c.column("key_hash"), identifier = c.column("is_identifier"),
                  kind = c.column("kind"), record = c.column("record_id");
        while (c.next()) {
            if (listed != nullptr) listed->push_back(c.fid());
            p.person_keys.push_back({c.id_or(person, absent), c.text(hash), c.integer(identifier) != 0, c.text(kind),
                                     c.id_or(record, model::no_id)});
        }
    };
    auto read_identities = [&p, absent = absent_reference](Cursor& c, std::vector<std::int64_t>* listed) {
        const int person = c.column("person_id"), kind = c.column("kind"), value = c.column("value"),
                  record = c.column("record_id");
        while (c.next()) {
            if (listed != nullptr) listed->push_back(c.fid());
            p.identities.push_back({c.id_or(person, absent), c.text(kind), c.text(value), c.id_or(record, model::no_id)});
        }
    };
    std::future<void> people_keys_read;
    if (m_impl->sqlite() != nullptr && (parts.resolution || parts.identities)) {
        const std::string keys_fid = m_impl->layer("person_keys")->GetFIDColumn(),
                          identities_fid = m_impl->layer("person_identities")->GetFIDColumn();
        people_keys_read = std::async(std::launch::async, [&, keys_fid, identities_fid, keys_listed = fid_list("person_keys"),
                                                           identities_listed = fid_list("person_identities")] {
            const SqliteReader reader(m_impl->location, m_impl->lang);
            if (parts.resolution) {
                Cursor c(reader.db, def(Table::PersonKeys), keys_fid, m_impl->location, m_impl->lang);
                read_keys(c, keys_listed);
            }
            if (parts.identities) {
                Cursor c(reader.db, def(Table::PersonIdentities), identities_fid, m_impl->location, m_impl->lang);
                read_identities(c, identities_listed);
            }
        });
    } else {
        if (parts.resolution) read_keys(*m_impl->cursor("person_keys"), fid_list("person_keys"));
        if (parts.identities) read_identities(*m_impl->cursor("person_identities"), fid_list("person_identities"));
    }
    auto each = [&](const char* table, auto&& fn) {
        const auto c = m_impl->cursor(table);
        while (c->next()) fn(*c);
    };
    auto place = [](auto& vec, std::size_t i) -> auto& {
        if (vec.size() <= i) vec.resize(i + 1);
        return vec[i];
    };
    // each row of a dense table with the index its id names (checked: see `rows` above), then
    // the check that none is missing
    auto each_dense = [&](const char* table, const char* field, auto&& fn) {
        DenseIds ids{m_impl->location, m_impl->lang, table, field, rows.at(table)};
        auto* listed = fid_list(table);
        const auto c = m_impl->cursor(table);
        const int i = c->column(field);
        while (c->next()) {
            const std::size_t at = ids.take(*c, i);
            if (listed != nullptr) {
                if (listed->size() <= at) listed->resize(at + 1, no_fid);
                (*listed)[at] = c->fid();
            }
            fn(*c, at);
        }
        ids.finish();
    };
    // each row of a table without ids, in the order read (the project's)
    auto each_listed = [&](const char* table, auto&& fn) {
        auto* listed = fid_list(table);
        each(table, [&](const Cursor& c) {
            if (listed != nullptr) listed->push_back(c.fid());
            fn(c);
        });
    };
    auto id_or_none = [](const Cursor& c, int i) { return c.id_or(i, model::no_id); };

    {
        auto meta = m_impl->metas();
        m_impl->revision = std::atoll(meta["revision"].c_str());
        m_impl->loaded = true;
        p.pseudonym_key = meta["pseudonym_key"];
        p.pseudonym_key_check = meta["pseudonym_key_check"];
    }
    each_dense("source_files", "file_id", [&](const Cursor& c, std::size_t at) {
        auto& x = place(p.files, at);
        x.path = c.text("path");
        x.sha256 = c.text("sha256");
        x.rows = c.int64("rows");
        x.rejected = c.int64("rejected");
    });
    each_dense("territories", "territory_id", [&](const Cursor& c, std::size_t at) {
        auto& x = place(p.territories, at);
        x.key = c.text("key");
        x.name = c.text("name");
        x.code = c.text("code");
        if (const OGRGeometry* g = c.feature()->GetGeometryRef()) x.outline = to_wkb(*g);
    });
    each_dense("editions", "edition_id", [&](const Cursor& c, std::size_t at) {
        auto& x = place(p.editions, at);
        x.territory = id_or_none(c, c.column("territory_id"));
        x.year = c.integer("year");
    });
    each_dense("sessions", "session_id", [&](const Cursor& c, std::size_t at) {
        auto& x = place(p.sessions, at);
        x.edition = id_or_none(c, c.column("edition_id"));
        x.key = c.text("key");
        x.name = c.text("name");
        x.kind = parse_enum(c.text("kind"), {model::SessionKind::Workshop, model::SessionKind::Preparation,
                                             model::SessionKind::Plenary});
        x.method = c.text("method");
        x.date = parse_date_text(c.text("date"));
    });
    each_dense("organisations", "organisation_id", [&](const Cursor& c, std::size_t at) {
        auto& x = place(p.organisations, at);
        x.key = c.text("key");
        x.name = c.text("name");
        x.type = c.text("type");
        x.commune = c.text("commune");
        x.siret = c.text("siret");
        x.place = point_of(*c.feature());
    });
    each_dense("registry", "registry_id", [&](const Cursor& c, std::size_t at) {
        auto& x = place(p.registry, at);
        x.territory = id_or_none(c, c.column("territory_id"));
        x.name = c.text("name");
        x.type = c.text("type");
        x.commune = c.text("commune");
        x.siret = c.text("siret");
        x.source = c.text("source");
        x.organisation = id_or_none(c, c.column("organisation_id"));
        x.match = c.text("match");
        x.place = point_of(*c.feature());
    });
    {
        int pseudonym = -1;
        each_dense("people", "person_id", [&](const Cursor& c, std::size_t at) {
            if (pseudonym < 0) pseudonym = c.column("pseudonym");
            place(p.people, at).pseudonym = c.text(pseudonym);
        });
    }
    if (parts.resolution) {
        int pseudonym = -1;
        each_dense("person_records", "record_id", [&](const Cursor& c, std::size_t at) {
            if (pseudonym < 0) pseudonym = c.column("pseudonym");
            place(p.records, at).pseudonym = c.text(pseudonym);
        });
        each_listed("folded_attendances", [&](const Cursor& c) {
            model::Attendance a;
            a.session = c.set("session_id") ? static_cast<model::Id>(c.integer("session_id")) : absent_reference;
            a.person = id_or_none(c, c.column("person_id"));
            a.organisation = id_or_none(c, c.column("organisation_id"));
            a.role = parse_enum(c.text("role"), {model::Role::Participant, model::Role::Exposant, model::Role::Gardien,
                                                 model::Role::Scribe});
            a.file = id_or_none(c, c.column("file_id"));
            a.line = c.int64("line");
            a.spelling = id_or_none(c, c.column("spelling_id"));
            a.record = id_or_none(c, c.column("record_id"));
            p.folded.push_back(a);
        });
    }
    if (parts.resolution) m_impl->load_identities(p, track ? &fids : nullptr);
    if (parts.resolution) m_impl->read_memo(p);
    // no cursor left open on the update connection (see metas())
    for (const auto& table : schema()) m_impl->layer(table.name)->ResetReading();
    if (people_keys_read.valid()) people_keys_read.get(); // rethrows what the thread threw
    std::vector<std::size_t> beyond;
    for (auto& part : attendance_parts)
        for (std::size_t id : part.get()) beyond.push_back(id); // get() rethrows what the thread threw
    // n rows, each below n and none twice: then none is missing. A hole is named by its id.
    for (std::size_t i = 0; i < p.attendances.size(); ++i)
        if (p.attendances[i].session == model::no_id) {
            if (beyond.empty()) bad_id(m_impl->location, m_impl->lang, "attendances", "attendance_id", std::to_string(i), p.attendances.size());
            missing_row(m_impl->location, m_impl->lang, "attendances", "attendance_id", i);
        }
    if (!beyond.empty()) missing_row(m_impl->location, m_impl->lang, "attendances", "attendance_id", p.attendances.size());
    std::optional<std::pair<std::size_t, std::size_t>> unread;
    if (!parts.resolution) unread.emplace(rows.at("person_records"), rows.at("organisation_spellings"));
    m_impl->check_references(p, unread);
    if (track) m_impl->remember(p, fids);
    return p;
}

void Store::save(const model::Project& p) {
    QuietGdal quiet;
    m_impl->need_writable();
    GDALDataset* ds = m_impl->ds;
    sqlite3* db = m_impl->sqlite();
    if (ds->StartTransaction(FALSE) != OGRERR_NONE) m_impl->fail(gdal_error());
    long long revision = 0;
    std::vector<TableState> next;
    try {
        revision = m_impl->advance_revision();
        m_impl->drop_draws();
        auto write_meta = [&] {
            OGRLayer* l = m_impl->layer("maillage_meta");
            // a key kept outside the store leaves only its check here (docs/privacy.md)
            const bool outside = !p.pseudonym_key_check.empty();
            for (const auto& [k, v] : {std::pair<std::string, std::string>{"schema_version", std::to_string(schema_version)},
                                       {outside ? "pseudonym_key_check" : "pseudonym_key",
                                        outside ? p.pseudonym_key_check : p.pseudonym_key},
                                       {"revision", std::to_string(revision)}}) {
                OGRFeature f(l->GetLayerDefn());
                f.SetField("key", k.c_str());
                f.SetField("value", v.c_str());
                if (l->CreateFeature(&f) != OGRERR_NONE) m_impl->fail(gdal_error());
            }
        };
        if (db != nullptr) {
            // GeoPackage: what changed since load() (or the last save), through SQLite
            m_impl->clear("maillage_meta");
            write_meta();
            next = m_impl->write_tables(db, p, data_tables);
        } else {
            m_impl->save_all(p, write_meta);
        }
        m_impl->write_memo(p);
    } catch (const tables::SqliteFailure& e) {
        ds->RollbackTransaction();
        m_impl->fail(e.what());
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE) {
        ds->RollbackTransaction();
        m_impl->fail(gdal_error());
    }
    m_impl->revision = revision;
    m_impl->memo = p.organisation_memo;
    if (db != nullptr) m_impl->keep(next, data_tables);
}

void Store::Impl::save_all(const model::Project& p, const std::function<void()>& write_meta) {
    for (const auto& table : schema()) {
        const std::string sql = std::string("DELETE FROM ") + table.name;
        ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
    }
    // A writer per table: fills a fresh feature with the given values and inserts it.
    auto write = [this](const char* table, auto fill) {
        OGRLayer* l = layer(table);
        return [this, l, fill](const auto&... args) {
            OGRFeature f(l->GetLayerDefn());
            fill(f, args...);
            if (l->CreateFeature(&f) != OGRERR_NONE) fail(gdal_error());
        };
    };
    write_meta();
    auto put_file = write("source_files", [](OGRFeature& f, int i, const model::SourceFile& x) {
        f.SetField("file_id", i);
        f.SetField("path", x.path.c_str());
        f.SetField("sha256", x.sha256.c_str());
        f.SetField("rows", static_cast<GIntBig>(x.rows));
        f.SetField("rejected", static_cast<GIntBig>(x.rejected));
    });
    for (std::size_t i = 0; i < p.files.size(); ++i) put_file(static_cast<int>(i), p.files[i]);
    auto put_territory = write("territories", [](OGRFeature& f, int i, const model::Territory& x) {
        f.SetField("territory_id", i);
        f.SetField("key", x.key.c_str());
        f.SetField("name", x.name.c_str());
        f.SetField("code", x.code.c_str());
        set_wkb(f, x.outline);
    });
    for (std::size_t i = 0; i < p.territories.size(); ++i) put_territory(static_cast<int>(i), p.territories[i]);
    auto put_edition = write("editions", [](OGRFeature& f, int i, const model::Edition& x) {
        f.SetField("edition_id", i);
        f.SetField("territory_id", x.territory);
        f.SetField("year", x.year);
    });
    for (std::size_t i = 0; i < p.editions.size(); ++i) put_edition(static_cast<int>(i), p.editions[i]);
    auto put_session = write("sessions", [](OGRFeature& f, int i, const model::Session& x) {
        f.SetField("session_id", i);
        f.SetField("edition_id", x.edition);
        f.SetField("key", x.key.c_str());
        f.SetField("name", x.name.c_str());
        f.SetField("kind", std::string(model::key(x.kind)).c_str());
        f.SetField("method", x.method.c_str());
        f.SetField("date", date_text(x.date).c_str());
    });
    for (std::size_t i = 0; i < p.sessions.size(); ++i) put_session(static_cast<int>(i), p.sessions[i]);
    write_organisations(p);
    write_registry(p);
    auto put_person = write("people", [](OGRFeature& f, int i, const model::Person& x) {
        f.SetField("person_id", i);
        f.SetField("pseudonym", x.pseudonym.c_str());
    });
    for (std::size_t i = 0; i < p.people.size(); ++i) put_person(static_cast<int>(i), p.people[i]);
    auto put_record = write("person_records", [](OGRFeature& f, int i, const model::Person& x, model::Id person) {
        f.SetField("record_id", i);
        f.SetField("pseudonym", x.pseudonym.c_str());
        if (person != model::no_id) f.SetField("person_id", person);
    });
    {
        // each record's person, from the rows and keys that name both
        std::vector<model::Id> person_of(p.records.size(), model::no_id);
        auto note = [&](model::Id record, model::Id person) {
            if (record >= 0 && static_cast<std::size_t>(record) < person_of.size()) person_of[static_cast<std::size_t>(record)] = person;
        };
        for (const auto& k : p.person_keys) note(k.record, k.person);
        for (const auto& a : p.attendances) note(a.record, a.person);
        for (std::size_t i = 0; i < p.records.size(); ++i) put_record(static_cast<int>(i), p.records[i], person_of[i]);
    }
    auto put_key = write("person_keys", [](OGRFeature& f, const model::PersonKey& x) {
        f.SetField("person_id", x.person);
        f.SetField("key_hash", x.hash.c_str());
        f.SetField("is_identifier", x.identifier ? 1 : 0);
        f.SetField("kind", x.kind.c_str());
        f.SetField("record_id", x.record);
    });
    for (const auto& k : p.person_keys) put_key(k);
    auto put_identity = write("person_identities", [](OGRFeature& f, const model::PersonIdentity& x) {
        f.SetField("person_id", x.person);
        f.SetField("kind", x.kind.c_str());
        f.SetField("value", x.value.c_str());
        f.SetField("record_id", x.record);
    });
    for (const auto& id : p.identities) put_identity(id);
    // an attendance's fields, counted (with its id) or folded
    auto fill_attendance = [](OGRFeature& f, const model::Attendance& a) {
        f.SetField("session_id", a.session);
        f.SetField("person_id", a.person);
        if (a.organisation != model::no_id) f.SetField("organisation_id", a.organisation);
        f.SetField("role", std::string(model::key(a.role)).c_str());
        if (a.file != model::no_id) f.SetField("file_id", a.file);
        f.SetField("line", static_cast<GIntBig>(a.line));
        if (a.spelling != model::no_id) f.SetField("spelling_id", a.spelling);
        if (a.record != model::no_id) f.SetField("record_id", a.record);
    };
    auto put_attendance = write("attendances", [&](OGRFeature& f, int i, const model::Attendance& a) {
        f.SetField("attendance_id", i);
        fill_attendance(f, a);
    });
    for (std::size_t i = 0; i < p.attendances.size(); ++i) put_attendance(static_cast<int>(i), p.attendances[i]);
    auto put_folded = write("folded_attendances", fill_attendance);
    for (const auto& a : p.folded) put_folded(a);
    write_identities(p);
}

void Store::save_identities(const model::Project& p) {
    QuietGdal quiet;
    m_impl->need_writable();
    GDALDataset* ds = m_impl->ds;
    sqlite3* db = m_impl->sqlite();
    if (ds->StartTransaction(FALSE) != OGRERR_NONE) m_impl->fail(gdal_error());
    long long revision = 0;
    std::vector<TableState> next;
    try {
        revision = m_impl->advance_revision();
        m_impl->drop_draws();
        if (db != nullptr) {
            next = m_impl->write_tables(db, p, identity_tables);
        } else {
            for (const char* t : {"organisations", "registry"}) m_impl->clear(t);
            m_impl->write_organisations(p);
            m_impl->write_registry(p);
            m_impl->write_identities(p);
        }
        // every attendance follows its spelling, in the database itself
        ds->ExecuteSQL("UPDATE attendances SET organisation_id = (SELECT s.organisation_id FROM organisation_spellings s "
                       "WHERE s.spelling_id = attendances.spelling_id) WHERE spelling_id IS NOT NULL",
                       nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) m_impl->fail(gdal_error());
        m_impl->write_memo(p);
    } catch (const tables::SqliteFailure& e) {
        ds->RollbackTransaction();
        m_impl->fail(e.what());
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE) {
        ds->RollbackTransaction();
        m_impl->fail(gdal_error());
    }
    m_impl->revision = revision;
    m_impl->memo = p.organisation_memo;
    if (db != nullptr) m_impl->keep(next, identity_tables);
    // the UPDATE changed attendances this connection no longer knows row by row
    m_impl->states[index_of(Table::Attendances)] = TableState{};
}

void Store::vacuum() {
    QuietGdal quiet;
    m_impl->need_writable();
    if (is_postgres(m_impl->location)) {
        for (const auto& table : schema()) {
            const std::string sql = std::string("VACUUM FULL ") + table.name;
            m_impl->ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        }
    } else {
        m_impl->ds->ExecuteSQL("VACUUM", nullptr, nullptr);
    }
    if (CPLGetLastErrorType() >= CE_Failure) m_impl->fail(gdal_error());
}

void Store::drop_identities() {
    QuietGdal quiet;
    m_impl->need_writable();
    GDALDataset* ds = m_impl->ds;
    if (ds->StartTransaction(FALSE) != OGRERR_NONE) m_impl->fail(gdal_error());
    long long revision = 0;
    try {
        revision = m_impl->advance_revision();
        m_impl->clear("person_identities");
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE) m_impl->fail(gdal_error());
    m_impl->revision = revision;
    m_impl->states[index_of(Table::PersonIdentities)] = TableState{};
}


// ---- The cache of reshuffles ---------------------------------------------------------------

std::optional<std::string> find_draws(const std::string& location, const std::string& key) {
    if (key.empty() || key.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
    try {
        detail::ensure_gdal();
        QuietGdal quiet;
        const char* drivers[] = {is_postgres(location) ? "PostgreSQL" : "GPKG", nullptr};
        detail::DatasetPtr ds(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
        OGRLayer* l = ds ? ds->GetLayerByName(draws_table) : nullptr;
        if (!l) return std::nullopt;
        if (l->SetAttributeFilter(("key = '" + key + "'").c_str()) != OGRERR_NONE) return std::nullopt;
        const std::unique_ptr<OGRFeature> f(l->GetNextFeature());
        if (!f) return std::nullopt;
        const GIntBig size = f->GetFieldAsInteger64("size");
        int packed = 0;
        const GByte* bytes = f->GetFieldAsBinary(f->GetFieldIndex("draws"), &packed);
        if (!bytes || packed <= 0 || size <= 0 || size > (GIntBig{1} << 31)) return std::nullopt;
        std::string out(static_cast<std::size_t>(size), '\0');
        std::size_t got = 0;
        if (!CPLZLibInflate(bytes, static_cast<std::size_t>(packed), out.data(), out.size(), &got) || got != out.size())
            return std::nullopt;
        return out;
    } catch (...) {
        return std::nullopt;
    }
}

void keep_draws(const std::string& location, const std::string& key, const std::vector<model::Id>& editions,
                const std::string& draws) {
    if (key.empty() || key.find_first_not_of("0123456789abcdef") != std::string::npos || draws.empty()) return;
    try {
        detail::ensure_gdal();
        QuietGdal quiet;
        const bool pg = is_postgres(location);
        if (!pg) { // a read-only file or folder keeps nothing (SQLite writes a journal beside it)
            std::error_code ec;
            const auto folder = std::filesystem::absolute(location, ec).parent_path();
            if (ec || ::access(location.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK) != 0) return;
        }
        const char* drivers[] = {pg ? "PostgreSQL" : "GPKG", nullptr};
        detail::DatasetPtr ds(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
        if (!ds || !ds->GetLayerByName("maillage_meta")) return;
        std::size_t packed_size = 0;
        std::string packed(draws.size() + draws.size() / 16 + 1024, '\0');
        if (!CPLZLibDeflate(draws.data(), draws.size(), 6, packed.data(), packed.size(), &packed_size)) return;
        packed.resize(packed_size);
        if (ds->StartTransaction(FALSE) != OGRERR_NONE) return;
        OGRLayer* l = ds->GetLayerByName(draws_table);
        if (!l) {
            CPLStringList options;
            if (!pg) options.SetNameValue("ASPATIAL_VARIANT", "GPKG_ATTRIBUTES");
            l = ds->CreateLayer(draws_table, nullptr, wkbNone, options.List());
            bool made = l != nullptr;
            for (const auto& [name, type] : {std::pair{"key", OFTString}, {"editions", OFTString}, {"size", OFTInteger64},
                                             {"draws", OFTBinary}}) {
                OGRFieldDefn def(name, type);
                made = made && l->CreateField(&def) == OGRERR_NONE;
            }
            if (!made) {
                ds->RollbackTransaction();
                return;
            }
        }
        std::string list;
        for (auto e : editions) list += (list.empty() ? "" : ",") + std::to_string(e);
        OGRFeature f(l->GetLayerDefn());
        f.SetField("key", key.c_str());
        f.SetField("editions", list.c_str());
        f.SetField("size", static_cast<GIntBig>(draws.size()));
        f.SetField(f.GetFieldIndex("draws"), static_cast<int>(packed.size()), reinterpret_cast<const GByte*>(packed.data()));
        if (l->CreateFeature(&f) != OGRERR_NONE) {
            ds->RollbackTransaction();
            return;
        }
        if (ds->CommitTransaction() != OGRERR_NONE) ds->RollbackTransaction();
    } catch (...) {
        // a cache: what cannot be kept is drawn again next time
    }
}

} // namespace maillage::store
