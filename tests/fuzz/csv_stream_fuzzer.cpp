// libFuzzer target comparing the two ways maillage reads a .csv file: whole, from memory
// (ingest::read_csv_bytes: the reader the csv_fuzzer target fuzzes), and streamed from the file
// a chunk at a time (ingest::read_csv_file, what `maillage ingest` does with a large sheet),
// with chunks of 1 to 13 bytes so that records, quoted line breaks, "" pairs, CR LF pairs and
// UTF-8 sequences are cut at every place. Both must give the same tables, the same rows (line,
// cells, repeated header) and the same error, in French and in English; a difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <unistd.h>

#include "maillage/core/error.hpp"
#include "maillage/ingest/table.hpp"

using namespace maillage;

namespace {

/// Everything one read gave, in order, as text: the tables, the rows, the error.
std::string trace_of(const std::function<void(const std::function<void(const ingest::TableInfo&)>&,
                                              const std::function<void(const ingest::Row&)>&)>& read) {
    std::string out;
    try {
        read(
            [&](const ingest::TableInfo& info) {
                out += "table " + info.source + " " + info.encoding + " " + std::string(1, info.separator) + " " +
                       std::to_string(info.rows_hint);
                for (const auto& h : info.headers) out += "|" + h;
                out += "\n";
            },
            [&](const ingest::Row& row) {
                out += "row " + std::to_string(row.line) + (row.repeated_header ? " header" : "");
                for (const auto& c : row.cells) out += "|" + std::to_string(c.size()) + ":" + c;
                out += "\n";
            });
    } catch (const Error& e) {
        out += std::string("error ") + e.what() + "\n";
    }
    return out;
}

const std::string& scratch_path() {
    static const std::string path = "/tmp/maillage-csv-stream-fuzzer-" + std::to_string(::getpid()) + ".csv";
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const std::string& path = scratch_path();
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (f == nullptr) std::abort();
        if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
        std::fclose(f);
    }
    for (auto lang : {core::Lang::Fr, core::Lang::En}) {
        // the file's name in both, so that messages compare
        const std::string whole = trace_of([&](const auto& on_table, const auto& on_row) {
            ingest::read_csv_bytes(bytes, path, {}, lang, on_table, on_row);
        });
        for (const std::size_t chunk : {std::size_t{1}, 1 + size % 13}) {
            const std::string streamed = trace_of([&](const auto& on_table, const auto& on_row) {
                ingest::read_csv_file(path, chunk, {}, lang, on_table, on_row);
            });
            if (streamed != whole) {
                std::fprintf(stderr, "read whole:\n%s\nstreamed in chunks of %zu:\n%s\n", whole.c_str(), chunk,
                             streamed.c_str());
                std::abort();
            }
        }
    }
    return 0;
}
