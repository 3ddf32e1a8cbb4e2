#include "text/line_stats.h"

#include <array>
#include <cstring>

#include "text/utf8_scan.h"

namespace tg::text {
namespace {

// Byte length of the white-space code point starting at `pos`, or 0.
size_t SpaceLenAt(std::string_view s, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == 0xC2 && pos + 1 < s.size() && static_cast<unsigned char>(s[pos + 1]) == 0xA0) return 2;
  if (pos + 2 < s.size()) {
    const unsigned char c1 = static_cast<unsigned char>(s[pos + 1]);
    const unsigned char c2 = static_cast<unsigned char>(s[pos + 2]);
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;                  // U+3000
    if (c == 0xE2 && c1 == 0x80 && c2 >= 0x80 && c2 <= 0x8D) return 3;    // U+2000..U+200D
    if (c == 0xE2 && c1 == 0x80 && c2 == 0xAF) return 3;                  // U+202F
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;                  // U+FEFF
  }
  return 0;
}

// Byte length of the white-space code point ending just before `end`, or 0.
size_t SpaceLenBefore(std::string_view s, size_t end) {
  if (end >= 1 && SpaceLenAt(s, end - 1) == 1) return 1;
  if (end >= 2 && SpaceLenAt(s, end - 2) == 2) return 2;
  if (end >= 3 && SpaceLenAt(s, end - 3) == 3) return 3;
  return 0;
}

bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F ||
         cp == 0xFEFF;
}

bool IsLatinLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
}

bool IsOtherLetter(char32_t cp) {
  return (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF) ||
         (cp >= 0x590 && cp <= 0x6FF) || (cp >= 0x900 && cp <= 0x97F) ||
         (cp >= 0xE00 && cp <= 0xE7F) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

bool HasEmail(std::string_view s) {
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    if (at == 0 || at + 1 >= s.size()) continue;
    if (!IsAsciiAlnum(s[at - 1]) || !IsAsciiAlnum(s[at + 1])) continue;
    size_t end = at + 1;
    while (end < s.size() && (IsAsciiAlnum(s[end]) || s[end] == '-' || s[end] == '.')) ++end;
    const std::string_view domain = s.substr(at + 1, end - at - 1);
    const size_t dot = domain.find('.');
    if (dot != std::string_view::npos && dot + 1 < domain.size()) return true;
  }
  return false;
}

// Bytes that may start a white-space code point (SpaceLenAt): ASCII blanks and
// the lead bytes of U+00A0, U+2000..U+202F, U+3000 and U+FEFF.
constexpr std::array<bool, 256> kMaySpace = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c <= ' '; ++c) t[c] = true;
  t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}();

enum class AsciiClass : uint8_t {
  kOther, kSpace, kUpper, kLower, kDigit, kHardSeparator, kSlash, kAt, kColon, kDot
};

// Classes of ASCII bytes for AnalyzeLine (same sets as IsSpaceCp, IsLatinLetter and the
// separators; '@', ':' and '.' only flag that the e-mail and URL searches are worth doing).
constexpr std::array<AsciiClass, 128> kAsciiClass = [] {
  std::array<AsciiClass, 128> t{};
  for (char c : {' ', '\t', '\r', '\n', '\v', '\f'}) t[c] = AsciiClass::kSpace;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = AsciiClass::kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = AsciiClass::kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = AsciiClass::kDigit;
  t['|'] = t['>'] = AsciiClass::kHardSeparator;
  t['/'] = AsciiClass::kSlash;
  t['@'] = AsciiClass::kAt;
  t[':'] = AsciiClass::kColon;
  t['.'] = AsciiClass::kDot;
  return t;
}();

// Per byte, for the bulk word loop of AnalyzeLine: bit 63 stops the loop
// (non-ASCII, white space, separators, and '@' ':' '.' whose flags the
// byte-by-byte path sets); otherwise 16-bit counters of Latin letters (bits
// 0..15), lower-case letters (16..31) and digits (32..47).
constexpr uint64_t kStop = uint64_t{1} << 63;
constexpr std::array<uint64_t, 256> kWordByte = [] {
  std::array<uint64_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      t[c] = kStop;
      continue;
    }
    switch (kAsciiClass[c]) {
      case AsciiClass::kUpper: t[c] = 1; break;
      case AsciiClass::kLower: t[c] = 1 | (uint64_t{1} << 16); break;
      case AsciiClass::kDigit: t[c] = uint64_t{1} << 32; break;
      case AsciiClass::kOther: t[c] = 0; break;
      default: t[c] = kStop; break;
    }
  }
  return t;
}();

// "www." anywhere: looked up from the dots, which are rarer than 'w'.
bool HasWww(std::string_view s) {
  for (size_t at = s.find('.', 3); at != std::string_view::npos; at = s.find('.', at + 1)) {
    if (s[at - 1] == 'w' && s[at - 2] == 'w' && s[at - 3] == 'w') return true;
  }
  return false;
}

}  // namespace

std::string_view TrimLine(std::string_view line) {
  // Fast path: most lines start and end with printable ASCII.
  if (!line.empty()) {
    const unsigned char first = static_cast<unsigned char>(line.front());
    const unsigned char last = static_cast<unsigned char>(line.back());
    if (first > ' ' && first < 0x80 && last > ' ' && last < 0x80) return line;
  }
  size_t begin = 0;
  size_t end = line.size();
  while (begin < end) {
    const size_t n = SpaceLenAt(line, begin);
    if (n == 0) break;
    begin += n;
  }
  while (end > begin) {
    const size_t n = SpaceLenBefore(line, end);
    if (n == 0 || end - n < begin) break;
    end -= n;
  }
  return line.substr(begin, end - begin);
}

size_t FoldInto(std::string_view line, char* out) {
  line = TrimLine(line);
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  char* w = out;
  size_t pos = 0;
  while (pos < n) {
    const unsigned char byte = s[pos];
    if (!kMaySpace[byte]) {
      *w++ = static_cast<char>(byte);
      ++pos;
      continue;
    }
    // One ASCII space before a byte that starts no white space folds to itself.
    if (byte == ' ' && pos + 1 < n && !kMaySpace[s[pos + 1]]) {
      w[0] = ' ';
      w[1] = static_cast<char>(s[pos + 1]);
      w += 2;
      pos += 2;
      continue;
    }
    size_t len = SpaceLenAt(line, pos);
    if (len == 0) {  // a lead byte of some other character
      *w++ = static_cast<char>(byte);
      ++pos;
      continue;
    }
    // A white-space run: one space, written only when a character follows
    // (the byte at `pos` then starts no white space, so it is written next).
    pos += len;
    while (pos < n && (len = SpaceLenAt(line, pos)) > 0) pos += len;
    if (pos < n) *w++ = ' ';
  }
  return static_cast<size_t>(w - out);
}

void AppendFolded(std::string_view line, std::string* out) {
  // The folded text is never longer than the line: write in place.
  const size_t old_size = out->size();
  out->resize(old_size + line.size());
  const size_t len = FoldInto(line, out->data() + old_size);
  out->resize(old_size + len);
}

std::string FoldSpace(std::string_view line) {
  std::string out;
  AppendFolded(line, &out);
  return out;
}

bool EndsLikeSentence(std::string_view line) {
  line = TrimLine(line);
  // A trailing photo credit such as "[LG CORP.]" does not end the sentence.
  if (!line.empty() && line.back() == ']') {
    const size_t open = line.rfind('[');
    if (open != std::string_view::npos && open > 0 && line.size() - open <= 64) {
      line = TrimLine(line.substr(0, open));
    }
  }
  if (line.empty()) return false;
  size_t pos = line.size() - 1;
  while (pos > 0 && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) --pos;
  size_t cursor = pos;
  const char32_t last = utf8_scan::Next(line, &cursor);
  switch (last) {
    case '.': case '?': case '!': case '"': case '\'':
    case 0x2026: case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF0E:
      return true;
    case ')':
      return pos > 0 && (line[pos - 1] == '.' || line[pos - 1] == '!' || line[pos - 1] == '?');
    case 0xB2E4:  // 다: Korean declarative ending, trusted only on long lines.
      return utf8_scan::CountCodePoints(line) >= 40;
    default:
      return false;
  }
}

LineShape AnalyzeLine(std::string_view line) {
  LineShape shape;
  uint32_t lower = 0;
  uint32_t segment_cp = 0;
  uint32_t space_run = 0;
  bool in_word = false;
  bool word_has_alnum = false;
  bool prev_space = true;
  bool saw_at = false;
  bool saw_colon = false;
  bool saw_dot = false;
  auto close_segment = [&]() {
    if (segment_cp > 0) {
      ++shape.segments;
      if (segment_cp > shape.max_segment_code_points) shape.max_segment_code_points = segment_cp;
    }
    segment_cp = 0;
  };
  auto close_word = [&]() {
    if (in_word && word_has_alnum) ++shape.words;
    in_word = false;
    word_has_alnum = false;
  };
  const size_t n = line.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  size_t pos = 0;
  while (pos < n) {
    const unsigned char byte = bytes[pos];
    if (!(kWordByte[byte] & kStop) || (pos + 2 < n && utf8_scan::HangulSyllableAt(bytes + pos))) {
      // A run of plain word characters (ASCII letters, digits and punctuation
      // other than separators; Hangul syllables): counted in bulk, with the
      // same effect as one by one.
      if (space_run >= 2 && segment_cp > 0) {
        ++shape.separators;
        close_segment();
      }
      space_run = 0;
      prev_space = false;
      // Each run is capped so that its 16-bit counters cannot overflow. A
      // single ASCII space between two word characters stays in the run: it
      // closes the word and is in no segment, and the next character resets
      // the space count, exactly as the one-by-one path would do.
      const size_t limit = n - pos > 0xFFFF ? pos + 0xFFFF : n;
      auto word_start_at = [&](size_t at) {
        return at < limit && (!(kWordByte[bytes[at]] & kStop) ||
                              (at + 2 < n && utf8_scan::HangulSyllableAt(bytes + at)));
      };
      uint64_t counts = 0;
      uint32_t run = 0;
      uint32_t spaces = 0;
      uint32_t hangul = 0;
      bool alnum = in_word && word_has_alnum;  // the run may continue a word
      while (pos < limit) {
        const unsigned char b = bytes[pos];
        const uint64_t v = kWordByte[b];
        if (!(v & kStop)) {
          counts += v;
          alnum = alnum || v != 0;
          ++pos;
        } else if (pos + 2 < n && utf8_scan::HangulSyllableAt(bytes + pos)) {
          ++hangul;
          alnum = true;
          pos += 3;
        } else if (b == ' ' && word_start_at(pos + 1)) {
          if (alnum) ++shape.words;
          alnum = false;
          ++spaces;
          ++pos;
          continue;
        } else {
          break;
        }
        ++run;
        ++segment_cp;
      }
      shape.code_points += run + spaces;
      shape.latin += static_cast<uint32_t>(counts & 0xFFFF);
      lower += static_cast<uint32_t>((counts >> 16) & 0xFFFF);
      shape.digits += static_cast<uint32_t>((counts >> 32) & 0xFFFF);
      shape.hangul += hangul;
      in_word = true;
      word_has_alnum = alnum;
      continue;
    }
    ++shape.code_points;
    if (byte < 0x80) {
      // ASCII: one table lookup instead of the code point tests below.
      ++pos;
      const AsciiClass cls = kAsciiClass[byte];
      if (cls == AsciiClass::kSpace) {
        close_word();
        ++space_run;
        prev_space = true;
        continue;
      }
      if (space_run >= 2 && segment_cp > 0) {
        ++shape.separators;
        close_segment();
      }
      space_run = 0;
      const bool separator =
          cls == AsciiClass::kHardSeparator ||
          (cls == AsciiClass::kSlash && prev_space && (pos >= n || SpaceLenAt(line, pos) > 0));
      prev_space = false;
      if (separator) {
        close_word();
        ++shape.separators;
        close_segment();
        continue;
      }
      ++segment_cp;
      in_word = true;
      switch (cls) {
        case AsciiClass::kUpper:
          ++shape.latin;
          word_has_alnum = true;
          break;
        case AsciiClass::kLower:
          ++shape.latin;
          ++lower;
          word_has_alnum = true;
          break;
        case AsciiClass::kDigit:
          ++shape.digits;
          word_has_alnum = true;
          break;
        case AsciiClass::kAt:
          saw_at = true;
          break;
        case AsciiClass::kColon:
          saw_colon = true;
          break;
        case AsciiClass::kDot:
          saw_dot = true;
          break;
        default:
          break;
      }
      continue;
    }
    const char32_t cp = utf8_scan::Next(line, &pos);
    if (IsSpaceCp(cp)) {
      close_word();
      ++space_run;
      prev_space = true;
      continue;
    }
    if (space_run >= 2 && segment_cp > 0) {
      ++shape.separators;
      close_segment();
    }
    space_run = 0;
    const bool hard_separator = cp == 0xBB || cp == 0x203A || cp == 0x25B6 || cp == 0x25B7;
    const bool spaced_separator = (cp == 0xB7 || cp == 0x2022 || cp == 0x30FB) && prev_space &&
                                  (pos >= n || SpaceLenAt(line, pos) > 0);
    prev_space = false;
    if (hard_separator || spaced_separator) {
      close_word();
      ++shape.separators;
      close_segment();
      continue;
    }
    ++segment_cp;
    in_word = true;
    if (utf8_scan::IsHangul(cp)) {
      ++shape.hangul;
      word_has_alnum = true;
    } else if (IsLatinLetter(cp)) {
      ++shape.latin;
      word_has_alnum = true;
      if (cp >= 0xDF && cp <= 0xFF) ++lower;
    } else if (IsOtherLetter(cp)) {
      ++shape.other_letters;
      word_has_alnum = true;
    }
  }
  close_word();
  close_segment();
  shape.all_caps = shape.latin > 0 && lower == 0 && shape.hangul == 0;
  shape.sentence_end = EndsLikeSentence(line);
  shape.has_email = saw_at && HasEmail(line);
  shape.has_url = (saw_colon && (line.find("http://") != std::string_view::npos ||
                                 line.find("https://") != std::string_view::npos)) ||
                  (saw_dot && HasWww(line));
  return shape;
}

bool IsProse(const LineShape& shape) {
  if (!shape.sentence_end) return false;
  if (shape.hangul > shape.latin) return shape.words >= 3 && shape.code_points >= 14;
  return shape.words >= 4 && shape.code_points >= 20;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text.size(), '\0');
  AsciiLowerInto(text, out.data());
  return out;
}

void AsciiLowerInto(std::string_view text, char* out) {
  // Eight bytes at a time: the high bit of each byte of `upper` marks an ASCII
  // 'A'..'Z' (bytes of 0x80 and above never match), and 0x80 >> 2 is the 0x20 to add.
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    const uint64_t low7 = x & kLow7;
    const uint64_t at_least_a = low7 + 0x3F3F3F3F3F3F3F3FULL;  // byte >= 'A'
    const uint64_t above_z = low7 + 0x2525252525252525ULL;     // byte > 'Z'
    const uint64_t upper = (at_least_a ^ above_z) & ~x & kHigh;
    x |= upper >> 2;
    std::memcpy(out + i, &x, 8);
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

}  // namespace tg::text
