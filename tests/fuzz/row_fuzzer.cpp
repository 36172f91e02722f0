// libFuzzer target on what reads the coordinators' free text: the row parser (dates, roles,
// session kinds, editions, names), the text folder, organisation-name normalisation and
// similarity, the type taxonomy, and the CSV helpers. Built with Debian's clang
// (-fsanitize=fuzzer,address,undefined); see tests/CMakeLists.txt.
//
// Input layout: cells separated by 0x1F (unit separator), mapped in order onto the headers below.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/record.hpp"
#include "maillage/ingest/table.hpp"
#include "maillage/model/organisation_names.hpp"
#include "maillage/model/taxonomy.hpp"

using namespace maillage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    static const std::vector<std::string> headers = {"Territoire", "Édition", "Date",  "Séance",
                                                     "Type de séance", "Nom", "Prénom", "Courriel",
                                                     "Structure", "Type de structure", "Code INSEE", "Rôle",
                                                     "Identifiant", "SIRET", "Méthode"};
    static const ingest::ColumnMap columns = ingest::recognise_columns(headers, {}, "fuzz.csv", core::Lang::Fr);
    static const model::AliasTable aliases = model::AliasTable::defaults();
    static const model::Taxonomy taxonomy = model::Taxonomy::defaults();

    ingest::TableInfo table;
    table.file = table.source = "fuzz.csv";
    table.headers = headers;
    ingest::Row row;
    row.line = 2;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= input.size(); ++i) {
        if (i == input.size() || input[i] == '\x1f') {
            row.cells.emplace_back(input.substr(start, i - start));
            start = i + 1;
        }
    }
    row.cells.resize(headers.size());

    core::Diagnostics diagnostics;
    for (auto lang : {core::Lang::Fr, core::Lang::En}) {
        auto record = ingest::parse_record(row, table, columns, lang, diagnostics);
        for (const auto& d : diagnostics.items()) (void)core::render(d, lang);
        if (record) (void)aliases.resolve(record->organisation, record->edition.empty() ? 0 : std::stoi(record->edition));
    }
    (void)core::fold(input);
    (void)core::trim(input);
    (void)core::display_width(input);
    (void)core::is_utf8(input);
    (void)ingest::parse_date(input);
    (void)ingest::parse_edition_year(input);
    (void)ingest::guess_separator(input);
    (void)ingest::recognise_header(input);
    (void)model::normalise_org_name(input);
    (void)taxonomy.classify(input);
    (void)core::csv_record(row.cells, ';');
    (void)core::parse_csv(input);
    if (row.cells.size() >= 2) (void)model::name_similarity(row.cells[0], row.cells[1]);
    return 0;
}
