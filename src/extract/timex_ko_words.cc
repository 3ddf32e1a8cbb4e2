#include "extract/timex_ko_words.h"

#include <unordered_set>

#include "core/utf8.h"

namespace tg::extract::timex_internal {
namespace {

// Two leading code points of a Hangul run packed into one key.
uint64_t PairKey(std::string_view w) {
  size_t pos = 0;
  const uint64_t a = NextCodePoint(w, &pos);
  if (pos >= w.size()) return 0;
  const uint64_t b = NextCodePoint(w, &pos);
  return (a << 21) | b;
}

// Keys of the first two syllables of every Korean keyword: one hash probe
// turns away almost every Hangul run before any prefix comparison.
const std::unordered_set<uint64_t>& KeywordPairs() {
  static const std::unordered_set<uint64_t> pairs = [] {
    std::unordered_set<uint64_t> out;
    for (const Simple& k : kSimple) out.insert(PairKey(k.word));
    for (std::string_view w : kModifiers) out.insert(PairKey(w));
    for (std::string_view w : kWeekdayWords) out.insert(PairKey(w));
    for (const DayWord& d : kDayWords) out.insert(PairKey(d.word));
    return out;
  }();
  return pairs;
}

}  // namespace

// The rest of a Hangul run after a keyword: empty, or starting with a
// particle, ending or time suffix (은, 에는, 부터, 까지, 말, 초, 간, 만에...).
bool ParticleOk(std::string_view rest) {
  if (rest.empty()) return true;
  static constexpr std::string_view kFirst[] = {
      "은", "는", "이", "가", "을", "를", "의", "에", "엔", "도", "만", "부", "까",
      "보", "과", "와", "로", "으", "께", "쯤", "경", "인", "말", "초", "중", "째",
      "간", "동", "뒤", "후", "전", "였", "라", "처", "대", "하", "상", "엔", "다"};
  for (std::string_view f : kFirst) {
    if (StartsWith(rest, f)) return true;
  }
  return false;
}

// Bytes of a particle at the end of `word` ("말까지" -> 6), never the whole
// word, and never the "에"/"으로" of "만에"/"만으로" ("since"), which belong
// to the expression.
size_t TrailingParticle(std::string_view word) {
  static constexpr std::string_view kParticles[] = {
      "에서는", "에서도", "부터는", "까지는", "까지도", "이었다", "으로는", "에서", "에는",
      "에도",   "에게",   "부터",   "까지",   "보다",   "으로",   "로는",   "이나", "이다",
      "였다",   "처럼",   "에",     "은",     "는",     "이",     "가",     "을",   "를",
      "의",     "도",     "와",     "과",     "엔",     "인",     "로"};
  for (std::string_view p : kParticles) {
    if (word.size() <= p.size() || word.compare(word.size() - p.size(), p.size(), p) != 0) {
      continue;
    }
    const std::string_view stem = word.substr(0, word.size() - p.size());
    if (StartsWith(p, "에") || StartsWith(p, "으로") || p == "로") {
      if (stem.size() >= 3 && stem.compare(stem.size() - 3, 3, "만") == 0) return 0;
    }
    return p.size();
  }
  return 0;
}

bool MayStartKeyword(std::string_view w) {
  return w.size() >= 6 && KeywordPairs().count(PairKey(w)) != 0;
}

}  // namespace tg::extract::timex_internal
