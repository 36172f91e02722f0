// The sentences the report generates from its numbers (report/sentences.hpp), checked word for
// word in French (the default) and English.
#include <gtest/gtest.h>

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

TEST(ReportSentences, DensitySaysWhetherTheNetworkTightens) {
    const auto now = figures(2025, 132, 58, 17, 0.214), before = figures(2024, 120, 60, 17, 0.183);
    const auto s = density_sentences(now, before, Lang::Fr);
    ASSERT_EQ(s.size(), 3u);
    // densities are shares of the pairs: percentages, their changes in points
    EXPECT_EQ(s[0], "Connaissance : densité 50\u00A0% (=\u00A00\u00A0pt depuis 2024) — stable.");
    EXPECT_EQ(s[1], "Interconnaissance : densité 21\u00A0% (↑\u00A0+3\u00A0pts depuis 2024) — le réseau se resserre.");
    auto looser = now;
    looser.density[1] = 0.150;
    EXPECT_EQ(density_sentences(looser, before, Lang::En)[1],
              "Interconnaissance (knowing someone): density 15% (↓\u00A0\u22123\u00A0pts since 2024) — the network is loosening.");
    // under half a point: stable, not a verdict on a rounding
    auto same = before;
    same.density[1] = 0.1855;
    EXPECT_NE(density_sentences(same, before, Lang::Fr)[1].find("stable"), std::string::npos);
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
