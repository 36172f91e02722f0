#pragma once

#include <memory>
#include <string>

#include "command.hpp"

namespace maillage::serve {

/// `maillage serve [PROJECTS-FOLDER] [--port N] [--listen ADDRESS] [--tls-cert F --tls-key F]`:
/// the workspace in the browser (server.hpp).
std::unique_ptr<cli::Command> make_serve_command();

} // namespace maillage::serve
