// A command run in process, as the command line would run it, for another front-end (the
// workspace's server): the same declarations, setup and run, with the outcome as text instead
// of standard output and an exit code. The server's figures are thereby the commands' own
// products (their --format json), never a second computation.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::cli {

struct Invocation {
    std::string command;                                      ///< "invite", "export", ...
    std::vector<std::string> positionals;                     ///< the inputs
    std::vector<std::pair<std::string, std::string>> options; ///< {"--territory", "Var"}
    std::vector<std::string> flags;                           ///< {"--excel"}
};

struct Outcome {
    int code = 0;     ///< as the command line's: 0 ok, 1 data problems, 2 refused
    std::string out;  ///< the product (what standard output would have had)
    std::string err;  ///< diagnostics, and the error's sentence when code is 2
    bool not_found = false; ///< code 2 because what was named does not exist (NotFoundError)
};

/// Runs the invocation. An unknown command, option or choice is a programming error
/// (std::logic_error); what the command refuses is code 2 with its sentence in `err` (no
/// "maillage command: erreur:" prefix). Not thread-safe (igraph, Graphviz): callers serialise.
Outcome invoke(const Invocation& invocation, core::Lang lang);

} // namespace maillage::cli
