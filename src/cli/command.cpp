#include "command.hpp"

#include "input.hpp"

#include <algorithm>
#include <ostream>

#include "maillage/core/output.hpp"

namespace maillage::cli {

void Arguments::positionals(std::string name, std::string help, std::vector<std::string>* target, bool required) {
    ArgumentDecl d;
    d.kind = ArgumentDecl::Kind::Positionals;
    d.names = std::move(name);
    d.help = std::move(help);
    d.list = target;
    d.required = required;
    m_decls.push_back(std::move(d));
}

void Arguments::option(std::string names, std::string help, std::string* target, std::vector<std::string> choices) {
    ArgumentDecl d;
    d.kind = ArgumentDecl::Kind::Option;
    d.names = std::move(names);
    d.help = std::move(help);
    d.text = target;
    d.choices = std::move(choices);
    m_decls.push_back(std::move(d));
}

void Arguments::option_list(std::string names, std::string help, std::vector<std::string>* target) {
    ArgumentDecl d;
    d.kind = ArgumentDecl::Kind::OptionList;
    d.names = std::move(names);
    d.help = std::move(help);
    d.list = target;
    m_decls.push_back(std::move(d));
}

void Arguments::flag(std::string names, std::string help, bool* target) {
    ArgumentDecl d;
    d.kind = ArgumentDecl::Kind::Flag;
    d.names = std::move(names);
    d.help = std::move(help);
    d.flag = target;
    m_decls.push_back(std::move(d));
}

std::optional<std::uint64_t> parse_whole(const std::string& text, std::uint64_t max) {
    if (text.empty() || text.size() > 19 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const auto v = std::stoull(text);
    if (v > max) return std::nullopt;
    return v;
}

std::optional<int> parse_year(const std::string& text) {
    if (text.size() > 4) return std::nullopt;
    const auto year = parse_whole(text, 9999);
    return year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt;
}

void write_product(const Context& context, const std::string& output, std::string_view product) {
    if (output.empty()) context.out << product;
    else core::write_file_atomically(output, product, context.lang);
}

int report_diagnostics(std::ostream& err, const LoadedInput& in, core::Lang lang) {
    for (const auto& d : in.diagnostics.items()) err << core::render_folded(d, lang) << '\n';
    if (in.diagnostics.warning_count() > 0) err << core::tr(lang, core::Msg::SummaryWarnings, in.diagnostics.warning_count()) << '\n';
    return in.diagnostics.has_errors() ? 1 : 0;
}

void Arguments::require(const std::string& names) {
    for (auto& d : m_decls)
        if (d.names == names) d.required = true;
}

} // namespace maillage::cli
