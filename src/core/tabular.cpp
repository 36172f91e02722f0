#include "maillage/core/tabular.hpp"

#include <algorithm>

#include "maillage/core/text.hpp"

namespace maillage::core {

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> aligns)
    : m_headers(std::move(headers)), m_aligns(std::move(aligns)) {
    m_aligns.resize(m_headers.size(), Align::Left);
}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::str() const {
    std::vector<std::size_t> widths(m_headers.size());
    for (std::size_t c = 0; c < m_headers.size(); ++c) {
        widths[c] = display_width(m_headers[c]);
        for (const auto& row : m_rows) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::size_t pad = widths[c] - display_width(cells[c]);
            if (c > 0) out += "  ";
            if (m_aligns[c] == Align::Right) out += std::string(pad, ' ') + cells[c];
            else if (c + 1 < cells.size()) out += cells[c] + std::string(pad, ' ');
            else out += cells[c];
        }
        out += '\n';
        return out;
    };
    std::string out = line(m_headers);
    for (const auto& row : m_rows) out += line(row);
    return out;
}

namespace {

/// A number as maillage writes one in CSV: optional sign, digits, one '.' or ',' decimal
/// separator, an optional exponent ("-0.42", "-0,42", "1e-06").
bool is_number(std::string_view f) {
    std::size_t i = 0;
    if (i < f.size() && (f[i] == '-' || f[i] == '+')) ++i;
    bool digits = false, separator = false;
    for (; i < f.size(); ++i) {
        const char c = f[i];
        if (c >= '0' && c <= '9') digits = true;
        else if ((c == '.' || c == ',') && !separator) separator = true;
        else break;
    }
    if (!digits) return false;
    if (i < f.size() && (f[i] == 'e' || f[i] == 'E')) {
        ++i;
        if (i < f.size() && (f[i] == '-' || f[i] == '+')) ++i;
        const std::size_t start = i;
        while (i < f.size() && f[i] >= '0' && f[i] <= '9') ++i;
        if (i == start) return false;
    }
    return i == f.size();
}

} // namespace

std::string neutralise_formula(std::string_view field) {
    if (field.empty() || is_number(field)) return std::string(field);
    const char c = field.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + std::string(field);
    return std::string(field);
}

std::string_view unneutralise_formula(std::string_view cell) {
    if (cell.size() >= 2 && cell.front() == '\'') {
        const char c = cell[1];
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') cell.remove_prefix(1);
    }
    return cell;
}

std::string csv_record(const std::vector<std::string>& fields, char separator) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(separator);
        const std::string f = neutralise_formula(fields[i]);
        const bool quote = f.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string::npos;
        if (!quote) {
            out += f;
            continue;
        }
        out.push_back('"');
        for (char c : f) {
            if (c == '"') out.push_back('"');
            out.push_back(c);
        }
        out.push_back('"');
    }
    out += "\r\n";
    return out;
}

CsvText parse_csv(std::string_view text, char separator) {
    CsvText out;
    out.unclosed_quote_line =
        each_csv_record(text, separator, [&](CsvRecord& r) { out.records.push_back(std::move(r)); });
    return out;
}

std::optional<std::int64_t> each_csv_record(std::string_view text, char separator,
                                            const std::function<void(CsvRecord&)>& fn) {
    std::optional<std::int64_t> unclosed;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::int64_t line = 1;
    CsvRecord record{1, {}};
    std::string field;
    bool quoted = false;        // inside a quoted field
    bool any = false;           // the current record has content (blank lines give no record)
    std::int64_t quote_line = 0;
    auto end_record = [&] {
        if (any) {
            record.fields.push_back(std::move(field));
            fn(record);
        }
        field.clear();
        record = CsvRecord{line, {}};
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            quote_line = line;
            any = true;
        } else if (c == separator) {
            record.fields.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue; // the LF that follows ends the record
        } else if (c == '\n') {
            ++line;
            end_record();
        } else {
            field.push_back(c);
            any = true;
        }
    }
    if (quoted) unclosed = quote_line;
    end_record();
    return unclosed;
}

} // namespace maillage::core
