#include "maillage/ingest/decisions.hpp"

#include <map>
#include <optional>
#include <unordered_set>

#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/identity.hpp"

namespace maillage::ingest {
namespace {

using core::Msg;

enum class Col { About, First, Second, Verdict, Year };

std::optional<Col> column_of(const std::string& header) {
    const std::string f = core::fold(header);
    if (f == "objet" || f == "about" || f == "genre" || f == "kind") return Col::About;
    if (f == "premier" || f == "first" || f == "nom" || f == "name") return Col::First;
    if (f == "second" || f == "autre" || f == "other" || f == "alias") return Col::Second;
    if (f == "decision" || f == "verdict" || f == "reponse" || f == "answer") return Col::Verdict;
    if (f == "annee" || f == "year" || f == "depuis" || f == "since") return Col::Year;
    return std::nullopt;
}

std::optional<bool> parse_about(const std::string& text) {
    const std::string f = core::fold(text);
    if (f == "organisation" || f == "organisme" || f == "organization" || f == "structure") return false;
    if (f == "personne" || f == "person" || f == "people" || f == "personnes") return true;
    return std::nullopt;
}

std::optional<model::Verdict> parse_verdict(const std::string& text) {
    const std::string f = core::fold(text);
    if (f == "meme" || f == "same" || f == "oui" || f == "yes" || f == "identique") return model::Verdict::Same;
    if (f == "different" || f == "differents" || f == "differente" || f == "non" || f == "no")
        return model::Verdict::Different;
    if (f == "renomme" || f == "renommee" || f == "renamed" || f == "rename") return model::Verdict::Renamed;
    return std::nullopt;
}

// Entities as union-find over their keys ("o:<key>", "p:<pseudonym>").
struct Sets {
    std::map<std::string, std::string> parent;
    std::string find(const std::string& x) {
        auto it = parent.find(x);
        if (it == parent.end() || it->second == x) return x;
        const std::string root = find(it->second);
        parent[x] = root;
        return root;
    }
    void unite(const std::string& a, const std::string& b) {
        const std::string ra = find(a), rb = find(b);
        if (ra != rb) parent[ra] = rb;
    }
};

std::string key_of(const model::IdentityDecision& d, const model::AliasTable& aliases, bool first) {
    const std::string& name = first ? d.first : d.second;
    return d.people ? "p:" + std::string(core::trim(name)) : "o:" + org_key(aliases, name);
}

} // namespace

KnownNames KnownNames::of(const model::Project& project, const model::AliasTable& aliases) {
    KnownNames k;
    for (const auto& s : project.spellings) k.organisations.insert(org_key(aliases, s.text));
    for (const auto& e : project.registry) k.organisations.insert(org_key(aliases, e.name));
    k.organisations.erase(std::string());
    for (const auto& p : project.people) k.people.insert(p.pseudonym);
    for (const auto& r : project.records) k.people.insert(r.pseudonym); // a person joined keeps every record's name
    return k;
}

bool KnownNames::organisation(const model::AliasTable& aliases, std::string_view name) const {
    const std::string key = org_key(aliases, name);
    return !key.empty() && organisations.contains(key);
}

bool KnownNames::person(std::string_view pseudonym) const { return people.contains(std::string(core::trim(pseudonym))); }

std::string decision_problem(const KnownNames& known, const model::AliasTable& aliases,
                             const std::vector<model::IdentityDecision>& earlier,
                             const model::IdentityDecision& d, core::Lang lang) {
    for (const auto* name : {&d.first, &d.second}) {
        if (core::trim(*name).empty()) return std::string(core::message(Msg::DecisionsEmptyName, lang));
        if (d.people) {
            if (!known.person(*name)) return core::tr(lang, Msg::DecisionsUnknownPerson, *name);
        } else if (!known.organisation(aliases, *name)) {
            return core::tr(lang, Msg::DecisionsUnknownOrganisation, *name);
        }
    }
    const std::string a = key_of(d, aliases, true), b = key_of(d, aliases, false);
    if (a == b) return core::tr(lang, Msg::DecisionsSelf, d.first, d.second);
    if (d.verdict == model::Verdict::Renamed && (d.year < 1900 || d.year > 2100))
        return core::tr(lang, Msg::DecisionsBadYear, d.year == 0 ? std::string() : std::to_string(d.year));
    Sets sets;
    std::vector<std::pair<std::string, std::string>> apart;
    for (const auto& e : earlier) {
        if (e.people != d.people) continue;
        const std::string x = key_of(e, aliases, true), y = key_of(e, aliases, false);
        if (e.verdict == model::Verdict::Different) apart.emplace_back(x, y);
        else sets.unite(x, y);
    }
    if (d.verdict == model::Verdict::Different) {
        if (sets.find(a) == sets.find(b)) return core::tr(lang, Msg::DecisionsContradiction, d.first, d.second);
        return {};
    }
    sets.unite(a, b);
    for (const auto& [x, y] : apart)
        if (sets.find(x) == sets.find(y)) return core::tr(lang, Msg::DecisionsContradiction, d.first, d.second);
    return {};
}

std::vector<model::IdentityDecision> read_decisions(std::string_view raw, std::string_view source,
                                                    const model::Project& project, const model::AliasTable& aliases,
                                                    core::Lang lang, core::Diagnostics& diagnostics) {
    const std::size_t errors_before = diagnostics.error_count();
    const std::string file(source);
    // `;` when the header line has no `,` (a spreadsheet in French settings)
    const std::string_view first_line = raw.substr(0, raw.find('\n'));
    const char separator = first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos ? ';' : ',';
    const core::CsvText csv = core::parse_csv(raw, separator);
    if (csv.unclosed_quote_line) {
        diagnostics.error({file, *csv.unclosed_quote_line, 0, {}}, std::string(core::message(Msg::DecisionsUnclosedQuote, lang)));
        return {};
    }
    if (csv.records.empty()) {
        diagnostics.error({file, 1, 0, {}}, core::tr(lang, Msg::DecisionsBadHeader, ""));
        return {};
    }
    const auto& header = csv.records.front();
    std::map<Col, std::size_t> at;
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        if (auto c = column_of(header.fields[i]); c && !at.contains(*c)) at[*c] = i;
    if (!at.contains(Col::About) || !at.contains(Col::First) || !at.contains(Col::Second) || !at.contains(Col::Verdict)) {
        std::string found;
        for (const auto& h : header.fields) found += (found.empty() ? "" : ",") + h;
        diagnostics.error({file, header.line, 0, {}}, core::tr(lang, Msg::DecisionsBadHeader, found));
        return {};
    }
    std::vector<model::IdentityDecision> out;
    const KnownNames known_names = KnownNames::of(project, aliases);
    for (std::size_t r = 1; r < csv.records.size(); ++r) {
        const auto& rec = csv.records[r];
        auto cell = [&](Col c) -> std::string {
            const auto it = at.find(c);
            if (it == at.end() || it->second >= rec.fields.size()) return {};
            return std::string(core::unneutralise_formula(core::trim(rec.fields[it->second])));
        };
        auto where = [&](Col c) {
            const auto it = at.find(c);
            const std::size_t i = it == at.end() ? 0 : it->second;
            return core::SourceLocation{file, rec.line, static_cast<int>(i) + 1,
                                        i < header.fields.size() ? header.fields[i] : std::string()};
        };
        bool blank = true;
        for (const auto& f : rec.fields) blank &= core::trim(f).empty();
        if (blank) continue;
        model::IdentityDecision d;
        const auto about = parse_about(cell(Col::About));
        if (!about) {
            diagnostics.error(where(Col::About), core::tr(lang, Msg::DecisionsBadKind, cell(Col::About)));
            continue;
        }
        d.people = *about;
        const auto verdict = parse_verdict(cell(Col::Verdict));
        if (!verdict) {
            diagnostics.error(where(Col::Verdict), core::tr(lang, Msg::DecisionsBadVerdict, cell(Col::Verdict)));
            continue;
        }
        d.verdict = *verdict;
        d.first = cell(Col::First);
        d.second = cell(Col::Second);
        const std::string year = cell(Col::Year);
        if (!year.empty()) {
            int y = 0;
            bool digits = year.size() == 4;
            for (char c : year) digits &= c >= '0' && c <= '9';
            if (digits) y = std::stoi(year);
            if (!digits || y < 1900 || y > 2100) {
                diagnostics.error(where(Col::Year), core::tr(lang, Msg::DecisionsBadYear, year));
                continue;
            }
            d.year = y;
        }
        const std::string problem = decision_problem(known_names, aliases, out, d, lang);
        if (!problem.empty()) {
            auto known = [&](const std::string& name) {
                return d.people ? known_names.person(name) : known_names.organisation(aliases, name);
            };
            const Col c = !known(d.first)                                            ? Col::First
                          : !known(d.second)                                         ? Col::Second
                          : d.verdict == model::Verdict::Renamed && d.year == 0 ? Col::Year
                                                                                     : Col::Second;
            diagnostics.error(where(c), problem);
            continue;
        }
        out.push_back(std::move(d));
    }
    if (diagnostics.error_count() > errors_before) return {};
    return out;
}

std::string write_decisions(const std::vector<model::IdentityDecision>& decisions, core::Lang lang) {
    const bool fr = lang == core::Lang::Fr;
    std::string out = fr ? core::csv_record({"objet", "premier", "second", "decision", "annee"})
                         : core::csv_record({"about", "first", "second", "verdict", "year"});
    for (const auto& d : decisions) {
        const char* about = d.people ? (fr ? "personne" : "person") : "organisation";
        const char* verdict = d.verdict == model::Verdict::Same        ? (fr ? "meme" : "same")
                              : d.verdict == model::Verdict::Different ? (fr ? "different" : "different")
                                                                       : (fr ? "renomme" : "renamed");
        out += core::csv_record({about, d.first, d.second, verdict, d.year ? std::to_string(d.year) : std::string()});
    }
    return out;
}

} // namespace maillage::ingest
