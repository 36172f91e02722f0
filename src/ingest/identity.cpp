#include "maillage/ingest/identity.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <future>
#include <iterator>
#include <cctype>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "maillage/core/error.hpp"
#include "maillage/core/text.hpp"
#include "maillage/model/shown_names.hpp"
#include "maillage/ingest/sha256.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::ingest {
namespace {

using Words = std::vector<std::string>;

Words split(std::string_view text) { return core::split_words(text); }

std::string join(const Words& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) out += ' ';
        out += words[i];
    }
    return out;
}

bool digits(const std::string& w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Words that say what kind of office an organisation is, or how official names are padded,
// and nothing of which one it is: "Espace France services", "Mission locale pour l'insertion
// professionnelle et sociale des jeunes (16-25 ans)", "accueil de", "antenne de".
// Words that pad a name and say nothing of which organisation it is: "Espace France services",
// "Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans)",
// "antenne de", "Unité territoriale". Words that name a kind of place or service ("Maison",
// "Relais", "Centre") are not among them: "Maison de l'emploi" and "Relais" are two.
const std::unordered_set<std::string>& filler_words() {
    static const std::unordered_set<std::string> words = {
        "espace", "agence", "antenne", "accueil", "permanence", "site", "siege", "pour", "par", "sur", "en",
        "a", "aux", "au", "et", "insertion", "professionnelle", "sociale", "jeunes", "ans", "unite",
        "territoriale", "departementale", "departemental", "delegation", "direction", "pays", "cedex", "bp",
        "ut", "ud", "dt", "ip", "universite", "universitaire", "campus", "commun", "de", "du", "des", "d",
        "la", "le", "les", "l", "ex"};
    return words;
}

// Régions a name may say, as folded words (connectors kept), with the région's INSEE code.
const std::vector<std::pair<Words, std::string>>& region_names() {
    static const std::vector<std::pair<Words, std::string>> names = {
        {{"provence", "alpes", "cote", "d", "azur"}, "93"}, {{"paca"}, "93"}, {{"region", "sud"}, "93"},
        {{"occitanie"}, "76"}, {{"nouvelle", "aquitaine"}, "75"}, {{"hauts", "de", "france"}, "32"},
        {{"grand", "est"}, "44"}, {{"ile", "de", "france"}, "11"}, {{"idf"}, "11"},
        {{"auvergne", "rhone", "alpes"}, "84"}, {{"aura"}, "84"}, {{"bourgogne", "franche", "comte"}, "27"},
        {{"bfc"}, "27"}, {{"centre", "val", "de", "loire"}, "24"}, {{"cvl"}, "24"}, {{"pays", "de", "la", "loire"}, "52"},
        {{"pdl"}, "52"}, {{"hdf"}, "32"}, {{"na"}, "75"}, {{"ara"}, "84"},
        {{"normandie"}, "28"}, {{"bretagne"}, "53"}, {{"corse"}, "94"}, {{"guadeloupe"}, "01"},
        {{"martinique"}, "02"}, {{"guyane"}, "03"}, {{"la", "reunion"}, "04"}, {{"mayotte"}, "06"}};
    return names;
}

// "(16-25 ans)": an age band, not a name.
void drop_age_bands(Words& words) {
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        if (digits(words[i]) && digits(words[i + 1]) && words[i + 2] == "ans") {
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(i + 3));
            --i;
        }
    }
}

const model::Taxonomy& shipped_taxonomy() {
    static const model::Taxonomy t = model::Taxonomy::defaults();
    return t;
}
const model::AliasTable& shipped_aliases() {
    static const model::AliasTable t = model::AliasTable::defaults();
    return t;
}

// Two type keys are compatible when equal, or when one is the other's seed type ("cidff" and
// "association"): a coordinator types the broad kind, a directory the fine one.
bool types_compatible(const std::string& a, const std::string& b, const model::Taxonomy& taxonomy) {
    if (a.empty() || b.empty() || a == b) return true;
    // an intercommunality is a local authority to whoever fills in a type column
    auto seed = [&](const std::string& t) { return taxonomy.seed_type(t).value_or(t); };
    if ((seed(a) == "epci" && seed(b) == "collectivite") || (seed(a) == "collectivite" && seed(b) == "epci")) return true;
    const auto sa = taxonomy.seed_type(a), sb = taxonomy.seed_type(b);
    if (!sa || !sb) return false;
    if (*sa != *sb) return false;
    return *sa == a || *sb == b; // one of them is the seed type itself
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Gazetteer

std::string Gazetteer::departement_of(std::string_view commune) {
    if (commune.size() < 2) return {};
    if (commune.substr(0, 2) == "97" && commune.size() >= 3) return std::string(commune.substr(0, 3));
    return std::string(commune.substr(0, 2));
}

void Gazetteer::add_commune(const std::string& folded, const std::vector<std::string>& codes) {
    auto& known = m_communes[folded];
    for (const auto& c : codes)
        if (std::find(known.begin(), known.end(), c) == known.end()) known.push_back(c);
    m_longest = std::max(m_longest, split(folded).size());
    index_beginnings(folded, codes);
}

void Gazetteer::add_departement(const std::string& name, const std::string& code) {
    const std::string f = core::fold(name);
    m_departements[f] = code;
    m_departements[core::fold(code)] = code;
    m_longest = std::max(m_longest, split(f).size());
}

Gazetteer Gazetteer::from(const std::vector<std::pair<std::string, std::string>>& communes,
                          const std::vector<std::pair<std::string, std::string>>& departements) {
    Gazetteer g;
    for (const auto& [name, code] : communes) g.add_commune(core::fold(name), {code});
    for (const auto& [name, code] : departements) g.add_departement(name, code);
    return g;
}

Gazetteer Gazetteer::load(const CommuneIndex& communes, const std::string& folder, core::Lang lang) {
    Gazetteer g;
    communes.each_name([&](const std::string& folded, const std::vector<std::string>& codes) { g.add_commune(folded, codes); });
    // a former commune's name is its successor's place ("Larche" is Val d'Oronaye since 2016)
    communes.each_former([&](const std::string& name, const std::string& successor) {
        const std::string f = core::fold(name);
        auto& codes = g.m_communes[f];
        if (std::find(codes.begin(), codes.end(), successor) == codes.end()) codes.push_back(successor);
    });
    std::vector<std::string> headers;
    read_tables(folder + "/departements.csv", {}, lang, [&](const TableInfo& t) { headers = t.headers; },
                [&](const Row& r) {
                    std::string code, name;
                    for (std::size_t i = 0; i < headers.size() && i < r.cells.size(); ++i) {
                        if (headers[i] == "code_departement") code = r.cells[i];
                        if (headers[i] == "nom") name = r.cells[i];
                    }
                    if (!code.empty() && !name.empty()) g.add_departement(name, code);
                });
    return g;
}

const std::vector<std::string>& Gazetteer::communes_named(const std::string& folded) const {
    static const std::vector<std::string> none;
    const auto it = m_communes.find(folded);
    return it == m_communes.end() ? none : it->second;
}

std::string Gazetteer::departement_named(const std::string& folded) const {
    const auto it = m_departements.find(folded);
    return it == m_departements.end() ? std::string() : it->second;
}

// ---------------------------------------------------------------------------------------------
// Evidence

namespace {

// "CD64", "CIDFF64": letters then digits at the end of a word are two words.
std::string split_trailing_digits(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 4);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (std::isdigit(c) && i > 0 && std::isalpha(static_cast<unsigned char>(name[i - 1]))) {
            std::size_t j = i;
            while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j]))) ++j;
            if (j == name.size() || !std::isalnum(static_cast<unsigned char>(name[j]))) out += ' ';
        }
        out += name[i];
    }
    return out;
}

// The name without what it says in parentheses ("(16-25 ans)", "(CIO)", "(Haut-Vaucluse)"),
// unless nothing else is left.
std::string without_parentheses(const std::string& name) {
    std::string out, inside;
    int depth = 0;
    for (char c : name) {
        if (c == '(') {
            ++depth;
            inside.clear();
        } else if (c == ')') {
            depth = std::max(0, depth - 1);
            // "(2)" numbers a second organisation of the name: it stays
            if (depth == 0 && !inside.empty() && std::all_of(inside.begin(), inside.end(), [](char d) { return d >= '0' && d <= '9'; }))
                out += " " + inside + " ";
        } else if (depth == 0) {
            out += c;
        } else {
            inside += c;
        }
    }
    return core::trim(out).empty() ? name : out;
}

// The type synonyms of a taxonomy as names are keyed (normalise_org_name: connectors dropped,
// long forms contracted): "centre gestion" → cdg, "cc" → epci. Built once per taxonomy.
const std::unordered_map<std::string, std::string>& type_phrases(const model::Taxonomy& taxonomy) {
    thread_local std::map<std::pair<const model::Taxonomy*, std::size_t>, std::unordered_map<std::string, std::string>> cache;
    std::size_t count = 0;
    for (const auto& t : taxonomy.types()) count += 1 + t.key.size();
    auto& phrases = cache[{&taxonomy, count}];
    if (phrases.empty()) {
        for (const auto& t : taxonomy.types()) {
            for (const auto& synonym : taxonomy.synonyms_of(t.key)) {
                const std::string k = model::normalise_org_name(synonym);
                if (!k.empty()) phrases.emplace(k, t.key);
            }
            phrases.emplace(model::normalise_org_name(t.key), t.key);
        }
    }
    return phrases;
}

// "dinformation", "lorientation": a directory that lost its apostrophes. The word after a
// lost "d'" or "l'" is one of the type phrases' words or the filler words.
void restore_apostrophes(Words& words, const std::unordered_map<std::string, std::string>& phrases) {
    thread_local std::unordered_set<std::string> known;
    thread_local const void* built_for = nullptr;
    if (built_for != &phrases) {
        known.clear();
        for (const auto& [phrase, type] : phrases)
            for (auto& w : split(phrase)) known.insert(std::move(w));
        built_for = &phrases;
    }
    for (auto& w : words)
        if (w.size() > 5 && (w[0] == 'd' || w[0] == 'l') && (known.contains(w.substr(1)) || filler_words().contains(w.substr(1))))
            w = w.substr(1);
}

bool territorial_type(const std::string& type, const model::Taxonomy& taxonomy) {
    if (type.empty()) return false;
    const auto seed = taxonomy.seed_type(type).value_or(type);
    return seed == "epci" || type == "conseil_departemental" || type == "conseil_regional";
}

// Type phrases (as names are keyed) of distinct organisations that one taxonomy type covers.
int phrase_family(const std::string& phrase, int& member) {
    static const std::vector<std::vector<std::string>> families = {
        {"cci", "cma", "chambre agriculture"},
        {"cc", "ca", "cu", "metropole"},
        {"pij", "bij", "cij"},
        {"mairie", "ville", "commune", "ccas", "cias"},
        {"lycee professionnel", "lycee agricole", "lycee", "college", "ecole"},
        {"medef", "cpme", "u2p", "fnsea", "capeb", "ffb", "umih"},
        {"chantier insertion", "entreprise insertion", "etti", "association intermediaire", "regie quartier", "aci", "ei"}};
    for (std::size_t f = 0; f < families.size(); ++f)
        for (std::size_t m = 0; m < families[f].size(); ++m) {
            const std::string& name = families[f][m];
            if (phrase.compare(0, name.size(), name) == 0 && (phrase.size() == name.size() || phrase[name.size()] == ' ')) {
                member = static_cast<int>(m);
                return static_cast<int>(f);
            }
        }
    return -1;
}

// One letter added, dropped or changed: "Toulom" for Toulon, "Baigorri" for Baïgorry.
bool one_edit_apart(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const std::string& s = a.size() <= b.size() ? a : b;
    const std::string& l = a.size() <= b.size() ? b : a;
    if (l.size() - s.size() > 1) return false;
    std::size_t i = 0;
    while (i < s.size() && s[i] == l[i]) ++i;
    if (s.size() == l.size()) return s.compare(i + 1, std::string::npos, l, i + 1, std::string::npos) == 0;
    return s.compare(i, std::string::npos, l, i + 1, std::string::npos) == 0;
}

const std::unordered_set<std::string>& initial_skips() {
    static const std::unordered_set<std::string> words = {"de", "du", "des", "d", "la", "le", "les", "l", "et",
                                                          "en", "sur", "sous", "au", "aux", "a"};
    return words;
}

/// Whether an organisation's name (folded words) says a commune whose folded words are
/// `commune`: the commune's words up to and including its first distinctive one, in a row
/// ("MSAP Arthez" says Arthez-de-Béarn; "CIO Saint-Pierre" says Saint-Pierre, not Saint-Leu:
/// "saint" alone is no place).
bool name_says_commune(const Words& name, const Words& commune) {
    static const std::unordered_set<std::string> not_distinctive = {
        "saint", "sainte", "st", "ste", "le", "la", "les", "l", "de", "du", "des", "d", "sur", "sous", "en"};
    std::size_t n = 0;
    while (n < commune.size() && not_distinctive.contains(commune[n])) ++n;
    if (n == commune.size()) return false;
    ++n; // the first distinctive word
    if (name.size() < n) return false;
    for (std::size_t i = 0; i + n <= name.size(); ++i)
        if (std::equal(commune.begin(), commune.begin() + static_cast<std::ptrdiff_t>(n), name.begin() + static_cast<std::ptrdiff_t>(i)))
            return true;
    return false;
}

} // namespace

std::string Gazetteer::commune_beginning(const std::string& folded, const std::string& departement) const {
    const auto it = m_beginnings.find(departement + "|" + folded);
    if (it == m_beginnings.end() || it->second.size() != 1) return {};
    return it->second.front();
}

void Gazetteer::index_beginnings(const std::string& folded, const std::vector<std::string>& codes) {
    const Words words = split(folded);
    for (std::size_t n = 1; n < words.size(); ++n) {
        const std::string head = join(words, 0, n);
        if (head.size() < 4 || head == "saint" || head == "sainte" || head == "le" || head == "la" || head == "les") continue;
        for (const auto& c : codes) m_beginnings[departement_of(c) + "|" + head].push_back(c);
    }
}

std::string org_key(const model::AliasTable& aliases, std::string_view name) {
    return aliases.key(split_trailing_digits(name));
}

OrgEvidence org_evidence(std::string_view raw_name, std::string_view type, std::string_view commune,
                         std::string_view siret, model::Id territory, const IdentityContext& context,
                         const Surroundings& where) {
    const model::Taxonomy& taxonomy = context.taxonomy ? *context.taxonomy : shipped_taxonomy();
    const model::AliasTable& aliases = context.aliases ? *context.aliases : shipped_aliases();
    const auto& departements = where.departements;
    const std::string name = split_trailing_digits(raw_name);
    OrgEvidence e;
    e.key = aliases.key(name); // = org_key(aliases, raw_name)
    e.siret = std::string(siret);
    e.territory = territory;
    auto in_context = [&](const std::string& departement) {
        return std::find(departements.begin(), departements.end(), departement) != departements.end();
    };

    // Type, from the name first: the leftmost and longest words that name a type ("Espace France
    // services d'Arzacq" → france services), else the type column. Parentheses are left out
    // ("(16-25 ans)", "(Haut-Vaucluse)"), unless the type is only there: "Direction régionale
    // ... (DIRECCTE) - Unité territoriale - Vaucluse" is then named by what follows.
    const auto& phrases = type_phrases(taxonomy);
    // the most specific type the words name ("Université de Pau - SUIO-IP" is a SUIO), the
    // leftmost and longest phrase among equals
    auto find_type = [&](const Words& ws, std::size_t& from, std::size_t& to) {
        bool found = false;
        bool found_fine = false;
        for (std::size_t i = 0; i < ws.size(); ++i)
            for (std::size_t n = std::min<std::size_t>(8, ws.size() - i); n >= 1; --n)
                if (auto it = phrases.find(join(ws, i, i + n)); it != phrases.end()) {
                    const auto* t = taxonomy.find(it->second);
                    const bool fine = t && !t->parent.empty();
                    if (!found || (fine && !found_fine)) {
                        e.type = it->second;
                        e.type_phrase = it->first;
                        from = i;
                        to = i + n;
                        found = true;
                        found_fine = fine;
                    }
                    i += n - 1;
                    break;
                }
        return found;
    };
    std::string bare = without_parentheses(name);
    Words words;
    std::size_t type_from = 0, type_to = 0;
    // "Direction régionale ... (DIRECCTE) - Unité territoriale - Vaucluse": a type in parentheses
    // spells out what comes before it; the name is what follows.
    if (const auto open = name.find('('), close = name.find(')', open == std::string::npos ? 0 : open);
        open != std::string::npos && close != std::string::npos) {
        const std::string inside = aliases.key(name.substr(open + 1, close - open - 1));
        if (auto it = phrases.find(inside); it != phrases.end()) {
            e.type = it->second;
            e.type_phrase = inside;
            bare = name.substr(close + 1);
            words = split(aliases.key(bare));
            restore_apostrophes(words, phrases);
            type_from = type_to = words.size();
            // "Université Nice-Sophia-Antipolis - Service universitaire d'information et
            // d'orientation (SUIO)": nothing follows; the name is what precedes, less the
            // type it spells out
            if (words.empty()) {
                bare = name.substr(0, open);
                words = split(aliases.key(bare));
                restore_apostrophes(words, phrases);
                type_from = type_to = words.size();
                const std::string type_key = e.type, phrase = e.type_phrase;
                find_type(words, type_from, type_to);
                e.type = type_key;
                e.type_phrase = phrase;
            }
        }
    }
    if (e.type.empty()) {
        words = split(aliases.key(bare));
        restore_apostrophes(words, phrases);
        drop_age_bands(words);
        type_from = type_to = words.size();
        if (!find_type(words, type_from, type_to)) {
            Words full = split(e.key);
            std::size_t f = 0, t = 0;
            find_type(full, f, t);
        }
    }
    e.type_from_name = !e.type.empty();
    if (e.type_from_name) {
        e.type_family = phrase_family(e.type_phrase, e.type_member);
    }
    if (e.type.empty()) e.type = std::string(type);
    // An intercommunality or a council is named after its territory: its place words are its
    // name, not where it sits.
    const bool named_after_places = territorial_type(e.type, taxonomy);

    // Places, on the folded words (commune names keep their "de", "la", "sur"); "st" is "saint".
    Words folded = split(core::fold(bare));
    for (auto& w : folded) {
        if (w == "st") w = "saint";
        else if (w == "ste") w = "sainte";
    }
    std::unordered_set<std::string> place_words, departement_words;
    std::string text_commune, text_departement;
    if (context.places) {
        const Gazetteer& g = *context.places;
        for (std::size_t i = 0; i < folded.size();) {
            std::size_t taken = 0;
            for (std::size_t n = std::min(g.longest_name(), folded.size() - i); n >= 1 && taken == 0; --n) {
                const std::string phrase = join(folded, i, i + n);
                if (phrase.size() < 3 && !digits(phrase)) continue;
                if (!digits(phrase)) {
                    std::string chosen;
                    for (const auto& c : g.communes_named(phrase))
                        if (in_context(Gazetteer::departement_of(c))) {
                            chosen = c;
                            break;
                        }
                    // the head of a compound name, alone in the territory: "Oloron" is Oloron-Sainte-Marie
                    for (std::size_t d = 0; chosen.empty() && d < departements.size(); ++d)
                        chosen = g.commune_beginning(phrase, departements[d]);
                    // where the territory is unknown, a name that names one commune of France
                    if (chosen.empty() && departements.empty() && g.communes_named(phrase).size() == 1 && phrase.size() >= 6)
                        chosen = g.communes_named(phrase).front();
                    if (!chosen.empty()) {
                        if (text_commune.empty()) text_commune = chosen;
                        taken = n;
                        break;
                    }
                }
                if (const auto d = g.departement_named(phrase); !d.empty()) {
                    // a number is a département only where the territory is (not "16-25 ans"), and
                    // so is one word that is also a common word ("Nord", "Var", "Lot", "Cher")
                    if ((!digits(phrase) && phrase.find(' ') != std::string::npos) || in_context(d)) {
                        if (text_departement.empty()) text_departement = d;
                        taken = n;
                        break;
                    }
                }
            }
            if (taken == 0) {
                ++i;
                continue;
            }
            const bool departement = !g.departement_named(join(folded, i, i + taken)).empty();
            for (std::size_t k = i; k < i + taken; ++k) (departement ? departement_words : place_words).insert(folded[k]);
            i += taken;
        }
    }
    // a région the name says is a place: "OPCO Uniformation PACA" is "OPCO Uniformation"
    std::unordered_set<std::string> region_words;
    for (std::size_t i = 0; i < folded.size(); ++i)
        for (const auto& [phrase, code] : region_names())
            if (i + phrase.size() <= folded.size() &&
                std::equal(phrase.begin(), phrase.end(), folded.begin() + static_cast<std::ptrdiff_t>(i))) {
                if (e.region.empty()) e.region = code;
                region_words.insert(phrase.begin(), phrase.end());
                for (auto& w : split(model::normalise_org_name(join(phrase, 0, phrase.size())))) region_words.insert(std::move(w));
                break;
            }
    e.placed_by_name = !text_commune.empty();
    // initials of the name's words, but for the places that end it ("Université de Pau et des
    // Pays de l'Adour - Bayonne" → uppa)
    {
        std::size_t end = folded.size();
        while (end > 0 && (place_words.contains(folded[end - 1]) || departement_words.contains(folded[end - 1]) ||
                           initial_skips().contains(folded[end - 1])))
            --end;
        for (std::size_t i = 0; i < folded.size(); ++i) {
            const auto& w = folded[i];
            if (initial_skips().contains(w) || digits(w)) continue;
            // "cc", "ml": an acronym within the name gives all its letters; "Pau", "Gap" one
            const bool short_acronym = w.size() <= 3 && !place_words.contains(w) && !departement_words.contains(w) &&
                                       std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            const std::string letters = short_acronym ? w : w.substr(0, 1);
            e.initials += letters;
            if (i < end) e.initials_short += letters;
        }
        if (e.initials_short == e.initials) e.initials_short.clear();
    }
    e.commune = std::string(commune);
    // A commune cell that is a postcode (people type them for INSEE codes): the commune it
    // serves that the name says, "MSAP Arthez" with 64370 is Arthez-de-Béarn, even where the
    // postcode is also some commune's INSEE code (64100 is Bayonne's postcode and Bassussarry's
    // code); a postcode that is no code and serves several communes the name does not choose
    // from says only the département.
    if (!e.commune.empty() && context.communes) {
        const auto& served = context.communes->codes_of_postcode(e.commune);
        std::string named;
        for (const auto& c : served) {
            if (c == text_commune || name_says_commune(folded, split(core::fold(context.communes->name(c))))) {
                named = c;
                break;
            }
        }
        if (!named.empty()) e.commune = named;
        else if (context.communes->resolve(e.commune).status == CommuneResolution::Status::Unknown) {
            if (!served.empty()) text_departement = Gazetteer::departement_of(served.front());
            e.commune.clear();
        }
    }
    // A commune code written in the name ("Apt 84003-01", "Marseille 13201-01") is a place too.
    for (const auto& w : folded)
        if (w.size() == 5 && digits(w) && context.communes &&
            context.communes->resolve(w).status != CommuneResolution::Status::Unknown)
            place_words.insert(w);
    // a commune the name says that is not the commune cell's: the name's words stay distinctive
    const bool place_disagrees = !e.commune.empty() && !text_commune.empty() && text_commune != e.commune;
    if (e.commune.empty() && !named_after_places) e.commune = text_commune;
    e.departement = !e.commune.empty() ? Gazetteer::departement_of(e.commune) : text_departement;

    // Distinctive words: what is left once the type, filler, region and place words are set apart
    // (an intercommunality keeps its place words: they are its name).
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i >= type_from && i < type_to) continue;
        std::string w = words[i];
        // "dinformation", "lemploi": an apostrophe lost in a directory
        if (w.size() > 4 && (w[0] == 'd' || w[0] == 'l') && filler_words().contains(w.substr(1))) continue;
        if (filler_words().contains(w) || region_words.contains(w)) continue;
        if (departement_words.contains(w) || (place_words.contains(w) && !named_after_places && !place_disagrees)) continue;
        if (digits(w)) {
            if (in_context(w) || w == e.commune) continue; // "CIDFF 84" in the Vaucluse
            // a directory's index after a commune code ("Apt 84003-02"): which office, not whose
            if (w.size() <= 2 && i > 0 && words[i - 1].size() == 5 && digits(words[i - 1])) continue;
            e.numbers.push_back(w);
        }
        e.distinctive.push_back(w);
    }
    if (!e.commune.empty() && context.communes) e.commune_words = split(core::fold(context.communes->name(e.commune)));
    if (context.places)
        for (const auto& w : e.distinctive)
            if (!context.places->communes_named(w).empty()) e.place_names.push_back(w);
    // what the parentheses add ("Service accompagnement ... (SAOI) - Université Toulon")
    if (bare != name) {
        e.distinctive_full = e.distinctive;
        const auto open = name.find('('), close = name.find(')', open == std::string::npos ? 0 : open);
        if (open != std::string::npos && close != std::string::npos)
            for (const auto& w : split(aliases.key(name.substr(open + 1, close - open - 1))))
                if (!filler_words().contains(w) && !region_words.contains(w) && !place_words.contains(w) &&
                    !departement_words.contains(w) && !digits(w) && w != e.type_phrase)
                    e.distinctive_full.push_back(w);
        if (e.distinctive_full == e.distinctive) e.distinctive_full.clear();
    }
    if (e.distinctive.size() == 1 && e.distinctive.front().size() >= 3 &&
        !digits(e.distinctive.front()))
        e.acronym = e.distinctive.front();
    std::sort(e.numbers.begin(), e.numbers.end());
    e.numbers.erase(std::unique(e.numbers.begin(), e.numbers.end()), e.numbers.end());
    return e;
}

// ---------------------------------------------------------------------------------------------
// Comparison

OrgComparison compare_organisations(const OrgEvidence& a, const OrgEvidence& b, bool registry,
                                    const model::Taxonomy& taxonomy) {
    OrgComparison r;
    if (!a.siret.empty() && !b.siret.empty()) {
        if (a.siret == b.siret) return {Match::Same, 2.0, "siret"};
        if (a.siret.substr(0, 9) != b.siret.substr(0, 9) || a.key != b.key) return {Match::Apart, 0.0, "siret_differs"};
    }
    // Types the names give decide; a type column ("Collectivité" for an intercommunality) is a
    // person's loose word: where it disagrees, the type says nothing either way.
    const bool types_agree = types_compatible(a.type, b.type, taxonomy);
    if (!types_agree && (a.type_from_name || b.type_from_name)) return {Match::Apart, 0.0, "type_differs"};
    if (a.type_from_name && b.type_from_name && a.type != b.type) {
        // two names that each say their kind and not the same one: a city and its region, a
        // university and its guidance service; "Association" is a legal form, not a kind
        const bool legal_form = a.type == "association" || b.type == "association";
        if (!types_agree || !legal_form) return {Match::Apart, 0.0, "type_differs"};
    }
    if (!a.commune.empty() && !b.commune.empty() && a.commune != b.commune) return {Match::Apart, 0.0, "commune_differs"};
    if (!a.departement.empty() && !b.departement.empty() && a.departement != b.departement)
        return {Match::Apart, 0.0, "departement_differs"};
    if (!a.region.empty() && !b.region.empty() && a.region != b.region) return {Match::Apart, 0.0, "region_differs"};
    // "Transports Vilssac (2)" is a second one; a directory numbers its entries ("Apt 84003-01")
    if (a.numbers != b.numbers && (!registry || (!a.numbers.empty() && !b.numbers.empty())))
        return {Match::Apart, 0.0, "number_differs"};
    // two names that each say what kind of office they are, kinds the taxonomy puts under one
    // type but that are distinct organisations ("CCI" and "CMA", "Mairie" and "CCAS",
    // "Chantier d'insertion" and "ETTI"): two
    {
        if (a.type_from_name && b.type_from_name && a.type_family >= 0 && a.type_family == b.type_family &&
            a.type_member != b.type_member)
            return {Match::Apart, 0.0, "type_differs"};
    }

    const bool type_known = !a.type.empty() && !b.type.empty() && types_agree;
    const bool same_commune = !a.commune.empty() && a.commune == b.commune;
    const bool same_departement = !a.departement.empty() && a.departement == b.departement;
    std::string evidence;
    auto note = [&](const char* what) { evidence += (evidence.empty() ? "" : ",") + std::string(what); };
    if (type_known) note("type");
    if (same_commune) note("commune");
    else if (same_departement) note("departement");

    if (a.key == b.key) {
        // One name. Where the name says nothing but the type (no distinctive word) and no place
        // tells them apart nor together, two territories may mean two offices.
        note("name");
        const bool generic = a.distinctive.empty();
        if (!generic || same_commune || same_departement || a.territory == b.territory || registry)
            return {Match::Same, 1.5, evidence};
        return {Match::Ask, 0.75, evidence};
    }

    // "CCLO" and "Communauté de communes Lacq-Orthez": an acronym of the other's words
    auto abbreviates = [](const OrgEvidence& x, const OrgEvidence& y) {
        return !x.acronym.empty() && (x.acronym == y.initials || x.acronym == y.initials_short);
    };
    if (abbreviates(a, b) || abbreviates(b, a)) {
        note("acronym");
        return {Match::Same, 0.9, evidence};
    }

    // The words compared: each name's distinctive words (with or without its parentheses), less
    // the words of the other's commune ("MSAP Arthez" and a France services at Arthez-de-Béarn).
    // A word of one name that is the other's commune ("MSAP Arthez", "France services Baigorri"
    // beside a France services at Saint-Étienne-de-Baïgorry) is a place: set apart, and the
    // communes agree.
    bool commune_in_name = false;
    // (a word that is itself a commune's name is no misspelling: "Dornay" is not "Mornay")
    auto misspells_commune = [&](const std::string& w, const OrgEvidence& self, const OrgEvidence& other) {
        const bool a_place = std::find(self.place_names.begin(), self.place_names.end(), w) != self.place_names.end();
        for (const auto& c : other.commune_words)
            if (c.size() >= 4 && (c == w || (!a_place && c.size() >= 6 && one_edit_apart(w, c)))) return true;
        return false;
    };
    // its own commune misspelt ("Pole Emploi Toulom" at Toulon) is a place too
    auto less_commune_of = [&](const std::vector<std::string>& words, const OrgEvidence& self, const OrgEvidence& other) {
        std::vector<std::string> out;
        for (const auto& w : words) {
            if (misspells_commune(w, self, self)) continue;
            if (self.commune.empty() && misspells_commune(w, self, other)) {
                commune_in_name = true;
                continue;
            }
            out.push_back(w);
        }
        return out;
    };
    bool one_sided = false, inexact = false;
    auto words_score = [&](const std::vector<std::string>& x, const std::vector<std::string>& y, bool& both) {
        both = !x.empty() && !y.empty();
        one_sided = x.empty() != y.empty();
        if (x.empty() && y.empty()) return 1.0;
        if (x.empty() || y.empty()) return 0.5; // one name adds words the other lacks
        double score = model::words_similarity(x, y);
        // every word of the shorter one found in the other: a truncated spelling
        const auto& shorter = x.size() <= y.size() ? x : y;
        const auto& longer = x.size() <= y.size() ? y : x;
        if (std::all_of(shorter.begin(), shorter.end(), [&](const std::string& w) {
                return std::find(longer.begin(), longer.end(), w) != longer.end();
            })) {
            // "Collectif Passerelles Beaumont" (placed by its name) beside "Collectif Passerelles
            // Liès" (not placed): the extra word may be another place, not a truncation
            const OrgEvidence& short_side = x.size() <= y.size() ? a : b;
            const OrgEvidence& long_side = x.size() <= y.size() ? b : a;
            if (x.size() != y.size() && short_side.placed_by_name && !long_side.placed_by_name) inexact = true;
            return std::max(score, 0.85);
        }
        // words alike but not the same ("Montrieux" and "Montoux", "Brignolles" and
        // "Brignoles"): a typo or two places; never enough alone
        inexact = true;
        return score;
    };
    // a name that is only a type and a place ("CIDFF 04") beside a name that does not say that
    // type ("Tremplin Emploi Digne-les-Bains", typed association in its column): two
    // more generally: one name says its kind ("AFPA Esard"), the other does not and has words
    // the first lacks ("IFSI Esard", "Organisme Savoirs & Métiers Esard"): two
    auto unsaid = [](const OrgEvidence& typed, const OrgEvidence& other) {
        if (!typed.type_from_name || other.type_from_name) return false;
        return std::any_of(other.distinctive.begin(), other.distinctive.end(), [&](const std::string& w) {
            return std::find(typed.distinctive.begin(), typed.distinctive.end(), w) == typed.distinctive.end();
        });
    };
    if (!registry && (unsaid(a, b) || unsaid(b, a)))
        return {Match::Apart, 0.0, evidence.empty() ? "words_differ" : evidence + ",words_differ"};
    double name = -1;
    bool both_named = false, best_one_sided = false, best_inexact = false, best_commune_in_name = false;
    for (const auto* x : {&a.distinctive, &a.distinctive_full}) {
        if (x != &a.distinctive && x->empty()) continue;
        for (const auto* y : {&b.distinctive, &b.distinctive_full}) {
            if (y != &b.distinctive && y->empty()) continue;
            bool both = false;
            inexact = false;
            commune_in_name = false;
            double v = words_score(less_commune_of(*x, a, b), less_commune_of(*y, b, a), both);
            // a word read as the other's commune must leave nothing unexplained
            if (commune_in_name && v < 1.0) {
                commune_in_name = false;
                inexact = false;
                v = words_score(*x, *y, both);
            }
            if (v > name || (v == name && both)) {
                name = v;
                both_named = both;
                best_one_sided = one_sided;
                best_inexact = inexact;
                best_commune_in_name = commune_in_name;
            }
        }
    }
    if (name <= 0) return {Match::Apart, 0.0, evidence.empty() ? "words_differ" : evidence + ",words_differ"};
    if (name >= 0.85) note("words");
    const double name_weight = both_named ? 0.75 : 0.6;
    commune_in_name = best_commune_in_name;
    if (commune_in_name && !same_commune) note("commune_in_name");
    if (best_one_sided && name == 0.5) note("one_sided");
    // not capped at 1: the closest of several candidates must stay the closest
    const double score = (name_weight * name + (type_known ? 0.2 : 0.0) +
                                           (same_commune || commune_in_name ? 0.2 : same_departement ? 0.1 : 0.0));
    r.score = score;
    r.evidence = evidence;
    r.match = score >= same_threshold ? Match::Same : score >= ask_threshold ? Match::Ask : Match::Apart;
    if (best_inexact && r.match == Match::Same) {
        r.match = Match::Ask;
        r.score = std::min(r.score, same_threshold - 0.01);
        r.evidence += r.evidence.empty() ? "words_alike" : ",words_alike";
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// Organisations

namespace {

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    /// Joins the groups of a and b under the smaller root, then absorb(root, other root) so that
    /// the caller merges what it keeps per group; nothing when they are one group already.
    template <typename Absorb> void unite(std::size_t a, std::size_t b, Absorb&& absorb) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (b < a) std::swap(a, b);
        parent[b] = a;
        absorb(a, b);
    }
};

// Whether a decision keeps the groups of a and b apart: one of the pairs decided different
// joins them, through the unions made since.
template <typename Pairs> bool said_apart(UnionFind& uf, const Pairs& apart, std::size_t a, std::size_t b) {
    const std::size_t ra = uf.find(a), rb = uf.find(b);
    for (const auto& [x, y] : apart) {
        const std::size_t rx = uf.find(x), ry = uf.find(y);
        if ((rx == ra && ry == rb) || (rx == rb && ry == ra)) return true;
    }
    return false;
}

// What a group of spellings knows for sure: two groups whose known facts differ are not merged
// by a rule.
struct GroupFacts {
    std::set<std::string> sirets, communes, departements, types;
    std::set<std::vector<std::string>> numbers;
};

bool conflict(const GroupFacts& a, const GroupFacts& b, const model::Taxonomy& taxonomy) {
    auto differ = [](const std::set<std::string>& x, const std::set<std::string>& y) {
        if (x.empty() || y.empty()) return false;
        for (const auto& v : x)
            if (!y.contains(v)) return true;
        for (const auto& v : y)
            if (!x.contains(v)) return true;
        return false;
    };
    if (differ(a.communes, b.communes) || differ(a.departements, b.departements)) return true;
    if (!a.sirets.empty() && !b.sirets.empty()) {
        std::set<std::string> sa, sb;
        for (const auto& s : a.sirets) sa.insert(s.substr(0, 9));
        for (const auto& s : b.sirets) sb.insert(s.substr(0, 9));
        if (differ(sa, sb)) return true;
    }
    for (const auto& x : a.types)
        for (const auto& y : b.types)
            if (!types_compatible(x, y, taxonomy)) return true;
    if (!a.numbers.empty() && !b.numbers.empty() && a.numbers != b.numbers) return true;
    return false;
}

void absorb(GroupFacts& into, const GroupFacts& from) {
    into.sirets.insert(from.sirets.begin(), from.sirets.end());
    into.communes.insert(from.communes.begin(), from.communes.end());
    into.departements.insert(from.departements.begin(), from.departements.end());
    into.types.insert(from.types.begin(), from.types.end());
    into.numbers.insert(from.numbers.begin(), from.numbers.end());
}

bool shouting(const std::string& text) {
    bool letters = false;
    for (unsigned char c : text) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letters = true;
    }
    return letters;
}

std::vector<Surroundings> territory_surroundings(const model::Project& project, const Gazetteer* places) {
    std::vector<Surroundings> all(project.territories.size());
    std::vector<std::vector<std::string>> out(project.territories.size());
    std::vector<std::map<std::string, std::int64_t>> counts(project.territories.size());
    for (const auto& s : project.spellings)
        if (s.territory != model::no_id && !s.commune.empty())
            counts[static_cast<std::size_t>(s.territory)][Gazetteer::departement_of(s.commune)] += s.rows;
    for (std::size_t t = 0; t < project.territories.size(); ++t) {
        const auto& territory = project.territories[t];
        if (places) {
            if (auto d = places->departement_named(core::fold(territory.name)); !d.empty()) out[t].push_back(d);
            if (auto d = places->departement_named(core::fold(territory.code)); !d.empty() &&
                std::find(out[t].begin(), out[t].end(), d) == out[t].end())
                out[t].push_back(d);
        }
        // the départements that hold at least a tenth of the rows with a commune
        std::int64_t total = 0;
        for (const auto& [d, n] : counts[t]) total += n;
        for (const auto& [d, n] : counts[t])
            if (n * 10 >= total && std::find(out[t].begin(), out[t].end(), d) == out[t].end()) out[t].push_back(d);
        all[t].departements = std::move(out[t]);
        all[t].territory_name = territory.name;
    }
    return all;
}

/// SHA-256 of a sequence of texts, each length-prefixed (no two sequences hash alike by
/// moving a separator).
class Fingerprint {
public:
    Fingerprint& add(std::string_view text) {
        m_sha.add(std::to_string(text.size()) + ':').add(text); // a length first: fields cannot run together
        return *this;
    }
    Fingerprint& add(std::int64_t number) { return add(std::to_string(number)); }
    std::string hex() { return m_sha.hex(); }

private:
    Sha256 m_sha;
};

/// Everything resolve_organisations' grouping reads (the spellings' names, types, communes,
/// SIRET and territories in order, the territories' surroundings, the decisions on
/// organisations, the registry, and the reference data through `context.fingerprint`): the
/// same fingerprint, the same groups and questions. Empty when the context has no fingerprint.
std::string grouping_fingerprint(const model::Project& project, const std::vector<Surroundings>& surroundings,
                                 const IdentityContext& context) {
    if (context.fingerprint.empty()) return {};
    Fingerprint f;
    f.add("maillage organisation grouping 1").add(context.fingerprint);
    f.add(static_cast<std::int64_t>(project.spellings.size()));
    for (const auto& s : project.spellings) f.add(s.text).add(s.type).add(s.commune).add(s.siret).add(s.territory);
    f.add(static_cast<std::int64_t>(surroundings.size()));
    for (const auto& t : surroundings) {
        f.add(t.territory_name).add(static_cast<std::int64_t>(t.departements.size()));
        for (const auto& d : t.departements) f.add(d);
    }
    for (const auto& d : project.decisions)
        if (!d.people) f.add(d.first).add(d.second).add(static_cast<std::int64_t>(d.verdict)).add(d.year);
    f.add("registry").add(static_cast<std::int64_t>(project.registry.size()));
    for (const auto& r : project.registry) f.add(r.name).add(r.type).add(r.commune).add(r.siret).add(r.territory);
    return f.hex();
}

/// What resolve_organisations keeps of its grouping (model::Project::organisation_memo).
struct GroupingMemo {
    struct Spelling {
        std::size_t group = 0; ///< the group's first spelling
        std::string key, type, commune; ///< of its evidence (what naming and questions read)
    };
    struct Asked {
        std::size_t a = 0, b = 0;
        double score = 0;
        std::string evidence;
    };
    std::vector<Spelling> spellings;
    std::vector<Asked> ask;
    std::size_t merged_by_rule = 0;
};

// The memo as text: lines of fields apart by a unit separator (no name holds one: the keys
// are normalised, the types and communes codes). Line 1: "fingerprint n merged asked"; then one
// line per spelling (group, key, type, commune), one per asked pair (a, b, score, evidence).
constexpr char memo_field = '\x1f';

/// The parts of `text` between `separator`s (n separators, n + 1 parts).
std::vector<std::string_view> split_at(std::string_view line, char separator) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = line.find(separator, start);
        out.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::optional<std::size_t> memo_number(std::string_view text) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

/// The memo of `text` when it was made from `fingerprint` for `n` spellings and reads whole;
/// nullopt otherwise (then the grouping is made again).
std::optional<GroupingMemo> read_memo(std::string_view text, const std::string& fingerprint, std::size_t n) {
    if (fingerprint.empty() || text.empty()) return std::nullopt;
    const auto lines = split_at(text, '\n');
    const auto head = split_at(lines[0], memo_field);
    if (head.size() != 4 || head[0] != fingerprint) return std::nullopt;
    const auto count = memo_number(head[1]), merged = memo_number(head[2]), asked = memo_number(head[3]);
    if (!count || !merged || !asked || *count != n || lines.size() != 1 + n + *asked) return std::nullopt;
    GroupingMemo memo;
    memo.merged_by_rule = *merged;
    memo.spellings.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto f = split_at(lines[1 + i], memo_field);
        const auto group = f.size() == 4 ? memo_number(f[0]) : std::nullopt;
        if (!group || *group > i) return std::nullopt;
        memo.spellings[i] = {*group, std::string(f[1]), std::string(f[2]), std::string(f[3])};
    }
    for (std::size_t k = 0; k < *asked; ++k) {
        const auto f = split_at(lines[1 + n + k], memo_field);
        if (f.size() != 4) return std::nullopt;
        const auto a = memo_number(f[0]), b = memo_number(f[1]);
        double score = 0;
        const auto [end, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), score);
        if (!a || !b || *a >= n || *b >= n || ec != std::errc() || end != f[2].data() + f[2].size()) return std::nullopt;
        memo.ask.push_back({*a, *b, score, std::string(f[3])});
    }
    return memo;
}

/// The memo of a grouping just made (read_memo reads it back): `groups` after every union,
/// each spelling's evidence, the pairs asked (anything with a, b and c.score, c.evidence).
template <typename Groups, typename Asked>
std::string write_memo(const std::string& fingerprint, Groups& groups, const std::vector<OrgEvidence>& ev,
                       const std::vector<Asked>& ask, std::size_t merged_by_rule) {
    std::string out = fmt::format("{}{}{}{}{}{}{}\n", fingerprint, memo_field, ev.size(), memo_field, merged_by_rule, memo_field,
                                  ask.size());
    for (std::size_t i = 0; i < ev.size(); ++i)
        out += fmt::format("{}{}{}{}{}{}{}\n", groups.find(i), memo_field, ev[i].key, memo_field, ev[i].type, memo_field,
                           ev[i].commune);
    for (const auto& q : ask)
        out += fmt::format("{}{}{}{}{}{}{}\n", q.a, memo_field, q.b, memo_field, q.c.score, memo_field, q.c.evidence);
    out.pop_back(); // no empty last line
    return out;
}

// Candidate pairs: indexes sharing a blocking key, blocks past `cap` skipped.
template <typename KeysOf>
std::vector<std::pair<std::size_t, std::size_t>> candidate_pairs(std::size_t n, KeysOf keys_of, std::size_t cap) {
    std::unordered_map<std::string, std::vector<std::size_t>> blocks;
    for (std::size_t i = 0; i < n; ++i)
        for (auto& k : keys_of(i)) blocks[std::move(k)].push_back(i);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (auto& [k, members] : blocks) {
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        if (members.size() < 2 || members.size() > cap) continue;
        for (std::size_t x = 0; x < members.size(); ++x)
            for (std::size_t y = x + 1; y < members.size(); ++y) pairs.emplace_back(members[x], members[y]);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

std::vector<std::string> blocking_keys(const OrgEvidence& e) {
    std::vector<std::string> keys;
    if (!e.siret.empty()) keys.push_back("s:" + e.siret);
    keys.push_back("k:" + e.key);
    if (!e.type.empty() && !e.commune.empty()) keys.push_back("tc:" + e.type + "|" + e.commune);
    if (!e.type.empty() && !e.departement.empty()) keys.push_back("td:" + e.type + "|" + e.departement);
    for (const auto& w : e.distinctive)
        if (!w.empty() && !(w.size() <= 3 && digits(w))) keys.push_back("w:" + w.substr(0, 4));
    if (!e.acronym.empty()) keys.push_back("a:" + e.acronym);
    for (const auto& w : e.commune_words)
        if (w.size() >= 4) keys.push_back("w:" + w.substr(0, 4));
    if (e.initials.size() >= 3) keys.push_back("a:" + e.initials);
    if (e.initials_short.size() >= 3) keys.push_back("a:" + e.initials_short);
    return keys;
}

} // namespace

ResolutionReport resolve_organisations(model::Project& project, const IdentityContext& context) {
    const model::Taxonomy& taxonomy = context.taxonomy ? *context.taxonomy : shipped_taxonomy();
    const model::AliasTable& aliases = context.aliases ? *context.aliases : shipped_aliases();
    ResolutionReport report;
    const std::size_t n = project.spellings.size();
    const auto surroundings = territory_surroundings(project, context.places);
    static const Surroundings nowhere;
    // each spelling's evidence (its name normalised, its type and places read): independent
    // of the others, on two threads, each half in order
    std::vector<OrgEvidence> ev(n);
    // What the grouping below reads, fingerprinted: when a memo of the store was made from the
    // same, its groups and questions are taken as they are (nothing is normalised or compared
    // again); else the grouping is made and its memo kept.
    const std::string fingerprint = grouping_fingerprint(project, surroundings, context);
    const std::optional<GroupingMemo> memo = read_memo(project.organisation_memo, fingerprint, n);
    if (memo) {
        for (std::size_t i = 0; i < n; ++i) {
            ev[i].key = memo->spellings[i].key;
            ev[i].type = memo->spellings[i].type;
            ev[i].commune = memo->spellings[i].commune;
        }
    } else {
        auto evidence_of = [&](std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) {
                const auto& s = project.spellings[i];
                ev[i] = org_evidence(s.text, s.type, s.commune, s.siret, s.territory, context,
                                     s.territory == model::no_id ? nowhere : surroundings[static_cast<std::size_t>(s.territory)]);
            }
        };
        auto second = std::async(std::launch::async, evidence_of, n / 2, n);
        evidence_of(0, n / 2);
        second.get();
    }

    UnionFind uf(n);
    std::vector<GroupFacts> facts(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& e = ev[i];
        if (!e.siret.empty()) facts[i].sirets.insert(e.siret);
        if (!e.commune.empty()) facts[i].communes.insert(e.commune);
        if (!e.departement.empty()) facts[i].departements.insert(e.departement);
        if (!e.type.empty() && e.type_from_name) facts[i].types.insert(e.type);
        if (!e.numbers.empty()) facts[i].numbers.insert(e.numbers);
    }
    auto unite = [&](std::size_t a, std::size_t b) {
        uf.unite(a, b, [&](std::size_t root, std::size_t other) { absorb(facts[root], facts[other]); });
    };
    if (memo)
        for (std::size_t i = 0; i < n; ++i) unite(i, memo->spellings[i].group);

    // Decisions first: spellings named by a decision are found by their key.
    std::unordered_map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < n; ++i) by_key[ev[i].key].push_back(i);
    std::set<std::pair<std::string, std::string>> decided; // keys, both orders
    std::vector<std::pair<std::size_t, std::size_t>> apart;
    for (const auto& d : project.decisions) {
        if (d.people) continue;
        const std::string ka = org_key(aliases, d.first), kb = org_key(aliases, d.second);
        decided.emplace(ka, kb);
        decided.emplace(kb, ka);
        const auto ia = by_key.find(ka), ib = by_key.find(kb);
        if (ia == by_key.end() || ib == by_key.end()) continue;
        // A name written in several territories ("Mission locale") means, in a decision, the
        // organisation of the territories where the other name is written too.
        std::set<model::Id> ta, tb, both;
        for (auto x : ia->second) ta.insert(project.spellings[x].territory);
        for (auto y : ib->second) tb.insert(project.spellings[y].territory);
        std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::inserter(both, both.begin()));
        auto where = [&](const std::vector<std::size_t>& spellings) {
            std::vector<std::size_t> out;
            for (auto x : spellings)
                if (both.empty() || both.contains(project.spellings[x].territory)) out.push_back(x);
            return out;
        };
        const auto xs = where(ia->second), ys = where(ib->second);
        if (d.verdict == model::Verdict::Different) {
            for (auto x : xs)
                for (auto y : ys) apart.emplace_back(x, y);
            continue;
        }
        for (auto x : xs) unite(x, xs.front());
        for (auto y : ys) unite(y, xs.front());
        ++report.merged_by_decision;
    }
    auto kept_apart = [&](std::size_t a, std::size_t b) { return said_apart(uf, apart, a, b); };

    struct Scored {
        std::size_t a, b;
        OrgComparison c;
    };
    auto by_score = [&](const Scored& x, const Scored& y) {
        if (x.c.score != y.c.score) return x.c.score > y.c.score;
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    };
    std::vector<Scored> ask;
    if (memo) {
        for (const auto& q : memo->ask) ask.push_back({q.a, q.b, {Match::Ask, q.score, q.evidence}});
        report.merged_by_rule = memo->merged_by_rule;
    } else {
        std::vector<Scored> same;
        {
            // the candidate pairs compared on two threads, each half in order, then put end to end
            const auto pairs = candidate_pairs(n, [&](std::size_t i) { return blocking_keys(ev[i]); }, 120);
            auto compare = [&](std::size_t from, std::size_t to, std::vector<Scored>& same_part, std::vector<Scored>& ask_part) {
                for (std::size_t k = from; k < to; ++k) {
                    const auto [a, b] = pairs[k];
                    auto c = compare_organisations(ev[a], ev[b], false, taxonomy);
                    if (c.match == Match::Same) same_part.push_back({a, b, std::move(c)});
                    else if (c.match == Match::Ask) ask_part.push_back({a, b, std::move(c)});
                }
            };
            std::vector<Scored> same_tail, ask_tail;
            auto second = std::async(std::launch::async, compare, pairs.size() / 2, pairs.size(), std::ref(same_tail), std::ref(ask_tail));
            compare(0, pairs.size() / 2, same, ask);
            second.get();
            same.insert(same.end(), std::make_move_iterator(same_tail.begin()), std::make_move_iterator(same_tail.end()));
            ask.insert(ask.end(), std::make_move_iterator(ask_tail.begin()), std::make_move_iterator(ask_tail.end()));
        }
        std::sort(same.begin(), same.end(), by_score);
        // The directory's word: two spellings whose closest directory entries are two different
        // offices ("Université Côte d'Azur - SUIO" and "… - SUIO Lettres" in Nice) are two.
        std::vector<int> office(n, -1);
        if (!project.registry.empty()) {
            std::vector<OrgEvidence> entries;
            std::unordered_map<std::string, std::vector<std::size_t>> blocks;
            for (const auto& entry : project.registry) {
                Surroundings where = entry.territory == model::no_id ? nowhere : surroundings[static_cast<std::size_t>(entry.territory)];
                if (!entry.commune.empty()) where.departements.push_back(Gazetteer::departement_of(entry.commune));
                entries.push_back(org_evidence(entry.name, entry.type, entry.commune, entry.siret, entry.territory, context, where));
                for (auto& k : blocking_keys(entries.back())) blocks[std::move(k)].push_back(entries.size() - 1);
            }
            for (std::size_t i = 0; i < n; ++i) {
                std::set<std::size_t> candidates;
                for (const auto& k : blocking_keys(ev[i]))
                    if (auto it = blocks.find(k); it != blocks.end() && it->second.size() <= 500)
                        candidates.insert(it->second.begin(), it->second.end());
                double best = 0;
                int best_entry = -1;
                bool tie = false;
                for (auto r : candidates) {
                    const auto c = compare_organisations(ev[i], entries[r], true, taxonomy);
                    if (c.match != Match::Same) continue;
                    if (c.score > best + 1e-9) {
                        best = c.score;
                        best_entry = static_cast<int>(r);
                        tie = false;
                    } else if (c.score > best - 1e-9) {
                        tie = true;
                    }
                }
                if (!tie) office[i] = best_entry;
            }
        }
        std::vector<std::set<int>> offices_of(n); // by group root
        for (std::size_t i = 0; i < n; ++i)
            if (office[i] >= 0) offices_of[i].insert(office[i]);
        for (auto& s : same) {
            const std::size_t ra = uf.find(s.a), rb = uf.find(s.b);
            if (ra == rb) continue;
            if (kept_apart(s.a, s.b)) continue;
            const bool two_offices = !offices_of[ra].empty() && !offices_of[rb].empty() &&
                                     std::none_of(offices_of[ra].begin(), offices_of[ra].end(),
                                                  [&](int o) { return offices_of[rb].contains(o); });
            if (two_offices || conflict(facts[ra], facts[rb], taxonomy)) {
                // each alike, the groups not: ask
                s.c.score = std::min(s.c.score, same_threshold - 0.01);
                ask.push_back(s);
                continue;
            }
            unite(s.a, s.b);
            const std::size_t root = uf.find(s.a), other = root == ra ? rb : ra;
            offices_of[root].insert(offices_of[other].begin(), offices_of[other].end());
            ++report.merged_by_rule;
        }
        // Weak evidence, used once: one name adds a word the other lacks ("Mission locale Avenir
        // Jeunes Pays Basque" and "ML Anglet"), both of one type in one commune. They are one when
        // each has no other such partner there: two France Travail agencies of Marseille named apart
        // leave "France Travail Marseille" a question.
        {
            auto only_here = [](const OrgComparison& c) {
                return c.evidence.find("one_sided") != std::string::npos && c.evidence.find("type") != std::string::npos &&
                       c.evidence.find("commune") != std::string::npos;
            };
            // where the directory knows no office or two of the type in the commune, no such guess
            std::map<std::string, int> offices;
            for (const auto& entry : project.registry)
                if (!entry.type.empty() && !entry.commune.empty())
                    ++offices[taxonomy.seed_type(entry.type).value_or(entry.type) + "|" + entry.commune];
            // the guess needs the directory's word that there is one office of the type there
            auto several_here = [&](std::size_t i) {
                const auto& e = ev[i];
                if (e.type.empty() || e.commune.empty()) return true;
                const auto it = offices.find(taxonomy.seed_type(e.type).value_or(e.type) + "|" + e.commune);
                return it == offices.end() || it->second != 1;
            };
            std::map<std::size_t, std::set<std::size_t>> partners;
            for (const auto& q : ask)
                if (only_here(q.c) && !several_here(q.a) && !several_here(q.b)) {
                    const std::size_t ra = uf.find(q.a), rb = uf.find(q.b);
                    if (ra == rb) continue;
                    partners[ra].insert(rb);
                    partners[rb].insert(ra);
                }
            for (const auto& q : ask) {
                if (!only_here(q.c) || several_here(q.a) || several_here(q.b)) continue;
                const std::size_t ra = uf.find(q.a), rb = uf.find(q.b);
                if (ra == rb || partners[ra].size() != 1 || partners[rb].size() != 1) continue;
                if (kept_apart(q.a, q.b) || conflict(facts[ra], facts[rb], taxonomy)) continue;
                unite(q.a, q.b);
                ++report.merged_by_rule;
            }
        }
    } // the grouping made
    if (!memo) project.organisation_memo = fingerprint.empty() ? std::string() : write_memo(fingerprint, uf, ev, ask, report.merged_by_rule);

    // Organisations: one per group, in the order of their first spelling; an organisation the
    // store already had keeps its place on the map when its first spelling is still in it.
    const std::vector<model::Organisation> old = std::move(project.organisations);
    project.organisations.clear();
    std::vector<model::Id> org_of_root(n, model::no_id);
    std::vector<model::Id> org_of(n, model::no_id);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t root = uf.find(i);
        if (org_of_root[root] == model::no_id) {
            org_of_root[root] = static_cast<model::Id>(project.organisations.size());
            project.organisations.emplace_back();
            auto& o = project.organisations.back();
            const auto previous = project.spellings[i].organisation;
            if (previous != model::no_id && static_cast<std::size_t>(previous) < old.size())
                o.place = old[static_cast<std::size_t>(previous)].place;
        }
        org_of[i] = org_of_root[root];
    }
    // Facts and names per organisation.
    struct Tally {
        std::map<std::string, std::int64_t> types, name_types, communes, sirets;
        const model::OrgSpelling* shown = nullptr;
        std::tuple<bool, std::int64_t, int> shown_rank{false, 0, 0};
        int last_year = 0;
        std::string key;
        std::int64_t key_rows = -1;
    };
    std::vector<Tally> tallies(project.organisations.size());
    for (std::size_t i = 0; i < n; ++i) {
        auto& s = project.spellings[i];
        s.organisation = org_of[i];
        auto& t = tallies[static_cast<std::size_t>(org_of[i])];
        const std::int64_t rows = std::max<std::int64_t>(s.rows, 1);
        // the type shown: the coordinators' own type column first, what the name says else
        if (!s.type.empty()) t.types[s.type] += rows;
        else if (!ev[i].type.empty()) t.name_types[ev[i].type] += rows;
        if (!ev[i].commune.empty()) t.communes[ev[i].commune] += rows;
        if (!s.siret.empty()) t.sirets[s.siret] += rows;
        t.last_year = std::max(t.last_year, s.last_year);
        const std::tuple<bool, std::int64_t, int> rank{!shouting(s.text), rows, s.last_year};
        if (!t.shown || rank > t.shown_rank || (rank == t.shown_rank && s.text < t.shown->text)) {
            t.shown = &s;
            t.shown_rank = rank;
        }
        if (rows > t.key_rows || (rows == t.key_rows && ev[i].key < t.key)) {
            t.key = ev[i].key;
            t.key_rows = rows;
        }
    }
    auto most = [](const std::map<std::string, std::int64_t>& m) {
        std::string best;
        std::int64_t rows = -1;
        for (const auto& [v, r] : m)
            if (r > rows) {
                best = v;
                rows = r;
            }
        return best;
    };
    // each organisation's facts and name from its own tally: on two threads, each half in order
    auto facts_and_names = [&](std::size_t from, std::size_t to) {
        for (std::size_t o = from; o < to; ++o) {
            auto& org = project.organisations[o];
            auto& t = tallies[o];
            // the finest of compatible types: "cidff" rather than "association"
            if (t.types.empty()) t.types = t.name_types;
            std::string type = most(t.types);
            for (const auto& [k, r] : t.types)
                if (k != type && taxonomy.seed_type(k) == std::optional<std::string>(type)) type = k;
            org.type = type;
            org.commune = most(t.communes);
            org.siret = most(t.sirets);
            org.key = !org.siret.empty() ? "siret:" + org.siret : t.key;
            org.name = t.shown ? aliases.display(t.shown->text, t.last_year) : org.key;
        }
    };
    {
        const std::size_t count = project.organisations.size();
        auto second = std::async(std::launch::async, facts_and_names, count / 2, count);
        facts_and_names(0, count / 2);
        second.get();
    }
    // A rename the coordinator gave: from its year the new name is shown.
    for (const auto& d : project.decisions) {
        if (d.people || d.verdict != model::Verdict::Renamed) continue;
        const auto it = by_key.find(org_key(aliases, d.second));
        if (it == by_key.end()) continue;
        const auto o = static_cast<std::size_t>(org_of[it->second.front()]);
        if (tallies[o].last_year >= d.year) project.organisations[o].name = std::string(core::trim(d.second));
    }
    // Two organisations never share a name: the commune, else the territory, else a number.
    {
        std::map<std::string, std::vector<std::size_t>> by_name;
        for (std::size_t o = 0; o < project.organisations.size(); ++o)
            by_name[core::fold(project.organisations[o].name)].push_back(o);
        std::vector<std::set<model::Id>> territories_of(project.organisations.size());
        for (const auto& s : project.spellings)
            if (s.organisation != model::no_id && s.territory != model::no_id)
                territories_of[static_cast<std::size_t>(s.organisation)].insert(s.territory);
        std::set<std::string> taken;
        for (const auto& o : project.organisations) taken.insert(core::fold(o.name));
        for (auto& [name, members] : by_name) {
            if (members.size() < 2) continue;
            for (std::size_t k = 1; k < members.size(); ++k) { // the first keeps its name
                auto& org = project.organisations[members[k]];
                std::string suffix;
                if (context.communes && !org.commune.empty() && org.commune != project.organisations[members[0]].commune)
                    suffix = context.communes->name(org.commune);
                const auto& ts = territories_of[members[k]];
                std::string candidate;
                if (!suffix.empty()) candidate = org.name + " (" + suffix + ")";
                if ((candidate.empty() || taken.contains(core::fold(candidate))) && !ts.empty())
                    candidate = org.name + " (" + project.territories[static_cast<std::size_t>(*ts.begin())].name + ")";
                for (int number = 2; candidate.empty() || taken.contains(core::fold(candidate)); ++number)
                    candidate = org.name + " (" + std::to_string(number) + ")";
                org.name = candidate;
                taken.insert(core::fold(candidate));
            }
        }
    }
    for (auto& a : project.attendances)
        a.organisation = a.spelling == model::no_id ? model::no_id : project.spellings[static_cast<std::size_t>(a.spelling)].organisation;
    report.organisations = project.organisations.size();

    // Questions: one per pair of organisations, its best pair of spellings, never one decided.
    std::vector<model::IdentityQuestion> questions;
    for (const auto& q : project.questions)
        if (q.people) questions.push_back(q);
    std::sort(ask.begin(), ask.end(), by_score);
    std::set<std::pair<model::Id, model::Id>> asked;
    std::map<model::Id, int> asked_of;
    constexpr int questions_per_organisation = 3;
    for (const auto& s : ask) {
        model::Id x = org_of[s.a], y = org_of[s.b];
        if (x == y) continue;
        if (kept_apart(s.a, s.b)) continue;
        if (decided.contains({ev[s.a].key, ev[s.b].key})) continue;
        if (ev[s.a].key == ev[s.b].key) continue; // one name apart by its facts: no name can answer it
        if (x > y) std::swap(x, y);
        // a few questions per organisation, the likeliest: more would bury the useful ones
        if (asked_of[x] >= questions_per_organisation || asked_of[y] >= questions_per_organisation) continue;
        if (!asked.emplace(x, y).second) continue;
        ++asked_of[x];
        ++asked_of[y];
        const auto& sa = project.spellings[s.a];
        const auto& sb = project.spellings[s.b];
        questions.push_back({false, sa.text, sb.text, s.c.score, s.c.evidence});
        ++report.questions;
    }
    project.questions = std::move(questions);
    return report;
}

ResolutionReport match_registry(model::Project& project, const IdentityContext& context) {
    const model::Taxonomy& taxonomy = context.taxonomy ? *context.taxonomy : shipped_taxonomy();
    const model::AliasTable& aliases = context.aliases ? *context.aliases : shipped_aliases();
    ResolutionReport report;
    if (project.registry.empty()) return report;
    const auto surroundings = territory_surroundings(project, context.places);
    static const Surroundings nowhere;
    auto context_of = [&](model::Id t) -> const Surroundings& {
        return t == model::no_id || static_cast<std::size_t>(t) >= surroundings.size() ? nowhere : surroundings[static_cast<std::size_t>(t)];
    };
    std::vector<OrgEvidence> spelled;
    spelled.reserve(project.spellings.size());
    std::unordered_map<std::string, std::vector<std::size_t>> blocks;
    for (std::size_t i = 0; i < project.spellings.size(); ++i) {
        const auto& s = project.spellings[i];
        spelled.push_back(org_evidence(s.text, s.type, s.commune, s.siret, s.territory, context, context_of(s.territory)));
        for (auto& k : blocking_keys(spelled.back())) blocks[std::move(k)].push_back(i);
    }
    // what each organisation's spellings say of where it is: a spelling without a commune does
    // not carry its organisation to another commune's entry
    std::vector<std::set<std::string>> org_communes(project.organisations.size());
    for (std::size_t i = 0; i < spelled.size(); ++i) {
        const auto o = project.spellings[i].organisation;
        if (o != model::no_id && !spelled[i].commune.empty()) org_communes[static_cast<std::size_t>(o)].insert(spelled[i].commune);
    }
    // decisions naming a registry entry and a spelling: keys both ways
    std::map<std::string, std::vector<std::pair<std::string, model::Verdict>>> decided;
    for (const auto& d : project.decisions) {
        if (d.people) continue;
        const std::string ka = org_key(aliases, d.first), kb = org_key(aliases, d.second);
        decided[ka].emplace_back(kb, d.verdict);
        decided[kb].emplace_back(ka, d.verdict);
    }
    std::vector<model::IdentityQuestion> questions;
    std::set<std::pair<std::string, std::string>> asked;
    struct Proposal {
        std::size_t entry, spelling;
        double score;
        bool same;
        std::string evidence, how;
    };
    std::vector<Proposal> proposals;
    std::vector<OrgEvidence> registry_evidence(project.registry.size());
    for (auto& entry : project.registry) {
        entry.organisation = model::no_id;
        entry.match.clear();
        // the entry's own commune places it; its territory's départements help read its name
        Surroundings where = context_of(entry.territory);
        if (!entry.commune.empty()) where.departements.push_back(Gazetteer::departement_of(entry.commune));
        const OrgEvidence e = org_evidence(entry.name, entry.type, entry.commune, entry.siret, entry.territory, context, where);
        registry_evidence[static_cast<std::size_t>(&entry - project.registry.data())] = e;
        std::set<std::size_t> candidates;
        for (const auto& k : blocking_keys(e))
            if (auto it = blocks.find(k); it != blocks.end() && it->second.size() <= 2000)
                candidates.insert(it->second.begin(), it->second.end());
        std::set<model::Id> refused;
        if (auto it = decided.find(e.key); it != decided.end()) {
            for (const auto& [other, verdict] : it->second) {
                for (std::size_t i = 0; i < spelled.size(); ++i) {
                    if (spelled[i].key != other) continue;
                    if (verdict == model::Verdict::Different) refused.insert(project.spellings[i].organisation);
                    else if (entry.organisation == model::no_id) {
                        entry.organisation = project.spellings[i].organisation;
                        entry.match = "decision";
                    }
                }
            }
        }
        if (entry.organisation != model::no_id) {
            ++report.registry_matched;
            continue;
        }
        double best = 0;
        std::size_t best_i = 0;
        std::string best_evidence;
        bool best_same = false;
        for (auto i : candidates) {
            const auto o = project.spellings[i].organisation;
            if (refused.contains(o)) continue;
            if (o != model::no_id && !e.commune.empty() && !org_communes[static_cast<std::size_t>(o)].empty() &&
                !org_communes[static_cast<std::size_t>(o)].contains(e.commune))
                continue;
            const auto c = compare_organisations(spelled[i], e, true, taxonomy);
            if (c.match == Match::Apart) continue;
            if (c.score > best || (c.score == best && i < best_i)) {
                best = c.score;
                best_i = i;
                best_evidence = c.evidence;
                best_same = c.match == Match::Same;
            }
        }
        if (best <= 0) continue;
        const std::size_t at = static_cast<std::size_t>(&entry - project.registry.data());
        proposals.push_back({at, best_i, best, best_same, best_evidence,
                             !e.siret.empty() && e.siret == spelled[best_i].siret ? "siret"
                             : e.key == spelled[best_i].key                        ? "name"
                                                                                    : "evidence"});
    }
    // One entry per organisation and territory: a directory that lists two offices alike (two
    // PIJ in Apt) gives the organisation that came to the closer one, first listed on a tie; the
    // other is asked.
    std::sort(proposals.begin(), proposals.end(), [](const Proposal& x, const Proposal& y) {
        return x.score != y.score ? x.score > y.score : x.entry < y.entry;
    });
    // A spelling is the best of several entries ("Université Côte d'Azur - SUIO" for the SUIO
    // and for each of its sector offices): the closest keeps it, the others are asked.
    std::unordered_map<std::size_t, double> best_for_spelling;
    for (const auto& p : proposals)
        if (p.same) best_for_spelling[p.spelling] = std::max(best_for_spelling[p.spelling], p.score);
    // (territory, organisation) → the evidence of the entry that claimed it
    std::map<std::pair<model::Id, model::Id>, std::pair<std::vector<std::string>, std::string>> claimed;
    for (const auto& p : proposals) {
        auto& entry = project.registry[p.entry];
        const auto& s = project.spellings[p.spelling];
        // entries alike but for their directory index compete; entries that say different
        // things may both be the organisation that came (sheets that merged two offices)
        bool free = !p.same || p.score >= best_for_spelling[p.spelling] - 1e-9;
        if (p.same && free) {
            const auto& mine = registry_evidence[p.entry];
            auto [it, inserted] = claimed.try_emplace({entry.territory, s.organisation},
                                                      std::make_pair(mine.distinctive, mine.commune));
            free = inserted || it->second != std::make_pair(mine.distinctive, mine.commune);
        }
        if (p.same && free) {
            entry.organisation = s.organisation;
            entry.match = p.how;
            ++report.registry_matched;
        } else if (asked.emplace(s.text, entry.name).second) {
            questions.push_back({false, s.text, entry.name, std::min(p.score, same_threshold - 0.01), p.evidence});
            ++report.questions;
        }
    }
    for (auto& q : questions) project.questions.push_back(std::move(q));
    return report;
}

// ---------------------------------------------------------------------------------------------
// People

ResolutionReport resolve_people(model::Project& project) {
    ResolutionReport report;
    // People are made afresh from the records (the rows' identifiers, e-mails, names within an
    // organisation), so that a decision can split what an earlier one joined.
    const std::size_t n = project.records.size();
    // What each person is known by (views of the keys' hashes, which stay put until the end),
    // and where and when they came from which organisation.
    std::vector<std::string_view> name_of(n), local_of(n), identifier_of(n);
    for (const auto& k : project.person_keys) {
        if (k.record < 0 || static_cast<std::size_t>(k.record) >= n) continue;
        const auto p = static_cast<std::size_t>(k.record);
        if (k.kind == "name" && name_of[p].empty()) name_of[p] = k.hash;
        else if (k.kind == "local" && local_of[p].empty()) local_of[p] = k.hash;
        else if (k.identifier && identifier_of[p].empty()) identifier_of[p] = k.hash;
    }
    struct Seen {
        std::set<model::Id> organisations, territories;
        std::set<int> years;
        bool email = false;
    };
    // only people who share their name with another, or a decision, need their whereabouts
    std::vector<char> needed(n, 0);
    {
        // namesakes who all hold their own identifier need nothing: the registration tool tells them apart
        std::unordered_map<std::string_view, std::vector<std::size_t>> with_name;
        for (std::size_t p = 0; p < n; ++p)
            if (!name_of[p].empty()) with_name[name_of[p]].push_back(p);
        for (const auto& [name, members] : with_name) {
            if (members.size() < 2) continue;
            std::unordered_set<std::string_view> identifiers;
            for (auto p : members)
                if (!identifier_of[p].empty()) identifiers.insert(identifier_of[p]);
            if (identifiers.size() == members.size()) continue;
            for (auto p : members) needed[p] = 1;
        }
        std::unordered_set<std::string> decided_names;
        for (const auto& d : project.decisions)
            if (d.people) decided_names.insert({d.first, d.second});
        if (!decided_names.empty())
            for (std::size_t p = 0; p < n; ++p)
                if (decided_names.contains(project.records[p].pseudonym)) needed[p] = 1;
    }
    // every row, counted or folded, back in one list: who attends what is decided below
    std::vector<model::Attendance> rows = std::move(project.attendances);
    rows.insert(rows.end(), std::make_move_iterator(project.folded.begin()), std::make_move_iterator(project.folded.end()));
    project.folded.clear();
    std::vector<Seen> seen(n);
    for (const auto& a : rows) {
        if (a.record < 0 || static_cast<std::size_t>(a.record) >= n || !needed[static_cast<std::size_t>(a.record)]) continue;
        auto& s = seen[static_cast<std::size_t>(a.record)];
        if (a.organisation != model::no_id) s.organisations.insert(a.organisation);
        const auto& edition = project.editions[static_cast<std::size_t>(project.sessions[static_cast<std::size_t>(a.session)].edition)];
        s.territories.insert(edition.territory);
        s.years.insert(edition.year);
    }

    // records by pseudonym, for the decisions and the questions (made when there are some)
    std::unordered_map<std::string_view, std::size_t> by_pseudonym_index;
    auto by_pseudonym = [&]() -> const std::unordered_map<std::string_view, std::size_t>& {
        if (by_pseudonym_index.empty() && n > 0) {
            by_pseudonym_index.reserve(n);
            for (std::size_t p = 0; p < n; ++p) by_pseudonym_index.emplace(project.records[p].pseudonym, p);
        }
        return by_pseudonym_index;
    };
    std::set<std::pair<std::size_t, std::size_t>> decided_apart, decided;
    UnionFind uf(n);
    std::vector<Seen>& group = seen; // each group's whereabouts at its root
    auto unite = [&](std::size_t a, std::size_t b) {
        uf.unite(a, b, [&](std::size_t root, std::size_t other) {
            group[root].organisations.insert(group[other].organisations.begin(), group[other].organisations.end());
            group[root].territories.insert(group[other].territories.begin(), group[other].territories.end());
            group[root].years.insert(group[other].years.begin(), group[other].years.end());
        });
    };
    for (const auto& d : project.decisions) {
        if (!d.people) continue;
        const auto ia = by_pseudonym().find(d.first), ib = by_pseudonym().find(d.second);
        if (ia == by_pseudonym().end() || ib == by_pseudonym().end()) continue;
        decided.emplace(std::min(ia->second, ib->second), std::max(ia->second, ib->second));
        if (d.verdict == model::Verdict::Different) {
            decided_apart.emplace(std::min(ia->second, ib->second), std::max(ia->second, ib->second));
        } else {
            unite(ia->second, ib->second);
            ++report.merged_by_decision;
        }
    }
    auto apart_by_decision = [&](std::size_t a, std::size_t b) { return said_apart(uf, decided_apart, a, b); };

    // Namesakes, in groups by name.
    std::map<std::string_view, std::vector<std::size_t>> namesakes;
    for (std::size_t p = 0; p < n; ++p)
        if (needed[p] && !name_of[p].empty()) namesakes[name_of[p]].push_back(p);
    std::vector<model::IdentityQuestion> questions;
    for (auto& [name, members] : namesakes) {
        if (members.size() < 2 || members.size() > 200) continue;
        // namesakes who all hold their own identifier are told apart by the registration tool
        std::set<std::string_view> identifiers;
        for (auto p : members)
            if (!identifier_of[p].empty()) identifiers.insert(identifier_of[p]);
        if (identifiers.size() == members.size()) continue;
        for (int pass = 0; pass < 2; ++pass) { // same organisation first, then changes of employer
            for (std::size_t x = 0; x < members.size(); ++x) {
                for (std::size_t y = x + 1; y < members.size(); ++y) {
                    const std::size_t a = members[x], b = members[y];
                    if (!identifier_of[a].empty() && !identifier_of[b].empty() && identifier_of[a] != identifier_of[b]) continue;
                    const std::size_t ra = uf.find(a), rb = uf.find(b);
                    if (ra == rb || apart_by_decision(a, b)) continue;
                    const Seen& ga = group[ra];
                    const Seen& gb = group[rb];
                    const bool shared_org = std::any_of(ga.organisations.begin(), ga.organisations.end(),
                                                        [&](model::Id o) { return gb.organisations.contains(o); });
                    if (pass == 0) {
                        if (shared_org) {
                            unite(a, b);
                            ++report.merged_by_rule;
                        }
                        continue;
                    }
                    const bool same_year = std::any_of(ga.years.begin(), ga.years.end(),
                                                       [&](int v) { return gb.years.contains(v); });
                    if (same_year) continue; // two people, each with their own organisation that year
                    const bool same_local = !local_of[a].empty() && local_of[a] == local_of[b];
                    if (same_local) {
                        unite(a, b); // the same first.last@ at a new employer, never both the same year
                        ++report.merged_by_rule;
                        continue;
                    }
                    if (decided.contains({std::min(a, b), std::max(a, b)})) continue;
                    questions.push_back({true, project.records[a].pseudonym, project.records[b].pseudonym,
                                         same_local ? 0.75 : 0.6,
                                         same_local ? "name,email_local" : "name"});
                }
            }
        }
    }
    // People: one per group of records, named by its first record's pseudonym.
    std::vector<model::Id> new_id(n, model::no_id);
    project.people.clear();
    for (std::size_t p = 0; p < n; ++p) {
        if (uf.find(p) != p) continue;
        new_id[p] = static_cast<model::Id>(project.people.size());
        project.people.push_back(project.records[p]);
    }
    for (std::size_t p = 0; p < n; ++p) new_id[p] = new_id[uf.find(p)];
    auto person_of = [&](model::Id record) {
        return record >= 0 && static_cast<std::size_t>(record) < n ? new_id[static_cast<std::size_t>(record)] : model::no_id;
    };
    // a person at one session twice (under two records) is counted once; the other row is
    // kept aside, for a split to give it back
    if (project.people.size() == n) { // no record joined to another: nobody attends a session twice
        // every row counted, in place (no second copy of the largest table)
        for (auto& a : rows) a.person = person_of(a.record);
        project.attendances = std::move(rows);
        rows.clear();
    } else {
        project.attendances.reserve(rows.size());
    }
    std::unordered_set<std::uint64_t> attended;
    for (auto& a : rows) {
        a.person = person_of(a.record);
        if (attended.insert(static_cast<std::uint64_t>(a.session) << 32 | static_cast<std::uint32_t>(a.person)).second) {
            project.attendances.push_back(std::move(a));
        } else {
            report.duplicate_files.push_back(a.file);
            project.folded.push_back(std::move(a));
        }
    }
    for (auto& k : project.person_keys) k.person = person_of(k.record);
    for (auto& i : project.identities) i.person = person_of(i.record);
    // questions between people still apart, named by their (kept) pseudonyms
    std::vector<model::IdentityQuestion> kept_questions;
    for (const auto& q : project.questions)
        if (!q.people) kept_questions.push_back(q);
    std::set<std::pair<std::string, std::string>> asked;
    for (auto& q : questions) {
        const auto a = new_id[by_pseudonym().at(q.first)], b = new_id[by_pseudonym().at(q.second)];
        if (a == model::no_id || b == model::no_id) continue;
        if (a == b) continue;
        q.first = project.people[static_cast<std::size_t>(a)].pseudonym;
        q.second = project.people[static_cast<std::size_t>(b)].pseudonym;
        if (!asked.emplace(std::min(q.first, q.second), std::max(q.first, q.second)).second) continue;
        kept_questions.push_back(std::move(q));
        ++report.questions;
    }
    project.questions = std::move(kept_questions);
    return report;
}

void show_names(model::Project& project, const IdentityContext& context) {
    std::optional<std::map<std::string, std::string>> places;
    auto proper = [&](const std::string& name) {
        if (!places) {
            places.emplace();
            if (context.communes)
                context.communes->each_name([&](const std::string& folded, const std::vector<std::string>& codes) {
                    if (!codes.empty()) places->emplace(folded, context.communes->name(codes.front()));
                });
        }
        return model::proper_case(name, *places);
    };
    std::unordered_map<model::Id, const std::string*> registry_name; // the first entry's, in capitals never
    for (const auto& e : project.registry)
        if (e.organisation != model::no_id && !model::is_shouting(e.name)) registry_name.try_emplace(e.organisation, &e.name);
    std::unordered_set<std::string> taken;
    for (const auto& o : project.organisations) taken.insert(core::fold(o.name));
    for (std::size_t o = 0; o < project.organisations.size(); ++o) {
        auto& name = project.organisations[o].name;
        if (!model::is_shouting(name)) continue;
        std::string cased = proper(name);
        if (cased == name) continue; // acronyms and numbers only ("CIDFF 83"): written so
        const auto it = registry_name.find(static_cast<model::Id>(o));
        if (it != registry_name.end() && core::fold(*it->second) != core::fold(name) && !taken.contains(core::fold(*it->second))) {
            taken.insert(core::fold(*it->second));
            name = *it->second;
        } else {
            name = std::move(cased); // the same letters: still one name per organisation
        }
    }
    for (auto& e : project.registry)
        if (model::is_shouting(e.name)) e.name = proper(e.name);
}

ResolutionReport resolve_identities(model::Project& project, const IdentityContext& context) {
    ResolutionReport report = resolve_organisations(project, context);
    const auto registry = match_registry(project, context);
    show_names(project, context);
    const auto people = resolve_people(project);
    report.registry_matched = registry.registry_matched;
    report.questions += registry.questions + people.questions;
    report.merged_by_decision += people.merged_by_decision;
    report.duplicate_files = people.duplicate_files;
    return report;
}

} // namespace maillage::ingest
