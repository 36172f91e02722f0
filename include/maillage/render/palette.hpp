// The one colour palette of maillage: diagrams, maps and the report colour an organisation by
// its type family, always with the same colour.
//
// No palette distinguishes 28 seed types for colour-blind readers, so types are grouped into
// seven families of DOMAIN.md's actors, each given one of Okabe & Ito's (2008) colour-blind-
// safe colours (black excluded: it is kept for outlines and text). The organisation's own type
// label stays in tooltips and tables.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "maillage/core/lang.hpp"

namespace maillage::render {

/// A family of organisation types, in legend order.
enum class TypeFamily {
    Employment,   ///< public employment service: France Travail, Apec, Mission locale, Cap emploi
    Guidance,     ///< guidance and information: CIO, PIJ, Cité des métiers, Carif-Oref, France services
    Training,     ///< training and skills: OPCO, Transitions Pro, CFA, GRETA, university, schools, training bodies
    LocalAuthority, ///< communes, EPCI, départements, région
    State,        ///< State services and other public bodies (DDETS, MDPH, CAF, MSA, Agefiph, ...)
    Economy,      ///< companies, chambers, employers' unions, professional federations, recruiters
    SocialEconomy, ///< associations, SIAE, CRESS
    Unknown,      ///< the type is not known
};

inline constexpr TypeFamily type_families[] = {TypeFamily::Employment, TypeFamily::Guidance,      TypeFamily::Training,
                                               TypeFamily::LocalAuthority, TypeFamily::State, TypeFamily::Economy,
                                               TypeFamily::SocialEconomy, TypeFamily::Unknown};

/// The family of a type key of the default taxonomy (a finer type takes its seed type's family);
/// an unknown or empty key gives TypeFamily::Unknown. Complexity: O(log types).
TypeFamily family_of(std::string_view type_key);

/// "#0072B2"-style colour of a family (Okabe & Ito; Unknown: light grey "#BBBBBB").
std::string_view colour(TypeFamily family);

/// The family's legend label ("Service public de l'emploi", "Public employment service").
std::string_view label(TypeFamily family, core::Lang lang);

/// Stable key ("employment", "guidance", ...), for files and tests.
std::string_view key(TypeFamily family);

} // namespace maillage::render
