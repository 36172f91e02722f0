#include "invoke.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "command.hpp"
#include "maillage/core/error.hpp"

namespace maillage::cli {

namespace {

/// True when `names` ("-o,--output") declares `name` ("--output").
bool declares(const std::string& names, const std::string& name) {
    std::istringstream list(names);
    for (std::string one; std::getline(list, one, ',');)
        if (one == name) return true;
    return false;
}

const ArgumentDecl& find_decl(const Arguments& args, const std::string& name, const std::string& command) {
    for (const auto& d : args.decls())
        if (declares(d.names, name)) return d;
    throw std::logic_error("maillage " + command + " has no argument " + name);
}

} // namespace

Outcome invoke(const Invocation& invocation, core::Lang lang) {
    auto commands = make_commands();
    const auto it = std::find_if(commands.begin(), commands.end(),
                                 [&](const auto& c) { return c->name() == invocation.command; });
    if (it == commands.end()) throw std::logic_error("no command " + invocation.command);
    Command& command = **it;
    Arguments args;
    command.declare(args, lang);
    for (const auto& d : args.decls())
        if (d.kind == ArgumentDecl::Kind::Positionals) *d.list = invocation.positionals;
    for (const auto& [name, value] : invocation.options) {
        const auto& d = find_decl(args, name, invocation.command);
        if (!d.choices.empty() && std::find(d.choices.begin(), d.choices.end(), value) == d.choices.end())
            throw std::logic_error(name + " " + value + " is not a choice of maillage " + invocation.command);
        if (d.kind == ArgumentDecl::Kind::Option) *d.text = value;
        else if (d.kind == ArgumentDecl::Kind::OptionList) d.list->push_back(value);
        else throw std::logic_error(name + " takes no value");
    }
    for (const auto& name : invocation.flags) {
        const auto& d = find_decl(args, name, invocation.command);
        if (d.kind != ArgumentDecl::Kind::Flag) throw std::logic_error(name + " is not a flag");
        *d.flag = true;
    }
    std::ostringstream out, err;
    Outcome outcome;
    Context context{lang, out, err};
    try {
        command.setup(context);
        outcome.code = command.run(context);
    } catch (const NotFoundError& e) {
        outcome.code = 2;
        outcome.not_found = true;
        err << e.what() << '\n';
    } catch (const FatalError& e) {
        outcome.code = 2;
        err << e.what() << '\n';
    } catch (const DataError& e) {
        outcome.code = 1;
        err << e.what() << '\n';
    }
    outcome.out = std::move(out).str();
    outcome.err = std::move(err).str();
    return outcome;
}

} // namespace maillage::cli
