#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/metrics/mixing.hpp"
#include "sheet_options.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/table.hpp"

namespace maillage::cli {

/// `maillage metrics INPUT...`: the network of a window (territory, edition, cumulative) at a
/// tie level and scope; its graph-level figures, then one row per node, then the communities
/// (`--what summary`); or its brokers and single points of failure (`brokerage`), its mixing
/// against chance (`mixing`), or its change between editions (`change`): metrics_views.hpp.
/// `--what job` writes the benchmarks' standard job (`editions`, then `summary` of the
/// organisations and of the people) from one reading of the input into three files of the
/// folder -o names (editions.EXT, organisations.EXT, people.EXT; EXT: txt, csv or json), each
/// the bytes its own command prints.
class MetricsCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "metrics"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdMetrics; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    SheetOptions m_sheet_options;
    std::string m_territory;
    std::string m_edition;
    std::string m_level = "interconnaissance";
    std::string m_scope = "people";
    std::string m_format = "table";
    std::string m_seed = "42";
    std::string m_what = "summary";
    std::string m_reshuffles = std::to_string(metrics::default_reshuffles);
    std::string m_output;
    bool m_cumulative = false;
    bool m_people = false;

    ingest::ColumnMapping m_mapping;
    ingest::ReadOptions m_read;
    graph::TieLevel m_tie_level = graph::TieLevel::Interconnaissance;
    graph::Scope m_network_scope = graph::Scope::People;
    std::optional<int> m_year;
    std::uint64_t m_seed_value = 42;
    std::int32_t m_reshuffles_value = metrics::default_reshuffles;
};

} // namespace maillage::cli
