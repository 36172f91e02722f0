// advise on a small project written here: two territories, a registry, a hand-made COG.
#include <regex>

#include <gtest/gtest.h>

#include "maillage/advise/invite.hpp"
#include "maillage/advise/unmobilised.hpp"

namespace {

using namespace maillage;
using model::Id;

struct Small {
    model::Project p;
    advise::Geography g;
    model::Taxonomy taxonomy = model::Taxonomy::defaults();

    Id org(const std::string& name, const std::string& type, const std::string& commune) {
        p.organisations.push_back({name, name, type, commune, "", std::nullopt});
        return static_cast<Id>(p.organisations.size() - 1);
    }
    Id edition(Id territory, int year) {
        p.editions.push_back({territory, year});
        const auto e = static_cast<Id>(p.editions.size() - 1);
        p.sessions.push_back({e, "w1", "Atelier 1", model::SessionKind::Workshop, "", std::nullopt});
        p.sessions.push_back({e, "w2", "Atelier 2", model::SessionKind::Workshop, "", std::nullopt});
        return e;
    }
    /// one person of `o` in workshop `w` (0 or 1) of edition e
    void came(Id e, int w, Id o, model::Role role = model::Role::Participant) {
        p.people.push_back({"P" + std::to_string(p.people.size())});
        p.attendances.push_back({static_cast<Id>(2 * e + w), static_cast<Id>(p.people.size() - 1), o, role, model::no_id, 0});
    }

    Small() {
        p.territories = {{"a", "A", "", ""}, {"b", "B", "", ""}};
        g.communes = {{"01001", "Un", "01", "E1", "Epci un", 1000},
                      {"01002", "Deux", "01", "E1", "Epci un", 500},
                      {"01003", "Trois", "01", "E2", "Epci deux", 8000},
                      {"01004", "Quatre", "01", "E3", "Epci trois", 300}};
        g.sort_communes();
        g.territory_communes = {{"01001", "01002", "01003", "01004"}, {}};
        const Id ft = org("France Travail Un", "france_travail", "01001");
        const Id ml = org("Mission locale Un", "mission_locale", "01001");
        const Id cci = org("CCI", "chambre_consulaire", "01002");
        const Id ent = org("Entreprise B", "entreprise", "01004"); // comes to B only
        const Id ftb = org("France Travail B", "france_travail", "01004");
        for (int year : {2020, 2021, 2022}) {
            const Id e = edition(0, year);
            came(e, 0, ft);
            came(e, 1, ml);
            if (year == 2020) {
                came(e, 0, cci, model::Role::Exposant);
                came(e, 1, cci);
            }
        }
        for (int year : {2021, 2022}) {
            const Id e = edition(1, year);
            came(e, 0, ent);
            came(e, 0, ftb);
        }
        auto entry = [&](Id t, const std::string& name, const std::string& type, const std::string& commune, Id o) {
            model::RegistryEntry r;
            r.territory = t;
            r.name = name;
            r.type = type;
            r.commune = commune;
            r.organisation = o;
            p.registry.push_back(r);
        };
        entry(0, "France Travail agence Un", "france_travail", "01001", ft);
        entry(0, "Lycée Trois", "etablissement_scolaire", "01003", model::no_id);
        entry(0, "Menuiserie Quatre", "entreprise", "01004", model::no_id);
        entry(0, "CIDFF", "cidff", "01001", model::no_id); // a finer kind: counts as an association
    }
};

TEST(Unmobilised, ListsTheRegistryNeverSeenTheMissingTypesTheLapsedAndTheGaps) {
    Small s;
    const auto u = advise::unmobilised(s.p, 0, s.taxonomy, s.g);
    ASSERT_EQ(u.never_seen.size(), 3u);
    EXPECT_EQ(u.never_seen[0].type, "association"); // by type: association < entreprise < etablissement_scolaire
    EXPECT_EQ(u.never_seen[1].name, "Menuiserie Quatre");
    EXPECT_EQ(u.never_seen[2].epci_name, "Epci deux");

    ASSERT_EQ(u.missing_types.size(), 3u);
    EXPECT_EQ(u.missing_types[0].type, "entreprise"); // mobilised elsewhere comes first
    EXPECT_EQ(u.missing_types[0].territories_elsewhere, 1);
    EXPECT_EQ(u.missing_types[0].editions_elsewhere, 2);
    EXPECT_EQ(u.missing_types[0].known_here, 1);
    // france_travail came to B too, but also here: not missing

    ASSERT_EQ(u.lapsed.size(), 1u);
    EXPECT_EQ(s.p.organisations[static_cast<std::size_t>(u.lapsed[0].organisation)].name, "CCI");
    EXPECT_EQ(u.lapsed[0].last_year, 2020);
    EXPECT_EQ(u.lapsed[0].trio_roles, 1);
    EXPECT_TRUE(u.lapsed[0].broker); // the only tie between the two workshops in 2020

    // participants are in 01001 and 01002 (E1): E2 and E3 are gaps, E2 the most populated
    ASSERT_EQ(u.epci_gaps.size(), 2u);
    EXPECT_EQ(u.epci_gaps[0].code, "E2");
    EXPECT_EQ(u.epci_gaps[0].population, 8000);
    EXPECT_EQ(u.epci_gaps[0].registry.size(), 1u);
    EXPECT_EQ(u.population, 9800);
    EXPECT_EQ(u.population_covered, 1500);
    // known: 4 registry entries + ML and CCI without an entry; present: FT, ML, CCI
    EXPECT_EQ(u.overall.known, 6);
    EXPECT_EQ(u.overall.present, 3);
}

TEST(Invite, ContinuousComponentsRankTheCandidatesAndEachGetsASentence) {
    Small s;
    advise::InviteOptions o;
    o.reshuffles = 20;
    const auto r = advise::invite(s.p, 0, s.taxonomy, s.g, o);
    ASSERT_EQ(r.organisations.size(), 4u);
    auto find = [&](const std::string& name) {
        for (const auto& inv : r.organisations)
            if (inv.name == name) return inv;
        ADD_FAILURE() << name;
        return advise::Invitation{};
    };
    using advise::Component;
    // Type: 1/3 + 2/3 × (½ × territories + ½ × editions where the type came elsewhere). The
    // company type came to B's 2 editions (of 2): 1. School and association came nowhere: 1/3.
    const auto menuiserie = find("Menuiserie Quatre"), lycee = find("Lycée Trois"), cidff = find("CIDFF"), cci = find("CCI");
    EXPECT_DOUBLE_EQ(menuiserie.component(Component::Type), 1.0);
    EXPECT_DOUBLE_EQ(lycee.component(Component::Type), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(cidff.component(Component::Type), 1.0 / 3.0);
    // Gap: ½ × uncovered population of its EPCI / the largest (E2: 8,000) + ½ × its commune's,
    // when uncovered, / the most populated uncovered commune (Trois: 8,000).
    EXPECT_DOUBLE_EQ(lycee.component(Component::Gap), 1.0);
    EXPECT_DOUBLE_EQ(menuiserie.component(Component::Gap), 300.0 / 8000.0);
    EXPECT_DOUBLE_EQ(cidff.component(Component::Gap), 0.0);
    // Lapsed: ½ broker (the only path between the two workshops of 2020: percentile 1) + ¼
    // engagement (an exposant at its one edition) + ¼ loyalty (1 edition of 1 held by then).
    EXPECT_DOUBLE_EQ(cci.component(Component::Lapsed), 1.0);
    // Bridge: France Travail and the Mission locale never share a workshop, but on 20
    // reshuffles of so small a project chance does not tie them either: no strength, no bridge.
    EXPECT_EQ(cci.component(Component::Bridge), 0.0);
    // The score is Σ weight × component; the list runs down by score.
    for (std::size_t i = 0; i < r.organisations.size(); ++i) {
        const auto& inv = r.organisations[i];
        double score = 0;
        for (std::size_t k = 0; k < advise::component_count; ++k) score += o.weights.weight[k] * inv.components[k];
        EXPECT_DOUBLE_EQ(inv.score, score) << inv.name;
        if (i > 0) {
            EXPECT_LT(inv.score, r.organisations[i - 1].score) << inv.name; // no tie here
        }
    }
    // Menuiserie 3 × 1 + 1.5 × 300/8000 = 3.056; CCI 3 × 1; Lycée 3 × 1/3 + 1.5 × 1; CIDFF 3 × 1/3
    EXPECT_EQ(r.organisations[0].name, "Menuiserie Quatre");
    EXPECT_EQ(r.organisations[1].name, "CCI");
    EXPECT_EQ(r.organisations[2].name, "Lycée Trois");
    EXPECT_EQ(r.organisations[3].name, "CIDFF");
    // Sentences a coordinator can read aloud, in both languages.
    EXPECT_EQ(advise::reason(cci, o.weights, s.taxonomy, core::Lang::Fr),
              "venu en 2020, y faisait le lien entre des partenaires qui sinon se croisaient peu, absent depuis 2021");
    EXPECT_EQ(advise::reason(cci, o.weights, s.taxonomy, core::Lang::En),
              "came in 2020, linked partners there who otherwise rarely met, absent since 2021");
    EXPECT_EQ(advise::reason(lycee, o.weights, s.taxonomy, core::Lang::Fr),
              "aucun organisme n'est encore venu d'Epci deux (8\u202F000 habitants) ; aucun organisme de ce type (Établissement "
              "scolaire) n'est venu, ici ni ailleurs");
    EXPECT_EQ(advise::reason(menuiserie, o.weights, s.taxonomy, core::Lang::Fr),
              "aucun organisme de ce type (Entreprise) n'est venu ici, alors qu'il en vient sur un autre territoire");
    EXPECT_EQ(advise::reason(menuiserie, o.weights, s.taxonomy, core::Lang::En),
              "no organisation of this type (Company) has come here, though some come to one other territory");
    for (const auto& inv : r.organisations)
        for (const auto lang : {core::Lang::Fr, core::Lang::En}) {
            const auto text = advise::reason(inv, o.weights, s.taxonomy, lang);
            EXPECT_FALSE(text.empty()) << inv.name;
            EXPECT_EQ(text.find("(s)"), std::string::npos) << text;
            EXPECT_FALSE(std::regex_search(text, std::regex(lang == core::Lang::Fr ? "[0-9],[0-9]" : "[0-9][.][0-9]"))) << text; // no bare ratio
        }
    // weights change the order: the gap alone puts the school first
    o.weights = *advise::parse_weights("type=0,lapsed=0,bridge=0,central=0,gap=1");
    EXPECT_EQ(advise::invite(s.p, 0, s.taxonomy, s.g, o).organisations[0].name, "Lycée Trois");
    // equal scores: the more populated commune first, not the alphabet
    o.weights = *advise::parse_weights("type=0,gap=0,central=0,lapsed=0,bridge=0");
    const auto z = advise::invite(s.p, 0, s.taxonomy, s.g, o);
    EXPECT_EQ(z.organisations[0].name, "Lycée Trois");       // Trois, 8,000 inhabitants
    EXPECT_EQ(z.organisations[1].name, "CIDFF");             // Un, 1,000
    EXPECT_EQ(z.organisations[2].name, "CCI");               // Deux, 500
    EXPECT_EQ(z.organisations[3].name, "Menuiserie Quatre"); // Quatre, 300
}

TEST(Invite, AbsentSinceNamesTheFirstEditionMissedNotTheLastOneAttended) {
    Small s;
    // Cap emploi comes in 2020 and 2021, not to the last edition (2022): it came in 2021, so
    // « absent depuis 2021 » would be false.
    const Id cap = s.org("Cap emploi Un", "cap_emploi", "01001");
    s.came(0, 0, cap);
    s.came(1, 1, cap);
    advise::InviteOptions o;
    o.reshuffles = 20;
    const auto r = advise::invite(s.p, 0, s.taxonomy, s.g, o);
    const advise::Invitation* inv = nullptr;
    for (const auto& i : r.organisations)
        if (i.name == "Cap emploi Un") inv = &i;
    ASSERT_NE(inv, nullptr);
    EXPECT_EQ(inv->last_year, 2021);
    EXPECT_EQ(inv->missed_year, 2022);
    EXPECT_TRUE(inv->missed_last_only);
    const auto fr = advise::reason(*inv, o.weights, s.taxonomy, core::Lang::Fr);
    EXPECT_EQ(fr.find("absent depuis 2021"), std::string::npos) << fr;
    EXPECT_EQ(fr.rfind("venu en 2020 et 2021", 0), 0u) << fr;
    EXPECT_NE(fr.find("pas revenu en 2022"), std::string::npos) << fr;
    const auto en = advise::reason(*inv, o.weights, s.taxonomy, core::Lang::En);
    EXPECT_EQ(en.rfind("came in 2020 and 2021", 0), 0u) << en;
    EXPECT_NE(en.find("did not come back in 2022"), std::string::npos) << en;
    // the CCI came in 2020 only and missed 2021 and 2022: absent since the first one it missed
    for (const auto& i : r.organisations)
        if (i.name == "CCI") {
            EXPECT_EQ(i.missed_year, 2021);
            EXPECT_FALSE(i.missed_last_only);
            EXPECT_NE(advise::reason(i, o.weights, s.taxonomy, core::Lang::Fr).find("absent depuis 2021"), std::string::npos);
        }
}

TEST(Invite, ParsesWeights) {
    const auto w = advise::parse_weights("type=1, gap=2,5");
    ASSERT_TRUE(w);
    EXPECT_DOUBLE_EQ((*w)[advise::Component::Type], 1);
    EXPECT_DOUBLE_EQ((*w)[advise::Component::Gap], 2.5);
    EXPECT_DOUBLE_EQ((*w)[advise::Component::Lapsed], 3); // default kept
    std::string bad;
    EXPECT_FALSE(advise::parse_weights("typo=1", &bad));
    EXPECT_EQ(bad, "typo=1");
    EXPECT_FALSE(advise::parse_weights("type=-1", &bad));
    EXPECT_FALSE(advise::parse_weights("type", &bad));
}

TEST(Invite, WithoutTheLastEditionItsFirstTimerIsACandidate) {
    Small s;
    // an organisation known to the registry comes for the first time in 2022
    const Id lycee = s.org("Lycée Trois", "etablissement_scolaire", "01003");
    s.p.registry[1].organisation = lycee;
    s.came(2, 0, lycee);
    EXPECT_TRUE(advise::unmobilised(s.p, 0, s.taxonomy, s.g).never_seen.size() == 2u);
    const auto before = advise::without_edition(s.p, 2);
    EXPECT_EQ(before.editions.size(), s.p.editions.size() - 1);
    const auto u = advise::unmobilised(before, 0, s.taxonomy, s.g);
    ASSERT_EQ(u.never_seen.size(), 3u);
    bool found = false;
    for (const auto& a : u.never_seen) found |= before.registry[a.registry].organisation == lycee;
    EXPECT_TRUE(found);
}

TEST(InvitePeople, RecurringParticipantsOfScarceTypesNeverInATrio) {
    Small s;
    // a second ML person comes to A twice; ML is absent from B, so not scarce there: use entreprise
    const Id ent = s.org("Entreprise A", "entreprise", "01001");
    s.came(1, 0, ent);
    s.p.attendances.push_back({2 * 2 + 1, static_cast<Id>(s.p.people.size() - 1), ent, model::Role::Participant, -1, 0});
    const auto people = advise::invite_people(s.p, 0, s.taxonomy, 0);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].organisation, ent);
    EXPECT_EQ(people[0].editions, 2);
    EXPECT_FALSE(advise::reason(people[0], s.taxonomy, core::Lang::Fr).empty());
}

} // namespace
