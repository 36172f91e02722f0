// The workspace's projects: the folders of one projects folder fixed at start, each with its
// maillage.toml (docs/manifest.md) and its store. The client names a project by its folder's
// name only; every path is made here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maillage/core/lang.hpp"

namespace maillage::serve {

/// A territory chosen when a project is made.
struct NewTerritory {
    enum class Kind { Departement, Epci, Communes } kind = Kind::Departement;
    std::string code;                  ///< département code, or EPCI SIREN
    std::string name;                  ///< Communes: the territory's name
    std::vector<std::string> communes; ///< Communes: INSEE codes
};

class Workspace {
public:
    /// Throws FatalError when `folder` is not a folder.
    Workspace(const std::string& folder, core::Lang lang);

    [[nodiscard]] const std::filesystem::path& folder() const { return m_folder; }

    /// The project folder of `id`, when `id` is the name of a folder of the projects folder
    /// holding a maillage.toml (no "/", no "..", no leading dot); nullopt otherwise.
    [[nodiscard]] std::optional<std::filesystem::path> project(const std::string& id) const;

    /// Where a project keeps its store: the manifest's `store` (a .gpkg path relative to the
    /// folder, or a PG: connection), else maillage.gpkg in the folder.
    [[nodiscard]] std::string store_of(const std::filesystem::path& project, core::Lang lang) const;

    /// The projects, sorted by id: {"id", "name", "imported", "territories", "editions"}.
    [[nodiscard]] nlohmann::ordered_json list(core::Lang lang) const;

    /// Makes a project folder and its maillage.toml for `name` and `territories` (names and
    /// codes checked against the bundled COG); returns its id (the name folded into a folder
    /// name, made unique). Throws FatalError (a sentence for the user) for a bad request.
    std::string create(const std::string& name, const std::vector<NewTerritory>& territories, core::Lang lang);

private:
    std::filesystem::path m_folder;
};

/// The reference lists the page picks territories from (datasets/france): every département,
/// EPCI and commune whose folded name contains `query` (communes: or whose code starts with it),
/// at most `limit`.
nlohmann::ordered_json departements(core::Lang lang);
/// "Nice (06088)" for an INSEE code of the bundled COG; the code itself otherwise.
std::string commune_label(const std::string& code, core::Lang lang);
nlohmann::ordered_json epci_matching(const std::string& query, std::size_t limit, core::Lang lang);
nlohmann::ordered_json communes_matching(const std::string& query, std::size_t limit, core::Lang lang);

} // namespace maillage::serve
