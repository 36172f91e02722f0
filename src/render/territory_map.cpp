#include "maillage/render/territory_map.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/geo/places.hpp"
#include "maillage/metrics/change.hpp"
#include "maillage/metrics/summary.hpp"

namespace maillage::render {

using core::Msg;

std::optional<MapIndicator> parse_indicator(std::string_view text) {
    if (text == "participants") return MapIndicator::Participants;
    if (text == "organisations") return MapIndicator::Organisations;
    if (text == "density") return MapIndicator::Density;
    if (text == "mobilisation") return MapIndicator::Mobilisation;
    if (text == "retention") return MapIndicator::Retention;
    return std::nullopt;
}

std::string_view key(MapIndicator indicator) {
    switch (indicator) {
    case MapIndicator::Participants: return "participants";
    case MapIndicator::Organisations: return "organisations";
    case MapIndicator::Density: return "density";
    case MapIndicator::Mobilisation: return "mobilisation";
    case MapIndicator::Retention: break;
    }
    return "retention";
}

std::string_view label(MapIndicator indicator, core::Lang lang) {
    switch (indicator) {
    case MapIndicator::Participants: return core::message(Msg::MapIndicatorParticipants, lang);
    case MapIndicator::Organisations: return core::message(Msg::MapIndicatorOrganisations, lang);
    case MapIndicator::Density: return core::message(Msg::MapIndicatorDensity, lang);
    case MapIndicator::Mobilisation: return core::message(Msg::MapIndicatorMobilisation, lang);
    case MapIndicator::Retention: break;
    }
    return core::message(Msg::MapIndicatorRetention, lang);
}

std::optional<MapUnit> parse_unit(std::string_view text) {
    if (text == "epci") return MapUnit::Epci;
    if (text == "commune") return MapUnit::Commune;
    return std::nullopt;
}

namespace {

Msg definition(MapIndicator indicator) {
    switch (indicator) {
    case MapIndicator::Participants: return Msg::MapDefParticipants;
    case MapIndicator::Organisations: return Msg::MapDefOrganisations;
    case MapIndicator::Density: return Msg::MapDefDensity;
    case MapIndicator::Mobilisation: return Msg::MapDefMobilisation;
    case MapIndicator::Retention: break;
    }
    return Msg::MapDefRetention;
}

// Drawing tolerances (metres): well under a pixel at the scales drawn (about 380 m/px for the
// region, 150 m/px for a département on a 1400 × 1000 map).
constexpr double region_tolerance = 150, territory_tolerance = 40;

/// The project with only the editions of the window (for advise::unmobilised, which counts
/// every edition of a territory).
model::Project restrict_editions(const model::Project& project, const MapRequest& r) {
    if (!r.year) return project;
    std::vector<bool> keep;
    for (const auto& e : project.editions) keep.push_back(r.cumulative ? e.year <= *r.year : e.year == *r.year);
    return advise::only_editions(project, keep);
}

/// The project with only the attendances of people who came from an organisation located in
/// `codes` (a set of commune codes): the networks it gives are those of that area's
/// organisations, induced from the whole network.
model::Project only_from(const model::Project& project, const std::set<std::string>& codes) {
    model::Project p;
    p.territories = project.territories;
    p.editions = project.editions;
    p.sessions = project.sessions;
    p.organisations = project.organisations;
    p.people = project.people;
    for (const auto& a : project.attendances)
        if (a.organisation != model::no_id &&
            codes.count(project.organisations[static_cast<std::size_t>(a.organisation)].commune) != 0)
            p.attendances.push_back(a);
    return p;
}

/// The indicators built on the networks of a window (every one but mobilisation), `index`
/// being the project's.
std::optional<double> network_value(const model::Project& project, const graph::ProjectIndex& index, model::Id territory,
                                    const MapRequest& r) {
    graph::Window w;
    w.territory = territory;
    w.year = r.year;
    w.cumulative = r.cumulative;
    if (graph::select_editions(project, w).empty()) return std::nullopt;
    switch (r.indicator) {
    case MapIndicator::Participants:
        return static_cast<double>(graph::build_network(project, index, graph::Scope::People, r.level, w).people);
    case MapIndicator::Organisations:
        return static_cast<double>(graph::build_network(project, index, graph::Scope::Organisations, r.level, w).organisations);
    case MapIndicator::Density: {
        const auto network = graph::build_network(project, index, graph::Scope::Organisations, r.level, w);
        if (network.graph.node_count < 2) return std::nullopt;
        return metrics::graph_structure(network.graph).density;
    }
    case MapIndicator::Retention: {
        const auto changes = metrics::edition_changes(project, r.level, w);
        if (changes.empty() || changes.back().people.presence.previous == 0) return std::nullopt;
        return changes.back().people.presence.retention;
    }
    case MapIndicator::Mobilisation: break;
    }
    return std::nullopt;
}

const geo::MapFeature* find_feature(const std::vector<geo::MapFeature>& layer, const std::string& code) {
    const auto it = std::lower_bound(layer.begin(), layer.end(), code,
                                     [](const geo::MapFeature& f, const std::string& c) { return f.code < c; });
    return it != layer.end() && it->code == code ? &*it : nullptr;
}

/// Where a coordinate system's shapes go on the map: the map's own projection as it is, an
/// overseas one scaled and moved into an inset.
struct Placement {
    double scale = 1, dx = 0, dy = 0;
    [[nodiscard]] model::MapPoint at(const model::MapPoint& p) const { return {p.x * scale + dx, p.y * scale + dy}; }
};

geo::Shape placed(geo::Shape shape, const Placement& p) {
    for (auto& ring : shape.rings)
        for (auto& point : ring) point = p.at(point);
    shape.inside = p.at(shape.inside);
    const auto lo = p.at({shape.min_x, shape.min_y}), hi = p.at({shape.max_x, shape.max_y});
    shape.min_x = lo.x;
    shape.min_y = lo.y;
    shape.max_x = hi.x;
    shape.max_y = hi.y;
    return shape;
}

geo::Shape rectangle(double x0, double y0, double x1, double y1) {
    geo::Shape s;
    s.rings.push_back({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}});
    s.min_x = x0;
    s.min_y = y0;
    s.max_x = x1;
    s.max_y = y1;
    s.inside = {(x0 + x1) / 2, (y0 + y1) / 2};
    return s;
}

/// The projection a territory is drawn in: its communes' (overseas: their own), else Lambert-93.
int territory_epsg(const advise::Geography& geography, model::Id t) {
    const auto i = static_cast<std::size_t>(t);
    if (i < geography.territory_communes.size() && !geography.territory_communes[i].empty())
        return geo::projection_of_commune(geography.territory_communes[i].front());
    return geo::lambert93;
}

std::string when_text(const MapRequest& r) {
    if (!r.year) return std::string(core::message(Msg::WindowAllEditions, r.lang));
    return r.cumulative ? core::tr(r.lang, Msg::WindowCumulative, *r.year) : core::tr(r.lang, Msg::WindowEdition, *r.year);
}

} // namespace

MapResult territory_map(const model::Project& project, const advise::Geography& geography, const geo::MapLayers& layers,
                        const model::Taxonomy& taxonomy, const MapRequest& r, Format format) {
    const core::Lang lang = r.lang;
    MapSpec spec;
    spec.lang = lang;
    spec.width = r.width;
    spec.height = r.height;
    spec.method = r.method;
    spec.classes = r.classes;
    spec.indicator = std::string(label(r.indicator, lang));
    spec.percent = r.indicator == MapIndicator::Mobilisation || r.indicator == MapIndicator::Retention;
    spec.decimals = r.indicator == MapIndicator::Density ? 3 : 0;
    spec.credit = std::string(core::message(Msg::MapCredit, lang));

    // advise::unmobilised on the window's editions, once per territory: mobilisation and the
    // registry's never-seen organisations.
    const bool need_advice = r.indicator == MapIndicator::Mobilisation || r.registry;
    const model::Project windowed = need_advice ? restrict_editions(project, r) : model::Project{};
    std::map<model::Id, advise::Unmobilised> advice;
    auto advice_of = [&](model::Id t) -> const advise::Unmobilised& {
        auto it = advice.find(t);
        if (it == advice.end()) it = advice.emplace(t, advise::unmobilised(windowed, t, taxonomy, geography)).first;
        return it->second;
    };
    auto edition_count = [&](model::Id t) {
        graph::Window w;
        w.territory = t;
        w.year = r.year;
        w.cumulative = r.cumulative;
        return graph::select_editions(project, w).size();
    };

    // The project indexed once for the networks of every territory and of the whole map.
    const graph::ProjectIndex index(project);
    MapResult result;
    std::set<std::string> area_communes; // the communes of the map (territory map)
    std::string inset_note;
    // The projection of the map and, for the region map, where each other projection's
    // territories go: overseas ones in insets left of the map's main body.
    int map_epsg = geo::lambert93;
    std::map<int, Placement> placements;
    if (!r.territory) {
        // The region: one area per territory with an outline, each in its own projection.
        struct Drawn {
            model::Id territory;
            int epsg;
            geo::Shape shape;
        };
        std::vector<Drawn> drawn;
        bool any_main = false;
        for (model::Id t = 0; t < static_cast<model::Id>(project.territories.size()); ++t) {
            const auto& territory = project.territories[static_cast<std::size_t>(t)];
            if (territory.outline.empty()) continue;
            const int epsg = territory_epsg(geography, t);
            any_main |= epsg == geo::lambert93;
            drawn.push_back({t, epsg, geo::shape_of(geo::reproject_wkb(territory.outline, geo::lambert93, epsg, lang),
                                                   epsg == geo::lambert93 ? region_tolerance : 0, lang)});
        }
        if (!any_main && !drawn.empty()) map_epsg = drawn.front().epsg;
        placements[map_epsg] = Placement{};
        // The main body's extent, then one inset per other projection, stacked from the top.
        double min_x = 1e300, min_y = 1e300, max_y = -1e300;
        std::map<int, std::array<double, 4>> extent; // epsg → min_x, min_y, max_x, max_y
        for (const auto& d : drawn) {
            auto& e = extent.try_emplace(d.epsg, std::array<double, 4>{1e300, 1e300, -1e300, -1e300}).first->second;
            e = {std::min(e[0], d.shape.min_x), std::min(e[1], d.shape.min_y), std::max(e[2], d.shape.max_x),
                 std::max(e[3], d.shape.max_y)};
        }
        if (const auto it = extent.find(map_epsg); it != extent.end()) {
            min_x = it->second[0];
            min_y = it->second[1];
            max_y = it->second[3];
        }
        std::vector<std::string> inset_names;
        if (extent.size() > 1) {
            const double height = max_y > min_y ? max_y - min_y : 1e5;
            const double box = height * 0.24, gap = height * 0.03;
            double top = max_y;
            for (const auto& [epsg, e] : extent) {
                if (epsg == map_epsg) continue;
                const double w = e[2] - e[0], h = e[3] - e[1];
                const double scale = box / std::max({w, h, 1.0});
                const double x0 = min_x - gap - box, y1 = top;
                // centred in its square box
                Placement p{scale, x0 + (box - w * scale) / 2 - e[0] * scale, y1 - box + (box - h * scale) / 2 - e[1] * scale};
                placements[epsg] = p;
                spec.insets.push_back(rectangle(x0 - gap / 3, y1 - box - gap / 3, x0 + box + gap / 3, y1 + gap / 3));
                top -= box + gap;
            }
        }
        // France's départements under the territories (those of the main body's projection).
        for (const auto& d : layers.departements)
            if (d.epsg == map_epsg) spec.background.push_back(d.shape);
        for (auto& d : drawn) {
            const auto& territory = project.territories[static_cast<std::size_t>(d.territory)];
            MapArea area;
            area.label = territory.name;
            area.shape = placed(std::move(d.shape), placements[d.epsg]);
            if (d.epsg != map_epsg) inset_names.push_back(territory.name);
            const model::Id t = d.territory;
            if (r.indicator == MapIndicator::Mobilisation) {
                if (edition_count(t) > 0 && advice_of(t).overall.known > 0) area.value = advice_of(t).overall.rate();
            } else {
                area.value = network_value(project, index, t, r);
            }
            result.areas.push_back({territory.code.empty() ? territory.key : territory.code, territory.name, area.value});
            spec.areas.push_back(std::move(area));
        }
        if (!inset_names.empty()) {
            std::string names;
            for (const auto& n : inset_names) names += (names.empty() ? "" : ", ") + n;
            inset_note = core::tr(lang, Msg::MapInsetNote, names);
        }
        result.title = core::tr(lang, Msg::MapTitleRegion, spec.indicator, when_text(r));
    } else {
        // One territory: its communes, grouped by EPCI; each EPCI drawn as the union of the
        // territory's communes inside it (an EPCI reaching into a neighbour is cut at the border).
        const model::Id t = *r.territory;
        const auto& territory = project.territories[static_cast<std::size_t>(t)];
        const auto codes = advise::area_of(project, t, geography);
        std::map<std::string, std::vector<std::string>> by_epci; // SIREN → commune codes
        for (const auto& code : codes) {
            const auto* commune = find_feature(layers.communes, code);
            if (!commune) continue;
            if (area_communes.empty()) map_epsg = commune->epsg; // the territory's own projection
            if (commune->epsg != map_epsg) continue; // a territory across projections: its first one
            area_communes.insert(code);
            spec.context.push_back(commune->shape);
            by_epci[commune->group].push_back(code);
        }
        if (by_epci.empty()) throw FatalError(core::tr(lang, Msg::MapNoCommunes, territory.name));
        // Mobilisation by area is advise's rate by EPCI; by commune, the same rate with each
        // commune standing as its own EPCI in a copy of the COG (the definition stays advise's).
        std::map<std::string, double> mobilisation;
        if (r.indicator == MapIndicator::Mobilisation && edition_count(t) > 0) {
            if (r.unit == MapUnit::Epci) {
                for (const auto& rate : advice_of(t).by_epci)
                    if (rate.known > 0) mobilisation[rate.key] = rate.rate();
            } else {
                advise::Geography by_commune = geography;
                for (auto& c : by_commune.communes) {
                    c.epci = c.code;
                    c.epci_name = c.name;
                }
                for (const auto& rate : advise::unmobilised(windowed, t, taxonomy, by_commune).by_epci)
                    if (rate.known > 0) mobilisation[rate.key] = rate.rate();
            }
        }
        std::map<std::string, std::vector<std::string>> units; // EPCI SIREN or commune code → communes
        if (r.unit == MapUnit::Epci) units = by_epci;
        else
            for (const auto& code : area_communes) units[code] = {code};
        for (const auto& [unit, members] : units) {
            MapArea area;
            if (r.unit == MapUnit::Epci) {
                std::vector<std::string> wkbs;
                for (const auto& code : members) wkbs.push_back(find_feature(layers.communes, code)->wkb);
                area.shape = geo::shape_of(geo::union_of(wkbs, lang), territory_tolerance, lang);
            } else {
                area.shape = find_feature(layers.communes, unit)->shape;
            }
            if (r.indicator == MapIndicator::Mobilisation) {
                if (const auto it = mobilisation.find(unit); it != mobilisation.end()) area.value = it->second;
            } else {
                const std::set<std::string> inside(members.begin(), members.end());
                const auto from_area = only_from(project, inside);
                area.value = network_value(from_area, graph::ProjectIndex(from_area), t, r);
            }
            const auto* feature = find_feature(r.unit == MapUnit::Epci ? layers.epci : layers.communes, unit);
            result.areas.push_back({unit, feature ? feature->name : unit, area.value});
            spec.areas.push_back(std::move(area));
        }
        if (r.unit == MapUnit::Commune) spec.context.clear(); // the areas are the communes
        // The most populated communes, named, for orientation.
        std::vector<const geo::MapFeature*> towns;
        for (const auto& code : area_communes) towns.push_back(find_feature(layers.communes, code));
        std::sort(towns.begin(), towns.end(), [](const geo::MapFeature* a, const geo::MapFeature* b) {
            return a->population != b->population ? a->population > b->population : a->code < b->code;
        });
        if (towns.size() > 10) towns.resize(10);
        for (const auto* town : towns) spec.places.push_back({town->shape.inside, town->name});
        result.title = core::tr(lang, r.unit == MapUnit::Epci ? Msg::MapTitleTerritory : Msg::MapTitleCommunes, spec.indicator,
                               territory.name, when_text(r));
        placements[map_epsg] = Placement{};
    }
    spec.title = result.title;
    spec.subtitle = std::string(core::message(definition(r.indicator), lang));

    // The organisations that came (the organisation network of the window) and their ties.
    graph::Window w;
    w.territory = r.territory;
    w.year = r.year;
    w.cumulative = r.cumulative;
    // Organisations located outside the map's areas (a regional body attending a territory's
    // edition from another département) are left out, and counted in the caption.
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const auto& a : spec.areas) {
        min_x = std::min(min_x, a.shape.min_x);
        min_y = std::min(min_y, a.shape.min_y);
        max_x = std::max(max_x, a.shape.max_x);
        max_y = std::max(max_y, a.shape.max_y);
    }
    std::int64_t outside = 0;
    auto on_map = [&](const model::MapPoint& p, const std::string& commune) {
        const bool in = r.territory && !commune.empty() ? area_communes.count(commune) != 0
                                                         : p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
        if (!in) ++outside;
        return in;
    };
    // A place on the map: Lambert-93 (the store's) → its commune's projection → its placement;
    // nullopt when that projection has no place on this map.
    auto to_map = [&](const model::MapPoint& place, const std::string& commune) -> std::optional<model::MapPoint> {
        const int epsg = commune.empty() ? geo::lambert93 : geo::projection_of_commune(commune);
        const auto p = placements.find(epsg);
        if (p == placements.end()) return std::nullopt;
        const auto local = geo::reproject(place, geo::lambert93, epsg);
        if (!local) return std::nullopt;
        return p->second.at(*local);
    };
    auto commune_point = [&](const std::string& code) -> std::optional<model::MapPoint> {
        if (const auto* f = find_feature(layers.communes, code); f && !f->shape.empty()) {
            const auto p = placements.find(f->epsg);
            if (p != placements.end()) return p->second.at(f->shape.inside);
        }
        return std::nullopt;
    };
    auto place_of = [&](const std::optional<model::MapPoint>& place, const std::string& commune) {
        return place ? to_map(*place, commune) : commune_point(commune);
    };
    std::vector<std::size_t> marker_of_node;
    if (!graph::select_editions(project, w).empty()) {
        const auto network = graph::build_network(project, index, graph::Scope::Organisations, r.level, w);
        std::vector<double> degree(static_cast<std::size_t>(network.graph.node_count), 0);
        for (const auto& e : network.graph.edges) {
            degree[static_cast<std::size_t>(e.source)] += 1;
            degree[static_cast<std::size_t>(e.target)] += 1;
        }
        marker_of_node.assign(network.nodes.size(), SIZE_MAX);
        for (std::size_t v = 0; v < network.nodes.size(); ++v) {
            const auto& o = project.organisations[static_cast<std::size_t>(network.nodes[v])];
            const auto at = place_of(o.place, o.commune);
            if (!at) ++outside;
            if (!at || !on_map(*at, o.commune)) continue;
            marker_of_node[v] = spec.markers.size();
            spec.markers.push_back({*at, family_of(o.type), degree[v], false, o.name, o.type, o.commune, network.nodes[v]});
        }
        if (r.ties > 0 && !network.graph.complete) {
            auto edges = network.graph.edges;
            std::sort(edges.begin(), edges.end(), [](const graph::Edge& a, const graph::Edge& b) {
                if (a.weight != b.weight) return a.weight > b.weight;
                return a.source != b.source ? a.source < b.source : a.target < b.target;
            });
            std::int32_t drawn = 0;
            for (const auto& e : edges) {
                if (drawn >= r.ties) break;
                const auto a = marker_of_node[static_cast<std::size_t>(e.source)];
                const auto b = marker_of_node[static_cast<std::size_t>(e.target)];
                if (a == SIZE_MAX || b == SIZE_MAX) continue;
                spec.lines.push_back({a, b, e.weight});
                ++drawn;
            }
            if (!spec.lines.empty())
                spec.lines_legend = core::tr(lang, Msg::MapTiesRule, spec.lines.size(), graph::key(r.level));
        }
    }
    // The registry's organisations never mobilised: on the region map, those that came to no
    // territory; on a territory map, those that never came to it.
    if (r.registry) {
        std::set<std::size_t> seen;
        std::vector<model::Id> territories;
        if (r.territory) territories.push_back(*r.territory);
        else
            for (model::Id t = 0; t < static_cast<model::Id>(project.territories.size()); ++t)
                if (!project.territories[static_cast<std::size_t>(t)].outline.empty()) territories.push_back(t);
        for (const model::Id t : territories) {
            if (edition_count(t) == 0) continue;
            for (const auto& absent : advice_of(t).never_seen) {
                if (!r.territory && absent.came_elsewhere) continue;
                if (!seen.insert(absent.registry).second) continue;
                const auto& entry = project.registry[absent.registry];
                const auto at = place_of(entry.place, entry.commune);
                if (!at || !on_map(*at, entry.commune)) continue;
                spec.markers.push_back({*at, family_of(entry.type), 0, true, entry.name, entry.type, entry.commune, -1});
            }
        }
    }
    spec.notes.push_back(core::tr(lang, Msg::MapNotePoints, graph::key(r.level)));
    if (outside > 0) spec.notes.back() += core::tr(lang, Msg::MapNoteOutside, outside);
    if (r.registry) spec.notes.push_back(std::string(core::message(r.territory ? Msg::MapNoteHollowHere : Msg::MapNoteHollowRegion, lang)));
    if (!inset_note.empty()) spec.notes.push_back(inset_note);

    result.epsg = map_epsg;
    if (r.draw) result.bytes = draw_map(spec, format, &result.drawing);
    result.spec = std::move(spec);
    return result;
}

std::string region_map_svg(const model::Project& project, const advise::Geography& geography,
                           const geo::MapLayers& layers, const model::Taxonomy& taxonomy, MapRequest request) {
    request.territory.reset();
    return territory_map(project, geography, layers, taxonomy, request, Format::Svg).bytes;
}

std::string territory_map_svg(const model::Project& project, model::Id territory, const advise::Geography& geography,
                              const geo::MapLayers& layers, const model::Taxonomy& taxonomy, MapRequest request) {
    request.territory = territory;
    return territory_map(project, geography, layers, taxonomy, request, Format::Svg).bytes;
}

} // namespace maillage::render
