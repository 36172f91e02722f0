// The maillage command line: the one translation unit that includes CLI11. It turns each
// command's argument declarations into CLI11 options, picks the language, and maps outcomes to
// exit codes: 0 ok, 1 data problems, 2 usage or fatal.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "maillage/core/error.hpp"
#include "maillage/core/messages.hpp"

#ifndef MAILLAGE_VERSION
#define MAILLAGE_VERSION "0.0.0"
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

void french_labels(CLI::App& app) {
    auto f = app.get_formatter();
    f->label("Usage", "Utilisation");
    f->label("OPTIONS", "OPTIONS");
    f->label("Options", "Options");
    f->label("SUBCOMMANDS", "COMMANDES");
    f->label("Subcommands", "Commandes");
    f->label("SUBCOMMAND", "COMMANDE");
    f->label("POSITIONALS", "ARGUMENTS");
    f->label("Positionals", "Arguments");
    f->label("REQUIRED", "OBLIGATOIRE");
    f->label("TEXT", "TEXTE");
    f->label("Excludes", "Exclut");
    f->label("Needs", "Requiert");
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
    if (lang == Lang::Fr) french_labels(app);
    app.set_help_flag("-h,--help", lang == Lang::Fr ? "Affiche cette aide et quitte" : "Print this help and exit");
    app.set_help_all_flag("--help-all", lang == Lang::Fr ? "Affiche l'aide de toutes les commandes"
                                                          : "Print the help of every command");
    app.set_version_flag("--version", std::string("maillage ") + MAILLAGE_VERSION,
                         std::string(maillage::core::message(Msg::OptVersion, lang)));
    std::string lang_option = lang == Lang::Fr ? "fr" : "en";
    app.add_option("--lang", lang_option, std::string(maillage::core::message(Msg::OptLang, lang)))
        ->check(CLI::IsMember({"fr", "en"}))
        ->default_str(lang_option);
    app.require_subcommand(1);
    app.fallthrough(); // --lang is accepted after the command name too

    auto commands = maillage::cli::make_commands();
    std::vector<maillage::cli::Arguments> declarations(commands.size());
    std::vector<CLI::App*> subs;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        auto& cmd = *commands[i];
        CLI::App* sub = app.add_subcommand(std::string(cmd.name()),
                                           std::string(maillage::core::message(cmd.description(), lang)));
        sub->set_help_flag("-h,--help", lang == Lang::Fr ? "Affiche cette aide et quitte" : "Print this help and exit");
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
        std::cerr << "maillage: " << error_word << ": " << e.what() << '\n';
        std::cerr << (lang == Lang::Fr ? "Voir « maillage --help »." : "See 'maillage --help'.") << '\n';
        return 2;
    }

    maillage::cli::Context context{lang, std::cout, std::cerr};
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (!subs[i]->parsed()) continue;
        try {
            commands[i]->setup(context);
            const int code = commands[i]->run(context);
            std::cout.flush();
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
