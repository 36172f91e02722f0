// Attendance records into a Project, identities resolved: people by identifier, e-mail or
// name (as pseudonyms), organisations by SIRET or resolved name, sessions by name inside their
// edition. Pure apart from hashing: no file is read or written here.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/ingest/record.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"

namespace maillage::ingest {

/// Keyed hashing of personal keys (HMAC-SHA256, OpenSSL): the store keeps the key, so the same
/// e-mail always gives the same hash in one store and a different one in another.
class Pseudonymiser {
public:
    /// Prepares HMAC-SHA256 under `key` (its inner and outer hash states, computed once).
    explicit Pseudonymiser(std::string key);
    /// 32 random bytes from OpenSSL's generator, hex-encoded (a new store's key).
    static std::string new_key();
    /// Lower-case hex of HMAC-SHA256(key, text). Safe to call from several threads at once.
    /// Complexity: linear in the text length (the key's own blocks are not hashed again).
    [[nodiscard]] std::string hash(std::string_view text) const;

private:
    struct State;
    std::shared_ptr<const State> m_state; ///< the key's hash states, shared by copies
};

/// Free-text organisation type → taxonomy key (empty when unknown).
using TypeClassifier = std::function<std::string(std::string_view text)>;

/// Builds (or extends) a project from attendance records.
class ProjectBuilder {
public:
    /// `project` may already hold what earlier ingests stored; people are hashed with its
    /// pseudonym_key (a new one is drawn when it has none). Organisations and people are kept
    /// as the rows wrote them (spellings, records): ingest/identity.hpp resolves them.
    ProjectBuilder(model::Project& project, TypeClassifier classify_type);
    ~ProjectBuilder();
    ProjectBuilder(const ProjectBuilder&) = delete;
    ProjectBuilder& operator=(const ProjectBuilder&) = delete;

    /// Starts a new source file; later records are attributed to it.
    model::Id begin_file(const std::string& path, const std::string& sha256);

    /// The territory and year given for the current file (manifest, --territory, --edition),
    /// used by records that name none.
    void set_defaults(std::string territory, int year) {
        m_default_territory = std::move(territory);
        m_default_year = year;
    }

    /// Adds one record read from the current file. A person attending the same session twice
    /// is counted once (the duplicate is counted in added().duplicates).
    /// Complexity: amortised O(1) hash-table work per record.
    void add(const AttendanceRecord& record);

    /// Room for `rows` more attendances (a sheet's rows counted before they are read).
    void reserve(std::size_t rows) { m_project.attendances.reserve(m_project.attendances.size() + rows); }

    /// Lets the indexes go (hundreds of MB at national scale) once every file is in: the
    /// builder then only answers spellings() and given_lonlat(); add() must not follow.
    void finish();

    /// Counts the current file's rejected rows (for the file record: rows read = added +
    /// duplicates + rejected).
    void count_rejected(std::int64_t rows) {
        m_project.files.back().rejected += rows;
        m_project.files.back().rows += rows;
    }

    /// Coordinates the sheets gave, by spelling (WGS 84 longitude, latitude).
    [[nodiscard]] const std::unordered_map<model::Id, model::MapPoint>& given_lonlat() const { return m_given_lonlat; }

    /// An organisation name as written on the rows this builder took, for `check`: which
    /// identity it went to, on how many rows, and the last year it was written.
    struct Spelling {
        model::Id organisation = model::no_id;
        std::string text;
        int rows = 0;
        int last_year = 0;
    };
    /// Every spelling seen by this builder, by organisation then spelling. Complexity: linear
    /// in the distinct spellings seen.
    [[nodiscard]] std::vector<Spelling> spellings() const;

    /// People, organisations, sessions created so far by this builder.
    struct Added {
        std::int64_t people = 0, organisations = 0, sessions = 0, editions = 0, territories = 0,
                     attendances = 0, duplicates = 0, spellings = 0;
    };
    [[nodiscard]] const Added& added() const { return m_added; }

    /// What the project and this builder were at some point, to come back to: the sizes of
    /// what the builder appends to, and what it changes in place (a session's method and date,
    /// a spelling's counts, the coordinates sheets gave).
    struct Mark {
        std::size_t files = 0, territories = 0, editions = 0, sessions = 0, spellings = 0, records = 0,
                    person_keys = 0, identities = 0, attendances = 0;
        std::vector<std::pair<std::string, std::optional<model::CalendarDate>>> session_fields;
        struct Counts {
            std::int64_t rows = 0;
            int first_year = 0, last_year = 0;
        };
        std::vector<Counts> spelling_counts;
        std::unordered_map<model::Id, model::MapPoint> given_lonlat;
        Added added;
    };
    /// The point to come back to before a file is taken (ingest builds a file's records as
    /// they are read, before knowing whether the file goes in). Complexity: linear in the
    /// project's sessions and spellings.
    [[nodiscard]] Mark mark() const;
    /// Back to `mark`: what was added since is removed, what was changed is as it was, and the
    /// builder's indexes are made again from the project (as a new builder would make them).
    /// Complexity: linear in the project's size.
    void rollback(const Mark& mark);

private:
    model::Id territory(const std::string& name);
    model::Id edition(model::Id territory, int year);
    model::Id session(model::Id edition, const AttendanceRecord& r);
    model::Id organisation(const AttendanceRecord& r, int year);
    model::Id person(const AttendanceRecord& r, model::Id spelling);
    model::Id new_person(const AttendanceRecord& r, model::Id spelling);
    void remember_identity(model::Id person, const char* kind, const std::string& value);
    const std::string& hashed(std::string_view kind, std::string_view text);
    /// The indexes of what the project already holds (people as records, their keys and
    /// sessions attended, spellings, sessions, editions, territories).
    void index();
    /// The stored attendances into the index of sessions attended, on first need.
    void know_attended();

    model::Project& m_project;
    Pseudonymiser m_pseudonymiser;
    TypeClassifier m_classify_type;
    Added m_added;

    /// The indexes over the project's territories, editions, sessions, spellings, person keys,
    /// identities and attendances, and the caches of keyed hashes and types (project_builder.cpp).
    struct Indexes;
    std::unique_ptr<Indexes> m_ix;
    std::unordered_map<model::Id, model::MapPoint> m_given_lonlat; ///< spelling → coordinates a sheet gave
    model::Id m_current_territory = model::no_id;
    std::string m_default_territory;
    int m_default_year = 0;
};

} // namespace maillage::ingest
