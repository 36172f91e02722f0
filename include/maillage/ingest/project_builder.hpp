// Attendance records into a Project, identities resolved: people by identifier, e-mail or
// name (as pseudonyms), organisations by SIRET or resolved name, sessions by name inside their
// edition. Pure apart from hashing: no file is read or written here.
#pragma once

#include <functional>
#include <map>
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
    explicit Pseudonymiser(std::string key) : m_key(std::move(key)) {}
    /// 32 random bytes from OpenSSL's generator, hex-encoded (a new store's key).
    static std::string new_key();
    /// Lower-case hex of HMAC-SHA256(key, text). Complexity: linear in the text length.
    [[nodiscard]] std::string hash(std::string_view text) const;

private:
    std::string m_key;
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

private:
    model::Id territory(const std::string& name);
    model::Id edition(model::Id territory, int year);
    model::Id session(model::Id edition, const AttendanceRecord& r);
    model::Id organisation(const AttendanceRecord& r, int year);
    model::Id person(const AttendanceRecord& r, model::Id spelling);
    void remember_identity(model::Id person, std::string kind, const std::string& value);
    std::vector<std::uint32_t>& identities_of(model::Id person);
    const std::string& hashed(const std::string& key);

    model::Project& m_project;
    Pseudonymiser m_pseudonymiser;
    TypeClassifier m_classify_type;
    Added m_added;

    std::unordered_map<std::string, model::Id> m_territory_by_key;
    std::map<std::pair<model::Id, int>, model::Id> m_edition_by_year;
    std::map<std::pair<model::Id, std::string>, model::Id> m_session_by_key;
    std::unordered_map<std::string, model::Id> m_spelling_by_key; ///< text|type|commune|siret|territory
    std::unordered_map<std::string, model::Id> m_person_by_hash;
    std::unordered_set<std::string> m_shared_keys; ///< name and e-mail local-part keys, "hash|person"
    std::unordered_map<model::Id, std::string> m_identifier_of; ///< person → its identifier hash
    std::vector<std::vector<std::uint32_t>> m_identities_of; ///< person → indexes in project.identities
    std::unordered_map<std::string, std::string> m_hash_of;  ///< identity key → its keyed hash
    std::unordered_set<std::uint64_t> m_attended;      ///< session << 32 | person
    std::unordered_map<model::Id, model::MapPoint> m_given_lonlat; ///< spelling → coordinates a sheet gave
    model::Id m_current_territory = model::no_id;
    std::unordered_map<std::string, std::string> m_classified; ///< free-text type → taxonomy key
    std::string m_default_territory;
    int m_default_year = 0;
};

} // namespace maillage::ingest
