// The words of the report: sentences generated from the numbers, in the reader's language
// (strings from the message catalogue, numbers through report/format). Pure functions, so that
// the tests can check the text a coordinator will read for given figures.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "maillage/core/lang.hpp"
#include "maillage/metrics/change_chance.hpp"

namespace maillage::report {

/// The headline figures of one edition of a territory (organisation network).
struct EditionFigures {
    int year = 0;
    std::int64_t people = 0;
    std::int64_t organisations = 0;
    std::int64_t types = 0;
    /// Density of the organisation network at each level, in graph::TieLevel order:
    /// connaissance over every edition up to this one (within one edition it is always 1),
    /// interconnaissance and reconnaissance of this edition alone.
    std::array<double, 3> density{};
    std::array<std::int64_t, 3> ties{};
};

/// « En 2025, l'édition de Vaucluse a réuni 132 participants venus de 58 organisations de 17
/// types. » then, with a previous edition, « Depuis 2024 : participants ↑ +12 (120),
/// organisations ↓ −2 (60), types = 0 (17). » Complexity: constant.
std::string summary_sentences(const std::string& territory, const EditionFigures& now,
                              const std::optional<EditionFigures>& before, core::Lang lang);

/// One measure's change between two editions, judged against the reshuffles
/// (metrics::change_against_chance), with the central 95 % of the reshuffled changes:
/// « Paires d'organisations qui ont travaillé ensemble (reconnaissance) : 18 % en 2025, contre
/// 12 % en 2024 : +6 points (hasard : −3 à +4), plus que ne le donnerait le hasard. » Inside the
/// interval, « dans la marge du hasard »; a measure the reshuffles cannot move is said « non
/// testable », connaissance with its own reason. Shares are written as percentages and their
/// changes in points, means with one decimal, counts whole; a decimal is added where rounding
/// would show a change outside its interval equal to a bound. Complexity: constant.
std::string change_sentence(const metrics::MeasureChange& change, int previous_year, int year, core::Lang lang);

/// The central 95 % of a measure's reshuffled changes as a table writes it: "−3 à +4 pts"
/// (shares, in points), "−0,5 à +0,9" (means), "30 à 55" (counts of new ties); « non
/// testable » when the reshuffles cannot move it. Complexity: constant.
std::string chance_interval(const metrics::MeasureChange& change, core::Lang lang);

/// A measure at a territory's first edition: « … : 18 % en 2025 — première édition du
/// territoire, rien à comparer. » Complexity: constant.
std::string first_edition_sentence(metrics::ChangeMeasure measure, double value, int year, core::Lang lang);

/// A measure's value as the sentences write it ("18 %", "31,2", "42"), with `extra` more
/// decimals than their default. Complexity: constant.
std::string measure_value(metrics::ChangeMeasure measure, double value, core::Lang lang, int extra = 0);

/// A change of a measure as the sentences write it: "+6 points", "+1,2", "−3"; `unit`: with
/// "points" after a share's change. Complexity: constant.
std::string measure_change(metrics::ChangeMeasure measure, double difference, core::Lang lang, int extra = 0, bool unit = true);

/// How a figure went across editions: « De 2015 à 2025, participants : de 80 à 132 (↑ +52) ;
/// le plus haut, 140, en 2023. » `values` and `years` have the same length (at least one);
/// `percent` formats shares. Complexity: linear.
std::string trend_sentence(const std::string& what, const std::vector<int>& years, const std::vector<double>& values,
                           bool percent, core::Lang lang);

/// « 62 % des participants de 2024 sont revenus en 2025 (↑ +4 pts) ; 38 nouveaux venus, 9
/// revenus après une absence. » `previous_retention`: the same rate one transition earlier.
std::string retention_sentence(double retention, std::optional<double> previous_retention, int previous_year, int year,
                               std::int64_t newcomers, std::int64_t returning, core::Lang lang);

/// « Si Mission locale d'Arles cessait de venir, 3 organisations perdraient leur seul lien avec
/// le reste du réseau : A, B, C. » (at most five names, then « et 4 autres »).
std::string cut_point_sentence(const std::string& organisation, const std::vector<std::string>& cut_off, core::Lang lang);

/// A list written out: « A, B et C » / "A, B and C"; at most `shown` items then « et N
/// autres ». Complexity: linear.
std::string join_list(const std::vector<std::string>& items, std::size_t shown, core::Lang lang);

/// Guillemets for names inside a sentence: « x » in French, “x” in English.
std::string quoted(const std::string& text, core::Lang lang);

} // namespace maillage::report
