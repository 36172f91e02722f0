// Organisation types: the canonical kinds of organisation that come to ateliers de dialogue
// territorial, their mobilisation class (seed 002's own classification, DOMAIN.md), and the
// free text coordinators type in a "Type de structure" column, read back to a type key.
// docs/taxonomy.md holds the table of types and the extension file format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::model {

/// Seed 002's three groups of organisations by how much they take part:
/// recurring contributors ("contributeurs récurrents"), frequent participants ("participants
/// fréquents") and organisations not mobilised so far ("pas encore mobilisés").
enum class Mobilisation { RecurringContributor, FrequentParticipant, NotMobilised };

/// Stable keys used in files and output: "recurring_contributor", "frequent_participant",
/// "not_mobilised".
std::string_view key(Mobilisation mobilisation);

/// Reads a class key, accents and case ignored; also accepts the short forms "recurring",
/// "frequent" and "not mobilised". Returns nullopt for anything else. Complexity: linear.
std::optional<Mobilisation> parse_mobilisation(std::string_view text);

/// One canonical organisation type.
struct OrganisationType {
    std::string key;      ///< stable, [a-z][a-z0-9_]*, e.g. "mission_locale"
    std::string label_fr; ///< "Mission locale"
    std::string label_en; ///< "Local youth employment agency (Mission locale)"
    Mobilisation mobilisation = Mobilisation::NotMobilised;
    /// The broader seed type this one refines ("conseil_departemental" → "collectivite"), or
    /// empty for a seed type. Lets reports count by seed type while keeping the finer kinds of
    /// the 2019 public directory.
    std::string parent;
};

/// The catalogue of types and of the free-text synonyms that name them.
///
/// Matching (classify): the text is folded (core::fold: accents, case and punctuation
/// removed), then
///   1. exact: the folded text is a known synonym, a directory code ("chambre_metier") or a
///      type key ("france_travail"), whose folded forms are all synonyms;
///   2. prefix: otherwise, the longest known synonym that the folded text starts with, ending
///      at a word boundary: "Cap emploi (OPS)" → "cap emploi", "Entreprise privée" →
///      "entreprise", but "Entreprise d'insertion" is itself a synonym (of siae) and wins by
///      rule 1.
/// Text naming no known synonym gives nullopt; in particular "Autre" is deliberately unknown
/// (it says nothing about the organisation: the caller falls back to a registry or asks).
class Taxonomy {
public:
    /// An empty catalogue (no type, no synonym).
    Taxonomy() = default;

    /// The shipped catalogue: the 27 seed types of DOMAIN.md, "greta" and "autre_public" (the
    /// example dataset's two extra seed-level types), and the finer kinds of the 2019 public
    /// directory (cidff, mdph, ddets, ...) with their parent seed type; their synonyms,
    /// including every `categorie` code of the directory. Built once per call.
    /// Complexity: constant (a fixed table).
    static Taxonomy defaults();

    /// The type key the free text names, by the matching rules above; nullopt when it names
    /// none. Complexity: O(w log s) for w words in the text and s synonyms.
    [[nodiscard]] std::optional<std::string> classify(std::string_view free_text) const;

    /// The type with that key, or nullptr. Complexity: O(log t).
    [[nodiscard]] const OrganisationType* find(std::string_view key) const;

    /// The seed-level type of a key: itself for a seed type, its parent's seed type for a finer
    /// kind ("cidff" → "association"). Returns nullopt for an unknown key. Complexity: O(d log t)
    /// for a parent chain of depth d (1 in the shipped catalogue).
    [[nodiscard]] std::optional<std::string> seed_type(std::string_view key) const;

    /// Every type, in catalogue order (seed types first, by class, then the finer kinds).
    [[nodiscard]] const std::vector<OrganisationType>& types() const { return m_types; }

    /// The folded synonyms of a type, sorted (for documentation and "did you mean" lists).
    /// Complexity: O(s).
    [[nodiscard]] std::vector<std::string> synonyms_of(std::string_view key) const;

    /// Adds a type, or replaces the labels, class and parent of the type with that key. The
    /// folded key becomes a synonym. Throws std::invalid_argument when the key is not
    /// [a-z][a-z0-9_]* or the parent is unknown (programming errors: user input goes through
    /// extend_from_toml). Complexity: O(log t + log s).
    void add_type(OrganisationType type);

    /// Makes the folded text a synonym of the type; a later synonym replaces an earlier one.
    /// Throws std::invalid_argument when the type is unknown or the text folds to nothing.
    /// Complexity: O(log s).
    void add_synonym(std::string_view text, std::string_view type_key);

    /// Extends the catalogue from TOML text (docs/taxonomy.md):
    ///
    ///     [types.ess_local]                 # a new type, or changes to a shipped one
    ///     label_fr = "Acteur local de l'ESS"
    ///     label_en = "Local social economy actor"
    ///     class = "not_mobilised"           # or recurring_contributor, frequent_participant
    ///     parent = "association"            # optional; a new type without class takes its
    ///                                       # parent's
    ///     synonyms = ["ESS", "Économie sociale et solidaire"]   # optional
    ///
    ///     [synonyms]
    ///     "tiers-lieu" = "association"
    ///
    /// Types are added before synonyms, so a synonym may name a type of the same file. Nothing
    /// is changed when an error is thrown. `source` names the text in messages (a file name).
    /// Throws FatalError "source:line:column: erreur: ..." (in `lang`) for invalid TOML, an
    /// unknown section or field, a bad key, a missing label of a new type, an unknown class or
    /// an unknown type. Complexity: linear in the text plus O(n log s) for n entries.
    void extend_from_toml(std::string_view toml_text, std::string_view source, core::Lang lang);

private:
    std::vector<OrganisationType> m_types;
    std::map<std::string, std::size_t, std::less<>> m_index;          // key → m_types index
    std::map<std::string, std::string, std::less<>> m_synonyms;       // folded text → key
};

} // namespace maillage::model
