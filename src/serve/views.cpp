#include "views.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "maillage/advise/invite.hpp"
#include "maillage/app/project.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/render/palette.hpp"
#include "maillage/render/territory_map.hpp"
#include "maillage/report/format.hpp"
#include "maillage/store/store.hpp"
#include "workspace.hpp"

namespace maillage::serve {

using json = nlohmann::ordered_json;
using core::Msg;

namespace {

struct Bounds {
    double w = 1e300, s = 1e300, e = -1e300, n = -1e300;
    void add(double lon, double lat) {
        w = std::min(w, lon);
        e = std::max(e, lon);
        s = std::min(s, lat);
        n = std::max(n, lat);
    }
};

/// A point of the map's system in WGS 84 longitude, latitude (6 decimals: 10 cm).
std::optional<std::pair<double, double>> lonlat(const model::MapPoint& p, int epsg) {
    const auto q = geo::reproject(p, epsg, 4326);
    if (!q) return std::nullopt;
    return std::make_pair(std::round(q->x * 1e6) / 1e6, std::round(q->y * 1e6) / 1e6);
}

json feature_collection(json features) { return json{{"type", "FeatureCollection"}, {"features", std::move(features)}}; }

std::string commune_name(const advise::Geography& geography, const std::string& code) {
    const auto* c = geography.find(code);
    return c ? c->name : code;
}

} // namespace

namespace {

/// The project and its map inputs, kept while the store file is unchanged (its size and
/// modification time): the outlines are what a map costs. Callers hold the server's work lock.
struct MapCache {
    std::string location;
    std::filesystem::file_time_type written;
    std::uintmax_t size = 0;
    model::Project project;
    app::MapInputs inputs;
};

const MapCache& map_inputs(const std::string& location, core::Lang lang) {
    static std::map<std::string, MapCache> cache;
    std::error_code ec;
    const bool file = !store::is_postgres(location);
    const auto written = file ? std::filesystem::last_write_time(location, ec) : std::filesystem::file_time_type{};
    const auto size = file ? std::filesystem::file_size(location, ec) : 0;
    auto it = cache.find(location);
    if (it != cache.end() && file && !ec && it->second.written == written && it->second.size == size) return it->second;
    MapCache entry;
    entry.location = location;
    entry.written = written;
    entry.size = size;
    entry.project = app::read_store(location, lang);
    entry.inputs = app::load_map_inputs(entry.project, lang);
    if (cache.size() > 8) cache.clear();
    return cache[location] = std::move(entry);
}

} // namespace

const model::Taxonomy& shipped_taxonomy() {
    static const model::Taxonomy taxonomy = ingest::load_taxonomy("", core::Lang::Fr);
    return taxonomy;
}

json territory_map_json(const std::string& store_location, const std::string& territory, const MapQuery& query, core::Lang lang) {
    const auto& cached = map_inputs(store_location, lang);
    const auto& project = cached.project;
    const model::Id t = app::find_territory(project, territory, lang);
    const auto& inputs = cached.inputs;
    render::MapRequest r;
    r.territory = t;
    r.unit = render::parse_unit(query.unit).value_or(render::MapUnit::Epci);
    if (!query.indicator.empty()) {
        const auto indicator = render::parse_indicator(query.indicator);
        if (!indicator) throw FatalError(core::tr(lang, Msg::ServeUnknownFormat, query.indicator));
        r.indicator = *indicator;
    }
    if (!query.edition.empty()) r.year = std::atoi(query.edition.c_str());
    r.level = graph::parse_tie_level(query.level).value_or(graph::TieLevel::Interconnaissance);
    r.ties = 400;
    r.lang = lang;
    r.draw = false;
    const auto map = render::territory_map(project, inputs.geography, inputs.layers, inputs.taxonomy, r, render::Format::Svg);
    const auto& spec = map.spec;
    Bounds bounds;
    json areas = json::array();
    for (std::size_t i = 0; i < spec.areas.size(); ++i) {
        const auto& a = spec.areas[i];
        json polygon = json::array();
        for (const auto& ring : a.shape.rings) {
            json coords = json::array();
            for (const auto& p : ring)
                if (const auto q = lonlat(p, map.epsg)) {
                    coords.push_back({q->first, q->second});
                    bounds.add(q->first, q->second);
                }
            if (coords.size() >= 4) polygon.push_back(json::array({std::move(coords)}));
        }
        const auto& value = i < map.areas.size() ? map.areas[i] : render::AreaValue{};
        std::string shown = "—";
        if (a.value) shown = spec.percent ? report::format_percent(*a.value, 0, lang) : report::format_number(*a.value, spec.decimals, lang);
        areas.push_back({{"type", "Feature"},
                         {"geometry", {{"type", "MultiPolygon"}, {"coordinates", std::move(polygon)}}},
                         {"properties", {{"name", value.name}, {"code", value.code},
                                         {"value", a.value ? json(*a.value) : json(nullptr)}, {"shown", shown}}}});
    }
    const auto& taxonomy = shipped_taxonomy();
    std::map<model::Id, std::set<int>> years;
    {
        for (const auto& a : project.attendances) {
            if (a.organisation == model::no_id) continue;
            const auto& s = project.sessions[static_cast<std::size_t>(a.session)];
            const auto& ed = project.editions[static_cast<std::size_t>(s.edition)];
            if (ed.territory == t) years[a.organisation].insert(ed.year);
        }
    }
    json organisations = json::array(), registry = json::array(), ties = json::array();
    std::vector<std::optional<std::pair<double, double>>> at(spec.markers.size());
    for (std::size_t i = 0; i < spec.markers.size(); ++i) {
        const auto& m = spec.markers[i];
        at[i] = lonlat(m.at, map.epsg);
        if (!at[i]) continue;
        const auto family = render::family_of(m.type);
        json props{{"name", m.name},
                   {"type_label", advise::type_label(taxonomy, m.type, lang)},
                   {"family", std::string(render::key(family))},
                   {"colour", std::string(render::colour(family))},
                   {"commune_name", commune_name(inputs.geography, m.commune)}};
        if (!m.hollow) {
            props["id"] = "o" + std::to_string(m.node);
            props["ties"] = m.degree;
            const auto y = years.find(static_cast<model::Id>(m.node));
            props["editions"] = y == years.end() ? json::array() : json(y->second);
        }
        json f{{"type", "Feature"}, {"geometry", {{"type", "Point"}, {"coordinates", {at[i]->first, at[i]->second}}}}, {"properties", props}};
        (m.hollow ? registry : organisations).push_back(std::move(f));
    }
    for (const auto& l : spec.lines) {
        if (!at[l.a] || !at[l.b]) continue;
        ties.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "LineString"}, {"coordinates", {{at[l.a]->first, at[l.a]->second}, {at[l.b]->first, at[l.b]->second}}}}},
                        {"properties", {{"weight", l.weight}}}});
    }
    return json{{"indicator", {{"key", std::string(render::key(r.indicator))}, {"label", std::string(render::label(r.indicator, lang))}}},
                {"title", map.title},
                {"percent", spec.percent},
                {"breaks", map.drawing.breaks},
                {"bounds", {bounds.w, bounds.s, bounds.e, bounds.n}},
                {"areas", feature_collection(std::move(areas))},
                {"organisations", feature_collection(std::move(organisations))},
                {"registry", feature_collection(std::move(registry))},
                {"ties", feature_collection(std::move(ties))},
                {"notes", spec.notes}};
}

json identity_card(const model::Project& project, const std::string& name, bool people, core::Lang lang) {
    json card{{"name", name}};
    if (people) return card; // people are named by pseudonym: nothing more to show
    const auto& taxonomy = shipped_taxonomy();
    std::set<std::string> types, communes;
    std::map<std::string, std::pair<std::set<int>, std::int64_t>> seen; // territory → years, rows
    model::Id organisation = model::no_id;
    std::set<model::Id> spellings;
    for (std::size_t i = 0; i < project.spellings.size(); ++i) {
        const auto& s = project.spellings[i];
        if (s.text != name) continue;
        spellings.insert(static_cast<model::Id>(i));
        if (!s.type.empty()) types.insert(advise::type_label(taxonomy, s.type, lang));
        if (!s.commune.empty()) communes.insert(commune_label(s.commune, lang));
        organisation = s.organisation;
        if (s.territory != model::no_id) {
            auto& where = seen[project.territories[static_cast<std::size_t>(s.territory)].name];
            for (int y = s.first_year; y <= s.last_year && y > 0; ++y) where.first.insert(y);
            where.second += s.rows;
        }
    }
    json registry = nullptr;
    for (const auto& e : project.registry) {
        const bool match = e.name == name || (organisation != model::no_id && e.organisation == organisation);
        if (!match) continue;
        registry = {{"name", e.name}, {"type", advise::type_label(taxonomy, e.type, lang)},
                    {"commune", commune_label(e.commune, lang)}, {"siret", e.siret}};
        if (types.empty() && !e.type.empty()) types.insert(advise::type_label(taxonomy, e.type, lang));
        if (communes.empty() && !e.commune.empty()) communes.insert(commune_label(e.commune, lang));
        break;
    }
    // who came under this name: how many people (pseudonymous: a count, never who)
    std::set<model::Id> people_seen;
    for (const auto& a : project.attendances)
        if (spellings.count(a.spelling) != 0) people_seen.insert(a.person);
    card["people"] = people_seen.size();
    card["types"] = types;
    card["communes"] = communes;
    card["organisation"] = organisation == model::no_id ? json(nullptr)
                                                        : json(project.organisations[static_cast<std::size_t>(organisation)].name);
    card["registry"] = registry;
    json where = json::array();
    for (const auto& [territory, v] : seen) where.push_back({{"territory", territory}, {"years", v.first}, {"rows", v.second}});
    card["seen"] = where;
    return card;
}

} // namespace maillage::serve
