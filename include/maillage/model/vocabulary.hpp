// The closed vocabularies of an edition (DOMAIN.md): the kinds of session and the roles a
// person holds in a session, read from the free text coordinators type in their sheets.
#pragma once

#include <optional>
#include <string_view>

namespace maillage::model {

/// What a session is inside an edition. A preparation session gathers the cooperation group;
/// the plenary gathers everyone present; workshops (ateliers) run in rounds.
enum class SessionKind { Preparation, Plenary, Workshop };

/// The role of a person in a session: the workshop trio is exposant (presents the problem),
/// gardien de la méthode (keeps the method) and scribe (keeps the record).
enum class Role { Participant, Exposant, Gardien, Scribe };

/// Reads a session kind from sheet text, accents and case ignored ("Plénière d'ouverture",
/// "préparation", "Groupe de coopération", "workshop"...). Returns nullopt when the text names
/// no known kind. Complexity: linear in the text length.
std::optional<SessionKind> parse_session_kind(std::string_view text);

/// Reads a role from sheet text ("Participante", "Gardienne de la méthode", "scribe",
/// "exposant·e", "presenter"...). Empty text is a participant. Returns nullopt for an unknown
/// role. Complexity: linear in the text length.
std::optional<Role> parse_role(std::string_view text);

/// Stable English keys used in CSV and JSON output: "preparation", "plenary", "workshop";
/// "participant", "exposant", "gardien", "scribe".
std::string_view key(SessionKind kind);
std::string_view key(Role role);

} // namespace maillage::model
