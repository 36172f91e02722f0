#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "maillage/ingest/ingest.hpp"
#include "sheet_options.hpp"

namespace maillage::cli {

/// `maillage ingest SHEET... --into STORE`: sheets into the project store, identities resolved,
/// each file whole or not at all.
class IngestCommand final : public Command {
public:
    [[nodiscard]] std::string_view name() const override { return "ingest"; }
    [[nodiscard]] core::Msg description() const override { return core::Msg::CmdIngest; }
    void declare(Arguments& args, core::Lang lang) override;
    void setup(const Context& context) override;
    int run(const Context& context) override;

private:
    std::vector<std::string> m_inputs;
    std::string m_store;
    bool m_accept_partial = false;
    std::string m_territory;
    std::string m_edition;
    std::string m_quarantine;
    std::string m_aliases;
    std::string m_types;
    std::vector<std::string> m_registries;
    std::string m_territories;
    std::string m_territories_key;
    std::string m_territories_code;
    std::string m_key_file;
    SheetOptions m_sheet_options;
    ingest::IngestOptions m_options;
};

/// Where the quarantine of a store goes by default: "<store without .gpkg>.quarantaine.csv"
/// beside a GeoPackage; "maillage-quarantaine.csv" in the current folder for PostgreSQL.
std::string default_quarantine_path(const std::string& store);

/// A quarantined row's cells as its "cellules" column writes them ("Nom=Durand ; Prénom=Paul"),
/// and back (what `forget` reads to recognise the person in a row).
std::string quarantine_cells(const std::vector<std::string>& headers, const std::vector<std::string>& cells);
/// Adds the rows set aside to the quarantine file at `path` (made with its header when absent),
/// written aside then renamed.
void write_quarantine(const std::string& path, const std::vector<ingest::QuarantinedRow>& rows, core::Lang lang);
void split_quarantine_cells(const std::string& text, std::vector<std::string>& headers, std::vector<std::string>& cells);

} // namespace maillage::cli
