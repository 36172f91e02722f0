#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/exchange/exchange.hpp"
#include "maillage/exchange/formats.hpp"
#include "maillage/graph/network.hpp"

namespace maillage::cli {

/// `maillage export INPUT... -o FILE [--format gexf|graphml|gpkg|csv|json]`: the network of a
/// window (the same window, level and scope as `metrics` and `diagram`) for Gephi, QGIS,
/// spreadsheets and programs (docs/exports.md). People appear under their pseudonym unless
/// --people.
class ExportCommand final : public Command {
public:
    enum class Format { Gexf, Graphml, Gpkg, Csv, Json };

    [[nodiscard]] std::string_view name() const override { return "export"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdExport; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    /// The files the command writes (three for CSV).
    [[nodiscard]] std::vector<std::string> outputs() const;

    std::vector<std::string> m_inputs;
    std::string m_output;
    std::string m_format;
    std::string m_territory;
    std::string m_edition;
    std::string m_level = "interconnaissance";
    std::string m_scope = "organisations";
    std::string m_positions = "layout";
    std::string m_gexf_version = "1.3";
    std::string m_srs = "EPSG:2154";
    bool m_cumulative = false;
    bool m_people = false;
    bool m_excel = false;

    Format m_format_value = Format::Gexf;
    graph::TieLevel m_tie_level = graph::TieLevel::Interconnaissance;
    graph::Scope m_network_scope = graph::Scope::Organisations;
    std::optional<int> m_year;
};

} // namespace maillage::cli
