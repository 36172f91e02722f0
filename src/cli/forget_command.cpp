#include "forget_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include "ingest_command.hpp"
#include "maillage/app/ingest.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/output.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/project_builder.hpp"
#include "maillage/ingest/record.hpp"
#include "maillage/model/erase.hpp"
#include "maillage/store/store.hpp"

namespace maillage::cli {

using core::Msg;

void ForgetCommand::declare(Arguments& args, core::Lang lang) {
    args.positionals("store", std::string(core::message(Msg::ArgStore, lang)), &m_store_list, true);
    args.option("--person", std::string(core::message(Msg::OptForgetPerson, lang)), &m_person);
    args.option("--email", std::string(core::message(Msg::OptForgetEmail, lang)), &m_email);
    args.option("--quarantine", std::string(core::message(Msg::OptQuarantine, lang)), &m_quarantine);
    args.option("--key-file", std::string(core::message(Msg::OptKeyFile, lang)), &m_key_file);
}

void ForgetCommand::setup(const Context& context) {
    if (m_store_list.size() != 1) throw FatalError(std::string(core::message(Msg::UsageOneStore, context.lang)));
    m_store = m_store_list.front();
    if (m_person.empty() == m_email.empty())
        throw FatalError(std::string(core::message(Msg::UsageForgetWhom, context.lang)));
    if (m_quarantine.empty()) m_quarantine = default_quarantine_path(m_store);
}

namespace {

/// Whom to erase from the quarantine: the texts as written (names, e-mails, identifiers: found
/// anywhere in a row) and the person's keys (found by recognising the row's columns as ingest
/// would and hashing them: a row that names them by name only, or after `drop_identities`).
struct Whom {
    std::vector<std::string> values;
    std::set<std::string> key_hashes;
    std::set<std::string> key_texts; ///< unhashed keys (an e-mail given to forget)
    const ingest::Pseudonymiser* pseudonymiser = nullptr;
};

bool row_names(const std::vector<std::string>& fields, const Whom& whom) {
    for (const auto& f : fields) {
        const std::string folded = core::fold(f);
        for (const auto& v : whom.values)
            if (!v.empty() && (f.find(v) != std::string::npos || folded.find(core::fold(v)) != std::string::npos)) return true;
    }
    if (fields.size() < 5) return false;
    std::vector<std::string> headers, cells;
    split_quarantine_cells(fields[4], headers, cells);
    for (const auto& text : ingest::person_key_texts(headers, cells)) {
        if (whom.key_texts.count(text)) return true;
        if (whom.pseudonymiser && !whom.key_hashes.empty() && whom.key_hashes.count(whom.pseudonymiser->hash(text)))
            return true;
    }
    return false;
}

// Drops from the quarantine CSV every record that names the person (see Whom). Returns how
// many records went.
std::size_t scrub_quarantine(const std::string& path, const Whom& whom, core::Lang lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return 0;
    std::ostringstream s;
    s << in.rdbuf();
    const auto csv = core::parse_csv(s.str());
    std::string kept;
    std::size_t dropped = 0;
    for (std::size_t i = 0; i < csv.records.size(); ++i) {
        const auto& fields = csv.records[i].fields;
        const bool mentions = i > 0 && row_names(fields, whom);
        if (mentions) ++dropped;
        else kept += core::csv_record(fields);
    }
    if (dropped > 0) core::write_file_atomically(path, kept, lang);
    return dropped;
}

} // namespace

int ForgetCommand::run(const Context& context) {
    const core::Lang lang = context.lang;
    auto store = store::Store::open(m_store, false, lang);
    model::Project project = store.load();
    // the key hashes the e-mail given here and the quarantine's rows (kept outside: --key-file)
    const bool key_moved = app::attach_key(project, m_key_file, m_store, lang);
    const ingest::Pseudonymiser pseudonymiser(project.pseudonym_key);

    model::Id person = model::no_id;
    if (!m_person.empty()) {
        for (std::size_t i = 0; i < project.people.size() && person == model::no_id; ++i)
            if (project.people[i].pseudonym == m_person) person = static_cast<model::Id>(i);
    }
    // the keys ingest hashed (ingest/project_builder.cpp)
    const std::string wanted = !m_email.empty() ? pseudonymiser.hash("email:" + ingest::normalise_email(m_email))
                                                : pseudonymiser.hash("id:" + m_person);
    if (person == model::no_id) {
        for (const auto& k : project.person_keys)
            if (k.hash == wanted) person = k.person;
    }
    if (person == model::no_id) {
        // Not in the store, but maybe in rows set aside at ingest: erase it there.
        const std::string whom(core::trim(m_email.empty() ? m_person : m_email));
        Whom only;
        only.values.push_back(whom);
        if (!m_email.empty()) only.key_texts.insert("email:" + ingest::normalise_email(m_email));
        else only.key_texts.insert("id:" + whom);
        if (const std::size_t scrubbed = scrub_quarantine(m_quarantine, only, lang); scrubbed > 0) {
            context.out << core::tr(lang, Msg::ForgetQuarantineOnly, whom, scrubbed) << '\n';
            return 0;
        }
        context.err << core::render_error(store::redact(m_store),
                                          core::tr(lang, Msg::ForgetNotFound, m_email.empty() ? m_person : m_email), lang)
                    << '\n';
        return 1;
    }
    const std::string pseudonym = project.people[static_cast<std::size_t>(person)].pseudonym;
    Whom whom;
    auto& values = whom.values;
    for (const auto& i : project.identities)
        if (i.person == person) values.push_back(i.value);
    if (!m_email.empty()) values.push_back(std::string(core::trim(m_email)));
    for (const auto& k : project.person_keys)
        if (k.person == person) whom.key_hashes.insert(k.hash);
    if (!m_email.empty()) whom.key_texts.insert("email:" + ingest::normalise_email(m_email));
    whom.pseudonymiser = &pseudonymiser;

    const std::size_t keys = static_cast<std::size_t>(std::count_if(
        project.person_keys.begin(), project.person_keys.end(), [&](const auto& k) { return k.person == person; }));
    const std::size_t attendances = model::erase_person(project, person);
    store.save(project);
    store.vacuum();
    if (key_moved) context.out << core::tr(lang, Msg::KeyFileMoved, m_key_file) << '\n';
    const std::size_t scrubbed = scrub_quarantine(m_quarantine, whom, lang);
    context.out << core::tr(lang, Msg::ForgetDone, pseudonym, attendances, keys, values.size(), scrubbed) << '\n';
    return 0;
}

} // namespace maillage::cli
