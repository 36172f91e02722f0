#include "maillage/ingest/summary.hpp"

#include "maillage/core/text.hpp"

namespace maillage::ingest {

std::size_t SummaryBuilder::intern(const std::string& key) {
    auto [it, inserted] = m_key_ids.try_emplace(key, m_parent.size());
    if (inserted) {
        m_parent.push_back(it->second);
        m_identifier.push_back(key.starts_with("id:") ? key : std::string());
    }
    return it->second;
}

std::size_t SummaryBuilder::find(std::size_t key) {
    while (m_parent[key] != key) {
        m_parent[key] = m_parent[m_parent[key]];
        key = m_parent[key];
    }
    return key;
}

void SummaryBuilder::unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (!m_identifier[a].empty() && !m_identifier[b].empty()) return; // two people with their own ids
    const std::size_t root = std::min(a, b), child = std::max(a, b);
    m_parent[child] = root;
    if (m_identifier[root].empty()) m_identifier[root] = m_identifier[child];
}

void SummaryBuilder::add(const AttendanceRecord& record) {
    ++m_rows;
    // The keys a row carries (identifier, e-mail, name) name one person and are linked, except
    // that two different identifiers are never merged through a shared name or e-mail.
    std::optional<std::size_t> person;
    const std::string id_key = record.person_id.empty() ? std::string() : "id:" + record.person_id;
    for (const auto& key : {id_key, record.email.empty() ? std::string() : "email:" + record.email,
                            record.name_key.empty() ? std::string() : "name:" + record.name_key}) {
        if (key.empty()) continue;
        const std::size_t k = intern(key);
        if (!person) person = k;
        else unite(*person, k);
    }
    if (!id_key.empty()) {
        // the row's person is its identifier's component, even when a link was refused
        person = intern(id_key);
    }
    std::string territory_key = core::fold(record.territory);
    const auto& spelling = m_territory_spelling.try_emplace(territory_key, record.territory).first->second;
    auto& group = m_groups[{std::move(territory_key), record.edition}];
    if (group.rows == 0) {
        group.territory = spelling;
        group.edition = record.edition;
    }
    ++group.rows;
    group.people.insert(*person);
    if (!record.organisation.empty()) group.organisations.insert(core::fold(record.organisation));
    group.sessions.insert(core::fold(record.session));
}

Summary SummaryBuilder::finish() {
    Summary summary;
    std::unordered_set<std::size_t> all_people;
    std::unordered_set<std::string> all_organisations;
    for (auto& [key, group] : m_groups) {
        std::unordered_set<std::size_t> roots;
        for (std::size_t p : group.people) roots.insert(find(p));
        all_people.insert(roots.begin(), roots.end());
        all_organisations.insert(group.organisations.begin(), group.organisations.end());
        summary.editions.push_back({group.territory, group.edition, group.rows,
                                    static_cast<std::int64_t>(roots.size()),
                                    static_cast<std::int64_t>(group.organisations.size()),
                                    static_cast<std::int64_t>(group.sessions.size())});
        summary.total.sessions += static_cast<std::int64_t>(group.sessions.size());
    }
    summary.total.rows = m_rows;
    summary.total.people = static_cast<std::int64_t>(all_people.size());
    summary.total.organisations = static_cast<std::int64_t>(all_organisations.size());
    return summary;
}

Summary summarise(const model::Project& project) {
    struct Sets {
        EditionCounts counts;
        std::unordered_set<model::Id> people, organisations, sessions;
    };
    std::map<std::pair<std::string, int>, Sets> by_edition; // (folded territory, year)
    Sets total;
    for (const auto& a : project.attendances) {
        const auto& session = project.sessions[static_cast<std::size_t>(a.session)];
        const auto& edition = project.editions[static_cast<std::size_t>(session.edition)];
        const auto& territory = project.territories[static_cast<std::size_t>(edition.territory)];
        auto& e = by_edition[{territory.key, edition.year}];
        if (e.counts.territory.empty()) {
            e.counts.territory = territory.name;
            e.counts.edition = edition.year ? std::to_string(edition.year) : std::string();
        }
        for (auto* s : {&e, &total}) {
            ++s->counts.rows;
            s->people.insert(a.person);
            if (a.organisation != model::no_id) s->organisations.insert(a.organisation);
            s->sessions.insert(a.session);
        }
    }
    Summary out;
    auto finish = [](Sets& s) {
        s.counts.people = static_cast<std::int64_t>(s.people.size());
        s.counts.organisations = static_cast<std::int64_t>(s.organisations.size());
        s.counts.sessions = static_cast<std::int64_t>(s.sessions.size());
        return s.counts;
    };
    for (auto& [key, e] : by_edition) out.editions.push_back(finish(e));
    out.total = finish(total);
    return out;
}

} // namespace maillage::ingest
