// The project database: one GeoPackage file (SQLite, readable in QGIS) or a PostgreSQL/PostGIS
// database ("PG:..." connection string), written and read through the same GDAL/OGR code.
// Its tables are documented in docs/data-model.md.
#pragma once

#include <memory>
#include <string>

#include "maillage/core/lang.hpp"
#include "maillage/model/project.hpp"

namespace maillage::store {

/// The schema version written in maillage_meta; a store of another version is refused.
inline constexpr int schema_version = 4;

/// True when `location` names a PostgreSQL database ("PG:dbname=...") rather than a file.
bool is_postgres(const std::string& location);

/// The connection string or path with any password hidden, for messages and logs.
std::string redact(const std::string& location);

class Store {
public:
    /// Opens an existing store, or creates an empty one (a new GeoPackage file; for PostgreSQL,
    /// the tables in the given database). Throws FatalError (in `lang`) when it cannot, or when
    /// the store was written by another schema version.
    static Store open(const std::string& location, bool create, core::Lang lang);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    /// Everything the store holds, as a project. Complexity: linear in the store's size.
    [[nodiscard]] model::Project load() const;

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
    std::unique_ptr<Impl> m_impl;
};

} // namespace maillage::store
