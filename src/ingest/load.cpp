#include "maillage/ingest/load.hpp"

#include <fstream>
#include <memory>

#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/record.hpp"
#include "maillage/ingest/sha256.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::ingest {

std::string file_sha256(const std::string& path, core::Lang lang) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FatalError(core::render_error(path, std::string(core::message(core::Msg::FileNotFound, lang)), lang));
    Sha256 sha;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) sha.add({buffer, static_cast<std::size_t>(in.gcount())});
    return sha.hex();
}

void load_sheets(const std::vector<std::string>& paths, const LoadOptions& options, core::Lang lang,
                 ProjectBuilder& builder, core::Diagnostics& diagnostics) {
    for (const auto& path : expand_inputs(paths)) {
        const std::string sha = file_sha256(path, lang);
        builder.begin_file(path, sha);
        builder.set_defaults(options.territory, options.year);
        const TableInfo* table = nullptr;
        ColumnMap columns;
        read_tables(
            path, options.read, lang,
            [&](const TableInfo& info) {
                table = &info;
                columns = recognise_columns(info.headers, options.mapping, info.source, lang);
            },
            [&](const Row& row) {
                if (row.repeated_header) {
                    diagnostics.warning({table->source, row.line, 0, {}},
                                        std::string(core::message(core::Msg::WarnRepeatedHeader, lang)));
                    return;
                }
                auto record = parse_record(row, *table, columns, lang, diagnostics);
                check_territory(record, options.territory, row, *table, columns, lang, diagnostics);
                if (record) builder.add(*record);
                else builder.count_rejected(1);
            });
    }
}

model::Project load_project(const std::vector<std::string>& paths, const LoadOptions& options, core::Lang lang,
                            core::Diagnostics& diagnostics) {
    model::Project project;
    project.pseudonym_key = "maillage-in-memory"; // reproducible pseudonyms for tests and benchmarks
    // the shipped renames, types and places, as `maillage ingest` uses them without user files
    const auto reference = IdentityReference::load("", "", lang);
    const auto* taxonomy = &reference->taxonomy;
    ProjectBuilder builder(project, [taxonomy](std::string_view text) { return taxonomy->classify(text).value_or(""); });
    load_sheets(paths, options, lang, builder, diagnostics);
    // who is who, as `maillage ingest` decides it
    // commune cells read as ingest reads them: former communes to their successor, a postcode
    // serving one commune to it (ingest also warns about them)
    for (auto& s : project.spellings) {
        if (s.commune.empty()) continue;
        const auto c = reference->communes.resolve(s.commune);
        if (c.status != CommuneResolution::Status::Unknown) s.commune = c.code;
        else if (const auto& served = reference->communes.codes_of_postcode(s.commune); served.size() == 1) s.commune = served.front();
    }
    resolve_organisations(project, reference->context());
    resolve_people(project);
    return project;
}

} // namespace maillage::ingest
