#include "dedup/near_dup.h"

#include <algorithm>
#include <limits>

#include "core/check.h"
#include "core/hash.h"
#include "dedup/words.h"

namespace tg::dedup {
namespace {

// Fixed seed of the permutation parameters: signatures are stored in the
// database, so every build and machine must derive the same permutations.
constexpr uint64_t kPermutationSeed = 0x7469656772617068ULL;  // "tiegraph"

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// Folded words of `text` joined by single spaces in `*normalized`, with each
// word's byte range in it (when `words` is not null).
void Normalize(std::string_view text, std::string* normalized, std::vector<WordSpan>* words) {
  normalized->clear();
  normalized->reserve(text.size());
  size_t pos = 0;
  WordSpan span;
  while (NextWord(text, &pos, &span)) {
    if (!normalized->empty()) normalized->push_back(' ');
    const size_t begin = normalized->size();
    AppendFolded(text.substr(span.begin, span.end - span.begin), normalized);
    if (words != nullptr) words->push_back({begin, normalized->size()});
  }
}

}  // namespace

std::string NormalizeForHash(std::string_view text) {
  std::string out;
  Normalize(text, &out, nullptr);
  return out;
}

uint64_t ExactTextHash(std::string_view text) { return Hash64(NormalizeForHash(text)); }

MinHasher::MinHasher(MinHashOptions options) : options_(options) {
  TG_CHECK(options_.num_hashes > 0 && options_.bands > 0 && options_.bands <= 256);
  TG_CHECK(options_.num_hashes % options_.bands == 0);
  TG_CHECK(options_.shingle_words > 0);
  // seeds_ holds the multipliers a_i (forced odd) followed by the offsets b_i.
  const size_t n = static_cast<size_t>(options_.num_hashes);
  seeds_.resize(2 * n);
  uint64_t state = kPermutationSeed;
  for (size_t i = 0; i < n; ++i) seeds_[i] = SplitMix64(&state) | 1;
  for (size_t i = 0; i < n; ++i) seeds_[n + i] = SplitMix64(&state);
}

// Each shingle is hashed once with XXH3 to x; permutation i is then
// h_i(x) = high 32 bits of (a_i * x + b_i) mod 2^64 with a_i odd: the
// multiply-add-shift family of Dietzfelbinger et al., which is (close to)
// 2-universal and costs one multiply and one add per hash. It was preferred to
// double hashing (h1 + i * h2), whose values for different i are linear in the
// same two numbers, so the minima of different positions are correlated and
// the Jaccard estimate has a larger variance than with independent hashes.
Signature MinHasher::Compute(std::string_view text) const {
  std::string normalized;
  std::vector<WordSpan> words;
  Normalize(text, &normalized, &words);

  const size_t k = static_cast<size_t>(options_.shingle_words);
  std::vector<uint64_t> shingles;
  if (words.size() < k) {
    shingles.push_back(Hash64(normalized));
  } else {
    shingles.reserve(words.size() - k + 1);
    for (size_t i = 0; i + k <= words.size(); ++i) {
      const size_t begin = words[i].begin;
      const size_t end = words[i + k - 1].end;
      shingles.push_back(Hash64(std::string_view(normalized).substr(begin, end - begin)));
    }
    // Repeated shingles cannot change a minimum; dropping them saves work on
    // pages with boilerplate repeated inside the story.
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  }

  const size_t n = static_cast<size_t>(options_.num_hashes);
  Signature signature(n, std::numeric_limits<uint32_t>::max());
  const uint64_t* a = seeds_.data();
  const uint64_t* b = seeds_.data() + n;
  uint32_t* sig = signature.data();
  for (uint64_t x : shingles) {
    for (size_t i = 0; i < n; ++i) {
      const auto h = static_cast<uint32_t>((a[i] * x + b[i]) >> 32);
      sig[i] = std::min(sig[i], h);
    }
  }
  return signature;
}

std::vector<uint64_t> MinHasher::BandKeys(const Signature& signature) const {
  TG_CHECK(signature.size() == static_cast<size_t>(options_.num_hashes));
  const size_t bands = static_cast<size_t>(options_.bands);
  const size_t rows = signature.size() / bands;
  std::vector<uint64_t> keys;
  keys.reserve(bands);
  std::string bytes(rows * 4, '\0');
  for (size_t band = 0; band < bands; ++band) {
    // Little-endian bytes of the band's rows, so keys are the same on every machine.
    for (size_t r = 0; r < rows; ++r) {
      const uint32_t v = signature[band * rows + r];
      for (size_t j = 0; j < 4; ++j) bytes[r * 4 + j] = static_cast<char>((v >> (8 * j)) & 0xFF);
    }
    // The top byte is the band index, so two bands never share a key.
    const uint64_t h = Hash64(bytes, band);
    keys.push_back((h >> 8) | (static_cast<uint64_t>(band) << 56));
  }
  return keys;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace tg::dedup
