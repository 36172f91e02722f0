#include "maillage/ingest/summary.hpp"

#include "maillage/core/text.hpp"

namespace maillage::ingest {

std::size_t SummaryBuilder::intern(const std::string& key) {
    auto [it, inserted] = m_key_ids.try_emplace(key, m_parent.size());
    if (inserted) m_parent.push_back(it->second);
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
    if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
}

void SummaryBuilder::add(const AttendanceRecord& record) {
    ++m_rows;
    std::size_t person = 0;
    if (!record.person_id.empty()) {
        person = intern("id:" + record.person_id);
    } else {
        std::optional<std::size_t> email, name;
        if (!record.email.empty()) email = intern("email:" + record.email);
        if (!record.name_key.empty()) name = intern("name:" + record.name_key);
        if (email && name) unite(*email, *name);
        person = email ? *email : *name;
    }
    std::string territory_key = core::fold(record.territory);
    const auto& spelling = m_territory_spelling.try_emplace(territory_key, record.territory).first->second;
    auto& group = m_groups[{std::move(territory_key), record.edition}];
    if (group.rows == 0) {
        group.territory = spelling;
        group.edition = record.edition;
    }
    ++group.rows;
    group.people.insert(person);
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

} // namespace maillage::ingest
