// Counts per territory and edition: rows, people, organisations and sessions. Pure: records in,
// table out.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "maillage/ingest/record.hpp"
#include "maillage/model/project.hpp"

namespace maillage::ingest {

struct EditionCounts {
    std::string territory; ///< as first written; empty = not given
    std::string edition;   ///< year; empty = not given
    std::int64_t rows = 0;
    std::int64_t people = 0;
    std::int64_t organisations = 0;
    std::int64_t sessions = 0;
};

struct Summary {
    std::vector<EditionCounts> editions; ///< sorted by territory (folded), then edition
    EditionCounts total;                 ///< distinct people and organisations over everything
};

/// Accumulates records, then counts. People are identified, provisionally until the store's
/// identity resolution: the identifier, e-mail and name a row carries are linked (so a person
/// whose e-mail is missing on some rows, or who gets an identifier when the registration tool
/// changes, is counted once), except that two different identifiers are never merged: two
/// people who share a name keep their own identifiers. Names are compared folded ("HÉLÈNE" =
/// "Helene"). Two people with the same name and neither e-mail nor identifier count once. Organisations are compared by folded name; sessions by
/// folded name inside their edition.
/// Complexity: add is amortised O(1) in hash-table operations; finish is O(keys · α(keys)).
/// The same counts from a project (a store): its resolved people and organisations, one row per
/// attendance, so that they agree with every other document made from the store.
/// Complexity: O(A log E) for A attendances and E editions.
Summary summarise(const model::Project& project);

class SummaryBuilder {
public:
    void add(const AttendanceRecord& record);
    [[nodiscard]] Summary finish();

private:
    std::size_t intern(const std::string& key);
    std::size_t find(std::size_t key);
    void unite(std::size_t a, std::size_t b);

    struct Group {
        std::string territory;
        std::string edition;
        std::int64_t rows = 0;
        std::unordered_set<std::size_t> people; ///< any key id of the person (root found at finish)
        std::unordered_set<std::string> organisations;
        std::unordered_set<std::string> sessions;
    };
    std::map<std::pair<std::string, std::string>, Group> m_groups; // (folded territory, edition)
    std::unordered_map<std::string, std::string> m_territory_spelling; // folded → first spelling
    std::unordered_map<std::string, std::size_t> m_key_ids;
    std::vector<std::size_t> m_parent;
    std::vector<std::string> m_identifier; ///< per root: the identifier its component holds, if any
    std::int64_t m_rows = 0;
};

} // namespace maillage::ingest
