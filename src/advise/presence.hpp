// Who came where: per organisation and territory, the editions, people, trio roles and
// preparation sessions (private to advise).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "maillage/model/project.hpp"

namespace maillage::advise::detail {

struct Seen {
    std::set<model::Id> editions, people;
    std::int64_t trio_roles = 0, preparation = 0;
};

struct Presence {
    std::vector<std::map<model::Id, Seen>> by_org; ///< organisation → territory → what it did there
    std::vector<model::Id> edition_territory;
    [[nodiscard]] bool came_to(model::Id o, model::Id t) const { return by_org[static_cast<std::size_t>(o)].count(t) != 0; }
    [[nodiscard]] bool came_anywhere(model::Id o) const { return !by_org[static_cast<std::size_t>(o)].empty(); }
};

/// Complexity: O(A log A) for A attendances.
Presence presence(const model::Project& project);

} // namespace maillage::advise::detail
