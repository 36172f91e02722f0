// One attendance row of a sheet, validated: who came (as keys), to which session of which
// edition, from which organisation, in which role. Pure: no I/O.
#pragma once

#include <optional>
#include <string>

#include "maillage/core/diagnostic.hpp"
#include "maillage/ingest/columns.hpp"
#include "maillage/ingest/table.hpp"
#include "maillage/model/vocabulary.hpp"

namespace maillage::ingest {

struct Date {
    int year = 0, month = 0, day = 0;
    friend bool operator==(const Date&, const Date&) = default;
};

/// Reads a calendar date: 2019-03-12 (optionally followed by a time), 2019/03/12 (GDAL's text
/// for spreadsheet dates), 12/03/2019, 12-03-2019 or 12.03.2019 (French day-first order).
/// Returns nullopt for anything else, including impossible dates (31/02/2019).
std::optional<Date> parse_date(std::string_view text);

/// The year an edition cell names: "2019", "Édition 2019", "2019-2020" (the first year).
std::optional<int> parse_edition_year(std::string_view text);

/// An e-mail address as a record holds it, and as its person key ("email:...") is hashed:
/// trimmed (core::trim), ASCII letters in lower case. Complexity: linear.
std::string normalise_email(std::string_view text);

/// The texts ingest hashes into a person's keys ("id:…", "email:…", "local:…", "name:…",
/// "name_org:…", see ProjectBuilder::person) for a row given as its headers and cells, the
/// columns recognised as ingest would: what `forget` compares with a person's keys to find their
/// rows in the quarantine, even when the row names them only by name. Empty when no column names
/// a person. Complexity: linear in the row's size.
std::vector<std::string> person_key_texts(const std::vector<std::string>& headers, const std::vector<std::string>& cells);

struct AttendanceRecord {
    std::int64_t line = 0;
    std::string territory;        ///< as written (trimmed); empty when the sheet has none
    bool territory_blank = false; ///< the sheet has a territory column and this row's cell is blank
    std::string edition;          ///< the year as text; empty when neither edition nor date says
    std::string session;          ///< as written (trimmed)
    model::SessionKind session_kind = model::SessionKind::Workshop;
    model::Role role = model::Role::Participant;
    std::string person_id;        ///< identifier cell, trimmed; may be empty
    std::string email;            ///< lower-cased, trimmed; may be empty
    std::string name_key;         ///< "last / first" folded, or a one-cell name folded with its words sorted; may be empty
    std::string organisation;     ///< as written (trimmed); may be empty
    std::string org_type;         ///< free text as written; may be empty
    std::string commune;          ///< INSEE code (or name) as written; may be empty
    std::string siret;            ///< digits only; may be empty
    std::string method;           ///< workshop method as written; may be empty
    std::string display_name;     ///< "First Last" as written, for the identities table only
    std::optional<Date> date;
    std::optional<double> longitude, latitude; ///< WGS 84 degrees, when the sheet gives both
};

/// Validates one row. Problems are added to `diagnostics` located at the row's line and the
/// offending column (in `lang`); a row with an error returns nullopt (it is set aside, never
/// silently dropped: the caller counts it). Complexity: linear in the row's length.
std::optional<AttendanceRecord> parse_record(const Row& row, const TableInfo& table, const ColumnMap& columns,
                                             core::Lang lang, core::Diagnostics& diagnostics);

/// Where a field of a row is, for a diagnostic: the row's line, the field's column and header.
core::SourceLocation field_location(const Row& row, const TableInfo& table, const ColumnMap& columns, Field field);

/// A row whose territory cell is blank, in a file with no territory given for it as a whole
/// (--territory or the manifest), belongs to no territory: the error the readers give.
void check_territory(std::optional<AttendanceRecord>& record, const std::string& default_territory, const Row& row,
                     const TableInfo& table, const ColumnMap& columns, core::Lang lang, core::Diagnostics& diagnostics);

} // namespace maillage::ingest
