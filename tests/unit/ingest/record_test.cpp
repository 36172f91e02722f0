#include <gtest/gtest.h>

#include "maillage/ingest/record.hpp"

using namespace maillage::ingest;
using maillage::core::Diagnostics;
using maillage::core::Lang;

TEST(ParseDate, FrenchAndIsoFormsAndImpossibleDates) {
    EXPECT_EQ(parse_date("12/03/2019"), (Date{2019, 3, 12}));
    EXPECT_EQ(parse_date("2019-03-12"), (Date{2019, 3, 12}));
    EXPECT_EQ(parse_date("2019/03/12"), (Date{2019, 3, 12}));
    EXPECT_EQ(parse_date("2019-03-12 09:30:00"), (Date{2019, 3, 12}));
    EXPECT_EQ(parse_date("2019-03-12T09:30"), (Date{2019, 3, 12}));
    EXPECT_EQ(parse_date("1.2.2020"), (Date{2020, 2, 1}));
    EXPECT_EQ(parse_date("29/02/2024"), (Date{2024, 2, 29}));
    EXPECT_EQ(parse_date("29/02/2023"), std::nullopt);
    EXPECT_EQ(parse_date("31/02/2019"), std::nullopt);
    EXPECT_EQ(parse_date("à confirmer"), std::nullopt);
    EXPECT_EQ(parse_date("6/27"), std::nullopt);
    EXPECT_EQ(parse_date("13/13/2019"), std::nullopt);
}

TEST(ParseEditionYear, FindsTheYear) {
    EXPECT_EQ(parse_edition_year("2019"), 2019);
    EXPECT_EQ(parse_edition_year("Édition 2019"), 2019);
    EXPECT_EQ(parse_edition_year("2019-2020"), 2019);
    EXPECT_EQ(parse_edition_year("20190"), std::nullopt);
    EXPECT_EQ(parse_edition_year("deux mille"), std::nullopt);
}

namespace {
TableInfo table() {
    TableInfo t;
    t.file = t.source = "s.csv";
    t.headers = {"Nom", "Prénom", "Courriel", "Atelier", "Rôle", "Date"};
    return t;
}
} // namespace

TEST(ParseRecord, AcceptsAGoodRowAndKeysThePerson) {
    const auto t = table();
    const auto cols = recognise_columns(t.headers, {}, t.source, Lang::Fr);
    Diagnostics d;
    const auto r = parse_record({7, {"Martin", "Hélène", " Helene.Martin@ML.fr ", "Atelier 1", "exposante", "12/03/2019"}},
                                t, cols, Lang::Fr, d);
    ASSERT_TRUE(r);
    EXPECT_TRUE(d.items().empty());
    EXPECT_EQ(r->email, "helene.martin@ml.fr");
    EXPECT_EQ(r->name_key, "martin / helene");
    EXPECT_EQ(r->role, maillage::model::Role::Exposant);
    EXPECT_EQ(r->edition, "2019"); // from the date: the sheet has no edition column
}

TEST(ParseRecord, ReportsEveryProblemOfARowLocated) {
    const auto t = table();
    const auto cols = recognise_columns(t.headers, {}, t.source, Lang::Fr);
    Diagnostics d;
    EXPECT_FALSE(parse_record({9, {"", "", "", "", "observateur", "31/02/2019"}}, t, cols, Lang::Fr, d));
    ASSERT_EQ(d.items().size(), 4u);
    EXPECT_EQ(render(d.items()[0], Lang::Fr),
              "s.csv:9:1: erreur: [Nom] personne manquante : identifiant, courriel et nom sont vides ; "
              "complétez la ligne ou supprimez-la");
    EXPECT_EQ(render(d.items()[1], Lang::Fr), "s.csv:9:4: erreur: [Atelier] séance manquante : la cellule est vide");
    EXPECT_EQ(render(d.items()[2], Lang::En),
              "s.csv:9:5: error: [Rôle] rôle inconnu « observateur » ; attendu : participant, exposant, "
              "gardien (de la méthode) ou scribe"); // the message is in the language of parse_record
    EXPECT_EQ(render(d.items()[3], Lang::Fr),
              "s.csv:9:6: erreur: [Date] date invalide « 31/02/2019 » ; attendu : une date comme 12/03/2019 ou "
              "2019-03-12");
}
