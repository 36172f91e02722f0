#include "process.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace maillage::test {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string unfolded(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view line(text.data() + start, end - start);
        if (line.starts_with("    ") && !out.empty() && out.back() == '\n') {
            out.back() = ' ';
            out.append(line.substr(4));
        } else {
            out.append(line);
        }
        if (end < text.size()) out.push_back('\n');
        start = end + 1;
    }
    return out;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Outcome run(const std::string& program, const std::vector<std::string>& args, const std::string& cwd) {
    char out_template[] = "/tmp/maillage_out_XXXXXX";
    char err_template[] = "/tmp/maillage_err_XXXXXX";
    const int out_fd = mkstemp(out_template);
    const int err_fd = mkstemp(err_template);
    if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);

    // posix_spawn has no portable chdir action in glibc 2.36's headers: run through /bin/sh.
    std::string script = "cd \"$0\" && exec \"$@\"";
    std::vector<std::string> argv_s = {"/bin/sh", "-c", script, cwd, program};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_s = {"LANG=C.UTF-8", "PATH=/usr/bin:/bin"};
    if (const char* home = std::getenv("HOME")) env_s.push_back(std::string("HOME=") + home);
    // the sanitizers' settings (the asan preset's suppressions of third-party leaks) reach the binary
    for (const char* name : {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"})
        if (const char* value = std::getenv(name)) env_s.push_back(std::string(name) + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int rc = posix_spawn(&pid, "/bin/sh", &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out_fd);
    close(err_fd);
    if (rc != 0) throw std::runtime_error("posix_spawn failed");
    int status = 0;
    waitpid(pid, &status, 0);

    Outcome outcome;
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    outcome.out = slurp(out_template);
    outcome.err = slurp(err_template);
    std::remove(out_template);
    std::remove(err_template);
    return outcome;
}

} // namespace maillage::test
