// libFuzzer target on the manifest reader: the bytes are a project's maillage.toml, parsed by
// ingest::parse_manifest (toml++ then maillage's checks: known keys, kinds, column mappings,
// encodings, defined territories), in French and in English. A FatalError (located at its line
// and column) is the expected outcome of a bad manifest; a crash, a sanitizer report, a hang
// or any other exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "maillage/core/error.hpp"
#include "maillage/ingest/manifest.hpp"

using namespace maillage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (auto lang : {core::Lang::Fr, core::Lang::En}) {
        try {
            const ingest::Manifest m = ingest::parse_manifest(text, "projet", lang);
            std::size_t n = m.registries.size() + m.defined.size();
            for (const auto& g : m.sheets) n += g.patterns.size() + g.load.mapping.size();
            (void)n;
        } catch (const Error& e) {
            (void)e.what();
        }
    }
    return 0;
}
