#include "text/line_stats.h"

#include "core/utf8.h"

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

}  // namespace

std::string_view TrimLine(std::string_view line) {
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

void AppendFolded(std::string_view line, std::string* out) {
  line = TrimLine(line);
  bool pending_space = false;
  size_t pos = 0;
  while (pos < line.size()) {
    // Fast path: printable ASCII is never white space.
    const unsigned char byte = static_cast<unsigned char>(line[pos]);
    if (byte > ' ' && byte < 0x80) {
      if (pending_space) out->push_back(' ');
      pending_space = false;
      out->push_back(line[pos]);
      ++pos;
      continue;
    }
    const size_t n = SpaceLenAt(line, pos);
    if (n > 0) {
      pending_space = true;
      pos += n;
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(line[pos]);
    ++pos;
  }
}

std::string FoldSpace(std::string_view line) {
  std::string out;
  out.reserve(line.size());
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
  const char32_t last = NextCodePoint(line, &cursor);
  switch (last) {
    case '.': case '?': case '!': case '"': case '\'':
    case 0x2026: case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF0E:
      return true;
    case ')':
      return pos > 0 && (line[pos - 1] == '.' || line[pos - 1] == '!' || line[pos - 1] == '?');
    case 0xB2E4:  // 다: Korean declarative ending, trusted only on long lines.
      return CountCodePoints(line) >= 40;
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
  size_t pos = 0;
  while (pos < line.size()) {
    const unsigned char byte = static_cast<unsigned char>(line[pos]);
    const char32_t cp = byte < 0x80 ? static_cast<char32_t>(line[pos++]) : NextCodePoint(line, &pos);
    ++shape.code_points;
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
    const bool hard_separator = cp == '|' || cp == '>' || cp == 0xBB || cp == 0x203A ||
                                cp == 0x25B6 || cp == 0x25B7;
    const bool spaced_separator =
        (cp == 0xB7 || cp == '/' || cp == 0x2022 || cp == 0x30FB) && prev_space &&
        (pos >= line.size() || SpaceLenAt(line, pos) > 0);
    prev_space = false;
    if (hard_separator || spaced_separator) {
      close_word();
      ++shape.separators;
      close_segment();
      continue;
    }
    ++segment_cp;
    in_word = true;
    if (IsHangul(cp)) {
      ++shape.hangul;
      word_has_alnum = true;
    } else if (IsLatinLetter(cp)) {
      ++shape.latin;
      word_has_alnum = true;
      if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF)) ++lower;
    } else if (cp >= '0' && cp <= '9') {
      ++shape.digits;
      word_has_alnum = true;
    } else if (IsOtherLetter(cp)) {
      ++shape.other_letters;
      word_has_alnum = true;
    }
  }
  close_word();
  close_segment();
  shape.all_caps = shape.latin > 0 && lower == 0 && shape.hangul == 0;
  shape.sentence_end = EndsLikeSentence(line);
  shape.has_email = HasEmail(line);
  shape.has_url = line.find("http://") != std::string_view::npos ||
                  line.find("https://") != std::string_view::npos ||
                  line.find("www.") != std::string_view::npos;
  return shape;
}

bool IsProse(const LineShape& shape) {
  if (!shape.sentence_end) return false;
  if (shape.hangul > shape.latin) return shape.words >= 3 && shape.code_points >= 14;
  return shape.words >= 4 && shape.code_points >= 20;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace tg::text
