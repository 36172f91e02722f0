// libFuzzer target on the workbook reader: the bytes are written to GDAL in-memory files, once
// as an .xlsx and once as an .ods, and read by ingest::read_tables as `maillage ingest` reads a
// workbook (GDAL's XLSX and ODS drivers, then maillage's checks: any GDAL message refuses the
// file, missing sheet parts, cells beyond the header), in French and in English. A FatalError
// is the expected outcome of bad bytes; a crash, a sanitizer report, a hang or any other
// exception is a bug. GDAL itself is Debian's build, not instrumented: a memory error inside
// it shows only if it crashes.
//
// The in-memory file gets a fresh name for every read within one second: GDAL caches a zip's
// table of contents by file name and only drops it when the file's size or modification time
// (to the second) changes, so reusing one name would read one input's entries in the next.
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>

#include <cpl_vsi.h>

#include "maillage/core/error.hpp"
#include "maillage/ingest/table.hpp"

using namespace maillage;

namespace {

std::string fresh_name(const char* extension) {
    static std::time_t second = 0;
    static unsigned slot = 0;
    const std::time_t now = std::time(nullptr);
    if (now != second) {
        second = now;
        slot = 0;
    }
    return "/vsimem/fuzz/" + std::to_string(slot++) + extension;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    for (const char* extension : {".xlsx", ".ods"}) {
        for (auto lang : {core::Lang::Fr, core::Lang::En}) {
            const std::string path = fresh_name(extension);
            VSIFCloseL(VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE));
            std::size_t cells = 0;
            try {
                ingest::read_tables(
                    path, {}, lang, [&](const ingest::TableInfo& info) { cells += info.headers.size(); },
                    [&](const ingest::Row& row) { cells += row.cells.size(); });
            } catch (const Error& e) {
                (void)e.what();
            }
            VSIUnlink(path.c_str());
        }
    }
    return 0;
}
