#include "maillage/ingest/communes.hpp"

#include <algorithm>
#include <cstdlib>

#include "maillage/core/text.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::ingest {
namespace {

bool looks_like_code(std::string_view t) {
    if (t.size() != 5) return false;
    for (std::size_t i = 0; i < 5; ++i) {
        const char c = t[i];
        const bool digit = c >= '0' && c <= '9';
        const bool corsica = i == 1 && t[0] == '2' && (c == 'A' || c == 'B' || c == 'a' || c == 'b');
        if (!digit && !corsica) return false;
    }
    return true;
}

void read_csv_table(const std::string& path, core::Lang lang,
                    const std::function<void(const std::vector<std::string>&, const Row&)>& fn) {
    std::vector<std::string> headers;
    read_tables(path, {}, lang, [&](const TableInfo& t) { headers = t.headers; },
                [&](const Row& r) { fn(headers, r); });
}

std::string cell(const std::vector<std::string>& headers, const Row& row, std::string_view name) {
    for (std::size_t i = 0; i < headers.size(); ++i)
        if (headers[i] == name && i < row.cells.size()) return row.cells[i];
    return {};
}

} // namespace

CommuneIndex CommuneIndex::load(const std::string& folder, core::Lang lang) {
    CommuneIndex index;
    read_csv_table(folder + "/france_communes.csv", lang, [&](const auto& h, const Row& r) {
        const std::string code = cell(h, r, "code_insee");
        const std::string name = cell(h, r, "nom");
        index.m_names.emplace(code, name);
        index.m_by_name[core::fold(name)].push_back(code);
        const std::string postcodes = cell(h, r, "codes_postaux");
        std::size_t start = 0;
        while (start < postcodes.size()) {
            std::size_t end = postcodes.find(' ', start);
            if (end == std::string::npos) end = postcodes.size();
            if (end > start) index.m_by_postcode[postcodes.substr(start, end - start)].push_back(code);
            start = end + 1;
        }
    });
    // Former communes of all France (communes déléguées and associées, arrondissements, codes of
    // 2017 outlines absorbed since), each with the current commune that holds it.
    read_csv_table(folder + "/anciennes_communes.csv", lang, [&](const auto& h, const Row& r) {
        const std::string code = cell(h, r, "code_insee");
        if (!index.m_names.contains(code))
            index.m_former.emplace(code, std::make_pair(cell(h, r, "nom"), cell(h, r, "code_commune")));
    });
    return index;
}

std::string CommuneIndex::name(const std::string& code) const {
    const auto it = m_names.find(code);
    return it == m_names.end() ? std::string() : it->second;
}

const std::vector<std::string>& CommuneIndex::codes_named(const std::string& folded) const {
    static const std::vector<std::string> none;
    const auto it = m_by_name.find(folded);
    return it == m_by_name.end() ? none : it->second;
}

const std::vector<std::string>& CommuneIndex::codes_of_postcode(const std::string& postcode) const {
    static const std::vector<std::string> none;
    const auto it = m_by_postcode.find(postcode);
    return it == m_by_postcode.end() ? none : it->second;
}

CommuneResolution CommuneIndex::resolve(std::string_view raw) const {
    std::string text(core::trim(raw));
    // Excel reads 04070 as the number 4070: the codes of départements 01 to 09 lose their zero.
    if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        if (const auto it = m_names.find("0" + text); it != m_names.end())
            return {CommuneResolution::Status::ZeroRestored, it->first, it->second};
    if (looks_like_code(text)) {
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
        if (m_names.contains(text)) return {CommuneResolution::Status::Known, text, {}};
        if (auto it = m_former.find(text); it != m_former.end())
            return {CommuneResolution::Status::Successor, it->second.second, it->second.first};
        // municipal arrondissements: Paris 75101–75120, Lyon 69381–69389, Marseille 13201–13216
        const int n = std::atoi(text.c_str());
        if ((n >= 75101 && n <= 75120) || (n >= 69381 && n <= 69389) || (n >= 13201 && n <= 13216)) {
            const std::string city = n >= 75101 && n <= 75120 ? "75056" : n >= 69381 && n <= 69389 ? "69123" : "13055";
            return {CommuneResolution::Status::Successor, city, "arrondissement " + text};
        }
        if (auto it = m_by_postcode.find(text); it != m_by_postcode.end()) {
            std::string hint;
            for (const auto& code : it->second) {
                if (!hint.empty()) hint += ", ";
                hint += name(code) + " (" + code + ")";
            }
            return {CommuneResolution::Status::Unknown, {}, hint};
        }
        return {CommuneResolution::Status::Unknown, {}, {}};
    }
    if (auto it = m_by_name.find(core::fold(text)); it != m_by_name.end()) {
        if (it->second.size() == 1) return {CommuneResolution::Status::ByName, it->second.front(), {}};
        std::string candidates;
        for (const auto& code : it->second) candidates += (candidates.empty() ? "" : ", ") + code;
        return {CommuneResolution::Status::Unknown, {}, candidates};
    }
    return {CommuneResolution::Status::Unknown, {}, {}};
}

} // namespace maillage::ingest
