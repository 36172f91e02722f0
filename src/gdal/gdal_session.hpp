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
#include <ogrsf_frmts.h>

namespace maillage::detail {

/// Registers, once per process, the GDAL drivers maillage reads and writes itself: GeoPackage
/// (stores, the bundled geography, exports), PostgreSQL (stores), CSV, XLSX and ODS (sheets,
/// registries, the COG), GeoJSON and Shapefile (outlines), Memory. Not GDALAllRegister: its two
/// hundred drivers cost a map about 7 MB of resident memory for nothing (docs/maps.md); a file
/// in any other format goes through ensure_all_gdal_drivers. SpatiaLite is not loaded (no
/// spatial SQL is run: GeoPackage has its own functions). GDAL's own messages are never printed.
/// Spreadsheets: the first row is always
/// the header, and every cell is read as text so that INSEE codes and SIRET keep their leading
/// zeros (deps-probe.md G7).
inline void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetConfigOption("SPATIALITE_LOAD", "NO");
        // GDAL never prints: its messages are English, raw, and may echo a file's bytes. What
        // maillage reports comes from CPLGetLastErrorMsg, in the user's language, located.
        CPLSetErrorHandler(CPLQuietErrorHandler);
        RegisterOGRGeoPackage();
        RegisterOGRPG();
        RegisterOGRCSV();
        RegisterOGRXLSX();
        RegisterOGRODS();
        RegisterOGRGeoJSON();
        RegisterOGRShape();
        RegisterOGRMEM();
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
        CPLSetConfigOption("OGR_ODS_HEADERS", "FORCE");
        CPLSetConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
        CPLSetConfigOption("OGR_ODS_FIELD_TYPES", "STRING");
    });
}

/// Every driver GDAL has, for a file the user names in any vector format (territory outlines:
/// KML, FlatGeobuf, MapInfo...). Drivers already registered stay as they are.
inline void ensure_all_gdal_drivers() {
    ensure_gdal();
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
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
