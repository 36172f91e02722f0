// What the workspace shows that no command prints: the territory map as GeoJSON for the page's
// interactive map (the same map the `map` command draws: render::territory_map, not drawn),
// and the evidence cards of an identity question (what the store knows of each name).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "maillage/core/lang.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"

namespace maillage::serve {

/// The shipped taxonomy (ingest::load_taxonomy without a file), read once for the process.
const model::Taxonomy& shipped_taxonomy();

struct MapQuery {
    std::string indicator;  ///< render::parse_indicator; empty: mobilisation
    std::string edition;    ///< a year; empty: every edition
    std::string level = "interconnaissance";
    std::string unit = "epci"; ///< or "commune": the areas coloured
};

/// {"indicator", "title", "percent", "bounds", "areas", "organisations", "registry", "ties"},
/// GeoJSON FeatureCollections in WGS 84 (docs/api.md). Throws FatalError as the map command.
nlohmann::ordered_json territory_map_json(const std::string& store, const std::string& territory, const MapQuery& query,
                                          core::Lang lang);

/// What the project knows of a name in an identity question: {"name", "types", "communes",
/// "organisation", "registry", "seen": [{"territory", "years", "rows"}]}.
nlohmann::ordered_json identity_card(const model::Project& project, const std::string& name, bool people, core::Lang lang);

} // namespace maillage::serve
