#include "text/phrase_set.h"

#include <cstring>

#include "core/check.h"

namespace tg::text {

PhraseSet::PhraseSet(const std::vector<std::string_view>& phrases) {
  for (std::string_view phrase : phrases) {
    TG_CHECK(phrase.size() >= 2);
    bool seen = false;
    for (const std::string& p : phrases_) seen = seen || p == phrase;
    if (seen) continue;
    TG_CHECK(phrases_.size() < 64);
    const auto id = static_cast<uint8_t>(phrases_.size());
    phrases_.emplace_back(phrase);
    const auto b0 = static_cast<unsigned char>(phrase[0]);
    const auto b1 = static_cast<unsigned char>(phrase[1]);
    if (phrase.size() == 2) {
      for (int b2 = 0; b2 < 256; ++b2) {
        const uint32_t key = Key(b0, b1, static_cast<unsigned char>(b2));
        filter_[key >> 6] |= uint64_t{1} << (key & 63);
      }
    } else {
      const uint32_t key = Key(b0, b1, static_cast<unsigned char>(phrase[2]));
      filter_[key >> 6] |= uint64_t{1} << (key & 63);
    }
    const uint32_t pair = b0 | static_cast<uint32_t>(b1) << 8;
    pair_filter_[pair >> 6] |= uint64_t{1} << (pair & 63);
    by_first_byte_[b0].push_back(id);
  }
}

uint64_t PhraseSet::MatchesAt(const unsigned char* s, size_t n, size_t pos) const {
  uint64_t found = 0;
  for (uint8_t id : by_first_byte_[s[pos]]) {
    const std::string& phrase = phrases_[id];
    if (phrase.size() <= n - pos && std::memcmp(s + pos, phrase.data(), phrase.size()) == 0) {
      found |= uint64_t{1} << id;
    }
  }
  return found;
}

uint64_t PhraseSet::Scan(std::string_view text) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  if (n < 2) return 0;
  uint64_t found = 0;
  for (size_t i = 0; i + 1 < n; ++i) {
    const uint32_t pair = s[i] | static_cast<uint32_t>(s[i + 1]) << 8;
    if ((pair_filter_[pair >> 6] >> (pair & 63) & 1) == 0) continue;
    // Past the end the third byte reads as 0: only two-byte phrases, which
    // registered every third byte, can match there.
    const uint32_t key = Key(s[i], s[i + 1], i + 2 < n ? s[i + 2] : 0);
    if ((filter_[key >> 6] >> (key & 63) & 1) == 0) continue;
    found |= MatchesAt(s, n, i);
  }
  return found;
}

uint64_t PhraseSet::Bit(std::string_view phrase) const {
  for (size_t i = 0; i < phrases_.size(); ++i) {
    if (phrases_[i] == phrase) return uint64_t{1} << i;
  }
  TG_CHECK(false);
  return 0;
}

}  // namespace tg::text
