// Where the bundled reference data (datasets/france) is: set by the user, installed beside the
// binary, or the source tree's copy (the build tree and the tests).
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "maillage/core/error.hpp"
#include "maillage/core/lang.hpp"
#include "maillage/ingest/communes.hpp"

// Both are set by src/CMakeLists.txt; the defaults only keep this file compilable on its own.
#ifndef MAILLAGE_SOURCE_DATA_DIR
#define MAILLAGE_SOURCE_DATA_DIR "datasets/france"
#endif
// The data folder relative to the installed binary's folder (GNUInstallDirs' DATADIR/maillage/france
// seen from BINDIR): "../share/maillage/france" for the usual layouts.
#ifndef MAILLAGE_DATA_FROM_BINDIR
#define MAILLAGE_DATA_FROM_BINDIR "../share/maillage/france"
#endif

namespace maillage::ingest {
namespace {

namespace fs = std::filesystem;

bool is_folder(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// The running program's own file (Linux: /proc/self/exe, symbolic links resolved, so a link in
// /usr/local/bin to an installed binary still finds that binary's data). Empty if unknown.
fs::path running_binary() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path{} : exe;
}

// The variable's value when it is set and not empty.
const char* environment(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
}

// The messages live here and not in the core catalogue (src/core/messages_*.cpp): this function
// takes no language, so it reads it from the environment like the command line's default.
std::string not_found_message(core::Lang lang, const std::vector<std::string>& tried) {
    std::string places;
    for (const auto& t : tried) places += "\n  " + t;
    if (lang == core::Lang::En)
        return fmt::format("maillage's reference data (the folder france: communes, outlines, "
                           "registries) was not found; looked in:{}\nSet MAILLAGE_DATA to that "
                           "folder (datasets/france in the sources, share/maillage/france once "
                           "installed), or reinstall maillage.",
                           places);
    return fmt::format("données de référence de maillage introuvables (le dossier france : "
                       "communes, contours, répertoires) ; cherchées dans :{}\nDonnez ce dossier "
                       "dans MAILLAGE_DATA (datasets/france dans les sources, "
                       "share/maillage/france une fois installé), ou réinstallez maillage.",
                       places);
}

std::string env_missing_message(core::Lang lang, const char* variable, const std::string& value) {
    if (lang == core::Lang::En)
        return fmt::format("{}={} is not a folder: it should name maillage's reference data "
                           "(datasets/france in the sources, share/maillage/france once installed)",
                           variable, value);
    return fmt::format("{}={} n'est pas un dossier : il doit désigner les données de référence de "
                       "maillage (datasets/france dans les sources, share/maillage/france une fois "
                       "installé)",
                       variable, value);
}

} // namespace

std::string reference_data_folder() {
    // MAILLAGE_DATA_DIR is the older name, still honoured; MAILLAGE_DATA wins over it.
    for (const char* variable : {"MAILLAGE_DATA", "MAILLAGE_DATA_DIR"}) {
        if (const char* value = environment(variable)) {
            // Asked for by name: a wrong value is an error, not a reason to use another copy.
            if (!is_folder(value))
                throw FatalError(env_missing_message(core::lang_from_environment(), variable, value));
            return value;
        }
    }
    const core::Lang lang = core::lang_from_environment();
    std::vector<std::string> tried{lang == core::Lang::En ? "MAILLAGE_DATA (not set)" : "MAILLAGE_DATA (non définie)"};
    if (const fs::path exe = running_binary(); !exe.empty()) {
        const fs::path installed = (exe.parent_path() / MAILLAGE_DATA_FROM_BINDIR).lexically_normal();
        if (is_folder(installed)) return installed.string();
        tried.push_back(installed.string());
    }
    if (is_folder(MAILLAGE_SOURCE_DATA_DIR)) return MAILLAGE_SOURCE_DATA_DIR;
    tried.emplace_back(MAILLAGE_SOURCE_DATA_DIR);
    throw FatalError(not_found_message(lang, tried));
}

} // namespace maillage::ingest
