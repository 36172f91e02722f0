// Changes judged against chance (metrics/change_chance.hpp) on small projects written here: the
// measures counted by hand, a planted change found in both directions, the same attendance
// twice within chance, connaissance and an immovable block not testable, threads not mattering.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "maillage/metrics/change_chance.hpp"

using namespace maillage::metrics;
using maillage::graph::ProjectIndex;
using maillage::model::Id;
using maillage::model::Project;
using maillage::model::Role;
using maillage::model::SessionKind;

namespace {

using Triples = std::vector<std::vector<Id>>;

// 15 people on 10 workshop trios, each person in two trios, each trio of three: the same
// margins arranged two ways.
// Clustered: five groups of three who hold two trios together (15 distinct pairs).
const Triples clustered{{0, 1, 2},    {0, 1, 2},   {3, 4, 5},   {3, 4, 5},   {6, 7, 8},
                        {6, 7, 8},    {9, 10, 11}, {9, 10, 11}, {12, 13, 14}, {12, 13, 14}};
// Spread: the five groups once, then five trios taking one person from three different groups
// (a resolvable design: no pair twice, 30 distinct pairs).
const Triples spread{{0, 1, 2}, {3, 4, 5},  {6, 7, 8},  {9, 10, 11}, {12, 13, 14},
                     {0, 3, 6}, {1, 4, 9},  {2, 7, 12}, {5, 10, 13}, {8, 11, 14}};

/// Territory T with one edition per design, in this order from 2020. People 0..14 each come from
/// their own organisation (type "t" + i % 5); person 15 of organisation 15 (type "t5") comes to
/// the plenary only. Each trio is a workshop that its three hold (exposant, gardien, scribe).
Project editions_of(const std::vector<Triples>& designs) {
    Project p;
    p.territories.push_back({"t", "T", "", ""});
    for (int i = 0; i < 16; ++i) {
        p.organisations.push_back({"o" + std::to_string(i), "O" + std::to_string(i), "t" + std::to_string(i < 15 ? i % 5 : 5), "",
                                   "", std::nullopt});
        p.people.push_back({"P" + std::to_string(i)});
    }
    for (std::size_t d = 0; d < designs.size(); ++d) {
        p.editions.push_back({0, 2020 + static_cast<int>(d)});
        const auto e = static_cast<Id>(p.editions.size() - 1);
        p.sessions.push_back({e, "pl", "Plénière", SessionKind::Plenary, "", std::nullopt});
        for (Id x = 0; x < 16; ++x) p.attendances.push_back({static_cast<Id>(p.sessions.size() - 1), x, x, Role::Participant, 0, 0});
        for (std::size_t w = 0; w < designs[d].size(); ++w) {
            const std::string name = "w" + std::to_string(w);
            p.sessions.push_back({e, name, name, SessionKind::Workshop, "", std::nullopt});
            const Role roles[] = {Role::Exposant, Role::Gardien, Role::Scribe};
            for (std::size_t k = 0; k < 3; ++k)
                p.attendances.push_back({static_cast<Id>(p.sessions.size() - 1), designs[d][w][k], designs[d][w][k], roles[k], 0, 0});
        }
    }
    return p;
}

double at(const std::array<double, change_measure_count>& m, ChangeMeasure x) { return m[static_cast<std::size_t>(x)]; }

MixingOptions draws(std::int32_t reshuffles = 400, std::int32_t threads = 0) {
    MixingOptions o;
    o.reshuffles = reshuffles;
    o.threads = threads;
    return o;
}

} // namespace

TEST(ChangeChance, MeasuresCountedByHand) {
    const auto p = editions_of({clustered, spread});
    const ProjectIndex index(p);
    const auto a = edition_incidence(p, index, 0), b = edition_incidence(p, index, 1);
    ASSERT_EQ(a.nodes.size(), 16U) << "the organisation seen at the plenary only is present";
    const auto ma = edition_measures(a), mb = edition_measures(b, &a);
    // 16 organisations: C(16, 2) = 120 pairs. Clustered: 15 tied pairs; spread: 30.
    EXPECT_DOUBLE_EQ(at(ma, ChangeMeasure::ReconnaissanceShare), 15.0 / 120);
    EXPECT_DOUBLE_EQ(at(mb, ChangeMeasure::ReconnaissanceShare), 30.0 / 120);
    // every trio is a workshop of its three alone: the same ties at interconnaissance
    EXPECT_DOUBLE_EQ(at(ma, ChangeMeasure::InterconnaissanceDensity), 15.0 / 120);
    EXPECT_DOUBLE_EQ(at(ma, ChangeMeasure::PartnersReconnaissance), 2.0 * 15 / 16);
    EXPECT_DOUBLE_EQ(at(mb, ChangeMeasure::PartnersInterconnaissance), 2.0 * 30 / 16);
    EXPECT_DOUBLE_EQ(at(ma, ChangeMeasure::PartnersConnaissance), 15.0);
    // types t0..t5 present: C(6, 2) = 15 type pairs. Clustered groups (types of i % 5):
    // {0,1,2} {3,4,0} {1,2,3} {4,0,1} {2,3,4} tie every pair of t0..t4 (10), t5 none.
    EXPECT_DOUBLE_EQ(at(ma, ChangeMeasure::TypePairsShare), 10.0 / 15);
    EXPECT_TRUE(std::isnan(at(ma, ChangeMeasure::NewCrossTypeTies))) << "no previous edition";
    // spread's new ties are its five cross-group trios; across types: {0,3,6} types 0,3,1: 3;
    // {1,4,9} 1,4,4: 2; {2,7,12} 2,2,2: 0; {5,10,13} 0,0,3: 2; {8,11,14} 3,1,4: 3. Total 10.
    EXPECT_DOUBLE_EQ(at(mb, ChangeMeasure::NewCrossTypeTies), 10.0);
}

TEST(ChangeChance, APlantedChangeIsCalledAChangeBothWays) {
    // The same margins twice: the reshuffles put both editions near 30 pairs, so going from 15
    // to 30 distinct pairs is more than chance, and from 30 to 15 less.
    const auto p = editions_of({clustered, spread, clustered});
    const ProjectIndex index(p);
    const auto e0 = edition_incidence(p, index, 0), e1 = edition_incidence(p, index, 1), e2 = edition_incidence(p, index, 2);
    const auto up = change_against_chance(e0, e1, draws());
    const auto& share = up.at(ChangeMeasure::ReconnaissanceShare);
    EXPECT_DOUBLE_EQ(share.before, 15.0 / 120);
    EXPECT_DOUBLE_EQ(share.after, 30.0 / 120);
    EXPECT_DOUBLE_EQ(share.difference, 15.0 / 120);
    EXPECT_LT(share.low, 0.0);
    EXPECT_GT(share.high, 0.0);
    EXPECT_LT(share.high, share.difference);
    EXPECT_EQ(share.verdict, ChangeVerdict::Up);
    EXPECT_EQ(up.at(ChangeMeasure::PartnersReconnaissance).verdict, ChangeVerdict::Up);
    EXPECT_EQ(up.at(ChangeMeasure::PartnersInterconnaissance).verdict, ChangeVerdict::Up);
    const auto down = change_against_chance(e1, e2, draws());
    EXPECT_EQ(down.at(ChangeMeasure::ReconnaissanceShare).verdict, ChangeVerdict::Down);
    EXPECT_EQ(down.at(ChangeMeasure::PartnersReconnaissance).verdict, ChangeVerdict::Down);
    EXPECT_EQ(up.reshuffles, 400);
    EXPECT_EQ(up.measures.size(), change_measure_count);
}

TEST(ChangeChance, TheSameAttendanceTwiceIsWithinChance) {
    // Spread twice: every per-edition measure is unchanged, in the middle of the reshuffled
    // changes; and not one tie is new, far fewer than two independent draws would renew.
    const auto p = editions_of({spread, spread});
    const ProjectIndex index(p);
    const auto c = change_against_chance(edition_incidence(p, index, 0), edition_incidence(p, index, 1), draws());
    for (auto m : {ChangeMeasure::ReconnaissanceShare, ChangeMeasure::PartnersInterconnaissance, ChangeMeasure::PartnersReconnaissance,
                   ChangeMeasure::InterconnaissanceDensity}) {
        const auto& x = c.at(m);
        EXPECT_DOUBLE_EQ(x.difference, 0.0) << info(m).key;
        EXPECT_EQ(x.verdict, ChangeVerdict::WithinChance) << info(m).key;
        EXPECT_LE(x.low, 0.0) << info(m).key;
        EXPECT_GE(x.high, 0.0) << info(m).key;
    }
    const auto& fresh = c.at(ChangeMeasure::NewCrossTypeTies);
    EXPECT_TRUE(std::isnan(fresh.before));
    EXPECT_DOUBLE_EQ(fresh.difference, 0.0);
    EXPECT_GT(fresh.low, 0.0);
    EXPECT_EQ(fresh.verdict, ChangeVerdict::Down);
}

TEST(ChangeChance, ConnaissanceIsNotTestable) {
    const auto p = editions_of({clustered, spread});
    const ProjectIndex index(p);
    const auto c = change_against_chance(edition_incidence(p, index, 0), edition_incidence(p, index, 1), draws(50));
    const auto& k = c.at(ChangeMeasure::PartnersConnaissance);
    EXPECT_EQ(k.verdict, ChangeVerdict::NotTestable);
    EXPECT_DOUBLE_EQ(k.before, 15.0);
    EXPECT_DOUBLE_EQ(k.after, 15.0);
    EXPECT_TRUE(std::isnan(k.low));
    EXPECT_TRUE(std::isnan(k.high));
    EXPECT_EQ(key(k.verdict), "not_testable");
}

TEST(ChangeChance, WhatTheReshufflesCannotMoveIsNotTestable) {
    // Each edition: one workshop whose trio is the same three, and everyone else at the
    // plenary: every reshuffle of a one-session block is the block itself.
    const Triples one{{0, 1, 2}};
    const auto p = editions_of({one, one});
    const ProjectIndex index(p);
    const auto c = change_against_chance(edition_incidence(p, index, 0), edition_incidence(p, index, 1), draws(50));
    for (const auto& x : c.measures) EXPECT_EQ(x.verdict, ChangeVerdict::NotTestable) << info(x.measure).key;
}

TEST(ChangeChance, OutputDoesNotDependOnThreads) {
    const auto p = editions_of({clustered, spread});
    const ProjectIndex index(p);
    const auto a = edition_incidence(p, index, 0), b = edition_incidence(p, index, 1);
    const auto one = change_against_chance(a, b, draws(100, 1)), two = change_against_chance(a, b, draws(100, 2));
    for (std::size_t m = 0; m < change_measure_count; ++m) {
        const auto &x = one.measures[m], &y = two.measures[m];
        EXPECT_EQ(std::isnan(x.low), std::isnan(y.low));
        if (!std::isnan(x.low)) {
            EXPECT_EQ(x.low, y.low);
            EXPECT_EQ(x.high, y.high);
        }
        EXPECT_EQ(x.verdict, y.verdict);
    }
}

TEST(ChangeChance, TransitionsOfAWindow) {
    const auto p = editions_of({clustered, spread, clustered});
    auto all = changes_against_chance(p, {0, std::nullopt, false}, draws(20));
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].previous, 0);
    EXPECT_EQ(all[0].current, 1);
    EXPECT_EQ(all[1].previous, 1);
    EXPECT_EQ(all[0].territory, 0);
    const auto latest = changes_against_chance(p, {0, std::nullopt, false}, draws(20), true);
    ASSERT_EQ(latest.size(), 1U);
    EXPECT_EQ(latest[0].current, 2);
    const auto into = changes_against_chance(p, {0, 2021, false}, draws(20));
    ASSERT_EQ(into.size(), 1U);
    EXPECT_EQ(into[0].previous, 0) << "the previous edition taken even outside the window";
    EXPECT_EQ(into[0].current, 1);
}

TEST(ChangeChance, EveryMeasureDeclaredOnceInOrder) {
    const auto all = change_measures();
    ASSERT_EQ(all.size(), change_measure_count);
    for (std::size_t m = 0; m < all.size(); ++m) {
        EXPECT_EQ(static_cast<std::size_t>(all[m].measure), m);
        EXPECT_LE(all[m].short_fr.size(), 32U) << all[m].key; // bytes: accents take two
        EXPECT_FALSE(all[m].phrase_en.empty());
    }
}
