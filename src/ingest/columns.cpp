#include "maillage/ingest/columns.hpp"

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"

namespace maillage::ingest {
namespace {

using core::Msg;

constexpr std::array<std::string_view, field_count> keys = {
    "person", "email", "name", "last_name", "first_name", "organisation", "org_type", "commune",
    "siret", "session", "session_kind", "method", "role", "edition", "territory", "date", "longitude", "latitude"};

struct Synonyms {
    Field field;
    std::initializer_list<std::string_view> names; // folded
};

// Header names as coordinators and registration tools write them, folded (core::fold).
const std::initializer_list<Synonyms>& synonyms() {
    static const std::initializer_list<Synonyms> table = {
        {Field::Person, {"identifiant", "id", "identifiant personne", "id personne", "person id",
                         "person", "participant id", "personne id", "numero participant"}},
        {Field::Email, {"courriel", "e mail", "email", "mail", "adresse e mail", "adresse email",
                        "adresse electronique", "adresse mail", "adresse courriel", "mel", "e mail address"}},
        {Field::Name, {"nom complet", "nom et prenom", "nom prenom", "prenom nom", "prenom et nom",
                       "full name", "person name", "name", "participant", "participante", "personne"}},
        {Field::LastName, {"nom", "nom de famille", "last name", "surname", "family name", "nom d usage"}},
        {Field::FirstName, {"prenom", "first name", "given name"}},
        {Field::Organisation, {"structure", "organisme", "organisation", "organization", "employeur",
                               "structure employeuse", "organisation name", "nom de la structure",
                               "nom de l organisme", "org", "institution"}},
        {Field::OrgType, {"type de structure", "type structure", "type d organisme", "type organisme",
                          "type d organisation", "type organisation", "categorie", "categorie de structure",
                          "org type", "organisation type", "organization type", "type"}},
        {Field::Commune, {"commune", "code insee", "code commune", "insee", "commune insee",
                          "code insee commune", "commune code", "code insee de la commune",
                          "municipality", "ville", "localite"}},
        {Field::Siret, {"siret", "n siret", "numero siret", "no siret"}},
        {Field::Session, {"atelier", "seance", "session", "session id", "intitule", "intitule de la seance",
                          "nom de l atelier", "nom de la seance", "workshop", "temps", "titre de l atelier"}},
        {Field::SessionKind, {"type de seance", "type seance", "nature de la seance", "session kind",
                              "session type", "type de session", "type d atelier", "kind"}},
        {Field::Method, {"methode", "methode d animation", "method", "format d animation", "technique d animation"}},
        {Field::Role, {"role", "role dans l atelier", "role dans la seance", "fonction dans l atelier"}},
        {Field::Edition, {"edition", "annee", "year", "millesime", "annee de l edition"}},
        {Field::Territory, {"territoire", "territory", "departement", "zone", "bassin"}},
        {Field::Date, {"date", "date de la seance", "date seance", "session date", "jour"}},
        {Field::Longitude, {"longitude", "lon", "lng", "long"}},
        {Field::Latitude, {"latitude", "lat"}},
    };
    return table;
}

std::string strip_parentheses(std::string_view header) {
    std::string out;
    int depth = 0;
    for (char c : header) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) out.push_back(c);
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += item.empty() ? std::string("\"\"") : item;
    }
    return out;
}

} // namespace

std::string_view field_key(Field field) { return keys[static_cast<std::size_t>(field)]; }

std::optional<Field> parse_field_key(std::string_view key) {
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return static_cast<Field>(i);
    return std::nullopt;
}

std::string field_keys_list() {
    std::string out;
    for (auto k : keys) {
        if (!out.empty()) out += ", ";
        out += k;
    }
    return out;
}

std::pair<Field, std::string> parse_column_spec(std::string_view spec, core::Lang lang) {
    const auto eq = spec.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw FatalError(core::tr(lang, Msg::UsageBadColumnSpec, std::string(spec)));
    const std::string key(core::trim(spec.substr(0, eq)));
    const auto field = parse_field_key(key);
    if (!field) throw FatalError(core::tr(lang, Msg::UsageUnknownField, key, field_keys_list()));
    return {*field, std::string(core::trim(spec.substr(eq + 1)))};
}

std::optional<Field> recognise_header(std::string_view header) {
    const std::string folded = core::fold(strip_parentheses(header));
    if (folded.empty()) return std::nullopt;
    for (const auto& entry : synonyms())
        for (auto name : entry.names)
            if (folded == name) return entry.field;
    return std::nullopt;
}

ColumnMap recognise_columns(const std::vector<std::string>& headers, const ColumnMapping& mapping,
                            const std::string& source, core::Lang lang) {
    ColumnMap map;
    std::array<bool, field_count> mapped{};
    std::vector<bool> used(headers.size(), false);
    for (const auto& [field, header] : mapping) {
        mapped[static_cast<std::size_t>(field)] = true;
        map.set(field, std::nullopt);
        if (header.empty()) continue;
        const std::string wanted = core::fold(header);
        bool found = false;
        for (std::size_t i = 0; i < headers.size() && !found; ++i) {
            if (headers[i] == header || core::fold(headers[i]) == wanted) {
                map.set(field, i);
                used[i] = true;
                found = true;
            }
        }
        if (!found)
            throw FatalError(core::render_error(
                source, core::tr(lang, Msg::MappedColumnNotFound, field_key(field), header, join(headers)), lang));
    }
    for (std::size_t i = 0; i < headers.size(); ++i) {
        if (used[i]) continue;
        const auto field = recognise_header(headers[i]);
        if (!field || mapped[static_cast<std::size_t>(*field)] || map.has(*field)) continue;
        map.set(*field, i);
    }
    std::vector<std::string> missing;
    if (!map.has(Field::Person) && !map.has(Field::Email) && !map.has(Field::Name) &&
        !map.has(Field::LastName))
        missing.emplace_back(core::message(Msg::WordPerson, lang));
    if (!map.has(Field::Session)) missing.emplace_back(core::message(Msg::WordSession, lang));
    if (!missing.empty()) {
        std::string what;
        for (const auto& m : missing) what += (what.empty() ? "" : ", ") + m;
        throw FatalError(core::render_error(source, core::tr(lang, Msg::MissingColumns, what, join(headers)), lang));
    }
    return map;
}

} // namespace maillage::ingest
