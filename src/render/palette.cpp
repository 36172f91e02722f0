#include "maillage/render/palette.hpp"

#include <map>

#include "maillage/core/messages.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::render {

namespace {

const std::map<std::string, TypeFamily, std::less<>>& families() {
    static const std::map<std::string, TypeFamily, std::less<>> table = {
        {"france_travail", TypeFamily::Employment},     {"apec", TypeFamily::Employment},
        {"mission_locale", TypeFamily::Employment},     {"cap_emploi", TypeFamily::Employment},
        {"cio", TypeFamily::Guidance},                  {"pij", TypeFamily::Guidance},
        {"cite_des_metiers", TypeFamily::Guidance},     {"carif_oref", TypeFamily::Guidance},
        {"france_services", TypeFamily::Guidance},      {"transitions_pro", TypeFamily::Training},
        {"opco", TypeFamily::Training},                 {"universite", TypeFamily::Training},
        {"cfa", TypeFamily::Training},                  {"greta", TypeFamily::Training},
        {"organisme_formation", TypeFamily::Training},  {"etablissement_scolaire", TypeFamily::Training},
        {"collectivite", TypeFamily::LocalAuthority},   {"epci", TypeFamily::LocalAuthority},
        {"autre_public", TypeFamily::State},            {"chambre_consulaire", TypeFamily::Economy},
        {"entreprise", TypeFamily::Economy},            {"cabinet_recrutement", TypeFamily::Economy},
        {"syndicat_employeurs", TypeFamily::Economy},   {"chambre_agriculture", TypeFamily::Economy},
        {"federation_professionnelle", TypeFamily::Economy}, {"association", TypeFamily::SocialEconomy},
        {"siae", TypeFamily::SocialEconomy},            {"cress", TypeFamily::SocialEconomy},
    };
    return table;
}

} // namespace

TypeFamily family_of(std::string_view type_key) {
    if (type_key.empty()) return TypeFamily::Unknown;
    static const auto taxonomy = model::Taxonomy::defaults();
    const auto seed = taxonomy.seed_type(type_key);
    const std::string_view k = seed ? std::string_view(*seed) : type_key;
    const auto& table = families();
    const auto it = table.find(k);
    return it == table.end() ? TypeFamily::Unknown : it->second;
}

std::string_view colour(TypeFamily family) {
    switch (family) {
    case TypeFamily::Employment: return "#0072B2";     // blue
    case TypeFamily::Guidance: return "#56B4E9";       // sky blue
    case TypeFamily::Training: return "#009E73";       // bluish green
    case TypeFamily::LocalAuthority: return "#E69F00"; // orange
    case TypeFamily::State: return "#CC79A7";          // reddish purple
    case TypeFamily::Economy: return "#D55E00";        // vermillion
    case TypeFamily::SocialEconomy: return "#F0E442";  // yellow
    case TypeFamily::Unknown: break;
    }
    return "#BBBBBB";
}

std::string_view label(TypeFamily family, core::Lang lang) {
    using core::Msg;
    switch (family) {
    case TypeFamily::Employment: return core::message(Msg::FamilyEmployment, lang);
    case TypeFamily::Guidance: return core::message(Msg::FamilyGuidance, lang);
    case TypeFamily::Training: return core::message(Msg::FamilyTraining, lang);
    case TypeFamily::LocalAuthority: return core::message(Msg::FamilyLocalAuthority, lang);
    case TypeFamily::State: return core::message(Msg::FamilyState, lang);
    case TypeFamily::Economy: return core::message(Msg::FamilyEconomy, lang);
    case TypeFamily::SocialEconomy: return core::message(Msg::FamilySocialEconomy, lang);
    case TypeFamily::Unknown: break;
    }
    return core::message(Msg::FamilyUnknown, lang);
}

std::string_view key(TypeFamily family) {
    switch (family) {
    case TypeFamily::Employment: return "employment";
    case TypeFamily::Guidance: return "guidance";
    case TypeFamily::Training: return "training";
    case TypeFamily::LocalAuthority: return "local_authority";
    case TypeFamily::State: return "state";
    case TypeFamily::Economy: return "economy";
    case TypeFamily::SocialEconomy: return "social_economy";
    case TypeFamily::Unknown: break;
    }
    return "unknown";
}

} // namespace maillage::render
