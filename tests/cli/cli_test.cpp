// End-to-end tests of the real binary (osmium-tool style).
//  * Golden cases: tests/cli/<command>/<case>/ holds `args` (one argument a line; {shared},
//    {seed} and {tmp} are replaced), `exit` (the expected code), `stdout` and, when something
//    must be reported, `stderr` (absent = stderr must stay empty). Outputs are compared after
//    replacing the shared folder's path by {shared}. scripts/update-goldens rewrites them.
//  * `maillage <command> --help` for every registered command, in both languages.
//  * `summary` on the bench generator's seed file against an independent count.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <cstdlib>

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "command.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;

namespace {

using maillage::test::slurp;
using maillage::test::TempDir;

const std::string binary = MAILLAGE_BINARY;
const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string shared_dir = fs::weakly_canonical(MAILLAGE_SHARED_DIR).string();
const std::string bench_seed = MAILLAGE_BENCH_SEED;

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
}

std::vector<std::string> case_dirs() {
    std::vector<std::string> out;
    const fs::path root = fs::path(source_dir) / "tests" / "cli";
    for (const auto& command : fs::directory_iterator(root)) {
        if (!command.is_directory()) continue;
        for (const auto& c : fs::directory_iterator(command.path()))
            if (c.is_directory() && fs::exists(c.path() / "args"))
                out.push_back(fs::relative(c.path(), root).string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesItsFiles) {
    const fs::path dir = fs::path(source_dir) / "tests" / "cli" / GetParam();
    const fs::path tmp = fs::temp_directory_path() / ("maillage_cli_" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    std::vector<std::string> args;
    std::istringstream lines(slurp(dir / "args"));
    for (std::string line; std::getline(lines, line);) {
        replace_all(line, "{shared}", shared_dir);
        replace_all(line, "{seed}", bench_seed);
        replace_all(line, "{tmp}", tmp.string());
        args.push_back(line);
    }
    auto outcome = run(binary, args, source_dir);
    for (auto* text : {&outcome.out, &outcome.err}) {
        replace_all(*text, shared_dir, "{shared}");
        replace_all(*text, bench_seed, "{seed}");
        replace_all(*text, tmp.string(), "{tmp}");
    }
    if (std::getenv("MAILLAGE_UPDATE_GOLDENS") != nullptr) {
        std::ofstream(dir / "exit") << outcome.exit_code << '\n';
        std::ofstream(dir / "stdout", std::ios::binary) << outcome.out;
        if (outcome.err.empty()) fs::remove(dir / "stderr");
        else std::ofstream(dir / "stderr", std::ios::binary) << outcome.err;
        fs::remove_all(tmp); // the next case's store starts empty, as in a normal run
        GTEST_SKIP() << "golden rewritten";
    }
    EXPECT_EQ(outcome.exit_code, std::stoi(slurp(dir / "exit")));
    EXPECT_EQ(outcome.out, slurp(dir / "stdout"));
    const std::string expected_err = fs::exists(dir / "stderr") ? slurp(dir / "stderr") : std::string();
    EXPECT_EQ(outcome.err, expected_err);
    fs::remove_all(tmp);
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(case_dirs()),
                         [](const auto& param_info) {
                             std::string name = param_info.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const auto& c : maillage::cli::make_commands()) names.emplace_back(c->name());
    return names;
}

class Help : public ::testing::TestWithParam<std::string> {};

TEST_P(Help, EveryCommandExplainsItselfInBothLanguages) {
    for (const std::string lang : {"fr", "en"}) {
        auto outcome = run(binary, {"--lang", lang, GetParam(), "--help"}, source_dir);
        EXPECT_EQ(outcome.exit_code, 0) << lang;
        EXPECT_EQ(outcome.err, "") << lang;
        EXPECT_NE(outcome.out.find("maillage " + GetParam()), std::string::npos) << outcome.out;
        EXPECT_NE(outcome.out.find(lang == "fr" ? "Utilisation" : "Usage"), std::string::npos) << outcome.out;
    }
}

INSTANTIATE_TEST_SUITE_P(Commands, Help, ::testing::ValuesIn(command_names()));

TEST(Help, TopLevelListsEveryCommand) {
    auto outcome = run(binary, {"--help"}, source_dir);
    EXPECT_EQ(outcome.exit_code, 0);
    EXPECT_EQ(outcome.err, "");
    for (const auto& name : command_names()) EXPECT_NE(outcome.out.find(name), std::string::npos) << name;
}

TEST(Usage, NoCommandIsAUsageError) {
    auto outcome = run(binary, {}, source_dir);
    EXPECT_EQ(outcome.exit_code, 2);
    EXPECT_NE(unfolded(outcome.err).find("erreur"), std::string::npos) << outcome.err;
}

// The bench generator's seed file (../shared/bench/gen_participation.py --scale seed --seed 1),
// counted independently with Python's csv module (run once by hand):
//   g[(territory, edition)]: rows += 1; people.add(person_id); orgs.add(organisation.lower());
//   sessions.add(session_id)
// Totals: 9,098 rows and 1,785 people (also in ../shared/bench/README.md), 233 organisations
// (README.md: 233).
TEST(SummaryOnBenchSeed, MatchesAnIndependentCount) {
    auto outcome = run(binary, {"summary", bench_seed, "--format", "csv"}, source_dir);
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_EQ(outcome.err, "");
    std::map<std::string, std::string> got;
    std::istringstream lines(outcome.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto comma = line.find(',', line.find(',') + 1);
        got[line.substr(0, comma)] = line.substr(comma + 1);
    }
    EXPECT_EQ(got.size(), 31u); // header + 6 territories × 5 editions
    EXPECT_EQ(got["Bassin d'emploi de Sauès,2021"], "307,126,34,11");
    EXPECT_EQ(got["Bassin d'emploi de Sauès,2022"], "296,112,32,11");
    EXPECT_EQ(got["Bassin d'emploi de Vilssac,2021"], "357,138,29,13");
    EXPECT_EQ(got["Parc naturel de Dorennes,2024"], "340,143,33,12");
    EXPECT_EQ(got["Parc naturel de Dorville,2023"], "368,139,31,12");
    EXPECT_EQ(got["Parc naturel de Rooux,2025"], "238,98,28,9");
    EXPECT_EQ(got["Pays de Kerignan,2025"], "287,119,26,10");

    auto json = run(binary, {"summary", bench_seed, "--format", "json"}, source_dir);
    ASSERT_EQ(json.exit_code, 0);
    const auto total = json.out.substr(json.out.find("\"total\""));
    EXPECT_NE(total.find("\"rows\": 9098"), std::string::npos) << total;
    EXPECT_NE(total.find("\"people\": 1785"), std::string::npos) << total;
    EXPECT_NE(total.find("\"organisations\": 233"), std::string::npos) << total;
}

} // namespace

// A product that cannot be written (a full device) is an error, exit 2, said in the user's
// language; nothing claims success.
TEST(Output, AFullDeviceIsAnError) {
    const auto err = fs::temp_directory_path() / ("maillage_full_" + std::to_string(::getpid()) + ".txt");
    const std::string command = std::string(MAILLAGE_BINARY) + " metrics " + source_dir +
                                "/tests/data/sheets/formula.csv > /dev/full 2> " + err.string();
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    std::ifstream in(err);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("maillage metrics: erreur: la sortie standard n'a pas pu être écrite"), std::string::npos)
        << text.str();
    fs::remove(err);
}

// `maillage … | head`: a reader that goes away ends maillage quietly, as other Unix tools, whether
// SIGPIPE stops it (the default) or is ignored (then the write fails with EPIPE): no message,
// the status a shell gives a closed pipe.
TEST(Output, AClosedPipeEndsQuietly) {
    const auto err = fs::temp_directory_path() / ("maillage_pipe_" + std::to_string(::getpid()) + ".txt");
    for (const std::string trap : {"", "trap '' PIPE; "}) {
        // `true` has gone before maillage writes: metrics reads its sheet first
        const std::string command = "bash -c \"" + trap + "'" + std::string(MAILLAGE_BINARY) + "' metrics '" + source_dir +
                                    "/datasets/paca/editions/05-hautes-alpes/2022-emargements.csv' --format csv 2> '" +
                                    err.string() + "' | true; exit \\${PIPESTATUS[0]}\"";
        const int status = std::system(command.c_str());
        ASSERT_TRUE(WIFEXITED(status)) << trap;
        EXPECT_EQ(WEXITSTATUS(status), 141) << trap;
        std::ifstream in(err);
        std::stringstream text;
        text << in.rdbuf();
        EXPECT_EQ(text.str(), "") << trap;
    }
    fs::remove(err);
}

// A refused ingest into a store that did not exist leaves no store behind (nothing half-made).
TEST(Ingest, ARefusedFileLeavesNoNewStore) {
    const auto dir = fs::temp_directory_path() / ("maillage_refused_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto store = (dir / "new.gpkg").string();
    const auto r = run(binary, {"ingest", "tests/data/sheets/spreadsheet_damage.csv", "--into", store}, source_dir);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(unfolded(r.err).find("fichier refusé"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(store));
    fs::remove_all(dir);
}
