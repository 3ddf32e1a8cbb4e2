#include "resolve/align.h"

#include <algorithm>
#include <array>

namespace tg::resolve::names {
namespace {

constexpr float kInf = 1e9f;
constexpr float kMiss = 1.0f;         // a consonant for another
constexpr float kConceptMiss = 3.0f;  // a translated organisation word with no partner
constexpr float kWeakConceptMiss = 2.0f;

using ConsTable = std::array<std::array<float, kConsCount>, kConsCount>;

struct Pair {
  Cons a, b;
  float cost;
};

constexpr ConsTable Build(std::initializer_list<Pair> pairs, bool symmetric) {
  ConsTable t{};
  for (auto& row : t) row.fill(kMiss);
  for (int c = 0; c < kConsCount; ++c) t[c][c] = 0;
  for (const Pair& p : pairs) {
    t[p.a][p.b] = p.cost;
    if (symmetric) t[p.b][p.a] = p.cost;
  }
  return t;
}

// clang-format off
// Hangul consonant (row) as a Latin consonant (column).
constexpr ConsTable kOnsetTrans = Build(
    {{kG, kK, 0.1f},  {kK, kG, 0.15f}, {kD, kT, 0.1f},  {kD, kTh, 0.2f}, {kT, kD, 0.2f},
     {kT, kTh, 0.1f}, {kT, kTs, 0.4f}, {kB, kV, 0},     {kB, kP, 0.2f},  {kB, kF, 0.4f},
     {kP, kF, 0},     {kP, kB, 0.2f},  {kP, kV, 0.4f},  {kS, kSh, 0},    {kS, kTh, 0.1f},
     {kS, kZ, 0.2f},  {kS, kTs, 0.4f}, {kS, kCh, 0.5f}, {kS, kJ, 0.6f},  {kJ, kZ, 0.05f},
     {kJ, kCh, 0.1f}, {kJ, kTs, 0.4f}, {kJ, kS, 0.5f},  {kJ, kSh, 0.4f}, {kCh, kTs, 0},
     {kCh, kJ, 0.15f}, {kCh, kT, 0.4f}, {kCh, kZ, 0.3f}, {kCh, kSh, 0.4f}, {kL, kR, 0},
     {kN, kNg, 0.4f}},
    false);
constexpr ConsTable kCodaTrans = Build(
    {{kK, kG, 0.1f},  {kK, kCh, 0.5f}, {kT, kD, 0.1f}, {kT, kS, 0.4f},  {kT, kTh, 0.3f},
     {kT, kTs, 0.4f}, {kT, kCh, 0.5f}, {kT, kJ, 0.5f}, {kP, kB, 0.1f},  {kP, kF, 0.2f},
     {kP, kV, 0.3f},  {kL, kR, 0.1f},  {kN, kNg, 0.3f}, {kNg, kN, 0.3f}, {kNg, kG, 0.6f}},
    false);
constexpr ConsTable kOnsetRoman = Build(
    {{kG, kK, 0},    {kK, kG, 0.3f}, {kD, kT, 0},    {kT, kD, 0.3f}, {kB, kP, 0},
     {kP, kB, 0.3f}, {kP, kF, 0.3f}, {kS, kSh, 0},   {kJ, kCh, 0},   {kJ, kZ, 0.5f},
     {kCh, kJ, 0.3f}, {kL, kR, 0}},
    false);
constexpr ConsTable kCodaRoman = Build(
    {{kK, kG, 0}, {kT, kD, 0}, {kT, kS, 0.3f}, {kP, kB, 0}, {kL, kR, 0.1f}}, false);
// Two Hangul consonants.
constexpr ConsTable kHangulPair = Build(
    {{kG, kK, 0.3f}, {kD, kT, 0.3f}, {kB, kP, 0.3f}, {kJ, kCh, 0.3f}, {kS, kJ, 0.6f},
     {kS, kCh, 0.6f}, {kN, kNg, 0.5f}},
    true);
// Two Latin consonants: spellings of one sound in romanised Korean names, or in loose
// spellings of foreign names.
constexpr ConsTable kLatinRoman = Build(
    {{kG, kK, 0.2f},  {kD, kT, 0.2f},  {kB, kP, 0.2f},  {kJ, kCh, 0.2f}, {kL, kR, 0.2f},
     {kS, kSh, 0.1f}, {kF, kP, 0.3f},  {kV, kB, 0.3f},  {kZ, kJ, 0.3f},  {kZ, kS, 0.3f},
     {kTs, kCh, 0.3f}, {kTh, kT, 0.3f}, {kTh, kS, 0.3f}},
    true);
constexpr ConsTable kLatinTrans = Build(
    {{kG, kK, 0.4f},  {kD, kT, 0.4f},  {kB, kP, 0.4f},  {kJ, kCh, 0.4f}, {kL, kR, 0.5f},
     {kS, kSh, 0.3f}, {kF, kP, 0.3f},  {kV, kB, 0.4f},  {kZ, kJ, 0.4f},  {kZ, kS, 0.2f},
     {kTs, kCh, 0.4f}, {kTh, kT, 0.2f}, {kTh, kS, 0.4f}, {kN, kNg, 0.5f}},
    true);
// clang-format on

float ConsSub(const Unit& x, const Unit& y, bool roman) {
  if (x.hangul() && y.hangul()) return kHangulPair[x.code][y.code];
  if (!x.hangul() && !y.hangul()) return (roman ? kLatinRoman : kLatinTrans)[x.code][y.code];
  const Unit& h = x.hangul() ? x : y;
  const Unit& l = x.hangul() ? y : x;
  if (h.has(kCoda)) return (roman ? kCodaRoman : kCodaTrans)[h.code][l.code];
  // A final s after a voiced sound is z: Materials 머티어리얼즈.
  if (!roman && h.code == kJ && l.code == kS && l.has(kCoda)) return 0.15f;
  // A g before e/i/y may be soft: Gerald 제럴드 as well as Gilbert 길버트.
  if (!roman && l.code == kG && l.has(kSoft)) {
    if (h.code == kJ) return 0.1f;
    if (h.code == kG) return 0.1f;
  }
  return (roman ? kOnsetRoman : kOnsetTrans)[h.code][l.code];
}

// Cost of leaving `u` out; `cross`: the other name is in the other script.
float DelCost(const Unit& u, bool cross, bool roman) {
  switch (u.kind) {
    case UnitKind::kCons:
      if (u.has(kInitial)) return 0.2f;
      if (u.hangul()) {
        if (u.has(kOptional)) return cross ? 0.1f : 0.2f;
        if (roman) return 1.0f;
        return u.code == kH ? 0.6f : 1.0f;
      }
      if (roman) return 1.0f;
      if (u.code == kH) return cross ? 0.3f : 0.4f;
      if (cross && u.has(kOptional)) return 0.1f;  // Mark -> 마크
      return 1.0f;
    case UnitKind::kVowel:
      if (u.has(kInitial)) return 0.1f;
      if (u.hangul()) {
        if (roman) return 1.0f;
        if (u.has(kOptional)) return cross ? (u.code == kVowelEu ? 0.1f : 0.15f) : 0.2f;
        return cross ? 0.45f : 0.5f;
      }
      if (roman) return 1.0f;
      if (u.has(kOptional)) return cross ? 0.05f : 0.2f;
      if (u.code == 'y' || u.code == 'w') return 0.2f;
      return cross ? 0.35f : 0.4f;
    case UnitKind::kConcept:
    case UnitKind::kLetter:
      return kConceptMiss;  // weak concepts are charged in Aligner::Del
    default:
      return 1.0f;
  }
}

constexpr float kLetterInWord = 0.3f;
constexpr float kLongI = 0.1f;
constexpr int kVowelA = 0;  // ㅏ

// A Latin i or y standing alone in its vowel run (Bright, Ryan), not before another vowel.
bool LongI(const Unit& u) {
  return !u.hangul() && (u.code == 'i' || u.code == 'y') && u.has(kRunStart);
}

// Whether Latin unit `u` is what letter `letter` reads as in a word.
bool LetterSound(uint8_t letter, const Unit& u) {
  if (u.kind == UnitKind::kVowel) return u.code == letter;
  if (u.kind != UnitKind::kCons) return false;
  switch (letter) {
    case 'b':
      return u.code == kB;
    case 'c':
      return u.code == kK || u.code == kS;
    case 'd':
      return u.code == kD;
    case 'f':
      return u.code == kF;
    case 'g':
      return u.code == kG;
    case 'h':
      return u.code == kH;
    case 'j':
      return u.code == kJ;
    case 'k':
    case 'q':
      return u.code == kK;
    case 'l':
      return u.code == kL;
    case 'm':
      return u.code == kM;
    case 'n':
      return u.code == kN || u.code == kNg;
    case 'p':
      return u.code == kP || u.code == kF;
    case 'r':
      return u.code == kR;
    case 's':
      return u.code == kS || u.code == kSh;
    case 't':
      return u.code == kT || u.code == kTh || u.code == kTs;
    case 'v':
      return u.code == kV;
    case 'z':
      return u.code == kZ;
    default:
      return false;
  }
}

// Hangul vowels with a y-glide and the plain vowel under it (ㅑ->ㅏ ...), or -1.
int WithoutGlide(int v) {
  switch (v) {
    case 2:
      return 0;
    case 3:
      return 1;
    case 6:
      return 4;
    case 7:
      return 5;
    case 12:
      return 8;
    case 17:
      return 13;
    default:
      return -1;
  }
}

float HangulLatinVowel(const Unit& h, const Unit& l, int id, const NameTables& t, bool roman) {
  float c = t.HangulLatin(h.code, id, roman);
  if (roman && !h.has(kClosed)) c += t.OpenSyllablePenalty(h.code, id);
  // After sh/j/ch (ㅅ/ㅈ/ㅊ) a y-glide is hardly heard: 샤 ~ sha, 쥬 ~ ju.
  const int base = WithoutGlide(h.code);
  if (base >= 0 && (h.has(kPalatal) || l.has(kPalatal))) {
    c = std::min(c, t.HangulLatin(base, id, roman) + 0.05f);
  }
  return c;
}

}  // namespace

float Aligner::Run(const Phonetic& a, const Phonetic& b, float budget) {
  a_ = &a;
  b_ = &b;
  na_ = a.size;
  nb_ = b.size;
  // Leaving a unit out costs according to the unit and to the other name's script.
  auto fill_del = [&](const Phonetic& own, const Phonetic& other,
                      std::array<float, kMaxUnits>* del) {
    for (int i = 0; i < own.size; ++i) {
      const Unit& u = own.units[i];
      (*del)[i] = u.kind == UnitKind::kConcept && t_.concept_kind(u.code) == ConceptKind::kWeak
                      ? kWeakConceptMiss
                      : DelCost(u, u.hangul() != other.has_hangul, roman_);
    }
  };
  fill_del(a, b, &del_a_);
  fill_del(b, a, &del_b_);
  for (int i = 0; i <= na_; ++i) {
    float row_min = kInf;
    for (int j = 0; j <= nb_; ++j) {
      float best = kInf;
      if (i == 0 && j == 0) best = 0;
      ForEachOp(i, j, [&](int pi, int pj, float c) { best = std::min(best, D(pi, pj) + c); });
      D(i, j) = best;
      row_min = std::min(row_min, best);
    }
    // Every alignment passes through each row: once a row costs more than the
    // budget, so does the whole.
    if (row_min > budget) return row_min;
  }
  return D(na_, nb_);
}

void Aligner::Attribute(TokenCosts* a_costs, TokenCosts* b_costs) {
  a_costs->fill(0);
  b_costs->fill(0);
  int i = na_, j = nb_;
  while (i > 0 || j > 0) {
    int ni = -1, nj = -1;
    float step = 0;
    const float here = D(i, j);
    ForEachOp(i, j, [&](int pi, int pj, float c) {
      if (ni < 0 && D(pi, pj) + c <= here + 1e-4f) {
        ni = pi;
        nj = pj;
        step = c;
      }
    });
    if (ni < 0) break;  // not reached: every cell has a predecessor
    if (na_ > 0) (*a_costs)[a_->units[std::max(i, 1) - 1].token] += step;
    if (nb_ > 0) (*b_costs)[b_->units[std::max(j, 1) - 1].token] += step;
    i = ni;
    j = nj;
  }
}

// Calls f(previous i, previous j, cost) for every step that ends at (i, j).
template <typename F>
void Aligner::ForEachOp(int i, int j, F&& f) {
  if (i > 0) f(i - 1, j, del_a_[i - 1]);
  if (j > 0) f(i, j - 1, del_b_[j - 1]);
  if (i == 0 || j == 0) return;
  const Phonetic& a = *a_;
  const Phonetic& b = *b_;
  const Unit& x = a.units[i - 1];
  const Unit& y = b.units[j - 1];
  if (x.kind == y.kind) {
    switch (x.kind) {
      case UnitKind::kCons:
        f(i - 1, j - 1, ConsSub(x, y, roman_));
        // Latin ng against Hangul ㄴ + ㄱ (Jingu ~ 진구), either way round.
        if (!x.hangul() && x.code == kNg && y.hangul() && y.code == kG && j >= 2 &&
            b.units[j - 2].code == kN && b.units[j - 2].has(kCoda)) {
          f(i - 1, j - 2, 0.05f);
        }
        if (!y.hangul() && y.code == kNg && x.hangul() && x.code == kG && i >= 2 &&
            a.units[i - 2].code == kN && a.units[i - 2].has(kCoda)) {
          f(i - 2, j - 1, 0.05f);
        }
        return;
      case UnitKind::kVowel:
        Vowels(i, j, x, y, f);
        // A long English i read as 아이 (Bright 브라이트, Mike 마이크), either way round.
        if (LongI(x) && y.hangul() && y.code == kVowelI && y.has(kOptional) && j >= 2 &&
            b.units[j - 2].hangul() && b.units[j - 2].code == kVowelA) {
          f(i - 1, j - 2, kLongI);
        }
        if (LongI(y) && x.hangul() && x.code == kVowelI && x.has(kOptional) && i >= 2 &&
            a.units[i - 2].hangul() && a.units[i - 2].code == kVowelA) {
          f(i - 2, j - 1, kLongI);
        }
        return;
      case UnitKind::kConcept:
      case UnitKind::kLetter:
        f(i - 1, j - 1, x.code == y.code ? 0 : kConceptMiss);
        return;
      default:
        f(i - 1, j - 1, x.code == y.code ? 0 : kMiss);
        return;
    }
  }
  // An acronym's letter against the same letter read in a word (JP모건 ~ JPMorgan).
  if ((x.kind == UnitKind::kLetter) != (y.kind == UnitKind::kLetter)) {
    const Unit& letter = x.kind == UnitKind::kLetter ? x : y;
    const Unit& other = x.kind == UnitKind::kLetter ? y : x;
    if (!other.hangul() && LetterSound(letter.code, other)) f(i - 1, j - 1, kLetterInWord);
  }
}

// Vowels: one Hangul vowel per Latin letter group (ae, eo, you ...).
template <typename F>
void Aligner::Vowels(int i, int j, const Unit& x, const Unit& y, F& f) {
  if (x.hangul() && y.hangul()) {
    f(i - 1, j - 1, t_.HangulHangul(x.code, y.code));
    return;
  }
  if (x.hangul()) {
    for (int k = 1; k <= kMaxSpelling && k <= j; ++k) {
      const int id = y.spell[k - 1];
      if (id == kOutsideRun) break;
      if (id >= 0) f(i - 1, j - k, HangulLatinVowel(x, b_->units[j - k], id, t_, roman_));
    }
    return;
  }
  if (y.hangul()) {
    for (int k = 1; k <= kMaxSpelling && k <= i; ++k) {
      const int id = x.spell[k - 1];
      if (id == kOutsideRun) break;
      if (id >= 0) f(i - k, j - 1, HangulLatinVowel(y, a_->units[i - k], id, t_, roman_));
    }
    return;
  }
  for (int k1 = 1; k1 <= 3 && k1 <= i; ++k1) {
    const int id1 = x.spell[k1 - 1];
    if (id1 == kOutsideRun) break;
    if (id1 < 0) continue;
    for (int k2 = 1; k2 <= 3 && k2 <= j; ++k2) {
      const int id2 = y.spell[k2 - 1];
      if (id2 == kOutsideRun) break;
      if (id2 >= 0) f(i - k1, j - k2, t_.LatinLatin(id1, id2, roman_));
    }
  }
}

float AlignCost(const Phonetic& a, const Phonetic& b, AlignMode mode, const NameTables& tables) {
  Aligner aligner(mode, tables);
  return aligner.Run(a, b);
}

}  // namespace tg::resolve::names
