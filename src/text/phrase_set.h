#pragma once
// Internal to src/text: finds which of up to 64 fixed phrases occur in a text
// in one pass (instead of one find() per phrase, which rescans the line for
// every phrase and is slow on Hangul, whose lead bytes repeat). Built once,
// then immutable: one PhraseSet may be shared by many threads.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::text {

class PhraseSet {
 public:
  // Phrases are matched byte for byte (pass lower-cased phrases and search a
  // lower-cased text for case-insensitive ASCII). Each phrase must be at least
  // two bytes long; a phrase given twice is kept once; at most 64 distinct phrases.
  explicit PhraseSet(const std::vector<std::string_view>& phrases);

  // Bit i is set when phrase i (in constructor order) occurs in `text`.
  uint64_t Scan(std::string_view text) const;

  // The bit of `phrase`, which must be one of the constructor's phrases.
  uint64_t Bit(std::string_view phrase) const;

 private:
  static uint32_t Key(unsigned char b0, unsigned char b1, unsigned char b2) {
    // 16-bit hash of a phrase's first three bytes (multiplicative hashing).
    return ((static_cast<uint32_t>(b0) << 16 | static_cast<uint32_t>(b1) << 8 | b2) *
            0x9E3779B1u) >>
           16;
  }

  // Bit i of the result: phrase i occurs at `pos` (a position that passed the filters).
  uint64_t MatchesAt(const unsigned char* s, size_t n, size_t pos) const;

  std::vector<std::string> phrases_;
  // Two filters: the first two bytes of every phrase, indexed directly (most
  // positions of a text are rejected by one bit test), then a hash of the
  // first three (all 256 third bytes for a two-byte phrase), which rejects
  // most of the rest (Hangul lead-byte pairs recur often).
  std::array<uint64_t, 1024> pair_filter_{};
  std::array<uint64_t, 1024> filter_{};
  // Phrase indexes by first byte, for the few positions the filter lets through.
  std::array<std::vector<uint8_t>, 256> by_first_byte_;
};

}  // namespace tg::text
