// `maillage report` end to end on the example project, read as text: no person's name or
// e-mail without --people (after Unicode NFC normalisation and HTML entities decoded, so that
// "&#201;lodie" or a decomposed "É" cannot hide a name), names present with it (so the check can
// fail), a self-contained file, English with --lang en, the same bytes twice, usage errors.
// The example store is made once by the ctest fixture `report_store` (tests/CMakeLists.txt).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "../cli/process.hpp"

namespace fs = std::filesystem;
using maillage::test::run;
using maillage::test::unfolded;
using maillage::test::slurp;
using maillage::test::TempDir;

namespace {

const std::string binary = MAILLAGE_BINARY;
const std::string source_dir = MAILLAGE_SOURCE_DIR;
const std::string store = MAILLAGE_REPORT_STORE;

/// Appends the UTF-8 bytes of a code point.
void put_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// HTML entities decoded (numeric, and the named ones a writer might use for names), then
/// Unicode NFC, then no-break spaces as plain spaces.
std::string normalised(const std::string& html) {
    static const std::vector<std::pair<std::string, std::string>> named = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
        {"eacute", "é"}, {"egrave", "è"}, {"ecirc", "ê"}, {"euml", "ë"}, {"agrave", "à"}, {"acirc", "â"},
        {"ccedil", "ç"}, {"icirc", "î"}, {"iuml", "ï"}, {"ocirc", "ô"}, {"ucirc", "û"}, {"ugrave", "ù"},
        {"Eacute", "É"}, {"Egrave", "È"}, {"Ccedil", "Ç"}, {"Ocirc", "Ô"}};
    std::string decoded;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] != '&') {
            decoded.push_back(html[i]);
            continue;
        }
        const auto end = html.find(';', i);
        if (end == std::string::npos || end - i > 10) {
            decoded.push_back('&');
            continue;
        }
        const std::string entity = html.substr(i + 1, end - i - 1);
        bool done = false;
        if (!entity.empty() && entity[0] == '#') {
            const bool hex = entity.size() > 1 && (entity[1] == 'x' || entity[1] == 'X');
            try {
                put_utf8(decoded, std::stoul(entity.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10));
                done = true;
            } catch (const std::exception&) {
            }
        } else
            for (const auto& [name, text] : named)
                if (entity == name) {
                    decoded += text;
                    done = true;
                }
        if (done) i = end;
        else decoded.push_back('&');
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    EXPECT_TRUE(U_SUCCESS(status));
    icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(decoded), status);
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00A0)), icu::UnicodeString(" "));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x202F)), icu::UnicodeString(" "));
    std::string out;
    u.toUTF8String(out);
    return out;
}

/// Every full name of the example's people, in both orders, NFC.
std::vector<std::string> person_names() {
    std::ifstream in(fs::path(source_dir) / "datasets/paca/planted.json");
    const auto planted = nlohmann::json::parse(in);
    std::vector<std::string> names;
    for (const auto& n : planted.at("person_names")) {
        const std::string first = n.at(0), last = n.at(1);
        names.push_back(normalised(first + " " + last));
        names.push_back(normalised(last + " " + first));
    }
    return names;
}

std::vector<std::string> names_in(const std::string& text) {
    std::vector<std::string> found;
    for (const auto& n : person_names())
        if (text.find(n) != std::string::npos) found.push_back(n);
    return found;
}

std::vector<std::string> emails_in(const std::string& text) {
    static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), email); it != std::sregex_iterator(); ++it)
        found.push_back(it->str());
    return found;
}

std::string make_report(const fs::path& dir, const std::string& name, std::vector<std::string> extra) {
    std::vector<std::string> args{"report", store, "-o", (dir / name).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run(binary, args, source_dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, "");
    return slurp((dir / name).string());
}

TEST(ReportNormalisation, DecodesEntitiesAndComposes) {
    // "É" written as an entity, and "e" + combining acute: both become the composed "é"/"É"
    EXPECT_EQ(normalised("&#201;lodie Bern&#x61;rd"), "Élodie Bernard");
    EXPECT_EQ(normalised("Ame\xCC\x81lie &amp; co"), "Amélie & co");
}

TEST(ReportPrivacy, NoNameNorEmailWithoutPeopleAndNamesWithIt) {
    TempDir dir;
    // Vaucluse: its section 6 lists people to bring into the cooperation group
    const auto hidden = normalised(make_report(dir.path, "pseudonymes.html", {"--territory", "Vaucluse"}));
    ASSERT_GT(hidden.size(), 10000u);
    EXPECT_EQ(names_in(hidden), std::vector<std::string>{});
    EXPECT_EQ(emails_in(hidden), std::vector<std::string>{});
    const auto shown = normalised(make_report(dir.path, "noms.html", {"--territory", "Vaucluse", "--people"}));
    EXPECT_FALSE(names_in(shown).empty()) << "with --people the report should name the people it lists";
    EXPECT_NE(shown.find("--people"), std::string::npos); // the method section warns about it
}

TEST(ReportPrivacy, RegionReportNamesNobody) {
    TempDir dir;
    const auto text = normalised(make_report(dir.path, "region.html", {"--all"}));
    EXPECT_EQ(names_in(text), std::vector<std::string>{});
    EXPECT_EQ(emails_in(text), std::vector<std::string>{});
}

TEST(ReportFile, SelfContainedFrenchWithSectionsAndFigures) {
    TempDir dir;
    const auto html = make_report(dir.path, "r.html", {"--territory", "Bouches-du-Rhône"});
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<html lang=\"fr\">"), std::string::npos);
    // nothing fetched: no script, no link, no external URL in src/href
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_EQ(html.find("href=\"http"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_EQ(html.find("<?xml"), std::string::npos); // SVG prologs stripped before inlining
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_NE(html.find("break-before: page"), std::string::npos);
    for (const char* id : {"resume", "tendances", "reseau", "passeurs", "presence", "inviter", "methode"})
        EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
    const auto text = normalised(html);
    EXPECT_NE(text.find("Bouches-du-Rhône, édition 2025"), std::string::npos);
    // numbers and dates for the language: a French percentage and a French date
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(\d+ %)"))) << "a French percentage";
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(plénière du \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 2025)")));
    // the map (render/territory_map.hpp) fills section 3's slot, its Cairo ids prefixed
    EXPECT_NE(text.find("<figcaption>Carte du territoire"), std::string::npos);
    EXPECT_EQ(text.find("Pas de carte dans ce rapport"), std::string::npos);
    EXPECT_NE(html.find("id=\"map-glyph0-1\""), std::string::npos);
    EXPECT_EQ(html.find("id=\"glyph"), std::string::npos);
}

TEST(ReportFile, EnglishWithLangEn) {
    TempDir dir;
    const auto text = normalised(make_report(dir.path, "en.html", {"--territory", "Vaucluse", "--lang", "en"}));
    EXPECT_NE(text.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(text.find("In brief"), std::string::npos);
    EXPECT_NE(text.find("Whom to invite"), std::string::npos);
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(\d+%)")));
    EXPECT_EQ(text.find("Tendances"), std::string::npos);
}

TEST(ReportFile, SameStoreSameBytes) {
    TempDir dir;
    EXPECT_EQ(make_report(dir.path, "a.html", {"--territory", "Hautes-Alpes", "--edition", "2019"}),
              make_report(dir.path, "b.html", {"--territory", "Hautes-Alpes", "--edition", "2019"}));
}

TEST(ReportFile, AnotherStoreOfTheSameSheetsGivesTheSameBytes) {
    // each store draws its own pseudonym key: nothing of it may reach the report
    TempDir dir;
    const std::string other = (dir.path / "other.gpkg").string();
    const auto ingest = run(binary, {"ingest", "datasets/paca", "--into", other, "--quarantine", (dir.path / "q.csv").string()}, source_dir);
    ASSERT_LE(ingest.exit_code, 1) << ingest.err;
    const auto a = make_report(dir.path, "a.html", {"--territory", "Vaucluse"});
    const auto r = run(binary, {"report", other, "--territory", "Vaucluse", "-o", (dir.path / "b.html").string()}, source_dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(a, slurp((dir.path / "b.html").string()));
    EXPECT_NE(a.find("Personne 1"), std::string::npos); // section 6 numbers the people it lists
}

TEST(ReportFile, AnEarlierEditionLeavesLaterOnesOut) {
    TempDir dir;
    const auto text = normalised(make_report(dir.path, "2019.html", {"--territory", "Hautes-Alpes", "--edition", "2019"}));
    EXPECT_NE(text.find("Hautes-Alpes, édition 2019"), std::string::npos);
    EXPECT_EQ(text.find(">2021<"), std::string::npos); // no later year on any chart axis
}

/// The text a reader sees (or a screen reader reads): the stylesheet, comments and tags
/// removed, entities decoded (normalised).
std::string visible_text(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        if (html.compare(i, 7, "<style>") == 0) i = html.find("</style>", i) + 8;
        else if (html.compare(i, 4, "<!--") == 0) i = html.find("-->", i) + 3;
        else if (html[i] == '<') {
            i = html.find('>', i) + 1;
            out += '\n';
        } else out += html[i++];
    }
    return normalised(out);
}

/// What belongs backstage: file paths, commands, seeds, source-code words, statistics jargon.
std::vector<std::string> backstage_in(const std::string& text) {
    std::vector<std::string> found;
    for (const char* word : {"datasets/", ".csv", ".xlsx", ".ods", ".gpkg", "maillage report", "maillage invite", "--",
                             "Graine", "graine", "Seed", "seed", "octet", "byte for byte", "annuaire-2019", "invented",
                             "advise", "unmobilised", "p =", "z =", "Jaccard", "quarantaine", "quarantined"})
        if (text.find(word) != std::string::npos) found.push_back(word);
    // type keys and other snake_case identifiers (france_travail, mission_locale)
    static const std::regex snake(R"(\b[a-z]+_[a-z_]+\b)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), snake); it != std::sregex_iterator(); ++it) found.push_back(it->str());
    // a name shouted in capitals: three capitalised words of four letters or more in a row
    static const std::regex shouting(R"(\b[A-ZÉÈÀÇ]{4,}(?:[ -]+[A-ZÉÈÀÇ'-]{2,}){2,})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), shouting); it != std::sregex_iterator(); ++it) found.push_back(it->str());
    return found;
}

TEST(ReportFunder, NoBackstageInTheFundersPages) {
    TempDir dir;
    const auto bdr = visible_text(make_report(dir.path, "bdr.html", {"--territory", "Bouches-du-Rhône"}));
    EXPECT_EQ(backstage_in(bdr), std::vector<std::string>{});
    // the example's sheets write this organisation in capitals only
    EXPECT_EQ(bdr.find("CENTRE INFORMATION FAMILLE"), std::string::npos);
    EXPECT_NE(bdr.find("Centre information famille - Aix-en-Provence"), std::string::npos);
    EXPECT_EQ(backstage_in(visible_text(make_report(dir.path, "region.html", {"--all"}))), std::vector<std::string>{});
    EXPECT_EQ(backstage_in(visible_text(make_report(dir.path, "en.html", {"--territory", "Vaucluse", "--lang", "en"}))),
              std::vector<std::string>{});
}

TEST(ReportFunder, TheTechnicalAppendixOnlyWithAppendix) {
    TempDir dir;
    const auto without = visible_text(make_report(dir.path, "a.html", {"--territory", "Vaucluse", "--seed", "7"}));
    EXPECT_EQ(without.find("Annexe technique"), std::string::npos);
    EXPECT_EQ(without.find("Graine"), std::string::npos);
    const auto html = make_report(dir.path, "b.html", {"--territory", "Vaucluse", "--seed", "7", "--appendix"});
    const auto with = visible_text(html);
    EXPECT_NE(html.find("<section id=\"annexe\""), std::string::npos);
    EXPECT_NE(with.find("Annexe technique"), std::string::npos);
    EXPECT_NE(with.find("Graine 7"), std::string::npos);
    EXPECT_NE(with.find("000 tirages"), std::string::npos); // 1 000: metrics::default_reshuffles
    EXPECT_NE(with.find("datasets/paca/editions/"), std::string::npos); // the files with rows set aside
    EXPECT_NE(with.find("annuaire-2019"), std::string::npos);
    EXPECT_NE(with.find("maillage report " + store + " --territory Vaucluse --reshuffles 1000 --seed 7 --appendix -o "),
              std::string::npos);
    // everything before the appendix is the funder's report, unchanged
    const auto a = make_report(dir.path, "a.html", {"--territory", "Vaucluse", "--seed", "7"});
    EXPECT_EQ(html.substr(html.find("<main>"), html.find("<section id=\"annexe\"") - html.find("<main>")),
              a.substr(a.find("<main>"), a.find("</main>") - a.find("<main>")));
    // the English appendix
    const auto en = visible_text(make_report(dir.path, "c.html", {"--territory", "Vaucluse", "--lang", "en", "--appendix"}));
    EXPECT_NE(en.find("Technical appendix"), std::string::npos);
    EXPECT_NE(en.find("Seed 42"), std::string::npos);
}

// Issue 23: "denser than last edition?" is answered with what moves, each change with its
// margin of chance; no verdict on density alone; connaissance said not testable.
TEST(ReportChance, LeadsWithWhatMovesEachChangeWithItsMargin) {
    TempDir dir;
    const auto html = make_report(dir.path, "r.html", {"--territory", "Bouches-du-Rhône"});
    const auto text = visible_text(html);
    const auto summary = text.substr(0, text.find("2. Tendances"));
    const std::string lead = "Paires d'organisations qui ont travaillé ensemble (reconnaissance) : ";
    ASSERT_NE(summary.find(lead), std::string::npos) << summary;
    const auto sentence = summary.substr(summary.find(lead), summary.find('\n', summary.find(lead)) - summary.find(lead));
    EXPECT_NE(sentence.find(" points (hasard : "), std::string::npos) << sentence;
    EXPECT_TRUE(sentence.find("dans la marge du hasard.") != std::string::npos ||
                sentence.find("ne le donnerait le hasard.") != std::string::npos)
        << sentence;
    for (const char* also : {"Partenaires distincts par organisation, en atelier", "Paires de types d'organisation qui ont travaillé",
                             "Nouveaux liens de reconnaissance entre organisations de types différents : "})
        EXPECT_NE(summary.find(also), std::string::npos) << also;
    EXPECT_NE(summary.find("Connaissance : les "), std::string::npos);
    EXPECT_NE(summary.find("non testable : dans une édition, seule la venue compte"), std::string::npos);
    EXPECT_NE(summary.find("Marge du hasard"), std::string::npos) << "the table's column";
    // no verdict on density alone, anywhere
    for (const char* verdict : {"se relâche", "se resserre", "plus dense que", "moins dense que", "Densité d'interconnaissance :"})
        EXPECT_EQ(text.find(verdict), std::string::npos) << verdict;
    // the trends lead with what moves: its chart comes before the participants'
    const auto trends = html.substr(html.find("<section id=\"tendances\""));
    const auto moving = trends.find("<figcaption>Paires d&#39;organisations et paires de types qui ont travaillé ensemble");
    ASSERT_NE(moving, std::string::npos);
    EXPECT_LT(moving, trends.find("</figure>")) << "the first figure of the trends";
    const auto en = visible_text(make_report(dir.path, "en.html", {"--territory", "Vaucluse", "--lang", "en"}));
    EXPECT_NE(en.find("Organisation pairs that worked together (reconnaissance): "), std::string::npos);
    EXPECT_NE(en.find(" (chance: "), std::string::npos);
    EXPECT_NE(en.find("— not testable: within an edition only who came counts"), std::string::npos);
    EXPECT_EQ(en.find("loosening"), std::string::npos);
}

TEST(ReportUsage, TerritoryOrAllAndHtmlOnly) {
    TempDir dir;
    auto r = run(binary, {"report", store, "-o", (dir.path / "x.html").string()}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("choisissez un territoire (--territory T) ou tous (--all), pas les deux"), std::string::npos) << r.err;
    r = run(binary, {"report", store, "--all", "--territory", "Var", "-o", (dir.path / "x.html").string()}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    r = run(binary, {"report", store, "--all", "-o", (dir.path / "x.pdf").string()}, source_dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(unfolded(r.err).find("-o attend un fichier .html ; trouvé '"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.path / "x.html"));
}

} // namespace
