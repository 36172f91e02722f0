#include "maillage/store/store.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <mutex>
#include <memory>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "gdal_session.hpp"

namespace maillage::store {
namespace {

using detail::QuietGdal;

using core::Msg;

struct FieldDef {
    const char* name;
    OGRFieldType type;
};
struct TableDef {
    const char* name;
    std::vector<FieldDef> fields;
    OGRwkbGeometryType geometry = wkbNone; ///< spatial tables are in EPSG:2154
};

// The schema (docs/data-model.md). Ids are the indexes of model::Project's vectors.
const std::vector<TableDef>& schema() {
    static const std::vector<TableDef> tables = {
        {"maillage_meta", {{"key", OFTString}, {"value", OFTString}}},
        {"source_files", {{"file_id", OFTInteger}, {"path", OFTString}, {"sha256", OFTString},
                          {"rows", OFTInteger64}, {"rejected", OFTInteger64}}},
        {"territories", {{"territory_id", OFTInteger}, {"key", OFTString}, {"name", OFTString}, {"code", OFTString}},
         wkbMultiPolygon},
        {"editions", {{"edition_id", OFTInteger}, {"territory_id", OFTInteger}, {"year", OFTInteger}}},
        {"sessions", {{"session_id", OFTInteger}, {"edition_id", OFTInteger}, {"key", OFTString}, {"name", OFTString},
                      {"kind", OFTString}, {"method", OFTString}, {"date", OFTString}}},
        {"organisations", {{"organisation_id", OFTInteger}, {"key", OFTString}, {"name", OFTString},
                           {"type", OFTString}, {"commune", OFTString}, {"siret", OFTString}},
         wkbPoint},
        {"registry", {{"registry_id", OFTInteger}, {"territory_id", OFTInteger}, {"name", OFTString},
                      {"type", OFTString}, {"commune", OFTString}, {"siret", OFTString}, {"source", OFTString},
                      {"organisation_id", OFTInteger}, {"match", OFTString}},
         wkbPoint},
        {"people", {{"person_id", OFTInteger}, {"pseudonym", OFTString}}},
        {"person_records", {{"record_id", OFTInteger}, {"pseudonym", OFTString}, {"person_id", OFTInteger}}},
        {"person_keys", {{"person_id", OFTInteger}, {"key_hash", OFTString}, {"is_identifier", OFTInteger},
                         {"kind", OFTString}, {"record_id", OFTInteger}}},
        {"person_identities", {{"person_id", OFTInteger}, {"kind", OFTString}, {"value", OFTString},
                               {"record_id", OFTInteger}}},
        {"attendances", {{"attendance_id", OFTInteger}, {"session_id", OFTInteger}, {"person_id", OFTInteger}, {"organisation_id", OFTInteger},
                         {"role", OFTString}, {"file_id", OFTInteger}, {"line", OFTInteger64}, {"spelling_id", OFTInteger},
                         {"record_id", OFTInteger}}},
        {"folded_attendances", {{"session_id", OFTInteger}, {"person_id", OFTInteger}, {"organisation_id", OFTInteger},
                                {"role", OFTString}, {"file_id", OFTInteger}, {"line", OFTInteger64},
                                {"spelling_id", OFTInteger}, {"record_id", OFTInteger}}},
        {"organisation_spellings", {{"spelling_id", OFTInteger}, {"text", OFTString}, {"type", OFTString},
                                    {"commune", OFTString}, {"siret", OFTString}, {"territory_id", OFTInteger},
                                    {"organisation_id", OFTInteger}, {"first_year", OFTInteger},
                                    {"last_year", OFTInteger}, {"rows", OFTInteger64}}},
        {"identity_decisions", {{"decision_id", OFTInteger}, {"about", OFTString}, {"first", OFTString},
                                {"second", OFTString}, {"verdict", OFTString}, {"year", OFTInteger}}},
        {"identity_questions", {{"question_id", OFTInteger}, {"about", OFTString}, {"first", OFTString},
                                {"second", OFTString}, {"score", OFTReal}, {"evidence", OFTString}}},
    };
    return tables;
}

std::string gdal_error() {
    std::string why = CPLGetLastErrorMsg();
    return why.empty() ? std::string("GDAL") : why;
}

template <typename T> T parse_enum(const std::string& text, std::initializer_list<T> values) {
    for (T v : values)
        if (model::key(v) == text) return v;
    return *values.begin();
}

std::string date_text(const std::optional<model::CalendarDate>& d) {
    if (!d) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d->year, d->month, d->day);
    return buffer;
}

std::optional<model::CalendarDate> parse_date_text(const std::string& text) {
    model::CalendarDate d;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3)
        return std::nullopt;
    return d;
}

std::string to_wkb(const OGRGeometry& g) {
    std::string out(static_cast<std::size_t>(g.WkbSize()), '\0');
    g.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(out.data()), wkbVariantIso);
    return out;
}

std::optional<model::MapPoint> point_of(OGRFeature& f) {
    const OGRGeometry* g = f.GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint || g->IsEmpty()) return std::nullopt;
    return model::MapPoint{g->toPoint()->getX(), g->toPoint()->getY()};
}

void set_point(OGRFeature& f, const std::optional<model::MapPoint>& p) {
    if (!p) return;
    OGRPoint point(p->x, p->y);
    f.SetGeometry(&point);
}

void set_wkb(OGRFeature& f, const std::string& wkb) {
    if (wkb.empty()) return;
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(reinterpret_cast<const unsigned char*>(wkb.data()), nullptr, &g,
                                          wkb.size()) == OGRERR_NONE) {
        std::unique_ptr<OGRGeometry> multi(OGRGeometryFactory::forceToMultiPolygon(g));
        f.SetGeometry(multi.get());
    }
}

} // namespace

bool is_postgres(const std::string& location) { return location.rfind("PG:", 0) == 0; }

std::string redact(const std::string& location) {
    static const std::regex password(R"((password\s*=\s*)('[^']*'|\S+))", std::regex::icase);
    static const std::regex url_password(R"((postgres(?:ql)?://[^:/@]+:)[^@]+@)", std::regex::icase);
    std::string out = std::regex_replace(location, password, "$1***");
    return std::regex_replace(out, url_password, "$1***@");
}

[[noreturn]] void store_failed(const std::string& location, core::Lang lang, const std::string& why) {
    throw FatalError(core::render_error(redact(location), core::tr(lang, Msg::StoreFailed, why), lang));
}

struct Store::Impl {
    std::string location;
    core::Lang lang = core::Lang::Fr;
    GDALDataset* ds = nullptr;
    ~Impl() {
        if (ds) GDALClose(ds);
    }

    [[noreturn]] void fail(const std::string& why) const { store_failed(location, lang, why); }

    OGRLayer* layer(const char* name) const {
        OGRLayer* l = ds->GetLayerByName(name);
        if (!l) fail(std::string("table ") + name);
        return l;
    }

    void ensure_tables() {
        for (const auto& table : schema()) {
            if (ds->GetLayerByName(table.name)) continue;
            CPLStringList options;
            OGRSpatialReference lambert93;
            lambert93.importFromEPSG(2154);
            lambert93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            if (table.geometry == wkbNone) {
                if (!is_postgres(location)) options.SetNameValue("ASPATIAL_VARIANT", "GPKG_ATTRIBUTES");
            } else {
                options.SetNameValue("GEOMETRY_NAME", "geom");
                options.SetNameValue("SPATIAL_INDEX", "YES");
            }
            OGRLayer* l = ds->CreateLayer(table.name, table.geometry == wkbNone ? nullptr : &lambert93,
                                          table.geometry, options.List());
            if (!l) fail(gdal_error());
            for (const auto& f : table.fields) {
                OGRFieldDefn def(f.name, f.type);
                if (l->CreateField(&def) != OGRERR_NONE) fail(gdal_error());
            }
            // each attendance's organisation is updated from its spelling (save_identities):
            // by index, or the UPDATE scans the spellings once per attendance
            if (std::string_view(table.name) == "organisation_spellings") {
                ds->ExecuteSQL("CREATE INDEX organisation_spellings_id ON organisation_spellings (spelling_id)", nullptr, nullptr);
                if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
            }
        }
    }

    static const char* verdict_key(model::Verdict v) {
        return v == model::Verdict::Same ? "same" : v == model::Verdict::Different ? "different" : "renamed";
    }

    void load_identities(model::Project& p) const {
        OGRLayer* l = layer("organisation_spellings");
        l->ResetReading();
        // (no GetFeatureCount here: on this update connection it writes counts into the file)
        for (auto& f : *l) {
            const int id = f->GetFieldAsInteger("spelling_id");
            if (id < 0 || id >= (1 << 26)) fail(fmt::format("organisation_spellings: spelling_id {}", id));
            const auto i = static_cast<std::size_t>(id);
            if (p.spellings.size() <= i) p.spellings.resize(i + 1);
            auto& x = p.spellings[i];
            x.text = f->GetFieldAsString("text");
            x.type = f->GetFieldAsString("type");
            x.commune = f->GetFieldAsString("commune");
            x.siret = f->GetFieldAsString("siret");
            x.territory = f->IsFieldSetAndNotNull(f->GetFieldIndex("territory_id"))
                              ? static_cast<model::Id>(f->GetFieldAsInteger("territory_id")) : model::no_id;
            x.organisation = f->IsFieldSetAndNotNull(f->GetFieldIndex("organisation_id"))
                                 ? static_cast<model::Id>(f->GetFieldAsInteger("organisation_id")) : model::no_id;
            x.first_year = f->GetFieldAsInteger("first_year");
            x.last_year = f->GetFieldAsInteger("last_year");
            x.rows = f->GetFieldAsInteger64("rows");
        }
        l = layer("identity_decisions");
        l->ResetReading();
        std::vector<std::pair<int, model::IdentityDecision>> decisions;
        for (auto& f : *l) {
            model::IdentityDecision d;
            d.people = std::string(f->GetFieldAsString("about")) == "people";
            d.first = f->GetFieldAsString("first");
            d.second = f->GetFieldAsString("second");
            const std::string v = f->GetFieldAsString("verdict");
            d.verdict = v == "different" ? model::Verdict::Different : v == "renamed" ? model::Verdict::Renamed : model::Verdict::Same;
            d.year = f->GetFieldAsInteger("year");
            decisions.emplace_back(f->GetFieldAsInteger("decision_id"), std::move(d));
        }
        std::sort(decisions.begin(), decisions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [id, d] : decisions) p.decisions.push_back(std::move(d));
        l = layer("identity_questions");
        l->ResetReading();
        std::vector<std::pair<int, model::IdentityQuestion>> questions;
        for (auto& f : *l) {
            model::IdentityQuestion q;
            q.people = std::string(f->GetFieldAsString("about")) == "people";
            q.first = f->GetFieldAsString("first");
            q.second = f->GetFieldAsString("second");
            q.score = f->GetFieldAsDouble("score");
            q.evidence = f->GetFieldAsString("evidence");
            questions.emplace_back(f->GetFieldAsInteger("question_id"), std::move(q));
        }
        std::sort(questions.begin(), questions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [id, q] : questions) p.questions.push_back(std::move(q));
    }

    /// A store edited by hand (QGIS) may point nowhere: refuse it rather than read past the end.
    void check_references(model::Project& p) const {
        auto bad = [&](const char* what, std::size_t row, long long id) {
            fail(fmt::format("{} {} : {} {}", what, row, lang == core::Lang::Fr ? "référence absente" : "missing reference", id));
        };
        auto in = [](model::Id id, std::size_t n) { return id == model::no_id || (id >= 0 && static_cast<std::size_t>(id) < n); };
        for (std::size_t i = 0; i < p.spellings.size(); ++i) {
            if (!in(p.spellings[i].territory, p.territories.size())) bad("organisation_spellings", i, p.spellings[i].territory);
            if (!in(p.spellings[i].organisation, p.organisations.size())) bad("organisation_spellings", i, p.spellings[i].organisation);
        }
        for (std::size_t i = 0; i < p.attendances.size(); ++i) {
            if (!in(p.attendances[i].spelling, p.spellings.size())) bad("attendances", i, p.attendances[i].spelling);
            if (!in(p.attendances[i].record, p.records.size())) bad("attendances", i, p.attendances[i].record);
            if (!in(p.attendances[i].person, p.people.size()) || p.attendances[i].person == model::no_id)
                bad("attendances", i, p.attendances[i].person);
        }
        for (std::size_t i = 0; i < p.folded.size(); ++i)
            if (!in(p.folded[i].record, p.records.size()) || !in(p.folded[i].spelling, p.spellings.size()))
                bad("folded_attendances", i, p.folded[i].record);
        for (std::size_t i = 0; i < p.person_keys.size(); ++i)
            if (!in(p.person_keys[i].record, p.records.size())) bad("person_keys", i, p.person_keys[i].record);
        for (const auto& e : p.registry)
            if (!in(e.organisation, p.organisations.size()) || !in(e.territory, p.territories.size()))
                bad("registry", static_cast<std::size_t>(&e - p.registry.data()), e.organisation);
    }

    void clear(const char* table) {
        const std::string sql = std::string("DELETE FROM ") + table;
        ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) fail(gdal_error());
    }
    void insert(OGRLayer* l, OGRFeature& f) {
        if (l->CreateFeature(&f) != OGRERR_NONE) fail(gdal_error());
    }

    void write_organisations(const model::Project& p) {
        OGRLayer* l = layer("organisations");
        for (std::size_t i = 0; i < p.organisations.size(); ++i) {
            const auto& x = p.organisations[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("organisation_id", static_cast<int>(i));
            f.SetField("key", x.key.c_str());
            f.SetField("name", x.name.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            set_point(f, x.place);
            insert(l, f);
        }
    }

    void write_registry(const model::Project& p) {
        OGRLayer* l = layer("registry");
        for (std::size_t i = 0; i < p.registry.size(); ++i) {
            const auto& x = p.registry[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("registry_id", static_cast<int>(i));
            if (x.territory != model::no_id) f.SetField("territory_id", x.territory);
            f.SetField("name", x.name.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            f.SetField("source", x.source.c_str());
            if (x.organisation != model::no_id) f.SetField("organisation_id", x.organisation);
            f.SetField("match", x.match.c_str());
            set_point(f, x.place);
            insert(l, f);
        }
    }

    /// The spellings, decisions and questions (the caller holds the transaction).
    void write_identities(const model::Project& p) {
        for (const char* t : {"organisation_spellings", "identity_decisions", "identity_questions"}) clear(t);
        OGRLayer* l = layer("organisation_spellings");
        for (std::size_t i = 0; i < p.spellings.size(); ++i) {
            const auto& x = p.spellings[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("spelling_id", static_cast<int>(i));
            f.SetField("text", x.text.c_str());
            f.SetField("type", x.type.c_str());
            f.SetField("commune", x.commune.c_str());
            f.SetField("siret", x.siret.c_str());
            if (x.territory != model::no_id) f.SetField("territory_id", x.territory);
            if (x.organisation != model::no_id) f.SetField("organisation_id", x.organisation);
            f.SetField("first_year", x.first_year);
            f.SetField("last_year", x.last_year);
            f.SetField("rows", static_cast<GIntBig>(x.rows));
            insert(l, f);
        }
        l = layer("identity_decisions");
        for (std::size_t i = 0; i < p.decisions.size(); ++i) {
            const auto& d = p.decisions[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("decision_id", static_cast<int>(i));
            f.SetField("about", d.people ? "people" : "organisations");
            f.SetField("first", d.first.c_str());
            f.SetField("second", d.second.c_str());
            f.SetField("verdict", verdict_key(d.verdict));
            f.SetField("year", d.year);
            insert(l, f);
        }
        l = layer("identity_questions");
        for (std::size_t i = 0; i < p.questions.size(); ++i) {
            const auto& q = p.questions[i];
            OGRFeature f(l->GetLayerDefn());
            f.SetField("question_id", static_cast<int>(i));
            f.SetField("about", q.people ? "people" : "organisations");
            f.SetField("first", q.first.c_str());
            f.SetField("second", q.second.c_str());
            f.SetField("score", q.score);
            f.SetField("evidence", q.evidence.c_str());
            insert(l, f);
        }
    }

    std::string meta(const std::string& key) const {
        OGRLayer* l = layer("maillage_meta");
        l->ResetReading();
        for (auto& f : *l)
            if (key == f->GetFieldAsString("key")) return f->GetFieldAsString("value");
        return {};
    }
};

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::location() const { return m_impl->location; }

Store Store::open(const std::string& location, bool create, core::Lang lang) {
    detail::ensure_gdal();
    auto impl = std::make_unique<Impl>();
    impl->location = location;
    impl->lang = lang;
    QuietGdal quiet;
    const bool pg = is_postgres(location);
    std::error_code ec;
    if (!pg && !std::filesystem::exists(location, ec)) {
        if (!create) impl->fail(std::string(core::message(Msg::FileNotFound, lang)));
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        impl->ds = driver ? driver->Create(location.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    } else {
        const char* drivers[] = {pg ? "PostgreSQL" : "GPKG", nullptr};
        impl->ds = GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr);
    }
    if (!impl->ds) {
        const std::string why = CPLGetLastErrorMsg();
        impl->fail(why.empty() ? std::string(core::message(Msg::StoreNotAStore, lang)) : why);
    }
    const bool fresh = impl->ds->GetLayerByName("maillage_meta") == nullptr;
    if (fresh && !create) impl->fail(std::string(core::message(Msg::StoreNotAStore, lang)));
    if (fresh) {
        if (impl->ds->StartTransaction(FALSE) != OGRERR_NONE) impl->fail(gdal_error());
        impl->ensure_tables();
        OGRLayer* meta = impl->layer("maillage_meta");
        OGRFeature f(meta->GetLayerDefn());
        f.SetField("key", "schema_version");
        f.SetField("value", std::to_string(schema_version).c_str());
        if (meta->CreateFeature(&f) != OGRERR_NONE) impl->fail(gdal_error());
        if (impl->ds->CommitTransaction() != OGRERR_NONE) impl->fail(gdal_error());
    } else {
        const std::string version = impl->meta("schema_version");
        if (version != std::to_string(schema_version))
            impl->fail(core::tr(lang, Msg::StoreWrongVersion, version, schema_version));
        impl->ensure_tables();
    }
    return Store(std::move(impl));
}

namespace {

/// A part of the attendances table (the largest: one row per person per session), the rows
/// whose FID is in [first, last), read on a connection of its own so that two threads read the
/// table while load() reads the others: each GDALDataset is used by one thread only, as GDAL
/// requires. A row goes to `into[attendance_id]` (the threads write apart: no two rows have the
/// same id), or, past the end of `into`, to the rows returned.
using Dataset = std::unique_ptr<GDALDataset, detail::DatasetCloser>;

/// A read-only connection to the store (a GeoPackage connection that writes nothing, not even
/// feature counts, where the update connection of Store::open might).
Dataset read_only(const std::string& location, core::Lang lang) {
    const char* drivers[] = {is_postgres(location) ? "PostgreSQL" : "GPKG", nullptr};
    Dataset ds(GDALDataset::Open(location.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) store_failed(location, lang, gdal_error());
    return ds;
}

std::vector<std::pair<std::size_t, model::Attendance>> read_attendances(const std::string& location, core::Lang lang,
                                                                        Dataset ds, GIntBig first, GIntBig last,
                                                                        std::vector<model::Attendance>& into) {
    QuietGdal quiet; // GDAL's error handlers are per thread
    if (!ds) ds = read_only(location, lang);
    OGRLayer* l = ds->GetLayerByName("attendances");
    if (!l) store_failed(location, lang, "table attendances");
    const std::string fid = l->GetFIDColumn();
    const std::string range = fmt::format("\"{}\" >= {} AND \"{}\" < {}", fid, first, fid, last);
    if (l->SetAttributeFilter(range.c_str()) != OGRERR_NONE) store_failed(location, lang, gdal_error());
    // Fields by index, looked up once (by name, GDAL searches the fields with a case-insensitive
    // comparison on every call: a fifth of a national load).
    const auto* defn = l->GetLayerDefn();
    const int id = defn->GetFieldIndex("attendance_id"), session = defn->GetFieldIndex("session_id"),
              person = defn->GetFieldIndex("person_id"), organisation = defn->GetFieldIndex("organisation_id"),
              role = defn->GetFieldIndex("role"), file = defn->GetFieldIndex("file_id"), line = defn->GetFieldIndex("line"),
              spelling = defn->GetFieldIndex("spelling_id"), record = defn->GetFieldIndex("record_id");
    auto id_or_none_at = [](OGRFeature& f, int i) {
        return f.IsFieldSetAndNotNull(i) ? static_cast<model::Id>(f.GetFieldAsInteger(i)) : model::no_id;
    };
    std::vector<std::pair<std::size_t, model::Attendance>> beyond;
    model::Attendance a;
    for (auto& f : *l) {
        a.session = static_cast<model::Id>(f->GetFieldAsInteger(session));
        a.person = static_cast<model::Id>(f->GetFieldAsInteger(person));
        a.organisation = id_or_none_at(*f, organisation);
        a.role = parse_enum(std::string(f->GetFieldAsString(role)),
                            {model::Role::Participant, model::Role::Exposant, model::Role::Gardien, model::Role::Scribe});
        a.file = id_or_none_at(*f, file);
        a.line = f->GetFieldAsInteger64(line);
        a.spelling = id_or_none_at(*f, spelling);
        a.record = id_or_none_at(*f, record);
        const auto at = static_cast<std::size_t>(f->GetFieldAsInteger(id));
        if (at < into.size()) into[at] = a;
        else beyond.emplace_back(at, a);
    }
    return beyond;
}

} // namespace

model::Project Store::load() const {
    model::Project p;
    QuietGdal quiet;
    // The attendances in two halves by FID, each read by a thread of its own (see read_attendances).
    std::vector<std::future<std::vector<std::pair<std::size_t, model::Attendance>>>> attendance_parts;
    {
        Dataset ds = read_only(m_impl->location, m_impl->lang); // then handed to the first thread
        OGRLayer* l = ds->GetLayerByName("attendances");
        if (!l) m_impl->fail("table attendances");
        const std::string sql = fmt::format("SELECT MIN(\"{0}\"), MAX(\"{0}\") FROM attendances", l->GetFIDColumn());
        OGRLayer* bounds = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (!bounds) m_impl->fail(gdal_error());
        GIntBig low = 0, high = -1;
        if (const std::unique_ptr<OGRFeature> f(bounds->GetNextFeature()); f && f->IsFieldSetAndNotNull(0)) {
            low = f->GetFieldAsInteger64(0);
            high = f->GetFieldAsInteger64(1);
        }
        ds->ReleaseResultSet(bounds);
        const GIntBig middle = low + (high - low + 1) / 2;
        // attendance_id runs from 0 to the number of rows - 1 in a store maillage wrote.
        p.attendances.resize(static_cast<std::size_t>(std::max<GIntBig>(l->GetFeatureCount(), 0)));
        attendance_parts.push_back(std::async(std::launch::async, [this, &p, ds = std::move(ds), low, middle]() mutable {
            return read_attendances(m_impl->location, m_impl->lang, std::move(ds), low, middle, p.attendances);
        }));
        attendance_parts.push_back(std::async(std::launch::async, [this, &p, middle, high] {
            return read_attendances(m_impl->location, m_impl->lang, nullptr, middle, high + 1, p.attendances);
        }));
    }
    auto each = [&](const char* table, auto&& fn) {
        OGRLayer* l = m_impl->layer(table);
        l->ResetReading();
        for (auto& f : *l) fn(*f);
    };
    auto index = [](OGRFeature& f, const char* field) {
        return static_cast<std::size_t>(f.GetFieldAsInteger(field));
    };
    auto place = [](auto& vec, std::size_t i) -> auto& {
        if (vec.size() <= i) vec.resize(i + 1);
        return vec[i];
    };
    auto text = [](OGRFeature& f, const char* field) { return std::string(f.GetFieldAsString(field)); };
    auto id_or_none = [](OGRFeature& f, const char* field) {
        return f.IsFieldSetAndNotNull(f.GetFieldIndex(field)) ? static_cast<model::Id>(f.GetFieldAsInteger(field))
                                                              : model::no_id;
    };

    p.pseudonym_key = m_impl->meta("pseudonym_key");
    each("source_files", [&](OGRFeature& f) {
        auto& x = place(p.files, index(f, "file_id"));
        x.path = text(f, "path");
        x.sha256 = text(f, "sha256");
        x.rows = f.GetFieldAsInteger64("rows");
        x.rejected = f.GetFieldAsInteger64("rejected");
    });
    each("territories", [&](OGRFeature& f) {
        auto& x = place(p.territories, index(f, "territory_id"));
        x.key = text(f, "key");
        x.name = text(f, "name");
        x.code = text(f, "code");
        if (const OGRGeometry* g = f.GetGeometryRef()) x.outline = to_wkb(*g);
    });
    each("editions", [&](OGRFeature& f) {
        auto& x = place(p.editions, index(f, "edition_id"));
        x.territory = static_cast<model::Id>(f.GetFieldAsInteger("territory_id"));
        x.year = f.GetFieldAsInteger("year");
    });
    each("sessions", [&](OGRFeature& f) {
        auto& x = place(p.sessions, index(f, "session_id"));
        x.edition = static_cast<model::Id>(f.GetFieldAsInteger("edition_id"));
        x.key = text(f, "key");
        x.name = text(f, "name");
        x.kind = parse_enum(text(f, "kind"), {model::SessionKind::Workshop, model::SessionKind::Preparation,
                                              model::SessionKind::Plenary});
        x.method = text(f, "method");
        x.date = parse_date_text(text(f, "date"));
    });
    each("organisations", [&](OGRFeature& f) {
        auto& x = place(p.organisations, index(f, "organisation_id"));
        x.key = text(f, "key");
        x.name = text(f, "name");
        x.type = text(f, "type");
        x.commune = text(f, "commune");
        x.siret = text(f, "siret");
        x.place = point_of(f);
    });
    each("registry", [&](OGRFeature& f) {
        auto& x = place(p.registry, index(f, "registry_id"));
        x.territory = id_or_none(f, "territory_id");
        x.name = text(f, "name");
        x.type = text(f, "type");
        x.commune = text(f, "commune");
        x.siret = text(f, "siret");
        x.source = text(f, "source");
        x.organisation = id_or_none(f, "organisation_id");
        x.match = text(f, "match");
        x.place = point_of(f);
    });
    // The large tables read their fields by index, looked up once (by name, GDAL searches the
    // fields with a case-insensitive comparison on every call: a fifth of a national load).
    auto field = [&](const char* table, const char* name) { return m_impl->layer(table)->GetLayerDefn()->GetFieldIndex(name); };
    {
        const int id = field("people", "person_id"), pseudonym = field("people", "pseudonym");
        each("people", [&](OGRFeature& f) {
            place(p.people, static_cast<std::size_t>(f.GetFieldAsInteger(id))).pseudonym = f.GetFieldAsString(pseudonym);
        });
    }
    {
        const int person = field("person_keys", "person_id"), hash = field("person_keys", "key_hash"),
                  identifier = field("person_keys", "is_identifier"), kind = field("person_keys", "kind"),
                  record = field("person_keys", "record_id");
        each("person_keys", [&](OGRFeature& f) {
            p.person_keys.push_back({static_cast<model::Id>(f.GetFieldAsInteger(person)), f.GetFieldAsString(hash),
                                     f.GetFieldAsInteger(identifier) != 0, f.GetFieldAsString(kind),
                                     static_cast<model::Id>(f.GetFieldAsInteger(record))});
        });
    }
    {
        const int person = field("person_identities", "person_id"), kind = field("person_identities", "kind"),
                  value = field("person_identities", "value"), record = field("person_identities", "record_id");
        each("person_identities", [&](OGRFeature& f) {
            p.identities.push_back({static_cast<model::Id>(f.GetFieldAsInteger(person)), f.GetFieldAsString(kind),
                                    f.GetFieldAsString(value), static_cast<model::Id>(f.GetFieldAsInteger(record))});
        });
    }
    {
        each("person_records", [&](OGRFeature& f) {
            place(p.records, index(f, "record_id")).pseudonym = f.GetFieldAsString("pseudonym");
        });
        each("folded_attendances", [&](OGRFeature& f) {
            model::Attendance a;
            a.session = static_cast<model::Id>(f.GetFieldAsInteger("session_id"));
            a.person = static_cast<model::Id>(f.GetFieldAsInteger("person_id"));
            a.organisation = id_or_none(f, "organisation_id");
            a.role = parse_enum(text(f, "role"), {model::Role::Participant, model::Role::Exposant, model::Role::Gardien,
                                                  model::Role::Scribe});
            a.file = id_or_none(f, "file_id");
            a.line = f.GetFieldAsInteger64("line");
            a.spelling = id_or_none(f, "spelling_id");
            a.record = id_or_none(f, "record_id");
            p.folded.push_back(a);
        });
    }
    m_impl->load_identities(p);
    for (auto& part : attendance_parts)
        for (auto& [id, a] : part.get()) place(p.attendances, id) = a; // get() rethrows what the thread threw
    m_impl->check_references(p);
    return p;
}

void Store::save(const model::Project& p) {
    QuietGdal quiet;
    GDALDataset* ds = m_impl->ds;
    if (ds->StartTransaction(FALSE) != OGRERR_NONE) m_impl->fail(gdal_error());
    try {
        for (const auto& table : schema()) {
            const std::string sql = std::string("DELETE FROM ") + table.name;
            ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
            if (CPLGetLastErrorType() >= CE_Failure) m_impl->fail(gdal_error());
        }
        // A writer per table: fills a fresh feature with the given values and inserts it.
        auto write = [this](const char* table, auto fill) {
            OGRLayer* l = m_impl->layer(table);
            return [this, l, fill](const auto&... args) {
                OGRFeature f(l->GetLayerDefn());
                fill(f, args...);
                if (l->CreateFeature(&f) != OGRERR_NONE) m_impl->fail(gdal_error());
            };
        };
        {
            OGRLayer* l = m_impl->layer("maillage_meta");
            for (const auto& [k, v] : {std::pair<std::string, std::string>{"schema_version", std::to_string(schema_version)},
                                       {"pseudonym_key", p.pseudonym_key}}) {
                OGRFeature f(l->GetLayerDefn());
                f.SetField("key", k.c_str());
                f.SetField("value", v.c_str());
                if (l->CreateFeature(&f) != OGRERR_NONE) m_impl->fail(gdal_error());
            }
        }
        auto put_file = write("source_files", [](OGRFeature& f, int i, const model::SourceFile& x) {
            f.SetField("file_id", i);
            f.SetField("path", x.path.c_str());
            f.SetField("sha256", x.sha256.c_str());
            f.SetField("rows", static_cast<GIntBig>(x.rows));
            f.SetField("rejected", static_cast<GIntBig>(x.rejected));
        });
        for (std::size_t i = 0; i < p.files.size(); ++i) put_file(static_cast<int>(i), p.files[i]);
        auto put_territory = write("territories", [](OGRFeature& f, int i, const model::Territory& x) {
            f.SetField("territory_id", i);
            f.SetField("key", x.key.c_str());
            f.SetField("name", x.name.c_str());
            f.SetField("code", x.code.c_str());
            set_wkb(f, x.outline);
        });
        for (std::size_t i = 0; i < p.territories.size(); ++i) put_territory(static_cast<int>(i), p.territories[i]);
        auto put_edition = write("editions", [](OGRFeature& f, int i, const model::Edition& x) {
            f.SetField("edition_id", i);
            f.SetField("territory_id", x.territory);
            f.SetField("year", x.year);
        });
        for (std::size_t i = 0; i < p.editions.size(); ++i) put_edition(static_cast<int>(i), p.editions[i]);
        auto put_session = write("sessions", [](OGRFeature& f, int i, const model::Session& x) {
            f.SetField("session_id", i);
            f.SetField("edition_id", x.edition);
            f.SetField("key", x.key.c_str());
            f.SetField("name", x.name.c_str());
            f.SetField("kind", std::string(model::key(x.kind)).c_str());
            f.SetField("method", x.method.c_str());
            f.SetField("date", date_text(x.date).c_str());
        });
        for (std::size_t i = 0; i < p.sessions.size(); ++i) put_session(static_cast<int>(i), p.sessions[i]);
        m_impl->write_organisations(p);
        m_impl->write_registry(p);
        auto put_person = write("people", [](OGRFeature& f, int i, const model::Person& x) {
            f.SetField("person_id", i);
            f.SetField("pseudonym", x.pseudonym.c_str());
        });
        for (std::size_t i = 0; i < p.people.size(); ++i) put_person(static_cast<int>(i), p.people[i]);
        auto put_record = write("person_records", [](OGRFeature& f, int i, const model::Person& x, model::Id person) {
            f.SetField("record_id", i);
            f.SetField("pseudonym", x.pseudonym.c_str());
            if (person != model::no_id) f.SetField("person_id", person);
        });
        {
            // each record's person, from the rows and keys that name both
            std::vector<model::Id> person_of(p.records.size(), model::no_id);
            auto note = [&](model::Id record, model::Id person) {
                if (record >= 0 && static_cast<std::size_t>(record) < person_of.size()) person_of[static_cast<std::size_t>(record)] = person;
            };
            for (const auto& k : p.person_keys) note(k.record, k.person);
            for (const auto& a : p.attendances) note(a.record, a.person);
            for (std::size_t i = 0; i < p.records.size(); ++i) put_record(static_cast<int>(i), p.records[i], person_of[i]);
        }
        auto put_key = write("person_keys", [](OGRFeature& f, const model::PersonKey& x) {
            f.SetField("person_id", x.person);
            f.SetField("key_hash", x.hash.c_str());
            f.SetField("is_identifier", x.identifier ? 1 : 0);
            f.SetField("kind", x.kind.c_str());
            f.SetField("record_id", x.record);
        });
        for (const auto& k : p.person_keys) put_key(k);
        auto put_identity = write("person_identities", [](OGRFeature& f, const model::PersonIdentity& x) {
            f.SetField("person_id", x.person);
            f.SetField("kind", x.kind.c_str());
            f.SetField("value", x.value.c_str());
            f.SetField("record_id", x.record);
        });
        for (const auto& id : p.identities) put_identity(id);
        // an attendance's fields, counted (with its id) or folded
        auto fill_attendance = [](OGRFeature& f, const model::Attendance& a) {
            f.SetField("session_id", a.session);
            f.SetField("person_id", a.person);
            if (a.organisation != model::no_id) f.SetField("organisation_id", a.organisation);
            f.SetField("role", std::string(model::key(a.role)).c_str());
            if (a.file != model::no_id) f.SetField("file_id", a.file);
            f.SetField("line", static_cast<GIntBig>(a.line));
            if (a.spelling != model::no_id) f.SetField("spelling_id", a.spelling);
            if (a.record != model::no_id) f.SetField("record_id", a.record);
        };
        auto put_attendance = write("attendances", [&](OGRFeature& f, int i, const model::Attendance& a) {
            f.SetField("attendance_id", i);
            fill_attendance(f, a);
        });
        for (std::size_t i = 0; i < p.attendances.size(); ++i) put_attendance(static_cast<int>(i), p.attendances[i]);
        auto put_folded = write("folded_attendances", fill_attendance);
        for (const auto& a : p.folded) put_folded(a);
        m_impl->write_identities(p);
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE) {
        ds->RollbackTransaction();
        m_impl->fail(gdal_error());
    }
}

void Store::save_identities(const model::Project& p) {
    QuietGdal quiet;
    GDALDataset* ds = m_impl->ds;
    if (ds->StartTransaction(FALSE) != OGRERR_NONE) m_impl->fail(gdal_error());
    try {
        for (const char* t : {"organisations", "registry"}) m_impl->clear(t);
        m_impl->write_organisations(p);
        m_impl->write_registry(p);
        m_impl->write_identities(p);
        // every attendance follows its spelling, in the database itself
        ds->ExecuteSQL("UPDATE attendances SET organisation_id = (SELECT s.organisation_id FROM organisation_spellings s "
                       "WHERE s.spelling_id = attendances.spelling_id) WHERE spelling_id IS NOT NULL",
                       nullptr, nullptr);
        if (CPLGetLastErrorType() >= CE_Failure) m_impl->fail(gdal_error());
    } catch (...) {
        ds->RollbackTransaction();
        throw;
    }
    if (ds->CommitTransaction() != OGRERR_NONE) {
        ds->RollbackTransaction();
        m_impl->fail(gdal_error());
    }
}

void Store::vacuum() {
    QuietGdal quiet;
    if (is_postgres(m_impl->location)) {
        for (const auto& table : schema()) {
            const std::string sql = std::string("VACUUM FULL ") + table.name;
            m_impl->ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        }
    } else {
        m_impl->ds->ExecuteSQL("VACUUM", nullptr, nullptr);
    }
    if (CPLGetLastErrorType() >= CE_Failure) m_impl->fail(gdal_error());
}

void Store::drop_identities() {
    QuietGdal quiet;
    GDALDataset* ds = m_impl->ds;
    if (ds->StartTransaction(FALSE) != OGRERR_NONE) m_impl->fail(gdal_error());
    ds->ExecuteSQL("DELETE FROM person_identities", nullptr, nullptr);
    if (ds->CommitTransaction() != OGRERR_NONE) m_impl->fail(gdal_error());
}

} // namespace maillage::store
