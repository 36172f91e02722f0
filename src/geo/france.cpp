#include "maillage/geo/france.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "maillage/core/text.hpp"
#include "ogr_polygons.hpp"

namespace maillage::geo {

using core::Msg;
using detail::fail;
using detail::field_or_fail;

namespace {

std::unique_ptr<GDALDataset, maillage::detail::DatasetCloser> open_vector(const std::string& path, core::Lang lang) {
    maillage::detail::ensure_gdal();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    std::unique_ptr<GDALDataset, maillage::detail::DatasetCloser> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    CPLPopErrorHandler();
    if (!ds) fail(path, core::tr(lang, Msg::FileUnreadable, *CPLGetLastErrorMsg() != '\0' ? std::string(CPLGetLastErrorMsg()) : std::string(core::message(Msg::FileEmptyReason, lang))), lang);
    return ds;
}

OGRLayer* layer_or_fail(GDALDataset& ds, const char* name, const std::string& path, core::Lang lang) {
    OGRLayer* layer = ds.GetLayerByName(name);
    if (!layer) fail(path, core::tr(lang, Msg::GeoNoField, name, "communes, epci, departements"), lang);
    return layer;
}

std::string region_file(const std::string& folder, const std::string& region) {
    return folder + "/geo/regions/" + region + ".gpkg";
}

/// A SQL list of quoted codes ('44', '85'); the codes are INSEE codes or SIRENs (digits, A, B),
/// anything else is dropped so that no text reaches the SQL unquoted.
std::string sql_list(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) {
        if (c.empty() || !std::all_of(c.begin(), c.end(), [](char ch) {
                return (ch >= '0' && ch <= '9') || ch == 'A' || ch == 'B';
            }))
            continue;
        out += (out.empty() ? "'" : ", '") + c + "'";
    }
    return out.empty() ? "''" : out;
}

/// A transformation between two EPSG codes, lon/lat order for geographic ones; cached.
OGRCoordinateTransformation* transformation(int from, int to) {
    thread_local std::map<std::pair<int, int>, std::unique_ptr<OGRCoordinateTransformation>> cache;
    auto& slot = cache[{from, to}];
    if (!slot) {
        maillage::detail::ensure_gdal();
        OGRSpatialReference a, b;
        if (a.importFromEPSG(from) != OGRERR_NONE || b.importFromEPSG(to) != OGRERR_NONE) return nullptr;
        a.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        b.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        slot.reset(OGRCreateCoordinateTransformation(&a, &b));
    }
    return slot.get();
}

int layer_epsg(OGRLayer& layer) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return lambert93;
    const char* code = srs->GetAuthorityCode(nullptr);
    return code ? std::atoi(code) : lambert93;
}

} // namespace

std::string departement_of_commune(std::string_view code) {
    if (code.size() != 5) return {};
    if (code.substr(0, 2) == "97") return std::string(code.substr(0, 3));
    return std::string(code.substr(0, 2));
}

int projection_of_departement(std::string_view d) {
    if (d == "971" || d == "972") return 5490; // RGAF09 / UTM 20N
    if (d == "973") return 2972;               // RGFG95 / UTM 22N
    if (d == "974") return 2975;               // RGR92 / UTM 40S
    if (d == "976") return 4471;               // RGM04 / UTM 38S
    return lambert93;
}

int projection_of_commune(std::string_view code) { return projection_of_departement(departement_of_commune(code)); }

std::optional<model::MapPoint> reproject(const model::MapPoint& p, int from, int to) {
    if (from == to) return p;
    auto* t = transformation(from, to);
    double x = p.x, y = p.y;
    if (!t || !t->Transform(1, &x, &y)) return std::nullopt;
    return model::MapPoint{x, y};
}

std::string reproject_wkb(const std::string& wkb, int from, int to, core::Lang lang) {
    if (from == to || wkb.empty()) return wkb;
    auto g = detail::from_wkb(wkb);
    if (!g) fail("WKB", core::tr(lang, Msg::GeoBadGeometry, ""), lang);
    auto* t = transformation(from, to);
    if (!t || g->transform(t) != OGRERR_NONE)
        fail("WKB", core::tr(lang, Msg::GeoTransformFailed, "EPSG:" + std::to_string(to)), lang);
    return detail::to_wkb(*g);
}

Departements Departements::load(const std::string& folder, core::Lang lang) {
    const std::string path = folder + "/departements.csv";
    auto ds = open_vector(path, lang);
    OGRLayer* layer = ds->GetLayer(0);
    Departements out;
    for (auto& f : *layer) {
        Departement d{f->GetFieldAsString(field_or_fail(*f, "code_departement", path, lang)),
                      f->GetFieldAsString(field_or_fail(*f, "nom", path, lang)),
                      f->GetFieldAsString(field_or_fail(*f, "code_region", path, lang))};
        out.m_by_key.emplace(core::fold(d.code), out.m_all.size());
        out.m_by_key.emplace(core::fold(d.name), out.m_all.size());
        out.m_all.push_back(std::move(d));
    }
    return out;
}

const Departement* Departements::find(std::string_view text) const {
    const auto it = m_by_key.find(core::fold(text));
    return it == m_by_key.end() ? nullptr : &m_all[it->second];
}

CommunePlaces CommunePlaces::load(const std::string& folder, core::Lang lang) {
    CommunePlaces places;
    places.m_folder = folder;
    const std::filesystem::path dir = folder + "/geo/regions";
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".gpkg") files.push_back(entry.path());
    if (files.empty()) fail(dir.string(), std::string(core::message(Msg::FileNotFound, lang)), lang);
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::string path = file.string();
        auto ds = open_vector(path, lang);
        OGRLayer* layer = layer_or_fail(*ds, "communes", path, lang);
        layer->SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", "nom", nullptr}.data());
        const std::string region = file.stem().string();
        for (auto& f : *layer) {
            Commune c;
            c.lambert = {f->GetFieldAsDouble(field_or_fail(*f, "x", path, lang)),
                         f->GetFieldAsDouble(field_or_fail(*f, "y", path, lang))};
            c.lonlat = {f->GetFieldAsDouble(field_or_fail(*f, "longitude", path, lang)),
                        f->GetFieldAsDouble(field_or_fail(*f, "latitude", path, lang))};
            const int epsg = layer_epsg(*layer);
            if (epsg != lambert93) // overseas: the store's places are Lambert-93 (france.hpp)
                if (const auto p = reproject(c.lonlat, 4326, lambert93)) c.lambert = *p;
            c.epci = f->GetFieldAsString(field_or_fail(*f, "epci_siren", path, lang));
            c.region = region;
            places.m_communes.emplace(f->GetFieldAsString(field_or_fail(*f, "code_insee", path, lang)), std::move(c));
        }
    }
    return places;
}

std::optional<model::MapPoint> CommunePlaces::point(const std::string& code) const {
    const auto it = m_communes.find(code);
    if (it == m_communes.end()) return std::nullopt;
    return it->second.lambert;
}

std::optional<model::MapPoint> CommunePlaces::lonlat(const std::string& code) const {
    const auto it = m_communes.find(code);
    if (it == m_communes.end()) return std::nullopt;
    return it->second.lonlat;
}

std::vector<std::string> CommunePlaces::outlines(const std::vector<std::string>& codes, core::Lang lang) const {
    std::map<std::string, std::vector<std::string>> by_region;
    for (const auto& code : codes)
        if (const auto it = m_communes.find(code); it != m_communes.end()) by_region[it->second.region].push_back(code);
    std::vector<std::string> out;
    for (const auto& [region, wanted] : by_region) {
        const std::string path = region_file(m_folder, region);
        auto ds = open_vector(path, lang);
        OGRLayer* layer = layer_or_fail(*ds, "communes", path, lang);
        const int epsg = layer_epsg(*layer);
        layer->SetAttributeFilter(("code_insee IN (" + sql_list(wanted) + ")").c_str());
        for (auto& f : *layer) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) continue;
            std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
            out.push_back(reproject_wkb(detail::to_wkb(*multi), epsg, lambert93, lang));
        }
    }
    return out;
}

std::vector<std::string> CommunePlaces::communes_of_epci(const std::string& siren) const {
    std::vector<std::string> codes;
    for (const auto& [code, c] : m_communes)
        if (c.epci == siren) codes.push_back(code);
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::string CommunePlaces::epci_of(const std::string& code) const {
    const auto it = m_communes.find(code);
    return it == m_communes.end() ? std::string() : it->second.epci;
}

std::vector<std::string> CommunePlaces::communes_in_departement(const std::string& departement) const {
    std::vector<std::string> codes;
    for (const auto& [code, c] : m_communes)
        if (departement_of_commune(code) == departement) codes.push_back(code);
    std::sort(codes.begin(), codes.end());
    return codes;
}

std::vector<std::string> CommunePlaces::communes_inside(const std::string& outline, core::Lang lang) const {
    std::vector<std::string> out;
    if (outline.empty()) return out;
    auto g = detail::from_wkb(outline);
    if (!g) fail("WKB", core::tr(lang, Msg::GeoBadGeometry, ""), lang);
    OGREnvelope box;
    g->getEnvelope(&box);
    for (const auto& [code, c] : m_communes) {
        const auto& p = c.lambert;
        if (p.x < box.MinX || p.x > box.MaxX || p.y < box.MinY || p.y > box.MaxY) continue;
        const OGRPoint point(p.x, p.y);
        if (g->Contains(&point)) out.push_back(code);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string departement_outline(const std::string& folder, const Departement& departement, core::Lang lang) {
    const std::string path = region_file(folder, departement.region);
    if (!std::filesystem::exists(path)) return {};
    auto ds = open_vector(path, lang);
    OGRLayer* layer = layer_or_fail(*ds, "departements", path, lang);
    const int epsg = layer_epsg(*layer);
    layer->SetAttributeFilter(("code_departement = " + sql_list({departement.code})).c_str());
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
        return reproject_wkb(detail::to_wkb(*multi), epsg, lambert93, lang);
    }
    return {};
}

namespace {

/// Features read, their shapes to make: simplifying the outlines (GEOS) is most of the time a
/// map's outlines take, and each outline is simplified on its own (OGR gives each call its own
/// GEOS context), so the features are shaped on two threads once all are read.
struct Shaping {
    std::vector<MapFeature> features;
    std::vector<std::unique_ptr<OGRGeometry>> geometries; ///< null: the shape was prepared
    std::vector<bool> keep_inside; ///< the point inside comes from the file

    /// `prepared`: the file's own shape of this outline at the map's tolerance (prepared_shapes).
    void add(MapFeature feature, std::unique_ptr<OGRGeometry> geometry, bool inside_given, const Shape* prepared) {
        if (prepared) {
            const auto inside = feature.shape.inside;
            feature.shape = *prepared;
            if (inside_given) feature.shape.inside = inside;
            geometry.reset();
        }
        features.push_back(std::move(feature));
        geometries.push_back(std::move(geometry));
        keep_inside.push_back(inside_given);
    }
    std::vector<MapFeature> shaped(double tolerance) {
        auto shape = [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) {
                if (!geometries[i]) continue;
                const auto inside = features[i].shape.inside;
                features[i].shape = detail::shape_of_geometry(*geometries[i], tolerance);
                if (keep_inside[i]) features[i].shape.inside = inside;
            }
        };
        const std::size_t n = features.size();
        auto second = std::async(std::launch::async, shape, n / 2, n);
        shape(0, n / 2);
        second.get();
        geometries.clear();
        return std::move(features);
    }
};

/// The outlines of `layer` as a map draws them, prepared in the file (scripts/prepare-geography:
/// layer map_<layer>, the outline simplified by the same GEOS call, its box and a point inside),
/// by code; none when the file has no such layer or prepared them at another tolerance.
std::map<std::string, Shape> prepared_shapes(GDALDataset& ds, const std::string& layer, const char* key, double tolerance,
                                             const std::string& path, core::Lang lang) {
    std::map<std::string, Shape> out;
    OGRLayer* l = ds.GetLayerByName(("map_" + layer).c_str());
    if (!l) return out;
    std::vector<int> at; // the fields' indexes, looked up on the first feature
    for (auto& f : *l) {
        if (at.empty())
            for (const char* name : {"tolerance", key, "min_x", "min_y", "max_x", "max_y", "inside_x", "inside_y"})
                at.push_back(field_or_fail(*f, name, path, lang));
        if (f->GetFieldAsDouble(at[0]) != tolerance) return {};
        auto number = [&](std::size_t i) { return f->GetFieldAsDouble(at[i]); };
        out.emplace(f->GetFieldAsString(at[1]), detail::shape_of_simplified(f->GetGeometryRef(), {number(2), number(3)},
                                                                            {number(4), number(5)}, {number(6), number(7)}));
    }
    return out;
}

const Shape* prepared(const std::map<std::string, Shape>& shapes, const std::string& code) {
    const auto it = shapes.find(code);
    return it == shapes.end() ? nullptr : &it->second;
}

} // namespace

MapLayers load_map_layers(const std::string& folder, const std::vector<std::string>& departements, double tolerance,
                          core::Lang lang) {
    MapLayers layers;
    if (departements.empty()) return layers;
    Shaping commune_shapes, epcis;
    const auto table = Departements::load(folder, lang);
    std::map<std::string, std::vector<std::string>> by_region;
    for (const auto& code : departements)
        if (const auto* d = table.find(code)) by_region[d->region].push_back(d->code);
        // else not a département of the COG: nothing to draw
    std::set<std::string> epci_wanted;
    for (const auto& [region, deps] : by_region) {
        const std::string path = region_file(folder, region);
        if (!std::filesystem::exists(path))
            fail(path, core::tr(lang, Msg::GeoRegionMissing, deps.front()), lang);
        auto ds = open_vector(path, lang);
        const auto commune_prepared = prepared_shapes(*ds, "communes", "code_insee", tolerance, path, lang);
        const auto epci_prepared = prepared_shapes(*ds, "epci", "epci_siren", tolerance, path, lang);
        OGRLayer* communes = layer_or_fail(*ds, "communes", path, lang);
        const int epsg = layer_epsg(*communes);
        communes->SetAttributeFilter(("code_departement IN (" + sql_list(deps) + ")").c_str());
        for (auto& f : *communes) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) continue;
            MapFeature feature;
            feature.code = f->GetFieldAsString(field_or_fail(*f, "code_insee", path, lang));
            feature.name = f->GetFieldAsString(field_or_fail(*f, "nom", path, lang));
            feature.group = f->GetFieldAsString(field_or_fail(*f, "epci_siren", path, lang));
            feature.population = f->GetFieldAsInteger64(field_or_fail(*f, "population", path, lang));
            feature.epsg = epsg;
            std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
            feature.shape.inside = {f->GetFieldAsDouble(field_or_fail(*f, "x", path, lang)),
                                    f->GetFieldAsDouble(field_or_fail(*f, "y", path, lang))};
            feature.wkb = detail::to_wkb(*multi);
            if (!feature.group.empty()) epci_wanted.insert(feature.group);
            const auto* shape = prepared(commune_prepared, feature.code);
            commune_shapes.add(std::move(feature), std::move(multi), true, shape);
        }
        OGRLayer* epci = layer_or_fail(*ds, "epci", path, lang);
        const std::vector<std::string> sirens(epci_wanted.begin(), epci_wanted.end());
        epci->SetAttributeFilter(("epci_siren IN (" + sql_list(sirens) + ")").c_str());
        for (auto& f : *epci) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) continue;
            MapFeature feature;
            feature.code = f->GetFieldAsString(field_or_fail(*f, "epci_siren", path, lang));
            if (std::any_of(epcis.features.begin(), epcis.features.end(),
                            [&](const MapFeature& e) { return e.code == feature.code; }))
                continue; // an EPCI across two régions, read from the first
            feature.name = f->GetFieldAsString(field_or_fail(*f, "nom", path, lang));
            feature.population = f->GetFieldAsInteger64(field_or_fail(*f, "population_totale", path, lang));
            feature.epsg = layer_epsg(*epci);
            std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
            feature.wkb = detail::to_wkb(*multi);
            const auto* shape = prepared(epci_prepared, feature.code);
            epcis.add(std::move(feature), std::move(multi), false, shape);
        }
    }
    layers.communes = commune_shapes.shaped(tolerance);
    layers.epci = epcis.shaped(tolerance);
    auto by_code = [](const MapFeature& a, const MapFeature& b) { return a.code < b.code; };
    std::sort(layers.communes.begin(), layers.communes.end(), by_code);
    std::sort(layers.epci.begin(), layers.epci.end(), by_code);
    return layers;
}

std::vector<MapFeature> load_departements(const std::string& folder, double tolerance, core::Lang lang) {
    Shaping pending;
    std::set<std::string> regions;
    const auto table = Departements::load(folder, lang);
    for (const auto& d : table.all()) regions.insert(d.region);
    for (const auto& region : regions) {
        const std::string path = region_file(folder, region);
        if (!std::filesystem::exists(path)) continue; // the COM: no outlines
        auto ds = open_vector(path, lang);
        const auto departement_prepared = prepared_shapes(*ds, "departements", "code_departement", tolerance, path, lang);
        OGRLayer* layer = layer_or_fail(*ds, "departements", path, lang);
        const int epsg = layer_epsg(*layer);
        for (auto& f : *layer) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) continue;
            MapFeature feature;
            feature.code = f->GetFieldAsString(field_or_fail(*f, "code_departement", path, lang));
            feature.name = f->GetFieldAsString(field_or_fail(*f, "nom", path, lang));
            feature.epsg = epsg;
            std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
            const auto* shape = prepared(departement_prepared, feature.code);
            pending.add(std::move(feature), std::move(multi), false, shape);
        }
    }
    auto out = pending.shaped(tolerance);
    std::sort(out.begin(), out.end(), [](const MapFeature& a, const MapFeature& b) { return a.code < b.code; });
    return out;
}

} // namespace maillage::geo
