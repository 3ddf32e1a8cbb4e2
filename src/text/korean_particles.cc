#include "text/korean_particles.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace tg::text {
namespace {

// Particles, particle stacks and the copula endings that news text attaches to
// nouns. Written from Korean grammar references; the order does not matter,
// the table below is sorted by length at compile time so the longest suffix
// wins (으로부터 before 로부터 before 부터).
// clang-format off
constexpr std::string_view kParticleList[] = {
    // Case particles.
    "이", "가", "은", "는", "을", "를", "의", "에", "께", "와", "과", "로", "으로", "도", "만", "나", "이나", "며",
    "이며", "랑", "이랑", "인", "께서", "에서", "에게", "한테", "에게서", "한테서", "로서", "으로서", "로써", "으로써", "부터",
    "까지", "처럼", "보다", "조차", "마저", "밖에", "마다", "대로", "하고", "이고", "로부터", "으로부터", "에서부터",
    // Quotation and copula forms attached to nouns.
    "라고", "이라고", "라는", "이라는", "이란", "이다", "였다", "이었다", "이던", "였던", "이었던", "인데", "이지만", "이든",
    "이라도", "이라며", "라며",
    // Stacks: case particle + topic/additive/genitive particle.
    "에는", "에도", "에만", "에의", "에서는", "에서도", "에서만", "에서의", "에게는", "에게도", "에게만", "에게의", "께서는",
    "께서도", "과의", "와의", "과는", "와는", "과도", "와도", "로는", "으로는", "로도", "으로도", "로만", "으로만", "로의",
    "으로의", "까지는", "까지도", "까지의", "부터는", "부터의", "만이", "만을", "만의", "만은", "보다는", "보다도", "처럼은",
    "조차도", "마저도", "밖에는", "으로서는", "로서는", "으로서의", "로서의",
    // Plural 들 alone and with a particle, so 기업들이 and 기업 meet.
    "들", "들이", "들은", "들을", "들의", "들과", "들도", "들에게", "들에", "들에서", "들로", "들이다", "들만",
};
// clang-format on

constexpr size_t kParticleCount = std::size(kParticleList);

constexpr std::array<std::string_view, kParticleCount> SortedByLengthDesc() {
  std::array<std::string_view, kParticleCount> out{};
  for (size_t i = 0; i < kParticleCount; ++i) out[i] = kParticleList[i];
  std::sort(out.begin(), out.end(), [](std::string_view a, std::string_view b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  return out;
}

constexpr std::array<std::string_view, kParticleCount> kParticles = SortedByLengthDesc();

// True when the three bytes ending at `end` encode a precomposed Hangul
// syllable (U+AC00..U+D7A3: EA B0 80 .. ED 9E A3).
bool HangulSyllableEndsAt(std::string_view word, size_t end) {
  if (end < 3) return false;
  const auto b0 = static_cast<uint8_t>(word[end - 3]);
  const auto b1 = static_cast<uint8_t>(word[end - 2]);
  const auto b2 = static_cast<uint8_t>(word[end - 1]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  const uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

}  // namespace

size_t KoreanStemLength(std::string_view word) {
  for (std::string_view particle : kParticles) {
    if (particle.size() >= word.size() || !word.ends_with(particle)) continue;
    const size_t stem = word.size() - particle.size();
    // The stem must end in a Hangul syllable: this keeps at least one syllable
    // and refuses to split inside a Latin or digit run (LG는 stays whole here).
    if (HangulSyllableEndsAt(word, stem)) return stem;
  }
  return word.size();
}

bool IsKoreanParticle(std::string_view word) {
  return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
}

}  // namespace tg::text
