// Role patterns, anchored on titles. Every construction the header lists has
// a title in it, so the scan looks up a title at each token (one table probe),
// extends it to a compound ("CEO and Chairman", "사장 겸 CEO", "대표이사 사장"),
// and only then looks left (organisation, possessive, apposition comma,
// Korean name) and right (English name, "of ORG"). Names come from the
// mentions when one starts or ends at the right token, else from a name
// shape: 1-3 capitalised English words, a 2-4 syllable Hangul word led by a
// surname, or two Hangul words (젠슨 황) for foreign names. Korean rules apply
// when the title or the word before it is Hangul.
#include <algorithm>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/given_names.h"
#include "extract/mention_rules.h"
#include "extract/org_context.h"
#include "extract/pattern_scanner.h"
#include "extract/patterns.h"
#include "extract/titles.h"
#include "text/korean_particles.h"

namespace tg::extract {
namespace pattern_scan {

using text::Token;
using text::TokenKind;

// Capitalised words that do not start or continue a person's name.
const std::unordered_set<std::string_view>& EnglishStopwords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
      "His", "Her", "Its", "Their", "Our", "In", "On", "At", "For", "From", "With", "By", "Of",
      "And", "But", "Or", "As", "If", "When", "While", "After", "Before", "Since", "During",
      "Mr.", "Ms.", "Mrs.", "Dr.", "Sir", "Said", "Says", "Told", "Also", "Then", "Now", "Today",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.",
      "Nov.", "Dec.", "Inc.", "Corp.", "Co.", "Ltd.", "Group", "Office", "Summit", "Forum",
      "Award", "Awards", "Council", "Board", "Committee", "Day", "Week", "Act", "Council",
      "Ministry", "Department", "Agency", "Administration", "Government", "Company", "Foundation",
      "Institute", "University", "Association", "Who", "What", "Why", "How", "Where", "Not"};
  return *words;
}

// Hangul words that precede names and titles without being names: time
// words, connectives, determiners, generic nouns.
const std::unordered_set<std::string_view>& KoreanStopwords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "한편", "이날", "이번", "이후", "이에", "이어", "이미", "이는", "이와", "또한", "특히", "당시",
      "지난", "최근", "현재", "전날", "오는", "다음", "우선", "서로", "정부", "공동", "신임", "전임",
      "후임", "현직", "전직", "초대", "차기", "국내", "해외", "그룹", "회사", "기업", "업계", "재계",
      "여당", "야당", "노조", "주요", "각각", "모두", "함께", "직접", "공식", "지난해", "올해", "작년",
      "내년", "당일", "오늘", "어제", "지난달", "이달", "다음달", "지난주", "이번주", "오전", "오후",
      "현지시간", "일", "월", "년", "시", "분", "등", "및", "또", "그", "이", "저", "각", "두", "세",
      "네", "새", "총", "전", "현", "고", "당", "본", "해당", "관련", "대해", "위해", "통해", "따라", "당초",
      "이라고", "한다", "했다", "있다", "밝혔다", "말했다", "만나", "만났다", "그러면서", "아울러",
      "이같이", "이처럼", "이런", "그런", "앞서", "나란히", "직후", "직전", "역시", "다만", "결국",
      "글로벌", "중", "가장", "통신사", "제조사", "투자사", "고객사", "협력사", "경쟁사", "완성차", "스타트업",
      // Time nouns (이달 말, 내달 초) and meeting nouns (면담 한 사장) before a name.
      "말", "초", "중순", "초순", "하순", "상순", "말께", "면담", "회동", "회담", "만찬", "오찬", "조찬",
      "간담회", "방문", "출장", "행사", "회의", "포럼", "협약", "체결", "계약", "이후로",
      "기간", "동안", "무렵", "방한", "방미", "방일", "방중", "순방", "일정", "현장", "자리",
      // Kinds of company and their sizes (계열사 사장, 대형 제약사 최고경영자).
      "계열사", "자회사", "제약사", "증권사", "보험사", "카드사", "건설사", "운용사", "조선사",
      "업체", "협력업체", "대형", "중견", "중소", "현지", "국내외", "대기업", "중소기업",
      // Sentence-initial conjunctions and adverbs.
      "그러나", "하지만", "그리고", "그래서", "따라서", "그런데", "그럼에도", "게다가", "더욱이",
      "반면", "또는", "혹은", "즉", "다시", "이어서", "동시에", "당시에", "나중에", "이후에"};
  return *words;
}

bool IsHangulWord(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kWord || t.size() == 0 || t.size() % 3 != 0) return false;
  for (uint32_t p = t.begin; p < t.end; p += 3) {
    const auto b0 = static_cast<uint8_t>(text[p]);
    if (b0 < 0xEA || b0 > 0xED) return false;
    const uint32_t cp = ((b0 & 0x0Fu) << 12) | ((static_cast<uint8_t>(text[p + 1]) & 0x3Fu) << 6) |
                        (static_cast<uint8_t>(text[p + 2]) & 0x3Fu);
    if (cp < 0xAC00 || cp > 0xD7A3) return false;
  }
  return true;
}

// Hangul words ending like a verb, adverb or adnominal form (따르면, 취임한,
// 열린, 참석한): they precede names without being part of them.
bool HasVerbalEnding(std::string_view w) {
  static constexpr std::string_view kEndings[] = {"면", "한", "된", "는", "며", "할", "의", "았", "었", "해", "은", "인", "큰",
                                                  "보고", "하고", "되고", "지고", "받고", "있고", "없고",
                                                  "오고", "가고", "찾아", "만나", "지만", "는데", "으나",
                                                  "했고", "했다", "됐다", "였다", "혔다", "졌다", "렸다"};
  for (std::string_view e : kEndings) {
    if (w.size() > e.size() && w.substr(w.size() - e.size()) == e) return true;
  }
  return IsKoreanLeadInWord(w);
}

bool HasHangul(std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<uint8_t>(c);
    if (b >= 0xEA && b <= 0xED) return true;
  }
  return false;
}

bool IsCapitalized(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<uint8_t>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals À..Þ (C3 80..C3 9E, without ×).
  return c == 0xC3 && s.size() > 1 && static_cast<uint8_t>(s[1]) >= 0x80 &&
         static_cast<uint8_t>(s[1]) <= 0x9E && static_cast<uint8_t>(s[1]) != 0x97;
}

bool IsPossessive(std::string_view s) {
  return s == "'s" || s == "\xE2\x80\x99s" || s == "'" || s == "\xE2\x80\x99";
}

Scanner::Scanner(std::string_view text, const text::Analysis& analysis,
                 const std::vector<Mention>& mentions)
    : text_(text), tokens_(analysis.tokens) {
  const size_t n = tokens_.size();
  person_from_.assign(n, -1);
  person_to_.assign(n, -1);
  other_from_.assign(n, -1);
  org_to_.assign(n, -1);
  company_to_.assign(n, -1);
  guess_from_.assign(n, -1);
  place_at_.assign(n, false);
  for (const Mention& m : mentions) {
    if (m.type != EntityType::kPerson && m.type != EntityType::kOrg &&
        m.type != EntityType::kPlace) {
      continue;
    }
    const int first = text::TokenStartingAt(tokens_, m.begin);
    const int last = text::TokenEndingAt(tokens_, m.end);
    if (first < 0 || last < first) continue;
    if (m.type == EntityType::kPerson) {
      if (person_from_[first] < last) person_from_[first] = last;
      if (person_to_[last] < 0 || person_to_[last] > first) person_to_[last] = first;
    } else {
      if (m.sources == kFromTagger && guess_from_[first] < last) guess_from_[first] = last;
      if (m.type == EntityType::kPlace && first == last) place_at_[first] = true;
      if (other_from_[first] < last) other_from_[first] = last;
      if (org_to_[last] < 0 || org_to_[last] > first) org_to_[last] = first;
      // Companies for the org-only short form: the tagger's one-word guesses
      // before a title are as often a foreign surname (브레너 회장).
      if (m.type == EntityType::kOrg &&
          (m.sources != kFromTagger || first != last || LooksLikeOrgWord(Tok(last)))) {
        company_to_[last] = first;
      }
    }
  }
}

std::vector<RoleMatch> Scanner::Run(const text::Analysis& analysis) {
  if (analysis.sentences.empty()) {
    ScanSentence(0, static_cast<int>(tokens_.size()));
  } else {
    for (const text::Sentence& s : analysis.sentences) {
      ScanSentence(static_cast<int>(s.first_token), static_cast<int>(s.last_token));
    }
  }
  return std::move(out_);
}

int Scanner::TitleAt(int k, bool allow_weak, TitleHit* hit_out) const {
  if (k < first_ || k >= last_ || tokens_[k].kind != TokenKind::kWord) return -1;
  const TitleHit hit = LookupTitle(text_, tokens_[k].begin);
  if (hit.length == 0 || (hit.weak && !allow_weak)) return -1;
  const int end = text::TokenEndingAt(tokens_, tokens_[k].begin + static_cast<uint32_t>(hit.length));
  if (end < 0 || end >= last_) return -1;
  if (hit_out != nullptr) *hit_out = hit;
  return end;
}

int Scanner::ExtendCompound(int e, bool korean) const {
  while (e + 1 < last_) {
    const std::string_view next = Tok(e + 1);
    if (next == "and" || next == "&" || next == "," || next == "/" || next == "겸") {
      const int more = TitleAt(e + 2, true);
      if (more < 0) break;
      e = more;
      continue;
    }
    TitleHit hit;
    const int more = korean ? TitleAt(e + 1, true, &hit) : -1;
    if (more < 0 || !hit.korean) break;
    e = more;
  }
  return e;
}

bool Scanner::IsEnglishNameWord(int k) const {
  if (k < first_ || k >= last_) return false;
  const Token& t = tokens_[k];
  if (t.kind != TokenKind::kWord || HasHangul(Tok(k)) || !IsCapitalized(Tok(k))) return false;
  if (EnglishStopwords().count(Tok(k)) != 0) return false;
  const TitleHit hit = LookupTitle(text_, t.begin);
  return hit.length == 0;
}

int Scanner::EnglishNameFrom(int k, int* words) const {
  if (k < first_ || k >= last_) return -1;
  if (person_from_[k] >= 0) {
    *words = person_from_[k] - k + 1 >= 2 ? 2 : 1;
    if (person_from_[k] > k || Tok(k).find(' ') != std::string_view::npos) *words = 2;
    return person_from_[k];
  }
  // A tagger's organisation or place that starts with a known given name is
  // a name after a title ("Northgate Motors CEO Tessa Lindqvist").
  if (other_from_[k] >= 0 && guess_from_[k] == other_from_[k] && other_from_[k] > k &&
      other_from_[k] - k <= 2 && IsKnownGivenName(Tok(k))) {
    *words = other_from_[k] - k + 1;
    return other_from_[k];
  }
  if (other_from_[k] >= 0 || !IsEnglishNameWord(k)) return -1;
  int e = k;
  while (e + 1 < last_ && e - k < 2 && IsEnglishNameWord(e + 1) && other_from_[e + 1] < 0 &&
         person_from_[e + 1] < 0) {
    ++e;
  }
  *words = e - k + 1;
  return e;
}

int Scanner::EnglishNameTo(int k) const {
  if (k < first_ || k >= last_) return -1;
  if (person_to_[k] >= 0) return person_to_[k];
  if (org_to_[k] >= 0 || !IsEnglishNameWord(k)) return -1;
  int b = k;
  while (b - 1 >= first_ && k - b < 2 && IsEnglishNameWord(b - 1) && org_to_[b - 1] < 0) --b;
  return b < k ? b : -1;  // one capitalised word before a comma is too weak
}

int Scanner::OrgTo(int k, bool allow_shape) const {
  if (k < first_ || k >= last_) return -1;
  if (org_to_[k] >= 0) return org_to_[k];
  if (!allow_shape || person_to_[k] >= 0) return -1;
  int b = k + 1;
  while (b - 1 >= first_ && k - b < 3) {
    const std::string_view w = Tok(b - 1);
    const bool part = (tokens_[b - 1].kind == TokenKind::kWord && !HasHangul(w) &&
                       IsCapitalized(w) && EnglishStopwords().count(w) == 0 &&
                       LookupTitle(text_, tokens_[b - 1].begin).length == 0) ||
                      (w == "&" && b - 1 < k) || w == "Corp." || w == "Inc." || w == "Co.";
    if (!part || person_to_[b - 1] >= 0) break;
    --b;
  }
  if (b <= k && Tok(b) == "&") ++b;
  return b <= k ? b : -1;
}

int Scanner::OrgFrom(int k, int* first) const {
  if (k < first_ || k >= last_) return -1;
  if (Tok(k) == "the" && k + 1 < last_) ++k;
  // "of Vietnam's Lac Hong Minerals", "of South Korean battery maker Daesan
  // Energy", "of nickel smelter Sumber Laut": the employer is the name after
  // the country, nationality and trade description.
  if (const int described = DescribedOrgStart(k); described > k) k = described;
  *first = k;
  if (other_from_[k] >= 0) return other_from_[k];
  int e = k - 1;
  while (e + 1 < last_ && e + 1 - k < 6) {
    const std::string_view w = Tok(e + 1);
    const bool cap = tokens_[e + 1].kind == TokenKind::kWord && !HasHangul(w) &&
                     IsCapitalized(w) && EnglishStopwords().count(w) == 0;
    const bool joiner = (w == "of" || w == "&" || w == "and") && e >= k && e + 2 < last_ &&
                        IsCapitalized(Tok(e + 2)) && EnglishStopwords().count(Tok(e + 2)) == 0;
    if (!cap && !joiner && w != "Corp." && w != "Inc.") break;
    ++e;
  }
  return e >= k ? e : -1;
}

int Scanner::DescribedOrgStart(int k) const {
  int j = k;
  const auto cap_run_end = [&](int from) {
    int e = from;
    while (e < last_ && tokens_[e].kind == TokenKind::kWord && IsCapitalized(Tok(e)) &&
           !HasHangul(Tok(e))) {
      ++e;
    }
    return e;  // exclusive
  };
  // The name must end the phrase: "of Yeonhwa's European business" names a
  // division, not a company called "European".
  const auto name_at = [&](int from) {
    const int end = cap_run_end(from);
    if (end == from) return -1;
    if (end < last_ && tokens_[end].kind == TokenKind::kWord && !Tok(end).empty() &&
        Tok(end)[0] >= 'a' && Tok(end)[0] <= 'z' && !IsPhraseBreak(Tok(end))) {
      return -1;
    }
    return from;
  };
  int e = cap_run_end(j);
  if (e > j && e < last_ && IsPossessive(Tok(e))) return name_at(e + 1);  // Vietnam's
  if (e > j && e - j <= 2) {
    j = e;  // South Korean
    if (j + 1 < last_ && Tok(j) == "-" && Tok(j + 1) == "based") j += 2;  // Pune-based
  }
  int nouns = 0;
  while (j < last_ && nouns < 3 && tokens_[j].kind == TokenKind::kWord &&
         !Tok(j).empty() && Tok(j)[0] >= 'a' && Tok(j)[0] <= 'z') {
    ++j;
    ++nouns;
  }
  if (nouns == 0 || !IsTradeNoun(Tok(j - 1))) return -1;
  return name_at(j);
}

bool Scanner::IsPhraseBreak(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "in", "at", "on", "to", "for", "with", "from", "and", "as", "after", "before", "says",
      "said", "meets", "met", "visits", "visited", "will", "is", "was", "calls", "tells", "told",
      "holds", "held", "hosts", "hosted", "arrives", "arrived", "joins", "joined", "during"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

Span Scanner::SpanOf(int first, int last) const {
  if (first < 0 || last < first) return {};
  return {tokens_[first].begin, tokens_[last].end};
}

void Scanner::Emit(RoleForm form, Span person, Span title, Span org, int first_tok, int last_tok) {
  RoleMatch m;
  m.form = form;
  m.person = person;
  m.title = title;
  m.org = org;
  m.begin = tokens_[first_tok].begin;
  m.end = tokens_[last_tok].end;
  out_.push_back(m);
}

int Scanner::SkipModifiersBack(int k) const {
  while (k >= first_ && MatchTitleModifier(text_, tokens_[k].begin) == tokens_[k].size()) --k;
  return k;
}

int Scanner::MatchEnglish(int t, int e, const TitleHit& hit) {
  const Span title = SpanOf(t, e);
  const bool acronym = Tok(t).size() <= 3 && IsCapitalized(Tok(t));
  const bool capitalized = hit.capitalized || acronym;
  // Left: modifiers, then an organisation (possessive or not), then "the".
  int left = SkipModifiersBack(t - 1);
  int org_first = -1, org_last = -1;
  if (left >= first_ && IsPossessive(Tok(left))) {
    org_last = left - 1;
    org_first = OrgTo(org_last, true);
    if (org_first < 0) org_last = -1;
  } else if (left >= first_) {
    org_first = OrgTo(left, true);
    if (org_first >= 0) org_last = left;
  }
  int start = org_first >= 0 ? org_first : SkipModifiersBack(t - 1) + 1;
  if (org_first >= 0) start = std::min(start, org_first);
  const bool has_the = start - 1 >= first_ && (Tok(start - 1) == "the" || Tok(start - 1) == "The");
  const Span org = org_first >= 0 ? SpanOf(org_first, org_last) : Span{};

  // TITLE Name / ORG TITLE Name.
  int words = 0;
  const int name_last = EnglishNameFrom(e + 1, &words);
  if (name_last >= 0 && (!hit.weak || capitalized || org_first >= 0)) {
    if (words >= 2) {
      Emit(RoleForm::kFull, SpanOf(e + 1, name_last), title, org, start, name_last);
      return name_last;
    }
    if (capitalized && !hit.weak) {
      Emit(RoleForm::kShortTitle, SpanOf(e + 1, name_last), title, org, start, name_last);
      return name_last;
    }
  }
  // [the] ORG's TITLE, Name, (apposition after the title: "Tokoro's chief
  // commercial officer, Emi Fujisawa, also joined").
  if ((org_first >= 0 || has_the) && e + 3 < last_ && Tok(e + 1) == ",") {
    int after_words = 0;
    int after_last = EnglishNameFrom(e + 2, &after_words);
    // (The tagger's place or company guess there is the name: Fujisawa is a city.)
    const int guess = guess_from_[e + 2];
    if (after_last < 0 && guess > e + 2 && guess == other_from_[e + 2] && guess - (e + 2) <= 2 &&
        IsEnglishNameWord(e + 2) && IsEnglishNameWord(guess)) {
      after_last = guess;
      after_words = guess - (e + 2) + 1;
    }
    if (after_last >= 0 && after_words >= 2 && after_last + 1 < last_ && Tok(after_last + 1) == ",") {
      Emit(RoleForm::kFull, SpanOf(e + 2, after_last), title, org, e + 2, after_last);
      return after_last;
    }
  }
  // Name, [the] [ORG's] TITLE [of ORG] (apposition).
  int of_last = -1, of_first = -1;
  if (e + 2 < last_ && (Tok(e + 1) == "of" || Tok(e + 1) == "at") && org_first < 0) {
    of_last = OrgFrom(e + 2, &of_first);
  }
  const Span of_org = of_last >= 0 ? SpanOf(of_first, of_last) : Span{};
  const int seg = has_the || (start - 1 >= first_ && (Tok(start - 1) == "a" || Tok(start - 1) == "an"))
                      ? start - 1
                      : start;
  if (seg - 1 >= first_ && Tok(seg - 1) == ",") {
    const int name_first = EnglishNameTo(seg - 2);
    if (name_first >= 0) {
      const int end = of_last >= 0 ? of_last : e;
      Emit(RoleForm::kFull, SpanOf(name_first, seg - 2), title, org_first >= 0 ? org : of_org,
           name_first, end);
      return end;
    }
  }
  // the ORG chief / the chairman / the chief executive of ORG.
  if (has_the && (org_first >= 0 || !hit.weak || of_last >= 0)) {
    const int end = of_last >= 0 ? of_last : e;
    Emit(RoleForm::kShortTitle, Span{}, title, org_first >= 0 ? org : of_org, start - 1, end);
    return end;
  }
  // A headline's "Lac Hong Minerals CEO": a known organisation and a strong
  // title with no name after them stand for the holder.
  // ("Apple CEO pay" is about the pay: only before punctuation, a verb or a preposition.)
  const bool ends_phrase = e + 1 >= last_ || tokens_[e + 1].kind == TokenKind::kPunct ||
                           IsCapitalized(Tok(e + 1)) || IsPhraseBreak(Tok(e + 1));
  if (org_first >= 0 && !hit.weak && company_to_[org_last] == org_first && person_to_[org_last] < 0 &&
      ends_phrase) {
    Emit(RoleForm::kShortTitle, Span{}, title, org, org_first, e);
    return e;
  }
  return -1;
}

void Scanner::ScanSentence(int first, int last) {
  first_ = first;
  last_ = std::min(last, static_cast<int>(tokens_.size()));
  for (int k = first_; k < last_; ++k) {
    TitleHit hit;
    int e = TitleAt(k, true, &hit);
    if (e < 0) continue;
    // (A Latin employer in Korean text: 제이슨 박 Lumora CEO.)
    const bool korean = hit.korean || (k - 1 >= first_ && HasHangul(Tok(k - 1))) ||
                        (k - 2 >= first_ && HasHangul(Tok(k - 2)) && !HasHangul(Tok(k - 1)) &&
                         tokens_[k - 1].kind == TokenKind::kWord);
    e = ExtendCompound(e, korean);
    const int consumed = korean ? MatchKorean(k, e) : MatchEnglish(k, e, hit);
    if (consumed >= 0) k = consumed;
  }
}

}  // namespace pattern_scan

std::vector<RoleMatch> FindRolePatterns(std::string_view text, const text::Analysis& analysis,
                                        const std::vector<Mention>& mentions) {
  pattern_scan::Scanner scanner(text, analysis, mentions);
  return scanner.Run(analysis);
}

}  // namespace tg::extract
