// Writing outputs so that a reader never sees half a file: write aside, then rename.
#pragma once

#include <string>
#include <string_view>

#include "maillage/core/lang.hpp"

namespace maillage::core {

/// Writes `content` to a temporary file beside `path`, flushes it, then renames it over `path`
/// (atomic on POSIX file systems). Throws FatalError (in `lang`) when the folder is not
/// writable; no partial file is left behind. Complexity: linear in the content size.
void write_file_atomically(const std::string& path, std::string_view content, Lang lang);

} // namespace maillage::core
