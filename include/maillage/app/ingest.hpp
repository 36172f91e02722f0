// The ingest use case, for every front-end: sheets (or a project folder with its maillage.toml)
// into a project store — each file whole or not at all —, then the territories' outlines, the
// organisations' places, the registry (or the national directory restricted to the project's
// territories) and the alias file's decisions; identities resolved; the store saved once.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/registry.hpp"
#include "maillage/model/project.hpp"

namespace maillage::app {

struct IngestRequest {
    std::string store;               ///< a .gpkg path or a PG: connection
    std::vector<std::string> inputs; ///< one project folder (with maillage.toml), or sheets and folders
    /// Sheets taken besides a project folder's (the workspace's uploads), read with the default
    /// options and `accept_partial` alone; the folder's manifest still gives the registry,
    /// outlines and aliases.
    std::vector<std::string> added_sheets;
    bool manifest_sheets = true;     ///< false: a project folder's own [[sheets]] are not read
    ingest::IngestOptions options;   ///< how sheets are read; progress callback
    bool accept_partial = false;     ///< take the good rows of a sheet with bad ones
    std::string aliases, types;      ///< files; over the manifest's
    std::vector<std::string> registries;
    std::string territories, territories_key, territories_code; ///< an outline file and its fields
    /// The pseudonym key kept in this file rather than in the store (docs/privacy.md): made
    /// when absent; a store whose key is inside has it moved out. Empty: the key stays where it is.
    std::string key_file;
};

struct IngestResult {
    ingest::IngestReport report;     ///< each file's outcome, the rows set aside
    core::Diagnostics diagnostics;   ///< located problems, in reading order
    model::Project project;          ///< the store's project after the ingest
    std::size_t outlines_loaded = 0; ///< territories outlined (file, defined, départements)
    std::size_t placed = 0;          ///< organisations newly placed
    std::optional<ingest::RegistryReport> registry; ///< when a registry (or the directory) was read
    bool directory = false;          ///< the registry is the national directory
    std::size_t decisions_added = 0; ///< alias lines become identity decisions
    bool saved = false;              ///< the store changed and was saved
    bool key_moved = false;          ///< the key left the store for request.key_file
};

/// Gives `project` its pseudonym key from `key_file` (docs/privacy.md), for a command that
/// hashes names (ingest, forget). A store that keeps its key outside needs the file (refused
/// without it, or with another store's key); a store that keeps it inside has it written to the
/// file (made with mode 0600, or checked when it exists) and marked to leave the store at the
/// next save. A new store gets a new key, made or read here. Returns true when the key moves out.
/// Throws FatalError in `lang`.
bool attach_key(model::Project& project, const std::string& key_file, const std::string& store, core::Lang lang);

/// Runs the ingest (docs/manifest.md, docs/identity.md). Throws FatalError for an unusable
/// input, manifest or store (nothing saved); row problems are in the result's diagnostics.
/// Complexity: reading the sheets, then identity resolution (ingest/identity.hpp).
IngestResult ingest_into_store(const IngestRequest& request, core::Lang lang);

} // namespace maillage::app
