#include "maillage/model/vocabulary.hpp"

#include <array>
#include <string>

#include "maillage/core/text.hpp"

namespace maillage::model {
namespace {

// A folded text matches a stem when it is the stem or starts with the stem and a space.
bool starts_with_word(const std::string& folded, std::string_view stem) {
    return folded == stem || (folded.starts_with(stem) && folded.size() > stem.size() &&
                              folded[stem.size()] == ' ');
}

bool starts_with_any(const std::string& folded, std::initializer_list<std::string_view> stems) {
    for (auto stem : stems)
        if (starts_with_word(folded, stem)) return true;
    return false;
}

} // namespace

std::optional<SessionKind> parse_session_kind(std::string_view text) {
    const std::string f = core::fold(text);
    if (starts_with_any(f, {"preparation", "prepa", "groupe de cooperation", "cooperation",
                            "reunion de preparation", "comite de preparation", "prep"}))
        return SessionKind::Preparation;
    if (starts_with_any(f, {"pleniere", "plenary", "pleniere d ouverture", "ouverture", "cloture",
                            "seance pleniere", "plenier"}))
        return SessionKind::Plenary;
    if (starts_with_any(f, {"atelier", "workshop", "table ronde", "sous groupe"}))
        return SessionKind::Workshop;
    return std::nullopt;
}

std::optional<Role> parse_role(std::string_view text) {
    const std::string f = core::fold(text);
    if (f.empty() || starts_with_any(f, {"participant", "participante", "participants",
                                         "participant e", "participantes", "membre", "attendee"}))
        return Role::Participant;
    if (starts_with_any(f, {"exposant", "exposante", "exposant e", "presenter", "expose"}))
        return Role::Exposant;
    if (starts_with_any(f, {"gardien", "gardienne", "gardien ne", "gardien de la methode",
                            "gardienne de la methode", "method keeper", "keeper"}))
        return Role::Gardien;
    if (starts_with_any(f, {"scribe", "scribes", "note taker", "secretaire de seance"}))
        return Role::Scribe;
    return std::nullopt;
}

std::string_view key(SessionKind kind) {
    switch (kind) {
    case SessionKind::Preparation: return "preparation";
    case SessionKind::Plenary: return "plenary";
    case SessionKind::Workshop: return "workshop";
    }
    return "workshop";
}

std::string_view key(Role role) {
    switch (role) {
    case Role::Participant: return "participant";
    case Role::Exposant: return "exposant";
    case Role::Gardien: return "gardien";
    case Role::Scribe: return "scribe";
    }
    return "participant";
}

} // namespace maillage::model
