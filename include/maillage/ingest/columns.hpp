// Which column of a sheet holds which field: recognised from French and English headers
// (accents, case, spacing and parenthesised notes ignored), or mapped explicitly by the user
// (--column person=woman).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::ingest {

enum class Field {
    Person,       ///< an identifier of the person (registration tool id)
    Email,
    Name,         ///< full name in one cell
    LastName,
    FirstName,
    Organisation, ///< the organisation the person came from that day
    OrgType,
    Commune,      ///< INSEE code (or name) of the organisation's commune
    Siret,
    Session,      ///< the session's name, unique inside an edition
    SessionKind,
    Method,
    Role,
    Edition,
    Territory,
    Date,
    Longitude,    ///< of the organisation, WGS 84 degrees (when the sheet places it)
    Latitude,
};
inline constexpr std::size_t field_count = 18;

/// The key used on the command line and in CSV/JSON: "person", "email", "name", "last_name",
/// "first_name", "organisation", "org_type", "commune", "siret", "session", "session_kind",
/// "method", "role", "edition", "territory", "date", "longitude", "latitude".
std::string_view field_key(Field field);
std::optional<Field> parse_field_key(std::string_view key);
/// Every field key, comma-separated, for messages.
std::string field_keys_list();

/// The user's explicit mappings, in the order given: field → header text. An empty header text
/// means "this field is not in the sheet" (ignore a column that would be recognised).
using ColumnMapping = std::vector<std::pair<Field, std::string>>;

/// Parses "field=Header text". Throws FatalError (in `lang`) on a malformed spec or an unknown
/// field.
std::pair<Field, std::string> parse_column_spec(std::string_view spec, core::Lang lang);

/// The column index of each field in one table; nullopt when the table lacks it.
class ColumnMap {
public:
    [[nodiscard]] std::optional<std::size_t> operator[](Field f) const {
        return m_index[static_cast<std::size_t>(f)];
    }
    void set(Field f, std::optional<std::size_t> column) { m_index[static_cast<std::size_t>(f)] = column; }
    [[nodiscard]] bool has(Field f) const { return (*this)[f].has_value(); }

private:
    std::array<std::optional<std::size_t>, field_count> m_index{};
};

/// Recognises the fields of a table from its headers, explicit mappings first. The first
/// column recognised for a field wins. Throws FatalError naming `source` when a mapped header
/// is absent, or when the table has no person column (identifier, e-mail, name) or no session
/// column; the message lists the columns found. Complexity: O(headers × synonyms).
ColumnMap recognise_columns(const std::vector<std::string>& headers, const ColumnMapping& mapping,
                            const std::string& source, core::Lang lang);

/// The field a header names, if any ("Code INSEE" → Commune, "Prénom" → FirstName,
/// "Structure (organisme, service)" → Organisation).
std::optional<Field> recognise_header(std::string_view header);

} // namespace maillage::ingest
