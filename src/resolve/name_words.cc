#include "resolve/name_words.h"

#include <algorithm>

#include "core/utf8.h"

namespace tg::resolve::names {
namespace {

// U+00C0..U+00FF and U+0100..U+017F folded to one ASCII letter ('_': not a letter).
constexpr std::string_view kLatin1 =
    "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
    "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

bool IsRunLetter(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
}

constexpr std::string_view kStopWords[] = {
    "the", "of",      "and", "&",   "inc", "incorporated", "corp", "corporation", "co", "company",
    "ltd", "limited", "llc", "plc", "ag",  "sa",           "nv",   "gmbh",        "se"};

bool IsStopWord(std::string_view w) {
  for (std::string_view s : kStopWords) {
    if (w == s) return true;
  }
  return false;
}

bool IsSeparator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case ',':
    case '(':
    case ')':
    case '/':
    case ';':
    case ':':
    case '"':
    case '[':
    case ']':
    case '+':
    case '!':
    case '?':
    case '*':
    case '#':
    case '@':
    case '|':
    case '~':
    case '<':
    case '>':
    case '{':
    case '}':
    case '=':
    case '_':
    case '%':
    case '$':
    case '^':
      return true;
    default:
      return IsWideSymbol(cp) && !(cp >= 0x2010 && cp <= 0x2013) && cp != 0x2019;
  }
}

bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013; }
bool IsIgnored(char32_t cp) { return cp == '.' || cp == '\'' || cp == 0x2019 || cp == '`'; }

}  // namespace

bool IsAcronym(const Word& w) {
  if (w.kind != WordKind::kLatin || !w.caps || w.text.size() < 2 || w.text.size() > 4) return false;
  int vowels = 0;
  for (char c : w.text) vowels += IsRunLetter(c) && c != 'w' ? 1 : 0;
  return vowels <= 1;
}

void ReadWords(std::string_view name, Words* words) {
  int token = -1;
  bool new_token = true;
  WordKind cur = WordKind::kOther;
  bool in_word = false;
  size_t pos = 0;
  auto start = [&](WordKind kind, size_t text_begin) {
    if (words->n == kMaxWords) return false;
    if (new_token) {
      ++token;
      new_token = false;
    }
    words->w[words->n++] = Word{kind, static_cast<uint8_t>(token), name.substr(text_begin, 0)};
    words->w[words->n - 1].caps = kind == WordKind::kLatin;
    cur = kind;
    in_word = true;
    return true;
  };
  auto append_buf = [&](char c) {
    if (words->used >= words->buf.size()) return;
    Word& w = words->w[words->n - 1];
    if (w.text.empty()) w.text = std::string_view(words->buf.data() + words->used, 0);
    words->buf[words->used++] = c;
    w.text = std::string_view(w.text.data(), w.text.size() + 1);
  };
  while (pos < name.size() && token < kMaxTokens) {
    const size_t at = pos;
    const char32_t cp = NextChar(name, &pos);
    if (IsSeparator(cp)) {
      new_token = true;
      in_word = false;
      continue;
    }
    if (IsHyphen(cp)) {
      in_word = false;
      continue;
    }
    if (IsIgnored(cp)) continue;
    if (cp == '&') {
      if (!start(WordKind::kLatin, at)) break;
      append_buf('&');
      in_word = false;
      continue;
    }
    const char latin = FoldLatin(cp);
    WordKind kind = WordKind::kOther;
    if (latin != 0)
      kind = WordKind::kLatin;
    else if (cp >= '0' && cp <= '9')
      kind = WordKind::kDigits;
    else if (IsHangulSyllable(cp))
      kind = WordKind::kHangul;
    if (!in_word || kind != cur) {
      if (!start(kind, at)) break;
    }
    // camelCase starts a word: OpenAI, CoreWeave, JPMorgan (JP + Morgan).
    if (kind == WordKind::kLatin && in_word && cur == WordKind::kLatin && cp >= 'A' && cp <= 'Z') {
      const Word& open = words->w[words->n - 1];
      const bool after_lower = !open.caps;
      const bool caps_then_lower = open.caps && open.text.size() >= 2 && pos < name.size() &&
                                   name[pos] >= 'a' && name[pos] <= 'z';
      if (after_lower || caps_then_lower) {
        if (!start(WordKind::kLatin, at)) break;
      }
    }
    Word& w = words->w[words->n - 1];
    if (kind == WordKind::kLatin) {
      append_buf(latin);
      if (cp == 0xF1 || cp == 0xD1) append_buf('y');  // ñ sounds ny: Muñoz 무뇨스
      if (!(cp >= 'A' && cp <= 'Z')) w.caps = false;
    } else if (kind == WordKind::kDigits)
      append_buf(static_cast<char>(cp));
    else
      w.text = name.substr(w.text.data() - name.data(), pos - (w.text.data() - name.data()));
  }
}

void MarkEnglishOrgWords(const NameTables& tables, Words* words) {
  for (int i = 0; i < words->n; ++i) {
    Word& first = words->w[i];
    if (first.kind != WordKind::kLatin || first.drop) continue;
    for (const OrgWord& ow : tables.english_org_words()) {
      if (first.text.empty() || ow.text[0] != first.text[0]) continue;  // cheap reject
      std::string_view phrase = ow.text;
      int j = i;
      bool ok = true;
      while (!phrase.empty()) {
        const size_t sp = phrase.find(' ');
        const std::string_view part = phrase.substr(0, sp);
        phrase = sp == std::string_view::npos ? std::string_view() : phrase.substr(sp + 1);
        if (j >= words->n || words->w[j].kind != WordKind::kLatin || words->w[j].text != part) {
          ok = false;
          break;
        }
        ++j;
      }
      if (!ok) continue;
      first.meaning = ow.meaning;
      for (int k = i + 1; k < j; ++k) words->w[k].drop = true;
      i = j - 1;
      break;
    }
  }
}

void SplitKoreanOrgWords(const NameTables& tables, Words* words) {
  std::array<Word, kMaxWords> out;
  int n = 0;
  for (int i = 0; i < words->n; ++i) {
    Word w = words->w[i];
    if (w.kind != WordKind::kHangul) {
      if (n < kMaxWords) out[n++] = w;
      continue;
    }
    std::array<Word, 4> tail;
    int tails = 0;
    bool stripped = true;
    while (stripped && tails < 4) {
      stripped = false;
      for (const OrgWord& ow : tables.korean_org_words()) {
        if (ow.text.size() > w.text.size() || ow.text.back() != w.text.back() ||
            !w.text.ends_with(ow.text)) {
          continue;
        }
        const size_t rest = w.text.size() - ow.text.size();
        // A one-syllable word (차, 부) only ends a stem of two syllables or more.
        if (rest != 0 && ow.text.size() == 3 && rest < 6) continue;
        Word c = w;
        c.text = w.text.substr(rest);
        c.meaning = ow.meaning;
        tail[tails++] = c;
        w.text = w.text.substr(0, rest);
        stripped = !w.text.empty();
        break;
      }
    }
    if (!w.text.empty() && n < kMaxWords) out[n++] = w;
    while (tails > 0 && n < kMaxWords) out[n++] = tail[--tails];
  }
  words->w = out;
  words->n = n;
}

void DropStopWords(Words* words) {
  int kept = 0;
  for (int i = 0; i < words->n; ++i) {
    Word& w = words->w[i];
    if (w.drop) continue;
    const bool stop = w.meaning < 0 &&
                      ((w.kind == WordKind::kLatin && IsStopWord(w.text)) ||
                       (w.kind == WordKind::kHangul && (w.text == "주식회사" || w.text == "주")));
    if (stop)
      w.drop = true;
    else
      ++kept;
  }
  if (kept == 0) {  // a name made only of such words keeps them
    for (int i = 0; i < words->n; ++i) words->w[i].drop = false;
  }
}

char FoldLatin(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp);
    if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
    return 0;
  }
  char c = 0;
  if (cp >= 0xC0 && cp <= 0xFF)
    c = kLatin1[cp - 0xC0];
  else if (cp >= 0x100 && cp <= 0x17F)
    c = kLatinExtA[cp - 0x100];
  return c == '_' ? 0 : c;
}

}  // namespace tg::resolve::names
