#include "extract/ner_gazetteer.h"

#include <algorithm>
#include <cstring>

#include "core/hash.h"

namespace tg::extract {

void HashByteMap::Reserve(size_t n) {
  size_t cap = 16;
  while (cap < n * 2) cap <<= 1;
  if (cap <= slots_.size()) return;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(cap, Slot());
  for (const Slot& slot : old) {
    if (!slot.used) continue;
    size_t s = SlotOf(slot.key);
    while (slots_[s].used) s = (s + 1) & (cap - 1);
    slots_[s] = slot;
  }
}

uint8_t& HashByteMap::operator[](uint64_t key) {
  Reserve(size_ + 1);
  size_t s = SlotOf(key);
  while (slots_[s].used && slots_[s].key != key) s = (s + 1) & (slots_.size() - 1);
  Slot& slot = slots_[s];
  if (!slot.used) {
    slot.used = true;
    slot.key = key;
    ++size_;
  }
  return slot.value;
}

uint64_t NerGazetteer::ChainHash(uint64_t prev, std::string_view form) {
  return Hash64(form, prev);
}

void NerGazetteer::Add(std::string_view phrase, GazCategory category) {
  const text::Analysis a = text::Analyze(phrase);
  if (a.tokens.empty() || a.tokens.size() > kMaxTokens) return;
  uint64_t h = kChainSeed;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    h = ChainHash(h, a.tokens[i].In(phrase));
    if (i + 1 < a.tokens.size()) AddChain(h, kContinues);
  }
  const uint8_t* bits = chains_.Find(h);
  if (bits == nullptr || (*bits & kCategoryBits) == 0) ++phrase_count_;
  AddChain(h, static_cast<uint8_t>(1u << static_cast<uint8_t>(category)));
}

void NerGazetteer::AddChain(uint64_t hash, uint8_t bits) {
  chains_[hash] |= bits;
  if (chain_filter_.empty()) chain_filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  const uint64_t bit = hash >> (64 - kFilterBits);
  chain_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
}

void NerGazetteer::AddKoreanSurname(std::string_view surname) { surnames_[Hash64(surname)] = 1; }

void NerGazetteer::AddCommonWord(std::string_view lower) { common_[Hash64(lower)] = 1; }

int NerGazetteer::KoreanSurnameLength(std::string_view word) const {
  if (surnames_.empty() || word.size() < 6) return 0;  // a surname plus at least one syllable
  // Two-syllable surnames (남궁, 제갈) first; Hangul syllables are 3 bytes.
  if (word.size() >= 9 && surnames_.Contains(Hash64(word.substr(0, 6)))) return 2;
  return surnames_.Contains(Hash64(word.substr(0, 3))) ? 1 : 0;
}

void NerGazetteer::MatchTokens(std::string_view text, const text::Analysis& analysis,
                               std::vector<uint32_t>* bits) const {
  const std::vector<text::Token>& tokens = analysis.tokens;
  bits->assign(tokens.size(), 0);
  if (chains_.empty()) return;
  // Per category, the end of the last match, so matches do not overlap.
  size_t covered_until[kNumGazCategories] = {};
  for (const text::Sentence& s : analysis.sentences) {
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      if (tokens[i].kind == text::TokenKind::kPunct) continue;
      uint64_t h = kChainSeed;
      uint8_t best_len[kNumGazCategories] = {};
      for (uint32_t j = i; j < s.last_token && j < i + kMaxTokens; ++j) {
        h = ChainHash(h, tokens[j].In(text));
        const uint8_t* bits = FindChain(h);
        if (bits == nullptr) break;
        for (int c = 0; c < kNumGazCategories; ++c) {
          if (*bits & (1u << c)) best_len[c] = static_cast<uint8_t>(j - i + 1);
        }
        if ((*bits & kContinues) == 0) break;
      }
      for (int c = 0; c < kNumGazCategories; ++c) {
        const uint32_t len = best_len[c];
        if (len == 0 || i < covered_until[c]) continue;
        covered_until[c] = i + len;
        if (len == 1) {
          (*bits)[i] |= 1u << (4 * c + 3);
          continue;
        }
        (*bits)[i] |= 1u << (4 * c);
        for (uint32_t k = i + 1; k + 1 < i + len; ++k) (*bits)[k] |= 1u << (4 * c + 1);
        (*bits)[i + len - 1] |= 1u << (4 * c + 2);
      }
    }
  }
}

namespace {

void PutU64(uint64_t v, std::string* out) { out->append(reinterpret_cast<const char*>(&v), 8); }
bool GetU64(std::string_view data, size_t* pos, uint64_t* v) {
  if (*pos + 8 > data.size()) return false;
  std::memcpy(v, data.data() + *pos, 8);
  *pos += 8;
  return true;
}

void PutMap(const HashByteMap& map, std::string* out) {
  std::vector<std::pair<uint64_t, uint8_t>> sorted;
  sorted.reserve(map.size());
  map.ForEach([&](uint64_t key, uint8_t value) { sorted.emplace_back(key, value); });
  std::sort(sorted.begin(), sorted.end());
  PutU64(sorted.size(), out);
  for (const auto& [key, value] : sorted) {
    PutU64(key, out);
    out->push_back(static_cast<char>(value));
  }
}

bool GetMap(std::string_view data, size_t* pos, HashByteMap* map) {
  uint64_t n = 0;
  if (!GetU64(data, pos, &n) || n > (data.size() - *pos) / 9) return false;
  map->Reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = 0;
    GetU64(data, pos, &key);
    (*map)[key] = static_cast<uint8_t>(data[(*pos)++]);
  }
  return true;
}

}  // namespace

void NerGazetteer::Serialize(std::string* out) const {
  HashByteMap phrases, prefixes;  // the lists chains_ merges, as the file stores them
  chains_.ForEach([&](uint64_t key, uint8_t bits) {
    if ((bits & kCategoryBits) != 0) phrases[key] = bits & kCategoryBits;
    if ((bits & kContinues) != 0) prefixes[key] = 1;
  });
  PutMap(phrases, out);
  PutMap(prefixes, out);
  PutMap(surnames_, out);
  PutMap(common_, out);
}

Result<NerGazetteer> NerGazetteer::Deserialize(std::string_view data, size_t* pos) {
  NerGazetteer g;
  HashByteMap phrases, prefixes;
  if (!GetMap(data, pos, &phrases) || !GetMap(data, pos, &prefixes) ||
      !GetMap(data, pos, &g.surnames_) || !GetMap(data, pos, &g.common_)) {
    return Status::Corrupt("gazetteer section truncated");
  }
  // What Add writes: phrases under 1 to kNumGazCategories categories, prefixes marked 1.
  bool valid = true;
  g.chains_.Reserve(phrases.size() + prefixes.size());
  phrases.ForEach([&](uint64_t key, uint8_t bits) {
    valid = valid && bits != 0 && (bits & ~kCategoryBits) == 0;
    g.AddChain(key, bits);
  });
  prefixes.ForEach([&](uint64_t key, uint8_t bits) {
    valid = valid && bits == 1;
    g.AddChain(key, kContinues);
  });
  if (!valid) return Status::Corrupt("gazetteer phrase or prefix with invalid bits");
  g.phrase_count_ = phrases.size();
  return g;
}

}  // namespace tg::extract
