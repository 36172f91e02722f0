#include "maillage/model/erase.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace maillage::model {

std::size_t erase_person(Project& project, Id person) {
    if (person < 0 || static_cast<std::size_t>(person) >= project.people.size())
        throw std::out_of_range("erase_person: unknown person id");
    // the person's records: every way the rows named them
    std::set<Id> records;
    for (const auto& k : project.person_keys)
        if (k.person == person && k.record != no_id) records.insert(k.record);
    for (const auto* rows : {&project.attendances, &project.folded})
        for (const auto& a : *rows)
            if (a.person == person && a.record != no_id) records.insert(a.record);
    for (const auto& i : project.identities)
        if (i.person == person && i.record != no_id) records.insert(i.record);
    std::set<std::string> pseudonyms{project.people[static_cast<std::size_t>(person)].pseudonym};
    for (const auto r : records)
        if (static_cast<std::size_t>(r) < project.records.size()) pseudonyms.insert(project.records[static_cast<std::size_t>(r)].pseudonym);

    auto shift = [person](Id& id) {
        if (id > person) --id;
    };
    // records after a removed one move down by the number removed before them
    auto shift_record = [&records](Id& id) {
        if (id == no_id) return;
        id -= static_cast<Id>(std::distance(records.begin(), records.lower_bound(id)));
    };
    const auto before = project.attendances.size();
    std::erase_if(project.attendances, [person](const Attendance& a) { return a.person == person; });
    const auto removed = before - project.attendances.size();
    std::erase_if(project.folded, [person](const Attendance& a) { return a.person == person; });
    for (auto* rows : {&project.attendances, &project.folded})
        for (auto& a : *rows) {
            shift(a.person);
            shift_record(a.record);
        }
    std::erase_if(project.person_keys, [person](const PersonKey& k) { return k.person == person; });
    for (auto& k : project.person_keys) {
        shift(k.person);
        shift_record(k.record);
    }
    std::erase_if(project.identities, [person](const PersonIdentity& i) { return i.person == person; });
    for (auto& i : project.identities) {
        shift(i.person);
        shift_record(i.record);
    }
    for (auto it = records.rbegin(); it != records.rend(); ++it)
        if (static_cast<std::size_t>(*it) < project.records.size()) project.records.erase(project.records.begin() + *it);
    // decisions and questions name people by pseudonym: every name of theirs goes with them
    std::erase_if(project.decisions, [&](const IdentityDecision& d) {
        return d.people && (pseudonyms.contains(d.first) || pseudonyms.contains(d.second));
    });
    std::erase_if(project.questions, [&](const IdentityQuestion& q) {
        return q.people && (pseudonyms.contains(q.first) || pseudonyms.contains(q.second));
    });
    project.people.erase(project.people.begin() + person);
    return removed;
}

} // namespace maillage::model
