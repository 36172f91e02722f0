#include "maillage/ingest/project_builder.hpp"

#include <algorithm>

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "maillage/core/error.hpp"
#include "maillage/core/text.hpp"

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

std::string Pseudonymiser::hash(std::string_view text) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), m_key.data(), static_cast<int>(m_key.size()),
         reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest, &length);
    return hex(digest, length);
}

namespace {
// What tells two spellings apart: the cell as written, the type, commune and SIRET of its row,
// its territory.
std::string spelling_key(const std::string& text, const std::string& type, const std::string& commune,
                         const std::string& siret, model::Id territory) {
    std::string key = text;
    for (const std::string* part : {&type, &commune, &siret}) {
        key += '\x1f';
        key += *part;
    }
    return key + '\x1f' + std::to_string(territory);
}

const std::string& ensure_key(model::Project& project) {
    if (project.pseudonym_key.empty()) project.pseudonym_key = Pseudonymiser::new_key();
    return project.pseudonym_key;
}
} // namespace

ProjectBuilder::ProjectBuilder(model::Project& project, TypeClassifier classify_type)
    : m_project(project), m_pseudonymiser(ensure_key(project)),
      m_classify_type(std::move(classify_type)) {
    // index what earlier ingests stored
    for (model::Id i = 0; i < static_cast<model::Id>(project.territories.size()); ++i)
        m_territory_by_key.emplace(project.territories[static_cast<std::size_t>(i)].key, i);
    for (model::Id i = 0; i < static_cast<model::Id>(project.editions.size()); ++i) {
        const auto& e = project.editions[static_cast<std::size_t>(i)];
        m_edition_by_year.emplace(std::make_pair(e.territory, e.year), i);
    }
    for (model::Id i = 0; i < static_cast<model::Id>(project.sessions.size()); ++i) {
        const auto& s = project.sessions[static_cast<std::size_t>(i)];
        m_session_by_key.emplace(std::make_pair(s.edition, s.key), i);
    }
    for (model::Id i = 0; i < static_cast<model::Id>(project.spellings.size()); ++i) {
        const auto& sp = project.spellings[static_cast<std::size_t>(i)];
        m_spelling_by_key.emplace(spelling_key(sp.text, sp.type, sp.commune, sp.siret, sp.territory), i);
    }
    // people are recognised as records (identity.hpp joins records into people)
    for (const auto& k : project.person_keys) {
        if (k.kind == "name" || k.kind == "local") {
            m_shared_keys.insert(k.hash + '\x1f' + std::to_string(k.record));
            continue;
        }
        m_person_by_hash.emplace(k.hash, k.record);
        if (k.identifier) m_identifier_of.emplace(k.record, k.hash);
    }
    for (const auto& id : project.identities)
        identities_of(id.record).push_back(static_cast<std::uint32_t>(&id - project.identities.data()));
    for (const auto* rows : {&project.attendances, &project.folded})
        for (const auto& a : *rows)
            m_attended.insert(static_cast<std::uint64_t>(a.session) << 32 | static_cast<std::uint32_t>(a.record));
}

model::Id ProjectBuilder::begin_file(const std::string& path, const std::string& sha256) {
    m_project.files.push_back({path, sha256, 0, 0});
    m_default_territory.clear();
    m_default_year = 0;
    return static_cast<model::Id>(m_project.files.size() - 1);
}

model::Id ProjectBuilder::territory(const std::string& name) {
    std::string key = core::fold(name);
    if (auto it = m_territory_by_key.find(key); it != m_territory_by_key.end()) return it->second;
    const auto id = static_cast<model::Id>(m_project.territories.size());
    m_project.territories.push_back({key, name, {}, {}});
    m_territory_by_key.emplace(std::move(key), id);
    ++m_added.territories;
    return id;
}

model::Id ProjectBuilder::edition(model::Id territory_id, int year) {
    auto [it, inserted] = m_edition_by_year.try_emplace({territory_id, year},
                                                        static_cast<model::Id>(m_project.editions.size()));
    if (inserted) {
        m_project.editions.push_back({territory_id, year});
        ++m_added.editions;
    }
    return it->second;
}

model::Id ProjectBuilder::session(model::Id edition_id, const AttendanceRecord& r) {
    std::string key = core::fold(r.session);
    auto [it, inserted] = m_session_by_key.try_emplace({edition_id, key},
                                                       static_cast<model::Id>(m_project.sessions.size()));
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
    } else {
        auto& s = m_project.sessions[static_cast<std::size_t>(it->second)];
        if (s.method.empty()) s.method = r.method;
        if (!s.date && r.date) s.date = model::CalendarDate{r.date->year, r.date->month, r.date->day};
    }
    return it->second;
}

model::Id ProjectBuilder::organisation(const AttendanceRecord& r, int year) {
    if (r.organisation.empty() && r.siret.empty()) return model::no_id;
    // One spelling per distinct text, type, commune, SIRET and territory: identity resolution
    // (identity.hpp) decides later which organisation each is, and can undo it.
    std::string type;
    if (!r.org_type.empty()) {
        auto it = m_classified.find(r.org_type);
        if (it == m_classified.end()) it = m_classified.emplace(r.org_type, m_classify_type(r.org_type)).first;
        type = it->second;
    }
    const std::string text = r.organisation.empty() ? r.siret : r.organisation;
    auto [it, inserted] = m_spelling_by_key.try_emplace(spelling_key(text, type, r.commune, r.siret, m_current_territory),
                                                        static_cast<model::Id>(m_project.spellings.size()));
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
    auto& sp = m_project.spellings[static_cast<std::size_t>(it->second)];
    ++sp.rows;
    sp.first_year = sp.first_year == 0 ? year : std::min(sp.first_year, year);
    sp.last_year = std::max(sp.last_year, year);
    if (r.longitude && r.latitude) m_given_lonlat[it->second] = model::MapPoint{*r.longitude, *r.latitude};
    return it->second;
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

std::vector<std::uint32_t>& ProjectBuilder::identities_of(model::Id person_id) {
    const auto i = static_cast<std::size_t>(person_id);
    if (m_identities_of.size() <= i) m_identities_of.resize(i + 1);
    return m_identities_of[i];
}

void ProjectBuilder::remember_identity(model::Id person_id, std::string kind, const std::string& value) {
    if (value.empty()) return;
    // a person has a handful of identities: a linear look is cheaper than a global hash set
    auto& mine = identities_of(person_id);
    for (const auto i : mine) {
        const auto& known = m_project.identities[i];
        if (known.value == value && known.kind == kind) return;
    }
    mine.push_back(static_cast<std::uint32_t>(m_project.identities.size()));
    m_project.identities.push_back({person_id, std::move(kind), value, person_id});
}

const std::string& ProjectBuilder::hashed(const std::string& key) {
    auto it = m_hash_of.find(key);
    if (it == m_hash_of.end()) it = m_hash_of.emplace(key, m_pseudonymiser.hash(key)).first;
    return it->second;
}

model::Id ProjectBuilder::person(const AttendanceRecord& r, model::Id spelling) {
    static const std::string none;
    const std::string& id_hash = r.person_id.empty() ? none : hashed("id:" + r.person_id);
    const std::string& email_hash = r.email.empty() ? none : hashed("email:" + r.email);
    const std::string& name_hash = r.name_key.empty() ? none : hashed("name:" + r.name_key);
    // Without identifier nor e-mail, a name is a person only within the organisation as written:
    // resolve_people joins namesakes across spellings once organisations are resolved.
    std::string name_org_hash;
    if (id_hash.empty() && email_hash.empty() && !r.name_key.empty()) {
        const std::string org = spelling == model::no_id ? std::string()
                                                         : m_project.spellings[static_cast<std::size_t>(spelling)].text;
        name_org_hash = hashed("name_org:" + r.name_key + "\x1f" + core::fold(org));
    }
    std::string local_hash;
    if (!r.email.empty()) {
        const auto at = r.email.find('@');
        local_hash = hashed("local:" + r.name_key + "\x1f" + r.email.substr(0, at));
    }

    // The strongest key already known decides; a person found by an e-mail is refused when it
    // holds another identifier (two namesakes registered with their own identifiers).
    model::Id found = model::no_id;
    for (const auto* h : {&id_hash, &email_hash, static_cast<const std::string*>(&name_org_hash)}) {
        if (h->empty()) continue;
        auto it = m_person_by_hash.find(*h);
        if (it == m_person_by_hash.end()) continue;
        if (!id_hash.empty() && h != &id_hash) {
            auto other = m_identifier_of.find(it->second);
            if (other != m_identifier_of.end() && other->second != id_hash) continue;
        }
        found = it->second;
        break;
    }
    if (found == model::no_id) {
        found = static_cast<model::Id>(m_project.records.size());
        const std::string& first = !id_hash.empty() ? id_hash : !email_hash.empty() ? email_hash
                                                  : !name_org_hash.empty() ? name_org_hash : name_hash;
        m_project.records.push_back({"P-" + first.substr(0, 12)});
        ++m_added.people;
    }
    auto link = [&](const std::string& h, const char* kind, bool unique) {
        if (h.empty()) return;
        // a name is shared by namesakes: it is kept for each, and never looked up alone
        if (unique) {
            if (m_person_by_hash.try_emplace(h, found).second)
                m_project.person_keys.push_back({found, h, kind == std::string("id"), kind, found});
        } else if (m_shared_keys.insert(h + '\x1f' + std::to_string(found)).second) {
            m_project.person_keys.push_back({found, h, false, kind, found});
        }
        if (kind == std::string("id")) m_identifier_of.try_emplace(found, h);
    };
    link(id_hash, "id", true);
    link(email_hash, "email", true);
    link(name_org_hash, "name_org", true);
    link(name_hash, "name", false);
    link(local_hash, "local", false);
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
    if (!m_attended.insert(static_cast<std::uint64_t>(s) << 32 | static_cast<std::uint32_t>(p)).second) {
        ++m_added.duplicates;
        return;
    }
    // the person is the record until resolution (identity.hpp) makes people of records
    m_project.attendances.push_back(
        {s, p, model::no_id, r.role, static_cast<model::Id>(m_project.files.size() - 1), r.line, o, p});
    ++m_added.attendances;
}

} // namespace maillage::ingest
