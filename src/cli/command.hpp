// A subcommand (osmium-tool style): it declares its arguments once, validates them in setup()
// without opening any file, and does its work in run(). CLI11 stays in main.cpp, the one
// translation unit that adapts these declarations (it costs seconds to compile).
#pragma once

#include <iosfwd>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/core/messages.hpp"

namespace maillage::cli {

struct Context {
    core::Lang lang = core::Lang::Fr;
    std::ostream& out; ///< the product only
    std::ostream& err; ///< diagnostics; stays empty when there is nothing to report
};

/// An argument declared once: its names, help, and where its value goes. Help text,
/// validation and errors derive from this declaration (GDAL's gdal CLI does the same).
struct ArgumentDecl {
    enum class Kind { Positionals, Option, OptionList, Flag };
    Kind kind = Kind::Option;
    std::string names;                 ///< CLI11 style: "-o,--output" or "sheets"
    std::string help;
    std::vector<std::string> choices;  ///< allowed values (empty = any)
    bool required = false;
    std::string* text = nullptr;              ///< Option
    std::vector<std::string>* list = nullptr; ///< Positionals, OptionList
    bool* flag = nullptr;                     ///< Flag
    std::string value_name;                   ///< shown in help, e.g. FICHIER
};

class Arguments {
public:
    void positionals(std::string name, std::string help, std::vector<std::string>* target, bool required);
    void option(std::string names, std::string help, std::string* target, std::vector<std::string> choices = {});
    void option_list(std::string names, std::string help, std::vector<std::string>* target);
    void flag(std::string names, std::string help, bool* target);
    /// Marks an option already declared as required.
    void require(const std::string& names);
    [[nodiscard]] const std::vector<ArgumentDecl>& decls() const { return m_decls; }

private:
    std::vector<ArgumentDecl> m_decls;
};

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    [[nodiscard]] virtual core::Msg description() const = 0;
    virtual void declare(Arguments& args, core::Lang lang) = 0;
    /// Validates the parsed options; opens no file. Throws FatalError on bad usage (exit 2).
    virtual void setup(const Context& /*context*/) {}
    /// Does the work: 0 ok, 1 data problems. Throws FatalError for what stops it (exit 2).
    virtual int run(const Context& context) = 0;
};

/// A whole number from an option's text: digits only, at most `max`; nullopt otherwise.
std::optional<std::uint64_t> parse_whole(const std::string& text, std::uint64_t max);

/// A year from an option's text (--edition, --diff): one to four digits; nullopt otherwise.
std::optional<int> parse_year(const std::string& text);

/// Writes a command's product to `output` (written aside, then renamed), or to context.out when
/// no output is given.
void write_product(const Context& context, const std::string& output, std::string_view product);


/// Every command maillage has, in the order `--help` lists them (registry.cpp: one line each).
std::vector<std::unique_ptr<Command>> make_commands();

} // namespace maillage::cli
