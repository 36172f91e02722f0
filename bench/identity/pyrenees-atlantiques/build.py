#!/usr/bin/env python3
"""Assemble the Pyrénées-Atlantiques identity fixture from the hand-written tables below.

Everything that matters for identity is written by hand in this file:
  * ORGS: every organisation, the spellings a coordinator typed for it (per era when it was
    renamed), the "Code commune" cells seen (INSEE codes, postcodes, empty), the "Type de
    structure" cells seen, its SIRET (invented organisations only) and its e-mail domain;
  * PEOPLE: every (synthetic) person, the organisation and territory they came from and the
    editions they attended.
The script only draws which hand-written spelling goes on which row (seeded, deterministic),
makes sure every hand-written spelling / code / type cell appears at least once, lays out the
sessions (preparation, plenary, workshops with their trios) and writes:
  editions/<territory>/<year>-emargements.csv, registry/organisations.csv, truth.json.

Python 3 standard library only. Usage:  python3 build.py   (writes next to this file)
The long official names of the registry are read from the 2019 DILA directory
(../shared/data/registries/annuaire_organisations_2019.csv from the repository root, or --annuaire).
"""

import argparse
import csv
import io
import json
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 64

# --------------------------------------------------------------------------------------
# Territories and editions
# --------------------------------------------------------------------------------------
TERRITORIES = {
    "B": {"name": "Béarn", "folder": "bearn", "years": [2021, 2022, 2024, 2025]},       # no 2023
    "PB": {"name": "Pays basque", "folder": "pays-basque", "years": [2021, 2023, 2024, 2025]},  # no 2022
}
# event day and preparation dates (ISO), per territory and year
DATES = {
    ("B", 2021): ("2021-06-17", ["2021-03-11", "2021-04-22"]),
    ("B", 2022): ("2022-06-09", ["2022-03-03", "2022-04-14", "2022-05-19"]),
    ("B", 2024): ("2024-06-13", ["2024-03-07", "2024-04-18"]),
    ("B", 2025): ("2025-06-12", ["2025-03-13", "2025-05-15"]),
    ("PB", 2021): ("2021-10-14", ["2021-06-24", "2021-09-16"]),
    ("PB", 2023): ("2023-10-12", ["2023-06-22", "2023-09-14"]),
    ("PB", 2024): ("2024-10-10", ["2024-06-20", "2024-09-12", "2024-09-26"]),
    ("PB", 2025): ("2025-10-16", ["2025-06-26", "2025-09-18"]),
}
THEMES = {
    "B": ["Mobilité des jeunes en zone rurale", "Industrie et chimie du bassin de Lacq",
          "Égalité femmes-hommes dans l'emploi", "Numérique et premier accueil",
          "Décrochage scolaire", "Emploi des seniors", "Logement des apprentis"],
    "PB": ["Emploi saisonnier et tourisme", "Langue basque et insertion professionnelle",
           "Mobilité transfrontalière", "Premier accueil des jeunes", "Métiers du soin et de l'aide à domicile",
           "Égalité femmes-hommes dans l'emploi"],
}
METHODS = ["World café", "Speed dating", "Débat mouvant", "Forum ouvert", "Fishbowl", "Photolangage",
           "Co-développement"]

# How each sheet file is written. header "A": the 2015-2017 paca header; "C": the platform export.
FILES = {
    ("B", 2021): dict(header="A", sep=";", bom=True, crlf=True, nom_upper=True, old_style=True),
    ("B", 2022): dict(header="C", sep=",", bom=False, crlf=False, nom_upper=False, old_style=False),
    ("B", 2024): dict(header="A", sep=";", bom=True, crlf=True, nom_upper=False, old_style=False),
    ("B", 2025): dict(header="A", sep=";", bom=False, crlf=False, nom_upper=True, old_style=False),
    ("PB", 2021): dict(header="A", sep=";", bom=True, crlf=True, nom_upper=True, old_style=True),
    ("PB", 2023): dict(header="A-nosiret", sep=";", bom=True, crlf=True, nom_upper=False, old_style=False),
    ("PB", 2024): dict(header="A", sep=";", bom=True, crlf=True, nom_upper=False, old_style=False),
    ("PB", 2025): dict(header="A", sep=";", bom=True, crlf=True, nom_upper=True, old_style=False),
}
HEADER_A = ["Territoire", "Année", "Date", "Atelier", "Type de séance", "Méthode", "Nom", "Prénom", "E-mail",
            "Organisme", "Type de structure", "Code commune", "SIRET", "Rôle"]
HEADER_C = ["Nom", "Prénom", "Adresse e-mail", "Organisation", "Type de structure", "Code INSEE", "SIRET",
            "Territoire", "Édition", "Session", "Type de séance", "Date", "Méthode", "Rôle"]

# --------------------------------------------------------------------------------------
# Organisations (hand-written). `ann` = id of the row of the 2019 directory whose long official
# name is the registry entry; `reg_name` for invented ones. `names` maps a first year to the
# spellings typed from that year on (a rename). `codes`/`types` are the cells seen (repeats weigh).
# `reg` = the territories whose registry lists it (None: in no registry).
# --------------------------------------------------------------------------------------
B, PB, BOTH = ("B",), ("PB",), ("B", "PB")
ORGS = [
    # ---------------- Béarn: Missions locales (same type, five communes) ----------------
    dict(id="ml-pau", ann="mission_locale-64445-01", type="mission_locale", insee="64445", reg=B,
         names={0: ["ML Pau", "Mission Locale Jeunes de Pau",
                    "Mission locale pour l'insertion professionnelle et sociale des jeunes - Pau",
                    "mission locale pau", "Mission Locale de Pau."]},
         codes=["64445", "64445", "64445", "64000", ""], types=["Mission locale", "ML", "Mission Locale", ""],
         domain="mlpau.fr"),
    dict(id="ml-orthez", ann="mission_locale-64430-01", type="mission_locale", insee="64430", reg=B,
         names={0: ["Mission locale Orthez", "ML d'Orthez", "Mission Locale du Béarn - Orthez"]},
         codes=["64430", "64430", "64300"],  # 64300: Orthez's postcode, also the INSEE code of Lacq
         types=["Mission locale", "ML"], domain="ml-orthez.fr"),
    dict(id="ml-oloron", ann="mission_locale-64422-01", type="mission_locale", insee="64422", reg=B,
         names={0: ["Mission locale Oloron", "ML Oloron-Ste-Marie", "Mission Locale Jeunes Oloron Sainte Marie"]},
         codes=["64422", "64422", ""], types=["Mission locale", "Missions locales"], domain="ml-oloron.fr"),
    dict(id="ml-nay", ann="mission_locale-64417-01", type="mission_locale", insee="64417", reg=B,
         names={0: ["Mission locale de Nay", "ML Pays de Nay", "mission locale nay"]},
         codes=["64417", "64800"], types=["Mission locale", ""], domain="ml-nay.fr"),
    dict(id="ml-mourenx", ann="mission_locale-64410-01", type="mission_locale", insee="64410", reg=B,
         names={0: ["ML Mourenx", "Mission Locale de Mourenx"]},
         codes=["64410"], types=["ML", "Mission locale"], domain="ml-mourenx.fr"),
    # ---------------- Béarn: CIO ----------------
    dict(id="cio-pau", ann="cio-64445-01", type="cio", insee="64445", reg=B,
         names={0: ["CIO Pau", "CIO de Pau", "Centre d'information et d'orientation de Pau", "C.I.O. PAU"]},
         codes=["64445", "64445", "64000"], types=["CIO", "Education nationale - CIO", "CIO", "Autre"],
         domain="ac-bordeaux.fr"),
    dict(id="cio-orthez", ann="cio-64430-01", type="cio", insee="64430", reg=B,
         names={0: ["CIO Orthez", "CIO d'Orthez", "cio orthez"]},
         codes=["64430"], types=["CIO", ""], domain="ac-bordeaux.fr"),
    dict(id="cio-oloron", ann="cio-64422-01", type="cio", insee="64422", reg=B,
         names={0: ["CIO Oloron", "CIO d'Oloron-Sainte-Marie"]},
         codes=["64422", ""], types=["CIO"], domain="ac-bordeaux.fr"),
    # ---------------- Béarn: information jeunesse (two in Pau) ----------------
    dict(id="bij-pau", ann="cij-64445-01", type="pij", insee="64445", reg=B,
         names={0: ["BIJ Pau", "Bureau Information Jeunesse de Pau", "Bureau info jeunesse Pau (centre-ville)"]},
         codes=["64445", "64000"], types=["Information jeunesse", "BIJ", "PIJ", ""], domain="ville-pau.fr"),
    dict(id="pij-pau-odb", reg_name="Point information jeunesse - Pau Ousse-des-Bois", type="pij", insee="64445",
         reg=B, names={0: ["PIJ Ousse-des-Bois", "PIJ Pau Ousse des Bois", "Point Info Jeunes Ousse-des-Bois (Pau)"]},
         codes=["64445", "64445", "64000"], types=["PIJ", "Information jeunesse"], domain="ville-pau.fr"),
    dict(id="bij-orthez", ann="cij-64430-01", type="pij", insee="64430", reg=B,
         names={0: ["BIJ Orthez", "Bureau information jeunesse d'Orthez"]},
         codes=["64430", ""], types=["BIJ", "Information jeunesse"], domain="mairie-orthez.fr"),
    dict(id="pij-mourenx", ann="cij-64410-01", type="pij", insee="64410", reg=B,
         names={0: ["PIJ Mourenx", "Point Information Jeunesse Mourenx", "P.I.J. de Mourenx"]},
         codes=["64410"], types=["PIJ", "Point information jeunesse"], domain="ville-mourenx.fr"),
    # ---------------- Béarn: France services (two in Pau) ----------------
    dict(id="fs-arthez", ann="msap-64057-01", type="france_services", insee="64057", reg=B,
         names={0: ["France services Arthez-de-Béarn", "Espace France Services Arthez de Bearn", "MSAP Arthez"]},
         codes=["64057", "64370"], types=["France services", "Maison France services", "MSAP"], domain="laposte.fr"),
    dict(id="fs-arzacq", reg_name="France services - Arzacq-Arraziguet", type="france_services", insee="64063",
         siret="61968034321673", reg=B,
         names={0: ["France services Arzacq", "Espace France Services d'Arzacq", "FS Arzacq-Arraziguet"]},
         codes=["64063", "64063", ""], types=["France services", "Espace France services", ""], domain="cclb64.fr"),
    dict(id="fs-serres", ann="msap-64519-01", type="france_services", insee="64519", reg=B,
         names={0: ["France services Serres-Castet", "Maison France Services de Serres Castet"]},
         codes=["64519"], types=["France services", "France Services"], domain="cclb64.fr"),
    dict(id="fs-nay", ann="msap-64417-01", type="france_services", insee="64417", reg=B,
         names={0: ["France Services Nay", "france services du pays de nay", "MSAP Nay"]},
         codes=["64417", ""], types=["France services", "Autre"], domain="paysdenay.fr"),
    dict(id="fs-pau-sar", reg_name="France services - Pau Saragosse", type="france_services", insee="64445",
         siret="40160121909430", reg=B,
         names={0: ["France services Pau Saragosse", "France Services Saragosse",
                    "Maison France services de Saragosse - Pau"]},
         codes=["64445", "64000"], types=["France services", "Maison France services"], domain="ville-pau.fr"),
    dict(id="fs-pau-odb", reg_name="France services - Pau Ousse-des-Bois", type="france_services", insee="64445",
         siret="73107634286582", reg=B,
         names={0: ["France services Pau Ousse-des-Bois", "France Services Ousse des Bois"]},
         codes=["64445", ""], types=["France services", ""], domain="ville-pau.fr"),
    # ---------------- Béarn: EPCI ----------------
    dict(id="cc-lacq", ann="epci-64410-01", type="epci", insee="64410", reg=B,
         names={0: ["CC Lacq-Orthez", "Com Com de Lacq-Orthez", "Communauté de communes Lacq-Orthez", "CCLO"]},
         codes=["64410", "64410", ""], types=["EPCI", "Communauté de communes", "Interco", "Collectivité"],
         domain="cc-lacqorthez.fr"),
    dict(id="agglo-pau", ann="epci-64445-01", type="epci", insee="64445", reg=B,
         names={0: ["Agglomération Pau Béarn Pyrénées", "CA Pau Béarn Pyrénées", "Agglo Pau-Béarn-Pyrénées",
                    "Communauté d'agglo de Pau"]},
         codes=["64445", "64000"], types=["EPCI", "Intercommunalité", "Collectivité territoriale"],
         domain="agglo-pau.fr"),
    dict(id="cc-nay", ann="epci-64109-01", type="epci", insee="64109", reg=B,
         names={0: ["CC du Pays de Nay", "Communauté de Communes Pays de Nay", "com com pays de nay"]},
         codes=["64109", "64109", ""], types=["EPCI", "Communauté de communes"], domain="paysdenay.fr"),
    dict(id="cc-hautbearn", ann="epci-64422-01", type="epci", insee="64422", reg=B,
         names={0: ["CC du Haut Béarn", "Com Com Haut-Béarn", "Communaute de communes du Haut-Bearn"]},
         codes=["64422", ""], types=["EPCI", "Interco"], domain="hautbearn.fr"),
    dict(id="cc-luys", ann="epci-64519-01", type="epci", insee="64519", reg=B,
         names={0: ["CC des Luys en Béarn", "Communauté de communes Luys-en-Béarn", "CCLB"]},
         codes=["64519"], types=["EPCI", "Collectivité"], domain="cclb64.fr"),
    # ---------------- Béarn: chambers, training, university, associations ----------------
    dict(id="cci-pau", ann="cci-64445-01", type="chambre_consulaire", insee="64445", reg=B,
         names={0: ["CCI Pau Béarn", "CCI Pau-Bearn", "Chambre de Commerce et d'Industrie Pau Béarn"]},
         codes=["64445", "64000"], types=["Chambre consulaire", "CCI", "Consulaire"], domain="pau.cci.fr"),
    dict(id="greta-pau", ann="greta-64445-01", type="greta", insee="64445", reg=B,
         names={0: ["GRETA Sud Aquitaine Pau", "Greta Sud-Aquitaine (Pau)", "GRETA Pau"]},
         codes=["64445"], types=["GRETA", "Education nationale - formation continue", "Organisme de formation"],
         domain="greta-sud-aquitaine.fr"),
    dict(id="suio-pau", ann="suio-64445-01", type="universite", insee="64445", reg=B,
         names={0: ["SUIO-IP UPPA", "UPPA - SUIO Pau", "Université de Pau - SUIO-IP"]},
         codes=["64445", ""], types=["Université", "Enseignement supérieur", "SUIO"], domain="univ-pau.fr"),
    dict(id="sport-emploi", ann="crib-64445-02", type="association", insee="64445", reg=B,
         names={0: ["Sport Pyrénées Emploi", "Sport Pyrenees Emploi Pau"]},
         codes=["64445"], types=["Association", "Asso", "Autre"], domain="sport-pyrenees-emploi.fr"),
    dict(id="asso-tu", reg_name="Trait d'Union Insertion", type="association", insee="64445",
         siret="55782003723308", reg=B,
         names={0: ["Trait d'Union Insertion", "Asso Trait d'union", "TRAIT D'UNION INSERTION PAU"]},
         codes=["64445", "64000"], types=["Association", "Association loi 1901", ""], domain="traitdunion-insertion.fr"),
    dict(id="company", reg_name=None, type="entreprise", insee="64300", siret="84330412439333", reg=None,
         names={0: ["Chimie Lacq Services", "Chimie Lacq Services SAS", "CLS - Chimie Lacq Services"]},
         codes=["64300", "64300", "64170"],  # Lacq: INSEE 64300, postcode 64170
         types=["Entreprise", "Employeur", "Entreprise privée"], domain="chimie-lacq-services.fr"),
    dict(id="cdg", ann="cdg-64445-01", type="autre_public", insee="64445", reg=BOTH,
         names={0: ["CDG 64", "Centre de Gestion 64"]},
         codes=["64445"], types=["Etat", "Service public", ""], domain="cdg-64.fr"),
    dict(id="mdph-pau", ann="maison_handicapees-64445-01", type="autre_public", insee="64445", reg=B,
         names={0: ["MDPH Pau", "MDPH 64 - siège de Pau"]},
         codes=["64445"], types=["Service public", "MDPH"], domain="mdph64.fr"),
    # ---------------- Béarn: France Travail agencies (renamed in 2024; two in Pau) ----------------
    dict(id="ft-pau-mermoz", reg_name="France Travail Pau Mermoz", type="france_travail", insee="64445",
         siret="49467452422409", reg=B,
         names={0: ["Pôle emploi Pau Mermoz", "PE Pau Mermoz", "Pole Emploi Pau - Mermoz"],
                2024: ["France Travail Pau Mermoz", "FT Pau Mermoz", "France travail agence Pau Mermoz"]},
         codes=["64445", "64445", "64000"], types={0: ["Pôle emploi", "SPE"], 2024: ["France Travail", "France travail"]},
         domain={0: "pole-emploi.fr", 2024: "francetravail.fr"}),
    dict(id="ft-pau-pyr", reg_name="France Travail Pau Pyrénées", type="france_travail", insee="64445",
         siret="40118025846702", reg=B,
         names={0: ["Pôle emploi Pau Pyrénées", "PE Pau Pyrénées", "pole emploi pau pyrenees"],
                2024: ["France Travail Pau Pyrénées", "France Travail Pau - Pyrénées"]},
         codes=["64445", ""], types={0: ["Pôle emploi", "Agence Pôle emploi"], 2024: ["France Travail"]},
         domain={0: "pole-emploi.fr", 2024: "francetravail.fr"}),
    dict(id="ft-orthez", reg_name="France Travail Orthez", type="france_travail", insee="64430",
         siret="87580085218540", reg=B,
         names={0: ["Pôle emploi Orthez", "Pôle Emploi d'Orthez"], 2024: ["France Travail Orthez", "FT Orthez"]},
         codes=["64430", "64430", "64300"], types={0: ["Pôle emploi"], 2024: ["France Travail", ""]},
         domain={0: "pole-emploi.fr", 2024: "francetravail.fr"}),
    # ---------------- both territories (département-wide or regional) ----------------
    dict(id="cap-emploi", reg_name="Cap emploi Pyrénées-Atlantiques", type="cap_emploi", insee="64445",
         siret="78266525600494", reg=BOTH,
         names={0: ["Cap emploi 64", "Cap Emploi Pyrénées-Atlantiques", "CAP EMPLOI 64"]},
         codes=["64445", ""], types=["Cap emploi", "Cap Emploi"], domain="capemploi64.fr"),
    dict(id="cidff", ann="cidf-64445-01", type="association", insee="64445", reg=BOTH,
         names={0: ["CIDFF 64", "CIDFF des Pyrénées-Atlantiques", "Cidff Pyrenees Atlantiques"]},
         codes=["64445", "64000", ""], types=["Association", "Asso", ""], domain="cidff64.fr"),
    dict(id="cma", ann="chambre_metier-64445-01", type="chambre_consulaire", insee="64445", reg=BOTH,
         names={0: ["CMA 64", "Chambre de Métiers et de l'Artisanat des Pyrénées-Atlantiques", "CMA Pyrénées-Atlantiques"]},
         codes=["64445"], types=["Chambre consulaire", "CMA", "Consulaire"], domain="cma64.fr"),
    dict(id="cd64", ann="cg-64445-01", type="collectivite", insee="64445", reg=BOTH,
         names={0: ["Conseil départemental 64", "Département des Pyrénées-Atlantiques", "CD64",
                    "Conseil Départemental des Pyrénées Atlantiques"]},
         codes=["64445", "64445", ""], types=["Collectivité", "Collectivite", "Collectivité territoriale"],
         domain="le64.fr"),
    # DIRECCTE UD 64 became DDETS 64 in April 2021: both names in 2021
    dict(id="ddets", ann="direccte_ut-64445-01", type="autre_public", insee="64445", reg=BOTH,
         names={0: ["DIRECCTE UD 64", "DDETS 64"], 2022: ["DDETS 64", "DDETS des Pyrénées-Atlantiques"]},
         codes=["64445", ""], types=["Etat", "Service public", "Autre"],
         domain={0: "direccte.gouv.fr", 2022: "pyrenees-atlantiques.gouv.fr"}),
    dict(id="apec", ann="apec-64445-01", type="apec", insee="64445", reg=BOTH,
         names={0: ["Apec Pau", "APEC Pau", "Apec - Pau"]},
         codes=["64445", "64000"], types=["Apec", "APEC"], domain="apec.fr"),
    dict(id="transitions-pro", reg_name="Transitions Pro Nouvelle-Aquitaine", type="transitions_pro", insee="33063",
         siret="92628374971544", reg=BOTH,
         names={0: ["Transitions Pro Nouvelle-Aquitaine", "Transitions Pro NA", "ATpro Nouvelle Aquitaine"]},
         codes=["33063", ""], types=["Transitions Pro", "ATpro"], domain="transitionspro-na.fr"),
    dict(id="opco", reg_name="OPCO EP Nouvelle-Aquitaine", type="opco", insee="33063", siret="50651175710887",
         reg=BOTH, names={0: ["OPCO EP Nouvelle-Aquitaine", "Opco EP", "OPCO des Entreprises de Proximité"]},
         codes=["33063", "33063", ""], types=["OPCO", "Opérateur de compétences"], domain="opcoep.fr"),
    # ---------------- Pays basque ----------------
    dict(id="ml-pb", ann="mission_locale-64024-01", type="mission_locale", insee="64024", reg=PB,
         names={0: ["Mission locale Pays Basque", "ML Anglet", "Mission Locale Avenir Jeunes Pays Basque",
                    "mission locale du pays basque"]},
         codes=["64024", "64024", "64600", ""], types=["Mission locale", "ML"], domain="mlpb.fr"),
    dict(id="ml-mauleon", ann="mission_locale-64371-01", type="mission_locale", insee="64371", reg=PB,
         names={0: ["ML Mauléon", "Mission locale antenne de Mauléon-Licharre", "Mission Locale Mauleon"]},
         codes=["64371", "64130"], types=["Mission locale", "Missions locales"], domain="ml-mauleon.fr"),
    dict(id="cio-bayonne", ann="cio-64102-01", type="cio", insee="64102", reg=PB,
         names={0: ["CIO Bayonne", "CIO de Bayonne", "Centre d'Information et d'Orientation Bayonne"]},
         codes=["64102", "64102", "64100"],  # 64100: Bayonne's postcode, also the INSEE code of Bassussarry
         types=["CIO", "Centre d'information et d'orientation"], domain="ac-bordeaux.fr"),
    dict(id="cio-sjdl", ann="cio-64483-01", type="cio", insee="64483", reg=PB,
         names={0: ["CIO Saint-Jean-de-Luz", "CIO St Jean de Luz", "C.I.O St-Jean-de-Luz"]},
         codes=["64483", "64483", ""], types=["CIO", "Autre"], domain="ac-bordeaux.fr"),
    # renamed in 2024: the Information jeunesse network's "Info Jeunes" brand (not a shipped rename)
    dict(id="bij-bayonne", ann="cij-64102-01", type="pij", insee="64102", reg=PB,
         names={0: ["BIJ Bayonne", "Bureau Info Jeunesse de Bayonne"],
                2024: ["Info Jeunes Bayonne", "Info Jeunes Pays Basque - Bayonne"]},
         codes=["64102", ""], types={0: ["BIJ", "Information jeunesse"], 2024: ["Info Jeunes", "Information jeunesse"]},
         domain="bayonne.fr"),
    dict(id="bij-biarritz", ann="cij-64122-01", type="pij", insee="64122", reg=PB,
         names={0: ["BIJ Biarritz", "Bureau information jeunesse Biarritz", "B.I.J. de Biarritz"]},
         codes=["64122", "64122", ""], types=["BIJ", "PIJ"], domain="biarritz.fr"),
    dict(id="pij-anglet", ann="cij-64024-01", type="pij", insee="64024", reg=PB,
         names={0: ["PIJ Anglet", "Point Information Jeunesse d'Anglet"]},
         codes=["64024", "64600"], types=["PIJ", "Information jeunesse", ""], domain="anglet.fr"),
    dict(id="bij-hendaye", ann="cij-64260-01", type="pij", insee="64260", reg=PB,
         names={0: ["BIJ Hendaye", "bij hendaye", "Bureau Information Jeunesse - Hendaye"]},
         codes=["64260", "64700"], types=["BIJ", "Information jeunesse"], domain="hendaye.fr"),
    dict(id="fs-mauleon", ann="msap-64371-01", type="france_services", insee="64371", reg=PB,
         names={0: ["France services Mauléon", "Espace France Services Mauléon-Licharre", "MSAP Mauleon"]},
         codes=["64371", ""], types=["France services", "MSAP"], domain="communaute-paysbasque.fr"),
    dict(id="fs-espelette", ann="msap-64213-01", type="france_services", insee="64213", reg=PB,
         names={0: ["France services Espelette", "France Services d'Espelette"]},
         codes=["64213", "64250"], types=["France services", "Maison France services"], domain="laposte.fr"),
    dict(id="fs-baigorry", ann="msap-64477-01", type="france_services", insee="64477", reg=PB,
         names={0: ["France services St-Étienne-de-Baïgorry", "France Services Saint Etienne de Baigorry",
                    "France services Baigorri"]},
         codes=["64477", "64477", ""], types=["France services", ""], domain="laposte.fr"),
    dict(id="capb", ann="epci-64102-01", type="epci", insee="64102", reg=PB,
         names={0: ["Communauté d'Agglomération Pays Basque", "CAPB", "Agglo Pays Basque", "CA du Pays basque"]},
         codes=["64102", "64102", "64100", ""], types=["EPCI", "Collectivité", "Interco"],
         domain="communaute-paysbasque.fr"),
    dict(id="cci-mauleon", ann="cci-64371-01", type="chambre_consulaire", insee="64371", reg=PB,
         names={0: ["CCI Bayonne Pays Basque - Mauléon", "CCI antenne de Mauléon", "CCI Mauléon"]},
         codes=["64371", ""], types=["CCI", "Chambre consulaire"], domain="bayonne.cci.fr"),
    dict(id="greta-bayonne", ann="greta-64102-01", type="greta", insee="64102", reg=PB,
         names={0: ["GRETA Sud Aquitaine Bayonne", "Greta Sud-Aquitaine - agence de Bayonne", "GRETA Bayonne"]},
         codes=["64102", "64102", "64100"], types=["GRETA", "Greta"], domain="greta-sud-aquitaine.fr"),
    dict(id="scuio-bayonne", ann="suio-64102-01", type="universite", insee="64102", reg=PB,
         names={0: ["SCUIO UPPA Bayonne", "UPPA campus de Bayonne - SCUIO",
                    "Université de Pau et des Pays de l'Adour - Bayonne"]},
         codes=["64102", ""], types=["Université", "SCUIO"], domain="univ-pau.fr"),
    dict(id="mdph-anglet", ann="maison_handicapees-64024-01", type="autre_public", insee="64024", reg=PB,
         names={0: ["MDPH Anglet", "MDPH 64 - antenne d'Anglet"]},
         codes=["64024", "64600"], types=["Service public", "MDPH", "Autre"], domain="mdph64.fr"),
    dict(id="ft-bayonne", reg_name="France Travail Bayonne", type="france_travail", insee="64102",
         siret="30989166162824", reg=PB,
         names={0: ["Pôle emploi Bayonne", "PE Bayonne", "Pôle Emploi Bayonne Adour"],
                2024: ["France Travail Bayonne", "Agence France Travail de Bayonne"]},
         codes=["64102", "64102", "64100"], types={0: ["Pôle emploi", "Service public de l'emploi"],
                                                  2024: ["France Travail"]},
         domain={0: "pole-emploi.fr", 2024: "francetravail.fr"}),
    dict(id="ft-sjdl", reg_name="France Travail Saint-Jean-de-Luz", type="france_travail", insee="64483",
         siret="94591305326139", reg=PB,
         names={0: ["Pôle emploi Saint-Jean-de-Luz", "Pole emploi St Jean de Luz"],
                2024: ["France Travail St-Jean-de-Luz", "France Travail Saint Jean de Luz"]},
         codes=["64483", ""], types={0: ["Pôle emploi"], 2024: ["France Travail", "FT"]},
         domain={0: "pole-emploi.fr", 2024: "francetravail.fr"}),
    dict(id="siae-pb", reg_name="Atelier Lanbide Insertion", type="siae", insee="64102", siret="76204462705846",
         reg=PB, names={0: ["Atelier Lanbide Insertion", "Lanbide Insertion", "ATELIER LANBIDE"]},
         codes=["64102", ""], types=["SIAE", "Chantier d'insertion", "Autre"], domain="lanbide-insertion.fr"),
    dict(id="asso-pb", reg_name="Lien Social Côte Basque", type="association", insee="64122", siret="69752383548272",
         reg=PB, names={0: ["Lien Social Côte Basque", "Asso Lien Social Cote Basque", "Lien social côte basque."]},
         codes=["64122", ""], types=["Association", "Asso"], domain="liensocial-cotebasque.fr"),
]

# Invented registry entries that never came (the 66 directory rows of 64 are all in the registry too).
NEVER_CAME_INVENTED = [
    ("B", "France Travail Oloron-Sainte-Marie", "france_travail", "64422", "32059523486445"),
    ("PB", "France Travail Anglet", "france_travail", "64024", ""),
    ("B", "Institut de formation Béarn-Adour", "organisme_formation", "64445", ""),
    ("B", "Chantier d'insertion Les Jardins du Gave", "siae", "64430", ""),
    ("PB", "Hôtellerie Côte Basque Services", "entreprise", "64122", ""),
]

# directory category -> taxonomy key (as datasets/paca/README.md)
CATEGORY_TYPE = {
    "mission_locale": "mission_locale", "cio": "cio", "apec": "apec", "msap": "france_services", "cij": "pij",
    "cci": "chambre_consulaire", "chambre_metier": "chambre_consulaire", "chambre_agriculture": "chambre_agriculture",
    "epci_communaute_communes": "epci", "epci_communaute_agglomerations": "epci", "cg": "collectivite",
    "cr": "collectivite", "greta": "greta", "suio": "universite", "cidf": "association", "crib": "association",
    "maison_handicapees": "autre_public", "direccte_ut": "autre_public", "cdg": "autre_public",
    "cnfpt": "autre_public", "msa": "autre_public", "caf": "autre_public",
}
# directory rows of 64 that serve the whole département: listed in both territories' registries
DEPARTEMENT_WIDE = {"apec-64445-01", "cdg-64445-01", "cg-64445-01", "chambre_agriculture-64445-01",
                    "chambre_metier-64445-01", "cidf-64445-01", "cnfpt-64445-01", "crib-64445-01",
                    "direccte_ut-64445-01"}
PAYS_BASQUE_COMMUNES = {"64024", "64102", "64122", "64213", "64256", "64260", "64371", "64477", "64483",
                        "64495", "64533"}

# --------------------------------------------------------------------------------------
# People (synthetic: any resemblance to a real person is chance). One line per (person,
# organisation, territory); the same pid on two lines is one person (two territories, or a
# change of organisation). years: two-digit years attended (filtered to that territory's editions).
# flags: coop (cooperation group: attends preparation sessions), noemail (never gives one),
#        local=... (e-mail local part, when not prénom.nom), mixedcase (types the e-mail capitalised).
# Homonym pairs (same prénom + nom, different people): H1..H10 in the comments.
# --------------------------------------------------------------------------------------
PEOPLE = """
p001|Camille|Martin|cio-pau|B|21 22 24 25|coop mixedcase        # H1
p002|Sylvie|Pourtau|cio-pau|B|22 25|
p003|Gérard|Mirande|cio-orthez|B|21 24|
p004|Claire|Sallenave|cio-oloron|B|22 25|
p005|Marie|Lafitte|ml-pau|B|21 22 24|coop                      # H3
p006|Romain|Casteig|ml-pau|B|21 22 24 25|coop
p007|Inès|Bergeret|ml-pau|B|24 25|
p008|Hélène|Lapeyre|ml-orthez|B|21 22 24|coop
p009|Bastien|Lacoste|ml-orthez|B|25|
p010|Élodie|Pucheu|ml-oloron|B|21 24 25|
p011|Franck|Miqueu|ml-nay|B|22 25|
p012|Nadia|Berrada|ml-mourenx|B|21 22 24|
p013|Julie|Cazenave|bij-pau|B|21 22 24|                        # H7
p014|Yanis|Benali|bij-pau|B|25|
p015|Karima|Haddou|pij-pau-odb|B|21 22 24 25|
p016|Lucie|Bégué|bij-orthez|B|22 24|
p017|Kévin|Lamarque|pij-mourenx|B|21 25|
p018|Annie|Lartigau|fs-arthez|B|21 22|noemail
p019|Céline|Dufau|fs-arzacq|B|22 24 25|
p020|Patrick|Navarrot|fs-serres|B|21 24|
p021|Marie|Lafitte|fs-nay|B|22 24 25|noemail                    # H3
p022|Samia|Rahmani|fs-pau-sar|B|21 22 24 25|
p023|Olivier|Labat|fs-pau-odb|B|22 24 25|
p024|Pierre|Hourcade|cc-lacq|B|21 22 25|coop                     # H6
p025|Muriel|Clavé|cc-lacq|B|24 25|coop
p026|Jérôme|Bonnecaze|agglo-pau|B|21 22 24 25|coop
p027|Audrey|Pédelaborde|cc-nay|B|21 25|
p028|Thomas|Lassalle|cc-hautbearn|B|22 24 25|                     # H8
p029|Fabien|Lacrouts|cc-luys|B|22 24|
p030|Véronique|Sarrabère|cci-pau|B|21 22 25|
p031|Stéphane|Larrieu|greta-pau|B|21 24 25|
p032|Émilie|Courrèges|suio-pau|B|22 24 25|
p033|David|Lagrange|sport-emploi|B|21 22|
p034|Nicolas|Bordenave|ft-pau-mermoz|B|21 22 24 25|coop           # H4
p035|Christine|Laplace|ft-pau-mermoz|B|21 22 24 25|coop
p036|Nicolas|Bordenave|ft-pau-pyr|B|22 24 25|local=nicolas.bordenave2   # H4
p037|Anne|Bouchet|ft-pau-pyr|B|21 25|
p038|Philippe|Cassou|ft-orthez|B|21 22 24 25|coop
p039|Valérie|Lanusse|cap-emploi|B|21 22 24 25|coop
p039|Valérie|Lanusse|cap-emploi|PB|23 25|
p040|Mélanie|Domecq|asso-tu|B|22 24 25|
p041|Laurent|Baylac|company|B|24 25|
p042|Isabelle|Loustau|cdg|B|22 25|
p043|Françoise|Casenave|mdph-pau|B|21 24|
p044|Pierre|Hourcade|cma|B|22 24 25|                             # H6
p045|Aurélie|Salles|cma|B|21 25|
p045|Aurélie|Salles|cma|PB|23 24|
p046|Sophie|Laborde|cidff|B|21 22 24|coop                         # H5
p046|Sophie|Laborde|cidff|PB|21 23 24|coop
p047|Nathalie|Bergès|cidff|B|22 25|
p048|Laura|Darrigrand|cd64|B|21 24 25|                            # H9
p049|Bernard|Lacaze|cd64|B|21 22 24 25|coop mixedcase
p049|Bernard|Lacaze|cd64|PB|21 23|coop mixedcase
p050|Sandrine|Peyroutet|ddets|B|21 22 24 25|coop
p050|Sandrine|Peyroutet|ddets|PB|21 24 25|
p051|Thomas|Lassalle|apec|B|21 22 24 25|                          # H8
p051|Thomas|Lassalle|apec|PB|23 25|
p052|Amandine|Rey|transitions-pro|B|22 24|
p052|Amandine|Rey|transitions-pro|PB|23 25|
p053|Guillaume|Ferrer|opco|B|21 25|
p053|Guillaume|Ferrer|opco|PB|21 24|
p054|Camille|Martin|ml-pb|PB|21 23 24|                            # H1
p055|Maialen|Irigoyen|ml-pb|PB|21 23|coop                         # changes organisation in 2024
p055|Maialen|Irigoyen|capb|PB|24 25|coop
p056|Xabi|Elissalde|ml-pb|PB|21 23 24 25|coop
p057|Marc|Duhalde|ml-mauleon|PB|23 24 25|                         # H10
p058|Ainhoa|Arrieta|ml-mauleon|PB|21 24|
p059|Gaëlle|Harriet|cio-bayonne|PB|21 23 24 25|coop
p060|Mathieu|Dufourcq|cio-bayonne|PB|23|
p061|Eñaut|Hiriart|cio-sjdl|PB|21 24 25|
p062|Léa|Etchegaray|bij-bayonne|PB|21 23 24 25|coop
p063|Laura|Darrigrand|bij-biarritz|PB|21 23 24|                    # H9
p064|Julie|Cazenave|pij-anglet|PB|21 23 24 25|mixedcase            # H7
p065|Peio|Ospital|bij-hendaye|PB|23 25|
p066|Josiane|Inchauspé|fs-mauleon|PB|21 23 25|noemail
p067|Maddi|Goyheneche|fs-espelette|PB|23 24|
p068|Beñat|Erdozaincy|fs-baigorry|PB|21 25|
p069|Jean|Etcheverry|capb|PB|21 23 25|coop                        # H2
p070|Cécile|Harismendy|capb|PB|21 23 24 25|coop
p071|Jean|Etcheverry|cci-mauleon|PB|23 24 25|                      # H2
p072|Sophie|Laborde|greta-bayonne|PB|23 24 25|                     # H5
p073|Txomin|Larralde|greta-bayonne|PB|21 23|
p074|Agnès|Mendiboure|scuio-bayonne|PB|23 24 25|
p075|Régine|Sallaberry|mdph-anglet|PB|21 24|
p076|Marc|Duhalde|ft-bayonne|PB|21 23 24 25|coop                  # H10
p077|Arnaud|Bidart|ft-bayonne|PB|21 23 24 25|coop
p078|Nathalie|Urruty|ft-sjdl|PB|23 24 25|
p079|Iban|Lekuona|siae-pb|PB|24 25|
p080|Fatima|Oukili|asso-pb|PB|21 23 25|
p081|Ander|Ugalde|pij-anglet|PB|21 25|
p082|Maite|Aguerre|ml-mauleon|PB|21 23|
p083|Stéphanie|Haran|fs-espelette|PB|21 25|
p084|Olivier|Sorhaindo|ft-sjdl|PB|21|
p085|Christelle|Lasserre|cci-mauleon|PB|21|
"""


# --------------------------------------------------------------------------------------
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def by_year(value, year):
    """A value that may be a {first_year: value} table (a rename)."""
    if not isinstance(value, dict):
        return value
    best = None
    for y in sorted(value):
        if y <= year:
            best = value[y]
    return best


def era_of(value, year):
    if not isinstance(value, dict):
        return 0
    return max(y for y in value if y <= year)


def parse_people():
    lines = []
    for raw in PEOPLE.strip().splitlines():
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        pid, prenom, nom, org, terr, years, flags = [x.strip() for x in raw.split("|")]
        fl = {}
        for f in flags.split():
            k, _, v = f.partition("=")
            fl[k] = v or True
        lines.append(dict(pid=pid, prenom=prenom, nom=nom, org=org, terr=terr,
                          years=[2000 + int(y) for y in years.split()], flags=fl))
    return lines


def email_local(p):
    if "local" in p["flags"]:
        return p["flags"]["local"]
    return (strip_accents(p["prenom"]) + "." + strip_accents(p["nom"])).lower().replace(" ", "-")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--annuaire", default=os.path.normpath(os.path.join(
        HERE, "..", "..", "..", "..", "shared", "data", "registries", "annuaire_organisations_2019.csv")))
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args()
    rng = random.Random(SEED)

    with open(args.annuaire, encoding="utf-8", newline="") as f:
        annuaire = [r for r in csv.DictReader(f) if r["code_insee"].startswith("64")]
    ann_by_id = {r["id"]: r for r in annuaire}
    orgs = {o["id"]: o for o in ORGS}
    assert len(orgs) == len(ORGS), "duplicate organisation id"
    for o in ORGS:
        if o.get("siret"):
            assert len(o["siret"]) == 14 and luhn_ok(o["siret"]), o["id"]
        if "ann" in o:
            assert o["ann"] in ann_by_id, o["ann"]
        spellings = [s for lst in (o["names"].values()) for s in lst]
        assert len(set(spellings)) >= 2, o["id"]
    people = parse_people()
    for p in people:
        assert p["org"] in orgs, p

    # ---------------- sessions and attendance ----------------
    editions = []
    for tk, t in TERRITORIES.items():
        for year in t["years"]:
            parts = [p for p in people if p["terr"] == tk and year in p["years"]]
            assert len({p["pid"] for p in parts}) == len(parts), (tk, year)
            coop = [p for p in parts if p["flags"].get("coop")]
            event, preps = DATES[(tk, year)]
            rows = []  # (session name, kind, date, method, person line, role)
            for i, d in enumerate(preps, 1):
                present = [p for p in coop if rng.random() < 0.85]
                rng.shuffle(present)
                rows += [(f"Préparation {i}", "prep", d, "", p, "participant") for p in present]
            plen = list(parts)
            rng.shuffle(plen)
            rows += [("Plénière", "plenary", event, "", p, "participant") for p in plen]
            n_ws = 6 if tk == "B" else 5
            themes = rng.sample(THEMES[tk], n_ws)
            rounds = [list(range(0, (n_ws + 1) // 2)), list(range((n_ws + 1) // 2, n_ws))]
            members = {w: [] for w in range(n_ws)}
            for p in parts:
                r1 = rng.random() < 0.92
                r2 = rng.random() < 0.6 or not r1
                if r1:
                    members[rng.choice(rounds[0])].append(p)
                if r2:
                    members[rng.choice(rounds[1])].append(p)
            for w in range(n_ws):
                ps = members[w]
                rng.shuffle(ps)
                method = rng.choice(METHODS)
                # trio: prefer cooperation-group members
                ranked = sorted(ps, key=lambda p: (not p["flags"].get("coop"), rng.random()))
                trio = {ranked[0]["pid"]: "exposant", ranked[1]["pid"]: "gardien de la méthode",
                        ranked[2]["pid"]: "scribe"} if len(ranked) >= 3 else {}
                name = f"Atelier {w + 1:02d} – {themes[w]}"
                rows += [(name, "workshop", event, method, p, trio.get(p["pid"], "participant")) for p in ps]
            editions.append(dict(terr=tk, year=year, rows=rows))

    # ---------------- the cells as typed ----------------
    # habitual choice per (person, edition) then per-row drift; then coverage of every hand-written cell
    def pick(values, habit_key, habits):
        if habit_key not in habits:
            habits[habit_key] = rng.choice(values)
        return habits[habit_key] if rng.random() < 0.75 else rng.choice(values)

    cells = []  # one dict per row: edition index, row index, org cell, type cell, code cell, siret cell
    habits = {}
    for ei, ed in enumerate(editions):
        for ri, (_, _, _, _, p, _) in enumerate(ed["rows"]):
            o = orgs[p["org"]]
            y = ed["year"]
            c = dict(ei=ei, ri=ri, org=o["id"], year=y,
                     name_era=era_of(o["names"], y), type_era=era_of(o["types"], y))
            c["name"] = pick(by_year(o["names"], y), ("n", p["pid"], ei), habits)
            c["type"] = pick(by_year(o["types"], y), ("t", p["pid"], ei), habits)
            c["code"] = pick(o["codes"], ("c", p["pid"], ei), habits)
            c["siret"] = o["siret"] if o.get("siret") and pick([True, False], ("s", p["pid"], ei), habits) else ""
            cells.append(c)

    def cover(field, values_by_era, era_field=None, strict=True):
        for o in ORGS:
            for era, values in values_by_era(o):
                mine = [c for c in cells if c["org"] == o["id"] and (era_field is None or c[era_field] == era)]
                assert mine, f"{o['id']} never came in era {era}"
                for v in dict.fromkeys(values):
                    if any(c[field] == v for c in mine):
                        continue
                    counts = {}
                    for c in mine:
                        counts[c[field]] = counts.get(c[field], 0) + 1
                    spare = [c for c in mine if counts[c[field]] > 1]  # a row whose value shows elsewhere too
                    if not spare and not strict:
                        continue  # type, code and SIRET cells: shown when there are rows enough
                    assert spare, f"not enough rows of {o['id']} to show every {field} cell"
                    rng.choice(spare)[field] = v

    def eras(key):
        def f(o):
            v = o[key]
            return list(v.items()) if isinstance(v, dict) else [(0, v)]
        return f
    cover("name", eras("names"), "name_era")
    cover("type", eras("types"), "type_era", strict=False)
    cover("code", lambda o: [(0, o["codes"])], strict=False)
    cover("siret", lambda o: [(0, [o["siret"], ""])] if o.get("siret") else [], strict=False)

    # ---------------- write the sheets ----------------
    truth_rows = {}
    ci = 0
    row_cells = {}
    for c in cells:
        row_cells[(c["ei"], c["ri"])] = c
    n_rows = 0
    for ei, ed in enumerate(editions):
        tk, year = ed["terr"], ed["year"]
        fmt = FILES[(tk, year)]
        rel = f"editions/{TERRITORIES[tk]['folder']}/{year}-emargements.csv"
        out_rows = []
        for ri, (sname, kind, date, method, p, role) in enumerate(ed["rows"]):
            c = row_cells[(ei, ri)]
            o = orgs[p["org"]]
            nom, prenom = p["nom"], p["prenom"]
            if fmt["nom_upper"]:
                nom = nom.upper()
            r = rng.random()
            if r < 0.05:
                nom, prenom = strip_accents(nom), strip_accents(prenom)
            elif r < 0.07:
                nom, prenom = nom.lower(), prenom.lower()
            email = ""
            if not p["flags"].get("noemail") and rng.random() > 0.06:
                email = f"{email_local(p)}@{by_year(o['domain'], year)}"
                if p["flags"].get("mixedcase") and rng.random() < 0.7:
                    local, dom = email.split("@")
                    email = ".".join(x.capitalize() for x in local.split(".")) + "@" + dom.upper()
                elif rng.random() < 0.04:
                    email = email.upper()
            if fmt["old_style"] and kind == "workshop":
                num, theme = sname[len("Atelier "):].split(" – ", 1)
                sname = f"Atelier {int(num)} - {theme}"
            role_cell = role.capitalize() if fmt["old_style"] else role
            kind_cell = {"prep": "Préparation", "plenary": "Plénière", "workshop": "Atelier"}[kind]
            d = date if fmt["header"] == "C" else "/".join(reversed(date.split("-")))
            rec = dict(Territoire=TERRITORIES[tk]["name"], year=str(year), Date=d, session=sname, kind=kind_cell,
                       method=method, Nom=nom, Prénom=prenom, email=email, org=c["name"], type=c["type"],
                       code=c["code"], SIRET=c["siret"], role=role_cell)
            out_rows.append((rec, p["pid"], o["id"]))
        if fmt["header"] == "C":  # platform export: sorted by name
            out_rows.sort(key=lambda x: (strip_accents(x[0]["Nom"]).lower(), strip_accents(x[0]["Prénom"]).lower()))
            header = HEADER_C
            keys = ["Nom", "Prénom", "email", "org", "type", "code", "SIRET", "Territoire", "year", "session", "kind",
                    "Date", "method", "role"]
        else:
            header = list(HEADER_A)
            keys = ["Territoire", "year", "Date", "session", "kind", "method", "Nom", "Prénom", "email", "org", "type",
                    "code", "SIRET", "role"]
            if fmt["header"] == "A-nosiret":
                header.remove("SIRET")
                keys.remove("SIRET")
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=fmt["sep"], lineterminator="\r\n" if fmt["crlf"] else "\n")
        w.writerow(header)
        lines = {}
        for i, (rec, pid, oid) in enumerate(out_rows):
            w.writerow([rec[k] for k in keys])
            lines[str(i + 2)] = {"organisation": oid, "person": pid}
        text = buf.getvalue()
        assert text.count("\n") == len(out_rows) + 1, "a cell holds a line break"
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8-sig" if fmt["bom"] else "utf-8", newline="") as f:
            f.write(text)
        truth_rows[rel] = lines
        n_rows += len(out_rows)
        ed["file"] = rel

    # ---------------- registry ----------------
    reg_rows = []  # (territory key, nom, type, code_insee, siret, source, truth org id or None)
    ann_to_org = {o["ann"]: o["id"] for o in ORGS if "ann" in o}
    for r in annuaire:
        if r["id"] in DEPARTEMENT_WIDE:
            terrs = BOTH
        else:
            terrs = PB if r["code_insee"] in PAYS_BASQUE_COMMUNES else B
        for tk in terrs:
            reg_rows.append((tk, r["nom"], CATEGORY_TYPE[r["categorie"]], r["code_insee"], "", "annuaire-2019",
                             ann_to_org.get(r["id"])))
    for o in ORGS:
        if "reg_name" in o and o["reg"]:
            for tk in o["reg"]:
                reg_rows.append((tk, o["reg_name"], o["type"], o["insee"], o.get("siret", ""), "invented", o["id"]))
    for tk, nom, typ, code, siret, in NEVER_CAME_INVENTED:
        reg_rows.append((tk, nom, typ, code, siret, "invented", None))
    reg_rows.sort(key=lambda r: (TERRITORIES[r[0]]["name"], r[2], r[1]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["territoire", "nom", "type", "code_insee", "siret", "source"])
    truth_registry = {}
    for i, r in enumerate(reg_rows):
        w.writerow([TERRITORIES[r[0]]["name"], r[1], r[2], r[3], r[4], r[5]])
        truth_registry[str(i + 2)] = r[6]
    os.makedirs(os.path.join(args.out, "registry"), exist_ok=True)
    with open(os.path.join(args.out, "registry", "organisations.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())

    # ---------------- truth.json ----------------
    attended = {}
    spellings_seen = {}
    for ei, ed in enumerate(editions):
        for ri, (_, _, _, _, p, _) in enumerate(ed["rows"]):
            c = row_cells[(ei, ri)]
            attended.setdefault(p["org"], {}).setdefault(TERRITORIES[ed["terr"]]["name"], set()).add(ed["year"])
            spellings_seen.setdefault(p["org"], set()).add(c["name"])
    truth_orgs = {}
    for o in ORGS:
        if o["id"] not in attended:
            raise SystemExit(f"{o['id']} never came: remove it or give it a person")
        reg_name = ann_by_id[o["ann"]]["nom"] if "ann" in o else o.get("reg_name")
        truth_orgs[o["id"]] = dict(
            registry_name=reg_name, source="annuaire-2019" if "ann" in o else "invented",
            directory_id=o.get("ann"), type=o["type"], code_insee=o["insee"], siret=o.get("siret"),
            in_registry=bool(o["reg"]), registry_territories=[TERRITORIES[t]["name"] for t in (o["reg"] or ())],
            names_by_year=[{"from": y, "spellings": v} for y, v in sorted(o["names"].items())],
            spellings_seen=sorted(spellings_seen[o["id"]]),
            attended={t: sorted(v) for t, v in sorted(attended[o["id"]].items())})
    truth_people = {}
    for p in people:
        e = truth_people.setdefault(p["pid"], dict(prenom=p["prenom"], nom=p["nom"], memberships=[]))
        e["memberships"].append(dict(organisation=p["org"], territory=TERRITORIES[p["terr"]]["name"],
                                     years=[y for y in p["years"] if y in TERRITORIES[p["terr"]]["years"]]))
    names = {}
    for pid, e in truth_people.items():
        names.setdefault((e["prenom"], e["nom"]), []).append(pid)
    homonyms = [dict(prenom=k[0], nom=k[1], people=v) for k, v in sorted(names.items()) if len(v) > 1]
    truth = dict(
        project="bench/identity/pyrenees-atlantiques",
        generator="bench/identity/pyrenees-atlantiques/build.py",
        synthetic_people=True,
        line_numbers="physical line of the CSV file, header = line 1 (no cell holds a line break)",
        counts=dict(rows=n_rows, sheets=len(truth_rows), organisations_came=len(truth_orgs),
                    spellings=sum(len(v["spellings_seen"]) for v in truth_orgs.values()),
                    registry_rows=len(reg_rows),
                    registry_rows_came=sum(1 for r in reg_rows if r[6] is not None),
                    people=len(truth_people), homonym_pairs=len(homonyms)),
        renames=[
            dict(organisation="ft-pau-mermoz", year=2024, old="Pôle emploi Pau Mermoz", new="France Travail Pau Mermoz",
                 known_to_maillage=True),
            dict(organisation="ft-pau-pyr", year=2024, old="Pôle emploi Pau Pyrénées", new="France Travail Pau Pyrénées",
                 known_to_maillage=True),
            dict(organisation="ft-orthez", year=2024, old="Pôle emploi Orthez", new="France Travail Orthez",
                 known_to_maillage=True),
            dict(organisation="ft-bayonne", year=2024, old="Pôle emploi Bayonne", new="France Travail Bayonne",
                 known_to_maillage=True),
            dict(organisation="ft-sjdl", year=2024, old="Pôle emploi Saint-Jean-de-Luz",
                 new="France Travail St-Jean-de-Luz", known_to_maillage=True),
            dict(organisation="bij-bayonne", year=2024, old="BIJ Bayonne", new="Info Jeunes Bayonne",
                 known_to_maillage=False,
                 note="the Information jeunesse network's 'Info Jeunes' brand; not in maillage's rename list: "
                      "a coordinator's decision, or evidence (type pij, commune Bayonne, same people and e-mail domain)"),
            dict(organisation="ddets", year=2021, old="DIRECCTE UD 64", new="DDETS 64", known_to_maillage=None,
                 note="the project ships no aliases.csv: issue #18 asks maillage to know this rename; the registry keeps "
                      "the DIRECCTE's long official name"),
        ],
        person_changes=[dict(person="p055", territory="Pays basque", year=2024, from_organisation="ml-pb",
                             to_organisation="capb", note="same prénom.nom local part, new employer's domain")],
        homonyms=homonyms,
        hard_cases=[
            "two France services in Pau (fs-pau-sar Saragosse, fs-pau-odb Ousse-des-Bois) and two information jeunesse "
            "points in Pau (bij-pau centre-ville, pij-pau-odb Ousse-des-Bois); 'Ousse-des-Bois' names a PIJ and a "
            "France services: only the type tells them apart",
            "two France Travail agencies in Pau (ft-pau-mermoz, ft-pau-pyr), with homonyms Nicolas Bordenave in each "
            "(nicolas.bordenave@ / nicolas.bordenave2@)",
            "one type in several communes: Missions locales of Pau, Orthez, Oloron, Nay, Mourenx, Anglet, Mauléon; "
            "CIO of Pau, Orthez, Oloron, Bayonne, Saint-Jean-de-Luz; GRETA Sud Aquitaine Pau vs Bayonne; "
            "UPPA SUIO Pau vs SCUIO Bayonne; MDPH Pau vs Anglet; CCI Pau vs CCI Mauléon",
            "'Pays de Nay' names a Mission locale (ml-nay), a France services (fs-nay) and an EPCI (cc-nay); "
            "'Pays Basque' names a Mission locale (ml-pb) and an EPCI (capb)",
            "postcodes in the commune column: 64000 (Pau), 64600 (Anglet), 64800 (Nay, Bénéjacq...), 64370, 64130, "
            "64250, 64700, 64170 are no INSEE code; 64100 (Bayonne's postcode) is the INSEE code of Bassussarry and "
            "64300 (Orthez's postcode) the INSEE code of Lacq, where the company chimie-lacq-services really is",
            "shared e-mail domains across distinct organisations: ac-bordeaux.fr (all CIO), ville-pau.fr (BIJ, PIJ and "
            "two France services of Pau), laposte.fr, cclb64.fr, paysdenay.fr, greta-sud-aquitaine.fr, univ-pau.fr, "
            "mdph64.fr, communaute-paysbasque.fr",
            "the same person under two e-mails without changing organisation: DDETS (direccte.gouv.fr in 2021), "
            "France Travail agencies (pole-emploi.fr until 2023, francetravail.fr from 2024)",
            "CIO names of the directory carry U+0092 (a Windows-1252 apostrophe decoded as Latin-1) where others have '",
            "the company chimie-lacq-services came (2024, 2025) but is in no registry",
        ],
        organisations=truth_orgs,
        people=truth_people,
        rows=truth_rows,
        registry={"registry/organisations.csv": truth_registry},
    )
    with open(os.path.join(args.out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")
    print(json.dumps(truth["counts"]))
    for ed in editions:
        print(ed["file"], len(ed["rows"]))


if __name__ == "__main__":
    main()
