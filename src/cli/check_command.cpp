#include "check_command.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
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

struct Found {
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

std::string render_table(const Found& f, core::Lang lang) {
    std::string threshold = fmt::format("{}", f.threshold); // as given: 0.7, 0.995
    if (lang == core::Lang::Fr) std::replace(threshold.begin(), threshold.end(), '.', ',');
    std::string out = core::tr(lang, Msg::CheckOrgHeading, threshold,
                               core::format_count(std::ssize(f.organisations), lang)) +
                      "\n";
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
        doc["joined_by_name"].push_back({{"names", p.names}, {"emails", p.emails}, {"seen", seen(p.seen)}});
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
    if (is_store(m_inputs)) {
        project = store::Store::open(m_inputs.front(), false, lang).load();
    } else {
        auto shared_aliases = std::make_shared<model::AliasTable>(aliases);
        auto taxonomy = std::make_shared<model::Taxonomy>(ingest::load_taxonomy(m_types, lang));
        m_options.resolve_name = [shared_aliases](std::string_view name, int year) {
            return shared_aliases->resolve(name, year);
        };
        m_options.classify_type = [taxonomy](std::string_view text) { return taxonomy->classify(text).value_or(""); };
        const auto communes = ingest::CommuneIndex::load(ingest::reference_data_folder(), lang);
        m_options.communes = &communes;
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

    context.out << (m_format == "csv"    ? render_csv(found)
                    : m_format == "json" ? render_json(found)
                                         : render_table(found, lang));
    for (const auto& d : diagnostics.items()) context.err << core::render(d, lang) << '\n';
    const bool nothing = diagnostics.items().empty() && found.organisations.empty() && found.people.empty() &&
                         found.joined.empty();
    return nothing ? 0 : 1;
}

} // namespace maillage::cli
