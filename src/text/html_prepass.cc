#include "text/html_prepass.h"

#include <vector>

#include "core/utf8.h"

namespace tg::text {
namespace {

constexpr size_t kNpos = std::string_view::npos;

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Case-insensitive: does `s` hold lowercase `word` at `pos`?
bool HasAt(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (Lower(s[pos + k]) != word[k]) return false;
  }
  return true;
}

size_t FindCi(std::string_view s, size_t from, std::string_view word) {
  for (size_t i = from; i + word.size() <= s.size(); ++i) {
    if (Lower(s[i]) == word[0] && HasAt(s, i, word)) return i;
  }
  return kNpos;
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

struct Tag {
  size_t end = kNpos;  // one past the '>', npos when the tag runs to the end of input
  bool self_closing = false;
};

// The end of the tag that starts at `pos` ('<'), by the tokenizer's tag and
// attribute states (quotes count only where an attribute value starts).
Tag ReadTag(std::string_view s, size_t pos) {
  enum { kBefore, kName, kAfterName, kBeforeValue, kUnquoted } state = kBefore;
  size_t i = pos + 1;
  if (i < s.size() && s[i] == '/') ++i;
  while (i < s.size() && !IsTagSpace(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  bool slash = false;  // the last character moved into the self-closing state
  Tag tag;
  while (i < s.size()) {
    const char c = s[i];
    const bool was_slash = slash;
    slash = false;
    switch (state) {
      case kBefore:
        if (c == '>') {
          tag.end = i + 1;
          tag.self_closing = was_slash;
          return tag;
        }
        if (c == '/') {
          slash = true;
        } else if (!IsTagSpace(c)) {
          state = kName;
        }
        break;
      case kName:
      case kAfterName:
        if (c == '>') {
          tag.end = i + 1;
          return tag;
        }
        if (c == '/') {
          state = kBefore;
          slash = true;
        } else if (c == '=') {
          state = kBeforeValue;
        } else if (IsTagSpace(c)) {
          state = kAfterName;
        } else {
          state = kName;
        }
        break;
      case kBeforeValue:
        if (c == '"' || c == '\'') {
          const size_t close = s.find(c, i + 1);
          if (close == kNpos) return tag;
          i = close;
          state = kBefore;
        } else if (c == '>') {
          tag.end = i + 1;
          return tag;
        } else if (!IsTagSpace(c)) {
          state = kUnquoted;
        }
        break;
      case kUnquoted:
        if (c == '>') {
          tag.end = i + 1;
          return tag;
        }
        if (IsTagSpace(c)) state = kBefore;
        break;
    }
    ++i;
  }
  return tag;
}

// The end of a tag in the main scan, where only the end matters: the first
// '>' when no quote comes before it (most tags), else ReadTag.
size_t TagEndFast(std::string_view s, size_t pos) {
  const size_t gt = s.find('>', pos + 1);
  if (gt == kNpos) return kNpos;
  const std::string_view inside = s.substr(pos, gt - pos);
  if (inside.find('"') == kNpos && inside.find('\'') == kNpos) return gt + 1;
  return ReadTag(s, pos).end;
}

// Lowercased tag name of the tag at `pos` ('<' or "</"), which starts with a letter.
std::string_view TagName(std::string_view s, size_t name_begin, std::string* buf) {
  buf->clear();
  for (size_t p = name_begin; p < s.size() && !IsTagSpace(s[p]) && s[p] != '/' && s[p] != '>';
       ++p) {
    buf->push_back(Lower(s[p]));
  }
  return *buf;
}

// Position of the appropriate end tag "</name" (then white space, '/' or '>')
// that ends raw text or RCDATA, or npos.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  size_t i = from;
  while ((i = s.find("</", i)) != kNpos) {
    const size_t after = i + 2 + name.size();
    if (after < s.size() && HasAt(s, i + 2, name) &&
        (IsTagSpace(s[after]) || s[after] == '/' || s[after] == '>')) {
      return i;
    }
    i += 2;
  }
  return kNpos;
}

// One past the end of the comment that starts at `pos` ("<!--"), or npos
// when it runs to the end of input.
size_t CommentEnd(std::string_view s, size_t pos) {
  size_t j = pos + 4;
  if (j < s.size() && s[j] == '>') return j + 1;                                 // "<!-->"
  if (j + 1 < s.size() && s[j] == '-' && s[j + 1] == '>') return j + 2;          // "<!--->"
  size_t p;
  while ((p = s.find("--", j)) != kNpos) {
    if (p + 2 < s.size() && s[p + 2] == '>') return p + 3;                        // "-->"
    if (p + 3 < s.size() && s[p + 2] == '!' && s[p + 3] == '>') return p + 4;    // "--!>"
    j = p + 1;
  }
  return kNpos;
}

// Start tags that end foreign content (SVG) and go back to HTML parsing.
bool BreaksOutOfForeign(std::string_view name) {
  return OneOf(name, {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
                      "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
                      "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
                      "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup",
                      "table", "tt", "u", "ul", "var", "font"});
}

// Skips the content of an <svg> element starting at `from` (after its start
// tag) and returns one past its matching end tag, or npos when the content
// holds anything that is not plain SVG markup (HTML that breaks out,
// integration points with markup, scripts, styles, nested svg/math).
size_t SkipSvg(std::string_view s, size_t from) {
  std::vector<std::string> open = {"svg"};
  std::string name_buf;
  size_t j = from;
  while ((j = s.find('<', j)) != kNpos) {
    if (s.compare(j, 4, "<!--") == 0) {
      j = CommentEnd(s, j);
      if (j == kNpos) return kNpos;
      continue;
    }
    if (s.compare(j, 9, "<![CDATA[") == 0) {
      const size_t close = s.find("]]>", j + 9);
      if (close == kNpos) return kNpos;
      j = close + 3;
      continue;
    }
    if (j + 1 >= s.size()) return kNpos;
    const bool is_end = s[j + 1] == '/';
    const size_t name_begin = j + (is_end ? 2 : 1);
    if (name_begin >= s.size() || !IsAlpha(s[name_begin])) {
      if (s[j + 1] == '!' || s[j + 1] == '?' || is_end) return kNpos;  // unusual: give up
      ++j;
      continue;
    }
    const std::string_view name = TagName(s, name_begin, &name_buf);
    const Tag tag = ReadTag(s, j);
    if (tag.end == kNpos) return kNpos;
    if (is_end) {
      size_t k = open.size();
      while (k > 0 && open[k - 1] != name) --k;
      if (k == 0) return kNpos;
      open.resize(k - 1);
      if (open.empty()) return tag.end;
      j = tag.end;
      continue;
    }
    if (name == "title" || name == "desc") {
      // Text-only labels of icons ("<title>Share</title>") are common; markup
      // inside these integration points would be parsed as HTML.
      if (tag.self_closing) {
        j = tag.end;
        continue;
      }
      const size_t close = s.find('<', tag.end);
      if (close == kNpos || !HasAt(s, close + 2, name) || s[close + 1] != '/') return kNpos;
      const Tag end_tag = ReadTag(s, close);
      if (end_tag.end == kNpos || close + 2 + name.size() >= s.size() ||
          !(IsTagSpace(s[close + 2 + name.size()]) || s[close + 2 + name.size()] == '>')) {
        return kNpos;
      }
      j = end_tag.end;
      continue;
    }
    if (BreaksOutOfForeign(name) ||
        OneOf(name, {"script", "style", "svg", "math", "foreignobject"})) {
      return kNpos;
    }
    if (!tag.self_closing) open.emplace_back(name);
    j = tag.end;
  }
  return kNpos;
}

// A script tag whose type may be JSON-LD (entities in attributes count as maybe).
bool MaybeJsonLd(std::string_view tag) {
  return tag.find('&') != kNpos || FindCi(tag, 0, "ld+json") != kNpos;
}

// A placeholder is kMark (U+E000, private use) and the run's index in three
// characters of kDigits: up to 64^3 runs a page.
constexpr std::string_view kMark = "\xEE\x80\x80";
constexpr std::string_view kDigits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr size_t kPlaceholderBytes = 6;
constexpr size_t kMaxShelved = 64 * 64 * 64;
// Shorter runs are left in place: the saving would not pay for the lookups.
constexpr size_t kMinShelvedBytes = 16;

int DigitValue(char c) {
  const size_t at = kDigits.find(c);
  return at == kNpos ? -1 : static_cast<int>(at);
}

bool IsRunSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Whether gumbo passes every character of `run` through unchanged as an
// ordinary character token: printable ASCII but '&' and '<', tab, newline,
// and code points from U+00A0 that are not noncharacters (gumbo replaces
// controls, C1 controls and noncharacters with U+FFFD).
bool IsPlainText(std::string_view run) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(run.data());
  size_t p = 0;
  while (p < run.size()) {
    const unsigned char c = bytes[p];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == '&' || c == '<') return false;
      ++p;
      continue;
    }
    const size_t start = p;
    const char32_t cp = NextCodePoint(run, &p);
    if (cp < 0xA0 || (cp == 0xFFFD && p - start == 1)) return false;
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return false;
  }
  return true;
}

// Whether a numeric character reference in `html` may decode to the first
// code point of kMark, which would then read as a placeholder.
bool MayReferToMark(std::string_view html) {
  size_t i = 0;
  while ((i = html.find("&#", i)) != kNpos) {
    i += 2;
    const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    uint32_t value = 0;
    while (i < html.size()) {
      const char c = html[i];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      if (value > 0x10FFFF) value = 0x110000;  // stays out of range
      ++i;
    }
    if (value == 0xE000) return true;
  }
  return false;
}

}  // namespace

bool HasShelfMark(std::string_view text) { return text.find(kMark) != kNpos; }

void UnshelveText(std::string_view text, const TextShelf& shelf, std::string* out) {
  size_t copied = 0;
  size_t at = 0;
  while ((at = text.find(kMark, at)) != kNpos) {
    if (at + kPlaceholderBytes > text.size()) break;
    const int a = DigitValue(text[at + 3]);
    const int b = DigitValue(text[at + 4]);
    const int c = DigitValue(text[at + 5]);
    const size_t index = static_cast<size_t>((a * 64 + b) * 64 + c);
    if (a < 0 || b < 0 || c < 0 || index >= shelf.runs.size()) {
      at += kMark.size();  // not ours (cannot happen: the page had no mark)
      continue;
    }
    out->append(text.substr(copied, at - copied));
    out->append(shelf.runs[index]);
    at += kPlaceholderBytes;
    copied = at;
  }
  out->append(text.substr(copied));
}

size_t StripInertContent(std::string_view html, std::string* out, TextShelf* shelf) {
  out->clear();
  size_t removed = 0;
  size_t copied = 0;  // html[0, copied) is already in *out
  auto cut = [&](size_t begin, size_t end, std::string_view replacement) {
    if (removed == 0) out->reserve(html.size());
    out->append(html.substr(copied, begin - copied));
    out->append(replacement);
    removed += (end - begin) - replacement.size();
    copied = end;
  };
  // The data-state text run that ends at `end` starts at text_begin: its
  // middle goes on the shelf as a placeholder.
  if (shelf != nullptr && (HasShelfMark(html) || MayReferToMark(html))) shelf = nullptr;
  size_t text_begin = 0;
  auto shelve = [&](size_t end) {
    if (shelf == nullptr || end - text_begin < kMinShelvedBytes + kPlaceholderBytes) return;
    const auto* bytes = reinterpret_cast<const unsigned char*>(html.data());
    size_t begin = text_begin;
    while (begin < end && IsRunSpace(bytes[begin])) ++begin;
    size_t last = end;
    while (last > begin && IsRunSpace(bytes[last - 1])) --last;
    const std::string_view middle = html.substr(begin, last - begin);
    if (middle.size() < kMinShelvedBytes || shelf->runs.size() >= kMaxShelved ||
        !IsPlainText(middle)) {
      return;
    }
    const size_t index = shelf->runs.size();
    shelf->runs.push_back(middle);
    char placeholder[kPlaceholderBytes];
    kMark.copy(placeholder, kMark.size());
    placeholder[3] = kDigits[index / (64 * 64)];
    placeholder[4] = kDigits[(index / 64) % 64];
    placeholder[5] = kDigits[index % 64];
    cut(begin, last, std::string_view(placeholder, kPlaceholderBytes));
  };
  bool in_select = false;
  std::string name_buf;
  size_t i = 0;
  while ((i = html.find('<', i)) != kNpos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t end = CommentEnd(html, i);
      if (end == kNpos) break;  // runs to the end of input: kept
      shelve(i);
      if (end - i > 7) cut(i, end, "<!---->");
      i = text_begin = end;
      continue;
    }
    if (i + 1 >= html.size()) break;
    if (html[i + 1] == '!' || html[i + 1] == '?') {
      // DOCTYPE or a bogus comment: both end at the first '>'.
      const size_t end = html.find('>', i + 2);
      if (end == kNpos) break;
      shelve(i);
      i = text_begin = end + 1;
      continue;
    }
    const bool is_end = html[i + 1] == '/';
    const size_t name_begin = i + (is_end ? 2 : 1);
    if (name_begin >= html.size()) break;
    if (!IsAlpha(html[name_begin])) {
      if (!is_end) {
        ++i;  // a '<' in text
        continue;
      }
      // "</>" is dropped; "</" + anything else is a bogus comment up to '>'.
      const size_t end = html[name_begin] == '>' ? name_begin : html.find('>', name_begin);
      if (end == kNpos) break;
      shelve(i);
      i = text_begin = end + 1;
      continue;
    }
    const std::string_view name = TagName(html, name_begin, &name_buf);
    const size_t tag_end = TagEndFast(html, i);
    if (tag_end == kNpos) break;
    shelve(i);
    // Past the tag; raw text, RCDATA and SVG below move it past their content.
    text_begin = tag_end;
    if (is_end) {
      if (name == "select") in_select = false;
      i = tag_end;
      continue;
    }
    // In a <select>, start tags other than these are ignored or close it, and
    // the tokenizer does not switch to raw text for <style> or <title>.
    if (in_select && !OneOf(name, {"option", "optgroup", "hr", "script"})) break;
    if (name == "select") in_select = true;
    if (name == "script" || name == "style") {
      const size_t close = FindEndTag(html, tag_end, name);
      const size_t content_end = close == kNpos ? html.size() : close;
      bool keep = name == "script" && MaybeJsonLd(html.substr(i, tag_end - i));
      if (name == "script") {
        // "<!--" then "<script" inside a script may move its end further
        // (the script data double-escaped state): stop here.
        const size_t escape = html.substr(0, content_end).find("<!--", tag_end);
        if (escape != kNpos && FindCi(html.substr(0, content_end), escape, "<script") != kNpos) {
          break;
        }
      }
      if (!keep && content_end > tag_end) cut(tag_end, content_end, "");
      if (close == kNpos) {
        i = text_begin = html.size();
        break;
      }
      i = text_begin = close;  // the end tag is read next
      continue;
    }
    if (OneOf(name, {"title", "textarea", "xmp", "iframe", "noembed", "noframes"})) {
      const size_t close = FindEndTag(html, tag_end, name);
      if (close == kNpos) break;
      i = text_begin = close;
      continue;
    }
    if (name == "svg" && !ReadTag(html, i).self_closing) {
      const size_t end = SkipSvg(html, tag_end);
      if (end == kNpos) break;
      i = text_begin = end;
      continue;
    }
    if (OneOf(name, {"plaintext", "frameset", "math"})) break;
    i = tag_end;
  }
  // Text after the last tag, when the scan got there.
  if (i == kNpos) shelve(html.size());
  if (removed == 0) {
    out->clear();
    return 0;
  }
  out->append(html.substr(copied));
  return removed;
}

}  // namespace tg::text
