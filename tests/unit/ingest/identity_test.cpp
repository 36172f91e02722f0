// Identity on evidence (ingest/identity.hpp): the spellings coordinators type (the cases of
// issue #18 and of the Pyrénées-Atlantiques benchmark), the hard negatives, people's rules and
// decisions, on small projects written here with the real communes of datasets/france.
#include <set>

#include <gtest/gtest.h>

#include "maillage/ingest/decisions.hpp"
#include "maillage/ingest/identity.hpp"

using namespace maillage;
using namespace maillage::ingest;

namespace {

struct Reference {
    CommuneIndex communes = CommuneIndex::load(std::string(MAILLAGE_SOURCE_DIR) + "/datasets/france", core::Lang::En);
    Gazetteer places = Gazetteer::load(communes, std::string(MAILLAGE_SOURCE_DIR) + "/datasets/france", core::Lang::En);
    model::AliasTable aliases = model::AliasTable::defaults();
    model::Taxonomy taxonomy = model::Taxonomy::defaults();
    IdentityContext context() const { return {&aliases, &taxonomy, &places, &communes}; }
};

const Reference& reference() {
    static const Reference r;
    return r;
}

OrgEvidence evidence(const std::string& name, const std::string& commune = {}, const std::string& type = {},
                     const std::string& departement = "64") {
    Surroundings where;
    where.departements = {departement};
    return org_evidence(name, type, commune, "", 0, reference().context(), where);
}

Match compare(const OrgEvidence& a, const OrgEvidence& b) {
    return compare_organisations(a, b, false, reference().taxonomy).match;
}

// A project of one territory whose spellings are the given (text, commune, type); one attendance
// each, one person each.
model::Project project_of(const std::vector<std::tuple<std::string, std::string, std::string>>& spellings) {
    model::Project p;
    p.territories.push_back({"bearn", "Béarn", "", ""});
    p.editions.push_back({0, 2024});
    p.sessions.push_back({0, "pleniere", "Plénière", model::SessionKind::Plenary, "", std::nullopt});
    for (const auto& [text, commune, type] : spellings) {
        model::OrgSpelling s;
        s.text = text;
        s.commune = commune;
        s.type = type;
        s.territory = 0;
        s.rows = 1;
        s.first_year = s.last_year = 2024;
        p.spellings.push_back(s);
        p.people.push_back({"P-" + std::to_string(p.people.size())});
        p.attendances.push_back({0, static_cast<model::Id>(p.people.size() - 1), model::no_id, model::Role::Participant,
                                 model::no_id, 0, static_cast<model::Id>(p.spellings.size() - 1)});
    }
    return p;
}

} // namespace

TEST(OrgEvidence, ShortFormsCoordinatorsType) {
    // "ML Pau" / "Mission Locale Jeunes de Pau": type and commune from the name, nothing else
    const auto ml = evidence("ML Pau"), ml_long = evidence("Mission Locale Jeunes de Pau");
    EXPECT_EQ(ml.type, "mission_locale");
    EXPECT_EQ(ml.commune, "64445");
    EXPECT_TRUE(ml.distinctive.empty());
    EXPECT_EQ(compare(ml, ml_long), Match::Same);
    // "CC Lacq-Orthez" / "Com Com de Lacq-Orthez" / "Communauté de communes Lacq-Orthez" / "CCLO"
    const auto cc = evidence("CC Lacq-Orthez");
    EXPECT_EQ(cc.type, "epci");
    EXPECT_EQ(compare(cc, evidence("Com Com de Lacq-Orthez")), Match::Same);
    EXPECT_EQ(compare(cc, evidence("Communauté de communes Lacq-Orthez")), Match::Same);
    EXPECT_EQ(compare(evidence("CCLO"), evidence("Communauté de communes Lacq-Orthez")), Match::Same);
    // "France services Arzacq" / "Espace France Services d'Arzacq": the head of a compound name
    const auto fs = evidence("France services Arzacq");
    EXPECT_EQ(fs.commune, "64063"); // Arzacq-Arraziguet, the only Arzacq of the département
    EXPECT_EQ(compare(fs, evidence("Espace France Services d'Arzacq")), Match::Same);
    // "CIDFF 64" / "CIDFF des Pyrénées-Atlantiques": the département as a number or a name
    const auto cidff = evidence("CIDFF 64"), cidff_long = evidence("CIDFF des Pyrénées-Atlantiques");
    EXPECT_EQ(cidff.departement, "64");
    EXPECT_EQ(cidff_long.departement, "64");
    EXPECT_EQ(compare(cidff, cidff_long), Match::Same);
    // "CD64" is the council of the Pyrénées-Atlantiques
    EXPECT_EQ(compare(evidence("CD64"), evidence("Département des Pyrénées-Atlantiques")), Match::Same);
}

TEST(OrgEvidence, KnownFactsThatDifferKeepApart) {
    // two communes
    EXPECT_EQ(compare(evidence("CIO Pau"), evidence("CIO Bayonne")), Match::Apart);
    // two kinds one type covers
    EXPECT_EQ(compare(evidence("CCI Pau"), evidence("CMA Pau")), Match::Apart);
    EXPECT_EQ(compare(evidence("PIJ Pau"), evidence("BIJ Pau")), Match::Apart);
    // numbered siblings
    EXPECT_EQ(compare(evidence("Femmes Solidaires 04", "", "association", "05"),
                      evidence("Femmes Solidaires 13", "", "association", "05")),
              Match::Apart);
    // a name that is a type and a place beside a name that does not say that type
    EXPECT_EQ(compare(evidence("CIDFF 64", "64445"), evidence("Tremplin Emploi Pau", "64445", "association")), Match::Apart);
    // "16-25 ans" is no département
    const auto long_name = evidence("Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans) - Orthez");
    EXPECT_TRUE(long_name.numbers.empty());
    EXPECT_EQ(long_name.commune, "64430");
}

TEST(OrgEvidence, PostcodesAndCommuneCells) {
    // 64100 is Bayonne's postcode and Bassussarry's INSEE code: the name says Bayonne
    EXPECT_EQ(evidence("CIO Bayonne", "64100").commune, "64102");
    // 64370 serves several communes: the name picks Arthez-de-Béarn
    EXPECT_EQ(evidence("MSAP Arthez", "64370").commune, "64057");
}

TEST(OrgEvidence, AlikeWordsAreAskedNotMerged) {
    // one letter apart, no known place: a question, never a merge on that alone
    const auto a = evidence("Laiterie Roville", "", "entreprise", "01"), b = evidence("Laiterie Arville", "", "entreprise", "01");
    EXPECT_NE(compare(a, b), Match::Same);
}

TEST(ResolveOrganisations, MergesWhatEvidenceJoinsAndAsksTheRest) {
    auto p = project_of({{"ML Pau", "64445", "Mission locale"},
                         {"Mission Locale Jeunes de Pau", "", ""},
                         {"CIO Pau", "64445", "cio"},
                         {"CIO Bayonne", "64102", "cio"},
                         {"France Travail Pau", "64445", "france_travail"},
                         {"France Travail Pau Nord", "64445", "france_travail"},
                         {"France Travail Pau Sud", "64445", "france_travail"}});
    resolve_organisations(p, reference().context());
    auto org_of = [&](const std::string& text) {
        for (const auto& s : p.spellings)
            if (s.text == text) return s.organisation;
        return model::no_id;
    };
    EXPECT_EQ(org_of("ML Pau"), org_of("Mission Locale Jeunes de Pau"));
    EXPECT_NE(org_of("CIO Pau"), org_of("CIO Bayonne"));
    // two agencies named apart: "France Travail Pau" is asked about, joined to neither
    EXPECT_NE(org_of("France Travail Pau Nord"), org_of("France Travail Pau Sud"));
    EXPECT_NE(org_of("France Travail Pau"), org_of("France Travail Pau Nord"));
    EXPECT_NE(org_of("France Travail Pau"), org_of("France Travail Pau Sud"));
    bool asked = false;
    for (const auto& q : p.questions) asked |= q.first == "France Travail Pau" || q.second == "France Travail Pau";
    EXPECT_TRUE(asked);
    EXPECT_EQ(p.organisations.size(), 6u);
    // every attendance follows its spelling
    for (const auto& a : p.attendances) EXPECT_EQ(a.organisation, p.spellings[static_cast<std::size_t>(a.spelling)].organisation);
    // a decision wins: "same" joins, and is then never asked
    p.decisions.push_back({false, "France Travail Pau", "France Travail Pau Nord", model::Verdict::Same, 0});
    resolve_organisations(p, reference().context());
    EXPECT_EQ(org_of("France Travail Pau"), org_of("France Travail Pau Nord"));
    for (const auto& q : p.questions)
        EXPECT_FALSE((q.first == "France Travail Pau" && q.second == "France Travail Pau Nord") ||
                     (q.second == "France Travail Pau" && q.first == "France Travail Pau Nord"));
    // "different" splits back what the rules joined
    p.decisions = {{false, "ML Pau", "Mission Locale Jeunes de Pau", model::Verdict::Different, 0}};
    resolve_organisations(p, reference().context());
    EXPECT_NE(org_of("ML Pau"), org_of("Mission Locale Jeunes de Pau"));
}

TEST(ResolveOrganisations, TwoOrganisationsNeverShareTheNameShown) {
    auto p = project_of({{"Mission locale", "64445", ""}, {"Mission locale", "64102", ""}});
    resolve_organisations(p, reference().context());
    ASSERT_EQ(p.organisations.size(), 2u);
    EXPECT_NE(p.organisations[0].name, p.organisations[1].name);
}

TEST(MatchRegistry, OfficialNamesMatchTheShortOnes) {
    auto p = project_of({{"Mission locale Orthez", "64430", ""}, {"CIDFF 64", "", ""}});
    resolve_organisations(p, reference().context());
    p.registry.push_back({0, "Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans) - Orthez",
                          "mission_locale", "64430", "", "annuaire-2019", model::no_id, "", std::nullopt});
    p.registry.push_back({0, "Centre d'information sur les droits des femmes et des familles (CIDFF) - Pyrénées-Atlantiques",
                          "cidff", "64445", "", "annuaire-2019", model::no_id, "", std::nullopt});
    p.registry.push_back({0, "Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans) - Pau",
                          "mission_locale", "64445", "", "annuaire-2019", model::no_id, "", std::nullopt});
    match_registry(p, reference().context());
    EXPECT_NE(p.registry[0].organisation, model::no_id);
    EXPECT_NE(p.registry[1].organisation, model::no_id);
    EXPECT_EQ(p.registry[2].organisation, model::no_id); // Pau's never came
}

// Names shouted in capitals are never shown so (issue #23): a sheet written in capitals, the
// directory's capitals, an organisation the directory names in its own case.
TEST(ShowNames, NoNameShownInCapitals) {
    auto p = project_of({{"JEUNES AGRICULTEURS 04", "", ""},
                         {"MISSION LOCALE ORTHEZ", "64430", ""},
                         {"CIO DE BAYONNE", "64102", "cio"},
                         {"Cap emploi 64", "", ""},
                         {"UD CAF 64", "", ""}});
    resolve_organisations(p, reference().context());
    p.registry.push_back({0, "Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans) - Orthez",
                          "mission_locale", "64430", "", "annuaire-2019", model::no_id, "", std::nullopt});
    p.registry.push_back({0, "CENTRE INFORMATION FAMILLE - SAINT-JEAN-DE-LUZ", "", "64483", "", "annuaire-2019",
                          model::no_id, "", std::nullopt});
    match_registry(p, reference().context());
    show_names(p, reference().context());
    std::set<std::string> names;
    for (const auto& o : p.organisations) names.insert(o.name);
    EXPECT_TRUE(names.contains("Jeunes agriculteurs 04")) << testing::PrintToString(names);
    EXPECT_TRUE(names.contains("Mission locale pour l'insertion professionnelle et sociale des jeunes (16-25 ans) - Orthez"))
        << testing::PrintToString(names);
    EXPECT_TRUE(names.contains("CIO de Bayonne")) << testing::PrintToString(names);
    EXPECT_TRUE(names.contains("Cap emploi 64")) << testing::PrintToString(names); // its own case kept
    EXPECT_TRUE(names.contains("UD CAF 64")) << testing::PrintToString(names); // initials only: kept
    EXPECT_EQ(p.registry[1].name, "Centre information famille - Saint-Jean-de-Luz");
    // the spellings stay as typed (the identity cards show them)
    EXPECT_EQ(p.spellings[0].text, "JEUNES AGRICULTEURS 04");
    // idempotent
    const auto before = p.organisations;
    show_names(p, reference().context());
    for (std::size_t o = 0; o < before.size(); ++o) EXPECT_EQ(p.organisations[o].name, before[o].name);
}

TEST(ResolvePeople, NamesakesApartAnEmployerChangeTogether) {
    model::Project p;
    p.territories = {{"a", "A", "", ""}, {"b", "B", "", ""}};
    p.editions = {{0, 2023}, {1, 2023}, {0, 2024}};
    for (model::Id e = 0; e < 3; ++e) p.sessions.push_back({e, "s", "S", model::SessionKind::Plenary, "", std::nullopt});
    p.organisations.resize(3);
    // 0 and 1: "Camille Martin" at two organisations in 2023 (namesakes); 2: the same first.last@
    // as 0 at a third organisation in 2024, in 0's territory (an employer change)
    p.records = {{"P-0"}, {"P-1"}, {"P-2"}};
    p.person_keys = {{0, "name-cm", false, "name", 0}, {0, "local-cm", false, "local", 0},
                     {1, "name-cm", false, "name", 1}, {1, "local-cm2", false, "local", 1},
                     {2, "name-cm", false, "name", 2}, {2, "local-cm", false, "local", 2}};
    p.attendances = {{0, 0, 0, model::Role::Participant, model::no_id, 0, model::no_id, 0},
                     {1, 1, 1, model::Role::Participant, model::no_id, 0, model::no_id, 1},
                     {2, 2, 2, model::Role::Participant, model::no_id, 0, model::no_id, 2}};
    resolve_people(p);
    ASSERT_EQ(p.people.size(), 2u);
    EXPECT_EQ(p.attendances[0].person, p.attendances[2].person);
    EXPECT_NE(p.attendances[0].person, p.attendances[1].person);
    // the coordinator says the change of employer was two people: split back
    p.decisions.push_back({true, "P-0", "P-2", model::Verdict::Different, 0});
    resolve_people(p);
    EXPECT_EQ(p.people.size(), 3u);
    EXPECT_NE(p.attendances[0].person, p.attendances[2].person);
    // and joined again when the answer changes
    p.decisions = {{true, "P-2", "P-0", model::Verdict::Same, 0}};
    resolve_people(p);
    EXPECT_EQ(p.people.size(), 2u);
}

TEST(Decisions, FileRoundTripsAndRefusesContradictions) {
    auto p = project_of({{"ML Pau", "64445", ""}, {"CIO Pau", "64445", ""}, {"CIO Bayonne", "64102", ""}});
    const std::vector<model::IdentityDecision> decisions = {
        {false, "CIO Pau", "CIO Bayonne", model::Verdict::Different, 0},
        {false, "ML Pau", "CIO Pau", model::Verdict::Renamed, 2021}};
    core::Diagnostics d;
    const auto text = write_decisions(decisions, core::Lang::Fr);
    EXPECT_EQ(read_decisions(text, "d.csv", p, reference().aliases, core::Lang::Fr, d), decisions);
    EXPECT_FALSE(d.has_errors());
    // ML Pau = CIO Pau and CIO Pau ≠ ... ML Pau: contradicts through the chain
    const std::string bad = "about;first;second;verdict;year\n"
                            "organisation;ML Pau;CIO Pau;same;\n"
                            "organisation;CIO Pau;CIO Bayonne;same;\n"
                            "organisation;ML Pau;CIO Bayonne;different;\n"
                            "organisation;ML Pau;CIO Pau;renamed;\n";
    core::Diagnostics e;
    EXPECT_TRUE(read_decisions(bad, "bad.csv", p, reference().aliases, core::Lang::En, e).empty());
    ASSERT_EQ(e.error_count(), 2u);
    EXPECT_EQ(e.items()[0].where.line, 4);
    EXPECT_EQ(e.items()[1].where.line, 5); // a rename needs its year
    EXPECT_EQ(e.items()[1].where.column, 5);
}

// A decision on a name written in several territories means the organisation of the territory
// where the other name is written too; a rename the coordinator gives shows the new name.
TEST(ResolveOrganisations, DecisionsStayInTheirTerritoryAndRenamesShowTheNewName) {
    auto p = project_of({{"Mission locale", "", ""}, {"Mission locale Pau", "64445", ""}, {"Tremplin Emploi Pau", "64445", "association"}});
    // a second territory writing "Mission locale" too
    p.territories.push_back({"hautes alpes", "Hautes-Alpes", "", ""});
    model::OrgSpelling other = p.spellings.front();
    other.territory = 1;
    p.spellings.push_back(other);
    p.decisions = {{false, "Mission locale", "Mission locale Pau", model::Verdict::Same, 0},
                   {false, "Tremplin Emploi Pau", "Passerelle Insertion Pau", model::Verdict::Renamed, 2020}};
    resolve_organisations(p, reference().context());
    EXPECT_EQ(p.spellings[0].organisation, p.spellings[1].organisation);
    EXPECT_NE(p.spellings[3].organisation, p.spellings[1].organisation);
    // the rename names a spelling the project does not have: nothing to show then
    p.spellings.push_back({"Passerelle Insertion Pau", "association", "64445", "", 0, model::no_id, 2024, 2024, 1});
    resolve_organisations(p, reference().context());
    const auto tremplin = p.spellings[2].organisation;
    EXPECT_EQ(tremplin, p.spellings[4].organisation);
    EXPECT_EQ(p.organisations[static_cast<std::size_t>(tremplin)].name, "Passerelle Insertion Pau");
}
