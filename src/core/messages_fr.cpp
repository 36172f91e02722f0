// The French catalogue (the default language).
#include "maillage/core/messages.hpp"

namespace maillage::core::detail {

std::string_view message_fr(Msg key) {
    switch (key) {
    case Msg::AppDescription:
        return "maillage — le réseau professionnel d'un territoire, vu par les feuilles de présence "
               "de ses ateliers de dialogue territorial.";
    case Msg::OptLang: return "Langue des messages : fr (par défaut) ou en";
    case Msg::OptVersion: return "Affiche la version et quitte";
    case Msg::OptFormat: return "Format de sortie : table (par défaut), csv ou json";
    case Msg::OptColumn:
        return "Associe un champ à un en-tête de colonne, par exemple --column person=woman "
               "(champs : {0}) ; --column date= ignore la colonne";
    case Msg::OptEncoding: return "Encodage des CSV : auto (par défaut), utf-8 ou windows-1252";
    case Msg::OptSheet: return "Ne lire que cette feuille des classeurs (XLSX, ODS)";
    case Msg::OptOutput: return "Fichier à écrire (sinon la sortie standard)";
    case Msg::CmdSummary:
        return "Compte, par territoire et par édition, les lignes, personnes, organisations et "
               "séances de feuilles de présence (CSV, XLSX, ODS)";
    case Msg::ArgSheets: return "Feuilles de présence à lire (fichiers, ou dossiers lus en entier)";
    case Msg::UsageBadColumnSpec:
        return "--column attend CHAMP=EN-TÊTE, par exemple person=woman ; trouvé « {0} »";
    case Msg::UsageUnknownField: return "champ inconnu « {0} » dans --column ; champs possibles : {1}";
    case Msg::UsageUnknownLang: return "langue inconnue « {0} » ; langues possibles : fr, en";
    case Msg::UsageUnknownEncoding:
        return "encodage inconnu « {0} » ; encodages possibles : auto, utf-8, windows-1252";
    // the command-line parser (CLI11): help labels and parse errors
    case Msg::OptHelp: return "Affiche cette aide et quitte";
    case Msg::OptHelpAll: return "Affiche l'aide de toutes les commandes";
    case Msg::HelpUsage: return "Utilisation";
    case Msg::HelpOptionsUpper: return "OPTIONS";
    case Msg::HelpOptions: return "Options";
    case Msg::HelpCommandsUpper: return "COMMANDES";
    case Msg::HelpCommands: return "Commandes";
    case Msg::HelpCommandUpper: return "COMMANDE";
    case Msg::HelpPositionalsUpper: return "ARGUMENTS";
    case Msg::HelpPositionals: return "Arguments";
    case Msg::HelpRequired: return "OBLIGATOIRE";
    case Msg::HelpText: return "TEXTE";
    case Msg::HelpExcludes: return "Exclut";
    case Msg::HelpNeeds: return "Requiert";
    case Msg::UsageSeeHelp: return "Voir « maillage --help ».";
    case Msg::UsageRequired: return "{0} est obligatoire";
    case Msg::UsageCommandRequired: return "une commande est obligatoire";
    case Msg::UsageUnknownCommand: return "commande inconnue « {0} »";
    case Msg::UsageUnknownOption: return "one {option inconnue : {0}} other {options inconnues : {0}}";
    case Msg::UsageUnexpectedArgument: return "one {argument en trop : {0}} other {arguments en trop : {0}}";
    case Msg::UsageBadChoice: return "{0} : valeur « {1} » inconnue ; valeurs possibles : {2}";
    case Msg::UsageBadValue: return "{0} : valeur « {1} » invalide";
    case Msg::UsageMissingValue: return "{0} attend une valeur";
    case Msg::UsageValueCount: return "{0} : nombre de valeurs incorrect";
    case Msg::WordError: return "erreur";
    case Msg::WordWarning: return "avertissement";
    case Msg::WordPerson: return "personne";
    case Msg::WordSession: return "séance";
    case Msg::CmdIngest:
        return "Importe des feuilles de présence (fichiers ou dossiers) dans la base du projet (GeoPackage, ou PostgreSQL avec PG:...)";
    case Msg::OptInto:
        return "Base du projet : un fichier .gpkg (créé s'il n'existe pas) ou PG:dbname=...";
    case Msg::OptAcceptPartial:
        return "Importer les bonnes lignes d'un fichier qui en a de mauvaises ; les mauvaises vont en quarantaine";
    case Msg::OptSheetTerritory:
        return "Territoire des feuilles qui n'ont pas de colonne Territoire";
    case Msg::OptSheetEdition:
        return "Année d'édition des feuilles qui n'ont ni colonne Édition ni dates";
    case Msg::OptQuarantine:
        return "Fichier CSV de quarantaine (par défaut : à côté de la base, <base>.quarantaine.csv)";
    case Msg::IngestRefused:
        return "{0} : fichier refusé, {1} ligne(s) en erreur (listées ci-dessus) ; corrigez-les ou relancez avec --accept-partial";
    case Msg::IngestAlready:
        return "{0} : déjà importé (même contenu), rien à faire";
    case Msg::IngestTotal:
        return "Base {0} :\n{1} fichier(s), {2} territoire(s), {3} édition(s), {4} séance(s), {5} personne(s), {6} organisation(s), {7} présence(s)";
    case Msg::IngestQuarantine:
        return "{0} ligne(s) écartée(s) écrite(s) dans {1}";
    case Msg::IngestProgress:
        return "{0} : {1} lignes lues";
    case Msg::IngestDuplicates:
        return "{0} : {1} ligne(s) en double (même personne, même séance) comptée(s) une fois";
    case Msg::OptAliases:
        return "Fichier d'alias d'organisations (.csv nom,alias,depuis ou .toml) ; les renommages nationaux sont fournis";
    case Msg::OptTypes:
        return "Fichier de types de structure en plus (.toml, voir docs/taxonomy.md)";
    case Msg::WarnUnknownType:
        return "type de structure inconnu « {0} » : organisation sans type ; ajoutez un synonyme avec --types";
    case Msg::WarnRowsAlike:
        return " ({0} lignes)";
    case Msg::WarnCommuneFormer:
        return "« {0} » est une ancienne commune ({1}) : rattachée à {2} ({3})";
    case Msg::WarnCommuneZeroRestored:
        return "code commune « {0} » lu comme {1} ({2}) : un tableur a sans doute retiré le zéro initial ; écrivez les codes INSEE comme du texte";
    case Msg::WarnCommuneUnknown:
        return "code commune inconnu « {0} » : organisation non localisée";
    case Msg::WarnCommunePostcode:
        return "code commune inconnu « {0} » : c'est le code postal de {1} ; organisation non localisée (écrivez le code INSEE)";
    case Msg::WarnCommuneAmbiguous:
        return "commune « {0} » ambiguë ({1}) : organisation non localisée (écrivez le code INSEE)";
    case Msg::FileNotAWorkbook:
        return "fichier illisible : ce n'est pas un classeur {0} valide (enregistrez-le à nouveau depuis le tableur)";
    case Msg::WarnMoreValues:
        return "et {0} autre(s) valeur(s) du même genre ({1} lignes), non détaillées";
    case Msg::CmdForget:
        return "Efface une personne partout dans la base (droit à l'effacement, RGPD) et compacte la base";
    case Msg::ArgStore:
        return "Base du projet (.gpkg ou PG:...)";
    case Msg::OptForgetPerson:
        return "La personne : son pseudonyme (P-...) tel que les rapports l'affichent, ou son identifiant";
    case Msg::OptForgetEmail:
        return "La personne, par son adresse électronique";
    case Msg::UsageOneStore:
        return "une seule base attendue";
    case Msg::UsageForgetWhom:
        return "indiquez la personne avec --person ou --email (un seul des deux)";
    case Msg::ForgetNotFound:
        return "personne introuvable : « {0} » ; rien n'a été effacé";
    case Msg::ForgetDone:
        return "{0} effacé(e) : {1} présence(s), {2} clé(s), {3} identité(s) ; base compactée ; {4} ligne(s) retirée(s) de la quarantaine";
    case Msg::ForgetQuarantineOnly:
        return "« {0} » n'est pas dans la base ; {1} ligne(s) retirée(s) de la quarantaine";
    case Msg::GeoTransformFailed:
        return "reprojection impossible vers {0}";
    case Msg::GeoNoField:
        return "champ « {0} » absent ; champs : {1}";
    case Msg::GeoBadGeometry:
        return "géométrie illisible {0}";
    case Msg::ManifestUnknownKey:
        return "clé inconnue « {0} » dans {1} ; clés possibles : {2}";
    case Msg::ManifestWrongKind:
        return "« {0} » : valeur de la mauvaise sorte ; attendu : {1}";
    case Msg::ManifestMissing:
        return "« {0} » manque dans {1}";
    case Msg::ManifestNoMatch:
        return "aucun fichier ne correspond à « {0} »";
    case Msg::RegistryNoName:
        return "colonne du nom absente (nom, name, raison sociale) ; colonnes trouvées : {0}";
    case Msg::RegistryUnknownTerritory:
        return "territoire « {0} » inconnu du projet : ses organisations ne sont rattachées à aucun territoire";
    case Msg::OptRegistry:
        return "Registre des organisations connues sur les territoires (CSV, XLSX, ODS : territoire, nom, type, code_insee, siret)";
    case Msg::OptTerritories:
        return "Contours des territoires (GeoJSON, Shapefile, GeoPackage)";
    case Msg::OptTerritoriesKey:
        return "Champ des contours qui nomme le territoire comme les feuilles (par exemple nom)";
    case Msg::IngestRegistry:
        return "Registre : {0} organisation(s) connue(s) ; reconnues parmi celles venues : {1} par SIRET, {2} par le nom, {3} par ressemblance";
    case Msg::IngestTerritories:
        return "Territoires : {0} contour(s) chargé(s) ; {1} organisation(s) placée(s) sur la carte par leur commune";
    case Msg::RowBadCoordinates:
        return "coordonnées invalides (longitude « {0} », latitude « {1} ») ; attendu : des degrés WGS 84, comme 5,9280 et 43,1242";
    case Msg::FileNotFound: return "fichier introuvable";
    case Msg::FileUnreadable: return "fichier illisible : {0}";
    case Msg::FileUnknownFormat:
        return "format non reconnu (extension « {0} ») ; formats lus : .csv, .tsv, .txt, .xlsx, .ods";
    case Msg::FileNoTable: return "le fichier ne contient aucune table";
    case Msg::SheetNotFound: return "feuille « {0} » introuvable ; feuilles du classeur : {1}";
    case Msg::MissingColumns:
        return "colonne obligatoire absente : {0} ; colonnes trouvées : {1} ; il faut une personne "
               "(Identifiant, Courriel, Nom ou Nom et Prénom) et une séance (Atelier, Séance, "
               "Session) ; sinon, indiquez-la avec --column";
    case Msg::MappedColumnNotFound:
        return "--column {0}={1} : aucune colonne « {1} » ; colonnes trouvées : {2}";
    case Msg::OutputNotWritable: return "impossible d'écrire « {0} » : {1}";
    case Msg::StoreFailed: return "base de projet inutilisable : {0}";
    case Msg::StoreNotAStore: return "ce n'est pas une base maillage (ni GeoPackage maillage, ni PG:...)";
    case Msg::StoreWrongVersion: return "base écrite par une autre version du schéma ({0} ; attendu : {1})";
    case Msg::RowMissingPerson:
        return "personne manquante : identifiant, courriel et nom sont vides ; complétez la ligne "
               "ou supprimez-la";
    case Msg::RowMissingSession: return "séance manquante : la cellule est vide";
    case Msg::RowUnknownRole:
        return "rôle inconnu « {0} » ; attendu : participant, exposant, gardien (de la méthode) "
               "ou scribe";
    case Msg::RowBadDate:
        return "date invalide « {0} » ; attendu : une date comme 12/03/2019 ou 2019-03-12";
    case Msg::RowUnknownSessionKind:
        return "type de séance inconnu « {0} » ; attendu : préparation, plénière ou atelier";
    case Msg::RowBadEdition: return "édition invalide « {0} » ; attendu : une année, comme 2019";
    case Msg::HeadTerritory: return "Territoire";
    case Msg::HeadEdition: return "Édition";
    case Msg::HeadRows: return "Lignes";
    case Msg::HeadPeople: return "Personnes";
    case Msg::HeadOrganisations: return "Organisations";
    case Msg::HeadSessions: return "Séances";
    case Msg::Unspecified: return "(non précisé)";
    case Msg::Total: return "Total";
    case Msg::SummaryRejected: return "{0} ligne(s) écartée(s) sur {1}, listée(s) ci-dessus";
    case Msg::SummaryWarnings: return "{0} avertissement(s)";
    case Msg::ConfigBadToml: return "TOML invalide : {0}";
    case Msg::ConfigUnknownField: return "champ inconnu « {0} » ; champs possibles : {1}";
    case Msg::ConfigBadValue: return "« {0} » doit être {1}";
    case Msg::ConfigMissingField: return "champ obligatoire absent : « {0} »";
    case Msg::TypesBadKey:
        return "clé de type invalide « {0} » ; attendu : lettres minuscules sans accent, chiffres "
               "et _, commençant par une lettre (par exemple ess_local)";
    case Msg::TypesUnknownClass:
        return "classe de mobilisation inconnue « {0} » ; attendu : recurring_contributor, "
               "frequent_participant ou not_mobilised";
    case Msg::TypesUnknownType:
        return "type inconnu « {0} » ; déclarez-le dans [types.{0}] ou choisissez parmi : {1}";
    case Msg::AliasesBadHeader:
        return "en-tête attendu : nom,alias,depuis (ou name,alias,since ; depuis est facultatif) ; "
               "trouvé « {0} »";
    case Msg::AliasesEmptyName: return "« {0} » est vide ; chaque ligne relie un nom à un alias";
    case Msg::AliasesBadYear:
        return "année invalide « {0} » ; attendu : une année comme 2024, ou rien";
    case Msg::AliasesUnclosedQuote: return "guillemet ouvert ici et jamais refermé";
    case Msg::CmdMetrics: return "Calcule le réseau d'un territoire (personnes, organisations ou deux modes) à un niveau de lien, ses indicateurs d'ensemble et ceux de chaque nœud";
    case Msg::ArgInputs: return "Feuilles de présence à lire (fichiers, ou dossiers lus en entier)";
    case Msg::OptTerritory: return "Ne garder que ce territoire (nom ou code) ; sinon tous, liens entre territoires compris";
    case Msg::OptEdition: return "Année de l'édition ; sinon toutes les éditions";
    case Msg::OptCumulative: return "Cumuler les éditions jusqu'à --edition incluse";
    case Msg::OptLevel: return "Niveau de lien : connaissance, interconnaissance (par défaut) ou reconnaissance";
    case Msg::OptScope: return "Réseau de : people (personnes, par défaut), organisations ou two-mode (personnes × séances)";
    case Msg::OptPeople: return "Nommer les personnes au lieu de leur pseudonyme (données personnelles)";
    case Msg::OptSeed: return "Graine des calculs aléatoires (communautés, échantillon de l'intermédiarité) ; 42 par défaut";
    case Msg::UsageBadYear: return "--edition attend une année, comme 2023 ; trouvé « {0} »";
    case Msg::UsageBadSeed: return "--seed attend un entier positif ; trouvé « {0} »";
    case Msg::TerritoryNotFound: return "territoire « {0} » absent des feuilles ; territoires présents : {1}";
    case Msg::NoEditionInWindow: return "aucune édition ne correspond à ce choix (territoire, --edition, --cumulative) ; éditions présentes : {0}";
    case Msg::HeadIndicator: return "Indicateur";
    case Msg::HeadValue: return "Valeur";
    case Msg::HeadNode: return "Nœud";
    case Msg::HeadMode: return "Mode";
    case Msg::HeadOrganisation: return "Organisation";
    case Msg::HeadType: return "Type";
    case Msg::HeadDegree: return "Degré";
    case Msg::HeadBetweenness: return "Intermédiarité";
    case Msg::HeadCloseness: return "Proximité";
    case Msg::HeadCoreness: return "k-cœur";
    case Msg::HeadCommunity: return "Communauté";
    case Msg::HeadNormalisedDegree: return "Degré normalisé";
    case Msg::HeadSize: return "Taille";
    case Msg::HeadTypes: return "Types";
    case Msg::HeadTerritories: return "Territoires";
    case Msg::MetNetwork: return "Réseau";
    case Msg::MetWindow: return "Fenêtre";
    case Msg::MetEditions: return "Éditions";
    case Msg::MetNodes: return "Nœuds";
    case Msg::MetPeople: return "Personnes";
    case Msg::MetOrganisations: return "Organisations";
    case Msg::MetTypes: return "Types d'organisation";
    case Msg::MetSessions: return "Séances";
    case Msg::MetTies: return "Liens";
    case Msg::MetInternalTies: return "Liens internes aux organisations (non tracés)";
    case Msg::MetDensity: return "Densité";
    case Msg::MetMeanDegree: return "Degré moyen";
    case Msg::MetMaxDegree: return "Degré maximal";
    case Msg::MetMeanStrength: return "Force moyenne";
    case Msg::MetComponents: return "Composantes";
    case Msg::MetLargestShare: return "Part de la plus grande composante";
    case Msg::MetTransitivity: return "Transitivité";
    case Msg::MetClustering: return "Coefficient de regroupement moyen";
    case Msg::MetMeanDistance: return "Distance moyenne (plus grande composante)";
    case Msg::MetDiameter: return "Diamètre (plus grande composante)";
    case Msg::MetCommunities: return "Communautés (Leiden)";
    case Msg::MetModularity: return "Modularité";
    case Msg::MetDegreeGini: return "Gini du degré";
    case Msg::MetBetweennessGini: return "Gini de l'intermédiarité";
    case Msg::MetCentralisation: return "Centralisation du degré (Freeman)";
    case Msg::MetBetweenness: return "Intermédiarité";
    case Msg::BetweennessExact: return "exacte";
    case Msg::BetweennessSampled: return "estimée sur {0} sources tirées au hasard (graine {1})";
    case Msg::ScopePeople: return "personnes";
    case Msg::ScopeOrganisations: return "organisations";
    case Msg::ScopeTwoMode: return "deux modes (personnes × séances)";
    case Msg::WindowAllTerritories: return "tous les territoires";
    case Msg::WindowAllEditions: return "toutes les éditions";
    case Msg::WindowEdition: return "édition {0}";
    case Msg::WindowCumulative: return "éditions jusqu'à {0}";
    case Msg::WordPersonMode: return "personne";
    case Msg::WordSessionMode: return "séance";
    case Msg::WordUnknown: return "(inconnu)";
    case Msg::MetDistances: return "Distances";
    case Msg::OptWhat: return "Ce que la commande calcule : summary (le réseau et ses nœuds, par défaut), brokerage (points de rupture, ponts, trous structuraux, cœur et périphérie), mixing (liens entre types et territoires comparés au hasard), change (évolution d'une édition à l'autre), editions (densité, indice E-I et retour, une ligne par territoire et édition), job (le travail type des bancs d'essai, d'une seule lecture : editions, puis summary des organisations et des personnes, dans trois fichiers du dossier -o, les mêmes octets que les trois commandes)";
    case Msg::OptReshuffles:
        return "Nombre de rebrassages du modèle nul (--what mixing) ; {0} par défaut";
    case Msg::UsageBadReshuffles: return "--reshuffles attend un entier entre 1 et 100000 ; trouvé « {0} »";
    case Msg::UsageWhatScope: return "--what {0} porte sur les personnes ou les organisations : ajoutez --scope people ou --scope organisations";
    case Msg::UsageJobFolder: return "--what job écrit trois fichiers (editions, organisations, people) : donnez leur dossier avec -o";
    case Msg::SpofSentence:
        return "one {Si {0} ne vient plus, {1} perd son seul lien avec les autres.} "
               "other {Si {0} ne vient plus, {1} perdent leur seul lien avec les autres.}";
    case Msg::SpofNone: return "Aucun point de rupture : aucun nœud ne porte seul le lien d'un groupe avec les autres.";
    case Msg::BridgeSentence: return "Le lien entre {0} et {1} est le seul qui relie {2} au reste du réseau.";
    case Msg::AndOthers: return "{0} et {1} autres";
    case Msg::SectionSpof: return "Points de rupture (points d'articulation)";
    case Msg::SectionBridges: return "Ponts (liens dont la perte coupe le réseau)";
    case Msg::SectionNodesBrokerage: return "Trous structuraux et cœur du réseau, par nœud";
    case Msg::HeadCutOffCount: return "Isolés s'il part";
    case Msg::HeadCutOff: return "Perdent leur seul lien";
    case Msg::HeadConstraint: return "Contrainte (Burt)";
    case Msg::HeadEffectiveSize: return "Taille effective";
    case Msg::HeadPosition: return "Position";
    case Msg::WordCore: return "cœur";
    case Msg::WordPeriphery: return "périphérie";
    case Msg::HeadTieEnd: return "Extrémité";
    case Msg::HeadWeight: return "Poids";
    case Msg::MetArticulationPoints: return "Points de rupture";
    case Msg::MetBridges: return "Ponts";
    case Msg::MetMainCore: return "Noyau principal (k)";
    case Msg::MetCoreSize: return "Taille du cœur";
    case Msg::MetCoreDensity: return "Densité du cœur";
    case Msg::MetMixedDensity: return "Densité cœur–périphérie";
    case Msg::MetPeripheryDensity: return "Densité de la périphérie";
    case Msg::MetReshuffles: return "Rebrassages (modèle nul)";
    case Msg::MetSeed: return "Graine";
    case Msg::MetNullModel: return "Modèle nul";
    case Msg::NullModelText: return "curveball par édition : chacun garde son nombre de séances, chaque séance sa taille ({0} échanges par rebrassage)";
    case Msg::HoleSentence:
        return "{0} et {1} se connaissent moins que le hasard : {2} liens sur {3} paires possibles, quand le hasard en donne {4} ({5} dans 95 % des tirages ; p = {6}).";
    case Msg::HoleNone:
        return "Aucun trou structural entre groupes : aucune paire n'a nettement moins de liens que le hasard.";
    case Msg::SectionMixingTypes: return "Liens entre types d'organisation, comparés au hasard";
    case Msg::SectionMixingTerritories: return "Liens entre territoires, comparés au hasard";
    case Msg::SectionEiTypes: return "Indice E-I par type (Krackhardt et Stern) : -1 tout en interne, +1 tout vers les autres";
    case Msg::SectionEiTerritories: return "Indice E-I par territoire";
    case Msg::HeadGroup: return "Groupe";
    case Msg::HeadWith: return "Avec";
    case Msg::HeadObserved: return "Observé";
    case Msg::HeadExpected: return "Attendu";
    case Msg::HeadPFewer: return "p (moins)";
    case Msg::HeadPMore: return "p (plus)";
    case Msg::HeadPossible: return "Paires possibles";
    case Msg::HeadExpectedDensity: return "Densité attendue";
    case Msg::WordAll: return "(ensemble)";
    case Msg::SectionChange: return "Évolution d'une édition à l'autre";
    case Msg::SectionTieChanges: return "Liens nouveaux et disparus";
    case Msg::SectionLapsed: return "Partis : venus avant, absents à la dernière édition";
    case Msg::SectionBrokers: return "Passeurs de l'édition précédente (10 plus fortes intermédiarités) : sont-ils revenus ?";
    case Msg::HeadFrom: return "Depuis";
    case Msg::HeadTo: return "Vers";
    case Msg::HeadNetwork: return "Réseau";
    case Msg::HeadTiesBefore: return "Liens avant";
    case Msg::HeadTiesAfter: return "Liens après";
    case Msg::HeadCreated: return "Nouveaux";
    case Msg::HeadFaded: return "Disparus";
    case Msg::HeadStrengthened: return "Renforcés";
    case Msg::HeadPersistent: return "Maintenus";
    case Msg::HeadJaccard: return "Jaccard";
    case Msg::HeadRetention: return "Retour";
    case Msg::HeadNewcomers: return "Nouveaux venus";
    case Msg::HeadReturning: return "Revenus";
    case Msg::HeadLapsed: return "Partis";
    case Msg::HeadBrokersBack: return "Passeurs revenus";
    case Msg::HeadChange: return "Changement";
    case Msg::WordCreated: return "nouveau";
    case Msg::WordFaded: return "disparu";
    case Msg::HeadFirstYear: return "Première venue";
    case Msg::HeadLastYear: return "Dernière venue";
    case Msg::HeadEditionsCount: return "Éditions";
    case Msg::HeadCameBack: return "Revenu";
    case Msg::WordYes: return "oui";
    case Msg::WordNo: return "non";
    case Msg::BrokerGoneSentence: return "{0}, passeur en {1}, n'est pas revenu en {2}.";
    case Msg::NoTransition: return "Aucune édition précédente à comparer dans cette fenêtre.";
    case Msg::HeadBrokers: return "Passeurs";
    case Msg::CmdCheck:
        return "Vérifie des feuilles (ou une base) sans rien écrire : lignes rejetées, types et communes inconnus, organisations et personnes aux noms presque identiques";
    case Msg::ArgCheckInputs:
        return "Feuilles de présence (fichiers ou dossiers), ou une base .gpkg";
    case Msg::OptThreshold:
        return "Score de ressemblance (0 à 1) à partir duquel deux noms d'organisation sont signalés";
    case Msg::UsageBadThreshold:
        return "--threshold attend un nombre entre 0 et 1, comme 0.7 ; trouvé « {0} »";
    case Msg::CheckOrgHeading:
        return "Organisations aux noms proches (score ≥ {0}) : {1} paire(s)";
    case Msg::CheckPair:
        return "« {0} » ressemble à « {1} » ({2})";
    case Msg::CheckRenamed:
        return " — renommage : {0} → {1} en {2}";
    case Msg::CheckSharedSpelling:
        return "    « {0} » est écrit pour l'une et l'autre (SIRET différents ou absents)";
    case Msg::CheckSeen:
        return "    « {0} » : {1}";
    case Msg::CheckSeenTerritory:
        return "{0} {1} ({2} ligne(s))";
    case Msg::CheckAliasHint:
        return "    si c'est la même organisation, ajoutez à vos alias : {0}";
    case Msg::CheckPeopleHeading:
        return "Personnes aux noms presque identiques : {0} paire(s)";
    case Msg::CheckPersonSeen:
        return "    « {0} » ({1}) : {2}";
    case Msg::CheckNoEmail:
        return "sans e-mail";
    case Msg::CheckPersonHint:
        return "    si c'est la même personne, donnez-lui le même identifiant ou le même e-mail sur toutes ses lignes";
    case Msg::CheckTotal:
        return "Bilan : {0} ligne(s) rejetée(s), {1} avertissement(s) (détail sur la sortie d'erreur), {2} paire(s) d'organisations, {3} paire(s) de personnes, {4} personne(s) réunie(s) par le nom";
    case Msg::CheckJoinedHeading:
        return "Personnes réunies par leur seul nom, avec des e-mails différents : {0}";
    case Msg::CheckJoined:
        return "« {0} » : {1}";
    case Msg::CheckJoinedHint:
        return "    si ce sont deux personnes, donnez à chacune son identifiant (colonne Identifiant)";
    case Msg::CmdUnmobilised: return "Liste ce qui manque à un territoire : organismes du répertoire jamais venus, types jamais mobilisés, organismes partis, communes et EPCI sans participant, taux de mobilisation";
    case Msg::CmdInvite: return "Classe les organismes à inviter à la prochaine édition d'un territoire, chacun avec un score et une raison";
    case Msg::OptAdviseTerritory: return "Le territoire (nom ou code) ; sinon chacun tour à tour";
    case Msg::OptTop: return "Nombre de lignes proposées (20 par défaut ; 0 : toutes)";
    case Msg::OptWeights: return "Poids des composantes, p. ex. type=3,lapsed=3,gap=1.5,bridge=2,central=1 (docs/advise.md)";
    case Msg::OptExcel: return "CSV pour Excel : UTF-8 avec BOM, séparateur « ; » et virgule décimale";
    case Msg::OptInviteScope: return "Qui proposer : organisations (par défaut) ou people (participants récurrents pour le groupe de coopération)";
    case Msg::OptRegistryFiles: return "Répertoire(s) des organismes connus (CSV, XLSX, ODS) quand l'entrée est faite de feuilles";
    case Msg::UsageBadTop: return "--top attend un entier entre 0 et 100000 ; trouvé « {0} »";
    case Msg::UsageBadWeights: return "--weights : « {0} » n'est pas un poids ; attendu clé=nombre ≥ 0, clés type, lapsed, gap, bridge, central";
    case Msg::UsageExcelCsv: return "--excel ne s'emploie qu'avec --format csv";
    case Msg::SectionNeverSeen: return "Organismes du répertoire jamais venus, par type";
    case Msg::SectionMissingTypes: return "Types jamais mobilisés ici";
    case Msg::SectionLapsedOrganisations: return "Organismes partis : venus avant, absents à la dernière édition";
    case Msg::SectionEpciGaps: return "EPCI sans aucun organisme participant";
    case Msg::SectionCommuneGaps: return "Communes sans organisme participant, les plus peuplées";
    case Msg::SectionRatesType: return "Taux de mobilisation par type (présents / connus)";
    case Msg::SectionRatesEpci: return "Taux de mobilisation par EPCI (présents / connus)";
    case Msg::SectionInvite: return "Organismes à inviter";
    case Msg::SectionInvitePeople: return "Participants récurrents à associer au groupe de coopération";
    case Msg::SectionTypeHoles: return "Types qui se connaissent moins que le hasard ici";
    case Msg::HeadCommune: return "Commune";
    case Msg::HeadEpci: return "EPCI";
    case Msg::HeadPopulation: return "Population";
    case Msg::HeadCameElsewhere: return "Venu ailleurs";
    case Msg::HeadKnownHere: return "Connus ici";
    case Msg::HeadTerritoriesElsewhere: return "Territoires ailleurs";
    case Msg::HeadOrganisationsElsewhere: return "Organismes ailleurs";
    case Msg::HeadPeopleElsewhere: return "Personnes ailleurs";
    case Msg::HeadEditionsElsewhere: return "Éditions ailleurs";
    case Msg::HeadTrioRoles: return "Rôles en trio";
    case Msg::HeadPreparation: return "Séances de préparation";
    case Msg::HeadBrokerRank: return "Meilleur rang d'intermédiarité";
    case Msg::HeadBroker: return "Passeur";
    case Msg::HeadKnown: return "Connus";
    case Msg::HeadPresent: return "Présents";
    case Msg::HeadRate: return "Taux";
    case Msg::HeadScore: return "Score";
    case Msg::HeadReason: return "Raison";
    case Msg::HeadRank: return "Rang";
    case Msg::HeadCommunes: return "Communes";
    case Msg::HeadRegistryThere: return "Organismes du répertoire sur place";
    case Msg::HeadShareHere: return "Part ici";
    case Msg::HeadShareElsewhere: return "Part ailleurs";
    case Msg::MetNeverSeen: return "Organismes du répertoire jamais venus";
    case Msg::MetMissingTypes: return "Types jamais mobilisés ici";
    case Msg::MetLapsedOrganisations: return "Organismes partis";
    case Msg::MetPopulation: return "Population du territoire";
    case Msg::MetPopulationCovered: return "Population des communes avec un participant";
    case Msg::MetMobilisationRate: return "Taux de mobilisation (présents / connus)";
    case Msg::MetLastEdition: return "Dernière édition";
    case Msg::MetCandidates: return "Candidats classés";
    case Msg::MetWeights: return "Poids";
    case Msg::ReasonType: return "=1 {aucun organisme de ce type ({0}) n'est venu ici, alors qu'il en vient sur un autre territoire} other {aucun organisme de ce type ({0}) n'est venu ici, alors qu'il en vient sur {1} autres territoires}";
    case Msg::ReasonTypeNowhere: return "aucun organisme de ce type ({0}) n'est venu, ici ni ailleurs";
    case Msg::ReasonLapsedBroker: return "y faisait le lien entre des partenaires qui sinon se croisaient peu";
    case Msg::ReasonLapsed: return "venu en {0}";
    case Msg::ReasonGap: return "aucun organisme n'est encore venu {0} ({1} habitants)";
    case Msg::ReasonBridge: return "ailleurs, les organismes de ce type travaillent avec {0} comme avec {1}, qui se côtoient peu ici";
    case Msg::ReasonCentral: return "ailleurs, les organismes de ce type font souvent le lien entre les autres";
    case Msg::ReasonRegistryOnly: return "connu du répertoire, jamais venu";
    case Msg::ReasonPerson: return "venu·e à {0} éditions (dernière en {1}), jamais en trio ni en préparation ; type sous-représenté ici ({2} : {3} des participants, {4} ailleurs)";
    case Msg::NoRegistry: return "Aucun répertoire pour ce territoire : seuls les types, les départs et les lacunes géographiques sont établis.";
    case Msg::CmdDiagram: return "Dessine le réseau d'un territoire (SVG, PNG, PDF ou DOT) : couleur par type d'organisation, taille par intermédiarité, épaisseur par poids du lien";
    case Msg::OptDiagramOutput: return "Fichier à écrire ; son extension choisit le format : .svg, .png, .pdf ou .dot";
    case Msg::OptDiagramScope: return "Réseau des organisations (par défaut) ou des personnes";
    case Msg::OptMinWeight: return "Poids minimal d'un lien dessiné (0 par défaut : tous)";
    case Msg::OptLayout: return "Placement Graphviz : sfdp (par défaut), neato ou fdp";
    case Msg::UsageDiagramFormat: return "-o attend un fichier .svg, .png, .pdf ou .dot ; trouvé '{0}'";
    case Msg::UsageBadMinWeight: return "--min-weight attend un nombre positif ou nul, comme 2 ; trouvé '{0}'";
    case Msg::DiagramGraphvizFailed: return "Graphviz n'a pas pu dessiner le réseau : {0}";
    case Msg::DiagramEncoding: return "Couleur : famille de types d'organisation ; taille : intermédiarité ; épaisseur : poids du lien ; trait : profondeur du lien ; contour noir : point d'articulation";
    case Msg::DiagramPruned: return "Réseau réduit : les {0} nœuds les plus liés sur {1}";
    case Msg::DiagramTitle: return "{0}, {1} — {2}, {3}";
    case Msg::DiagramEmpty: return "Rien à dessiner : ce réseau n'a aucun nœud (choisissez une autre édition, un autre niveau ou l'autre échelle)";
    case Msg::DiagramPrunedTies: return "Réseau réduit : les {0} liens les plus forts sur {1} (poids ≥ {2})";
    case Msg::DiagramTieReconnaissance: return "reconnaissance (trio ou groupe de coopération partagé)";
    case Msg::DiagramTieInterconnaissance: return "interconnaissance (atelier ou préparation partagés)";
    case Msg::DiagramTieConnaissance: return "connaissance seule (même édition)";
    case Msg::DiagramTieNew: return "lien nouveau";
    case Msg::DiagramTiePersistent: return "lien présent aux deux éditions";
    case Msg::DiagramTieFaded: return "lien disparu";
    case Msg::DiagramEncodingDiff: return "Couleur : famille de types d'organisation ; taille : intermédiarité dans le réseau réuni ; contour noir épais : venue en {1} et pas en {0} ; creux : venue en {0} et pas en {1}";
    case Msg::DiagramDiffCounts: return "{0} liens nouveaux, {1} persistants, {2} disparus";
    case Msg::DiagramTitleDiff: return "{0}, {1} → {2} — {3}, {4}";
    case Msg::DiagramCommunity: return "communauté {0}";
    case Msg::OptDiff: return "Compare deux éditions : liens nouveaux, persistants et disparus (--diff 2019 2022)";
    case Msg::OptCluster: return "Regroupe les nœuds par territoire ou par communauté (placement fdp)";
    case Msg::UsageDiffYears: return "--diff attend deux années différentes, la plus ancienne d'abord ; trouvé '{0}'";
    case Msg::UsageDiffOptions: return "--diff compare deux éditions : il ne se combine pas avec --edition ni --cumulative";
    case Msg::UsageClusterLayout: return "les regroupements (--cluster) ne sont dessinés que par le placement fdp ; retirez --layout {0} ou choisissez --layout fdp";
    case Msg::FamilyEmployment: return "Service public de l'emploi";
    case Msg::FamilyGuidance: return "Orientation et information";
    case Msg::FamilyTraining: return "Formation et compétences";
    case Msg::FamilyLocalAuthority: return "Collectivités";
    case Msg::FamilyState: return "État et autres organismes publics";
    case Msg::FamilyEconomy: return "Entreprises et monde économique";
    case Msg::FamilySocialEconomy: return "Associations et économie sociale et solidaire";
    case Msg::FamilyUnknown: return "Type inconnu";
    case Msg::CmdExport: return "Exporte le réseau d'un territoire pour Gephi, QGIS, un tableur ou un programme : GEXF, GraphML, GeoPackage, CSV ou JSON";
    case Msg::OptExportOutput: return "Fichier à écrire ; son extension choisit le format : .gexf, .graphml, .gpkg, .csv (trois tables FICHIER-nodes.csv, FICHIER-edges.csv, FICHIER-indicators.csv) ou .json";
    case Msg::OptExportFormat: return "Format, quand l'extension ne le dit pas : gexf, graphml, gpkg, csv ou json";
    case Msg::OptPositions: return "Positions des nœuds (GEXF, GraphML, CSV, JSON) : layout (placement Graphviz sfdp, par défaut) ou geo (commune de l'organisation, Lambert-93)";
    case Msg::OptGexfVersion: return "Version de GEXF : 1.3 (par défaut, Gephi 0.9.3 et suivants) ou 1.2 (1.2draft, pour les outils plus anciens comme networkx 2.8)";
    case Msg::OptSrs: return "Système de coordonnées du GeoPackage (par défaut EPSG:2154, Lambert-93), par exemple EPSG:4326";
    case Msg::UsageExportFormat: return "impossible de savoir quel format écrire dans '{0}' : utilisez l'extension .gexf, .graphml, .gpkg, .csv ou .json, ou --format";
    case Msg::UsageExportGpkgScope: return "le GeoPackage est une carte des organisations : --scope people n'est pas possible avec ce format";
    case Msg::ExportBadSrs: return "système de coordonnées inconnu '{0}' (par exemple EPSG:2154 ou EPSG:4326)";
    case Msg::ExportFailed: return "impossible d'écrire '{0}' : {1}";
    case Msg::MapFormat: return "Une carte s'écrit en .svg, .png ou .pdf (pas en .dot)";
    case Msg::MapNothing: return "Rien à cartographier : aucun territoire n'a de contour (donnez-en dans le manifeste : [territories] outlines, docs/manifest.md)";
    case Msg::MapCairoFailed: return "Cairo n'a pas pu dessiner la carte : {0}";
    case Msg::MapNoCommunes: return "Aucune commune connue pour le territoire « {0} » : ce n'est ni un département (par son nom ou son code) ni un territoire au contour connu ; donnez son contour dans maillage.toml ([territories] outlines, ou [[territories.defined]] par ses communes ou ses EPCI)";
    case Msg::OutputWriteFailed: return "la sortie standard n'a pas pu être écrite : {0}";
    case Msg::GeoRegionMissing: return "fichier de la région absent des données fournies : le département {0} ne peut pas être dessiné (scripts/prepare-geography le refait)";
    case Msg::TerritoryNoOutline: return "le territoire « {0} » des feuilles n'est pas dans ce fichier de contours (champ « {1} » : {2})";
    case Msg::TerritoryOutlineBundled: return " ; contour du département « {0} » pris dans les données fournies";
    case Msg::RegistryDirectory: return "Annuaire national des organisations publiques (2019) : {0} organisations dans les territoires du projet.";
    case Msg::MapInsetNote: return "En encart, à une autre échelle : {0}.";
    case Msg::MapClassJenks: return "seuils naturels de Jenks";
    case Msg::MapClassQuantiles: return "quantiles";
    case Msg::MapLegendClasses: return "Classes : {0} ({1} classe(s))";
    case Msg::MapLegendAbove: return "> {0} – {1}";
    case Msg::MapLegendNoData: return "Pas de donnée";
    case Msg::MapLegendOrganisations: return "Organisations venues, par famille de types";
    case Msg::MapLegendNeverCame: return "Répertoire : jamais venue (cercle vide)";
    case Msg::MapLegendSize: return "Taille : degré (organisations liées)";
    case Msg::MapIndicatorParticipants: return "Participants";
    case Msg::MapIndicatorOrganisations: return "Organisations venues";
    case Msg::MapIndicatorDensity: return "Densité du réseau des organisations";
    case Msg::MapIndicatorMobilisation: return "Taux de mobilisation";
    case Msg::MapIndicatorRetention: return "Taux de retour des participants";
    case Msg::MapDefParticipants: return "Personnes distinctes venues (par EPCI ou par commune : venues de ses organisations)";
    case Msg::MapDefOrganisations: return "Organisations distinctes venues (par EPCI ou par commune : celles qui y sont situées)";
    case Msg::MapDefDensity: return "Liens existants / liens possibles entre les organisations venues (2m / n(n−1))";
    case Msg::MapDefMobilisation: return "Organisations venues au moins une fois / organisations connues (répertoire + venues)";
    case Msg::MapDefRetention: return "Part des participants de l'édition précédente revenus à l'édition montrée (la dernière de la fenêtre)";
    case Msg::MapTitleRegion: return "{0} par territoire — {1}";
    case Msg::MapTitleTerritory: return "{0} par EPCI — {1}, {2}";
    case Msg::MapTitleCommunes: return "{0} par commune — {1}, {2}";
    case Msg::MapTiesRule: return "Liens : les {0} plus forts ({1}), du plus lourd au plus léger";
    case Msg::MapNotePoints: return "Points : organisations venues (réseau des organisations, {0}) à leur commune, écartées en spirale quand plusieurs s'y trouvent.";
    case Msg::MapNoteOutside: return " Situées hors de la carte, non dessinées : {0}.";
    case Msg::MapNoteHollowHere: return "Cercles vides : organisations du répertoire du territoire venues à aucune des éditions montrées.";
    case Msg::MapNoteHollowRegion: return "Cercles vides : organisations du répertoire venues à aucune des éditions montrées, sur aucun territoire.";
    case Msg::MapCredit: return "Contours : IGN – Admin Express 2017 et COG 2018, Licence Ouverte ; comleg (B. David), France GeoJSON (G. David) · maillage";
    case Msg::CmdMap: return "Dessine la carte d'un indicateur (SVG, PNG ou PDF) : la région par territoire, ou un territoire par EPCI avec ses communes et ses organisations";
    case Msg::OptMapOutput: return "Fichier à écrire ; son extension choisit le format : .svg, .png ou .pdf";
    case Msg::OptIndicator: return "Indicateur des aplats : mobilisation (par défaut), participants, organisations, density ou retention";
    case Msg::OptClassification: return "Méthode de classes : jenks (par défaut) ou quantiles";
    case Msg::OptClasses: return "Nombre de classes, de 1 à 7 (5 par défaut)";
    case Msg::OptTies: return "Nombre de liens les plus forts dessinés (60 par défaut ; 0 : aucun)";
    case Msg::OptNoRegistry: return "Ne pas dessiner les organisations du répertoire jamais venues";
    case Msg::OptMapTerritory: return "Carte de ce territoire (nom ou code), par EPCI avec ses communes ; sinon la région, une aire par territoire";
    case Msg::OptMapUnit: return "Aires d'une carte de territoire : epci (par défaut) ou commune";
    case Msg::UsageMapFormat: return "-o attend un fichier .svg, .png ou .pdf ; trouvé '{0}'";
    case Msg::UsageBadClasses: return "--classes attend un nombre entier de 1 à 7 ; trouvé '{0}'";
    case Msg::UsageBadTies: return "--ties attend un nombre entier positif ou nul, comme 60 ; trouvé '{0}'";
    case Msg::ExportOverwritesInput: return "-o écrirait '{0}', qui est une entrée de la commande : choisissez un autre fichier";
    case Msg::CmdReport: return "Écrit le rapport d'édition en édition d'un territoire (ou de tous, --all) : un fichier HTML autonome, imprimable en A4";
    case Msg::OptReportOutput: return "Fichier HTML à écrire (.html)";
    case Msg::OptReportAll: return "Compare tous les territoires côte à côte (au lieu de --territory)";
    case Msg::UsageReportFormat: return "-o attend un fichier .html ; trouvé '{0}'";
    case Msg::UsageReportWhich: return "choisissez un territoire (--territory T) ou tous (--all), pas les deux";
    case Msg::OptReportEdition: return "Année de l'édition du rapport ; sinon la dernière de chaque territoire";
    case Msg::ReportAnd: return " et ";
    case Msg::ReportAndOthers: return " et {0} autres";
    case Msg::ReportAndOneOther: return " et 1 autre";
    case Msg::ReportSummaryLead: return "{1}, édition {0} : {2} participants, venus de {3} organisations de {4} types différents.";
    case Msg::ReportSummaryFirst: return "C'est la première édition du territoire : pas encore de comparaison.";
    case Msg::ReportSummaryChange: return "Depuis l'édition {0} : participants {1}, organisations {2}, types {3}.";
    case Msg::ReportLevelConnaissance: return "Connaissance";
    case Msg::ReportLevelInterconnaissance: return "Interconnaissance";
    case Msg::ReportLevelReconnaissance: return "Reconnaissance";
    case Msg::ReportDensityExplained: return "La densité est la part des paires d'organisations qui sont reliées. Connaissance : avoir assisté à une même édition, cumulé depuis la première (dans une seule édition, tout le monde se croise en plénière) ; interconnaissance : avoir partagé un atelier ou une séance de préparation ; reconnaissance : avoir tenu un même trio d'atelier ou siégé ensemble au groupe de coopération.";
    case Msg::ReportTrendOne: return "{0} : {2} en {1}.";
    case Msg::ReportTrend: return "De {0} à {1}, {2} : de {3} à {4} ({5})";
    case Msg::ReportTrendPeak: return " ; le plus haut, {0}, en {1}";
    case Msg::ReportRetention: return "{0} des participants de {1} sont revenus en {2}{3} ; {4} nouveaux venus et {5} retours après une absence.";
    case Msg::ReportCutPoint:
        return "=1 {Si {0} cessait de venir, une organisation perdrait son seul lien avec le reste du réseau : {2}.} "
               "one {Si {0} cessait de venir, {1} organisation perdrait son seul lien avec le reste du réseau : {2}.} "
               "other {Si {0} cessait de venir, {1} organisations perdraient leur seul lien avec le reste du réseau : {2}.}";
    case Msg::ReportBetweenness: return "Intermédiarité";
    case Msg::ReportBrokers: return "Les principaux passeurs de cette édition — les organisations par lesquelles passent le plus de chemins entre les autres — sont {0}.";
    case Msg::ReportCutPoints:
        return "=1 {Une organisation est un point de fragilité : si elle ne vient plus, une partie du réseau perd tout lien avec le reste.} "
               "one {{0} organisation est un point de fragilité : si elle ne vient plus, une partie du réseau perd tout lien avec le reste.} "
               "other {{0} organisations sont des points de fragilité : si l'une d'elles ne vient plus, une partie du réseau perd tout lien avec le reste.}";
    case Msg::ReportNoBrokers: return "Aucune organisation ne fait le lien entre les autres à cette édition.";
    case Msg::ReportNoCutPoints: return "Aucun point de fragilité : aucune organisation ne tient seule une partie du réseau.";
    case Msg::ReportCameBack: return "Revenues de l'édition précédente";
    case Msg::ReportReturnedAfterAbsence: return "Revenues après une absence";
    case Msg::ReportNewOrganisations: return "Venues pour la première fois";
    case Msg::ReportLapsedSince: return "Venues en {0}, absentes cette fois";
    case Msg::ReportCompType: return "Type jamais venu ici";
    case Msg::ReportCompLapsed: return "Venue puis partie";
    case Msg::ReportCompGap: return "Zone sans participant";
    case Msg::ReportCompBridge: return "Relierait deux types";
    case Msg::ReportCompCentral: return "Centrale ailleurs";
    case Msg::ReportCoverage: return "Population couverte (communes ayant une organisation participante)";
    case Msg::ReportDiagramText: return "Le réseau des organisations à cette édition (interconnaissance) : {0} organisations, {1} liens. Couleur : famille de type ; taille : intermédiarité ; épaisseur : nombre de séances partagées ; les points de fragilité sont cerclés.";
    case Msg::ReportDiagramTitle: return "{0}, édition {1} — réseau des organisations (interconnaissance)";
    case Msg::ReportEditionOf: return "{0}, édition {1}";
    case Msg::ReportHeldOn: return ", plénière du {0}";
    case Msg::ReportFewerThanChance: return "moins de liens que le hasard";
    case Msg::ReportMoreThanChance: return "plus de liens que le hasard";
    case Msg::ReportFigBrokers: return "Les passeurs de l'édition {0} (intermédiarité normalisée)";
    case Msg::ReportFigDensity: return "Densité du réseau des organisations, par profondeur de lien";
    case Msg::ReportFigDensityInter: return "Densité du réseau de reconnaissance, par territoire";
    case Msg::ReportFigHeatMap: return "{0} : liens entre types d'organisations, observés face au hasard (toutes les éditions)";
    case Msg::ReportFigInvite: return "Score des organisations à inviter, par raison";
    case Msg::ReportFigMap: return "Carte du territoire";
    case Msg::ReportFigMissingTypes: return "Types jamais venus ici : organisations de ce type venues sur les autres territoires";
    case Msg::ReportFigNewcomers: return "Participants par édition : déjà là à la précédente, de retour après une absence, nouveaux";
    case Msg::ReportFigNewcomersLine: return "Nouveaux participants, par territoire";
    case Msg::ReportFigOrganisations: return "Organisations présentes, par territoire";
    case Msg::ReportFigParticipants: return "Participants et organisations, par édition";
    case Msg::ReportFigRegionPeople: return "Participants, par territoire";
    case Msg::ReportFigPresence: return "Organisations de l'édition {0} : revenues, de retour, nouvelles ; et celles de l'édition précédente qui ne sont pas venues";
    case Msg::ReportFigRegionCutPoints: return "Le premier passeur de chaque territoire à sa dernière édition ({0}) : intermédiarité normalisée";
    case Msg::ReportFigRegionInvite: return "Organisations candidates à une invitation, par territoire (jamais venues, ou venues puis parties)";
    case Msg::ReportFigRegionParticipants: return "Participants à la dernière édition de chaque territoire";
    case Msg::ReportFigRegionPresence: return "Organisations de la dernière édition : revenues, de retour, nouvelles";
    case Msg::ReportFigRegionTies: return "Liens entre organisations depuis l'édition précédente : maintenus, nouveaux, disparus";
    case Msg::ReportFigRetention: return "Taux de retour : part des participants de l'édition précédente qui sont revenus";
    case Msg::ReportFigTieChange: return "Liens entre organisations, de {0} à {1}";
    case Msg::ReportFooter: return "Rapport produit par maillage à partir des feuilles de présence (éditions jusqu'à {0}). Les mêmes données donnent le même rapport.";
    case Msg::ReportHeadBroker: return "Passeur";
    case Msg::ReportHeadChange: return "Évolution";
    case Msg::ReportHeadCutPoints: return "Points de fragilité";
    case Msg::ReportHeadEdition: return "Dernière édition";
    case Msg::ReportHeadEditions: return "Éditions";
    case Msg::ReportHeadFigure: return "Indicateur";
    case Msg::ReportHeadFile: return "Fichier";
    case Msg::ReportHeadHoles: return "Paires de types moins liées que le hasard";
    case Msg::ReportHeadLastYear: return "Dernière venue";
    case Msg::ReportHeadOrganisation: return "Organisation";
    case Msg::ReportHeadPerson: return "Personne";
    case Msg::ReportHeadPopulation: return "Population (habitants par commune)";
    case Msg::ReportHeadQuarantined: return "Lignes mises à l'écart";
    case Msg::ReportHeadReason: return "Pourquoi";
    case Msg::ReportHeadRows: return "Lignes";
    case Msg::ReportHeadScore: return "Score";
    case Msg::ReportHeadTerritory: return "Territoire";
    case Msg::ReportHeadTopBroker: return "Premier passeur";
    case Msg::ReportHeadType: return "Type";
    case Msg::ReportHeatCell:
        return "{0} × {1} : {2} liens observés, {3} attendus au hasard{4}";
    case Msg::ReportHeatExplained:
        return "Chaque case compte les liens d'interconnaissance entre organisations de deux types, toutes éditions confondues. Sa couleur dit l'écart entre la part des paires liées et celle que donnent des tirages au hasard qui gardent la taille de chaque séance et le nombre de séances de chaque participant : bleu, moins de liens que le hasard ; rouge, plus ; d'autant plus foncé que l'écart est grand. Un point marque les écarts nets, trop grands pour être dus au hasard et d'au moins un lien ; les autres cases restent pâles, le hasard suffisant à les expliquer ; gris, rien à comparer (les mêmes liens à chaque tirage).";
    case Msg::ReportHole: return "{0} et {1} : {2} liens, quand le hasard en donnerait {3}.";
    case Msg::ReportHoles:
        return "=1 {Une paire de types se connaît nettement moins que le hasard ne le voudrait :} "
               "one {{0} paire de types se connaît nettement moins que le hasard ne le voudrait :} "
               "other {{0} paires de types se connaissent nettement moins que le hasard ne le voudrait :}";
    case Msg::ReportNoHoles:
        return "Aucune paire de types ne se connaît nettement moins que le hasard ne le voudrait.";
    case Msg::ReportInvitations: return "Les {0} organisations à inviter en priorité pour {2}, parmi {1} candidates, avec la raison de chacune :";
    case Msg::ReportNoInvitations: return "Aucune organisation candidate.";
    case Msg::ReportLapsed:
        return "=1 {Une organisation est venue à une édition précédente et pas à la dernière :} "
               "one {{0} organisation est venue à une édition précédente et pas à la dernière :} "
               "other {{0} organisations sont venues à une édition précédente et pas à la dernière (les anciens passeurs d'abord) :}";
    case Msg::ReportNoLapsed: return "Aucune organisation venue auparavant ne manque à la dernière édition.";
    case Msg::ReportMethodLevels: return "Les trois profondeurs de lien";
    case Msg::ReportMethodConnaissance: return "Connaissance : savoir que la ressource existe — avoir assisté à la même édition (poids : éditions partagées).";
    case Msg::ReportMethodInterconnaissance: return "Interconnaissance : connaître quelqu'un à l'intérieur de l'organisation — avoir partagé un atelier ou une séance de préparation (poids : séances partagées).";
    case Msg::ReportMethodReconnaissance: return "Reconnaissance : avoir travaillé ensemble et reconnaître le métier de l'autre — avoir tenu un même trio d'atelier (exposant, gardien de la méthode, scribe) ou partagé une séance du groupe de coopération.";
    case Msg::ReportMethodNetwork: return "Les liens entre organisations additionnent les liens de leurs membres ; chaque personne compte dans l'organisation d'où elle venait à cette édition. Une organisation renommée (Pôle emploi devenu France Travail...) reste la même organisation.";
    case Msg::ReportMethodSources: return "Données et licences";
    case Msg::ReportMethodFiles: return "{0} fichiers de feuilles de présence, {1} lignes lues, {2} présences retenues ; {3} lignes mises à l'écart à l'import (illisibles ou incomplètes).";
    case Msg::ReportMethodRegistry: return "Annuaires lus (source : nombre d'organisations) : {0}.";
    case Msg::ReportLicenceCog: return "Communes, EPCI et départements : Code officiel géographique 2026 (Insee, via Etalab), Licence Ouverte 2.0.";
    case Msg::ReportLicenceDila: return "Organisations publiques : annuaire de service-public.fr (DILA), Licence Ouverte.";
    case Msg::ReportLicenceIgn: return "Contours des territoires : IGN Admin Express, Licence Ouverte.";
    case Msg::ReportMethodReproduce: return "Reproductibilité";
    case Msg::ReportMethodSeeds:
        return "Graine {0} pour tous les calculs aléatoires (modèle nul : {1} tirages ; disposition des schémas ; estimations) : les mêmes données et la même graine donnent le même rapport, octet pour octet. Écart net au hasard : p ≤ 0,05 selon les tirages, au moins un lien d'écart et |h| ≥ 0,2 (h de Cohen entre densité observée et attendue).";
    case Msg::ReportMethodPeopleHidden: return "Aucune personne n'est nommée dans ce rapport : les chiffres sont ceux des organisations, et les personnes de la section 6 sont seulement numérotées.";
    case Msg::ReportMethodPeopleShown: return "Ce rapport nomme des personnes (option --people) : à ne pas diffuser hors de l'équipe de coordination.";
    case Msg::ReportMissingTypes:
        return "=1 {Un type d'organisation n'est jamais venu ici mais vient ailleurs : {1}.} "
               "one {{0} type d'organisation n'est jamais venu ici mais vient ailleurs : {1}.} "
               "other {{0} types d'organisations ne sont jamais venus ici mais viennent ailleurs : {1}.}";
    case Msg::ReportMissingTypesEach:
        return "one {Ailleurs, il en est venu une organisation de chaque type.} "
               "other {Ailleurs, il en est venu {0} organisations de chaque type.}";
    case Msg::ReportNoMissingTypes: return "Tous les types venus sur les autres territoires sont déjà venus ici.";
    case Msg::ReportMoreRows: return "… et {0} autres.";
    case Msg::ReportNeverCame: return "Candidates";
    case Msg::ReportNewcomers: return "Nouveaux participants";
    case Msg::ReportReturning: return "De retour après une absence";
    case Msg::ReportNoMap: return "Pas de carte dans ce rapport : aucune carte du territoire n'a été dessinée.";
    case Msg::ReportNoPrevious: return "Pas d'édition précédente : pas de comparaison possible.";
    case Msg::ReportNone: return "aucun";
    case Msg::ReportOrgPresence: return "Sur les {3} organisations venues en {0}, {2} sont revenues en {1} ({4}) ; {5} sont revenues après une absence et {6} sont venues pour la première fois.";
    case Msg::ReportOrganisations: return "Organisations";
    case Msg::ReportOrganisationsLower: return "organisations";
    case Msg::ReportOrganisationsElsewhere: return "Organisations venues ailleurs";
    case Msg::ReportParticipants: return "Participants";
    case Msg::ReportParticipantsLower: return "participants";
    case Msg::ReportPeopleInvite: return "Personnes à associer au prochain groupe de coopération, sans leur nom : venues plusieurs fois, d'un type sous-représenté ici, jamais en trio ni en préparation.";
    case Msg::ReportPeopleInviteNamed: return "Personnes à associer au prochain groupe de coopération : venues plusieurs fois, d'un type sous-représenté ici, jamais en trio ni en préparation.";
    case Msg::ReportQSummary: return "Combien étaient-ils, et le réseau est-il plus dense qu'à l'édition précédente ?";
    case Msg::ReportQTrends: return "Comment la participation et le maillage évoluent-ils d'une édition à l'autre ?";
    case Msg::ReportQNetwork: return "Où sont les organisations, comment se relient-elles, et qu'est-ce qui a changé depuis l'édition précédente ?";
    case Msg::ReportQBrokers: return "Qui tient le réseau, qui en est le point de fragilité, et quels types d'organisations se connaissent moins que le hasard ?";
    case Msg::ReportQPresence: return "Qui est revenu, qui a cessé de venir, et quels types ne viennent jamais ici alors qu'ils viennent ailleurs ?";
    case Msg::ReportQInvite: return "Qui inviter la prochaine fois, et pourquoi ?";
    case Msg::ReportQMethod: return "Comment ces chiffres sont-ils calculés, et à partir de quelles données ?";
    case Msg::ReportQRegionSummary: return "Comment les territoires se comparent-ils, à leur dernière édition ?";
    case Msg::ReportQRegionNetwork: return "Où sont les territoires, et comment leurs réseaux ont-ils changé depuis l'édition précédente ?";
    case Msg::ReportRegionDenser: return "À l'édition, le réseau d'interconnaissance des organisations est presque complet partout ; c'est la reconnaissance (trios, groupe de coopération) qui distingue les territoires. Sa densité varie de plusieurs points d'une édition à l'autre au gré des trios et du groupe de coopération : la section 1 dit, pour chaque territoire, si son dernier écart sort de la marge du hasard.";
    case Msg::ReportRegionGrew: return "Plus forte progression de la participation : {0}, {1} participants depuis {2}.";
    case Msg::ReportRegionPresence: return "{0} : {1} organisations venues auparavant ne sont pas revenues ; types jamais venus ici mais venus ailleurs : {2}.";
    case Msg::ReportRegionSubtitle: return "{0} territoires côte à côte : {1}.";
    case Msg::ReportRegionTies: return "{0}, de {1} à {2} : {3} liens nouveaux, {4} disparus ; {5} des liens sont communs aux deux éditions.";
    case Msg::ReportRegionTitle: return "Le maillage des territoires — bilan {0}";
    case Msg::ReportRetentionLabel: return "Taux de retour";
    case Msg::ReportRetentionLower: return "taux de retour";
    case Msg::ReportSecSummary: return "En bref";
    case Msg::ReportSecTrends: return "Tendances";
    case Msg::ReportSecNetwork: return "Carte et réseau";
    case Msg::ReportSecBrokers: return "Passeurs et fragilités";
    case Msg::ReportSecPresence: return "Retours et absences";
    case Msg::ReportSecInvite: return "Qui inviter";
    case Msg::ReportSecMethod: return "Méthode";
    case Msg::ReportStrongestNew: return "Les nouveaux liens les plus forts :";
    case Msg::ReportStrongestFaded: return "Les liens disparus les plus forts :";
    case Msg::ReportTieChange: return "Depuis {0}, {1} liens sont apparus entre organisations et {2} ont disparu ; {3} se sont maintenus, dont {4} renforcés. {5} des liens des deux éditions leur sont communs.";
    case Msg::ReportTies: return "Liens";
    case Msg::ReportTiesCreated: return "Nouveaux";
    case Msg::ReportTiesFaded: return "Disparus";
    case Msg::ReportTiesPersistent: return "Maintenus";
    case Msg::ReportTitle: return "{0} — le maillage du territoire, édition {1}";
    case Msg::ReportTrendDensity: return "Densité du réseau des organisations à chaque profondeur de lien, gardée pour mémoire : à chaque édition l'interconnaissance y frôle 100 % et ne peut guère bouger, c'est pourquoi ce rapport commence par ce qui peut bouger. La connaissance (en pointillés) cumule toutes les éditions depuis la première.";
    case Msg::ReportTypes: return "Types d'organisations";
    case Msg::ReportUrbanRural: return "Territoires urbains et ruraux : les plus peuplés par commune ({0}) ont réuni en moyenne {2} participants à leur dernière édition, contre {3} pour les plus ruraux ({1}) ; densité de reconnaissance {4} contre {5} ; taux de retour {6} contre {7}. La densité se compare d'un territoire à l'autre, car elle rapporte les liens aux paires possibles.";
    case Msg::ReportYes: return "oui";
    case Msg::ReportMethodReference: return "Les données de référence livrées avec maillage, et leur licence :";
    case Msg::ReportRegionBrokers: return "Plus l'intermédiarité du premier passeur est élevée, plus le réseau du territoire passe par cette seule organisation : s'il venait à manquer, les autres seraient plus loin les unes des autres.";
    case Msg::OptReportTerritory: return "Le territoire du rapport (nom ou code)";
    case Msg::OptReportReshuffles:
        return "Tirages du modèle nul (types qui se connaissent moins que le hasard, invitations) ; {0} par défaut";
    case Msg::OptReportSeed: return "Graine des calculs aléatoires (modèle nul, disposition du schéma) ; 42 par défaut";
    case Msg::SectionEditions: return "Édition après édition";
    case Msg::HeadEiIndex: return "Indice E-I (types)";
    case Msg::HeadRetentionPeople: return "Retour des participants";
    case Msg::HeadNewcomersPeople: return "Nouveaux participants";
    case Msg::EditionsSameDensity: return "{0} : densité {1} en {2}, comme en {3}.";
    case Msg::EditionsFirst: return "{0} : une seule édition ({1}), rien à comparer.";
    // group connectivity between type families (metrics --what brokerage, report section 4)
    case Msg::SectionFamilyConnectivity: return "Familles de types : combien d'organisations les tiennent ensemble";
    case Msg::HeadFamily: return "Famille";
    case Msg::HeadFamilySize: return "Organisations";
    case Msg::HeadWithFamily: return "Avec la famille";
    case Msg::HeadWithFamilySize: return "Organisations";
    case Msg::HeadConnectivity: return "Départs qui les coupent";
    case Msg::HeadHeldBy: return "Par exemple";
    case Msg::ConnectivitySentenceOne: return "Les familles « {0} » et « {1} » ne tiennent ensemble que par une organisation : si {2} ne vient plus, elles perdent tout contact.";
    case Msg::ConnectivitySentenceTwo: return "Les familles « {0} » et « {1} » ne tiennent ensemble que par deux organisations : si {2} ne viennent plus, elles perdent tout contact.";
    case Msg::ConnectivitySentenceNone: return "Les familles « {0} » et « {1} » n'ont aucun contact, même indirect, dans ce réseau.";
    case Msg::ConnectivityAllSolid: return "Aucune paire de familles ne tient à une ou deux organisations seulement.";
    case Msg::ReportConnectivityOne: return "Les familles « {0} » et « {1} » ne sont reliées que par une organisation, {2} : si elle cesse de venir, elles perdent tout contact.";
    case Msg::ReportConnectivityTwo: return "Les familles « {0} » et « {1} » ne sont reliées que par deux organisations, {2} : si elles cessent de venir, elles perdent tout contact.";
    case Msg::DecisionsEmptyName:
        return "nom vide : une décision nomme deux organisations ou deux personnes";
    case Msg::DecisionsUnknownOrganisation:
        return "organisation « {0} » inconnue du projet : aucune ligne des feuilles ni entrée du répertoire ne porte ce nom (écrivez-le comme une feuille l'écrit)";
    case Msg::DecisionsUnknownPerson:
        return "personne « {0} » inconnue du projet : attendu un pseudonyme tel que « maillage check » l'affiche (P-...)";
    case Msg::DecisionsSelf:
        return "« {0} » et « {1} » sont le même nom : rien à décider";
    case Msg::DecisionsBadYear:
        return "année « {0} » invalide : attendu une année entre 1900 et 2100 (obligatoire pour « renomme »)";
    case Msg::DecisionsContradiction:
        return "« {0} » et « {1} » : contredit une décision précédente (même et différent à la fois, directement ou par une chaîne de « même »)";
    case Msg::DecisionsBadHeader:
        return "en-tête attendu « objet,premier,second,decision,annee » (ou about,first,second,verdict,year), trouvé « {0} »";
    case Msg::DecisionsBadKind:
        return "objet « {0} » inconnu : attendu « organisation » ou « personne »";
    case Msg::DecisionsBadVerdict:
        return "décision « {0} » inconnue : attendu « meme », « different » ou « renomme »";
    case Msg::DecisionsUnclosedQuote:
        return "guillemet ouvert jamais refermé";
    case Msg::DecisionsRefused:
        return "{0} : fichier de décisions refusé ({1} erreur(s)) : rien n'a été écrit";
    case Msg::CmdResolve:
        return "Enregistre une réponse à une question d'identité (même organisation ou personne, différentes, renommée), ou exporte / importe les décisions";
    case Msg::OptResolveSame:
        return "Les deux noms sont la même organisation (ou, avec --people, les deux pseudonymes la même personne)";
    case Msg::OptResolveDifferent:
        return "Les deux noms sont deux organisations (ou personnes) différentes";
    case Msg::OptResolveRenamed:
        return "La première organisation a pris le nom de la seconde en ANNÉE (une seule organisation)";
    case Msg::OptResolveUndo:
        return "Retire la décision prise sur ces deux noms";
    case Msg::OptResolvePeople:
        return "Les deux noms sont des pseudonymes de personnes (P-...)";
    case Msg::OptResolveExport:
        return "Écrit toutes les décisions dans ce fichier CSV (à garder avec le dossier du projet)";
    case Msg::OptResolveImport:
        return "Remplace les décisions de la base par celles de ce fichier CSV (tout ou rien)";
    case Msg::ArgResolveNames:
        return "Les deux noms (tels qu'une feuille les écrit) ou pseudonymes";
    case Msg::UsageResolveWhat:
        return "dites une chose : --same, --different, --renamed ANNÉE ou --undo avec deux noms, ou bien --export FICHIER ou --import FICHIER";
    case Msg::UsageResolveTwoNames:
        return "attendu deux noms après la base, trouvé {0}";
    case Msg::ResolveDone:
        return "Décision enregistrée : « {0} » et « {1} » : {2}. Le projet compte {3} organisation(s) et {4} personne(s) ; {5} question(s) restent ouvertes.";
    case Msg::ResolveUndone:
        return "Décision retirée : « {0} » et « {1} ». Le projet compte {2} organisation(s) et {3} personne(s) ; {4} question(s) ouvertes.";
    case Msg::ResolveNoDecision:
        return "aucune décision n'a été prise sur « {0} » et « {1} »";
    case Msg::ResolveAlready:
        return "Déjà décidé : « {0} » et « {1} » : {2}. Rien n'a changé.";
    case Msg::ResolveExported:
        return "{0} décision(s) écrite(s) dans {1}";
    case Msg::ResolveImported:
        return "{0} décision(s) lue(s) dans {1} et enregistrée(s). Le projet compte {2} organisation(s) et {3} personne(s) ; {4} question(s) ouvertes.";
    case Msg::VerdictSame:
        return "même organisation";
    case Msg::VerdictSamePerson:
        return "même personne";
    case Msg::VerdictDifferent:
        return "différentes";
    case Msg::VerdictRenamed:
        return "renommée en {0}";
    case Msg::CheckQuestionsHeading:
        return "Questions d'identité ouvertes (que seule la coordination peut trancher) : {0}";
    case Msg::CheckQuestionOrg:
        return "« {0} » et « {1} » : la même organisation ? (ressemblance {2} ; {3})";
    case Msg::CheckQuestionPerson:
        return "« {0} » et « {1} » : la même personne ? (ressemblance {2} ; {3})";
    case Msg::CheckQuestionHint:
        return "    répondez : maillage resolve BASE --same|--different|--renamed ANNÉE \"{0}\" \"{1}\"";
    case Msg::CheckQuestionPersonHint:
        return "    répondez : maillage resolve BASE --people --same|--different {0} {1}";
    case Msg::EvidenceType:
        return "même type";
    case Msg::EvidenceCommune:
        return "même commune";
    case Msg::EvidenceDepartement:
        return "même département";
    case Msg::EvidenceName:
        return "même nom";
    case Msg::EvidenceWords:
        return "mots du nom communs";
    case Msg::EvidenceAcronym:
        return "sigle de l'autre nom";
    case Msg::EvidenceOneSided:
        return "un nom ajoute des mots à l'autre";
    case Msg::EvidenceCommuneInName:
        return "la commune de l'une dans le nom de l'autre";
    case Msg::EvidenceEmailLocal:
        return "même nom et même début d'e-mail, jamais la même année";
    case Msg::EvidencePersonName:
        return "même nom, organisations différentes, jamais la même année";
    case Msg::EvidenceNone:
        return "rien d'autre en commun";
    case Msg::WarnCommunePostcodeTaken:
        return "code commune « {0} » : c'est le code postal de {1}, pris pour cette commune (écrivez le code INSEE)";
    case Msg::CsvUnclosedQuote:
        return "guillemet ouvert ici et jamais refermé : toute la suite du fichier tiendrait dans une seule cellule ; supprimez ce guillemet ou refermez-le";
    case Msg::CsvStrayQuote:
        return "guillemet ouvert ici et refermé seulement à la ligne {0} : la cellule avalerait {1} ligne(s) entière(s) du tableau ; supprimez ce guillemet ou refermez-le sur la même ligne";
    case Msg::CsvTextAfterQuote:
        return "texte « {0} » après le guillemet qui ferme la cellule : dans une cellule entre guillemets, doublez les guillemets intérieurs (\"\") ou retirez-les";
    case Msg::CellWithoutHeader:
        return "valeur « {0} » dans une colonne sans titre (colonne {1}) : rien ne dit ce qu'elle est ; donnez un titre à la colonne ou déplacez la valeur";
    case Msg::EncodingBadUtf8:
        return "octet {0} invalide en UTF-8 alors que le fichier est en UTF-8 ({1}) : corrigez le caractère à cet endroit ou enregistrez à nouveau le fichier en « CSV UTF-8 »";
    case Msg::EncodingMixed:
        return "octet {0} invalide en UTF-8 dans un fichier qui contient aussi des accents en UTF-8 : le fichier mélange deux encodages ; enregistrez-le à nouveau en « CSV UTF-8 »";
    case Msg::EncodingUndefinedCp1252:
        return "octet {0} sans caractère en Windows-1252 : ce n'est pas un texte dans cet encodage ; enregistrez le fichier en « CSV UTF-8 »";
    case Msg::EncodingBadUtf16:
        return "texte UTF-16 abîmé à l'octet {0} (demi-caractère isolé ou fichier coupé) ; enregistrez le fichier à nouveau en « CSV UTF-8 »";
    case Msg::FileBinary:
        return "ce n'est pas un fichier texte (octet nul à l'octet {0}) : enregistrez le tableau depuis le tableur avec « Enregistrer sous… » et le type CSV";
    case Msg::FileWorkbookAsCsv:
        return "ce fichier est un classeur {0} sous l'extension {1} : renommez-le en .{2}, ou enregistrez-le en CSV depuis le tableur";
    case Msg::FileIsFolder:
        return "c'est un dossier, pas un fichier : donnez le chemin d'un tableau (.csv, .xlsx, .ods)";
    case Msg::FileEmptyReason:
        return "format non reconnu";
    case Msg::WorkbookDamaged:
        return "classeur abîmé : la feuille « {0} » n'a pas pu être lue jusqu'au bout ({1}) ; lecture arrêtée après la ligne {2} ; ouvrez le fichier dans le tableur et enregistrez-le à nouveau";
    case Msg::WorkbookTooWide:
        return "la feuille « {0} » a des cellules au-delà de la colonne 2000, que maillage ne lit pas : supprimez les colonnes à droite du tableau (sélectionnez-les, clic droit, « Supprimer les colonnes »)";
    case Msg::WorkbookMissingSheet:
        return "classeur abîmé : une feuille qu'il annonce est absente du fichier ({0}) ; ouvrez-le dans le tableur et enregistrez-le à nouveau";
    case Msg::WorkbookCut:
        return "classeur {0} abîmé ou incomplet (téléchargement coupé ?) : il ne s'ouvre pas ; téléchargez-le ou enregistrez-le à nouveau";
    case Msg::WorkbookNoReadableSheet:
        return "aucune feuille lisible : le classeur n'a que des feuilles vides";
    case Msg::WarnRepeatedHeader:
        return "ligne d'en-tête répétée (deux tableaux mis bout à bout ?) : ignorée";
    case Msg::RowHeaderReordered:
        return "ligne d'en-tête répétée dans un autre ordre de colonnes : les lignes suivantes seraient lues dans les mauvaises colonnes ; faites deux fichiers, un par tableau";
    case Msg::RowSiretScientific:
        return "SIRET « {0} » écrit en notation scientifique par un tableur : ses derniers chiffres sont perdus ; mettez la colonne au format Texte et recopiez les SIRET depuis leur source";
    case Msg::WarnSiretLength:
        return "SIRET « {0} » : {1} chiffre(s) au lieu de 14 (ou 9 pour un SIREN) ; ignoré pour reconnaître l'organisation";
    case Msg::RowMissingTerritory:
        return "territoire manquant : remplissez la colonne, ou donnez le territoire de tout le fichier avec --territory";
    case Msg::RowDateOutsideEdition:
        return "séance datée de {0}, loin de l'édition {1} : corrigez la date ou l'édition";
    case Msg::StoreForeign:
        return "{0} n'a pas été créé par maillage (il contient déjà : {1}) : maillage n'écrit pas dans les fichiers d'autres logiciels ; donnez à --into le nom d'un nouveau fichier .gpkg";
    case Msg::StoreBadReference:
        return "la base a été modifiée hors de maillage : dans la table {0}, la ligne {1} a {2} = {3}, qui ne renvoie à aucune ligne de la table {4} ; restaurez une copie de la base ou réimportez les feuilles dans une nouvelle base";
    case Msg::StoreBadId:
        return "la base a été modifiée hors de maillage : dans la table {0}, {1} = {2} est vide, en double ou hors des {3} lignes de la table ; restaurez une copie de la base ou réimportez les feuilles dans une nouvelle base";
    case Msg::StoreMissingTable:
        return "la table {0} manque : la base est abîmée ; restaurez une copie de la base ou réimportez les feuilles dans une nouvelle base";
    case Msg::StoreLocked:
        return "la base est en cours d'écriture par un autre programme (QGIS, une autre commande maillage…) ; attendez qu'il ait fini ou fermez-le, puis recommencez";
    case Msg::StoreDiskFull:
        return "disque plein : la base n'a pas été modifiée ; libérez de la place, puis recommencez";
    case Msg::StoreReadOnly:
        return "la base est en lecture seule (droits du fichier ou de son dossier) et cette commande doit l'écrire ; copiez-la dans un dossier où vous pouvez écrire";
    case Msg::StoreCorrupt:
        return "fichier abîmé ({0}) : restaurez une copie de la base ou réimportez les feuilles dans une nouvelle base";
    case Msg::CheckStoreIntegrity:
        return "Intégrité du fichier (PRAGMA integrity_check) : {0}";
    case Msg::CheckStoreIntegrityOk:
        return "aucun défaut";
    case Msg::CheckStoreReferences:
        return "Références entre les tables : toutes les lignes renvoient à des lignes présentes";
    case Msg::OptKeyFile:
        return "fichier de la clé des pseudonymes, gardé hors de la base (créé s'il n'existe pas ; voir docs/privacy.md)";
    case Msg::StoreKeyOutside:
        return "cette base garde sa clé des pseudonymes hors du fichier : donnez-la avec --key-file";
    case Msg::KeyFileMismatch:
        return "{0} n'est pas la clé de cette base : ses pseudonymes ne correspondraient pas ; donnez le fichier de clé créé avec cette base";
    case Msg::KeyFileBad:
        return "{0} : clé illisible (une ligne de 64 caractères hexadécimaux attendue)";
    case Msg::KeyFileMoved:
        return "clé des pseudonymes enregistrée dans {0} et retirée de la base : gardez ce fichier à part (il faudra le donner avec --key-file)";
    case Msg::StoreMissingRow:
        return "la base a été modifiée hors de maillage : dans la table {0}, la ligne {1} = {2} manque (supprimée ?) ; restaurez une copie de la base ou réimportez les feuilles dans une nouvelle base";
    case Msg::StoreChangedMeanwhile:
        return "une autre commande a écrit dans la base pendant celle-ci : rien n'a été enregistré, pour ne pas effacer son travail ; relancez la commande";
    case Msg::ManifestUnknownDepartement:
        return "département inconnu : « {0} » (un code comme 13 ou un nom comme Bouches-du-Rhône)";
    case Msg::CmdServe:
        return "Ouvre l'espace de travail dans le navigateur : un serveur web local sur un dossier de projets (importer des feuilles, répondre aux questions d'identité, explorer réseau et carte, préparer les invitations, télécharger le rapport)";
    case Msg::ArgServeFolder:
        return "Dossier des projets (un sous-dossier par projet, chacun avec son maillage.toml) ; créé s'il n'existe pas";
    case Msg::OptPort:
        return "Port d'écoute (8080 par défaut ; 0 : un port libre)";
    case Msg::OptListen:
        return "Adresse d'écoute (127.0.0.1 par défaut : cette machine seulement) ; une autre adresse exige le jeton affiché au démarrage";
    case Msg::OptTlsCert:
        return "Certificat TLS (PEM) : sert en HTTPS, avec --tls-key";
    case Msg::OptTlsKey:
        return "Clé privée TLS (PEM), avec --tls-cert";
    case Msg::OptTokenFile:
        return "Fichier contenant le jeton d'accès à utiliser (sinon un jeton neuf est tiré au démarrage)";
    case Msg::UsageBadPort:
        return "port invalide : « {0} » (un nombre de 0 à 65535)";
    case Msg::UsageTlsPair:
        return "--tls-cert et --tls-key vont ensemble";
    case Msg::ServeListening:
        return "Espace de travail maillage : ouvrez {0} dans votre navigateur (Ctrl+C pour arrêter)";
    case Msg::ServeProjects:
        return "Projets : {0} ({1})";
    case Msg::ServeExposed:
        return "ATTENTION : l'espace de travail écoute sur {0}, au-delà de cette machine, SANS chiffrement (HTTPS) : le jeton et les données circulent en clair sur le réseau. Donnez --tls-cert et --tls-key.";
    case Msg::ServeTokenRequired:
        return "Accès réservé : chaque navigateur ouvre d'abord l'adresse ci-dessus (avec son jeton).";
    case Msg::ServeCannotListen:
        return "impossible d'écouter sur {0}:{1} (port déjà pris ou adresse invalide)";
    case Msg::ServeNoWeb:
        return "les fichiers de la page (index.html, app.js) sont introuvables ; cherchés dans : {0}";
    case Msg::ServeBadToken:
        return "accès refusé : jeton de session absent ou faux (rouvrez l'adresse affichée au démarrage du serveur)";
    case Msg::ServeBadHost:
        return "accès refusé : cette page ne vient pas de l'adresse du serveur";
    case Msg::ServeUnknownProject:
        return "projet inconnu : « {0} »";
    case Msg::ServeUnknownJob:
        return "tâche inconnue : « {0} »";
    case Msg::ServeUnknownUpload:
        return "envoi inconnu : « {0} »";
    case Msg::ServeBadJson:
        return "requête illisible : {0}";
    case Msg::ServeMissingField:
        return "requête incomplète : le champ « {0} » manque";
    case Msg::ServeNotSheet:
        return "« {0} » n'est pas une feuille de présence : seuls les fichiers CSV, XLSX et ODS sont acceptés";
    case Msg::ServeNotSheetContent:
        return "« {0} » : le contenu ne correspond pas à l'extension (un classeur XLSX ou ODS est une archive zip ; un CSV est du texte)";
    case Msg::ServeNoSheets:
        return "aucune feuille dans l'envoi";
    case Msg::ServeTooLarge:
        return "envoi trop gros : {0} Mo au plus";
    case Msg::ServeNotImported:
        return "ce projet n'a encore aucune feuille importée : importez-en une (onglet Feuilles)";
    case Msg::ServeProjectName:
        return "donnez un nom au projet";
    case Msg::ServeNoTerritory:
        return "choisissez au moins un territoire";
    case Msg::ServeUnknownEpci:
        return "EPCI inconnu : « {0} »";
    case Msg::ServeUnknownCommune:
        return "commune inconnue : « {0} »";
    case Msg::ServeCommunesName:
        return "donnez un nom au territoire fait de communes";
    case Msg::ServeBadVerdict:
        return "réponse inconnue : « {0} » (same, different ou renamed)";
    case Msg::ServeNothingToTake:
        return "rien à reprendre dans cet envoi : aucune feuille refusée n'a de bonnes lignes";
    case Msg::ServeIngestDone:
        return "{0} feuille(s) importée(s), {1} refusée(s), {2} déjà présente(s)";
    case Msg::ServeUnexpected:
        return "erreur inattendue du serveur : {0}";
    case Msg::ServeUnknownFormat:
        return "format inconnu : « {0} »";
    case Msg::OptMaxUpload:
        return "Taille maximale d'un envoi de feuilles, en Mo (50 par défaut)";
    case Msg::ServeNotFound:
        return "adresse inconnue : {0}";
    case Msg::OptOpen:
        return "Ouvre l'adresse dans le navigateur une fois le serveur prêt";
    case Msg::ServeNoBrowser:
        return "aucun navigateur n'a pu être ouvert (xdg-open absent) : ouvrez {0} vous-même";
    case Msg::ReasonLapsedMany: return "venu à {0} éditions, de {1} à {2}";
    case Msg::ReasonLapsedBridge: return "y reliait {0} et {1}, qui se côtoient peu";
    case Msg::ReasonLapsedGroup: return "membre du groupe de coopération";
    case Msg::ReasonLapsedTrio: return "a animé des ateliers";
    case Msg::ReasonNotBack: return "pas revenu en {0}";
    case Msg::ReasonAbsentSince: return "absent depuis {0}";
    case Msg::ReasonGapCommune: return "aucun organisme n'est encore venu {0} ({1} habitants)";
    case Msg::ReasonGapPart: return "dans {0}, {1} habitants vivent dans des communes dont aucun organisme n'est venu";
    case Msg::ReasonAnd: return " et ";
    case Msg::OptReportAppendix:
        return "Ajoute l'annexe technique pour l'équipe de coordination : graine, tirages, fichiers lus, commande";
    case Msg::ReportSecAppendix:
        return "Annexe technique";
    case Msg::ReportQAppendix:
        return "Pour l'équipe de coordination : de quoi refaire et vérifier ce rapport.";
    case Msg::ReportAppendixAudience:
        return "Cette annexe s'adresse à l'équipe de coordination ; elle n'a pas sa place dans le rapport remis aux partenaires et aux financeurs.";
    case Msg::ReportAppendixCommand:
        return "Commande qui refait ce rapport : {0}";
    case Msg::ReportAppendixFiles:
        return "{0} fichiers de feuilles de présence lus ; ceux dont des lignes ont été mises en quarantaine :";
    case Msg::ReportAppendixPeople:
        return "maillage invite --scope people donne à l'équipe de coordination le pseudonyme des personnes numérotées de la section 6.";
    case Msg::ReportMethodRegistryPlain:
        return "Les organisations connues sur les territoires viennent d'annuaires ({0} organisations recensées) : elles permettent de repérer celles qui ne sont jamais venues.";
    case Msg::ReportMethodChance:
        return "Pour dire si deux types d'organisations se rencontrent plus ou moins que le hasard ne le voudrait, les liens observés sont comparés à ceux de répartitions tirées au hasard des mêmes participants dans les mêmes ateliers (chacun garde son nombre de séances, chaque séance sa taille). Un écart n'est retenu que s'il est net : moins de 5 tirages sur 100 s'écartent autant, il y manque (ou s'y ajoute) au moins un lien, et il change sensiblement la part des paires liées.";
    case Msg::ReportMethodReproducible:
        return "Les calculs qui font appel au hasard sont fixés : les mêmes feuilles de présence donnent le même rapport. L'équipe de coordination peut y joindre une annexe technique qui en donne le détail.";
    case Msg::ReportRegulars:
        return "Déjà là à l'édition précédente";
    case Msg::ReportMapAbout:
        return "Chaque intercommunalité porte son taux de mobilisation : la part des organisations connues qui sont venues au moins une fois, jusqu'à {0}.";
    case Msg::ReportMapAboutRegion:
        return "Chaque territoire porte son taux de mobilisation : la part des organisations connues qui sont venues au moins une fois, jusqu'à {0}.";
    case Msg::ReportMapPoints:
        return "Points : les organisations venues, à leur commune, et leurs liens les plus forts.";
    case Msg::ReportMapHollow:
        return "Cercles vides : organisations connues qui ne sont jamais venues.";
    case Msg::ReportHeadEpci:
        return "Intercommunalité";
    case Msg::ReportHeadMobilisation:
        return "Taux de mobilisation";
    case Msg::ReportAppendixMapNotes:
        return "Notes des cartes : {0}";
    case Msg::ReportDiagramStrongest:
        return "Presque toutes les organisations se sont croisées : pour que le schéma reste lisible, seuls les {0} liens les plus forts (sur {1}) y sont tracés.";
    case Msg::ChangeVerdictUp:
        return "plus que ne le donnerait le hasard";
    case Msg::ChangeVerdictDown:
        return "moins que ne le donnerait le hasard";
    case Msg::ChangeVerdictWithin:
        return "dans la marge du hasard";
    case Msg::ChangeVerdictUpShort:
        return "au-dessus du hasard";
    case Msg::ChangeVerdictDownShort:
        return "sous le hasard";
    case Msg::ChangeVerdictWithinShort:
        return "dans la marge";
    case Msg::ChangeVerdictNotTestableShort:
        return "non testable";
    case Msg::ChangeFigures:
        return "{0} en {1}, contre {2} en {3}";
    case Msg::ChangeFiguresNew:
        return "{0} depuis {1}";
    case Msg::ChangeJudged:
        return "{0} : {1} : {2} (hasard : {3} à {4}), {5}.";
    case Msg::ChangeJudgedNew:
        return "{0} : {1} (hasard : {2} à {3}), {4}.";
    case Msg::ChangeNotTestable:
        return "{0} : {1} — non testable : redistribuer les participants entre les séances ne fait pas bouger ce chiffre.";
    case Msg::ChangeConnaissance:
        return "Connaissance : les {0} organisations présentes en {1} se sont toutes croisées à l'édition ({2} en {3}) — non testable : dans une édition, seule la venue compte, le hasard des séances n'y change rien.";
    case Msg::ChangeFirst:
        return "{0} : {1} en {2} — première édition du territoire, rien à comparer.";
    case Msg::ChangeExplained:
        return "Ces écarts sont jugés contre le hasard : on redistribue de nombreuses fois les participants de chaque édition entre ses ateliers, trios et séances de préparation (chacun garde son nombre de séances, chaque séance sa taille, personne ne change d'édition) et l'on recalcule l'écart. « hasard : a à b » donne les 95 % centraux de ces écarts : ce que la seule venue (qui est venu, combien de fois, des ateliers de quelle taille) produirait. Un écart n'est dit au-dessus ou au-dessous du hasard qu'en dehors ; dedans, il est dans la marge du hasard. Le rapport commence par ce qui peut bouger : la densité d'interconnaissance, proche de 100 % à chaque édition, reste dans le tableau mais n'est pas commentée.";
    case Msg::SectionChanceChange:
        return "Ce qui bouge d'une édition à l'autre, comparé au hasard";
    case Msg::HeadMeasure:
        return "Mesure";
    case Msg::HeadBefore:
        return "Avant";
    case Msg::HeadAfter:
        return "Après";
    case Msg::HeadDifference:
        return "Écart";
    case Msg::HeadChanceLow:
        return "Bas";
    case Msg::HeadChanceHigh:
        return "Haut";
    case Msg::HeadVerdict:
        return "Verdict";
    case Msg::ChangeNullModelText:
        return "Hasard : les 95 % centraux de l'écart sur {0} rebrassages des participants de chaque édition entre ses séances (chacun garde son nombre de séances, chaque séance sa taille, chaque édition est rebrassée de son côté).";
    case Msg::EditionsDensityNoVerdict:
        return "{0} : densité {1} en {2}, contre {3} en {4}. La densité seule ne dit pas si le réseau se resserre : --what change juge l'écart contre le hasard.";
    case Msg::ReportFigMoving:
        return "Ce qui peut bouger : paires d'organisations et paires de types qui ont travaillé ensemble";
    case Msg::ReportHeadChance:
        return "Marge du hasard";
    case Msg::ChangeInterval:
        return "{0} à {1}";
    case Msg::ReportFigMovingTrend:
        return "Paires d'organisations et paires de types qui ont travaillé ensemble, édition après édition";
    case Msg::ColumnsLeftOut:
        return "Colonnes laissées de côté pour tenir sur 120 caractères : {0} ; --format csv donne le tableau entier.";
    case Msg::MixingPairsLeftOut:
        return "{0} autres paires laissées de côté : {1} que les rebrassages ne font pas varier (les mêmes liens à chaque tirage, souvent toutes les paires possibles), {2} sans écart net au hasard ; --format csv les donne toutes.";
    case Msg::MixingRule:
        return "Écart net : p ≤ 0,05 selon les rebrassages, au moins un lien d'écart, et |h| ≥ 0,2 (h de Cohen entre densité observée et attendue : 0,2 petit, 0,5 moyen, 0,8 grand) ; classés par |h|.";
    case Msg::HeadGap:
        return "Écart (h)";
    case Msg::HeadChanceRange:
        return "Hasard (95 %)";
    case Msg::HeadP:
        return "p";
    case Msg::MixingNoPairTable:
        return "Aucune paire ne s'écarte nettement du hasard.";
    case Msg::ReportHeatLegendDot:
        return "écart net au hasard";
    case Msg::ReportHeatClearGap:
        return " — écart net";
    case Msg::HeadSheet:
        return "Feuille";
    case Msg::HeadRowsTaken:
        return "Lignes importées";
    case Msg::HeadRowsSetAside:
        return "Lignes écartées";
    case Msg::HeadNewPeople:
        return "Nouvelles personnes";
    case Msg::HeadNewOrganisations:
        return "Nouvelles organisations";
    case Msg::HeadNewSessions:
        return "Nouvelles séances";
    case Msg::HeadNewEditions:
        return "Nouvelles éditions";
    case Msg::IngestSheetsIn:
        return "Feuilles lues dans {0}";
    case Msg::IngestSheets:
        return "Feuilles lues";
    case Msg::HeadCommuneCode:
        return "Code commune";
    case Msg::HeadEpciCode:
        return "Code EPCI";
    case Msg::ReportHeatLegendNone:
        return "rien à comparer";
    case Msg::EiGroupsLeftOut:
        return "{0} groupes laissés de côté, dont l'indice est le même à chaque tirage (souvent un seul organisme : tous ses liens vont vers les autres) ; --format csv les donne tous.";
    }
    return "?";
}

} // namespace maillage::core::detail
