// The catalogue as a whole: every key is used somewhere in src/, both languages fill the same
// placeholders, and plural messages pick their form by ICU's plural rules.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "maillage/core/messages.hpp"

namespace fs = std::filesystem;
using namespace maillage::core;

namespace {

const fs::path source_dir = MAILLAGE_SOURCE_DIR;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The names of the keys, in enum order, read from the header (the enum has no reflection).
std::vector<std::string> key_names() {
    const std::string header = slurp(source_dir / "include/maillage/core/messages.hpp");
    const auto begin = header.find("enum class Msg {");
    const auto end = header.find("};", begin);
    std::vector<std::string> names;
    const std::string body = header.substr(begin, end - begin);
    const std::regex key(R"(\n\s+([A-Z][A-Za-z0-9]*),)");
    for (auto it = std::sregex_iterator(body.begin(), body.end(), key); it != std::sregex_iterator(); ++it)
        names.push_back((*it)[1].str());
    return names;
}

// The placeholder numbers of a text ("{0}", "{1:>4}"), fmt's "{{" escapes set aside.
std::set<int> placeholders(std::string_view text) {
    std::set<int> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '{') continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        if (j > i + 1 && j < text.size() && (text[j] == '}' || text[j] == ':'))
            out.insert(std::stoi(std::string(text.substr(i + 1, j - i - 1))));
    }
    return out;
}

std::string describe(const std::set<int>& s) {
    std::string out;
    for (int n : s) out += "{" + std::to_string(n) + "}";
    return out.empty() ? "none" : out;
}

} // namespace

TEST(Messages, TheHeaderListsEveryKeyOnce) {
    const auto names = key_names();
    ASSERT_EQ(names.size(), static_cast<std::size_t>(last_message) + 1);
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());
}

TEST(Messages, EveryKeyIsUsedInTheSources) {
    // Every "Msg::Name" outside the catalogues themselves.
    std::set<std::string> used;
    const std::regex use(R"(Msg::([A-Za-z0-9]+))");
    for (const auto& root : {source_dir / "src", source_dir / "include"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            if (!entry.is_regular_file()) continue;
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            const auto file = entry.path().filename().string();
            if (file == "messages.hpp" || file == "messages_fr.cpp" || file == "messages_en.cpp") continue;
            const std::string text = slurp(entry.path());
            for (auto it = std::sregex_iterator(text.begin(), text.end(), use); it != std::sregex_iterator(); ++it)
                used.insert((*it)[1].str());
        }
    }
    std::vector<std::string> unused;
    for (const auto& name : key_names())
        if (!used.contains(name)) unused.push_back(name);
    std::string list;
    for (const auto& name : unused) list += " " + name;
    EXPECT_TRUE(unused.empty()) << "keys never used in src/ (remove them from the enum and both catalogues):" << list;
}

TEST(Messages, BothLanguagesFillTheSamePlaceholders) {
    const auto names = key_names();
    for (int k = 0; k <= static_cast<int>(last_message); ++k) {
        const auto key = static_cast<Msg>(k);
        const auto fr = placeholders(message(key, Lang::Fr));
        const auto en = placeholders(message(key, Lang::En));
        EXPECT_EQ(fr, en) << names.at(static_cast<std::size_t>(k)) << ": French " << describe(fr) << ", English "
                          << describe(en);
    }
}

TEST(Messages, PluralMessagesHaveAnOtherFormInBothLanguages) {
    const auto names = key_names();
    for (int k = 0; k <= static_cast<int>(last_message); ++k) {
        const auto key = static_cast<Msg>(k);
        for (const auto lang : {Lang::Fr, Lang::En}) {
            const auto text = message(key, lang);
            if (!text.starts_with("one {") && !text.starts_with("=1 {")) continue;
            // A plural message parsed as such yields a form shorter than the whole text.
            EXPECT_LT(plural_form(text, 7, lang).size(), text.size()) << names.at(static_cast<std::size_t>(k));
            EXPECT_NE(text.find("other {"), std::string_view::npos) << names.at(static_cast<std::size_t>(k));
        }
    }
}

TEST(Plural, FrenchPutsZeroInTheSingularEnglishInThePlural) {
    const std::string_view fr = "one {{0} organisation} other {{0} organisations}";
    EXPECT_EQ(plural_form(fr, 0, Lang::Fr), "{0} organisation");
    EXPECT_EQ(plural_form(fr, 1, Lang::Fr), "{0} organisation");
    EXPECT_EQ(plural_form(fr, 2, Lang::Fr), "{0} organisations");
    EXPECT_EQ(plural_form(fr, 1000000, Lang::Fr), "{0} organisations"); // CLDR "many": falls back to "other"
    const std::string_view en = "one {{0} organisation} other {{0} organisations}";
    EXPECT_EQ(plural_form(en, 0, Lang::En), "{0} organisations");
    EXPECT_EQ(plural_form(en, 1, Lang::En), "{0} organisation");
    EXPECT_EQ(plural_form(en, 2, Lang::En), "{0} organisations");
}

TEST(Plural, AnExactValueComesFirst) {
    const std::string_view text = "=1 {Une organisation} one {{0} organisation} other {{0} organisations}";
    EXPECT_EQ(plural_form(text, 1, Lang::Fr), "Une organisation");
    EXPECT_EQ(plural_form(text, 0, Lang::Fr), "{0} organisation");
    EXPECT_EQ(plural_form(text, 3, Lang::Fr), "{0} organisations");
}

TEST(Plural, TextNotWrittenAsFormsIsKeptWhole) {
    for (const std::string_view text : {"other types", "{0} and {1}", "one of them", "répondez : --same|--different"})
        EXPECT_EQ(plural_form(text, 2, Lang::Fr), text);
}

TEST(Plural, TheCatalogueMessagesInBothLanguages) {
    EXPECT_EQ(tr_plural(Lang::Fr, Msg::ReportHoles, 0, "0"),
              "0 paire de types se connaît nettement moins que le hasard ne le voudrait :");
    EXPECT_EQ(tr_plural(Lang::Fr, Msg::ReportHoles, 1, "1"),
              "Une paire de types se connaît nettement moins que le hasard ne le voudrait :");
    EXPECT_EQ(tr_plural(Lang::Fr, Msg::ReportHoles, 2, "2"),
              "2 paires de types se connaissent nettement moins que le hasard ne le voudrait :");
    EXPECT_EQ(tr_plural(Lang::En, Msg::ReportHoles, 0, "0"),
              "0 pairs of types know each other clearly less than chance would have it:");
    EXPECT_EQ(tr_plural(Lang::En, Msg::ReportHoles, 1, "1"),
              "One pair of types knows each other clearly less than chance would have it:");
    EXPECT_EQ(tr_plural(Lang::Fr, Msg::SpofSentence, 0, "« A »", ""), "Si « A » ne vient plus,  perd son seul lien avec les autres.");
    EXPECT_EQ(tr_plural(Lang::En, Msg::SpofSentence, 2, "'A'", "B and C"), "If 'A' stops coming, B and C lose their only tie to the others.");
}
