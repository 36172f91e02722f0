#!/usr/bin/env python3
"""Generate the bundled PACA example of maillage: synthetic attendance sheets.

What this script builds
=======================
Attendance sheets ("feuilles d'émargement") of *ateliers de dialogue territorial*
held 2015-2025 in the six départements of Provence-Alpes-Côte d'Azur (04, 05, 06,
13, 83, 84), plus a registry of the organisations known on each territory, plus
``planted.json``, the machine-readable truth that later tests check against.

The **places and the real organisations are real** (COG 2026 communes, the 2019
DILA/service-public.fr directory of public organisations, copied unchanged into
``../france/``).  The **people are synthetic**: first names and surnames are drawn
from lists written for this script, and every e-mail address is made up.  A number
of organisations are **invented** (France Travail agencies, Cap emploi, Transitions
Pro, OPCO, Carif-Oref, cité des métiers, associations, companies, training bodies,
...); they sit at real communes and are flagged ``invented`` in the registry and in
``planted.json``.

The model (after seed 002 / DOMAIN.md)
--------------------------------------
* One edition a year per territory, 2015-2025; 2020 is skipped everywhere (Covid)
  and every territory has one or two other gaps or starts late.  80-150
  participants per edition: rural 04/05/84 at the low end, urban 13/06/83 higher;
  the event grows over the years.
* An edition = a cooperation group (15-25 people from the main organisations)
  meeting in 3-5 preparation sessions (members attend most of them), then an event
  day: one plenary attended by everyone, and ~N*2.7/19 workshops in 3 rounds; each
  participant attends 2 or 3 workshops (one per round), so workshops hold ~15-25.
  Each workshop has a method and a trio (exposant, gardien de la méthode, scribe)
  drawn from its attendees, preferring cooperation-group members.
* Organisations are grouped as in seed 002: *recurring contributors* come to
  almost every edition and dominate the cooperation group and trios; *frequent
  participants* come often; *not mobilised so far* exist in the registry only,
  except training bodies and companies that do come in 13 and 06 (so some types
  are "never mobilised here but mobilised elsewhere").
* People persist: each attendee of an organisation returns next edition with a
  high probability, otherwise a colleague comes.  A few people change organisation
  inside a territory, and a few planted people move between territories.
* Renames: "Pôle emploi X" -> "France Travail X" (2024), "Fongecif PACA" ->
  "Transitions Pro PACA" (2020), "Opacif ..." -> "OPCO ..." (2019),
  "MSAP X" -> "France services X" (2020).
* Planted for the analyses (all recorded in planted.json): a structural hole in 13
  (CIO and companies never share a workshop or preparation session, though both
  attend the plenary), a single point of failure in 04 2022 (France services
  Forcalquier is the only organisation linking an agricultural cluster to the
  rest), a lapsed broker in 84 (CIDFF Vaucluse: cooperation group and trios
  2015-2018, then gone), other lapsed organisations, bad rows and warnings.
* Mess of real sheets: formats (xlsx with serial or text dates, multi-sheet xlsx,
  ods, `;` CSV with BOM and CRLF, `,` CSV, cp1252 CSV, tab-separated), header
  families changing with the years, case/accent/abbreviation variants of names,
  free-text organisation types, missing e-mail columns.

Determinism
-----------
Everything derives from ``random.Random(seed)`` (default 2026) with sorted
iteration; zip entries carry a fixed timestamp; no current date is used.  The same
seed gives byte-identical files.

Usage::

    python3 generate.py [--seed 2026] [--out DIR]

``--out`` defaults to this script's folder.  The reference data are read from
``../france/`` next to this folder (the copies committed in the repository).
"""

import argparse
import csv
import datetime
import io
import json
import os
import random
import re
import unicodedata
import zipfile
from xml.sax.saxutils import escape as _xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
FRANCE = os.path.normpath(os.path.join(HERE, "..", "france"))
SEED = 2026
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------------------
# Territories and editions
# --------------------------------------------------------------------------------------
TERRITORIES = {
    # code: urban?, size range (first -> last edition), years with an edition
    "04": dict(urban=False, lo=80, hi=104, years=[2016, 2017, 2019, 2021, 2022, 2023, 2024, 2025]),
    "05": dict(urban=False, lo=80, hi=100, years=[2016, 2018, 2019, 2021, 2022, 2023, 2024, 2025]),
    "06": dict(urban=True, lo=96, hi=148, years=[2015, 2017, 2018, 2019, 2021, 2023, 2024, 2025]),
    "13": dict(urban=True, lo=102, hi=150, years=[2015, 2018, 2019, 2021, 2022, 2023, 2024, 2025]),
    "83": dict(urban=True, lo=90, hi=140, years=[2016, 2017, 2018, 2021, 2022, 2023, 2024, 2025]),
    "84": dict(urban=False, lo=82, hi=120, years=[2015, 2017, 2018, 2019, 2021, 2022, 2024, 2025]),
}
TOWNS = {
    "04": ["04070", "04112", "04209", "04088", "04019", "04049"],
    "05": ["05061", "05023", "05046", "05070", "05179", "05065"],
    "06": ["06088", "06029", "06004", "06069", "06083", "06027"],
    "13": ["13055", "13001", "13004", "13056", "13005", "13103", "13047", "13117"],
    "83": ["83137", "83050", "83061", "83069", "83023", "83126"],
    "84": ["84007", "84031", "84035", "84087", "84003", "84089"],
}
DEPT_ARTICLE = {  # "des Alpes-de-Haute-Provence", "du Var"...
    "04": "des Alpes-de-Haute-Provence", "05": "des Hautes-Alpes", "06": "des Alpes-Maritimes",
    "13": "des Bouches-du-Rhône", "83": "du Var", "84": "de Vaucluse",
}

# --------------------------------------------------------------------------------------
# Canonical organisation types (keys used in the registry and planted.json)
# --------------------------------------------------------------------------------------
GROUPS = {
    "recurring": ["france_travail", "apec", "mission_locale", "cio", "cap_emploi", "carif_oref",
                  "transitions_pro", "opco", "association"],
    "frequent": ["collectivite", "chambre_consulaire", "france_services", "universite", "cfa", "pij",
                 "cite_des_metiers", "epci", "greta", "autre_public"],
    "not_mobilised": ["organisme_formation", "entreprise", "siae", "cabinet_recrutement",
                      "etablissement_scolaire", "syndicat_employeurs", "cress", "chambre_agriculture",
                      "federation_professionnelle"],
}
GROUP_OF = {t: g for g, ts in GROUPS.items() for t in ts}

ANNUAIRE_TYPE = {
    "mission_locale": "mission_locale", "cio": "cio", "apec": "apec", "msap": "france_services",
    "cij": "pij", "cci": "chambre_consulaire", "chambre_metier": "chambre_consulaire",
    "chambre_agriculture": "chambre_agriculture", "epci_communaute_communes": "epci",
    "epci_communaute_agglomerations": "epci", "epci": "epci", "cg": "collectivite",
    "cr": "collectivite", "greta": "greta", "suio": "universite", "cidf": "association",
    "crib": "association", "maison_handicapees": "autre_public", "direccte_ut": "autre_public",
    "cdg": "autre_public", "cnfpt": "autre_public", "msa": "autre_public", "caf": "autre_public",
    "agefiph": "autre_public", "apecita": "autre_public", "afpa": "organisme_formation",
}

# Free-text variants written in the sheets' "Type de structure" column, by canonical type.
# (the first one is the most common); france_travail/transitions_pro/opco/france_services
# change with the renames.
TYPE_TEXT = {
    "france_travail": ["Pôle emploi", "Service public de l'emploi", "Agence Pôle emploi", "SPE"],
    "france_travail@2024": ["France Travail", "Agence France Travail", "Service public de l'emploi"],
    "apec": ["Apec", "APEC", "Association pour l'emploi des cadres"],
    "mission_locale": ["Mission locale", "ML", "Mission Locale", "Missions locales"],
    "cio": ["CIO", "Centre d'information et d'orientation", "Education nationale - CIO"],
    "cap_emploi": ["Cap emploi", "Cap Emploi", "Cap emploi (OPS)"],
    "carif_oref": ["Carif-Oref", "CARIF OREF", "Carif Oref"],
    "transitions_pro": ["Fongecif", "Fongécif", "FONGECIF"],
    "transitions_pro@2020": ["Transitions Pro", "Transitions Pro (ex-Fongecif)", "ATpro"],
    "opco": ["Opacif", "OPACIF", "OPCA"],
    "opco@2019": ["OPCO", "Opérateur de compétences", "Opco"],
    "association": ["Association", "Asso", "Association loi 1901", "association"],
    "collectivite": ["Collectivité", "Collectivité territoriale", "Collectivite", "Collectivité locale"],
    "chambre_consulaire": ["Chambre consulaire", "Consulaire", "Chambre consulaire (CCI/CMA)"],
    "france_services": ["MSAP", "Maison de services au public", "Maison de service public"],
    "france_services@2020": ["France services", "Maison France services", "France Services"],
    "universite": ["Université", "Enseignement supérieur", "SUIO"],
    "cfa": ["CFA", "Centre de formation d'apprentis", "Cfa"],
    "pij": ["Information jeunesse", "PIJ", "Point information jeunesse", "BIJ"],
    "cite_des_metiers": ["Cité des métiers", "Cite des metiers"],
    "epci": ["EPCI", "Intercommunalité", "Interco", "Communauté de communes"],
    "greta": ["GRETA", "Greta", "Education nationale - formation continue"],
    "autre_public": ["Service public", "Organisme public", "Etat"],
    "organisme_formation": ["Organisme de formation", "OF", "Formation"],
    "entreprise": ["Entreprise", "Employeur", "Entreprise privée"],
    "siae": ["SIAE", "Structure d'insertion", "Insertion par l'activité économique"],
    "cabinet_recrutement": ["Cabinet de recrutement", "Recrutement"],
    "etablissement_scolaire": ["Lycée", "Etablissement scolaire", "Établissement scolaire"],
    "syndicat_employeurs": ["Syndicat employeurs", "Organisation patronale"],
    "cress": ["CRESS", "Economie sociale et solidaire"],
    "chambre_agriculture": ["Chambre d'agriculture", "Chambre d'Agriculture"],
    "federation_professionnelle": ["Fédération professionnelle", "Branche professionnelle"],
}
# Person counts expected per attending organisation per edition (mean), by type.
K_MEAN = {
    "france_travail": 2.6, "apec": 1.4, "mission_locale": 2.1, "cio": 1.7, "cap_emploi": 1.8,
    "carif_oref": 1.4, "transitions_pro": 1.8, "opco": 1.2, "association": 1.4, "collectivite": 1.3,
    "chambre_consulaire": 1.3, "france_services": 1.3, "universite": 1.7, "cfa": 1.4, "pij": 1.2,
    "cite_des_metiers": 2.0, "epci": 1.2, "greta": 1.4, "autre_public": 1.1,
    "organisme_formation": 1.2, "entreprise": 1.1, "chambre_agriculture": 1.0,
    "etablissement_scolaire": 1.0, "federation_professionnelle": 1.0,
}

METHODS = ["World café", "Speed dating", "Débat mouvant", "Forum ouvert", "Fishbowl", "Photolangage",
           "Co-développement"]
THEMES = [
    "Mobilité des jeunes", "Égalité femmes-hommes", "Décrochage scolaire", "Reconversion des salariés",
    "Handicap et emploi", "Numérique et premier accueil", "Ingénierie financière des parcours",
    "Achat groupé de formation", "Données socio-économiques locales", "Métiers qui recrutent",
    "Alternance : candidats et employeurs", "Féminiser les métiers", "Accueil des publics migrants",
    "Seniors et fin de carrière", "Créer son activité", "Saisonnalité et pluriactivité",
    "Illettrisme et compétences de base", "Logement et mobilité", "Validation des acquis de l'expérience",
    "Compte personnel de formation", "Conseil en évolution professionnelle",
    "Orientation tout au long de la vie", "Freins périphériques à l'emploi", "Santé et reconversion",
    "Transition écologique et nouveaux métiers", "Jeunes sans emploi ni formation", "Coopérer entre réseaux",
    "Premier accueil partagé", "Industrie et attractivité", "Services à la personne",
    "Bâtiment et travaux publics", "Égalité des chances dans les quartiers", "Mobilité internationale",
    "Garde d'enfants et retour à l'emploi", "Outils numériques du conseiller", "Dématérialisation des démarches",
    "Évaluer l'accompagnement", "Communiquer vers les publics", "Coconstruire un événement pour les publics",
    "Tourisme et métiers de la montagne",
]
CLUSTER_THEMES = ["Emploi agricole et saisonnier", "Installation en agriculture"]

PRENOMS = """Hélène Jérôme Cécile Zoé Anaïs Noël Benoît Françoise Gaëlle Loïc Sébastien Amélie Léa Chloé
Élodie Mathilde Nathalie Sandrine Sophie Isabelle Valérie Stéphanie Céline Aurélie Émilie Julie Laure
Claire Marion Camille Pauline Manon Margaux Lucie Juliette Agnès Béatrice Brigitte Catherine Christine
Corinne Delphine Florence Karine Laurence Martine Monique Muriel Myriam Patricia Sylvie Véronique Virginie
Yasmina Nadia Samira Leïla Fatima Malika Inès Sarah Alice Eva Jeanne Louise Rose Anne Marie Odile Maëlle
Thierry Philippe Pascal Olivier Nicolas Laurent Frédéric Christophe Éric David Julien Thomas Guillaume
Maxime Antoine Alexandre Vincent François Stéphane Didier Patrick Michel Alain Bruno Cédric Damien Fabien
Grégory Hervé Jean Jean-Marc Jean-Pierre Marc Mathieu Romain Rémi Sylvain Yannick Karim Mehdi Rachid
Samir Yacine Hugo Lucas Théo Paul Louis Raphaël Gaël Joël Léo Arnaud Baptiste Clément Florian Kevin""".split()
NOMS = """Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre Michel
Garcia David Bertrand Roux Vincent Fournier Morel Girard André Mercier Dupont Lambert Bonnet François
Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu
Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire
Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier Jean Perez Marchand Dufour Blanchard Marie
Barbier Brun Dumas Brunet Schmitt Leroux Colin Fernandez Pierre Renard Arnaud Rolland Caron Aubert
Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard Philippe Leclercq Lacroix Fabre Dupuis
Olivier Rodriguez Da-Silva Hubert Louis Charles Guillot Rivière Le-Gall Guillaume Adam Rey Moulin
Gonzalez Berger Lecomte Ménard Fleury Deschamps Carpentier Julien Benoît Paris Maillard Marchal Aubry
Vasseur Le-Roux Renault Jacquet Collet Prévost Poirier Charpentier Royer Huet Baron Dupuy Pons Paul
Laine Carré Breton Rémy Schneider Perrot Barré Marty Cousin Bérard Pélissier Audibert Giraud Roubaud
Bonnefoy Castel Reynaud Aillaud Truc Bouchet Arnoux Bremond Chabert Estève Gras Imbert Jourdan Maurel
Ollivier Peyron Rostagni Sauvan Tardieu Vial Amiel Baudoin Cauvin Daumas Espitalier Ferrand Gilly
Isnard Lantelme Magnan Nègre Orsini Pellegrin Rambaud Savelli Teisseire Vernet Ayme Blanc-Garin
Chiappe Dalmasso Giordano Lanteri Mouret Pastorelli Raybaud Salvatori Toselli Abadie Benhamou Chérif
Diallo Haddad Kaci Mansouri Ouali Saïdi Traoré Benali Cohen Leblanc Boucher Gomez Hamon Tessier""".split()
NOMS = [n.replace("-", " ") if n.startswith(("Da-", "Le-")) else n for n in NOMS]
NOMS = sorted(set(NOMS))
PRENOMS = sorted(set(PRENOMS))


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------
def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def slug(s):
    s = strip_accents(s).lower().replace("’", "").replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def siret(rng):
    """A 14-digit number passing the Luhn check (like real SIRETs)."""
    digits = [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(12)]
    for last in range(10):
        d = digits + [last]
        total = 0
        for i, x in enumerate(reversed(d)):
            if i % 2 == 1:
                x *= 2
                if x > 9:
                    x -= 9
            total += x
        if total % 10 == 0:
            return "".join(map(str, d))
    raise AssertionError


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_reference():
    communes = {r["code_insee"]: r for r in read_csv(os.path.join(FRANCE, "paca_communes.csv"))}
    depts = {r["code_departement"]: r["nom"] for r in read_csv(os.path.join(FRANCE, "departements.csv"))}
    former = {r["code_insee"]: r for r in read_csv(os.path.join(FRANCE, "paca_communes_deleguees_associees.csv"))}
    annuaire = read_csv(os.path.join(FRANCE, "registries", "paca_annuaire_organisations_2019.csv"))
    return communes, depts, former, annuaire


def commune_code(code):
    """Marseille's arrondissements (13201-13216) are not communes in the COG: map to 13055."""
    if code.startswith("132") and len(code) == 5:
        return "13055"
    return code


# --------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------
class Org:
    __slots__ = ("id", "type", "terr", "serves", "registry_name", "names", "domains", "code",
                 "siret", "source", "in_registry", "first", "last", "p_attend", "k_mean",
                 "participating", "note")

    def __init__(self, id, type, terr, registry_name, names, code, source, domains=None,
                 siret="", serves=None):
        self.id, self.type, self.terr = id, type, terr
        self.serves = serves or [terr]
        self.registry_name = registry_name
        self.names = names            # list of (from_year, name)
        self.domains = domains or [(0, slug(names[0][1]).replace("-", "")[:24] + ".fr")]
        self.code, self.source, self.siret = code, source, siret
        self.in_registry = True
        self.first, self.last = {}, {}   # per territory
        self.p_attend, self.k_mean = {}, K_MEAN.get(type, 1.0)
        self.participating = set()       # territories where it may attend
        self.note = ""

    def name_at(self, year):
        n = self.names[0][1]
        for y, nm in self.names:
            if year >= y:
                n = nm
        return n

    def domain_at(self, year):
        d = self.domains[0][1]
        for y, dm in self.domains:
            if year >= y:
                d = dm
        return d


def town_of_annuaire(row, communes):
    nom = row["nom"]
    if " - " in nom:
        t = nom.rsplit(" - ", 1)[1]
        t = re.sub(r"\s*\(.*?\)\s*", " ", t)
        t = re.sub(r"\s+\d{5}-\d\d$", "", t).strip()
        if t:
            return t
    c = communes.get(commune_code(row["code_insee"]))
    return c["nom"] if c else row["commune"]


def sheet_names_for_annuaire(row, town, dept_code, dept_name):
    """The short name coordinators write in sheets (differs from the registry's long name)."""
    cat = row["categorie"]
    art = DEPT_ARTICLE[dept_code]
    if cat == "mission_locale":
        return [(0, f"Mission locale {town}")]
    if cat == "cio":
        return [(0, f"CIO {town}")]
    if cat == "msap":
        return [(0, f"MSAP {town}"), (2020, f"France services {town}")]
    if cat == "cij":
        n = row["nom"]
        n = re.sub(r"\s+\d{5}-\d\d$", "", n)
        n = n.replace("Point information jeunesse - ", "PIJ ").replace("Bureau information jeunesse - ", "BIJ ")
        n = n.replace("Centre régional information jeunesse - Provence-Alpes-Côte d'azur", "CRIJ Provence-Alpes-Côte d'Azur")
        n = n.replace("Relais emploi - Point information jeunesse - ", "PIJ ")
        return [(0, n)]
    if cat == "cci":
        return [(0, "CCI " + row["nom"].split(" - ", 1)[1])]
    if cat == "chambre_metier":
        return [(0, f"Chambre de métiers et de l'artisanat {art}")]
    if cat == "chambre_agriculture":
        return [(0, f"Chambre d'agriculture {art}")]
    if cat.startswith("epci"):
        n = row["nom"]
        n = n.replace("Communauté de communes - ", "Communauté de communes ")
        n = n.replace("Communauté d'agglomération - ", "Communauté d'agglomération ")
        n = n.replace("Métropole - ", "Métropole ").replace("Communauté territoriale - ", "Communauté territoriale ")
        return [(0, n)]
    if cat == "greta":
        n = re.sub(r"\s+\d{5}-\d\d$", "", row["nom"]).replace("Greta - ", "GRETA ")
        return [(0, n)]
    if cat == "cidf":
        return [(0, f"CIDFF {dept_code}") if dept_code != "13" else (0, f"CIDFF 13 {town}")]
    if cat == "cg":
        return [(0, f"Conseil départemental {art}")]
    if cat == "cr":
        return [(0, "Conseil régional PACA"), (2018, "Région Sud")]
    if cat == "apec":
        return [(0, f"Apec {town}")]
    if cat == "suio":
        name = {"06": "Université Côte d'Azur - SUIO", "83": "Université de Toulon - SAOI",
                "84": "Avignon Université - Maison de l'orientation"}.get(dept_code, "SUIO")
        # Nice has several guidance services of its university: each its own name on the sheets
        sector = re.search(r"Secteur ([^,]+)", row["nom"])
        if dept_code == "06" and sector:
            name += " " + sector.group(1).split()[0].capitalize()
        return [(0, name)]
    if cat == "maison_handicapees":
        return [(0, f"MDPH {dept_code}")]
    if cat == "direccte_ut":
        return [(0, f"DIRECCTE UD {dept_code}"), (2021, f"DDETS {dept_name}")]
    if cat == "crib":
        return [(0, row["nom"].split(" - ", 1)[1])]
    return [(0, row["nom"])]


def build_orgs(rng, communes, depts, annuaire):
    orgs = {}
    regional = []

    def add(o):
        assert o.id not in orgs, o.id
        assert o.code in communes or o.code in ("13055",), (o.id, o.code)
        orgs[o.id] = o
        return o

    # ---- real organisations from the 2019 directory
    for row in sorted(annuaire, key=lambda r: r["id"]):
        d = row["code_insee"][:2]
        town = town_of_annuaire(row, communes)
        typ = ANNUAIRE_TYPE[row["categorie"]]
        names = sheet_names_for_annuaire(row, town, d, depts[d])
        dom = {
            "mission_locale": f"ml-{slug(town)}.fr", "cio": "ac-nice.fr" if d in ("06", "83") else "ac-aix-marseille.fr",
            "apec": "apec.fr", "france_services": f"franceservices-{slug(town)}.fr", "pij": f"pij-{slug(town)}.fr",
            "greta": "greta-" + slug(names[0][1].replace("GRETA ", ""))[:20] + ".fr",
            "collectivite": "maregionsud.fr" if row["categorie"] == "cr" else f"departement{d}.fr",
        }.get(typ, None)
        if row["categorie"] == "cidf":
            dom = f"cidff{d}.fr"
        if row["categorie"] == "cci":
            dom = "cci-" + slug(names[0][1][4:])[:20] + ".fr"
        if row["categorie"] == "chambre_metier":
            dom = f"cma{d}.fr"
        o = add(Org(row["id"], typ, d, row["nom"], names, commune_code(row["code_insee"]), "annuaire-2019",
                    domains=[(0, dom)] if dom else None))
        o.note = row["categorie"]
        if row["code_insee"] != o.code:
            o.note += f" (annuaire code_insee {row['code_insee']}: Marseille arrondissement, mapped to 13055)"
    # Regional coverage of a few real organisations
    orgs["apec-13208-01"].serves = ["13", "84", "04", "05"]
    orgs["apec-06088-01"].serves = ["06", "83"]
    orgs["cr-13203-01"].serves = sorted(TERRITORIES)

    n = [0]

    def inv(typ, d, names, code, domains=None, with_siret=True, serves=None, registry_name=None):
        n[0] += 1
        oid = f"inv-{typ.replace('_', '-')}-{d}-{n[0]:03d}"
        o = Org(oid, typ, d, registry_name or names[-1][1], names, code, "invented", domains=domains,
                siret=siret(rng) if with_siret else "", serves=serves)
        return add(o)

    cn = lambda c: communes[c]["nom"]
    for d in sorted(TERRITORIES):
        art = DEPT_ARTICLE[d]
        towns = TOWNS[d]
        urban = TERRITORIES[d]["urban"]
        # France Travail agencies (ex-Pôle emploi)
        agencies = list(towns[: (6 if d == "13" else 5 if urban else 3)])
        for i, c in enumerate(agencies):
            label = cn(c)
            if c == "13055":
                label = ["Marseille Joliette", "Marseille Sainte-Marguerite"][0]
            inv("france_travail", d, [(0, f"Pôle emploi {label}"), (2024, f"France Travail {label}")], c,
                domains=[(0, "pole-emploi.fr"), (2024, "francetravail.fr")])
        if d == "13":
            inv("france_travail", d, [(0, "Pôle emploi Marseille Sainte-Marguerite"),
                                      (2024, "France Travail Marseille Sainte-Marguerite")], "13055",
                domains=[(0, "pole-emploi.fr"), (2024, "francetravail.fr")])
        inv("cap_emploi", d, [(0, f"Cap emploi {d}")], towns[0], domains=[(0, f"capemploi{d}.fr")],
            registry_name=f"Cap emploi {depts[d]}")
        inv("collectivite", d, [(0, f"Ville de {cn(towns[0])}")], towns[0], with_siret=False,
            domains=[(0, f"ville-{slug(cn(towns[0]))}.fr")])
        if d in ("06", "13", "84"):
            inv("collectivite", d, [(0, f"Conseil départemental {art}")], towns[0], with_siret=False,
                domains=[(0, f"departement{d}.fr")])
        inv("cfa", d, [(0, f"CFA des métiers {cn(towns[1])}")], towns[1])
        if urban:
            inv("cfa", d, [(0, f"CFA régional du BTP {cn(towns[2])}")], towns[2])
        # associations
        assoc_templates = ["Tremplin Emploi {t}", "Femmes Solidaires {d}", "Accueil Migrants {t}",
                           "Parcours Jeunes {t}", "Réseau Entraide Insertion {t}", "Association Horizons {t}"]
        na = 6 if urban else 3
        for i in range(na):
            c = towns[i % len(towns)]
            nm = assoc_templates[i].format(t=cn(c), d=d)
            inv("association", d, [(0, nm)], c)
        if d == "05":
            o = inv("association", d, [(0, "Association Queyras Saisons")], "05001")
            o.note = "sheets 2016-2018 write the former code 05120 (Ristolas)"
        if d == "84":
            o = inv("association", d, [(0, "La Ruche des Possibles")], "84003")
            o.note = "a tiers-lieu run by an association; the 2022 sheet types it 'Tiers-lieu'"
        # never-mobilised kinds (registry only, unless participating below)
        of_names = ["Institut de formation {t}", "Alpha Formation {t}", "Compétences Sud {t}"]
        for i in range(3):
            c = towns[i % len(towns)]
            inv("organisme_formation", d, [(0, of_names[i].format(t=cn(c)))], c)
        ent_names = ["Transports Durance Logistique", "Hôtellerie des Collines", "Provence Bâtiment Rénovation",
                     "Agro Sud Conditionnement"]
        for i in range(4):
            c = towns[(i + 1) % len(towns)]
            inv("entreprise", d, [(0, f"{ent_names[i]} {d}")], c)
        inv("siae", d, [(0, f"Chantier d'insertion Les Jardins de {cn(towns[2])}")], towns[2])
        inv("siae", d, [(0, f"Entreprise d'insertion Recyclerie {cn(towns[0])}")], towns[0])
        inv("cabinet_recrutement", d, [(0, f"Talents Conseil {cn(towns[0])}")], towns[0])
        inv("etablissement_scolaire", d, [(0, f"Lycée professionnel Jean Moulin de {cn(towns[0])}")], towns[0],
            with_siret=False)
        inv("etablissement_scolaire", d, [(0, f"Lycée des métiers de l'hôtellerie {cn(towns[1])}")], towns[1],
            with_siret=False)
        inv("syndicat_employeurs", d, [(0, f"MEDEF {depts[d]}")], towns[0])
        inv("syndicat_employeurs", d, [(0, f"CPME {depts[d]}")], towns[0])
        inv("federation_professionnelle", d, [(0, f"Fédération du BTP {d}")], towns[0])
        inv("federation_professionnelle", d, [(0, f"UMIH {depts[d]}")], towns[0])
        if d == "84":
            inv("chambre_agriculture", d, [(0, "Chambre d'agriculture de Vaucluse")], "84007", with_siret=False)
        if d == "04":
            inv("etablissement_scolaire", d, [(0, "Lycée agricole de Digne-Carmejane")], "04070", with_siret=False)
            inv("federation_professionnelle", d, [(0, "Jeunes Agriculteurs 04")], "04070")
            inv("collectivite", d, [(0, "Commune de Larche")], "04120", with_siret=False,
                registry_name="Commune de Val d'Oronaye").note = "Larche (04100) is now part of Val d'Oronaye (04120)"
    # Regional invented organisations (one org, counsellors on every territory)
    allt = sorted(TERRITORIES)
    regional.append(inv("transitions_pro", "13", [(0, "Fongecif PACA"), (2020, "Transitions Pro PACA")], "13055",
                        domains=[(0, "fongecif-paca.fr"), (2020, "transitionspro-paca.fr")], serves=allt))
    regional.append(inv("opco", "13", [(0, "Opacif Uniformation PACA"), (2019, "OPCO Uniformation PACA")], "13055",
                        domains=[(0, "uniformation.fr")], serves=allt))
    regional.append(inv("opco", "13", [(0, "Opacif Afdas Méditerranée"), (2019, "OPCO Afdas Méditerranée")],
                        "13055", domains=[(0, "afdas.com")], serves=["13", "06", "83", "84"]))
    regional.append(inv("carif_oref", "13", [(0, "Carif-Oref Provence-Alpes-Côte d'Azur")], "13055",
                        domains=[(0, "cariforef-paca.fr")], serves=allt))
    inv("cite_des_metiers", "13", [(0, "Cité des métiers de Marseille")], "13055",
        domains=[(0, "citedesmetiers-marseille.fr")])
    inv("universite", "13", [(0, "Aix-Marseille Université - SUIO")], "13001", with_siret=False,
        domains=[(0, "univ-amu.fr")])
    inv("cress", "13", [(0, "CRESS Provence-Alpes-Côte d'Azur")], "13055", serves=allt)
    # two associations that come but are in nobody's registry (revealed by the event)
    a = inv("association", "13", [(0, "Collectif Emploi Quartiers Nord")], "13055")
    a.in_registry = False
    a = inv("association", "83", [(0, "Boussole Var Insertion")], "83137")
    a.in_registry = False
    return orgs


# --------------------------------------------------------------------------------------
# Which organisations come, and how often
# --------------------------------------------------------------------------------------
CAPS_URBAN = {"mission_locale": 5, "cio": 4, "france_services": 2, "pij": 3, "epci": 2, "greta": 2,
              "chambre_consulaire": 2, "universite": 2, "autre_public": 2}
CAPS_RURAL = {"mission_locale": 4, "cio": 2, "france_services": 5, "pij": 3, "epci": 4, "greta": 1,
              "chambre_consulaire": 2, "universite": 1, "autre_public": 2}
FORCED = {"msap-04088-01", "cidf-84007-01", "greta-83072-01", "mission_locale-13004-01", "cij-13022-01"}
LAPSED = {  # org id -> (territory, last year)
    "cidf-84007-01": ("84", 2018),
    "greta-83072-01": ("83", 2018),
    "cij-13022-01": ("13", 2018),
}


def choose_participation(rng, orgs):
    """Decide, per territory, which organisations may attend, from when, and how often."""
    for d in sorted(TERRITORIES):
        cfg = TERRITORIES[d]
        years = cfg["years"]
        caps = CAPS_URBAN if cfg["urban"] else CAPS_RURAL
        local = sorted((o for o in orgs.values() if d in o.serves), key=lambda o: o.id)
        by_type = {}
        for o in local:
            by_type.setdefault(o.type, []).append(o)
        chosen = []
        for typ in sorted(by_type):
            lst = by_type[typ]
            grp = GROUP_OF[typ]
            if grp == "not_mobilised":
                if d in ("13", "06") and typ in ("organisme_formation", "entreprise"):
                    inv = [o for o in lst if o.source == "invented"]
                    chosen += inv[:2] if typ == "organisme_formation" else inv[:3]
                continue
            if typ in ("autre_public",):
                lst = [o for o in lst if o.note.split(" ")[0] in ("maison_handicapees", "direccte_ut")]
            if typ == "association":
                lst = [o for o in lst if o.source == "invented" or o.note.startswith("cidf")]
            cap = caps.get(typ)
            forced = [o for o in lst if o.id in FORCED]
            rest = [o for o in lst if o.id not in FORCED]
            if cap is not None and len(lst) > cap:
                # prefer organisations in the main towns, then random
                rest.sort(key=lambda o: (o.code not in TOWNS[d], o.id))
                head = rest[: max(0, cap - len(forced)) // 2]
                tail = rest[len(head):]
                pick = rng.sample(tail, max(0, cap - len(forced) - len(head)))
                lst = forced + head + sorted(pick, key=lambda o: o.id)
            chosen += lst
        for o in sorted(chosen, key=lambda o: o.id):
            grp = GROUP_OF[o.type]
            o.participating.add(d)
            first = years[0]
            if grp == "frequent" and rng.random() < 0.45:
                first = rng.choice(years[1:-1])
            if o.type == "association" and o.source == "invented" and rng.random() < 0.35:
                first = rng.choice(years[1:-1])
            if GROUP_OF[o.type] == "not_mobilised":
                first = 2018 if d == "13" else 2019
            if o.type == "cite_des_metiers":
                first = 2016
            if o.id in ("inv-association-13-%s" % "x",):
                pass
            if not o.in_registry:
                first = 2021
            last = 2025
            if o.id in LAPSED:
                first, last = years[0], LAPSED[o.id][1]
            o.first[d], o.last[d] = first, last
            p = {"recurring": 0.96, "frequent": 0.55, "not_mobilised": 0.6}[grp]
            if o.type == "association":
                p = 0.75
            if o.type in ("france_services", "epci") and not cfg["urban"]:
                p = 0.72
            if o.type in ("france_services", "epci", "pij") and cfg["urban"]:
                p = 0.4
            if o.type == "autre_public":
                p = 0.3
            if o.id in LAPSED or o.id == "msap-04088-01":
                p = 1.0
            if o.name_at(2016) == "Commune de Larche":  # shows a former commune code in 2016-2017
                o.first[d], p = years[0], 1.0
            o.p_attend[d] = p
        # Agricultural cluster of the 04 single point of failure: only in 2022
        if d == "04":
            for oid in ("chambre_agriculture-04070-01",):
                orgs[oid].participating.add(d)
            for o in orgs.values():
                if o.name_at(2022) in ("Lycée agricole de Digne-Carmejane", "Jeunes Agriculteurs 04"):
                    o.participating.add(d)


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------
class People:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.persons = {}  # pid -> dict(prenom, nom)
        self.n = 0

    def new(self):
        rng = self.rng
        while True:
            p, nm = rng.choice(PRENOMS), rng.choice(NOMS)
            key = (slug(p), slug(nm))
            if key not in self.used:
                break
        self.used.add(key)
        self.n += 1
        pid = f"P{self.n:04d}"
        self.persons[pid] = {"prenom": p, "nom": nm}
        return pid


def email_of(person, org, year):
    return f"{slug(person['prenom'])}.{slug(person['nom'])}@{org.domain_at(year)}"


# --------------------------------------------------------------------------------------
# Editions
# --------------------------------------------------------------------------------------
def event_date(rng, year):
    month = rng.choice([3, 4, 5, 6, 10, 11])
    d = datetime.date(year, month, rng.randrange(1, 25))
    while d.weekday() not in (1, 3):  # Tuesday or Thursday
        d += datetime.timedelta(days=1)
    return d


def simulate(rng, orgs, people):
    """Return the list of canonical editions."""
    staff = {}      # (org id, territory) -> list of pids (current staff, in order of arrival)
    attended = {}   # (org id, territory) -> set of pids who came at least once
    home = {}       # pid -> (org id, territory)
    prev_coop = {}  # territory -> set of pids
    moves, org_changes = [], []
    forced_return = set()
    editions = []
    planned_moves = [  # (year, from, to, type)
        (2019, "05", "84", "france_travail"), (2019, "13", "83", "mission_locale"),
        (2021, "06", "83", "france_travail"), (2022, "84", "13", "cio"),
        (2023, "83", "06", "association"), (2024, "04", "05", "mission_locale"),
    ]
    for year in range(2015, 2026):
        # ---- planted moves between territories, decided at the start of the year
        for (y, a, b, typ) in planned_moves:
            if y != year:
                continue
            cands = sorted(pid for (oid, t), s in attended.items() if t == a and orgs[oid].type == typ
                           and orgs[oid].terr == a for pid in s if home.get(pid) == (oid, t)
                           and pid in staff.get((oid, t), ()))
            pid = rng.choice(cands)
            old = home[pid]
            staff[old].remove(pid)
            targets = sorted(o.id for o in orgs.values() if o.type == typ and b in o.participating
                             and o.terr == b and o.first.get(b, 9999) <= year <= o.last.get(b, 0)
                             and o.p_attend.get(b, 0) > 0.7)
            new = (rng.choice(targets), b)
            staff.setdefault(new, []).insert(0, pid)
            home[pid] = new
            forced_return.add(pid)
            moves.append({"person": pid, "year": year, "from_territory": a, "from_org": old[0],
                          "to_territory": b, "to_org": new[0]})
        for d in sorted(TERRITORIES):
            cfg = TERRITORIES[d]
            if year not in cfg["years"]:
                continue
            ed = make_edition(rng, orgs, people, d, year, cfg, staff, attended, home, prev_coop,
                              forced_return, org_changes)
            editions.append(ed)
    return editions, moves, org_changes


def make_edition(rng, orgs, people, d, year, cfg, staff, attended, home, prev_coop, forced_return,
                 org_changes):
    urban = cfg["urban"]
    frac = ((year - 2015) / 10) ** 1.3
    N = int(round(cfg["lo"] + (cfg["hi"] - cfg["lo"]) * frac + rng.uniform(-4, 4)))
    N = max(80, min(147, N))
    spof = (d == "04" and year == 2022)
    cluster_ids = []
    if spof:
        cluster_ids = sorted(o.id for o in orgs.values() if o.id == "chambre_agriculture-04070-01"
                             or o.name_at(2022) in ("Lycée agricole de Digne-Carmejane", "Jeunes Agriculteurs 04"))
    # ---- which organisations attend, with how many people
    attending = []
    for o in sorted((o for o in orgs.values() if d in o.participating and d in o.first), key=lambda o: o.id):
        if not (o.first[d] <= year <= o.last[d]):
            continue
        if rng.random() < o.p_attend[d]:
            attending.append(o)
    total_mean = sum(o.k_mean for o in attending)
    scale = (N - (5 if spof else 0)) / total_mean
    slots = {}
    for o in attending:
        k = max(1, int(round(o.k_mean * scale + rng.gauss(0, 0.35))))
        slots[o.id] = k
    if spof:
        slots["msap-04088-01"] = 1
    target = N - (5 if spof else 0)
    ids = sorted(slots)
    while sum(slots.values()) != target:
        oid = rng.choice(ids)
        if oid == "msap-04088-01" or oid in LAPSED:
            continue
        if sum(slots.values()) < target:
            slots[oid] += 1
        elif slots[oid] > 1:
            slots[oid] -= 1
    if spof:
        for oid, k in zip(cluster_ids, [2, 1, 2]):
            slots[oid] = k
    # ---- fill the slots with people
    participants = {}  # pid -> org id
    for oid in sorted(slots):
        key = (oid, d)
        st = staff.setdefault(key, [])
        o = orgs[oid]
        p_ret = 0.95 if GROUP_OF[o.type] == "recurring" else 0.88
        chosen = []
        for pid in list(st):
            if len(chosen) >= slots[oid]:
                break
            if pid in participants:
                continue
            if pid in forced_return:
                chosen.append(pid)
                forced_return.discard(pid)
                continue
            r = rng.random()
            if r < 0.03 and oid not in LAPSED:   # left the organisation for good
                st.remove(pid)
                continue
            if r < p_ret:
                chosen.append(pid)
        # A few people change organisation inside the territory
        if GROUP_OF[o.type] != "not_mobilised" and chosen and rng.random() < 0.025 and oid not in LAPSED \
                and not spof:
            pid = chosen[-1]
            others = sorted(x.id for x in orgs.values() if d in x.participating and x.id != oid
                            and GROUP_OF[x.type] in ("recurring", "frequent") and x.id in slots
                            and x.id not in LAPSED and x.id != "msap-04088-01")
            if others and pid not in forced_return:
                new = rng.choice(others)
                st.remove(pid)
                chosen.remove(pid)
                staff.setdefault((new, d), []).insert(0, pid)
                home[pid] = (new, d)
                forced_return.add(pid)
                org_changes.append({"person": pid, "territory": d, "year": year, "from_org": oid, "to_org": new})
        while len(chosen) < slots[oid]:
            pid = people.new()
            st.append(pid)
            home[pid] = key
            chosen.append(pid)
        for pid in chosen:
            participants[pid] = oid
    # people who changed organisation this year and were not yet picked: add to their new org if it attends
    for pid in sorted(forced_return):
        hk = home.get(pid)
        if hk and hk[1] == d and hk[0] in slots and pid not in participants:
            participants[pid] = hk[0]
            forced_return.discard(pid)
    for pid, oid in participants.items():
        attended.setdefault((oid, d), set()).add(pid)
    pids = sorted(participants)
    N = len(pids)
    typ = lambda pid: orgs[participants[pid]].type
    grp = lambda pid: GROUP_OF[typ(pid)]
    # ---- cooperation group
    size = rng.randint(15, 18) if not urban else rng.randint(20, 25)
    forced = [p for p in pids if (participants[p] == "cidf-84007-01") or (spof and participants[p] == "msap-04088-01")]
    weights = []
    for p in pids:
        if p in forced or participants[p] in cluster_ids:
            continue
        w = {"recurring": 6.0, "frequent": 1.5, "not_mobilised": 0.0}[grp(p)]
        if typ(p) == "association":
            w = 3.0
        if typ(p) == "france_services" and not urban:
            w = 3.0
        if typ(p) == "cio" and d == "13":
            w = 6.0
        if p in prev_coop.get(d, set()):
            w *= 3
        if w > 0:
            weights.append((p, w))
    coop = list(forced)
    pool = list(weights)
    while len(coop) < size and pool:
        tot = sum(w for _, w in pool)
        r = rng.random() * tot
        for i, (p, w) in enumerate(pool):
            r -= w
            if r <= 0:
                coop.append(p)
                pool.pop(i)
                break
    coop = sorted(coop)
    prev_coop[d] = set(coop)
    # ---- sessions
    day = event_date(rng, year)
    n_prep = rng.randint(3, 5)
    prep_dates = []
    dt = day - datetime.timedelta(days=rng.randint(12, 20))
    for i in range(n_prep):
        prep_dates.append(dt)
        dt -= datetime.timedelta(days=rng.randint(21, 38))
    prep_dates.reverse()
    prep_dates = [x - datetime.timedelta(days=x.weekday() - 1) if x.weekday() > 1 else x for x in prep_dates]
    sessions = []
    att = []  # (pid, session index, role)
    for i, pdt in enumerate(prep_dates):
        sessions.append({"name": f"Préparation {i + 1}", "type": "préparation", "date": pdt, "method": ""})
    need = max(2, -(-n_prep * 6 // 10))
    for p in coop:
        present = [i for i in range(n_prep) if rng.random() < 0.85]
        while len(present) < need:
            i = rng.randrange(n_prep)
            if i not in present:
                present.append(i)
        for i in sorted(present):
            att.append((p, i, "participant"))
    plen = len(sessions)
    sessions.append({"name": "Plénière", "type": "plénière", "date": day, "method": ""})
    for p in pids:
        att.append((p, plen, "participant"))
    W = max(10, int(round(N * 2.85 / 19)))
    if spof:
        W += 2
    per_round = [W // 3 + (1 if i < W % 3 else 0) for i in range(3)]
    themes = rng.sample(THEMES, W)
    ws_round, k = [], 0
    cluster_ws = {}
    for r, cnt in enumerate(per_round):
        for j in range(cnt):
            theme = themes[k]
            if spof and r < 2 and j == cnt - 1:
                theme = CLUSTER_THEMES[r]
                cluster_ws[r] = len(sessions)
            k += 1
            sessions.append({"name": f"Atelier {k:02d} – {theme}", "type": "atelier", "date": day,
                             "method": rng.choice(METHODS), "round": r + 1})
            ws_round.append((r, len(sessions) - 1))
    by_round = {r: [s for rr, s in ws_round if rr == r] for r in range(3)}
    members = {s: [] for _, s in ws_round}
    cluster_people = [p for p in pids if participants[p] in cluster_ids]
    fs_spof = [p for p in pids if spof and participants[p] == "msap-04088-01"]
    order = list(pids)
    rng.shuffle(order)
    for r in range(3):
        for p in order:
            if p in cluster_people or p in fs_spof:
                if r in cluster_ws:
                    members[cluster_ws[r]].append(p)
                    continue
                if p in cluster_people:
                    continue
            # attends 3 rounds with p=0.65, else skips one round (decided by hash of rng draw)
            if rng.random() > (0.95 if r == 0 else 0.9):
                continue
            allowed = [s for s in by_round[r] if s not in cluster_ws.values()]
            if d == "13":
                half = len(allowed) // 2
                if typ(p) == "cio":
                    allowed = allowed[:half]
                elif typ(p) == "entreprise":
                    allowed = allowed[half:]
            best = min(allowed, key=lambda s: len(members[s]) + rng.random() * 3)
            members[best].append(p)
    # make sure everyone attends at least 2 workshops
    count = {}
    for s, ms in members.items():
        for p in ms:
            count[p] = count.get(p, 0) + 1
    for p in order:
        if p in cluster_people:
            continue
        while count.get(p, 0) < 2:
            mine = {s for s, ms in members.items() if p in ms}
            rounds_done = {sessions[s]["round"] - 1 for s in mine}
            r = min(x for x in range(3) if x not in rounds_done)
            allowed = [s for s in by_round[r] if s not in cluster_ws.values()]
            if d == "13":
                half = len(allowed) // 2
                if typ(p) == "cio":
                    allowed = allowed[:half]
                elif typ(p) == "entreprise":
                    allowed = allowed[half:]
            best = min(allowed, key=lambda s: len(members[s]))
            members[best].append(p)
            count[p] = count.get(p, 0) + 1
    # ---- trios
    coopset = set(coop)
    roles = {}
    for s in sorted(members):
        ms = members[s]
        cand = []
        for p in ms:
            w = 1.0
            if p in coopset:
                w = 12.0
            elif grp(p) == "recurring":
                w = 1.5
            elif grp(p) == "not_mobilised" and s not in cluster_ws.values():
                w = 0.3
            cand.append((p, w))
        trio = []
        while len(trio) < 3:
            tot = sum(w for _, w in cand)
            r = rng.random() * tot
            for i, (p, w) in enumerate(cand):
                r -= w
                if r <= 0:
                    trio.append(p)
                    cand.pop(i)
                    break
        for p, role in zip(trio, ["exposant", "gardien de la méthode", "scribe"]):
            roles[(p, s)] = role
    # lapsed broker: each CIDFF Vaucluse person holds a trio role
    for p in pids:
        if participants[p] != "cidf-84007-01":
            continue
        mine = sorted(s for s, ms in members.items() if p in ms)
        if not any((p, s) in roles for s in mine):
            s = mine[0]
            for q in list(members[s]):
                if roles.get((q, s)) == "scribe":
                    del roles[(q, s)]
            roles[(p, s)] = "scribe"
    for s in sorted(members):
        for p in members[s]:
            att.append((p, s, roles.get((p, s), "participant")))
    return {
        "territory": d, "year": year, "sessions": sessions, "attendance": att, "org_of": participants,
        "coop": coop, "n_rounds": 3, "cluster_ws": sorted(cluster_ws.values()), "cluster_ids": cluster_ids,
    }


# --------------------------------------------------------------------------------------
# Writers (CSV, XLSX, ODS) — deterministic
# --------------------------------------------------------------------------------------
def xesc(s):
    return _xml_escape(s, {'"': "&quot;"})


def zwrite(zf, name, data, stored=False):
    zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    zi.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    zi.create_system = 3
    if isinstance(data, str):
        data = data.encode("utf-8")
    zf.writestr(zi, data)


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, sheets):
    """sheets: list of (name, header, rows); a cell is str, int or datetime.date."""
    sst, sst_index = [], {}

    def si(s):
        if s not in sst_index:
            sst_index[s] = len(sst)
            sst.append(s)
        return sst_index[s]

    sheet_xml = []
    for name, header, rows in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
        last = f"{col_letter(len(header) - 1)}{len(rows) + 1}"
        out.append(f'<dimension ref="A1:{last}"/>')
        out.append('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
                   'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>')
        out.append('<sheetFormatPr defaultRowHeight="15"/><sheetData>')
        for ri, row in enumerate([header] + rows, start=1):
            cells = []
            for ci, v in enumerate(row):
                ref = f"{col_letter(ci)}{ri}"
                if v is None or v == "":
                    continue
                if ri == 1:
                    cells.append(f'<c r="{ref}" s="2" t="s"><v>{si(v)}</v></c>')
                elif isinstance(v, datetime.date):
                    serial = (v - datetime.date(1899, 12, 30)).days
                    cells.append(f'<c r="{ref}" s="1"><v>{serial}</v></c>')
                elif isinstance(v, int):
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{si(v)}</v></c>')
            out.append(f'<row r="{ri}">' + "".join(cells) + "</row>")
        out.append("</sheetData></worksheet>")
        sheet_xml.append("".join(out))
    n = len(sheets)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(n))
          + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
          + "".join(f'<sheet name="{xesc(s[0])}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, s in enumerate(sheets))
          + "</sheets></workbook>")
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(n))
              + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '</Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
              '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              '</styleSheet>')
    sstxml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(sst)}" uniqueCount="{len(sst)}">'
              + "".join(f'<si><t xml:space="preserve">{xesc(s)}</t></si>' for s in sst) + "</sst>")
    with zipfile.ZipFile(path, "w") as zf:
        zwrite(zf, "[Content_Types].xml", ct)
        zwrite(zf, "_rels/.rels", rels)
        zwrite(zf, "xl/workbook.xml", wb)
        zwrite(zf, "xl/_rels/workbook.xml.rels", wbrels)
        for i, x in enumerate(sheet_xml):
            zwrite(zf, f"xl/worksheets/sheet{i + 1}.xml", x)
        zwrite(zf, "xl/styles.xml", styles)
        zwrite(zf, "xl/sharedStrings.xml", sstxml)


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def write_ods(path, sheets):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<office:document-content {ODS_NS} office:version="1.2">',
           '<office:automatic-styles>'
           '<number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text>'
           '<number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>'
           '</number:date-style>'
           '<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" '
           'style:data-style-name="N37"/>'
           '</office:automatic-styles><office:body><office:spreadsheet>']
    for name, header, rows in sheets:
        out.append(f'<table:table table:name="{xesc(name)}">')
        out.append(f'<table:table-column table:number-columns-repeated="{len(header)}"/>')
        for row in [header] + rows:
            out.append("<table:table-row>")
            for v in row:
                if v is None or v == "":
                    out.append("<table:table-cell/>")
                elif isinstance(v, datetime.date):
                    out.append(f'<table:table-cell table:style-name="ce1" office:value-type="date" '
                               f'office:date-value="{v.isoformat()}"><text:p>{v.strftime("%d/%m/%Y")}</text:p></table:table-cell>')
                elif isinstance(v, int):
                    out.append(f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
                else:
                    out.append(f'<table:table-cell office:value-type="string"><text:p>{xesc(v)}</text:p></table:table-cell>')
            out.append("</table:table-row>")
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODS_NS} office:version="1.2">'
              '<office:styles><style:default-style style:family="table-cell"/>'
              '<style:style style:name="Default" style:family="table-cell"/></office:styles></office:document-styles>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.2">'
            '<office:meta><meta:generator>maillage datasets/paca/generate.py</meta:generator></office:meta>'
            '</office:document-meta>')
    with zipfile.ZipFile(path, "w") as zf:
        zwrite(zf, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", stored=True)
        zwrite(zf, "content.xml", "".join(out))
        zwrite(zf, "styles.xml", styles)
        zwrite(zf, "meta.xml", meta)
        zwrite(zf, "META-INF/manifest.xml", manifest)


def write_csv(path, header, rows, sep, encoding, bom, crlf, datefmt):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n" if crlf else "\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for row in rows:
        w.writerow([v.strftime(datefmt) if isinstance(v, datetime.date) else ("" if v is None else str(v))
                    for v in row])
    data = buf.getvalue()
    assert "\n" not in "".join(str(c) for r in rows for c in r if isinstance(c, str))
    raw = data.encode(encoding)
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    with open(path, "wb") as f:
        f.write(raw)


# --------------------------------------------------------------------------------------
# Sheet layout: header families, formats, variants
# --------------------------------------------------------------------------------------
KEYS = ["terr", "year", "date", "session", "stype", "method", "nom", "prenom", "email", "org", "otype",
        "code", "siret", "role", "ident"]
ERA_HEADERS = {
    "A": {"terr": "Territoire", "year": "Année", "date": "Date", "session": "Atelier",
          "stype": "Type de séance", "method": "Méthode", "nom": "Nom", "prenom": "Prénom", "email": "E-mail",
          "org": "Organisme", "otype": "Type de structure", "code": "Code commune", "siret": "SIRET",
          "role": "Rôle"},
    "B": {"terr": "Territoire", "year": "Édition", "date": "Date", "session": "Séance",
          "stype": "Type de séance", "method": "Méthode", "nom": "Nom", "prenom": "Prénom", "email": "Courriel",
          "org": "Structure", "otype": "Type de structure", "code": "Code INSEE", "siret": "SIRET", "role": "Rôle"},
    "C": {"terr": "Territoire", "year": "Édition", "date": "Date", "session": "Session",
          "stype": "Type de séance", "method": "Méthode", "nom": "Nom", "prenom": "Prénom",
          "email": "Adresse e-mail", "org": "Organisation", "otype": "Type de structure", "code": "Code INSEE",
          "siret": "SIRET", "role": "Rôle", "ident": "Identifiant"},
}
ORDER_AB = ["terr", "year", "date", "session", "stype", "method", "nom", "prenom", "email", "org", "otype",
            "code", "siret", "role"]
ORDER_C = ["ident", "nom", "prenom", "email", "org", "otype", "code", "siret", "terr", "year", "session",
           "stype", "date", "method", "role"]

# format keys: xlsx_serial, xlsx_text, ods, csv_semi_bom, csv_comma, csv_cp1252, csv_tab
FORMATS = {
    ("04", 2016): "csv_semi_bom", ("04", 2017): "csv_semi_bom", ("04", 2019): "csv_semi_bom",
    ("04", 2021): "xlsx_text", ("04", 2022): "xlsx_text", ("04", 2023): "xlsx_serial",
    ("04", 2024): "xlsx_text", ("04", 2025): "xlsx_text",
    ("05", 2016): "csv_semi_bom", ("05", 2018): "csv_cp1252", ("05", 2019): "csv_cp1252",
    ("05", 2021): "csv_comma", ("05", 2022): "csv_tab", ("05", 2023): "csv_comma", ("05", 2024): "csv_comma",
    ("05", 2025): "ods",
    ("06", 2015): "xlsx_serial", ("06", 2017): "xlsx_serial",
    ("06", 2018): "xlsx_serial", ("06", 2019): "ods", ("06", 2021): "xlsx_serial", ("06", 2023): "xlsx_serial",
    ("06", 2024): "xlsx_serial", ("06", 2025): "xlsx_text",
    ("13", 2015): "xlsx_serial", ("13", 2018): "xlsx_text",
    ("13", 2019): "csv_semi_bom", ("13", 2021): "csv_comma", ("13", 2022): "csv_comma",
    ("13", 2023): "csv_comma", ("13", 2024): "csv_comma", ("13", 2025): "csv_comma",
    ("83", 2016): "ods", ("83", 2017): "ods", ("83", 2018): "ods", ("83", 2021): "xlsx_text",
    ("83", 2022): "ods", ("83", 2023): "xlsx_text", ("83", 2024): "xlsx_serial", ("83", 2025): "xlsx_serial",
    ("84", 2015): "csv_semi_bom", ("84", 2017): "csv_semi_bom", ("84", 2018): "csv_semi_bom",
    ("84", 2019): "csv_semi_bom", ("84", 2021): "xlsx_serial", ("84", 2022): "xlsx_serial",
    ("84", 2024): "csv_tab", ("84", 2025): "xlsx_serial",
}
MULTI_SHEET = {("04", 2023), ("83", 2022)}       # "Groupe de coopération" + "Journée"
SPLIT_FILES = {("13", 2019)}                     # two CSV files: preparation / journee
NO_EMAIL = {("05", 2018), ("84", 2021)}
NO_SIRET = {("05", 2016), ("05", 2018), ("05", 2019), ("04", 2016), ("04", 2017), ("84", 2015),
            ("83", 2016), ("06", 2015)}
WITH_IDENT = {("13", 2023), ("13", 2024), ("13", 2025)}
HEADER_TWEAKS = {
    ("05", 2018): {"year": "ANNEE", "role": "role", "prenom": "Prenom", "method": "Methode"},
    ("05", 2019): {"year": "EDITION", "role": "Role", "prenom": "PRENOM", "nom": "NOM"},
    ("84", 2018): {"org": "Structure (organisme, service)"},
    ("84", 2019): {"org": "Structure (organisme, service)", "year": "edition"},
    ("06", 2017): {"otype": "Type de Structure", "stype": "type de séance"},
    ("83", 2021): {"year": "EDITION", "code": "Code Insee"},
    ("05", 2022): {"email": "Adresse e-mail", "role": "rôle"},
}
STYPE_TEXT = {
    "A": {"préparation": "Préparation", "plénière": "Plénière", "atelier": "Atelier"},
    "B": {"préparation": "préparation", "plénière": "plénière", "atelier": "atelier"},
    "C": {"préparation": "Préparation", "plénière": "Plénière", "atelier": "Atelier"},
}


def era_of(year):
    return "A" if year <= 2017 else "B" if year <= 2021 else "C"


FORMAT_DESC = {
    "xlsx_serial": ("xlsx", "OOXML (UTF-8 XML)", "-", "dates are Excel date cells (serial, numFmt 14)"),
    "xlsx_text": ("xlsx", "OOXML (UTF-8 XML)", "-", "dates are text dd/mm/yyyy"),
    "ods": ("ods", "OpenDocument (UTF-8 XML)", "-", "dates are date cells"),
    "csv_semi_bom": ("csv", "UTF-8 with BOM, CRLF", ";", "Excel 'CSV UTF-8' export, dates dd/mm/yyyy"),
    "csv_comma": ("csv", "UTF-8, LF", ",", "platform export, dates yyyy-mm-dd"),
    "csv_cp1252": ("csv", "Windows-1252, CRLF", ";", "old Excel 'CSV (séparateur : point-virgule)', dates dd/mm/yyyy"),
    "csv_tab": ("csv", "UTF-8, LF", "tab", "tab-separated despite the .csv extension, dates dd/mm/yyyy"),
}


def name_variants(name, typ):
    """Spellings a coordinator might type for the same organisation."""
    v = [name, name.upper(), name.replace("'", "’"), strip_accents(name)]
    if re.search(r"\bSaint\b|\bSainte\b", name):
        v.append(re.sub(r"\bSainte\b", "Ste", re.sub(r"\bSaint\b", "St", name)))
    if typ == "mission_locale":
        town = name.replace("Mission locale ", "")
        v += [f"Mission Locale de {town}", f"ML {town}", f"MISSION LOCALE {town.upper()}", f"Mission locale - {town}"]
    if typ == "cio" and name.startswith("CIO "):
        town = name[4:]
        v += [f"Centre d'information et d'orientation de {town}", f"Ctre d'information et d'orientation {town}",
              f"C.I.O. {town}"]
    if name.startswith("Pôle emploi "):
        v += [name.replace("Pôle emploi", "Pole Emploi"), name.replace("Pôle emploi", "PE"),
              name.replace("Pôle emploi ", "Agence Pôle emploi de ")]
    if name.startswith("France Travail "):
        v += [name.replace("France Travail ", "Agence France Travail "), name.replace("France Travail", "FT")]
    if name.startswith("MSAP "):
        v += [name.replace("MSAP ", "Maison de services au public "), name.replace("MSAP ", "M.S.A.P. ")]
    if name.startswith("France services "):
        v += [name.replace("France services ", "Maison France services "), name.replace("France services", "France Services")]
    if name.startswith("Chambre de métiers et de l'artisanat"):
        v += ["CMA" + name[len("Chambre de métiers et de l'artisanat"):], name.replace("métiers", "Métiers")]
    if name.startswith("Conseil départemental"):
        v += [name.replace("Conseil départemental", "Département"), name.replace("Conseil départemental", "CD")]
    if name.startswith("Communauté de communes "):
        v += [name.replace("Communauté de communes ", "CC "), name.replace("Communauté de communes ", "Com. de communes ")]
    if name.startswith("Communauté d'agglomération "):
        v += [name.replace("Communauté d'agglomération ", "CA "), name.replace("Communauté d'agglomération ", "Agglo ")]
    if name.startswith("Fongecif"):
        v += ["FONGECIF PACA", "Fongécif PACA", "Fongecif Provence-Alpes-Côte d'Azur"]
    if name.startswith("Transitions Pro"):
        v += ["TRANSITIONS PRO PACA", "Transitions Pro Provence-Alpes-Côte d'Azur", "ATpro PACA"]
    if name.startswith("Opacif") or name.startswith("OPCO"):
        v += [name.replace(" PACA", "").replace(" Méditerranée", "")]
    if name.startswith("Cap emploi"):
        v += [name.replace("Cap emploi", "Cap Emploi"), name.replace("Cap emploi", "CAP EMPLOI")]
    out = []
    for x in v:
        if x not in out:
            out.append(x)
    return out


# --------------------------------------------------------------------------------------
# Rendering editions to files
# --------------------------------------------------------------------------------------
def render(rng, ed, orgs, people, communes, depts, outdir, idents):
    d, year = ed["territory"], ed["year"]
    era = era_of(year)
    fmt = FORMATS[(d, year)]
    terr_name = depts[d]
    headers = dict(ERA_HEADERS[era])
    headers.update(HEADER_TWEAKS.get((d, year), {}))
    order = list(ORDER_C if era == "C" else ORDER_AB)
    if (d, year) not in WITH_IDENT:
        order = [k for k in order if k != "ident"]
    if (d, year) in NO_EMAIL:
        order = [k for k in order if k != "email"]
    if (d, year) in NO_SIRET:
        order = [k for k in order if k != "siret"]
    # spelling choices for this edition
    spelling, typetext = {}, {}
    for oid in sorted(set(ed["org_of"].values())):
        o = orgs[oid]
        base = o.name_at(year)
        vs = name_variants(base, o.type)
        spelling[oid] = (base if rng.random() < 0.7 or len(vs) == 1 else rng.choice(vs[1:]), vs)
    for t in sorted(TYPE_TEXT):
        if "@" in t:
            continue
        key = t
        for sfx in ("@2019", "@2020", "@2024"):
            if t + sfx in TYPE_TEXT and year >= int(sfx[1:]):
                key = t + sfx
        lst = TYPE_TEXT[key]
        typetext[t] = (lst[0] if rng.random() < 0.6 else rng.choice(lst), lst)
    nom_upper = era == "A" or rng.random() < 0.4
    method_lower = rng.random() < 0.3
    sessions = ed["sessions"]
    rows = []
    for (pid, s, role) in ed["attendance"]:
        sess = sessions[s]
        oid = ed["org_of"][pid]
        o = orgs[oid]
        person = people.persons[pid]
        prenom, nom = person["prenom"], person["nom"]
        if nom_upper:
            nom = nom.upper()
        r = rng.random()
        if r < 0.04:
            prenom, nom = strip_accents(prenom), strip_accents(nom)
        elif r < 0.06:
            prenom = strip_accents(prenom).upper()
        elif r < 0.075:
            prenom, nom = prenom.lower(), nom.lower()
        email = email_of(person, o, year) if rng.random() > 0.04 else ""
        org_name = spelling[oid][0] if rng.random() > 0.03 else rng.choice(spelling[oid][1])
        tt = typetext[o.type][0] if rng.random() > 0.05 else rng.choice(typetext[o.type][1])
        code = o.code
        if o.id.startswith("inv-association-05") and o.name_at(year) == "Association Queyras Saisons" and year <= 2018:
            code = "05120"
        if o.name_at(year) == "Commune de Larche" and year <= 2017:
            code = "04100"
        sname = sess["name"]
        if era == "A" and sess["type"] == "atelier":
            num, theme = sname[len("Atelier "):].split(" – ", 1)
            sname = f"Atelier {int(num)} - {theme}"
        method = sess["method"]
        if method and method_lower:
            method = method.lower()
        role_txt = role
        if era == "A":
            role_txt = role.capitalize()
        row = {
            "terr": terr_name, "year": year, "date": sess["date"], "session": sname,
            "stype": STYPE_TEXT[era][sess["type"]], "method": method, "nom": nom, "prenom": prenom,
            "email": email, "org": org_name, "otype": tt, "code": code,
            "siret": o.siret if (o.siret and rng.random() < 0.6) else "", "role": role_txt,
            "ident": idents.setdefault(pid, f"ADT-{len(idents) + 1:05d}"),
            "_pid": pid, "_oid": oid, "_stype": sess["type"], "_s": s,
        }
        rows.append(row)
    # row order: per session, shuffled (sign-in order); era C platform exports are sorted by name
    if era == "C" and fmt == "csv_comma":
        rows.sort(key=lambda r: (slug(r["nom"]), slug(r["prenom"]), r["_s"]))
    else:
        grouped = {}
        for r in rows:
            grouped.setdefault(r["_s"], []).append(r)
        rows = []
        for s in sorted(grouped):
            g = grouped[s]
            rng.shuffle(g)
            rows += g
    # split into files / sheets
    slugname = slug(terr_name)
    folder = os.path.join(outdir, "editions", f"{d}-{slugname}")
    os.makedirs(folder, exist_ok=True)
    parts = []  # (relative path, sheet name or None, rows)
    ext = FORMAT_DESC[fmt][0]
    base = f"{year}-emargements"
    if (d, year) in MULTI_SHEET:
        parts.append((f"{base}.{ext}", "Groupe de coopération", [r for r in rows if r["_stype"] == "préparation"]))
        parts.append((f"{base}.{ext}", "Journée", [r for r in rows if r["_stype"] != "préparation"]))
    elif (d, year) in SPLIT_FILES:
        parts.append((f"{year}-preparation.{ext}", None, [r for r in rows if r["_stype"] == "préparation"]))
        parts.append((f"{year}-journee.{ext}", None, [r for r in rows if r["_stype"] != "préparation"]))
    else:
        sheet = {"xlsx_serial": "Feuil1", "xlsx_text": "Émargements", "ods": "Feuille1"}.get(fmt)
        parts.append((f"{base}.{ext}", sheet, rows))
    relfolder = f"editions/{d}-{slugname}"
    return {
        "territory": d, "year": year, "format": fmt, "headers": headers, "order": order,
        "folder": folder, "relfolder": relfolder, "parts": parts,
    }


def materialise(layout):
    """Write the files of one edition (after bad rows were planted)."""
    fmt = layout["format"]
    order = layout["order"]
    header = [layout["headers"][k] for k in order]
    by_file = {}
    for rel, sheet, rows in layout["parts"]:
        by_file.setdefault(rel, []).append((sheet, rows))
    written = []
    for rel in sorted(by_file, key=lambda x: [p[0] for p in layout["parts"]].index(x)):
        path = os.path.join(layout["folder"], rel)
        sheets = []
        for sheet, rows in by_file[rel]:
            out = []
            for r in rows:
                line = []
                for k in order:
                    v = r[k]
                    if k == "date" and isinstance(v, datetime.date) and fmt == "xlsx_text":
                        v = v.strftime("%d/%m/%Y")
                    line.append(v)
                out.append(line)
            sheets.append((sheet, header, out))
        if fmt.startswith("xlsx"):
            write_xlsx(path, sheets)
        elif fmt == "ods":
            write_ods(path, sheets)
        else:
            (_, header_, out), = sheets
            if fmt == "csv_semi_bom":
                write_csv(path, header, out, ";", "utf-8", True, True, "%d/%m/%Y")
            elif fmt == "csv_comma":
                write_csv(path, header, out, ",", "utf-8", False, False, "%Y-%m-%d")
            elif fmt == "csv_cp1252":
                write_csv(path, header, out, ";", "cp1252", False, True, "%d/%m/%Y")
            elif fmt == "csv_tab":
                write_csv(path, header, out, "\t", "utf-8", False, False, "%d/%m/%Y")
        written.append(rel)
    return written


# --------------------------------------------------------------------------------------
# Planted bad rows and warnings
# --------------------------------------------------------------------------------------
BAD_ROWS = [
    # (territory, year, sheet-or-part index, kind, value)
    ("13", 2015, 0, "missing_person", None),
    ("84", 2018, 0, "bad_date", "à confirmer"),
    ("05", 2018, 0, "unknown_role", "observateur"),
    ("06", 2019, 0, "bad_date", "31/02/2019"),
    ("83", 2022, 1, "empty_session", ""),
    ("04", 2023, 1, "unknown_role", "animateur"),
    ("13", 2024, 0, "missing_person", None),
    ("06", 2024, 0, "bad_date", "à définir"),
]
PROBLEM = {
    "missing_person": "row names nobody: Nom, Prénom and e-mail are all empty",
    "bad_date": "Date is not a date",
    "unknown_role": "Rôle is not one of participant / exposant / gardien de la méthode / scribe",
    "empty_session": "session cell is empty",
}


def plant_bad_rows(rng, layouts):
    out = []
    index = {(l["territory"], l["year"]): l for l in layouts}
    for (d, year, part, kind, value) in BAD_ROWS:
        lay = index[(d, year)]
        rel, sheet, rows = lay["parts"][part]
        col = {"missing_person": "nom", "bad_date": "date", "unknown_role": "role", "empty_session": "session"}[kind]
        if kind == "missing_person":
            mid = rows[len(rows) // 4: 3 * len(rows) // 4]
            src = rng.choice([r for r in mid if r["role"].lower() == "participant"])
            new = dict(src)
            new.update({"nom": "", "prenom": "", "email": "", "role": src["role"], "_pid": None})
            if "ident" in new:
                new["ident"] = ""
            pos = rows.index(src) + 1
            rows.insert(pos, new)
            target = new
            found = ""
            original = None
        else:
            if kind == "bad_date":
                cands = [r for r in rows if r["_stype"] == "préparation"] or [r for r in rows if r["_stype"] == "atelier"]
            else:
                cands = [r for r in rows if r["_stype"] == "atelier" and r["role"].lower() == "participant"]
            target = rng.choice(cands[5:-5] if len(cands) > 20 else cands)
            original = target[col]
            if isinstance(original, datetime.date):
                original = original.isoformat()
            target[col] = value
            found = value
        line = rows.index(target) + 2
        cols = [k for k in lay["order"]]
        entry = {
            "territory": d, "year": year, "file": f"{lay['relfolder']}/{rel}", "sheet": sheet,
            "line": line, "column": lay["headers"][col] if col in cols else None,
            "column_letter": col_letter(cols.index(col)) if col in cols else None,
            "found": found, "problem": kind, "description": PROBLEM[kind],
            "original_value": original,
            "person": target["_pid"],
        }
        if kind == "missing_person":
            entry["columns_empty"] = [lay["headers"][k] for k in ("nom", "prenom", "email") if k in cols]
        out.append(entry)
    return out


def plant_warnings(layouts, orgs, communes, former):
    """Unknown commune codes and unmapped free-text types; former codes are written by render()."""
    warn = []
    index = {(l["territory"], l["year"]): l for l in layouts}
    specs = [("13", 2019, "mission_locale-13004-01", "code", "13200",
              "unknown commune code: 13200 is Arles' postcode, the INSEE code is 13004"),
             ("83", 2017, None, "code", "83000",
              "unknown commune code: 83000 is Toulon's postcode, the INSEE code is 83137")]
    for d, year, oid, col, value, why in specs:
        lay = index[(d, year)]
        if oid is None:
            cand = sorted({r["_oid"] for _, _, rows in lay["parts"] for r in rows
                           if r["_oid"] and orgs[r["_oid"]].code == "83137"},
                          key=lambda x: (orgs[x].type != "mission_locale", orgs[x].source != "annuaire-2019", x))
            oid = cand[0]
        n, files = 0, set()
        for rel, sheet, rows in lay["parts"]:
            for r in rows:
                if r["_oid"] == oid:
                    r[col] = value
                    n += 1
                    files.add(f"{lay['relfolder']}/{rel}")
        assert n > 0, (d, year, oid)
        assert value not in communes
        warn.append({"kind": "unknown_commune_code", "territory": d, "year": year, "files": sorted(files),
                     "column": lay["headers"]["code"], "value": value, "org": oid, "rows": n,
                     "intended": orgs[oid].code, "description": why})
    # former commune codes (written in render)
    for d, years, name, code in [("05", [2016, 2017, 2018], "Association Queyras Saisons", "05120"),
                                 ("04", [2016, 2017], "Commune de Larche", "04100")]:
        for y in years:
            lay = index.get((d, y))
            if not lay:
                continue
            rows = [r for _, _, rs in lay["parts"] for r in rs if r["code"] == code]
            if rows:
                f = former[code]
                warn.append({"kind": "former_commune_code", "territory": d, "year": y,
                             "files": [f"{lay['relfolder']}/{p[0]}" for p in lay["parts"][:1]],
                             "column": lay["headers"]["code"], "value": code, "org": rows[0]["_oid"],
                             "rows": len(rows), "now": f["code_commune_chef_lieu"],
                             "description": f"{f['nom']} ({code}, {f['type']}) is now part of commune {f['code_commune_chef_lieu']}"})
    # free-text types nobody maps
    for d, year, pick, value in [("84", 2022, "La Ruche des Possibles", "Tiers-lieu"),
                                 ("83", 2023, None, "Autre")]:
        lay = index[(d, year)]
        n, oid = 0, None
        allrows = [r for _, _, rs in lay["parts"] for r in rs if r["_oid"]]
        if pick is None:
            cands = sorted({r["_oid"] for r in allrows if orgs[r["_oid"]].type == "association"})
            pick_oid = cands[0]
        else:
            pick_oid = next((r["_oid"] for r in allrows if orgs[r["_oid"]].name_at(year) == pick), None)
        if pick_oid is None:
            continue
        for r in allrows:
            if r["_oid"] == pick_oid:
                r["otype"] = value
                n += 1
        warn.append({"kind": "unmapped_type", "territory": d, "year": year,
                     "files": [f"{lay['relfolder']}/{p[0]}" for p in lay["parts"][:1]],
                     "column": lay["headers"]["otype"], "value": value, "org": pick_oid, "rows": n,
                     "canonical_type": orgs[pick_oid].type,
                     "description": f"free-text type '{value}' maps to no canonical type"})
    return warn


# --------------------------------------------------------------------------------------
# Analyses used to check the planted facts
# --------------------------------------------------------------------------------------
def session_groups(ed):
    """interconnaissance sessions: preparation sessions and workshops -> list of pid sets."""
    groups = {}
    for pid, s, role in ed["attendance"]:
        if ed["sessions"][s]["type"] in ("préparation", "atelier"):
            groups.setdefault(s, set()).add(pid)
    return groups


def check_structural_hole(editions, orgs, d, t1, t2):
    both_plenary = False
    for ed in editions:
        if ed["territory"] != d:
            continue
        for s, ms in session_groups(ed).items():
            types = {orgs[ed["org_of"][p]].type for p in ms}
            assert not (t1 in types and t2 in types), (d, ed["year"], s)
        present = {orgs[o].type for o in ed["org_of"].values()}
        if t1 in present and t2 in present:
            both_plenary = True
    assert both_plenary
    return True


def org_graph(ed):
    adj = {}
    for s, ms in session_groups(ed).items():
        os_ = sorted({ed["org_of"][p] for p in ms})
        for a in os_:
            adj.setdefault(a, set())
            for b in os_:
                if a != b:
                    adj[a].add(b)
    for o in ed["org_of"].values():
        adj.setdefault(o, set())
    return adj


def components(adj, removed=None):
    seen, comps = set(), []
    for start in sorted(adj):
        if start == removed or start in seen:
            continue
        comp, stack = set(), [start]
        while stack:
            x = stack.pop()
            if x in comp or x == removed:
                continue
            comp.add(x)
            stack.extend(adj[x] - comp)
        seen |= comp
        comps.append(sorted(comp))
    return comps


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    outdir = os.path.abspath(args.out)
    communes, depts, former, annuaire = load_reference()
    orgs = build_orgs(rng, communes, depts, annuaire)
    choose_participation(rng, orgs)
    people = People(rng)
    editions, moves, org_changes = simulate(rng, orgs, people)

    # ---- checks of the planted facts on the canonical data
    check_structural_hole(editions, orgs, "13", "cio", "entreprise")
    ed0422 = next(e for e in editions if e["territory"] == "04" and e["year"] == 2022)
    adj = org_graph(ed0422)
    comps = components(adj, removed="msap-04088-01")
    assert len(components(adj)) == 1 and len(comps) == 2, comps
    cut_off = min(comps, key=len)
    assert sorted(cut_off) == ed0422["cluster_ids"], (cut_off, ed0422["cluster_ids"])

    # ---- render
    for sub in ("editions", "registry"):
        os.makedirs(os.path.join(outdir, sub), exist_ok=True)
    idents = {}
    layouts = [render(rng, ed, orgs, people, communes, depts, outdir, idents) for ed in editions]
    bad = plant_bad_rows(rng, layouts)
    warnings = plant_warnings(layouts, orgs, communes, former)
    files = {}
    for lay in layouts:
        files[(lay["territory"], lay["year"])] = materialise(lay)

    # ---- registry
    reg_rows = []
    for o in sorted(orgs.values(), key=lambda o: o.id):
        if not o.in_registry:
            continue
        for t in o.serves:
            reg_rows.append([depts[t], o.registry_name, o.type, o.code, o.siret, o.source])
    reg_rows.sort(key=lambda r: (r[0], r[2], r[1]))
    with open(os.path.join(outdir, "registry", "organisations.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["territoire", "nom", "type", "code_insee", "siret", "source"])
        w.writerows(reg_rows)

    # ---- truth
    spellings, typetexts = {}, {}
    for lay in layouts:
        for _, _, rows in lay["parts"]:
            for r in rows:
                if r["_oid"]:
                    spellings.setdefault(r["_oid"], set()).add(r["org"])
                    typetexts.setdefault(orgs[r["_oid"]].type, set()).add(r["otype"])
    attended_terr = {}  # (territory) -> set of org ids
    years_of = {}       # (org, territory) -> sorted years
    for ed in editions:
        for o in set(ed["org_of"].values()):
            attended_terr.setdefault(ed["territory"], set()).add(o)
            years_of.setdefault((o, ed["territory"]), set()).add(ed["year"])
    edition_rows = []
    for ed, lay in zip(editions, layouts):
        d, y = ed["territory"], ed["year"]
        fmt = lay["format"]
        ext, enc, sep, note = FORMAT_DESC[fmt]
        nrows = sum(len(p[2]) for p in lay["parts"])
        edition_rows.append({
            "territory": d, "territory_name": depts[d], "year": y,
            "files": [f"{lay['relfolder']}/{f}" for f in files[(d, y)]],
            "sheets": [p[1] for p in lay["parts"] if p[1]] or None,
            "format": fmt, "encoding": enc, "separator": sep, "note": note,
            "persons": len(ed["org_of"]), "organisations": len(set(ed["org_of"].values())),
            "cooperation_group": len(ed["coop"]),
            "preparation_sessions": sum(1 for s in ed["sessions"] if s["type"] == "préparation"),
            "workshops": sum(1 for s in ed["sessions"] if s["type"] == "atelier"), "rounds": 3,
            "event_date": next(s["date"] for s in ed["sessions"] if s["type"] == "plénière").isoformat(),
            "rows": nrows, "headers": [lay["headers"][k] for k in lay["order"]],
            "has_email_column": "email" in lay["order"], "has_siret_column": "siret" in lay["order"],
            "has_identifiant_column": "ident" in lay["order"],
        })
    # renames seen per territory
    renames = []
    for o in sorted(orgs.values(), key=lambda o: o.id):
        if len(o.names) < 2:
            continue
        for t in sorted(TERRITORIES):
            ys = sorted(years_of.get((o.id, t), ()))
            for (y0, n0), (y1, n1) in zip(o.names, o.names[1:]):
                before = [y for y in ys if y < y1]
                after = [y for y in ys if y >= y1]
                if before and after:
                    renames.append({"org": o.id, "territory": t, "old_name": n0, "new_name": n1, "year": y1,
                                    "type": o.type, "invented": o.source == "invented",
                                    "years_old_name": before, "years_new_name": after})
    lapsed = []
    for o in sorted(orgs.values(), key=lambda o: o.id):
        for t in sorted(TERRITORIES):
            ys = sorted(years_of.get((o.id, t), ()))
            if not ys:
                continue
            later = [y for y in TERRITORIES[t]["years"] if y > ys[-1]]
            if ys[-1] <= 2018 and len(later) >= 3:
                lapsed.append({"org": o.id, "name": o.name_at(ys[-1]), "territory": t, "type": o.type,
                               "editions_attended": ys, "last_year": ys[-1], "planted": o.id in LAPSED})
    never = {}
    for t in sorted(TERRITORIES):
        reg_types = sorted({o.type for o in orgs.values() if t in o.serves and o.in_registry})
        came = {orgs[x].type for x in attended_terr.get(t, ())}
        never_here = [x for x in reg_types if x not in came]
        elsewhere = sorted(x for x in never_here
                           if any(x in {orgs[o].type for o in attended_terr.get(u, ())} for u in TERRITORIES if u != t))
        never[t] = {"never_mobilised_types": never_here, "mobilised_elsewhere": elsewhere}
    # lapsed broker evidence
    broker = {"org": "cidf-84007-01", "name": orgs["cidf-84007-01"].name_at(2018), "territory": "84",
              "editions": []}
    for ed in editions:
        if ed["territory"] != "84":
            continue
        ps = [p for p, o in ed["org_of"].items() if o == "cidf-84007-01"]
        if not ps:
            continue
        trio = sorted({role for p, s, role in ed["attendance"] if p in ps and role != "participant"})
        broker["editions"].append({"year": ed["year"], "persons": len(ps),
                                   "in_cooperation_group": sum(1 for p in ps if p in ed["coop"]),
                                   "trio_roles": trio})
    assert all(e["trio_roles"] and e["in_cooperation_group"] for e in broker["editions"])
    broker["last_year"] = broker["editions"][-1]["year"]
    # people
    per_year = {}
    distinct_1518 = set()
    for ed in editions:
        if ed["year"] <= 2018:
            distinct_1518 |= set(ed["org_of"])
    all_people = set()
    for ed in editions:
        all_people |= set(ed["org_of"])
    trio_people = {p for ed in editions for p, s, role in ed["attendance"] if role != "participant"}
    org_list = []
    for o in sorted(orgs.values(), key=lambda o: o.id):
        org_list.append({
            "id": o.id, "registry_name": o.registry_name if o.in_registry else None, "type": o.type,
            "group": GROUP_OF[o.type], "home_territory": o.terr, "territories": o.serves,
            "code_insee": o.code, "siret": o.siret or None, "source": o.source, "invented": o.source == "invented",
            "in_registry": o.in_registry, "names_by_year": [{"from": y or 2015, "name": n} for y, n in o.names],
            "spellings_seen": sorted(spellings.get(o.id, ())), "note": o.note or None,
            "attended": {t: sorted(years_of[(o.id, t)]) for t in sorted(TERRITORIES) if (o.id, t) in years_of},
        })
    truth = {
        "generator": "datasets/paca/generate.py", "seed": args.seed,
        "synthetic_people": True,
        "canonical_types": GROUPS,
        "editions": edition_rows,
        "persons_per_edition": {f"{e['territory']}-{e['year']}": e["persons"] for e in edition_rows},
        "distinct_persons_2015_2018": len(distinct_1518),
        "distinct_persons_total": len(all_people),
        "distinct_trio_members": len(trio_people),
        "rows_total": sum(e["rows"] for e in edition_rows),
        "renames": renames,
        "lapsed_organisations": lapsed,
        "lapsed_brokers": [broker],
        "never_mobilised": never,
        "structural_holes": [{
            "territory": "13", "types": ["cio", "entreprise"], "level": "interconnaissance",
            "description": "in every edition of the Bouches-du-Rhône, no workshop or preparation session holds "
                           "both a CIO person and a company person; both types attend the plenary "
                           "(connaissance) from 2018 on",
            "years_both_present": sorted(ed["year"] for ed in editions if ed["territory"] == "13" and
                                         {"cio", "entreprise"} <= {orgs[o].type for o in ed["org_of"].values()}),
        }],
        "single_points_of_failure": [{
            "territory": "04", "year": 2022, "level": "interconnaissance", "graph": "organisations",
            "org": "msap-04088-01", "name": orgs["msap-04088-01"].name_at(2022),
            "separated_orgs": ed0422["cluster_ids"],
            "separated_names": [orgs[o].name_at(2022) for o in ed0422["cluster_ids"]],
            "separated_types": sorted({orgs[o].type for o in ed0422["cluster_ids"]}),
            "workshops": [ed0422["sessions"][s]["name"] for s in ed0422["cluster_ws"]],
            "description": "the agricultural cluster (chamber of agriculture, agricultural lycée, young farmers' "
                           "union) only shares two small workshops with one France services Forcalquier person, "
                           "who also sits in the cooperation group: removing France services Forcalquier "
                           "disconnects the cluster from the rest of the 2022 organisation graph",
        }],
        "bad_rows": bad,
        "warnings": warnings,
        "type_text_variants": {t: sorted(v) for t, v in sorted(typetexts.items())},
        "moves_between_territories": moves,
        "organisation_changes": org_changes,
        "organisations": org_list,
        "person_names": sorted([people.persons[p]["prenom"], people.persons[p]["nom"]] for p in all_people),
    }
    with open(os.path.join(outdir, "planted.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{len(editions)} editions, {truth['rows_total']} rows, {len(all_people)} persons "
          f"({len(distinct_1518)} in 2015-2018), {len(trio_people)} trio members, {len(reg_rows)} registry rows")


if __name__ == "__main__":
    main()
