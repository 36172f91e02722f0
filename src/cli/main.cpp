// The maillage command line: the one translation unit that includes CLI11. It turns each
// command's argument declarations into CLI11 options, picks the language, and maps outcomes to
// exit codes: 0 ok, 1 data problems, 2 usage or fatal.
#include <csignal>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"
#include "serve_command.hpp"

#ifndef MAILLAGE_VERSION
#define MAILLAGE_VERSION "0.0.0"
#endif

#ifdef MAILLAGE_JEMALLOC
// jemalloc's options, read when it starts (docs/architecture.md, "Allocator"): two arenas, as many
// as the cores maillage targets. The workspace's server answers on eight threads; with an arena
// each, what every thread freed stayed with it (glibc did the same: M_ARENA_MAX 2 there).
extern "C" {
extern const char* malloc_conf; // NOLINT: jemalloc's name
const char* malloc_conf = "narenas:2";
}
#endif

namespace {

using maillage::core::Lang;
using maillage::core::Msg;

// The language must be known before the help text is built, so --lang is read ahead of CLI11.
Lang early_lang(int argc, char** argv, bool& bad, std::string& bad_value) {
    Lang lang = maillage::core::lang_from_environment();
    for (int i = 1; i < argc; ++i) {
        std::string_view a(argv[i]);
        std::string_view value;
        if (a == "--lang" && i + 1 < argc) value = argv[i + 1];
        else if (a.starts_with("--lang=")) value = a.substr(7);
        else continue;
        if (auto parsed = maillage::core::parse_lang(value)) lang = *parsed;
        else {
            bad = true;
            bad_value = std::string(value);
        }
    }
    return lang;
}

// CLI11's help labels, from the catalogue (the English entries are CLI11's own words).
void help_labels(CLI::App& app, Lang lang) {
    auto f = app.get_formatter();
    auto label = [&](const std::string& key, Msg text) { f->label(key, std::string(maillage::core::message(text, lang))); };
    label("Usage", Msg::HelpUsage);
    label("OPTIONS", Msg::HelpOptionsUpper);
    label("Options", Msg::HelpOptions);
    label("SUBCOMMANDS", Msg::HelpCommandsUpper);
    label("Subcommands", Msg::HelpCommands);
    label("SUBCOMMAND", Msg::HelpCommandUpper);
    label("POSITIONALS", Msg::HelpPositionalsUpper);
    label("Positionals", Msg::HelpPositionals);
    label("REQUIRED", Msg::HelpRequired);
    label("TEXT", Msg::HelpText);
    label("Excludes", Msg::HelpExcludes);
    label("Needs", Msg::HelpNeeds);
}

// A CLI11 parse error in the user's language. CLI11 (2.1, Debian's libcli11-dev) gives its
// errors as English sentences only, so the option's name and value are read back from the
// sentence of each error type; a sentence of an unknown shape is kept as CLI11 wrote it.
std::string parse_error_text(const CLI::ParseError& e, const CLI::App& app, Lang lang) {
    using maillage::core::tr;
    const std::string what = e.what();
    auto after = [&](const std::string& prefix) { return what.substr(prefix.size()); };
    auto ends_with = [&](const std::string& suffix) {
        return what.size() > suffix.size() && what.compare(what.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    auto before = [&](const std::string& suffix) { return what.substr(0, what.size() - suffix.size()); };
    const std::size_t colon = what.find(": ");
    const std::string name = colon == std::string::npos ? std::string() : what.substr(0, colon);
    const std::string rest = colon == std::string::npos ? std::string() : what.substr(colon + 2);

    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
        if (what == "A subcommand is required") {
            const auto extra = app.remaining();
            if (!extra.empty() && !extra.front().starts_with("-")) return tr(lang, Msg::UsageUnknownCommand, extra.front());
            return tr(lang, Msg::UsageCommandRequired);
        }
        if (ends_with(" is required")) return tr(lang, Msg::UsageRequired, before(" is required"));
    } else if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
        for (const std::string prefix : {"The following argument was not expected: ", "The following arguments were not expected: "}) {
            if (!what.starts_with(prefix)) continue;
            // CLI11 2.1 lists them last first: put them back in the command line's order.
            std::vector<std::string> words;
            std::istringstream list(after(prefix));
            for (std::string word; list >> word;) words.insert(words.begin(), word);
            std::string shown;
            bool all_options = true;
            for (const auto& word : words) {
                shown += (shown.empty() ? "" : " ") + word;
                if (!word.starts_with("-")) all_options = false;
            }
            return maillage::core::tr_plural(lang, all_options ? Msg::UsageUnknownOption : Msg::UsageUnexpectedArgument,
                                             static_cast<std::int64_t>(words.size()), shown);
        }
    } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
        // CLI::IsMember: "NAME: VALUE not in {a,b,c}"
        const std::size_t not_in = rest.rfind(" not in {");
        if (!name.empty() && not_in != std::string::npos && rest.ends_with("}")) {
            std::string choices = rest.substr(not_in + 9, rest.size() - not_in - 10);
            for (std::size_t i = 0; (i = choices.find(',', i)) != std::string::npos; i += 2) choices.replace(i, 1, ", ");
            return tr(lang, Msg::UsageBadChoice, name, rest.substr(0, not_in), choices);
        }
    } else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
        const std::string prefix = "Could not convert: ";
        const std::size_t equals = what.find(" = ");
        if (what.starts_with(prefix) && equals != std::string::npos)
            return tr(lang, Msg::UsageBadValue, what.substr(prefix.size(), equals - prefix.size()), what.substr(equals + 3));
        const std::string allowed = " is not an allowed value for ";
        const std::size_t at = what.find(allowed);
        if (what.starts_with("The value ") && at != std::string::npos)
            return tr(lang, Msg::UsageBadValue, what.substr(at + allowed.size()), what.substr(10, at - 10));
        if (!name.empty()) return tr(lang, Msg::UsageValueCount, name);
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
        if (!name.empty() && rest.find(" required ") != std::string::npos && rest.ends_with(" missing"))
            return tr(lang, Msg::UsageMissingValue, name);
        if (!name.empty() && name.starts_with("-")) return tr(lang, Msg::UsageValueCount, name);
    }
    return what;
}

void adapt(CLI::App& sub, const maillage::cli::Arguments& args) {
    using Kind = maillage::cli::ArgumentDecl::Kind;
    for (const auto& d : args.decls()) {
        CLI::Option* opt = nullptr;
        switch (d.kind) {
        case Kind::Positionals: opt = sub.add_option(d.names, *d.list, d.help); break;
        case Kind::Option: opt = sub.add_option(d.names, *d.text, d.help); break;
        case Kind::OptionList: opt = sub.add_option(d.names, *d.list, d.help)->take_all(); break;
        case Kind::Flag: opt = sub.add_flag(d.names, *d.flag, d.help); break;
        }
        if (d.required) opt->required();
        if (!d.choices.empty()) opt->check(CLI::IsMember(d.choices));
        if (d.kind == Kind::Option && !d.text->empty()) opt->default_str(*d.text);
    }
}

} // namespace

namespace {

/// True when standard output is a pipe or socket whose reading end is closed (poll reports an
/// error on the writing end then).
bool reader_gone() {
    struct stat st {};
    if (::fstat(STDOUT_FILENO, &st) != 0 || (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))) return false;
    pollfd p{STDOUT_FILENO, POLLOUT, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
}

} // namespace

int main(int argc, char** argv) {
    bool bad_lang = false;
    std::string bad_lang_value;
    const Lang lang = early_lang(argc, argv, bad_lang, bad_lang_value);
    const std::string error_word(maillage::core::message(Msg::WordError, lang));
    if (bad_lang) {
        std::cerr << "maillage: " << error_word << ": "
                  << maillage::core::tr(lang, Msg::UsageUnknownLang, bad_lang_value) << '\n';
        return 2;
    }

    CLI::App app(std::string(maillage::core::message(Msg::AppDescription, lang)), "maillage");
    help_labels(app, lang);
    const std::string help_text(maillage::core::message(Msg::OptHelp, lang));
    app.set_help_flag("-h,--help", help_text);
    app.set_help_all_flag("--help-all", std::string(maillage::core::message(Msg::OptHelpAll, lang)));
    app.set_version_flag("--version", std::string("maillage ") + MAILLAGE_VERSION,
                         std::string(maillage::core::message(Msg::OptVersion, lang)));
    std::string lang_option = lang == Lang::Fr ? "fr" : "en";
    app.add_option("--lang", lang_option, std::string(maillage::core::message(Msg::OptLang, lang)))
        ->check(CLI::IsMember({"fr", "en"}))
        ->default_str(lang_option);
    app.require_subcommand(1);
    app.fallthrough(); // --lang is accepted after the command name too

    auto commands = maillage::cli::make_commands();
    commands.push_back(maillage::serve::make_serve_command());
    std::vector<maillage::cli::Arguments> declarations(commands.size());
    std::vector<CLI::App*> subs;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        auto& cmd = *commands[i];
        CLI::App* sub = app.add_subcommand(std::string(cmd.name()),
                                           std::string(maillage::core::message(cmd.description(), lang)));
        sub->set_help_flag("-h,--help", help_text);
        cmd.declare(declarations[i], lang);
        adapt(*sub, declarations[i]);
        subs.push_back(sub);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "maillage: " << error_word << ": " << parse_error_text(e, app, lang) << '\n';
        std::cerr << maillage::core::message(Msg::UsageSeeHelp, lang) << '\n';
        return 2;
    }

    maillage::cli::Context context{lang, std::cout, std::cerr};
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (!subs[i]->parsed()) continue;
        try {
            commands[i]->setup(context);
            const int code = commands[i]->run(context);
            errno = 0;
            std::cout.flush();
            if (!std::cout) {
                // a reader that went away (`maillage … | head` with SIGPIPE ignored): end
                // quietly, with the status a shell gives a tool its closed pipe stopped
                if (reader_gone()) return 128 + SIGPIPE;
                // a full device, an I/O error: the product is not there, say so
                const int error = errno;
                std::cerr << "maillage " << commands[i]->name() << ": " << error_word << ": "
                          << maillage::core::tr(lang, Msg::OutputWriteFailed, std::strerror(error != 0 ? error : EIO)) << '\n';
                return 2;
            }
            return code;
        } catch (const maillage::FatalError& e) {
            std::cout.flush();
            const std::string what = e.what();
            // Errors that concern a file already say "file: erreur: ..."; usage errors don't.
            if (what.find(": " + error_word + ": ") == std::string::npos)
                std::cerr << "maillage " << commands[i]->name() << ": " << error_word << ": ";
            std::cerr << what << '\n';
            return 2;
        } catch (const maillage::DataError& e) {
            std::cerr << e.what() << '\n';
            return 1;
        } catch (const std::exception& e) {
            std::cerr << "maillage: " << error_word << ": " << e.what() << '\n';
            return 2;
        }
    }
    return 2;
}
