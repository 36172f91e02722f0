#include "maillage/ingest/table.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/manifest.hpp"
#include "gdal_session.hpp"

namespace maillage::ingest {
namespace {

using detail::DatasetPtr;
using detail::QuietGdal;

using core::Msg;
using core::tr;

// A /vsimem/ file that is removed when it goes out of scope.
class MemFile {
public:
    /// The text as a GDAL in-memory file, without a copy: the MemFile keeps the text (a sheet
    /// can be hundreds of megabytes) and GDAL reads it in place.
    explicit MemFile(std::string text) : m_text(std::move(text)) {
        static std::atomic<int> counter{0};
        m_path = "/vsimem/maillage_sheet_" + std::to_string(counter++) + ".csv";
        VSILFILE* f = VSIFileFromMemBuffer(m_path.c_str(), reinterpret_cast<GByte*>(m_text.data()),
                                           static_cast<vsi_l_offset>(m_text.size()), FALSE);
        VSIFCloseL(f);
    }
    ~MemFile() { VSIUnlink(m_path.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_text;
    std::string m_path;
};

std::string lower_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

[[noreturn]] void fatal(const std::string& file, const std::string& message, core::Lang lang) {
    throw FatalError(core::render_error(file, message, lang));
}

std::string read_bytes(const std::string& path, core::Lang lang) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) fatal(path, std::string(core::message(Msg::FileNotFound, lang)), lang);
    if (std::filesystem::is_directory(path, ec))
        fatal(path, tr(lang, Msg::FileUnreadable, "directory"), lang);
    std::ifstream in(path, std::ios::binary);
    if (!in) fatal(path, tr(lang, Msg::FileUnreadable, std::strerror(errno)), lang);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Physical line number (1-based) at which each CSV record starts, header included, skipping
// blank lines as GDAL does. Quotes may span lines (RFC 4180).
std::vector<std::int64_t> record_start_lines(std::string_view text) {
    std::vector<std::int64_t> starts;
    std::int64_t line = 1;
    bool in_quotes = false;
    bool at_record_start = true;
    bool record_has_content = false;
    std::int64_t record_line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (at_record_start) {
            record_line = line;
            at_record_start = false;
            record_has_content = false;
        }
        if (c == '"') in_quotes = !in_quotes;
        if (c == '\n') {
            ++line;
            if (!in_quotes) {
                if (record_has_content) starts.push_back(record_line);
                at_record_start = true;
            }
            continue;
        }
        if (c != '\r') record_has_content = true;
    }
    if (!at_record_start && record_has_content) starts.push_back(record_line);
    return starts;
}

std::vector<std::string> split_header(std::string_view line, char sep) {
    std::vector<std::string> out(1);
    bool in_quotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (in_quotes && i + 1 < line.size() && line[i + 1] == '"') {
                out.back().push_back('"');
                ++i;
            } else {
                in_quotes = !in_quotes;
            }
        } else if (c == sep && !in_quotes) {
            out.emplace_back();
        } else {
            out.back().push_back(c);
        }
    }
    return out;
}

bool row_is_empty(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(),
                       [](const std::string& c) { return core::trim(c).empty(); });
}

void read_layer(OGRLayer& layer, TableInfo info, const std::vector<std::int64_t>* csv_lines,
                const std::function<void(const TableInfo&)>& on_table,
                const std::function<void(const Row&)>& on_row) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    const int nfields = defn->GetFieldCount();
    if (info.headers.empty()) {
        for (int i = 0; i < nfields; ++i) info.headers.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    }
    on_table(info);
    layer.ResetReading();
    Row row;
    std::size_t ordinal = 0; // CSV records read so far, header excluded
    for (auto& feature : layer) {
        ++ordinal;
        row.cells.assign(static_cast<std::size_t>(nfields), std::string());
        for (int i = 0; i < nfields; ++i) {
            if (feature->IsFieldSetAndNotNull(i))
                row.cells[static_cast<std::size_t>(i)] = feature->GetFieldAsString(i);
        }
        if (csv_lines != nullptr) {
            // record 0 is the header
            row.line = ordinal < csv_lines->size() ? (*csv_lines)[ordinal]
                                                   : static_cast<std::int64_t>(ordinal + 1);
        } else {
            // XLSX and ODS number features by spreadsheet row (the header is row 1).
            row.line = feature->GetFID();
        }
        if (row_is_empty(row.cells)) continue;
        on_row(row);
    }
}

void read_csv(const std::string& path, const ReadOptions& options, core::Lang lang,
              const std::function<void(const TableInfo&)>& on_table,
              const std::function<void(const Row&)>& on_row) {
    std::string text = read_bytes(path, lang);
    TableInfo info;
    info.file = path;
    info.source = path;
    bool bom = false;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
        bom = true;
    }
    Encoding enc = options.encoding;
    if (enc == Encoding::Auto) enc = core::is_utf8(text) ? Encoding::Utf8 : Encoding::Windows1252;
    if (enc == Encoding::Windows1252) {
        char* utf8 = CPLRecode(text.c_str(), "CP1252", CPL_ENC_UTF8);
        text = utf8;
        CPLFree(utf8);
        info.encoding = "windows-1252";
    } else {
        info.encoding = bom ? "utf-8 (BOM)" : "utf-8";
    }
    if (core::trim(text).empty()) fatal(path, std::string(core::message(Msg::FileNoTable, lang)), lang);

    const std::size_t eol = text.find('\n');
    std::string_view first_line(text.data(), eol == std::string::npos ? text.size() : eol);
    if (first_line.ends_with('\r')) first_line.remove_suffix(1);
    const char sep = guess_separator(first_line);
    info.separator = sep;
    info.headers = split_header(first_line, sep);
    for (auto& h : info.headers) h = std::string(core::trim(h));

    // Hand GDAL a copy whose header has every name quoted: its own guess then cannot be misled
    // by a ',' inside a ';' header (deps-probe.md G4), and the text is UTF-8 whatever the file was.
    std::string header;
    for (std::size_t i = 0; i < info.headers.size(); ++i) {
        if (i > 0) header.push_back(sep);
        header.push_back('"');
        for (char c : info.headers[i]) {
            if (c == '"') header.push_back('"');
            header.push_back(c);
        }
        header.push_back('"');
    }
    const auto lines = record_start_lines(text);
    info.rows_hint = lines.empty() ? 0 : lines.size() - 1;
    // In place, not a copy: the file can be large.
    if (eol == std::string::npos) text = header + "\n";
    else text.replace(0, eol, header);
    MemFile mem(std::move(text));

    QuietGdal quiet;
    const char* drivers[] = {"CSV", nullptr};
    const char* open_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO",
                                  "KEEP_GEOM_COLUMNS=YES", nullptr};
    DatasetPtr ds(GDALDataset::Open(mem.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                    open_options, nullptr));
    if (!ds || ds->GetLayerCount() < 1) fatal(path, tr(lang, Msg::FileUnreadable, CPLGetLastErrorMsg()), lang);
    OGRLayer* layer = ds->GetLayer(0);
    if (layer->GetLayerDefn()->GetFieldCount() != static_cast<int>(info.headers.size()))
        info.headers.clear(); // trust GDAL's own reading of the header
    read_layer(*layer, info, &lines, on_table, on_row);
}

void read_workbook(const std::string& path, const char* driver, const ReadOptions& options,
                   core::Lang lang, const std::function<void(const TableInfo&)>& on_table,
                   const std::function<void(const Row&)>& on_row) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) fatal(path, std::string(core::message(Msg::FileNotFound, lang)), lang);
    QuietGdal quiet;
    const char* drivers[] = {driver, nullptr};
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) {
        const std::string why = CPLGetLastErrorMsg();
        fatal(path, why.empty() ? tr(lang, Msg::FileNotAWorkbook, driver) : tr(lang, Msg::FileUnreadable, why), lang);
    }
    if (ds->GetLayerCount() == 0) fatal(path, std::string(core::message(Msg::FileNoTable, lang)), lang);
    std::vector<OGRLayer*> layers;
    std::string names;
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
        OGRLayer* layer = ds->GetLayer(i);
        if (!names.empty()) names += ", ";
        names += layer->GetName();
        if (!options.sheet || *options.sheet == layer->GetName()) layers.push_back(layer);
    }
    if (layers.empty()) fatal(path, tr(lang, Msg::SheetNotFound, options.sheet.value_or(""), names), lang);
    for (OGRLayer* layer : layers) {
        if (layer->GetLayerDefn()->GetFieldCount() == 0) continue; // an empty sheet
        TableInfo info;
        info.file = path;
        info.sheet = layer->GetName();
        info.source = path + "[" + info.sheet + "]";
        read_layer(*layer, info, nullptr, on_table, on_row);
    }
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view text) {
    const std::string f = core::fold(text);
    if (f == "auto") return Encoding::Auto;
    if (f == "utf 8" || f == "utf8") return Encoding::Utf8;
    if (f == "windows 1252" || f == "cp1252" || f == "latin 1" || f == "latin1" || f == "iso 8859 1" ||
        f == "iso8859 1" || f == "iso 8859 15")
        return Encoding::Windows1252;
    return std::nullopt;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec)) {
            out.push_back(path);
            continue;
        }
        // A project folder: the sheets its manifest names, not its registry or alias files.
        if (has_manifest(path)) {
            const Manifest manifest = read_manifest(path, core::Lang::Fr);
            for (const auto& group : manifest.sheets)
                for (auto& f : expand_sheets(manifest, group, core::Lang::Fr)) out.push_back(std::move(f));
            continue;
        }
        std::vector<std::string> found;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path, ec)) {
            if (!entry.is_regular_file()) continue;
            const std::string name = entry.path().filename().string();
            if (name.starts_with('.') || name.starts_with("~$")) continue;
            const std::string ext = lower_extension(name);
            if (ext == ".csv" || ext == ".tsv" || ext == ".txt" || ext == ".xlsx" || ext == ".ods")
                found.push_back(entry.path().string());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

char guess_separator(std::string_view first_line) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool in_quotes = false;
    for (char c : first_line) {
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes) continue;
        if (c == ',') ++comma;
        else if (c == ';') ++semicolon;
        else if (c == '\t') ++tab;
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

void read_tables(const std::string& path, const ReadOptions& options, core::Lang lang,
                 const std::function<void(const TableInfo&)>& on_table,
                 const std::function<void(const Row&)>& on_row) {
    detail::ensure_gdal();
    const std::string ext = lower_extension(path);
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
        read_csv(path, options, lang, on_table, on_row);
    } else if (ext == ".xlsx") {
        read_workbook(path, "XLSX", options, lang, on_table, on_row);
    } else if (ext == ".ods") {
        read_workbook(path, "ODS", options, lang, on_table, on_row);
    } else {
        fatal(path, tr(lang, Msg::FileUnknownFormat, ext.empty() ? std::string("-") : ext), lang);
    }
}

} // namespace maillage::ingest
