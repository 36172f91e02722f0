// Runs the real maillage binary, as a user would, and captures what it says.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

namespace maillage::test {

struct Outcome {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `program args...` in `cwd` with a fixed environment (LANG=C.UTF-8, no LC_*: French,
/// maillage's default, whatever the machine's locale) and returns its exit code and outputs.
Outcome run(const std::string& program, const std::vector<std::string>& args, const std::string& cwd);

/// Diagnostics as one line each, the way they read before being folded at 120 characters
/// (core::render_folded: a line starting with four spaces continues the one above).
std::string unfolded(const std::string& text);

/// A file's bytes ("" when it cannot be read).
std::string slurp(const std::string& path);

/// How many times `what` occurs in `text`, occurrences not overlapping.
std::size_t count(const std::string& text, const std::string& what);

/// `s` with its ASCII letters in lower case (other bytes as they are).
std::string lower(std::string s);

/// A fresh folder for one test, removed at the end of it: named after the process and the test.
struct TempDir {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("maillage_test_" + std::to_string(::getpid()) + "_" +
         ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "_" +
         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

} // namespace maillage::test
