// The application layer's view of a project, for every front-end (the command line, the
// workspace): what a reading use case takes in — a project store, or sheets read in memory
// (with registry files when given) —, the territory a name designates, the window of a
// territory and an edition, how nodes are labelled, the bundled COG as plain data for advise,
// and the outlines maps are drawn on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "maillage/advise/unmobilised.hpp"
#include "maillage/core/diagnostic.hpp"
#include "maillage/geo/shapes.hpp"
#include "maillage/graph/network.hpp"
#include "maillage/ingest/load.hpp"
#include "maillage/metrics/mixing.hpp"
#include "maillage/model/project.hpp"
#include "maillage/model/taxonomy.hpp"
#include "maillage/store/store.hpp"

namespace maillage::app {

/// True when the inputs name one project store: a .gpkg file or a PostgreSQL connection
/// ("PG:..."), rather than sheets.
bool is_store(const std::vector<std::string>& inputs);

struct LoadedInput {
    model::Project project;
    core::Diagnostics diagnostics;
};

/// The project in a store, as store::Store::read gives it. Once keep_read_stores(true) (a
/// long-running front-end: the workspace's server), a GeoPackage's project is kept and given
/// again while the file is unchanged (same size and modification time, to the nanosecond);
/// a PostgreSQL store is always read. Callers serialise (the server's work lock). `parts`: what
/// is read (store::ReadOptions); a kept project is given with those parts only.
model::Project read_store(const std::string& location, core::Lang lang, const store::ReadOptions& parts = {});
void keep_read_stores(bool keep);

/// The reshuffles of the mixing null model kept in a project store (store::find_draws,
/// store::keep_draws: the null_draws table), for metrics::MixingOptions::cache. Sheets read in
/// memory have no store: `location` empty keeps nothing.
class StoreDraws : public metrics::DrawCache {
public:
    explicit StoreDraws(std::string location) : m_location(std::move(location)) {}
    /// A cache over the first input when the inputs name a store (is_store), else one that keeps
    /// nothing.
    static StoreDraws of_inputs(const std::vector<std::string>& inputs);
    std::optional<std::string> find(const std::string& key) override;
    void keep(const std::string& key, const std::vector<model::Id>& editions, const std::string& draws) override;

private:
    std::string m_location;
};

/// A project store (a .gpkg file or a PG: connection), or sheets (files or folders) read in
/// memory through ingest::load_project, then the registry files matched against them (as
/// `ingest --registry` does). Throws FatalError for an unreadable input. `parts`: what is read of
/// a store (store::ReadOptions; sheets are read whole).
LoadedInput load_input(const std::vector<std::string>& inputs, const ingest::LoadOptions& options, core::Lang lang,
                       const std::vector<std::string>& registries = {}, const store::ReadOptions& parts = {});

/// What the commands that measure and draw read of a store: no identity resolution's tables,
/// and the plain-text identities only when `names` are shown (--people).
store::ReadOptions measuring(bool names);

/// What each person shows, by person id: their pseudonym, or with `names` (--people) a name
/// when the sheets give one, else the identifier, else the e-mail.
std::vector<std::string> person_labels(const model::Project& project, bool names);

/// What each node of `network` shows, by node: an organisation's name; a person as
/// person_labels(project, names) shows them.
std::vector<std::string> node_labels(const model::Project& project, const graph::Network& network, bool names);

/// Where a window is, in words: its territory's name, or "every territory".
std::string window_place(const model::Project& project, const graph::Window& window, core::Lang lang);

/// The one-line title diagram and export give a window's network (DiagramTitle): where, when
/// (every edition, one edition, or every edition up to one), whose network and at which level.
std::string window_title(const model::Project& project, const graph::Window& window, graph::Scope scope,
                         graph::TieLevel level, core::Lang lang);

/// The territory named (folded name, or code). Throws FatalError (TerritoryNotFound) listing
/// the territories present when none matches.
model::Id find_territory(const model::Project& project, const std::string& text, core::Lang lang);

/// The window of a command's --territory (find_territory; every territory when empty),
/// --edition and --cumulative.
graph::Window window_of(const model::Project& project, const std::string& territory, std::optional<int> year,
                        bool cumulative, core::Lang lang);

/// The editions a window selects; throws FatalError (NoEditionInWindow, listing the editions
/// the project has) when there is none.
std::vector<model::Id> require_editions(const model::Project& project, const graph::Window& window, core::Lang lang);

/// The communes of the bundled COG (datasets/france/france_communes.csv) and, per territory,
/// its communes: those of the département whose code is the territory's code or whose name is
/// its name; none otherwise (advise::area_of then takes the EPCI where its organisations are).
/// Throws FatalError when the files are missing.
advise::Geography load_geography(const model::Project& project, core::Lang lang);

/// What the commands that draw maps (map, report) read besides the project.
struct MapInputs {
    model::Taxonomy taxonomy;    ///< the shipped one (ingest::load_taxonomy without a file)
    advise::Geography geography; ///< load_geography
    geo::MapLayers layers;       ///< commune and EPCI outlines, simplified at 40 m (départements: 500 m)
};

/// Loads them: the geography (load_geography), then the outlines of the bundled reference data
/// (geo::load_map_layers) simplified at 40 m, under a pixel even for a single département on
/// the default map size. Throws FatalError when a file is missing.
/// With `backdrop`, also every département of France (geo::load_departements), for a region map.
/// With `only`, the outlines of that territory's départements alone: a territory's map reads no
/// other (its areas are its own communes; organisations elsewhere are off the map), and a
/// département's outlines cost about 0.1 s to read and simplify.
MapInputs load_map_inputs(const model::Project& project, core::Lang lang, bool backdrop = false,
                          std::optional<model::Id> only = std::nullopt);

/// The outlines alone (MapInputs::layers) for a project whose geography is loaded: what
/// load_map_inputs reads after the geography, for a caller that reads them while it does other
/// work (the report computes its figures meanwhile).
geo::MapLayers load_map_layers(const model::Project& project, const advise::Geography& geography, core::Lang lang,
                               bool backdrop = false, std::optional<model::Id> only = std::nullopt);

} // namespace maillage::app
