// Sheets straight into an in-memory project (no store): what `ingest` does before writing,
// and what tests and benchmarks use to build graphs from a file.
#pragma once

#include <string>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/project_builder.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::ingest {

struct LoadOptions {
    ReadOptions read;
    ColumnMapping mapping;
    std::string territory; ///< for sheets without a territory column
    int year = 0;          ///< for sheets without an edition or date column
};

/// Reads every sheet (files or folders) into `builder`, one source file each, collecting row
/// problems in `diagnostics` (bad rows are not added). Throws FatalError for an unreadable
/// file or a missing required column. Complexity: linear in the sheets' size.
void load_sheets(const std::vector<std::string>& paths, const LoadOptions& options, core::Lang lang,
                 ProjectBuilder& builder, core::Diagnostics& diagnostics);

/// A fresh in-memory project from sheets, with the shipped renames and organisation types (as
/// `maillage ingest` without user files) and reproducible pseudonyms: for tests, benchmarks and
/// commands given sheets rather than a store.
model::Project load_project(const std::vector<std::string>& paths, const LoadOptions& options, core::Lang lang,
                            core::Diagnostics& diagnostics);

/// Lower-case hex SHA-256 of a file's bytes (OpenSSL). Throws FatalError when unreadable.
std::string file_sha256(const std::string& path, core::Lang lang);

} // namespace maillage::ingest
