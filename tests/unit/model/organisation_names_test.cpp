#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "maillage/core/error.hpp"
#include "maillage/model/organisation_names.hpp"

using namespace maillage::model;
using maillage::FatalError;
using maillage::core::Lang;

namespace {

std::string csv_error(const std::string& csv, Lang lang = Lang::Fr) {
    AliasTable t = AliasTable::defaults();
    try {
        t.load_csv(csv, "alias.csv", lang);
    } catch (const FatalError& e) {
        return e.what();
    }
    return "(no error)";
}

std::string toml_error(const std::string& toml, Lang lang = Lang::En) {
    AliasTable t = AliasTable::defaults();
    try {
        t.load_toml(toml, "alias.toml", lang);
    } catch (const FatalError& e) {
        return e.what();
    }
    return "(no error)";
}

// Every spelling gives one key, and no other group's key.
void expect_one_identity(const AliasTable& table, const std::vector<std::vector<std::string>>& groups) {
    std::set<std::string> seen;
    for (const auto& spellings : groups) {
        const std::string key = table.key(spellings.front());
        for (const auto& s : spellings) EXPECT_EQ(table.key(s), key) << s << " vs " << spellings.front();
        EXPECT_TRUE(seen.insert(key).second) << "two organisations share the key " << key;
    }
}

} // namespace

TEST(NormaliseOrgName, SpellingsOfOneOrganisationMeet) {
    const std::string arles = normalise_org_name("Mission Locale du Pays d'Arles");
    EXPECT_EQ(arles, "mission locale pays arles");
    EXPECT_EQ(normalise_org_name("MISSION LOCALE PAYS D'ARLES"), arles);
    EXPECT_EQ(normalise_org_name("Mission locale Pays d’Arles"), arles);
    EXPECT_EQ(normalise_org_name("ML Pays d'Arles"), arles);
    EXPECT_EQ(normalise_org_name("St-Raphaël"), normalise_org_name("Saint Raphaël"));
    EXPECT_EQ(normalise_org_name("Ste-Maxime"), "sainte maxime");
    EXPECT_EQ(normalise_org_name("C.I.O. Toulon"), "cio toulon");
    EXPECT_EQ(normalise_org_name("Ctre d'information et d'orientation Toulon"), "cio toulon");
    EXPECT_EQ(normalise_org_name("Centre d'information et d'orientation de Toulon"), "cio toulon");
    EXPECT_EQ(normalise_org_name("M.S.A.P. Forcalquier"), "msap forcalquier");
    EXPECT_EQ(normalise_org_name("Maison de services au public Forcalquier"), "msap forcalquier");
    EXPECT_EQ(normalise_org_name("Maison France services Sault"), "france services sault");
    EXPECT_EQ(normalise_org_name("Com. de communes Serre-Ponçon"), "cc serre poncon");
    EXPECT_EQ(normalise_org_name("CC Serre-Ponçon"), "cc serre poncon");
    EXPECT_EQ(normalise_org_name("CA Provence Alpes agglomération"),
              normalise_org_name("Communauté d'agglomération Provence Alpes Agglomération"));
    EXPECT_EQ(normalise_org_name("CD de Vaucluse"), "cd vaucluse");
    EXPECT_EQ(normalise_org_name("Conseil départemental de Vaucluse"), "cd vaucluse");
    EXPECT_EQ(normalise_org_name("Conseil général de Vaucluse"), "cd vaucluse");
    EXPECT_EQ(normalise_org_name("Département des Hautes-Alpes"), "cd hautes alpes");
    EXPECT_EQ(normalise_org_name("CMA des Bouches-du-Rhône"),
              normalise_org_name("Chambre de métiers et de l’artisanat des Bouches-du-Rhône"));
    EXPECT_EQ(normalise_org_name("Agence Pôle emploi de Manosque"), "pole emploi manosque");
    EXPECT_EQ(normalise_org_name("PE Manosque"), "pole emploi manosque");
    EXPECT_EQ(normalise_org_name("FT Manosque"), "france travail manosque");
    EXPECT_EQ(normalise_org_name("Assoc. Tremplin"), "association tremplin");
    EXPECT_EQ(normalise_org_name("Association pour l'emploi des cadres (Apec) de Nice"), "apec nice");
    EXPECT_EQ(normalise_org_name("Transitions Pro Provence-Alpes-Côte d'Azur"), "transitions pro paca");
    EXPECT_EQ(normalise_org_name("La Ruche des Possibles"), "ruche possibles");
    EXPECT_EQ(normalise_org_name("Le Relais"), "relais");
    EXPECT_EQ(normalise_org_name("Les"), "les"); // only connectors: kept
    EXPECT_EQ(normalise_org_name(""), "");
    EXPECT_EQ(normalise_org_name("  -- "), "");
}

TEST(NormaliseOrgName, DistinctOrganisationsStayDistinct) {
    EXPECT_NE(normalise_org_name("CIO Toulon"), normalise_org_name("CIO Hyères"));
    EXPECT_NE(normalise_org_name("Mission locale Est"), normalise_org_name("Mission locale Ouest"));
    EXPECT_NE(normalise_org_name("Cap emploi 04"), normalise_org_name("Cap emploi 05"));
    EXPECT_NE(normalise_org_name("PIJ Brignoles"), normalise_org_name("BIJ Brignoles"));
    EXPECT_NE(normalise_org_name("Chambre d'agriculture du Var"), normalise_org_name("CCI du Var"));
    // acronyms expand only as the first word: "Relais PE" is petite enfance, not Pôle emploi
    EXPECT_EQ(normalise_org_name("Relais PE Gap"), "relais pe gap");
    // elided d' and l' are never glued into an initialism
    EXPECT_EQ(normalise_org_name("Jardin d'A. Côté"), "jardin a cote");
    EXPECT_EQ(normalise_org_name("Lycée A. et M. Curie"), "lycee a m curie");
    // "agence" is only dropped before a network's name
    EXPECT_EQ(normalise_org_name("Agence d'urbanisme du Pays d'Aix"), "agence urbanisme pays aix");
    // a repeated word collapses, a repeated number does not: "X 2 (2)" is another organisation
    // than "X 2" (the bench generator's second organisation of a name; it was merged before)
    EXPECT_EQ(normalise_org_name("Mission Mission locale Gap"), "mission locale gap");
    EXPECT_NE(normalise_org_name("OPCO agricole Nouvelle-Aquitaine 2"), normalise_org_name("OPCO agricole Nouvelle-Aquitaine 2 (2)"));
    EXPECT_EQ(normalise_org_name("Opacif agricole 2 (2)"), "opacif agricole 2 2");
}

TEST(AliasTable, SpellingsOfTheExampleDatasetResolveToOneIdentity) {
    // datasets/paca/planted.json, "organisations[].spellings_seen" and "names_by_year"
    const AliasTable table = AliasTable::defaults();
    expect_one_identity(
        table,
        {
            {"France Travail Manosque", "Agence France Travail Manosque", "Agence Pôle emploi de Manosque",
             "FT Manosque", "PE Manosque", "Pole Emploi Manosque", "Pôle emploi Manosque"},
            {"France Travail Briançon", "France Travail Briancon", "PÔLE EMPLOI BRIANÇON", "Pole emploi Briancon"},
            {"CIO Digne-les-Bains", "C.I.O. Digne-les-Bains", "CIO DIGNE-LES-BAINS",
             "Centre d'information et d'orientation de Digne-les-Bains",
             "Ctre d'information et d'orientation Digne-les-Bains"},
            {"CIO Briançon", "C.I.O. Briançon", "CIO BRIANÇON"},
            {"Mission locale L'Argentière-la-Bessée", "MISSION LOCALE L'ARGENTIÈRE-LA-BESSÉE",
             "Mission Locale de L'Argentière-la-Bessée", "Mission locale - L'Argentière-la-Bessée",
             "Mission locale L’Argentière-la-Bessée"},
            {"Mission locale Saint-Auban", "ML Saint-Auban", "Mission locale St-Auban"},
            {"MSAP Forcalquier", "France services Forcalquier", "FRANCE SERVICES FORCALQUIER",
             "M.S.A.P. Forcalquier", "Maison France services Forcalquier"},
            {"MSAP Mormoiron", "Maison de services au public Mormoiron", "France services Mormoiron"},
            {"France services Saint-Jean-Saint-Nicolas", "France services St-Jean-St-Nicolas"},
            {"Communauté de communes Serre-Ponçon", "CC Serre-Ponçon", "COMMUNAUTÉ DE COMMUNES SERRE-PONÇON",
             "Com. de communes Serre-Ponçon", "Communaute de communes Serre-Poncon"},
            {"Communauté d'agglomération Provence Alpes agglomération", "CA Provence Alpes agglomération"},
            {"Conseil départemental de Vaucluse", "CD de Vaucluse", "CONSEIL DÉPARTEMENTAL DE VAUCLUSE"},
            {"Conseil départemental des Hautes-Alpes", "Département des Hautes-Alpes"},
            {"Chambre de métiers et de l'artisanat des Alpes-de-Haute-Provence",
             "CMA des Alpes-de-Haute-Provence", "CHAMBRE DE MÉTIERS ET DE L'ARTISANAT DES ALPES-DE-HAUTE-PROVENCE",
             "Chambre de metiers et de l'artisanat des Alpes-de-Haute-Provence"},
            {"Transitions Pro PACA", "Fongecif PACA", "Fongécif PACA", "ATpro PACA",
             "Fongecif Provence-Alpes-Côte d'Azur", "Transitions Pro Provence-Alpes-Côte d'Azur"},
            {"OPCO Afdas Méditerranée", "Opacif Afdas Méditerranée", "OPACIF AFDAS MÉDITERRANÉE",
             "OPCO Afdas Mediterranee"},
            {"Carif-Oref Provence-Alpes-Côte d'Azur", "Carif-Oref Provence-Alpes-Côte d’Azur",
             "CARIF-OREF PROVENCE-ALPES-CÔTE D'AZUR"},
            {"Apec Nice", "APEC NICE"},
            {"CAP Jeunesse - Côte d'Azur", "CAP Jeunesse - Côte d’Azur"},
            {"Réseau Entraide Insertion Menton", "Reseau Entraide Insertion Menton"},
            // distinct organisations of the same network, for the "no other group" check
            {"CIO Gap"},
            {"France Travail Gap"},
            {"Mission locale Gap"},
            {"France services Aiguilles"},
        });
}

TEST(AliasTable, RenamesKeepTheIdentityAndShowTheNameOfTheYear) {
    const AliasTable table = AliasTable::defaults();
    const ResolvedName old_name = table.resolve("Pôle emploi Toulon", 2019);
    const ResolvedName new_name = table.resolve("France Travail Toulon", 2024);
    EXPECT_EQ(old_name.key, new_name.key);
    EXPECT_EQ(old_name.key, "france travail toulon");
    EXPECT_EQ(table.resolve("Agence Pôle emploi Toulon", 2023).key, old_name.key);
    EXPECT_NE(table.resolve("Pôle emploi Hyères", 2019).key, old_name.key);

    EXPECT_EQ(table.resolve("Pôle emploi Toulon", 2025).display, "France Travail Toulon");
    EXPECT_EQ(table.resolve("France Travail Toulon", 2019).display, "Pôle emploi Toulon");
    EXPECT_EQ(table.resolve("France Travail Toulon", 2005).display, "ANPE Toulon"); // a chain
    EXPECT_EQ(table.resolve("PE Manosque", 2024).display, "France Travail Manosque");
    EXPECT_EQ(table.resolve("Agence Pôle emploi de Manosque", 2025).display, "France Travail de Manosque");
    EXPECT_EQ(table.resolve("Fongecif PACA", 2021).display, "Transitions Pro PACA");
    EXPECT_EQ(table.resolve("Transitions Pro PACA", 2019).display, "Fongecif PACA");
    EXPECT_EQ(table.resolve("Opacif Uniformation PACA", 2019).display, "OPCO Uniformation PACA");
    EXPECT_EQ(table.resolve("MSAP Allos", 2020).display, "France services Allos");
    EXPECT_EQ(table.resolve("France services Allos", 2016).display, "MSAP Allos");
    EXPECT_EQ(table.resolve("  CIO Toulon ", 2016).display, "CIO Toulon");
    EXPECT_EQ(table.renames().size(), 10u);
    // DIRECCTE's units (2021), and an institution renamed wherever its name stands
    EXPECT_EQ(table.key("DIRECCTE UD 84"), table.key("DDETS 84"));
    EXPECT_EQ(table.key("DIRECCTE PACA"), table.key("DREETS PACA"));
    EXPECT_EQ(table.key("SUIO - Université Nice-Sophia-Antipolis - Lettres"), table.key("SUIO - Université Côte d'Azur - Lettres"));

    // Without the shipped renames, the old and new names are two organisations.
    const AliasTable bare;
    EXPECT_NE(bare.key("Pôle emploi Toulon"), bare.key("France Travail Toulon"));
}

TEST(AliasTable, UserAliasesFromCsv) {
    // renames of the example dataset that no rule can guess (datasets/paca/planted.json, "renames")
    AliasTable table = AliasTable::defaults();
    table.load_csv("nom,alias,depuis\r\n"
                   "Région Sud,Conseil régional PACA,2018\r\n"
                   "Conseil régional PACA,Conseil régional Provence-Alpes-Côte d'Azur,\r\n"
                   "DDETS Alpes-de-Haute-Provence,DIRECCTE UD 04,2021\r\n"
                   "\"France Travail Toulon\",\"Agence de Toulon Mayol\"\r\n",
                   "alias.csv", Lang::Fr);
    const std::string region = table.key("Région Sud");
    EXPECT_EQ(region, "region sud");
    EXPECT_EQ(table.key("Conseil régional PACA"), region);
    EXPECT_EQ(table.key("CONSEIL REGIONAL PACA"), region);
    EXPECT_EQ(table.key("Conseil régional Provence-Alpes-Côte d’Azur"), region); // chained alias
    EXPECT_EQ(table.resolve("Région Sud", 2016).display, "Conseil régional PACA");
    EXPECT_EQ(table.resolve("Conseil regional PACA", 2018).display, "Région Sud");
    EXPECT_EQ(table.resolve("Conseil regional PACA", 2025).key, region);

    EXPECT_EQ(table.key("DIRECCTE UD 04"), table.key("DDETS Alpes-de-Haute-Provence"));
    EXPECT_EQ(table.resolve("DDETS ALPES-DE-HAUTE-PROVENCE", 2019).display, "DIRECCTE UD 04");
    EXPECT_NE(table.key("DIRECCTE UD 05"), table.key("DIRECCTE UD 04"));

    // renames apply before aliases: the alias of France Travail Toulon covers its old names
    EXPECT_EQ(table.key("PE Toulon"), table.key("Agence de Toulon Mayol"));
    EXPECT_EQ(table.resolve("Agence de Toulon Mayol", 2019).display, "Pôle emploi Toulon");
    EXPECT_EQ(table.resolve("Agence de Toulon Mayol", 2025).display, "France Travail Toulon");
}

TEST(AliasTable, CsvInEnglishWithSemicolonsAndColumnsInAnyOrder) {
    AliasTable table;
    table.load_csv("alias;name\nCIDFF 84;Centre d'information sur les droits des femmes et des familles de Vaucluse\n",
                   "alias.csv", Lang::En);
    EXPECT_EQ(table.key("CIDFF 84"), table.key("CIDFF de Vaucluse"));
    EXPECT_EQ(table.resolve("CIDFF 84", 2019).display,
              "Centre d'information sur les droits des femmes et des familles de Vaucluse");
}

TEST(AliasTable, CsvErrorsNameTheLineAndChangeNothing) {
    EXPECT_EQ(csv_error("organisme,autre\nA,B\n"),
              "alias.csv:1: erreur: en-tête attendu : nom,alias,depuis (ou name,alias,since ; depuis "
              "est facultatif) ; trouvé « organisme,autre »");
    EXPECT_EQ(csv_error("nom,alias,depuis\nRégion Sud,Conseil régional PACA,2018\nDDETS Var,,2021\n"),
              "alias.csv:3:2: erreur: [alias] « alias » est vide ; chaque ligne relie un nom à un alias");
    EXPECT_EQ(csv_error("name,alias,since\nDDETS Var,DIRECCTE UD 83,en 2021\n", Lang::En),
              "alias.csv:2:3: error: [since] invalid year 'en 2021'; expected a year such as 2024, or nothing");
    EXPECT_EQ(csv_error("name,alias\nDDETS Var,\"DIRECCTE UD 83\nDDETS Vaucluse,DIRECCTE UD 84\n", Lang::En),
              "alias.csv:2: error: quote opened here and never closed");

    AliasTable table = AliasTable::defaults();
    EXPECT_THROW(table.load_csv("nom,alias\nRégion Sud,Conseil régional PACA\n,CIO Var\n", "a.csv", Lang::Fr),
                 FatalError);
    EXPECT_NE(table.key("Région Sud"), table.key("Conseil régional PACA")); // all or nothing
}

TEST(AliasTable, AliasesAndRenamesFromToml) {
    AliasTable table = AliasTable::defaults();
    table.load_toml(R"(
[[alias]]
name = "Région Sud"
aliases = ["Conseil régional PACA", "Conseil régional Provence-Alpes-Côte d'Azur"]
since = 2018

[[rename]]
old = "DIRECCTE"
new = "DREETS"
since = 2021
)",
                    "alias.toml", Lang::En);
    EXPECT_EQ(table.key("Conseil régional Provence-Alpes-Côte d'Azur"), table.key("Région Sud"));
    EXPECT_EQ(table.resolve("Région Sud", 2017).display, "Conseil régional PACA");
    EXPECT_EQ(table.key("DIRECCTE PACA"), table.key("DREETS PACA"));
    EXPECT_EQ(table.resolve("DIRECCTE PACA", 2022).display, "DREETS PACA");

    EXPECT_EQ(toml_error("[[alias]]\nname = \"Région Sud\"\nsince = 2018\n"),
              "alias.toml:1:1: error: missing required field 'alias'");
    EXPECT_EQ(toml_error("[[alias]]\nname = \"Région Sud\"\nalias = \"PACA\"\nsince = \"2018\"\n"),
              "alias.toml:4:9: error: 'since' must be a year such as 2024");
    EXPECT_EQ(toml_error("[[rename]]\nold = \"DIRECCTE\"\nnouveau = \"DDETS\"\n"),
              "alias.toml:3:1: error: unknown field 'nouveau'; possible fields: old, new, since");
    EXPECT_EQ(toml_error("[alias]\nname = \"x\"\n"),
              "alias.toml:1:1: error: 'alias' must be an array of tables ([[...]])");
}

TEST(NameSimilarity, RanksSpellingVariantsAboveDistinctOrganisations) {
    EXPECT_DOUBLE_EQ(name_similarity("Mission locale Pays d'Arles", "ML du Pays d’Arles"), 1.0);
    // near-duplicates worth a look (≥ 0.7): typos, truncations
    EXPECT_GE(name_similarity("Pôle emploi Toulom", "Pôle emploi Toulon"), 0.9);
    EXPECT_GE(name_similarity("Mission locale Brignolles", "Mission locale Brignoles"), 0.9);
    EXPECT_GE(name_similarity("Tremplin Emploi Digne", "Tremplin Emploi Digne-les-Bains"), 0.85);
    EXPECT_GE(name_similarity("OPCO Uniformation", "OPCO Uniformation PACA"), 0.85);
    EXPECT_GE(name_similarity("OPCO Afdas", "OPCO Afdas Méditerranée"), 0.7);
    // distinct organisations (< 0.7)
    EXPECT_LT(name_similarity("CIO Toulon", "CIO Hyères"), 0.3);
    EXPECT_LT(name_similarity("Mission locale Est", "Mission locale Ouest"), 0.7);
    EXPECT_LT(name_similarity("Femmes Solidaires 04", "Femmes Solidaires 05"), 0.7);
    EXPECT_LT(name_similarity("Accueil Migrants Arles", "Accueil Migrants Antibes"), 0.7);
    EXPECT_LT(name_similarity("PIJ Brignoles", "BIJ Brignoles"), 0.7);
    // symmetric, bounded
    EXPECT_DOUBLE_EQ(name_similarity("CIO Toulon", "CIO Hyères"), name_similarity("CIO Hyères", "CIO Toulon"));
    EXPECT_DOUBLE_EQ(name_similarity("", "CIO Toulon"), 0.0);
    EXPECT_DOUBLE_EQ(name_similarity("", ""), 1.0);
}
