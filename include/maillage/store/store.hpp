// The project database: one GeoPackage file (SQLite, readable in QGIS) or a PostgreSQL/PostGIS
// database ("PG:..." connection string), written and read through the same GDAL/OGR code.
// Its tables are documented in docs/data-model.md.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/model/project.hpp"

namespace maillage::store {

/// The schema version written in maillage_meta; a store of another version is refused.
inline constexpr int schema_version = 4;

/// True when `location` names a PostgreSQL database ("PG:dbname=...") rather than a file.
bool is_postgres(const std::string& location);

/// The connection string or path with any password hidden, for messages and logs.
std::string redact(const std::string& location);

/// A message (GDAL's, libpq's) with the password of `location` hidden, whole or in pieces:
/// libpq quotes the parts of a connection string it cannot parse.
std::string redact_message(const std::string& message, const std::string& location);

/// What the database said (GDAL, SQLite, libpq), in the user's words when it is a state they can
/// act on (another program writing, a full disk, a read-only file, a damaged file), passwords
/// hidden; other messages as they are, passwords hidden.
std::string explain_failure(const std::string& why, const std::string& location, core::Lang lang);

/// The cache of the reshuffles of the mixing null model (docs/data-model.md, "null_draws"):
/// the text kept under `key` (metrics::DrawCache), or nullopt when none is, when the store has
/// no such table or cannot be read. Never throws; opens its own read-only connection.
std::optional<std::string> find_draws(const std::string& location, const std::string& key);

/// Keeps `draws` (compressed) under `key`, with the `editions` they were drawn from, in the
/// store's null_draws table, made on first use. Never throws: a read-only, busy or foreign store
/// keeps nothing, and the draws are made again next time. Does not move the store's revision:
/// it adds what can be recomputed, and every save (ingest, resolve, forget) empties the table.
void keep_draws(const std::string& location, const std::string& key, const std::vector<model::Id>& editions,
                const std::string& draws);

/// What Store::load reads. Everything by default (ingest, resolve, check, forget and the
/// workspace use identity resolution's tables). The commands that measure and draw (metrics,
/// report, map, diagram, export...) need the network and what names its nodes only: without
/// `resolution` the tables of identity resolution are left unread (person_records, person_keys,
/// folded_attendances, organisation_spellings, identity_decisions, identity_questions: a third
/// of a national store's rows), and without `identities` the plain-text names and e-mails too
/// (they are read only to show names: --people). References into a table left unread are
/// checked against its row count.
struct ReadOptions {
    bool resolution = true;
    bool identities = true;
};

class Store {
public:
    /// Opens an existing store, or creates an empty one (a new GeoPackage file; for PostgreSQL,
    /// the tables in the given database). Throws FatalError (in `lang`) when it cannot, or when
    /// the store was written by another schema version.
    /// A GeoPackage that maillage did not make (a user's own layers) or a database that already
    /// holds tables with maillage's names is refused, byte for byte unchanged.
    static Store open(const std::string& location, bool create, core::Lang lang);

    /// Opens an existing store for reading only (a read-only file or folder will do; nothing is
    /// written, not even GDAL's feature counts). save() and the other writers then throw.
    static Store open_read_only(const std::string& location, core::Lang lang);

    /// open_read_only(location).load(parts): what reading commands (metrics, report, export...) use.
    static model::Project read(const std::string& location, core::Lang lang, const ReadOptions& parts = {});

    /// The file's own consistency (SQLite's PRAGMA integrity_check): the faults it lists, or
    /// none. A PostgreSQL database checks itself: none. load() checks the references.
    [[nodiscard]] std::vector<std::string> integrity_faults() const;

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    /// Everything the store holds, as a project. Every id and every reference between tables is
    /// checked (a store edited by hand in QGIS may point nowhere): a store that does not hold
    /// together is refused with the table, row and field. Complexity: linear in the store's size.
    [[nodiscard]] model::Project load(const ReadOptions& parts = {}) const;

    /// Replaces the store's contents with `project` in one transaction: either all of it is
    /// written, or (on any error) nothing changes. Throws FatalError on failure.
    void save(const model::Project& project);

    /// Writes what identity resolution changed, without rewriting the store: the organisations,
    /// the registry's matches, the spellings, decisions and questions, and each attendance's
    /// organisation from its spelling (one UPDATE in the database). One transaction: all or
    /// nothing. The attendances, sessions and people are not touched.
    /// Complexity: linear in organisations + registry + spellings, plus the UPDATE.
    void save_identities(const model::Project& project);

    /// Erases the plain-text identities (names, e-mails) in one transaction, keeping the
    /// pseudonymous keys: a coordinator's "drop the names" switch.
    void drop_identities();

    /// Gives the space of deleted records back so that nothing erased can be read from the
    /// file's free pages (SQLite VACUUM; PostgreSQL VACUUM FULL of maillage's tables). Run
    /// outside any transaction. Throws FatalError on failure.
    void vacuum();

    [[nodiscard]] const std::string& location() const;

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    enum class Mode { Read, Write, Create };
    static Store open_as(const std::string& location, Mode mode, core::Lang lang);
    std::unique_ptr<Impl> m_impl;
};

} // namespace maillage::store
