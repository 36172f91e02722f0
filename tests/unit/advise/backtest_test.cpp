// The back-test's value measure (docs/advise.md) on a project written here: who made new
// cross-type reconnaissance ties at a hidden edition.
#include <gtest/gtest.h>

#include "maillage/advise/backtest.hpp"

namespace {

using namespace maillage;
using model::Id;
using model::Role;

struct Two {
    model::Project p;
    model::Taxonomy taxonomy = model::Taxonomy::defaults();

    Id org(const std::string& name, const std::string& type) {
        p.organisations.push_back({name, name, type, "01001", "", std::nullopt});
        return static_cast<Id>(p.organisations.size() - 1);
    }
    Id edition(int year) {
        p.editions.push_back({0, year});
        const auto e = static_cast<Id>(p.editions.size() - 1);
        p.sessions.push_back({e, "w1", "Atelier 1", model::SessionKind::Workshop, "", std::nullopt});
        p.sessions.push_back({e, "w2", "Atelier 2", model::SessionKind::Workshop, "", std::nullopt});
        return e;
    }
    void came(Id e, int w, Id o, Role role) {
        p.people.push_back({"P" + std::to_string(p.people.size())});
        p.attendances.push_back({static_cast<Id>(2 * e + w), static_cast<Id>(p.people.size() - 1), o, role, model::no_id, 0});
    }
};

TEST(BackTestValue, CountsNewTiesWithTypesNotMetBeforeFromEachSide) {
    Two t;
    t.p.territories = {{"a", "A", "", ""}};
    const Id ft = t.org("France Travail Un", "france_travail");
    const Id ml = t.org("Mission locale Un", "mission_locale");
    const Id cci = t.org("CCI", "chambre_consulaire");
    const Id ft2 = t.org("France Travail Deux", "france_travail");
    const Id ent = t.org("Entreprise", "entreprise");
    // 2020: France Travail and the Mission locale hold a workshop's trio together
    const Id e2020 = t.edition(2020);
    t.came(e2020, 0, ft, Role::Exposant);
    t.came(e2020, 0, ml, Role::Gardien);
    // 2021, hidden: one trio of four organisations; the company only sits in the workshop
    const Id e2021 = t.edition(2021);
    t.came(e2021, 0, ft, Role::Exposant);
    t.came(e2021, 0, ml, Role::Gardien);
    t.came(e2021, 0, cci, Role::Scribe);
    t.came(e2021, 0, ft2, Role::Scribe);
    t.came(e2021, 0, ent, Role::Participant);

    const auto v = advise::new_cross_type_ties(t.p, t.taxonomy, 0, 2021, 2020);
    // France Travail already knew the Mission locale's type and has its own type in FT Deux: only the CCI
    EXPECT_EQ(v.per_organisation.at(ft), 1);
    // the Mission locale knew France Travail's type (both agencies): only the CCI
    EXPECT_EQ(v.per_organisation.at(ml), 1);
    // the CCI had no tie before: three ties, each with a type new to it
    EXPECT_EQ(v.per_organisation.at(cci), 3);
    // FT Deux: the Mission locale and the CCI, not France Travail Un (its own type)
    EXPECT_EQ(v.per_organisation.at(ft2), 2);
    EXPECT_EQ(v.per_organisation.count(ent) == 0 ? 0.0 : v.per_organisation.at(ent), 0) << "no trio, no reconnaissance tie";

    // a ranking's value: the first n's new ties; organisations never seen count for nothing
    std::size_t came = 0;
    EXPECT_EQ(v.of({cci, model::no_id, ft, ml}, 3, &came), 4);
    EXPECT_EQ(came, 2U);
    EXPECT_EQ(v.of({ent, model::no_id}, 2), 0);
    EXPECT_EQ(v.of({ft2, cci}, 1), 2);
}

TEST(BackTestValue, ATieMadeBeforeIsNotNewEvenInAnotherWorkshop) {
    Two t;
    t.p.territories = {{"a", "A", "", ""}};
    const Id ft = t.org("France Travail Un", "france_travail");
    const Id cci = t.org("CCI", "chambre_consulaire");
    const Id cma = t.org("CMA", "chambre_consulaire");
    const Id e2019 = t.edition(2019);
    t.came(e2019, 1, ft, Role::Exposant);
    t.came(e2019, 1, cci, Role::Gardien);
    const Id e2020 = t.edition(2020); // an edition in between where nothing happens
    t.came(e2020, 0, ft, Role::Participant);
    const Id e2021 = t.edition(2021);
    t.came(e2021, 0, ft, Role::Exposant);
    t.came(e2021, 0, cma, Role::Gardien);
    const auto v = advise::new_cross_type_ties(t.p, t.taxonomy, 0, 2021, 2020);
    // France Travail met a chamber in 2019: the CMA is of a type it knew
    EXPECT_EQ(v.per_organisation.at(ft), 0);
    // the CMA never had a tie: France Travail's type is new to it
    EXPECT_EQ(v.per_organisation.at(cma), 1);
    EXPECT_EQ(v.of({cma, ft}, 2), 1);
}

} // namespace
