#include "maillage/ingest/check.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "maillage/core/tabular.hpp"
#include "maillage/core/text.hpp"

namespace maillage::ingest {
namespace {

using Words = std::vector<std::string>;

Words split(std::string_view text) { return core::split_words(text); }

bool has_word_prefix(const std::string& key, const std::string& prefix) {
    return !prefix.empty() && key.compare(0, prefix.size(), prefix) == 0 &&
           (key.size() == prefix.size() || key[prefix.size()] == ' ');
}

// Per organisation or person: territory → (years, rows).
using Seen = std::map<model::Id, std::pair<std::set<int>, std::int64_t>>;

std::vector<Sighting> sightings(const model::Project& project, const Seen& seen) {
    std::vector<Sighting> out;
    for (const auto& [territory, what] : seen)
        out.push_back({project.territories[static_cast<std::size_t>(territory)].name,
                       std::vector<int>(what.first.begin(), what.first.end()), what.second});
    std::sort(out.begin(), out.end(), [](const Sighting& a, const Sighting& b) {
        return core::fold(a.territory) < core::fold(b.territory);
    });
    return out;
}

// Seen per organisation (by_org) or per person, from the attendances.
std::vector<Seen> seen_by(const model::Project& project, bool by_org) {
    std::vector<Seen> out(by_org ? project.organisations.size() : project.people.size());
    for (const auto& a : project.attendances) {
        const model::Id who = by_org ? a.organisation : a.person;
        if (who == model::no_id) continue;
        const auto& edition = project.editions[static_cast<std::size_t>(
            project.sessions[static_cast<std::size_t>(a.session)].edition)];
        auto& slot = out[static_cast<std::size_t>(who)][edition.territory];
        slot.first.insert(edition.year);
        ++slot.second;
    }
    return out;
}

std::int64_t total_rows(const Seen& seen) {
    std::int64_t n = 0;
    for (const auto& [t, what] : seen) n += what.second;
    return n;
}

// One way an organisation is named, with renames and aliases applied.
struct Variant {
    std::string key;
    Words words;
    std::string spelling; // its most frequent spelling as written
    int rows = 0;
};

struct Candidate {
    std::vector<Variant> variants;
    std::size_t own = 0; // the variant whose key is the organisation's identity
    std::vector<model::Id> territories;
    std::int64_t rows = 0;
};

std::optional<model::Rename> rename_between(const model::AliasTable& aliases, const std::string& a,
                                            const std::string& b) {
    const std::string ka = model::normalise_org_name(a);
    const std::string kb = model::normalise_org_name(b);
    for (const auto& r : aliases.renames()) {
        const std::string old_key = model::normalise_org_name(r.old_name);
        const std::string new_key = model::normalise_org_name(r.new_name);
        if ((has_word_prefix(ka, old_key) && has_word_prefix(kb, new_key)) ||
            (has_word_prefix(kb, old_key) && has_word_prefix(ka, new_key)))
            return r;
    }
    return std::nullopt;
}

std::string alias_line(const std::string& name, const std::string& alias) {
    std::string line = core::csv_record({name, alias, ""});
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    return line;
}

std::set<std::string> numbers(const Words& words) {
    std::set<std::string> out;
    for (const auto& w : words)
        if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) out.insert(w);
    return out;
}

// Both names carry numbers, and not the same: "Femmes Solidaires 04" / "05", "Antenne (2)" /
// "Antenne (3)" are numbered siblings, however long the rest of their names.
bool numbers_differ(const Words& a, const Words& b) {
    const auto na = numbers(a);
    const auto nb = numbers(b);
    return !na.empty() && !nb.empty() && na != nb;
}

// Three letters are enough for a typo past the first letters to keep two names in one block,
// few enough that "mission" and "mision" meet ("mis").
std::string block_key(const std::string& word) { return word.substr(0, std::min<std::size_t>(3, word.size())); }

// Optimal string alignment distance (Levenshtein with adjacent transpositions), stopped
// early past `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    std::vector<int> prev2(static_cast<std::size_t>(m + 1)), prev(static_cast<std::size_t>(m + 1)),
        cur(static_cast<std::size_t>(m + 1));
    for (int j = 0; j <= m; ++j) prev[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= m; ++j) {
            const auto ju = static_cast<std::size_t>(j);
            const int cost = a[static_cast<std::size_t>(i - 1)] == b[ju - 1] ? 0 : 1;
            int v = std::min({prev[ju] + 1, cur[ju - 1] + 1, prev[ju - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[ju - 2] &&
                a[static_cast<std::size_t>(i - 2)] == b[ju - 1])
                v = std::min(v, prev2[ju - 2] + 1);
            cur[ju] = v;
            row_min = std::min(row_min, v);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[static_cast<std::size_t>(m)];
}

// A person's name folded, its words sorted: "MARTIN Hélène" and "Helene Martin" meet.
std::string person_key(std::string_view name) {
    Words words = split(core::fold(name));
    std::sort(words.begin(), words.end());
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

} // namespace

std::string format_years(const std::vector<int>& years) {
    std::string out;
    for (std::size_t i = 0; i < years.size();) {
        std::size_t j = i;
        while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += std::to_string(years[i]);
        if (j > i) out += "–" + std::to_string(years[j]);
        i = j + 1;
    }
    return out;
}

std::vector<SimilarOrganisations> find_similar_organisations(const model::Project& project,
                                                             const std::vector<ProjectBuilder::Spelling>& spellings,
                                                             const model::AliasTable& aliases,
                                                             const CheckOptions& options) {
    const auto seen = seen_by(project, true);
    const std::size_t n = project.organisations.size();
    std::vector<Candidate> candidates(n);

    // Each organisation's names, grouped by the key ingest gives them.
    std::vector<std::map<std::string, std::map<std::string, int>>> keyed(n); // key → spelling → rows
    for (const auto& s : spellings)
        if (s.organisation >= 0 && static_cast<std::size_t>(s.organisation) < n)
            keyed[static_cast<std::size_t>(s.organisation)][aliases.key(s.text)][s.text] += s.rows;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& o = project.organisations[i];
        auto& c = candidates[i];
        c.rows = total_rows(seen[i]);
        for (const auto& [t, what] : seen[i]) c.territories.push_back(t);
        if (keyed[i].empty()) { // a project read from a store: its key and the name shown
            const std::string key = o.key.rfind("siret:", 0) == 0 ? model::normalise_org_name(o.name) : o.key;
            if (!key.empty()) keyed[i][key][o.name] = static_cast<int>(c.rows);
        }
        for (const auto& [key, texts] : keyed[i]) {
            Variant v;
            v.key = key;
            v.words = split(key);
            for (const auto& [text, rows] : texts) {
                v.rows += rows;
                if (v.spelling.empty() || rows > texts.at(v.spelling)) v.spelling = text;
            }
            if (key == o.key) c.own = c.variants.size();
            c.variants.push_back(std::move(v));
        }
        if (!c.variants.empty() && c.variants[c.own].key != o.key) {
            // no spelling carries the identity's key (a SIRET identity): the most frequent one
            for (std::size_t k = 0; k < c.variants.size(); ++k)
                if (c.variants[k].rows > c.variants[c.own].rows) c.own = k;
        }
    }

    // Blocks: (territory, key) for every organisation, and (no territory, key) for regional
    // ones, whose pairs are then formed with every organisation holding the key.
    auto regional = [&](std::size_t i) { return candidates[i].territories.size() != 1; };
    std::map<std::pair<model::Id, std::string>, std::vector<std::size_t>> blocks;
    for (std::size_t i = 0; i < n; ++i) {
        std::set<std::string> keys;
        for (const auto& v : candidates[i].variants)
            for (const auto& w : v.words) keys.insert(block_key(w));
        for (const auto& k : keys) {
            for (const auto t : candidates[i].territories) blocks[{t, k}].push_back(i);
            blocks[{model::no_id, k}].push_back(i);
        }
    }
    std::unordered_set<std::uint64_t> compared;
    std::vector<SimilarOrganisations> out;
    auto compare = [&](std::size_t i, std::size_t j) {
        if (i == j) return;
        if (i > j) std::swap(i, j);
        if (!compared.insert(static_cast<std::uint64_t>(i) << 32 | j).second) return;
        const auto& a = candidates[i];
        const auto& b = candidates[j];
        double best = 0.0;
        const Variant* va = nullptr;
        const Variant* vb = nullptr;
        for (const auto& x : a.variants)
            for (const auto& y : b.variants)
                if (double s = numbers_differ(x.words, y.words) ? 0.0 : model::words_similarity(x.words, y.words);
                    s > best) {
                    best = s;
                    va = &x;
                    vb = &y;
                }
        if (best < options.threshold || !va) return;
        // The fuller name is kept (a truncation is the usual slip), then the one seen most.
        const auto& oa = a.variants[a.own];
        const auto& ob = b.variants[b.own];
        const bool a_kept = oa.words.size() != ob.words.size() ? oa.words.size() > ob.words.size()
                            : a.rows != b.rows                 ? a.rows > b.rows
                                                               : oa.spelling.size() >= ob.spelling.size();
        SimilarOrganisations p;
        const std::size_t kept = a_kept ? i : j, other = a_kept ? j : i;
        p.kept = static_cast<model::Id>(kept);
        p.other = static_cast<model::Id>(other);
        p.kept_name = candidates[kept].variants[candidates[kept].own].spelling;
        p.other_name = candidates[other].variants[candidates[other].own].spelling;
        p.score = best;
        if (va->key == vb->key) p.shared_spelling = &a.variants[a.own] == va ? vb->spelling : va->spelling;
        p.rename = rename_between(aliases, p.kept_name, p.other_name);
        p.kept_seen = sightings(project, seen[kept]);
        p.other_seen = sightings(project, seen[other]);
        p.alias_line = alias_line(p.kept_name, p.other_name);
        out.push_back(std::move(p));
    };
    for (const auto& [where, members] : blocks) {
        if (members.size() > options.block_cap) continue;
        if (where.first != model::no_id) {
            for (std::size_t x = 0; x < members.size(); ++x)
                for (std::size_t y = x + 1; y < members.size(); ++y) compare(members[x], members[y]);
        } else {
            for (const auto r : members)
                if (regional(r))
                    for (const auto m : members) compare(r, m);
        }
    }
    std::sort(out.begin(), out.end(), [](const SimilarOrganisations& a, const SimilarOrganisations& b) {
        if (a.score != b.score) return a.score > b.score;
        return std::tie(a.kept_name, a.other_name) < std::tie(b.kept_name, b.other_name);
    });
    return out;
}

std::vector<SimilarPeople> find_similar_people(const model::Project& project, std::size_t max_namesakes) {
    const auto seen = seen_by(project, false);
    struct Named {
        std::vector<std::string> names;  // as written, in the order first met
        std::set<std::string> keys;      // folded, words sorted
        std::vector<std::string> emails;
        bool identified = false;         // holds a registration identifier
    };
    std::vector<Named> people(project.people.size());
    for (const auto& id : project.identities) {
        if (id.person < 0 || static_cast<std::size_t>(id.person) >= people.size()) continue;
        auto& p = people[static_cast<std::size_t>(id.person)];
        if (id.kind == "name") {
            p.names.push_back(id.value);
            if (auto k = person_key(id.value); !k.empty()) p.keys.insert(std::move(k));
        } else if (id.kind == "email") {
            p.emails.push_back(id.value);
        } else if (id.kind == "identifier") {
            p.identified = true;
        }
    }
    // Deletion neighbourhoods: two names one edit apart share a key (either name, or one of
    // them with one letter deleted); a name's own key and its deletions are all its keys.
    std::unordered_map<std::string, std::vector<std::pair<std::size_t, const std::string*>>> index;
    for (std::size_t i = 0; i < people.size(); ++i) {
        for (const auto& k : people[i].keys) {
            std::set<std::string> variants{k};
            for (std::size_t c = 0; c < k.size(); ++c) variants.insert(k.substr(0, c) + k.substr(c + 1));
            for (const auto& v : variants) index[v].push_back({i, &k});
        }
    }
    constexpr std::size_t min_length_for_typo = 8;
    std::map<std::pair<std::size_t, std::size_t>, std::pair<int, std::pair<const std::string*, const std::string*>>> best;
    for (const auto& [key, holders] : index) {
        // A name (or near-name) held by that many people is a common name, not a slip.
        if (holders.size() > max_namesakes) continue;
        for (std::size_t x = 0; x < holders.size(); ++x) {
            for (std::size_t y = x + 1; y < holders.size(); ++y) {
                auto [i, ki] = holders[x];
                auto [j, kj] = holders[y];
                // two registration identifiers: the registration tool tells them apart
                if (i == j || (people[i].identified && people[j].identified)) continue;
                if (i > j) {
                    std::swap(i, j);
                    std::swap(ki, kj);
                }
                const int d = *ki == *kj ? 0 : edit_distance(*ki, *kj, 1);
                if (d > 1) continue;
                if (d == 1 && std::max(ki->size(), kj->size()) < min_length_for_typo) continue;
                auto it = best.find({i, j});
                if (it == best.end() || d < it->second.first) best[{i, j}] = {d, {ki, kj}};
            }
        }
    }
    // The name to show: the first spelling met whose key is the one that matched.
    auto shown = [&](std::size_t person, const std::string& key) {
        for (const auto& name : people[person].names)
            if (person_key(name) == key) return name;
        return people[person].names.empty() ? std::string() : people[person].names.front();
    };
    std::vector<SimilarPeople> out;
    for (const auto& [pair, found] : best) {
        const auto [i, j] = pair;
        const auto& [d, keys] = found;
        SimilarPeople p;
        p.first = static_cast<model::Id>(i);
        p.second = static_cast<model::Id>(j);
        p.first_name = shown(i, *keys.first);
        p.second_name = shown(j, *keys.second);
        // the one seen on more rows first
        if (total_rows(seen[j]) > total_rows(seen[i])) {
            std::swap(p.first, p.second);
            std::swap(p.first_name, p.second_name);
        }
        p.first_emails = people[static_cast<std::size_t>(p.first)].emails;
        p.second_emails = people[static_cast<std::size_t>(p.second)].emails;
        p.edits = d;
        p.score = 1.0 - static_cast<double>(d) / static_cast<double>(std::max(keys.first->size(), keys.second->size()));
        p.first_seen = sightings(project, seen[static_cast<std::size_t>(p.first)]);
        p.second_seen = sightings(project, seen[static_cast<std::size_t>(p.second)]);
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const SimilarPeople& a, const SimilarPeople& b) {
        if (a.score != b.score) return a.score > b.score;
        return std::tie(a.first_name, a.second_name) < std::tie(b.first_name, b.second_name);
    });
    return out;
}

std::vector<JoinedByName> find_joined_by_name(const model::Project& project) {
    const auto seen = seen_by(project, false);
    std::vector<JoinedByName> all(project.people.size());
    std::vector<bool> identified(project.people.size());
    for (const auto& id : project.identities) {
        if (id.person < 0 || static_cast<std::size_t>(id.person) >= all.size()) continue;
        auto& p = all[static_cast<std::size_t>(id.person)];
        if (id.kind == "name") p.names.push_back(id.value);
        else if (id.kind == "email") p.emails.push_back(id.value);
        if (id.record >= 0 && static_cast<std::size_t>(id.record) < project.records.size()) {
            const auto& pseudonym = project.records[static_cast<std::size_t>(id.record)].pseudonym;
            if (std::find(p.records.begin(), p.records.end(), pseudonym) == p.records.end()) p.records.push_back(pseudonym);
        }
        else if (id.kind == "identifier") identified[static_cast<std::size_t>(id.person)] = true;
    }
    std::vector<JoinedByName> out;
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto& p = all[i];
        if (identified[i] || p.emails.size() < 2 || p.names.empty()) continue;
        std::set<std::string> locals;
        for (const auto& e : p.emails) locals.insert(core::fold(e.substr(0, e.find('@'))));
        if (locals.size() < 2) continue;
        p.person = static_cast<model::Id>(i);
        p.seen = sightings(project, seen[i]);
        out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const JoinedByName& a, const JoinedByName& b) {
        return std::tie(a.names.front(), a.person) < std::tie(b.names.front(), b.person);
    });
    return out;
}

} // namespace maillage::ingest
