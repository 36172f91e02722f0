// Who is who: organisations decided on evidence, not on spelling alone (SIRET, type, commune
// or département, the words left once type words and place names are set apart, renames), and
// people by e-mail, then by name within one organisation. What no rule can settle becomes a
// question for the coordinator, whose answers (decisions) win over every rule.
// Pure: the project and the reference data in, identities and questions out. docs/identity.md
// explains the evidence, the scores and the thresholds.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/ingest/communes.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::ingest {

/// Place names for identity evidence: communes (COG 2026) by folded name, départements by
/// number and by name.
class Gazetteer {
public:
    Gazetteer() = default;
    /// From the communes and `departements.csv` of `folder` (datasets/france). Throws
    /// FatalError when the file is missing. Complexity: linear in the files.
    static Gazetteer load(const CommuneIndex& communes, const std::string& folder, core::Lang lang);
    /// From explicit tables (tests): communes as (name, code), départements as (name, code).
    static Gazetteer from(const std::vector<std::pair<std::string, std::string>>& communes,
                          const std::vector<std::pair<std::string, std::string>>& departements);

    /// The département of a commune code ("84007" → "84", "97411" → "974", "2A004" → "2A").
    static std::string departement_of(std::string_view commune);

    /// The codes of the communes named `folded` (core::fold of the name).
    [[nodiscard]] const std::vector<std::string>& communes_named(const std::string& folded) const;
    /// The département named `folded` ("pyrenees atlantiques") or numbered ("64"); empty if none.
    [[nodiscard]] std::string departement_named(const std::string& folded) const;
    /// The communes of `departement` whose name begins with the words `folded` and that are the
    /// only ones there to do so ("oloron" → Oloron-Sainte-Marie); empty otherwise.
    [[nodiscard]] std::string commune_beginning(const std::string& folded, const std::string& departement) const;
    /// The longest place name, in words, that the gazetteer knows (bounds the search).
    [[nodiscard]] std::size_t longest_name() const { return m_longest; }

private:
    std::unordered_map<std::string, std::vector<std::string>> m_communes; // folded name → codes
    std::unordered_map<std::string, std::string> m_departements;          // folded name or number → code
    std::unordered_map<std::string, std::vector<std::string>> m_beginnings; // "dep|leading words" → codes
    void index_beginnings(const std::string& folded, const std::vector<std::string>& codes);
    void add_commune(const std::string& folded, const std::vector<std::string>& codes);
    void add_departement(const std::string& name, const std::string& code);
    std::size_t m_longest = 1;
};

/// What resolution knows beside the spellings.
struct IdentityContext {
    const model::AliasTable* aliases = nullptr; ///< renames (and old aliases); defaults when null
    const model::Taxonomy* taxonomy = nullptr;  ///< types; the shipped catalogue when null
    const Gazetteer* places = nullptr;          ///< place names; none when null
    const CommuneIndex* communes = nullptr;     ///< commune names for display; codes when null
    /// What identifies these tables (IdentityReference::load): resolve_organisations keeps its
    /// grouping under it in the project (model::Project::organisation_memo) and takes it back
    /// when nothing it reads changed. Empty: no memo is made nor read.
    std::string fingerprint;
};

/// What one name tells about its organisation.
struct OrgEvidence {
    std::string key;                      ///< normalise_org_name with renames applied
    std::string type_phrase;              ///< the words of the name that gave its type ("cci", "mission locale")
    bool type_from_name = false;          ///< the type was read in the name, not in the type column
    int type_family = -1, type_member = -1; ///< kinds one type covers that are distinct organisations ("CCI", "CMA")
    std::string initials;                 ///< of the name's words ("Communauté de communes Lacq-Orthez" → cclo)
    std::string initials_short;           ///< the same without the places that end the name
    std::string acronym;                  ///< the name's one word when it may be an acronym ("CCLO"), else empty
    std::string type;                     ///< taxonomy key: from the name, else the type column
    std::string commune;                  ///< INSEE code: the commune column, else a place in the name
    std::string departement;              ///< of the commune, else a département in the name
    std::string siret;
    std::vector<std::string> distinctive; ///< the words left once type, filler and place words are set apart
    std::vector<std::string> numbers;     ///< numbers among them (never paired unless equal)
    /// The distinctive words with what the name says in parentheses ("(SAOI)"), when it differs.
    std::vector<std::string> distinctive_full;
    std::vector<std::string> commune_words; ///< the folded words of its commune's name
    std::string region;                   ///< a région the name says ("PACA", "Pays de la Loire"), by code
    bool placed_by_name = false;          ///< a commune's name was read in the name
    std::vector<std::string> place_names; ///< distinctive words that name a commune somewhere in France
    model::Id territory = model::no_id;
};

/// Where a name was written: the départements its territory's rows point to (their communes)
/// and those its name is, where a place name in an organisation's name is looked for; and the
/// territory's own name, whose words are places too ("Mission locale du Béarn" in the Béarn).
struct Surroundings {
    std::vector<std::string> departements;
    std::string territory_name;
};

/// The identity key of an organisation name: normalise_org_name with renames (and aliases)
/// applied, letters and digits that end a word apart ("CD64" is "CD 64"). Decisions, questions
/// and resolution all compare names through it.
std::string org_key(const model::AliasTable& aliases, std::string_view name);

/// The evidence of a name with its row's type, commune, SIRET and territory.
/// Complexity: O(w·k) for w words and place names of up to k words.
OrgEvidence org_evidence(std::string_view name, std::string_view type, std::string_view commune,
                         std::string_view siret, model::Id territory, const IdentityContext& context,
                         const Surroundings& where);

/// How two names compare.
enum class Match { Same, Ask, Apart };
struct OrgComparison {
    Match match = Match::Apart;
    /// How close: 0.85 and more is one organisation (up to 1.15 on words, type and place; 1.5
    /// for one name, 2 for one SIRET), 0.6 to 0.85 a question; ranks candidates.
    double score = 0;
    std::string evidence; ///< comma-separated evidence keys, e.g. "type,commune,words"
};

/// Scores and thresholds (docs/identity.md).
inline constexpr double same_threshold = 0.85; ///< at or above: one organisation
inline constexpr double ask_threshold = 0.6;   ///< at or above (and below same): a question

/// Compares two organisations' evidence. `registry`: b is a registry entry (its official name
/// carries words a sheet leaves out). Two whose SIRETs, types (seed types, or two finer kinds),
/// communes, départements or numbers are both known and differ are Apart whatever their names.
/// Complexity: O(n·m·L) for n and m distinctive words of length up to L.
OrgComparison compare_organisations(const OrgEvidence& a, const OrgEvidence& b, bool registry,
                                    const model::Taxonomy& taxonomy);

/// What resolution did, for the caller to report.
struct ResolutionReport {
    std::size_t organisations = 0; ///< resolved organisations
    std::size_t merged_by_rule = 0, merged_by_decision = 0, questions = 0;
    std::size_t registry_matched = 0;
    /// People: attendances found twice once their people were joined (one person at one
    /// session under two spellings of their name), by the file of the one dropped.
    std::vector<model::Id> duplicate_files;
};

/// Resolves project.spellings into project.organisations: evidence per spelling, candidate
/// pairs by blocking (same SIRET, same key, same type and commune or département, a shared
/// distinctive word), pairs merged best first unless the groups conflict, decisions first.
/// Rewrites project.organisations (names chosen, two distinct ones never share a name),
/// every attendance's organisation, every spelling's organisation, the registry's matches
/// (the same evidence), and the organisation questions (people's are left alone).
/// Complexity: O(S·w·k) for the evidence, plus O(Σ b²) comparisons over blocks b (capped).
ResolutionReport resolve_organisations(model::Project& project, const IdentityContext& context);

/// Matches each registry entry to the organisation that came, with the same evidence as
/// resolve_organisations (the entry's official name may carry words a sheet leaves out): the
/// best-scoring organisation at or above same_threshold (a SIRET first), a question below it
/// down to ask_threshold; a decision naming the entry and a spelling wins. Sets each entry's
/// `organisation` and `match` ("siret", "name" for the same key, "evidence" otherwise).
/// Complexity: O(R·w·k) evidence, then O(R·b) comparisons for blocks of b spellings.
ResolutionReport match_registry(model::Project& project, const IdentityContext& context);

/// Resolves people after organisations: two people who share a name (folded) and neither an
/// identifier nor an e-mail are one when they came from one organisation, or when they came
/// in disjoint years under e-mail addresses with the same local part (a change of employer);
/// two who came the same year from different organisations are two;
/// the rest are questions. Decisions first. Merges rewrite the attendances and the keys.
/// Complexity: O(A + Σ g²) for A attendances and groups of g namesakes.
ResolutionReport resolve_people(model::Project& project);

/// Each organisation's name and each registry entry's as the organisation writes it, never a
/// name shouted in capitals: an organisation whose spellings are all in capitals takes the name
/// of the registry entry it matched when that one is not (and no other organisation has it),
/// else its spelling put in proper case (model::proper_case, places from `context.communes`);
/// a registry entry in capitals is put in proper case. Run after match_registry: every output
/// (text, JSON, report, exports, workspace) shows these names. Idempotent.
/// Complexity: O(O + R) names, plus the communes' names once when a name is in capitals.
void show_names(model::Project& project, const IdentityContext& context);

/// Every identity afresh, decisions first: organisations, the registry's matches, people.
/// Complexity: the sum of the three.
ResolutionReport resolve_identities(model::Project& project, const IdentityContext& context);

} // namespace maillage::ingest
