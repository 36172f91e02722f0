#include "maillage/metrics/change_chance.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "maillage/metrics/change.hpp"

#include "curveball_bits.hpp"

namespace maillage::metrics {

using model::Id;

namespace {

using K = MeasureKind;
using L = graph::TieLevel;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The declarations, in ChangeMeasure order. Why these lead: docs/metrics.md, "Measures that move".
const std::array<ChangeMeasureInfo, change_measure_count> measures{{
    {ChangeMeasure::ReconnaissanceShare, "reconnaissance_share", "Paires en reconnaissance", "Pairs in reconnaissance",
     "paires d'organisations qui ont travaillé ensemble (reconnaissance)",
     "organisation pairs that worked together (reconnaissance)", K::Share, L::Reconnaissance, true, false},
    {ChangeMeasure::PartnersInterconnaissance, "partners_interconnaissance", "Partenaires, interconnaissance",
     "Partners, interconnaissance", "partenaires distincts par organisation, en atelier ou en préparation (interconnaissance)",
     "distinct partners per organisation, in a workshop or a preparation session (interconnaissance)", K::Mean,
     L::Interconnaissance, true, false},
    {ChangeMeasure::PartnersReconnaissance, "partners_reconnaissance", "Partenaires, reconnaissance", "Partners, reconnaissance",
     "partenaires distincts par organisation, en trio ou au groupe de coopération (reconnaissance)",
     "distinct partners per organisation, in a trio or the cooperation group (reconnaissance)", K::Mean, L::Reconnaissance,
     true, false},
    {ChangeMeasure::TypePairsShare, "type_pairs_share", "Paires de types ensemble", "Type pairs together",
     "paires de types d'organisation qui ont travaillé ensemble", "pairs of organisation types that worked together",
     K::Share, L::Reconnaissance, true, false},
    {ChangeMeasure::NewCrossTypeTies, "new_cross_type_ties", "Nouveaux liens entre types", "New ties across types",
     "nouveaux liens de reconnaissance entre organisations de types différents",
     "new reconnaissance ties between organisations of different types", K::Count, L::Reconnaissance, true, true},
    {ChangeMeasure::InterconnaissanceDensity, "interconnaissance_density", "Densité, interconnaissance",
     "Density, interconnaissance", "densité d'interconnaissance", "interconnaissance density", K::Share, L::Interconnaissance,
     false, false},
    {ChangeMeasure::PartnersConnaissance, "partners_connaissance", "Partenaires, connaissance", "Partners, connaissance",
     "connaissance", "connaissance", K::Count, L::Connaissance, false, false},
}};

/// Distinct node pairs tied in one block (sharing a session), held as adjacency bits: row a's bit
/// b is set when a and b shared a session. People who name no organisation (node -1) take seats
/// and make no tie; two people of one organisation make no tie. Bits rather than a list of pairs:
/// a draw ORs each session's member bits into its members' rows (sessions × members × words,
/// where a list of pairs costs sessions × members²).
class Ties {
public:
    explicit Ties(std::int32_t n)
        : m_n(n), m_words((static_cast<std::size_t>(std::max(n, 0)) + 63) / 64),
          m_adj(static_cast<std::size_t>(std::max(n, 0)) * m_words, 0), m_session(m_words, 0) {}
    void collect(const Incidence& block) {
        begin(block);
        for (std::size_t r = 0; r < block.rows.size(); ++r)
            if (block.node[r] >= 0)
                for (auto s : block.rows[r]) m_members[static_cast<std::size_t>(s)].push_back(block.node[r]);
        finish(block);
    }
    /// The same from a reshuffle of `block` held as bit rows (its rows' sessions are its set bits).
    void collect(const Incidence& block, const detail::BitRows& state) {
        begin(block);
        for (std::size_t r = 0; r < state.rows; ++r) {
            const auto v = block.node[r];
            if (v < 0) continue;
            const std::uint64_t* row = state.row(r);
            for (std::size_t w = 0; w < state.words; ++w)
                for (std::uint64_t x = row[w]; x != 0; x &= x - 1)
                    m_members[w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))].push_back(v);
        }
        finish(block);
    }
    [[nodiscard]] bool has(std::int32_t a, std::int32_t b) const {
        const auto row = static_cast<std::size_t>(a) * m_words;
        return a != b && ((m_adj[row + static_cast<std::size_t>(b) / 64] >> (static_cast<unsigned>(b) % 64)) & 1U) != 0;
    }
    /// The number of tied pairs.
    [[nodiscard]] std::size_t count() const { return m_count; }
    /// f(a, b) for every tied pair, a < b.
    template <class F> void each_pair(F&& f) const {
        for (std::int32_t a = 0; a < m_n; ++a) {
            const std::uint64_t* row = m_adj.data() + static_cast<std::size_t>(a) * m_words;
            const auto first = static_cast<std::size_t>(a + 1);
            for (std::size_t w = first / 64; w < m_words; ++w) {
                std::uint64_t x = row[w];
                if (w == first / 64) x &= first % 64 == 0 ? ~std::uint64_t{0} : ~((std::uint64_t{1} << (first % 64)) - 1);
                for (; x != 0; x &= x - 1) f(a, static_cast<std::int32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))));
            }
        }
    }

private:
    void begin(const Incidence& block) {
        std::fill(m_adj.begin(), m_adj.end(), 0);
        m_count = 0;
        const auto sessions = static_cast<std::size_t>(block.session_count);
        if (m_members.size() < sessions) m_members.resize(sessions); // kept from draw to draw
        for (std::size_t s = 0; s < sessions; ++s) m_members[s].clear();
    }
    void finish(const Incidence& block) {
        const auto sessions = static_cast<std::size_t>(block.session_count);
        for (std::size_t s = 0; s < sessions; ++s) {
            const auto& m = m_members[s];
            if (m.size() < 2) continue;
            std::fill(m_session.begin(), m_session.end(), 0);
            for (auto v : m) m_session[static_cast<std::size_t>(v) / 64] |= std::uint64_t{1} << (static_cast<unsigned>(v) % 64);
            for (auto v : m) {
                std::uint64_t* row = m_adj.data() + static_cast<std::size_t>(v) * m_words;
                for (std::size_t w = 0; w < m_words; ++w) row[w] |= m_session[w];
            }
        }
        // no tie with oneself (a node's own bit came with its sessions)
        std::size_t bits = 0;
        for (std::int32_t v = 0; v < m_n; ++v) {
            std::uint64_t* row = m_adj.data() + static_cast<std::size_t>(v) * m_words;
            row[static_cast<std::size_t>(v) / 64] &= ~(std::uint64_t{1} << (static_cast<unsigned>(v) % 64));
            for (std::size_t w = 0; w < m_words; ++w) bits += static_cast<std::size_t>(__builtin_popcountll(row[w]));
        }
        m_count = bits / 2;
    }
    std::int32_t m_n;
    std::size_t m_words;
    std::vector<std::uint64_t> m_adj;     ///< n rows of m_words words
    std::vector<std::uint64_t> m_session; ///< one session's members
    std::size_t m_count = 0;
    std::vector<std::vector<std::int32_t>> m_members;
};

double pairs_of(double n) { return n * (n - 1) / 2; }

/// What the measures need of one edition besides its ties: its size and its types.
struct Frame {
    std::int32_t n = 0;
    const std::vector<std::int32_t>* type = nullptr;
    std::int32_t types = 0; ///< distinct known types present
};

Frame frame_of(const EditionIncidence& e) {
    Frame f;
    f.n = static_cast<std::int32_t>(e.nodes.size());
    f.type = &e.type;
    for (auto t : e.type) f.types = std::max(f.types, t + 1);
    return f;
}

/// The measures of one edition from its ties. `previous` (with `to_previous`: node of this
/// edition → node of the previous one, -1 when absent there) gives the transition measures.
std::array<double, change_measure_count> measures_of(const Frame& f, const Ties& inter, const Ties& recon,
                                                     const Ties* previous, const std::vector<std::int32_t>* to_previous,
                                                     std::vector<std::uint8_t>& type_seen) {
    std::array<double, change_measure_count> out{};
    const auto n = static_cast<double>(f.n);
    const auto m_inter = static_cast<double>(inter.count()), m_recon = static_cast<double>(recon.count());
    auto at = [](ChangeMeasure m) { return static_cast<std::size_t>(m); };
    out[at(ChangeMeasure::ReconnaissanceShare)] = f.n > 1 ? m_recon / pairs_of(n) : nan;
    out[at(ChangeMeasure::PartnersInterconnaissance)] = f.n > 0 ? 2 * m_inter / n : nan;
    out[at(ChangeMeasure::PartnersReconnaissance)] = f.n > 0 ? 2 * m_recon / n : nan;
    out[at(ChangeMeasure::InterconnaissanceDensity)] = f.n > 1 ? m_inter / pairs_of(n) : nan;
    out[at(ChangeMeasure::PartnersConnaissance)] = f.n > 0 ? n - 1 : nan;

    const auto& type = *f.type;
    const auto T = static_cast<std::size_t>(f.types);
    type_seen.assign(T * T, 0);
    double type_pairs = 0, new_cross = 0;
    recon.each_pair([&](std::int32_t a, std::int32_t b) {
        const auto ta = type[static_cast<std::size_t>(a)], tb = type[static_cast<std::size_t>(b)];
        if (ta < 0 || tb < 0 || ta == tb) return;
        auto& seen = type_seen[static_cast<std::size_t>(std::min(ta, tb)) * T + static_cast<std::size_t>(std::max(ta, tb))];
        if (seen == 0) {
            seen = 1;
            ++type_pairs;
        }
        if (previous) {
            const auto pa = (*to_previous)[static_cast<std::size_t>(a)], pb = (*to_previous)[static_cast<std::size_t>(b)];
            if (pa < 0 || pb < 0 || !previous->has(pa, pb)) ++new_cross;
        }
    });
    out[at(ChangeMeasure::TypePairsShare)] = f.types > 1 ? type_pairs / pairs_of(static_cast<double>(f.types)) : nan;
    out[at(ChangeMeasure::NewCrossTypeTies)] = previous ? new_cross : nan;
    return out;
}

/// node of `after` → node of `before` (-1: absent from `before`).
std::vector<std::int32_t> node_map(const EditionIncidence& before, const EditionIncidence& after) {
    std::vector<std::int32_t> out(after.nodes.size(), -1);
    for (std::size_t v = 0; v < after.nodes.size(); ++v) {
        const auto it = std::lower_bound(before.nodes.begin(), before.nodes.end(), after.nodes[v]);
        if (it != before.nodes.end() && *it == after.nodes[v]) out[v] = static_cast<std::int32_t>(it - before.nodes.begin());
    }
    return out;
}

/// The one block of `edition` in `in` (a window of that edition alone), its nodes renumbered
/// into `nodes`.
Incidence block_of(const model::Project& project, const MixingInput& in, model::Id edition, const std::vector<Id>& nodes) {
    const auto& ed = project.editions[static_cast<std::size_t>(edition)];
    graph::Window one;
    one.territory = ed.territory;
    one.year = ed.year;
    const auto editions = graph::select_editions(project, one);
    const auto at = static_cast<std::size_t>(std::find(editions.begin(), editions.end(), edition) - editions.begin());
    if (at >= in.blocks.size()) return {};
    Incidence block = in.blocks[at];
    for (auto& v : block.node) {
        if (v < 0) continue;
        const Id id = in.nodes[static_cast<std::size_t>(v)];
        const auto it = std::lower_bound(nodes.begin(), nodes.end(), id);
        v = it != nodes.end() && *it == id ? static_cast<std::int32_t>(it - nodes.begin()) : -1;
    }
    return block;
}

} // namespace

std::span<const ChangeMeasureInfo> change_measures() { return measures; }

const ChangeMeasureInfo& info(ChangeMeasure measure) { return measures[static_cast<std::size_t>(measure)]; }

std::string_view key(ChangeVerdict verdict) {
    switch (verdict) {
    case ChangeVerdict::Up: return "up";
    case ChangeVerdict::Down: return "down";
    case ChangeVerdict::WithinChance: return "within_chance";
    case ChangeVerdict::NotTestable: return "not_testable";
    }
    return "not_testable";
}

EditionIncidence edition_incidence(const model::Project& project, const graph::ProjectIndex& index, model::Id edition) {
    const auto& ed = project.editions[static_cast<std::size_t>(edition)];
    graph::Window one;
    one.territory = ed.territory;
    one.year = ed.year;
    const auto inter = mixing_input(project, index, graph::Scope::Organisations, graph::TieLevel::Interconnaissance, one);
    const auto recon = mixing_input(project, index, graph::Scope::Organisations, graph::TieLevel::Reconnaissance, one);
    EditionIncidence out;
    out.edition = edition;
    out.nodes = inter.nodes; // the one-mode network's: every organisation present, by id
    std::sort(out.nodes.begin(), out.nodes.end());
    std::map<std::string, std::int32_t> types; // numbered in name order: the same on every run
    for (Id o : out.nodes) {
        const auto& t = project.organisations[static_cast<std::size_t>(o)].type;
        if (!t.empty()) types.emplace(t, 0);
    }
    std::int32_t k = 0;
    for (auto& [name, number] : types) number = k++;
    for (Id o : out.nodes) {
        const auto& t = project.organisations[static_cast<std::size_t>(o)].type;
        out.type.push_back(t.empty() ? -1 : types.at(t));
    }
    out.interconnaissance = block_of(project, inter, edition, out.nodes);
    out.reconnaissance = block_of(project, recon, edition, out.nodes);
    return out;
}

std::array<double, change_measure_count> edition_measures(const EditionIncidence& edition, const EditionIncidence* previous) {
    const auto f = frame_of(edition);
    Ties inter(f.n), recon(f.n);
    inter.collect(edition.interconnaissance);
    recon.collect(edition.reconnaissance);
    std::vector<std::uint8_t> type_seen;
    if (!previous) return measures_of(f, inter, recon, nullptr, nullptr, type_seen);
    Ties before(static_cast<std::int32_t>(previous->nodes.size()));
    before.collect(previous->reconnaissance);
    const auto map = node_map(*previous, edition);
    return measures_of(f, inter, recon, &before, &map, type_seen);
}

ChanceChange change_against_chance(const EditionIncidence& before, const EditionIncidence& after, const MixingOptions& options) {
    ChanceChange out;
    out.previous = before.edition;
    out.current = after.edition;
    out.reshuffles = std::max(options.reshuffles, 0);
    out.seed = options.seed;
    const auto fa = frame_of(before), fb = frame_of(after);
    const auto map = node_map(before, after);
    // blocks 0-1: the previous edition's, 2-3: this one's; each reshuffled on its own
    const Incidence* blocks[] = {&before.interconnaissance, &before.reconnaissance, &after.interconnaissance,
                                 &after.reconnaissance};

    // every measure of both editions from four blocks, and the differences
    struct Work {
        Ties a_inter, a_recon, b_inter, b_recon;
        std::vector<std::uint8_t> type_seen;
        std::vector<std::int32_t> pool; ///< the trades' scratch
        Work(std::int32_t na, std::int32_t nb) : a_inter(na), a_recon(na), b_inter(nb), b_recon(nb) {}
    };
    struct Both {
        std::array<double, change_measure_count> before, after;
    };
    auto both = [&](Work& w) {
        Both x;
        x.before = measures_of(fa, w.a_inter, w.a_recon, nullptr, nullptr, w.type_seen);
        x.after = measures_of(fb, w.b_inter, w.b_recon, &w.a_recon, &map, w.type_seen);
        return x;
    };
    auto difference = [](const Both& x, std::size_t m) {
        return measures[m].transition ? x.after[m] : x.after[m] - x.before[m];
    };

    Work observed_work(fa.n, fb.n);
    observed_work.a_inter.collect(*blocks[0]);
    observed_work.a_recon.collect(*blocks[1]);
    observed_work.b_inter.collect(*blocks[2]);
    observed_work.b_recon.collect(*blocks[3]);
    const auto observed = both(observed_work);

    // Draws come from `change_chains` chains, each starting from the observed incidence: draw r
    // is chain r mod C's next state, after options.trades_per_row trades per row for its first
    // draw (a draw of --what mixing) and change_thinning_per_row for each later one. Chains, not
    // threads, own the draws: the result depends on the seed only.
    std::vector<std::array<double, change_measure_count>> null(static_cast<std::size_t>(out.reshuffles));
    const std::int32_t chains = std::min(change_chains, out.reshuffles);
    // The chains' states as bit rows (detail::curveball_bits: the trades of metrics::curveball,
    // the same draws, on words instead of sorted vectors).
    auto run_chain = [&](std::int32_t chain, Work& w) {
        detail::BitRows state[4];
        for (std::size_t b = 0; b < 4; ++b) state[b] = detail::BitRows(*blocks[b]);
        for (std::int32_t r = chain; r < out.reshuffles; r += chains) {
            for (std::size_t b = 0; b < 4; ++b) {
                const auto rows = static_cast<std::int64_t>(state[b].rows);
                const std::int64_t trades = r == chain ? static_cast<std::int64_t>(options.trades_per_row) * rows
                                                       : static_cast<std::int64_t>(change_thinning_per_row) * rows;
                detail::curveball_bits(state[b].bits.data(), state[b].rows, state[b].words, trades,
                                       reshuffle_seed(options.seed, r, b), w.pool);
            }
            w.a_inter.collect(*blocks[0], state[0]);
            w.a_recon.collect(*blocks[1], state[1]);
            w.b_inter.collect(*blocks[2], state[2]);
            w.b_recon.collect(*blocks[3], state[3]);
            const auto x = both(w);
            auto& row = null[static_cast<std::size_t>(r)];
            for (std::size_t m = 0; m < change_measure_count; ++m) row[m] = difference(x, m);
        }
    };
    auto worker = [&](std::int32_t first, std::int32_t step) {
        Work w(fa.n, fb.n);
        for (std::int32_t c = first; c < chains; c += step) run_chain(c, w);
    };
    std::int32_t threads = options.threads > 0 ? options.threads
                                               : static_cast<std::int32_t>(std::min(2U, std::max(1U, std::thread::hardware_concurrency())));
    threads = std::max(1, std::min(threads, chains));
    if (threads <= 1) {
        worker(0, 1);
    } else {
        std::vector<std::thread> pool;
        for (std::int32_t t = 0; t < threads; ++t) pool.emplace_back(worker, t, threads);
        for (auto& t : pool) t.join();
    }

    std::vector<double> values;
    for (std::size_t m = 0; m < change_measure_count; ++m) {
        MeasureChange c;
        c.measure = measures[m].measure;
        c.before = measures[m].transition ? nan : observed.before[m];
        c.after = observed.after[m];
        c.difference = difference(observed, m);
        c.low = c.high = nan;
        c.verdict = ChangeVerdict::NotTestable;
        values.clear();
        for (const auto& row : null)
            if (!std::isnan(row[m])) values.push_back(row[m]);
        // connaissance within an edition: everyone present meets everyone, whatever the draw
        const bool movable = measures[m].level != graph::TieLevel::Connaissance;
        if (movable && !std::isnan(c.difference) && !values.empty()) {
            std::sort(values.begin(), values.end());
            if (values.front() != values.back()) {
                // the central 95 % as --what mixing takes it (NullTest::low, high): ranks
                // ⌊0.025 (R−1)⌋ and ⌈0.975 (R−1)⌉, the 25th smallest and largest of 1000
                const auto last = static_cast<double>(values.size() - 1);
                c.low = values[static_cast<std::size_t>(std::floor(0.025 * last))];
                c.high = values[static_cast<std::size_t>(std::ceil(0.975 * last))];
                // a difference equal to a bound (counts, or shares of the same pairs) is inside it
                const double eps = 1e-12 * std::max(1.0, std::abs(c.difference));
                c.verdict = c.difference > c.high + eps  ? ChangeVerdict::Up
                            : c.difference < c.low - eps ? ChangeVerdict::Down
                                                         : ChangeVerdict::WithinChance;
            }
        }
        out.measures.push_back(c);
    }
    return out;
}

std::vector<ChanceChange> changes_against_chance(const model::Project& project, const graph::Window& window,
                                                 const MixingOptions& options, bool latest_only) {
    const auto editions = territory_editions(project, window);
    std::vector<std::pair<Id, Id>> transitions;
    for (std::size_t i = 1; i < editions.size(); ++i) {
        const auto& prev = project.editions[static_cast<std::size_t>(editions[i - 1])];
        const auto& ed = project.editions[static_cast<std::size_t>(editions[i])];
        if (prev.territory != ed.territory) continue;
        const bool wanted = !window.year || (window.cumulative ? ed.year <= *window.year : ed.year == *window.year);
        if (!wanted) continue;
        if (latest_only && !transitions.empty() &&
            project.editions[static_cast<std::size_t>(transitions.back().second)].territory == ed.territory)
            transitions.back() = {editions[i - 1], editions[i]};
        else transitions.emplace_back(editions[i - 1], editions[i]);
    }
    const graph::ProjectIndex index(project);
    std::vector<ChanceChange> out;
    std::optional<EditionIncidence> before, after;
    for (const auto& [p, c] : transitions) {
        // consecutive transitions share an edition: its attendance is read once
        if (after && after->edition == p) before = std::move(after);
        else before = edition_incidence(project, index, p);
        after = edition_incidence(project, index, c);
        auto change = change_against_chance(*before, *after, options);
        change.territory = project.editions[static_cast<std::size_t>(c)].territory;
        out.push_back(std::move(change));
    }
    return out;
}

} // namespace maillage::metrics
