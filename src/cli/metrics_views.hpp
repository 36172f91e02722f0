// The `maillage metrics --what brokerage|mixing|change|editions` outputs: each adapts one metrics family
// (metrics/brokerage.hpp, mixing.hpp, change.hpp, trend.hpp) to a table (words first), CSV and JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maillage/core/lang.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/metrics/mixing.hpp"
#include "maillage/model/project.hpp"

namespace maillage::cli::views {

/// A figure that frames the output (network, window, editions), already rendered.
struct FramingFigure {
    std::string key;
    std::string label; ///< in the user's language
    std::string value; ///< CSV and JSON
    std::string shown; ///< table
    bool numeric = false; ///< a count or a decimal (right-aligned in the table)
};

struct ViewInput {
    const model::Project& project;
    const std::vector<std::string>& person_label; ///< person id → pseudonym or name
    core::Lang lang = core::Lang::Fr;
    graph::Scope scope = graph::Scope::People;
    graph::TieLevel level = graph::TieLevel::Interconnaissance;
    graph::Window window;
    std::uint64_t seed = 42;
    std::int32_t reshuffles = metrics::default_reshuffles;
    nlohmann::ordered_json network; ///< what was measured (as the summary's "network")
    std::vector<FramingFigure> framing;
    metrics::DrawCache* draws = nullptr; ///< where the reshuffles are kept (metrics::MixingOptions::cache)
};

/// Each returns the whole product in `format` ("table", "csv" or "json"). Throw what the
/// metrics they call throw.
std::string brokerage(const ViewInput& in, const std::string& format);
std::string mixing(const ViewInput& in, const std::string& format);
std::string change(const ViewInput& in, const std::string& format);
std::string editions(const ViewInput& in, const std::string& format);

} // namespace maillage::cli::views
