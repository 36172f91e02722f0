// libFuzzer target on the decisions file: the bytes are a decisions.csv read by
// ingest::read_decisions against a small project (the organisations and people of the
// example in decisions.hpp), in French and in English, every diagnostic rendered in both.
// Decisions read back must survive write_decisions and a second read unchanged (abort
// otherwise). Located diagnostics are the expected outcome of a bad file; a crash, a sanitizer
// report, a hang or any exception is a bug (read_decisions reports, it does not throw).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "maillage/core/diagnostic.hpp"
#include "maillage/ingest/decisions.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/project.hpp"

using namespace maillage;

namespace {

model::Project small_project() {
    model::Project p;
    for (const char* name : {"ML Pau", "Mission Locale Jeunes de Pau", "DIRECCTE UD 64", "DDETS 64", "CIO Pau",
                             "CIO Bayonne", "Pôle emploi Pau", "France Travail Pau", "=SOMME(A1)"}) {
        model::OrgSpelling s;
        s.text = name;
        p.spellings.push_back(s);
    }
    model::RegistryEntry e;
    e.name = "Association \"Le Relais\", Pau";
    p.registry.push_back(e);
    for (const char* pseudonym : {"P-1a2b3c4d5e6f", "P-6f5e4d3c2b1a", "P-000000000000"})
        p.people.push_back({pseudonym});
    p.records = p.people;
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const model::Project project = small_project();
    static const model::AliasTable aliases = model::AliasTable::defaults();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (auto lang : {core::Lang::Fr, core::Lang::En}) {
        core::Diagnostics diagnostics;
        const auto decisions = ingest::read_decisions(text, "decisions.csv", project, aliases, lang, diagnostics);
        for (const auto& d : diagnostics.items()) {
            (void)core::render(d, core::Lang::Fr);
            (void)core::render(d, core::Lang::En);
        }
        if (decisions.empty()) continue;
        core::Diagnostics again;
        const auto reread = ingest::read_decisions(ingest::write_decisions(decisions, lang), "decisions.csv", project,
                                                   aliases, lang, again);
        if (reread != decisions || again.has_errors()) std::abort();
    }
    return 0;
}
