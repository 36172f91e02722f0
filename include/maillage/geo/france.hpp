// The geography of France that maillage ships (datasets/france, prepared by
// scripts/prepare-geography): one GeoPackage per région, datasets/france/geo/regions/<code>.gpkg,
// with its communes (outline and a point inside), its EPCI and its départements, each in the
// région's official projection. Metropolitan France and Corsica are in Lambert-93 (EPSG:2154);
// the overseas départements in their own: Guadeloupe and Martinique EPSG:5490, Guyane EPSG:2972,
// La Réunion EPSG:2975, Mayotte EPSG:4471. A project loads only the régions it needs.
//
// Every place the project keeps (Organisation::place, RegistryEntry::place, Territory::outline)
// stays in Lambert-93, the store's one coordinate system, overseas included (exact, only
// distorted); maps reproject overseas places to their own projection before drawing them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/geo/shapes.hpp"
#include "maillage/model/project.hpp"

namespace maillage::geo {

constexpr int lambert93 = 2154;

/// The département of an INSEE commune code: its first two characters ("2A004" → "2A"), three
/// overseas ("97411" → "974"). Empty for a text that is not a commune code.
std::string departement_of_commune(std::string_view code);

/// The EPSG code of a département's official projection: 5490 (971, 972), 2972 (973),
/// 2975 (974), 4471 (976), else 2154 (Lambert-93).
int projection_of_departement(std::string_view departement);
/// The same for a commune (through its département).
int projection_of_commune(std::string_view code);

/// A point from one EPSG coordinate system to another (geographic ones in longitude, latitude
/// order). nullopt when PROJ cannot transform it. Complexity: constant (transformations cached
/// per pair, per thread).
std::optional<model::MapPoint> reproject(const model::MapPoint& p, int from, int to);
/// A (Multi)Polygon WKB from one EPSG coordinate system to another. Throws FatalError
/// (GeoTransformFailed) when it cannot. Complexity: linear in its points.
std::string reproject_wkb(const std::string& wkb, int from, int to, core::Lang lang);

/// The communes of France as the bundled région files give them: a point inside each (for
/// placing organisations), its EPCI and département; outlines read on demand.
class CommunePlaces {
public:
    /// Reads the communes' attributes (not their outlines) of every région file under
    /// `folder`/geo/regions. Throws FatalError naming the folder when there is none.
    /// Complexity: linear in the number of communes (35,000): about 0.1 s.
    static CommunePlaces load(const std::string& folder, core::Lang lang);

    /// A point inside the commune (PointOnSurface of its outline) in Lambert-93, overseas too;
    /// nullopt for a code the files do not have (a former code: resolve it first).
    [[nodiscard]] std::optional<model::MapPoint> point(const std::string& code) const;
    /// The same point in WGS 84 (longitude, latitude).
    [[nodiscard]] std::optional<model::MapPoint> lonlat(const std::string& code) const;
    [[nodiscard]] bool known(const std::string& code) const { return m_communes.contains(code); }
    /// The outlines of `codes` (those the files have), each a MultiPolygon WKB in Lambert-93.
    /// Reads the région files that hold them. Complexity: one indexed query per région.
    [[nodiscard]] std::vector<std::string> outlines(const std::vector<std::string>& codes, core::Lang lang) const;
    /// The communes of an EPCI (by SIREN), in code order.
    [[nodiscard]] std::vector<std::string> communes_of_epci(const std::string& siren) const;
    [[nodiscard]] std::string epci_of(const std::string& code) const;
    /// The communes of a département (by code), in code order.
    [[nodiscard]] std::vector<std::string> communes_in_departement(const std::string& departement) const;
    /// The communes whose point lies inside `outline` (MultiPolygon WKB, Lambert-93), in code
    /// order: the communes of a territory given by an outline file. Complexity: a bounding-box
    /// test per commune, then GEOS for those inside the box.
    [[nodiscard]] std::vector<std::string> communes_inside(const std::string& outline, core::Lang lang) const;
    /// The folder the région files were read from.
    [[nodiscard]] const std::string& folder() const { return m_folder; }

private:
    struct Commune {
        model::MapPoint lambert, lonlat;
        std::string epci;
        std::string region;
    };
    std::string m_folder;
    std::unordered_map<std::string, Commune> m_communes;
};

struct Departement {
    std::string code;   ///< "44", "2A", "974"
    std::string name;   ///< "Loire-Atlantique"
    std::string region; ///< code_region: the région file that holds it
};

/// The départements of the COG (`folder`/departements.csv), found by code or by name.
class Departements {
public:
    /// Throws FatalError naming the file when it cannot be read.
    static Departements load(const std::string& folder, core::Lang lang);
    /// By code ("44", "2a", "974") or by name, accents, case and hyphens ignored
    /// ("loire atlantique"); nullptr when none.
    [[nodiscard]] const Departement* find(std::string_view text) const;
    [[nodiscard]] const std::vector<Departement>& all() const { return m_all; }

private:
    std::vector<Departement> m_all;
    std::unordered_map<std::string, std::size_t> m_by_key; // code and folded name → index
};

/// The outline of a département (the union of its communes, as its région file holds it) in
/// Lambert-93; empty when no région file holds it. Throws FatalError when the file cannot be
/// read.
std::string departement_outline(const std::string& folder, const Departement& departement, core::Lang lang);

/// Reads the communes of `departements` and every EPCI with a commune among them from their
/// région files (`folder`/geo/regions/<région>.gpkg), in the région's projection (MapFeature::
/// epsg), simplified at `tolerance` metres; each layer sorted by code. Throws FatalError naming
/// the file when it is missing or lacks a field, or naming the département when no région file
/// holds it. Complexity: linear in the features read (an indexed query per région).
MapLayers load_map_layers(const std::string& folder, const std::vector<std::string>& departements, double tolerance,
                          core::Lang lang);

/// Every département of France (the `departements` layer of every région file, each in its
/// région's projection), simplified at `tolerance` metres, sorted by code: the backdrop of a
/// region map, so that territories far apart still sit on a map of France. Throws FatalError
/// naming the file when one cannot be read. Complexity: linear in the outlines' points.
std::vector<MapFeature> load_departements(const std::string& folder, double tolerance, core::Lang lang);

} // namespace maillage::geo
