#include "dedup/words.h"

#include <array>

#include "core/utf8.h"

namespace tg::dedup {

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;  // Hangul syllables, the common case
  // Non-ASCII: a letter unless it falls in a block of punctuation, symbols,
  // spaces or controls. A deny list is smaller than an allow list of every
  // script and errs on the side of keeping words together.
  if (cp <= 0xBF) return false;                // C1 controls, NBSP, Latin-1 punctuation
  if (cp == 0xD7 || cp == 0xF7) return false;  // multiplication and division signs
  if (cp < 0x0370) return true;                // Latin letters, IPA, combining marks
  switch (cp) {
    case 0x037E:
    case 0x0387:
    case 0x0589:
    case 0x05BE:
    case 0x05C0:
    case 0x05C3:
    case 0x05F3:
    case 0x05F4:
    case 0x060C:
    case 0x061B:
    case 0x061F:
    case 0x06D4:
    case 0x0964:
    case 0x0965:
    case 0x1680:
    case 0x180E:
    case 0xFEFF:
      return false;
    default:
      break;
  }
  if (cp >= 0x066A && cp <= 0x066D) return false;  // Arabic punctuation
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, currency, arrows, math, box
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;  // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation, ideographic space
  if (cp >= 0x3200 && cp <= 0x33FF) return false;  // enclosed CJK (㈜) and CJK units
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;  // surrogates, private use
  if (cp >= 0xFE10 && cp <= 0xFE1F) return false;  // vertical forms
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;  // CJK compatibility and small forms
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;
  if (cp >= 0xFF3B && cp <= 0xFF40) return false;
  if (cp >= 0xFF5B && cp <= 0xFF65) return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials, U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji, pictographs
  if (cp >= 0xF0000) return false;                   // supplementary private use
  return true;
}

char32_t FoldCase(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs upper/lower case by parity, with the parity
    // flipping after the dotless i and again after ŉ.
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    const bool upper_even = cp <= 0x137 || (cp >= 0x14A && cp <= 0x177);
    const bool upper_odd = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if ((upper_even && cp % 2 == 0) || (upper_odd && cp % 2 == 1)) return cp + 1;
    return cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                 // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                 // Cyrillic Ѐ..Џ
  return cp;
}

namespace {

// Word-ness of each ASCII byte: digits and letters.
constexpr std::array<bool, 128> MakeAsciiWordTable() {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = MakeAsciiWordTable();

// Bytes of the UTF-8 encoding of `cp`.
size_t Utf8Length(char32_t cp) {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

}  // namespace

// ASCII, the bulk of most text, is classified by table lookup without the
// UTF-8 decoder; other bytes go through NextCodePoint and IsWordCodePoint.
bool NextWord(std::string_view text, size_t* pos, WordSpan* word) {
  const size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  size_t p = *pos;
  while (p < n) {
    const size_t start = p;
    if (bytes[p] < 0x80) {
      if (!kAsciiWord[bytes[p]]) {
        ++p;
        continue;
      }
      ++p;
    } else if (!IsWordCodePoint(DecodeNext(text, &p))) {
      continue;
    }
    // Extend the word; a non-word code point ends it and is left unread.
    while (p < n) {
      if (bytes[p] < 0x80) {
        if (!kAsciiWord[bytes[p]]) break;
        ++p;
        continue;
      }
      size_t next = p;
      if (!IsWordCodePoint(DecodeNext(text, &next))) break;
      p = next;
    }
    word->begin = start;
    word->end = p;
    *pos = p;
    return true;
  }
  *pos = p;
  return false;
}

void AppendFolded(std::string_view word, std::string* out) {
  const size_t n = word.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(word.data());
  size_t p = 0;
  while (p < n) {
    // A run of ASCII bytes, lowercased in one pass over a resized buffer.
    size_t q = p;
    while (q < n && bytes[q] < 0x80) ++q;
    if (q > p) {
      const size_t at = out->size();
      out->resize(at + (q - p));
      char* dest = out->data() + at;
      for (size_t i = p; i < q; ++i) {
        const unsigned char c = bytes[i];
        dest[i - p] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      p = q;
      if (p == n) break;
    }
    // A run of code points that folding leaves alone (Hangul, CJK and
    // most scripts past U+0460), copied as is.
    const size_t start = p;
    char32_t cp = 0;
    size_t next = p;
    while (next < n && bytes[next] >= 0x80) {
      size_t after = next;
      cp = DecodeNext(word, &after);
      if (cp < 0x460 || after - next != Utf8Length(cp)) break;  // may fold, or ill-formed
      next = after;
    }
    if (next > start) {
      out->append(word.data() + start, next - start);
      p = next;
      continue;
    }
    cp = DecodeNext(word, &p);
    const char32_t folded = FoldCase(cp);
    if (folded == cp && p - start == Utf8Length(cp)) {
      out->append(word.data() + start, p - start);  // unchanged and well-formed: copy the bytes
    } else {
      AppendUtf8(folded, out);
    }
  }
}

}  // namespace tg::dedup
