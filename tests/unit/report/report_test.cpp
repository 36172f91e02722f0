// build_report on a small project written here: the map slot (absent: a sentence; present: the
// SVG inlined without its prolog), the report as of an earlier year, the region side by side.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <vector>

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
    o.map = [&](Id territory, int year) -> std::optional<report::MapFigure> {
        asked_territory = territory;
        asked_year = year;
        report::MapFigure f;
        f.svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"the-map\"><text>carte</text></svg>\n";
        f.areas = {{"200000001", "CA du Val", 0.4}, {"200000002", "CC des Monts", std::nullopt}};
        f.notes = {"Cercles vides : ... (advise : unmobilised)."};
        return f;
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
    // the table beside a territory's map names the EPCI whose rates the map writes
    EXPECT_NE(html.find("<td>CA du Val</td><td class=\"num\">40\u00A0%</td>"), std::string::npos);
    // the renderer's own notes go to the appendix only
    EXPECT_EQ(html.find("unmobilised"), std::string::npos);
    o.appendix = true;
    EXPECT_NE(report::build_report(s.p, s.taxonomy, s.g, o).find("unmobilised"), std::string::npos);
}

TEST(Report, TheRegionAsksForTheMapOfTheWholeRegion) {
    Small s;
    auto o = options(0);
    o.territory.reset();
    Id asked = 0;
    int year = 0;
    o.map = [&](Id territory, int y) -> std::optional<report::MapFigure> {
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

/// The text a reader sees: the stylesheet, comments and tags removed (an SVG's <title> text
/// stays: a screen reader reads it), a few entities decoded.
std::string visible_text(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html.compare(i, 7, "<style>") == 0) i = html.find("</style>", i) + 8;
        else if (html.compare(i, 4, "<!--") == 0) i = html.find("-->", i) + 3;
        else if (html[i] == '<') {
            i = html.find('>', i) + 1;
            out += ' ';
        } else out += html[i++];
    }
    for (const auto& [entity, text] : std::vector<std::pair<std::string, std::string>>{
             {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#45;", "-"}})
        for (auto at = out.find(entity); at != std::string::npos; at = out.find(entity, at + text.size()))
            out.replace(at, entity.size(), text);
    return out;
}

TEST(Report, TheFundersPagesShowNoBackstageAndTheAppendixOnlyWhenAsked) {
    Small s;
    s.p.files = {{"datasets/x/2022-emargements.xlsx", "abc", 40, 1}};
    s.p.registry = {{0, "Chambre d'agriculture Un", "chambre_agriculture", "01001", "", "annuaire-2019", model::no_id, "", std::nullopt}};
    auto o = options(0);
    o.command = "maillage report x.gpkg --territory Aval --appendix -o r.html";
    const auto text = visible_text(report::build_report(s.p, s.taxonomy, s.g, o));
    for (const char* backstage : {"datasets/", ".xlsx", "annuaire-2019", "Graine", "graine", "octet", "maillage report",
                                  "maillage invite", "--", "p =", "quarantaine", "advise"})
        EXPECT_EQ(text.find(backstage), std::string::npos) << backstage;
    // no type key (snake_case) in the text
    EXPECT_FALSE(std::regex_search(text, std::regex("\\b[a-z]+_[a-z_]+\\b"))) << text;
    EXPECT_EQ(text.find("Annexe technique"), std::string::npos);

    o.appendix = true;
    report::ReportSummary summary;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, o, &summary);
    const auto with = visible_text(html);
    EXPECT_NE(html.find("<section id=\"annexe\""), std::string::npos);
    EXPECT_NE(with.find("Annexe technique"), std::string::npos);
    EXPECT_NE(with.find("Graine 42"), std::string::npos);
    EXPECT_NE(with.find("20 tirages"), std::string::npos);
    EXPECT_NE(with.find("datasets/x/2022-emargements.xlsx"), std::string::npos);
    EXPECT_NE(with.find("annuaire-2019 (1)"), std::string::npos);
    EXPECT_NE(with.find("maillage report x.gpkg --territory Aval --appendix -o r.html"), std::string::npos);
    EXPECT_NE(with.find("maillage invite --scope people"), std::string::npos);
    // the appendix comes after the method, and is not one of the seven sections of the funder's report
    EXPECT_LT(html.find("id=\"methode\""), html.find("id=\"annexe\""));
}

TEST(Report, NamesInCapitalsAreShownAsTheOrganisationWritesThem) {
    Small s;
    s.p.organisations[0].name = "FRANCE TRAVAIL VAL-DE-DURANCE"; // only ever written in capitals
    s.p.organisations[2].name = "CCI UN - AIX-EN-PROVENCE";
    s.g.communes.push_back({"13001", "Aix-en-Provence", "13", "", "", 140000});
    s.g.sort_communes();
    // the registry's spelling wins over capitals
    s.p.organisations[1].name = "MISSION LOCALE UN";
    s.p.registry = {{0, "Mission locale d'Un", "mission_locale", "01001", "", "annuaire", 1, "name", std::nullopt}};
    const auto text = visible_text(report::build_report(s.p, s.taxonomy, s.g, options(0)));
    EXPECT_EQ(text.find("FRANCE TRAVAIL"), std::string::npos);
    EXPECT_EQ(text.find("AIX-EN-PROVENCE"), std::string::npos);
    EXPECT_EQ(text.find("MISSION LOCALE"), std::string::npos);
    EXPECT_NE(text.find("France Travail Val-de-Durance"), std::string::npos);
    EXPECT_NE(text.find("CCI un - Aix-en-Provence"), std::string::npos);
    EXPECT_NE(text.find("Mission locale d'Un"), std::string::npos);
}

TEST(Report, EachLeadSentenceIsKeptWithItsChart) {
    Small s;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, options(0));
    EXPECT_NE(html.find(".keep { break-inside: avoid;"), std::string::npos);
    // no forced page break before each section (a short one would leave a near-empty page)
    EXPECT_EQ(html.find("section { break-before: page"), std::string::npos);
    // the trends: each chart in a block with the sentence that introduces it
    const auto trends = html.substr(html.find("id=\"tendances\""), html.find("id=\"reseau\"") - html.find("id=\"tendances\""));
    EXPECT_EQ(count(trends, "<div class=\"keep\">\n<p>"), count(trends, "<figure>"));
}

TEST(Report, TheRegularsStandBesideNewcomersAndReturners) {
    Small s;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, options(0));
    // Aval 2021 and 2022: the people of 2020 (and 2021) came back, beside the new ones
    EXPECT_NE(html.find("Déjà là à l&#39;édition précédente"), std::string::npos);
    EXPECT_NE(html.find("2021 — Déjà là à l&#39;édition précédente : 4"), std::string::npos);
    EXPECT_NE(html.find("2022 — Déjà là à l&#39;édition précédente : 5"), std::string::npos);
}

TEST(Report, MapFigureLabelsEachAreaWithItsOwnRate) {
    render::MapSpec spec;
    auto square = [](double x, double y) {
        geo::Shape sh;
        sh.rings = {{{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}, {x, y}}};
        sh.inside = {x + 500, y + 500};
        sh.min_x = x, sh.min_y = y, sh.max_x = x + 1000, sh.max_y = y + 1000;
        return sh;
    };
    spec.areas = {{"Aval", square(0, 0), 0.4}, {"Bamont", square(5000, 0), 0.25}, {"Crête", square(10000, 0), std::nullopt}};
    spec.subtitle = "Organisations venues au moins une fois / organisations connues";
    spec.notes = {"Cercles vides : ... (advise : unmobilised)."};
    const std::vector<render::AreaValue> areas{{"a", "Aval", 0.4}, {"b", "Bamont", 0.25}, {"c", "Crête", std::nullopt}};
    render::MapDrawing region, territory;
    const auto r = report::map_figure(spec, areas, true, core::Lang::Fr, &region);
    auto drawn = [](const render::MapDrawing& d, const std::string& t) {
        return std::find(d.texts.begin(), d.texts.end(), t) != d.texts.end();
    };
    EXPECT_TRUE(drawn(region, "Aval\n40\u00A0%")) << ::testing::PrintToString(region.texts);
    EXPECT_TRUE(drawn(region, "Bamont\n25\u00A0%"));
    EXPECT_TRUE(drawn(region, "Crête"));
    EXPECT_EQ(region.labels_skipped, 0);
    // nothing of the renderer's notes in the picture; they are kept for the appendix
    for (const auto& t : region.texts) EXPECT_EQ(t.find("unmobilised"), std::string::npos) << t;
    EXPECT_EQ(r.notes.size(), 2u);
    EXPECT_NE(r.svg.find("id=\"map-"), std::string::npos);
    EXPECT_EQ(r.svg.find("id=\"glyph"), std::string::npos);
    report::map_figure(spec, areas, false, core::Lang::Fr, &territory);
    EXPECT_TRUE(drawn(territory, "40\u00A0%"));
    EXPECT_TRUE(drawn(territory, "25\u00A0%"));
    EXPECT_FALSE(drawn(territory, "Aval"));
}

TEST(Report, InlineSvgDropsWhatComesBeforeTheElement) {
    EXPECT_EQ(report::inline_svg("<?xml version=\"1.0\"?>\n<!-- g -->\n<svg/>"), "<svg/>");
    EXPECT_EQ(report::inline_svg("<svg a=\"1\"></svg>"), "<svg a=\"1\"></svg>");
}

} // namespace

TEST(Report, TheSummarySaysWhatMovesAndNeverADensityVerdict) {
    // Aval 2021 → 2022: the same three organisations; each workshop's trio is one exposant, so
    // no two organisations ever worked together and the reshuffles cannot move reconnaissance.
    Small s;
    const auto html = report::build_report(s.p, s.taxonomy, s.g, options(0));
    const auto from = html.find("<section id=\"resume\""), to = html.find("<section id=\"tendances\"");
    const auto summary = html.substr(from, to - from);
    std::vector<std::string> items;
    for (auto at = summary.find("<li>"); at != std::string::npos; at = summary.find("<li>", at + 1))
        items.push_back(summary.substr(at + 4, summary.find("</li>", at) - at - 4));
    ASSERT_EQ(items.size(), 6U) << summary; // five lead measures and connaissance
    for (const auto& item : items) {
        EXPECT_EQ(item.find("ensité"), std::string::npos) << item; // no sentence on density
        EXPECT_EQ(item.find("relâche"), std::string::npos) << item;
    }
    EXPECT_EQ(items[0].rfind("Paires d&#39;organisations qui ont travaillé ensemble (reconnaissance) : 0\u00A0% en 2022, contre "
                             "0\u00A0% en 2021 — non testable", 0),
              0U)
        << items[0];
    EXPECT_EQ(items[5], "Connaissance : les 3 organisations présentes en 2022 se sont toutes croisées à l&#39;édition (3 en "
                        "2021) — non testable : dans une édition, seule la venue compte, le hasard des séances n&#39;y change rien.");
}
