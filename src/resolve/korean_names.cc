#include "resolve/korean_names.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "resolve/align.h"
#include "resolve/name_units.h"

namespace tg::resolve::names {
namespace {

// Weight of one romanisation cost unit in the score: a single wrong consonant
// in a two-syllable given name must fall below the match threshold.
constexpr double kRomanScale = 1.6;
// Cost of a surname spelling not in the table but close to one (Jeon for 전 is
// listed; Choe for 최 is listed; an odd one such as "Chweh" is not).
constexpr float kUnlistedSurname = 0.3f;
constexpr float kSurnameVariant = 0.08f;  // Chey vs Choi: one surname, two spellings

// Revised Romanization of initials, vowels and finals (names: no sound changes
// across syllables).
// clang-format off
constexpr std::string_view kRrInitials[19] = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s",
                                              "ss", "",  "j", "jj", "ch", "k", "t", "p", "h"};
constexpr std::string_view kRrVowels[21] = {"a",  "ae", "ya", "yae", "eo", "e",  "yeo",
                                            "ye", "o",  "wa", "wae", "oe", "yo", "u",
                                            "wo", "we", "wi", "yu",  "eu", "ui", "i"};
constexpr std::string_view kRrFinals[28] = {"",  "k", "k", "k", "n", "n", "n", "t", "l", "k",
                                            "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
                                            "t", "ng", "t", "t", "k", "t", "p", "t"};
// clang-format on

// A Latin name as lower-case tokens; hyphens kept inside tokens.
struct LatinTokens {
  std::array<char, 128> buf;
  size_t used = 0;
  std::array<std::string_view, kMaxTokens> tok;
  int n = 0;
};

// False when `latin` holds anything but Latin letters, spaces and punctuation.
bool Tokenize(std::string_view latin, LatinTokens* out) {
  size_t pos = 0;
  bool in_token = false;
  size_t begin = 0;
  auto close = [&]() {
    if (in_token && out->n < kMaxTokens) {
      out->tok[out->n++] = std::string_view(out->buf.data() + begin, out->used - begin);
    }
    in_token = false;
  };
  while (pos < latin.size()) {
    const char32_t cp = NextChar(latin, &pos);
    if (cp == ' ' || cp == ',' || cp == '\t' || cp == 0xA0) {
      close();
      continue;
    }
    if (cp == '.' || cp == '\'' || cp == 0x2019) continue;
    char c = FoldLatin(cp);
    if (cp == '-' || cp == 0x2010 || cp == 0x2011) c = '-';
    if (c == 0) return false;
    if (out->used == out->buf.size()) return false;
    if (!in_token) {
      in_token = true;
      begin = out->used;
    }
    out->buf[out->used++] = c;
  }
  close();
  return out->n > 0;
}

// The given-name tokens as units, hyphen-separated parts as separate words.
void AppendGiven(const LatinTokens& t, int from, int to, const NameTables& tables, Phonetic* p) {
  for (int k = from; k < to; ++k) {
    std::string_view tok = t.tok[k];
    while (!tok.empty()) {
      const size_t dash = tok.find('-');
      const std::string_view part = tok.substr(0, dash);
      if (!part.empty()) AppendLatinWord(part, static_cast<uint8_t>(k - from), tables, p);
      tok = dash == std::string_view::npos ? std::string_view() : tok.substr(dash + 1);
    }
  }
}

// Score of a whole Korean name from its surname cost and its given names' units.
double NameScore(const Phonetic& given1, const Phonetic& given2, float surname_cost,
                 const NameTables& tables) {
  const float given_cost = AlignCost(given1, given2, AlignMode::kRoman, tables);
  const double norm = 1.0 + 0.5 * (given1.weight + given2.weight);
  return std::clamp(1.0 - kRomanScale * (surname_cost + given_cost) / norm, 0.0, 1.0);
}

bool IsWord(std::string_view tok) {
  return !tok.empty() && tok.find('-') == std::string_view::npos;
}

struct Shape {
  int surname_token = -1;
  int given_from = 0, given_to = 0;
};

// Surname first ("Lee Jae-yong") or last ("Jae-yong Lee", "Ho Sung Song").
int Shapes(const LatinTokens& t, std::array<Shape, 2>* shapes) {
  int n = 0;
  if (t.n < 2 || t.n > 4) return 0;
  if (IsWord(t.tok[0])) (*shapes)[n++] = Shape{0, 1, t.n};
  if (IsWord(t.tok[t.n - 1])) (*shapes)[n++] = Shape{t.n - 1, 0, t.n - 1};
  return n;
}

// A syllable of consonant + ㅡ with no final (스, 크, 트, 프 ...) is how Korean
// writes a bare English consonant; Korean given names do not use them, so
// 시스코 or 마이크 are no names of the Si or Ma family.
bool HasInsertedVowel(std::string_view given) {
  size_t pos = 0;
  while (pos < given.size()) {
    const char32_t cp = NextChar(given, &pos);
    if (!IsHangulSyllable(cp)) continue;
    const int s = static_cast<int>(cp - 0xAC00);
    if ((s % 588) / 28 == kVowelEu && s % 28 == 0 && s / 588 != 11) return true;  // 11: ㅇ
  }
  return false;
}

}  // namespace

bool SplitKoreanName(std::string_view name, const NameTables& tables, KoreanName* out) {
  // Syllable byte offsets; one space is allowed, right after the surname.
  std::array<size_t, 5> starts{};
  int syllables = 0;
  int space_after = -1;
  size_t pos = 0;
  size_t end = name.size();
  while (end > 0 && name[end - 1] == ' ') --end;
  while (pos < end) {
    const size_t at = pos;
    const char32_t cp = NextChar(name, &pos);
    if (cp == ' ') {
      if (space_after >= 0 || syllables == 0) return false;
      space_after = syllables;
      continue;
    }
    if (!IsHangulSyllable(cp) || syllables == 4) return false;
    starts[syllables++] = at;
  }
  if (syllables < 2) return false;
  auto syl = [&](int from, int to) {
    const size_t b = starts[from];
    size_t e = to < syllables ? starts[to] : end;
    while (e > b && name[e - 1] == ' ') --e;
    return name.substr(b, e - b);
  };
  for (int surname_len = 2; surname_len >= 1; --surname_len) {
    const int given_len = syllables - surname_len;
    if (given_len < 1 || given_len > 2) continue;
    if (space_after >= 0 && space_after != surname_len) continue;
    const int s = tables.FindSurname(syl(0, surname_len));
    if (s < 0) continue;
    std::string_view given = syl(surname_len, syllables);
    if (HasInsertedVowel(given)) return false;
    if (!given.empty() && given[0] == ' ') given.remove_prefix(1);
    *out = KoreanName{s, syl(0, surname_len), given};
    return true;
  }
  return false;
}

std::string RomanizeKoreanName(const KoreanName& name, const NameTables& tables) {
  std::string out = tables.surname(name.surname).display;
  out += ' ';
  size_t pos = 0;
  bool first = true;
  while (pos < name.given.size()) {
    const char32_t cp = NextChar(name.given, &pos);
    if (!IsHangulSyllable(cp)) continue;
    const int s = static_cast<int>(cp - 0xAC00);
    if (!first) out += '-';
    const size_t at = out.size();
    out += kRrInitials[s / 588];
    out += kRrVowels[(s % 588) / 28];
    out += kRrFinals[s % 28];
    if (first) out[at] = static_cast<char>(out[at] - 'a' + 'A');
    first = false;
  }
  return out;
}

RomanScore MatchKoreanToLatin(const KoreanName& korean, std::string_view latin,
                              const NameTables& tables) {
  RomanScore result;
  LatinTokens t;
  if (!Tokenize(latin, &t)) return result;
  std::array<Shape, 2> shapes;
  const int count = Shapes(t, &shapes);
  if (count == 0) return result;

  Phonetic hangul_given;
  AppendHangul(korean.given, 0, &hangul_given);
  Finish(&hangul_given);
  for (int k = 0; k < count; ++k) {
    const Shape& sh = shapes[k];
    const std::string_view surname = t.tok[sh.surname_token];
    float surname_cost = 0;
    if (!tables.Spells(surname, korean.surname)) {
      if (tables.SpellingGroup(surname) == tables.surname(korean.surname).group) {
        surname_cost = kSurnameVariant;
      } else {
        Phonetic hs, ls;
        AppendHangul(korean.surname_text, 0, &hs);
        Finish(&hs);
        AppendLatinWord(surname, 0, tables, &ls);
        Finish(&ls);
        const float c = AlignCost(hs, ls, AlignMode::kRoman, tables);
        if (c > 0.35f) continue;  // not this surname
        surname_cost = c + kUnlistedSurname;
      }
    }
    result.applicable = true;
    Phonetic latin_given;
    AppendGiven(t, sh.given_from, sh.given_to, tables, &latin_given);
    Finish(&latin_given);
    result.score =
        std::max(result.score, NameScore(hangul_given, latin_given, surname_cost, tables));
  }
  return result;
}

RomanScore MatchLatinKorean(std::string_view a, std::string_view b, const NameTables& tables) {
  RomanScore result;
  LatinTokens ta, tb;
  if (!Tokenize(a, &ta) || !Tokenize(b, &tb)) return result;
  std::array<Shape, 2> sa, sb;
  const int na = Shapes(ta, &sa);
  const int nb = Shapes(tb, &sb);
  bool a_shaped = false, b_shaped = false;
  for (int i = 0; i < na; ++i) a_shaped |= tables.SpellingGroup(ta.tok[sa[i].surname_token]) >= 0;
  for (int j = 0; j < nb; ++j) b_shaped |= tables.SpellingGroup(tb.tok[sb[j].surname_token]) >= 0;
  if (!a_shaped || !b_shaped) return result;
  result.applicable = true;
  for (int i = 0; i < na; ++i) {
    const std::string_view s1 = ta.tok[sa[i].surname_token];
    const int g1 = tables.SpellingGroup(s1);
    if (g1 < 0) continue;
    for (int j = 0; j < nb; ++j) {
      const std::string_view s2 = tb.tok[sb[j].surname_token];
      if (tables.SpellingGroup(s2) != g1) continue;
      const float surname_cost = s1 == s2 ? 0.0f : kSurnameVariant;
      Phonetic p1, p2;
      AppendGiven(ta, sa[i].given_from, sa[i].given_to, tables, &p1);
      AppendGiven(tb, sb[j].given_from, sb[j].given_to, tables, &p2);
      Finish(&p1);
      Finish(&p2);
      result.score = std::max(result.score, NameScore(p1, p2, surname_cost, tables));
    }
  }
  return result;
}

bool LatinKoreanShaped(std::string_view latin, const NameTables& tables) {
  LatinTokens t;
  if (!Tokenize(latin, &t) || t.n < 2 || t.n > 4) return false;
  for (const std::string_view tok : {t.tok[0], t.tok[t.n - 1]}) {
    if (IsWord(tok) && tables.SpellingGroup(tok) >= 0) return true;
  }
  return false;
}

std::string LatinGivenName(std::string_view latin, bool surname_first, const NameTables& tables,
                           int* surname_group) {
  LatinTokens t;
  if (!Tokenize(latin, &t) || t.n < 2 || t.n > 4) return {};
  const std::string_view surname = surname_first ? t.tok[0] : t.tok[t.n - 1];
  *surname_group = IsWord(surname) ? tables.SpellingGroup(surname) : -1;
  if (*surname_group < 0) return {};
  std::string out;
  for (int k = surname_first ? 1 : 0; k < (surname_first ? t.n : t.n - 1); ++k) {
    if (!out.empty()) out += '-';
    out += t.tok[k];
  }
  return out;
}

}  // namespace tg::resolve::names
