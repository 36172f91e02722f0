#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/metrics/mixing.hpp"

namespace maillage::cli {

/// `maillage report STORE -o FILE.html [--territory T | --all] [--edition YEAR] [--people]
/// [--appendix]`: the edition-over-edition report of a territory, or of every territory side by
/// side, as one self-contained HTML file (report/report.hpp). People appear under their
/// pseudonym unless --people; the technical appendix (seed, draws, files, command) only with
/// --appendix.
class ReportCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "report"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdReport; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    /// The command line that makes this report again, for the appendix.
    [[nodiscard]] std::string command_line(core::Lang lang) const;

    std::vector<std::string> m_inputs;
    std::string m_output;
    std::string m_territory;
    std::string m_edition;
    std::string m_reshuffles = std::to_string(metrics::default_reshuffles);
    std::string m_seed = "42";
    bool m_all = false;
    bool m_people = false;
    bool m_appendix = false;

    std::optional<int> m_year;
    std::int32_t m_reshuffles_value = metrics::default_reshuffles;
    std::uint64_t m_seed_value = 42;
};

} // namespace maillage::cli
