// Erasing a person from a project (GDPR right to erasure).
#pragma once

#include "maillage/model/project.hpp"

namespace maillage::model {

/// Removes person `person` from `project` everywhere: their attendances, keys, identities and
/// the person record; ids of later people shift down by one so the vectors stay dense.
/// Sessions and organisations are kept even when the person was their only trace (they are not
/// personal data). Returns the number of attendances removed. Complexity: linear in the
/// project's size. Throws std::out_of_range for an unknown id.
std::size_t erase_person(Project& project, Id person);

} // namespace maillage::model
