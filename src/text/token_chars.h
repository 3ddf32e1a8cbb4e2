#pragma once
// Character classes and UTF-8 decoding for the tokenizer (text/tokenize.cc).
// Internal to src/text; pure functions, thread-safe.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tg::text::token_chars {

enum class Cls : uint8_t {
  kSpace,
  kNewline,
  kLatin,
  kHangul,
  kHan,
  kOtherLetter,
  kDigit,
  kJoin,  // combining marks, ZWJ, variation selectors: extend the token before
  kPunct,
  kSymbol,
};

constexpr std::array<Cls, 128> MakeAsciiClasses() {
  std::array<Cls, 128> c{};
  for (int i = 0; i < 128; ++i) c[i] = Cls::kSymbol;
  for (int i = 0; i < 32; ++i) c[i] = Cls::kSpace;  // controls separate like spaces
  c['\n'] = Cls::kNewline;
  c['\r'] = Cls::kNewline;
  c[' '] = Cls::kSpace;
  c[127] = Cls::kSpace;
  for (int i = 'a'; i <= 'z'; ++i) c[i] = Cls::kLatin;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = Cls::kLatin;
  for (int i = '0'; i <= '9'; ++i) c[i] = Cls::kDigit;
  for (char p : std::string_view("!\"'(),-./:;?[]{}")) c[static_cast<uint8_t>(p)] = Cls::kPunct;
  return c;
}
inline constexpr std::array<Cls, 128> kAscii = MakeAsciiClasses();

// Class of a code point at or above U+0080 (ICU general categories, plus
// Hangul, Han and the joiners that extend emoji and letters).
Cls ClassifyWide(char32_t cp);

struct CodePoint {
  char32_t cp;
  uint32_t len;
  Cls cls;
};

// Decodes the code point at `pos` (pos < text.size()). An ill-formed byte is
// one U+FFFD symbol of length 1.
inline CodePoint At(std::string_view text, size_t pos) {
  const auto b0 = static_cast<uint8_t>(text[pos]);
  if (b0 < 0x80) return {b0, 1, kAscii[b0]};
  const size_t n = text.size();
  auto cont = [&](size_t i) { return i < n && (static_cast<uint8_t>(text[i]) & 0xC0) == 0x80; };
  char32_t cp = 0xFFFD;
  uint32_t len = 1;
  if ((b0 & 0xE0) == 0xC0 && b0 >= 0xC2 && cont(pos + 1)) {
    cp = ((b0 & 0x1Fu) << 6) | (static_cast<uint8_t>(text[pos + 1]) & 0x3Fu);
    len = 2;
  } else if ((b0 & 0xF0) == 0xE0 && cont(pos + 1) && cont(pos + 2)) {
    const char32_t v = ((b0 & 0x0Fu) << 12) | ((static_cast<uint8_t>(text[pos + 1]) & 0x3Fu) << 6) |
                       (static_cast<uint8_t>(text[pos + 2]) & 0x3Fu);
    if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
      cp = v;
      len = 3;
    }
  } else if ((b0 & 0xF8) == 0xF0 && cont(pos + 1) && cont(pos + 2) && cont(pos + 3)) {
    const char32_t v = ((b0 & 0x07u) << 18) |
                       ((static_cast<uint8_t>(text[pos + 1]) & 0x3Fu) << 12) |
                       ((static_cast<uint8_t>(text[pos + 2]) & 0x3Fu) << 6) |
                       (static_cast<uint8_t>(text[pos + 3]) & 0x3Fu);
    if (v >= 0x10000 && v <= 0x10FFFF) {
      cp = v;
      len = 4;
    }
  }
  if (len == 1) return {0xFFFD, 1, Cls::kSymbol};
  return {cp, len, ClassifyWide(cp)};
}

inline bool IsLetter(Cls c) {
  return c == Cls::kLatin || c == Cls::kHangul || c == Cls::kHan || c == Cls::kOtherLetter;
}
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

inline bool IsHangulSyllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// Closing quotes and brackets that stay with the sentence a terminal mark ends.
inline bool IsCloser(char32_t cp) {
  switch (cp) {
    case ')':
    case ']':
    case '}':
    case '"':
    case '\'':
    case 0x2019:
    case 0x201D:
    case 0xBB:
    case 0x300D:
    case 0x300F:
    case 0x3009:
    case 0x300B:
    case 0x3011:
    case 0x3015:
    case 0xFF09:
    case 0x203A:
      return true;
    default:
      return false;
  }
}

}  // namespace tg::text::token_chars
