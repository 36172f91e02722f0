#include "advise_document.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "maillage/core/text.hpp"

namespace maillage::cli::advice {

using core::Msg;
using json = nlohmann::ordered_json;

namespace {

// advise's tables show decimals (rates, scores) with 3 places
constexpr int table_digits = 3;

using document::data_text;
using document::json_of;

std::string render_table(const std::vector<Doc>& docs, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    std::string out;
    for (const auto& d : docs) {
        if (!out.empty()) out += "\n";
        std::vector<core::Figure> figures{{text(Msg::HeadTerritory), d.territory, false}};
        for (const auto& [key, label, cell] : d.figures) figures.push_back(document::figure(text(label), cell, lang, table_digits));
        out += document::figures_table(figures, lang);
        for (const auto& s : d.sections) out += document::section_table(s, lang, table_digits);
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
