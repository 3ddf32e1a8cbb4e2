#include "text/line_furniture.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "text/phrase_set.h"
#include "text/utf8_scan.h"

namespace tg::text {
namespace {

// Generic UI vocabulary of news sites (never lines of any particular page).
// English entries match whole lower-cased ASCII tokens.
constexpr std::array<std::string_view, 58> kUiWordsEn = {
    "share",    "print",      "email",     "e-mail",   "mail",        "facebook", "twitter",
    "linkedin", "kakaotalk",  "kakao",     "reddit",   "whatsapp",    "telegram", "pinterest",
    "font",     "size",       "text",      "search",   "subscribe",   "login",    "log",
    "sign",     "register",   "menu",      "home",     "comments",    "comment",  "save",
    "bookmark", "scrap",      "copy",      "link",     "url",         "tweet",    "post",
    "gift",     "article",    "dictionary", "icon",    "listen",      "audio",    "later",
    "newsletter", "close",    "top",       "back",     "next",        "previous", "view",
    "browser",  "forward",    "friend",    "unsubscribe", "advertisement", "sponsored",
    "help",     "image",      "social"};

// Korean entries match as substrings of a token (공유하기, URL복사, 글자크기).
constexpr std::array<std::string_view, 34> kUiWordsKo = {
    "공유", "스크랩", "댓글", "클린뷰", "프린트", "인쇄", "글자", "글씨", "크기", "작게",
    "크게", "페이스북", "트위터", "카카오", "밴드", "링크", "복사", "로그인", "회원가입",
    "구독", "검색", "메뉴", "홈", "기사제보", "광고문의", "추천", "좋아요", "북마크",
    "목록", "이메일", "닫기", "듣기", "글꼴", "사진"};

// Tokens that count neither as UI nor as content.
constexpr std::array<std::string_view, 16> kNeutralWords = {
    "on", "to", "for", "this", "the", "of", "in", "a", "and", "or", "an", "our", "your",
    "이", "기사", "기사를"};

// Lines that are UI when they start with these (short lines only).
constexpr std::array<std::string_view, 12> kUiPhrases = {
    "skip to", "continue reading", "read more", "advertisement", "sponsored", "back to top",
    "scroll to", "jump to", "listen to this", "go to", "click to", "sign up"};

// List headers: English ones must start the line, Korean ones may sit anywhere.
constexpr std::array<std::string_view, 17> kListHeadersEn = {
    "related", "read next", "read more", "more from", "more in ", "more on ", "you may also",
    "you might also", "most popular", "most read", "most viewed", "recommended",
    "top stories", "trending", "latest news", "editor's picks", "more stories"};
constexpr std::array<std::string_view, 10> kListHeadersKo = {
    "관련기사", "관련 기사", "많이 본", "주요뉴스", "주요 뉴스", "함께 보면", "인기기사",
    "추천기사", "추천 기사", "최신기사"};

// Footer and promotion phrases in prose-shaped lines.
constexpr std::array<std::string_view, 26> kFooterPhrases = {
    "all rights reserved", "published by", "you are receiving", "unsubscribe",
    "subscribe to", "subscribed", "newsletter", "sign up", "log in", "login", "sign in",
    "cookie", "privacy policy", "terms of", "check out", "learn more", "webinar",
    "powered by", "click here", "reply to this email", "reproduction", "무단전재",
    "무단 전재", "재배포", "저작권", "기사제보"};

// Copyright markers: any of them makes a line a footer.
constexpr std::array<std::string_view, 10> kCopyrightMarkers = {
    "\xC2\xA9" /* © */, "\xE2\x93\x92" /* ⓒ */, "all rights reserved", "무단전재", "무단 전재",
    "재배포 금지", "재배포금지", "저작권자", "copyright", "reproduction without"};

// Publisher registration and address footers.
constexpr std::array<std::string_view, 12> kRegistrationMarkers = {
    "대표전화", "등록번호", "발행인", "편집인", "청소년보호", "팩스", "사업자", "제호",
    "tel:", "tel.", "fax:", "publisher &"};

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// The phrase lexicons above (and a few single phrases) as one PhraseSet, with
// the bits of each group, so a line is scanned once for all of them.
struct PhraseBits {
  PhraseSet set;
  uint64_t footer = 0;
  uint64_t copyright_other = 0;  // copyright markers other than the word "copyright"
  uint64_t copyright_word = 0;
  uint64_t reserved = 0;
  uint64_t paren_c = 0;
  uint64_t registration = 0;
  uint64_t prose_meta = 0;  // "all rights reserved", "reproduction without"
  uint64_t korean_rights = 0;  // 무단전재, 재배포

  static std::vector<std::string_view> All() {
    std::vector<std::string_view> all(kFooterPhrases.begin(), kFooterPhrases.end());
    all.insert(all.end(), kCopyrightMarkers.begin(), kCopyrightMarkers.end());
    all.insert(all.end(), kRegistrationMarkers.begin(), kRegistrationMarkers.end());
    all.push_back("reserved");
    all.push_back("(c)");
    return all;
  }

  PhraseBits() : set(All()) {
    for (std::string_view p : kFooterPhrases) footer |= set.Bit(p);
    for (std::string_view p : kCopyrightMarkers) {
      if (p != "copyright") copyright_other |= set.Bit(p);
    }
    copyright_word = set.Bit("copyright");
    reserved = set.Bit("reserved");
    paren_c = set.Bit("(c)");
    for (std::string_view p : kRegistrationMarkers) registration |= set.Bit(p);
    prose_meta = set.Bit("all rights reserved") | set.Bit("reproduction without");
    korean_rights = set.Bit("\xEB\xAC\xB4\xEB\x8B\xA8\xEC\xA0\x84\xEC\x9E\xAC") |
                    set.Bit("\xEC\x9E\xAC\xEB\xB0\xB0\xED\x8F\xAC");
  }
};

const PhraseBits& Phrases() {
  static const PhraseBits bits;
  return bits;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// text.substr(0, prefix.size()) == prefix, with the first byte tested inline
// (most prefixes fail there) before the memcmp call.
bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && (prefix.empty() || text[0] == prefix[0]) &&
         std::memcmp(text.data(), prefix.data(), prefix.size()) == 0;
}

// Contains(text, needle) for a needle of two or three bytes: memchr on the
// first byte, the rest compared inline (find() calls memcmp at every hit of
// 0xE2, which every curly quote starts with).
bool ContainsShort(std::string_view text, std::string_view needle) {
  const char* p = text.data();
  const char* const end = text.data() + text.size();
  while (p < end && (p = static_cast<const char*>(std::memchr(p, needle[0], end - p)))) {
    if (static_cast<size_t>(end - p) >= needle.size() && p[1] == needle[1] &&
        (needle.size() == 2 || p[2] == needle[2])) {
      return true;
    }
    ++p;
  }
  return false;
}

const PhraseSet& KoreanUiWords() {
  static const PhraseSet set(std::vector<std::string_view>(kUiWordsKo.begin(), kUiWordsKo.end()));
  return set;
}

const PhraseSet& KoreanListHeaders() {
  static const PhraseSet set(
      std::vector<std::string_view>(kListHeadersKo.begin(), kListHeadersKo.end()));
  return set;
}

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Strips leading bullets, brackets and punctuation (ASCII and common symbols).
std::string_view StripLeadingSymbols(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kSymbols = {
      "\xE2\x97\x86", "\xE2\x96\xB6", "\xE2\x96\xB7", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x86\x92",
      "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x97\x87", "\xE2\x80\xBB"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    const char c = s.front();
    if (c == ' ' || c == '[' || c == '(' || c == '<' || c == '-' || c == '*' || c == '>' ||
        c == '#' || c == ':' || c == '|') {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view sym : kSymbols) {
      if (StartsWith(s, sym)) {
        s.remove_prefix(sym.size());
        changed = true;
        break;
      }
    }
  }
  return s;
}

// Removes every "[...]" group; returns what is left.
std::string WithoutBracketGroups(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '[') {
      ++depth;
    } else if (c == ']' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

bool HasLetterOrDigit(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      if (IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c))) return true;
      ++pos;
      continue;
    }
    const char32_t cp = utf8_scan::Next(s, &pos);
    if (utf8_scan::IsHangul(cp) || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x3040 && cp <= 0x9FFF)) {
      return true;
    }
  }
  return false;
}

bool IsUiWordEn(std::string_view token) {
  // The lexicon sorted once, for a binary search per token.
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> words(kUiWordsEn.begin(), kUiWordsEn.end());
    std::sort(words.begin(), words.end());
    return words;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), token);
}

// True when UI tokens are the majority of the tokens that are neither neutral
// nor tiny. Bracketed tokens ("[Share]") count like bare ones. `lower` is the
// lower-cased line ('[' and ']' separate tokens like any ASCII non-letter).
bool MostlyUiTokens(std::string_view lower) {
  int ui = 0;
  int content = 0;
  const std::string_view text = lower;
  size_t pos = 0;
  while (pos < text.size()) {
    // Tokens: runs of ASCII letters or of non-ASCII bytes.
    const char c = text[pos];
    if (!IsAsciiAlpha(c) && static_cast<unsigned char>(c) < 0x80) {
      ++pos;
      continue;
    }
    size_t end = pos + 1;
    while (end < text.size() &&
           (IsAsciiAlpha(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80)) {
      ++end;
    }
    const std::string_view token = text.substr(pos, end - pos);
    pos = end;
    if (utf8_scan::CountCodePoints(token) <= 1 || (token.size() <= 2 && IsAsciiAlpha(token[0]))) {
      continue;
    }
    if (std::any_of(kNeutralWords.begin(), kNeutralWords.end(), [token](std::string_view w) {
          return w.size() == token.size() && StartsWith(token, w);
        })) {
      continue;
    }
    bool is_ui = IsUiWordEn(token);
    if (!is_ui && static_cast<unsigned char>(token[0]) >= 0x80) {
      is_ui = KoreanUiWords().Scan(token) != 0;  // any of them inside the token
    }
    if (is_ui) {
      ++ui;
    } else {
      ++content;
    }
  }
  return ui > 0 && ui > content;
}

// `found` is Phrases().set.Scan(lower).
bool IsCopyrightLine(std::string_view folded, std::string_view lower, const LineShape& shape,
                     uint64_t found) {
  const PhraseBits& bits = Phrases();
  if (found & bits.copyright_other) return true;
  // A story sentence may mention copyright; a footer is short or says more.
  if ((found & bits.copyright_word) &&
      !(IsProse(shape) && shape.code_points > 80 && !(found & bits.reserved))) {
    return true;
  }
  if (!(found & bits.paren_c)) return false;
  // "(c) Outlet" at the start of the line or after a space.
  for (size_t at = lower.find("(c)"); at != std::string_view::npos;
       at = lower.find("(c)", at + 1)) {
    if (at == 0 || lower[at - 1] == ' ') {
      if (at + 4 < folded.size() && folded[at + 3] == ' ' &&
          (folded[at + 4] < 'a' || folded[at + 4] > 'z')) {
        return true;
      }
    }
  }
  return false;
}

// Four-digit year 1990..2099 ending at `end` (exclusive) with no digit around.
bool YearAt(std::string_view s, size_t begin) {
  if (begin + 4 > s.size()) return false;
  for (size_t i = begin; i < begin + 4; ++i) {
    if (!IsAsciiDigit(s[i])) return false;
  }
  if (begin > 0 && IsAsciiDigit(s[begin - 1])) return false;
  if (begin + 4 < s.size() && IsAsciiDigit(s[begin + 4])) return false;
  const int year = (s[begin] - '0') * 1000 + (s[begin + 1] - '0') * 100 +
                   (s[begin + 2] - '0') * 10 + (s[begin + 3] - '0');
  return year >= 1990 && year <= 2099;
}

bool HasDateToken(std::string_view lower) {
  for (size_t i = 0; i + 4 <= lower.size(); ++i) {
    if (!YearAt(lower, i)) continue;
    const size_t after = i + 4;
    // 2023.05.15, 2023-05-15, 2023/05/15
    if (after + 2 < lower.size() &&
        (lower[after] == '.' || lower[after] == '-' || lower[after] == '/') &&
        IsAsciiDigit(lower[after + 1])) {
      return true;
    }
    // 2023년
    if (lower.substr(after, 3) == "\xEB\x85\x84") return true;
    // A month name shortly before the year: "Oct. 18, 2024", "June 17, 2025".
    const size_t from = i >= 16 ? i - 16 : 0;
    const std::string_view window = lower.substr(from, i - from);
    for (std::string_view month : kMonths) {
      for (size_t at = window.find(month); at != std::string_view::npos;
           at = window.find(month, at + 1)) {
        if (at > 0 && IsAsciiAlpha(window[at - 1])) continue;
        return true;
      }
    }
  }
  return false;
}

bool IsAgencyTag(std::string_view folded) {
  if (folded.size() < 2 || folded.front() != '/') return false;
  if (Contains(folded, " ")) return false;
  return utf8_scan::CountCodePoints(folded) <= 20 && HasLetterOrDigit(folded.substr(1));
}

}  // namespace

bool StartsWithBullet(std::string_view folded) {
  static constexpr std::array<std::string_view, 16> kBullets = {
      "- ",           "* ",           "> ",           "\xC2\xB7",     "\xE2\x80\xA2",
      "\xE2\x96\xB6", "\xE2\x96\xB7", "\xE2\x86\x92", "\xE2\x97\x86", "\xE2\x96\xA0",
      "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x8B", "\xE2\x97\x87", "\xE2\x96\xB8",
      "\xE2\x80\x93 "};
  for (std::string_view b : kBullets) {
    if (StartsWith(folded, b)) return true;
  }
  size_t digits = 0;
  while (digits < folded.size() && digits < 3 && IsAsciiDigit(folded[digits])) ++digits;
  if (digits == 0 || digits >= folded.size()) return false;
  const char next = folded[digits];
  if (next == '.' || next == ')') return digits + 1 < folded.size() && folded[digits + 1] == ' ';
  return next == ' ' && digits + 1 < folded.size() &&
         (IsAsciiAlpha(folded[digits + 1]) || static_cast<unsigned char>(folded[digits + 1]) >= 0x80);
}

bool IsListHeader(const LineRef& line) {
  const LineShape& shape = *line.shape;
  if (shape.code_points > 40 || IsProse(shape)) return false;
  // Stripping removes a prefix of symbols, so the lower-cased rest is a suffix of `lower`.
  const std::string_view stripped = StripLeadingSymbols(line.folded);
  const std::string_view lower = line.lower.substr(line.folded.size() - stripped.size());
  for (std::string_view h : kListHeadersEn) {
    if (StartsWith(lower, h)) return true;
  }
  return KoreanListHeaders().Scan(lower) != 0;
}

bool LooksLikeByline(const LineRef& line) {
  const LineShape& shape = *line.shape;
  if (IsProse(shape) || shape.code_points > 60) return false;
  const std::string_view lower = line.lower;
  const std::string_view folded = line.folded;
  if (StartsWith(lower, "by ") && shape.words <= 10) return true;
  if (Contains(lower, "reporter") || Contains(lower, "correspondent") ||
      Contains(lower, "staff writer") || Contains(lower, "contributing writer")) {
    return shape.words <= 8;
  }
  // Korean: "김정영 기자", "[디지털경제신문 백지훈 기자]" (기자 as a word end).
  for (size_t at = folded.find("\xEA\xB8\xB0\xEC\x9E\x90"); at != std::string_view::npos;
       at = folded.find("\xEA\xB8\xB0\xEC\x9E\x90", at + 1)) {
    const size_t end = at + 6;
    if (end == folded.size() || folded[end] == ' ' || folded[end] == ']' || folded[end] == '|' ||
        folded[end] == '=') {
      if (shape.code_points <= 40) return true;
    }
  }
  return false;
}

bool LooksLikeDateLine(const LineRef& line) {
  const LineShape& shape = *line.shape;
  if (IsProse(shape) || shape.words > 10 || shape.latin + shape.hangul > 40) return false;
  return HasDateToken(line.lower);
}

bool HasFooterSignal(const LineRef& line) {
  if (line.shape->has_email || line.shape->has_url) return true;
  return (Phrases().set.Scan(line.lower) & Phrases().footer) != 0;
}

Furniture ClassifyFurniture(const LineRef& line) {
  const std::string_view folded = line.folded;
  const std::string_view lower = line.lower;
  const LineShape& shape = *line.shape;
  if (folded.empty()) return Furniture::kNoise;
  // Lone symbols and one- or two-character crumbs ("-", "•", "s").
  if (shape.letters() + shape.digits == 0 || shape.code_points <= 2) return Furniture::kNoise;
  if (IsAgencyTag(folded)) return Furniture::kMeta;
  const PhraseBits& bits = Phrases();
  const bool prose = IsProse(shape);
  // Sentences are most of a page's bytes and seldom furniture: long ones get
  // only the copyright signs and an e-mail byline, the others one phrase scan.
  if (prose) {
    if (ContainsShort(folded, "\xC2\xA9") || ContainsShort(folded, "\xE2\x93\x92")) {
      return Furniture::kMeta;
    }
    if (shape.has_email && shape.words <= 12) return Furniture::kMeta;
    if (folded.size() > 300) return Furniture::kNone;
    const uint64_t found = bits.set.Scan(lower);
    if ((found & bits.prose_meta) || ((found & bits.copyright_word) && shape.code_points <= 80)) {
      return Furniture::kMeta;
    }
    if (shape.hangul > 0 && (found & bits.korean_rights)) return Furniture::kMeta;  // 무단전재, 재배포
    return IsCopyrightLine(folded, lower, shape, found) && folded.size() <= 160 ? Furniture::kMeta
                                                                              : Furniture::kNone;
  }
  const uint64_t found = bits.set.Scan(lower);
  if (IsCopyrightLine(folded, lower, shape, found)) return Furniture::kMeta;
  // Publisher registration and address footers (one marker is enough off prose).
  if (found & bits.registration) return Furniture::kNoise;
  if (shape.has_email && shape.words <= 12) return Furniture::kMeta;
  if (StartsWith(lower, "tags:") || StartsWith(lower, "tag:") || StartsWith(lower, "tags ") ||
      StartsWith(folded, "\xED\x83\x9C\xEA\xB7\xB8" /* 태그 */)) {
    return Furniture::kNoise;
  }
  // Only bracketed groups ("[Tweet] [Share]", "[모바일 본문]", "[넥스트벤처뉴스 = 임하람 기자]").
  if (folded.front() == '[' && !HasLetterOrDigit(WithoutBracketGroups(folded))) {
    return LooksLikeByline(line) ? Furniture::kMeta : Furniture::kNoise;
  }
  // Menus and breadcrumbs: short segments between separators.
  if (shape.separators >= 1 && shape.segments >= 2 && shape.max_segment_code_points <= 30 &&
      shape.code_points <= 200) {
    return Furniture::kNoise;
  }
  if (shape.code_points <= 40) {
    for (std::string_view p : kUiPhrases) {
      if (StartsWith(lower, p)) return Furniture::kNoise;
    }
  }
  if (shape.code_points <= 120 && MostlyUiTokens(lower)) return Furniture::kNoise;
  return Furniture::kNone;
}

Furniture ClassifyFurniture(std::string_view folded, const LineShape& shape) {
  const std::string lower = AsciiLower(folded);
  return ClassifyFurniture(LineRef{folded, lower, &shape});
}

bool IsListHeader(std::string_view folded, const LineShape& shape) {
  const std::string lower = AsciiLower(folded);
  return IsListHeader(LineRef{folded, lower, &shape});
}

bool LooksLikeByline(std::string_view folded, const LineShape& shape) {
  const std::string lower = AsciiLower(folded);
  return LooksLikeByline(LineRef{folded, lower, &shape});
}

bool LooksLikeDateLine(std::string_view folded, const LineShape& shape) {
  const std::string lower = AsciiLower(folded);
  return LooksLikeDateLine(LineRef{folded, lower, &shape});
}

bool HasFooterSignal(std::string_view folded, const LineShape& shape) {
  if (shape.has_email || shape.has_url) return true;
  const std::string lower = AsciiLower(folded);
  return HasFooterSignal(LineRef{folded, lower, &shape});
}

}  // namespace tg::text
