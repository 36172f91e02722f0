#include <gtest/gtest.h>

#include "maillage/ingest/communes.hpp"

using namespace maillage::ingest;
using S = CommuneResolution::Status;

namespace {
const CommuneIndex& index() {
    static const CommuneIndex i = CommuneIndex::load(std::string(MAILLAGE_SOURCE_DIR) + "/datasets/france",
                                                     maillage::core::Lang::Fr);
    return i;
}
} // namespace

TEST(CommuneIndex, ResolvesCodesFormerCommunesNamesAndExplainsPostcodes) {
    EXPECT_EQ(index().size(), 34969u); // datasets/france/france_communes.csv (COG 2026)
    EXPECT_EQ(index().resolve("13004").status, S::Known);
    EXPECT_EQ(index().resolve(" 2A004 ").code, "2A004"); // Ajaccio, Corsican code
    const auto ristolas = index().resolve("05120");      // merged into Abriès-Ristolas
    EXPECT_EQ(ristolas.status, S::Successor);
    EXPECT_EQ(ristolas.code, "05001");
    EXPECT_EQ(ristolas.detail, "Ristolas");
    EXPECT_EQ(index().resolve("13205").code, "13055"); // Marseille 5e arrondissement
    const auto postcode = index().resolve("13200");    // Arles' postcode, not a commune code
    EXPECT_EQ(postcode.status, S::Unknown);
    EXPECT_EQ(postcode.detail, "Arles (13004)");
    EXPECT_EQ(index().resolve("Digne-les-Bains").code, "04070");
    EXPECT_EQ(index().resolve("DIGNE LES BAINS").status, S::ByName);
    EXPECT_EQ(index().resolve("Saint-Martin").status, S::Unknown); // dozens of them
    EXPECT_EQ(index().resolve("99999").status, S::Unknown);
    EXPECT_EQ(index().name("84007"), "Avignon");
}
