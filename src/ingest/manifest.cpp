#include "maillage/ingest/manifest.hpp"

#include <algorithm>
#include <filesystem>
#include <fnmatch.h>
#include <fstream>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/ingest/record.hpp"

namespace maillage::ingest {
namespace fs = std::filesystem;
namespace {

using core::Msg;

struct Reader {
    std::string file;
    core::Lang lang;

    [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
        throw FatalError(core::render({core::Severity::Error,
                                       {file, static_cast<std::int64_t>(where.begin.line),
                                        static_cast<int>(where.begin.column), {}},
                                       message},
                                      lang));
    }

    void only(const toml::table& t, std::initializer_list<std::string_view> keys, const std::string& where) const {
        for (const auto& [k, v] : t) {
            if (std::find(keys.begin(), keys.end(), k.str()) != keys.end()) continue;
            std::string allowed;
            for (auto key : keys) allowed += (allowed.empty() ? "" : ", ") + std::string(key);
            fail(v.source(), core::tr(lang, Msg::ManifestUnknownKey, std::string(k.str()), where, allowed));
        }
    }

    std::string text(const toml::table& t, std::string_view key) const {
        const auto* node = t.get(key);
        if (!node) return {};
        if (const auto* s = node->as_string()) return s->get();
        fail(node->source(), core::tr(lang, Msg::ManifestWrongKind, std::string(key), "texte"));
    }

    std::vector<std::string> texts(const toml::table& t, std::string_view key) const {
        const auto* node = t.get(key);
        if (!node) return {};
        if (const auto* s = node->as_string()) return {s->get()};
        std::vector<std::string> out;
        if (const auto* a = node->as_array()) {
            for (const auto& item : *a) {
                if (const auto* s = item.as_string()) out.push_back(s->get());
                else fail(item.source(), core::tr(lang, Msg::ManifestWrongKind, std::string(key), "[\"...\"]"));
            }
            return out;
        }
        fail(node->source(), core::tr(lang, Msg::ManifestWrongKind, std::string(key), "[\"...\"]"));
    }

    int year(const toml::table& t, std::string_view key) const {
        const auto* node = t.get(key);
        if (!node) return 0;
        if (const auto* i = node->as_integer(); i && i->get() >= 1900 && i->get() <= 2200) return static_cast<int>(i->get());
        fail(node->source(), core::tr(lang, Msg::ManifestWrongKind, std::string(key), "2024"));
    }

    bool flag(const toml::table& t, std::string_view key) const {
        const auto* node = t.get(key);
        if (!node) return false;
        if (const auto* b = node->as_boolean()) return b->get();
        fail(node->source(), core::tr(lang, Msg::ManifestWrongKind, std::string(key), "true / false"));
    }
};

std::string join_path(const std::string& folder, const std::string& path) {
    if (path.empty()) return {};
    return fs::path(path).is_absolute() ? path : (fs::path(folder) / path).lexically_normal().string();
}

} // namespace

bool has_manifest(const std::string& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec) && fs::exists(fs::path(folder) / "maillage.toml", ec);
}

Manifest read_manifest(const std::string& folder, core::Lang lang) {
    const std::string file = (fs::path(folder) / "maillage.toml").string();
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FatalError(core::render_error(file, std::string(core::message(Msg::FileNotFound, lang)), lang));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_manifest(text.str(), folder, lang);
}

Manifest parse_manifest(std::string_view text, const std::string& folder, core::Lang lang) {
    const std::string file = (fs::path(folder) / "maillage.toml").string();
    Reader r{file, lang};
    toml::table doc;
    try {
        doc = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        r.fail(e.source(), std::string(e.description()));
    }
    r.only(doc, {"project", "sheets", "aliases", "types", "registry", "directory", "territories", "store"}, "maillage.toml");

    Manifest m;
    m.folder = folder;
    if (const auto* project = doc.get_as<toml::table>("project")) {
        r.only(*project, {"name", "accept_partial"}, "[project]");
        m.name = r.text(*project, "name");
        m.accept_partial = r.flag(*project, "accept_partial");
    }
    m.aliases = join_path(folder, r.text(doc, "aliases"));
    if (const std::string store = r.text(doc, "store"); !store.empty())
        m.store = store.starts_with("PG:") ? store : join_path(folder, store);
    m.types = join_path(folder, r.text(doc, "types"));
    if (const auto* sheets = doc.get("sheets")) {
        const auto* array = sheets->as_array();
        if (!array) r.fail(sheets->source(), core::tr(lang, Msg::ManifestWrongKind, "sheets", "[[sheets]]"));
        for (const auto& node : *array) {
            const auto* t = node.as_table();
            if (!t) r.fail(node.source(), core::tr(lang, Msg::ManifestWrongKind, "sheets", "[[sheets]]"));
            r.only(*t, {"paths", "territory", "edition", "encoding", "sheet", "columns"}, "[[sheets]]");
            SheetGroup g;
            g.patterns = r.texts(*t, "paths");
            if (g.patterns.empty()) r.fail(t->source(), core::tr(lang, Msg::ManifestMissing, "paths", "[[sheets]]"));
            g.load.territory = r.text(*t, "territory");
            g.load.year = r.year(*t, "edition");
            if (const std::string enc = r.text(*t, "encoding"); !enc.empty()) {
                const auto parsed = parse_encoding(enc);
                if (!parsed) r.fail(t->get("encoding")->source(), core::tr(lang, Msg::UsageUnknownEncoding, enc));
                g.load.read.encoding = *parsed;
            }
            if (const std::string sheet = r.text(*t, "sheet"); !sheet.empty()) g.load.read.sheet = sheet;
            if (const auto* columns = t->get("columns")) {
                const auto* ct = columns->as_table();
                if (!ct) r.fail(columns->source(), core::tr(lang, Msg::ManifestWrongKind, "columns", "{ person = \"...\" }"));
                for (const auto& [k, v] : *ct) {
                    const auto field = parse_field_key(k.str());
                    if (!field) r.fail(v.source(), core::tr(lang, Msg::UsageUnknownField, std::string(k.str()), field_keys_list()));
                    const auto* s = v.as_string();
                    if (!s) r.fail(v.source(), core::tr(lang, Msg::ManifestWrongKind, std::string(k.str()), "texte"));
                    g.load.mapping.emplace_back(*field, s->get());
                }
            }
            m.sheets.push_back(std::move(g));
        }
    }
    for (auto& p : r.texts(doc, "registry")) m.registries.push_back(join_path(folder, p));
    if (doc.get("directory")) m.directory = r.flag(doc, "directory");
    if (const auto* territories = doc.get_as<toml::table>("territories")) {
        r.only(*territories, {"outlines", "key", "code", "defined", "departements"}, "[territories]");
        m.departements = r.texts(*territories, "departements");
        m.territories = join_path(folder, r.text(*territories, "outlines"));
        m.territories_key = r.text(*territories, "key");
        m.territories_code = r.text(*territories, "code");
        if (!m.territories.empty() && m.territories_key.empty())
            r.fail(territories->source(), core::tr(lang, Msg::ManifestMissing, "key", "[territories]"));
        if (const auto* defined = territories->get("defined")) {
            const auto* array = defined->as_array();
            if (!array) r.fail(defined->source(), core::tr(lang, Msg::ManifestWrongKind, "defined", "[[territories.defined]]"));
            for (const auto& node : *array) {
                const auto* t = node.as_table();
                if (!t) r.fail(node.source(), core::tr(lang, Msg::ManifestWrongKind, "defined", "[[territories.defined]]"));
                r.only(*t, {"name", "code", "communes", "epci"}, "[[territories.defined]]");
                DefinedTerritory d{r.text(*t, "name"), r.text(*t, "code"), r.texts(*t, "communes"), r.texts(*t, "epci")};
                if (d.name.empty()) r.fail(t->source(), core::tr(lang, Msg::ManifestMissing, "name", "[[territories.defined]]"));
                if (d.communes.empty() && d.epci.empty())
                    r.fail(t->source(), core::tr(lang, Msg::ManifestMissing, "communes / epci", "[[territories.defined]]"));
                m.defined.push_back(std::move(d));
            }
        }
    }
    return m;
}

std::vector<std::string> expand_sheets(const Manifest& manifest, const SheetGroup& group, core::Lang lang) {
    std::set<std::string> files;
    std::vector<std::string> all;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(manifest.folder, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file()) all.push_back(fs::relative(it->path(), manifest.folder).generic_string());
    }
    for (const auto& pattern : group.patterns) {
        // "**/" may match no folder at all: "editions/**/*.csv" also matches "editions/a.csv".
        std::vector<std::string> forms = {pattern};
        for (std::size_t pos = pattern.find("**/"); pos != std::string::npos; pos = pattern.find("**/", pos + 1))
            forms.push_back(pattern.substr(0, pos) + pattern.substr(pos + 3));
        std::size_t matched = 0;
        for (const auto& rel : all) {
            const bool hit = std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
                return fnmatch(f.c_str(), rel.c_str(), 0) == 0;
            });
            if (hit) {
                files.insert((fs::path(manifest.folder) / rel).lexically_normal().string());
                ++matched;
            }
        }
        if (matched == 0)
            throw FatalError(core::render_error((fs::path(manifest.folder) / "maillage.toml").string(),
                                                core::tr(lang, Msg::ManifestNoMatch, pattern), lang));
    }
    return {files.begin(), files.end()};
}

} // namespace maillage::ingest
