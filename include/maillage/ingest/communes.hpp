// Commune codes of the sheets resolved against the COG 2026 (Code officiel géographique):
// current communes, former communes to their successor, names to codes.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::ingest {

struct CommuneResolution {
    enum class Status {
        Known,     ///< a current INSEE code
        ByName,    ///< a name that names one commune
        Successor, ///< a former commune (or a municipal arrondissement): its current commune
        ZeroRestored, ///< four digits a spreadsheet took for a number ("4070"): the code with its zero
        Unknown,   ///< none of these: the organisation stays unlocated
    };
    Status status = Status::Unknown;
    std::string code;   ///< the current INSEE code; empty when Unknown
    std::string detail; ///< for a warning: the former commune's name, a postcode's commune, candidates
};

/// The communes of France (COG 2026) and the former communes that merged into them.
class CommuneIndex {
public:
    /// Reads `france_communes.csv` and `anciennes_communes.csv` (former communes of all France) from `folder`
    /// (datasets/france) through GDAL. Throws FatalError when a file is missing.
    /// Complexity: linear in the files' size (35,000 communes).
    static CommuneIndex load(const std::string& folder, core::Lang lang);

    /// Resolves a cell: a current code → Known; a former commune's code, or a municipal
    /// arrondissement of Paris, Lyon or Marseille → Successor; four digits that are a current
    /// code once the leading zero a spreadsheet dropped is put back ("4070" → 04070) →
    /// ZeroRestored; a name naming exactly one commune
    /// (accents, case, hyphens ignored) → ByName; anything else → Unknown, with a hint in
    /// `detail` when the text is a postcode ("13200 is the postcode of Arles, 13004") or an
    /// ambiguous name. Complexity: O(1) expected.
    [[nodiscard]] CommuneResolution resolve(std::string_view text) const;

    /// The name of a current commune, or empty.
    [[nodiscard]] std::string name(const std::string& code) const;
    [[nodiscard]] std::size_t size() const { return m_names.size(); }

    /// The current communes whose folded name (core::fold) is `folded`; empty when none.
    [[nodiscard]] const std::vector<std::string>& codes_named(const std::string& folded) const;
    /// The current communes a postcode serves; empty when none.
    [[nodiscard]] const std::vector<std::string>& codes_of_postcode(const std::string& postcode) const;
    /// Calls fn(name, current code) for every former commune (its successor's code).
    template <typename Fn> void each_former(Fn&& fn) const {
        for (const auto& [code, former] : m_former) fn(former.first, former.second);
    }
    /// Calls fn(folded name, codes) for every current commune name.
    template <typename Fn> void each_name(Fn&& fn) const {
        for (const auto& [folded, codes] : m_by_name) fn(folded, codes);
    }

private:
    std::unordered_map<std::string, std::string> m_names;                      // code → name
    std::unordered_map<std::string, std::pair<std::string, std::string>> m_former; // code → (name, successor)
    std::unordered_map<std::string, std::vector<std::string>> m_by_name;       // folded name → codes
    std::unordered_map<std::string, std::vector<std::string>> m_by_postcode;   // postcode → codes
};

/// The folder of the bundled reference data (datasets/france), the first of: $MAILLAGE_DATA
/// (or its older name $MAILLAGE_DATA_DIR) when set; the installed copy beside the running binary
/// (<prefix>/bin/maillage → <prefix>/share/maillage/france, found through /proc/self/exe); the
/// source tree's datasets/france (the build tree and the tests). Defined in data_folder.cpp.
/// Throws FatalError naming the places it looked when none is a folder, or when the variable
/// names something that is not a folder; the message's language comes from the environment
/// (French by default). Cost: a few file-system calls.
std::string reference_data_folder();

} // namespace maillage::ingest
