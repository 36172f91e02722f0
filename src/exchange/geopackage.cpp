// The GeoPackage export through OGR (the only exchange source that includes GDAL), written
// as store.cpp writes its layers: one layer per table, features in one transaction.
#include "maillage/exchange/geopackage.hpp"

#include "maillage/metrics/node_columns.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "gdal_session.hpp"
#include "maillage/advise/invite.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/render/palette.hpp"

namespace maillage::exchange {

using core::Msg;

GeoLayers geo_layers(const model::Project& project, const Export& data, const model::Taxonomy& taxonomy,
                     const advise::Geography& geography, const geo::CommunePlaces& places, core::Lang lang) {
    GeoLayers out;
    std::set<std::string> epci_seen;
    // Nodes by the EPCI of their commune, for the EPCI indicators.
    std::map<std::string, std::vector<std::size_t>> nodes_in_epci;
    for (std::size_t v = 0; v < data.nodes.size(); ++v)
        if (const auto* c = geography.find(data.nodes[v].commune); c != nullptr && !c->epci.empty())
            nodes_in_epci[c->epci].push_back(v);
    auto union_of_communes = [&](const std::vector<std::string>& codes) {
        const auto wkbs = places.outlines(codes, lang);
        return wkbs.empty() ? std::string() : geo::union_of(wkbs, lang);
    };
    auto population_of = [&](const std::vector<std::string>& codes) {
        std::int64_t p = 0;
        for (const auto& code : codes)
            if (const auto* c = geography.find(code)) p += c->population;
        return p;
    };

    for (const auto& row : data.indicators) {
        if (row.territory == model::no_id) continue;
        const auto& t = project.territories[static_cast<std::size_t>(row.territory)];
        const auto u = advise::unmobilised(project, row.territory, taxonomy, geography);
        const auto area = advise::area_of(project, row.territory, geography);

        Area a;
        a.code = t.code;
        a.name = t.name;
        a.territory = t.name;
        a.wkb = !t.outline.empty() ? t.outline : union_of_communes(area);
        a.population = population_of(area);
        a.communes = static_cast<std::int64_t>(area.size());
        a.participants = row.participants;
        a.organisations = row.organisations;
        a.ties = row.ties;
        a.density = row.density;
        a.known = u.overall.known;
        a.present = u.overall.present;
        a.mobilisation = u.overall.rate();
        a.editions = row.editions;
        out.territories.push_back(std::move(a));

        // Its EPCI, in code order.
        std::map<std::string, std::vector<std::string>> epci;
        for (const auto& code : area)
            if (const auto* c = geography.find(code); c != nullptr && !c->epci.empty()) epci[c->epci].push_back(code);
        for (const auto& [siren, codes_here] : epci) {
            if (!epci_seen.insert(siren).second) continue;
            auto codes = places.communes_of_epci(siren);
            if (codes.empty()) codes = codes_here;
            Area e;
            e.code = siren;
            if (const auto* c = geography.find(codes_here.front())) e.name = c->epci_name;
            e.territory = t.name;
            e.wkb = union_of_communes(codes);
            e.population = population_of(codes);
            e.communes = static_cast<std::int64_t>(codes.size());
            std::set<std::int32_t> inside;
            if (auto it = nodes_in_epci.find(siren); it != nodes_in_epci.end()) {
                for (auto v : it->second) {
                    inside.insert(static_cast<std::int32_t>(v));
                    e.participants += data.nodes[v].people;
                }
            }
            e.organisations = static_cast<std::int64_t>(inside.size());
            for (const auto& edge : data.edges)
                if (inside.count(edge.source) && inside.count(edge.target)) ++e.ties;
            const double n = static_cast<double>(e.organisations);
            e.density = n > 1 ? 2.0 * static_cast<double>(e.ties) / (n * (n - 1)) : 0.0;
            for (const auto& r : u.by_epci)
                if (r.key == siren) {
                    e.known = r.known;
                    e.present = r.present;
                    e.mobilisation = r.rate();
                }
            out.epci.push_back(std::move(e));
        }

        for (const auto& n : u.never_seen) {
            const auto& entry = project.registry[n.registry];
            Absent x;
            x.name = n.name;
            x.type = n.type;
            x.type_label = advise::type_label(taxonomy, n.type, lang);
            const auto family = render::family_of(n.type);
            x.family = std::string(render::key(family));
            x.colour = std::string(render::colour(family));
            x.commune = n.commune;
            x.commune_name = n.commune_name;
            x.epci = n.epci;
            x.epci_name = n.epci_name;
            x.territory = t.name;
            x.source = entry.source;
            x.came_elsewhere = n.came_elsewhere;
            x.place = entry.place ? entry.place : places.point(n.commune);
            out.never_mobilised.push_back(std::move(x));
        }
    }
    return out;
}

bool known_srs(const std::string& srs) {
    detail::ensure_gdal();
    detail::QuietGdal quiet;
    OGRSpatialReference s;
    return s.SetFromUserInput(srs.c_str()) == OGRERR_NONE;
}

namespace {

std::string gdal_error() {
    std::string why = CPLGetLastErrorMsg();
    return why.empty() ? std::string("GDAL") : why;
}

struct Field {
    const char* name;
    OGRFieldType type;
};

class GpkgWriter {
public:
    GpkgWriter(const std::string& path, const std::string& shown, const std::string& srs, core::Lang lang)
        : m_shown(shown), m_lang(lang) {
        m_lambert93.importFromEPSG(2154);
        m_lambert93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (m_target.SetFromUserInput(srs.c_str()) != OGRERR_NONE)
            throw FatalError(core::tr(lang, Msg::ExportBadSrs, srs));
        m_target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!m_target.IsSame(&m_lambert93)) {
            m_transform.reset(OGRCreateCoordinateTransformation(&m_lambert93, &m_target));
            if (!m_transform) fail();
        }
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!driver) fail();
        m_ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!m_ds) fail();
    }

    OGRLayer* layer(const char* name, OGRwkbGeometryType type, const std::vector<Field>& fields) {
        CPLStringList options;
        options.SetNameValue("GEOMETRY_NAME", "geom");
        options.SetNameValue("SPATIAL_INDEX", "YES");
        OGRLayer* l = m_ds->CreateLayer(name, &m_target, type, options.List());
        if (!l) fail();
        for (const auto& f : fields) {
            OGRFieldDefn def(f.name, f.type);
            if (l->CreateField(&def) != OGRERR_NONE) fail();
        }
        return l;
    }

    /// Sets the feature's geometry (Lambert-93, reprojected to the target) and inserts it.
    void put(OGRLayer* l, OGRFeature& f, std::unique_ptr<OGRGeometry> g) {
        if (g) {
            if (m_transform && g->transform(m_transform.get()) != OGRERR_NONE) fail();
            f.SetGeometryDirectly(g.release());
        }
        if (l->CreateFeature(&f) != OGRERR_NONE) fail();
    }

    void begin() {
        if (m_ds->StartTransaction(FALSE) != OGRERR_NONE) fail();
    }
    void commit() {
        if (m_ds->CommitTransaction() != OGRERR_NONE) fail();
    }
    void close() {
        GDALDataset* ds = m_ds.release();
        CPLErrorReset();
        GDALClose(ds);
        if (CPLGetLastErrorType() >= CE_Failure) fail();
    }

    [[noreturn]] void fail() const { throw FatalError(core::tr(m_lang, Msg::ExportFailed, m_shown, gdal_error())); }

private:
    std::string m_shown;
    core::Lang m_lang;
    OGRSpatialReference m_lambert93, m_target;
    std::unique_ptr<OGRCoordinateTransformation> m_transform;
    detail::DatasetPtr m_ds;
};

std::unique_ptr<OGRGeometry> point(const std::optional<model::MapPoint>& p) {
    if (!p) return nullptr;
    return std::make_unique<OGRPoint>(p->x, p->y);
}

std::unique_ptr<OGRGeometry> polygon(const std::string& wkb) {
    if (wkb.empty()) return nullptr;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g, wkb.size()) !=
        OGRERR_NONE)
        return nullptr;
    return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(g));
}

void set(OGRFeature& f, const char* name, const std::string& v) { f.SetField(name, v.c_str()); }
void set(OGRFeature& f, const char* name, double v) { f.SetField(name, v); }
void set(OGRFeature& f, const char* name, std::int64_t v) { f.SetField(name, static_cast<GIntBig>(v)); }
void set(OGRFeature& f, const char* name, int v) { f.SetField(name, v); }

void fill_area(OGRFeature& f, const Area& a) {
    set(f, "code", a.code);
    set(f, "name", a.name);
    set(f, "territory", a.territory);
    set(f, "population", a.population);
    set(f, "communes", a.communes);
    set(f, "participants", a.participants);
    set(f, "organisations", a.organisations);
    set(f, "ties", a.ties);
    set(f, "density", a.density);
    set(f, "known", a.known);
    set(f, "present", a.present);
    set(f, "mobilisation", a.mobilisation);
}

} // namespace

void write_geopackage(const std::string& path, const Export& data, const GeoLayers& layers, const std::string& srs,
                      core::Lang lang) {
    detail::ensure_gdal();
    detail::QuietGdal quiet;
    namespace fs = std::filesystem;
    const std::string aside = path + ".part.gpkg";
    std::error_code ec;
    fs::remove(aside, ec);
    try {
        GpkgWriter w(aside, path, srs, lang);
        std::vector<Field> org_fields = {{"node_id", OFTString}, {"name", OFTString}, {"type", OFTString},
                                         {"type_label", OFTString}, {"family", OFTString}, {"family_label", OFTString},
                                         {"colour", OFTString}, {"territory", OFTString}, {"commune", OFTString},
                                         {"degree", OFTInteger64}, {"strength", OFTReal}, {"betweenness", OFTReal},
                                         {"community", OFTInteger}, {"coreness", OFTInteger64}, {"internal_weight", OFTReal}};
        for (const auto i : added_figures()) { // the figures declared since (metrics::node_columns)
            const auto& declared = metrics::node_columns()[i];
            org_fields.push_back({declared.key.data(), // string_view of a literal: null-terminated
                                  declared.kind == metrics::NodeColumnKind::Count ? OFTInteger64 : OFTReal});
        }
        org_fields.insert(org_fields.end(), {{"people", OFTInteger64}, {"editions", OFTInteger}, {"first_year", OFTInteger},
                                             {"last_year", OFTInteger}, {"years", OFTString}});
        OGRLayer* orgs = w.layer("organisations", wkbPoint, org_fields);
        OGRLayer* ties = w.layer("ties", wkbLineString,
                                 {{"source", OFTString}, {"target", OFTString}, {"source_name", OFTString},
                                  {"target_name", OFTString}, {"weight", OFTReal}, {"level", OFTString},
                                  {"editions", OFTInteger}, {"first_year", OFTInteger}, {"last_year", OFTInteger}});
        const std::vector<Field> area_fields = {
            {"code", OFTString},           {"name", OFTString},          {"territory", OFTString},
            {"population", OFTInteger64},  {"communes", OFTInteger64},   {"participants", OFTInteger64},
            {"organisations", OFTInteger64}, {"ties", OFTInteger64},     {"density", OFTReal},
            {"known", OFTInteger64},       {"present", OFTInteger64},    {"mobilisation", OFTReal}};
        std::vector<Field> territory_fields = area_fields;
        territory_fields.push_back({"editions", OFTInteger});
        OGRLayer* territories = w.layer("territories", wkbMultiPolygon, territory_fields);
        OGRLayer* epci = w.layer("epci", wkbMultiPolygon, area_fields);
        OGRLayer* absent = w.layer("never_mobilised", wkbPoint,
                                   {{"name", OFTString}, {"type", OFTString}, {"type_label", OFTString}, {"family", OFTString},
                                    {"colour", OFTString}, {"commune", OFTString}, {"commune_name", OFTString},
                                    {"epci", OFTString}, {"epci_name", OFTString}, {"territory", OFTString},
                                    {"source", OFTString}, {"came_elsewhere", OFTInteger}});
        w.begin();
        for (const auto& n : data.nodes) {
            OGRFeature f(orgs->GetLayerDefn());
            set(f, "node_id", n.id);
            set(f, "name", n.label);
            set(f, "type", n.type);
            set(f, "type_label", n.type_label);
            set(f, "family", n.family);
            set(f, "family_label", n.family_label);
            set(f, "colour", n.colour);
            set(f, "territory", n.territory);
            set(f, "commune", n.commune);
            set(f, "degree", n.degree);
            set(f, "strength", n.strength);
            set(f, "betweenness", n.betweenness);
            set(f, "community", static_cast<int>(n.community));
            set(f, "coreness", n.coreness);
            set(f, "internal_weight", n.internal_weight);
            for (const auto i : added_figures()) {
                const double x = i < n.figures.size() ? n.figures[i] : std::nan("");
                if (std::isnan(x)) continue; // a null field
                const std::string key(metrics::node_columns()[i].key);
                if (metrics::node_columns()[i].kind == metrics::NodeColumnKind::Count) set(f, key.c_str(), static_cast<std::int64_t>(std::llround(x)));
                else set(f, key.c_str(), x);
            }
            set(f, "people", n.people);
            set(f, "editions", static_cast<int>(n.years.size()));
            if (!n.years.empty()) {
                set(f, "first_year", n.years.front());
                set(f, "last_year", n.years.back());
            }
            set(f, "years", years_text(n.years));
            w.put(orgs, f, point(n.place));
        }
        for (const auto& e : data.edges) {
            const Node& a = data.nodes[static_cast<std::size_t>(e.source)];
            const Node& b = data.nodes[static_cast<std::size_t>(e.target)];
            OGRFeature f(ties->GetLayerDefn());
            set(f, "source", a.id);
            set(f, "target", b.id);
            set(f, "source_name", a.label);
            set(f, "target_name", b.label);
            set(f, "weight", e.weight);
            set(f, "level", std::string(graph::key(data.level)));
            set(f, "editions", static_cast<int>(e.years.size()));
            if (!e.years.empty()) {
                set(f, "first_year", e.years.front());
                set(f, "last_year", e.years.back());
            }
            std::unique_ptr<OGRGeometry> line;
            if (a.place && b.place) {
                auto l = std::make_unique<OGRLineString>();
                l->addPoint(a.place->x, a.place->y);
                l->addPoint(b.place->x, b.place->y);
                line = std::move(l);
            }
            w.put(ties, f, std::move(line));
        }
        for (const auto& a : layers.territories) {
            OGRFeature f(territories->GetLayerDefn());
            fill_area(f, a);
            set(f, "editions", static_cast<int>(a.editions));
            w.put(territories, f, polygon(a.wkb));
        }
        for (const auto& a : layers.epci) {
            OGRFeature f(epci->GetLayerDefn());
            fill_area(f, a);
            w.put(epci, f, polygon(a.wkb));
        }
        for (const auto& x : layers.never_mobilised) {
            OGRFeature f(absent->GetLayerDefn());
            set(f, "name", x.name);
            set(f, "type", x.type);
            set(f, "type_label", x.type_label);
            set(f, "family", x.family);
            set(f, "colour", x.colour);
            set(f, "commune", x.commune);
            set(f, "commune_name", x.commune_name);
            set(f, "epci", x.epci);
            set(f, "epci_name", x.epci_name);
            set(f, "territory", x.territory);
            set(f, "source", x.source);
            set(f, "came_elsewhere", x.came_elsewhere ? 1 : 0);
            w.put(absent, f, point(x.place));
        }
        w.commit();
        w.close();
        fs::rename(aside, path, ec);
        if (ec) throw FatalError(core::tr(lang, Msg::ExportFailed, path, ec.message()));
    } catch (...) {
        fs::remove(aside, ec);
        throw;
    }
}

} // namespace maillage::exchange
