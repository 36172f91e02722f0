#include "advise_document.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "maillage/core/text.hpp"

namespace maillage::cli::advice {

using core::Msg;
using json = nlohmann::ordered_json;

namespace {

std::string table_text(const Cell& c, core::Lang lang) {
    if (!c.shown.empty()) return c.shown;
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return "—";
            else if constexpr (std::is_same_v<T, std::int64_t>) return core::format_count(v, lang);
            else if constexpr (std::is_same_v<T, double>) return core::format_decimal(v, 3, lang);
            else if constexpr (std::is_same_v<T, bool>) return std::string(core::message(v ? Msg::WordYes : Msg::WordNo, lang));
            else return v;
        },
        c.value);
}

std::string data_text(const Value& value, bool excel) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return "";
            else if constexpr (std::is_same_v<T, std::int64_t>) return std::to_string(v);
            else if constexpr (std::is_same_v<T, double>) {
                std::string s = core::format_decimal(v, 6, core::Lang::En);
                if (excel) std::replace(s.begin(), s.end(), '.', ',');
                return s;
            } else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else return v;
        },
        value);
}

json json_of(const Value& value) {
    return std::visit(
        [](const auto& v) -> json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
            else if constexpr (std::is_same_v<T, double>) {
                const double r = std::round(v * 1e6) / 1e6;
                return r == 0 ? 0.0 : r;
            } else return v;
        },
        value);
}

std::string render_table(const std::vector<Doc>& docs, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    std::string out;
    for (const auto& d : docs) {
        if (!out.empty()) out += "\n";
        core::TextTable figures({text(Msg::HeadIndicator), text(Msg::HeadValue)}, {core::Align::Left, core::Align::Right});
        figures.add_row({text(Msg::HeadTerritory), d.territory});
        for (const auto& [key, label, cell] : d.figures) figures.add_row({text(label), table_text(cell, lang)});
        out += figures.str();
        for (const auto& s : d.sections) {
            if (s.rows.empty() && s.sentences.empty()) continue;
            out += "\n" + text(s.title) + "\n";
            for (const auto& sentence : s.sentences) out += "  " + sentence + "\n";
            if (s.rows.empty()) continue;
            std::vector<std::string> headers;
            std::vector<core::Align> aligns;
            for (const auto& c : s.cols) {
                headers.push_back(text(c.label));
                aligns.push_back(c.align);
            }
            core::TextTable t(headers, aligns);
            const std::size_t shown = s.table_rows == 0 ? s.rows.size() : std::min(s.table_rows, s.rows.size());
            for (std::size_t r = 0; r < shown; ++r) {
                std::vector<std::string> cells;
                for (const auto& c : s.rows[r]) cells.push_back(table_text(c, lang));
                t.add_row(std::move(cells));
            }
            out += t.str();
            if (shown < s.rows.size())
                out += "  " + core::tr(lang, Msg::AndOthers, "…", core::format_count(static_cast<std::int64_t>(s.rows.size() - shown), lang)) + "\n";
        }
    }
    return out;
}

std::string render_csv(const std::vector<Doc>& docs, bool excel) {
    const char sep = excel ? ';' : ',';
    std::string out = excel ? "\xEF\xBB\xBF" : "";
    out += core::csv_record({"territory", "figure", "value"}, sep);
    for (const auto& d : docs)
        for (const auto& [key, label, cell] : d.figures) out += core::csv_record({d.territory, key, data_text(cell.value, excel)}, sep);
    if (docs.empty()) return out;
    for (std::size_t s = 0; s < docs.front().sections.size(); ++s) {
        out += "\r\n";
        const auto& first = docs.front().sections[s];
        std::vector<std::string> header{"section", "territory"};
        for (const auto& c : first.cols) header.push_back(c.key);
        out += core::csv_record(header, sep);
        for (const auto& d : docs) {
            const auto& section = d.sections[s];
            for (const auto& row : section.rows) {
                std::vector<std::string> cells{section.key, d.territory};
                for (const auto& c : row) cells.push_back(data_text(c.value, excel));
                out += core::csv_record(cells, sep);
            }
        }
    }
    return out;
}

std::string render_json(const std::vector<Doc>& docs) {
    json all = json::array();
    for (const auto& d : docs) {
        json doc;
        doc["territory"] = d.territory;
        json figures = json::object();
        for (const auto& [key, label, cell] : d.figures) figures[key] = json_of(cell.value);
        doc["figures"] = figures;
        for (const auto& s : d.sections) {
            json rows = json::array();
            for (const auto& row : s.rows) {
                json r;
                for (std::size_t c = 0; c < s.cols.size(); ++c) r[s.cols[c].key] = json_of(row[c].value);
                rows.push_back(r);
            }
            doc[s.key] = rows;
        }
        all.push_back(doc);
    }
    json root;
    root["territories"] = all;
    return root.dump(2) + "\n";
}

} // namespace

std::string render(const std::vector<Doc>& docs, const std::string& format, bool excel, core::Lang lang) {
    return format == "csv" ? render_csv(docs, excel) : format == "json" ? render_json(docs) : render_table(docs, lang);
}

} // namespace maillage::cli::advice
