// Korean particle stripping over the lists in data/lexicon/ko, compiled into
// the binary (see src/text/CMakeLists.txt, which embeds the files as
// ko_lexicon::k* strings).
//
// The okt list is large (506 forms, with stacks and some verb endings), so a
// bare suffix match would split many whole words: 회의 -> 회 + 의, 하는 -> 하 +
// 는, 국가 -> 국 + 가. Four rules keep stripping to real noun + particle words:
//  1. Allomorph agreement: 이 은 을 과 으로 follow a final consonant, 가 는 를
//  와
//     라고 follow a vowel, 로 a vowel or ㄹ (국가 is not 국 + 가).
//  2. A one-syllable stem must be a listed short noun or pronoun (것이, 그는)
//     unless the particle is one predicates never end in (칩에, 칩으로),
//     since most two-syllable words ending in a particle syllable are whole
//     (정도, 차이, 같은).
//  3. Protected words are never cut inside when a word starts with them
//     (회의, 그러나, 나라는 -> 나라 + 는).
//  4. Predicates are left whole: a stem ending in 하 / 되 / 했 / 됐 / 였
//     (발표하는; a few nouns such as 산하 excepted), a quoted -다 (있다는),
//     -지만, -으며.
// Over-stripping and under-stripping are measured against UD Korean PUD by
// tests/store/korean_particles_test.cc.
#include "text/korean_particles.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/check.h"

namespace tg::text {
namespace ko_lexicon {
extern const std::string_view kOktJosa;
extern const std::string_view kCoreJosa;
extern const std::string_view kExtraJosa;
extern const std::string_view kExcludedJosa;
extern const std::string_view kProtectedWords;
extern const std::string_view kShortStems;
}  // namespace ko_lexicon

namespace {

constexpr size_t kSyllableBytes = 3;

// Which final sound the syllable before a particle must have.
enum class After : uint8_t {
  kAny,
  kConsonant,
  kConsonantNotRieul,
  kVowel,
  kVowelOrRieul,
  kIn,  // the copula 인 after -적 and role nouns (합법적인, 회장인); 정치인 is a
        // noun
};

// Calls `fn` with each entry of a list file: first tab-separated field of
// every line, trimmed; blank lines and '#' comments skipped.
template <typename Fn>
void ForEachEntry(std::string_view data, Fn fn) {
  size_t pos = 0;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string_view::npos) eol = data.size();
    std::string_view line = data.substr(pos, eol - pos);
    pos = eol + 1;
    line = line.substr(0, line.find('\t'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    fn(line);
  }
}

bool StartsWithAny(std::string_view form, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (form.starts_with(p)) return true;
  }
  return false;
}

// The allomorph condition of a particle form, from its first syllable.
// Multi-syllable forms in 이 (이라고, 이다, 이며) are copula forms, which also
// follow vowels (대표이며); the bare subject 이 and 이나 / 이랑 / 이야 / 이여
// follow consonants only.
After ConditionOf(std::string_view form) {
  if (form == "인") return After::kIn;
  if (form == "이" || StartsWithAny(form, {"이나", "이랑", "이야", "이여"}))
    return After::kConsonant;
  if (form.starts_with("으")) return After::kConsonantNotRieul;
  if (StartsWithAny(form, {"은", "을", "과"})) return After::kConsonant;
  if (form.starts_with("로")) return After::kVowelOrRieul;
  if (StartsWithAny(form,
                    {"는", "를", "가", "와", "랑", "라", "란", "며", "야", "여", "였", "나"})) {
    return After::kVowel;
  }
  return After::kAny;
}

// The precomposed Hangul syllable (U+AC00..U+D7A3: EA B0 80 .. ED 9E A3)
// whose three bytes end at `end`, or 0.
char32_t HangulSyllableEndingAt(std::string_view word, size_t end) {
  if (end < kSyllableBytes) return 0;
  const auto b0 = static_cast<uint8_t>(word[end - 3]);
  const auto b1 = static_cast<uint8_t>(word[end - 2]);
  const auto b2 = static_cast<uint8_t>(word[end - 1]);
  if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
  return cp >= 0xAC00 && cp <= 0xD7A3 ? cp : 0;
}

struct ParticleTable {
  std::unordered_map<std::string_view, After> particles;
  std::unordered_set<std::string_view> protected_words;
  std::unordered_set<std::string_view> short_stems;
  size_t max_particle_syllables = 0;
  size_t max_protected_syllables = 0;
  // Per Hangul syllable (index: code point - U+AC00), bit k set when some
  // particle of k syllables ends with it. Most words end in a syllable that
  // ends no particle of the length tried, and then need no hash lookup.
  std::vector<uint32_t> lengths_by_last;

  // False when no particle of `syllables` syllables ends with `last` (a
  // Hangul syllable); true when one may, and the map must say.
  bool MayEndParticle(char32_t last, size_t syllables) const {
    return (lengths_by_last[last - 0xAC00] >> syllables) & 1u;
  }
};

ParticleTable BuildTable() {
  ParticleTable table;
  ParticleTable* t = &table;
  {
    auto add = [t](std::string_view form) {
      if (form == "form") return;  // the TSV header
      t->particles.emplace(form, ConditionOf(form));
    };
    ForEachEntry(ko_lexicon::kOktJosa, add);
    ForEachEntry(ko_lexicon::kCoreJosa, add);
    ForEachEntry(ko_lexicon::kExtraJosa, add);
    ForEachEntry(ko_lexicon::kExcludedJosa,
                 [t](std::string_view form) { t->particles.erase(form); });
    // Forms that are not whole Hangul syllables (the colloquial jamo ㄹ) can
    // never match a syllable-aligned suffix; drop them.
    std::erase_if(t->particles, [](const auto& entry) {
      return entry.first.size() % kSyllableBytes != 0 ||
             static_cast<uint8_t>(entry.first[0]) < 0xEA;
    });
    t->lengths_by_last.assign(0xD7A4 - 0xAC00, 0);
    for (const auto& [form, after] : t->particles) {
      const size_t syllables = form.size() / kSyllableBytes;
      t->max_particle_syllables = std::max(t->max_particle_syllables, syllables);
      TG_CHECK(syllables < 32);
      const char32_t last = HangulSyllableEndingAt(form, form.size());
      if (last != 0) t->lengths_by_last[last - 0xAC00] |= 1u << syllables;
    }
    ForEachEntry(ko_lexicon::kProtectedWords, [t](std::string_view word) {
      t->protected_words.insert(word);
      t->max_protected_syllables =
          std::max(t->max_protected_syllables, word.size() / kSyllableBytes);
    });
    ForEachEntry(ko_lexicon::kShortStems,
                 [t](std::string_view word) { t->short_stems.insert(word); });
  }
  return table;
}

// Built on first use (thread-safe static initialisation); the keys view the
// embedded list data, which lives for the whole program.
const ParticleTable& Table() {
  static const ParticleTable table = BuildTable();
  return table;
}

bool Agrees(After after, char32_t syllable) {
  const uint32_t final_consonant = (syllable - 0xAC00) % 28;  // 0: none; 8: ㄹ
  switch (after) {
    case After::kAny:
      return true;
    case After::kConsonant:
      return final_consonant != 0;
    case After::kConsonantNotRieul:
      return final_consonant != 0 && final_consonant != 8;
    case After::kVowel:
      return final_consonant == 0;
    case After::kVowelOrRieul:
      return final_consonant == 0 || final_consonant == 8;
    case After::kIn:
      // -적 adjectives and the last syllables of role and organisation nouns
      // (회장, 대표, 창립자, 의원, 대통령, 총리, 장관, 교수, 변호사, 출신, 업체).
      // Nouns of people in -인 end otherwise (정치인, 대변인, 외국인, 기업인).
      switch (syllable) {
        case U'적':
        case U'장':
        case U'표':
        case U'자':
        case U'원':
        case U'령':
        case U'리':
        case U'관':
        case U'수':
        case U'사':
        case U'신':
        case U'체':
          return true;
        default:
          return false;
      }
  }
  return false;
}

// Syllables that end predicate stems (발표하는, 진행되는, 똑같은, 있을), never
// nouns: 하 / 되 and past or future forms (했, 됐, 였, 았, 었, 겠 ...).
bool IsPredicateSyllable(char32_t syllable) {
  switch (syllable) {
    case U'하':
    case U'되':
    case U'돼':
    case U'했':
    case U'됐':
    case U'였':
    case U'있':
    case U'없':
    case U'같':
    case U'많':
    case U'않':
    case U'았':
    case U'었':
    case U'겠':
    case U'났':
    case U'졌':
    case U'렸':
    case U'웠':
    case U'갔':
    case U'왔':
    case U'봤':
    case U'줬':
    case U'켰':
    case U'쳤':
      return true;
    default:
      return false;
  }
}

// Nouns ending in a predicate syllable (SK 산하의, 10명 이하로).
bool IsNounEndingLikePredicate(std::string_view stem) {
  for (std::string_view noun : {"산하", "이하", "영하", "휘하", "상하", "슬하"}) {
    if (stem.ends_with(noun)) return true;
  }
  return false;
}

// Whether stem + particle is rather a predicate with its ending: 발표하는,
// 있다는 / 했다며 (quoted -다 + 는 / 며), 싫지만 (-지 + 만), 사용했으며 (-으 +
// 며). Nouns ending in 다 mostly have a vowel before it (캐나다, 바다),
// predicates a consonant (있다, 했다, 한다) or 이 / 하 / 되 / 니 (것이다,
// 아니다).
bool LooksLikePredicate(std::string_view stem, std::string_view particle) {
  const char32_t last = HangulSyllableEndingAt(stem, stem.size());
  if (IsPredicateSyllable(last)) return !IsNounEndingLikePredicate(stem);
  if (last == U'으') return true;
  if (last == U'지' && particle.starts_with("만")) return true;
  if (last == U'다') {
    const char32_t before = HangulSyllableEndingAt(stem, stem.size() - kSyllableBytes);
    if (before == 0) return false;
    return (before - 0xAC00) % 28 != 0 || before == U'이' || before == U'하' || before == U'되' ||
           before == U'니';
  }
  return false;
}

// A one-syllable stem takes a particle when it is a listed short noun (것이,
// 그는), or before particles that predicates never end in: those starting
// with 에 / 으 and the longer adverbial ones (칩에, 잔으로, 칩까지).
bool OneSyllableStemAllowed(const ParticleTable& table, std::string_view stem,
                            std::string_view particle) {
  if (table.short_stems.contains(stem)) return true;
  for (std::string_view start : {"에", "으", "까지", "부터", "처럼", "보다", "마다", "마저"}) {
    if (particle.starts_with(start)) return true;
  }
  return false;
}

// Common surnames that take 모 "a certain" (김모씨), without those that
// form a common noun with 모 (이모, 고모, 조모, 규모, 공모, 추모, 소모, 장모,
// 양모, 노모, 변모, 도모, 사모, 부모).
constexpr std::string_view kSurnamesBeforeMo =
    "김박최정강윤임한오서신권황안송류전홍문손배백허남심하곽차주우구민진나지엄채원천방현함염여석선"
    "설마길연위표명기반왕금옥육맹탁국어편용예경봉";

// The common surnames, for 모 before 씨 or a parenthesis (이모(45)씨).
constexpr std::string_view kSurnames =
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천"
    "방공"
    "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제탁국어은편용예경봉사부";

// One-syllable stems of adjectives and verbs that take the adnominal 은 / 는
// / 을 / 를-like endings (좋은, 높은, 보는, 오는, 받을), for
// KoreanOneSyllableStemLength.
constexpr std::string_view kOneSyllablePredicates =
    "좋높낮작넓깊적짧늦젊밝받찾맞남얻입읽잡앉믿먹씻옳싫굵얇붉검보오가주사지서치쓰두뛰나자타차내매세"
    "켜끄크"
    "알살열걸들팔울놀빠바기이그저";

}  // namespace

size_t KoreanStemLength(std::string_view word) {
  const ParticleTable& table = Table();
  size_t syllables = 0;  // trailing Hangul syllables
  for (size_t end = word.size(); HangulSyllableEndingAt(word, end) != 0; end -= kSyllableBytes) {
    ++syllables;
  }
  if (syllables == 0) return word.size();
  // The stem keeps at least one Hangul syllable (so the particle has at most
  // syllables - 1), which also refuses LG는 here.
  const size_t longest = std::min(syllables - 1, table.max_particle_syllables);
  const char32_t final_syllable = HangulSyllableEndingAt(word, word.size());
  size_t protected_prefix = std::string_view::npos;  // computed on the first match
  for (size_t k = longest; k >= 1; --k) {
    if (!table.MayEndParticle(final_syllable, k)) continue;
    const size_t stem = word.size() - k * kSyllableBytes;
    const auto it = table.particles.find(word.substr(stem));
    if (it == table.particles.end()) continue;
    const char32_t last = HangulSyllableEndingAt(word, stem);
    if (!Agrees(it->second, last)) continue;
    if (stem == kSyllableBytes && !OneSyllableStemAllowed(table, word.substr(0, stem), it->first)) {
      continue;
    }
    if (LooksLikePredicate(word.substr(0, stem), it->first)) continue;
    if (protected_prefix == std::string_view::npos) {
      // The longest protected word the word starts with: no cut inside it
      // (나라는 is 나라 + 는, never 나 + 라는).
      protected_prefix = 0;
      const size_t max_bytes =
          std::min(word.size(), table.max_protected_syllables * kSyllableBytes);
      for (size_t b = 2 * kSyllableBytes; b <= max_bytes; b += kSyllableBytes) {
        if (table.protected_words.contains(word.substr(0, b))) protected_prefix = b;
      }
    }
    if (stem < protected_prefix) continue;
    return stem;
  }
  return word.size();
}

bool IsKoreanParticle(std::string_view word) {
  const ParticleTable& table = Table();
  // Particles are whole syllables, at most max_particle_syllables of them.
  if (word.size() > table.max_particle_syllables * kSyllableBytes) return false;
  const char32_t last = HangulSyllableEndingAt(word, word.size());
  if (last != 0 && word.size() % kSyllableBytes == 0 &&
      !table.MayEndParticle(last, word.size() / kSyllableBytes)) {
    return false;
  }
  return table.particles.contains(word);
}

size_t KoreanNameSuffixStart(std::string_view stem, bool before_name_mark) {
  const char32_t last = HangulSyllableEndingAt(stem, stem.size());
  if (last == 0 || stem.size() <= kSyllableBytes) return stem.size();
  const size_t start = stem.size() - kSyllableBytes;
  size_t syllables_before = 0;  // Hangul syllables directly before the suffix
  for (size_t end = start; HangulSyllableEndingAt(stem, end) != 0; end -= kSyllableBytes) {
    ++syllables_before;
  }
  switch (last) {
    case U'씨':  // any name or initial: 박씨, A씨
      break;
    case U'님':  // 손님, 형님 are nouns; names are longer (김상석님)
    case U'측':  // 예측, 관측 are nouns (삼성측)
      if (syllables_before < 2) return stem.size();
      break;
    case U'모': {  // "a certain" after a bare surname: 김모(33)씨, not 규모
      const std::string_view surnames = before_name_mark ? kSurnames : kSurnamesBeforeMo;
      if (start != kSyllableBytes ||
          surnames.find(stem.substr(0, kSyllableBytes)) == std::string_view::npos) {
        return stem.size();
      }
      break;
    }
    case U'군':  // A군, B양: anonymised young people; 양평군 is a county
    case U'양':
      if (start != 1 || stem[0] < 'A' || stem[0] > 'Z') return stem.size();
      break;
    default:
      return stem.size();
  }
  // Listed nouns ending in the suffix syllable are not cut (날씨, 아가씨, 하느님).
  const ParticleTable& table = Table();
  for (size_t n = 2; n <= 4 && n <= syllables_before + 1; ++n) {
    if (table.protected_words.contains(stem.substr(stem.size() - n * kSyllableBytes))) {
      return stem.size();
    }
  }
  return start;
}

size_t KoreanOneSyllableStemLength(std::string_view word) {
  if (word.size() < 2 * kSyllableBytes || HangulSyllableEndingAt(word, kSyllableBytes) == 0) {
    return word.size();
  }
  for (size_t end = word.size(); end > kSyllableBytes; end -= kSyllableBytes) {
    if (HangulSyllableEndingAt(word, end) == 0) return word.size();
  }
  const ParticleTable& table = Table();
  const std::string_view stem = word.substr(0, kSyllableBytes);
  if (kOneSyllablePredicates.find(stem) != std::string_view::npos) return word.size();
  const char32_t syllable = HangulSyllableEndingAt(word, kSyllableBytes);
  if (IsPredicateSyllable(syllable)) return word.size();
  const auto it = table.particles.find(word.substr(kSyllableBytes));
  if (it == table.particles.end() || !Agrees(it->second, syllable)) return word.size();
  // 도 and 만 end too many two-syllable nouns and adverbs (정도, 불만).
  if (it->first.starts_with("도") || it->first.starts_with("만")) return word.size();
  // A listed word the cut would break (회의, 차이, 나라는).
  for (size_t b = 2 * kSyllableBytes; b <= word.size(); b += kSyllableBytes) {
    if (table.protected_words.contains(word.substr(0, b))) return word.size();
  }
  return kSyllableBytes;
}

}  // namespace tg::text
