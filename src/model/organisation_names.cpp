#include "maillage/model/organisation_names.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <stdexcept>

#include <toml++/toml.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"

namespace maillage::model {
namespace {

using Words = std::vector<std::string>;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// A byte that belongs to a word: ASCII letters and digits, and every byte of a multi-byte
// UTF-8 character (accented letters; typographic punctuation counts too, which only makes
// rule 1 more cautious).
bool is_word_byte(char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Rule 1: "C.I.O." → "CIO".
std::string close_initialisms(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    std::size_t i = 0;
    while (i < t.size()) {
        if (is_letter(t[i]) && (i == 0 || !is_word_byte(t[i - 1]))) {
            std::string letters;
            std::size_t j = i;
            bool dotted = false;
            while (j < t.size() && is_letter(t[j]) && (j + 1 == t.size() || !is_word_byte(t[j + 1]))) {
                letters.push_back(t[j]);
                if (j + 1 < t.size() && t[j + 1] == '.') {
                    dotted = true;
                    j += 2;
                } else {
                    j += 1;
                    break;
                }
            }
            if (letters.size() >= 2 && dotted) {
                out += letters;
                out.push_back(' ');
                i = j;
                continue;
            }
        }
        out.push_back(t[i]);
        ++i;
    }
    return out;
}

Words split_words(const std::string& folded) {
    Words words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        if (end > start) words.emplace_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string join(const Words& words, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!out.empty()) out.push_back(' ');
        out += words[i];
    }
    return out;
}

struct WordRule {
    std::string_view from, to;
};

// Rule 3.
constexpr std::array<WordRule, 9> kAbbreviations{{{"st", "saint"},
                                                  {"ste", "sainte"},
                                                  {"sts", "saints"},
                                                  {"ctre", "centre"},
                                                  {"cie", "compagnie"},
                                                  {"assoc", "association"},
                                                  {"asso", "association"},
                                                  {"univ", "universite"},
                                                  {"info", "information"}}};
// Rule 4.
constexpr std::array<WordRule, 4> kNetworkAcronyms{{{"ml", "mission locale"},
                                                    {"pe", "pole emploi"},
                                                    {"ft", "france travail"},
                                                    {"atpro", "transitions pro"}}};
// Rule 5.
constexpr std::array<std::string_view, 11> kConnectors{"de", "du", "des", "d",  "la", "le",
                                                        "les", "l", "et", "au", "aux"};

struct PhraseRule {
    std::vector<std::string_view> from;
    std::string_view to;
    bool leading_only = false;
};

// Rule 6, on words without connectors. Longer phrases first where one contains another.
const std::vector<PhraseRule>& phrase_rules() {
    static const std::vector<PhraseRule> rules = {
        {{"centre", "information", "orientation"}, "cio"},
        {{"maison", "services", "public"}, "msap"},
        {{"maison", "service", "public"}, "msap"},
        {{"maison", "france", "services"}, "france services"},
        {{"espace", "france", "services"}, "france services"},
        {{"chambre", "metiers", "artisanat"}, "cma"},
        {{"chambre", "metiers"}, "cma"},
        {{"chambre", "commerce", "industrie"}, "cci"},
        {{"communaute", "communes"}, "cc"},
        {{"com", "communes"}, "cc"},
        {{"com", "com"}, "cc"},
        {{"comcom"}, "cc"},
        {{"communaute", "agglomeration"}, "ca"},
        {{"communaute", "agglo"}, "ca"},
        {{"agglo"}, "ca", true},
        {{"agglomeration"}, "ca", true},
        {{"communaute", "urbaine"}, "cu"},
        {{"com", "agglomeration"}, "ca"},
        {{"conseil", "departemental"}, "cd"},
        {{"conseil", "general"}, "cd"},
        {{"departement"}, "cd", true},
        {{"conseil", "regional"}, "region"},
        {{"point", "information", "jeunesse"}, "pij"},
        {{"point", "information", "jeunes"}, "pij"},
        {{"bureau", "information", "jeunes"}, "bij"},
        {{"bureau", "information", "jeunesse"}, "bij"},
        {{"centre", "information", "sur", "droits", "femmes", "familles"}, "cidff"},
        {{"centre", "information", "droits", "femmes", "familles"}, "cidff"},
        {{"maison", "departementale", "personnes", "handicapees"}, "mdph"},
        {{"association", "pour", "emploi", "cadres"}, "apec"},
        {{"provence", "alpes", "cote", "azur"}, "paca"},
    };
    return rules;
}

// Rule 7: networks whose agencies are often written "Agence <network> <place>".
const std::vector<Words>& agency_networks() {
    static const std::vector<Words> networks = {
        {"pole", "emploi"}, {"france", "travail"}, {"apec"}, {"cap", "emploi"}};
    return networks;
}

bool starts_with_words(const Words& words, std::size_t at, const Words& phrase) {
    if (words.size() - at < phrase.size()) return false;
    return std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

bool is_agency_word(const std::string& w) { return w == "agence" || w == "antenne"; }

Words normalise_words(std::string_view name) {
    Words words = split_words(core::fold(close_initialisms(name)));
    // 3. word abbreviations
    for (auto& w : words)
        for (const auto& r : kAbbreviations)
            if (w == r.from) w = std::string(r.to);
    // 4. a network's acronym as the first word, or after a leading "agence"/"antenne"
    const std::size_t head = !words.empty() && is_agency_word(words[0]) ? 1 : 0;
    if (head < words.size()) {
        for (const auto& r : kNetworkAcronyms) {
            if (words[head] == r.from) {
                Words expanded = split_words(std::string(r.to));
                words.erase(words.begin() + static_cast<std::ptrdiff_t>(head));
                words.insert(words.begin() + static_cast<std::ptrdiff_t>(head), expanded.begin(), expanded.end());
                break;
            }
        }
    }
    // 5. connectors, unless nothing else is left
    Words kept;
    for (auto& w : words)
        if (std::find(kConnectors.begin(), kConnectors.end(), w) == kConnectors.end()) kept.push_back(w);
    if (!kept.empty()) words = std::move(kept);
    // 6. long forms → short forms
    for (const auto& rule : phrase_rules()) {
        const Words phrase(rule.from.begin(), rule.from.end());
        const Words replacement = split_words(std::string(rule.to));
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (rule.leading_only && i > 0) break;
            if (!starts_with_words(words, i, phrase)) continue;
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i),
                        words.begin() + static_cast<std::ptrdiff_t>(i + phrase.size()));
            words.insert(words.begin() + static_cast<std::ptrdiff_t>(i), replacement.begin(), replacement.end());
        }
    }
    // 7. "agence" before a network's name
    if (words.size() > 1 && is_agency_word(words[0])) {
        for (const auto& network : agency_networks()) {
            if (starts_with_words(words, 1, network)) {
                words.erase(words.begin());
                break;
            }
        }
    }
    // 8. a word repeated right after itself ("Mission Mission locale"), but not a number: in
    //    "Opacif agricole 2 (2)" the second 2 tells another organisation from "Opacif agricole 2"
    const auto digits = [](const std::string& w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    words.erase(std::unique(words.begin(), words.end(),
                            [&](const std::string& a, const std::string& b) { return a == b && !digits(a); }),
                words.end());
    return words;
}

bool has_key_prefix(std::string_view key, std::string_view prefix) {
    return key == prefix || (key.size() > prefix.size() && key.starts_with(prefix) && key[prefix.size()] == ' ');
}

// Replaces the leading words of `text` that normalise to `prefix_key` by `replacement`,
// keeping the rest as typed.
std::string replace_prefix(std::string_view text, std::string_view prefix_key, std::string_view replacement) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (i < text.size()) {
        while (i < text.size() && space(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    std::string head;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k > 0) head.push_back(' ');
        head += words[k];
        if (normalise_org_name(head) == prefix_key) {
            std::string out(replacement);
            for (std::size_t r = k + 1; r < words.size(); ++r) {
                out.push_back(' ');
                out += words[r];
            }
            return out;
        }
    }
    // The prefix ends inside a word ("Pôle-emploi/Toulon"): fall back on the normalised rest.
    const std::string key = normalise_org_name(text);
    return std::string(replacement) + key.substr(std::min(prefix_key.size(), key.size()));
}

double jaro_winkler(std::string_view a, std::string_view b) {
    if (a == b) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    std::vector<bool> used_a(a.size()), used_b(b.size());
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t lo = i > window ? i - window : 0;
        const std::size_t hi = std::min(b.size(), i + window + 1);
        for (std::size_t j = lo; j < hi; ++j) {
            if (used_b[j] || a[i] != b[j]) continue;
            used_a[i] = used_b[j] = true;
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0.0;
    std::size_t transpositions = 0;
    for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!used_a[i]) continue;
        while (!used_b[j]) ++j;
        if (a[i] != b[j]) ++transpositions;
        ++j;
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                         (m - static_cast<double>(transpositions) / 2.0) / m) / 3.0;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

bool is_number(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Numbers (département codes, arrondissements) and words of three letters or fewer (acronyms:
// "cc"/"cci", "pij"/"bij") are identifiers: equal or unrelated. Jaro-Winkler gives "cc"/"cci"
// 0.91, which paired "Communauté de communes X" (cc x) with "CCI X".
double word_similarity(std::string_view a, std::string_view b) {
    if (is_number(a) || is_number(b) || std::min(a.size(), b.size()) <= 3) return a == b ? 1.0 : 0.0;
    return jaro_winkler(a, b);
}

// Short words weigh as much as four letters: "Est"/"Ouest", "04"/"05", "Gap" tell apart
// organisations as much as longer place names do.
double word_weight(std::string_view w) { return static_cast<double>(std::max<std::size_t>(w.size(), 4)); }

[[noreturn]] void fail_at(std::string_view source, std::int64_t line, int column, std::string field,
                          core::Lang lang, std::string message) {
    core::Diagnostic d{core::Severity::Error,
                       core::SourceLocation{std::string(source), line, column, std::move(field)},
                       std::move(message)};
    throw FatalError(core::render(d, lang));
}

[[noreturn]] void fail_toml(std::string_view source, const toml::source_region& where, core::Lang lang,
                            std::string message) {
    fail_at(source, static_cast<std::int64_t>(where.begin.line), static_cast<int>(where.begin.column), {},
            lang, std::move(message));
}

std::optional<int> parse_year(std::string_view text, bool& ok) {
    text = core::trim(text);
    ok = true;
    if (text.empty()) return std::nullopt;
    int year = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc() || end != text.data() + text.size() || year < 1900 || year > 2100) {
        ok = false;
        return std::nullopt;
    }
    return year;
}

} // namespace

std::string normalise_org_name(std::string_view name) { return join(normalise_words(name)); }

std::vector<std::string> normalised_words(std::string_view name) { return normalise_words(name); }

double name_similarity(std::string_view a, std::string_view b) {
    return words_similarity(normalise_words(a), normalise_words(b));
}

double words_similarity(const std::vector<std::string>& wa, const std::vector<std::string>& wb) {
    if (wa == wb) return 1.0;
    if (wa.empty() || wb.empty()) return 0.0;
    struct Pair {
        double similarity;
        std::size_t i, j;
    };
    std::vector<Pair> pairs;
    for (std::size_t i = 0; i < wa.size(); ++i)
        for (std::size_t j = 0; j < wb.size(); ++j)
            if (double s = word_similarity(wa[i], wb[j]); s >= 0.88) pairs.push_back({s, i, j});
    // Best pairs first; ties by position so the result does not depend on the sort.
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
        if (x.similarity != y.similarity) return x.similarity > y.similarity;
        return x.i != y.i ? x.i < y.i : x.j < y.j;
    });
    std::vector<bool> paired_a(wa.size()), paired_b(wb.size());
    double paired = 0.0, paired_weight = 0.0;
    for (const auto& p : pairs) {
        if (paired_a[p.i] || paired_b[p.j]) continue;
        paired_a[p.i] = paired_b[p.j] = true;
        const double weight = (word_weight(wa[p.i]) + word_weight(wb[p.j])) / 2.0;
        paired += weight * p.similarity;
        paired_weight += weight;
    }
    double unpaired = 0.0;
    for (std::size_t i = 0; i < wa.size(); ++i)
        if (!paired_a[i]) unpaired += word_weight(wa[i]);
    for (std::size_t j = 0; j < wb.size(); ++j)
        if (!paired_b[j]) unpaired += word_weight(wb[j]);
    const double jaccard = paired / (paired_weight + unpaired);
    const bool a_covered = std::all_of(paired_a.begin(), paired_a.end(), [](bool x) { return x; });
    const bool b_covered = std::all_of(paired_b.begin(), paired_b.end(), [](bool x) { return x; });
    return (a_covered || b_covered) ? 0.5 + jaccard / 2.0 : jaccard;
}

// ---- AliasTable ---------------------------------------------------------------------------

AliasTable AliasTable::defaults() {
    // built once (its names normalised), copied for each caller
    static const AliasTable shipped = [] {
        AliasTable t;
        t.add_rename("ANPE", "Pôle emploi", 2009);
        t.add_rename("Pôle emploi", "France Travail", 2024);
        t.add_rename("Fongecif", "Transitions Pro", 2020);
        t.add_rename("Opacif", "OPCO", 2019);
        t.add_rename("OPCA", "OPCO", 2019);
        t.add_rename("MSAP", "France services", 2020);
        // the State's labour offices: the departmental units of the DIRECCTE became the DDETS, its
        // regional office the DREETS (2021)
        t.add_rename("DIRECCTE UD", "DDETS", 2021);
        t.add_rename("DIRECCTE UT", "DDETS", 2021);
        t.add_rename("DIRECCTE", "DREETS", 2021);
        // universities merged or renamed, as the 2019 directory still names them
        t.add_rename("Université Nice-Sophia-Antipolis", "Université Côte d'Azur", 2020);
        return t;
    }();
    return shipped;
}

void AliasTable::add_rename(std::string_view old_name, std::string_view new_name, int since) {
    std::string old_key = normalise_org_name(old_name);
    std::string new_key = normalise_org_name(new_name);
    if (old_key.empty() || new_key.empty() || old_key == new_key)
        throw std::invalid_argument("rename: names must differ and hold letters");
    m_renames.push_back({std::string(core::trim(old_name)), std::string(core::trim(new_name)), since});
    m_normalised.push_back({std::move(old_key), std::move(new_key)});
}

std::string AliasTable::canonical(std::string_view name) const {
    std::string key = normalise_org_name(name);
    // Each pass applies one rename; a chain of r renames needs at most r passes, and a cycle
    // (A → B, B → A, which add_rename cannot rule out) stops there too.
    for (std::size_t pass = 0; pass < m_normalised.size(); ++pass) {
        bool changed = false;
        for (const auto& r : m_normalised) {
            if (has_key_prefix(key, r.old_key)) {
                key = r.new_key + key.substr(r.old_key.size());
                changed = true;
                break;
            }
            // an institution's full name (three words or more) is renamed wherever it stands:
            // "Direction de la formation - Université Nice-Sophia-Antipolis - Secteur lettres"
            if (std::count(r.old_key.begin(), r.old_key.end(), ' ') >= 2) {
                const std::size_t at = (" " + key + " ").find(" " + r.old_key + " ");
                if (at != std::string::npos) {
                    key = key.substr(0, at) + r.new_key + key.substr(at + r.old_key.size());
                    changed = true;
                    break;
                }
            }
        }
        if (!changed) break;
    }
    return key;
}

std::string AliasTable::display_for_year(std::string_view text, int year) const {
    std::string out(core::trim(text));
    for (std::size_t pass = 0; pass <= 2 * m_renames.size(); ++pass) {
        bool changed = false;
        const std::string key = normalise_org_name(out);
        for (std::size_t i = 0; i < m_renames.size(); ++i) {
            const auto& r = m_renames[i];
            const auto& n = m_normalised[i];
            if (year >= r.since && has_key_prefix(key, n.old_key)) {
                out = replace_prefix(out, n.old_key, r.new_name);
                changed = true;
                break;
            }
            if (year < r.since && has_key_prefix(key, n.new_key)) {
                out = replace_prefix(out, n.new_key, r.old_name);
                changed = true;
                break;
            }
        }
        if (!changed) break;
    }
    return out;
}

std::size_t AliasTable::node(const std::string& key) {
    if (auto it = m_nodes.find(key); it != m_nodes.end()) return it->second;
    const std::size_t n = m_parent.size();
    m_nodes.emplace(key, n);
    m_parent.push_back(n);
    m_groups.push_back(Group{key, std::numeric_limits<std::size_t>::max(), {}});
    return n;
}

std::size_t AliasTable::root(std::size_t n) const {
    while (m_parent[n] != n) n = m_parent[n];
    return n;
}

void AliasTable::add_alias(std::string_view name, std::string_view alias, std::optional<int> since) {
    const std::string name_key = canonical(name);
    const std::string alias_key = canonical(alias);
    if (name_key.empty() || alias_key.empty()) throw std::invalid_argument("alias: names must hold letters");
    m_aliases.push_back({std::string(name), std::string(alias), since});
    const std::size_t order = m_order++;
    std::size_t a = root(node(name_key));
    std::size_t b = root(node(alias_key));
    if (a != b) {
        // Union by size keeps root() logarithmic without path compression (resolve is const).
        if (m_groups[a].entries.size() < m_groups[b].entries.size()) std::swap(a, b);
        m_parent[b] = a;
        Group& into = m_groups[a];
        Group& from = m_groups[b];
        into.entries.insert(into.entries.end(), from.entries.begin(), from.entries.end());
        if (from.key_order < into.key_order) {
            into.key = std::move(from.key);
            into.key_order = from.key_order;
        }
        from = Group{};
    }
    Group& g = m_groups[a];
    if (order < g.key_order) {
        g.key = name_key;
        g.key_order = order;
    }
    if (since) {
        g.entries.push_back({std::nullopt, std::string(core::trim(alias)), order});
        g.entries.push_back({since, std::string(core::trim(name)), order});
    } else {
        g.entries.push_back({std::nullopt, std::string(core::trim(name)), order});
    }
}

ResolvedName AliasTable::resolve(std::string_view name, int year) const {
    std::string key = canonical(name);
    auto it = m_nodes.find(key);
    if (it == m_nodes.end()) return {std::move(key), display_for_year(name, year)};
    const Group& g = m_groups[root(it->second)];
    const Entry* best = nullptr;
    for (const auto& e : g.entries) {
        if (e.since && *e.since > year) continue;
        if (!best) {
            best = &e;
            continue;
        }
        const int e_since = e.since.value_or(std::numeric_limits<int>::min());
        const int b_since = best->since.value_or(std::numeric_limits<int>::min());
        if (e_since > b_since || (e_since == b_since && e.order < best->order)) best = &e;
    }
    return {g.key, display_for_year(best ? std::string_view(best->display) : name, year)};
}

std::string AliasTable::display(std::string_view name, int year) const {
    if (m_nodes.empty()) return display_for_year(name, year); // as resolve: no group to look the key up in
    return resolve(name, year).display;
}

std::string AliasTable::key(std::string_view name) const {
    std::string k = canonical(name);
    auto it = m_nodes.find(k);
    return it == m_nodes.end() ? k : m_groups[root(it->second)].key;
}

void AliasTable::load_csv(std::string_view csv_text, std::string_view source, core::Lang lang) {
    const std::string_view first_line = csv_text.substr(0, csv_text.find('\n'));
    const char separator =
        first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos ? ';' : ',';
    const core::CsvText csv = core::parse_csv(csv_text, separator);
    if (csv.unclosed_quote_line)
        fail_at(source, *csv.unclosed_quote_line, 0, {}, lang, core::tr(lang, core::Msg::AliasesUnclosedQuote));
    if (csv.records.empty())
        fail_at(source, 1, 0, {}, lang, core::tr(lang, core::Msg::AliasesBadHeader, ""));
    const auto& header = csv.records.front();
    std::optional<std::size_t> name_col, alias_col, since_col;
    for (std::size_t c = 0; c < header.fields.size(); ++c) {
        const std::string f = core::fold(header.fields[c]);
        if (f == "nom" || f == "name") name_col = c;
        else if (f == "alias") alias_col = c;
        else if (f == "depuis" || f == "since") since_col = c;
    }
    if (!name_col || !alias_col)
        fail_at(source, header.line, 0, {}, lang,
                core::tr(lang, core::Msg::AliasesBadHeader, std::string(core::trim(first_line))));
    AliasTable next = *this; // all or nothing
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
        const auto& rec = csv.records[r];
        auto cell = [&](std::size_t c) -> std::string_view {
            return c < rec.fields.size() ? core::trim(rec.fields[c]) : std::string_view{};
        };
        for (std::size_t c : {*name_col, *alias_col})
            if (core::fold(cell(c)).empty())
                fail_at(source, rec.line, static_cast<int>(c + 1), header.fields[c], lang,
                        core::tr(lang, core::Msg::AliasesEmptyName, header.fields[c]));
        std::optional<int> since;
        if (since_col) {
            bool ok = true;
            since = parse_year(cell(*since_col), ok);
            if (!ok)
                fail_at(source, rec.line, static_cast<int>(*since_col + 1), header.fields[*since_col], lang,
                        core::tr(lang, core::Msg::AliasesBadYear, std::string(cell(*since_col))));
        }
        next.add_alias(cell(*name_col), cell(*alias_col), since);
    }
    *this = std::move(next);
}

void AliasTable::load_toml(std::string_view toml_text, std::string_view source, core::Lang lang) {
    toml::table doc;
    try {
        doc = toml::parse(toml_text, std::string_view(source));
    } catch (const toml::parse_error& e) {
        fail_toml(source, e.source(), lang, core::tr(lang, core::Msg::ConfigBadToml, std::string(e.description())));
    }
    const bool fr = lang == core::Lang::Fr;
    auto bad = [&](const toml::node& n, std::string_view field, std::string_view expected_fr,
                   std::string_view expected_en) {
        fail_toml(source, n.source(), lang,
                  core::tr(lang, core::Msg::ConfigBadValue, std::string(field), fr ? expected_fr : expected_en));
    };
    auto text_of = [&](const toml::node& n, std::string_view field) -> std::string {
        const auto* s = n.as_string();
        if (!s || core::fold(s->get()).empty()) bad(n, field, "un nom non vide", "a non-empty name");
        return s->get();
    };
    auto year_of = [&](const toml::node& n) -> int {
        const auto* v = n.as_integer();
        if (!v || v->get() < 1900 || v->get() > 2100) bad(n, "since", "une année comme 2024", "a year such as 2024");
        return static_cast<int>(v->get());
    };
    for (const auto& [section, node] : doc) {
        if (section.str() != "alias" && section.str() != "rename")
            fail_toml(source, node.source(), lang,
                      core::tr(lang, core::Msg::ConfigUnknownField, std::string(section.str()), "alias, rename"));
        const toml::array* list = node.as_array();
        if (!list || !list->is_array_of_tables())
            bad(node, section.str(), "une liste de tables ([[...]])", "an array of tables ([[...]])");
    }
    AliasTable next = *this; // all or nothing
    if (const toml::array* renames = doc["rename"].as_array()) {
        for (const auto& item : *renames) {
            const toml::table& t = *item.as_table();
            std::string old_name, new_name;
            std::optional<int> since;
            for (const auto& [field, value] : t) {
                if (field.str() == "old") old_name = text_of(value, "old");
                else if (field.str() == "new") new_name = text_of(value, "new");
                else if (field.str() == "since") since = year_of(value);
                else
                    fail_toml(source, field.source(), lang,
                              core::tr(lang, core::Msg::ConfigUnknownField, std::string(field.str()), "old, new, since"));
            }
            for (auto [field, present] : {std::pair<std::string_view, bool>{"old", !old_name.empty()},
                                          {"new", !new_name.empty()}, {"since", since.has_value()}})
                if (!present) fail_toml(source, t.source(), lang, core::tr(lang, core::Msg::ConfigMissingField, field));
            if (normalise_org_name(old_name) == normalise_org_name(new_name))
                bad(t, "new", "un autre nom que old", "a name other than old");
            next.add_rename(old_name, new_name, *since);
        }
    }
    if (const toml::array* aliases = doc["alias"].as_array()) {
        for (const auto& item : *aliases) {
            const toml::table& t = *item.as_table();
            std::string name;
            std::vector<std::string> others;
            std::optional<int> since;
            for (const auto& [field, value] : t) {
                if (field.str() == "name") {
                    name = text_of(value, "name");
                } else if (field.str() == "alias") {
                    others.push_back(text_of(value, "alias"));
                } else if (field.str() == "aliases") {
                    const toml::array* names = value.as_array();
                    if (!names) bad(value, "aliases", "une liste de noms", "a list of names");
                    for (const auto& n : *names) others.push_back(text_of(n, "aliases"));
                } else if (field.str() == "since") {
                    since = year_of(value);
                } else {
                    fail_toml(source, field.source(), lang,
                              core::tr(lang, core::Msg::ConfigUnknownField, std::string(field.str()),
                                       "name, alias, aliases, since"));
                }
            }
            if (name.empty()) fail_toml(source, t.source(), lang, core::tr(lang, core::Msg::ConfigMissingField, "name"));
            if (others.empty()) fail_toml(source, t.source(), lang, core::tr(lang, core::Msg::ConfigMissingField, "alias"));
            for (const auto& other : others) next.add_alias(name, other, since);
        }
    }
    *this = std::move(next);
}

} // namespace maillage::model
