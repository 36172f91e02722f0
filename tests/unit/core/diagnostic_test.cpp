#include <gtest/gtest.h>

#include "maillage/core/diagnostic.hpp"
#include "maillage/core/messages.hpp"

using namespace maillage::core;

TEST(Diagnostic, RendersFileLineColumnAndFieldInTheUsersLanguage) {
    Diagnostic d{Severity::Error, {"a.csv", 12, 5, "Rôle"}, "rôle inconnu"};
    EXPECT_EQ(render(d, Lang::Fr), "a.csv:12:5: erreur: [Rôle] rôle inconnu");
    EXPECT_EQ(render(d, Lang::En), "a.csv:12:5: error: [Rôle] rôle inconnu");
    Diagnostic w{Severity::Warning, {"b.xlsx[Journée]", 3, 0, ""}, "x"};
    EXPECT_EQ(render(w, Lang::Fr), "b.xlsx[Journée]:3: avertissement: x");
    EXPECT_EQ(render_error("c.ods", "illisible", Lang::Fr), "c.ods: erreur: illisible");
}

TEST(Diagnostics, CountsErrorsAndWarningsApart) {
    Diagnostics all;
    all.error({"f", 1, 1, ""}, "e1");
    all.warning({"f", 2, 1, ""}, "w1");
    all.error({"f", 3, 1, ""}, "e2");
    EXPECT_EQ(all.error_count(), 2u);
    EXPECT_EQ(all.warning_count(), 1u);
    EXPECT_TRUE(all.has_errors());
}

TEST(Messages, EveryKeyHasATextInBothCatalogues) {
    for (int k = 0; k <= static_cast<int>(Msg::MetDistances); ++k) {
        const auto key = static_cast<Msg>(k);
        EXPECT_FALSE(message(key, Lang::Fr).empty()) << k;
        EXPECT_FALSE(message(key, Lang::En).empty()) << k;
        EXPECT_NE(message(key, Lang::Fr), "?") << k;
        EXPECT_NE(message(key, Lang::En), "?") << k;
    }
    EXPECT_EQ(tr(Lang::Fr, Msg::RowUnknownRole, "observateur"),
              "rôle inconnu « observateur » ; attendu : participant, exposant, gardien (de la "
              "méthode) ou scribe");
}
