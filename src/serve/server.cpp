#include "server.hpp"

#include <csignal>
#include <malloc.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include "invoke.hpp"
#include "ingest_command.hpp"
#include "maillage/advise/invite.hpp"
#include "maillage/app/ingest.hpp"
#include "maillage/app/project.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"
#include "maillage/ingest/ingest.hpp"
#include "maillage/ingest/load.hpp"
#include "maillage/ingest/manifest.hpp"
#include "maillage/ingest/table.hpp"
#include "maillage/store/store.hpp"
#include "views.hpp"
#include "workspace.hpp"

#ifndef MAILLAGE_VERSION
#define MAILLAGE_VERSION "0.0.0"
#endif
#ifndef MAILLAGE_WEB_BUILD_DIR
#define MAILLAGE_WEB_BUILD_DIR ""
#endif
#ifndef MAILLAGE_WEB_FROM_BINDIR
#define MAILLAGE_WEB_FROM_BINDIR "../share/maillage/web"
#endif

namespace maillage::serve {

namespace fs = std::filesystem;
using core::Msg;
using json = nlohmann::ordered_json;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool has_index(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "index.html", ec);
}

std::string random_token() {
    unsigned char bytes[24];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

/// Equal, in a time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool is_loopback(const std::string& address) {
    return address == "127.0.0.1" || address == "localhost" || address == "::1" || address.starts_with("127.");
}

std::string cookie_value(const std::string& cookies, const std::string& name) {
    std::size_t pos = 0;
    while (pos < cookies.size()) {
        std::size_t end = cookies.find(';', pos);
        if (end == std::string::npos) end = cookies.size();
        std::string part(core::trim(std::string_view(cookies).substr(pos, end - pos)));
        if (part.starts_with(name + "=")) return part.substr(name.size() + 1);
        pos = end + 1;
    }
    return {};
}

/// One ingest (an upload, the folder's sheets, good rows taken): its progress, then its outcome.
struct Job {
    std::mutex mutex;
    std::string state = "running"; ///< running, done, failed
    std::string file;
    std::int64_t rows = 0;
    std::size_t files = 0, files_done = 0;
    json result;
    std::string error;
    std::set<std::string> seen_files;
};

/// What an upload left in its folder: its sheets, and which were refused with good rows.
struct Upload {
    std::string project;
    fs::path folder;
    std::vector<std::string> sheets; ///< full paths
    std::vector<std::string> refused_with_good_rows;
};

std::string json_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

} // namespace

std::string web_folder(core::Lang lang) {
    std::vector<std::string> tried;
    if (const char* env = std::getenv("MAILLAGE_WEB"); env && *env) {
        if (has_index(env)) return env;
        tried.emplace_back(env);
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = (exe.parent_path() / MAILLAGE_WEB_FROM_BINDIR).lexically_normal();
        if (has_index(installed)) return installed.string();
        tried.push_back(installed.string());
        const fs::path beside = exe.parent_path() / "web";
        if (has_index(beside)) return beside.string();
        tried.push_back(beside.string());
    }
    if (std::string build = MAILLAGE_WEB_BUILD_DIR; !build.empty()) {
        if (has_index(build)) return build;
        tried.push_back(build);
    }
    std::string list;
    for (const auto& t : tried) list += (list.empty() ? "" : ", ") + t;
    throw FatalError(core::tr(lang, Msg::ServeNoWeb, list));
}

class Server {
public:
    Server(const ServeOptions& options, std::ostream& out, std::ostream& err)
        : m_options(options), m_out(out), m_err(err), m_workspace(options.folder, options.lang),
          m_web(options.web_dir.empty() ? web_folder(options.lang) : options.web_dir) {
        m_exposed = !is_loopback(options.listen);
        m_token = options.token_file.empty() ? random_token() : std::string(core::trim(read_file(options.token_file)));
        if (m_token.size() < 16) throw FatalError(core::render_error(options.token_file, "token too short (16 characters at least)", options.lang));
        // The page's three files, read once: nothing else of that folder is ever served.
        for (const char* name : {"index.html", "app.js", "app.css"}) {
            std::error_code ec;
            if (fs::is_regular_file(fs::path(m_web) / name, ec)) m_static[name] = read_file(fs::path(m_web) / name);
        }
    }

    int run() {
        const bool tls = !m_options.tls_cert.empty();
        if (tls) m_http = std::make_unique<httplib::SSLServer>(m_options.tls_cert.c_str(), m_options.tls_key.c_str());
        else m_http = std::make_unique<httplib::Server>();
        auto& http = *m_http;
        if (!http.is_valid()) throw FatalError(core::tr(m_options.lang, Msg::ServeCannotListen, m_options.listen, m_options.port));
        http.set_payload_max_length(m_options.max_upload);
        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) { return guard(req, res); });
        http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "?";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            fail(res, 500, core::tr(lang_of(req), Msg::ServeUnexpected, clean(what)));
        });
        // httplib's own refusals (a body over the limit, an unknown route) get a sentence too
        http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) return;
            const core::Lang lang = lang_of(req);
            if (res.status == 413)
                fail(res, 413, core::tr(lang, Msg::ServeTooLarge, m_options.max_upload >> 20));
            else if (res.status == 404)
                fail(res, 404, core::tr(lang, Msg::ServeNotFound, req.path));
            else
                fail(res, res.status, core::tr(lang, Msg::ServeBadJson, std::to_string(res.status)));
        });
        http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header("X-Frame-Options", "DENY");
            res.set_header("Referrer-Policy", "no-referrer");
            res.set_header("Cross-Origin-Opener-Policy", "same-origin");
            if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
        });
        routes(http);
        int port = m_options.port;
        if (port == 0) port = http.bind_to_any_port(m_options.listen);
        else if (!http.bind_to_port(m_options.listen, port)) port = -1;
        if (port <= 0) throw FatalError(core::tr(m_options.lang, Msg::ServeCannotListen, m_options.listen, m_options.port));
        m_port = port;
        std::string shown_host = m_options.listen;
        if (shown_host == "0.0.0.0" || shown_host == "::") { // every address: name the machine
            char name[256] = {};
            if (gethostname(name, sizeof name - 1) == 0 && name[0] != '\0') shown_host = name;
        }
        const std::string host = shown_host.find(':') != std::string::npos ? "[" + shown_host + "]" : shown_host;
        m_hosts = {host + ":" + std::to_string(port)};
        if (is_loopback(m_options.listen)) m_hosts.insert("localhost:" + std::to_string(port));
        std::string url = std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(port) + "/";
        if (m_exposed) url += "?token=" + m_token;
        m_out << core::tr(m_options.lang, Msg::ServeListening, url) << '\n';
        m_out << core::tr(m_options.lang, Msg::ServeProjects, m_workspace.folder().string(),
                          m_workspace.list(m_options.lang).size())
              << '\n';
        if (m_exposed) {
            m_out << core::message(Msg::ServeTokenRequired, m_options.lang) << '\n';
            if (!tls) m_err << core::tr(m_options.lang, Msg::ServeExposed, host) << '\n';
        }
        m_out.flush();
        if (m_options.open_browser) open_in_browser(url);
        // SIGINT and SIGTERM stop the server: a thread waits for them (blocked everywhere else).
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        std::thread stopper([&] {
            int sig = 0;
            sigwait(&signals, &sig);
            m_http->stop();
        });
        http.listen_after_bind();
        if (stopper.joinable()) {
            pthread_kill(stopper.native_handle(), SIGTERM); // stopped otherwise: wake it
            stopper.join();
        }
        std::vector<std::pair<std::thread, std::shared_ptr<Job>>> running;
        {
            std::lock_guard lock(m_jobs_mutex); // a job ending takes this lock: join without it
            running.swap(m_threads);
        }
        for (auto& [t, job] : running)
            if (t.joinable()) t.join();
        return 0;
    }

private:
    /// The desktop's browser on `url` (xdg-open, freedesktop's opener); said when there is none.
    void open_in_browser(const std::string& url) {
        const char* argv[] = {"xdg-open", url.c_str(), nullptr};
        pid_t pid = 0;
        if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
            m_err << core::tr(m_options.lang, Msg::ServeNoBrowser, url) << '\n';
    }

    ServeOptions m_options;
    std::ostream& m_out;
    std::ostream& m_err;
    Workspace m_workspace;
    std::string m_web;
    std::map<std::string, std::string> m_static;
    std::string m_token;
    bool m_exposed = false;
    int m_port = 0;
    std::set<std::string> m_hosts;
    std::unique_ptr<httplib::Server> m_http;
    /// One piece of work at a time: igraph and Graphviz are not thread-safe, and one writer per
    /// store keeps every answer (two browsers deciding at once: one after the other).
    std::mutex m_work;
    std::mutex m_jobs_mutex;
    std::map<std::string, std::shared_ptr<Job>> m_jobs;
    std::map<std::string, Upload> m_uploads;
    std::vector<std::pair<std::thread, std::shared_ptr<Job>>> m_threads; ///< each ingest's thread, and its job

    core::Lang lang_of(const httplib::Request& req) const {
        const std::string l = req.get_param_value("lang");
        if (l == "en") return core::Lang::En;
        if (l == "fr") return core::Lang::Fr;
        return m_options.lang;
    }

    /// A message as the user sees it: no path of the server's folders.
    std::string clean(std::string text) const {
        // a sheet is named by its place in its project (an upload's: its name alone)
        const std::string root = m_workspace.folder().string() + "/";
        for (std::size_t at; (at = text.find(root)) != std::string::npos;) {
            std::size_t end = text.find('/', at + root.size());
            if (end == std::string::npos) {
                text.erase(at, root.size());
                continue;
            }
            ++end; // past "<project>/"
            if (text.compare(end, 7, "envois/") == 0) {
                const std::size_t upload = text.find('/', end + 7);
                if (upload != std::string::npos) end = upload + 1;
            }
            text.erase(at, end - at);
        }
        return text;
    }

    static void reply(httplib::Response& res, int status, const json& body) {
        res.status = status;
        res.set_content(json_text(body), "application/json");
    }
    void fail(httplib::Response& res, int status, const std::string& message) const {
        reply(res, status, json{{"error", clean(message)}});
    }

    httplib::Server::HandlerResponse guard(const httplib::Request& req, httplib::Response& res) {
        const core::Lang lang = lang_of(req);
        // httplib compresses with Brotli at its slowest setting when the browser accepts it: the
        // page's 1.3 MB script took 5–7 s. gzip takes milliseconds.
        if (const std::string accept = req.get_header_value("Accept-Encoding"); accept.find("br") != std::string::npos) {
            auto& headers = const_cast<httplib::Request&>(req).headers;
            headers.erase("Accept-Encoding");
            if (accept.find("gzip") != std::string::npos) headers.emplace("Accept-Encoding", "gzip");
        }
        // A page of another site that a DNS answer points at 127.0.0.1 still says its own name.
        // Beyond the loopback the token guards every request and the machine has names of its
        // own (its addresses, its host name): any Host is taken there.
        if (!m_exposed && m_hosts.count(req.get_header_value("Host")) == 0) {
            fail(res, 403, std::string(core::message(Msg::ServeBadHost, lang)));
            return httplib::Server::HandlerResponse::Handled;
        }
        const std::string cookie = cookie_value(req.get_header_value("Cookie"), "maillage_token");
        const std::string header = req.get_header_value("X-Maillage-Token");
        const bool has_token = same_secret(header, m_token) || same_secret(cookie, m_token);
        if (m_exposed && !has_token) {
            // The address printed at start carries the token once: it becomes a cookie.
            if (req.method == "GET" && req.path == "/" && same_secret(req.get_param_value("token"), m_token)) {
                res.set_header("Set-Cookie", "maillage_token=" + m_token + "; HttpOnly; SameSite=Strict; Path=/" +
                                                 std::string(m_options.tls_cert.empty() ? "" : "; Secure"));
                res.set_redirect("/");
                return httplib::Server::HandlerResponse::Handled;
            }
            fail(res, 403, std::string(core::message(Msg::ServeBadToken, lang)));
            return httplib::Server::HandlerResponse::Handled;
        }
        // Anything that changes something carries the token in a header another site cannot set.
        if (req.method != "GET" && req.method != "HEAD" && !same_secret(header, m_token)) {
            fail(res, 403, std::string(core::message(Msg::ServeBadToken, lang)));
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    }

    void routes(httplib::Server& http) {
        http.Get("/", [this](const httplib::Request&, httplib::Response& res) { page(res); });
        http.Get("/index.html", [this](const httplib::Request&, httplib::Response& res) { page(res); });
        http.Get(R"(/(app\.(js|css)))", [this](const httplib::Request& req, httplib::Response& res) {
            const auto it = m_static.find(req.matches[1].str());
            if (it == m_static.end()) return fail(res, 404, core::tr(lang_of(req), Msg::ServeNotFound, req.path));
            static const std::map<std::string, std::string> types{{"js", "text/javascript; charset=utf-8"},
                                                                  {"css", "text/css; charset=utf-8"}};
            res.set_header("Cache-Control", "no-cache");
            res.set_content(it->second, types.at(req.matches[2].str()));
        });

        http.Get("/api/v1/session", [this](const httplib::Request& req, httplib::Response& res) {
            reply(res, 200, json{{"version", MAILLAGE_VERSION}, {"lang", lang_of(req) == core::Lang::En ? "en" : "fr"},
                                 {"folder", m_workspace.folder().filename().string()}, {"read_only", false}});
        });
        http.Get("/api/v1/france/departements", [this](const httplib::Request& req, httplib::Response& res) {
            reply(res, 200, departements(lang_of(req)));
        });
        http.Get("/api/v1/france/epci", [this](const httplib::Request& req, httplib::Response& res) {
            reply(res, 200, epci_matching(req.get_param_value("q"), 50, lang_of(req)));
        });
        http.Get("/api/v1/france/communes", [this](const httplib::Request& req, httplib::Response& res) {
            reply(res, 200, communes_matching(req.get_param_value("q"), 50, lang_of(req)));
        });

        http.Get("/api/v1/projects", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(m_work);
            reply(res, 200, json{{"projects", m_workspace.list(lang_of(req))}});
        });
        http.Post("/api/v1/projects", [this](const httplib::Request& req, httplib::Response& res) { create_project(req, res); });
        http.Get(R"(/api/v1/projects/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) {
                std::error_code ec;
                const bool imported = store::is_postgres(c.store) || fs::exists(c.store, ec);
                reply(res, 200, imported ? project_overview(c) : overview_before_import(c));
            }, false);
        });
        http.Post(R"(/api/v1/projects/([^/]+)/sheets)", [this](const httplib::Request& req, httplib::Response& res) { upload(req, res); });
        http.Post(R"(/api/v1/projects/([^/]+)/import)", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) {
                reply(res, 202, json{{"job", start_ingest(c, {}, true, false, "")}});
            }, false, false);
        });
        http.Post(R"(/api/v1/projects/([^/]+)/uploads/([^/]+)/accept-partial)", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) {
                Upload upload;
                {
                    std::lock_guard lock(m_jobs_mutex);
                    const auto it = m_uploads.find(req.matches[2].str());
                    if (it == m_uploads.end() || it->second.project != c.id)
                        return fail(res, 404, core::tr(c.lang, Msg::ServeUnknownUpload, req.matches[2].str()));
                    upload = it->second;
                }
                if (upload.refused_with_good_rows.empty()) return fail(res, 400, std::string(core::message(Msg::ServeNothingToTake, c.lang)));
                reply(res, 202, json{{"job", start_ingest(c, upload.refused_with_good_rows, false, true, req.matches[2].str())}});
            }, false, false);
        });
        http.Get(R"(/api/v1/jobs/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
            std::shared_ptr<Job> job;
            {
                std::lock_guard lock(m_jobs_mutex);
                const auto it = m_jobs.find(req.matches[1].str());
                if (it != m_jobs.end()) job = it->second;
            }
            if (!job) return fail(res, 404, core::tr(lang_of(req), Msg::ServeUnknownJob, req.matches[1].str()));
            std::lock_guard lock(job->mutex);
            reply(res, 200, json{{"state", job->state}, {"file", job->file}, {"rows", job->rows}, {"files", job->files},
                                 {"files_done", job->files_done}, {"result", job->result}, {"error", job->error}});
        });

        http.Get(R"(/api/v1/projects/([^/]+)/questions)", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { reply(res, 200, identity_questions(c)); });
        });
        http.Get(R"(/api/v1/projects/([^/]+)/decisions)", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { reply(res, 200, decisions(c)); });
        });
        http.Post(R"(/api/v1/projects/([^/]+)/decisions)", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { decide(c, req, res, false); });
        });
        http.Post(R"(/api/v1/projects/([^/]+)/decisions/undo)", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { decide(c, req, res, true); });
        });

        const std::string territory = R"(/api/v1/projects/([^/]+)/territories/([^/]+))";
        http.Get(territory + "/trend", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) {
                json levels;
                for (const char* level : {"connaissance", "interconnaissance", "reconnaissance"}) {
                    const auto o = command(c, {"metrics", {c.store}, {{"--territory", c.territory}, {"--what", "editions"},
                                                                      {"--scope", "organisations"}, {"--level", level},
                                                                      {"--format", "json"}}, {}});
                    if (o.code > 1) return command_failed(res, o);
                    levels[level] = json::parse(o.out);
                }
                reply(res, 200, json{{"levels", levels}});
            });
        });
        http.Get(territory + "/network", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) {
                cli::Invocation inv{"export", {c.store}, {{"--territory", c.territory}, {"--scope", "organisations"},
                                                          {"--format", "json"}, {"--level", level_of(req)}}, {}};
                if (const std::string y = req.get_param_value("edition"); !y.empty()) inv.options.emplace_back("--edition", y);
                if (req.get_param_value("cumulative") == "1") inv.flags.emplace_back("--cumulative");
                const fs::path tmp = fs::temp_directory_path() / ("maillage-network-" + random_token().substr(0, 12) + ".json");
                inv.options.emplace_back("-o", tmp.string());
                const auto o = command(c, inv);
                std::string text = read_file(tmp);
                std::error_code ec;
                fs::remove(tmp, ec);
                if (o.code > 1) return command_failed(res, o);
                // each node's single point of failure, from the brokerage the metrics command gives
                cli::Invocation brokerage{"metrics", {c.store}, {{"--territory", c.territory}, {"--scope", "organisations"},
                                                                 {"--what", "brokerage"}, {"--format", "json"},
                                                                 {"--level", level_of(req)}}, {}};
                for (const auto& [key, value] : inv.options)
                    if (key == "--edition") brokerage.options.emplace_back(key, value);
                if (req.get_param_value("cumulative") == "1") brokerage.flags.emplace_back("--cumulative");
                const auto b = command(c, brokerage);
                auto network = json::parse(text);
                add_labels(network, c.lang);
                if (b.code <= 1) {
                    std::map<std::string, json> cut;
                    for (const auto& a : json::parse(b.out).value("articulation_points", json::array()))
                        cut[a.value("organisation", "")] = a.value("cut_off", json::array());
                    for (auto& n : network["nodes"]) {
                        const auto it = cut.find(n.value("organisation", ""));
                        n["cut_vertex"] = it != cut.end();
                        if (it != cut.end()) n["cut_off"] = it->second;
                    }
                }
                reply(res, 200, network);
            });
        });
        http.Get(territory + "/map", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) {
                MapQuery q;
                q.indicator = req.get_param_value("indicator");
                if (const std::string y = req.get_param_value("edition"); !y.empty()) q.edition = y;
                q.level = level_of(req);
                if (req.get_param_value("by") == "commune") q.unit = "commune";
                reply(res, 200, territory_map_json(c.store, c.territory, q, c.lang));
            });
        });
        for (const char* what : {"unmobilised", "invitations"}) {
            http.Get(territory + "/" + what, [this, what](const httplib::Request& req, httplib::Response& res) {
                with_project(req, res, [&](const Context& c) {
                    const std::string cmd = std::string(what) == "invitations" ? "invite" : "unmobilised";
                    const auto o = command(c, {cmd, {c.store}, {{"--territory", c.territory}, {"--format", "json"}}, {}});
                    if (o.code > 1) return command_failed(res, o);
                    auto product = json::parse(o.out);
                    add_labels(product, c.lang);
                    reply(res, 200, product);
                });
            });
        }
        http.Post(territory + "/invitations.csv", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { invitations_csv(c, req, res); });
        });
        http.Post(territory + "/report", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { report(c, req, res); });
        });
        http.Get(territory + "/export", [this](const httplib::Request& req, httplib::Response& res) {
            with_project(req, res, [&](const Context& c) { export_file(c, req, res); });
        });
    }

    void page(httplib::Response& res) {
        const auto it = m_static.find("index.html");
        std::string html = it == m_static.end() ? std::string() : it->second;
        for (std::size_t at; (at = html.find("{{MAILLAGE_TOKEN}}")) != std::string::npos;) html.replace(at, 18, m_token);
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                       "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                       "form-action 'self'");
        res.set_content(html, "text/html; charset=utf-8");
    }

    struct Context {
        std::string id;
        fs::path folder;
        std::string store;
        std::string territory; ///< decoded, when the route has one
        core::Lang lang;
    };

    static std::string level_of(const httplib::Request& req) {
        const std::string l = req.get_param_value("level");
        return l == "connaissance" || l == "reconnaissance" ? l : "interconnaissance";
    }

    /// Runs `fn` for the project the route names (404 when unknown); with `need_store`, 409 when
    /// nothing has been taken in yet. Every call runs under the work lock, FatalError → 400.
    template <typename Fn>
    void with_project(const httplib::Request& req, httplib::Response& res, Fn fn, bool need_store = true, bool work = true) {
        const core::Lang lang = lang_of(req);
        const std::string id = req.matches[1].str();
        const auto folder = m_workspace.project(id);
        if (!folder) return fail(res, 404, core::tr(lang, Msg::ServeUnknownProject, id));
        std::unique_lock lock(m_work, std::defer_lock);
        if (work) lock.lock();
        try {
            Context c{id, *folder, m_workspace.store_of(*folder, lang), req.matches.size() > 2 ? req.matches[2].str() : "", lang};
            std::error_code ec;
            if (need_store && !store::is_postgres(c.store) && !fs::exists(c.store, ec))
                return fail(res, 409, std::string(core::message(Msg::ServeNotImported, lang)));
            fn(c);
        } catch (const FatalError& e) {
            fail(res, 400, e.what());
        }
    }

    cli::Outcome command(const Context& c, const cli::Invocation& inv) { return cli::invoke(inv, c.lang); }

    void command_failed(httplib::Response& res, const cli::Outcome& o) {
        fail(res, o.not_found ? 404 : 400, std::string(core::trim(o.err)));
    }

    json project_overview(const Context& c) {
        const auto manifest = ingest::read_manifest(c.folder.string(), c.lang);
        json out{{"id", c.id}, {"name", manifest.name.empty() ? c.id : manifest.name}};
        const auto project = app::read_store(c.store, c.lang);
        out["imported"] = true;
        const auto summary = json::parse(cli::invoke({"summary", {c.store}, {{"--format", "json"}}, {}}, c.lang).out);
        json territories = json::array();
        for (const auto& t : project.territories) {
            json editions = json::array();
            for (const auto& e : summary.value("editions", json::array()))
                if (e.value("territory", "") == t.name)
                    editions.push_back({{"year", std::atoi(e.value("edition", "0").c_str())}, {"people", e["people"]},
                                        {"organisations", e["organisations"]}, {"sessions", e["sessions"]}, {"rows", e["rows"]}});
            territories.push_back({{"name", t.name}, {"code", t.code}, {"editions", editions}});
        }
        out["territories"] = territories;
        out["organisations"] = project.organisations.size();
        out["people"] = project.people.size();
        out["questions"] = project.questions.size();
        out["decisions"] = project.decisions.size();
        out["folder_sheets"] = folder_sheets_new(c, manifest, project);
        return out;
    }

    /// The sheets the manifest names that the store does not have (by checksum). A file's
    /// checksum is kept while its size and modification time stay (the overview is asked at
    /// every page open; the sheets rarely change).
    std::size_t folder_sheets_new(const Context& c, const ingest::Manifest& manifest, const model::Project& project) {
        std::set<std::string> known;
        for (const auto& f : project.files) known.insert(f.sha256);
        std::size_t n = 0;
        for (const auto& group : manifest.sheets)
            for (const auto& file : ingest::expand_sheets(manifest, group, c.lang)) {
                std::error_code ec;
                const auto written = fs::last_write_time(file, ec);
                const auto size = ec ? 0 : fs::file_size(file, ec);
                auto& kept = m_checksums[file];
                if (ec || kept.written != written || kept.size != size || kept.sha256.empty())
                    kept = {written, size, ingest::file_sha256(file, c.lang)};
                if (known.count(kept.sha256) == 0) ++n;
            }
        return n;
    }
    struct Checksum {
        fs::file_time_type written;
        std::uintmax_t size = 0;
        std::string sha256;
    };
    std::map<std::string, Checksum> m_checksums; ///< under the work lock

    json overview_before_import(const Context& c) {
        const auto manifest = ingest::read_manifest(c.folder.string(), c.lang);
        json territories = json::array();
        for (const auto& d : manifest.departements) territories.push_back({{"name", d}, {"code", d}, {"editions", json::array()}});
        for (const auto& d : manifest.defined) territories.push_back({{"name", d.name}, {"code", d.code}, {"editions", json::array()}});
        std::size_t sheets = 0;
        for (const auto& group : manifest.sheets) sheets += ingest::expand_sheets(manifest, group, c.lang).size();
        return json{{"id", c.id}, {"name", manifest.name.empty() ? c.id : manifest.name}, {"imported", false},
                    {"territories", territories}, {"organisations", 0}, {"people", 0}, {"questions", 0},
                    {"decisions", 0}, {"folder_sheets", sheets}};
    }

    void create_project(const httplib::Request& req, httplib::Response& res) {
        const core::Lang lang = lang_of(req);
        json body;
        try {
            body = json::parse(req.body);
        } catch (const std::exception& e) {
            return fail(res, 400, core::tr(lang, Msg::ServeBadJson, e.what()));
        }
        try {
            std::vector<NewTerritory> territories;
            for (const auto& t : body.value("territories", json::array())) {
                NewTerritory n;
                const std::string kind = t.value("kind", "");
                if (kind == "departement") n.code = t.value("code", "");
                else if (kind == "epci") {
                    n.kind = NewTerritory::Kind::Epci;
                    n.code = t.value("siren", "");
                } else if (kind == "communes") {
                    n.kind = NewTerritory::Kind::Communes;
                    n.name = t.value("name", "");
                    for (const auto& code : t.value("communes", json::array())) n.communes.push_back(code.get<std::string>());
                } else {
                    return fail(res, 400, core::tr(lang, Msg::ServeMissingField, "kind"));
                }
                territories.push_back(std::move(n));
            }
            std::lock_guard lock(m_work);
            const std::string id = m_workspace.create(body.value("name", ""), territories, lang);
            reply(res, 201, json{{"id", id}});
        } catch (const FatalError& e) {
            fail(res, 400, e.what());
        } catch (const json::exception& e) {
            fail(res, 400, core::tr(lang, Msg::ServeBadJson, e.what()));
        }
    }

    // ---- sheets ------------------------------------------------------------------------

    void upload(const httplib::Request& req, httplib::Response& res) {
        const core::Lang lang = lang_of(req);
        const std::string id = req.matches[1].str();
        const auto folder = m_workspace.project(id);
        if (!folder) return fail(res, 404, core::tr(lang, Msg::ServeUnknownProject, id));
        if (!req.is_multipart_form_data()) return fail(res, 400, std::string(core::message(Msg::ServeNoSheets, lang)));
        const bool accept = req.has_file("accept_partial") && req.get_file_value("accept_partial").content == "1";
        const std::string upload_id = random_token().substr(0, 16);
        const fs::path dir = *folder / "envois" / upload_id;
        std::vector<std::pair<std::string, const httplib::MultipartFormData*>> sheets;
        std::set<std::string> names;
        const auto range = req.files.equal_range("sheets");
        for (auto it = range.first; it != range.second; ++it) {
            const auto& f = it->second;
            // the name only, no folder; a name given twice gets a number
            std::string name = fs::path(f.filename).filename().string();
            std::string clean_name;
            for (const char ch : name) clean_name += (static_cast<unsigned char>(ch) < 32 || ch == '/' || ch == '\\') ? '_' : ch;
            if (clean_name.empty() || clean_name.front() == '.') clean_name = "feuille" + clean_name;
            std::string ext = fs::path(clean_name).extension().string();
            for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (ext != ".csv" && ext != ".xlsx" && ext != ".ods")
                return fail(res, 415, core::tr(lang, Msg::ServeNotSheet, clean_name));
            const bool zip = f.content.size() >= 4 && f.content.compare(0, 4, "PK\x03\x04") == 0;
            const bool text = f.content.find('\0') == std::string::npos ||
                              (f.content.size() >= 2 && (f.content.compare(0, 2, "\xff\xfe") == 0 || f.content.compare(0, 2, "\xfe\xff") == 0));
            if ((ext == ".csv") ? !text || zip : !zip) return fail(res, 415, core::tr(lang, Msg::ServeNotSheetContent, clean_name));
            for (int n = 2; names.count(clean_name) != 0; ++n)
                clean_name = fs::path(name).stem().string() + "-" + std::to_string(n) + fs::path(name).extension().string();
            names.insert(clean_name);
            sheets.emplace_back(clean_name, &f);
        }
        if (sheets.empty()) return fail(res, 400, std::string(core::message(Msg::ServeNoSheets, lang)));
        std::error_code ec;
        fs::create_directories(dir, ec);
        if (ec) return fail(res, 500, ec.message());
        std::vector<std::string> paths;
        for (const auto& [name, f] : sheets) {
            const fs::path path = dir / name;
            std::ofstream out(path, std::ios::binary);
            out.write(f->content.data(), static_cast<std::streamsize>(f->content.size()));
            if (!out) return fail(res, 500, path.filename().string());
            paths.push_back(path.string());
        }
        {
            std::lock_guard lock(m_jobs_mutex);
            m_uploads[upload_id] = Upload{id, dir, paths, {}};
        }
        Context c{id, *folder, m_workspace.store_of(*folder, lang), "", lang};
        reply(res, 202, json{{"job", start_ingest(c, paths, false, accept, upload_id)}, {"upload", upload_id}});
    }

    /// Starts an ingest in the background: `sheets` (an upload's), or the folder's own with
    /// `folder_sheets`. The job reports its progress, then the outcome.
    std::string start_ingest(const Context& c, std::vector<std::string> sheets, bool folder_sheets, bool accept_partial,
                             const std::string& upload_id) {
        auto job = std::make_shared<Job>();
        job->files = sheets.size();
        const std::string job_id = random_token().substr(0, 16);
        std::lock_guard lock(m_jobs_mutex);
        m_jobs[job_id] = job;
        // the threads of jobs that have ended are joined here (past their outcome, they no longer
        // take this lock), so that a server running for weeks does not keep one per upload
        std::erase_if(m_threads, [](auto& entry) {
            bool ended = false;
            {
                std::lock_guard l(entry.second->mutex);
                ended = entry.second->state != "running";
            }
            if (ended && entry.first.joinable()) entry.first.join();
            return ended;
        });
        m_threads.emplace_back(std::piecewise_construct, std::forward_as_tuple([this, job, c, sheets = std::move(sheets), folder_sheets, accept_partial, upload_id] {
            std::lock_guard work(m_work);
            try {
                app::IngestRequest request;
                request.store = c.store;
                request.inputs = {c.folder.string()};
                request.manifest_sheets = folder_sheets;
                request.added_sheets = sheets;
                request.accept_partial = accept_partial;
                if (folder_sheets) {
                    const auto manifest = ingest::read_manifest(c.folder.string(), c.lang);
                    std::size_t n = 0;
                    for (const auto& group : manifest.sheets) n += ingest::expand_sheets(manifest, group, c.lang).size();
                    std::lock_guard l(job->mutex);
                    job->files = n;
                }
                request.options.progress = [this, job](const std::string& file, std::int64_t rows) {
                    std::lock_guard l(job->mutex);
                    const std::string shown = clean(file);
                    if (job->seen_files.insert(shown).second && !job->file.empty()) ++job->files_done;
                    job->file = shown;
                    job->rows = rows;
                };
                auto result = app::ingest_into_store(request, c.lang);
                if (!result.report.quarantine.empty())
                    cli::write_quarantine((c.folder / "maillage.quarantaine.csv").string(), result.report.quarantine, c.lang);
                json r = ingest_outcome(result, c, upload_id);
                std::lock_guard l(job->mutex);
                job->files_done = job->files;
                job->result = std::move(r);
                job->state = "done";
            } catch (const std::exception& e) {
                std::lock_guard l(job->mutex);
                job->error = clean(e.what());
                job->state = "failed";
            }
        }), std::forward_as_tuple(job));
        return job_id;
    }


    json ingest_outcome(const app::IngestResult& result, const Context& c, const std::string& upload_id) {
        json files = json::array(), problems = json::array(), set_aside = json::array();
        std::size_t taken = 0, refused = 0, known = 0;
        std::vector<std::string> good_rows;
        // the rows of the problems: kept rows from the quarantine, the others read again
        std::map<std::pair<std::string, std::int64_t>, std::string> row_text;
        for (const auto& q : result.report.quarantine)
            row_text[{clean(q.sheet.empty() ? q.file : q.file + "[" + q.sheet + "]"), q.line}] =
                cli::quarantine_cells(q.headers, q.cells);
        for (const auto& f : result.report.files) {
            std::string status = "taken";
            switch (f.status) {
            case ingest::FileOutcome::Status::Taken: ++taken; break;
            case ingest::FileOutcome::Status::TakenPartially: status = "partial"; ++taken; break;
            case ingest::FileOutcome::Status::Refused:
                status = "refused";
                ++refused;
                if (f.rows > f.rejected) good_rows.push_back(f.path);
                break;
            case ingest::FileOutcome::Status::AlreadyThere: status = "known"; ++known; break;
            }
            files.push_back({{"file", clean(f.path)}, {"status", status}, {"rows", f.rows}, {"set_aside", f.rejected},
                             {"attendances", f.added.attendances}, {"people", f.added.people},
                             {"organisations", f.added.organisations}, {"editions", f.added.editions}});
        }
        std::set<std::pair<std::string, std::int64_t>> wanted;
        for (const auto& d : result.diagnostics.items())
            if (d.where.line > 0) wanted.insert({d.where.file, d.where.line});
        for (const auto& path : good_rows) {
            try {
                std::string source;
                std::vector<std::string> headers;
                ingest::read_tables(
                    path, {}, c.lang,
                    [&](const ingest::TableInfo& t) {
                        source = t.source;
                        headers = t.headers;
                    },
                    [&](const ingest::Row& r) {
                        if (wanted.count({source, r.line}) != 0) row_text[{clean(source), r.line}] = cli::quarantine_cells(headers, r.cells);
                    });
            } catch (const std::exception&) {
                // unreadable again: the problems say why
            }
        }
        for (const auto& d : result.diagnostics.items()) {
            const std::string file = clean(d.where.file);
            const auto row = row_text.find({file, d.where.line});
            problems.push_back({{"file", file}, {"line", d.where.line}, {"column", d.where.column}, {"field", d.where.field},
                                {"severity", d.severity == core::Severity::Error ? "error" : "warning"},
                                {"message", clean(d.message)}, {"row", row == row_text.end() ? "" : row->second}});
        }
        for (const auto& q : result.report.quarantine) {
            std::string why;
            for (const auto& p : q.problems) why += (why.empty() ? "" : " ; ") + clean(p);
            set_aside.push_back({{"file", clean(q.file)}, {"line", q.line}, {"reason", why}});
        }
        if (!upload_id.empty()) {
            std::lock_guard lock(m_jobs_mutex);
            if (auto it = m_uploads.find(upload_id); it != m_uploads.end()) it->second.refused_with_good_rows = good_rows;
        }
        return json{{"upload", upload_id},
                    {"saved", result.saved},
                    {"message", core::tr(c.lang, Msg::ServeIngestDone, taken, refused, known)},
                    {"files", files},
                    {"problems", problems},
                    {"set_aside", set_aside},
                    {"can_take_good_rows", !good_rows.empty() && !upload_id.empty()},
                    {"organisations", result.project.organisations.size()},
                    {"people", result.project.people.size()},
                    {"questions", result.project.questions.size()}};
    }

    // ---- identity ----------------------------------------------------------------------

    json identity_questions(const Context& c) {
        const auto o = cli::invoke({"check", {c.store}, {{"--format", "json"}}, {}}, c.lang);
        if (o.code > 1) throw FatalError(std::string(core::trim(o.err)));
        const auto check = json::parse(o.out);
        const auto project = app::read_store(c.store, c.lang);
        json questions = json::array();
        for (auto q : check.value("questions", json::array())) {
            q["cards"] = json::array({identity_card(project, q.value("first", ""), q.value("about", "") == "people", c.lang),
                                      identity_card(project, q.value("second", ""), q.value("about", "") == "people", c.lang)});
            questions.push_back(std::move(q));
        }
        return json{{"questions", questions}, {"organisations", project.organisations.size()},
                    {"people", project.people.size()}};
    }

    json decisions(const Context& c) {
        const auto project = app::read_store(c.store, c.lang);
        json out = json::array();
        for (const auto& d : project.decisions) {
            const char* verdict = d.verdict == model::Verdict::Same ? "same" : d.verdict == model::Verdict::Different ? "different" : "renamed";
            out.push_back({{"about", d.people ? "people" : "organisations"}, {"first", d.first}, {"second", d.second},
                           {"verdict", verdict}, {"year", d.year == 0 ? json(nullptr) : json(d.year)}});
        }
        return json{{"decisions", out}};
    }

    void decide(const Context& c, const httplib::Request& req, httplib::Response& res, bool undo) {
        json body;
        try {
            body = json::parse(req.body);
        } catch (const std::exception& e) {
            return fail(res, 400, core::tr(c.lang, Msg::ServeBadJson, e.what()));
        }
        const std::string first = body.value("first", ""), second = body.value("second", "");
        if (first.empty()) return fail(res, 400, core::tr(c.lang, Msg::ServeMissingField, "first"));
        if (second.empty()) return fail(res, 400, core::tr(c.lang, Msg::ServeMissingField, "second"));
        cli::Invocation inv{"resolve", {c.store, first, second}, {}, {}};
        if (body.value("people", false)) inv.flags.emplace_back("--people");
        if (undo) inv.flags.emplace_back("--undo");
        else {
            const std::string verdict = body.value("verdict", "");
            if (verdict == "same") inv.flags.emplace_back("--same");
            else if (verdict == "different") inv.flags.emplace_back("--different");
            else if (verdict == "renamed") {
                const auto year = body.contains("year") && body["year"].is_number_integer() ? body["year"].get<int>() : 0;
                inv.options.emplace_back("--renamed", std::to_string(year));
            } else return fail(res, 400, core::tr(c.lang, Msg::ServeBadVerdict, verdict));
        }
        const auto o = cli::invoke(inv, c.lang);
        if (o.code > 1) return fail(res, o.err.find("modifiée hors") != std::string::npos || o.err.find("another command") != std::string::npos ? 409 : 400,
                                    std::string(core::trim(o.err)));
        const auto project = app::read_store(c.store, c.lang);
        reply(res, 200, json{{"message", std::string(core::trim(o.out))}, {"organisations", project.organisations.size()},
                             {"people", project.people.size()}, {"questions", project.questions.size()}});
    }

    // ---- what to do next, sharing ------------------------------------------------------

    void invitations_csv(const Context& c, const httplib::Request& req, httplib::Response& res) {
        json body;
        try {
            body = json::parse(req.body);
        } catch (const std::exception& e) {
            return fail(res, 400, core::tr(c.lang, Msg::ServeBadJson, e.what()));
        }
        std::set<std::string> chosen;
        for (const auto& n : body.value("organisations", json::array()))
            if (n.is_string()) chosen.insert(n.get<std::string>());
        const auto o = cli::invoke({"invite", {c.store}, {{"--territory", c.territory}, {"--format", "json"}, {"--top", "100000"}}, {}},
                                   c.lang);
        if (o.code > 1) return command_failed(res, o);
        auto invite = json::parse(o.out);
        add_labels(invite, c.lang);
        // For a spreadsheet (invite --excel's conventions): UTF-8 with BOM, ';', decimal comma,
        // the columns a coordinator reads, in their words.
        auto head = [&](Msg m) { return std::string(core::message(m, c.lang)); };
        std::string csv = "\xEF\xBB\xBF" + core::csv_record({head(Msg::HeadRank), head(Msg::HeadOrganisation), head(Msg::HeadType),
                                                                head(Msg::HeadCommune), head(Msg::HeadEpci), head(Msg::HeadScore),
                                                                head(Msg::HeadReason)},
                                                               ';');
        for (const auto& t : invite.value("territories", json::array()))
            for (const auto& r : t.value("organisations", json::array())) {
                if (chosen.count(r.value("organisation", "")) == 0) continue;
                csv += core::csv_record({std::to_string(r.value("rank", 0)), r.value("organisation", ""), r.value("type_label", ""),
                                         r.value("commune_name", ""), r.value("epci_name", ""),
                                         core::format_decimal(r.value("score", 0.0), 2, core::Lang::Fr), r.value("reason", "")},
                                        ';');
            }
        res.set_header("Content-Disposition", "attachment; filename=\"invitations-" + file_word(c.territory) + ".csv\"");
        res.set_content(csv, "text/csv; charset=utf-8");
    }

    /// Words beside the keys of a command's JSON rows, for the page: "type" gets "type_label"
    /// (the taxonomy's), "commune" (an INSEE code) gets "commune_name" (the COG's).
    static void add_labels(json& j, core::Lang lang) {
        const auto& taxonomy = shipped_taxonomy();
        if (j.is_array())
            for (auto& e : j) add_labels(e, lang);
        if (!j.is_object()) return;
        for (auto& [key, value] : j.items())
            if (value.is_structured()) add_labels(value, lang);
        if (j.contains("type") && j["type"].is_string() && !j.contains("type_label"))
            j["type_label"] = advise::type_label(taxonomy, j["type"].get<std::string>(), lang);
        if (j.contains("commune") && j["commune"].is_string() && !j.contains("commune_name")) {
            const std::string label = commune_label(j["commune"].get<std::string>(), lang);
            const auto paren = label.rfind(" (");
            j["commune_name"] = paren == std::string::npos ? label : label.substr(0, paren);
        }
    }

    void report(const Context& c, const httplib::Request& req, httplib::Response& res) {
        const fs::path tmp = fs::temp_directory_path() / ("maillage-report-" + random_token().substr(0, 12) + ".html");
        cli::Invocation inv{"report", {c.store}, {{"-o", tmp.string()}}, {}};
        if (c.territory == "*") inv.flags.emplace_back("--all");
        else inv.options.emplace_back("--territory", c.territory);
        const auto o = cli::invoke(inv, c.lang);
        std::error_code ec;
        if (o.code > 1) {
            fs::remove(tmp, ec);
            return command_failed(res, o);
        }
        std::string html = read_file(tmp);
        fs::remove(tmp, ec);
        (void)req;
        res.set_header("Content-Disposition", "attachment; filename=\"" + std::string(c.lang == core::Lang::En ? "report" : "rapport") + "-" +
                                                  (c.territory == "*" ? std::string("region") : file_word(c.territory)) + ".html\"");
        res.set_content(html, "text/html; charset=utf-8");
    }

    static std::string file_word(const std::string& text) {
        std::string out;
        for (const char ch : core::fold(text)) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
            else if (!out.empty() && out.back() != '-') out += '-';
        }
        return out.empty() ? "territoire" : out;
    }

    void export_file(const Context& c, const httplib::Request& req, httplib::Response& res) {
        static const std::map<std::string, std::string> types{{"gexf", "application/gexf+xml"},
                                                              {"graphml", "application/graphml+xml"},
                                                              {"gpkg", "application/geopackage+sqlite3"},
                                                              {"csv", "text/csv; charset=utf-8"},
                                                              {"json", "application/json"}};
        const std::string format = req.get_param_value("format");
        const auto type = types.find(format);
        if (type == types.end()) return fail(res, 400, core::tr(c.lang, Msg::ServeUnknownFormat, format));
        const fs::path dir = fs::temp_directory_path() / ("maillage-export-" + random_token().substr(0, 12));
        std::error_code ec;
        fs::create_directories(dir, ec);
        const std::string name = "reseau-" + file_word(c.territory) +
                                 (req.get_param_value("edition").empty() ? "" : "-" + file_word(req.get_param_value("edition"))) + "." + format;
        cli::Invocation inv{"export", {c.store}, {{"--territory", c.territory}, {"--scope", "organisations"}, {"--format", format},
                                                  {"--level", level_of(req)}, {"-o", (dir / name).string()}}, {}};
        if (const std::string y = req.get_param_value("edition"); !y.empty()) inv.options.emplace_back("--edition", y);
        const auto o = cli::invoke(inv, c.lang);
        if (o.code > 1) {
            fs::remove_all(dir, ec);
            return command_failed(res, o);
        }
        std::string bytes = read_file(dir / name);
        fs::remove_all(dir, ec);
        res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        res.set_content(bytes, type->second);
    }
};

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    if (options.tls_cert.empty() != options.tls_key.empty())
        throw FatalError(std::string(core::message(Msg::UsageTlsPair, options.lang)));
    // A long-running process: each store's project is kept while its file is unchanged (the
    // commands run in process read it again at every answer otherwise), and glibc keeps two
    // arenas rather than one per answering thread (eight threads each kept what they freed:
    // 1 GiB for a 2,000-organisation territory, against 373 MiB with two).
    app::keep_read_stores(true);
    mallopt(M_ARENA_MAX, 2);
    Server server(options, out, err);
    return server.run();
}

} // namespace maillage::serve
