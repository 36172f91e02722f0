#include "maillage/ingest/project_builder.hpp"

#include <algorithm>
#include <future>
#include <tuple>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "maillage/core/error.hpp"
#include "maillage/core/text.hpp"
#include "flat_index.hpp"

namespace maillage::ingest {
namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[bytes[i] >> 4]);
        out.push_back(digits[bytes[i] & 15]);
    }
    return out;
}

} // namespace

std::string Pseudonymiser::new_key() {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw FatalError("OpenSSL RAND_bytes failed");
    return hex(bytes, sizeof bytes);
}

namespace {

struct DigestContextFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using DigestContext = std::unique_ptr<EVP_MD_CTX, DigestContextFree>;

DigestContext new_context() {
    DigestContext c(EVP_MD_CTX_new());
    if (!c) throw FatalError("OpenSSL EVP_MD_CTX_new failed");
    return c;
}

} // namespace

// HMAC (RFC 2104) over SHA-256 made of two digest states kept after the key's padded block:
// OpenSSL's one-shot HMAC() sets the key up (two more blocks hashed, SHA-256 fetched) at every
// call, which ingest makes for each person's keys.
struct Pseudonymiser::State {
    DigestContext inner = new_context(), outer = new_context();
};

Pseudonymiser::Pseudonymiser(std::string key) {
    auto state = std::make_shared<State>();
    constexpr std::size_t block = 64; // SHA-256's block
    std::string k = std::move(key);
    if (k.size() > block) {
        unsigned char d[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        if (EVP_Digest(k.data(), k.size(), d, &n, EVP_sha256(), nullptr) != 1) throw FatalError("OpenSSL EVP_Digest failed");
        k.assign(reinterpret_cast<const char*>(d), n);
    }
    k.resize(block, '\0');
    std::string ipad(block, '\0'), opad(block, '\0');
    for (std::size_t i = 0; i < block; ++i) {
        ipad[i] = static_cast<char>(k[i] ^ 0x36);
        opad[i] = static_cast<char>(k[i] ^ 0x5c);
    }
    if (EVP_DigestInit_ex(state->inner.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(state->inner.get(), ipad.data(), block) != 1 ||
        EVP_DigestInit_ex(state->outer.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(state->outer.get(), opad.data(), block) != 1)
        throw FatalError("OpenSSL SHA-256 failed");
    m_state = std::move(state);
}

std::string Pseudonymiser::hash(std::string_view text) const {
    thread_local DigestContext scratch = new_context();
    unsigned char inner[EVP_MAX_MD_SIZE], digest[EVP_MAX_MD_SIZE];
    unsigned int inner_length = 0, length = 0;
    if (EVP_MD_CTX_copy_ex(scratch.get(), m_state->inner.get()) != 1 ||
        EVP_DigestUpdate(scratch.get(), text.data(), text.size()) != 1 ||
        EVP_DigestFinal_ex(scratch.get(), inner, &inner_length) != 1 ||
        EVP_MD_CTX_copy_ex(scratch.get(), m_state->outer.get()) != 1 ||
        EVP_DigestUpdate(scratch.get(), inner, inner_length) != 1 || EVP_DigestFinal_ex(scratch.get(), digest, &length) != 1)
        throw FatalError("OpenSSL SHA-256 failed");
    return hex(digest, length);
}

namespace {
// What tells two spellings apart: the cell as written, the type, commune and SIRET of its row,
// its territory.
std::uint64_t spelling_hash(std::string_view text, std::string_view type, std::string_view commune, std::string_view siret,
                            model::Id territory) {
    return detail::mix(detail::text_hash(text) ^ detail::text_hash(type) * 3 ^ detail::text_hash(commune) * 5 ^
                       detail::text_hash(siret) * 7 ^ static_cast<std::uint32_t>(territory));
}

bool same_spelling(const model::OrgSpelling& s, std::string_view text, std::string_view type, std::string_view commune,
                   std::string_view siret, model::Id territory) {
    return s.territory == territory && s.text == text && s.type == type && s.commune == commune && s.siret == siret;
}

const std::string& ensure_key(model::Project& project) {
    if (project.pseudonym_key.empty()) project.pseudonym_key = Pseudonymiser::new_key();
    return project.pseudonym_key;
}
} // namespace

/// What the builder finds things by. The large ones (person keys, identities, attendances:
/// millions of rows at national scale) are flat tables of positions in the project's own
/// vectors, so that no key is copied; the keyed hashes are kept once per text.
struct ProjectBuilder::Indexes {
    std::unordered_map<std::string, model::Id> territory_by_key;
    std::map<std::pair<model::Id, int>, model::Id> edition_by_year;
    std::map<std::pair<model::Id, std::string>, model::Id, std::less<>> session_by_key;
    detail::FlatIndex spellings; ///< project.spellings by text, type, commune, SIRET and territory
    detail::FlatIndex unique_keys;  ///< person_keys looked up alone (id, email, name_org), by hash: first kept
    detail::FlatIndex shared_keys;  ///< name and e-mail local-part keys, by (hash, record)
    std::unordered_map<model::Id, std::uint32_t> identifier_of; ///< record → the person_keys entry of its identifier
    detail::FlatIndex identities;   ///< project.identities by (record, kind, value)
    /// session << 32 | record. The stored attendances go in only when a row names a session the
    /// store had (attended_known): the rows of new sessions (a new edition) meet only this run's.
    detail::FlatSet64 attended;
    std::size_t stored_sessions = 0; ///< the sessions the project had when indexed
    bool attended_known = false;     ///< the stored attendances are in `attended`
    std::unordered_map<std::string, std::string> hash_of; ///< "kind:text" → its keyed hash (a bounded cache)
    // The person each way of naming one met so far went to (identifier, e-mail, name key and
    // name as written, and the spelling when only the name tells): a row naming them alike
    // again goes to the same record and changes nothing (ProjectBuilder::person), so that most
    // rows of a sheet are one lookup instead of keyed hashes and key lookups.
    detail::FlatIndex naming_seen;
    std::vector<std::string> namings;
    std::vector<model::Id> naming_record;
    std::string naming; ///< the naming being looked up
    std::unordered_map<std::string, std::string> classified; ///< free-text type → taxonomy key
    std::string hash_key; ///< the text being hashed (kept to spare an allocation per row)
    // The last territory, edition and session met: a sheet's rows come in runs of them.
    std::string last_territory_name;
    model::Id last_territory = model::no_id;
    std::string last_session_name;
    model::Id last_session_edition = model::no_id, last_session = model::no_id;
};

namespace {

std::uint64_t shared_hash(std::string_view hash, model::Id record) {
    return detail::mix(detail::text_hash(hash) ^ static_cast<std::uint32_t>(record));
}

std::uint64_t identity_hash(model::Id record, std::string_view kind, std::string_view value) {
    return detail::mix(detail::text_hash(value) ^ detail::text_hash(kind) * 3 ^ static_cast<std::uint32_t>(record));
}

} // namespace

ProjectBuilder::ProjectBuilder(model::Project& project, TypeClassifier classify_type)
    : m_project(project), m_pseudonymiser(ensure_key(project)),
      m_classify_type(std::move(classify_type)), m_ix(std::make_unique<Indexes>()) {
    index();
}

ProjectBuilder::~ProjectBuilder() = default;

void ProjectBuilder::finish() { m_ix.reset(); }

void ProjectBuilder::index() {
    const model::Project& project = m_project;
    auto& ix = *m_ix;
    // the identities (as many as the keys) indexed on a thread of their own meanwhile
    auto identities_indexed = std::async(std::launch::async, [&] {
        const auto& ids = project.identities;
        ix.identities.reserve(ids.size());
        for (std::uint32_t i = 0; i < ids.size(); ++i) {
            const auto& id = ids[i];
            ix.identities.insert(identity_hash(id.record, id.kind, id.value), i, [&](std::uint32_t j) {
                return ids[j].record == id.record && ids[j].kind == id.kind && ids[j].value == id.value;
            });
        }
    });
    // index what earlier ingests stored
    for (model::Id i = 0; i < static_cast<model::Id>(project.territories.size()); ++i)
        ix.territory_by_key.emplace(project.territories[static_cast<std::size_t>(i)].key, i);
    for (model::Id i = 0; i < static_cast<model::Id>(project.editions.size()); ++i) {
        const auto& e = project.editions[static_cast<std::size_t>(i)];
        ix.edition_by_year.emplace(std::make_pair(e.territory, e.year), i);
    }
    for (model::Id i = 0; i < static_cast<model::Id>(project.sessions.size()); ++i) {
        const auto& s = project.sessions[static_cast<std::size_t>(i)];
        ix.session_by_key.emplace(std::make_pair(s.edition, s.key), i);
    }
    for (std::uint32_t i = 0; i < project.spellings.size(); ++i) {
        const auto& sp = project.spellings[i];
        ix.spellings.insert(spelling_hash(sp.text, sp.type, sp.commune, sp.siret, sp.territory), i, [&](std::uint32_t j) {
            return same_spelling(project.spellings[j], sp.text, sp.type, sp.commune, sp.siret, sp.territory);
        });
    }
    // people are recognised as records (identity.hpp joins records into people)
    const auto& keys = project.person_keys;
    ix.unique_keys.reserve(keys.size());
    for (std::uint32_t i = 0; i < keys.size(); ++i) {
        const auto& k = keys[i];
        if (k.kind == "name" || k.kind == "local") {
            ix.shared_keys.insert(shared_hash(k.hash, k.record), i, [&](std::uint32_t j) {
                return keys[j].record == k.record && keys[j].hash == k.hash;
            });
            continue;
        }
        ix.unique_keys.insert(detail::text_hash(k.hash), i, [&](std::uint32_t j) { return keys[j].hash == k.hash; });
        if (k.identifier) ix.identifier_of.emplace(k.record, i);
    }
    identities_indexed.get();
    ix.stored_sessions = project.sessions.size();
    ix.attended_known = project.attendances.empty() && project.folded.empty();
}

void ProjectBuilder::know_attended() {
    auto& ix = *m_ix;
    if (ix.attended_known) return;
    ix.attended_known = true;
    // (this run's rows are there already: inserting them again changes nothing)
    ix.attended.reserve(m_project.attendances.size() + m_project.folded.size());
    for (const auto* rows : {&m_project.attendances, &m_project.folded})
        for (const auto& a : *rows)
            ix.attended.insert(static_cast<std::uint64_t>(a.session) << 32 | static_cast<std::uint32_t>(a.record));
}

ProjectBuilder::Mark ProjectBuilder::mark() const {
    Mark m;
    const auto& p = m_project;
    m.files = p.files.size();
    m.territories = p.territories.size();
    m.editions = p.editions.size();
    m.sessions = p.sessions.size();
    m.spellings = p.spellings.size();
    m.records = p.records.size();
    m.person_keys = p.person_keys.size();
    m.identities = p.identities.size();
    m.attendances = p.attendances.size();
    for (const auto& s : p.sessions) m.session_fields.emplace_back(s.method, s.date);
    for (const auto& s : p.spellings) m.spelling_counts.push_back({s.rows, s.first_year, s.last_year});
    m.given_lonlat = m_given_lonlat;
    m.added = m_added;
    return m;
}

void ProjectBuilder::rollback(const Mark& m) {
    auto& p = m_project;
    p.files.resize(m.files);
    p.territories.resize(m.territories);
    p.editions.resize(m.editions);
    p.sessions.resize(m.sessions);
    p.spellings.resize(m.spellings);
    p.records.resize(m.records);
    p.person_keys.resize(m.person_keys);
    p.identities.resize(m.identities);
    p.attendances.resize(m.attendances);
    for (std::size_t i = 0; i < m.sessions; ++i) std::tie(p.sessions[i].method, p.sessions[i].date) = m.session_fields[i];
    for (std::size_t i = 0; i < m.spellings; ++i) {
        p.spellings[i].rows = m.spelling_counts[i].rows;
        p.spellings[i].first_year = m.spelling_counts[i].first_year;
        p.spellings[i].last_year = m.spelling_counts[i].last_year;
    }
    m_given_lonlat = m.given_lonlat;
    m_added = m.added;
    // the indexes made again from what the project holds (what index() makes of it is what
    // they were); the caches of hashes and types stay (they depend on the text alone)
    auto fresh = std::make_unique<Indexes>();
    fresh->hash_of = std::move(m_ix->hash_of);
    fresh->classified = std::move(m_ix->classified);
    m_ix = std::move(fresh);
    index();
}

model::Id ProjectBuilder::begin_file(const std::string& path, const std::string& sha256) {
    m_project.files.push_back({path, sha256, 0, 0});
    m_default_territory.clear();
    m_default_year = 0;
    return static_cast<model::Id>(m_project.files.size() - 1);
}

model::Id ProjectBuilder::territory(const std::string& name) {
    auto& ix = *m_ix;
    if (ix.last_territory != model::no_id && name == ix.last_territory_name) return ix.last_territory;
    std::string key = core::fold(name);
    model::Id id = model::no_id;
    if (auto it = ix.territory_by_key.find(key); it != ix.territory_by_key.end()) {
        id = it->second;
    } else {
        id = static_cast<model::Id>(m_project.territories.size());
        m_project.territories.push_back({key, name, {}, {}});
        ix.territory_by_key.emplace(std::move(key), id);
        ++m_added.territories;
    }
    ix.last_territory_name = name;
    ix.last_territory = id;
    return id;
}

model::Id ProjectBuilder::edition(model::Id territory_id, int year) {
    auto [it, inserted] = m_ix->edition_by_year.try_emplace({territory_id, year},
                                                            static_cast<model::Id>(m_project.editions.size()));
    if (inserted) {
        m_project.editions.push_back({territory_id, year});
        ++m_added.editions;
    }
    return it->second;
}

model::Id ProjectBuilder::session(model::Id edition_id, const AttendanceRecord& r) {
    auto& ix = *m_ix;
    model::Id id = model::no_id;
    if (ix.last_session != model::no_id && ix.last_session_edition == edition_id && r.session == ix.last_session_name) {
        id = ix.last_session;
    } else {
        std::string key = core::fold(r.session);
        auto [it, inserted] = ix.session_by_key.try_emplace({edition_id, key}, static_cast<model::Id>(m_project.sessions.size()));
        id = it->second;
        if (inserted) {
            model::Session s;
            s.edition = edition_id;
            s.key = std::move(key);
            s.name = r.session;
            s.kind = r.session_kind;
            s.method = r.method;
            if (r.date) s.date = model::CalendarDate{r.date->year, r.date->month, r.date->day};
            m_project.sessions.push_back(std::move(s));
            ++m_added.sessions;
        }
        ix.last_session_name = r.session;
        ix.last_session_edition = edition_id;
        ix.last_session = id;
    }
    auto& s = m_project.sessions[static_cast<std::size_t>(id)];
    if (s.method.empty()) s.method = r.method;
    if (!s.date && r.date) s.date = model::CalendarDate{r.date->year, r.date->month, r.date->day};
    return id;
}

model::Id ProjectBuilder::organisation(const AttendanceRecord& r, int year) {
    if (r.organisation.empty() && r.siret.empty()) return model::no_id;
    auto& ix = *m_ix;
    // One spelling per distinct text, type, commune, SIRET and territory: identity resolution
    // (identity.hpp) decides later which organisation each is, and can undo it.
    std::string type;
    if (!r.org_type.empty()) {
        auto it = ix.classified.find(r.org_type);
        if (it == ix.classified.end()) it = ix.classified.emplace(r.org_type, m_classify_type(r.org_type)).first;
        type = it->second;
    }
    const std::string& text = r.organisation.empty() ? r.siret : r.organisation;
    const auto next = static_cast<std::uint32_t>(m_project.spellings.size());
    const auto [id, inserted] =
        ix.spellings.insert(spelling_hash(text, type, r.commune, r.siret, m_current_territory), next, [&](std::uint32_t j) {
            return same_spelling(m_project.spellings[j], text, type, r.commune, r.siret, m_current_territory);
        });
    if (inserted) {
        model::OrgSpelling sp;
        sp.text = text;
        sp.type = std::move(type);
        sp.commune = r.commune;
        sp.siret = r.siret;
        sp.territory = m_current_territory;
        sp.first_year = year;
        m_project.spellings.push_back(std::move(sp));
        ++m_added.spellings;
    }
    auto& sp = m_project.spellings[id];
    ++sp.rows;
    sp.first_year = sp.first_year == 0 ? year : std::min(sp.first_year, year);
    sp.last_year = std::max(sp.last_year, year);
    const auto spelling = static_cast<model::Id>(id);
    if (r.longitude && r.latitude) m_given_lonlat[spelling] = model::MapPoint{*r.longitude, *r.latitude};
    return spelling;
}

std::vector<ProjectBuilder::Spelling> ProjectBuilder::spellings() const {
    std::vector<Spelling> out;
    for (const auto& s : m_project.spellings)
        out.push_back({s.organisation, s.text, static_cast<int>(s.rows), s.last_year});
    std::sort(out.begin(), out.end(), [](const Spelling& a, const Spelling& b) {
        return a.organisation != b.organisation ? a.organisation < b.organisation : a.text < b.text;
    });
    return out;
}

void ProjectBuilder::remember_identity(model::Id person_id, const char* kind, const std::string& value) {
    if (value.empty()) return;
    auto& ids = m_project.identities;
    const auto next = static_cast<std::uint32_t>(ids.size());
    const auto [at, added] = m_ix->identities.insert(identity_hash(person_id, kind, value), next, [&](std::uint32_t j) {
        return ids[j].record == person_id && ids[j].kind == kind && ids[j].value == value;
    });
    if (added) ids.push_back({person_id, kind, value, person_id});
}

const std::string& ProjectBuilder::hashed(std::string_view kind, std::string_view text) {
    auto& ix = *m_ix;
    ix.hash_key.assign(kind);
    ix.hash_key += ':';
    ix.hash_key += text;
    auto it = ix.hash_of.find(ix.hash_key);
    if (it == ix.hash_of.end()) it = ix.hash_of.emplace(ix.hash_key, m_pseudonymiser.hash(ix.hash_key)).first;
    return it->second;
}

model::Id ProjectBuilder::person(const AttendanceRecord& r, model::Id spelling) {
    auto& ix = *m_ix;
    // what this row's person is found by, each part with its length (no separator is ambiguous)
    std::string& naming = ix.naming;
    naming.clear();
    auto part = [&](std::string_view text) {
        const auto n = static_cast<std::uint32_t>(text.size());
        naming.append(reinterpret_cast<const char*>(&n), sizeof n);
        naming += text;
    };
    part(r.person_id);
    part(r.email);
    part(r.name_key);
    part(r.display_name);
    if (r.person_id.empty() && r.email.empty()) part(std::to_string(spelling));
    const std::uint64_t naming_hash = detail::text_hash(naming);
    const auto same_naming = [&](std::uint32_t j) { return ix.namings[j] == naming; };
    if (const auto seen = ix.naming_seen.find(naming_hash, same_naming); seen >= 0)
        return ix.naming_record[static_cast<std::size_t>(seen)];
    const model::Id found = new_person(r, spelling);
    ix.naming_seen.insert(naming_hash, static_cast<std::uint32_t>(ix.namings.size()), same_naming);
    ix.namings.push_back(naming);
    ix.naming_record.push_back(found);
    return found;
}

model::Id ProjectBuilder::new_person(const AttendanceRecord& r, model::Id spelling) {
    static const std::string none;
    auto& ix = *m_ix;
    // the keyed hashes are a cache, bounded (the rows of one person are found by their naming,
    // person()); emptied here only, while no hash of it is held
    if (ix.hash_of.size() >= (std::size_t{1} << 16)) ix.hash_of.clear();
    auto& keys = m_project.person_keys;
    const std::string& id_hash = r.person_id.empty() ? none : hashed("id", r.person_id);
    const std::string& email_hash = r.email.empty() ? none : hashed("email", r.email);
    const std::string& name_hash = r.name_key.empty() ? none : hashed("name", r.name_key);
    // Without identifier nor e-mail, a name is a person only within the organisation as written:
    // resolve_people joins namesakes across spellings once organisations are resolved.
    const std::string* name_org_hash = &none;
    if (id_hash.empty() && email_hash.empty() && !r.name_key.empty()) {
        const std::string org = spelling == model::no_id ? std::string()
                                                         : m_project.spellings[static_cast<std::size_t>(spelling)].text;
        name_org_hash = &hashed("name_org", r.name_key + "\x1f" + core::fold(org));
    }
    const std::string* local_hash = &none;
    if (!r.email.empty()) {
        const auto at = r.email.find('@');
        local_hash = &hashed("local", r.name_key + "\x1f" + r.email.substr(0, at));
    }
    auto unique_key = [&](const std::string& h) {
        return ix.unique_keys.find(detail::text_hash(h), [&](std::uint32_t j) { return keys[j].hash == h; });
    };

    // The strongest key already known decides; a person found by an e-mail is refused when it
    // holds another identifier (two namesakes registered with their own identifiers).
    model::Id found = model::no_id;
    for (const std::string* h : {&id_hash, &email_hash, name_org_hash}) {
        if (h->empty()) continue;
        const auto k = unique_key(*h);
        if (k < 0) continue;
        const model::Id record = keys[static_cast<std::size_t>(k)].record;
        if (!id_hash.empty() && h != &id_hash) {
            auto other = ix.identifier_of.find(record);
            if (other != ix.identifier_of.end() && keys[other->second].hash != id_hash) continue;
        }
        found = record;
        break;
    }
    if (found == model::no_id) {
        found = static_cast<model::Id>(m_project.records.size());
        const std::string& first = !id_hash.empty() ? id_hash : !email_hash.empty() ? email_hash
                                                  : !name_org_hash->empty() ? *name_org_hash : name_hash;
        m_project.records.push_back({"P-" + first.substr(0, 12)});
        ++m_added.people;
    }
    auto link = [&](const std::string& h, const char* kind, bool unique, bool identifier) {
        if (h.empty()) return;
        const auto next = static_cast<std::uint32_t>(keys.size());
        // a name is shared by namesakes: it is kept for each, and never looked up alone
        std::uint32_t entry = 0;
        if (unique) {
            const auto [at, added] =
                ix.unique_keys.insert(detail::text_hash(h), next, [&](std::uint32_t j) { return keys[j].hash == h; });
            entry = at;
            if (added) keys.push_back({found, h, identifier, kind, found});
        } else {
            const auto [at, added] = ix.shared_keys.insert(shared_hash(h, found), next, [&](std::uint32_t j) {
                return keys[j].record == found && keys[j].hash == h;
            });
            entry = at;
            if (added) keys.push_back({found, h, false, kind, found});
        }
        if (identifier) ix.identifier_of.try_emplace(found, entry);
    };
    link(id_hash, "id", true, true);
    link(email_hash, "email", true, false);
    link(*name_org_hash, "name_org", true, false);
    link(name_hash, "name", false, false);
    link(*local_hash, "local", false, false);
    remember_identity(found, "identifier", r.person_id);
    remember_identity(found, "email", r.email);
    remember_identity(found, "name", r.display_name);
    return found;
}

void ProjectBuilder::add(const AttendanceRecord& r) {
    ++m_project.files.back().rows;
    const std::string& territory_name = r.territory.empty() ? m_default_territory : r.territory;
    int year = 0;
    if (!r.edition.empty()) year = std::stoi(r.edition);
    else year = m_default_year;
    const model::Id t = territory(territory_name);
    const model::Id e = edition(t, year);
    const model::Id s = session(e, r);
    m_current_territory = t;
    const model::Id o = organisation(r, year);
    const model::Id p = person(r, o);
    if (static_cast<std::size_t>(s) < m_ix->stored_sessions) know_attended();
    if (!m_ix->attended.insert(static_cast<std::uint64_t>(s) << 32 | static_cast<std::uint32_t>(p))) {
        ++m_added.duplicates;
        return;
    }
    // the person is the record until resolution (identity.hpp) makes people of records
    m_project.attendances.push_back(
        {s, p, model::no_id, r.role, static_cast<model::Id>(m_project.files.size() - 1), r.line, o, p});
    ++m_added.attendances;
}

} // namespace maillage::ingest
