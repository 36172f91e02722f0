// Numbers, percentages, differences and dates as the report writes them (report/format.hpp).
// Expected strings are CLDR's (ICU 72): French puts a no-break space (U+00A0) before "%";
// maillage groups thousands with a narrow no-break space (U+202F, core::format_count).
#include <gtest/gtest.h>

#include <map>

#include <cmath>

#include "maillage/report/format.hpp"

namespace maillage::report {
namespace {

using core::Lang;

TEST(ReportFormat, PercentInFrenchHasACommaAndASpaceBeforeTheSign) {
    EXPECT_EQ(format_percent(0.125, 1, Lang::Fr), "12,5\u00A0%");
    EXPECT_EQ(format_percent(0.125, 1, Lang::En), "12.5%");
    EXPECT_EQ(format_percent(0.62, 0, Lang::Fr), "62\u00A0%");
    EXPECT_EQ(format_percent(1.0, 0, Lang::En), "100%");
}

TEST(ReportFormat, PercentRoundsAndNeverShowsMinusZero) {
    EXPECT_EQ(format_percent(0.12345, 1, Lang::En), "12.3%");
    EXPECT_EQ(format_percent(-0.0001, 1, Lang::En), "0.0%");
    EXPECT_EQ(format_percent(std::nan(""), 0, Lang::Fr), "—");
}

TEST(ReportFormat, DatesAreWrittenOutWithTheMonthName) {
    EXPECT_EQ(format_date({2025, 2, 3}, Lang::Fr), "3 février 2025");
    EXPECT_EQ(format_date({2025, 2, 3}, Lang::En), "February 3, 2025");
    EXPECT_EQ(format_date({2019, 12, 31}, Lang::Fr), "31 décembre 2019");
    EXPECT_EQ(format_date({2024, 8, 1}, Lang::Fr), "1 août 2024");
}

TEST(ReportFormat, AnIncompleteDateGivesTheYear) {
    EXPECT_EQ(format_date({2025, 0, 0}, Lang::Fr), "2025");
}

TEST(ReportFormat, ChangesCarryAnArrowAndATrueMinusSign) {
    EXPECT_EQ(format_change(12, 0, Lang::Fr), "↑\u00A0+12");
    EXPECT_EQ(format_change(-3, 0, Lang::Fr), "↓\u00A0\u22123");
    EXPECT_EQ(format_change(0.0312, 3, Lang::Fr), "↑\u00A0+0,031");
    EXPECT_EQ(format_change(-0.0312, 3, Lang::En), "↓\u00A0\u22120.031");
    EXPECT_EQ(format_change(0.0001, 3, Lang::En), "=\u00A00.000");
    EXPECT_EQ(format_change(1234, 0, Lang::Fr), "↑\u00A0+1\u202F234");
}

TEST(ReportFormat, PointChangesAreInPercentagePoints) {
    EXPECT_EQ(format_point_change(0.04, 0, Lang::Fr), "↑\u00A0+4\u00A0pts");
    EXPECT_EQ(format_point_change(-0.01, 0, Lang::Fr), "↓\u00A0\u22121\u00A0pt");
    EXPECT_EQ(format_point_change(0.025, 1, Lang::En), "↑\u00A0+2.5\u00A0pts");
}

TEST(ReportFormat, NumbersAreGroupedForTheLanguage) {
    EXPECT_EQ(format_number(12345, 0, Lang::Fr), "12\u202F345");
    EXPECT_EQ(format_number(12345, 0, Lang::En), "12,345");
    EXPECT_EQ(format_number(0.2141, 3, Lang::Fr), "0,214");
}

} // namespace
TEST(ReportNames, CapitalsAreWrittenAsTheOrganisationWritesItself) {
    const std::map<std::string, std::string> places{
        {"aix en provence", "Aix-en-Provence"}, {"arles", "Arles"}, {"marseille", "Marseille"}};
    EXPECT_EQ(proper_case("CENTRE INFORMATION FAMILLE - AIX-EN-PROVENCE", places), "Centre information famille - Aix-en-Provence");
    EXPECT_EQ(proper_case("MISSION LOCALE DU PAYS D'ARLES", places), "Mission locale du pays d'Arles");
    EXPECT_EQ(proper_case("CIO DE MARSEILLE", places), "CIO de Marseille");
    EXPECT_EQ(proper_case("FRANCE TRAVAIL SALON-DE-PROVENCE", places), "France Travail Salon-de-Provence");
    EXPECT_EQ(proper_case("GRETA BTP 13"), "GRETA BTP 13");
    EXPECT_EQ(proper_case("ÉCOLE DE LA DEUXIÈME CHANCE"), "École de la deuxième chance");
    // not in capitals: as written
    EXPECT_EQ(proper_case("Cite des metiers de Marseille", places), "Cite des metiers de Marseille");
    EXPECT_TRUE(is_shouting("CENTRE INFORMATION FAMILLE - AIX-EN-PROVENCE"));
    EXPECT_TRUE(is_shouting("ÉCOLE 13"));
    EXPECT_FALSE(is_shouting("CIO Arles"));
    EXPECT_FALSE(is_shouting("13 - 84"));
}

} // namespace maillage::report
