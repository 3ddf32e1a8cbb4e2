#pragma once
// Duplicate detection on clean text.
//  - Exact: Hash64 of NormalizeForHash(text) (case, spacing and punctuation folded).
//  - Near: MinHash over word shingles (one-permutation hashing with optimal
//    densification), banded for LSH (Broder 1997; Indyk and Motwani 1998;
//    Shrivastava 2017). Scheme and thresholds: README.md next to this file.
// MinHasher is immutable after construction and thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::dedup {

// Lowercases (ASCII and Latin), drops punctuation and folds white space, so two
// copies that differ only in those hash the same.
std::string NormalizeForHash(std::string_view text);
uint64_t ExactTextHash(std::string_view text);  // Hash64(NormalizeForHash(text))

using Signature = std::vector<uint32_t>;

struct MinHashOptions {
  int num_hashes = 128;      // signature length
  int bands = 16;            // LSH bands; rows per band = num_hashes / bands (8):
                             // a pair at Jaccard s becomes a candidate with
                             // probability 1 - (1 - s^8)^16 (0.5 at s~0.68, 0.61 at 0.70, 0.99 at s~0.85)
  int shingle_words = 5;     // words per shingle (Hangul runs count as words too)
  double threshold = 0.5;    // estimated Jaccard at or above which a candidate is a near-duplicate
};

class MinHasher {
 public:
  explicit MinHasher(MinHashOptions options = {});
  const MinHashOptions& options() const { return options_; }

  // Signature of `text` (num_hashes values). Texts with fewer words than a
  // shingle are hashed as one shingle.
  Signature Compute(std::string_view text) const;
  // ExactTextHash(text), and Compute(text) into `*signature`, in one pass
  // over the words (each word is found and folded once for both).
  uint64_t HashAndCompute(std::string_view text, Signature* signature) const;
  // One 64-bit key per band; equal keys in the same band make a candidate pair.
  // The band index is mixed into the key, so keys of different bands never collide by design.
  std::vector<uint64_t> BandKeys(const Signature& signature) const;

 private:
  // Compute, also writing NormalizeForHash(text) to `*normalized` when not null.
  Signature Sign(std::string_view text, std::string* normalized) const;

  MinHashOptions options_;
};

// Share of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets.
double EstimateJaccard(const Signature& a, const Signature& b);

}  // namespace tg::dedup
