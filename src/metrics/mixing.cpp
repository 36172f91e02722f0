#include "maillage/metrics/mixing.hpp"

#include "curveball_bits.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <string_view>
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
        in.editions.push_back(e);
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

/// std::mt19937_64 (Matsumoto & Nishimura's MT19937-64, the C++ standard's parameters), the same
/// numbers from the same seed, with its state regenerated 4 words at a time (GCC vector
/// extensions; AVX2 where the processor has it): the reshuffles draw tens of millions of numbers,
/// and libstdc++'s one-word-at-a-time regeneration was a third of their time.
class Mt64 {
public:
    explicit Mt64(std::uint64_t seed) {
        m_x[0] = seed;
        for (std::size_t k = 1; k < n; ++k) m_x[k] = 6364136223846793005ULL * (m_x[k - 1] ^ (m_x[k - 1] >> 62)) + k;
    }
    std::uint64_t operator()() {
        if (m_next >= n) {
            regenerate(m_x);
            m_next = 0;
        }
        std::uint64_t z = m_x[m_next++];
        z ^= (z >> 29) & 0x5555555555555555ULL;
        z ^= (z << 17) & 0x71d67fffeda60000ULL;
        z ^= (z << 37) & 0xfff7eee000000000ULL;
        return z ^ (z >> 43);
    }

private:
    static constexpr std::size_t n = 312, m = 156;
    static constexpr std::uint64_t matrix = 0xb5026f5aa96619e9ULL, upper = 0xffffffff80000000ULL, lower = 0x7fffffffULL;
    using Lanes = std::uint64_t __attribute__((vector_size(32)));

    /// The twist: x[k] = x[k + m mod n] ^ (y >> 1) ^ (y odd ? matrix : 0), y = upper bits of x[k]
    /// and lower bits of x[k + 1]. x[k + 1] and x[k + m] are read before they are rewritten (in
    /// the first 156 words) or after (in the rest, as one word at a time does).
    __attribute__((target_clones("avx2", "default"))) static void regenerate(std::uint64_t* x) {
        const Lanes up = {upper, upper, upper, upper}, low = {lower, lower, lower, lower};
        const Lanes a = {matrix, matrix, matrix, matrix}, one = {1, 1, 1, 1};
        auto step = [&](std::size_t k, std::size_t from) {
            Lanes xk, xk1, xf;
            std::memcpy(&xk, x + k, sizeof xk);
            std::memcpy(&xk1, x + k + 1, sizeof xk1);
            std::memcpy(&xf, x + from, sizeof xf);
            const Lanes y = (xk & up) | (xk1 & low);
            const Lanes r = xf ^ (y >> 1) ^ (-(y & one) & a);
            std::memcpy(x + k, &r, sizeof r);
        };
        std::size_t k = 0;
        for (; k < n - m; k += 4) step(k, k + m);
        for (; k + 4 < n; k += 4) step(k, k + m - n);
        for (; k + 1 < n; ++k) {
            const std::uint64_t y = (x[k] & upper) | (x[k + 1] & lower);
            x[k] = x[k + m - n] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0);
        }
        const std::uint64_t y = (x[n - 1] & upper) | (x[0] & lower);
        x[n - 1] = x[m - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0);
    }

    std::uint64_t m_x[n];
    std::size_t m_next = n;
};

/// A uniform integer in [0, n) by rejection, the same on every platform
/// (std::uniform_int_distribution is implementation-defined): r is drawn until it is below
/// UINT64_MAX - UINT64_MAX mod n, and r mod n returned. A Divisor holds n with what drawing below
/// it takes, found once: the rejection limit, and the remainder as a multiplication by an
/// invariant integer (Granlund & Montgomery 1994, in libdivide's unsigned 64-bit form) rather
/// than two hardware divisions per draw — the trades draw millions of times below the same few
/// numbers (a block's rows, its rows minus one, the sizes of small pools).
__extension__ using Wide = unsigned __int128; // GCC and Clang: a 64 × 64 → 128-bit product

class Divisor {
public:
    explicit Divisor(std::uint64_t n) : m_n(n), m_limit(UINT64_MAX - UINT64_MAX % n) {
        const auto log2 = static_cast<unsigned>(63 - __builtin_clzll(n));
        if ((n & (n - 1)) == 0) return; // a power of two: a mask
        const Wide numerator = static_cast<Wide>(std::uint64_t{1} << log2) << 64;
        auto m = static_cast<std::uint64_t>(numerator / n);
        const auto rem = static_cast<std::uint64_t>(numerator % n);
        if (n - rem < (std::uint64_t{1} << log2)) {
            m_shift = log2;
        } else {
            m += m;
            const std::uint64_t twice = rem + rem;
            if (twice >= n || twice < rem) ++m;
            m_shift = log2;
            m_add = true;
        }
        m_magic = m + 1;
    }
    /// x mod n, exactly.
    [[nodiscard]] std::uint64_t mod(std::uint64_t x) const {
        if (m_magic == 0) return x & (m_n - 1);
        const auto q = static_cast<std::uint64_t>((static_cast<Wide>(x) * m_magic) >> 64);
        const std::uint64_t quotient = m_add ? (((x - q) >> 1) + q) >> m_shift : q >> m_shift;
        return x - quotient * m_n;
    }
    /// A draw below n.
    [[nodiscard]] std::uint64_t draw(Mt64& rng) const {
        std::uint64_t r = rng();
        while (r >= m_limit) r = rng();
        return mod(r);
    }

private:
    std::uint64_t m_n, m_limit, m_magic = 0;
    unsigned m_shift = 0;
    bool m_add = false;
};

/// The divisors 1..count (index i holds i; 0 is unused), for the shuffles of the pools.
std::vector<Divisor> small_divisors(std::size_t count) {
    std::vector<Divisor> out;
    out.reserve(count + 1);
    out.emplace_back(1);
    for (std::size_t i = 1; i <= count; ++i) out.emplace_back(i);
    return out;
}

/// Distinct node pairs tied by shared sessions, collected once each: for networks of more
/// than Bits::dense_limit nodes (a hash of the pairs). Smaller ones use BitTies.
class TieSet {
public:
    void clear() {
        m_hash.clear();
        m_pairs.clear();
    }
    void add(std::int32_t a, std::int32_t b) {
        if (a == b || a < 0 || b < 0) return;
        if (a > b) std::swap(a, b);
        if (!m_hash.insert((static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b)).second) return;
        m_pairs.emplace_back(a, b);
    }
    [[nodiscard]] const std::vector<std::pair<std::int32_t, std::int32_t>>& pairs() const { return m_pairs; }

private:
    std::unordered_set<std::uint64_t> m_hash;
    std::vector<std::pair<std::int32_t, std::int32_t>> m_pairs;
};

using Pairs = std::vector<std::pair<std::int32_t, std::int32_t>>;

/// The incidence blocks as bit rows, what the reshuffles work on: row r of a block is `words`
/// 64-bit words, bit s set when the participant attended local session s. A trade is then a
/// few word operations instead of three set operations on sorted vectors and two sorts, and a
/// reshuffle starts from a copy of one flat array instead of a vector per participant.
struct BitBlocks {
    struct Block {
        std::size_t first = 0;   ///< its first word in `bits`
        std::size_t rows = 0;
        std::size_t words = 1;   ///< words per row
        std::int32_t session_count = 0;
        std::int64_t trades = 0;
        std::vector<std::int32_t> node;
    };
    std::vector<Block> blocks;
    std::vector<std::uint64_t> bits;

    BitBlocks(const std::vector<Incidence>& in, const std::vector<std::int64_t>& trades) {
        for (std::size_t b = 0; b < in.size(); ++b) {
            Block k;
            k.first = bits.size();
            k.rows = in[b].rows.size();
            k.words = std::max<std::size_t>(1, (static_cast<std::size_t>(in[b].session_count) + 63) / 64);
            k.session_count = in[b].session_count;
            k.trades = trades[b];
            k.node = in[b].node;
            bits.resize(bits.size() + k.rows * k.words, 0);
            for (std::size_t r = 0; r < k.rows; ++r)
                for (auto s : in[b].rows[r])
                    bits[k.first + r * k.words + static_cast<std::size_t>(s) / 64] |= std::uint64_t{1} << (static_cast<unsigned>(s) % 64);
            blocks.push_back(std::move(k));
        }
    }
};

} // namespace

namespace detail {

BitRows::BitRows(const Incidence& block)
    : rows(block.rows.size()), words(std::max<std::size_t>(1, (static_cast<std::size_t>(block.session_count) + 63) / 64)),
      bits(rows * words, 0) {
    for (std::size_t r = 0; r < rows; ++r)
        for (auto s : block.rows[r])
            bits[r * words + static_cast<std::size_t>(s) / 64] |= std::uint64_t{1} << (static_cast<unsigned>(s) % 64);
}

std::size_t push_bits(const std::uint64_t* m, const std::uint64_t* not_in, std::size_t words, std::vector<std::int32_t>& out) {
    const auto before = out.size();
    for (std::size_t w = 0; w < words; ++w)
        for (std::uint64_t x = m[w] & ~not_in[w]; x != 0; x &= x - 1)
            out.push_back(static_cast<std::int32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))));
    return out.size() - before;
}

/// The trades on bit rows draw the same numbers from the same generator as on sorted vectors,
/// in the same order — a trade pools the sessions only the first row has, ascending, then those
/// only the second has, ascending, shuffles the pool by Fisher–Yates and deals the first
/// |only first| back to the first row — so a reshuffle is the same matrix either way.
void curveball_bits(std::uint64_t* bits, std::size_t rows, std::size_t words, std::int64_t trades, std::uint64_t rng_seed,
                    std::vector<std::int32_t>& pool) {
    if (rows < 2) return;
    // a pool holds at most the sessions of two rows: words · 64
    static const std::vector<Divisor> pools = small_divisors(128);
    const std::vector<Divisor> own = words * 64 > 128 ? small_divisors(words * 64) : std::vector<Divisor>{};
    const auto& pool_divisor = own.empty() ? pools : own;
    const Divisor first(rows), second(rows - 1);
    Mt64 rng(rng_seed);
    if (words == 1) { // the usual case: an edition has at most 64 sessions
        std::uint8_t shuffled[64];
        for (std::int64_t t = 0; t < trades; ++t) {
            const auto a = first.draw(rng);
            auto b = second.draw(rng);
            b += b >= a ? 1 : 0;
            const std::uint64_t ra = bits[a], rb = bits[b];
            const std::uint64_t only_a = ra & ~rb, only_b = rb & ~ra;
            if (only_a == 0 || only_b == 0) continue;
            const std::uint64_t both = ra & rb;
            if ((only_a & (only_a - 1)) == 0 && (only_b & (only_b - 1)) == 0) {
                // one session each, the commonest trade (people at one workshop): a pool of
                // two, shuffled by one draw below 2 — a swap when it is 0
                if (pool_divisor[2].draw(rng) == 0) {
                    bits[a] = both | only_b;
                    bits[b] = both | only_a;
                }
                continue;
            }
            std::size_t size = 0;
            for (std::uint64_t x = only_a; x != 0; x &= x - 1) shuffled[size++] = static_cast<std::uint8_t>(__builtin_ctzll(x));
            const std::size_t keep_a = size;
            for (std::uint64_t x = only_b; x != 0; x &= x - 1) shuffled[size++] = static_cast<std::uint8_t>(__builtin_ctzll(x));
            for (std::size_t i = size - 1; i > 0; --i) std::swap(shuffled[i], shuffled[pool_divisor[i + 1].draw(rng)]);
            std::uint64_t na = both, nb = both;
            for (std::size_t i = 0; i < keep_a; ++i) na |= std::uint64_t{1} << shuffled[i];
            for (std::size_t i = keep_a; i < size; ++i) nb |= std::uint64_t{1} << shuffled[i];
            bits[a] = na;
            bits[b] = nb;
        }
        return;
    }
    for (std::int64_t t = 0; t < trades; ++t) {
        const auto a = static_cast<std::size_t>(first.draw(rng));
        auto b = static_cast<std::size_t>(second.draw(rng));
        if (b >= a) ++b;
        std::uint64_t* ra = bits + a * words;
        std::uint64_t* rb = bits + b * words;
        bool any_a = false, any_b = false;
        for (std::size_t w = 0; w < words; ++w) {
            any_a = any_a || (ra[w] & ~rb[w]) != 0;
            any_b = any_b || (rb[w] & ~ra[w]) != 0;
        }
        if (!any_a || !any_b) continue;
        pool.clear();
        const auto keep_a = push_bits(ra, rb, words, pool);
        push_bits(rb, ra, words, pool);
        for (std::size_t i = pool.size() - 1; i > 0; --i) std::swap(pool[i], pool[pool_divisor[i + 1].draw(rng)]);
        for (std::size_t w = 0; w < words; ++w) ra[w] = rb[w] = ra[w] & rb[w];
        for (std::size_t i = 0; i < pool.size(); ++i) {
            const auto s = static_cast<std::size_t>(pool[i]);
            (i < keep_a ? ra : rb)[s / 64] |= std::uint64_t{1} << (s % 64);
        }
    }
}

} // namespace detail

namespace {

using detail::curveball_bits;
using detail::push_bits;

/// The ties of bit blocks as node adjacency bits (networks of at most dense_limit nodes): per
/// session, the mask of the nodes present; each of them gets the mask. Costs per session its
/// distinct nodes times n / 64 words, where a set of pairs costs its pairs squared.
class BitTies {
public:
    static constexpr std::int32_t dense_limit = 4096; // 4096² bits = 2 MB per thread
    explicit BitTies(std::int32_t n)
        : m_n(static_cast<std::size_t>(n)), m_words((m_n + 63) / 64), m_adj(m_n * m_words, 0) {}

    /// The distinct node pairs (a < b, ascending) tied in `bits` laid out as `blocks`.
    void collect(const BitBlocks& layout, const std::uint64_t* bits, Pairs& out) {
        std::fill(m_adj.begin(), m_adj.end(), 0);
        for (const auto& k : layout.blocks) {
            m_members.assign(static_cast<std::size_t>(k.session_count) * m_words, 0);
            for (std::size_t r = 0; r < k.rows; ++r) {
                const auto v = k.node[r];
                if (v < 0) continue;
                const auto vw = static_cast<std::size_t>(v) / 64;
                const std::uint64_t vbit = std::uint64_t{1} << (static_cast<unsigned>(v) % 64);
                const std::uint64_t* row = bits + k.first + r * k.words;
                for (std::size_t w = 0; w < k.words; ++w)
                    for (std::uint64_t x = row[w]; x != 0; x &= x - 1)
                        m_members[(w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))) * m_words + vw] |= vbit;
            }
            for (std::size_t s = 0; s < static_cast<std::size_t>(k.session_count); ++s) {
                const std::uint64_t* m = m_members.data() + s * m_words;
                for (std::size_t w = 0; w < m_words; ++w)
                    for (std::uint64_t x = m[w]; x != 0; x &= x - 1) {
                        std::uint64_t* adj = m_adj.data() + (w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))) * m_words;
                        for (std::size_t u = 0; u < m_words; ++u) adj[u] |= m[u];
                    }
            }
        }
        out.clear();
        for (std::size_t a = 0; a < m_n; ++a) {
            const std::uint64_t* adj = m_adj.data() + a * m_words;
            const std::size_t aw = a / 64;
            for (std::size_t w = aw; w < m_words; ++w) {
                std::uint64_t x = adj[w];
                if (w == aw) x &= ~((std::uint64_t{2} << (a % 64)) - 1); // b > a only (a % 64 = 63: none in this word)
                for (; x != 0; x &= x - 1)
                    out.emplace_back(static_cast<std::int32_t>(a), static_cast<std::int32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))));
            }
        }
    }

private:
    std::size_t m_n, m_words;
    std::vector<std::uint64_t> m_adj;
    std::vector<std::uint64_t> m_members;
};

/// The ties of bit blocks through a set of pairs (networks too large for BitTies).
void collect_ties(const BitBlocks& layout, const std::uint64_t* bits, TieSet& ties) {
    ties.clear();
    std::vector<std::vector<std::int32_t>> members;
    for (const auto& k : layout.blocks) {
        members.assign(static_cast<std::size_t>(k.session_count), {});
        for (std::size_t r = 0; r < k.rows; ++r) {
            if (k.node[r] < 0) continue;
            const std::uint64_t* row = bits + k.first + r * k.words;
            for (std::size_t w = 0; w < k.words; ++w)
                for (std::uint64_t x = row[w]; x != 0; x &= x - 1)
                    members[w * 64 + static_cast<std::size_t>(__builtin_ctzll(x))].push_back(k.node[r]);
        }
        for (const auto& m : members)
            for (std::size_t i = 0; i < m.size(); ++i)
                for (std::size_t j = i + 1; j < m.size(); ++j) ties.add(m[i], m[j]);
    }
}

/// Appends the statistics of one grouping from its symmetric group × group tie counts: the
/// G*G counts, the G E-I indices and the overall E-I index.
void append_statistics(const std::vector<std::int64_t>& whole, std::size_t G, std::vector<double>& out) {
    std::vector<double> counts(whole.begin(), whole.end());
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

/// The statistics of one tie set, flattened: per grouping G*G tie counts, G E-I indices and the
/// overall E-I index. Counts are whole: the order of the pairs does not matter.
std::vector<double> statistics(const Pairs& pairs, const std::vector<Grouping>& groupings) {
    std::vector<double> out;
    for (const auto& g : groupings) {
        const auto G = static_cast<std::size_t>(g.group_count);
        std::vector<std::int64_t> whole(G * G, 0);
        for (const auto& [a, b] : pairs) {
            const auto x = g.group[static_cast<std::size_t>(a)], y = g.group[static_cast<std::size_t>(b)];
            if (x < 0 || y < 0) continue;
            ++whole[static_cast<std::size_t>(x) * G + static_cast<std::size_t>(y)];
            if (x != y) ++whole[static_cast<std::size_t>(y) * G + static_cast<std::size_t>(x)];
        }
        append_statistics(whole, G, out);
    }
    return out;
}

// ---- The reshuffles' results, kept ---------------------------------------------------------

/// The classes of the nodes: the coarsest partition finer than every grouping (a node's tuple of
/// groups), numbered in order of their first node; -1 for a node in no group of any grouping
/// (its ties count nowhere). Every statistic of every grouping is a sum over class pairs.
struct Classes {
    std::int32_t count = 0;
    std::vector<std::int32_t> of_node;
    std::vector<std::int32_t> first_node; ///< class → its first node
};

Classes node_classes(std::size_t n, const std::vector<Grouping>& groupings) {
    Classes c;
    c.of_node.assign(n, -1);
    std::map<std::vector<std::int32_t>, std::int32_t> index;
    std::vector<std::int32_t> tuple(groupings.size());
    for (std::size_t v = 0; v < n; ++v) {
        bool any = false;
        for (std::size_t k = 0; k < groupings.size(); ++k) {
            tuple[k] = groupings[k].group[v];
            any = any || tuple[k] >= 0;
        }
        if (!any) continue;
        const auto [it, added] = index.try_emplace(tuple, c.count);
        if (added) {
            ++c.count;
            c.first_node.push_back(static_cast<std::int32_t>(v));
        }
        c.of_node[v] = it->second;
    }
    return c;
}

/// What the reshuffles leave for the statistics: per reshuffle, the ties between each pair of
/// classes (x ≤ y), for the pairs tied in at least one reshuffle (`cells`, x · classes + y,
/// ascending); counts reshuffle by reshuffle.
struct NullDraws {
    std::int32_t classes = 0;
    std::int32_t reshuffles = 0;
    std::vector<std::uint32_t> cells;
    std::vector<std::uint32_t> counts; ///< reshuffles × cells
    [[nodiscard]] std::size_t bytes() const { return (cells.size() + counts.size()) * sizeof(std::uint32_t); }
};

/// 128 bits of two independent 64-bit chains over a stream of words (SplitMix64's finaliser
/// mixes each), as 32 hexadecimal digits: the key of a NullDraws. Not cryptographic: the
/// inputs are the store's own data, and a key names them all (a collision needs 2^64 of them).
class KeyHash {
public:
    void add(std::uint64_t w) {
        m_a = splitmix64(m_a ^ w);
        m_b = splitmix64(m_b + (w ^ 0x5851f42d4c957f2dULL) * 0x9e3779b97f4a7c15ULL);
        ++m_words;
    }
    [[nodiscard]] std::string hex() {
        add(m_words);
        return fmt_hex(m_a) + fmt_hex(m_b);
    }

private:
    static std::string fmt_hex(std::uint64_t x) {
        static constexpr char digits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 15; i >= 0; --i, x >>= 4) out[static_cast<std::size_t>(i)] = digits[x & 15];
        return out;
    }
    std::uint64_t m_a = 0x6a09e667f3bcc908ULL, m_b = 0xbb67ae8584caa73bULL, m_words = 0;
};

/// The key of the draws of `layout` reshuffled as `options` says, counted by `classes`:
/// everything they depend on, and the version of how they are drawn.
std::string draws_key(const BitBlocks& layout, std::size_t nodes, const Classes& classes, const MixingOptions& options,
                      std::int32_t reshuffles) {
    KeyHash h;
    for (char ch : std::string_view("maillage curveball bit rows 1")) h.add(static_cast<unsigned char>(ch));
    h.add(options.seed);
    h.add(static_cast<std::uint64_t>(reshuffles));
    h.add(static_cast<std::uint64_t>(options.trades_per_row));
    h.add(nodes);
    h.add(static_cast<std::uint64_t>(classes.count));
    for (auto c : classes.of_node) h.add(static_cast<std::uint64_t>(static_cast<std::int64_t>(c)));
    h.add(layout.blocks.size());
    for (const auto& k : layout.blocks) {
        h.add(static_cast<std::uint64_t>(k.session_count));
        h.add(k.rows);
        h.add(k.words);
        for (auto v : k.node) h.add(static_cast<std::uint64_t>(static_cast<std::int64_t>(v)));
        for (std::size_t w = 0; w < k.rows * k.words; ++w) h.add(layout.bits[k.first + w]);
    }
    return h.hex();
}

void put_varint(std::string& out, std::uint64_t x) {
    while (x >= 0x80) {
        out.push_back(static_cast<char>((x & 0x7f) | 0x80));
        x >>= 7;
    }
    out.push_back(static_cast<char>(x));
}

bool get_varint(const std::string& in, std::size_t& at, std::uint64_t& x) {
    x = 0;
    for (unsigned shift = 0; shift < 64 && at < in.size(); shift += 7) {
        const auto byte = static_cast<unsigned char>(in[at++]);
        x |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) return true;
    }
    return false;
}

constexpr std::string_view draws_magic = "maillage-draws-1\n";

/// The draws as a text of bytes: a magic line, then varints (classes, reshuffles, cells as
/// differences, counts reshuffle by reshuffle).
std::string serialise(const NullDraws& d) {
    std::string out(draws_magic);
    put_varint(out, static_cast<std::uint64_t>(d.classes));
    put_varint(out, static_cast<std::uint64_t>(d.reshuffles));
    put_varint(out, d.cells.size());
    std::uint32_t previous = 0;
    for (auto c : d.cells) {
        put_varint(out, c - previous);
        previous = c;
    }
    for (auto k : d.counts) put_varint(out, k);
    return out;
}

/// serialise's text read back, when it holds draws of `classes` classes and `reshuffles`
/// reshuffles; nullopt for anything else (damaged, another version).
std::optional<NullDraws> parse_draws(const std::string& text, std::int32_t classes, std::int32_t reshuffles) {
    if (text.compare(0, draws_magic.size(), draws_magic) != 0) return std::nullopt;
    std::size_t at = draws_magic.size();
    std::uint64_t c = 0, r = 0, cells = 0;
    if (!get_varint(text, at, c) || !get_varint(text, at, r) || !get_varint(text, at, cells)) return std::nullopt;
    const auto pairs = static_cast<std::uint64_t>(classes) * static_cast<std::uint64_t>(classes);
    if (c != static_cast<std::uint64_t>(classes) || r != static_cast<std::uint64_t>(reshuffles) || cells > pairs ||
        cells * r > text.size())
        return std::nullopt;
    NullDraws d;
    d.classes = classes;
    d.reshuffles = reshuffles;
    std::uint64_t cell = 0;
    for (std::uint64_t i = 0; i < cells; ++i) {
        std::uint64_t step = 0;
        if (!get_varint(text, at, step) || (i > 0 && step == 0)) return std::nullopt;
        cell += step;
        if (cell >= pairs) return std::nullopt;
        d.cells.push_back(static_cast<std::uint32_t>(cell));
    }
    d.counts.resize(static_cast<std::size_t>(cells * r));
    for (auto& k : d.counts) {
        std::uint64_t x = 0;
        if (!get_varint(text, at, x) || x > UINT32_MAX) return std::nullopt;
        k = static_cast<std::uint32_t>(x);
    }
    if (at != text.size()) return std::nullopt;
    return d;
}

/// The draws made in this process, the most recently used first, within a bound: a report asks
/// the same reshuffles for its invitations and its heat map, a server for every page open.
class DrawMemo {
public:
    std::shared_ptr<const NullDraws> find(const std::string& key) {
        const std::lock_guard lock(m_mutex);
        for (auto it = m_kept.begin(); it != m_kept.end(); ++it)
            if (it->first == key) {
                m_kept.splice(m_kept.begin(), m_kept, it);
                return it->second;
            }
        return nullptr;
    }
    void keep(const std::string& key, std::shared_ptr<const NullDraws> draws) {
        const std::lock_guard lock(m_mutex);
        m_bytes += draws->bytes();
        m_kept.emplace_front(key, std::move(draws));
        while (m_kept.size() > 1 && (m_kept.size() > max_entries || m_bytes > max_bytes)) {
            m_bytes -= m_kept.back().second->bytes();
            m_kept.pop_back();
        }
    }

private:
    static constexpr std::size_t max_entries = 64, max_bytes = std::size_t{256} << 20;
    std::mutex m_mutex;
    std::list<std::pair<std::string, std::shared_ptr<const NullDraws>>> m_kept;
    std::size_t m_bytes = 0;
};

DrawMemo& memo() {
    static DrawMemo m;
    return m;
}

/// Counts the tie `pairs` of one reshuffle by class pair into `cell_counts` (cell, count),
/// ascending by cell; `scratch` is a thread's own.
void count_by_class(const Pairs& pairs, const Classes& classes, std::vector<std::uint64_t>& scratch,
                    std::vector<std::pair<std::uint32_t, std::uint32_t>>& cell_counts) {
    const auto C = static_cast<std::uint64_t>(classes.count);
    scratch.clear();
    for (const auto& [a, b] : pairs) {
        const auto x = classes.of_node[static_cast<std::size_t>(a)], y = classes.of_node[static_cast<std::size_t>(b)];
        if (x < 0 || y < 0) continue;
        const auto lo = static_cast<std::uint64_t>(std::min(x, y)), hi = static_cast<std::uint64_t>(std::max(x, y));
        scratch.push_back(lo * C + hi);
    }
    std::sort(scratch.begin(), scratch.end());
    cell_counts.clear();
    for (std::size_t i = 0; i < scratch.size();) {
        std::size_t j = i;
        while (j < scratch.size() && scratch[j] == scratch[i]) ++j;
        cell_counts.emplace_back(static_cast<std::uint32_t>(scratch[i]), static_cast<std::uint32_t>(j - i));
        i = j;
    }
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
    BitBlocks bits({block}, {trades});
    const auto& k = bits.blocks.front();
    std::vector<std::int32_t> pool;
    curveball_bits(bits.bits.data() + k.first, k.rows, k.words, trades, rng_seed, pool);
    const std::vector<std::uint64_t> none(k.words, 0);
    for (std::size_t r = 0; r < k.rows; ++r) {
        block.rows[r].clear();
        push_bits(bits.bits.data() + k.first + r * k.words, none.data(), k.words, block.rows[r]);
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
    const BitBlocks layout(input.blocks, trades);
    const bool dense = n <= BitTies::dense_limit;

    // The ties of a matrix laid out as `layout`, with a thread's own scratch.
    struct Scratch {
        std::optional<BitTies> bit_ties;
        TieSet tie_set;
        Pairs pairs;
        std::vector<std::int32_t> pool;
        std::vector<std::uint64_t> cells;
    };
    auto make_scratch = [&] {
        Scratch s;
        if (dense) s.bit_ties.emplace(n);
        return s;
    };
    auto ties_of = [&](Scratch& s, const std::uint64_t* bits) -> const Pairs& {
        if (s.bit_ties) {
            s.bit_ties->collect(layout, bits, s.pairs);
            return s.pairs;
        }
        collect_ties(layout, bits, s.tie_set);
        return s.tie_set.pairs();
    };

    std::vector<double> observed;
    {
        auto s = make_scratch();
        const auto& pairs = ties_of(s, layout.bits.data());
        result.ties = static_cast<std::int64_t>(pairs.size());
        observed = statistics(pairs, groupings);
    }

    // Each reshuffle is counted by class pair (node_classes): what any grouping's statistics
    // are made of, so that the reshuffles are drawn once for every grouping of the same classes
    // (a report's heat map and its invitations) and kept (memo, options.cache). Beyond 1,024
    // classes (types × the 320 territories of a national file) the pairs are counted by
    // grouping directly, and nothing is kept.
    const auto classes = node_classes(input.nodes.size(), groupings);
    const bool by_class = classes.count <= 1024;
    std::string key;
    std::shared_ptr<const NullDraws> draws;
    if (by_class && result.reshuffles > 0) {
        key = draws_key(layout, input.nodes.size(), classes, options, result.reshuffles);
        if (options.in_memory) draws = memo().find(key);
        if (!draws && options.cache != nullptr)
            if (const auto text = options.cache->find(key))
                if (auto kept = parse_draws(*text, classes.count, result.reshuffles)) {
                    draws = std::make_shared<const NullDraws>(std::move(*kept));
                    if (options.in_memory) memo().keep(key, draws);
                }
    }

    std::vector<std::vector<double>> null(static_cast<std::size_t>(result.reshuffles));
    if (!draws) {
        std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> by_cell(by_class ? null.size() : 0);
        auto worker = [&](std::int32_t first, std::int32_t step) {
            auto s = make_scratch();
            std::vector<std::uint64_t> bits;
            for (std::int32_t r = first; r < result.reshuffles; r += step) {
                bits = layout.bits; // every reshuffle starts from the observed incidence
                for (std::size_t b = 0; b < layout.blocks.size(); ++b) {
                    const auto& k = layout.blocks[b];
                    curveball_bits(bits.data() + k.first, k.rows, k.words, k.trades,
                                   reshuffle_seed(options.seed, r, b), s.pool);
                }
                const auto& pairs = ties_of(s, bits.data());
                if (by_class) count_by_class(pairs, classes, s.cells, by_cell[static_cast<std::size_t>(r)]);
                else null[static_cast<std::size_t>(r)] = statistics(pairs, groupings);
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
        if (by_class && result.reshuffles > 0) {
            NullDraws made;
            made.classes = classes.count;
            made.reshuffles = result.reshuffles;
            for (const auto& cells : by_cell)
                for (const auto& [cell, k] : cells) made.cells.push_back(cell);
            std::sort(made.cells.begin(), made.cells.end());
            made.cells.erase(std::unique(made.cells.begin(), made.cells.end()), made.cells.end());
            made.counts.assign(made.cells.size() * by_cell.size(), 0);
            for (std::size_t r = 0; r < by_cell.size(); ++r) {
                std::size_t c = 0;
                for (const auto& [cell, k] : by_cell[r]) {
                    while (made.cells[c] != cell) ++c;
                    made.counts[r * made.cells.size() + c] = k;
                }
            }
            std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>>().swap(by_cell);
            draws = std::make_shared<const NullDraws>(std::move(made));
            if (options.cache != nullptr) options.cache->keep(key, input.editions, serialise(*draws));
            if (options.in_memory) memo().keep(key, draws);
        }
    }
    if (draws) {
        // each grouping's statistics from the class pairs: a class's nodes share every group
        const auto C = static_cast<std::uint32_t>(draws->classes);
        const auto cells = draws->cells.size();
        for (std::size_t r = 0; r < null.size(); ++r) {
            auto& out = null[r];
            for (const auto& g : groupings) {
                const auto G = static_cast<std::size_t>(g.group_count);
                std::vector<std::int64_t> whole(G * G, 0);
                for (std::size_t c = 0; c < cells; ++c) {
                    const auto k = draws->counts[r * cells + c];
                    if (k == 0) continue;
                    const auto cell = draws->cells[c];
                    const auto x = g.group[static_cast<std::size_t>(classes.first_node[cell / C])],
                               y = g.group[static_cast<std::size_t>(classes.first_node[cell % C])];
                    if (x < 0 || y < 0) continue;
                    whole[static_cast<std::size_t>(x) * G + static_cast<std::size_t>(y)] += k;
                    if (x != y) whole[static_cast<std::size_t>(y) * G + static_cast<std::size_t>(x)] += k;
                }
                append_statistics(whole, G, out);
            }
        }
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
