#include "maillage/model/shown_names.hpp"

#include <set>
#include <utility>
#include <vector>

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "maillage/core/text.hpp"

namespace maillage::model {
namespace {

std::string utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

icu::UnicodeString lower(const icu::UnicodeString& u) {
    icu::UnicodeString l(u);
    return l.toLower(icu::Locale("fr", "FR"));
}

/// The word with its first letter in capitals and the rest in lower case.
icu::UnicodeString capitalised(const icu::UnicodeString& word) {
    icu::UnicodeString l = lower(word);
    if (l.isEmpty()) return l;
    icu::UnicodeString first(l, 0, 1);
    first.toUpper(icu::Locale("fr", "FR"));
    return first + icu::UnicodeString(l, 1);
}

bool has_vowel(const std::string& folded) {
    return folded.find_first_of("aeiouy") != std::string::npos;
}

bool has_digit(const std::string& folded) {
    return folded.find_first_of("0123456789") != std::string::npos;
}

const std::set<std::string>& acronyms() {
    static const std::set<std::string> a = {
        "afpa", "apec", "adie", "bij", "btp", "caf", "capeb", "ccas", "cci", "cfa", "cfppa", "chrs", "cibc", "cidff",
        "cidj", "cij", "cio", "cma", "cnam", "cnfpt", "cpme", "cress", "crij", "dreets", "ddets", "direccte", "draaf",
        "epci", "epl", "esat", "ess", "etti", "ffb", "geiq", "greta", "iae", "iut", "lep", "mdph", "medef", "mfr", "mjc",
        "msa", "msap", "onisep", "opco", "paca", "pij", "plie", "pme", "qpv", "rsa", "siae", "siao", "spip", "tpe",
        "uimm", "umih", "unea", "urssaf", "ase", "pjj", "ccc", "sas", "sarl", "scop", "scic", "ucpa", "upe"};
    return a;
}

const std::set<std::string>& connectors() {
    static const std::set<std::string> c = {"de", "du", "des", "la", "le", "les", "et", "en", "a", "au", "aux",
                                            "sur", "sous", "pour", "par", "l", "d", "dans", "lès", "les"};
    return c;
}

/// Network names as the networks write them, by their folded words.
const std::vector<std::pair<std::string, std::string>>& networks() {
    static const std::vector<std::pair<std::string, std::string>> n = {
        {"france travail", "France Travail"}, {"pole emploi", "Pôle emploi"},     {"mission locale", "Mission locale"},
        {"cap emploi", "Cap emploi"},         {"france services", "France services"}, {"transitions pro", "Transitions Pro"},
        {"carif oref", "Carif-Oref"},         {"cite des metiers", "Cité des métiers"}};
    return n;
}

bool is_letter_or_digit(UChar32 c) { return u_isalnum(c) != 0; }

} // namespace

bool is_shouting(std::string_view name) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    bool letters = false;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        if (u_islower(c)) return false;
        if (u_isupper(c)) letters = true;
        i += U16_LENGTH(c);
    }
    return letters;
}

std::string proper_case(std::string_view name, const std::map<std::string, std::string>& places) {
    if (!is_shouting(name)) return std::string(name);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    // Tokens: runs of letters and digits (words) and what lies between them (separators).
    struct Token {
        icu::UnicodeString text;
        bool word = false;
    };
    std::vector<Token> tokens;
    for (int32_t i = 0; i < u.length();) {
        const UChar32 c = u.char32At(i);
        const bool word = is_letter_or_digit(c);
        if (tokens.empty() || tokens.back().word != word) tokens.push_back({{}, word});
        tokens.back().text.append(c);
        i += U16_LENGTH(c);
    }
    std::vector<std::string> folded(tokens.size());
    for (std::size_t k = 0; k < tokens.size(); ++k)
        if (tokens[k].word) folded[k] = core::fold(utf8(tokens[k].text));
    std::vector<icu::UnicodeString> out(tokens.size());
    std::vector<bool> done(tokens.size(), false);
    // a separator made only of hyphens (no space): the words it joins form one compound
    auto joins = [&](std::size_t k) {
        if (k >= tokens.size() || tokens[k].word) return false;
        const std::string s = utf8(tokens[k].text);
        return s == "-" || s == "'" || s == "\u2019";
    };
    // 1. network names and places: the longest run of words (joined by spaces, hyphens or
    // apostrophes) whose folded words match, first word first
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (!tokens[k].word || done[k]) continue;
        std::string key;
        std::size_t best_end = 0;
        std::string best;
        for (std::size_t e = k; e < tokens.size() && e < k + 12; e += 2) {
            if (!tokens[e].word) break;
            key += (key.empty() ? "" : " ") + folded[e];
            for (const auto& [n, shown] : networks())
                if (key == n) best_end = e + 1, best = shown;
            if (key.size() >= 3)
                if (const auto it = places.find(key); it != places.end()) best_end = e + 1, best = it->second;
            if (e + 1 >= tokens.size()) break;
        }
        if (best_end == 0) continue;
        out[k] = icu::UnicodeString::fromUTF8(best);
        done[k] = true;
        for (std::size_t e = k + 1; e < best_end; ++e) {
            out[e] = icu::UnicodeString();
            done[e] = true;
        }
    }
    // 2. the other words
    bool first = true;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (!tokens[k].word) {
            if (!done[k]) out[k] = tokens[k].text;
            continue;
        }
        const bool at_start = first;
        first = false;
        if (done[k]) continue;
        const std::string& f = folded[k];
        const bool in_compound = (k >= 1 && joins(k - 1) && utf8(tokens[k - 1].text) == "-") ||
                                 (k + 1 < tokens.size() && joins(k + 1) && utf8(tokens[k + 1].text) == "-");
        // after " - " or "(" a new part begins: a place or a name
        bool part_start = at_start;
        if (k >= 1 && !tokens[k - 1].word) {
            const std::string sep = utf8(tokens[k - 1].text);
            if (sep.find(" - ") != std::string::npos || sep.find('(') != std::string::npos || sep.find(" – ") != std::string::npos)
                part_start = true;
        }
        const bool elided = (f == "l" || f == "d") && k + 1 < tokens.size() && joins(k + 1) && utf8(tokens[k + 1].text) != "-";
        // two letters that are no French word of a name ("UD", "PE", "AD"): initials
        const bool initials = f.size() == 2 && !connectors().count(f) && f != "un" && f != "ou";
        if (has_digit(f) || acronyms().count(f) || (!has_vowel(f) && f.size() >= 2) || initials) out[k] = tokens[k].text;
        else if (elided) out[k] = at_start ? capitalised(tokens[k].text) : lower(tokens[k].text);
        else if (connectors().count(f) && !at_start) out[k] = lower(tokens[k].text);
        else if (part_start || in_compound) out[k] = capitalised(tokens[k].text);
        else out[k] = lower(tokens[k].text);
    }
    icu::UnicodeString joined;
    for (const auto& t : out) joined += t;
    return utf8(joined);
}

} // namespace maillage::model
