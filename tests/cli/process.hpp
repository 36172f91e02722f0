// Runs the real maillage binary, as a user would, and captures what it says.
#pragma once

#include <string>
#include <vector>

namespace maillage::test {

struct Outcome {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `program args...` in `cwd` with a fixed environment (LANG=C.UTF-8, no LC_*: French,
/// maillage's default, whatever the machine's locale) and returns its exit code and outputs.
Outcome run(const std::string& program, const std::vector<std::string>& args, const std::string& cwd);

} // namespace maillage::test
