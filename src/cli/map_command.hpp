#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/render/territory_map.hpp"

namespace maillage::cli {

/// `maillage map STORE -o FILE.{svg,png,pdf}`: the region coloured by an indicator, one area per
/// territory, or with --territory that territory by EPCI with its communes; organisations as
/// points, their strongest ties, the registry's never-mobilised organisations as hollow markers
/// (render/territory_map.hpp, docs/maps.md).
class MapCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "map"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdMap; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::string m_output;
    std::string m_territory;
    std::string m_edition;
    std::string m_level = "interconnaissance";
    std::string m_indicator = "mobilisation";
    std::string m_classification = "jenks";
    std::string m_classes = "5";
    std::string m_ties = "60";
    std::string m_by = "epci";
    bool m_cumulative = false;
    bool m_no_registry = false;

    render::Format m_format = render::Format::Png;
    render::MapRequest m_request;
};

} // namespace maillage::cli
