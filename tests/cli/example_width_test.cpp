// Every text file the README's main command (scripts/example) writes into reports/ fits 120
// columns (issue 23): the same commands on the same example, each output measured line by line.
// Wider tables give way in the text (core::TextTable) and name `--format csv` for the whole.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "process.hpp"

namespace fs = std::filesystem;

namespace {

using maillage::test::run;
using maillage::test::slurp;
using maillage::test::TempDir;

const std::string binary = MAILLAGE_BINARY;
const std::string source_dir = MAILLAGE_SOURCE_DIR;

/// The widest line of a text and its number (1-based), in characters.
std::pair<std::size_t, std::size_t> widest_line(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    std::size_t widest = 0, at = 0, number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (const auto w = maillage::core::display_width(line); w > widest) {
            widest = w;
            at = number;
        }
    }
    return {widest, at};
}

/// The text files scripts/example writes into reports/ (by name).
std::set<std::string> example_text_files() {
    const std::string script = slurp((fs::path(source_dir) / "scripts/example").string());
    std::set<std::string> names;
    static const std::regex file(R"(reports/([A-Za-z0-9_.-]+\.txt))");
    for (auto it = std::sregex_iterator(script.begin(), script.end(), file); it != std::sregex_iterator(); ++it)
        names.insert((*it)[1].str());
    return names;
}

} // namespace

TEST(ExampleText, EveryTextFileOfTheMainCommandFits120Columns) {
    TempDir dir;
    const std::string store = (dir.path / "paca.gpkg").string();
    auto out = [&](const std::string& name) { return (dir.path / name).string(); };
    std::map<std::string, std::string> texts; // file name → text

    // scripts/example's commands, in its order (the script is the reference: see the last check)
    const auto ingest = run(binary, {"ingest", "datasets/paca", "--into", store}, source_dir);
    ASSERT_EQ(ingest.exit_code, 1) << ingest.err; // the example's planted bad rows
    texts["import.txt"] = ingest.out;
    texts["import-problemes.txt"] = ingest.err;
    const std::vector<std::pair<std::string, std::vector<std::string>>> commands{
        {"resume.txt", {"summary", store}},
        {"summary.txt", {"summary", store, "--lang", "en"}},
        {"metriques-bouches-du-rhone-2025.txt",
         {"metrics", store, "--territory", "Bouches-du-Rhône", "--edition", "2025", "--scope", "organisations"}},
        {"passeurs-04-2022.txt",
         {"metrics", store, "--territory", "Alpes-de-Haute-Provence", "--edition", "2022", "--scope", "organisations", "--what",
          "brokerage"}},
        {"trous-structuraux-13.txt", {"metrics", store, "--territory", "Bouches-du-Rhône", "--scope", "organisations", "--what", "mixing"}},
        {"evolution-84-2019.txt",
         {"metrics", store, "--territory", "Vaucluse", "--edition", "2019", "--scope", "organisations", "--what", "change"}},
        {"non-mobilises-84.txt", {"unmobilised", store, "--territory", "Vaucluse"}},
        {"invitations-84.txt", {"invite", store, "--territory", "Vaucluse", "--top", "15"}},
    };
    for (const auto& [name, args] : commands) {
        auto with_output = args;
        with_output.insert(with_output.end(), {"-o", out(name)});
        const auto r = run(binary, with_output, source_dir);
        ASSERT_EQ(r.exit_code, 0) << name << "\n" << r.err;
        EXPECT_EQ(r.err, "") << name;
        texts[name] = slurp(out(name));
    }

    for (const auto& [name, text] : texts) {
        ASSERT_FALSE(text.empty()) << name;
        const auto [widest, line] = widest_line(text);
        EXPECT_LE(widest, maillage::core::text_width) << name << ": line " << line << " is " << widest << " characters wide";
    }
    // every text file the script writes is measured here: a new one must be added above
    std::set<std::string> measured;
    for (const auto& [name, text] : texts) measured.insert(name);
    EXPECT_EQ(example_text_files(), measured);
}
