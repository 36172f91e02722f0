#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/render/diagram.hpp"

namespace maillage::cli {

/// `maillage diagram INPUT... -o FILE.{svg,png,pdf,dot}`: draws the network of a window (the
/// same window, level and scope as `metrics`) with Graphviz, in process (render/diagram.hpp).
/// People appear under their pseudonym unless --people. `--diff YEAR1 YEAR2` draws what changed
/// between two editions; `--cluster territory|community` groups the nodes (fdp layout).
class DiagramCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "diagram"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdDiagram; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::string m_territory;
    std::string m_edition;
    std::string m_level = "interconnaissance";
    std::string m_scope = "organisations";
    std::string m_min_weight = "0";
    std::string m_layout; ///< empty: sfdp, or fdp when clusters are asked
    std::string m_cluster;
    std::vector<std::string> m_diff;
    std::string m_output;
    bool m_cumulative = false;
    bool m_people = false;

    graph::TieLevel m_tie_level = graph::TieLevel::Interconnaissance;
    graph::Scope m_network_scope = graph::Scope::Organisations;
    render::Format m_format = render::Format::Svg;
    render::Layout m_layout_value = render::Layout::Sfdp;
    std::optional<int> m_year;
    std::optional<std::pair<int, int>> m_diff_years;
    double m_min_weight_value = 0;
};

} // namespace maillage::cli
