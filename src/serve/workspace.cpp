#include "workspace.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>
#include <map>
#include <mutex>
#include <set>

#include <toml++/toml.h>

#include "maillage/app/project.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/output.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/manifest.hpp"
#include "maillage/store/store.hpp"

namespace maillage::serve {

namespace fs = std::filesystem;
using core::Msg;

namespace {

/// The COG the page picks from, read once.
struct Reference {
    std::vector<geo::Departement> departements;
    std::vector<advise::Commune> communes;
    struct Epci {
        std::string siren, name;
        std::set<std::string> departements;
        std::vector<std::string> communes;
    };
    std::map<std::string, Epci> epci; // by SIREN
};

const Reference& reference(core::Lang lang) {
    static std::once_flag once;
    static Reference r;
    std::call_once(once, [&] {
        const std::string data = ingest::reference_data_folder();
        r.departements = geo::Departements::load(data, lang).all();
        std::ifstream in(data + "/france_communes.csv", std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        std::map<std::string, int> column;
        bool first = true;
        core::each_csv_record(text.str(), ',', [&](core::CsvRecord& rec) {
            auto& f = rec.fields;
            if (std::exchange(first, false)) {
                for (int i = 0; i < static_cast<int>(f.size()); ++i) column[f[static_cast<std::size_t>(i)]] = i;
                return;
            }
            auto cell = [&](const char* key) {
                const auto it = column.find(key);
                return it != column.end() && static_cast<std::size_t>(it->second) < f.size() ? f[static_cast<std::size_t>(it->second)]
                                                                                             : std::string();
            };
            r.communes.push_back({cell("code_insee"), cell("nom"), cell("code_departement"), cell("epci_siren"), cell("epci_nom"), 0});
        });
        std::sort(r.communes.begin(), r.communes.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
        for (const auto& c : r.communes) {
            if (c.epci.empty()) continue;
            auto& e = r.epci[c.epci];
            e.siren = c.epci;
            e.name = c.epci_name;
            e.departements.insert(c.departement);
            e.communes.push_back(c.code);
        }
    });
    return r;
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 100 || id.front() == '.') return false;
    return std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

/// A folder name from a project's name: folded, words joined by "-".
std::string slug(const std::string& name) {
    std::string out;
    for (const char c : core::fold(name)) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 60) out.resize(60);
    return out.empty() ? "projet" : out;
}

std::string toml_text(const std::string& text) {
    std::ostringstream s;
    s << toml::value<std::string>(text);
    return s.str();
}

} // namespace

Workspace::Workspace(const std::string& folder, core::Lang lang) : m_folder(fs::absolute(folder).lexically_normal()) {
    std::error_code ec;
    if (!fs::exists(m_folder, ec)) fs::create_directories(m_folder, ec);
    if (!fs::is_directory(m_folder, ec))
        throw FatalError(core::render_error(folder, std::string(core::message(Msg::FileNotFound, lang)), lang));
}

std::optional<fs::path> Workspace::project(const std::string& id) const {
    if (!valid_id(id)) return std::nullopt;
    const fs::path p = m_folder / id;
    std::error_code ec;
    if (!fs::is_directory(p, ec) || !ingest::has_manifest(p.string())) return std::nullopt;
    return p;
}

std::string Workspace::store_of(const fs::path& project, core::Lang lang) const {
    const auto manifest = ingest::read_manifest(project.string(), lang);
    return manifest.store.empty() ? (project / "maillage.gpkg").string() : manifest.store;
}

nlohmann::ordered_json Workspace::list(core::Lang lang) const {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_folder, ec)) {
        const std::string id = entry.path().filename().string();
        if (project(id)) ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    auto out = nlohmann::ordered_json::array();
    for (const auto& id : ids) {
        nlohmann::ordered_json p;
        p["id"] = id;
        std::size_t territories = 0, editions = 0;
        bool imported = false;
        std::string name = id;
        try {
            const auto dir = *project(id);
            const auto manifest = ingest::read_manifest(dir.string(), lang);
            if (!manifest.name.empty()) name = manifest.name;
            territories = manifest.departements.size() + manifest.defined.size();
            const std::string store = store_of(dir, lang);
            if (store::is_postgres(store) || fs::exists(store, ec)) {
                const auto project = app::read_store(store, lang);
                imported = true;
                territories = project.territories.size();
                editions = project.editions.size();
            }
            p["error"] = nullptr;
        } catch (const std::exception& e) {
            p["error"] = e.what(); // a damaged manifest or store is listed, with why
        }
        p["name"] = name;
        p["imported"] = imported;
        p["territories"] = territories;
        p["editions"] = editions;
        out.push_back(std::move(p));
    }
    return out;
}

std::string Workspace::create(const std::string& name_given, const std::vector<NewTerritory>& territories, core::Lang lang) {
    const std::string name(core::trim(name_given));
    if (name.empty()) throw FatalError(std::string(core::message(Msg::ServeProjectName, lang)));
    if (territories.empty()) throw FatalError(std::string(core::message(Msg::ServeNoTerritory, lang)));
    const auto& ref = reference(lang);
    std::string text = "# Made by the maillage workspace. Format: docs/manifest.md.\n";
    text += "[project]\nname = " + toml_text(name) + "\naccept_partial = false\n\n[territories]\n";
    std::string departements, defined;
    for (const auto& t : territories) {
        switch (t.kind) {
        case NewTerritory::Kind::Departement: {
            const auto it = std::find_if(ref.departements.begin(), ref.departements.end(),
                                         [&](const auto& d) { return d.code == t.code; });
            if (it == ref.departements.end()) throw FatalError(core::tr(lang, Msg::ManifestUnknownDepartement, t.code));
            departements += (departements.empty() ? "" : ", ") + toml_text(it->code);
            break;
        }
        case NewTerritory::Kind::Epci: {
            const auto it = ref.epci.find(t.code);
            if (it == ref.epci.end()) throw FatalError(core::tr(lang, Msg::ServeUnknownEpci, t.code));
            defined += "\n[[territories.defined]]\nname = " + toml_text(it->second.name) + "\ncode = " + toml_text(it->first) +
                       "\nepci = [" + toml_text(it->first) + "]\n";
            break;
        }
        case NewTerritory::Kind::Communes: {
            const std::string tname(core::trim(t.name));
            if (tname.empty()) throw FatalError(std::string(core::message(Msg::ServeCommunesName, lang)));
            if (t.communes.empty()) throw FatalError(core::tr(lang, Msg::ServeUnknownCommune, ""));
            std::string list;
            for (const auto& code : t.communes) {
                const auto c = std::lower_bound(ref.communes.begin(), ref.communes.end(), code,
                                                [](const advise::Commune& a, const std::string& b) { return a.code < b; });
                if (c == ref.communes.end() || c->code != code) throw FatalError(core::tr(lang, Msg::ServeUnknownCommune, code));
                list += (list.empty() ? "" : ", ") + toml_text(code);
            }
            defined += "\n[[territories.defined]]\nname = " + toml_text(tname) + "\ncommunes = [" + list + "]\n";
            break;
        }
        }
    }
    if (!departements.empty()) text += "departements = [" + departements + "]\n";
    text += defined;
    std::string id = slug(name);
    std::error_code ec;
    for (int n = 2; fs::exists(m_folder / id, ec); ++n) id = slug(name) + "-" + std::to_string(n);
    const fs::path dir = m_folder / id;
    fs::create_directories(dir, ec);
    if (ec) throw FatalError(core::render_error(dir.string(), ec.message(), lang));
    ingest::parse_manifest(text, dir.string(), lang); // what is written must read back
    core::write_file_atomically((dir / "maillage.toml").string(), text, lang);
    return id;
}

nlohmann::ordered_json departements(core::Lang lang) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& d : reference(lang).departements) out.push_back({{"code", d.code}, {"name", d.name}});
    return out;
}

std::string commune_label(const std::string& code, core::Lang lang) {
    const auto& communes = reference(lang).communes;
    const auto c = std::lower_bound(communes.begin(), communes.end(), code,
                                    [](const advise::Commune& a, const std::string& b) { return a.code < b; });
    return c != communes.end() && c->code == code ? c->name + " (" + code + ")" : code;
}

nlohmann::ordered_json epci_matching(const std::string& query, std::size_t limit, core::Lang lang) {
    const std::string q = core::fold(query);
    auto out = nlohmann::ordered_json::array();
    std::vector<const Reference::Epci*> hits;
    for (const auto& [siren, e] : reference(lang).epci)
        if (q.empty() || core::fold(e.name).find(q) != std::string::npos || siren.starts_with(q)) hits.push_back(&e);
    std::sort(hits.begin(), hits.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    for (const auto* e : hits) {
        if (out.size() >= limit) break;
        out.push_back({{"siren", e->siren}, {"name", e->name}, {"departements", e->departements}, {"communes", e->communes.size()}});
    }
    return out;
}

nlohmann::ordered_json communes_matching(const std::string& query, std::size_t limit, core::Lang lang) {
    const std::string q = core::fold(query);
    auto out = nlohmann::ordered_json::array();
    if (q.empty()) return out;
    for (const auto& c : reference(lang).communes) {
        if (out.size() >= limit) break;
        const std::string folded = core::fold(c.name);
        if (c.code.starts_with(q) || folded.starts_with(q) || folded.find(" " + q) != std::string::npos)
            out.push_back({{"code", c.code}, {"name", c.name}, {"departement", c.departement}});
    }
    return out;
}

} // namespace maillage::serve
