// Writing a GeoPackage store's tables row by row as a difference: what the store holds of each
// table (a digest and the FID of every row, as the project numbers them) against what a save
// brings, so that a save writes only the rows that changed, were added or went (one edition
// added to a national store rewrites a few thousand rows, not millions). The large tables
// without geometry are written through the GeoPackage's own SQLite connection (the one GDAL
// opened, inside its transaction) with prepared statements. Private to the store module.
#pragma once

#include <algorithm>
#include <cstdint>
#include <future>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace maillage::store::tables {

/// One value of a row as SQLite stores it (GDAL's GeoPackage types: MEDIUMINT and INTEGER are
/// integers, TEXT text, REAL real).
struct Cell {
    enum class Kind : std::uint8_t { Null, Integer, Real, Text };
    Kind kind = Kind::Null;
    std::int64_t integer = 0;
    double real = 0;
    std::string_view text;

    static Cell null() { return {}; }
    static Cell of(std::int64_t v) { return {Kind::Integer, v, 0, {}}; }
    static Cell of(double v) { return {Kind::Real, 0, v, {}}; }
    static Cell of(std::string_view v) { return {Kind::Text, 0, 0, v}; }
};

/// A 64-bit digest of a row's cells (their kinds and bytes), to tell a changed row from an
/// unchanged one. Each step is a bijection of the running state, so that a row differing in
/// one value always digests differently; rows differing in several collide with probability
/// about 2^-64. Complexity: linear in the row's bytes.
class RowDigest {
public:
    void add(const Cell& c);
    void add_bytes(std::string_view bytes);
    void add_word(std::uint64_t word);
    [[nodiscard]] std::uint64_t value() const { return m_state; }

private:
    std::uint64_t m_state = 0x9E3779B97F4A7C15ULL;
};

/// A row's digest. Complexity: linear in its bytes.
std::uint64_t digest(const std::vector<Cell>& cells);

/// What the store holds of one table, row by row in the project's order: the row's FID and the
/// digest of its cells. Unknown (a table never read nor written by this connection): a save
/// rewrites the table whole.
struct TableState {
    bool known = false;
    std::vector<std::uint64_t> digests;
    std::vector<std::int64_t> fids;
};

/// What a save did to one table, for the feature count and the timestamp GeoPackage keeps.
struct TableChanges {
    std::size_t inserted = 0, updated = 0, deleted = 0;
    [[nodiscard]] bool any() const { return inserted + updated + deleted > 0; }
};

/// SQLite refused a statement: its message (the store turns it into a FatalError).
struct SqliteFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// One table written through SQLite in the caller's transaction: rows inserted, updated by FID
/// or deleted by FID. Every failure throws SqliteFailure with SQLite's message.
class SqliteTable {
public:
    /// `columns` in the table's order (the FID column excluded); `counted`: the GeoPackage has
    /// gpkg_ogr_contents (GDAL's feature counts), kept right; `now`: the SQL expression of the
    /// time written in gpkg_contents.last_change when the table changes. Prepares nothing yet.
    SqliteTable(sqlite3* db, std::string table, std::string fid_column, std::vector<std::string> columns, bool counted,
                std::string now);
    ~SqliteTable();
    SqliteTable(const SqliteTable&) = delete;
    SqliteTable& operator=(const SqliteTable&) = delete;

    /// Queues a row for insertion; returns the FID SQLite gives it (checked at flush()). Rows are inserted
    /// several to a statement (SQLite runs one statement, and updates the table's AUTOINCREMENT
    /// sequence once, for all of them). flush() inserts what is queued.
    std::int64_t insert(std::span<const Cell> cells);
    void flush();
    /// Writes the row whose FID is `fid` (flushes the queued inserts first).
    void update(std::int64_t fid, const std::vector<Cell>& cells);
    /// Deletes the row whose FID is `fid`.
    void remove(std::int64_t fid);
    /// Deletes every row.
    void clear();

    /// Writes the rows of `count` cells rows (`fill(i, cells)` gives row i) as a difference
    /// with `state`: rows whose digest changed are updated in place, new rows inserted, rows
    /// beyond `count` deleted; an unknown state clears the table first. Returns the table's new
    /// state (the caller keeps it once the transaction is committed) and counts what changed.
    /// The table's feature-count triggers are set aside while many rows change (SQLite then
    /// runs no statement per row for them) and the count is set once. Complexity: linear in
    /// `count`, plus SQLite's work for the rows that changed. `digested`, when given, holds the
    /// digests of the `count` rows already (made on another thread by the caller).
    template <typename Fill>
    TableState write(const TableState& state, std::size_t count, Fill&& fill, TableChanges& changes,
                     const std::vector<std::uint64_t>* digested = nullptr) {
        TableState next;
        next.known = true;
        next.digests.resize(count);
        next.fids.resize(count);
        std::vector<Cell> cells;
        if (!state.known) { // the whole table, in one pass
            begin_bulk(count + 1024);
            clear();
            // The rows' cells are made and digested a block ahead, on a thread of their own,
            // while SQLite inserts the block before (a large table: its rows' cells cost as much
            // as SQLite's own work). `fill` is called by one thread at a time, in row order.
            struct Block {
                std::vector<Cell> cells;
                std::vector<std::size_t> ends; ///< where each row's cells end
            };
            auto make = [&](std::size_t from, std::size_t to) {
                Block b;
                std::vector<Cell> row;
                for (std::size_t i = from; i < to; ++i) {
                    row.clear();
                    fill(i, row);
                    next.digests[i] = digest(row);
                    b.cells.insert(b.cells.end(), row.begin(), row.end());
                    b.ends.push_back(b.cells.size());
                }
                return b;
            };
            const std::size_t block = count >= 4 * ahead_block ? ahead_block : count;
            std::future<Block> ahead;
            if (count > 0) ahead = std::async(count == block ? std::launch::deferred : std::launch::async, make, 0, block);
            for (std::size_t from = 0; from < count; from += block) {
                const Block b = ahead.get(); // rethrows what the thread threw
                const std::size_t to = std::min(from + block, count);
                if (to < count) ahead = std::async(std::launch::async, make, to, std::min(to + block, count));
                std::size_t start = 0;
                for (std::size_t i = from; i < to; ++i) {
                    const std::size_t end = b.ends[i - from];
                    next.fids[i] = insert(std::span<const Cell>(b.cells).subspan(start, end - start));
                    start = end;
                }
            }
            flush();
            changes.inserted += count;
            end_bulk(count);
            return next;
        }
        // The rows that differ, found first: how many decides whether the triggers go aside.
        std::vector<std::size_t> changed;
        const std::size_t kept = std::min(count, state.digests.size());
        if (digested != nullptr && digested->size() != count) digested = nullptr;
        for (std::size_t i = 0; i < count; ++i) {
            if (digested != nullptr) {
                next.digests[i] = (*digested)[i];
            } else {
                cells.clear();
                fill(i, cells);
                next.digests[i] = digest(cells);
            }
            if (i < kept && next.digests[i] == state.digests[i]) next.fids[i] = state.fids[i];
            else changed.push_back(i);
        }
        const std::size_t gone = state.digests.size() > count ? state.digests.size() - count : 0;
        if (changed.empty() && gone == 0) return next;
        begin_bulk(changed.size() + gone);
        for (const std::size_t i : changed) {
            cells.clear();
            fill(i, cells);
            if (i < kept) {
                update(state.fids[i], cells);
                next.fids[i] = state.fids[i];
                ++changes.updated;
            } else {
                next.fids[i] = insert(cells);
                ++changes.inserted;
            }
        }
        flush();
        for (std::size_t i = count; i < count + gone; ++i) {
            remove(state.fids[i]);
            ++changes.deleted;
        }
        end_bulk(count);
        return next;
    }

private:
    void begin_bulk(std::size_t rows);
    void end_bulk(std::size_t count);
    void bind(sqlite3_stmt* statement, const std::vector<Cell>& cells);
    void bind_one(sqlite3_stmt* statement, int at, const Cell& cell);
    void step(sqlite3_stmt* statement);
    sqlite3_stmt* prepare(const std::string& sql);
    std::string insert_sql(std::size_t rows) const;
    void insert_queued(sqlite3_stmt* statement, std::size_t first, std::size_t rows);
    void exec(const std::string& sql);

    sqlite3* m_db;
    std::string m_table, m_fid;
    std::vector<std::string> m_columns;
    bool m_counted;
    std::string m_now;
    static constexpr std::size_t batch = 32; ///< rows per INSERT statement
    static constexpr std::size_t ahead_block = 16384; ///< rows made ahead of the inserts (a large table's)
    sqlite3_stmt* m_insert = nullptr;         ///< `batch` rows
    std::vector<Cell> m_queued;               ///< rows waiting for flush(), their cells end to end
    std::vector<std::int64_t> m_queued_fids;
    std::int64_t m_next_fid = 0;              ///< 0: not read yet
    sqlite3_stmt* m_update = nullptr;
    sqlite3_stmt* m_delete = nullptr;
    std::vector<std::string> m_triggers; ///< the feature-count triggers set aside, as created
};

/// `text` as an SQL string literal ('it''s').
std::string literal(std::string_view text);

/// Runs one SQL statement on `db`; throws SqliteFailure.
void exec(sqlite3* db, const std::string& sql);

} // namespace maillage::store::tables
