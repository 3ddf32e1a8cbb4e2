#pragma once
// The phrase gazetteer of the NER tagger: place, organisation, person,
// given-name and surname lists matched on token sequences, Korean surnames
// matched on a word's first syllables, and common lower-case words. Built by
// the trainer from data/lexicon and stored inside the model file. Immutable
// once built; may be shared across threads.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
};
inline constexpr int kNumGazCategories = 5;

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
  bool IsCommonWord(uint64_t lower_hash) const { return common_.count(lower_hash) != 0; }
  size_t common_count() const { return common_.size(); }

  static constexpr int kMaxTokens = 5;
  size_t size() const { return phrases_.size(); }
  size_t surname_count() const { return surnames_.size(); }

  // Per token of `analysis`, the gazetteer bits: bit 4*category + position
  // (0 = B, 1 = I, 2 = L, 3 = U), longest match first, non-overlapping per category.
  void MatchTokens(std::string_view text, const text::Analysis& analysis,
                   std::vector<uint32_t>* bits) const;
  // Category bits (1 << GazCategory) of the one-token phrase `form`, 0 when absent.
  uint8_t WordCategories(std::string_view form) const {
    const auto it = phrases_.find(ChainHash(kChainSeed, form));
    return it == phrases_.end() ? 0 : it->second;
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
  std::unordered_map<uint64_t, uint8_t> phrases_;  // chain hash -> category bits
  std::unordered_map<uint64_t, uint8_t> prefixes_; // chain hash of a proper prefix -> 1
  std::unordered_map<uint64_t, uint8_t> surnames_; // Hash64 of the surname -> 1
  std::unordered_map<uint64_t, uint8_t> common_;   // Hash64 of a lower-case word -> 1
};

}  // namespace tg::extract
