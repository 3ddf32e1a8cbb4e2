#include "dedup/words.h"

#include "core/utf8.h"

namespace tg::dedup {

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
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

// Word-ness of the code point at `*pos`, advancing past it. ASCII, the bulk
// of most text, skips the UTF-8 decoder.
bool NextIsWord(std::string_view text, size_t* pos) {
  const auto c = static_cast<unsigned char>(text[*pos]);
  if (c < 0x80) {
    ++*pos;
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  return IsWordCodePoint(NextCodePoint(text, pos));
}

}  // namespace

bool NextWord(std::string_view text, size_t* pos, WordSpan* word) {
  size_t p = *pos;
  while (p < text.size()) {
    const size_t start = p;
    if (!NextIsWord(text, &p)) continue;
    size_t end = p;
    while (p < text.size()) {
      size_t next = p;
      if (!NextIsWord(text, &next)) break;
      p = end = next;
    }
    word->begin = start;
    word->end = end;
    *pos = p;
    return true;
  }
  *pos = p;
  return false;
}

void AppendFolded(std::string_view word, std::string* out) {
  size_t p = 0;
  while (p < word.size()) {
    const char c = word[p];
    if (static_cast<unsigned char>(c) < 0x80) {
      out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      ++p;
      continue;
    }
    AppendUtf8(FoldCase(NextCodePoint(word, &p)), out);
  }
}

}  // namespace tg::dedup
