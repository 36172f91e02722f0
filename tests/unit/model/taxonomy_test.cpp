#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "maillage/core/error.hpp"
#include "maillage/model/taxonomy.hpp"

using namespace maillage::model;
using maillage::FatalError;
using maillage::core::Lang;

namespace {

std::string classify(const Taxonomy& t, std::string_view text) { return t.classify(text).value_or("(none)"); }

std::string error_of(const std::string& toml, Lang lang = Lang::Fr) {
    Taxonomy t = Taxonomy::defaults();
    try {
        t.extend_from_toml(toml, "types.toml", lang);
    } catch (const FatalError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(Taxonomy, SeedTypesHaveSeed002Classes) {
    // DOMAIN.md, "Organisations by mobilisation" (seed 002's own classification)
    const Taxonomy t = Taxonomy::defaults();
    const std::vector<std::pair<Mobilisation, std::vector<std::string>>> groups = {
        {Mobilisation::RecurringContributor,
         {"france_travail", "apec", "mission_locale", "cio", "cap_emploi", "carif_oref", "transitions_pro",
          "opco", "association"}},
        {Mobilisation::FrequentParticipant,
         {"collectivite", "chambre_consulaire", "france_services", "universite", "cfa", "pij",
          "cite_des_metiers", "epci"}},
        {Mobilisation::NotMobilised,
         {"organisme_formation", "entreprise", "siae", "cabinet_recrutement", "etablissement_scolaire",
          "syndicat_employeurs", "cress", "chambre_agriculture", "federation_professionnelle"}},
    };
    for (const auto& [mobilisation, keys] : groups) {
        for (const auto& k : keys) {
            const OrganisationType* type = t.find(k);
            ASSERT_NE(type, nullptr) << k;
            EXPECT_EQ(type->mobilisation, mobilisation) << k;
            EXPECT_TRUE(type->parent.empty()) << k;
            EXPECT_FALSE(type->label_fr.empty()) << k;
            EXPECT_FALSE(type->label_en.empty()) << k;
        }
    }
    EXPECT_EQ(t.find("pole_emploi"), nullptr);
}

TEST(Taxonomy, FinerKindsTakeTheirParentsClass) {
    const Taxonomy t = Taxonomy::defaults();
    for (const auto& type : t.types()) {
        if (type.parent.empty()) continue;
        const OrganisationType* parent = t.find(type.parent);
        ASSERT_NE(parent, nullptr) << type.key;
        EXPECT_EQ(type.mobilisation, parent->mobilisation) << type.key;
    }
    EXPECT_EQ(t.seed_type("cidff"), "association");
    EXPECT_EQ(t.seed_type("conseil_departemental"), "collectivite");
    EXPECT_EQ(t.seed_type("mission_locale"), "mission_locale");
    EXPECT_EQ(t.seed_type("nimporte"), std::nullopt);
}

TEST(Taxonomy, ClassifiesWhatCoordinatorsType) {
    const Taxonomy t = Taxonomy::defaults();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Mission locale", "mission_locale"},
        {"ML", "mission_locale"},
        {"MISSIONS LOCALES", "mission_locale"},
        {"Service public de l'emploi", "france_travail"}, // ambiguous: see taxonomy.cpp
        {"Agence France Travail", "france_travail"},
        {"Pôle emploi", "france_travail"},
        {"Pole Emploi", "france_travail"},
        {"Centre d'information et d'orientation", "cio"},
        {"CIO", "cio"},
        {"C.I.O.", "cio"},
        {"Association", "association"},
        {"Collectivité", "collectivite"},
        {"Commune", "collectivite"},
        {"Mairie", "collectivite"},
        {"Conseil départemental", "conseil_departemental"},
        {"EPCI", "epci"},
        {"Communauté de communes", "epci"},
        {"Communauté d'agglomération", "epci"},
        {"Métropole", "epci"},
        {"Chambre consulaire", "chambre_consulaire"},
        {"CCI", "chambre_consulaire"},
        {"Chambre de métiers et de l'artisanat", "chambre_consulaire"},
        {"Organisme de formation", "organisme_formation"},
        {"OF", "organisme_formation"},
        {"Entreprise", "entreprise"},
        {"SIAE", "siae"},
        {"Structure d'insertion", "siae"},
        {"Chantier d'insertion", "siae"},
        {"Cabinet de recrutement", "cabinet_recrutement"},
        {"Lycée", "etablissement_scolaire"},
        {"Collège", "etablissement_scolaire"},
        {"MEDEF", "syndicat_employeurs"},
        {"CPME", "syndicat_employeurs"},
        {"U2P", "syndicat_employeurs"},
        {"Point information jeunesse", "pij"},
        {"PIJ", "pij"},
        {"BIJ", "pij"},
        {"Info jeunes", "pij"},
        {"France services", "france_services"},
        {"MSAP", "france_services"},
        {"Maison France services", "france_services"},
        {"Université", "universite"},
        {"CFA", "cfa"},
        {"GRETA", "greta"},
        {"Chambre d'agriculture", "chambre_agriculture"},
        {"CRESS", "cress"},
        {"Fédération professionnelle", "federation_professionnelle"},
        {"Cité des métiers", "cite_des_metiers"},
        {"france_travail", "france_travail"}, // the bench generator's keys are canonical
        {"cabinet_recrutement", "cabinet_recrutement"},
        {"etablissement_scolaire", "etablissement_scolaire"},
    };
    for (const auto& [text, key] : cases) EXPECT_EQ(classify(t, text), key) << text;
}

TEST(Taxonomy, ClassifiesEveryCategoryOfThe2019Directory) {
    // paca_annuaire_organisations_2019.csv, column `categorie`; the seed types are those the
    // example dataset (datasets/paca/planted.json) gives the directory's organisations.
    const Taxonomy t = Taxonomy::defaults();
    const std::vector<std::pair<std::string, std::string>> codes = {
        {"msap", "france_services"},        {"cij", "pij"},
        {"epci_communaute_communes", "epci"}, {"mission_locale", "mission_locale"},
        {"cio", "cio"},                     {"epci_communaute_agglomerations", "epci"},
        {"greta", "greta"},                 {"crib", "association"},
        {"cci", "chambre_consulaire"},      {"cidf", "association"},
        {"chambre_metier", "chambre_consulaire"}, {"maison_handicapees", "autre_public"},
        {"cdg", "autre_public"},            {"chambre_agriculture", "chambre_agriculture"},
        {"direccte_ut", "autre_public"},    {"suio", "universite"},
        {"cg", "collectivite"},             {"epci", "epci"},
        {"cnfpt", "autre_public"},          {"apec", "apec"},
        {"msa", "autre_public"},            {"agefiph", "autre_public"},
        {"apecita", "autre_public"},        {"caf", "autre_public"},
        {"cr", "collectivite"},             {"afpa", "organisme_formation"},
    };
    for (const auto& [code, seed] : codes) {
        const auto key = t.classify(code);
        ASSERT_TRUE(key) << code;
        EXPECT_EQ(t.seed_type(*key), seed) << code;
    }
}

TEST(Taxonomy, ClassifiesTheExampleDatasetsTypeSpellings) {
    // datasets/paca/planted.json, "type_text_variants" (a few of each)
    const Taxonomy t = Taxonomy::defaults();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Cap emploi (OPS)", "cap_emploi"},       {"Transitions Pro (ex-Fongecif)", "transitions_pro"},
        {"Fongécif", "transitions_pro"},          {"Chambre consulaire (CCI/CMA)", "chambre_consulaire"},
        {"Education nationale - CIO", "cio"},     {"Education nationale - formation continue", "greta"},
        {"Collectivité territoriale", "collectivite"}, {"Entreprise privée", "entreprise"},
        {"Intercommunalité", "epci"},             {"Maison de services au public", "france_services"},
        {"Opérateur de compétences", "opco"},     {"OPACIF", "opco"},
        {"Association loi 1901", "association"},  {"Tiers-lieu", "association"},
        {"Enseignement supérieur", "universite"}, {"SUIO", "suio"},
        {"Etat", "autre_public"},                 {"Service public", "autre_public"},
        {"Carif Oref", "carif_oref"},             {"Centre de formation d'apprentis", "cfa"},
    };
    for (const auto& [text, key] : cases) EXPECT_EQ(classify(t, text), key) << text;
    // "Autre" says nothing about the organisation: left to the registry
    EXPECT_EQ(t.classify("Autre"), std::nullopt);
}

TEST(Taxonomy, PrefixRuleTakesTheLongestSynonymAtAWordBoundary) {
    const Taxonomy t = Taxonomy::defaults();
    EXPECT_EQ(classify(t, "Mission locale jeunes du Pays d'Arles"), "mission_locale");
    EXPECT_EQ(classify(t, "Entreprise d'insertion"), "siae");             // exact beats prefix
    EXPECT_EQ(classify(t, "Entreprise d'insertion Bâtiment"), "siae");    // longest prefix
    EXPECT_EQ(classify(t, "Centre de formation d'apprentis agricole"), "cfa");
    EXPECT_EQ(classify(t, "Centre de formation Horizons"), "organisme_formation");
    EXPECT_EQ(classify(t, "Service public de l'emploi local"), "france_travail");
    EXPECT_EQ(classify(t, "Associatif"), "(none)");  // not "association" + a word
    EXPECT_EQ(classify(t, "Mairies"), "(none)");
    EXPECT_EQ(classify(t, ""), "(none)");
    EXPECT_EQ(classify(t, " - "), "(none)");
}

TEST(Taxonomy, ExtendsFromToml) {
    Taxonomy t = Taxonomy::defaults();
    t.extend_from_toml(R"(
[types.ess_local]
label_fr = "Acteur local de l'ESS"
label_en = "Local social economy actor"
class = "not_mobilised"
synonyms = ["ESS", "Économie sociale et solidaire"]

[types.maison_emploi]
label_fr = "Maison de l'emploi"
label_en = "Employment house"
parent = "association"

[types.cfa]
class = "recurring_contributor"

[synonyms]
"Fablab" = "ess_local"
"Pôle emploi" = "association"
)",
                       "types.toml", Lang::Fr);
    ASSERT_NE(t.find("ess_local"), nullptr);
    EXPECT_EQ(t.find("ess_local")->mobilisation, Mobilisation::NotMobilised);
    EXPECT_EQ(classify(t, "économie sociale et solidaire"), "ess_local");
    EXPECT_EQ(classify(t, "FabLab de la vallée"), "ess_local");
    EXPECT_EQ(classify(t, "ess_local"), "ess_local");
    EXPECT_EQ(t.find("maison_emploi")->mobilisation, Mobilisation::RecurringContributor); // parent's
    EXPECT_EQ(t.seed_type("maison_emploi"), "association");
    EXPECT_EQ(t.find("cfa")->mobilisation, Mobilisation::RecurringContributor);
    EXPECT_EQ(t.find("cfa")->label_fr, "Centre de formation d'apprentis (CFA)"); // kept
    EXPECT_EQ(classify(t, "Pôle emploi"), "association"); // the user's synonym wins
}

TEST(Taxonomy, TomlErrorsNameTheLineAndChangeNothing) {
    EXPECT_EQ(error_of("[types.ess_local]\nlabel_fr = \"ESS\"\nlabel_en = \"ESS\"\nclass = \"rare\"\n"),
              "types.toml:4:9: erreur: classe de mobilisation inconnue « rare » ; attendu : "
              "recurring_contributor, frequent_participant ou not_mobilised");
    EXPECT_EQ(error_of("[synonyms]\n\"tiers-lieu\" = \"asociation\"\n", Lang::En)
                  .substr(0, 70),
              "types.toml:2:16: error: unknown type 'asociation'; declare it in [type");
    EXPECT_EQ(error_of("[types.Ess]\nlabel_fr = \"ESS\"\n", Lang::En),
              "types.toml:1:8: error: invalid type key 'Ess'; expected lower-case unaccented letters, "
              "digits and _, starting with a letter (for example ess_local)");
    EXPECT_EQ(error_of("[types.ess]\nlabel_fr = \"ESS\"\nclass = \"frequent\"\n", Lang::En),
              "types.toml:1:1: error: missing required field 'label_en'");
    EXPECT_EQ(error_of("[types.cfa]\ncouleur = \"bleu\"\n", Lang::En),
              "types.toml:2:1: error: unknown field 'couleur'; possible fields: label_fr, label_en, "
              "class, parent, synonyms");
    EXPECT_EQ(error_of("[typos]\n", Lang::En),
              "types.toml:1:1: error: unknown field 'typos'; possible fields: types, synonyms");
    const std::string syntax = error_of("[synonyms]\n\"ess\" = \n", Lang::En);
    EXPECT_EQ(syntax.rfind("types.toml:2:", 0), 0u) << syntax;
    EXPECT_NE(syntax.find("error: invalid TOML: "), std::string::npos) << syntax;

    Taxonomy t = Taxonomy::defaults();
    EXPECT_THROW(t.extend_from_toml("[synonyms]\n\"ESS\" = \"association\"\n\"Fablab\" = \"nope\"\n", "x",
                                    Lang::Fr),
                 FatalError);
    EXPECT_EQ(t.classify("ESS"), std::nullopt); // all or nothing
}

TEST(Taxonomy, MobilisationKeysRoundTrip) {
    for (auto m : {Mobilisation::RecurringContributor, Mobilisation::FrequentParticipant, Mobilisation::NotMobilised})
        EXPECT_EQ(parse_mobilisation(key(m)), m);
    EXPECT_EQ(parse_mobilisation("Frequent"), Mobilisation::FrequentParticipant);
    EXPECT_EQ(parse_mobilisation("rare"), std::nullopt);
}
