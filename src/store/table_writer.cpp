#include "table_writer.hpp"

#include <cstring>

#include <sqlite3.h>

namespace maillage::store::tables {

void RowDigest::add_word(std::uint64_t word) {
    // a multiply-xorshift step: a bijection of the state for a fixed word, and of the word for
    // a fixed state
    word *= 0xFF51AFD7ED558CCDULL;
    word ^= word >> 32;
    m_state ^= word;
    m_state *= 0xC4CEB9FE1A85EC53ULL;
    m_state ^= m_state >> 29;
}

void RowDigest::add_bytes(std::string_view bytes) {
    add_word(bytes.size());
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, bytes.data() + i, 8);
        add_word(w);
    }
    if (i < bytes.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, bytes.data() + i, bytes.size() - i);
        add_word(w);
    }
}

void RowDigest::add(const Cell& c) {
    add_word(static_cast<std::uint64_t>(c.kind) + 0x100);
    switch (c.kind) {
    case Cell::Kind::Null: break;
    case Cell::Kind::Integer: add_word(static_cast<std::uint64_t>(c.integer)); break;
    case Cell::Kind::Real: {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &c.real, sizeof bits);
        add_word(bits);
        break;
    }
    case Cell::Kind::Text: add_bytes(c.text); break;
    }
}

std::uint64_t digest(const std::vector<Cell>& cells) {
    RowDigest d;
    for (const auto& c : cells) d.add(c);
    return d.value();
}

namespace {

std::string quoted(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace

std::string literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + '\'';
}

namespace {

[[noreturn]] void failed(sqlite3* db) { throw SqliteFailure(sqlite3_errmsg(db)); }

} // namespace

void exec(sqlite3* db, const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error != nullptr ? error : sqlite3_errmsg(db);
        sqlite3_free(error);
        throw SqliteFailure(message);
    }
}

SqliteTable::SqliteTable(sqlite3* db, std::string table, std::string fid_column, std::vector<std::string> columns,
                         bool counted, std::string now)
    : m_db(db), m_table(std::move(table)), m_fid(std::move(fid_column)), m_columns(std::move(columns)), m_counted(counted),
      m_now(std::move(now)) {}

SqliteTable::~SqliteTable() {
    for (sqlite3_stmt* s : {m_insert, m_update, m_delete}) sqlite3_finalize(s);
}

sqlite3_stmt* SqliteTable::prepare(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) failed(m_db);
    return statement;
}

void SqliteTable::exec(const std::string& sql) { tables::exec(m_db, sql); }

void SqliteTable::bind_one(sqlite3_stmt* statement, int at, const Cell& c) {
    int rc = SQLITE_OK;
    switch (c.kind) {
    case Cell::Kind::Null: rc = sqlite3_bind_null(statement, at); break;
    case Cell::Kind::Integer: rc = sqlite3_bind_int64(statement, at, c.integer); break;
    case Cell::Kind::Real: rc = sqlite3_bind_double(statement, at, c.real); break;
    case Cell::Kind::Text:
        // the text outlives the statement's step (the caller's project)
        rc = sqlite3_bind_text(statement, at, c.text.data(), static_cast<int>(c.text.size()), SQLITE_STATIC);
        break;
    }
    if (rc != SQLITE_OK) failed(m_db);
}

void SqliteTable::bind(sqlite3_stmt* statement, const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) bind_one(statement, static_cast<int>(i) + 1, cells[i]);
}

void SqliteTable::step(sqlite3_stmt* statement) {
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE) failed(m_db);
}

std::string SqliteTable::insert_sql(std::size_t rows) const {
    std::string names, marks;
    for (const auto& c : m_columns) {
        names += (names.empty() ? "" : ", ") + quoted(c);
        marks += marks.empty() ? "?" : ", ?";
    }
    std::string sql = "INSERT INTO " + quoted(m_table) + " (" + names + ") VALUES ";
    for (std::size_t r = 0; r < rows; ++r) sql += (r > 0 ? ", (" : "(") + marks + ")";
    return sql;
}

std::int64_t SqliteTable::insert(std::span<const Cell> cells) {
    if (m_next_fid == 0) {
        // after the largest FID the table holds or ever held (its AUTOINCREMENT sequence): how
        // SQLite numbers the rows it inserts without one (faster than given FIDs: appended)
        auto number = [&](const std::string& sql) {
            sqlite3_stmt* s = prepare(sql);
            const int rc = sqlite3_step(s);
            const std::int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
            sqlite3_finalize(s);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) failed(m_db);
            return v;
        };
        std::int64_t last = number("SELECT COALESCE(max(" + quoted(m_fid) + "), 0) FROM " + quoted(m_table));
        if (number("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'") > 0)
            last = std::max(last, number("SELECT seq FROM sqlite_sequence WHERE name = " + literal(m_table)));
        m_next_fid = last + 1;
    }
    m_queued.insert(m_queued.end(), cells.begin(), cells.end());
    m_queued_fids.push_back(m_next_fid);
    if (m_queued_fids.size() == batch) flush();
    return m_next_fid++;
}

void SqliteTable::insert_queued(sqlite3_stmt* statement, std::size_t first, std::size_t rows) {
    const std::size_t width = m_columns.size();
    int at = 1;
    for (std::size_t r = first; r < first + rows; ++r)
        for (std::size_t i = 0; i < width; ++i) bind_one(statement, at++, m_queued[r * width + i]);
    step(statement);
    // SQLite numbers the rows of one statement one after the other from the next FID (its
    // rule for AUTOINCREMENT tables: what insert() computed): checked, never assumed
    if (sqlite3_last_insert_rowid(m_db) != m_queued_fids[first + rows - 1])
        throw SqliteFailure(m_table + ": rows numbered " + std::to_string(sqlite3_last_insert_rowid(m_db)) + ", not " +
                            std::to_string(m_queued_fids[first + rows - 1]));
}

void SqliteTable::flush() {
    const std::size_t rows = m_queued_fids.size();
    if (rows == 0) return;
    if (m_queued.size() != rows * m_columns.size()) throw SqliteFailure(m_table + ": a row of another width");
    if (rows == batch) {
        if (m_insert == nullptr) m_insert = prepare(insert_sql(batch));
        insert_queued(m_insert, 0, rows);
    } else {
        sqlite3_stmt* tail = prepare(insert_sql(rows));
        try {
            insert_queued(tail, 0, rows);
        } catch (...) {
            sqlite3_finalize(tail);
            throw;
        }
        sqlite3_finalize(tail);
    }
    m_queued.clear();
    m_queued_fids.clear();
}

void SqliteTable::update(std::int64_t fid, const std::vector<Cell>& cells) {
    flush();
    if (m_update == nullptr) {
        std::string set;
        for (const auto& c : m_columns) set += (set.empty() ? "" : ", ") + quoted(c) + " = ?";
        m_update = prepare("UPDATE " + quoted(m_table) + " SET " + set + " WHERE " + quoted(m_fid) + " = ?");
    }
    bind(m_update, cells);
    if (sqlite3_bind_int64(m_update, static_cast<int>(cells.size()) + 1, fid) != SQLITE_OK) failed(m_db);
    step(m_update);
    if (sqlite3_changes(m_db) != 1) throw SqliteFailure(m_table + ": no row with " + m_fid + " " + std::to_string(fid));
}

void SqliteTable::remove(std::int64_t fid) {
    flush();
    if (m_delete == nullptr) m_delete = prepare("DELETE FROM " + quoted(m_table) + " WHERE " + quoted(m_fid) + " = ?");
    if (sqlite3_bind_int64(m_delete, 1, fid) != SQLITE_OK) failed(m_db);
    step(m_delete);
}

void SqliteTable::clear() { exec("DELETE FROM " + quoted(m_table)); }

void SqliteTable::begin_bulk(std::size_t rows) {
    // GDAL counts a GeoPackage table's rows with a trigger per insert and per delete: a
    // statement more for every row. Many rows: the triggers go aside, as GDAL itself does for
    // its bulk inserts, and come back as they were, the count set once (end_bulk).
    if (rows < 256 || !m_counted) return;
    sqlite3_stmt* s = prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (" +
                              literal("trigger_insert_feature_count_" + m_table) + ", " +
                              literal("trigger_delete_feature_count_" + m_table) + ")");
    std::vector<std::string> names;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        m_triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) failed(m_db);
    for (const auto& name : names) exec("DROP TRIGGER " + quoted(name));
}

void SqliteTable::end_bulk(std::size_t count) {
    // statements prepared before the triggers came back would be prepared again: finalise them
    for (sqlite3_stmt** s : {&m_insert, &m_update, &m_delete}) {
        sqlite3_finalize(*s);
        *s = nullptr;
    }
    for (const auto& sql : m_triggers) exec(sql);
    m_triggers.clear();
    if (m_counted)
        exec("UPDATE gpkg_ogr_contents SET feature_count = " + std::to_string(count) +
             " WHERE lower(table_name) = lower(" + literal(m_table) + ")");
    // GeoPackage's last_change, as GDAL writes it when a layer changes
    exec("UPDATE gpkg_contents SET last_change = " + m_now + " WHERE lower(table_name) = lower(" + literal(m_table) + ")");
}

} // namespace maillage::store::tables
