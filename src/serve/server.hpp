// `maillage serve`: the workspace's web server (docs/workspace.md, docs/api.md). cpp-httplib
// (Debian's libcpp-httplib-dev) answers HTTP and HTTPS with a thread pool; every figure comes
// from a command run in process (cli/invoke.hpp) or from the application layer, one at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include "maillage/core/lang.hpp"

namespace maillage::serve {

struct ServeOptions {
    std::string folder;                  ///< the projects folder, fixed at start
    std::string listen = "127.0.0.1";    ///< beyond the loopback: every request needs the token
    int port = 8080;                     ///< 0: any free port
    std::string tls_cert, tls_key;       ///< both: HTTPS
    std::string token_file;              ///< the token to use; empty: a new one
    std::string web_dir;                 ///< the page's files; empty: found (web_folder())
    std::size_t max_upload = 50u << 20;  ///< bytes of one request
    core::Lang lang = core::Lang::Fr;    ///< of what the server prints
    bool open_browser = false;           ///< opens the address with xdg-open once listening
};

/// Where the page's files are: $MAILLAGE_WEB, the installed share/maillage/web beside the
/// binary, the build tree's web folder. Throws FatalError (ServeNoWeb) when none holds index.html.
std::string web_folder(core::Lang lang);

/// Serves until SIGINT or SIGTERM; prints the address to open on `out`, warnings on `err`.
/// Throws FatalError when it cannot listen or the options are inconsistent.
int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

} // namespace maillage::serve
