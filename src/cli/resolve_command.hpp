#pragma once

#include <string>
#include <vector>

#include "command.hpp"

namespace maillage::cli {

/// `maillage resolve STORE (--same|--different|--renamed YEAR|--undo) [--people] NAME NAME`
/// records the coordinator's answer to an identity question, applied at once without
/// rewriting the store (organisations, spellings, registry matches and each attendance's
/// organisation; a decision about people rewrites the people it joins);
/// `maillage resolve STORE --export FILE | --import FILE` writes or reads every decision as a
/// CSV file kept with the project folder (all or nothing, errors at file:line:column).
class ResolveCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "resolve"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdResolve; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::string m_store;
    bool m_same = false, m_different = false, m_undo = false, m_people = false;
    std::string m_renamed;
    std::string m_export, m_import;
    int m_year = 0;
};

} // namespace maillage::cli
