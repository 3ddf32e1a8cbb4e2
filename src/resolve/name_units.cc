#include "resolve/name_units.h"

#include "core/utf8.h"

namespace tg::resolve::names {
namespace {

bool IsVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsRunLetter(char c) { return IsVowelLetter(c) || c == 'y' || c == 'w'; }
bool IsFrontVowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

// clang-format off
// Hangul initials (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ); kConsCount = silent ㅇ.
constexpr uint8_t kInitials[19] = {kG, kK, kN, kD, kT, kL, kM, kB, kP, kS,
                                   kS, kConsCount, kJ, kJ, kCh, kK, kT, kP, kH};
// Hangul finals as pronounced at a syllable's end (index 0 = none).
constexpr uint8_t kFinals[28] = {kConsCount, kK, kK, kK, kN, kN, kN, kT, kL, kK, kM, kL, kL, kL,
                                 kP, kL, kM, kP, kP, kT, kT, kNg, kT, kT, kK, kT, kP, kT};
// clang-format on

// Whether final `coda` before initial `next` writes one doubled consonant.
bool Doubles(uint8_t coda, uint8_t next) {
  if (coda == next) return true;
  switch (coda) {
    case kT:
      return next == kD || next == kS || next == kJ || next == kCh;
    case kK:
      return next == kG;
    case kP:
      return next == kB;
    default:
      return false;
  }
}

Unit MakeUnit(UnitKind kind, uint8_t code, uint8_t flags, uint8_t token) {
  Unit u;
  u.kind = kind;
  u.code = code;
  u.flags = flags;
  u.token = token;
  u.spell.fill(kOutsideRun);
  return u;
}

void Push(Phonetic* out, const Unit& u) {
  if (out->size < kMaxUnits) out->units[out->size++] = u;
}

void PushCons(Phonetic* out, uint8_t code, uint8_t token, uint8_t flags = 0) {
  Push(out, MakeUnit(UnitKind::kCons, code, flags, token));
}

}  // namespace

void AppendLatinWord(std::string_view word, uint8_t token, const NameTables& tables,
                     Phonetic* out) {
  // Silent first and last letters: wr- kn- ps- wh- (w kept), -mb.
  std::array<char, 64> letters;
  size_t n = 0;
  for (size_t k = 0; k < word.size() && n < letters.size(); ++k) {
    const std::string_view head = word.substr(0, 2);
    if (k == 0 && (head == "wr" || head == "kn" || head == "ps")) continue;
    if (k == 1 && head == "wh") continue;
    if (k + 1 == word.size() && word.size() > 2 && word[k] == 'b' && word[k - 1] == 'm') continue;
    letters[n++] = word[k];
  }
  const std::string_view w(letters.data(), n);
  const int first_unit = out->size;
  auto at = [&](size_t i) { return i < n ? w[i] : '\0'; };
  size_t i = 0;
  while (i < n) {
    const char c = w[i];
    if (IsRunLetter(c)) {
      size_t j = i;
      while (j < n && IsRunLetter(w[j])) ++j;
      bool earlier_vowel = false;
      for (size_t k = 0; k < i; ++k) earlier_vowel |= IsRunLetter(w[k]);
      // A final e is silent (Vance), and so is the e of a final -es after a consonant (Gates).
      const bool final_es = j + 1 == n && w[j] == 's';
      const bool silent_e =
          (j == n || final_es) && j - i == 1 && c == 'e' && n >= 3 && earlier_vowel;
      for (size_t k = i; k < j; ++k) {
        Unit u = MakeUnit(UnitKind::kVowel, static_cast<uint8_t>(w[k]), 0, token);
        if (k == i) u.flags |= kRunStart;
        if (silent_e) u.flags |= kOptional;
        for (size_t len = 1; len <= kMaxSpelling && len <= k - i + 1; ++len) {
          const int code = SpellingCode(w.substr(k + 1 - len, len));
          u.spell[len - 1] = static_cast<int16_t>(code < 0 ? -1 : tables.SpellingId(code));
        }
        Push(out, u);
      }
      // An h after a vowel and before no vowel is silent (Ahn, Suh, Sarah).
      if (at(j) == 'h' && !IsRunLetter(at(j + 1))) ++j;
      i = j;
      continue;
    }
    // Doubled consonants are one sound (Matt, Ellison), except cc before e/i (Accenture).
    if (i > 0 && w[i - 1] == c && !(c == 'c' && IsFrontVowel(at(i + 1)))) {
      ++i;
      continue;
    }
    const char n1 = at(i + 1);
    const char n2 = at(i + 2);
    size_t step = 1;
    switch (c) {
      case 'b':
        PushCons(out, kB, token);
        break;
      case 'c':
        if (n1 == 'h') {
          PushCons(out, (n2 == 'r' || n2 == 'l') ? kK : kCh, token);
          step = 2;
        } else if (n1 == 'k') {
          PushCons(out, kK, token);
          step = 2;
        } else if (n1 == 'z') {
          PushCons(out, kCh, token);
          step = 2;
        } else {
          PushCons(out, IsFrontVowel(n1) ? kS : kK, token);
        }
        break;
      case 'd':
        if ((n1 == 'g' && IsFrontVowel(n2)) || n1 == 'j') {
          PushCons(out, kJ, token);
          step = 2;
        } else {
          PushCons(out, kD, token);
        }
        break;
      case 'f':
        PushCons(out, kF, token);
        break;
      case 'g':
        if (n1 == 'h') {
          if (i == 0) PushCons(out, kG, token);
          step = 2;
        } else {
          PushCons(out, kG, token, IsFrontVowel(n1) ? kSoft : 0);
        }
        break;
      case 'h':
        PushCons(out, kH, token);
        break;
      case 'j':
        PushCons(out, kJ, token);
        break;
      case 'k':
        if (n1 == 'h') step = 2;
        PushCons(out, kK, token);
        break;
      case 'l':
        PushCons(out, kL, token);
        break;
      case 'm':
        PushCons(out, kM, token);
        break;
      case 'n':
        if (n1 == 'g') {
          PushCons(out, kNg, token);
          step = 2;
        } else {
          PushCons(out, kN, token);
        }
        break;
      case 'p':
        if (n1 == 'h') {
          PushCons(out, kF, token);
          step = 2;
        } else {
          PushCons(out, kP, token);
        }
        break;
      case 'q':
        PushCons(out, kK, token);
        break;
      case 'r':
        if (n1 == 'h') step = 2;
        PushCons(out, kR, token);
        break;
      case 's':
        if (n1 == 'c' && n2 == 'h') {
          PushCons(out, kSh, token);
          step = 3;
        } else if (n1 == 'h') {
          PushCons(out, kSh, token);
          step = 2;
        } else {
          PushCons(out, kS, token);
        }
        break;
      case 't':
        if (n1 == 'c' && n2 == 'h') {
          PushCons(out, kCh, token);
          step = 3;
        } else if (n1 == 'h') {
          PushCons(out, kTh, token, kSoft);
          step = 2;
        } else if (n1 == 's' || n1 == 'z') {
          PushCons(out, kTs, token);
          step = 2;
        } else if (i + 3 == n && n1 == 'e' && n2 == 's' && i > 0) {
          PushCons(out, kTs, token);  // Gates 게이츠
          step = 3;
        } else if (i > 0 && n1 == 'i' && (n2 == 'o' || n2 == 'a') && at(i + 3) == 'n') {
          PushCons(out, kSh, token);  // -tion, -tian
          step = 2;
        } else {
          PushCons(out, kT, token);
        }
        break;
      case 'v':
        PushCons(out, kV, token);
        break;
      case 'x':
        if (i == 0) {
          PushCons(out, kZ, token);
        } else {
          PushCons(out, kK, token);
          PushCons(out, kS, token);
        }
        break;
      case 'z':
        if (n1 == 'h') step = 2;
        PushCons(out, n1 == 'h' ? kJ : kZ, token);
        break;
      default:
        break;
    }
    i += step;
  }
  // Codas: a consonant followed by no sounded vowel. Palatal vowels: after sh, j, ch, soft g.
  for (int k = first_unit; k < out->size; ++k) {
    Unit& u = out->units[k];
    const Unit* next = k + 1 < out->size ? &out->units[k + 1] : nullptr;
    if (u.kind == UnitKind::kCons) {
      if (next == nullptr || next->kind != UnitKind::kVowel || next->has(kOptional)) {
        u.flags |= kCoda;
        if (u.code == kR) u.flags |= kOptional;
      }
    } else if (u.has(kRunStart) && k > first_unit) {
      const Unit& prev = out->units[k - 1];
      if (prev.kind == UnitKind::kCons &&
          (prev.code == kSh || prev.code == kJ || prev.code == kCh || prev.has(kSoft))) {
        u.flags |= kPalatal;
      }
    }
  }
  out->has_latin = true;
}

void AppendHangul(std::string_view run, uint8_t token, Phonetic* out) {
  size_t pos = 0;
  bool prev_open = false;  // the previous syllable ended in a vowel
  while (pos < run.size()) {
    const char32_t cp = NextChar(run, &pos);
    if (!IsHangulSyllable(cp)) continue;
    const int s = static_cast<int>(cp - 0xAC00);
    const int initial = s / 588;
    const int vowel = (s % 588) / 28;
    const int final = s % 28;
    // A final that repeats the next initial marks a doubled consonant (엘리 Elli-, 한나
    // Hanna, 롯데 Lotte, 닛산 Nissan): cheap to leave out.
    if (out->size > 0 && kInitials[initial] != kConsCount) {
      Unit& last = out->units[out->size - 1];
      if (last.hangul() && last.has(kCoda) && Doubles(last.code, kInitials[initial])) {
        last.flags |= kOptional;
      }
    }
    const uint8_t cons = kInitials[initial];
    if (cons != kConsCount) PushCons(out, cons, token, kHangulUnit);
    uint8_t vflags = kHangulUnit;
    // ㅡ after a consonant with no final, or before ㄹ (블 for -ble), was inserted.
    if (vowel == kVowelEu && (final == 0 || final == 8) && cons != kConsCount) vflags |= kOptional;
    if (vowel == kVowelI && final == 0 && cons == kConsCount && prev_open) vflags |= kOptional;
    if (cons == kS || cons == kJ || cons == kCh) vflags |= kPalatal;
    if (final != 0) vflags |= kClosed;
    Push(out, MakeUnit(UnitKind::kVowel, static_cast<uint8_t>(vowel), vflags, token));
    if (final != 0) PushCons(out, kFinals[final], token, kHangulUnit | kCoda);
    prev_open = final == 0;
  }
  out->has_hangul = true;
}

void Finish(Phonetic* out) {
  out->tokens = 0;
  out->weight = 0;
  out->token_weight.fill(0);
  int last_token = -1;
  for (int k = 0; k < out->size; ++k) {
    const Unit& u = out->units[k];
    if (u.token != last_token && out->tokens < kMaxTokens) {
      out->token_begin[out->tokens++] = static_cast<uint8_t>(k);
      last_token = u.token;
    }
    float w = 0;
    switch (u.kind) {
      case UnitKind::kCons:
        w = u.has(kOptional) ? 0.3f : 1.0f;
        break;
      case UnitKind::kVowel:
        w = u.hangul() ? (u.has(kOptional) ? 0 : 0.5f)
                       : (u.has(kRunStart) && !u.has(kOptional) ? 0.5f : 0);
        break;
      case UnitKind::kConcept:
        w = 1.5f;
        break;
      case UnitKind::kLetter:
        w = 1.0f;
        break;
      default:
        w = 1.0f;
        break;
    }
    if (u.has(kInitial)) w *= 0.2f;
    out->weight += w;
    if (out->tokens > 0) out->token_weight[out->tokens - 1] += w;
  }
  out->token_begin[out->tokens] = static_cast<uint8_t>(out->size);
}

void Parse(std::string_view name, const NameTables& tables, const ParseOptions& options,
           Phonetic* out) {
  out->size = 0;
  out->tokens = 0;
  out->has_hangul = out->has_latin = out->has_other = false;
  out->concepts = 0;
  Words words;
  ReadWords(name, &words);
  if (options.concepts) {
    MarkEnglishOrgWords(tables, &words);
    SplitKoreanOrgWords(tables, &words);
  }
  if (options.org) DropStopWords(&words);
  // Tokens renumbered over the words kept.
  int token = -1;
  int last_source_token = -1;
  for (int i = 0; i < words.n; ++i) {
    const Word& w = words.w[i];
    if (w.drop) continue;
    if (w.token != last_source_token) {
      ++token;
      last_source_token = w.token;
    }
    const auto t = static_cast<uint8_t>(token);
    if (w.meaning >= 0) {
      Push(out, MakeUnit(UnitKind::kConcept, static_cast<uint8_t>(w.meaning), 0, t));
      ++out->concepts;
      continue;
    }
    const int before = out->size;
    switch (w.kind) {
      case WordKind::kLatin:
        if (IsAcronym(w)) {
          for (char l : w.text)
            Push(out, MakeUnit(UnitKind::kLetter, static_cast<uint8_t>(l), 0, t));
          out->has_latin = true;
        } else {
          AppendLatinWord(w.text, t, tables, out);
        }
        break;
      case WordKind::kHangul:
        AppendHangul(w.text, t, out);
        break;
      case WordKind::kDigits:
        for (char d : w.text) Push(out, MakeUnit(UnitKind::kDigit, static_cast<uint8_t>(d), 0, t));
        break;
      case WordKind::kOther: {
        size_t pos = 0;
        while (pos < w.text.size()) {
          const char32_t cp = NextChar(w.text, &pos);
          Push(out, MakeUnit(UnitKind::kOther, static_cast<uint8_t>(cp & 0xFF), 0, t));
        }
        out->has_other = true;
        break;
      }
    }
    // A token of one Latin letter is an initial ("Donald J. Trump").
    const bool lone = w.kind == WordKind::kLatin && w.text.size() == 1 &&
                      (i + 1 >= words.n || words.w[i + 1].token != w.token) &&
                      (i == 0 || words.w[i - 1].token != w.token);
    if (options.initials && lone) {
      for (int k = before; k < out->size; ++k) out->units[k].flags |= kInitial;
    }
  }
  Finish(out);
}

void Reorder(const Phonetic& in, const uint8_t* order, Phonetic* out) {
  out->size = 0;
  for (int t = 0; t < in.tokens; ++t) {
    const int src = order[t];
    for (int k = in.token_begin[src]; k < in.token_begin[src + 1]; ++k) {
      Unit u = in.units[k];
      u.token = static_cast<uint8_t>(t);
      out->units[out->size++] = u;
    }
  }
  out->has_hangul = in.has_hangul;
  out->has_latin = in.has_latin;
  out->has_other = in.has_other;
  out->concepts = in.concepts;
  Finish(out);
}

}  // namespace tg::resolve::names
