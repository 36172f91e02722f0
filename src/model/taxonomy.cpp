#include "maillage/model/taxonomy.hpp"

#include <stdexcept>

#include <toml++/toml.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

namespace maillage::model {
namespace {

using M = Mobilisation;

struct TypeRow {
    std::string_view key, label_fr, label_en;
    Mobilisation mobilisation;
    std::string_view parent;
    std::vector<std::string_view> synonyms;
};

// The shipped catalogue. Seed types first (DOMAIN.md, seed 002), then the finer kinds of the
// 2019 DILA directory (paca_annuaire_organisations_2019.csv) under the seed type they refine.
// A finer kind takes its parent's class; where the directory code is just another name of a
// seed type (msap, cij, cci, chambre_metier, epci_*), it is a synonym, not a type.
// Why each class, where it is a choice:
//  - greta: a public training network (Education nationale); as a training body it could be
//    "not mobilised", but it sits with the public guidance partners and the example dataset
//    (datasets/paca) counts it as a frequent participant: frequent.
//  - autre_public: other State and public bodies (DDETS, MDPH, CAF, MSA, Agefiph, CNFPT,
//    centres de gestion, Apecita): they come to some editions as experts, like the frequent
//    participants, not every time like the recurring contributors: frequent.
//  - cidff, crib: associations (CIDFF are associations under the 1901 law; CRIB are run by
//    associations such as the Ligue de l'enseignement): recurring, as seed 002's associations.
//  - afpa: a training body (organisme de formation), not mobilised so far like the others.
//  - conseil_departemental, conseil_regional: local authorities: frequent.
//  - suio: the guidance service of a university: frequent, like universities.
const std::vector<TypeRow>& default_rows() {
    static const std::vector<TypeRow> rows = {
        // ---- recurring contributors --------------------------------------------------------
        {"france_travail", "France Travail (ex-Pôle emploi)", "France Travail (formerly Pôle emploi)",
         M::RecurringContributor, "",
         // "Service public de l'emploi" (SPE) names the whole public employment network
         // (France Travail, Missions locales, Cap emploi, the State): ambiguous. Coordinators
         // who type it for one organisation almost always mean the France Travail agency, so
         // it maps to france_travail; a territory where it means otherwise adds a [synonyms]
         // entry.
         {"France Travail", "Agence France Travail", "Pôle emploi", "Agence Pôle emploi", "PE", "FT",
          "ANPE", "Agence locale pour l'emploi", "Service public de l'emploi", "SPE"}},
        {"apec", "Apec", "Apec (executives' employment association)", M::RecurringContributor, "",
         {"Association pour l'emploi des cadres"}},
        {"mission_locale", "Mission locale", "Mission locale (youth employment agency)",
         M::RecurringContributor, "", {"Missions locales", "ML", "Mission locale jeunes"}},
        {"cio", "Centre d'information et d'orientation (CIO)", "Guidance centre (CIO)",
         M::RecurringContributor, "",
         {"Centre d'information et d'orientation", "C.I.O.", "Education nationale - CIO"}},
        {"cap_emploi", "Cap emploi", "Cap emploi (disability employment agency)",
         M::RecurringContributor, "", {"OPS", "Organisme de placement spécialisé"}},
        {"carif_oref", "Carif-Oref", "Carif-Oref (training and employment observatory)",
         M::RecurringContributor, "", {"Carif", "Oref"}},
        {"transitions_pro", "Transitions Pro (ex-Fongecif)", "Transitions Pro (formerly Fongecif)",
         M::RecurringContributor, "",
         {"ATpro", "Association Transitions Pro", "Fongecif", "CPIR"}},
        {"opco", "Opérateur de compétences (OPCO, ex-Opacif)",
         "Skills operator (OPCO, formerly Opacif)", M::RecurringContributor, "",
         {"Opérateur de compétences", "Opacif", "OPCA"}},
        {"association", "Association", "Association (non-profit)", M::RecurringContributor, "",
         {"Asso", "Association loi 1901", "Structure associative", "Tiers-lieu", "Centre social"}},
        // ---- frequent participants ---------------------------------------------------------
        {"collectivite", "Collectivité territoriale", "Local authority", M::FrequentParticipant, "",
         {"Collectivité", "Collectivité locale", "Commune", "Mairie", "Ville", "CCAS",
          "Centre communal d'action sociale"}},
        {"chambre_consulaire", "Chambre consulaire (CCI, CMA)",
         "Chamber of commerce or of trades (CCI, CMA)", M::FrequentParticipant, "",
         {"Consulaire", "CCI", "Chambre de commerce et d'industrie", "Chambre de métiers",
          "Chambre de métiers et de l'artisanat", "CMA", "chambre_metier"}},
        {"france_services", "France services (ex-MSAP)", "France services (formerly MSAP)",
         M::FrequentParticipant, "",
         {"Maison France services", "Espace France services", "MSAP",
          "Maison de services au public", "Maison de service public", "Maison des services publics"}},
        {"universite", "Université", "University", M::FrequentParticipant, "",
         {"Enseignement supérieur", "Faculté", "IUT"}},
        {"cfa", "Centre de formation d'apprentis (CFA)", "Apprentice training centre (CFA)",
         M::FrequentParticipant, "",
         {"Centre de formation d'apprentis", "Centre de formation des apprentis"}},
        {"pij", "Information jeunesse (PIJ, BIJ, CIJ)", "Youth information point (PIJ, BIJ, CIJ)",
         M::FrequentParticipant, "",
         {"Point information jeunesse", "BIJ", "Bureau information jeunesse", "CIJ",
          "Centre information jeunesse", "Information jeunesse", "Info jeunes", "Point info jeunes",
          "Information jeunes", "Point information jeunes"}},
        {"cite_des_metiers", "Cité des métiers", "Careers centre (Cité des métiers)",
         M::FrequentParticipant, "", {}},
        {"epci", "Intercommunalité (EPCI)", "Inter-municipal authority (EPCI)",
         M::FrequentParticipant, "",
         {"Communauté de communes", "Communauté d'agglomération", "Communauté urbaine", "Métropole",
          "Interco", "Intercommunalité", "epci_communaute_communes",
          "epci_communaute_agglomerations", "CC", "CA", "CU", "Agglo", "Agglomération",
          "Communauté d'agglo", "Com com", "Comcom"}},
        {"greta", "GRETA", "GRETA (public adult education network)", M::FrequentParticipant, "",
         {"Education nationale - formation continue", "Groupement d'établissements"}},
        {"autre_public", "Autre organisme public", "Other public body", M::FrequentParticipant, "",
         {"Organisme public", "Service public", "Etat", "Services de l'Etat", "Administration",
          "Etablissement public"}},
        // ---- not mobilised so far ----------------------------------------------------------
        {"organisme_formation", "Organisme de formation", "Training body", M::NotMobilised, "",
         {"OF", "Formation", "Centre de formation", "Institut de formation", "Organisme de formation"}},
        {"entreprise", "Entreprise", "Company", M::NotMobilised, "",
         {"Employeur", "Entreprise privée", "Société", "PME", "TPE"}},
        {"siae", "Structure d'insertion par l'activité économique (SIAE)",
         "Work-integration enterprise (SIAE)", M::NotMobilised, "",
         {"Structure d'insertion", "Structure d'insertion par l'activité économique", "IAE",
          "Insertion par l'activité économique", "Chantier d'insertion", "Atelier chantier d'insertion",
          "ACI", "Entreprise d'insertion", "Entreprise de travail temporaire d'insertion", "ETTI",
          "Association intermédiaire", "Régie de quartier"}},
        {"cabinet_recrutement", "Cabinet de recrutement, intérim", "Recruitment or temping agency",
         M::NotMobilised, "",
         {"Cabinet de recrutement", "Agence d'intérim", "Intérim", "Entreprise de travail temporaire", "ETT",
          "Cabinet de conseil en recrutement"}},
        {"etablissement_scolaire", "Établissement scolaire", "School", M::NotMobilised, "",
         {"Lycée", "Lycée professionnel", "Lycée agricole", "Collège", "EPLE", "Education nationale"}},
        {"syndicat_employeurs", "Organisation d'employeurs", "Employers' union", M::NotMobilised, "",
         {"MEDEF", "CPME", "U2P", "Syndicat d'employeurs", "Syndicat patronal",
          "Organisation patronale", "Organisation d'employeurs"}},
        {"cress", "Chambre régionale de l'économie sociale et solidaire (CRESS)",
         "Regional chamber of the social economy (CRESS)", M::NotMobilised, "",
         {"Chambre régionale de l'économie sociale et solidaire"}},
        {"chambre_agriculture", "Chambre d'agriculture", "Chamber of agriculture", M::NotMobilised, "",
         {"Chambre d'agriculture", "Chambre régionale d'agriculture"}},
        {"federation_professionnelle", "Fédération professionnelle", "Trade federation",
         M::NotMobilised, "", {"Fédération", "Branche professionnelle"}},
        // ---- finer kinds of the 2019 public directory --------------------------------------
        {"conseil_departemental", "Conseil départemental", "Département council", M::FrequentParticipant,
         "collectivite", {"Département", "Conseil général", "CD", "cg"}},
        {"conseil_regional", "Conseil régional", "Regional council", M::FrequentParticipant,
         "collectivite", {"Région", "cr", "Région Sud"}},
        {"suio", "Service universitaire d'information et d'orientation (SUIO)",
         "University guidance service (SUIO)", M::FrequentParticipant, "universite",
         {"Service universitaire d'information et d'orientation", "SCUIO", "SCUIO-IP", "SUIO-IP",
          "Service d'information et d'orientation", "SIO", "SIOIP",
          "Service commun universitaire d'information et d'orientation"}},
        {"ddets", "DDETS (ex-DIRECCTE)", "State labour and employment office (DDETS, formerly DIRECCTE)",
         M::FrequentParticipant, "autre_public",
         {"DIRECCTE", "direccte_ut", "DIRECCTE UD", "DIRECCTE UT", "DDETS-PP", "DREETS",
          "Unité départementale"}},
        {"mdph", "Maison départementale des personnes handicapées (MDPH)",
         "Disability centre (MDPH)", M::FrequentParticipant, "autre_public",
         {"Maison départementale des personnes handicapées", "maison_handicapees", "MDA"}},
        {"cdg", "Centre de gestion de la fonction publique territoriale (CDG)",
         "Local civil service management centre (CDG)", M::FrequentParticipant, "autre_public",
         {"Centre de gestion", "Centre de gestion de la fonction publique territoriale"}},
        {"cnfpt", "CNFPT", "Local civil service training centre (CNFPT)", M::FrequentParticipant,
         "autre_public", {"Centre national de la fonction publique territoriale"}},
        {"msa", "Mutualité sociale agricole (MSA)", "Farmers' social security (MSA)",
         M::FrequentParticipant, "autre_public", {"Mutualité sociale agricole"}},
        {"agefiph", "Agefiph", "Disability employment fund (Agefiph)", M::FrequentParticipant,
         "autre_public", {}},
        {"apecita", "Apecita", "Agricultural executives' employment association (Apecita)",
         M::FrequentParticipant, "autre_public", {}},
        {"caf", "Caisse d'allocations familiales (CAF)", "Family allowance office (CAF)",
         M::FrequentParticipant, "autre_public", {"Caisse d'allocations familiales"}},
        {"cidff", "Centre d'information sur les droits des femmes et des familles (CIDFF)",
         "Women's and families' rights centre (CIDFF)", M::RecurringContributor, "association",
         {"CIDF", "Centre d'information sur les droits des femmes et des familles",
          "Centre d'information sur les droits des femmes"}},
        {"crib", "Centre de ressources et d'information des bénévoles (CRIB)",
         "Volunteers' resource centre (CRIB)", M::RecurringContributor, "association",
         {"Centre de ressources et d'information des bénévoles"}},
        {"afpa", "Afpa", "Adult vocational training agency (Afpa)", M::NotMobilised,
         "organisme_formation", {}},
    };
    return rows;
}

bool valid_key(std::string_view key) {
    if (key.empty() || key.front() < 'a' || key.front() > 'z') return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

[[noreturn]] void fail(std::string_view source, const toml::source_region& where, core::Lang lang,
                       std::string message) {
    core::Diagnostic d{core::Severity::Error,
                       core::SourceLocation{std::string(source), static_cast<std::int64_t>(where.begin.line),
                                            static_cast<int>(where.begin.column), {}},
                       std::move(message)};
    throw FatalError(core::render(d, lang));
}

std::string join_keys(const std::vector<OrganisationType>& types) {
    std::string out;
    for (const auto& t : types) {
        if (!out.empty()) out += ", ";
        out += t.key;
    }
    return out;
}

} // namespace

std::string_view key(Mobilisation mobilisation) {
    switch (mobilisation) {
    case Mobilisation::RecurringContributor: return "recurring_contributor";
    case Mobilisation::FrequentParticipant: return "frequent_participant";
    case Mobilisation::NotMobilised: return "not_mobilised";
    }
    return "not_mobilised";
}

std::optional<Mobilisation> parse_mobilisation(std::string_view text) {
    const std::string f = core::fold(text);
    if (f == "recurring contributor" || f == "recurring") return Mobilisation::RecurringContributor;
    if (f == "frequent participant" || f == "frequent") return Mobilisation::FrequentParticipant;
    if (f == "not mobilised" || f == "not mobilized") return Mobilisation::NotMobilised;
    return std::nullopt;
}

Taxonomy Taxonomy::defaults() {
    Taxonomy t;
    for (const auto& row : default_rows()) {
        t.add_type(OrganisationType{std::string(row.key), std::string(row.label_fr),
                                    std::string(row.label_en), row.mobilisation,
                                    std::string(row.parent)});
    }
    // Synonyms after all types; two rows naming the same folded synonym is a bug of this table.
    for (const auto& row : default_rows()) {
        for (auto s : row.synonyms) {
            const std::string f = core::fold(s);
            if (auto it = t.m_synonyms.find(f); it != t.m_synonyms.end() && it->second != row.key)
                throw std::logic_error("taxonomy: synonym '" + f + "' names both " + it->second +
                                       " and " + std::string(row.key));
            t.add_synonym(s, row.key);
        }
    }
    return t;
}

std::optional<std::string> Taxonomy::classify(std::string_view free_text) const {
    const std::string f = core::fold(free_text);
    if (f.empty()) return std::nullopt;
    if (auto it = m_synonyms.find(f); it != m_synonyms.end()) return it->second;
    // Longest synonym ending at a word boundary: try the prefixes from the longest down.
    for (std::size_t end = f.rfind(' '); end != std::string::npos && end > 0;
         end = f.rfind(' ', end - 1)) {
        if (auto it = m_synonyms.find(std::string_view(f).substr(0, end)); it != m_synonyms.end())
            return it->second;
    }
    return std::nullopt;
}

const OrganisationType* Taxonomy::find(std::string_view key) const {
    auto it = m_index.find(key);
    return it == m_index.end() ? nullptr : &m_types[it->second];
}

std::optional<std::string> Taxonomy::seed_type(std::string_view key) const {
    const OrganisationType* t = find(key);
    // add_type only accepts existing parents, so the chain ends; the bound guards against a
    // future bug rather than user input.
    for (std::size_t depth = 0; t && !t->parent.empty() && depth < m_types.size(); ++depth)
        t = find(t->parent);
    if (!t) return std::nullopt;
    return t->key;
}

std::vector<std::string> Taxonomy::synonyms_of(std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& [text, k] : m_synonyms)
        if (k == key) out.push_back(text);
    return out;
}

void Taxonomy::add_type(OrganisationType type) {
    if (!valid_key(type.key)) throw std::invalid_argument("taxonomy: invalid type key '" + type.key + "'");
    if (!type.parent.empty() && (!find(type.parent) || type.parent == type.key))
        throw std::invalid_argument("taxonomy: unknown parent '" + type.parent + "'");
    const std::string type_key = type.key;
    if (auto it = m_index.find(type_key); it != m_index.end()) {
        m_types[it->second] = std::move(type);
    } else {
        m_index.emplace(type_key, m_types.size());
        m_types.push_back(std::move(type));
    }
    m_synonyms[core::fold(type_key)] = type_key;
}

void Taxonomy::add_synonym(std::string_view text, std::string_view type_key) {
    if (!find(type_key)) throw std::invalid_argument("taxonomy: unknown type '" + std::string(type_key) + "'");
    std::string f = core::fold(text);
    if (f.empty()) throw std::invalid_argument("taxonomy: empty synonym");
    m_synonyms[std::move(f)] = std::string(type_key);
}

void Taxonomy::extend_from_toml(std::string_view toml_text, std::string_view source, core::Lang lang) {
    toml::table doc;
    try {
        doc = toml::parse(toml_text, std::string_view(source));
    } catch (const toml::parse_error& e) {
        fail(source, e.source(), lang, core::tr(lang, core::Msg::ConfigBadToml, std::string(e.description())));
    }
    Taxonomy next = *this; // all or nothing
    std::vector<std::pair<std::string, std::string>> type_synonyms;
    for (const auto& [section, node] : doc) {
        if (section.str() != "types" && section.str() != "synonyms")
            fail(source, node.source(), lang,
                 core::tr(lang, core::Msg::ConfigUnknownField, std::string(section.str()), "types, synonyms"));
        if (!node.is_table())
            fail(source, node.source(), lang,
                 core::tr(lang, core::Msg::ConfigBadValue, std::string(section.str()),
                          lang == core::Lang::Fr ? "une table" : "a table"));
    }
    const std::string_view a_string = lang == core::Lang::Fr ? "une chaîne" : "a string";
    if (const toml::table* types = doc["types"].as_table()) {
        for (const auto& [k, node] : *types) {
            const std::string type_key(k.str());
            if (!valid_key(type_key))
                fail(source, k.source(), lang, core::tr(lang, core::Msg::TypesBadKey, type_key));
            const toml::table* body = node.as_table();
            if (!body)
                fail(source, node.source(), lang,
                     core::tr(lang, core::Msg::ConfigBadValue, type_key,
                              lang == core::Lang::Fr ? "une table" : "a table"));
            const OrganisationType* existing = next.find(type_key);
            OrganisationType t = existing ? *existing : OrganisationType{type_key, {}, {}, {}, {}};
            bool has_class = existing != nullptr;
            for (const auto& [field, value] : *body) {
                const std::string name(field.str());
                if (name == "synonyms") {
                    const toml::array* list = value.as_array();
                    if (!list)
                        fail(source, value.source(), lang,
                             core::tr(lang, core::Msg::ConfigBadValue, name,
                                      lang == core::Lang::Fr ? "une liste de chaînes" : "a list of strings"));
                    for (const auto& item : *list) {
                        const auto* s = item.as_string();
                        if (!s || core::fold(s->get()).empty())
                            fail(source, item.source(), lang,
                                 core::tr(lang, core::Msg::ConfigBadValue, name,
                                          lang == core::Lang::Fr ? "une liste de chaînes non vides"
                                                                 : "a list of non-empty strings"));
                        type_synonyms.emplace_back(s->get(), type_key);
                    }
                    continue;
                }
                if (name != "label_fr" && name != "label_en" && name != "class" && name != "parent")
                    fail(source, field.source(), lang,
                         core::tr(lang, core::Msg::ConfigUnknownField, name,
                                  "label_fr, label_en, class, parent, synonyms"));
                const auto* s = value.as_string();
                if (!s) fail(source, value.source(), lang, core::tr(lang, core::Msg::ConfigBadValue, name, a_string));
                const std::string text = s->get();
                if (name == "label_fr") t.label_fr = text;
                if (name == "label_en") t.label_en = text;
                if (name == "class") {
                    auto m = parse_mobilisation(text);
                    if (!m) fail(source, value.source(), lang, core::tr(lang, core::Msg::TypesUnknownClass, text));
                    t.mobilisation = *m;
                    has_class = true;
                }
                if (name == "parent") {
                    const OrganisationType* parent = next.find(text);
                    if (!parent || text == type_key)
                        fail(source, value.source(), lang,
                             core::tr(lang, core::Msg::TypesUnknownType, text, join_keys(next.m_types)));
                    t.parent = text;
                    if (!has_class) t.mobilisation = parent->mobilisation;
                    has_class = true;
                }
            }
            for (auto [field, value] : {std::pair<std::string_view, const std::string*>{"label_fr", &t.label_fr},
                                        {"label_en", &t.label_en}})
                if (value->empty())
                    fail(source, node.source(), lang, core::tr(lang, core::Msg::ConfigMissingField, field));
            if (!has_class) fail(source, node.source(), lang, core::tr(lang, core::Msg::ConfigMissingField, "class"));
            next.add_type(std::move(t));
        }
    }
    for (const auto& [text, type_key] : type_synonyms) next.add_synonym(text, type_key);
    if (const toml::table* synonyms = doc["synonyms"].as_table()) {
        for (const auto& [k, value] : *synonyms) {
            const auto* s = value.as_string();
            if (!s) fail(source, value.source(), lang, core::tr(lang, core::Msg::ConfigBadValue, std::string(k.str()), a_string));
            if (core::fold(k.str()).empty())
                fail(source, k.source(), lang, core::tr(lang, core::Msg::ConfigBadValue, std::string(k.str()),
                                                        lang == core::Lang::Fr ? "un texte avec des lettres" : "text with letters"));
            if (!next.find(s->get()))
                fail(source, value.source(), lang,
                     core::tr(lang, core::Msg::TypesUnknownType, s->get(), join_keys(next.m_types)));
            next.add_synonym(k.str(), s->get());
        }
    }
    *this = std::move(next);
}

} // namespace maillage::model
