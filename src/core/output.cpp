#include "maillage/core/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"

namespace maillage::core {

void write_file_atomically(const std::string& path, std::string_view content, Lang lang) {
    const std::filesystem::path target(path);
    // A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written to, not replaced: a
    // file renamed over /dev/null would take its place for every program of the machine.
    std::error_code kind_error;
    const auto kind = std::filesystem::status(target, kind_error).type();
    if (!kind_error && (kind == std::filesystem::file_type::character || kind == std::filesystem::file_type::block ||
                        kind == std::filesystem::file_type::fifo || kind == std::filesystem::file_type::socket)) {
        std::ofstream out(target, std::ios::binary);
        if (out) out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (out) out.flush();
        if (!out) throw FatalError(render_error(path, tr(lang, Msg::OutputNotWritable, path, std::strerror(errno)), lang));
        return;
    }
    const std::filesystem::path aside =
        target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    auto fail = [&](const std::string& why) {
        std::error_code ec;
        std::filesystem::remove(aside, ec);
        throw FatalError(render_error(path, tr(lang, Msg::OutputNotWritable, path, why), lang));
    };
    {
        std::ofstream out(aside, std::ios::binary | std::ios::trunc);
        if (!out) fail(std::strerror(errno));
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) fail(std::strerror(errno));
    }
    std::error_code ec;
    std::filesystem::rename(aside, target, ec);
    if (ec) fail(ec.message());
}

} // namespace maillage::core
