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
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"

namespace maillage::ingest {

/// Whether `name` names an organisation of the project: a spelling of its sheets or a registry
/// entry, compared by their keys (renames and aliases of `aliases` applied).
bool names_organisation(const model::Project& project, const model::AliasTable& aliases, std::string_view name);

/// Checks one decision against the project and against `earlier` decisions: both names known
/// (organisations by names_organisation, people by pseudonym), not one name twice, a year for
/// a rename, and no contradiction ("same" where the decisions make them different, or the
/// reverse, through chains of "same"). Returns the problem in `lang`, or empty when it holds.
/// Complexity: O(D + S) for D decisions and S spellings.
std::string decision_problem(const model::Project& project, const model::AliasTable& aliases,
                             const std::vector<model::IdentityDecision>& earlier,
                             const model::IdentityDecision& decision, core::Lang lang);

/// Reads a decisions file. Every problem (malformed line, unknown organisation or person,
/// contradiction with an earlier line) is added to `diagnostics` at its file:line:column; the
/// decisions are returned only when there is none (empty otherwise: nothing half-taken).
/// Complexity: O(L·(D + S)) for L lines.
std::vector<model::IdentityDecision> read_decisions(std::string_view text, std::string_view source,
                                                    const model::Project& project, const model::AliasTable& aliases,
                                                    core::Lang lang, core::Diagnostics& diagnostics);

/// The decisions as a file read_decisions reads back to the same decisions (headers in `lang`).
std::string write_decisions(const std::vector<model::IdentityDecision>& decisions, core::Lang lang);

} // namespace maillage::ingest
