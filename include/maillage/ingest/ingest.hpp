// Taking sheets into a project: each file whole or not at all, nothing lost. The command
// layer (`maillage ingest`) opens the store, calls this, saves, and writes the quarantine.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/ingest/communes.hpp"
#include "maillage/ingest/identity.hpp"
#include "maillage/ingest/load.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::ingest {

struct IngestOptions {
    LoadOptions load;
    bool accept_partial = false; ///< take a file's good rows and quarantine its bad ones
    TypeClassifier classify_type; ///< free-text types → taxonomy keys; none if empty
    const CommuneIndex* communes = nullptr; ///< resolves commune cells (COG); none if null
    /// Renames, types and places for identity resolution (identity.hpp); shipped tables and no
    /// place names if null.
    const IdentityContext* identity = nullptr;
    /// Called every few thousand rows with (file, rows read so far) — for a progress bar.
    std::function<void(const std::string&, std::int64_t)> progress;
};

/// The shipped renames plus the aliases of a user file (.csv with `nom,alias,depuis`, or
/// .toml); an empty path gives the shipped renames only. Throws FatalError naming the file,
/// line and column of a problem. Complexity: linear in the file size.
model::AliasTable load_aliases(const std::string& path, core::Lang lang);

/// The shipped taxonomy extended by a user TOML file (docs/taxonomy.md); an empty path gives
/// the shipped taxonomy. Throws FatalError naming the file, line and column of a problem.
model::Taxonomy load_taxonomy(const std::string& path, core::Lang lang);

/// The reference data identity resolution reads, loaded once: the communes and place names
/// of datasets/france, the renames and aliases, the types.
struct IdentityReference {
    CommuneIndex communes;
    Gazetteer places;
    model::AliasTable aliases;
    model::Taxonomy taxonomy;
    /// Loads them (aliases and types files may be empty: the shipped tables). Throws FatalError
    /// naming the file of a problem.
    static std::shared_ptr<const IdentityReference> load(const std::string& aliases_file, const std::string& types_file,
                                                         core::Lang lang);
    /// The files these were read from (the aliases and types files by checksum, the reference
    /// data folder's files by name, size and time) and the running program, fingerprinted.
    std::string fingerprint;
    [[nodiscard]] IdentityContext context() const { return {&aliases, &taxonomy, &places, &communes, fingerprint}; }
};

/// A row set aside: where it was, why, and its cells as written (for the quarantine file).
struct QuarantinedRow {
    std::string file;
    std::string sheet;
    std::int64_t line = 0;
    std::vector<std::string> problems; ///< rendered diagnostics of the row
    std::vector<std::string> headers;
    std::vector<std::string> cells;
};

struct FileOutcome {
    enum class Status { Taken, TakenPartially, Refused, AlreadyThere };
    std::string path;
    Status status = Status::Taken;
    std::int64_t rows = 0;     ///< data rows read
    std::int64_t rejected = 0; ///< rows with errors
    ProjectBuilder::Added added;
};

struct IngestReport {
    std::vector<FileOutcome> files;
    std::vector<QuarantinedRow> quarantine;
    std::vector<ProjectBuilder::Spelling> spellings; ///< organisation names as written in the files taken
};

/// Takes each sheet (files or folders) into `project`. A file whose checksum the project
/// already has is skipped (taking the same file twice changes nothing). A file with bad rows
/// is refused whole unless options.accept_partial, in which case its good rows go in and its
/// bad rows are returned for the quarantine. Row problems and warnings go to `diagnostics`.
/// Throws FatalError (nothing taken from that file on) for an unreadable file or a missing
/// required column. Complexity: linear in the sheets' size.
IngestReport ingest_sheets(model::Project& project, const std::vector<std::string>& paths,
                           const IngestOptions& options, core::Lang lang, core::Diagnostics& diagnostics);

} // namespace maillage::ingest
