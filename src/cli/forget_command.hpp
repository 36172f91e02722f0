#pragma once

#include <string>
#include <vector>

#include "command.hpp"

namespace maillage::cli {

/// `maillage forget STORE --person KEY | --email ADDRESS`: erases a person everywhere in the
/// store (GDPR), then compacts it so no trace stays in free pages, and removes their rows from
/// the quarantine file beside it.
class ForgetCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "forget"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdForget; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_store_list;
    std::string m_store;
    std::string m_person;
    std::string m_email;
    std::string m_quarantine;
    std::string m_key_file;
};

} // namespace maillage::cli
