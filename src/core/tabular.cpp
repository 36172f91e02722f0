#include "maillage/core/tabular.hpp"

#include <algorithm>
#include <set>

#include "maillage/core/text.hpp"

namespace maillage::core {

namespace {

using Lines = std::vector<std::string>;

Lines split_lines(std::string_view text) {
    Lines out;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        out.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::size_t lines_width(const Lines& lines) {
    std::size_t w = 0;
    for (const auto& l : lines) w = std::max(w, display_width(l));
    return w;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

// French typography puts a space before ":", ";", "!", "?" and "»" and after "«": no line
// starts with the former nor ends with the latter.
bool glued_to_previous(std::string_view word) {
    for (std::string_view p : {":", ";", "!", "?", "\u00BB"})
        if (word.starts_with(p)) return true;
    return false;
}
bool glued_to_next(std::string_view word) { return word.ends_with("\u00AB"); }

/// The first `chars` characters of UTF-8 text, as a byte count.
std::size_t bytes_of_chars(std::string_view text, std::size_t chars) {
    std::size_t i = 0, n = 0;
    while (i < text.size()) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (n == chars) break;
            ++n;
        }
        ++i;
    }
    return i;
}

/// A word longer than `width` in pieces of at most `width`: after its last '/' that fits, else
/// its last '-', else where the width ends.
Lines cut_word(std::string_view word, std::size_t width) {
    Lines out;
    while (display_width(word) > width) {
        const std::size_t fits = bytes_of_chars(word, width);
        // a path parts at its folders first, a compound name at its hyphens
        std::size_t at = word.substr(0, fits).find_last_of('/');
        if (at == std::string_view::npos || at == 0) at = word.substr(0, fits).find_last_of('-');
        at = at == std::string_view::npos || at == 0 ? fits : at + 1;
        out.emplace_back(word.substr(0, at));
        word.remove_prefix(at);
    }
    if (!word.empty()) out.emplace_back(word);
    return out;
}

/// Greedy folding of one paragraph: the first line at most `first` wide, the others `next`.
/// Text that fits is kept as it is (its spaces too); folded text has single spaces.
Lines fold(std::string_view text, std::size_t first, std::size_t next) {
    first = std::max<std::size_t>(first, 1);
    next = std::max<std::size_t>(next, 1);
    if (display_width(text) <= first) return {std::string(text)};
    std::vector<std::string> tokens; // words that must stay on one line, joined
    bool quoting = false;            // inside a short « quotation », kept whole
    for (auto w : words_of(text)) {
        const bool glue = !tokens.empty() && (glued_to_previous(w) || glued_to_next(tokens.back()) ||
                                              (quoting && display_width(tokens.back()) + 1 + display_width(w) <= 30));
        if (glue) tokens.back() += " " + std::string(w);
        else tokens.emplace_back(w);
        if (w.ends_with("\u00AB")) quoting = true;
        if (w.starts_with("\u00BB") || w.ends_with("\u00BB")) quoting = false;
    }
    Lines lines{""};
    auto limit = [&] { return lines.size() == 1 ? first : next; };
    auto place = [&](const std::string& part) {
        if (lines.back().empty()) lines.back() = part;
        else if (display_width(lines.back()) + 1 + display_width(part) <= limit()) lines.back() += " " + part;
        else lines.push_back(part);
    };
    for (const auto& t : tokens) {
        if (display_width(t) <= std::min(first, next)) {
            place(t);
            continue;
        }
        // too long for a line: its words may part after all, and a word too long is cut
        for (auto w : words_of(t)) {
            if (display_width(w) <= std::min(first, next)) place(std::string(w));
            else
                for (auto& piece : cut_word(w, std::min(first, next))) place(piece);
        }
    }
    return lines;
}

/// A cell's lines in a column `width` wide: its paragraphs folded, lines after the first
/// indented by two (a continuation, not a new row).
Lines fold_cell(const std::string& cell, std::size_t width) {
    Lines out;
    const std::size_t hang = width > 8 ? 2 : 0;
    for (const auto& paragraph : split_lines(cell))
        for (auto& l : fold(paragraph, out.empty() ? width : width - hang, width - hang))
            out.push_back(out.empty() ? std::move(l) : std::string(hang, ' ') + l);
    return out;
}

/// The header over at most two lines, the narrowest split at a space; itself when that is
/// not narrower.
Lines two_line_header(const std::string& header) {
    if (header.find('\n') != std::string::npos) return split_lines(header);
    Lines best{header};
    std::size_t best_w = display_width(header);
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] != ' ') continue;
        const std::string a = header.substr(0, i), b = header.substr(i + 1);
        if (glued_to_previous(b) || glued_to_next(a)) continue;
        const std::size_t w = std::max(display_width(a), display_width(b));
        if (w < best_w) {
            best_w = w;
            best = {a, b};
        }
    }
    return best;
}

void rstrip(std::string& line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
}

std::string pad(const std::string& text, std::size_t width, Align align) {
    const std::size_t w = display_width(text);
    const std::string fill(width > w ? width - w : 0, ' ');
    return align == Align::Right ? fill + text : text + fill;
}

constexpr std::size_t wrap_min_width = 18;

} // namespace

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> aligns) {
    aligns.resize(headers.size(), Align::Left);
    for (std::size_t c = 0; c < headers.size(); ++c) m_columns.push_back({std::move(headers[c]), aligns[c], Fit::Auto});
}

TextTable::TextTable(std::vector<TextColumn> columns) : m_columns(std::move(columns)) {}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::str() const { return fit().text; }

TableText TextTable::fit(std::size_t width) const { return fit(width, true); }

TableText TextTable::fit(std::size_t width, bool may_split) const {
    const std::size_t n = m_columns.size();
    auto fit_of = [&](std::size_t c) {
        const Fit f = m_columns[c].fit;
        if (f != Fit::Auto) return f;
        return m_columns[c].align == Align::Left ? Fit::Wrap : Fit::Keep;
    };
    auto cell_width = [](const std::string& cell) {
        return cell.find('\n') == std::string::npos ? display_width(cell) : lines_width(split_lines(cell));
    };
    std::vector<Lines> header(n);
    std::vector<std::size_t> cells_w(n, 0), w(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        header[c] = split_lines(m_columns[c].header);
        for (const auto& row : m_rows) cells_w[c] = std::max(cells_w[c], cell_width(row[c]));
        w[c] = std::max(cells_w[c], lines_width(header[c]));
    }
    std::vector<std::size_t> grid(n), below;
    for (std::size_t c = 0; c < n; ++c) grid[c] = c;
    auto total = [&](const std::vector<std::size_t>& cols) {
        std::size_t t = cols.empty() ? 0 : 2 * (cols.size() - 1);
        for (auto c : cols) t += w[c];
        return t;
    };
    // the narrowest a Wrap column folds to: 18 characters, or its header's longest word
    auto floor_of = [&](std::size_t c) {
        if (fit_of(c) != Fit::Wrap) return w[c];
        std::size_t longest_word = 0;
        for (const auto& l : split_lines(m_columns[c].header))
            for (auto word : words_of(l)) longest_word = std::max(longest_word, display_width(word));
        return std::min(w[c], std::max(wrap_min_width, longest_word));
    };
    TableText out;
    std::vector<bool> folds(n, false); // cells folded to the column's width
    if (total(grid) > width) {
        // 1. prose under its row
        for (std::size_t c = 0; c < n; ++c)
            if (fit_of(c) == Fit::Below) below.push_back(c);
        std::erase_if(grid, [&](std::size_t c) { return fit_of(c) == Fit::Below; });
        // 2. headers over two lines
        if (total(grid) > width)
            for (auto c : grid)
                if (lines_width(header[c]) > cells_w[c]) {
                    header[c] = two_line_header(m_columns[c].header);
                    w[c] = std::max(cells_w[c], lines_width(header[c]));
                }
        // 3. optional columns, from the right
        while (total(grid) > width) {
            auto it = std::find_if(grid.rbegin(), grid.rend(), [&](std::size_t c) { return fit_of(c) == Fit::Optional; });
            if (it == grid.rend()) break;
            std::string name;
            for (const auto& l : split_lines(m_columns[*it].header)) name += (name.empty() ? "" : " ") + l;
            out.omitted.insert(out.omitted.begin(), name);
            grid.erase(std::next(it).base());
        }
        std::size_t at_floors = grid.empty() ? 0 : 2 * (grid.size() - 1);
        for (auto c : grid) at_floors += floor_of(c);
        if (total(grid) > width && at_floors > width && may_split && grid.size() > 1) {
            // 5. folding cannot make it fit: blocks of whole columns, each fitted on its own
            auto blocks = split_columns(grid, w, width);
            for (std::size_t b = 0; b < blocks.size(); ++b) {
                std::vector<TextColumn> columns;
                for (auto c : blocks[b]) {
                    std::string h;
                    for (const auto& l : header[c]) h += (h.empty() ? "" : "\n") + l;
                    columns.push_back({h, m_columns[c].align, fit_of(c) == Fit::Wrap ? Fit::Wrap : Fit::Keep});
                }
                if (b == 0)
                    for (auto c : below) columns.push_back({m_columns[c].header, m_columns[c].align, Fit::Below});
                TextTable part(std::move(columns));
                for (const auto& row : m_rows) {
                    std::vector<std::string> cells;
                    for (auto c : blocks[b]) cells.push_back(row[c]);
                    if (b == 0)
                        for (auto c : below) cells.push_back(row[c]);
                    part.add_row(std::move(cells));
                }
                if (b > 0) out.text += "\n";
                out.text += part.fit(width, false).text;
            }
            return out;
        }
        // 4. text folded, the widest column first; under 18 characters only when nothing else
        // fits (a narrow width given by a caller, a block of columns that cannot be split more)
        for (const bool last_resort : {false, true})
            while (total(grid) > width) {
                std::size_t widest = n;
                for (auto c : grid) {
                    const std::size_t floor = last_resort ? std::min<std::size_t>(w[c], 8) : floor_of(c);
                    if (fit_of(c) == Fit::Wrap && w[c] > floor && (widest == n || w[c] > w[widest])) widest = c;
                }
                if (widest == n) break;
                --w[widest];
                folds[widest] = true;
            }
    }
    // the cells of the narrowed columns folded; such a column as wide as its folded text
    std::vector<std::vector<Lines>> folded(n);
    for (auto c : grid) {
        if (!folds[c]) continue;
        header[c] = Lines{};
        for (const auto& l : split_lines(m_columns[c].header))
            for (auto& part : fold(l, w[c], w[c])) header[c].push_back(std::move(part));
        std::size_t used = lines_width(header[c]);
        folded[c].resize(m_rows.size());
        for (std::size_t r = 0; r < m_rows.size(); ++r) {
            folded[c][r] = fold_cell(m_rows[r][c], w[c]);
            used = std::max(used, lines_width(folded[c][r]));
        }
        w[c] = used;
    }
    auto lines_of = [&](std::size_t c, std::size_t r) {
        if (folds[c]) return folded[c][r];
        const auto& cell = m_rows[r][c];
        return cell.find('\n') == std::string::npos ? Lines{cell} : split_lines(cell);
    };

    // prose under a row starts under the second column, leaving it at least two thirds of the width
    const std::size_t indent = std::min<std::size_t>({grid.size() > 1 ? w[grid[0]] + 2 : 4, 40, width / 3});
    std::size_t header_height = 0;
    for (auto c : grid) header_height = std::max(header_height, header[c].size());
    for (std::size_t i = 0; i < header_height; ++i) { // headers sit on the rows
        std::string line;
        for (std::size_t k = 0; k < grid.size(); ++k) {
            const auto c = grid[k];
            const std::size_t skip = header_height - header[c].size();
            if (k > 0) line += "  ";
            line += pad(i < skip ? std::string() : header[c][i - skip], w[c], m_columns[c].align);
        }
        rstrip(line);
        out.text += line + "\n";
    }
    if (!below.empty()) {
        std::string names;
        for (auto c : below) names += (names.empty() ? "" : " / ") + m_columns[c].header;
        out.text += wrap_text(names, width, indent, indent);
    }
    std::vector<Lines> row_lines(grid.size());
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        std::size_t height = 1;
        for (std::size_t k = 0; k < grid.size(); ++k) {
            row_lines[k] = lines_of(grid[k], r);
            height = std::max(height, row_lines[k].size());
        }
        for (std::size_t i = 0; i < height; ++i) {
            std::string line;
            for (std::size_t k = 0; k < grid.size(); ++k) {
                const auto c = grid[k];
                if (k > 0) line += "  ";
                line += pad(i < row_lines[k].size() ? row_lines[k][i] : std::string(), w[c], m_columns[c].align);
            }
            rstrip(line);
            out.text += line + "\n";
        }
        bool any = false;
        for (auto c : below)
            if (!m_rows[r][c].empty()) {
                out.text += wrap_text(m_rows[r][c], width, indent, indent);
                any = true;
            }
        if (any && r + 1 < m_rows.size()) out.text += "\n";
    }
    return out;
}

std::vector<std::vector<std::size_t>> TextTable::split_columns(const std::vector<std::size_t>& grid, const std::vector<std::size_t>& w,
                                                               std::size_t width) const {
    auto total = [&](const std::vector<std::size_t>& cols) {
        std::size_t t = cols.empty() ? 0 : 2 * (cols.size() - 1);
        for (auto c : cols) t += w[c];
        return t;
    };
    // the leading columns that tell the rows apart, at most half the width (else the first)
    std::size_t keys = 1;
    for (std::size_t k = 1; k < grid.size(); ++k) {
        const std::vector<std::size_t> lead(grid.begin(), grid.begin() + static_cast<std::ptrdiff_t>(k));
        if (total(lead) > width / 2) break;
        std::set<std::vector<std::string>> seen;
        bool unique = true;
        for (const auto& row : m_rows) {
            std::vector<std::string> key;
            for (auto c : lead) key.push_back(row[c]);
            if (!seen.insert(std::move(key)).second) {
                unique = false;
                break;
            }
        }
        if (unique) {
            keys = k;
            break;
        }
    }
    const std::vector<std::size_t> lead(grid.begin(), grid.begin() + static_cast<std::ptrdiff_t>(keys));
    std::vector<std::vector<std::size_t>> blocks;
    std::vector<std::size_t> current = lead;
    for (std::size_t i = keys; i < grid.size(); ++i) {
        auto tried = current;
        tried.push_back(grid[i]);
        if (total(tried) <= width || current.size() == lead.size()) current = std::move(tried);
        else {
            blocks.push_back(std::move(current));
            current = lead;
            current.push_back(grid[i]);
        }
    }
    blocks.push_back(std::move(current));
    return blocks;
}

std::string wrap_text(std::string_view text, std::size_t width, std::size_t first_indent, std::size_t next_indent) {
    std::string out;
    bool first = true;
    for (const auto& paragraph : split_lines(text)) {
        const std::size_t a = first ? first_indent : next_indent;
        const auto lines = fold(paragraph, width > a ? width - a : 1, width > next_indent ? width - next_indent : 1);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string line = std::string(first && i == 0 ? first_indent : (i == 0 ? a : next_indent), ' ') + lines[i];
            rstrip(line);
            out += line + "\n";
        }
        first = false;
    }
    return out;
}

std::string figures_text(const std::string& label_header, const std::string& value_header, const std::vector<Figure>& figures,
                         std::size_t width) {
    std::size_t label_w = display_width(label_header), number_w = display_width(value_header);
    for (const auto& f : figures) {
        label_w = std::max(label_w, display_width(f.label));
        if (f.numeric) number_w = std::max(number_w, display_width(f.value));
    }
    const std::size_t at = label_w + 2;
    std::string out = pad(label_header, at, Align::Left) + value_header;
    rstrip(out);
    out += "\n";
    for (const auto& f : figures) {
        if (f.numeric) {
            std::string line = pad(f.label, at, Align::Left) + pad(f.value, number_w, Align::Right);
            rstrip(line);
            out += line + "\n";
            continue;
        }
        const std::string value = wrap_text(f.value, width, at, at);
        // the label takes the first line's indent
        std::string line = f.label + (value.size() > at ? std::string(at - display_width(f.label), ' ') + value.substr(at) : "\n");
        out += line;
    }
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
                // the run up to the next quote at once, its line breaks counted
                std::size_t end = text.find('"', i);
                if (end == std::string_view::npos) end = text.size();
                const auto run = text.substr(i, end - i);
                line += static_cast<std::int64_t>(std::count(run.begin(), run.end(), '\n'));
                field.append(run);
                i = end - 1;
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
            // the run up to the next character that means something, at once
            std::size_t end = i + 1;
            while (end < text.size() && text[end] != separator && text[end] != '"' && text[end] != '\r' && text[end] != '\n')
                ++end;
            field.append(text.substr(i, end - i));
            any = true;
            i = end - 1;
        }
    }
    if (quoted) unclosed = quote_line;
    end_record();
    return unclosed;
}

} // namespace maillage::core
