// The English catalogue (--lang en, or an English LANG).
#include "maillage/core/messages.hpp"

namespace maillage::core::detail {

std::string_view message_en(Msg key) {
    switch (key) {
    case Msg::AppDescription:
        return "maillage — a territory's professional network, seen through the attendance "
               "sheets of its territorial dialogue workshops.";
    case Msg::OptLang: return "Language of messages: fr (default) or en";
    case Msg::OptVersion: return "Print the version and exit";
    case Msg::OptFormat: return "Output format: table (default), csv or json";
    case Msg::OptColumn:
        return "Map a field to a column header, e.g. --column person=woman (fields: {0}); "
               "--column date= ignores the column";
    case Msg::OptEncoding: return "Encoding of CSV files: auto (default), utf-8 or windows-1252";
    case Msg::OptSheet: return "Read only this sheet of workbooks (XLSX, ODS)";
    case Msg::OptOutput: return "File to write (otherwise standard output)";
    case Msg::CmdSummary:
        return "Count, per territory and edition, the rows, people, organisations and sessions "
               "of attendance sheets (CSV, XLSX, ODS)";
    case Msg::ArgSheets: return "Attendance sheets to read (files, or folders read whole)";
    case Msg::UsageBadColumnSpec:
        return "--column expects FIELD=HEADER, e.g. person=woman; found '{0}'";
    case Msg::UsageUnknownField: return "unknown field '{0}' in --column; fields: {1}";
    case Msg::UsageUnknownLang: return "unknown language '{0}'; languages: fr, en";
    case Msg::UsageUnknownEncoding:
        return "unknown encoding '{0}'; encodings: auto, utf-8, windows-1252";
    // the command-line parser (CLI11): help labels and parse errors
    case Msg::OptHelp: return "Print this help and exit";
    case Msg::OptHelpAll: return "Print the help of every command";
    case Msg::HelpUsage: return "Usage";
    case Msg::HelpOptionsUpper: return "OPTIONS";
    case Msg::HelpOptions: return "Options";
    case Msg::HelpCommandsUpper: return "SUBCOMMANDS";
    case Msg::HelpCommands: return "Subcommands";
    case Msg::HelpCommandUpper: return "SUBCOMMAND";
    case Msg::HelpPositionalsUpper: return "POSITIONALS";
    case Msg::HelpPositionals: return "Positionals";
    case Msg::HelpRequired: return "REQUIRED";
    case Msg::HelpText: return "TEXT";
    case Msg::HelpExcludes: return "Excludes";
    case Msg::HelpNeeds: return "Needs";
    case Msg::UsageSeeHelp: return "See 'maillage --help'.";
    case Msg::UsageRequired: return "{0} is required";
    case Msg::UsageCommandRequired: return "a command is required";
    case Msg::UsageUnknownCommand: return "unknown command '{0}'";
    case Msg::UsageUnknownOption: return "one {unknown option: {0}} other {unknown options: {0}}";
    case Msg::UsageUnexpectedArgument: return "one {unexpected argument: {0}} other {unexpected arguments: {0}}";
    case Msg::UsageBadChoice: return "{0}: unknown value '{1}'; possible values: {2}";
    case Msg::UsageBadValue: return "{0}: invalid value '{1}'";
    case Msg::UsageMissingValue: return "{0} expects a value";
    case Msg::UsageValueCount: return "{0}: wrong number of values";
    case Msg::WordError: return "error";
    case Msg::WordWarning: return "warning";
    case Msg::WordPerson: return "person";
    case Msg::WordSession: return "session";
    case Msg::CmdIngest:
        return "Take attendance sheets (files or folders) into the project store (GeoPackage, or PostgreSQL with PG:...)";
    case Msg::OptInto:
        return "Project store: a .gpkg file (created when missing) or PG:dbname=...";
    case Msg::OptAcceptPartial:
        return "Take the good rows of a file that has bad ones; the bad ones go to the quarantine";
    case Msg::OptSheetTerritory:
        return "Territory of sheets that have no Territory column";
    case Msg::OptSheetEdition:
        return "Edition year of sheets that have neither an Edition column nor dates";
    case Msg::OptQuarantine:
        return "Quarantine CSV file (default: beside the store, <store>.quarantaine.csv)";
    case Msg::IngestRefused:
        return "{0}: file refused, {1} row(s) in error (listed above); fix them or run again with --accept-partial";
    case Msg::IngestAlready:
        return "{0}: already taken (same content), nothing to do";
    case Msg::IngestTotal:
        return "Store {0}:\n{1} file(s), {2} territor(y/ies), {3} edition(s), {4} session(s), {5} person(s), {6} organisation(s), {7} attendance(s)";
    case Msg::IngestQuarantine:
        return "{0} row(s) set aside written to {1}";
    case Msg::IngestProgress:
        return "{0}: {1} rows read";
    case Msg::IngestDuplicates:
        return "{0}: {1} duplicate row(s) (same person, same session) counted once";
    case Msg::OptAliases:
        return "Organisation alias file (.csv name,alias,since or .toml); national renames are built in";
    case Msg::OptTypes:
        return "Extra organisation types (.toml, see docs/taxonomy.md)";
    case Msg::WarnUnknownType:
        return "unknown organisation type '{0}': organisation left without a type; add a synonym with --types";
    case Msg::WarnRowsAlike:
        return " ({0} rows)";
    case Msg::WarnCommuneFormer:
        return "'{0}' is a former commune ({1}): merged into {2} ({3})";
    case Msg::WarnCommuneZeroRestored:
        return "commune code '{0}' read as {1} ({2}): a spreadsheet probably dropped its leading zero; keep INSEE codes as text";
    case Msg::WarnCommuneUnknown:
        return "unknown commune code '{0}': organisation left unlocated";
    case Msg::WarnCommunePostcode:
        return "unknown commune code '{0}': it is the postcode of {1}; organisation left unlocated (write the INSEE code)";
    case Msg::WarnCommuneAmbiguous:
        return "ambiguous commune '{0}' ({1}): organisation left unlocated (write the INSEE code)";
    case Msg::FileNotAWorkbook:
        return "unreadable file: not a valid {0} workbook (save it again from the spreadsheet)";
    case Msg::WarnMoreValues:
        return "and {0} more value(s) of the same kind ({1} rows), not listed";
    case Msg::CmdForget:
        return "Erase a person everywhere in the store (right to erasure, GDPR) and compact the store";
    case Msg::ArgStore:
        return "Project store (.gpkg or PG:...)";
    case Msg::OptForgetPerson:
        return "The person: their pseudonym (P-...) as reports show it, or their identifier";
    case Msg::OptForgetEmail:
        return "The person, by e-mail address";
    case Msg::UsageOneStore:
        return "one store expected";
    case Msg::UsageForgetWhom:
        return "name the person with --person or --email (one of the two)";
    case Msg::ForgetNotFound:
        return "person not found: '{0}'; nothing was erased";
    case Msg::ForgetDone:
        return "{0} erased: {1} attendance(s), {2} key(s), {3} identit(y/ies); store compacted; {4} row(s) removed from the quarantine";
    case Msg::ForgetQuarantineOnly:
        return "'{0}' is not in the store; {1} row(s) removed from the quarantine";
    case Msg::GeoTransformFailed:
        return "cannot reproject to {0}";
    case Msg::GeoNoField:
        return "no field '{0}'; fields: {1}";
    case Msg::GeoBadGeometry:
        return "unreadable geometry {0}";
    case Msg::ManifestUnknownKey:
        return "unknown key '{0}' in {1}; keys: {2}";
    case Msg::ManifestWrongKind:
        return "'{0}': wrong kind of value; expected: {1}";
    case Msg::ManifestMissing:
        return "'{0}' is missing in {1}";
    case Msg::ManifestNoMatch:
        return "no file matches '{0}'";
    case Msg::RegistryNoName:
        return "no name column (nom, name, raison sociale); columns found: {0}";
    case Msg::RegistryUnknownTerritory:
        return "territory '{0}' is not in the project: its organisations belong to no territory";
    case Msg::OptRegistry:
        return "Registry of organisations known on the territories (CSV, XLSX, ODS: territoire, nom, type, code_insee, siret)";
    case Msg::OptTerritories:
        return "Territory outlines (GeoJSON, Shapefile, GeoPackage)";
    case Msg::OptTerritoriesKey:
        return "The outlines' field naming the territory as the sheets do (e.g. nom)";
    case Msg::IngestRegistry:
        return "Registry: {0} known organisation(s); recognised among those who came: {1} by SIRET, {2} by name, {3} by likeness";
    case Msg::IngestTerritories:
        return "Territories: {0} outline(s) loaded; {1} organisation(s) placed on the map by their commune";
    case Msg::RowBadCoordinates:
        return "invalid coordinates (longitude '{0}', latitude '{1}'); expected WGS 84 degrees such as 5.9280 and 43.1242";
    case Msg::FileNotFound: return "file not found";
    case Msg::FileUnreadable: return "unreadable file: {0}";
    case Msg::FileUnknownFormat:
        return "unknown format (extension '{0}'); formats read: .csv, .tsv, .txt, .xlsx, .ods";
    case Msg::FileNoTable: return "the file holds no table";
    case Msg::SheetNotFound: return "sheet '{0}' not found; sheets of the workbook: {1}";
    case Msg::MissingColumns:
        return "required column missing: {0}; columns found: {1}; a person (Identifier, E-mail, "
               "Name, or Last and First name) and a session (Workshop, Session) are needed; "
               "otherwise name them with --column";
    case Msg::MappedColumnNotFound:
        return "--column {0}={1}: no column '{1}'; columns found: {2}";
    case Msg::OutputNotWritable: return "cannot write '{0}': {1}";
    case Msg::StoreFailed: return "unusable project store: {0}";
    case Msg::StoreNotAStore: return "not a maillage store (neither a maillage GeoPackage nor PG:...)";
    case Msg::StoreWrongVersion: return "store written by another schema version ({0}; expected: {1})";
    case Msg::RowMissingPerson:
        return "missing person: identifier, e-mail and name are all empty; fill in the row or "
               "delete it";
    case Msg::RowMissingSession: return "missing session: the cell is empty";
    case Msg::RowUnknownRole:
        return "unknown role '{0}'; expected: participant, exposant (presenter), gardien (method "
               "keeper) or scribe";
    case Msg::RowBadDate: return "invalid date '{0}'; expected a date such as 12/03/2019 or 2019-03-12";
    case Msg::RowUnknownSessionKind:
        return "unknown session kind '{0}'; expected: preparation, plenary or workshop";
    case Msg::RowBadEdition: return "invalid edition '{0}'; expected a year such as 2019";
    case Msg::HeadTerritory: return "Territory";
    case Msg::HeadEdition: return "Edition";
    case Msg::HeadRows: return "Rows";
    case Msg::HeadPeople: return "People";
    case Msg::HeadOrganisations: return "Organisations";
    case Msg::HeadSessions: return "Sessions";
    case Msg::Unspecified: return "(unspecified)";
    case Msg::Total: return "Total";
    case Msg::SummaryRejected: return "{0} row(s) set aside out of {1}, listed above";
    case Msg::SummaryWarnings: return "{0} warning(s)";
    case Msg::ConfigBadToml: return "invalid TOML: {0}";
    case Msg::ConfigUnknownField: return "unknown field '{0}'; possible fields: {1}";
    case Msg::ConfigBadValue: return "'{0}' must be {1}";
    case Msg::ConfigMissingField: return "missing required field '{0}'";
    case Msg::TypesBadKey:
        return "invalid type key '{0}'; expected lower-case unaccented letters, digits and _, "
               "starting with a letter (for example ess_local)";
    case Msg::TypesUnknownClass:
        return "unknown mobilisation class '{0}'; expected: recurring_contributor, "
               "frequent_participant or not_mobilised";
    case Msg::TypesUnknownType:
        return "unknown type '{0}'; declare it in [types.{0}] or choose among: {1}";
    case Msg::AliasesBadHeader:
        return "expected header: nom,alias,depuis (or name,alias,since; the year is optional); "
               "found '{0}'";
    case Msg::AliasesEmptyName: return "'{0}' is empty; each line ties a name to an alias";
    case Msg::AliasesBadYear: return "invalid year '{0}'; expected a year such as 2024, or nothing";
    case Msg::AliasesUnclosedQuote: return "quote opened here and never closed";
    case Msg::CmdMetrics: return "Computes a territory's network (people, organisations or two-mode) at a tie level, its graph-level figures and each node's";
    case Msg::ArgInputs: return "Attendance sheets to read (files, or folders read whole)";
    case Msg::OptTerritory: return "Keep only this territory (name or code); otherwise all of them, ties across territories included";
    case Msg::OptEdition: return "Year of the edition; otherwise every edition";
    case Msg::OptCumulative: return "Accumulate the editions up to and including --edition";
    case Msg::OptLevel: return "Tie level: connaissance, interconnaissance (default) or reconnaissance";
    case Msg::OptScope: return "Network of: people (default), organisations or two-mode (people × sessions)";
    case Msg::OptPeople: return "Name people instead of showing their pseudonym (personal data)";
    case Msg::OptSeed: return "Seed of the random parts (communities, betweenness sample); 42 by default";
    case Msg::UsageBadYear: return "--edition expects a year, such as 2023; found '{0}'";
    case Msg::UsageBadSeed: return "--seed expects a non-negative whole number; found '{0}'";
    case Msg::TerritoryNotFound: return "territory '{0}' is not in the sheets; territories present: {1}";
    case Msg::NoEditionInWindow: return "no edition matches this choice (territory, --edition, --cumulative); editions present: {0}";
    case Msg::HeadIndicator: return "Figure";
    case Msg::HeadValue: return "Value";
    case Msg::HeadNode: return "Node";
    case Msg::HeadMode: return "Mode";
    case Msg::HeadOrganisation: return "Organisation";
    case Msg::HeadType: return "Type";
    case Msg::HeadDegree: return "Degree";
    case Msg::HeadBetweenness: return "Betweenness";
    case Msg::HeadCloseness: return "Closeness";
    case Msg::HeadCoreness: return "k-core";
    case Msg::HeadCommunity: return "Community";
    case Msg::HeadNormalisedDegree: return "Normalised degree";
    case Msg::HeadSize: return "Size";
    case Msg::HeadTypes: return "Types";
    case Msg::HeadTerritories: return "Territories";
    case Msg::MetNetwork: return "Network";
    case Msg::MetWindow: return "Window";
    case Msg::MetEditions: return "Editions";
    case Msg::MetNodes: return "Nodes";
    case Msg::MetPeople: return "People";
    case Msg::MetOrganisations: return "Organisations";
    case Msg::MetTypes: return "Organisation types";
    case Msg::MetSessions: return "Sessions";
    case Msg::MetTies: return "Ties";
    case Msg::MetInternalTies: return "Ties inside organisations (not drawn)";
    case Msg::MetDensity: return "Density";
    case Msg::MetMeanDegree: return "Mean degree";
    case Msg::MetMaxDegree: return "Maximum degree";
    case Msg::MetMeanStrength: return "Mean strength";
    case Msg::MetComponents: return "Components";
    case Msg::MetLargestShare: return "Share of the largest component";
    case Msg::MetTransitivity: return "Transitivity";
    case Msg::MetClustering: return "Mean clustering coefficient";
    case Msg::MetMeanDistance: return "Mean distance (largest component)";
    case Msg::MetDiameter: return "Diameter (largest component)";
    case Msg::MetCommunities: return "Communities (Leiden)";
    case Msg::MetModularity: return "Modularity";
    case Msg::MetDegreeGini: return "Degree Gini";
    case Msg::MetBetweennessGini: return "Betweenness Gini";
    case Msg::MetCentralisation: return "Degree centralisation (Freeman)";
    case Msg::MetBetweenness: return "Betweenness";
    case Msg::BetweennessExact: return "exact";
    case Msg::BetweennessSampled: return "estimated from {0} randomly drawn sources (seed {1})";
    case Msg::ScopePeople: return "people";
    case Msg::ScopeOrganisations: return "organisations";
    case Msg::ScopeTwoMode: return "two-mode (people × sessions)";
    case Msg::WindowAllTerritories: return "every territory";
    case Msg::WindowAllEditions: return "every edition";
    case Msg::WindowEdition: return "edition {0}";
    case Msg::WindowCumulative: return "editions up to {0}";
    case Msg::WordPersonMode: return "person";
    case Msg::WordSessionMode: return "session";
    case Msg::WordUnknown: return "(unknown)";
    case Msg::MetDistances: return "Distances";
    case Msg::OptWhat: return "What to compute: summary (the network and its nodes, default), brokerage (single points of failure, bridges, structural holes, core and periphery), mixing (ties between types and territories against chance), change (change between consecutive editions), editions (density, E-I index and retention, one row per territory and edition), job (the benchmarks' standard job from one reading: editions, then summary of the organisations and of the people, in three files of the -o folder, the bytes of the three commands)";
    case Msg::OptReshuffles:
        return "Reshuffles of the null model (--what mixing); {0} by default";
    case Msg::UsageBadReshuffles: return "--reshuffles expects a whole number from 1 to 100000; found '{0}'";
    case Msg::UsageWhatScope: return "--what {0} works on people or organisations: add --scope people or --scope organisations";
    case Msg::UsageJobFolder: return "--what job writes three files (editions, organisations, people): name their folder with -o";
    case Msg::SpofSentence:
        return "one {If {0} stops coming, {1} loses their only tie to the others.} "
               "other {If {0} stops coming, {1} lose their only tie to the others.}";
    case Msg::SpofNone: return "No single point of failure: no node alone holds a group's tie to the others.";
    case Msg::BridgeSentence: return "The tie between {0} and {1} is the only one linking {2} to the rest of the network.";
    case Msg::AndOthers: return "{0} and {1} others";
    case Msg::SectionSpof: return "Single points of failure (articulation points)";
    case Msg::SectionBridges: return "Bridges (ties whose loss cuts the network)";
    case Msg::SectionNodesBrokerage: return "Structural holes and core, per node";
    case Msg::HeadCutOffCount: return "Cut off if gone";
    case Msg::HeadCutOff: return "Lose their only tie";
    case Msg::HeadConstraint: return "Constraint (Burt)";
    case Msg::HeadEffectiveSize: return "Effective size";
    case Msg::HeadPosition: return "Position";
    case Msg::WordCore: return "core";
    case Msg::WordPeriphery: return "periphery";
    case Msg::HeadTieEnd: return "End";
    case Msg::HeadWeight: return "Weight";
    case Msg::MetArticulationPoints: return "Single points of failure";
    case Msg::MetBridges: return "Bridges";
    case Msg::MetMainCore: return "Main core (k)";
    case Msg::MetCoreSize: return "Core size";
    case Msg::MetCoreDensity: return "Core density";
    case Msg::MetMixedDensity: return "Core–periphery density";
    case Msg::MetPeripheryDensity: return "Periphery density";
    case Msg::MetReshuffles: return "Reshuffles (null model)";
    case Msg::MetSeed: return "Seed";
    case Msg::MetNullModel: return "Null model";
    case Msg::NullModelText: return "curveball per edition: everyone keeps their number of sessions, every session its size ({0} trades per reshuffle)";
    case Msg::HoleSentence:
        return "{0} and {1} know each other less than chance: {2} ties of {3} possible pairs, where chance gives {4} ({5} in 95% of the draws; p = {6}).";
    case Msg::HoleNone:
        return "No structural hole between groups: no pair has clearly fewer ties than chance.";
    case Msg::SectionMixingTypes: return "Ties between organisation types, against chance";
    case Msg::SectionMixingTerritories: return "Ties between territories, against chance";
    case Msg::SectionEiTypes: return "E-I index by type (Krackhardt & Stern): -1 all inside, +1 all outside";
    case Msg::SectionEiTerritories: return "E-I index by territory";
    case Msg::HeadGroup: return "Group";
    case Msg::HeadWith: return "With";
    case Msg::HeadObserved: return "Observed";
    case Msg::HeadExpected: return "Expected";
    case Msg::HeadPFewer: return "p (fewer)";
    case Msg::HeadPMore: return "p (more)";
    case Msg::HeadPossible: return "Possible pairs";
    case Msg::HeadExpectedDensity: return "Expected density";
    case Msg::WordAll: return "(all)";
    case Msg::SectionChange: return "Change between editions";
    case Msg::SectionTieChanges: return "New and faded ties";
    case Msg::SectionLapsed: return "Lapsed: came before, absent at the latest edition";
    case Msg::SectionBrokers: return "Brokers of the previous edition (top 10 betweenness): did they come back?";
    case Msg::HeadFrom: return "From";
    case Msg::HeadTo: return "To";
    case Msg::HeadNetwork: return "Network";
    case Msg::HeadTiesBefore: return "Ties before";
    case Msg::HeadTiesAfter: return "Ties after";
    case Msg::HeadCreated: return "New";
    case Msg::HeadFaded: return "Faded";
    case Msg::HeadStrengthened: return "Strengthened";
    case Msg::HeadPersistent: return "Persistent";
    case Msg::HeadJaccard: return "Jaccard";
    case Msg::HeadRetention: return "Retention";
    case Msg::HeadNewcomers: return "Newcomers";
    case Msg::HeadReturning: return "Returning";
    case Msg::HeadLapsed: return "Lapsed";
    case Msg::HeadBrokersBack: return "Brokers back";
    case Msg::HeadChange: return "Change";
    case Msg::WordCreated: return "new";
    case Msg::WordFaded: return "faded";
    case Msg::HeadFirstYear: return "First year";
    case Msg::HeadLastYear: return "Last year";
    case Msg::HeadEditionsCount: return "Editions";
    case Msg::HeadCameBack: return "Came back";
    case Msg::WordYes: return "yes";
    case Msg::WordNo: return "no";
    case Msg::BrokerGoneSentence: return "{0}, a broker in {1}, did not come back in {2}.";
    case Msg::NoTransition: return "No previous edition to compare with in this window.";
    case Msg::HeadBrokers: return "Brokers";
    case Msg::CmdCheck:
        return "Checks sheets (or a store) without writing anything: rejected rows, unknown types and communes, organisations and people with nearly the same name";
    case Msg::ArgCheckInputs:
        return "Attendance sheets (files or folders), or a .gpkg store";
    case Msg::OptThreshold:
        return "Similarity score (0 to 1) from which two organisation names are reported";
    case Msg::UsageBadThreshold:
        return "--threshold expects a number between 0 and 1, such as 0.7; found '{0}'";
    case Msg::CheckOrgHeading:
        return "Organisations with similar names (score ≥ {0}): {1} pair(s)";
    case Msg::CheckPair:
        return "'{0}' resembles '{1}' ({2})";
    case Msg::CheckRenamed:
        return " — renamed: {0} → {1} in {2}";
    case Msg::CheckSharedSpelling:
        return "    '{0}' is written for both (different or missing SIRET)";
    case Msg::CheckSeen:
        return "    '{0}': {1}";
    case Msg::CheckSeenTerritory:
        return "{0} {1} ({2} row(s))";
    case Msg::CheckAliasHint:
        return "    if it is the same organisation, add to your aliases: {0}";
    case Msg::CheckPeopleHeading:
        return "People with nearly the same name: {0} pair(s)";
    case Msg::CheckPersonSeen:
        return "    '{0}' ({1}): {2}";
    case Msg::CheckNoEmail:
        return "no e-mail";
    case Msg::CheckPersonHint:
        return "    if it is the same person, give them the same identifier or e-mail on all their rows";
    case Msg::CheckTotal:
        return "In all: {0} row(s) rejected, {1} warning(s) (detailed on standard error), {2} organisation pair(s), {3} people pair(s), {4} person(s) joined by name";
    case Msg::CheckJoinedHeading:
        return "People joined by their name alone, with different e-mails: {0}";
    case Msg::CheckJoined:
        return "'{0}': {1}";
    case Msg::CheckJoinedHint:
        return "    if they are two people, give each their own identifier (an Identifier column)";
    case Msg::CmdUnmobilised: return "Lists what a territory lacks: registry organisations that never came, types never mobilised, lapsed organisations, communes and EPCI without participants, mobilisation rates";
    case Msg::CmdInvite: return "Ranks the organisations to invite to a territory's next edition, each with a score and a reason";
    case Msg::OptAdviseTerritory: return "The territory (name or code); otherwise each in turn";
    case Msg::OptTop: return "Rows proposed (20 by default; 0: all)";
    case Msg::OptWeights: return "Component weights, e.g. type=3,lapsed=3,gap=1.5,bridge=2,central=1 (docs/advise.md)";
    case Msg::OptExcel: return "CSV for Excel: UTF-8 with BOM, ';' separator and decimal comma";
    case Msg::OptInviteScope: return "Whom to propose: organisations (default) or people (recurring participants for the cooperation group)";
    case Msg::OptRegistryFiles: return "Registry file(s) of known organisations (CSV, XLSX, ODS) when the input is sheets";
    case Msg::UsageBadTop: return "--top expects a whole number from 0 to 100000; found '{0}'";
    case Msg::UsageBadWeights: return "--weights: '{0}' is not a weight; expected key=number ≥ 0, keys type, lapsed, gap, bridge, central";
    case Msg::UsageExcelCsv: return "--excel only goes with --format csv";
    case Msg::SectionNeverSeen: return "Registry organisations that never came, by type";
    case Msg::SectionMissingTypes: return "Types never mobilised here";
    case Msg::SectionLapsedOrganisations: return "Lapsed organisations: came before, absent at the latest edition";
    case Msg::SectionEpciGaps: return "EPCI without any participating organisation";
    case Msg::SectionCommuneGaps: return "Communes without a participating organisation, most populated first";
    case Msg::SectionRatesType: return "Mobilisation rate by type (present / known)";
    case Msg::SectionRatesEpci: return "Mobilisation rate by EPCI (present / known)";
    case Msg::SectionInvite: return "Organisations to invite";
    case Msg::SectionInvitePeople: return "Recurring participants to bring into the cooperation group";
    case Msg::SectionTypeHoles: return "Types that know each other less than chance here";
    case Msg::HeadCommune: return "Commune";
    case Msg::HeadEpci: return "EPCI";
    case Msg::HeadPopulation: return "Population";
    case Msg::HeadCameElsewhere: return "Came elsewhere";
    case Msg::HeadKnownHere: return "Known here";
    case Msg::HeadTerritoriesElsewhere: return "Territories elsewhere";
    case Msg::HeadOrganisationsElsewhere: return "Organisations elsewhere";
    case Msg::HeadPeopleElsewhere: return "People elsewhere";
    case Msg::HeadEditionsElsewhere: return "Editions elsewhere";
    case Msg::HeadTrioRoles: return "Trio roles";
    case Msg::HeadPreparation: return "Preparation sessions";
    case Msg::HeadBrokerRank: return "Best betweenness rank";
    case Msg::HeadBroker: return "Broker";
    case Msg::HeadKnown: return "Known";
    case Msg::HeadPresent: return "Present";
    case Msg::HeadRate: return "Rate";
    case Msg::HeadScore: return "Score";
    case Msg::HeadReason: return "Reason";
    case Msg::HeadRank: return "Rank";
    case Msg::HeadCommunes: return "Communes";
    case Msg::HeadRegistryThere: return "Registry organisations there";
    case Msg::HeadShareHere: return "Share here";
    case Msg::HeadShareElsewhere: return "Share elsewhere";
    case Msg::MetNeverSeen: return "Registry organisations that never came";
    case Msg::MetMissingTypes: return "Types never mobilised here";
    case Msg::MetLapsedOrganisations: return "Lapsed organisations";
    case Msg::MetPopulation: return "Population of the territory";
    case Msg::MetPopulationCovered: return "Population of communes with a participant";
    case Msg::MetMobilisationRate: return "Mobilisation rate (present / known)";
    case Msg::MetLastEdition: return "Latest edition";
    case Msg::MetCandidates: return "Candidates ranked";
    case Msg::MetWeights: return "Weights";
    case Msg::ReasonType: return "=1 {no organisation of this type ({0}) has come here, though some come to one other territory} other {no organisation of this type ({0}) has come here, though some come to {1} other territories}";
    case Msg::ReasonTypeNowhere: return "no organisation of this type ({0}) has come, here or elsewhere";
    case Msg::ReasonLapsedBroker: return "linked partners there who otherwise rarely met";
    case Msg::ReasonLapsed: return "came in {0}";
    case Msg::ReasonGap: return "no organisation has come yet {0} ({1} inhabitants)";
    case Msg::ReasonBridge: return "elsewhere, organisations of this type work with both {0} and {1}, who rarely meet here";
    case Msg::ReasonCentral: return "elsewhere, organisations of this type often link the others";
    case Msg::ReasonRegistryOnly: return "known to the registry, never came";
    case Msg::ReasonPerson: return "came to {0} editions (latest {1}), never in a trio nor in preparation; an under-represented type here ({2}: {3} of participants, {4} elsewhere)";
    case Msg::NoRegistry: return "No registry for this territory: only types, lapses and geographic gaps are established.";
    case Msg::CmdDiagram: return "Draws a territory's network (SVG, PNG, PDF or DOT): colour by organisation type, size by betweenness, width by tie weight";
    case Msg::OptDiagramOutput: return "File to write; its extension chooses the format: .svg, .png, .pdf or .dot";
    case Msg::OptDiagramScope: return "Network of organisations (default) or people";
    case Msg::OptMinWeight: return "Smallest weight of a drawn tie (0 by default: all)";
    case Msg::OptLayout: return "Graphviz layout: sfdp (default), neato or fdp";
    case Msg::UsageDiagramFormat: return "-o expects a .svg, .png, .pdf or .dot file; found '{0}'";
    case Msg::UsageBadMinWeight: return "--min-weight expects a number, zero or more, such as 2; found '{0}'";
    case Msg::DiagramGraphvizFailed: return "Graphviz could not draw the network: {0}";
    case Msg::DiagramEncoding: return "Colour: organisation type family; size: betweenness; width: tie weight; line: depth of the tie; black outline: articulation point";
    case Msg::DiagramPruned: return "Network reduced: the {0} most strongly tied nodes of {1}";
    case Msg::DiagramTitle: return "{0}, {1} — {2}, {3}";
    case Msg::DiagramEmpty: return "Nothing to draw: this network has no node (choose another edition, level or scope)";
    case Msg::DiagramPrunedTies: return "Network reduced: the {0} strongest ties of {1} (weight ≥ {2})";
    case Msg::DiagramTieReconnaissance: return "reconnaissance (shared trio or cooperation group)";
    case Msg::DiagramTieInterconnaissance: return "interconnaissance (shared workshop or preparation)";
    case Msg::DiagramTieConnaissance: return "connaissance only (same edition)";
    case Msg::DiagramTieNew: return "new tie";
    case Msg::DiagramTiePersistent: return "tie present at both editions";
    case Msg::DiagramTieFaded: return "faded tie";
    case Msg::DiagramEncodingDiff: return "Colour: organisation type family; size: betweenness in the joined network; thick black outline: came in {1}, not in {0}; hollow: came in {0}, not in {1}";
    case Msg::DiagramDiffCounts: return "{0} new ties, {1} persistent, {2} faded";
    case Msg::DiagramTitleDiff: return "{0}, {1} → {2} — {3}, {4}";
    case Msg::DiagramCommunity: return "community {0}";
    case Msg::OptDiff: return "Compare two editions: new, persistent and faded ties (--diff 2019 2022)";
    case Msg::OptCluster: return "Group nodes by territory or by community (fdp layout)";
    case Msg::UsageDiffYears: return "--diff expects two different years, the earlier first; found '{0}'";
    case Msg::UsageDiffOptions: return "--diff compares two editions: it does not combine with --edition or --cumulative";
    case Msg::UsageClusterLayout: return "clusters (--cluster) are drawn only by the fdp layout; drop --layout {0} or choose --layout fdp";
    case Msg::FamilyEmployment: return "Public employment service";
    case Msg::FamilyGuidance: return "Guidance and information";
    case Msg::FamilyTraining: return "Training and skills";
    case Msg::FamilyLocalAuthority: return "Local authorities";
    case Msg::FamilyState: return "State and other public bodies";
    case Msg::FamilyEconomy: return "Companies and business bodies";
    case Msg::FamilySocialEconomy: return "Associations and social economy";
    case Msg::FamilyUnknown: return "Unknown type";
    case Msg::CmdExport: return "Exports a territory's network for Gephi, QGIS, a spreadsheet or a program: GEXF, GraphML, GeoPackage, CSV or JSON";
    case Msg::OptExportOutput: return "File to write; its extension chooses the format: .gexf, .graphml, .gpkg, .csv (three tables FILE-nodes.csv, FILE-edges.csv, FILE-indicators.csv) or .json";
    case Msg::OptExportFormat: return "Format, when the extension does not say: gexf, graphml, gpkg, csv or json";
    case Msg::OptPositions: return "Node positions (GEXF, GraphML, CSV, JSON): layout (Graphviz sfdp layout, the default) or geo (the organisation's commune, Lambert-93)";
    case Msg::OptGexfVersion: return "GEXF version: 1.3 (default, Gephi 0.9.3 and later) or 1.2 (1.2draft, for older tools such as networkx 2.8)";
    case Msg::OptSrs: return "Coordinate system of the GeoPackage (default EPSG:2154, Lambert-93), e.g. EPSG:4326";
    case Msg::UsageExportFormat: return "cannot tell which format to write to '{0}': use a .gexf, .graphml, .gpkg, .csv or .json extension, or --format";
    case Msg::UsageExportGpkgScope: return "the GeoPackage is a map of organisations: --scope people is not available with this format";
    case Msg::ExportBadSrs: return "unknown coordinate system '{0}' (e.g. EPSG:2154 or EPSG:4326)";
    case Msg::ExportFailed: return "cannot write '{0}': {1}";
    case Msg::MapFormat: return "A map is written as .svg, .png or .pdf (not .dot)";
    case Msg::MapNothing: return "Nothing to map: no territory has an outline (give some in the manifest: [territories] outlines, docs/manifest.md)";
    case Msg::MapCairoFailed: return "Cairo could not draw the map: {0}";
    case Msg::MapNoCommunes: return "No commune known for the territory '{0}': it is neither a département (by name or code) nor a territory with a known outline; give its outline in maillage.toml ([territories] outlines, or [[territories.defined]] by its communes or EPCI)";
    case Msg::OutputWriteFailed: return "the standard output could not be written: {0}";
    case Msg::GeoRegionMissing: return "région file missing from the bundled data: the département {0} cannot be drawn (scripts/prepare-geography makes it)";
    case Msg::TerritoryNoOutline: return "the territory '{0}' of the sheets is not in this outline file (field '{1}': {2})";
    case Msg::TerritoryOutlineBundled: return "; outline of the département '{0}' taken from the bundled data";
    case Msg::RegistryDirectory: return "National directory of public organisations (2019): {0} organisations in the project's territories.";
    case Msg::MapInsetNote: return "Inset, at another scale: {0}.";
    case Msg::MapClassJenks: return "Jenks natural breaks";
    case Msg::MapClassQuantiles: return "quantiles";
    case Msg::MapLegendClasses: return "Classes: {0} ({1} class(es))";
    case Msg::MapLegendAbove: return "> {0} – {1}";
    case Msg::MapLegendNoData: return "No data";
    case Msg::MapLegendOrganisations: return "Organisations that came, by type family";
    case Msg::MapLegendNeverCame: return "Registry: never came (hollow)";
    case Msg::MapLegendSize: return "Size: degree (organisations tied to)";
    case Msg::MapIndicatorParticipants: return "Participants";
    case Msg::MapIndicatorOrganisations: return "Organisations that came";
    case Msg::MapIndicatorDensity: return "Density of the organisation network";
    case Msg::MapIndicatorMobilisation: return "Mobilisation rate";
    case Msg::MapIndicatorRetention: return "Participant retention";
    case Msg::MapDefParticipants: return "Distinct people who came (by EPCI or commune: from its organisations)";
    case Msg::MapDefOrganisations: return "Distinct organisations that came (by EPCI or commune: those located there)";
    case Msg::MapDefDensity: return "Ties present / ties possible between the organisations that came (2m / n(n−1))";
    case Msg::MapDefMobilisation: return "Organisations that came at least once / organisations known (registry + those that came)";
    case Msg::MapDefRetention: return "Share of the previous edition's participants who came back to the edition shown (the window's last)";
    case Msg::MapTitleRegion: return "{0} by territory — {1}";
    case Msg::MapTitleTerritory: return "{0} by EPCI — {1}, {2}";
    case Msg::MapTitleCommunes: return "{0} by commune — {1}, {2}";
    case Msg::MapTiesRule: return "Ties: the {0} strongest ({1}), heaviest first";
    case Msg::MapNotePoints: return "Points: organisations that came (organisation network, {0}) at their commune, spread on a spiral when several share it.";
    case Msg::MapNoteOutside: return " Located off the map, not drawn: {0}.";
    case Msg::MapNoteHollowHere: return "Hollow circles: registry organisations of the territory that came to none of the editions shown.";
    case Msg::MapNoteHollowRegion: return "Hollow circles: registry organisations that came to none of the editions shown, on any territory.";
    case Msg::MapCredit: return "Outlines: IGN – Admin Express 2017 and COG 2018, Licence Ouverte; comleg (B. David), France GeoJSON (G. David) · maillage";
    case Msg::CmdMap: return "Draws a map of an indicator (SVG, PNG or PDF): the region by territory, or one territory by EPCI with its communes and organisations";
    case Msg::OptMapOutput: return "File to write; its extension picks the format: .svg, .png or .pdf";
    case Msg::OptIndicator: return "Indicator of the fills: mobilisation (default), participants, organisations, density or retention";
    case Msg::OptClassification: return "Classification: jenks (default) or quantiles";
    case Msg::OptClasses: return "Number of classes, 1 to 7 (5 by default)";
    case Msg::OptTies: return "Number of strongest ties drawn (60 by default; 0: none)";
    case Msg::OptNoRegistry: return "Do not draw the registry organisations that never came";
    case Msg::OptMapTerritory: return "Map of this territory (name or code), by EPCI with its communes; otherwise the region, one area per territory";
    case Msg::OptMapUnit: return "Areas of a territory map: epci (default) or commune";
    case Msg::UsageMapFormat: return "-o expects a .svg, .png or .pdf file; found '{0}'";
    case Msg::UsageBadClasses: return "--classes expects a whole number from 1 to 7; found '{0}'";
    case Msg::UsageBadTies: return "--ties expects a whole number, like 60; found '{0}'";
    case Msg::ExportOverwritesInput: return "-o would write '{0}', which is an input of the command: choose another file";
    case Msg::CmdReport: return "Writes the edition-over-edition report of a territory (or of all, --all): one self-contained HTML file that prints to A4";
    case Msg::OptReportOutput: return "HTML file to write (.html)";
    case Msg::OptReportAll: return "Compares every territory side by side (instead of --territory)";
    case Msg::UsageReportFormat: return "-o expects a .html file; found '{0}'";
    case Msg::UsageReportWhich: return "choose one territory (--territory T) or all of them (--all), not both";
    case Msg::OptReportEdition: return "Year of the edition reported on; otherwise each territory's latest";
    case Msg::ReportAnd: return " and ";
    case Msg::ReportAndOthers: return " and {0} more";
    case Msg::ReportAndOneOther: return " and 1 more";
    case Msg::ReportSummaryLead: return "{1}, {0} edition: {2} participants from {3} organisations of {4} different types.";
    case Msg::ReportSummaryFirst: return "This is the territory's first edition: nothing to compare with yet.";
    case Msg::ReportSummaryChange: return "Since the {0} edition: participants {1}, organisations {2}, types {3}.";
    case Msg::ReportLevelConnaissance: return "Connaissance (knowing of)";
    case Msg::ReportLevelInterconnaissance: return "Interconnaissance (knowing someone)";
    case Msg::ReportLevelReconnaissance: return "Reconnaissance (working together)";
    case Msg::ReportDensityExplained: return "Density is the share of pairs of organisations that are tied. Connaissance: attended the same edition, accumulated since the first one (within one edition everyone meets at the plenary); interconnaissance: shared a workshop or a preparation session; reconnaissance: held the same workshop trio or sat together in the cooperation group.";
    case Msg::ReportTrendOne: return "{0}: {2} in {1}.";
    case Msg::ReportTrend: return "From {0} to {1}, {2}: from {3} to {4} ({5})";
    case Msg::ReportTrendPeak: return "; the highest, {0}, in {1}";
    case Msg::ReportRetention: return "{0} of the {1} participants came back in {2}{3}; {4} newcomers and {5} returning after an absence.";
    case Msg::ReportCutPoint:
        return "one {If {0} stopped coming, one organisation would lose its only tie to the rest of the network: {2}.} "
               "other {If {0} stopped coming, {1} organisations would lose their only tie to the rest of the network: {2}.}";
    case Msg::ReportBetweenness: return "Betweenness";
    case Msg::ReportBrokers: return "The main brokers of this edition — the organisations that most paths between the others go through — are {0}.";
    case Msg::ReportCutPoints:
        return "one {One organisation is a single point of failure: if it stops coming, part of the network loses every tie to the rest.} "
               "other {{0} organisations are single points of failure: if one of them stops coming, part of the network loses every tie to the rest.}";
    case Msg::ReportNoBrokers: return "No organisation links the others at this edition.";
    case Msg::ReportNoCutPoints: return "No single point of failure: no organisation alone holds part of the network.";
    case Msg::ReportCameBack: return "Came back from the previous edition";
    case Msg::ReportReturnedAfterAbsence: return "Back after an absence";
    case Msg::ReportNewOrganisations: return "First time";
    case Msg::ReportLapsedSince: return "Came in {0}, absent this time";
    case Msg::ReportCompType: return "Type never here";
    case Msg::ReportCompLapsed: return "Came, then lapsed";
    case Msg::ReportCompGap: return "Area without participant";
    case Msg::ReportCompBridge: return "Would link two types";
    case Msg::ReportCompCentral: return "Central elsewhere";
    case Msg::ReportCoverage: return "Population covered (communes with a participating organisation)";
    case Msg::ReportDiagramText: return "The organisation network at this edition (interconnaissance): {0} organisations, {1} ties. Colour: type family; size: betweenness; width: shared sessions; single points of failure are outlined.";
    case Msg::ReportDiagramTitle: return "{0}, {1} edition — organisation network (interconnaissance)";
    case Msg::ReportEditionOf: return "{0}, {1} edition";
    case Msg::ReportHeldOn: return ", plenary on {0}";
    case Msg::ReportFewerThanChance: return "fewer ties than chance";
    case Msg::ReportMoreThanChance: return "more ties than chance";
    case Msg::ReportFigBrokers: return "The brokers of the {0} edition (normalised betweenness)";
    case Msg::ReportFigDensity: return "Density of the organisation network, by depth of tie";
    case Msg::ReportFigDensityInter: return "Density of the reconnaissance network, by territory";
    case Msg::ReportFigHeatMap: return "{0}: ties between organisation types, observed against chance (every edition)";
    case Msg::ReportFigInvite: return "Score of the organisations to invite, by reason";
    case Msg::ReportFigMap: return "Map of the territory";
    case Msg::ReportFigMissingTypes: return "Types never here: organisations of that type that came to other territories";
    case Msg::ReportFigNewcomers: return "Participants by edition: already there at the previous one, back after an absence, new";
    case Msg::ReportFigNewcomersLine: return "Newcomers, by territory";
    case Msg::ReportFigOrganisations: return "Organisations present, by territory";
    case Msg::ReportFigParticipants: return "Participants and organisations, by edition";
    case Msg::ReportFigRegionPeople: return "Participants, by territory";
    case Msg::ReportFigPresence: return "Organisations of the {0} edition: came back, back after an absence, new; and those of the previous edition that did not come";
    case Msg::ReportFigRegionCutPoints: return "Each territory's main broker at its latest edition ({0}): normalised betweenness";
    case Msg::ReportFigRegionInvite: return "Candidate organisations for an invitation, by territory (never came, or came then lapsed)";
    case Msg::ReportFigRegionParticipants: return "Participants at each territory's latest edition";
    case Msg::ReportFigRegionPresence: return "Organisations of the latest edition: came back, back after an absence, new";
    case Msg::ReportFigRegionTies: return "Ties between organisations since the previous edition: kept, new, faded";
    case Msg::ReportFigRetention: return "Return rate: share of the previous edition's participants who came back";
    case Msg::ReportFigTieChange: return "Ties between organisations, {0} to {1}";
    case Msg::ReportFooter: return "Report made by maillage from the attendance sheets (editions up to {0}). The same data give the same report.";
    case Msg::ReportHeadBroker: return "Broker";
    case Msg::ReportHeadChange: return "Change";
    case Msg::ReportHeadCutPoints: return "Single points of failure";
    case Msg::ReportHeadEdition: return "Latest edition";
    case Msg::ReportHeadEditions: return "Editions";
    case Msg::ReportHeadFigure: return "Figure";
    case Msg::ReportHeadFile: return "File";
    case Msg::ReportHeadHoles: return "Type pairs less tied than chance";
    case Msg::ReportHeadLastYear: return "Last came";
    case Msg::ReportHeadOrganisation: return "Organisation";
    case Msg::ReportHeadPerson: return "Person";
    case Msg::ReportHeadPopulation: return "Population (inhabitants per commune)";
    case Msg::ReportHeadQuarantined: return "Rows set aside";
    case Msg::ReportHeadReason: return "Why";
    case Msg::ReportHeadRows: return "Rows";
    case Msg::ReportHeadScore: return "Score";
    case Msg::ReportHeadTerritory: return "Territory";
    case Msg::ReportHeadTopBroker: return "Main broker";
    case Msg::ReportHeadType: return "Type";
    case Msg::ReportHeatCell:
        return "{0} × {1}: {2} ties observed, {3} expected by chance{4}";
    case Msg::ReportHeatExplained:
        return "Each cell counts the interconnaissance ties between organisations of two types over every edition. Its colour gives the gap between the share of pairs tied and the share that random draws give, draws that keep each session's size and each participant's number of sessions: blue, fewer ties than chance; red, more; the darker, the wider the gap. A dot marks the clear departures, too wide to be chance and of at least one tie; the other cells stay pale, chance being enough to explain them; grey, nothing to compare (the same ties in every draw).";
    case Msg::ReportHole: return "{0} and {1}: {2} ties, where chance would give {3}.";
    case Msg::ReportHoles:
        return "one {One pair of types knows each other clearly less than chance would have it:} "
               "other {{0} pairs of types know each other clearly less than chance would have it:}";
    case Msg::ReportNoHoles:
        return "No pair of types knows each other clearly less than chance would have it.";
    case Msg::ReportInvitations: return "The {0} organisations to invite first for {2}, out of {1} candidates, each with its reason:";
    case Msg::ReportNoInvitations: return "No candidate organisation.";
    case Msg::ReportLapsed:
        return "one {One organisation came to an earlier edition and not to the latest:} "
               "other {{0} organisations came to an earlier edition and not to the latest (former brokers first):}";
    case Msg::ReportNoLapsed: return "No organisation that came before is missing from the latest edition.";
    case Msg::ReportMethodLevels: return "The three depths of tie";
    case Msg::ReportMethodConnaissance: return "Connaissance: knowing the resource exists — attended the same edition (weight: shared editions).";
    case Msg::ReportMethodInterconnaissance: return "Interconnaissance: knowing someone inside the organisation — shared a workshop or a preparation session (weight: shared sessions).";
    case Msg::ReportMethodReconnaissance: return "Reconnaissance: having worked together, recognising each other's craft — held the same workshop trio (exposant, gardien de la méthode, scribe) or shared a session of the cooperation group.";
    case Msg::ReportMethodNetwork: return "Ties between organisations add up their members' ties; each person counts in the organisation they came from at that edition. A renamed organisation (Pôle emploi become France Travail...) stays the same organisation.";
    case Msg::ReportMethodSources: return "Data and licences";
    case Msg::ReportMethodFiles: return "{0} attendance sheet files, {1} rows read, {2} attendances kept; {3} rows set aside at import (unreadable or incomplete).";
    case Msg::ReportMethodRegistry: return "Directories read (source: number of organisations): {0}.";
    case Msg::ReportLicenceCog: return "Communes, EPCI and départements: Code officiel géographique 2026 (Insee, via Etalab), Licence Ouverte 2.0.";
    case Msg::ReportLicenceDila: return "Public organisations: the service-public.fr directory (DILA), Licence Ouverte.";
    case Msg::ReportLicenceIgn: return "Territory outlines: IGN Admin Express, Licence Ouverte.";
    case Msg::ReportMethodReproduce: return "Reproducibility";
    case Msg::ReportMethodSeeds:
        return "Seed {0} for every random computation (null model: {1} draws; diagram layout; estimates): the same data and the same seed give the same report, byte for byte. Clear departure from chance: p ≤ 0.05 from the draws, at least one tie apart and |h| ≥ 0.2 (Cohen's h between observed and expected density).";
    case Msg::ReportMethodPeopleHidden: return "No person is named in this report: the figures are those of organisations, and the people of section 6 are only numbered.";
    case Msg::ReportMethodPeopleShown: return "This report names people (option --people): do not share it outside the coordination team.";
    case Msg::ReportMissingTypes:
        return "one {One organisation type never came here but comes elsewhere: {1}.} "
               "other {{0} organisation types never came here but come elsewhere: {1}.}";
    case Msg::ReportMissingTypesEach:
        return "one {Elsewhere, one organisation of each came.} "
               "other {Elsewhere, {0} organisations of each came.}";
    case Msg::ReportNoMissingTypes: return "Every type that came to other territories has come here too.";
    case Msg::ReportMoreRows: return "… and {0} more.";
    case Msg::ReportNeverCame: return "Candidates";
    case Msg::ReportNewcomers: return "Newcomers";
    case Msg::ReportReturning: return "Back after an absence";
    case Msg::ReportNoMap: return "No map in this report: no map of the territory was drawn.";
    case Msg::ReportNoPrevious: return "No previous edition: nothing to compare with.";
    case Msg::ReportNone: return "none";
    case Msg::ReportOrgPresence: return "Of the {3} organisations that came in {0}, {2} came back in {1} ({4}); {5} came back after an absence and {6} came for the first time.";
    case Msg::ReportOrganisations: return "Organisations";
    case Msg::ReportOrganisationsLower: return "organisations";
    case Msg::ReportOrganisationsElsewhere: return "Organisations that came elsewhere";
    case Msg::ReportParticipants: return "Participants";
    case Msg::ReportParticipantsLower: return "participants";
    case Msg::ReportPeopleInvite: return "People to bring into the next cooperation group, without their names: came several times, from a type under-represented here, never in a trio nor in preparation.";
    case Msg::ReportPeopleInviteNamed: return "People to bring into the next cooperation group: came several times, from a type under-represented here, never in a trio nor in preparation.";
    case Msg::ReportQSummary: return "How many came, and is the network denser than at the previous edition?";
    case Msg::ReportQTrends: return "How do participation and the network change from edition to edition?";
    case Msg::ReportQNetwork: return "Where are the organisations, how are they tied, and what changed since the previous edition?";
    case Msg::ReportQBrokers: return "Who holds the network together, who is its single point of failure, and which organisation types know each other less than chance?";
    case Msg::ReportQPresence: return "Who came back, who lapsed, and which types never come here although they come elsewhere?";
    case Msg::ReportQInvite: return "Whom to invite next time, and why?";
    case Msg::ReportQMethod: return "How are these figures computed, and from which data?";
    case Msg::ReportQRegionSummary: return "How do the territories compare, at their latest edition?";
    case Msg::ReportQRegionNetwork: return "Where are the territories, and how did their networks change since the previous edition?";
    case Msg::ReportRegionDenser: return "At one edition the organisations' interconnaissance network is nearly complete everywhere; reconnaissance (trios, cooperation group) is what tells the territories apart. Its density moves by several points from one edition to the next with the trios and the cooperation group: section 1 says, for each territory, whether its latest change lies beyond chance.";
    case Msg::ReportRegionGrew: return "Strongest growth in participation: {0}, {1} participants since {2}.";
    case Msg::ReportRegionPresence: return "{0}: {1} organisations that came before did not come back; types never here but present elsewhere: {2}.";
    case Msg::ReportRegionSubtitle: return "{0} territories side by side: {1}.";
    case Msg::ReportRegionTies: return "{0}, {1} to {2}: {3} new ties, {4} faded; {5} of the ties are common to both editions.";
    case Msg::ReportRegionTitle: return "The territories' networks — {0} review";
    case Msg::ReportRetentionLabel: return "Return rate";
    case Msg::ReportRetentionLower: return "return rate";
    case Msg::ReportSecSummary: return "In brief";
    case Msg::ReportSecTrends: return "Trends";
    case Msg::ReportSecNetwork: return "Map and network";
    case Msg::ReportSecBrokers: return "Brokers and weak points";
    case Msg::ReportSecPresence: return "Returns and absences";
    case Msg::ReportSecInvite: return "Whom to invite";
    case Msg::ReportSecMethod: return "Method";
    case Msg::ReportStrongestNew: return "The strongest new ties:";
    case Msg::ReportStrongestFaded: return "The strongest faded ties:";
    case Msg::ReportTieChange: return "Since {0}, {1} ties appeared between organisations and {2} faded; {3} were kept, {4} of them strengthened. {5} of the two editions' ties are common to both.";
    case Msg::ReportTies: return "Ties";
    case Msg::ReportTiesCreated: return "New";
    case Msg::ReportTiesFaded: return "Faded";
    case Msg::ReportTiesPersistent: return "Kept";
    case Msg::ReportTitle: return "{0} — the territory's network, {1} edition";
    case Msg::ReportTrendDensity: return "Density of the organisation network at each depth of tie, kept for reference: at every edition interconnaissance is close to 100% and can hardly move, which is why this report starts with what can. Connaissance (dashed) accumulates every edition since the first.";
    case Msg::ReportTypes: return "Organisation types";
    case Msg::ReportUrbanRural: return "Urban and rural territories: the most populated per commune ({0}) brought {2} participants on average to their latest edition, against {3} for the most rural ({1}); reconnaissance density {4} against {5}; return rate {6} against {7}. Density compares across territories, since it relates ties to the pairs possible.";
    case Msg::ReportYes: return "yes";
    case Msg::ReportMethodReference: return "The reference data shipped with maillage, and their licences:";
    case Msg::ReportRegionBrokers: return "The higher the main broker's betweenness, the more the territory's network goes through that one organisation: were it missing, the others would be further apart.";
    case Msg::OptReportTerritory: return "The territory reported on (name or code)";
    case Msg::OptReportReshuffles:
        return "Draws of the null model (types that know each other less than chance, invitations); {0} by default";
    case Msg::OptReportSeed: return "Seed of the random computations (null model, diagram layout); 42 by default";
    case Msg::SectionEditions: return "Edition after edition";
    case Msg::HeadEiIndex: return "E-I index (types)";
    case Msg::HeadRetentionPeople: return "Participants back";
    case Msg::HeadNewcomersPeople: return "New participants";
    case Msg::EditionsSameDensity: return "{0}: density {1} in {2}, as in {3}.";
    case Msg::EditionsFirst: return "{0}: a single edition ({1}), nothing to compare.";
    // group connectivity between type families (metrics --what brokerage, report section 4)
    case Msg::SectionFamilyConnectivity: return "Type families: how many organisations hold them together";
    case Msg::HeadFamily: return "Family";
    case Msg::HeadFamilySize: return "Organisations";
    case Msg::HeadWithFamily: return "With family";
    case Msg::HeadWithFamilySize: return "Organisations";
    case Msg::HeadConnectivity: return "Departures that cut them";
    case Msg::HeadHeldBy: return "For instance";
    case Msg::ConnectivitySentenceOne: return "The families '{0}' and '{1}' hold together through one organisation only: if {2} stops coming, they lose all contact.";
    case Msg::ConnectivitySentenceTwo: return "The families '{0}' and '{1}' hold together through two organisations only: if {2} stop coming, they lose all contact.";
    case Msg::ConnectivitySentenceNone: return "The families '{0}' and '{1}' have no contact, not even indirect, in this network.";
    case Msg::ConnectivityAllSolid: return "No pair of families hangs on only one or two organisations.";
    case Msg::ReportConnectivityOne: return "The families '{0}' and '{1}' are linked by one organisation only, {2}: if it stops coming, they lose all contact.";
    case Msg::ReportConnectivityTwo: return "The families '{0}' and '{1}' are linked by two organisations only, {2}: if they stop coming, they lose all contact.";
    case Msg::DecisionsEmptyName:
        return "empty name: a decision names two organisations or two people";
    case Msg::DecisionsUnknownOrganisation:
        return "organisation '{0}' unknown to the project: no sheet row nor registry entry has that name (write it as a sheet writes it)";
    case Msg::DecisionsUnknownPerson:
        return "person '{0}' unknown to the project: expected a pseudonym as 'maillage check' shows it (P-...)";
    case Msg::DecisionsSelf:
        return "'{0}' and '{1}' are the same name: nothing to decide";
    case Msg::DecisionsBadYear:
        return "invalid year '{0}': expected a year between 1900 and 2100 (required for 'renamed')";
    case Msg::DecisionsContradiction:
        return "'{0}' and '{1}': contradicts an earlier decision (same and different at once, directly or through a chain of 'same')";
    case Msg::DecisionsBadHeader:
        return "expected the header 'about,first,second,verdict,year' (or objet,premier,second,decision,annee), found '{0}'";
    case Msg::DecisionsBadKind:
        return "unknown kind '{0}': expected 'organisation' or 'person'";
    case Msg::DecisionsBadVerdict:
        return "unknown verdict '{0}': expected 'same', 'different' or 'renamed'";
    case Msg::DecisionsUnclosedQuote:
        return "quote opened and never closed";
    case Msg::DecisionsRefused:
        return "{0}: decisions file refused ({1} error(s)): nothing was written";
    case Msg::CmdResolve:
        return "Record an answer to an identity question (same organisation or person, different, renamed), or export / import the decisions";
    case Msg::OptResolveSame:
        return "The two names are one organisation (or, with --people, the two pseudonyms one person)";
    case Msg::OptResolveDifferent:
        return "The two names are two different organisations (or people)";
    case Msg::OptResolveRenamed:
        return "The first organisation took the second's name in YEAR (one organisation)";
    case Msg::OptResolveUndo:
        return "Withdraw the decision taken on these two names";
    case Msg::OptResolvePeople:
        return "The two names are people's pseudonyms (P-...)";
    case Msg::OptResolveExport:
        return "Write every decision to this CSV file (to keep with the project folder)";
    case Msg::OptResolveImport:
        return "Replace the store's decisions with those of this CSV file (all or nothing)";
    case Msg::ArgResolveNames:
        return "The two names (as a sheet writes them) or pseudonyms";
    case Msg::UsageResolveWhat:
        return "say one thing: --same, --different, --renamed YEAR or --undo with two names, or else --export FILE or --import FILE";
    case Msg::UsageResolveTwoNames:
        return "expected two names after the store, found {0}";
    case Msg::ResolveDone:
        return "Decision recorded: '{0}' and '{1}': {2}. The project has {3} organisation(s) and {4} person(s); {5} question(s) remain open.";
    case Msg::ResolveUndone:
        return "Decision withdrawn: '{0}' and '{1}'. The project has {2} organisation(s) and {3} person(s); {4} open question(s).";
    case Msg::ResolveNoDecision:
        return "no decision was taken on '{0}' and '{1}'";
    case Msg::ResolveAlready:
        return "Already decided: '{0}' and '{1}': {2}. Nothing changed.";
    case Msg::ResolveExported:
        return "{0} decision(s) written to {1}";
    case Msg::ResolveImported:
        return "{0} decision(s) read from {1} and recorded. The project has {2} organisation(s) and {3} person(s); {4} open question(s).";
    case Msg::VerdictSame:
        return "one organisation";
    case Msg::VerdictSamePerson:
        return "one person";
    case Msg::VerdictDifferent:
        return "different";
    case Msg::VerdictRenamed:
        return "renamed in {0}";
    case Msg::CheckQuestionsHeading:
        return "Open identity questions (only the coordination can settle them): {0}";
    case Msg::CheckQuestionOrg:
        return "'{0}' and '{1}': one organisation? (likeness {2}; {3})";
    case Msg::CheckQuestionPerson:
        return "'{0}' and '{1}': one person? (likeness {2}; {3})";
    case Msg::CheckQuestionHint:
        return "    answer: maillage resolve STORE --same|--different|--renamed YEAR \"{0}\" \"{1}\"";
    case Msg::CheckQuestionPersonHint:
        return "    answer: maillage resolve STORE --people --same|--different {0} {1}";
    case Msg::EvidenceType:
        return "same type";
    case Msg::EvidenceCommune:
        return "same commune";
    case Msg::EvidenceDepartement:
        return "same département";
    case Msg::EvidenceName:
        return "same name";
    case Msg::EvidenceWords:
        return "name words in common";
    case Msg::EvidenceAcronym:
        return "acronym of the other name";
    case Msg::EvidenceOneSided:
        return "one name adds words to the other";
    case Msg::EvidenceCommuneInName:
        return "one's commune in the other's name";
    case Msg::EvidenceEmailLocal:
        return "same name and same e-mail before the @, never the same year";
    case Msg::EvidencePersonName:
        return "same name, different organisations, never the same year";
    case Msg::EvidenceNone:
        return "nothing else in common";
    case Msg::WarnCommunePostcodeTaken:
        return "commune code '{0}': it is the postcode of {1}, taken as that commune (write the INSEE code)";
    case Msg::CsvUnclosedQuote:
        return "quote opened here and never closed: the rest of the file would fit in one cell; remove this quote or close it";
    case Msg::CsvStrayQuote:
        return "quote opened here and closed only on line {0}: the cell would swallow {1} whole row(s) of the table; remove this quote or close it on the same line";
    case Msg::CsvTextAfterQuote:
        return "text '{0}' after the quote that closes the cell: inside a quoted cell, double the inner quotes (\"\") or remove them";
    case Msg::CellWithoutHeader:
        return "value '{0}' in a column with no header (column {1}): nothing says what it is; give the column a header or move the value";
    case Msg::EncodingBadUtf8:
        return "byte {0} is not valid UTF-8 in a file that is UTF-8 ({1}): fix the character there or save the file again as 'CSV UTF-8'";
    case Msg::EncodingMixed:
        return "byte {0} is not valid UTF-8 in a file that also holds UTF-8 accents: the file mixes two encodings; save it again as 'CSV UTF-8'";
    case Msg::EncodingUndefinedCp1252:
        return "byte {0} has no character in Windows-1252: this is no text in that encoding; save the file as 'CSV UTF-8'";
    case Msg::EncodingBadUtf16:
        return "damaged UTF-16 text at byte {0} (a lone half character or a cut file); save the file again as 'CSV UTF-8'";
    case Msg::FileBinary:
        return "this is not a text file (a zero byte at byte {0}): save the table from the spreadsheet with 'Save as…' and the CSV type";
    case Msg::FileWorkbookAsCsv:
        return "this file is a {0} workbook under the extension {1}: rename it to .{2}, or save it as CSV from the spreadsheet";
    case Msg::FileIsFolder:
        return "this is a folder, not a file: give the path of a table (.csv, .xlsx, .ods)";
    case Msg::FileEmptyReason:
        return "format not recognised";
    case Msg::WorkbookDamaged:
        return "damaged workbook: sheet '{0}' could not be read to its end ({1}); reading stopped after row {2}; open the file in the spreadsheet and save it again";
    case Msg::WorkbookTooWide:
        return "sheet '{0}' has cells beyond column 2000, which maillage does not read: delete the columns right of the table (select them, right click, 'Delete columns')";
    case Msg::WorkbookMissingSheet:
        return "damaged workbook: a sheet it announces is missing from the file ({0}); open it in the spreadsheet and save it again";
    case Msg::WorkbookCut:
        return "damaged or incomplete {0} workbook (a cut download?): it does not open; download or save it again";
    case Msg::WorkbookNoReadableSheet:
        return "no readable sheet: the workbook has only empty sheets";
    case Msg::WarnRepeatedHeader:
        return "the header row again (two tables put end to end?): skipped";
    case Msg::RowHeaderReordered:
        return "the header row again with its columns in another order: the rows below it would be read in the wrong columns; make two files, one per table";
    case Msg::RowSiretScientific:
        return "SIRET '{0}' written in scientific notation by a spreadsheet: its last digits are lost; format the column as Text and copy the SIRET again from their source";
    case Msg::WarnSiretLength:
        return "SIRET '{0}': {1} digit(s) instead of 14 (or 9 for a SIREN); not used to recognise the organisation";
    case Msg::RowMissingTerritory:
        return "missing territory: fill the column in, or give the whole file's territory with --territory";
    case Msg::RowDateOutsideEdition:
        return "session dated {0}, far from edition {1}: fix the date or the edition";
    case Msg::StoreForeign:
        return "{0} was not made by maillage (it already holds: {1}): maillage does not write into other software's files; give --into the name of a new .gpkg file";
    case Msg::StoreBadReference:
        return "the store was edited outside maillage: in table {0}, row {1} has {2} = {3}, which points to no row of table {4}; restore a copy of the store or ingest the sheets again into a new store";
    case Msg::StoreBadId:
        return "the store was edited outside maillage: in table {0}, {1} = {2} is empty, repeated or beyond the table's {3} rows; restore a copy of the store or ingest the sheets again into a new store";
    case Msg::StoreMissingTable:
        return "table {0} is missing: the store is damaged; restore a copy of the store or ingest the sheets again into a new store";
    case Msg::StoreLocked:
        return "another program (QGIS, another maillage command…) is writing to the store; wait until it has finished or close it, then try again";
    case Msg::StoreDiskFull:
        return "disk full: the store was not changed; free some space, then try again";
    case Msg::StoreReadOnly:
        return "the store is read-only (permissions of the file or its folder) and this command must write to it; copy it to a folder you can write to";
    case Msg::StoreCorrupt:
        return "damaged file ({0}): restore a copy of the store or ingest the sheets again into a new store";
    case Msg::CheckStoreIntegrity:
        return "File integrity (PRAGMA integrity_check): {0}";
    case Msg::CheckStoreIntegrityOk:
        return "no fault";
    case Msg::CheckStoreReferences:
        return "References between tables: every row points to rows that exist";
    case Msg::OptKeyFile:
        return "file of the pseudonym key, kept outside the store (created when absent; see docs/privacy.md)";
    case Msg::StoreKeyOutside:
        return "this store keeps its pseudonym key outside the file: give it with --key-file";
    case Msg::KeyFileMismatch:
        return "{0} is not this store's key: its pseudonyms would not match; give the key file made with this store";
    case Msg::KeyFileBad:
        return "{0}: unreadable key (one line of 64 hexadecimal characters expected)";
    case Msg::KeyFileMoved:
        return "pseudonym key written to {0} and removed from the store: keep this file apart (give it with --key-file from now on)";
    case Msg::StoreMissingRow:
        return "the store was edited outside maillage: in table {0}, the row {1} = {2} is missing (deleted?); restore a copy of the store or ingest the sheets again into a new store";
    case Msg::StoreChangedMeanwhile:
        return "another command wrote to the store while this one ran: nothing was saved, so as not to erase its work; run the command again";
    case Msg::ManifestUnknownDepartement:
        return "unknown département: “{0}” (a code such as 13 or a name such as Bouches-du-Rhône)";
    case Msg::CmdServe:
        return "Opens the workspace in the browser: a local web server over a folder of projects (take sheets in, answer identity questions, explore the network and the map, prepare invitations, download the report)";
    case Msg::ArgServeFolder:
        return "Folder of projects (one subfolder per project, each with its maillage.toml); made when absent";
    case Msg::OptPort:
        return "Port to listen on (8080 by default; 0: any free port)";
    case Msg::OptListen:
        return "Address to listen on (127.0.0.1 by default: this machine only); any other address requires the token printed at start";
    case Msg::OptTlsCert:
        return "TLS certificate (PEM): serves HTTPS, with --tls-key";
    case Msg::OptTlsKey:
        return "TLS private key (PEM), with --tls-cert";
    case Msg::OptTokenFile:
        return "File holding the access token to use (otherwise a new token is drawn at start)";
    case Msg::UsageBadPort:
        return "invalid port: “{0}” (a number from 0 to 65535)";
    case Msg::UsageTlsPair:
        return "--tls-cert and --tls-key go together";
    case Msg::ServeListening:
        return "maillage workspace: open {0} in your browser (Ctrl+C to stop)";
    case Msg::ServeProjects:
        return "Projects: {0} ({1})";
    case Msg::ServeExposed:
        return "WARNING: the workspace listens on {0}, beyond this machine, WITHOUT encryption (HTTPS): the token and the data travel in clear on the network. Give --tls-cert and --tls-key.";
    case Msg::ServeTokenRequired:
        return "Restricted access: each browser first opens the address above (with its token).";
    case Msg::ServeCannotListen:
        return "cannot listen on {0}:{1} (port already in use or invalid address)";
    case Msg::ServeNoWeb:
        return "the page's files (index.html, app.js) cannot be found; looked in: {0}";
    case Msg::ServeBadToken:
        return "access refused: session token missing or wrong (open again the address printed when the server started)";
    case Msg::ServeBadHost:
        return "access refused: this page does not come from the server's address";
    case Msg::ServeUnknownProject:
        return "unknown project: “{0}”";
    case Msg::ServeUnknownJob:
        return "unknown job: “{0}”";
    case Msg::ServeUnknownUpload:
        return "unknown upload: “{0}”";
    case Msg::ServeBadJson:
        return "unreadable request: {0}";
    case Msg::ServeMissingField:
        return "incomplete request: the field “{0}” is missing";
    case Msg::ServeNotSheet:
        return "“{0}” is not an attendance sheet: only CSV, XLSX and ODS files are accepted";
    case Msg::ServeNotSheetContent:
        return "“{0}”: the content does not match the extension (an XLSX or ODS workbook is a zip archive; a CSV is text)";
    case Msg::ServeNoSheets:
        return "no sheet in the upload";
    case Msg::ServeTooLarge:
        return "upload too large: {0} MB at most";
    case Msg::ServeNotImported:
        return "this project has no sheet taken in yet: take one in (Sheets tab)";
    case Msg::ServeProjectName:
        return "give the project a name";
    case Msg::ServeNoTerritory:
        return "choose at least one territory";
    case Msg::ServeUnknownEpci:
        return "unknown EPCI: “{0}”";
    case Msg::ServeUnknownCommune:
        return "unknown commune: “{0}”";
    case Msg::ServeCommunesName:
        return "give the territory made of communes a name";
    case Msg::ServeBadVerdict:
        return "unknown answer: “{0}” (same, different or renamed)";
    case Msg::ServeNothingToTake:
        return "nothing to take from this upload: no refused sheet has good rows";
    case Msg::ServeIngestDone:
        return "{0} sheet(s) taken in, {1} refused, {2} already there";
    case Msg::ServeUnexpected:
        return "unexpected server error: {0}";
    case Msg::ServeUnknownFormat:
        return "unknown format: “{0}”";
    case Msg::OptMaxUpload:
        return "Largest upload of sheets, in MB (50 by default)";
    case Msg::ServeNotFound:
        return "unknown address: {0}";
    case Msg::OptOpen:
        return "Opens the address in the browser once the server is ready";
    case Msg::ServeNoBrowser:
        return "no browser could be opened (no xdg-open): open {0} yourself";
    case Msg::ReasonLapsedMany: return "came to {0} editions, from {1} to {2}";
    case Msg::ReasonLapsedBridge: return "linked {0} and {1} there, who rarely meet";
    case Msg::ReasonLapsedGroup: return "sat in the cooperation group";
    case Msg::ReasonLapsedTrio: return "helped run workshops";
    case Msg::ReasonNotBack: return "did not come back in {0}";
    case Msg::ReasonAbsentSince: return "absent since {0}";
    case Msg::ReasonGapCommune: return "no organisation has come yet {0} ({1} inhabitants)";
    case Msg::ReasonGapPart: return "in {0}, {1} inhabitants live in communes from which no organisation has come";
    case Msg::ReasonAnd: return " and ";
    case Msg::OptReportAppendix:
        return "Adds the technical appendix for the coordination team: seed, draws, files read, command";
    case Msg::ReportSecAppendix:
        return "Technical appendix";
    case Msg::ReportQAppendix:
        return "For the coordination team: what it takes to redo and check this report.";
    case Msg::ReportAppendixAudience:
        return "This appendix is for the coordination team; it does not belong in the report handed to partners and funders.";
    case Msg::ReportAppendixCommand:
        return "Command that redoes this report: {0}";
    case Msg::ReportAppendixFiles:
        return "{0} attendance sheet files read; those with rows set aside in quarantine:";
    case Msg::ReportAppendixPeople:
        return "maillage invite --scope people gives the coordination team the pseudonyms of the people numbered in section 6.";
    case Msg::ReportMethodRegistryPlain:
        return "The organisations known on the territories come from directories ({0} organisations listed): they show which ones never came.";
    case Msg::ReportMethodChance:
        return "To tell whether two types of organisations meet more or less than chance would have it, the ties observed are compared with those of random allocations of the same participants to the same workshops (each keeps their number of sessions, each session its size). A gap counts only when it is clear: fewer than 5 draws in 100 go as far, at least one tie is missing (or extra), and it changes the share of pairs tied appreciably.";
    case Msg::ReportMethodReproducible:
        return "The computations that draw at random are fixed: the same attendance sheets give the same report. The coordination team can add a technical appendix with the details.";
    case Msg::ReportRegulars:
        return "Already there at the previous edition";
    case Msg::ReportMapAbout:
        return "Each intercommunality shows its mobilisation rate: the share of the known organisations that came at least once, up to {0}.";
    case Msg::ReportMapAboutRegion:
        return "Each territory shows its mobilisation rate: the share of the known organisations that came at least once, up to {0}.";
    case Msg::ReportMapPoints:
        return "Dots: the organisations that came, at their commune, and their strongest ties.";
    case Msg::ReportMapHollow:
        return "Hollow circles: known organisations that never came.";
    case Msg::ReportHeadEpci:
        return "Intercommunality";
    case Msg::ReportHeadMobilisation:
        return "Mobilisation rate";
    case Msg::ReportAppendixMapNotes:
        return "Map notes: {0}";
    case Msg::ReportDiagramStrongest:
        return "Nearly every organisation met every other: to keep the diagram readable, only the {0} strongest ties (out of {1}) are drawn.";
    case Msg::ChangeVerdictUp:
        return "more than chance would give";
    case Msg::ChangeVerdictDown:
        return "less than chance would give";
    case Msg::ChangeVerdictWithin:
        return "within the margin of chance";
    case Msg::ChangeVerdictUpShort:
        return "above chance";
    case Msg::ChangeVerdictDownShort:
        return "below chance";
    case Msg::ChangeVerdictWithinShort:
        return "within chance";
    case Msg::ChangeVerdictNotTestableShort:
        return "not testable";
    case Msg::ChangeFigures:
        return "{0} in {1}, against {2} in {3}";
    case Msg::ChangeFiguresNew:
        return "{0} since {1}";
    case Msg::ChangeJudged:
        return "{0}: {1}: {2} (chance: {3} to {4}), {5}.";
    case Msg::ChangeJudgedNew:
        return "{0}: {1} (chance: {2} to {3}), {4}.";
    case Msg::ChangeNotTestable:
        return "{0}: {1} — not testable: redistributing the participants among the sessions does not move this figure.";
    case Msg::ChangeConnaissance:
        return "Connaissance: the {0} organisations present in {1} all met at the edition ({2} in {3}) — not testable: within an edition only who came counts, and the draw of sessions changes nothing.";
    case Msg::ChangeFirst:
        return "{0}: {1} in {2} — the territory's first edition, nothing to compare.";
    case Msg::ChangeExplained:
        return "These changes are judged against chance: the participants of each edition are redistributed many times among its workshops, trios and preparation sessions (each keeps their number of sessions, each session its size, nobody changes edition) and the change is computed again. “Chance: a to b” gives the central 95% of those changes: what attendance alone (who came, how often, to workshops of what size) would produce. A change is said to be above or below chance only outside it; inside, it is within the margin of chance. The report starts with what can move: interconnaissance density, close to 100% at every edition, stays in the table but is not commented on.";
    case Msg::SectionChanceChange:
        return "What moves from one edition to the next, against chance";
    case Msg::HeadMeasure:
        return "Measure";
    case Msg::HeadBefore:
        return "Before";
    case Msg::HeadAfter:
        return "After";
    case Msg::HeadDifference:
        return "Change";
    case Msg::HeadChanceLow:
        return "Low";
    case Msg::HeadChanceHigh:
        return "High";
    case Msg::HeadVerdict:
        return "Verdict";
    case Msg::ChangeNullModelText:
        return "Chance: the central 95% of the change over {0} reshuffles of each edition's participants among its sessions (each keeps their number of sessions, each session its size, each edition reshuffled on its own).";
    case Msg::EditionsDensityNoVerdict:
        return "{0}: density {1} in {2}, against {3} in {4}. Density alone does not say whether the network tightens: --what change judges the change against chance.";
    case Msg::ReportFigMoving:
        return "What can move: organisation pairs and type pairs that worked together";
    case Msg::ReportHeadChance:
        return "Margin of chance";
    case Msg::ChangeInterval:
        return "{0} to {1}";
    case Msg::ReportFigMovingTrend:
        return "Organisation pairs and type pairs that worked together, edition after edition";
    case Msg::ColumnsLeftOut:
        return "Columns left out to fit 120 characters: {0}; --format csv gives the whole table.";
    case Msg::MixingPairsLeftOut:
        return "{0} other pairs left out: {1} that the reshuffles cannot move (the same ties in every draw, often every possible pair), {2} with no clear departure from chance; --format csv gives them all.";
    case Msg::MixingRule:
        return "Clear departure: p ≤ 0.05 from the reshuffles, at least one tie apart, and |h| ≥ 0.2 (Cohen's h between observed and expected density: 0.2 small, 0.5 medium, 0.8 large); ordered by |h|.";
    case Msg::HeadGap:
        return "Gap (h)";
    case Msg::HeadChanceRange:
        return "Chance (95%)";
    case Msg::HeadP:
        return "p";
    case Msg::MixingNoPairTable:
        return "No pair departs clearly from chance.";
    case Msg::ReportHeatLegendDot:
        return "clear departure from chance";
    case Msg::ReportHeatClearGap:
        return " — a clear departure";
    case Msg::HeadSheet:
        return "Sheet";
    case Msg::HeadRowsTaken:
        return "Rows taken";
    case Msg::HeadRowsSetAside:
        return "Rows set aside";
    case Msg::HeadNewPeople:
        return "New people";
    case Msg::HeadNewOrganisations:
        return "New organisations";
    case Msg::HeadNewSessions:
        return "New sessions";
    case Msg::HeadNewEditions:
        return "New editions";
    case Msg::IngestSheetsIn:
        return "Sheets read in {0}";
    case Msg::IngestSheets:
        return "Sheets read";
    case Msg::HeadCommuneCode:
        return "Commune code";
    case Msg::HeadEpciCode:
        return "EPCI code";
    case Msg::ReportHeatLegendNone:
        return "nothing to compare";
    case Msg::EiGroupsLeftOut:
        return "{0} groups left out, whose index is the same in every draw (often a single organisation: all its ties go to the others); --format csv gives them all.";
    }
    return "?";
}

} // namespace maillage::core::detail
