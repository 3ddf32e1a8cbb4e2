#pragma once
// The phrase gazetteer of the NER tagger: place, organisation, person,
// given-name and surname lists matched on token sequences, Korean surnames
// matched on a word's first syllables, and common lower-case words. Built by
// the trainer from data/lexicon and stored inside the model file. Immutable
// once built; may be shared across threads.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "text/tokenize.h"

namespace tg::extract {

// Phrase categories of the gazetteer (bit positions).
enum class GazCategory : uint8_t {
  kPerson = 0,    // full person names (Korean politicians ...)
  kOrg = 1,       // organisation names
  kPlace = 2,     // countries, regions, cities (GeoNames, CLDR)
  kGivenName = 3, // first / given names
  kSurname = 4,   // surnames as separate tokens (Kim, Lee, Park ...)
  kOrgWord = 5,   // words that head or end organisation names (Inc, Bank, University ...)
  kDemonym = 6,   // nationality words (American, Dutch ...), which are not places
};
// Seven at most: a category is one bit of a byte whose top bit marks phrase prefixes.
inline constexpr int kNumGazCategories = 7;

// A map from 64-bit hashes to a byte, for the gazetteer's lists: open
// addressing with linear probing in one flat array, at most half full, so a
// lookup usually reads one 16-byte slot (std::unordered_map reads a bucket
// and then a node elsewhere, two cache misses). Iteration order is
// unspecified.
class HashByteMap {
 public:
  // The value stored under `key`, or nullptr.
  const uint8_t* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t s = SlotOf(key);; s = (s + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[s];
      if (!slot.used) return nullptr;
      if (slot.key == key) return &slot.value;
    }
  }
  bool Contains(uint64_t key) const { return Find(key) != nullptr; }
  // The value under `key`, inserted as 0 when absent.
  uint8_t& operator[](uint64_t key);
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void Reserve(size_t n);
  // Calls f(key, value) for every entry.
  template <typename F>
  void ForEach(F f) const {
    for (const Slot& s : slots_) {
      if (s.used) f(s.key, s.value);
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint8_t value = 0;
    bool used = false;
  };
  size_t SlotOf(uint64_t key) const {
    // The keys are hashes already; the multiply only guards against keys
    // that differ in their high bits alone.
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (slots_.size() - 1);
  }
  std::vector<Slot> slots_;  // size a power of two, or empty
  size_t size_ = 0;
};

// Phrase lists matched on token sequences (forms compared exactly, spacing
// between tokens ignored), plus a Hangul surname set matched on the first
// syllables of a token.
class NerGazetteer {
 public:
  // Adds `phrase` (tokenized with text::Analyze; 1 to kMaxTokens tokens) under `category`.
  void Add(std::string_view phrase, GazCategory category);
  // Adds a Hangul surname ("김", "남궁").
  void AddKoreanSurname(std::string_view surname);
  // Adds a word seen in lower case in running text ("analysis"), so that a
  // capitalised form ("Analysis" starting a sentence) can be told from a name.
  void AddCommonWord(std::string_view lower);
  // Whether the lower-case form with hash Hash64(lower) was added.
  bool IsCommonWord(uint64_t lower_hash) const { return common_.Contains(lower_hash); }
  size_t common_count() const { return common_.size(); }

  static constexpr int kMaxTokens = 5;
  size_t size() const { return phrase_count_; }
  size_t surname_count() const { return surnames_.size(); }

  // Per token of `analysis`, the gazetteer bits: bit 4*category + position
  // (0 = B, 1 = I, 2 = L, 3 = U), longest match first, non-overlapping per category.
  void MatchTokens(std::string_view text, const text::Analysis& analysis,
                   std::vector<uint32_t>* bits) const;
  // Category bits (1 << GazCategory) of the one-token phrase `form`, 0 when absent.
  uint8_t WordCategories(std::string_view form) const {
    const uint8_t* bits = FindChain(ChainHash(kChainSeed, form));
    return bits == nullptr ? 0 : *bits & kCategoryBits;
  }
  // Length in code points (1 or 2) of the surname that starts `word`, else 0.
  int KoreanSurnameLength(std::string_view word) const;

  // Binary form for the model file.
  void Serialize(std::string* out) const;
  // Reads what Serialize wrote at `*pos` of `data`; fails with kCorrupt.
  static Result<NerGazetteer> Deserialize(std::string_view data, size_t* pos);

  // The hash of a token sequence, as stored (exposed for tests).
  static uint64_t ChainHash(uint64_t prev, std::string_view form);
  static constexpr uint64_t kChainSeed = 0x6a09e667f3bcc908ULL;

 private:
  static constexpr uint8_t kCategoryBits = (1u << kNumGazCategories) - 1;
  static constexpr uint8_t kContinues = 0x80;
  // Chain hash -> the categories of the phrase that ends there (0 when none),
  // plus kContinues when the chain is a proper prefix of a longer phrase: one
  // probe per token tells MatchTokens whether a phrase ends and whether to go
  // on. The model file stores the two as separate lists (phrases, prefixes).
  HashByteMap chains_;
  size_t phrase_count_ = 0;
  // One bit per chain hash's top kFilterBits bits, set for every key of
  // chains_: 32 KB that stay in cache and turn away most tokens (which start
  // no listed phrase) before the megabyte-sized table is read.
  static constexpr int kFilterBits = 18;
  std::vector<uint64_t> chain_filter_;

  void AddChain(uint64_t hash, uint8_t bits);
  const uint8_t* FindChain(uint64_t hash) const {
    if (chain_filter_.empty()) return nullptr;
    const uint64_t bit = hash >> (64 - kFilterBits);
    if ((chain_filter_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return nullptr;
    return chains_.Find(hash);
  }
  HashByteMap surnames_;  // Hash64 of the surname -> 1
  HashByteMap common_;    // Hash64 of a lower-case word -> 1
};

}  // namespace tg::extract
