// Open-addressing hash tables for the ingest's indexes over millions of rows: entries are
// 32-bit positions in a vector the caller owns (its person keys, say), found by a 64-bit hash
// and confirmed by the caller's own comparison, so that no key is copied (a std::unordered_map
// of the same keys holds a copy of each string and a node per entry). Private to the ingest
// module.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace maillage::ingest::detail {

/// 64-bit mix of a value (splitmix64's finaliser): spreads nearby values over the table.
inline std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

/// A hash of text for FlatIndex (FNV-1a, then mixed).
inline std::uint64_t text_hash(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return mix(h);
}

/// Positions (32-bit) found by hash; equal keys are told apart by the caller's `same(position)`.
class FlatIndex {
public:
    /// The position whose key is the one hashed to `hash` (`same` confirms it), or -1.
    /// Complexity: O(1) expected.
    template <typename Same> [[nodiscard]] std::int64_t find(std::uint64_t hash, Same&& same) const {
        if (m_slots.empty()) return -1;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (!s.used) return -1;
            if (s.hash == hash && same(s.position)) return s.position;
        }
    }

    /// Adds `position` under `hash` unless a key `same` finds is there: (the position kept, added?).
    /// Complexity: O(1) amortised.
    template <typename Same> std::pair<std::uint32_t, bool> insert(std::uint64_t hash, std::uint32_t position, Same&& same) {
        if (2 * (m_count + 1) > m_slots.size()) grow();
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            Slot& s = m_slots[i];
            if (!s.used) {
                s = {hash, position, true};
                ++m_count;
                return {position, true};
            }
            if (s.hash == hash && same(s.position)) return {s.position, false};
        }
    }

    /// Room for `n` entries without growing.
    void reserve(std::size_t n) {
        while (2 * n > m_slots.size()) grow();
    }

    void clear() {
        m_slots.clear();
        m_count = 0;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t position = 0;
        bool used = false;
    };

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : 2 * old.size(), Slot{});
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (!s.used) continue;
            std::size_t i = s.hash & mask;
            while (m_slots[i].used) i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots; ///< a power of two, at most half full
    std::size_t m_count = 0;
};

/// A set of 64-bit values (a session and a person as one number, say).
class FlatSet64 {
public:
    /// Adds `value`; false when it was there. Complexity: O(1) amortised.
    bool insert(std::uint64_t value) {
        if (value == empty) return !std::exchange(m_has_empty, true);
        if (2 * (m_count + 1) > m_slots.size()) grow();
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = mix(value) & mask;; i = (i + 1) & mask) {
            if (m_slots[i] == empty) {
                m_slots[i] = value;
                ++m_count;
                return true;
            }
            if (m_slots[i] == value) return false;
        }
    }

    void reserve(std::size_t n) {
        while (2 * n > m_slots.size()) grow();
    }

    void clear() {
        m_slots.clear();
        m_count = 0;
        m_has_empty = false;
    }

private:
    static constexpr std::uint64_t empty = ~std::uint64_t{0};

    void grow() {
        std::vector<std::uint64_t> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 64 : 2 * old.size(), empty);
        const std::size_t mask = m_slots.size() - 1;
        for (const std::uint64_t v : old) {
            if (v == empty) continue;
            std::size_t i = mix(v) & mask;
            while (m_slots[i] != empty) i = (i + 1) & mask;
            m_slots[i] = v;
        }
    }

    std::vector<std::uint64_t> m_slots; ///< a power of two, at most half full; `empty` marks a free slot
    std::size_t m_count = 0;
    bool m_has_empty = false; ///< the value `empty` itself is in the set
};

} // namespace maillage::ingest::detail
