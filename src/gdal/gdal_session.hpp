// What every module that wraps GDAL/OGR (ingest, store, geo) needs, in one private header:
// registering the drivers once, silencing GDAL while a file is opened (its message is read back
// and reported in the user's language), and closing datasets. Not a public header: GDAL types
// stay inside the modules that wrap them.
#pragma once

#include <memory>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>

namespace maillage::detail {

/// Registers GDAL's drivers once per process. Spreadsheets: the first row is always the header,
/// and every cell is read as text so that INSEE codes and SIRET keep their leading zeros
/// (deps-probe.md G7).
inline void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
        CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE");
        CPLSetConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
        CPLSetConfigOption("OGR_ODS_FIELD_TYPES", "STRING");
    });
}

/// Keeps GDAL from printing on stderr for the lifetime of the object.
struct QuietGdal {
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

} // namespace maillage::detail
