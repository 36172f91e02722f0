// The curveball trades on bit rows that every null model reshuffling incidence blocks runs
// (mixing, changes between editions); private to src/metrics. Defined in mixing.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "maillage/metrics/mixing.hpp"

namespace maillage::metrics::detail {

/// One incidence block as bit rows: row r is `words` 64-bit words from r · words, bit s set when
/// the participant attended local session s. A trade is then a few word operations instead of
/// set operations on sorted vectors.
struct BitRows {
    std::size_t rows = 0;
    std::size_t words = 1; ///< words per row
    std::vector<std::uint64_t> bits;

    BitRows() = default;
    /// `block`'s rows as bits. Complexity: O(rows · words + attendances).
    explicit BitRows(const Incidence& block);
    [[nodiscard]] const std::uint64_t* row(std::size_t r) const { return bits.data() + r * words; }
};

/// Appends the positions of the set bits of the `words` words at `m` (masked by ~`not_in`),
/// ascending, to `out`; returns how many.
std::size_t push_bits(const std::uint64_t* m, const std::uint64_t* not_in, std::size_t words, std::vector<std::int32_t>& out);

/// `trades` curveball trades of one block laid out as bit rows (`rows` participants, `words`
/// words each), drawn from std::mt19937_64's numbers seeded with `rng_seed`: the same matrix as
/// metrics::curveball on the block's sorted rows. `pool` is the caller's scratch.
/// Complexity: O(trades · words) plus the sessions traded.
void curveball_bits(std::uint64_t* bits, std::size_t rows, std::size_t words, std::int64_t trades, std::uint64_t rng_seed,
                    std::vector<std::int32_t>& pool);

} // namespace maillage::metrics::detail
