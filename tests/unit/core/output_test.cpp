#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "maillage/core/lang.hpp"
#include "maillage/core/output.hpp"

using namespace maillage::core;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
    const auto dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST(WriteFileAtomically, ReplacesARegularFileWholeAndLeavesNothingAside) {
    const auto dir = fresh_folder("maillage-output");
    const auto file = dir / "out.txt";
    std::ofstream(file) << "old and longer content";
    write_file_atomically(file.string(), "new", Lang::Fr);
    EXPECT_EQ(read_all(file), "new");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}

// `-o /dev/null` as root once renamed a file over /dev/null: a device or a pipe is written to,
// never replaced. A FIFO stands for the device here (a test must not touch /dev/null).
TEST(WriteFileAtomically, WritesIntoAPipeWithoutReplacingIt) {
    const auto dir = fresh_folder("maillage-output-fifo");
    const auto fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto reader = std::async(std::launch::async, [&] { return read_all(fifo); });
    write_file_atomically(fifo.string(), "through the pipe", Lang::Fr);
    EXPECT_EQ(reader.get(), "through the pipe");
    EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
    fs::remove_all(dir);
}
