// Reading the tables of attendance sheets through GDAL/OGR: CSV (",", ";", tab; UTF-8 with or
// without BOM, Windows-1252), XLSX and ODS (every sheet). Every cell comes back as UTF-8 text,
// every row with the line (CSV) or row number (spreadsheets) a coordinator sees in their tool.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::ingest {

enum class Encoding { Auto, Utf8, Windows1252 };

/// Parses "auto", "utf-8"/"utf8", "windows-1252"/"cp1252"/"latin-1"/"latin1"/"iso-8859-1"
/// (Latin-1 files are read as Windows-1252, its superset for printable text).
std::optional<Encoding> parse_encoding(std::string_view text);

struct ReadOptions {
    Encoding encoding = Encoding::Auto;
    std::optional<std::string> sheet; ///< read only this sheet of a workbook
};

struct TableInfo {
    std::string file;                 ///< the path as given by the user
    std::string sheet;                ///< the sheet of a workbook; empty for CSV
    std::string source;               ///< how diagnostics name it: "file" or "file[sheet]"
    std::vector<std::string> headers; ///< column headers, in order, as written
    std::string encoding;             ///< "utf-8", "utf-8 (BOM)", "windows-1252"; empty for workbooks
    char separator = '\0';            ///< CSV only
    std::size_t rows_hint = 0;        ///< CSV: its number of records, known before they are read (0: unknown)
};

struct Row {
    std::int64_t line = 0;          ///< physical line (CSV, header = 1) or spreadsheet row number
    std::vector<std::string> cells; ///< one per header, UTF-8, untrimmed
    bool repeated_header = false;   ///< the table's header row again (skip it, with a warning)
};

/// Reads every table of a sheet file, calling on_table for each table before its rows and
/// on_row for every non-empty row, streaming (memory stays bounded by one row). Workbooks are
/// opened through GDAL's virtual file system, so a /vsimem/ path reads an in-memory workbook.
/// Throws FatalError (message in `lang`, naming the file) when the file is missing, unreadable,
/// of an unknown format, or has no table, or when options.sheet names no sheet of it.
/// Exceptions thrown by the callbacks propagate. Complexity: linear in the file size.
void read_tables(const std::string& path, const ReadOptions& options, core::Lang lang,
                 const std::function<void(const TableInfo&)>& on_table,
                 const std::function<void(const Row&)>& on_row);

/// Reads CSV bytes already in memory as read_tables reads a .csv file (same encoding rules,
/// same errors, same callbacks); `name` names them in diagnostics. The fuzzer's entry point
/// (tests/fuzz/csv_fuzzer.cpp). Complexity: linear in the size.
void read_csv_bytes(std::string bytes, const std::string& name, const ReadOptions& options, core::Lang lang,
                    const std::function<void(const TableInfo&)>& on_table,
                    const std::function<void(const Row&)>& on_row);

/// Reads a .csv file as read_tables does, the file read `chunk` bytes at a time (read_tables
/// reads 1 MiB at a time): a file in plain UTF-8 is read as it streams (memory bounded by its
/// longest record), any other (UTF-16, Windows-1252, bytes that are no text) whole through
/// read_csv_bytes' decoding. Same rows, same errors as read_csv_bytes on the file's bytes,
/// whatever the chunk: tests/fuzz/csv_stream_fuzzer.cpp compares them. Complexity: linear in
/// the file size (read twice: its encoding is decided before its rows are read).
void read_csv_file(const std::string& path, std::size_t chunk, const ReadOptions& options, core::Lang lang,
                   const std::function<void(const TableInfo&)>& on_table,
                   const std::function<void(const Row&)>& on_row);

/// The sheets named by the user's arguments: a file stays as given; a project folder (with a
/// maillage.toml) gives the sheets its manifest names (read with default options: the manifest's
/// per-group options apply through `maillage ingest`); another folder gives every file below it
/// with a sheet extension (.csv, .tsv, .txt, .xlsx, .ods; hidden files and Office
/// lock files "~$..." left out), sorted by path. Missing paths are kept, so that reading them
/// reports them. Complexity: linear in the number of entries below the folders.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths);

/// The first line of CSV text split on a separator guessed from it: the most frequent of
/// ';', ',' and tab outside double quotes (',' on a tie, as RFC 4180 wants). Exposed for
/// tests: GDAL 3.6 guesses the separator itself and falls back to ',' when a header holds
/// both (deps-probe.md G4), which is why maillage guesses first.
char guess_separator(std::string_view first_line);

} // namespace maillage::ingest
