// advise on a small project written here: two territories, a registry, a hand-made COG.
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

TEST(Invite, RanksByScoreThenNameAndGivesEveryOneAReason) {
    Small s;
    advise::InviteOptions o;
    o.reshuffles = 20;
    const auto r = advise::invite(s.p, 0, s.taxonomy, s.g, o);
    ASSERT_EQ(r.organisations.size(), 4u);
    // Lycée: type (3) + gap of E2 (1.5 × 8000/8000); Menuiserie: type (3) + gap of E3
    // (1.5 × 300/8000); no betweenness in B's two-organisation network, so no Central
    EXPECT_EQ(r.organisations[0].name, "Lycée Trois");
    EXPECT_DOUBLE_EQ(r.organisations[0].score, 4.5);
    EXPECT_EQ(r.organisations[1].name, "Menuiserie Quatre");
    EXPECT_DOUBLE_EQ(r.organisations[1].score, 3.0 + 1.5 * 300.0 / 8000.0);
    EXPECT_EQ(r.organisations[1].component(advise::Component::Central), 0);
    for (const auto& inv : r.organisations) {
        EXPECT_FALSE(advise::reason(inv, o.weights, s.taxonomy, core::Lang::Fr).empty()) << inv.name;
        EXPECT_FALSE(advise::reason(inv, o.weights, s.taxonomy, core::Lang::En).empty()) << inv.name;
    }
    EXPECT_EQ(advise::reason(r.organisations[0], o.weights, s.taxonomy, core::Lang::Fr),
              "type jamais mobilisé ici (Établissement scolaire) ; couvre Epci deux (8\u202F000 hab.), sans aucun participant");
    // weights change the order: lapsed first
    o.weights = *advise::parse_weights("type=0,gap=0,central=0,lapsed=5");
    const auto l = advise::invite(s.p, 0, s.taxonomy, s.g, o);
    EXPECT_EQ(l.organisations[0].name, "CCI");
    // equal scores: by name
    o.weights = *advise::parse_weights("type=0,gap=0,central=0,lapsed=0,bridge=0");
    const auto z = advise::invite(s.p, 0, s.taxonomy, s.g, o);
    EXPECT_EQ(z.organisations[0].name, "CCI");
    EXPECT_EQ(z.organisations[1].name, "CIDFF");
}

TEST(Invite, ParsesWeights) {
    const auto w = advise::parse_weights("type=1, gap=2,5");
    ASSERT_TRUE(w);
    EXPECT_DOUBLE_EQ((*w)[advise::Component::Type], 1);
    EXPECT_DOUBLE_EQ((*w)[advise::Component::Gap], 2.5);
    EXPECT_DOUBLE_EQ((*w)[advise::Component::Lapsed], 2); // default kept
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
