#include <gtest/gtest.h>

#include "maillage/core/error.hpp"
#include "maillage/ingest/columns.hpp"

using namespace maillage::ingest;
using maillage::core::Lang;

TEST(RecogniseHeader, FrenchAndEnglishAccentsCaseAndNotes) {
    EXPECT_EQ(recognise_header("Prénom"), Field::FirstName);
    EXPECT_EQ(recognise_header("PRENOM"), Field::FirstName);
    EXPECT_EQ(recognise_header("Nom"), Field::LastName);
    EXPECT_EQ(recognise_header("Courriel"), Field::Email);
    EXPECT_EQ(recognise_header("E-mail"), Field::Email);
    EXPECT_EQ(recognise_header("Adresse e-mail"), Field::Email);
    EXPECT_EQ(recognise_header("Structure (organisme, service)"), Field::Organisation);
    EXPECT_EQ(recognise_header("Organisme"), Field::Organisation);
    EXPECT_EQ(recognise_header("Type de structure"), Field::OrgType);
    EXPECT_EQ(recognise_header("Code INSEE"), Field::Commune);
    EXPECT_EQ(recognise_header("Séance"), Field::Session);
    EXPECT_EQ(recognise_header("Atelier"), Field::Session);
    EXPECT_EQ(recognise_header("Type de séance"), Field::SessionKind);
    EXPECT_EQ(recognise_header("Rôle"), Field::Role);
    EXPECT_EQ(recognise_header("EDITION"), Field::Edition);
    EXPECT_EQ(recognise_header("Année"), Field::Edition);
    EXPECT_EQ(recognise_header("Territoire"), Field::Territory);
    EXPECT_EQ(recognise_header("N° SIRET"), Field::Siret);
    EXPECT_EQ(recognise_header("Méthode"), Field::Method);
    EXPECT_EQ(recognise_header("Commentaire"), std::nullopt);
}

TEST(RecogniseColumns, BenchGeneratorHeader) {
    // ../shared/bench/gen_participation.py's header
    const std::vector<std::string> h = {"edition", "territory", "date", "event_id", "session_id", "session_kind",
                                        "person_id", "person_name", "organisation", "org_type", "commune_insee", "role"};
    const auto m = recognise_columns(h, {}, "f.csv", Lang::Fr);
    EXPECT_EQ(m[Field::Edition], 0u);
    EXPECT_EQ(m[Field::Territory], 1u);
    EXPECT_EQ(m[Field::Date], 2u);
    EXPECT_FALSE(m.has(Field::Method));
    EXPECT_EQ(m[Field::Session], 4u);
    EXPECT_EQ(m[Field::SessionKind], 5u);
    EXPECT_EQ(m[Field::Person], 6u);
    EXPECT_EQ(m[Field::Name], 7u);
    EXPECT_EQ(m[Field::Organisation], 8u);
    EXPECT_EQ(m[Field::OrgType], 9u);
    EXPECT_EQ(m[Field::Commune], 10u);
    EXPECT_EQ(m[Field::Role], 11u);
}

TEST(RecogniseColumns, ExplicitMappingWinsAndEmptyIgnores) {
    const std::vector<std::string> h = {"woman", "event", "date"};
    const auto m = recognise_columns(h, {{Field::Person, "woman"}, {Field::Session, "EVENT"}, {Field::Date, ""}},
                                     "davis.csv", Lang::Fr);
    EXPECT_EQ(m[Field::Person], 0u);
    EXPECT_EQ(m[Field::Session], 1u);
    EXPECT_FALSE(m.has(Field::Date));
}

TEST(RecogniseColumns, MissingColumnsNameWhatWasFoundAndWhatIsNeeded) {
    try {
        recognise_columns({"woman", "event"}, {}, "davis.csv", Lang::En);
        FAIL() << "no error";
    } catch (const maillage::FatalError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "davis.csv: error: required column missing: person, session; columns found: woman, event; a "
                  "person (Identifier, E-mail, Name, or Last and First name) and a session (Workshop, Session) "
                  "are needed; otherwise name them with --column");
    }
    EXPECT_THROW(recognise_columns({"Nom", "Séance"}, {{Field::Organisation, "Employeur"}}, "x.csv", Lang::Fr),
                 maillage::FatalError);
}

TEST(ParseColumnSpec, FieldEqualsHeader) {
    EXPECT_EQ(parse_column_spec("person=woman", Lang::Fr), std::make_pair(Field::Person, std::string("woman")));
    EXPECT_EQ(parse_column_spec("date=", Lang::Fr), std::make_pair(Field::Date, std::string()));
    EXPECT_THROW(parse_column_spec("woman", Lang::Fr), maillage::FatalError);
    EXPECT_THROW(parse_column_spec("colour=red", Lang::Fr), maillage::FatalError);
}
