// Organisation identity from names: one comparison key per organisation whatever the spelling
// ("Mission Locale du Pays d'Arles", "ML Pays d’Arles"), renames that keep the identity
// (Pôle emploi → France Travail in 2024), user aliases, and a similarity score for the
// near-duplicate report of `check`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "maillage/core/lang.hpp"

namespace maillage::model {

/// The comparison key of an organisation name. Two spellings of one organisation give the same
/// key; the key is for comparing, never for display. The rules, in order:
///  1. Dotted initialisms are closed up: "C.I.O." → "CIO", "M.S.A.P" → "MSAP" (two letters or
///     more, each followed by a dot; done before folding so that the elided "d'" and "l'" of
///     French, which fold to lone letters too, are never glued to a neighbour).
///  2. core::fold: accents, case, ligatures, punctuation (typographic apostrophes and dashes
///     included) → lower-case ASCII words separated by one space.
///  3. Word abbreviations are expanded wherever they stand: st → saint, ste → sainte,
///     sts → saints, ctre → centre, cie → compagnie, assoc and asso → association,
///     univ → universite.
///  4. The first word (or the word after a leading "agence" or "antenne") is expanded when it
///     is a network's acronym: ml → mission locale, pe → pole emploi, ft → france travail,
///     atpro → transitions pro. Only there, because elsewhere these letters mean other things
///     ("Relais PE" is "petite enfance").
///  5. Connector words are dropped, leading articles included: de, du, des, d, la, le, les, l,
///     et, au, aux. "ML Pays d'Arles" and "Mission locale du Pays d'Arles" meet; the price is
///     that names differing only by these words meet too, which no real pair of distinct
///     organisations seen so far does. A name made only of such words keeps them.
///  6. Long forms that have a well-known short form are contracted, the short form being what
///     coordinators most often type, so more spellings meet on it:
///     centre information orientation → cio; maison services public (or service) → msap;
///     maison france services → france services; chambre metiers artisanat and chambre metiers
///     → cma; chambre commerce industrie → cci; communaute communes and com communes → cc;
///     communaute agglomeration → ca; conseil departemental and conseil general → cd, and a
///     leading departement → cd ("Département des Hautes-Alpes" is its council); conseil
///     regional → region; point information jeunesse → pij; bureau information jeunesse →
///     bij; centre information (sur) droits femmes familles → cidff; maison departementale
///     personnes handicapees → mdph; association pour emploi cadres → apec; provence alpes
///     cote azur → paca.
///  7. A leading "agence" or "antenne" before a network's name (pole emploi, france travail,
///     apec, cap emploi) is dropped: "Agence Pôle emploi de Manosque" is "Pôle emploi
///     Manosque". Elsewhere "agence" stays (an "Agence d'urbanisme" is not an urbanism).
///  8. A word repeated right after itself is kept once ("Apec (APEC) Nice" → "apec nice").
/// Renames are not applied here (see AliasTable): the key is year- and table-independent.
/// Examples: "Mission Locale du Pays d'Arles", "MISSION LOCALE PAYS D'ARLES", "ML Pays d’Arles"
/// → "mission locale pays arles"; "St-Raphaël" → "saint raphael"; "Ctre d'information et
/// d'orientation Arles" → "cio arles".
/// Complexity: linear in the name length (the rule tables are fixed). Throws nothing but
/// std::bad_alloc.
std::string normalise_org_name(std::string_view name);

/// How alike two organisation names are, in [0, 1], 1 for the same normalised key. Used to
/// list near-duplicates for a person to confirm, never to merge on its own.
/// Definition: both names go through normalise_org_name and are split into words; each word
/// of one name is paired with at most one word of the other, best Jaro-Winkler similarity
/// first, a pair counting only when that similarity is at least 0.88 (typos such as
/// "toulom"/"toulon", "brignolles"/"brignoles"; different words such as "est"/"ouest" do not
/// pair; numbers, and words of three letters or fewer, pair only when equal: "04"/"05" are two
/// départements, "cc"/"cci" a communauté de communes and a chamber). With each word
/// weighted by its length, at least 4 (short words such as "est", "gap", "04" tell
/// organisations apart as much as long ones), the score is a weighted Jaccard index:
/// J = Σ paired weight × similarity / (Σ paired weight + Σ unpaired weight of both names).
/// When every word of the shorter name is paired (one name extends the other: "OPCO Afdas" /
/// "OPCO Afdas Méditerranée"), the score is 0.5 + J/2, because an extra word more often
/// marks a truncated spelling than a different organisation, while a replaced word ("CIO
/// Toulon" / "CIO Hyères") more often marks a different one.
/// A score of 0.7 or more is worth a look. Complexity: O(n·m·L) for n and m words of length
/// up to L. Throws nothing but std::bad_alloc.
double name_similarity(std::string_view a, std::string_view b);

/// The words of normalise_org_name(name), in order: what name_similarity compares. Lets a
/// caller comparing many names normalise each once. Complexity: as normalise_org_name.
std::vector<std::string> normalised_words(std::string_view name);

/// name_similarity on names already split by normalised_words:
/// words_similarity(normalised_words(a), normalised_words(b)) == name_similarity(a, b).
/// Complexity: O(n·m·L). Throws nothing but std::bad_alloc.
double words_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// The identity of a name: `key` is stable (the same for every spelling, rename and year),
/// `display` is the name to show for the year asked.
struct ResolvedName {
    std::string key;
    std::string display;
};

/// A rename of a network that keeps the identity of each of its members: a name beginning
/// with `old_name` (after normalisation) is the organisation that, from `since`, is named
/// with `new_name` in its place. "Pôle emploi Toulon" (2019) and "France Travail Toulon"
/// (2024) are one agency.
struct Rename {
    std::string old_name;
    std::string new_name;
    int since = 0;
};

/// Organisation identities: the shipped renames, and user aliases.
///
/// An alias says that two names are one organisation, whatever the date of the row that
/// carries them; its optional year only chooses the name shown: `name` from `since` on,
/// `alias` before (without a year, `name` always). Aliases chain: A = B and B = C make one
/// organisation. Renames apply first: an alias of "France Travail Toulon" also covers
/// "Pôle emploi Toulon", "PE Toulon" and "Agence Pôle emploi de Toulon".
class AliasTable {
public:
    /// A table without renames or aliases: resolve() gives each normalised name its own key.
    AliasTable() = default;

    /// The shipped renames (national networks, so true everywhere):
    ///   ANPE → Pôle emploi (2009), Pôle emploi → France Travail (2024),
    ///   Fongecif → Transitions Pro (2020), Opacif → OPCO (2019), OPCA → OPCO (2019),
    ///   MSAP → France services (2020), DIRECCTE UD / UT → DDETS and DIRECCTE → DREETS (2021),
    ///   Université Nice-Sophia-Antipolis → Université Côte d'Azur (2020).
    /// Complexity: constant.
    static AliasTable defaults();

    /// Adds a rename. Complexity: O(r) for r renames. Throws std::invalid_argument when either
    /// name normalises to nothing or both to the same key.
    void add_rename(std::string_view old_name, std::string_view new_name, int since);

    /// Makes `name` and `alias` one organisation; `name` is shown from `since` on, `alias`
    /// before; without `since`, `name` is always shown. Complexity: amortised O(r + g) for g
    /// names in the merged group. Throws std::invalid_argument when a name normalises to
    /// nothing.
    void add_alias(std::string_view name, std::string_view alias, std::optional<int> since = {});

    /// Adds the aliases of CSV text: a header `nom,alias,depuis` (or `name,alias,since`; the
    /// year column is optional, columns in any order, `;` accepted as separator when the
    /// header has no `,`), then one alias per row. Nothing is added when an error is thrown.
    /// `source` names the text in messages (a file name).
    /// Throws FatalError "source:line:column: erreur: ..." (in `lang`) for a bad header, an
    /// empty name or alias, a year that is not a whole number between 1900 and 2100, or an
    /// unclosed quote. Complexity: linear in the text plus add_alias per row.
    void load_csv(std::string_view csv_text, std::string_view source, core::Lang lang);

    /// Adds aliases and renames from TOML text:
    ///
    ///     [[alias]]
    ///     name = "Région Sud"                    # shown from `since` on
    ///     alias = "Conseil régional PACA"        # or aliases = ["...", "..."]
    ///     since = 2018                           # optional
    ///
    ///     [[rename]]                             # a network rename (applies to prefixes)
    ///     old = "DIRECCTE"
    ///     new = "DDETS"
    ///     since = 2021
    ///
    /// Nothing is added when an error is thrown. Throws FatalError "source:line:column: ..."
    /// for invalid TOML, an unknown section or field, a missing or empty name, a bad year.
    /// Complexity: linear in the text plus add_alias/add_rename per entry.
    void load_toml(std::string_view toml_text, std::string_view source, core::Lang lang);

    /// The identity of `name` and the name to show for `year`. The key is the normalised name
    /// with renames applied (newest form) and, for an aliased name, the key of the first
    /// `name` given for its group. The display is the group's name for that year (the dated
    /// name with the latest `since` ≤ year, else the first undated one), or `name` itself
    /// trimmed, then the renames in force that year replace its network prefix, keeping the
    /// rest as typed: resolve("Pôle emploi Toulon", 2025).display == "France Travail Toulon",
    /// resolve("France Travail Toulon", 2019).display == "Pôle emploi Toulon". Which spelling
    /// of an unaliased name to show (the most frequent, the registry's) is the caller's
    /// choice. Complexity: O(ℓ + r·ℓ) for a name of length ℓ and r renames. Throws nothing but
    /// std::bad_alloc.
    [[nodiscard]] ResolvedName resolve(std::string_view name, int year) const;

    /// resolve(name, year).display, without the key when no alias groups the names (a table of
    /// renames only): then it cannot change the name shown. Complexity: as resolve.
    [[nodiscard]] std::string display(std::string_view name, int year) const;

    /// resolve(name, year).key, which does not depend on the year.
    [[nodiscard]] std::string key(std::string_view name) const;

    /// The renames, shipped and added, in the order they were added.
    [[nodiscard]] const std::vector<Rename>& renames() const { return m_renames; }

    /// An alias as it was added: `name` shown from `since` on, `alias` before.
    struct Alias {
        std::string name, alias;
        std::optional<int> since;
    };
    /// The aliases, in the order they were added (a user file's lines).
    [[nodiscard]] const std::vector<Alias>& aliases() const { return m_aliases; }

private:
    struct NormalisedRename {
        std::string old_key, new_key;
    };
    struct Entry { // one name of a group as the table was told it
        std::optional<int> since;
        std::string display;
        std::size_t order = 0;
    };
    struct Group {
        std::string key;
        std::size_t key_order = 0;
        std::vector<Entry> entries;
    };

    [[nodiscard]] std::string canonical(std::string_view name) const;
    [[nodiscard]] std::string display_for_year(std::string_view text, int year) const;
    std::size_t node(const std::string& key);
    [[nodiscard]] std::size_t root(std::size_t n) const;

    std::vector<Rename> m_renames;
    std::vector<Alias> m_aliases;
    std::vector<NormalisedRename> m_normalised;
    std::unordered_map<std::string, std::size_t> m_nodes; // canonical key → node
    std::vector<std::size_t> m_parent;                    // union-find over nodes
    std::vector<Group> m_groups;                          // meaningful at roots only
    std::size_t m_order = 0;
};

} // namespace maillage::model
