// A project folder's manifest, maillage.toml: which sheets (or globs), registry, territory
// outlines, alias and type files, column mappings, and whether partial sheets are accepted.
// The format is documented in docs/manifest.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/ingest/load.hpp"

namespace maillage::ingest {

/// One [[sheets]] block: files matched by globs, and how to read them.
struct SheetGroup {
    std::vector<std::string> patterns; ///< globs relative to the folder: * ? and ** (any folders)
    LoadOptions load; ///< encoding, sheet, column mapping; territory and edition for sheets without them
};

/// A territory defined by its communes or EPCI rather than by an outline file.
struct DefinedTerritory {
    std::string name;
    std::string code;
    std::vector<std::string> communes; ///< INSEE codes
    std::vector<std::string> epci;     ///< SIREN codes
};

struct Manifest {
    std::string folder;  ///< where maillage.toml is; every path below is relative to it
    std::string name;
    bool accept_partial = false;
    std::vector<SheetGroup> sheets;
    std::string aliases; ///< path, or empty
    std::string types;   ///< path, or empty
    std::vector<std::string> registries;
    /// Without a registry, the bundled national directory (2019) restricted to the project's
    /// territories stands for one; `directory = false` turns it off.
    bool directory = true;
    std::string territories;      ///< outline file, or empty
    std::string territories_key;  ///< its field naming the territory as the sheets do
    std::string territories_code; ///< its field holding the territory's code (optional)
    std::vector<DefinedTerritory> defined;
    /// Territories that are départements, by code or name ([territories] departements): made
    /// even before any sheet names them, outlined from the bundled data.
    std::vector<std::string> departements;
    /// Where the workspace (maillage serve) keeps the project: a .gpkg path (made relative to
    /// the folder) or a PG: connection; empty: maillage.gpkg in the folder.
    std::string store;
};

/// True when `folder` holds a maillage.toml.
bool has_manifest(const std::string& folder);

/// Reads `folder`/maillage.toml. Paths are made relative to the current folder (folder/path).
/// Throws FatalError "maillage.toml:line:column: erreur: ..." for invalid TOML, an unknown key,
/// a value of the wrong kind, a bad --column mapping or an unknown encoding.
/// Complexity: linear in the file size.
Manifest read_manifest(const std::string& folder, core::Lang lang);

/// read_manifest on the manifest's text already in memory (the fuzzer's entry point, in
/// tests/fuzz/manifest_fuzzer.cpp): the same manifest, the same errors.
Manifest parse_manifest(std::string_view text, const std::string& folder, core::Lang lang);

/// The files a sheet group names, sorted, each once. A pattern matching nothing is an error
/// (FatalError naming the manifest and the pattern): a typo must not silently drop sheets.
std::vector<std::string> expand_sheets(const Manifest& manifest, const SheetGroup& group, core::Lang lang);

} // namespace maillage::ingest
