#include "text/clean_capture.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/hash.h"
#include "core/utf8.h"

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

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
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
    const char32_t cp = NextCodePoint(s, &pos);
    if (IsHangul(cp) || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x3040 && cp <= 0x9FFF)) return true;
  }
  return false;
}

// True when UI tokens are the majority of the tokens that are neither neutral
// nor tiny. Bracketed tokens ("[Share]") count like bare ones.
bool MostlyUiTokens(std::string_view folded) {
  int ui = 0;
  int content = 0;
  std::string lower = AsciiLower(folded);
  for (char& c : lower) {
    if (c == '[' || c == ']') c = ' ';
  }
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
    if (CountCodePoints(token) <= 1 || (token.size() <= 2 && IsAsciiAlpha(token[0]))) continue;
    if (std::find(kNeutralWords.begin(), kNeutralWords.end(), token) != kNeutralWords.end()) {
      continue;
    }
    bool is_ui = std::find(kUiWordsEn.begin(), kUiWordsEn.end(), token) != kUiWordsEn.end();
    if (!is_ui && static_cast<unsigned char>(token[0]) >= 0x80) {
      for (std::string_view w : kUiWordsKo) {
        if (Contains(token, w)) {
          is_ui = true;
          break;
        }
      }
    }
    if (is_ui) {
      ++ui;
    } else {
      ++content;
    }
  }
  return ui > 0 && ui > content;
}

bool IsRegistrationLine(std::string_view lower, const LineShape& shape) {
  int markers = 0;
  for (std::string_view m : kRegistrationMarkers) {
    if (Contains(lower, m)) ++markers;
  }
  return markers >= 2 || (markers == 1 && !IsProse(shape));
}

bool IsCopyrightLine(std::string_view folded, std::string_view lower, const LineShape& shape) {
  for (std::string_view m : kCopyrightMarkers) {
    if (!Contains(lower, m)) continue;
    // A story sentence may mention copyright; a footer is short or says more.
    if (m == "copyright" && IsProse(shape) && shape.code_points > 80 &&
        !Contains(lower, "reserved")) {
      continue;
    }
    return true;
  }
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
  return CountCodePoints(folded) <= 20 && HasLetterOrDigit(folded.substr(1));
}

// Title case names joined by "in", "and": "Sachiko Ueda in Tokyo and Lee Jun-ho in Seoul".
bool LooksLikeNameList(std::string_view folded, const LineShape& shape) {
  if (shape.hangul > 0 || shape.digits > 0 || shape.sentence_end) return false;
  if (shape.words < 2 || shape.words > 10 || shape.code_points > 60) return false;
  int connectors = 0;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string_view::npos) end = folded.size();
    const std::string_view word = folded.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (word == "in" || word == "and" || word == "&") {
      ++connectors;
      continue;
    }
    if (!(word[0] >= 'A' && word[0] <= 'Z')) return false;
    for (char c : word) {
      if (c == '"' || c == ':' || c == '?') return false;
    }
  }
  return connectors > 0;
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

bool IsListHeader(std::string_view folded, const LineShape& shape) {
  if (shape.code_points > 40 || IsProse(shape)) return false;
  const std::string lower = AsciiLower(StripLeadingSymbols(folded));
  for (std::string_view h : kListHeadersEn) {
    if (StartsWith(lower, h)) return true;
  }
  for (std::string_view h : kListHeadersKo) {
    if (Contains(lower, h)) return true;
  }
  return false;
}

bool LooksLikeByline(std::string_view folded, const LineShape& shape) {
  if (IsProse(shape) || shape.code_points > 60) return false;
  const std::string lower = AsciiLower(folded);
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

bool LooksLikeDateLine(std::string_view folded, const LineShape& shape) {
  if (IsProse(shape) || shape.words > 10 || shape.latin + shape.hangul > 40) return false;
  return HasDateToken(AsciiLower(folded));
}

bool HasFooterSignal(std::string_view folded, const LineShape& shape) {
  if (shape.has_email || shape.has_url) return true;
  const std::string lower = AsciiLower(folded);
  for (std::string_view p : kFooterPhrases) {
    if (Contains(lower, p)) return true;
  }
  return false;
}

Furniture ClassifyFurniture(std::string_view folded, const LineShape& shape) {
  if (folded.empty()) return Furniture::kNoise;
  // Lone symbols and one- or two-character crumbs ("-", "•", "s").
  if (shape.letters() + shape.digits == 0 || shape.code_points <= 2) return Furniture::kNoise;
  if (IsAgencyTag(folded)) return Furniture::kMeta;
  const bool prose = IsProse(shape);
  // Sentences are most of a page's bytes and seldom furniture: a few cheap
  // checks (copyright signs and phrases, an e-mail byline) instead of the full
  // phrase search, which is slow on Hangul (its lead bytes repeat, so every
  // Korean needle keeps matching its first byte).
  if (prose) {
    if (Contains(folded, "\xC2\xA9") || Contains(folded, "\xE2\x93\x92")) return Furniture::kMeta;
    if (shape.has_email && shape.words <= 12) return Furniture::kMeta;
    if (folded.size() > 300) return Furniture::kNone;
    const std::string lower = AsciiLower(folded);
    if (Contains(lower, "all rights reserved") || Contains(lower, "reproduction without") ||
        (Contains(lower, "copyright") && shape.code_points <= 80)) {
      return Furniture::kMeta;
    }
    if (shape.hangul > 0 && (Contains(folded, "\xEB\xAC\xB4\xEB\x8B\xA8\xEC\xA0\x84\xEC\x9E\xAC") ||
                             Contains(folded, "\xEC\x9E\xAC\xEB\xB0\xB0\xED\x8F\xAC"))) {
      return Furniture::kMeta;  // 무단전재, 재배포
    }
    return IsCopyrightLine(folded, lower, shape) && folded.size() <= 160 ? Furniture::kMeta
                                                                       : Furniture::kNone;
  }
  const std::string lower = AsciiLower(folded);
  if (IsCopyrightLine(folded, lower, shape)) return Furniture::kMeta;
  if (IsRegistrationLine(lower, shape)) return Furniture::kNoise;
  if (shape.has_email && shape.words <= 12) return Furniture::kMeta;
  if (StartsWith(lower, "tags:") || StartsWith(lower, "tag:") || StartsWith(lower, "tags ") ||
      StartsWith(folded, "\xED\x83\x9C\xEA\xB7\xB8" /* 태그 */)) {
    return Furniture::kNoise;
  }
  // Only bracketed groups ("[Tweet] [Share]", "[모바일 본문]", "[넥스트벤처뉴스 = 임하람 기자]").
  if (folded.front() == '[' && !HasLetterOrDigit(WithoutBracketGroups(folded))) {
    return LooksLikeByline(folded, shape) ? Furniture::kMeta : Furniture::kNoise;
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
  if (shape.code_points <= 120 && MostlyUiTokens(folded)) return Furniture::kNoise;
  return Furniture::kNone;
}

CaptureCleaning CleanCapture(std::string_view text, const CaptureOptions& options) {
  CaptureCleaning out;
  // 1. Non-empty lines with their shape.
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = TrimLine(text.substr(pos, end - pos));
    pos = end + 1;
    if (raw.empty()) continue;
    CaptureLine line;
    line.shape = AnalyzeLine(raw);
    line.text = FoldSpace(raw);
    out.lines.push_back(std::move(line));
  }
  std::vector<CaptureLine>& lines = out.lines;
  const int n = static_cast<int>(lines.size());
  if (n == 0) return out;

  std::vector<Furniture> furniture(n);
  std::vector<bool> prose(n);
  for (int i = 0; i < n; ++i) {
    furniture[i] = ClassifyFurniture(lines[i].text, lines[i].shape);
    prose[i] = IsProse(lines[i].shape);
    if (furniture[i] == Furniture::kNone && options.batch != nullptr && !prose[i] &&
        lines[i].shape.code_points <= 50 &&
        options.batch->PagesWith(lines[i].text) >= options.repeated_line_min_docs) {
      furniture[i] = Furniture::kNoise;
    }
  }

  // 2. The body: the run of lines with the largest score, prose counting for
  // its length and anything else against it (Kadane's maximum subarray).
  long best = 0;
  int body_begin = n;
  int body_end = -1;  // inclusive
  long run = 0;
  int run_begin = 0;
  for (int i = 0; i < n; ++i) {
    long score;
    if (furniture[i] != Furniture::kNone) {
      score = -100;
    } else if (prose[i]) {
      score = std::min<long>(lines[i].shape.code_points, 400);
    } else {
      score = -(30 + std::min<long>(lines[i].shape.code_points / 2, 70));
    }
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    run += score;
    if (run > best) {
      best = run;
      body_begin = run_begin;
      body_end = i;
    }
  }
  for (int i = 0; i < n; ++i) {
    lines[i].zone = i < body_begin ? LineZone::kHead
                                   : (i <= body_end ? LineZone::kBody : LineZone::kTail);
  }

  auto role_of_furniture = [](Furniture f) {
    return f == Furniture::kMeta ? LineRole::kMeta : LineRole::kNoise;
  };

  // 3. Body and tail (the tail first: the head reads footer lines).
  bool in_list = false;
  std::vector<bool> list_item(n, false);
  for (int i = std::max(body_begin, 0); i < n; ++i) {
    CaptureLine& line = lines[i];
    if (line.zone == LineZone::kHead) continue;
    if (furniture[i] != Furniture::kNone) {
      line.role = role_of_furniture(furniture[i]);
      continue;
    }
    if (IsListHeader(line.text, line.shape)) {
      line.role = LineRole::kNoise;
      in_list = true;
      continue;
    }
    if (in_list && (!prose[i] || StartsWithBullet(line.text))) {
      line.role = LineRole::kNoise;
      list_item[i] = true;
      continue;
    }
    in_list = false;
    if (line.zone == LineZone::kBody) {
      line.role = LineRole::kStory;
    } else if (prose[i] && !StartsWithBullet(line.text) &&
               !HasFooterSignal(line.text, line.shape)) {
      line.role = LineRole::kStory;
    } else {
      line.role = LooksLikeByline(line.text, line.shape) ? LineRole::kMeta : LineRole::kNoise;
    }
  }
  // Promotions and sign-offs stuck to the end of the body.
  // Once one is found, the non-sentence lines between it and the body go too
  // ("-- The newsletter team").
  bool trimming = false;
  for (int i = body_end; i >= body_begin && i >= 0; --i) {
    if (lines[i].role != LineRole::kStory) {
      trimming = true;
      continue;
    }
    if (HasFooterSignal(lines[i].text, lines[i].shape)) {
      trimming = true;
    } else if (!trimming || prose[i]) {
      break;
    }
    lines[i].role = LineRole::kNoise;
  }

  // Footer texts (lower-cased), to recognise the site name at the top.
  std::vector<std::string> footers;
  for (int i = 0; i < n; ++i) {
    const bool tail_furniture = lines[i].zone == LineZone::kTail && !list_item[i] &&
                                lines[i].role != LineRole::kStory;
    if (tail_furniture || furniture[i] == Furniture::kMeta) {
      footers.push_back(AsciiLower(lines[i].text));
    }
  }
  auto is_site_name = [&](const CaptureLine& line) {
    if (line.shape.code_points > 40 || line.shape.sentence_end) return false;
    const std::string lower = AsciiLower(line.text);
    for (const std::string& f : footers) {
      for (size_t at = f.find(lower); at != std::string::npos; at = f.find(lower, at + 1)) {
        const size_t end = at + lower.size();
        const bool left = at == 0 || !IsAsciiAlpha(f[at - 1]);
        const bool right = end == f.size() || !IsAsciiAlpha(f[end]);
        if (left && right) return true;
      }
    }
    return false;
  };

  // 4. The head: headline, decks and metadata among the furniture.
  bool seen_meta = false;
  in_list = false;
  for (int i = 0; i < std::min(body_begin, n); ++i) {
    CaptureLine& line = lines[i];
    const LineShape& s = line.shape;
    if (furniture[i] != Furniture::kNone) {
      line.role = role_of_furniture(furniture[i]);
      if (line.role == LineRole::kMeta) seen_meta = true;
      continue;
    }
    if (IsListHeader(line.text, s)) {
      line.role = LineRole::kNoise;
      in_list = true;
      continue;
    }
    if (in_list && (!prose[i] || StartsWithBullet(line.text))) {
      line.role = LineRole::kNoise;
      continue;
    }
    in_list = false;
    if (LooksLikeDateLine(line.text, s) || LooksLikeByline(line.text, s) ||
        (seen_meta && out.headline >= 0 && LooksLikeNameList(line.text, s))) {
      line.role = LineRole::kMeta;
      seen_meta = true;
      continue;
    }
    if (prose[i]) {
      line.role = HasFooterSignal(line.text, s) ? LineRole::kNoise : LineRole::kStory;
    } else {
      const bool korean = s.hangul > s.latin;
      const bool substantial = s.words >= 3 && s.letters() >= 8 &&
                               s.code_points >= (korean ? 14u : 15u);
      const bool label = s.all_caps && s.words <= 6;
      line.role = substantial && !label && !is_site_name(line) ? LineRole::kStory
                                                               : LineRole::kNoise;
    }
    if (line.role == LineRole::kStory && out.headline < 0) out.headline = i;
  }

  // 5. A "Headline | Outlet" title bar whose bare headline is also on the page.
  std::unordered_set<uint64_t> story_hashes;
  for (int i = 0; i < n; ++i) {
    if (lines[i].role == LineRole::kStory) story_hashes.insert(Hash64(AsciiLower(lines[i].text)));
  }
  static constexpr std::array<std::string_view, 5> kTitleSeparators = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
  for (int i = 0; i < std::min(body_begin, n) && out.title_bar < 0; ++i) {
    if (lines[i].role != LineRole::kStory) continue;
    const std::string lower = AsciiLower(lines[i].text);
    for (std::string_view sep : kTitleSeparators) {
      for (size_t at = lower.find(sep); at != std::string::npos; at = lower.find(sep, at + 1)) {
        const std::string_view left = std::string_view(lower).substr(0, at);
        const std::string_view right = std::string_view(lower).substr(at + sep.size());
        const bool left_copy = story_hashes.count(Hash64(left)) > 0;
        const bool right_copy = story_hashes.count(Hash64(right)) > 0;
        if (!left_copy && !right_copy) continue;
        const std::string_view other = left_copy ? std::string_view(lines[i].text).substr(at + sep.size())
                                                 : std::string_view(lines[i].text).substr(0, at);
        out.title_bar = i;
        out.title_bar_outlet = std::string(other);
        lines[i].role = LineRole::kMeta;
        break;
      }
      if (out.title_bar >= 0) break;
    }
  }
  if (out.headline == out.title_bar) {
    out.headline = -1;
    for (int i = 0; i < std::min(body_begin, n); ++i) {
      if (lines[i].role == LineRole::kStory) {
        out.headline = i;
        break;
      }
    }
  }

  // 6. A body pasted twice keeps one copy.
  std::vector<std::string> texts(n);
  std::vector<bool> keep(n);
  for (int i = 0; i < n; ++i) {
    keep[i] = lines[i].role == LineRole::kStory;
    if (keep[i]) texts[i] = lines[i].text;
  }
  MarkRepeatedLines(texts, &keep);
  for (int i = 0; i < n; ++i) {
    if (lines[i].role == LineRole::kStory && !keep[i]) lines[i].role = LineRole::kRepeat;
  }
  return out;
}

}  // namespace tg::text
