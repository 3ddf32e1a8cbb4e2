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
char32_t NextCodePoint(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Hangul syllables and jamo (U+AC00..U+D7A3, U+1100..U+11FF, U+3130..U+318F).
bool IsHangul(char32_t cp);

// Counts code points (ill-formed bytes count one each).
size_t CountCodePoints(std::string_view text);

}  // namespace tg
