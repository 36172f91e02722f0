#include <gtest/gtest.h>

#include "maillage/model/vocabulary.hpp"

using namespace maillage::model;

TEST(ParseRole, ReadsTheTrioInItsSpellings) {
    EXPECT_EQ(parse_role("participant"), Role::Participant);
    EXPECT_EQ(parse_role("Participante"), Role::Participant);
    EXPECT_EQ(parse_role(""), Role::Participant);
    EXPECT_EQ(parse_role("Exposante"), Role::Exposant);
    EXPECT_EQ(parse_role("exposant·e"), Role::Exposant);
    EXPECT_EQ(parse_role("Gardienne de la méthode"), Role::Gardien);
    EXPECT_EQ(parse_role("gardien"), Role::Gardien);
    EXPECT_EQ(parse_role("SCRIBE"), Role::Scribe);
    EXPECT_EQ(parse_role("observateur"), std::nullopt);
    EXPECT_EQ(parse_role("gardiennage"), std::nullopt);
}

TEST(ParseSessionKind, ReadsPreparationPlenaryWorkshop) {
    EXPECT_EQ(parse_session_kind("préparation"), SessionKind::Preparation);
    EXPECT_EQ(parse_session_kind("Groupe de coopération"), SessionKind::Preparation);
    EXPECT_EQ(parse_session_kind("Plénière d'ouverture"), SessionKind::Plenary);
    EXPECT_EQ(parse_session_kind("plenary"), SessionKind::Plenary);
    EXPECT_EQ(parse_session_kind("Atelier"), SessionKind::Workshop);
    EXPECT_EQ(parse_session_kind("workshop"), SessionKind::Workshop);
    EXPECT_EQ(parse_session_kind("pause café"), std::nullopt);
    EXPECT_EQ(key(SessionKind::Plenary), "plenary");
    EXPECT_EQ(key(Role::Gardien), "gardien");
}
