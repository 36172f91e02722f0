#include "maillage/ingest/table.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <regex>
#include <set>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_minixml.h>
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

// A file that is not there, or a folder, refused by name.
void check_file(const std::string& path, core::Lang lang) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) fatal(path, std::string(core::message(Msg::FileNotFound, lang)), lang);
    if (std::filesystem::is_directory(path, ec))
        fatal(path, std::string(core::message(Msg::FileIsFolder, lang)), lang);
}

std::string read_bytes(const std::string& path, core::Lang lang) {
    check_file(path, lang);
    std::ifstream in(path, std::ios::binary);
    if (!in) fatal(path, tr(lang, Msg::FileUnreadable, std::strerror(errno)), lang);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

core::SourceLocation at(const std::string& file, std::int64_t line, std::size_t cell,
                        const std::vector<std::string>& headers) {
    core::SourceLocation loc{file, line, static_cast<int>(cell) + 1, {}};
    if (cell < headers.size()) loc.field = headers[cell];
    return loc;
}

[[noreturn]] void fatal_at(const core::SourceLocation& where, std::string message, core::Lang lang) {
    throw FatalError(core::render({core::Severity::Error, where, std::move(message)}, lang));
}

bool row_is_empty(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return core::trim(c).empty(); });
}

// What every table's rows must fit, CSV or workbook: no value outside a named column, and a
// header row met again is either the same (two tables put end to end: skipped, with a warning
// the caller gives) or refused (its columns in another order would be read as the first's).
class TableShape {
public:
    explicit TableShape(const TableInfo& info) : m_info(info) {
        for (std::size_t i = 0; i < info.headers.size(); ++i) {
            const std::string& h = info.headers[i];
            // GDAL names an empty header cell of a workbook FieldN, N its column
            m_unnamed.push_back(core::trim(h).empty() || h == "Field" + std::to_string(i + 1));
            m_header_folds.push_back(m_unnamed.back() ? std::string() : core::fold(h));
            if (!m_unnamed.back()) {
                m_folded.insert(m_header_folds.back());
                ++m_named;
                m_longest = std::max(m_longest, m_header_folds.back().size());
            }
        }
        const std::size_t k = m_folded.size();
        m_needed = std::min(k, std::max<std::size_t>(2, (k + 1) / 2));
    }

    /// Pads a short row, checks cells beyond the header and under unnamed columns (a value there
    /// is an error at its cell), and marks a repeated header row.
    void check(Row& row, core::Lang lang) const {
        const std::size_t n = m_info.headers.size();
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            if (i < n && !m_unnamed[i]) continue;
            const std::string_view value = core::trim(row.cells[i]);
            if (value.empty()) continue;
            core::SourceLocation where{m_info.source, row.line, static_cast<int>(i) + 1, {}};
            fatal_at(where, tr(lang, Msg::CellWithoutHeader, shorten(value), i + 1), lang);
        }
        row.cells.resize(n);
        row.repeated_header = false;
        // A header row met again: its cells fold to the header's names. Most rows have a value
        // that folds to no name in their first cells: once too few cells are left to make a
        // header row (the rules below), the rest are not folded.
        std::size_t same_place = 0, elsewhere = 0, misses = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (m_unnamed[i]) continue;
            if (m_needed > 0 && misses > m_named - m_needed) return;
            switch (match(row.cells[i], i)) {
            case Match::SamePlace: ++same_place; break;
            case Match::Elsewhere: ++elsewhere; break;
            case Match::None: ++misses; break;
            }
        }
        if (same_place == m_folded.size() && elsewhere == 0) {
            row.repeated_header = true;
        } else if (same_place + elsewhere >= std::max<std::size_t>(2, (m_folded.size() + 1) / 2) && elsewhere > 0) {
            fatal_at({m_info.source, row.line, 0, {}}, std::string(core::message(Msg::RowHeaderReordered, lang)), lang);
        }
    }

private:
    enum class Match { None, SamePlace, Elsewhere };

    // What core::fold(cell) is among the folded header names. An ASCII cell is folded here
    // (core::fold's ASCII rule) and given up as soon as it is longer than every name.
    Match match(const std::string& cell, std::size_t column) const {
        // the same value as the row before in this column (a territory, a session, a date...):
        // the same answer
        if (m_last_known[column] && m_last_cell[column] == cell) return m_last_match[column];
        const Match m = fold_match(cell, column);
        m_last_cell[column] = cell;
        m_last_match[column] = m;
        m_last_known[column] = true;
        return m;
    }

    Match fold_match(const std::string& cell, std::size_t column) const {
        char folded[64];
        std::size_t length = 0;
        bool ascii = m_longest < sizeof folded, longer = false, pending_space = false;
        for (std::size_t k = 0; k < cell.size() && ascii && !longer; ++k) {
            auto c = static_cast<unsigned char>(cell[k]);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                pending_space = length > 0;
                continue;
            }
            if (length + (pending_space ? 2 : 1) > m_longest) {
                longer = true;
                break;
            }
            if (pending_space) folded[length++] = ' ';
            pending_space = false;
            folded[length++] = static_cast<char>(c);
        }
        if (longer) // too long for a name, unless ICU's transliteration is asked by a byte further on
            ascii = std::all_of(cell.begin(), cell.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        std::string slow;
        std::string_view f;
        if (!ascii) {
            // ICU's transliteration (core::fold) keeps the ASCII letters and digits of a text, in
            // their order: a cell whose ones are no subsequence of a name cannot fold to it
            // (tests/unit/core/text_test.cpp holds fold to that). Most such cells are names.
            if (!could_fold_to_a_name(cell)) return Match::None;
            slow = core::fold(cell);
            f = slow;
        } else if (longer) {
            return Match::None;
        } else {
            f = std::string_view(folded, length);
        }
        if (f.empty()) return Match::None;
        if (f == m_header_folds[column]) return Match::SamePlace;
        return m_folded.contains(f) ? Match::Elsewhere : Match::None;
    }

    bool could_fold_to_a_name(std::string_view cell) const {
        std::string kept;
        for (char c : cell) {
            if (c >= 'A' && c <= 'Z') kept.push_back(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) kept.push_back(c);
        }
        return std::any_of(m_folded.begin(), m_folded.end(), [&](const std::string& name) {
            std::size_t at = 0;
            for (char c : name)
                if (at < kept.size() && c == kept[at]) ++at;
            return at == kept.size();
        });
    }

    static std::string shorten(std::string_view value) {
        if (value.size() <= 60) return std::string(value);
        std::size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
        return std::string(value.substr(0, cut)) + "…";
    }

    const TableInfo& m_info;
    std::vector<bool> m_unnamed;
    std::vector<std::string> m_header_folds; ///< each named header folded
    std::set<std::string, std::less<>> m_folded;
    std::size_t m_named = 0;   ///< named columns
    std::size_t m_longest = 0; ///< the longest folded name
    std::size_t m_needed = 0;  ///< the fewest matching cells that make a header row (repeated or reordered)
    // each column's last cell and what it folded to (one thread reads a table)
    mutable std::vector<std::string> m_last_cell = std::vector<std::string>(m_info.headers.size());
    mutable std::vector<Match> m_last_match = std::vector<Match>(m_info.headers.size(), Match::None);
    mutable std::vector<bool> m_last_known = std::vector<bool>(m_info.headers.size(), false);
};

// ---- CSV, read strictly --------------------------------------------------------------------
// maillage reads CSV itself rather than through GDAL's CSV driver: that driver recovers from
// what it cannot read (a stray quote swallows the rows after it into one cell, cells beyond the
// header are dropped, a bad byte switches the encoding) and says nothing, where a coordinator's
// file must go in whole and exactly or be refused at the line and cell where reading broke.

std::string hex_byte(unsigned char c) {
    static constexpr char digits[] = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

// The line (1-based) and the cell (0-based, counted by separators outside quotes) of byte
// `offset` of the text: where an encoding problem is shown.
std::pair<std::int64_t, std::size_t> line_and_cell(std::string_view text, std::size_t offset, char sep) {
    std::int64_t line = 1;
    std::size_t cell = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (c == '\n') {
            ++line;
            if (!quoted) cell = 0;
        } else if (c == sep && !quoted) ++cell;
    }
    return {line, cell};
}

// Length of the valid UTF-8 sequence at text[i], or 0 when the bytes there are not one.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) extra = 1;
    else if (c >= 0xE0 && c <= 0xEF) extra = 2;
    else if (c >= 0xF0 && c <= 0xF4) extra = 3;
    else return 0;
    if (i + extra >= text.size()) return 0;
    for (std::size_t k = 1; k <= extra; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
    const auto c1 = static_cast<unsigned char>(text[i + 1]);
    // overlong three- and four-byte forms, UTF-16 surrogates, beyond U+10FFFF
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
        return 0;
    return extra + 1;
}

// UTF-16 text (after its BOM) as UTF-8; nullopt-like: the offset of the first bad unit.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian, std::size_t& bad_at) {
    bad_at = std::string::npos;
    std::string out;
    out.reserve(bytes.size() / 2 * 3 / 2);
    auto unit = [&](std::size_t i) -> unsigned {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? (a | (b << 8U)) : ((a << 8U) | b);
    };
    if (bytes.size() % 2 != 0) {
        bad_at = bytes.size() - 1;
        return out;
    }
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        unsigned cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF) {
                bad_at = i;
                return out;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10U) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            bad_at = i;
            return out;
        }
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6U)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3FU)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12U)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3FU)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18U)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12U) & 0x3FU)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6U) & 0x3FU)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3FU)));
        }
    }
    return out;
}

char first_line_separator(std::string_view text) {
    const std::size_t eol = text.find_first_of("\r\n");
    return guess_separator(text.substr(0, eol == std::string_view::npos ? text.size() : eol));
}

// Decides the text's encoding on evidence and returns it as UTF-8; a byte that does not fit is
// an error at its line and cell. A UTF-8 or UTF-16 byte order mark settles it; without one,
// valid UTF-8 is UTF-8, text with no UTF-8 sequence at all is Windows-1252, and a mix of both
// is refused (one program wrote part of it, another the rest).
std::string decode_text(std::string text, const std::string& path, Encoding wanted, TableInfo& info, core::Lang lang) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        const bool le = text[0] == '\xFF';
        std::size_t bad = 0;
        std::string utf8 = utf16_to_utf8(std::string_view(text).substr(2), le, bad);
        if (bad != std::string::npos) {
            const auto [line, cell] = line_and_cell(utf8, utf8.size(), first_line_separator(utf8));
            fatal_at({path, line, static_cast<int>(cell) + 1, {}}, tr(lang, Msg::EncodingBadUtf16, bad + 2), lang);
        }
        info.encoding = le ? "utf-16le (BOM)" : "utf-16be (BOM)";
        text = std::move(utf8);
        if (const auto nul = text.find('\0'); nul != std::string::npos)
            fatal(path, tr(lang, Msg::FileBinary, nul), lang);
        return text;
    }
    if (text.starts_with("PK\x03\x04")) {
        // a workbook saved or renamed with a text extension: say which, by what the zip holds
        const bool ods = text.find("application/vnd.oasis.opendocument.spreadsheet") != std::string::npos;
        const std::string ext = lower_extension(path);
        fatal(path, tr(lang, Msg::FileWorkbookAsCsv, ods ? "ODS" : "XLSX", ext, ods ? "ods" : "xlsx"), lang);
    }
    if (const auto nul = text.find('\0'); nul != std::string::npos) fatal(path, tr(lang, Msg::FileBinary, nul), lang);
    bool bom = false;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
        bom = true;
    }
    const char sep = first_line_separator(text);
    auto fail = [&](std::size_t offset, Msg key, std::string extra = {}) {
        const auto [line, cell] = line_and_cell(text, offset, sep);
        const std::string byte = hex_byte(static_cast<unsigned char>(text[offset]));
        fatal_at({path, line, static_cast<int>(cell) + 1, {}},
                 extra.empty() ? tr(lang, key, byte) : tr(lang, key, byte, extra), lang);
    };
    if (bom || wanted == Encoding::Utf8 || wanted == Encoding::Auto) {
        std::size_t first_bad = std::string::npos;
        bool has_multibyte = false;
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t n = utf8_sequence(text, i);
            if (n == 0) {
                first_bad = i;
                break;
            }
            if (n > 1) has_multibyte = true;
            i += n;
        }
        if (first_bad == std::string::npos) {
            info.encoding = bom ? "utf-8 (BOM)" : "utf-8";
            return text;
        }
        if (bom) fail(first_bad, Msg::EncodingBadUtf8, "BOM");
        if (wanted == Encoding::Utf8) fail(first_bad, Msg::EncodingBadUtf8, "--encoding utf-8");
        if (has_multibyte) fail(first_bad, Msg::EncodingMixed);
    }
    // Windows-1252: five bytes have no character in it
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) fail(i, Msg::EncodingUndefinedCp1252);
    }
    char* utf8 = CPLRecode(text.c_str(), "CP1252", CPL_ENC_UTF8);
    text = utf8;
    CPLFree(utf8);
    info.encoding = "windows-1252";
    return text;
}

// Where CsvRecords reads its text from when it is not all in memory: a file, a chunk at a time.
class CsvSource {
public:
    virtual ~CsvSource() = default;
    CsvSource() = default;
    CsvSource(const CsvSource&) = delete;
    CsvSource& operator=(const CsvSource&) = delete;
    /// Up to `room` more bytes into `out`; how many (0 at the end).
    virtual std::size_t read(char* out, std::size_t room) = 0;
};

// One CSV record at a time, RFC 4180 quoting, any of "\n", "\r\n" or "\r" ending a line. The
// text is either all in memory or read from a CsvSource a chunk at a time (a record may span
// chunks; the chunk in hand then grows to hold it): a sheet of 1.5 GB is read in a few MB.
class CsvRecords {
public:
    CsvRecords(std::string_view text, char sep, const std::string& file, core::Lang lang)
        : m_data(text.data()), m_end(text.size()), m_sep(sep), m_file(file), m_lang(lang) {
        init_stops();
    }
    /// The text from `source`, beginning with `start` (bytes already read from it).
    CsvRecords(CsvSource& source, std::string start, char sep, const std::string& file, core::Lang lang,
               std::size_t chunk = std::size_t{1} << 20)
        : m_buffer(std::move(start)), m_source(&source), m_chunk(std::max<std::size_t>(chunk, 1)), m_sep(sep), m_file(file),
          m_lang(lang) {
        m_data = m_buffer.data();
        m_end = m_buffer.size();
        init_stops();
    }

    /// The header's names, for locating later problems, and how many separators on one line of
    /// a quoted cell make that line a whole row of the table (a stray quote swallowing rows).
    void set_headers(const std::vector<std::string>& headers) {
        m_headers = &headers;
        m_row_separators = std::max<std::size_t>(2, headers.size() / 2);
    }

    /// The next non-blank record into cells (their strings reused), its first line into line;
    /// false at the end.
    bool next(std::vector<std::string>& cells, std::int64_t& line) {
        while (m_pos < m_end || more()) {
            std::size_t n = 0;
            new_cell(cells, n);
            line = m_line;
            const bool any = read_record(cells, n);
            cells.resize(n);
            if (any) return true;
        }
        return false;
    }

private:
    void init_stops() {
        m_stop.fill(false);
        m_stop[static_cast<unsigned char>(m_sep)] = m_stop['\n'] = m_stop['\r'] = true;
        m_quoted_stop = m_stop;
        m_quoted_stop['"'] = true;
    }

    const std::vector<std::string>& headers() const {
        static const std::vector<std::string> none;
        return m_headers != nullptr ? *m_headers : none;
    }

    static void new_cell(std::vector<std::string>& cells, std::size_t& n) {
        if (n < cells.size()) cells[n].clear();
        else cells.emplace_back();
        ++n;
    }

    // More text after m_end, keeping what is from m_pos on (earlier bytes are consumed: the
    // cells hold copies); false at the end of the text.
    bool more() {
        if (m_source == nullptr || m_at_end) return false;
        if (m_pos > 0) {
            std::memmove(m_buffer.data(), m_buffer.data() + m_pos, m_end - m_pos);
            m_end -= m_pos;
            m_pos = 0;
        }
        if (m_buffer.size() < m_end + m_chunk) m_buffer.resize(m_end + m_chunk);
        const std::size_t got = m_source->read(m_buffer.data() + m_end, m_buffer.size() - m_end);
        m_data = m_buffer.data();
        if (got == 0) {
            m_at_end = true;
            return false;
        }
        m_end += got;
        return true;
    }

    // Whether the byte k after the current one is there (reading more when needed).
    bool has(std::size_t k) {
        while (m_pos + k >= m_end)
            if (!more()) return false;
        return true;
    }

    // Reads up to the end of a line outside quotes; false for a blank line.
    bool read_record(std::vector<std::string>& cells, std::size_t& n) {
        bool any = false;
        bool cell_start = true;
        for (;;) {
            if (m_pos >= m_end && !more()) return any;
            const char c = m_data[m_pos];
            if (cell_start && c == '"') {
                read_quoted(cells[n - 1], n - 1);
                any = true;
                cell_start = false;
                continue;
            }
            if (c == m_sep) {
                new_cell(cells, n);
                cell_start = true;
                any = true;
                ++m_pos;
                continue;
            }
            if (c == '\n' || c == '\r') {
                ++m_pos;
                if (c == '\r' && has(0) && m_data[m_pos] == '\n') ++m_pos;
                ++m_line;
                return any;
            }
            // the bytes up to the next separator or line end, at once (a quote inside an
            // unquoted cell is one of them)
            std::size_t run = m_pos + 1;
            while (run < m_end && !m_stop[static_cast<unsigned char>(m_data[run])]) ++run;
            cells[n - 1].append(m_data + m_pos, run - m_pos);
            m_pos = run;
            any = true;
            cell_start = false;
        }
    }

    void read_quoted(std::string& out, std::size_t open_cell) {
        const std::int64_t open_line = m_line;
        std::size_t separators_on_line = 0, swallowed = 0;
        ++m_pos;
        for (;;) {
            if (m_pos >= m_end && !more())
                fatal_at(at(m_file, open_line, open_cell, headers()), std::string(core::message(Msg::CsvUnclosedQuote, m_lang)),
                         m_lang);
            const char c = m_data[m_pos];
            if (c == '"') {
                if (has(1) && m_data[m_pos + 1] == '"') {
                    out.push_back('"');
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (c == '\n' || (c == '\r' && (!has(1) || m_data[m_pos + 1] != '\n'))) {
                if (separators_on_line >= m_row_separators) ++swallowed;
                separators_on_line = 0;
                ++m_line;
            } else if (c == m_sep) {
                ++separators_on_line;
            }
            out.push_back(c);
            ++m_pos;
            std::size_t run = m_pos;
            while (run < m_end && !m_quoted_stop[static_cast<unsigned char>(m_data[run])]) ++run;
            out.append(m_data + m_pos, run - m_pos);
            m_pos = run;
        }
        if (separators_on_line >= m_row_separators && m_line > open_line) ++swallowed;
        // A line break inside quotes is allowed (an address on two lines); whole rows are not.
        if (swallowed > 0)
            fatal_at(at(m_file, open_line, open_cell, headers()), tr(m_lang, Msg::CsvStrayQuote, m_line, swallowed), m_lang);
        // after the closing quote: spaces, then the end of the cell
        while (has(0) && (m_data[m_pos] == ' ' || (m_data[m_pos] == '\t' && m_sep != '\t'))) ++m_pos;
        if (has(0) && m_data[m_pos] != m_sep && m_data[m_pos] != '\n' && m_data[m_pos] != '\r') {
            (void)has(40); // the text shown, when there is that much
            std::size_t end = m_pos;
            while (end < m_end && end - m_pos < 40 && m_data[end] != m_sep && m_data[end] != '\n' && m_data[end] != '\r')
                ++end;
            if (swallowed == 0 && m_line > open_line)
                fatal_at(at(m_file, open_line, open_cell, headers()),
                         tr(m_lang, Msg::CsvStrayQuote, m_line, m_line - open_line), m_lang);
            fatal_at(at(m_file, m_line, open_cell, headers()),
                     tr(m_lang, Msg::CsvTextAfterQuote, std::string(m_data + m_pos, end - m_pos)), m_lang);
        }
    }

    std::string m_buffer;            // the chunk in hand (a source's text)
    CsvSource* m_source = nullptr;   // null: the whole text is in memory
    std::size_t m_chunk = 0;
    bool m_at_end = false;
    const char* m_data = nullptr;
    std::size_t m_pos = 0, m_end = 0; // the text not yet read: m_data[m_pos, m_end)
    char m_sep;
    std::array<bool, 256> m_stop{};        // ends an unquoted run: the separator, a line end
    std::array<bool, 256> m_quoted_stop{}; // ends a quoted run: those and the quote
    const std::string& m_file;
    core::Lang m_lang;
    const std::vector<std::string>* m_headers = nullptr;
    std::size_t m_row_separators = 2;
    std::int64_t m_line = 1;
};

// A file read a chunk at a time.
class FileSource final : public CsvSource {
public:
    FileSource(const std::string& path, core::Lang lang) : m_path(path), m_lang(lang) {
        m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) fatal(path, tr(lang, Msg::FileUnreadable, std::strerror(errno)), lang);
    }
    ~FileSource() override { ::close(m_fd); }
    std::size_t read(char* out, std::size_t room) override {
        for (;;) {
            const ssize_t got = ::read(m_fd, out, room);
            if (got >= 0) return static_cast<std::size_t>(got);
            if (errno != EINTR) fatal(m_path, tr(m_lang, Msg::FileUnreadable, std::strerror(errno)), m_lang);
        }
    }
    /// Reads `n` bytes into nothing (a byte order mark).
    void skip(std::size_t n) {
        char sink[8];
        while (n > 0) {
            const std::size_t got = read(sink, std::min(n, sizeof sink));
            if (got == 0) return;
            n -= got;
        }
    }

private:
    std::string m_path;
    core::Lang m_lang;
    int m_fd = -1;
};

// Valid UTF-8 (as utf8_sequence has it), checked a chunk at a time: a sequence may span chunks.
class Utf8Check {
public:
    void feed(const unsigned char* p, std::size_t n) {
        std::size_t i = 0;
        while (i < n && m_ok) {
            if (m_need == 0) {
                // ASCII eight bytes at a time
                while (i + 8 <= n) {
                    std::uint64_t word = 0;
                    std::memcpy(&word, p + i, 8);
                    if ((word & 0x8080808080808080ULL) != 0) break;
                    i += 8;
                }
                if (i >= n) break;
                const unsigned c = p[i++];
                if (c < 0x80) continue;
                if (c >= 0xC2 && c <= 0xDF) m_need = 1;
                else if (c >= 0xE0 && c <= 0xEF) m_need = 2;
                else if (c >= 0xF0 && c <= 0xF4) m_need = 3;
                else m_ok = false;
                m_lead = c;
                m_second = true;
                continue;
            }
            const unsigned c = p[i++];
            if ((c & 0xC0) != 0x80) {
                m_ok = false;
                break;
            }
            // overlong three- and four-byte forms, UTF-16 surrogates, beyond U+10FFFF
            if (m_second && ((m_lead == 0xE0 && c < 0xA0) || (m_lead == 0xED && c >= 0xA0) || (m_lead == 0xF0 && c < 0x90) ||
                             (m_lead == 0xF4 && c >= 0x90))) {
                m_ok = false;
                break;
            }
            m_second = false;
            --m_need;
        }
    }
    [[nodiscard]] bool ok() const { return m_ok; }                    ///< no bad byte so far
    [[nodiscard]] bool valid() const { return m_ok && m_need == 0; } ///< and no sequence cut at the end

private:
    bool m_ok = true, m_second = false;
    unsigned m_need = 0, m_lead = 0;
};

// What one read of a CSV file tells before its rows are read: whether it can be read as it
// streams (UTF-8 throughout, with or without its byte order mark, no NUL byte, something
// besides spaces, no UTF-16 or workbook signature, no Windows-1252 asked for), and then its
// first line (the separator's evidence) and its number of line ends. A file that is not is
// read whole by read_csv (decode_text: its errors, its conversions), as it always was.
struct CsvPrescan {
    bool streamable = false;
    bool bom = false;
    std::string first_line;
    std::size_t newlines = 0;
};

CsvPrescan prescan_csv(const std::string& path, Encoding wanted, std::size_t chunk_size, core::Lang lang) {
    CsvPrescan scan;
    if (wanted == Encoding::Windows1252) return scan;
    FileSource in(path, lang);
    std::vector<unsigned char> chunk(std::max<std::size_t>(chunk_size, 4));
    Utf8Check utf8;
    bool first = true, line_done = false, text = false;
    for (;;) {
        std::size_t n = in.read(reinterpret_cast<char*>(chunk.data()), chunk.size());
        if (n == 0) break;
        const unsigned char* p = chunk.data();
        if (first) {
            first = false;
            // the signatures are read in the first bytes: a file shorter than a chunk's first read
            // is read whole by read()'s contract for regular files
            while (n < 4) {
                const std::size_t more = in.read(reinterpret_cast<char*>(chunk.data()) + n, chunk.size() - n);
                if (more == 0) break;
                n += more;
            }
            const std::string_view head(reinterpret_cast<const char*>(p), std::min<std::size_t>(n, 4));
            if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || head.starts_with("PK\x03\x04")) return scan;
            if (head.starts_with("\xEF\xBB\xBF")) {
                scan.bom = true;
                p += 3;
                n -= 3;
            }
        }
        if (std::memchr(p, 0, n) != nullptr) return scan;
        utf8.feed(p, n);
        if (!utf8.ok()) return scan;
        if (!line_done) {
            const auto* end = p;
            while (end < p + n && *end != '\n' && *end != '\r') ++end;
            scan.first_line.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
            line_done = end < p + n;
        }
        if (!text)
            for (std::size_t i = 0; i < n && !text; ++i) {
                const unsigned char c = p[i];
                // the bytes of the spaces core::trim takes away (NBSP, NNBSP included)
                text = !(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == 0xC2 || c == 0xA0 ||
                         c == 0xE2 || c == 0x80 || c == 0xAF);
            }
        scan.newlines += static_cast<std::size_t>(std::count(p, p + n, static_cast<unsigned char>('\n')));
    }
    scan.streamable = utf8.valid() && text;
    return scan;
}

// The rows of a CSV table whose text `records` reads, the encoding and separator known.
void read_records(CsvRecords& records, TableInfo& info, std::size_t line_ends, core::Lang lang,
                  const std::function<void(const TableInfo&)>& on_table, const std::function<void(const Row&)>& on_row) {
    std::vector<std::string> cells;
    std::int64_t line = 0;
    if (!records.next(cells, line)) fatal(info.file, std::string(core::message(Msg::FileNoTable, lang)), lang);
    for (auto& h : cells) info.headers.emplace_back(core::trim(h));
    records.set_headers(info.headers);
    // a cheap upper bound for reserving room: the number of line ends
    info.rows_hint = line_ends;
    const TableShape shape(info);
    on_table(info);
    Row row;
    while (records.next(row.cells, row.line)) {
        shape.check(row, lang);
        if (row_is_empty(row.cells)) continue;
        on_row(row);
    }
}

// CSV bytes in memory: decoded whole (decode_text), then read.
void read_csv(std::string bytes, const std::string& path, const ReadOptions& options, core::Lang lang,
              const std::function<void(const TableInfo&)>& on_table,
              const std::function<void(const Row&)>& on_row) {
    TableInfo info;
    info.file = path;
    info.source = path;
    const std::string text = decode_text(std::move(bytes), path, options.encoding, info, lang);
    if (core::trim(text).empty()) fatal(path, std::string(core::message(Msg::FileNoTable, lang)), lang);
    info.separator = first_line_separator(text);
    CsvRecords records(text, info.separator, path, lang);
    read_records(records, info, static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), lang, on_table, on_row);
}

} // namespace

void read_csv_file(const std::string& path, std::size_t chunk, const ReadOptions& options, core::Lang lang,
                   const std::function<void(const TableInfo&)>& on_table,
                   const std::function<void(const Row&)>& on_row) {
    detail::ensure_gdal(); // CPLRecode for Windows-1252
    check_file(path, lang);
    const CsvPrescan scan = prescan_csv(path, options.encoding, chunk, lang);
    if (!scan.streamable) {
        read_csv(read_bytes(path, lang), path, options, lang, on_table, on_row);
        return;
    }
    TableInfo info;
    info.file = path;
    info.source = path;
    info.encoding = scan.bom ? "utf-8 (BOM)" : "utf-8";
    info.separator = guess_separator(scan.first_line);
    FileSource in(path, lang);
    if (scan.bom) in.skip(3);
    CsvRecords records(in, {}, info.separator, path, lang, chunk);
    read_records(records, info, scan.newlines, lang, on_table, on_row);
}

namespace {

// Every message GDAL gives while it reads a workbook, kept rather than printed: a workbook
// that GDAL could not read to its end (cut XML, a garbage row, cells beyond column 2000) still
// yields the rows before the break, so any error or warning refuses the file.
class GdalMessages {
public:
    GdalMessages() {
        CPLPushErrorHandlerEx(&GdalMessages::handle, this);
        CPLErrorReset();
    }
    ~GdalMessages() { CPLPopErrorHandler(); }
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;
    [[nodiscard]] bool any() const { return !m_messages.empty(); }
    [[nodiscard]] const std::string& first() const { return m_messages.front(); }
    [[nodiscard]] bool mentions(std::string_view text) const {
        return std::any_of(m_messages.begin(), m_messages.end(),
                           [&](const std::string& m) { return m.find(text) != std::string::npos; });
    }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum /*number*/, const char* message) {
        if (level != CE_Warning && level != CE_Failure && level != CE_Fatal) return;
        auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
        if (self != nullptr && self->m_messages.size() < 16) self->m_messages.emplace_back(message != nullptr ? message : "");
    }
    std::vector<std::string> m_messages;
};

// GDAL's XML message without the file path it names ("/vsizip/{...}/xl/worksheets/sheet1.xml"):
// what went wrong and where in the XML, for the coordinator's error message.
std::string xml_reason(const std::string& message) {
    const auto failed = message.find("failed : ");
    std::string reason = failed == std::string::npos ? message : "XML : " + message.substr(failed + 9);
    // GDAL's source location ("(In file ./port/cpl_vsil_gzip.cpp, at line 1121, ...") means
    // nothing to a coordinator: keep what follows it
    static const std::regex source_place(R"(\(?In file [^,]*, at line [0-9]+,? ?)");
    reason = std::regex_replace(reason, source_place, "");
    if (reason.ends_with(")") && reason.find('(') == std::string::npos) reason.pop_back();
    return reason;
}

// The first worksheet part an XLSX file's workbook names (xl/_rels/workbook.xml.rels) that the
// zip does not hold: GDAL reads a missing sheet as an empty one.
std::optional<std::string> missing_xlsx_part(const std::string& path) {
    const std::string root = "/vsizip/{" + path + "}/";
    CPLXMLNode* rels = CPLParseXMLFile((root + "xl/_rels/workbook.xml.rels").c_str());
    if (rels == nullptr) return std::string("xl/_rels/workbook.xml.rels");
    std::optional<std::string> missing;
    const CPLXMLNode* list = CPLGetXMLNode(rels, "=Relationships");
    for (const CPLXMLNode* n = list != nullptr ? list->psChild : nullptr; n != nullptr && !missing; n = n->psNext) {
        if (n->eType != CXT_Element || std::string_view(n->pszValue) != "Relationship") continue;
        const std::string type = CPLGetXMLValue(n, "Type", "");
        if (!type.ends_with("/worksheet")) continue;
        std::string target = CPLGetXMLValue(n, "Target", "");
        target = target.starts_with('/') ? target.substr(1) : "xl/" + target;
        VSIStatBufL stat;
        if (VSIStatL((root + target).c_str(), &stat) != 0) missing = target;
    }
    CPLDestroyXMLNode(rels);
    return missing;
}

void read_workbook(const std::string& path, const char* driver, const ReadOptions& options,
                   core::Lang lang, const std::function<void(const TableInfo&)>& on_table,
                   const std::function<void(const Row&)>& on_row) {
    // through GDAL's virtual file system, as GDAL opens it: a /vsimem/ workbook too
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0) fatal(path, std::string(core::message(Msg::FileNotFound, lang)), lang);
    std::string head(4, '\0');
    {
        VSILFILE* in = VSIFOpenL(path.c_str(), "rb");
        if (in == nullptr) fatal(path, tr(lang, Msg::FileUnreadable, std::strerror(errno)), lang);
        head.resize(VSIFReadL(head.data(), 1, head.size(), in));
        VSIFCloseL(in);
    }
    GdalMessages messages;
    const char* drivers[] = {driver, nullptr};
    DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) fatal(path, tr(lang, head == "PK\x03\x04" ? Msg::WorkbookCut : Msg::FileNotAWorkbook, driver), lang);
    if (std::string_view(driver) == "XLSX")
        if (const auto part = missing_xlsx_part(path)) fatal(path, tr(lang, Msg::WorkbookMissingSheet, *part), lang);
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
    bool any_table = false;
    for (OGRLayer* layer : layers) {
        const std::string sheet = layer->GetName();
        std::int64_t last_row = 1;
        auto refuse_if_damaged = [&] {
            if (!messages.any()) return;
            if (messages.mentions("columns to 2000") || messages.mentions("fields supported is 2000"))
                fatal(path, tr(lang, Msg::WorkbookTooWide, sheet), lang);
            fatal(path, tr(lang, Msg::WorkbookDamaged, sheet, xml_reason(messages.first()), last_row), lang);
        };
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        if (messages.any()) {
            // GDAL read the sheet when asked for its columns: the last row it could read
            for (auto& feature : *layer) last_row = std::max<std::int64_t>(last_row, feature->GetFID());
            refuse_if_damaged();
        }
        const int nfields = defn->GetFieldCount();
        if (nfields == 0) continue; // an empty sheet
        any_table = true;
        TableInfo info;
        info.file = path;
        info.sheet = sheet;
        info.source = path + "[" + info.sheet + "]";
        for (int i = 0; i < nfields; ++i) info.headers.emplace_back(core::trim(defn->GetFieldDefn(i)->GetNameRef()));
        const TableShape shape(info);
        on_table(info);
        layer->ResetReading();
        Row row;
        for (auto& feature : *layer) {
            row.cells.assign(static_cast<std::size_t>(nfields), std::string());
            for (int i = 0; i < nfields; ++i)
                if (feature->IsFieldSetAndNotNull(i)) row.cells[static_cast<std::size_t>(i)] = feature->GetFieldAsString(i);
            // XLSX and ODS number features by spreadsheet row (the header is row 1).
            row.line = feature->GetFID();
            shape.check(row, lang);
            last_row = row.line;
            if (row_is_empty(row.cells)) continue;
            on_row(row);
        }
        refuse_if_damaged();
    }
    if (!any_table) fatal(path, std::string(core::message(Msg::WorkbookNoReadableSheet, lang)), lang);
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

void read_csv_bytes(std::string bytes, const std::string& name, const ReadOptions& options, core::Lang lang,
                    const std::function<void(const TableInfo&)>& on_table,
                    const std::function<void(const Row&)>& on_row) {
    detail::ensure_gdal(); // CPLRecode for Windows-1252
    read_csv(std::move(bytes), name, options, lang, on_table, on_row);
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
        read_csv_file(path, std::size_t{1} << 20, options, lang, on_table, on_row);
    } else if (ext == ".xlsx") {
        read_workbook(path, "XLSX", options, lang, on_table, on_row);
    } else if (ext == ".ods") {
        read_workbook(path, "ODS", options, lang, on_table, on_row);
    } else {
        fatal(path, tr(lang, Msg::FileUnknownFormat, ext.empty() ? std::string("-") : ext), lang);
    }
}

} // namespace maillage::ingest
