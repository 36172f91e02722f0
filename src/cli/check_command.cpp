#include "check_command.hpp"

#include "input.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <set>
#include <map>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "maillage/core/error.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/check.hpp"
#include "maillage/ingest/manifest.hpp"
#include "maillage/store/store.hpp"

namespace maillage::cli {

using core::Msg;

void CheckCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgCheckInputs), &m_inputs, true);
    args.option("--aliases", text(Msg::OptAliases), &m_aliases);
    args.option("--types", text(Msg::OptTypes), &m_types);
    args.option("--threshold", text(Msg::OptThreshold), &m_threshold_text);
    args.option("--format", text(Msg::OptFormat), &m_format, {"table", "csv", "json"});
    m_sheet_options.declare(args, lang);
}

void CheckCommand::setup(const Context& context) {
    m_sheet_options.resolve(context.lang, m_options.load.mapping, m_options.load.read);
    std::string t(core::trim(m_threshold_text));
    for (char& c : t)
        if (c == ',') c = '.'; // "0,7" as a French user types it
    double value = -1;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !(value >= 0.0 && value <= 1.0))
        throw FatalError(core::tr(context.lang, Msg::UsageBadThreshold, m_threshold_text));
    m_threshold = value;
}

namespace {

// An identity question as the coordinator reads it: the two names (people: pseudonyms, with
// their names and e-mails), how alike, why asked, and where each was seen.
struct Question {
    bool people = false;
    std::string first, second;
    std::string first_detail, second_detail; ///< people: names and e-mails; organisations: where seen
    double score = 0;
    std::string evidence;                    ///< in words
};

struct Found {
    std::vector<Question> questions;
    std::vector<ingest::SimilarOrganisations> organisations;
    std::vector<ingest::SimilarPeople> people;
    std::vector<ingest::JoinedByName> joined;
    std::int64_t rejected = 0;
    std::size_t warnings = 0;
    double threshold = 0.7;
};

std::string seen_text(const std::vector<ingest::Sighting>& seen, core::Lang lang) {
    std::string out;
    for (const auto& s : seen) {
        if (!out.empty()) out += lang == core::Lang::Fr ? " ; " : "; ";
        out += core::tr(lang, Msg::CheckSeenTerritory, s.territory, ingest::format_years(s.years),
                        core::format_count(s.rows, lang));
    }
    return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : std::string(separator)) + i;
    return out;
}

// The evidence keys of ingest/identity.hpp in words.
std::string evidence_text(const std::string& keys, bool people, core::Lang lang) {
    static const std::vector<std::pair<std::string_view, Msg>> words = {
        {"type", Msg::EvidenceType},       {"commune", Msg::EvidenceCommune},
        {"departement", Msg::EvidenceDepartement}, {"name", Msg::EvidenceName},
        {"words", Msg::EvidenceWords},     {"acronym", Msg::EvidenceAcronym},
        {"one_sided", Msg::EvidenceOneSided}, {"commune_in_name", Msg::EvidenceCommuneInName}};
    if (people) return std::string(core::message(keys.find("email_local") != std::string::npos ? Msg::EvidenceEmailLocal
                                                                                             : Msg::EvidencePersonName, lang));
    std::vector<std::string> said;
    std::size_t start = 0;
    while (start <= keys.size()) {
        std::size_t end = keys.find(',', start);
        if (end == std::string::npos) end = keys.size();
        const std::string_view key = std::string_view(keys).substr(start, end - start);
        for (const auto& [k, msg] : words)
            if (k == key) said.emplace_back(core::message(msg, lang));
        start = end + 1;
    }
    if (said.empty()) said.emplace_back(core::message(Msg::EvidenceNone, lang));
    return joined(said, ", ");
}

std::vector<Question> questions_of(const model::Project& project, core::Lang lang) {
    // where each spelling was seen, and each person's names and e-mails
    std::map<std::string, std::map<model::Id, std::pair<std::set<int>, std::int64_t>>> seen;
    for (const auto& sp : project.spellings) {
        auto& slot = seen[sp.text][sp.territory];
        for (int y : {sp.first_year, sp.last_year}) slot.first.insert(y);
        slot.second += sp.rows;
    }
    auto where = [&](const std::string& text) {
        std::string out;
        const auto it = seen.find(text);
        if (it == seen.end()) return out;
        for (const auto& [t, what] : it->second) {
            if (!out.empty()) out += lang == core::Lang::Fr ? " ; " : "; ";
            const std::string territory = t == model::no_id ? std::string() : project.territories[static_cast<std::size_t>(t)].name;
            out += core::tr(lang, Msg::CheckSeenTerritory, territory,
                            ingest::format_years(std::vector<int>(what.first.begin(), what.first.end())),
                            core::format_count(what.second, lang));
        }
        return out;
    };
    std::map<std::string, model::Id> by_pseudonym;
    for (std::size_t i = 0; i < project.people.size(); ++i) by_pseudonym[project.people[i].pseudonym] = static_cast<model::Id>(i);
    std::map<model::Id, std::vector<std::string>> known_as; // the people asked about: names and e-mails
    for (const auto& q : project.questions)
        if (q.people)
            for (const auto* p : {&q.first, &q.second})
                if (auto it = by_pseudonym.find(*p); it != by_pseudonym.end()) known_as[it->second];
    for (const auto& i : project.identities) {
        auto it = known_as.find(i.person);
        if (it != known_as.end() && (i.kind == "name" || i.kind == "email") &&
            std::find(it->second.begin(), it->second.end(), i.value) == it->second.end())
            it->second.push_back(i.value);
    }
    auto who = [&](const std::string& pseudonym) {
        const auto it = by_pseudonym.find(pseudonym);
        if (it == by_pseudonym.end()) return std::string();
        return joined(known_as[it->second], ", ");
    };
    std::vector<Question> out;
    for (const auto& q : project.questions) {
        Question x{q.people, q.first, q.second, {}, {}, q.score, evidence_text(q.evidence, q.people, lang)};
        x.first_detail = q.people ? who(q.first) : where(q.first);
        x.second_detail = q.people ? who(q.second) : where(q.second);
        out.push_back(std::move(x));
    }
    return out;
}

std::string render_table(const Found& f, core::Lang lang) {
    std::string threshold = fmt::format("{}", f.threshold); // as given: 0.7, 0.995
    if (lang == core::Lang::Fr) std::replace(threshold.begin(), threshold.end(), '.', ',');
    std::string out = core::tr(lang, Msg::CheckQuestionsHeading, core::format_count(std::ssize(f.questions), lang)) + "\n";
    for (const auto& q : f.questions) {
        const std::string score = core::format_decimal(q.score, 2, lang);
        out += "\n" + core::tr(lang, q.people ? Msg::CheckQuestionPerson : Msg::CheckQuestionOrg, q.first, q.second, score,
                               q.evidence) + "\n";
        if (!q.first_detail.empty()) out += core::tr(lang, Msg::CheckSeen, q.first, q.first_detail) + "\n";
        if (!q.second_detail.empty()) out += core::tr(lang, Msg::CheckSeen, q.second, q.second_detail) + "\n";
        out += core::tr(lang, q.people ? Msg::CheckQuestionPersonHint : Msg::CheckQuestionHint, q.first, q.second) + "\n";
    }
    out += "\n" + core::tr(lang, Msg::CheckOrgHeading, threshold, core::format_count(std::ssize(f.organisations), lang)) + "\n";
    for (const auto& p : f.organisations) {
        out += "\n" + core::tr(lang, Msg::CheckPair, p.other_name, p.kept_name, core::format_decimal(p.score, 2, lang));
        if (p.rename) out += core::tr(lang, Msg::CheckRenamed, p.rename->old_name, p.rename->new_name, p.rename->since);
        out += "\n";
        if (!p.shared_spelling.empty()) out += core::tr(lang, Msg::CheckSharedSpelling, p.shared_spelling) + "\n";
        out += core::tr(lang, Msg::CheckSeen, p.other_name, seen_text(p.other_seen, lang)) + "\n";
        out += core::tr(lang, Msg::CheckSeen, p.kept_name, seen_text(p.kept_seen, lang)) + "\n";
        out += core::tr(lang, Msg::CheckAliasHint, p.alias_line) + "\n";
    }
    out += "\n" + core::tr(lang, Msg::CheckPeopleHeading, core::format_count(std::ssize(f.people), lang)) + "\n";
    const std::string no_email(core::message(Msg::CheckNoEmail, lang));
    for (const auto& p : f.people) {
        out += "\n" + core::tr(lang, Msg::CheckPair, p.second_name, p.first_name, core::format_decimal(p.score, 2, lang)) + "\n";
        for (const auto& [name, emails, seen] : {std::tie(p.second_name, p.second_emails, p.second_seen),
                                                 std::tie(p.first_name, p.first_emails, p.first_seen)})
            out += core::tr(lang, Msg::CheckPersonSeen, name, emails.empty() ? no_email : joined(emails, ", "),
                            seen_text(seen, lang)) +
                   "\n";
        out += std::string(core::message(Msg::CheckPersonHint, lang)) + "\n";
    }
    out += "\n" + core::tr(lang, Msg::CheckJoinedHeading, core::format_count(std::ssize(f.joined), lang)) + "\n";
    for (const auto& p : f.joined) {
        out += "\n" + core::tr(lang, Msg::CheckJoined, joined(p.names, " / "), seen_text(p.seen, lang)) + "\n";
        out += "    " + joined(p.emails, ", ") + "\n";
        out += std::string(core::message(Msg::CheckJoinedHint, lang)) + "\n";
        if (p.records.size() >= 2)
            out += core::tr(lang, Msg::CheckQuestionPersonHint, p.records[0], p.records[1]) + "\n";
    }
    out += "\n" + core::tr(lang, Msg::CheckTotal, core::format_count(f.rejected, lang),
                           core::format_count(static_cast<std::int64_t>(f.warnings), lang),
                           core::format_count(std::ssize(f.organisations), lang),
                           core::format_count(std::ssize(f.people), lang),
                           core::format_count(std::ssize(f.joined), lang)) +
           "\n";
    return out;
}

std::string render_csv(const Found& f) {
    auto seen = [](const std::vector<ingest::Sighting>& s) { return seen_text(s, core::Lang::En); };
    std::string out = core::csv_record(
        {"kind", "score", "name", "similar_to", "name_seen", "similar_seen", "name_emails", "similar_emails",
         "alias_line", "note"});
    for (const auto& q : f.questions)
        out += core::csv_record({q.people ? "question_person" : "question_organisation",
                                 core::format_decimal(q.score, 2, core::Lang::En), q.first, q.second, q.first_detail,
                                 q.second_detail, "", "", "", q.evidence});
    for (const auto& p : f.organisations) {
        std::string note = p.rename ? p.rename->old_name + " -> " + p.rename->new_name + " (" +
                                          std::to_string(p.rename->since) + ")"
                                    : std::string();
        if (!p.shared_spelling.empty()) note += (note.empty() ? "" : "; ") + ("both written '" + p.shared_spelling + "'");
        out += core::csv_record({"organisation", core::format_decimal(p.score, 2, core::Lang::En), p.other_name, p.kept_name,
                                 seen(p.other_seen), seen(p.kept_seen), "", "", p.alias_line, note});
    }
    for (const auto& p : f.people)
        out += core::csv_record({"person", core::format_decimal(p.score, 2, core::Lang::En), p.second_name, p.first_name,
                                 seen(p.second_seen), seen(p.first_seen), joined(p.second_emails, " "),
                                 joined(p.first_emails, " "), "", ""});
    for (const auto& p : f.joined)
        out += core::csv_record({"joined_by_name", "", joined(p.names, " / "), "", seen(p.seen), "",
                                 joined(p.emails, " "), "", "", ""});
    return out;
}

std::string render_json(const Found& f) {
    using json = nlohmann::ordered_json;
    auto seen = [](const std::vector<ingest::Sighting>& s) {
        json a = json::array();
        for (const auto& x : s) a.push_back({{"territory", x.territory}, {"years", x.years}, {"rows", x.rows}});
        return a;
    };
    auto score = [](double x) { return std::round(x * 1e4) / 1e4; };
    json doc;
    doc["threshold"] = f.threshold;
    doc["rejected_rows"] = f.rejected;
    doc["warnings"] = f.warnings;
    doc["questions"] = json::array();
    for (const auto& q : f.questions)
        doc["questions"].push_back({{"about", q.people ? "people" : "organisations"}, {"first", q.first},
                                    {"second", q.second}, {"score", score(q.score)}, {"evidence", q.evidence},
                                    {"first_seen", q.first_detail}, {"second_seen", q.second_detail}});
    doc["organisations"] = json::array();
    for (const auto& p : f.organisations) {
        json j;
        j["score"] = score(p.score);
        j["name"] = {{"name", p.other_name}, {"seen", seen(p.other_seen)}};
        j["similar_to"] = {{"name", p.kept_name}, {"seen", seen(p.kept_seen)}};
        j["shared_spelling"] = p.shared_spelling.empty() ? json() : json(p.shared_spelling);
        j["rename"] = p.rename ? json{{"old", p.rename->old_name}, {"new", p.rename->new_name}, {"since", p.rename->since}}
                               : json();
        j["alias_line"] = p.alias_line;
        doc["organisations"].push_back(std::move(j));
    }
    doc["people"] = json::array();
    for (const auto& p : f.people) {
        json j;
        j["score"] = score(p.score);
        j["edits"] = p.edits;
        j["name"] = {{"name", p.second_name}, {"emails", p.second_emails}, {"seen", seen(p.second_seen)}};
        j["similar_to"] = {{"name", p.first_name}, {"emails", p.first_emails}, {"seen", seen(p.first_seen)}};
        doc["people"].push_back(std::move(j));
    }
    doc["joined_by_name"] = json::array();
    for (const auto& p : f.joined)
        doc["joined_by_name"].push_back(
            {{"names", p.names}, {"emails", p.emails}, {"seen", seen(p.seen)}, {"records", p.records}});
    return doc.dump(2) + "\n";
}

} // namespace

int CheckCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    // A project folder (with a maillage.toml) is checked as ingest would take it: its sheet
    // groups, its aliases and types (options given here come on top).
    std::optional<ingest::Manifest> manifest;
    if (m_inputs.size() == 1 && ingest::has_manifest(m_inputs.front()))
        manifest = ingest::read_manifest(m_inputs.front(), lang);
    if (manifest && m_aliases.empty()) m_aliases = manifest->aliases;
    if (manifest && m_types.empty()) m_types = manifest->types;
    const model::AliasTable aliases = ingest::load_aliases(m_aliases, lang);
    model::Project project;
    std::vector<ingest::ProjectBuilder::Spelling> spellings;
    core::Diagnostics diagnostics;
    Found found;
    found.threshold = m_threshold;
    std::string store_state;
    if (is_store(m_inputs)) {
        // The store checks itself: the file (SQLite's integrity check), then every id and
        // reference as it is read (load() refuses a store that does not hold together).
        const auto store = store::Store::open_read_only(m_inputs.front(), lang);
        const auto faults = store.integrity_faults();
        if (!faults.empty()) {
            std::string list;
            for (std::size_t i = 0; i < faults.size() && i < 3; ++i) list += (i ? " ; " : "") + faults[i];
            if (faults.size() > 3) list += fmt::format(" ; … (+{})", faults.size() - 3);
            throw FatalError(core::render_error(store::redact(m_inputs.front()), core::tr(lang, Msg::StoreCorrupt, list), lang));
        }
        project = store.load();
        if (!store::is_postgres(m_inputs.front()))
            store_state += core::tr(lang, Msg::CheckStoreIntegrity, core::message(Msg::CheckStoreIntegrityOk, lang)) + '\n';
        store_state += std::string(core::message(Msg::CheckStoreReferences, lang)) + "\n\n";
    } else {
        const auto reference = ingest::IdentityReference::load(m_aliases, m_types, lang);
        const auto* taxonomy = &reference->taxonomy;
        m_options.classify_type = [taxonomy](std::string_view text) { return taxonomy->classify(text).value_or(""); };
        m_options.communes = &reference->communes;
        const auto identity = reference->context();
        m_options.identity = &identity;
        // Everything ingest would take from every file, bad rows aside: the near-duplicates are
        // looked for among all the good rows, even those of a file ingest would refuse.
        m_options.accept_partial = true;
        project.pseudonym_key = "maillage-check"; // nothing is stored: any key will do
        auto take = [&](const std::vector<std::string>& files, const ingest::IngestOptions& options) {
            auto report = ingest::ingest_sheets(project, files, options, lang, diagnostics);
            for (const auto& file : report.files) found.rejected += file.rejected;
            for (auto& s : report.spellings) spellings.push_back(std::move(s));
        };
        if (manifest) {
            for (const auto& group : manifest->sheets) {
                ingest::IngestOptions options = m_options;
                options.load = group.load;
                take(ingest::expand_sheets(*manifest, group, lang), options);
            }
        } else {
            take(m_inputs, m_options);
        }
    }
    ingest::CheckOptions options;
    options.threshold = m_threshold;
    found.organisations = ingest::find_similar_organisations(project, spellings, aliases, options);
    found.people = ingest::find_similar_people(project);
    found.joined = ingest::find_joined_by_name(project);
    found.warnings = diagnostics.warning_count();
    found.questions = questions_of(project, lang);

    if (m_format != "csv" && m_format != "json") context.out << store_state;
    context.out << (m_format == "csv"    ? render_csv(found)
                    : m_format == "json" ? render_json(found)
                                         : render_table(found, lang));
    for (const auto& d : diagnostics.items()) context.err << core::render_folded(d, lang) << '\n';
    const bool nothing = diagnostics.items().empty() && found.organisations.empty() && found.people.empty() &&
                         found.joined.empty() && found.questions.empty();
    return nothing ? 0 : 1;
}

} // namespace maillage::cli
