// `maillage ingest` end to end: the store it writes is read back with the library.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "maillage/core/text.hpp"
#include "maillage/store/store.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;

namespace {

using maillage::test::slurp;
using maillage::test::TempDir;

const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string binary = MAILLAGE_BINARY;

maillage::model::Project load(const std::string& store) {
    return maillage::store::Store::open(store, false, maillage::core::Lang::Fr).load();
}

} // namespace

TEST(Ingest, TakingTheSameFileTwiceChangesNothing) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string();
    auto first = run(binary, {"ingest", "tests/data/sheets/two_sheets.xlsx", "--into", store}, source_dir);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.err, "");
    const auto before = load(store);
    EXPECT_EQ(before.attendances.size(), 6u);
    auto second = run(binary, {"ingest", "tests/data/sheets/two_sheets.xlsx", "--into", store}, source_dir);
    EXPECT_EQ(second.exit_code, 0);
    EXPECT_NE(second.out.find("déjà importé"), std::string::npos) << second.out;
    const auto after = load(store);
    EXPECT_EQ(after.attendances.size(), before.attendances.size());
    EXPECT_EQ(after.people.size(), before.people.size());
    EXPECT_EQ(after.files.size(), 1u);
    EXPECT_EQ(after.pseudonym_key, before.pseudonym_key);
}

TEST(Ingest, AFileWithBadRowsIsRefusedWholeAndTheStoreIsUnchanged) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/tabs.tsv", "--into", store}, source_dir).exit_code, 0);
    const auto before = load(store);
    auto refused = run(binary, {"ingest", "tests/data/sheets/bad_rows.csv", "--into", store}, source_dir);
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(unfolded(refused.err).find("bad_rows.csv:4:10: erreur: [Rôle] rôle inconnu « observateur »"), std::string::npos)
        << refused.err;
    EXPECT_NE(unfolded(refused.err).find("fichier refusé, 7 ligne(s) en erreur"), std::string::npos) << refused.err;
    const auto after = load(store);
    EXPECT_EQ(after.attendances.size(), before.attendances.size());
    EXPECT_EQ(after.files.size(), 1u);
    EXPECT_FALSE(fs::exists(tmp.path / "p.quarantaine.csv"));
}

TEST(Ingest, AcceptPartialTakesTheGoodRowsAndQuarantinesTheBadOnes) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string();
    auto partial = run(binary, {"ingest", "tests/data/sheets/bad_rows.csv", "--into", store, "--accept-partial"},
                       source_dir);
    EXPECT_EQ(partial.exit_code, 1) << "still 1, so that scripts notice";
    const auto p = load(store);
    EXPECT_EQ(p.attendances.size(), 2u);
    ASSERT_EQ(p.files.size(), 1u);
    EXPECT_EQ(p.files[0].rows, 9);
    EXPECT_EQ(p.files[0].rejected, 7);
    const std::string q = slurp(tmp.path / "p.quarantaine.csv");
    EXPECT_EQ(std::count(q.begin(), q.end(), '\n') >= 8, true) << q;
    EXPECT_NE(q.find("tests/data/sheets/bad_rows.csv,,5,"), std::string::npos) << q;
    EXPECT_NE(q.find("Structure=France Travail\nToulon Est ;"), std::string::npos) << q; // kept whole
    EXPECT_NE(q.find("Rôle=observateur"), std::string::npos);
}

TEST(Ingest, TheExampleBuildsOneIdentityPerPersonAndPerRenamedOrganisation) {
    TempDir tmp;
    const std::string store = (tmp.path / "paca.gpkg").string();
    auto r = run(binary, {"ingest", "datasets/paca/editions", "--into", store, "--accept-partial", "--aliases",
                          "datasets/paca/aliases.csv"},
                 source_dir);
    EXPECT_EQ(r.exit_code, 1) << r.err; // the example's 8 planted bad rows
    const auto p = load(store);
    EXPECT_EQ(p.people.size(), 1300u); // datasets/paca/planted.json: distinct_persons_total
    EXPECT_EQ(p.attendances.size(), 22652u); // rows_total 22,660 minus the 8 bad rows
    EXPECT_EQ(p.editions.size(), 48u);
    EXPECT_EQ(p.territories.size(), 6u);
    EXPECT_EQ(p.files.size(), 49u);
    // Every rename the generator planted (datasets/paca/planted.json "renames": Pôle emploi →
    // France Travail, Fongecif → Transitions Pro, Opacif → OPCO, MSAP → France services, and the
    // two datasets/paca/aliases.csv names) ends as one organisation showing its new name, and
    // the old name is shown nowhere.
    std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
    const auto truth = nlohmann::json::parse(in);
    std::map<std::string, int> shown; // by folded name: "France Services Marseille" is fine
    for (const auto& o : p.organisations) ++shown[maillage::core::fold(o.name)];
    for (const auto& rename : truth.at("renames")) {
        const auto new_name = maillage::core::fold(rename.at("new_name").get<std::string>());
        const auto old_name = maillage::core::fold(rename.at("old_name").get<std::string>());
        EXPECT_GE(shown[new_name], 1) << new_name;
        EXPECT_EQ(shown[old_name], 0) << old_name;
    }
    // 240 organisations came (planted.json: those with spellings seen). The truncations ("OPCO
    // Afdas" for "OPCO Afdas Méditerranée", "OPCO Uniformation" for "OPCO Uniformation PACA",
    // with and without SIRET) are one organisation each (ingest/identity.hpp: a truncated name
    // of one type in one commune). Without the directory, "Université Côte d'Azur - SUIO" reads
    // as a truncation of "… - SUIO Lettres" too: 239. With it (ProjectFolder.TheExampleIsAProject)
    // the directory knows two offices and they stay two: 240.
    EXPECT_EQ(p.organisations.size(), 239u);
}

// A hand-made sheet (not from the example's generator): renames and spelling variants of four
// organisations over three editions, plus one the user aliases.
TEST(Ingest, RenamesAndSpellingsResolveToOneOrganisationEach) {
    TempDir tmp;
    const std::string store = (tmp.path / "r.gpkg").string();
    auto r = run(binary, {"ingest", "tests/data/sheets/renames.csv", "--into", store, "--aliases",
                          "tests/data/config/aliases_region.toml"},
                 source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err; // unknown types are warnings, not errors
    const auto p = load(store);
    std::map<std::string, std::string> type_of;
    for (const auto& o : p.organisations) type_of[o.name] = o.type;
    EXPECT_EQ(p.organisations.size(), 7u);
    // three spellings seen once each: the most recent in mixed case ("Agence Pôle Emploi de
    // Toulon", 2021), as it reads in 2024
    EXPECT_EQ(type_of.count("France Travail de Toulon"), 1u) << r.out;
    EXPECT_EQ(type_of["France Travail de Toulon"], "france_travail");
    EXPECT_EQ(type_of.count("Transitions Pro PACA"), 1u);
    EXPECT_EQ(type_of.count("OPCO Uniformation"), 1u);
    EXPECT_EQ(type_of.count("Région Sud"), 1u);
    EXPECT_EQ(type_of["Région Sud"], "conseil_regional"); // the type column's "Région", a kind of collectivité
    EXPECT_EQ(type_of["Atelier des possibles"], ""); // "Truc bizarre" is no known type
    // the Mission locale under three spellings
    int arles = 0;
    for (const auto& o : p.organisations) arles += o.name.find("Arles") != std::string::npos;
    EXPECT_EQ(arles, 1);
    EXPECT_NE(unfolded(r.err).find("renames.csv:16:7: avertissement: [Type de structure] type de structure inconnu « Truc bizarre »"),
              std::string::npos)
        << r.err;
    EXPECT_NE(unfolded(r.err).find("2 ligne(s) en double"), std::string::npos) << r.err;
}

// GDPR erasure: after `forget`, no trace of the person is left in the store file — not in any
// table, not in SQLite's free pages (the store is vacuumed) — nor in the quarantine.
TEST(Forget, LeavesNoTraceInTheStoreFileNorInTheQuarantine) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string();
    // bad_rows.csv: Hélène Martin (helene.martin@ml-toulon.fr) is taken, Paul Durand
    // (paul.durand@cio.fr, unknown role) goes to the quarantine.
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/bad_rows.csv", "tests/data/sheets/two_sheets.xlsx",
                           "--into", store, "--accept-partial"},
                  source_dir)
                  .exit_code,
              1);
    const auto before = load(store);
    std::string hash;
    const std::string raw_before = slurp(store);
    ASSERT_NE(raw_before.find("helene.martin@ml-toulon.fr"), std::string::npos);

    auto forget = run(binary, {"forget", store, "--email", "Helene.Martin@ML-Toulon.fr"}, source_dir);
    EXPECT_EQ(forget.exit_code, 0) << forget.err;
    EXPECT_NE(forget.out.find("2 présence(s)"), std::string::npos) << forget.out;
    const auto after = load(store);
    EXPECT_EQ(after.people.size(), before.people.size() - 1);
    EXPECT_EQ(after.attendances.size(), before.attendances.size() - 2);
    const std::string raw = slurp(store);
    for (const std::string trace : {"helene.martin@ml-toulon.fr", "Hélène", "HELENE", "Martin"})
        EXPECT_EQ(raw.find(trace), std::string::npos) << trace;
    for (const auto& k : before.person_keys) {
        const bool kept = std::any_of(after.person_keys.begin(), after.person_keys.end(),
                                      [&](const auto& a) { return a.hash == k.hash; });
        if (!kept) {
            EXPECT_EQ(raw.find(k.hash), std::string::npos) << "an erased key hash is still in the file";
        }
    }

    // Paul Durand is only in the quarantine: forget removes his row there.
    const std::string quarantine = (tmp.path / "p.quarantaine.csv").string();
    ASSERT_NE(slurp(quarantine).find("paul.durand@cio.fr"), std::string::npos);
    auto quarantined = run(binary, {"forget", store, "--email", "paul.durand@cio.fr"}, source_dir);
    EXPECT_EQ(quarantined.exit_code, 0) << quarantined.err;
    EXPECT_NE(quarantined.out.find("1 ligne(s) retirée(s) de la quarantaine"), std::string::npos) << quarantined.out;
    const std::string q = slurp(quarantine);
    EXPECT_EQ(q.find("paul.durand@cio.fr"), std::string::npos);
    EXPECT_EQ(q.find("Durand"), std::string::npos);
    EXPECT_NE(q.find("à confirmer"), std::string::npos) << "other rows stay";
    auto absent = run(binary, {"forget", store, "--email", "nobody@nowhere.fr"}, source_dir);
    EXPECT_EQ(absent.exit_code, 1) << "unknown: reported";
    EXPECT_NE(unfolded(absent.err).find("personne introuvable"), std::string::npos) << absent.err;
}

// The quarantine is scrubbed by every key of the person, not only by the texts the store kept:
// a set-aside row that names her by name only (no e-mail, another spelling of her organisation)
// goes; other people's rows stay.
TEST(Forget, ScrubsTheQuarantineByEveryKeyOfThePerson) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string();
    const std::string quarantine = (tmp.path / "p.quarantaine.csv").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/hostile/forget_by_name.csv", "--into", store, "--accept-partial"}, source_dir)
                  .exit_code,
              1);
    ASSERT_NE(slurp(quarantine).find("Nom=LACOSTE ; Prénom=Marie ; Courriel= ;"), std::string::npos) << slurp(quarantine);
    const auto r = run(binary, {"forget", store, "--email", "marie.lacoste@ml-bordeaux.fr"}, source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 ligne(s) retirée(s) de la quarantaine"), std::string::npos) << r.out;
    const std::string q = slurp(quarantine);
    EXPECT_EQ(q.find("LACOSTE"), std::string::npos) << q;
    EXPECT_NE(q.find("Nom=Giraud ; Prénom=Sophie"), std::string::npos) << q;
}

// A project folder: maillage.toml names the sheets (globs), the registry and a territory
// defined by its EPCI, whose outline is merged from its communes (GEOS union).
TEST(ProjectFolder, ManifestRegistryAndATerritoryMergedFromItsEpci) {
    TempDir tmp;
    const std::string store = (tmp.path / "t.gpkg").string();
    auto r = run(binary, {"ingest", "tests/data/project", "--into", store}, source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto p = load(store);
    ASSERT_EQ(p.territories.size(), 1u);
    EXPECT_EQ(p.territories[0].code, "TPM");
    EXPECT_FALSE(p.territories[0].outline.empty());
    for (const auto& o : p.organisations) EXPECT_TRUE(o.place.has_value()) << o.name;
    ASSERT_EQ(p.registry.size(), 7u);
    std::map<std::string, std::string> match;
    for (const auto& e : p.registry) match[e.name] = e.match;
    EXPECT_EQ(match["Transitions Pro Provence-Alpes-Côte d'Azur"], "siret"); // SIRET wins over names
    EXPECT_EQ(match["Mission Locale du Pays d'Arles"], "name");
    EXPECT_EQ(match["FRANCE TRAVAIL - Agence de Toulon"], "evidence");
    EXPECT_EQ(match["Chambre d'agriculture du Var"], ""); // never came
    EXPECT_NE(unfolded(r.err).find("territoire « Drôme » inconnu du projet"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("Registre : 7 organisation(s) connue(s)"), std::string::npos) << r.out;
}

TEST(ProjectFolder, TheExampleIsAProject) {
    TempDir tmp;
    const std::string store = (tmp.path / "paca.gpkg").string();
    auto r = run(binary, {"ingest", "datasets/paca", "--into", store}, source_dir);
    EXPECT_EQ(r.exit_code, 1) << r.err; // its planted bad rows, quarantined (accept_partial = true)
    const auto p = load(store);
    EXPECT_EQ(p.attendances.size(), 22652u);
    EXPECT_EQ(p.organisations.size(), 240u); // as the example's sheets with datasets/paca/aliases.csv
    ASSERT_EQ(p.territories.size(), 6u);
    for (const auto& t : p.territories) {
        EXPECT_FALSE(t.outline.empty()) << t.name;
        EXPECT_EQ(t.code.size(), 2u) << t.name; // 04, 05, 06, 13, 83, 84
    }
    EXPECT_EQ(p.registry.size(), 609u); // datasets/paca/registry/organisations.csv
    std::size_t matched = 0;
    for (const auto& e : p.registry) matched += e.organisation != maillage::model::no_id;
    EXPECT_GE(matched, 200u);
    EXPECT_TRUE(fs::exists(tmp.path / "paca.quarantaine.csv"));
}

// Organisations are placed by their coordinates when a sheet gives them (WGS 84, reprojected to
// Lambert-93), else by their commune; bad coordinates are a located row error.
TEST(Ingest, CoordinatesWinOverTheCommune) {
    TempDir tmp;
    const std::string store = (tmp.path / "c.gpkg").string();
    auto r = run(binary, {"ingest", "tests/data/sheets/coordinates.csv", "--into", store, "--accept-partial"},
                 source_dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(unfolded(r.err).find("coordinates.csv:4:9: erreur: [Latitude] coordonnées invalides"), std::string::npos) << r.err;
    const auto p = load(store);
    ASSERT_EQ(p.organisations.size(), 2u);
    std::map<std::string, maillage::model::MapPoint> at;
    for (const auto& o : p.organisations) {
        ASSERT_TRUE(o.place) << o.name;
        at[o.name] = *o.place;
    }
    // 5.9280 E, 43.1242 N in Lambert-93, computed once with the ogr2ogr command line:
    //   ogr2ogr -f CSV /vsistdout/ point.geojson -t_srs EPSG:2154 -lco GEOMETRY=AS_XY
    //   → 938398.5518154,6229413.54662773
    EXPECT_NEAR(at["Tiers-lieu du Port"].x, 938398.5518154, 0.01);
    EXPECT_NEAR(at["Tiers-lieu du Port"].y, 6229413.54662773, 0.01);
    // CIO Toulon: a point inside Toulon (83137), from the bundled commune outlines
    EXPECT_NE(at["CIO Toulon"].x, at["Tiers-lieu du Port"].x);
}

// Outlines from the command line, in any format OGR reads: the GeoJSON of the départements and
// the same converted to a Shapefile (with GDAL's ogr2ogr) give the same territories.
TEST(Territories, OutlinesFromGeoJsonOrShapefile) {
    TempDir tmp;
    const std::string shp = (tmp.path / "departements.shp").string();
    ASSERT_EQ(run("/usr/bin/ogr2ogr", {shp, "datasets/france/geo/paca_departements.geojson"}, source_dir).exit_code, 0);
    std::map<std::string, std::size_t> outline_size;
    for (const std::string& outlines : {std::string("datasets/france/geo/paca_departements.geojson"), shp}) {
        const std::string store = (tmp.path / (std::to_string(outline_size.size()) + ".gpkg")).string();
        auto r = run(binary, {"ingest", "tests/data/sheets/tabs.tsv", "--into", store, "--territories", outlines,
                              "--key", "nom", "--code", "code"},
                     source_dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_NE(r.out.find("Territoires : 6 contour(s) chargé(s)"), std::string::npos) << r.out;
        const auto p = load(store);
        ASSERT_EQ(p.territories.size(), 6u); // Alpes-Maritimes (from the sheet) is one of the six
        for (const auto& t : p.territories) {
            EXPECT_FALSE(t.outline.empty()) << t.name;
            if (outline_size.contains(t.code)) {
                EXPECT_EQ(outline_size[t.code], t.outline.size()) << t.code;
            }
            outline_size[t.code] = t.outline.size();
        }
    }
    EXPECT_EQ(outline_size.size(), 6u);
    auto bad = run(binary, {"ingest", "tests/data/sheets/tabs.tsv", "--into", (tmp.path / "x.gpkg").string(),
                            "--territories", "datasets/france/geo/paca_departements.geojson", "--key", "name"},
                   source_dir);
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(unfolded(bad.err).find("champ « name » absent ; champs : code, nom"), std::string::npos) << bad.err;
}

// Commands given a project folder read the sheets its manifest names, not its registry or
// alias files.
TEST(ProjectFolder, SummaryReadsTheManifestsSheets) {
    const auto folder = run(binary, {"summary", "datasets/paca", "--format", "csv"}, source_dir);
    const auto sheets = run(binary, {"summary", "datasets/paca/editions", "--format", "csv"}, source_dir);
    EXPECT_EQ(folder.exit_code, 1); // the planted bad rows
    EXPECT_EQ(folder.out, sheets.out);
}

// Issue #21: every damaged sheet of tests/data/hostile is refused whole, even with
// --accept-partial, and leaves an existing store byte for byte as it was (the goldens under
// tests/cli/ingest/hostile_* hold each exact message).
TEST(Ingest, ADamagedSheetLeavesTheStoreByteForByteUnchanged) {
    TempDir tmp;
    const std::string store = (tmp.path / "p.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", "tests/data/sheets/tabs.tsv", "--into", store}, source_dir).exit_code, 0);
    const std::string before = slurp(store);
    for (const char* sheet : {"stray_quote.csv", "unbalanced_quote.csv", "bom_invalid_byte.csv", "extra_cells.csv",
                              "repeated_header_reordered.csv", "pdf_renamed.csv", "workbook_renamed.csv",
                              "cut_sheet.xlsx", "garbage_row.xlsx", "far_cell.xlsx", "last_column_header.xlsx",
                              "no_sheet.xlsx", "cut_download.xlsx", "cut_content.ods", "siret_scientific.csv",
                              "territory_spaces.csv", "date_1999.csv"}) {
        const std::string path = std::string("tests/data/hostile/") + sheet;
        const auto r = run(binary, {"ingest", path, "--into", store, "--accept-partial"}, source_dir);
        const bool row_level = std::string_view(sheet) == "siret_scientific.csv" ||
                               std::string_view(sheet) == "territory_spaces.csv" || std::string_view(sheet) == "date_1999.csv";
        if (row_level) {
            // the good rows could go in with --accept-partial; here every bad row is named
            EXPECT_NE(unfolded(r.err).find(path + ":"), std::string::npos) << sheet << "\n" << r.err;
            continue;
        }
        EXPECT_EQ(r.exit_code, 2) << sheet << "\n" << r.err;
        EXPECT_NE(unfolded(r.err).find(path), std::string::npos) << r.err;
        EXPECT_EQ(r.out.find("importée"), std::string::npos) << sheet << "\n" << r.out;
        EXPECT_EQ(slurp(store), before) << sheet << " changed the store";
    }
}

// What the strict reader still takes: RFC 4180 quoting (a doubled quote, a separator inside
// quotes, an address on two lines), CRLF and old Mac CR line ends, a short row, trailing
// separators, and a quote inside an unquoted cell.
TEST(Ingest, TheStrictReaderTakesEveryLegitimateQuoting) {
    TempDir tmp;
    const fs::path sheet = tmp.path / "quoting.csv";
    {
        std::ofstream out(sheet, std::ios::binary);
        out << "Territoire;Édition;Séance;Nom;Prénom;Structure;Adresse\r\n"
            << "Gironde;2026;Atelier 1;Lacoste;Marie;\"Mission locale \"\"Avenir\"\"; Bordeaux\";\"12 rue X\r\n33000 Bordeaux\"\r\n"
            << "Gironde;2026;Atelier 1;Giraud;Sophie;Mairie de Pau \"jeunesse\";;;\r\n"
            << "Gironde;2026;Atelier 1;Martin;Luc\r"
            << "Gironde;2026;Atelier 2;Martin;Luc;CIO Bordeaux\r";
    }
    const std::string store = (tmp.path / "p.gpkg").string();
    const auto r = run(binary, {"ingest", sheet.string(), "--into", store}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto project = load(store);
    EXPECT_EQ(project.attendances.size(), 4u);
    std::set<std::string> spellings;
    for (const auto& s : project.spellings) spellings.insert(s.text);
    EXPECT_TRUE(spellings.contains("Mission locale \"Avenir\"; Bordeaux")) << *spellings.begin();
    EXPECT_TRUE(spellings.contains("Mairie de Pau \"jeunesse\""));
}

namespace {

/// What identity resolution and the sheets made of a store, pseudonyms aside (each store has
/// its own key): one line per row of the tables that matter, for EXPECT_EQ to show the first
/// difference.
std::vector<std::string> resolved_rows(const maillage::model::Project& p) {
    std::vector<std::string> out;
    auto point = [](const std::optional<maillage::model::MapPoint>& m) {
        return m ? std::to_string(m->x) + "," + std::to_string(m->y) : std::string("-");
    };
    for (const auto& e : p.editions) out.push_back("edition " + std::to_string(e.territory) + " " + std::to_string(e.year));
    for (const auto& s : p.sessions) out.push_back("session " + std::to_string(s.edition) + " " + s.key + " " + s.name);
    for (const auto& o : p.organisations)
        out.push_back("organisation " + o.key + " | " + o.name + " | " + o.type + " | " + o.commune + " | " + point(o.place));
    for (const auto& s : p.spellings)
        out.push_back("spelling " + s.text + " | " + s.type + " | " + s.commune + " -> " + std::to_string(s.organisation) + " " +
                      std::to_string(s.first_year) + "-" + std::to_string(s.last_year) + " " + std::to_string(s.rows));
    for (const auto& q : p.questions) out.push_back("question " + q.first + " | " + q.second + " " + std::to_string(q.score) + " " + q.evidence);
    for (const auto& a : p.attendances)
        out.push_back("attendance " + std::to_string(a.session) + " " + std::to_string(a.person) + " " +
                      std::to_string(a.organisation) + " " + std::to_string(static_cast<int>(a.role)) + " " +
                      std::to_string(a.file) + ":" + std::to_string(a.line) + " " + std::to_string(a.spelling) + " " +
                      std::to_string(a.record));
    out.push_back("people " + std::to_string(p.people.size()) + " records " + std::to_string(p.records.size()) + " keys " +
                  std::to_string(p.person_keys.size()) + " identities " + std::to_string(p.identities.size()) + " folded " +
                  std::to_string(p.folded.size()));
    return out;
}

} // namespace

// issue #24: an edition added to a store resolves identities as a fresh ingest of both sheets
// would, whether resolution takes its memo back (the added sheet writes only names the store
// has) or groups again (a new spelling); and a sheet with one bad row changes no byte.
TEST(Ingest, AnAddedEditionGivesTheStoreAFreshIngestOfBothSheetsWouldGive) {
    TempDir tmp;
    const std::string folder = "tests/data/added_edition/";
    const std::string first = (tmp.path / "first.gpkg").string();
    ASSERT_EQ(run(binary, {"ingest", folder + "first.csv", "--into", first}, source_dir).exit_code, 0);
    const auto memo = load(first).organisation_memo;
    EXPECT_FALSE(memo.empty()) << "the first ingest keeps its grouping";
    for (const std::string added : {"known_names.csv", "new_name.csv"}) {
        SCOPED_TRACE(added);
        const std::string store = (tmp.path / ("plus_" + added + ".gpkg")).string();
        fs::copy_file(first, store);
        const auto plus = run(binary, {"ingest", folder + added, "--into", store}, source_dir);
        ASSERT_EQ(plus.exit_code, 0) << plus.err;
        const std::string fresh = (tmp.path / ("fresh_" + added + ".gpkg")).string();
        ASSERT_EQ(run(binary, {"ingest", folder + "first.csv", folder + added, "--into", fresh}, source_dir).exit_code, 0);
        const auto p = load(store), f = load(fresh);
        EXPECT_EQ(resolved_rows(p), resolved_rows(f));
        EXPECT_EQ(p.organisation_memo, f.organisation_memo);
        // the names the store had: the memo taken back as it was; a new one: grouped again
        if (added == "known_names.csv") EXPECT_EQ(p.organisation_memo, memo);
        else EXPECT_NE(p.organisation_memo, memo);
        const auto summary = run(binary, {"summary", store}, source_dir), summary_fresh = run(binary, {"summary", fresh}, source_dir);
        EXPECT_EQ(summary.exit_code, 0);
        EXPECT_EQ(summary.out, summary_fresh.out);
    }
    const std::string before = slurp(first);
    const auto refused = run(binary, {"ingest", folder + "bad_row.csv", "--into", first}, source_dir);
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(unfolded(refused.err).find("bad_row.csv:3:12: erreur: [role] rôle inconnu « observateur »"), std::string::npos)
        << refused.err;
    EXPECT_EQ(slurp(first), before) << "a refused sheet leaves the store byte for byte unchanged";
}
