// User-facing strings: one catalogue per language (src/core/messages_fr.cpp,
// src/core/messages_en.cpp), keyed by Msg. A key missing from a catalogue is a compile error
// (-Wswitch). Placeholders are fmt's positional "{0}", "{1}".
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "maillage/core/lang.hpp"

namespace maillage::core {

enum class Msg {
    // command line
    AppDescription,
    OptLang,
    OptVersion,
    OptFormat,
    OptColumn,
    OptEncoding,
    OptSheet,
    OptOutput,
    CmdSummary,
    CmdIngest,
    OptInto,
    OptAcceptPartial,
    OptSheetTerritory,
    OptSheetEdition,
    OptQuarantine,
    ArgSheets,
    UsageBadColumnSpec,
    UsageUnknownField,
    UsageUnknownLang,
    UsageUnknownEncoding,
    // severity words
    WordError,
    WordWarning,
    WordPerson,
    WordSession,
    // reading files
    FileNotFound,
    FileUnreadable,
    FileNotAWorkbook,
    FileUnknownFormat,
    FileNoTable,
    SheetNotFound,
    MissingColumns,
    MappedColumnNotFound,
    OutputNotWritable,
    StoreFailed,
    StoreNotAStore,
    StoreWrongVersion,
    // rows
    RowMissingPerson,
    RowMissingSession,
    RowUnknownRole,
    RowBadDate,
    RowUnknownSessionKind,
    RowBadEdition,
    // summary
    HeadTerritory,
    HeadEdition,
    HeadRows,
    HeadPeople,
    HeadOrganisations,
    HeadSessions,
    Unspecified,
    Total,
    SummaryRejected,
    SummaryWarnings,
    IngestTaken,
    IngestPartial,
    IngestRefused,
    IngestAlready,
    IngestTotal,
    IngestQuarantine,
    IngestProgress,
    IngestDuplicates,
    // organisation types (model/taxonomy) and names (model/organisation_names)
    ConfigBadToml,
    ConfigUnknownField,
    ConfigBadValue,
    ConfigMissingField,
    TypesBadKey,
    TypesUnknownClass,
    TypesUnknownType,
    AliasesBadHeader,
    AliasesEmptyName,
    AliasesBadYear,
    AliasesUnclosedQuote,
    OptAliases,
    OptTypes,
    WarnUnknownType,
    WarnRowsAlike,
    WarnCommuneFormer,
    WarnCommuneUnknown,
    WarnCommunePostcode,
    WarnCommuneAmbiguous,
    WarnMoreValues,
    // metrics
    CmdMetrics,
    ArgInputs,
    OptTerritory,
    OptEdition,
    OptCumulative,
    OptLevel,
    OptScope,
    OptPeople,
    OptSeed,
    UsageBadYear,
    UsageBadSeed,
    TerritoryNotFound,
    NoEditionInWindow,
    HeadIndicator,
    HeadValue,
    HeadNode,
    HeadMode,
    HeadOrganisation,
    HeadType,
    HeadDegree,
    HeadStrength,
    HeadBetweenness,
    HeadCloseness,
    HeadEigenvector,
    HeadCoreness,
    HeadCommunity,
    HeadInternal,
    HeadNormalisedDegree,
    HeadSize,
    HeadTypes,
    HeadTerritories,
    MetNetwork,
    MetWindow,
    MetEditions,
    MetNodes,
    MetPeople,
    MetOrganisations,
    MetTypes,
    MetSessions,
    MetTies,
    MetInternalTies,
    MetDensity,
    MetMeanDegree,
    MetMaxDegree,
    MetMeanStrength,
    MetComponents,
    MetLargestShare,
    MetTransitivity,
    MetClustering,
    MetMeanDistance,
    MetDiameter,
    MetCommunities,
    MetModularity,
    MetDegreeGini,
    MetBetweennessGini,
    MetCentralisation,
    MetBetweenness,
    BetweennessExact,
    BetweennessSampled,
    ScopePeople,
    ScopeOrganisations,
    ScopeTwoMode,
    WindowAllTerritories,
    WindowAllEditions,
    WindowEdition,
    WindowCumulative,
    WordPersonMode,
    WordSessionMode,
    WordUnknown,
    MetDistances,
};

/// The last key of the enum: tests walk every key up to it. Keep it the last one when adding.
inline constexpr Msg last_message = Msg::MetDistances;

/// The catalogue text for a key. Complexity: constant.
std::string_view message(Msg key, Lang lang);

/// The catalogue text with its placeholders filled. Throws fmt::format_error only if a
/// catalogue entry and its call disagree, which the tests of each message rule out.
template <typename... Args>
std::string tr(Lang lang, Msg key, Args&&... args) {
    return fmt::format(fmt::runtime(message(key, lang)), std::forward<Args>(args)...);
}

} // namespace maillage::core
