#include "maillage/model/erase.hpp"

#include <algorithm>
#include <stdexcept>

namespace maillage::model {

std::size_t erase_person(Project& project, Id person) {
    if (person < 0 || static_cast<std::size_t>(person) >= project.people.size())
        throw std::out_of_range("erase_person: unknown person id");
    auto shift = [person](Id& id) {
        if (id > person) --id;
    };
    const auto before = project.attendances.size();
    std::erase_if(project.attendances, [person](const Attendance& a) { return a.person == person; });
    const auto removed = before - project.attendances.size();
    for (auto& a : project.attendances) shift(a.person);
    std::erase_if(project.person_keys, [person](const PersonKey& k) { return k.person == person; });
    for (auto& k : project.person_keys) shift(k.person);
    std::erase_if(project.identities, [person](const PersonIdentity& i) { return i.person == person; });
    for (auto& i : project.identities) shift(i.person);
    // decisions and questions name people by pseudonym: theirs go with them
    const std::string pseudonym = project.people[static_cast<std::size_t>(person)].pseudonym;
    std::erase_if(project.decisions, [&](const IdentityDecision& d) {
        return d.people && (d.first == pseudonym || d.second == pseudonym);
    });
    std::erase_if(project.questions, [&](const IdentityQuestion& q) {
        return q.people && (q.first == pseudonym || q.second == pseudonym);
    });
    project.people.erase(project.people.begin() + person);
    return removed;
}

} // namespace maillage::model
