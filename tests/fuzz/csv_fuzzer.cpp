// libFuzzer target on the strict CSV reader: the bytes are a whole .csv file, read as
// `maillage ingest` reads one (ingest::read_csv_bytes: encoding on evidence, RFC 4180 quoting,
// the table's shape), then its columns recognised and every row parsed, in French and in
// English, every diagnostic rendered. A FatalError (a located refusal) is the expected outcome
// of bad bytes; a crash, a sanitizer report, a hang or any other exception is a bug.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/record.hpp"
#include "maillage/ingest/table.hpp"

using namespace maillage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    for (auto lang : {core::Lang::Fr, core::Lang::En}) {
        core::Diagnostics diagnostics;
        ingest::TableInfo table;
        std::optional<ingest::ColumnMap> columns;
        try {
            ingest::read_csv_bytes(
                bytes, "fuzz.csv", {}, lang,
                [&](const ingest::TableInfo& info) {
                    table = info;
                    try {
                        columns = ingest::recognise_columns(info.headers, {}, info.source, lang);
                    } catch (const FatalError& e) {
                        (void)e.what(); // no person or session column: the rows are not parsed
                    }
                },
                [&](const ingest::Row& row) {
                    if (columns) (void)ingest::parse_record(row, table, *columns, lang, diagnostics);
                });
        } catch (const Error& e) {
            (void)e.what();
        }
        for (const auto& d : diagnostics.items()) {
            (void)core::render(d, core::Lang::Fr);
            (void)core::render(d, core::Lang::En);
        }
    }
    return 0;
}
