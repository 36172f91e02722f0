#include "maillage/ingest/record.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

namespace maillage::ingest {
namespace {

using core::Msg;

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

bool valid_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= max;
}

std::vector<std::string_view> split_any(std::string_view s, std::string_view seps) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

std::string cell(const Row& row, const ColumnMap& columns, Field f) {
    const auto i = columns[f];
    if (!i || *i >= row.cells.size()) return {};
    return core::repair_c1(core::trim(row.cells[*i]));
}

core::SourceLocation where(const Row& row, const TableInfo& table, const ColumnMap& columns, Field f) {
    core::SourceLocation loc{table.source, row.line, 0, {}};
    if (const auto i = columns[f]) {
        loc.column = static_cast<int>(*i) + 1;
        if (*i < table.headers.size()) loc.field = table.headers[*i];
    }
    return loc;
}

std::string name_key(const std::string& full) {
    std::string folded = core::fold(full);
    std::vector<std::string_view> words = split_any(folded, " ");
    std::sort(words.begin(), words.end());
    std::string out;
    for (auto w : words) {
        if (w.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out += w;
    }
    return out;
}

// "2.78058E+13", "2,78058E+13", "2.78058e13": a number in a spreadsheet's scientific notation.
bool looks_scientific(std::string_view text) {
    const auto e = text.find_first_of("eE");
    if (e == std::string_view::npos || e == 0 || e + 1 >= text.size()) return false;
    const std::string_view mantissa = text.substr(0, e);
    std::string_view exponent = text.substr(e + 1);
    if (exponent.front() == '+') exponent.remove_prefix(1);
    const auto point = mantissa.find_first_of(".,");
    const bool mantissa_ok = point == std::string_view::npos
                                 ? all_digits(mantissa)
                                 : all_digits(mantissa.substr(0, point)) &&
                                       (point + 1 == mantissa.size() || all_digits(mantissa.substr(point + 1)));
    return mantissa_ok && all_digits(exponent);
}

} // namespace

core::SourceLocation field_location(const Row& row, const TableInfo& table, const ColumnMap& columns, Field field) {
    return where(row, table, columns, field);
}

void check_territory(std::optional<AttendanceRecord>& record, const std::string& default_territory, const Row& row,
                     const TableInfo& table, const ColumnMap& columns, core::Lang lang, core::Diagnostics& diagnostics) {
    if (!record || !record->territory_blank || !core::trim(default_territory).empty()) return;
    diagnostics.error(where(row, table, columns, Field::Territory), std::string(core::message(Msg::RowMissingTerritory, lang)));
    record.reset();
}

std::optional<Date> parse_date(std::string_view text) {
    text = core::trim(text);
    // drop a time part: "2019-03-12 09:30:00", "2019-03-12T09:30"
    if (const auto cut = text.find_first_of(" T"); cut != std::string_view::npos && cut >= 8)
        text = text.substr(0, cut);
    const auto parts = split_any(text, "-/.");
    if (parts.size() != 3 || !std::all_of(parts.begin(), parts.end(), all_digits)) return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (parts[0].size() == 4 && parts[1].size() <= 2 && parts[2].size() <= 2) {
        y = to_int(parts[0]), m = to_int(parts[1]), d = to_int(parts[2]);
    } else if (parts[2].size() == 4 && parts[0].size() <= 2 && parts[1].size() <= 2) {
        d = to_int(parts[0]), m = to_int(parts[1]), y = to_int(parts[2]);
    } else {
        return std::nullopt;
    }
    if (!valid_date(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

std::optional<int> parse_edition_year(std::string_view text) {
    // A negative number ("-2024", "−2024") is no year.
    const std::string_view t = core::trim(text);
    if (t.starts_with("-") || t.starts_with("\u2212")) return std::nullopt;
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        const auto candidate = text.substr(i, 4);
        const bool boundary_before = i == 0 || !(text[i - 1] >= '0' && text[i - 1] <= '9');
        const bool boundary_after = i + 4 == text.size() || !(text[i + 4] >= '0' && text[i + 4] <= '9');
        if (all_digits(candidate) && boundary_before && boundary_after) {
            const int year = to_int(candidate);
            if (year >= 1900 && year <= 2200) return year;
        }
    }
    return std::nullopt;
}

std::string normalise_email(std::string_view text) {
    std::string email(core::trim(text));
    std::transform(email.begin(), email.end(), email.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return email;
}

namespace {

/// The person's name as ingest keys it: separate columns keep their order ("Simon Laurent" is
/// not "Laurent Simon"); a full name in one cell may be written either way round, so its words
/// are sorted.
std::string person_name_key(const Row& row, const ColumnMap& columns) {
    if (const std::string full = cell(row, columns, Field::Name); !full.empty()) return name_key(full);
    const std::string last = core::fold(cell(row, columns, Field::LastName));
    const std::string first = core::fold(cell(row, columns, Field::FirstName));
    return last.empty() && first.empty() ? std::string() : last + " / " + first;
}

} // namespace

std::vector<std::string> person_key_texts(const std::vector<std::string>& headers, const std::vector<std::string>& cells) {
    ColumnMap columns;
    try {
        columns = recognise_columns(headers, {}, "", core::Lang::Fr);
    } catch (const std::exception&) {
        return {};
    }
    Row row;
    row.cells = cells;
    std::vector<std::string> keys;
    const std::string id = cell(row, columns, Field::Person);
    const std::string email = normalise_email(cell(row, columns, Field::Email));
    const std::string name = person_name_key(row, columns);
    if (!id.empty()) keys.push_back("id:" + id);
    if (!email.empty()) {
        keys.push_back("email:" + email);
        keys.push_back("local:" + name + "\x1f" + email.substr(0, email.find('@')));
    }
    if (!name.empty()) {
        keys.push_back("name:" + name);
        keys.push_back("name_org:" + name + "\x1f" + core::fold(cell(row, columns, Field::Organisation)));
    }
    return keys;
}

std::optional<AttendanceRecord> parse_record(const Row& row, const TableInfo& table, const ColumnMap& columns,
                                             core::Lang lang, core::Diagnostics& diagnostics) {
    const std::size_t errors_before = diagnostics.error_count();
    AttendanceRecord r;
    r.line = row.line;
    r.territory = cell(row, columns, Field::Territory);
    r.territory_blank = columns.has(Field::Territory) && r.territory.empty();
    r.session = cell(row, columns, Field::Session);
    r.person_id = cell(row, columns, Field::Person);
    r.organisation = cell(row, columns, Field::Organisation);
    r.org_type = cell(row, columns, Field::OrgType);
    r.commune = cell(row, columns, Field::Commune);
    r.method = cell(row, columns, Field::Method);
    // SIRET: digits, spaces and dots as people group them; a number a spreadsheet rewrote in
    // scientific notation ("2.78058E+13") has lost its last digits and is refused.
    if (const std::string siret = cell(row, columns, Field::Siret); !siret.empty()) {
        if (looks_scientific(siret)) {
            diagnostics.error(where(row, table, columns, Field::Siret), core::tr(lang, Msg::RowSiretScientific, siret));
        } else {
            for (char c : siret)
                if (c >= '0' && c <= '9') r.siret.push_back(c);
            if (r.siret.size() != 14 && r.siret.size() != 9) {
                diagnostics.warning(where(row, table, columns, Field::Siret),
                                    core::tr(lang, Msg::WarnSiretLength, siret, r.siret.size()));
                r.siret.clear();
            }
        }
    }

    r.email = normalise_email(cell(row, columns, Field::Email));
    // Separate columns keep their order ("Simon Laurent" is not "Laurent Simon"); a full name in
    // one cell may be written either way round, so its words are sorted.
    const std::string full = cell(row, columns, Field::Name);
    r.name_key = person_name_key(row, columns);
    r.display_name = !full.empty() ? full
                                   : std::string(core::trim(cell(row, columns, Field::FirstName) + " " +
                                                            cell(row, columns, Field::LastName)));

    if (r.person_id.empty() && r.email.empty() && r.name_key.empty()) {
        // point at the column a coordinator would fill in: the name first
        Field f = columns.has(Field::Name)       ? Field::Name
                  : columns.has(Field::LastName) ? Field::LastName
                  : columns.has(Field::Email)    ? Field::Email
                                                 : Field::Person;
        diagnostics.error(where(row, table, columns, f), std::string(core::message(Msg::RowMissingPerson, lang)));
    }
    if (r.session.empty())
        diagnostics.error(where(row, table, columns, Field::Session),
                          std::string(core::message(Msg::RowMissingSession, lang)));

    if (columns.has(Field::SessionKind)) {
        const std::string text = cell(row, columns, Field::SessionKind);
        if (!text.empty()) {
            if (auto kind = model::parse_session_kind(text)) r.session_kind = *kind;
            else diagnostics.error(where(row, table, columns, Field::SessionKind),
                                   core::tr(lang, Msg::RowUnknownSessionKind, text));
        }
    }
    if (columns.has(Field::Role)) {
        const std::string text = cell(row, columns, Field::Role);
        if (auto role = model::parse_role(text)) r.role = *role;
        else diagnostics.error(where(row, table, columns, Field::Role), core::tr(lang, Msg::RowUnknownRole, text));
    }
    if (columns.has(Field::Date)) {
        const std::string text = cell(row, columns, Field::Date);
        if (!text.empty()) {
            r.date = parse_date(text);
            if (!r.date)
                diagnostics.error(where(row, table, columns, Field::Date), core::tr(lang, Msg::RowBadDate, text));
        }
    }
    // Coordinates of the organisation: both or none, decimal point or comma, within WGS 84.
    const std::string lon = cell(row, columns, Field::Longitude), lat = cell(row, columns, Field::Latitude);
    if (!lon.empty() || !lat.empty()) {
        auto number = [](std::string text) -> std::optional<double> {
            std::replace(text.begin(), text.end(), ',', '.');
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
            return v;
        };
        const auto x = number(lon), y = number(lat);
        if (x && y && *x >= -180 && *x <= 180 && *y >= -90 && *y <= 90) {
            r.longitude = x;
            r.latitude = y;
        } else {
            const Field bad = (x && *x >= -180 && *x <= 180) ? Field::Latitude : Field::Longitude;
            diagnostics.error(where(row, table, columns, columns.has(bad) ? bad : Field::Longitude),
                              core::tr(lang, Msg::RowBadCoordinates, lon, lat));
        }
    }
    const std::string edition = cell(row, columns, Field::Edition);
    if (!edition.empty()) {
        if (auto year = parse_edition_year(edition)) r.edition = std::to_string(*year);
        else diagnostics.error(where(row, table, columns, Field::Edition), core::tr(lang, Msg::RowBadEdition, edition));
    } else if (r.date) {
        r.edition = std::to_string(r.date->year);
    }
    // An edition runs over a school or calendar year: a session more than a year away from it
    // is a typing error in one of the two.
    if (r.date && !r.edition.empty()) {
        const int edition_year = to_int(r.edition);
        if (r.date->year < edition_year - 1 || r.date->year > edition_year + 1)
            diagnostics.error(where(row, table, columns, Field::Date),
                              core::tr(lang, Msg::RowDateOutsideEdition, cell(row, columns, Field::Date), r.edition));
    }
    if (diagnostics.error_count() > errors_before) return std::nullopt;
    return std::optional<AttendanceRecord>(std::move(r));
}

} // namespace maillage::ingest
