#include "resolve_command.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/core/text.hpp"
#include "maillage/geo/france.hpp"
#include "maillage/geo/places.hpp"
#include "maillage/ingest/decisions.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/store/store.hpp"

namespace maillage::cli {

using core::Msg;

void ResolveCommand::declare(Arguments& args, core::Lang lang) {
    auto text = [lang](Msg key) { return std::string(core::message(key, lang)); };
    args.positionals("inputs", text(Msg::ArgResolveNames), &m_inputs, true);
    args.flag("--same", text(Msg::OptResolveSame), &m_same);
    args.flag("--different", text(Msg::OptResolveDifferent), &m_different);
    args.option("--renamed", text(Msg::OptResolveRenamed), &m_renamed);
    args.flag("--undo", text(Msg::OptResolveUndo), &m_undo);
    args.flag("--people", text(Msg::OptResolvePeople), &m_people);
    args.option("--export", text(Msg::OptResolveExport), &m_export);
    args.option("--import", text(Msg::OptResolveImport), &m_import);
}

void ResolveCommand::setup(const Context& context) {
    const int said = int(m_same) + int(m_different) + int(!m_renamed.empty()) + int(m_undo) + int(!m_export.empty()) +
                     int(!m_import.empty());
    if (said != 1) throw FatalError(std::string(core::message(Msg::UsageResolveWhat, context.lang)));
    if (m_inputs.empty()) throw FatalError(std::string(core::message(Msg::UsageOneStore, context.lang)));
    m_store = m_inputs.front();
    const bool file = !m_export.empty() || !m_import.empty();
    if (file ? m_inputs.size() != 1 : m_inputs.size() != 3)
        throw FatalError(core::tr(context.lang, Msg::UsageResolveTwoNames, m_inputs.size() - 1));
    if (!m_renamed.empty()) {
        const auto year = parse_year(m_renamed);
        if (!year || *year < 1900 || *year > 2100) throw FatalError(core::tr(context.lang, Msg::DecisionsBadYear, m_renamed));
        m_year = *year;
    }
}

namespace {

std::string verdict_text(const model::IdentityDecision& d, core::Lang lang) {
    switch (d.verdict) {
    case model::Verdict::Same: return std::string(core::message(d.people ? Msg::VerdictSamePerson : Msg::VerdictSame, lang));
    case model::Verdict::Different: return std::string(core::message(Msg::VerdictDifferent, lang));
    case model::Verdict::Renamed: return core::tr(lang, Msg::VerdictRenamed, d.year);
    }
    return {};
}

bool same_pair(const model::IdentityDecision& a, const model::IdentityDecision& b, const model::AliasTable& aliases) {
    if (a.people != b.people) return false;
    auto key = [&](const std::string& name, bool people) {
        return people ? std::string(core::trim(name)) : ingest::org_key(aliases, name);
    };
    const std::string a1 = key(a.first, a.people), a2 = key(a.second, a.people);
    const std::string b1 = key(b.first, b.people), b2 = key(b.second, b.people);
    return (a1 == b1 && a2 == b2) || (a1 == b2 && a2 == b1);
}

} // namespace

int ResolveCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    auto store = store::Store::open(m_store, false, lang);
    model::Project project = store.load();
    const auto reference = ingest::IdentityReference::load("", "", lang);
    const auto identity = reference->context();

    if (!m_export.empty()) {
        core::write_file_atomically(m_export, ingest::write_decisions(project.decisions, lang), lang);
        context.out << core::tr(lang, Msg::ResolveExported, project.decisions.size(), m_export) << '\n';
        return 0;
    }
    std::size_t imported = 0;
    std::string first, second, what;
    if (!m_import.empty()) {
        std::ifstream in(m_import, std::ios::binary);
        if (!in) throw FatalError(core::render_error(m_import, std::string(core::message(Msg::FileNotFound, lang)), lang));
        std::ostringstream text;
        text << in.rdbuf();
        core::Diagnostics diagnostics;
        auto decisions = ingest::read_decisions(text.str(), m_import, project, reference->aliases, lang, diagnostics);
        if (diagnostics.has_errors()) {
            for (const auto& d : diagnostics.items()) context.err << core::render_folded(d, lang) << '\n';
            throw FatalError(core::tr(lang, Msg::DecisionsRefused, m_import, diagnostics.error_count()));
        }
        imported = decisions.size();
        project.decisions = std::move(decisions);
    } else {
        model::IdentityDecision d;
        d.people = m_people;
        d.first = std::string(core::trim(m_inputs[1]));
        d.second = std::string(core::trim(m_inputs[2]));
        d.verdict = m_different ? model::Verdict::Different : !m_renamed.empty() ? model::Verdict::Renamed : model::Verdict::Same;
        d.year = m_year;
        first = d.first;
        second = d.second;
        const auto existing = std::find_if(project.decisions.begin(), project.decisions.end(),
                                           [&](const auto& e) { return same_pair(e, d, reference->aliases); });
        if (m_undo) {
            if (existing == project.decisions.end())
                throw FatalError(core::render_error(store::redact(m_store), core::tr(lang, Msg::ResolveNoDecision, first, second), lang));
            project.decisions.erase(existing);
        } else {
            if (existing != project.decisions.end() && existing->verdict == d.verdict && existing->year == d.year) {
                context.out << core::tr(lang, Msg::ResolveAlready, first, second, verdict_text(d, lang)) << '\n';
                return 0;
            }
            // an answer replaces the one it corrects
            if (existing != project.decisions.end()) project.decisions.erase(existing);
            const std::string problem = ingest::decision_problem(ingest::KnownNames::of(project, reference->aliases),
                                                                 reference->aliases, project.decisions, d, lang);
            if (!problem.empty()) throw FatalError(core::render_error(store::redact(m_store), problem, lang));
            what = verdict_text(d, lang);
            project.decisions.push_back(std::move(d));
        }
    }

    std::vector<model::Id> who_before;
    for (const auto& a : project.attendances) who_before.push_back(a.person);
    ingest::resolve_identities(project, identity);
    std::vector<model::Id> who_after;
    for (const auto& a : project.attendances) who_after.push_back(a.person);
    // organisations a decision split off are placed at their commune
    const auto places = geo::CommunePlaces::load(ingest::reference_data_folder(), lang);
    for (auto& o : project.organisations)
        if (!o.place && !o.commune.empty()) o.place = places.point(o.commune);
    // people joined or split (a decision about organisations may split the people they joined)
    const bool people_changed = m_people || !m_import.empty() || who_before != who_after;
    if (people_changed) store.save(project);
    else store.save_identities(project);

    const std::string organisations = core::format_count(std::ssize(project.organisations), lang),
                      people = core::format_count(std::ssize(project.people), lang),
                      questions = core::format_count(std::ssize(project.questions), lang);
    if (!m_import.empty())
        context.out << core::tr(lang, Msg::ResolveImported, imported, m_import, organisations, people, questions) << '\n';
    else if (m_undo)
        context.out << core::tr(lang, Msg::ResolveUndone, first, second, organisations, people, questions) << '\n';
    else
        context.out << core::tr(lang, Msg::ResolveDone, first, second, what, organisations, people, questions) << '\n';
    return 0;
}

} // namespace maillage::cli
