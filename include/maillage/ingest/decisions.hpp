// The coordinator's identity decisions as a readable file kept with the project folder
// (`maillage resolve STORE --export decisions.csv` / `--import decisions.csv`), and the checks
// a decision passes before it is recorded. Pure: text and a project in, decisions or located
// errors out.
//
// The file is CSV (`,` or `;`), one decision per line, French or English headers:
//
//     objet,premier,second,decision,annee
//     organisation,ML Pau,Mission Locale Jeunes de Pau,meme,
//     organisation,DIRECCTE UD 64,DDETS 64,renomme,2021
//     organisation,CIO Pau,CIO Bayonne,different,
//     personne,P-1a2b3c4d5e6f,P-6f5e4d3c2b1a,different,
//
// (`about,first,second,verdict,year` with `organisation|person` and `same|different|renamed`
// in English; accents and case ignored). Organisations are named as a sheet or the registry
// writes them (matched by their normalised name); people only by pseudonym.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"

namespace maillage::ingest {

/// The names a decision may use: the organisations' (every spelling of the sheets and every
/// registry entry, by org_key) and the people's pseudonyms. Built once per project.
struct KnownNames {
    std::unordered_set<std::string> organisations; ///< org_key of each
    std::unordered_set<std::string> people;        ///< pseudonyms
    static KnownNames of(const model::Project& project, const model::AliasTable& aliases);
    [[nodiscard]] bool organisation(const model::AliasTable& aliases, std::string_view name) const;
    [[nodiscard]] bool person(std::string_view pseudonym) const;
};

/// Checks one decision against the names the project knows and against `earlier` decisions:
/// both names known, not one name twice, a year for a rename, and no contradiction ("same"
/// where the decisions make them different, or the reverse, through chains of "same"). Returns
/// the problem in `lang`, or empty when it holds. Complexity: O(D) for D decisions.
std::string decision_problem(const KnownNames& known, const model::AliasTable& aliases,
                             const std::vector<model::IdentityDecision>& earlier,
                             const model::IdentityDecision& decision, core::Lang lang);

/// Reads a decisions file. Every problem (malformed line, unknown organisation or person,
/// contradiction with an earlier line) is added to `diagnostics` at its file:line:column; the
/// decisions are returned only when there is none (empty otherwise: nothing half-taken).
/// Complexity: O(S + L·D) for S spellings and registry entries, L lines.
std::vector<model::IdentityDecision> read_decisions(std::string_view text, std::string_view source,
                                                    const model::Project& project, const model::AliasTable& aliases,
                                                    core::Lang lang, core::Diagnostics& diagnostics);

/// The decisions as a file read_decisions reads back to the same decisions (headers in `lang`).
std::string write_decisions(const std::vector<model::IdentityDecision>& decisions, core::Lang lang);

} // namespace maillage::ingest
