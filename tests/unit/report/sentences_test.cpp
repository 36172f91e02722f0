// The sentences the report generates from its numbers (report/sentences.hpp), checked word for
// word in French (the default) and English.
#include <gtest/gtest.h>

#include <cmath>

#include "maillage/report/sentences.hpp"

namespace maillage::report {
namespace {

using core::Lang;

EditionFigures figures(int year, std::int64_t people, std::int64_t orgs, std::int64_t types, double inter) {
    EditionFigures f;
    f.year = year;
    f.people = people;
    f.organisations = orgs;
    f.types = types;
    f.density = {0.5, inter, 0.05};
    return f;
}

TEST(ReportSentences, SummaryGivesTheFiguresAndTheirChange) {
    const auto now = figures(2025, 132, 58, 17, 0.214), before = figures(2024, 120, 60, 17, 0.183);
    EXPECT_EQ(summary_sentences("Vaucluse", now, before, Lang::Fr),
              "Vaucluse, édition 2025 : 132 participants, venus de 58 organisations de 17 types différents. "
              "Depuis l'édition 2024 : participants ↑\u00A0+12 (120), organisations ↓\u00A0\u22122 (60), types =\u00A00 (17).");
    EXPECT_EQ(summary_sentences("Vaucluse", now, before, Lang::En),
              "Vaucluse, 2025 edition: 132 participants from 58 organisations of 17 different types. "
              "Since the 2024 edition: participants ↑\u00A0+12 (120), organisations ↓\u00A0\u22122 (60), types =\u00A00 (17).");
}

TEST(ReportSentences, AFirstEditionSaysThereIsNothingToCompare) {
    const auto s = summary_sentences("Var", figures(2016, 80, 40, 12, 0.3), std::nullopt, Lang::Fr);
    EXPECT_NE(s.find("première édition"), std::string::npos) << s;
}

metrics::MeasureChange judged(metrics::ChangeMeasure m, double before, double after, double low, double high,
                              metrics::ChangeVerdict verdict) {
    return {m, before, after, metrics::info(m).transition ? after : after - before, low, high, verdict};
}

TEST(ReportSentences, AChangeCarriesItsMarginOfChance) {
    using metrics::ChangeMeasure;
    using metrics::ChangeVerdict;
    const auto up = judged(ChangeMeasure::ReconnaissanceShare, 0.12, 0.18, -0.03, 0.04, ChangeVerdict::Up);
    EXPECT_EQ(change_sentence(up, 2024, 2025, Lang::Fr),
              "Paires d'organisations qui ont travaillé ensemble (reconnaissance) : 18\u00A0% en 2025, contre 12\u00A0% en 2024 : "
              "+6\u00A0points (hasard : \u22123 à +4), plus que ne le donnerait le hasard.");
    EXPECT_EQ(change_sentence(up, 2024, 2025, Lang::En),
              "Organisation pairs that worked together (reconnaissance): 18% in 2025, against 12% in 2024: "
              "+6\u00A0points (chance: \u22123 to +4), more than chance would give.");
    // a rise smaller than the reshuffles give is less than chance, whatever its sign
    const auto less = judged(ChangeMeasure::PartnersInterconnaissance, 30.0, 31.2, 1.5, 3.0, ChangeVerdict::Down);
    EXPECT_EQ(change_sentence(less, 2024, 2025, Lang::Fr),
              "Partenaires distincts par organisation, en atelier ou en préparation (interconnaissance) : 31,2 en 2025, contre "
              "30,0 en 2024 : +1,2 (hasard : +1,5 à +3,0), moins que ne le donnerait le hasard.");
    EXPECT_EQ(chance_interval(up, Lang::Fr), "\u22123 à +4\u00A0pts");
    EXPECT_EQ(chance_interval(less, Lang::En), "+1.5 to +3.0");
}

TEST(ReportSentences, InsideItsMarginAChangeIsWithinChance) {
    using metrics::ChangeMeasure;
    using metrics::ChangeVerdict;
    const auto inside = judged(ChangeMeasure::TypePairsShare, 0.35, 0.13, -0.25, 0.20, ChangeVerdict::WithinChance);
    EXPECT_EQ(change_sentence(inside, 2018, 2019, Lang::Fr),
              "Paires de types d'organisation qui ont travaillé ensemble : 13\u00A0% en 2019, contre 35\u00A0% en 2018 : "
              "\u221222\u00A0points (hasard : \u221225 à +20), dans la marge du hasard.");
    EXPECT_NE(change_sentence(inside, 2018, 2019, Lang::En).find("within the margin of chance"), std::string::npos);
}

TEST(ReportSentences, AHalfPointDensityDropIsNotALoosening) {
    // the case: interconnaissance density 95 % → 94,5 %. Judged, it reads as its margin
    // says; never "le réseau se relâche".
    using metrics::ChangeMeasure;
    using metrics::ChangeVerdict;
    for (auto verdict : {ChangeVerdict::WithinChance, ChangeVerdict::Down}) {
        const auto c = judged(ChangeMeasure::InterconnaissanceDensity, 0.95, 0.945, -0.004, 0.012, verdict);
        const auto fr = change_sentence(c, 2024, 2025, Lang::Fr), en = change_sentence(c, 2024, 2025, Lang::En);
        EXPECT_EQ(fr.find("relâche"), std::string::npos) << fr;
        EXPECT_EQ(fr.find("resserre"), std::string::npos) << fr;
        EXPECT_EQ(en.find("loosening"), std::string::npos) << en;
        EXPECT_NE(fr.find("(hasard : "), std::string::npos) << fr;
    }
    EXPECT_NE(change_sentence(judged(ChangeMeasure::InterconnaissanceDensity, 0.95, 0.945, -0.01, 0.012, ChangeVerdict::WithinChance),
                              2024, 2025, Lang::Fr)
                  .find("dans la marge du hasard"),
              std::string::npos);
}

TEST(ReportSentences, ConnaissanceIsSaidNotTestable) {
    const auto c = judged(metrics::ChangeMeasure::PartnersConnaissance, 41, 44, std::nan(""), std::nan(""),
                          metrics::ChangeVerdict::NotTestable);
    EXPECT_EQ(change_sentence(c, 2024, 2025, Lang::Fr),
              "Connaissance : les 45 organisations présentes en 2025 se sont toutes croisées à l'édition (42 en 2024) — non "
              "testable : dans une édition, seule la venue compte, le hasard des séances n'y change rien.");
    EXPECT_EQ(chance_interval(c, Lang::Fr), "non testable");
    // any measure the reshuffles cannot move: its figures, and why nothing is said of them
    const auto still = judged(metrics::ChangeMeasure::PartnersReconnaissance, 2.0, 2.0, std::nan(""), std::nan(""),
                              metrics::ChangeVerdict::NotTestable);
    EXPECT_EQ(change_sentence(still, 2024, 2025, Lang::En),
              "Distinct partners per organisation, in a trio or the cooperation group (reconnaissance): 2.0 in 2025, against 2.0 "
              "in 2024 — not testable: redistributing the participants among the sessions does not move this figure.");
}

TEST(ReportSentences, NewTiesAcrossTypesAgainstTheirMargin) {
    const auto c = judged(metrics::ChangeMeasure::NewCrossTypeTies, std::nan(""), 42, 30, 55, metrics::ChangeVerdict::WithinChance);
    EXPECT_EQ(change_sentence(c, 2024, 2025, Lang::Fr),
              "Nouveaux liens de reconnaissance entre organisations de types différents : 42 depuis 2024 (hasard : 30 à 55), "
              "dans la marge du hasard.");
    EXPECT_EQ(chance_interval(c, Lang::En), "30 to 55");
}

TEST(ReportSentences, ADecimalMoreWhereRoundingWouldHideTheVerdict) {
    // +4,4 points above a margin ending at +4,3: in whole points both would read +4
    const auto c = judged(metrics::ChangeMeasure::ReconnaissanceShare, 0.100, 0.144, -0.03, 0.043, metrics::ChangeVerdict::Up);
    EXPECT_NE(change_sentence(c, 2024, 2025, Lang::Fr).find("+4,4\u00A0points (hasard : \u22123,0 à +4,3)"), std::string::npos)
        << change_sentence(c, 2024, 2025, Lang::Fr);
}

TEST(ReportSentences, AFirstEditionHasNothingToCompare) {
    EXPECT_EQ(first_edition_sentence(metrics::ChangeMeasure::ReconnaissanceShare, 0.25, 2016, Lang::Fr),
              "Paires d'organisations qui ont travaillé ensemble (reconnaissance) : 25\u00A0% en 2016 — première édition du "
              "territoire, rien à comparer.");
}

TEST(ReportSentences, TrendNamesTheEndsAndAPeakInBetween) {
    EXPECT_EQ(trend_sentence("participants", {2015, 2016, 2017}, {80, 140, 132}, false, Lang::Fr),
              "De 2015 à 2017, participants : de 80 à 132 (↑\u00A0+52) ; le plus haut, 140, en 2016.");
    // the highest at an end is not repeated
    EXPECT_EQ(trend_sentence("participants", {2015, 2016}, {80, 132}, false, Lang::En),
              "From 2015 to 2016, participants: from 80 to 132 (↑\u00A0+52).");
    EXPECT_EQ(trend_sentence("taux de retour", {2016, 2017}, {0.5, 0.62}, true, Lang::Fr),
              "De 2016 à 2017, taux de retour : de 50\u00A0% à 62\u00A0% (↑\u00A0+12\u00A0pts).");
    EXPECT_EQ(trend_sentence("participants", {2015}, {80}, false, Lang::Fr), "participants : 80 en 2015.");
}

TEST(ReportSentences, RetentionWithItsChangeNewcomersAndReturns) {
    EXPECT_EQ(retention_sentence(0.62, 0.58, 2024, 2025, 38, 9, Lang::Fr),
              "62\u00A0% des participants de 2024 sont revenus en 2025 (↑\u00A0+4\u00A0pts) ; 38 nouveaux venus et 9 retours "
              "après une absence.");
    EXPECT_EQ(retention_sentence(0.5, std::nullopt, 2018, 2019, 12, 3, Lang::En),
              "50% of the 2018 participants came back in 2019; 12 newcomers and 3 returning after an absence.");
}

TEST(ReportSentences, CutPointNamesWhoWouldBeCutOff) {
    EXPECT_EQ(cut_point_sentence("France services Forcalquier", {"Chambre d'agriculture"}, Lang::Fr),
              "Si «\u00A0France services Forcalquier\u00A0» cessait de venir, une organisation perdrait son seul lien "
              "avec le reste du réseau : Chambre d'agriculture.");
    EXPECT_EQ(cut_point_sentence("X", {"A", "B", "C", "D", "E", "F", "G"}, Lang::En),
              "If \u201CX\u201D stopped coming, 7 organisations would lose their only tie to the rest of the network: "
              "A, B, C, D, E and 2 more.");
}

TEST(ReportSentences, ListsEndWithAndOrTheCountLeft) {
    EXPECT_EQ(join_list({"A"}, 3, Lang::Fr), "A");
    EXPECT_EQ(join_list({"A", "B", "C", "D", "E"}, 3, Lang::En), "A, B, C and 2 more");
    EXPECT_EQ(join_list({"A", "B"}, 3, Lang::Fr), "A et B");
    EXPECT_EQ(join_list({"A", "B", "C", "D"}, 3, Lang::Fr), "A, B, C et 1 autre");
}

} // namespace
} // namespace maillage::report
