// A project in memory: the territories, their editions and sessions, the organisations and
// people who came, and who attended what. Records refer to each other by index (Id) into the
// project's vectors. Pure data: the store reads and writes it, the graph module reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillage/model/vocabulary.hpp"

namespace maillage::model {

using Id = std::int32_t;
inline constexpr Id no_id = -1;

struct CalendarDate {
    int year = 0, month = 0, day = 0;
    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

/// A point in Lambert-93 (EPSG:2154), metres.
struct MapPoint {
    double x = 0, y = 0;
    friend bool operator==(const MapPoint&, const MapPoint&) = default;
};

/// Where editions happen: a département, an employment area, a park.
struct Territory {
    std::string key;     ///< folded name: the identity
    std::string name;    ///< as first written
    std::string code;    ///< e.g. the département code, when known
    std::string outline; ///< MultiPolygon WKB in EPSG:2154; empty when no outline was given
};

/// One event of one territory in one year ("edition 2024 of the Var").
struct Edition {
    Id territory = no_id;
    int year = 0; ///< 0 when the sheets say nothing of the year
};

/// One meeting inside an edition: a preparation session, the plenary, or a workshop.
struct Session {
    Id edition = no_id;
    std::string key;    ///< folded name, unique inside the edition
    std::string name;   ///< as first written
    SessionKind kind = SessionKind::Workshop;
    std::string method; ///< workshops: world café, débat mouvant, ...
    std::optional<CalendarDate> date;
};

/// An organisation, whatever the names it went by (renames resolve to one identity).
struct Organisation {
    std::string key;     ///< normalised canonical name (or "siret:<n>"): the identity
    std::string name;    ///< the name shown (the most recent one seen)
    std::string type;    ///< taxonomy key; empty when unknown
    std::string commune; ///< INSEE code of its commune (COG 2026); empty when unknown
    std::string siret;
    std::optional<MapPoint> place; ///< where it is drawn: its given coordinates, else its commune
    /// Coordinates a sheet gave (WGS 84 longitude, latitude), not yet projected; not stored.
    std::optional<MapPoint> given_lonlat;
};

/// An organisation known on a territory (a directory, a SIRENE extract), whether or not it
/// ever came: the base of "who never comes".
struct RegistryEntry {
    Id territory = no_id;      ///< no_id when the registry names a territory the project lacks
    std::string name;
    std::string type;          ///< taxonomy key; empty when unknown
    std::string commune;       ///< INSEE code
    std::string siret;
    std::string source;        ///< e.g. "annuaire-2019"
    Id organisation = no_id;   ///< the organisation that came, when matched
    std::string match;         ///< "siret", "name" or empty
    std::optional<MapPoint> place;
};

/// A person, known to the project only by a pseudonym; names and e-mails live apart
/// (store: person_identities) so that a coordinator can drop them.
struct Person {
    std::string pseudonym; ///< keyed hash, stable for a store
};

/// One person at one session, from one organisation (that day's), in one role.
struct Attendance {
    Id session = no_id;
    Id person = no_id;
    Id organisation = no_id; ///< no_id when the sheet names none
    Role role = Role::Participant;
    Id file = no_id;         ///< provenance: the sheet file it was read from
    std::int64_t line = 0;   ///< and its line (CSV) or row (workbooks)
    Id spelling = no_id;     ///< the organisation as this row wrote it (project.spellings)
    Id record = no_id;       ///< the person as this row named them (project.records)
};

/// An organisation as the sheets wrote it: one per distinct cell text, type, commune, SIRET
/// and territory. Attendances keep theirs, so that any merge can be split back; identity
/// resolution (ingest/identity.hpp) decides which organisation each one is.
struct OrgSpelling {
    std::string text;        ///< as written (trimmed)
    std::string type;        ///< taxonomy key the row's type column gave; empty when none
    std::string commune;     ///< INSEE code the row gave (resolved); empty when none
    std::string siret;
    Id territory = no_id;
    Id organisation = no_id; ///< the organisation it resolves to
    int first_year = 0, last_year = 0;
    std::int64_t rows = 0;
};

/// What a coordinator answered about two organisations or two people.
enum class Verdict {
    Same,      ///< one and the same
    Different, ///< two, whatever their names say
    Renamed,   ///< organisations: `first` was renamed `second` in `year` (one organisation)
};

/// A decision on identity, the coordinator's answer to a question (or an alias of old): the
/// store keeps them, and every resolution applies them before any rule.
struct IdentityDecision {
    bool people = false;  ///< about two people (named by pseudonym), else two organisations
    std::string first;    ///< organisations: a name as written (matched by its normalised key)
    std::string second;
    Verdict verdict = Verdict::Same;
    int year = 0;         ///< Renamed: the year `second` replaced `first`; else 0
    friend bool operator==(const IdentityDecision&, const IdentityDecision&) = default;
};

/// A pair that no rule could settle: the coordinator is asked once.
struct IdentityQuestion {
    bool people = false;
    std::string first, second; ///< as in IdentityDecision
    double score = 0;          ///< how alike, in [0, 1]
    std::string evidence;      ///< what agrees and what is missing, as evidence keys (identity.hpp)
};

/// A sheet file taken into the project, recorded with its checksum so that taking it again
/// changes nothing.
struct SourceFile {
    std::string path;   ///< as given at ingest
    std::string sha256; ///< of the file's bytes
    std::int64_t rows = 0;     ///< data rows read
    std::int64_t rejected = 0; ///< rows set aside (quarantined)
};

/// The plain-text identities of a person (names, e-mails, identifiers as written): personal
/// data, kept in a table of their own that a coordinator can drop.
struct PersonIdentity {
    Id person = no_id;
    std::string kind;  ///< "name", "email" or "identifier"
    std::string value; ///< as written
    Id record = no_id; ///< the person record it came with
};

/// A person's identity keys, hashed with the store's key: lets a later ingest recognise a
/// person without any plain-text name or e-mail.
struct PersonKey {
    Id person = no_id;
    std::string hash;        ///< HMAC-SHA256 of "id:...", "email:..." or "name:..."
    bool identifier = false; ///< the key of an identifier column
    /// What was hashed: "id", "email", "name" (the folded name), "local" (an e-mail's part
    /// before the "@") or "name_org" (the name and the organisation as written, for rows
    /// without e-mail). Empty in stores written before it was kept.
    std::string kind;
    Id record = no_id; ///< the person record whose key it is
};

struct Project {
    std::string pseudonym_key; ///< the secret of the keyed hashes (hex); one per store
    /// Set when the store keeps its key outside the file (docs/privacy.md): an HMAC of a fixed
    /// text under the key, to recognise the right key file; pseudonym_key is then empty until a
    /// command is given the key file.
    std::string pseudonym_key_check;
    std::vector<SourceFile> files;
    std::vector<Territory> territories;
    std::vector<Edition> editions;
    std::vector<Session> sessions;
    std::vector<Organisation> organisations;
    std::vector<Person> people; ///< resolved: one per person (identity.hpp)
    /// People as the rows named them: one per identifier, e-mail, or name within an organisation
    /// as written. Resolution makes people of them and can undo it, as organisations of spellings.
    std::vector<Person> records;
    std::vector<Attendance> attendances;
    /// Rows of a person at a session they already attend under another record (two spellings of
    /// their name joined): kept, so that a split gives them back, but not counted.
    std::vector<Attendance> folded;
    std::vector<PersonKey> person_keys;
    std::vector<PersonIdentity> identities;
    std::vector<RegistryEntry> registry;
    std::vector<OrgSpelling> spellings;
    std::vector<IdentityDecision> decisions;
    std::vector<IdentityQuestion> questions;
    /// Identity resolution's grouping of the spellings, kept with the fingerprint of all it was
    /// made from (ingest/identity.hpp, resolve_organisations): a later resolution over the same
    /// takes it instead of comparing every spelling again. Opaque text; empty when none.
    std::string organisation_memo;
};

} // namespace maillage::model
