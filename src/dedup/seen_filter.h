#pragma once
// SeenFilter: a Bloom filter of fixed size over 64-bit hashes, answering
// "certainly never added" or "maybe added". Bulk ingest uses it to skip
// lookups that almost always find nothing (raw page hashes, exact text
// hashes, LSH band keys of a fresh database): a "no" is exact, a "maybe"
// still goes to the real index. Memory is fixed at construction, whatever
// is added; the false-positive rate rises slowly as the filter fills
// (2^25 bits with 3 probes: ~0.01% after 1 million keys, ~0.3% after 4 million).
// Not thread-safe: Add and MayContain from one thread at a time.
#include <cstddef>
#include <cstdint>
#include <memory>

namespace tg::dedup {

class SeenFilter {
 public:
  // 2^log2_bits bits (log2_bits in [6, 40]), zeroed here.
  explicit SeenFilter(int log2_bits)
      : shift_(64 - log2_bits), bits_(std::make_unique<uint64_t[]>(size_t{1} << (log2_bits - 6))) {}

  void Add(uint64_t key) {
    uint64_t h = Mix(key);
    const uint64_t step = Mix(h) | 1;
    for (int i = 0; i < kProbes; ++i, h += step) {
      const uint64_t bit = h >> shift_;
      bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }

  bool MayContain(uint64_t key) const {
    uint64_t h = Mix(key);
    const uint64_t step = Mix(h) | 1;
    for (int i = 0; i < kProbes; ++i, h += step) {
      const uint64_t bit = h >> shift_;
      if ((bits_[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return false;
    }
    return true;
  }

 private:
  static constexpr int kProbes = 3;
  // The SplitMix64 finalizer, so keys with structure (band keys carry their
  // band in the top byte) spread over the whole filter. Probes are the top
  // bits of h, h + step, h + 2 step (double hashing).
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  int shift_;
  std::unique_ptr<uint64_t[]> bits_;
};

}  // namespace tg::dedup
