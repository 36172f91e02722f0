// build_report on a small project written here: the map slot (absent: a sentence; present: the
// SVG inlined without its prolog), the report as of an earlier year, the region side by side.
#include <gtest/gtest.h>

#include "maillage/report/report.hpp"

namespace {

using namespace maillage;
using model::Id;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

struct Small {
    model::Project p;
    advise::Geography g;
    model::Taxonomy taxonomy = model::Taxonomy::defaults();

    Id org(const std::string& name, const std::string& type) {
        p.organisations.push_back({name, name, type, "01001", "", std::nullopt});
        return static_cast<Id>(p.organisations.size() - 1);
    }
    Id edition(Id territory, int year) {
        p.editions.push_back({territory, year});
        const auto e = static_cast<Id>(p.editions.size() - 1);
        p.sessions.push_back({e, "pl", "Plénière", model::SessionKind::Plenary, "", model::CalendarDate{year, 2, 3}});
        p.sessions.push_back({e, "w1", "Atelier 1", model::SessionKind::Workshop, "", model::CalendarDate{year, 2, 3}});
        p.sessions.push_back({e, "w2", "Atelier 2", model::SessionKind::Workshop, "", model::CalendarDate{year, 2, 3}});
        return e;
    }
    void came(Id e, int w, Id person, Id o, model::Role role = model::Role::Participant) {
        while (p.people.size() <= static_cast<std::size_t>(person)) p.people.push_back({"P" + std::to_string(p.people.size())});
        p.attendances.push_back({static_cast<Id>(3 * e), person, o, model::Role::Participant, model::no_id, 0});
        p.attendances.push_back({static_cast<Id>(3 * e + 1 + w), person, o, role, model::no_id, 0});
    }

    Small() {
        p.territories = {{"a", "Aval", "01", ""}, {"b", "Bamont", "02", ""}};
        g.communes = {{"01001", "Un", "01", "E1", "Epci un", 1000}};
        g.sort_communes();
        g.territory_communes = {{"01001"}, {"01001"}};
        const Id ft = org("France Travail Un", "france_travail");
        const Id ml = org("Mission locale Un", "mission_locale");
        const Id cci = org("CCI Un", "chambre_consulaire");
        const Id ent = org("Entreprise Deux", "entreprise");
        for (int year : {2020, 2021, 2022}) {
            const Id e = edition(0, year);
            came(e, 0, 0, ft, model::Role::Exposant);
            came(e, 0, 1, ml);
            came(e, 1, 2, ml);
            came(e, 1, 3, cci);
            if (year >= 2021) came(e, 1, 4, ft);
        }
        const Id e = edition(1, 2022);
        came(e, 0, 5, ent);
        came(e, 0, 6, ft);
    }
};

report::ReportOptions options(Id territory) {
    report::ReportOptions o;
    o.territory = territory;
    o.reshuffles = 20;
    return o;
}

TEST(Report, WithoutAMapSectionThreeSaysSo) {
    Small s;
    report::ReportSummary summary;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, options(0), &summary);
    EXPECT_EQ(summary.sections, 7);
    EXPECT_EQ(summary.year, 2022);
    EXPECT_NE(html.find("Pas de carte dans ce rapport"), std::string::npos);
    EXPECT_NE(html.find("Aval, édition 2022, plénière du 3 février 2022"), std::string::npos);
    EXPECT_EQ(count(html, "<figure>"), static_cast<std::size_t>(summary.figures));
}

TEST(Report, TheMapHookIsInlinedInSectionThree) {
    Small s;
    auto o = options(0);
    int asked_year = 0;
    Id asked_territory = model::no_id;
    o.map = [&](Id territory, int year) -> std::optional<std::string> {
        asked_territory = territory;
        asked_year = year;
        return std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n"
                           "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"the-map\"><text>carte</text></svg>\n");
    };
    report::ReportSummary without, with;
    report::build_report(s.p, s.taxonomy, s.g, options(0), &without);
    const auto html = report::build_report(s.p, s.taxonomy, s.g, o, &with);
    EXPECT_EQ(asked_territory, 0);
    EXPECT_EQ(asked_year, 2022);
    EXPECT_EQ(with.figures, without.figures + 1);
    EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"the-map\">"), std::string::npos);
    EXPECT_EQ(html.find("<?xml"), std::string::npos);
    EXPECT_EQ(html.find("<!DOCTYPE svg"), std::string::npos);
    EXPECT_EQ(html.find("Pas de carte dans ce rapport"), std::string::npos);
    // the map comes before the diagram, in section 3
    EXPECT_LT(html.find("id=\"reseau\""), html.find("the-map"));
    EXPECT_LT(html.find("the-map"), html.find("id=\"passeurs\""));
}

TEST(Report, TheRegionAsksForTheMapOfTheWholeRegion) {
    Small s;
    auto o = options(0);
    o.territory.reset();
    Id asked = 0;
    int year = 0;
    o.map = [&](Id territory, int y) -> std::optional<std::string> {
        asked = territory;
        year = y;
        return std::nullopt; // no map: section 3 says so
    };
    const auto html = report::build_report(s.p, s.taxonomy, s.g, o);
    EXPECT_EQ(asked, model::no_id);
    EXPECT_EQ(year, 2022);
    EXPECT_NE(html.find("Pas de carte dans ce rapport"), std::string::npos);
}

TEST(Report, AnEarlierYearLeavesLaterEditionsOut) {
    Small s;
    auto o = options(0);
    o.year = 2021;
    report::ReportSummary summary;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, o, &summary);
    EXPECT_EQ(summary.year, 2021);
    EXPECT_EQ(html.find("2022"), std::string::npos);
    EXPECT_EQ(report::up_to(s.p, 2021).editions.size(), 2u); // Aval 2020 and 2021; Bamont 2022 gone
}

TEST(Report, TheRegionPutsTheTerritoriesSideBySideInEnglish) {
    Small s;
    auto o = options(0);
    o.territory.reset();
    o.lang = core::Lang::En;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, o);
    EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(html.find("2 territories side by side: Aval and Bamont."), std::string::npos);
    EXPECT_NE(html.find("<th class=\"num\">Aval</th><th class=\"num\">Bamont</th>"), std::string::npos);
}

TEST(Report, InlineSvgDropsWhatComesBeforeTheElement) {
    EXPECT_EQ(report::inline_svg("<?xml version=\"1.0\"?>\n<!-- g -->\n<svg/>"), "<svg/>");
    EXPECT_EQ(report::inline_svg("<svg a=\"1\"></svg>"), "<svg a=\"1\"></svg>");
}

} // namespace
