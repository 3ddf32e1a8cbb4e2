#pragma once
// UTF-8 helpers over byte strings. Pure functions; thread-safe.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tg {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Byte offset of the first ill-formed sequence, or text.size() when there is none.
size_t FirstInvalidUtf8(std::string_view text);

// Returns `text` with each ill-formed sequence replaced by U+FFFD; `replaced`
// (optional) receives how many were replaced.
std::string RepairUtf8(std::string_view text, size_t* replaced = nullptr);

// Decodes the code point at `pos` and advances `pos` past it. An ill-formed
// byte yields U+FFFD and advances by one. Requires pos < text.size().
inline char32_t NextCodePoint(std::string_view text, size_t* pos);

// NextCodePoint for what its inline part leaves: sequences other than ASCII
// and well-formed three-byte ones led by E1..EF (Hangul syllables among them).
char32_t NextCodePointSlow(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Hangul syllables and jamo (U+AC00..U+D7A3, U+1100..U+11FF, U+3130..U+318F).
inline bool IsHangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}

// Counts code points (ill-formed bytes count one each).
size_t CountCodePoints(std::string_view text);

// Inline because tokenizers and matchers call it per character: the common
// cases (ASCII, and a three-byte sequence such as a Hangul syllable) are
// decoded here, everything else by NextCodePointSlow.
inline char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const size_t p = *pos;
  const auto b0 = static_cast<unsigned char>(text[p]);
  if (b0 < 0x80) {
    *pos = p + 1;
    return b0;
  }
  if (b0 >= 0xE1 && b0 <= 0xEF && p + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[p + 1]);
    const auto b2 = static_cast<unsigned char>(text[p + 2]);
    // ED may not encode surrogates: its second byte stops at 9F.
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b0 != 0xED || b1 <= 0x9F)) {
      *pos = p + 3;
      return static_cast<char32_t>((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
    }
  }
  return NextCodePointSlow(text, pos);
}

}  // namespace tg
