#include "maillage/app/ingest.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <set>
#include <unordered_map>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/geo/places.hpp"
#include "maillage/ingest/decisions.hpp"
#include "maillage/ingest/manifest.hpp"
#include "maillage/ingest/project_builder.hpp"
#include "maillage/core/output.hpp"
#include "maillage/store/store.hpp"

namespace maillage::app {

using core::Msg;

namespace {

/// The fixed text whose HMAC under the key recognises the key (it reveals nothing of it).
constexpr const char* key_check_text = "maillage pseudonym key check";

std::string read_key_file(const std::string& path, core::Lang lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw NotFoundError(core::render_error(path, std::string(core::message(core::Msg::FileNotFound, lang)), lang));
    std::string key;
    std::getline(in, key);
    key = std::string(core::trim(key));
    const bool hex = key.size() == 64 && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    if (!hex) throw FatalError(core::render_error(path, core::tr(lang, core::Msg::KeyFileBad, path), lang));
    return key;
}

} // namespace

bool attach_key(model::Project& project, const std::string& key_file, const std::string& store, core::Lang lang) {
    const bool outside = !project.pseudonym_key_check.empty();
    if (key_file.empty()) {
        if (outside)
            throw FatalError(core::render_error(store::redact(store), std::string(core::message(core::Msg::StoreKeyOutside, lang)), lang));
        return false;
    }
    std::error_code ec;
    const bool exists = std::filesystem::exists(key_file, ec);
    std::string key;
    if (exists) {
        key = read_key_file(key_file, lang);
    } else {
        if (outside) // the store's key is elsewhere: a new one would not match its pseudonyms
            throw FatalError(core::render_error(key_file, std::string(core::message(core::Msg::FileNotFound, lang)), lang));
        key = project.pseudonym_key.empty() ? ingest::Pseudonymiser::new_key() : project.pseudonym_key;
        core::write_file_atomically(key_file, key + "\n", lang);
        std::filesystem::permissions(key_file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::replace, ec);
    }
    const std::string check = ingest::Pseudonymiser(key).hash(key_check_text);
    const bool mismatch = outside ? check != project.pseudonym_key_check
                                  : !project.pseudonym_key.empty() && key != project.pseudonym_key;
    if (mismatch) throw FatalError(core::render_error(key_file, core::tr(lang, core::Msg::KeyFileMismatch, key_file), lang));
    const bool moves = !outside && !project.pseudonym_key.empty();
    project.pseudonym_key = key;
    project.pseudonym_key_check = check;
    return moves;
}

IngestResult ingest_into_store(const IngestRequest& request, core::Lang lang) {
    IngestResult result;
    ingest::IngestOptions options = request.options;
    // A folder with a maillage.toml is a project: its manifest names the sheets, registry,
    // outlines, alias and type files; options given on the command line come on top.
    std::optional<ingest::Manifest> manifest;
    if (request.inputs.size() == 1 && ingest::has_manifest(request.inputs.front()))
        manifest = ingest::read_manifest(request.inputs.front(), lang);
    const std::string aliases_file = !request.aliases.empty() ? request.aliases : manifest ? manifest->aliases : "";
    const std::string types_file = !request.types.empty() ? request.types : manifest ? manifest->types : "";
    // The reference data (communes, place names, renames, types) are read while the store is
    // opened and read: a problem in them is still reported first, as when they were read first.
    auto reference_read = std::async(std::launch::async, [&] { return ingest::IdentityReference::load(aliases_file, types_file, lang); });
    // and the communes' places and the départements, wanted once the sheets are in
    const std::string data = ingest::reference_data_folder();
    auto places_read = std::async(std::launch::async, [&] { return geo::CommunePlaces::load(data, lang); });
    auto departements_read = std::async(std::launch::async, [&] { return geo::Departements::load(data, lang); });
    // A store this ingest creates and then has nothing to put in (every file refused) is not
    // left behind as an empty file.
    std::error_code exists_error;
    const bool existed = store::is_postgres(request.store) || std::filesystem::exists(request.store, exists_error);
    std::optional<store::Store> opened;
    model::Project project;
    std::exception_ptr store_problem;
    try {
        opened.emplace(store::Store::open(request.store, true, lang));
        project = opened->load();
    } catch (...) {
        store_problem = std::current_exception();
    }
    // ... nor when the ingest stops on an error (a full disk, a refused registry): a store made
    // here and not saved goes, whatever the way out
    struct RemoveUnlessKept {
        const std::string& path;
        std::optional<store::Store>& store;
        bool armed;
        ~RemoveUnlessKept() {
            if (!armed || !store) return;
            store.reset(); // closed before it goes
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
    } remove_unless_kept{request.store, opened, !existed};
    const auto reference = reference_read.get();
    if (store_problem) std::rethrow_exception(store_problem);
    auto& store = *opened;
    const auto* aliases = &reference->aliases;
    const auto* taxonomy = &reference->taxonomy;
    options.classify_type = [taxonomy](std::string_view text) { return taxonomy->classify(text).value_or(""); };
    const auto& communes = reference->communes;
    options.communes = &communes;
    const auto identity = reference->context();
    options.identity = &identity;
    result.key_moved = attach_key(project, request.key_file, request.store, lang);
    auto& diagnostics = result.diagnostics;
    auto& report = result.report;
    auto take = [&](const std::vector<std::string>& files, const ingest::IngestOptions& with) {
        auto part = ingest::ingest_sheets(project, files, with, lang, diagnostics);
        for (auto& f : part.files) report.files.push_back(std::move(f));
        for (auto& q : part.quarantine) report.quarantine.push_back(std::move(q));
    };
    if (manifest) {
        for (const auto& group : request.manifest_sheets ? manifest->sheets : std::vector<ingest::SheetGroup>{}) {
            ingest::IngestOptions group_options = options;
            group_options.accept_partial = request.accept_partial || manifest->accept_partial;
            group_options.load = group.load;
            take(ingest::expand_sheets(*manifest, group, lang), group_options);
        }
    } else {
        take(request.inputs, options);
    }
    if (!request.added_sheets.empty()) {
        ingest::IngestOptions added = options;
        added.accept_partial = request.accept_partial;
        take(request.added_sheets, added);
    }

    // Outlines, places, registry.
    std::string outlines = request.territories, key = request.territories_key, code = request.territories_code;
    std::vector<ingest::DefinedTerritory> defined;
    std::vector<std::string> registries = request.registries;
    if (manifest) {
        if (outlines.empty()) {
            outlines = manifest->territories;
            key = manifest->territories_key;
            code = manifest->territories_code;
        }
        defined = manifest->defined;
        registries.insert(registries.begin(), manifest->registries.begin(), manifest->registries.end());
    }
    bool geography_changed = false;
    std::size_t& outlines_loaded = result.outlines_loaded;
    const auto places = places_read.get();
    const auto departements = departements_read.get();
    auto territory_named = [&](const std::string& name) {
        const std::string folded = core::fold(name);
        for (model::Id i = 0; i < static_cast<model::Id>(project.territories.size()); ++i)
            if (project.territories[static_cast<std::size_t>(i)].key == folded) return i;
        project.territories.push_back({folded, name, {}, {}});
        return static_cast<model::Id>(project.territories.size() - 1);
    };
    auto set_outline = [&](model::Territory& t, std::string wkb) {
        if (t.outline != wkb) geography_changed = true;
        t.outline = std::move(wkb);
        ++outlines_loaded;
    };
    // The territories some source gave an outline: the file, the defined ones.
    std::set<std::string> outlined;
    std::vector<std::pair<std::string, std::string>> not_in_file; // territory name, warning
    if (!outlines.empty()) {
        if (key.empty()) throw FatalError(core::tr(lang, Msg::ManifestMissing, "--key", "--territories"));
        std::vector<std::string> file_keys;
        const auto read = geo::read_outlines(outlines, key, code, lang);
        std::set<std::string> in_file;
        for (const auto& o : read) in_file.insert(core::fold(o.key));
        // Territories the sheets name that the file lacks (defined ones aside): said, naming
        // both, before the file's own territories are added.
        std::set<std::string> defined_keys;
        for (const auto& d : defined) defined_keys.insert(core::fold(d.name));
        std::string listed;
        for (const auto& o : read) listed += (listed.empty() ? "" : ", ") + o.key;
        for (const auto& t : project.territories)
            if (in_file.count(t.key) == 0 && defined_keys.count(t.key) == 0)
                not_in_file.emplace_back(t.name, core::tr(lang, Msg::TerritoryNoOutline, t.name, key, listed));
        for (auto o : read) {
            auto& t = project.territories[static_cast<std::size_t>(territory_named(o.key))];
            if (!o.code.empty() && t.code != o.code) {
                t.code = o.code;
                geography_changed = true;
            }
            set_outline(t, std::move(o.wkb));
            outlined.insert(t.key);
        }
    }
    if (manifest)
        for (const auto& text : manifest->departements) {
            const auto* d = departements.find(text);
            if (!d) throw FatalError(core::render_error((std::filesystem::path(manifest->folder) / "maillage.toml").string(),
                                                        core::tr(lang, Msg::ManifestUnknownDepartement, text), lang));
            auto& t = project.territories[static_cast<std::size_t>(territory_named(d->name))];
            if (t.code.empty()) t.code = d->code;
        }
    for (const auto& d : defined) {
        std::vector<std::string> members;
        for (const auto& c : d.communes) members.push_back(communes.resolve(c).code);
        for (const auto& siren : d.epci)
            for (auto& c : places.communes_of_epci(siren)) members.push_back(std::move(c));
        const auto wkbs = places.outlines(members, lang);
        auto& t = project.territories[static_cast<std::size_t>(territory_named(d.name))];
        if (!wkbs.empty()) {
            set_outline(t, geo::union_of(wkbs, lang));
            outlined.insert(t.key);
        }
        if (!d.code.empty()) t.code = d.code;
    }
    // A territory that is a département (by code or name) and that no source outlined: the
    // département's outline from the bundled data.
    for (auto& t : project.territories) {
        if (outlined.count(t.key) != 0) continue;
        const auto* d = departements.find(t.code.empty() ? t.name : t.code);
        if (!d) d = departements.find(t.name);
        std::string wkb = d ? geo::departement_outline(data, *d, lang) : std::string();
        for (auto& [name, warning] : not_in_file)
            if (name == t.name && !wkb.empty()) warning += core::tr(lang, Msg::TerritoryOutlineBundled, d->name);
        if (wkb.empty()) continue;
        if (t.code.empty()) t.code = d->code;
        set_outline(t, std::move(wkb));
    }
    for (const auto& [name, warning] : not_in_file) diagnostics.warning({outlines, 0, 0, {}}, warning);
    std::size_t& placed = result.placed;
    for (auto& o : project.organisations) {
        if (o.given_lonlat) { // coordinates from the sheets win over the commune
            if (auto p = geo::to_lambert93(*o.given_lonlat); p && p != o.place) {
                o.place = p;
                ++placed;
                geography_changed = true;
            }
            continue;
        }
        if (o.place || o.commune.empty()) continue;
        if ((o.place = places.point(o.commune))) {
            ++placed;
            geography_changed = true;
        }
    }
    // Without a registry of its own, a project takes the national directory's organisations of
    // its territories (found by their commune).
    ingest::RegistryScope scope;
    bool& directory = result.directory;
    if (registries.empty() && manifest && manifest->directory) {
        registries.push_back(data + "/registries/annuaire_organisations_2019.csv");
        directory = true;
        std::unordered_map<std::string, model::Id> territory_of_commune;
        for (model::Id i = 0; i < static_cast<model::Id>(project.territories.size()); ++i) {
            const auto& t = project.territories[static_cast<std::size_t>(i)];
            std::vector<std::string> codes;
            const auto* d = departements.find(t.code.empty() ? t.name : t.code);
            if (!d) d = departements.find(t.name);
            if (d) {
                codes = places.communes_in_departement(d->code);
            } else {
                codes = places.communes_inside(t.outline, lang);
            }
            for (auto& c : codes) territory_of_commune.emplace(std::move(c), i);
        }
        scope.only_in_territories = true;
        scope.territory_of = [map = std::move(territory_of_commune)](const std::string& commune) {
            const auto it = map.find(commune);
            return it == map.end() ? model::no_id : it->second;
        };
    }
    auto& registry_report = result.registry;
    if (!registries.empty()) {
        registry_report =
            ingest::load_registry(project, registries, *aliases, *taxonomy, &communes, lang, diagnostics, &identity, scope);
        for (auto& e : project.registry)
            if (!e.commune.empty()) e.place = places.point(e.commune);
        geography_changed = true;
    }

    // The aliases file's lines become decisions the store keeps (resolve and the workspace then
    // apply them without the file): those naming organisations the project knows.
    std::size_t& decisions_added = result.decisions_added;
    const auto shipped = model::AliasTable::defaults(); // the names as decisions read them (no user alias)
    // (every name of the project read again: only when there are lines to check against them)
    const auto known_names = aliases->aliases().empty() ? ingest::KnownNames{} : ingest::KnownNames::of(project, shipped);
    for (const auto& a : aliases->aliases()) {
        model::IdentityDecision d;
        d.first = a.since ? a.alias : a.name;
        d.second = a.since ? a.name : a.alias;
        d.verdict = a.since ? model::Verdict::Renamed : model::Verdict::Same;
        d.year = a.since.value_or(0);
        if (!known_names.organisation(shipped, d.first) || !known_names.organisation(shipped, d.second))
            continue;
        const bool known = std::any_of(project.decisions.begin(), project.decisions.end(), [&](const auto& e) {
            return !e.people && ingest::org_key(shipped, e.first) == ingest::org_key(shipped, d.first) &&
                   ingest::org_key(shipped, e.second) == ingest::org_key(shipped, d.second);
        });
        if (known || !ingest::decision_problem(known_names, shipped, project.decisions, d, lang).empty()) continue;
        project.decisions.push_back(std::move(d));
        ++decisions_added;
    }
    if (decisions_added > 0) {
        ingest::resolve_identities(project, identity);
        for (auto& o : project.organisations)
            if (!o.place && !o.commune.empty()) o.place = places.point(o.commune);
        geography_changed = true;
    }

    bool changed = geography_changed || result.key_moved;
    for (const auto& f : report.files) changed |= f.status == ingest::FileOutcome::Status::Taken ||
                                                  f.status == ingest::FileOutcome::Status::TakenPartially;
    if (changed) store.save(project);
    if (result.key_moved) store.vacuum(); // the old key must not stay in the file's free pages
    remove_unless_kept.armed = !changed && !existed;
    result.saved = changed;

    result.project = std::move(project);
    return result;
}

} // namespace maillage::app
