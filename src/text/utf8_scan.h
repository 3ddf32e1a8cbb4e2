#pragma once
// Internal to src/text: inline UTF-8 decoding for the per-byte loops of
// cleaning (line shapes, language, folding). Same results as core/utf8.h
// (NextCodePoint, IsHangul, CountCodePoints), ill-formed bytes included, but
// inlined: the core versions are out-of-line calls, which dominated the
// per-line cost on Hangul text. Pure functions; thread-safe.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tg::text::utf8_scan {

// Decodes the code point at `pos` and advances `pos` past it, exactly like
// tg::NextCodePoint: an ill-formed byte yields U+FFFD and advances by one.
// Requires pos < s.size().
[[gnu::always_inline]] inline char32_t Next(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  const size_t i = *pos;
  const unsigned char b0 = p[i];
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    if (i + 2 < n && p[i + 1] >= lo && p[i + 1] <= hi && (p[i + 2] & 0xC0) == 0x80) {
      *pos = i + 3;
      return (static_cast<char32_t>(b0 & 0x0F) << 12) |
             (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    }
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      *pos = i + 2;
      return (static_cast<char32_t>(b0 & 0x1F) << 6) | (p[i + 1] & 0x3F);
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (i + 3 < n && p[i + 1] >= lo && p[i + 1] <= hi && (p[i + 2] & 0xC0) == 0x80 &&
        (p[i + 3] & 0xC0) == 0x80) {
      *pos = i + 4;
      return (static_cast<char32_t>(b0 & 0x07) << 18) |
             (static_cast<char32_t>(p[i + 1] & 0x3F) << 12) |
             (static_cast<char32_t>(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    }
  }
  *pos = i + 1;
  return 0xFFFD;
}

// When a Hangul syllable (U+AC00..U+D7A3) is encoded at `p` (with at least
// three bytes left), returns true. Lead bytes 0xEA..0xED only; the syllable
// range check also rejects ill-formed continuations that Next would turn into U+FFFD.
[[gnu::always_inline]] inline bool HangulSyllableAt(const unsigned char* p) {
  if (p[0] < 0xEA || p[0] > 0xED || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
  const char32_t cp = (static_cast<char32_t>(p[0] & 0x0F) << 12) |
                      (static_cast<char32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

// Same set as tg::IsHangul.
inline bool IsHangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}

// Same count as tg::CountCodePoints (each ill-formed byte counts one).
inline size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
    } else {
      Next(s, &pos);
    }
    ++count;
  }
  return count;
}

}  // namespace tg::text::utf8_scan
