// find_similar_organisations / find_similar_people / find_joined_by_name on small projects
// written here: which pairs are compared (territories, regional organisations), which score.
#include <gtest/gtest.h>

#include "maillage/ingest/check.hpp"

using namespace maillage;
using ingest::find_similar_organisations;

namespace {

// One organisation (or person) per entry, each attending one edition of its territories.
struct Builder {
    model::Project p;
    model::Id territory(const std::string& name) {
        for (std::size_t i = 0; i < p.territories.size(); ++i)
            if (p.territories[i].name == name) return static_cast<model::Id>(i);
        p.territories.push_back({name, name, ""});
        p.editions.push_back({static_cast<model::Id>(p.territories.size() - 1), 2024});
        p.sessions.push_back({static_cast<model::Id>(p.editions.size() - 1), "s", "s", model::SessionKind::Workshop, "", {}});
        return static_cast<model::Id>(p.territories.size() - 1);
    }
    model::Id organisation(const std::string& name, std::vector<std::string> territories) {
        const auto id = static_cast<model::Id>(p.organisations.size());
        p.organisations.push_back({model::normalise_org_name(name), name, "", "", ""});
        for (const auto& t : territories) attend(territory(t), model::no_id, id);
        return id;
    }
    model::Id person(const std::string& name, const std::string& email, const std::string& territory_name,
                     const std::string& identifier = "") {
        const auto id = static_cast<model::Id>(p.people.size());
        p.people.push_back({"P" + std::to_string(id)});
        p.identities.push_back({id, "name", name});
        if (!email.empty()) p.identities.push_back({id, "email", email});
        if (!identifier.empty()) p.identities.push_back({id, "identifier", identifier});
        attend(territory(territory_name), id, model::no_id);
        return id;
    }
    void attend(model::Id t, model::Id person, model::Id org) {
        p.attendances.push_back({t, person, org, model::Role::Participant, 0, 1}); // session t of territory t
    }
};

} // namespace

TEST(FindSimilarOrganisations, ComparesWithinATerritoryAndRegionalOnesEverywhere) {
    Builder b;
    b.organisation("Mission locale de Gap", {"Hautes-Alpes"});
    b.organisation("Mision locale Gap", {"Hautes-Alpes"});
    b.organisation("Mission locale de Gapp", {"Var"}); // alike, but local to another territory
    b.organisation("OPCO Afdas Méditerranée", {"Var", "Vaucluse"}); // regional
    b.organisation("OPCO Afdas", {"Hautes-Alpes"});
    const auto pairs = find_similar_organisations(b.p, {}, model::AliasTable::defaults(), {});
    ASSERT_EQ(pairs.size(), 2u);
    EXPECT_EQ(pairs[0].other_name, "Mision locale Gap");
    EXPECT_EQ(pairs[0].kept_name, "Mission locale de Gap");
    EXPECT_EQ(pairs[1].kept_name, "OPCO Afdas Méditerranée"); // the fuller name is kept
    EXPECT_EQ(pairs[1].alias_line, "OPCO Afdas Méditerranée,OPCO Afdas,");
    EXPECT_NEAR(pairs[1].score, model::name_similarity("OPCO Afdas", "OPCO Afdas Méditerranée"), 1e-12);
    ASSERT_EQ(pairs[1].kept_seen.size(), 2u);
    EXPECT_EQ(pairs[1].kept_seen[0].territory, "Var");
    EXPECT_EQ(pairs[1].kept_seen[0].years, std::vector<int>{2024});
}

TEST(FindSimilarOrganisations, NumberedSiblingsAndDistinctWordsAreNotPairs) {
    Builder b;
    b.organisation("Femmes Solidaires Provence-Alpes 04", {"Var"});
    b.organisation("Femmes Solidaires Provence-Alpes 05", {"Var"});
    b.organisation("Mission locale Est", {"Var"});
    b.organisation("Mission locale Ouest", {"Var"});
    b.organisation("CCI Var", {"Var"});
    b.organisation("Communauté de communes Var", {"Var"});
    EXPECT_TRUE(find_similar_organisations(b.p, {}, model::AliasTable::defaults(), {}).empty());
}

TEST(FindSimilarOrganisations, SpellingsGiveTheNamesAndTheRename) {
    Builder b;
    b.organisation("France Travail Toulon", {"Var"});
    b.organisation("Pôle emploi Toulom", {"Var"});
    b.p.organisations[1].key = "france travail toulom"; // as ingest keys it: renames applied
    b.p.organisations[0].key = "france travail toulon";
    const std::vector<ingest::ProjectBuilder::Spelling> spellings{
        {0, "France Travail Toulon", 5, 2024}, {0, "Pôle emploi Toulon", 9, 2023}, {1, "Pole Emploi Toulom", 1, 2023}};
    const auto pairs = find_similar_organisations(b.p, spellings, model::AliasTable::defaults(), {});
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].kept_name, "Pôle emploi Toulon"); // the most frequent spelling of the identity
    EXPECT_EQ(pairs[0].other_name, "Pole Emploi Toulom");
    EXPECT_FALSE(pairs[0].rename) << "both written under the old name";
    ingest::CheckOptions strict;
    strict.threshold = 1.0;
    EXPECT_TRUE(find_similar_organisations(b.p, spellings, model::AliasTable::defaults(), strict).empty());
}

TEST(FindSimilarPeople, OneEditApartOrTheSameFoldedName) {
    Builder b;
    b.person("Sébastien Lopez", "sebastien.lopez@x.fr", "Var");
    b.person("Sébastien LOPES", "s.lopes@y.fr", "Var");
    b.person("Léo Roy", "leo.roy@x.fr", "Var");
    b.person("Léo Rey", "leo.rey@y.fr", "Var"); // one edit, but a short name: not reported
    b.person("Paul Martin", "", "Var", "id-1");
    b.person("Paul Martin", "", "Var", "id-2");   // two identifiers: two people
    b.person("Anne MOREL", "", "Var");
    b.person("Morel Anne", "", "Var", "id-3");     // same words, other order
    const auto pairs = ingest::find_similar_people(b.p);
    ASSERT_EQ(pairs.size(), 2u);
    EXPECT_EQ(pairs[0].edits, 0);
    EXPECT_DOUBLE_EQ(pairs[0].score, 1.0);
    EXPECT_EQ(pairs[1].edits, 1);
    EXPECT_NEAR(pairs[1].score, 1.0 - 1.0 / 15.0, 1e-12); // "lopez sebastien"
    EXPECT_EQ(pairs[1].first_emails, std::vector<std::string>{"sebastien.lopez@x.fr"});
}

TEST(FindJoinedByName, TwoAddressesBeforeTheAtSign) {
    Builder b;
    const auto helene = b.person("Hélène Martin", "helene.martin@ml.fr", "Var");
    b.p.identities.push_back({helene, "name", "Helene MARTIN"});
    b.p.identities.push_back({helene, "email", "h.martin@gmail.com"});
    const auto moved = b.person("Jules Blanc", "jules.blanc@pole-emploi.fr", "Var");
    b.p.identities.push_back({moved, "email", "jules.blanc@francetravail.fr"}); // a new domain only
    const auto joined = ingest::find_joined_by_name(b.p);
    ASSERT_EQ(joined.size(), 1u);
    EXPECT_EQ(joined[0].person, helene);
    EXPECT_EQ(joined[0].names, (std::vector<std::string>{"Hélène Martin", "Helene MARTIN"}));
}

TEST(FormatYears, JoinsRuns) {
    EXPECT_EQ(ingest::format_years({2015, 2016, 2017, 2019, 2021, 2022}), "2015–2017, 2019, 2021–2022");
    EXPECT_EQ(ingest::format_years({}), "");
    EXPECT_EQ(ingest::format_years({2024}), "2024");
}
