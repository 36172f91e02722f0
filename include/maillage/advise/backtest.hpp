#pragma once
// The back-test's value measure (docs/advise.md, "Back-test"): what a hidden edition brought,
// to judge a ranking by the ties its organisations went on to make rather than by who came.

#include <cstddef>
#include <map>
#include <vector>

#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::advise {

/// Per organisation that came to the hidden edition, its new cross-type reconnaissance ties there.
struct NewCrossTypeTies {
    /// every organisation of the hidden edition's reconnaissance network → its new ties
    std::map<model::Id, double> per_organisation;

    /// The value of a ranking's first n: the new ties of those among them that came (no_id
    /// entries, registry organisations never seen, count for nothing). `came`, when given,
    /// receives how many of the first n came. Complexity: O(n log m).
    [[nodiscard]] double of(const std::vector<model::Id>& ranked, std::size_t n, std::size_t* came = nullptr) const;
};

/// Hide `hidden_year`'s edition of `territory`: among the organisations of its reconnaissance
/// network, count for each the reconnaissance ties it made there with organisations of a type
/// (seed level: a CIDFF is an association) that it had no reconnaissance tie with at the
/// territory's editions up to `previous_year`, its own type excluded; a tie counts once from
/// each side. Throws nothing but allocation failures. Complexity: linear in the attendances and
/// the ties of the two windows (O((A + E) log N)).
NewCrossTypeTies new_cross_type_ties(const model::Project& project, const model::Taxonomy& taxonomy, model::Id territory,
                                     int hidden_year, int previous_year);

} // namespace maillage::advise
