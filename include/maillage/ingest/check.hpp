// What `maillage check` reports beyond row problems: organisations and people that are
// probably one and the same but that maillage keeps apart, for the coordinator to confirm
// (an alias to add, an identifier to give). Pure: a project and the spellings seen in, a list
// of pairs out; nothing is merged here. The rules are in docs/check.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillage/ingest/project_builder.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"

namespace maillage::ingest {

struct CheckOptions {
    /// Organisation pairs scoring at least this (model::name_similarity) are reported.
    double threshold = 0.7;
    /// Blocks (see find_similar_organisations) larger than this are not compared pair by pair:
    /// a three-letter prefix shared by that many organisations of one territory says nothing.
    std::size_t block_cap = 200;
};

/// Where an organisation or a person was seen in one territory.
struct Sighting {
    std::string territory;  ///< its name as first written
    std::vector<int> years; ///< distinct, ascending (0 = year not given)
    std::int64_t rows = 0;  ///< attendances (rows taken, duplicates left out)
};

struct SimilarOrganisations {
    /// The alias line keeps its name: the one whose name has more words (a truncation is the
    /// usual slip), then the one seen on more rows.
    model::Id kept = model::no_id;
    model::Id other = model::no_id;
    std::string kept_name;  ///< a spelling as written whose identity is `kept` (its most frequent)
    std::string other_name;
    double score = 0.0;     ///< model::name_similarity, the best over the spellings of both
    /// A spelling of the one that, with renames and aliases applied, is a spelling of the
    /// other: the two were kept apart by their SIRET. Empty otherwise.
    std::string shared_spelling;
    std::optional<model::Rename> rename; ///< a rename between the two names shown (Opacif → OPCO)
    std::vector<Sighting> kept_seen, other_seen;
    std::string alias_line; ///< the line to add to an aliases CSV (`nom,alias,depuis`)
};

struct SimilarPeople {
    model::Id first = model::no_id, second = model::no_id;
    std::string first_name, second_name; ///< as written (personal data: for the coordinator only)
    std::vector<std::string> first_emails, second_emails;
    int edits = 0;      ///< edits between the folded names (0: the same name, written alike or not)
    double score = 0.0; ///< 1 − edits / length of the longer folded name
    std::vector<Sighting> first_seen, second_seen;
};

/// Pairs of distinct organisations of `project` whose names are alike: score ≥
/// options.threshold. Each organisation is compared under every spelling in `spellings` that
/// went to it (renames and aliases of `aliases` applied, as ingest applies them); an
/// organisation without spellings (a project read from a store) under its key and name.
/// Two names that both hold numbers, and not the same ones ("Femmes Solidaires 04" / "05"),
/// are numbered siblings and score 0.
/// Two organisations are compared when they were seen in a common territory, or when one of
/// them was seen in several territories (a regional organisation), and when their names share
/// a blocking key: the first three letters of a word (all of a shorter word), within one
/// territory, and across territories for regional organisations; keys shared by more than
/// options.block_cap organisations are skipped. Sorted by score, descending, then names.
/// Complexity: O(S·ℓ) to normalise S spellings, then O(Σ b²) similarity computations over the
/// blocks b kept (at most block_cap each), each O(w²·L) for names of w words of length L.
/// Throws nothing but std::bad_alloc.
std::vector<SimilarOrganisations> find_similar_organisations(const model::Project& project,
                                                             const std::vector<ProjectBuilder::Spelling>& spellings,
                                                             const model::AliasTable& aliases,
                                                             const CheckOptions& options);

/// Pairs of distinct people of `project` whose names (project.identities) are the same once
/// folded (case, accents, word order) or one edit apart (a letter added, dropped, changed, or
/// two neighbours swapped) when the longer name has at least 8 letters. Two people who both
/// hold a registration identifier are never paired (the registration tool tells them apart).
/// Candidates are found by deletion neighbourhoods (each folded name and its one-letter
/// deletions are keys), so no pair of names is compared unless they can be one edit apart; a
/// key held by more than `max_namesakes` people is a common name and is skipped. Sorted by
/// score, descending, then names. Complexity: O(N·ℓ²) for N names of length ℓ, plus
/// O(max_namesakes²) per key kept. Throws nothing but std::bad_alloc.
std::vector<SimilarPeople> find_similar_people(const model::Project& project, std::size_t max_namesakes = 20);

/// One person of the project known under e-mails that differ before the "@" (not an
/// employer's new domain: another address) and no identifier: ingest joined the rows by the
/// name alone ("Hélène Martin" with helene.martin@..., "Helene Martin" with h.martin@...).
/// Namesakes would be joined the same way: the coordinator says which.
struct JoinedByName {
    model::Id person = model::no_id;
    std::vector<std::string> names;  ///< as written
    std::vector<std::string> emails;
    std::vector<Sighting> seen;
    /// The pseudonyms of the records joined (what `resolve --people --different` names)
    std::vector<std::string> records;
};

/// Every such person, sorted by first name written. Complexity: linear in project.identities
/// and project.attendances. Throws nothing but std::bad_alloc.
std::vector<JoinedByName> find_joined_by_name(const model::Project& project);

/// Years as a coordinator reads them: consecutive runs joined, "2015–2017, 2019, 2021–2025"
/// (the edition years of a territory skip some years: runs are over the years given).
std::string format_years(const std::vector<int>& years);

} // namespace maillage::ingest
