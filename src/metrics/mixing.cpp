#include "maillage/metrics/mixing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace maillage::metrics {

using model::Id;

MixingInput mixing_input(const model::Project& project, graph::Scope scope, graph::TieLevel level, const graph::Window& window) {
    return mixing_input(project, graph::ProjectIndex(project), scope, level, window);
}

MixingInput mixing_input(const model::Project& project, const graph::ProjectIndex& index, graph::Scope scope,
                         graph::TieLevel level, const graph::Window& window) {
    if (scope == graph::Scope::TwoMode) throw std::invalid_argument("mixing_input: people or organisations only");
    MixingInput in;
    // The node set is the one-mode network's: everyone present in the window, plenary only included.
    const auto net = graph::build_network(project, index, scope, level, window);
    in.nodes = net.nodes;
    in.organisation = net.organisation;
    in.territory = net.territory;
    std::unordered_map<Id, std::int32_t> node_of;
    for (std::size_t v = 0; v < in.nodes.size(); ++v) node_of.emplace(in.nodes[v], static_cast<std::int32_t>(v));

    for (Id e : net.editions) {
        const auto& ed = project.editions[static_cast<std::size_t>(e)];
        graph::Window one;
        one.territory = ed.territory;
        one.year = ed.year;
        const auto two = graph::build_two_mode(project, index, level, one);
        const auto people = static_cast<std::int32_t>(two.people.size());
        Incidence block;
        std::vector<std::int32_t> local_session(two.sessions.size(), -1);
        std::int32_t sessions = 0;
        for (std::size_t s = 0; s < two.sessions.size(); ++s)
            if (project.sessions[static_cast<std::size_t>(two.sessions[s])].edition == e) local_session[s] = sessions++;
        block.session_count = sessions;
        std::vector<std::vector<std::int32_t>> rows(two.people.size());
        for (const auto& edge : two.graph.edges) {
            const std::int32_t p = std::min(edge.source, edge.target), s = std::max(edge.source, edge.target) - people;
            const auto ls = local_session[static_cast<std::size_t>(s)];
            if (ls >= 0) rows[static_cast<std::size_t>(p)].push_back(ls);
        }
        for (std::size_t p = 0; p < rows.size(); ++p) {
            if (rows[p].empty()) continue;
            std::sort(rows[p].begin(), rows[p].end());
            const Id who = scope == graph::Scope::People ? two.people[p] : two.organisation[p];
            const auto it = who == model::no_id ? node_of.end() : node_of.find(who);
            block.node.push_back(it == node_of.end() ? -1 : it->second);
            block.rows.push_back(std::move(rows[p]));
        }
        in.blocks.push_back(std::move(block));
    }
    return in;
}

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
    std::uint64_t z = x + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// A uniform integer in [0, n) by rejection, the same on every platform
/// (std::uniform_int_distribution is implementation-defined).
std::uint64_t below(std::mt19937_64& rng, std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t r = rng();
    while (r >= limit) r = rng();
    return r % n;
}

/// Distinct node pairs tied by shared sessions, collected once each.
class TieSet {
public:
    explicit TieSet(std::int32_t n) : m_n(n) {
        if (dense()) m_bits.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), false);
    }
    void clear() {
        if (dense())
            for (const auto& [a, b] : m_pairs) m_bits[index(a, b)] = false;
        else m_hash.clear();
        m_pairs.clear();
    }
    void add(std::int32_t a, std::int32_t b) {
        if (a == b || a < 0 || b < 0) return;
        if (a > b) std::swap(a, b);
        if (dense()) {
            auto bit = m_bits[index(a, b)];
            if (bit) return;
            bit = true;
        } else if (!m_hash.insert((static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b)).second) {
            return;
        }
        m_pairs.emplace_back(a, b);
    }
    [[nodiscard]] const std::vector<std::pair<std::int32_t, std::int32_t>>& pairs() const { return m_pairs; }

private:
    static constexpr std::int32_t dense_limit = 4096; // 16 M bits = 2 MB per thread
    [[nodiscard]] bool dense() const { return m_n <= dense_limit; }
    [[nodiscard]] std::size_t index(std::int32_t a, std::int32_t b) const {
        return static_cast<std::size_t>(a) * static_cast<std::size_t>(m_n) + static_cast<std::size_t>(b);
    }
    std::int32_t m_n;
    std::vector<bool> m_bits;
    std::unordered_set<std::uint64_t> m_hash;
    std::vector<std::pair<std::int32_t, std::int32_t>> m_pairs;
};

void collect_ties(const std::vector<Incidence>& blocks, TieSet& ties) {
    ties.clear();
    std::vector<std::vector<std::int32_t>> members;
    for (const auto& b : blocks) {
        members.assign(static_cast<std::size_t>(b.session_count), {});
        for (std::size_t r = 0; r < b.rows.size(); ++r)
            if (b.node[r] >= 0)
                for (auto s : b.rows[r]) members[static_cast<std::size_t>(s)].push_back(b.node[r]);
        for (const auto& m : members)
            for (std::size_t i = 0; i < m.size(); ++i)
                for (std::size_t j = i + 1; j < m.size(); ++j) ties.add(m[i], m[j]);
    }
}

/// The statistics of one tie set, flattened: per grouping G*G tie counts, G E-I indices and the
/// overall E-I index.
std::vector<double> statistics(const TieSet& ties, const std::vector<Grouping>& groupings) {
    std::vector<double> out;
    for (const auto& g : groupings) {
        const auto G = static_cast<std::size_t>(g.group_count);
        std::vector<double> counts(G * G, 0);
        for (const auto& [a, b] : ties.pairs()) {
            const auto x = g.group[static_cast<std::size_t>(a)], y = g.group[static_cast<std::size_t>(b)];
            if (x < 0 || y < 0) continue;
            counts[static_cast<std::size_t>(x) * G + static_cast<std::size_t>(y)] += 1;
            if (x != y) counts[static_cast<std::size_t>(y) * G + static_cast<std::size_t>(x)] += 1;
        }
        out.insert(out.end(), counts.begin(), counts.end());
        double all_e = 0, all_i = 0;
        for (std::size_t x = 0; x < G; ++x) {
            double e = 0;
            for (std::size_t y = 0; y < G; ++y)
                if (y != x) e += counts[x * G + y];
            const double i = counts[x * G + x];
            out.push_back(e + i > 0 ? (e - i) / (e + i) : std::numeric_limits<double>::quiet_NaN());
            all_e += e;
            all_i += i;
        }
        all_e /= 2; // each tie between groups was counted from both ends
        out.push_back(all_e + all_i > 0 ? (all_e - all_i) / (all_e + all_i) : std::numeric_limits<double>::quiet_NaN());
    }
    return out;
}

NullTest summarise(double observed, const std::vector<std::vector<double>>& null, std::size_t k) {
    NullTest t;
    t.observed = observed;
    double sum = 0, sum2 = 0;
    std::int32_t n = 0, fewer = 0, more = 0;
    constexpr double eps = 1e-9;
    for (const auto& r : null) {
        const double x = r[k];
        if (std::isnan(x)) continue;
        ++n;
        sum += x;
        if (!std::isnan(observed)) {
            if (x <= observed + eps) ++fewer;
            if (x >= observed - eps) ++more;
        }
    }
    t.reshuffles = n;
    if (n == 0) {
        t.expected = t.sd = t.low = t.high = std::numeric_limits<double>::quiet_NaN();
        return t;
    }
    t.expected = sum / n;
    for (const auto& r : null)
        if (!std::isnan(r[k])) sum2 += (r[k] - t.expected) * (r[k] - t.expected);
    t.sd = n > 1 ? std::sqrt(sum2 / (n - 1)) : 0.0;
    std::vector<double> sorted;
    sorted.reserve(static_cast<std::size_t>(n));
    for (const auto& r : null)
        if (!std::isnan(r[k])) sorted.push_back(r[k]);
    std::sort(sorted.begin(), sorted.end());
    const auto last = static_cast<double>(n - 1);
    t.low = sorted[static_cast<std::size_t>(std::floor(0.025 * last))];
    t.high = sorted[static_cast<std::size_t>(std::ceil(0.975 * last))];
    if (std::isnan(observed)) {
        t.p_fewer = t.p_more = std::numeric_limits<double>::quiet_NaN();
        return t;
    }
    t.p_fewer = (fewer + 1.0) / (n + 1.0);
    t.p_more = (more + 1.0) / (n + 1.0);
    return t;
}

} // namespace

void curveball(Incidence& block, std::int64_t trades, std::uint64_t rng_seed) {
    std::mt19937_64 rng(rng_seed);
    const auto rows = block.rows.size();
    if (rows < 2) return;
    std::vector<std::int32_t> only_a, only_b, both;
    for (std::int64_t t = 0; t < trades; ++t) {
        const auto a = static_cast<std::size_t>(below(rng, rows));
        auto b = static_cast<std::size_t>(below(rng, rows - 1));
        if (b >= a) ++b;
        auto& ra = block.rows[a];
        auto& rb = block.rows[b];
        only_a.clear();
        only_b.clear();
        both.clear();
        std::set_difference(ra.begin(), ra.end(), rb.begin(), rb.end(), std::back_inserter(only_a));
        if (only_a.empty()) continue;
        std::set_difference(rb.begin(), rb.end(), ra.begin(), ra.end(), std::back_inserter(only_b));
        if (only_b.empty()) continue;
        std::set_intersection(ra.begin(), ra.end(), rb.begin(), rb.end(), std::back_inserter(both));
        const auto keep_a = only_a.size();
        only_a.insert(only_a.end(), only_b.begin(), only_b.end());
        for (std::size_t i = only_a.size() - 1; i > 0; --i) std::swap(only_a[i], only_a[below(rng, i + 1)]);
        ra = both;
        ra.insert(ra.end(), only_a.begin(), only_a.begin() + static_cast<std::ptrdiff_t>(keep_a));
        rb = both;
        rb.insert(rb.end(), only_a.begin() + static_cast<std::ptrdiff_t>(keep_a), only_a.end());
        std::sort(ra.begin(), ra.end());
        std::sort(rb.begin(), rb.end());
    }
}

std::uint64_t reshuffle_seed(std::uint64_t seed, std::int64_t reshuffle, std::uint64_t block) {
    return splitmix64(seed + static_cast<std::uint64_t>(reshuffle) * 0x100000001ULL + block);
}

MixingResult mixing(const MixingInput& input, const std::vector<Grouping>& groupings, const MixingOptions& options) {
    const auto n = static_cast<std::int32_t>(input.nodes.size());
    for (const auto& g : groupings)
        if (g.group.size() != input.nodes.size())
            throw std::invalid_argument("mixing: a grouping must give a group to every node");
    MixingResult result;
    result.reshuffles = std::max(options.reshuffles, 0);
    result.seed = options.seed;
    std::vector<std::int64_t> trades;
    for (const auto& b : input.blocks) {
        trades.push_back(static_cast<std::int64_t>(options.trades_per_row) * static_cast<std::int64_t>(b.rows.size()));
        result.trades += trades.back();
    }

    TieSet observed_ties(n);
    collect_ties(input.blocks, observed_ties);
    result.ties = static_cast<std::int64_t>(observed_ties.pairs().size());
    const auto observed = statistics(observed_ties, groupings);

    std::vector<std::vector<double>> null(static_cast<std::size_t>(result.reshuffles));
    auto worker = [&](std::int32_t first, std::int32_t step) {
        TieSet ties(n);
        std::vector<Incidence> blocks;
        for (std::int32_t r = first; r < result.reshuffles; r += step) {
            blocks = input.blocks;
            for (std::size_t b = 0; b < blocks.size(); ++b)
                curveball(blocks[b], trades[b], reshuffle_seed(options.seed, r, b));
            collect_ties(blocks, ties);
            null[static_cast<std::size_t>(r)] = statistics(ties, groupings);
        }
    };
    std::int32_t threads = options.threads > 0 ? options.threads
                                               : static_cast<std::int32_t>(std::min(2U, std::max(1U, std::thread::hardware_concurrency())));
    threads = std::max(1, std::min(threads, result.reshuffles));
    if (threads <= 1) {
        worker(0, 1);
    } else {
        std::vector<std::thread> pool;
        for (std::int32_t t = 0; t < threads; ++t) pool.emplace_back(worker, t, threads);
        for (auto& t : pool) t.join();
    }

    std::size_t k = 0;
    for (const auto& g : groupings) {
        GroupMixing m;
        m.group_count = g.group_count;
        const auto G = static_cast<std::size_t>(g.group_count);
        m.group_size.assign(G, 0);
        for (auto x : g.group)
            if (x >= 0) ++m.group_size[static_cast<std::size_t>(x)];
        for (std::size_t x = 0; x < G; ++x)
            for (std::size_t y = 0; y < G; ++y) {
                const auto nx = static_cast<double>(m.group_size[x]), ny = static_cast<double>(m.group_size[y]);
                m.possible.push_back(x == y ? nx * (nx - 1) / 2 : nx * ny);
                m.ties.push_back(summarise(observed[k], null, k));
                ++k;
            }
        for (std::size_t x = 0; x < G; ++x, ++k) m.ei.push_back(summarise(observed[k], null, k));
        m.ei_overall = summarise(observed[k], null, k);
        ++k;
        result.groupings.push_back(std::move(m));
    }
    return result;
}

double density_gap(double observed_density, double expected_density) {
    auto angle = [](double d) { return 2 * std::asin(std::sqrt(std::clamp(d, 0.0, 1.0))); };
    return angle(observed_density) - angle(expected_density);
}

std::vector<PairDeparture> pair_departures(const GroupMixing& m, const Materiality& rule) {
    std::vector<PairDeparture> out;
    const auto G = static_cast<std::size_t>(m.group_count);
    constexpr double eps = 1e-9;
    for (std::size_t x = 0; x < G; ++x)
        for (std::size_t y = x; y < G; ++y) {
            const double possible = m.possible[x * G + y];
            const auto& t = m.ties[x * G + y];
            if (possible <= 0 || t.reshuffles == 0 || std::isnan(t.expected)) continue;
            PairDeparture d;
            d.x = x;
            d.y = y;
            d.observed = t.observed;
            d.expected = t.expected;
            d.possible = possible;
            d.gap = density_gap(t.observed / possible, t.expected / possible);
            d.fewer = t.observed < t.expected;
            d.p = d.fewer ? t.p_fewer : t.p_more;
            if (t.sd == 0 && std::abs(t.observed - t.expected) < eps) d.status = PairStatus::Fixed;
            else if (d.p <= rule.level && std::abs(d.gap) >= rule.gap && std::abs(t.observed - std::round(t.expected)) >= rule.ties - eps)
                d.status = PairStatus::Notable;
            out.push_back(d);
        }
    std::stable_sort(out.begin(), out.end(), [](const PairDeparture& a, const PairDeparture& b) {
        const bool na = a.status == PairStatus::Notable, nb = b.status == PairStatus::Notable;
        if (na != nb) return na;
        if (!na) return false; // the others keep group order
        return std::tuple(-std::abs(a.gap), a.p, a.x, a.y) < std::tuple(-std::abs(b.gap), b.p, b.x, b.y);
    });
    return out;
}

std::vector<GroupHole> group_holes(const GroupMixing& m, const Materiality& rule) {
    std::vector<GroupHole> holes;
    const auto G = static_cast<std::size_t>(m.group_count);
    for (const auto& d : pair_departures(m, rule)) // already by gap, widest first
        if (d.status == PairStatus::Notable && d.fewer && d.x != d.y) holes.push_back({d.x, d.y, m.ties[d.x * G + d.y].p_fewer, d.gap});
    return holes;
}

} // namespace maillage::metrics
