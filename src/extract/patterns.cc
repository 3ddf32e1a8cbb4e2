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

#include "extract/patterns.h"
#include "extract/titles.h"
#include "extract/mention_rules.h"
#include "extract/org_context.h"
#include "text/korean_particles.h"

namespace tg::extract {
namespace {

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

class Scanner {
 public:
  Scanner(std::string_view text, const text::Analysis& analysis,
          const std::vector<Mention>& mentions)
      : text_(text), tokens_(analysis.tokens) {
    const size_t n = tokens_.size();
    person_from_.assign(n, -1);
    person_to_.assign(n, -1);
    other_from_.assign(n, -1);
    org_to_.assign(n, -1);
    company_to_.assign(n, -1);
    for (const Mention& m : mentions) {
      if (m.type != EntityType::kPerson && m.type != EntityType::kOrg &&
          m.type != EntityType::kPlace) {
        continue;
      }
      const int first = TokenStartingAt(m.begin);
      const int last = TokenEndingAt(m.end);
      if (first < 0 || last < first) continue;
      if (m.type == EntityType::kPerson) {
        if (person_from_[first] < last) person_from_[first] = last;
        if (person_to_[last] < 0 || person_to_[last] > first) person_to_[last] = first;
      } else {
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

  std::vector<RoleMatch> Run(const text::Analysis& analysis) {
    if (analysis.sentences.empty()) {
      ScanSentence(0, static_cast<int>(tokens_.size()));
    } else {
      for (const text::Sentence& s : analysis.sentences) {
        ScanSentence(static_cast<int>(s.first_token), static_cast<int>(s.last_token));
      }
    }
    return std::move(out_);
  }

 private:
  std::string_view Tok(int k) const { return tokens_[k].In(text_); }

  int TokenStartingAt(uint32_t begin) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), begin,
                               [](const Token& t, uint32_t b) { return t.begin < b; });
    return it != tokens_.end() && it->begin == begin ? static_cast<int>(it - tokens_.begin())
                                                     : -1;
  }
  int TokenEndingAt(uint32_t end) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), end,
                               [](const Token& t, uint32_t e) { return t.end < e; });
    return it != tokens_.end() && it->end == end ? static_cast<int>(it - tokens_.begin()) : -1;
  }

  // The title at token k: its last token, or -1. Weak titles only when allowed.
  int TitleAt(int k, bool allow_weak, TitleHit* hit_out = nullptr) const {
    if (k < first_ || k >= last_ || tokens_[k].kind != TokenKind::kWord) return -1;
    const TitleHit hit = LookupTitle(text_, tokens_[k].begin);
    if (hit.length == 0 || (hit.weak && !allow_weak)) return -1;
    const int end = TokenEndingAt(tokens_[k].begin + static_cast<uint32_t>(hit.length));
    if (end < 0 || end >= last_) return -1;
    if (hit_out != nullptr) *hit_out = hit;
    return end;
  }

  // Extends the title at [k, e] over "and"/"&"/","/"/"/"겸" + title and over
  // a directly following Korean title. Returns the last token.
  int ExtendCompound(int e, bool korean) const {
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

  bool IsEnglishNameWord(int k) const {
    if (k < first_ || k >= last_) return false;
    const Token& t = tokens_[k];
    if (t.kind != TokenKind::kWord || HasHangul(Tok(k)) || !IsCapitalized(Tok(k))) return false;
    if (EnglishStopwords().count(Tok(k)) != 0) return false;
    const TitleHit hit = LookupTitle(text_, t.begin);
    return hit.length == 0;
  }

  // An English name starting at k: a PERSON mention, else 1-3 capitalised
  // words. Returns the last token or -1; `words` receives the word count.
  int EnglishNameFrom(int k, int* words) const {
    if (k < first_ || k >= last_) return -1;
    if (person_from_[k] >= 0) {
      *words = person_from_[k] - k + 1 >= 2 ? 2 : 1;
      if (person_from_[k] > k || Tok(k).find(' ') != std::string_view::npos) *words = 2;
      return person_from_[k];
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

  // An English name ending at k (for "Name, TITLE of ORG"); returns its first token or -1.
  int EnglishNameTo(int k) const {
    if (k < first_ || k >= last_) return -1;
    if (person_to_[k] >= 0) return person_to_[k];
    if (org_to_[k] >= 0 || !IsEnglishNameWord(k)) return -1;
    int b = k;
    while (b - 1 >= first_ && k - b < 2 && IsEnglishNameWord(b - 1) && org_to_[b - 1] < 0) --b;
    return b < k ? b : -1;  // one capitalised word before a comma is too weak
  }

  // An organisation ending at k: an ORG/PLACE mention, else (English) a run of
  // up to four capitalised words, acronyms, "&" or corporate suffixes.
  int OrgTo(int k, bool allow_shape) const {
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

  // An organisation starting at k ("of ORG", "at ORG"); returns its last token
  // or -1, and its first token in `first`.
  int OrgFrom(int k, int* first) const {
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

  // When tokens from k read "[Country's | Nationality | X-based] [trade noun
  // ...] Name", the first token of Name; else -1. The trade description must
  // end on a noun for a business (maker, smelter, firm, group ...).
  int DescribedOrgStart(int k) const {
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

  // Words that end a noun phrase in English headlines and text ("X CEO in
  // Hanoi", "X CEO says", "X CEO to visit").
  static bool IsPhraseBreak(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "in", "at", "on", "to", "for", "with", "from", "and", "as", "after", "before", "says",
        "said", "meets", "met", "visits", "visited", "will", "is", "was", "calls", "tells", "told",
        "holds", "held", "hosts", "hosted", "arrives", "arrived", "joins", "joined", "during"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
  }

  bool IsKoreanNameShape(int k) const {
    if (k < first_ || k >= last_ || !IsHangulWord(text_, tokens_[k])) return false;
    const std::string_view w = Tok(k);
    // Nouns joined by a middle dot before a title name industries, not people
    // ("반도체·전력망 CEO"); names so joined stand next to names (이재용·최태원).
    if (k - 2 >= first_ && Tok(k - 1) == "·" && IsHangulWord(text_, tokens_[k - 2]) &&
        person_to_[k - 2] < 0 &&
        (IsIndustryNoun(Tok(k - 2)) || LooksLikeOrgWord(Tok(k - 2)) || !IsKoreanFullNameShape(Tok(k - 2)))) {
      return false;
    }
    const size_t syllables = w.size() / 3;
    if (syllables < 2 || syllables > 4 || KoreanStopwords().count(w) != 0) return false;
    if (LooksLikeOrgWord(w)) return false;  // 전자, 반도체: company words, not names
    // Verb forms that happen to start with a surname syllable (방문해, 참석한).
    static constexpr std::string_view kVerbEndings[] = {"해", "면", "며", "는", "았", "었", "던", "된"};
    for (std::string_view e : kVerbEndings) {
      if (w.substr(w.size() - e.size()) == e) return false;
    }
    if (other_from_[k] >= 0 || LookupTitle(text_, tokens_[k].begin).length != 0) return false;
    const bool double_surname = IsKoreanSurname(w.substr(0, 6));
    if (syllables == 4) return double_surname;
    // Two-syllable full names are rare; most such words are nouns (전자, 오언):
    // only with the tagger's agreement.
    if (syllables == 2 && person_to_[k] != k) return false;
    return IsKoreanSurname(w.substr(0, 3)) || double_surname;
  }

  bool IsForeignPart(int k, size_t max_syllables) const {
    if (k < first_ || k >= last_ || !IsHangulWord(text_, tokens_[k])) return false;
    const std::string_view w = Tok(k);
    // A place with the headline locative 서 (보스턴서 = in Boston) is no name.
    if (w.size() >= 9 && w.substr(w.size() - 3) == "서") return false;
    return w.size() / 3 <= max_syllables && KoreanStopwords().count(w) == 0 &&
           other_from_[k] < 0 && org_to_[k] < 0 && LookupTitle(text_, tokens_[k].begin).length == 0;
  }

  // A Korean name ending at k: a PERSON mention, a two-word foreign name
  // (젠슨 황) or a surname-led Hangul word (이재용). Returns its first token or -1.
  // True when "ORG의" ends right before token j (베리언테라퓨틱스의 매켄지 ...).
  bool EmployerBefore(int j) const {
    return j - 2 >= first_ && tokens_[j - 1].kind == TokenKind::kParticle && Tok(j - 1) == "의" &&
           (org_to_[j - 2] >= 0 || LooksLikeOrgWord(Tok(j - 2)));
  }

  // "ORG의 GIVEN FAMILY TITLE": two name-like words after the employer's 의
  // are one foreign name, whatever the tagger made of either (매켄지 alone, or
  // 로웰 as a company). Returns the first token, or -1.
  int NameAfterEmployer(int k) const {
    if (k - 1 < first_ || k >= last_ || !EmployerBefore(k - 1)) return -1;
    if (!IsHangulWord(text_, tokens_[k]) || !IsHangulWord(text_, tokens_[k - 1])) return -1;
    const std::string_view given = Tok(k - 1), family = Tok(k);
    const bool korean_full_name = family.size() == 9 && IsKoreanSurname(family.substr(0, 3));
    if (given.size() > 18 || family.size() > 15 || korean_full_name ||
        LooksLikeOrgWord(family) || LooksLikeOrgWord(given) || HasVerbalEnding(given) ||
        KoreanStopwords().count(given) != 0 || KoreanStopwords().count(family) != 0 ||
        LookupTitle(text_, tokens_[k - 1].begin).length != 0 || !tokens_[k - 1].space_before ||
        !tokens_[k].space_before) {
      return -1;
    }
    const auto single = [&](int j) {
      return (person_to_[j] < 0 || person_to_[j] == j) && (org_to_[j] < 0 || org_to_[j] == j) &&
             (other_from_[j] < 0 || org_to_[j] == j);
    };
    // The tagger may have read the two words as one organisation; after an
    // employer's 의 and before a title they are a name.
    const bool one_org = org_to_[k] == k - 1 && other_from_[k - 1] == k;
    return one_org || (single(k) && single(k - 1)) ? k - 1 : -1;
  }

  // The first word of a foreign name whose other word is at k (프라이스 of
  // 에이미 프라이스): a short Hangul word that is no Korean name, verb form,
  // particle-glued word or locative, with nothing name-like before it.
  // Returns k - 1 or -1.
  int ForeignFirstWordBefore(int k) const {
    // A Japanese family name may look Korean (노무라, 하야시): it still leads a
    // given name that the tagger marked as a person of its own and that does
    // not look Korean.
    const bool foreign_given = person_to_[k] == k && !IsKoreanNameShape(k);
    const bool partial_person = k - 1 >= first_ && person_to_[k - 1] == k - 1 &&
                                person_from_[k - 1] == k - 1 &&
                                (!IsKoreanNameShape(k - 1) || foreign_given);
    if (!IsForeignPart(k - 1, 5) || (IsKoreanNameShape(k - 1) && !foreign_given) ||
        (person_to_[k - 1] >= 0 && !partial_person)) {
      return -1;
    }
    // The word before a foreign name must not glue on to it as another word.
    // Nor may the first word be a verb form or adverb (따르면 프라이스, 취임한 배),
    // or glued to what precedes it (8일엔 -> 일엔).
    if (HasVerbalEnding(Tok(k - 1)) || !tokens_[k - 1].space_before) return -1;
    // A place with the headline locative 서 (시애틀서 = in Seattle) is no given name.
    const std::string_view first_word = Tok(k - 1);
    if (first_word.size() >= 9 && first_word.substr(first_word.size() - 3) == "서") return -1;
    const int before = k - 2;
    if (before < first_ || !IsHangulWord(text_, tokens_[before]) ||
        tokens_[before].kind == TokenKind::kParticle ||
        KoreanStopwords().count(Tok(before)) != 0 || org_to_[before] >= 0 ||
        HasVerbalEnding(Tok(before))) {
      return k - 1;
    }
    return -1;
  }

  // A three-syllable word led by a rarer surname (어성진, 편성우) is a name
  // only right before a title or an employer and title: the caller's context.
  bool IsRareSurnameName(int k) const {
    if (k < first_ || k >= last_ || !IsHangulWord(text_, tokens_[k])) return false;
    const std::string_view w = Tok(k);
    return w.size() == 9 && IsRareKoreanSurname(w.substr(0, 3)) && !HasVerbalEnding(w) &&
           KoreanStopwords().count(w) == 0 && !LooksLikeOrgWord(w) && other_from_[k] < 0 &&
           (person_to_[k] < 0 || person_to_[k] == k);
  }

  int KoreanNameTo(int k) const {
    if (k < first_ || k >= last_) return -1;
    if (const int after_employer = NameAfterEmployer(k); after_employer >= 0) return after_employer;
    if (person_to_[k] >= 0) {
      // The tagger may have caught only one word of a foreign name (료헤이 of
      // 사카모토 료헤이 사장): a one-word, non-Korean person joins the word before.
      // A two-syllable word after a longer foreign word is its given name
      // even when it could be read as Korean (니시다 유키).
      const bool foreign_given = Tok(k).size() == 6 && k - 1 >= first_ && Tok(k - 1).size() >= 9;
      if (person_to_[k] == k && person_from_[k] == k && IsHangulWord(text_, tokens_[k]) &&
          (!IsKoreanNameShape(k) || foreign_given) && IsForeignPart(k, 5)) {
        if (const int first = ForeignFirstWordBefore(k); first >= 0) return first;
      }
      return person_to_[k];
    }
    if (org_to_[k] >= 0) return -1;
    if (IsKoreanNameShape(k)) return k;
    if (IsHangulWord(text_, tokens_[k]) && LooksLikeChineseName(Tok(k)) &&
        KoreanStopwords().count(Tok(k)) == 0 && other_from_[k] < 0) {
      return k;  // 쑹리펑 회장
    }
    // The tagger may have caught only the given name of a foreign name
    // (매켄지 of 매켄지 로웰 CEO): a one-word person before the surname joins it.
    if (IsForeignPart(k, 5)) return ForeignFirstWordBefore(k);
    return -1;
  }

  Span SpanOf(int first, int last) const {
    if (first < 0 || last < first) return {};
    return {tokens_[first].begin, tokens_[last].end};
  }

  void Emit(RoleForm form, Span person, Span title, Span org, int first_tok, int last_tok) {
    RoleMatch m;
    m.form = form;
    m.person = person;
    m.title = title;
    m.org = org;
    m.begin = tokens_[first_tok].begin;
    m.end = tokens_[last_tok].end;
    out_.push_back(m);
  }

  // Skips modifier words ("former", "전", "신임") ending at k; returns the token before them.
  int SkipModifiersBack(int k) const {
    while (k >= first_ && MatchTitleModifier(text_, tokens_[k].begin) == tokens_[k].size()) --k;
    return k;
  }

  // Skips a Latin gloss glued to the name before a title ("아디트야
  // 메논(Aditya Menon) 회장"); returns the token before it, else k.
  int SkipGlossBack(int k) const {
    if (k < first_ || Tok(k) != ")") return k;
    for (int j = k - 1; j >= first_ && j > k - 8; --j) {
      if (Tok(j) == "(") {
        return j - 1 >= first_ && !tokens_[j].space_before && IsHangulWord(text_, tokens_[j - 1]) ? j - 1 : k;
      }
      if (tokens_[j].kind == TokenKind::kWord && HasHangul(Tok(j))) return k;
    }
    return k;
  }

  // Returns the last token consumed, or -1 when nothing matched.
  int MatchKorean(int t, int e) {
    const Span title = SpanOf(t, e);
    const int p = SkipGlossBack(SkipModifiersBack(t - 1));
    if (p < first_) return -1;
    // NAME TITLE, with an organisation before the name (삼성전자 이재용 회장),
    // unless a Korean full name stands before a word that is no name: then
    // that word is the organisation (서지안 이음AI 대표, 황보은채 로보린 대표).
    const bool org_between =
        tokens_[p].kind == TokenKind::kWord && p - 1 >= first_ && person_to_[p] != p - 1 &&
        (Tok(p).size() >= 9 || !IsHangulWord(text_, tokens_[p])) &&
        ((IsKoreanNameShape(p - 1) && Tok(p - 1).size() >= 9 &&
          (!IsKoreanNameShape(p) || person_to_[p - 1] == p - 1 || Tok(p - 1).size() == 12)) ||
         (!IsKoreanNameShape(p) && KoreanNameTo(p - 1) >= 0 && KoreanNameTo(p - 1) < p - 1));
    if (NameAfterEmployer(p) >= 0 || (org_to_[p] < 0 && !org_between)) {
      int name = KoreanNameTo(p);
      if (name < 0 && IsRareSurnameName(p)) name = p;
      // "ORG의 NAME TITLE" with a one-word foreign name (톈윈게임즈의 쉬하오란 대표).
      if (name < 0 && EmployerBefore(p) && IsForeignPart(p, 5) && !HasVerbalEnding(Tok(p)) &&
          tokens_[p].space_before) {
        Emit(RoleForm::kFull, SpanOf(p, p), title, SpanOf(p - 2, p - 2), p - 2, e);
        return e;
      }
      if (name >= 0) {
        const int org = OrgTo(name - 1, false);
        if (org < 0 && name - 2 >= first_ && tokens_[name - 1].kind == TokenKind::kParticle &&
            Tok(name - 1) == "의" && IsHangulWord(text_, tokens_[name - 2]) &&
            !IsKoreanNameShape(name - 2) && KoreanStopwords().count(Tok(name - 2)) == 0 &&
            !HasVerbalEnding(Tok(name - 2)) && Tok(name - 2).size() >= 9) {
          // "이자르베르크의 클라우스 브레너 CEO": the word before 의 is the employer.
          Emit(RoleForm::kFull, SpanOf(name, p), title, SpanOf(name - 2, name - 2), name, e);
          return e;
        }
        Emit(RoleForm::kFull, SpanOf(name, p), title, org >= 0 ? SpanOf(org, name - 1) : Span{},
             org >= 0 ? org : name, e);
        return e;
      }
    }
    // SURNAME TITLE (구 회장, 이 회장은), maybe after an organisation.
    if (IsHangulWord(text_, tokens_[p]) && IsKoreanSurname(Tok(p)) && person_to_[p] < 0 &&
        org_to_[p] < 0) {
      const int org = OrgTo(p - 1, false);
      Emit(RoleForm::kShortTitle, SpanOf(p, p), title, org >= 0 ? SpanOf(org, p - 1) : Span{},
           org >= 0 ? org : p, e);
      return e;
    }
    // NAME ORG TITLE: the organisation is a mention or one word.
    int org = org_to_[p];
    if (org < 0 && tokens_[p].kind == TokenKind::kWord && (person_to_[p] < 0 || org_between) &&
        KoreanStopwords().count(Tok(p)) == 0) {
      org = p;
    }
    if (org < 0) return -1;
    // A short unknown Hangul word after a name-like word is more likely the
    // second half of a foreign name (오카베 겐지 사장) than an organisation.
    if (org == p && org_to_[p] < 0 && IsHangulWord(text_, tokens_[p]) && Tok(p).size() <= 6 &&
        IsForeignPart(p, 2) && IsForeignPart(p - 1, 5) && !IsKoreanNameShape(p - 1) &&
        tokens_[p - 1].space_before && !HasVerbalEnding(Tok(p - 1))) {
      Emit(RoleForm::kFull, SpanOf(p - 1, p), title, Span{}, p - 1, e);
      return e;
    }
    // Likewise a one-word "company" only the tagger saw, right after a one-word
    // foreign person (마커스 홀랜더 CEO): the family name, not an employer.
    if (org == p && p - 1 >= first_ && company_to_[p] < 0 && org_to_[p] == p &&
        IsHangulWord(text_, tokens_[p]) && Tok(p).size() <= 12 && person_to_[p - 1] == p - 1 &&
        person_from_[p - 1] == p - 1 && IsHangulWord(text_, tokens_[p - 1]) &&
        !IsKoreanNameShape(p - 1) && !IsKoreanNameShape(p) && tokens_[p].space_before) {
      Emit(RoleForm::kFull, SpanOf(p - 1, p), title, Span{}, p - 1, e);
      return e;
    }
    int name = KoreanNameTo(org - 1);
    // A Japanese or other foreign family name may look Korean (오시로 다쿠야,
    // 새뮤얼 오카포): before an employer and title, a Korean-looking word and a
    // word that is no Korean name together are one foreign name.
    if ((name < 0 || name == org - 1) && org - 2 >= first_) {
      const int a = org - 2, b = org - 1;
      const bool one_looks_korean = IsKoreanNameShape(a) != IsKoreanNameShape(b);
      const bool boundary = a - 1 < first_ || !IsHangulWord(text_, tokens_[a - 1]) ||
                            tokens_[a - 1].kind == TokenKind::kParticle;
      if (one_looks_korean && boundary && IsForeignPart(a, 4) && IsForeignPart(b, 4) &&
          Tok(a).size() >= 6 && Tok(b).size() >= 6 && !HasVerbalEnding(Tok(a)) &&
          !HasVerbalEnding(Tok(b)) && !IsKoreanLeadInWord(Tok(a)) && tokens_[b].space_before &&
          (person_to_[a] < 0 || person_to_[a] == a) && (person_to_[b] < 0 || person_to_[b] == b)) {
        name = a;
      }
    }
    const bool rare = (name < 0 || name == org - 1) && IsRareSurnameName(org - 1);
    if (rare) name = org - 1;
    // A one-word name here must look Korean: the tagger alone is not enough
    // ("반도체·전자 산업 CEO" names nobody).
    if (name == org - 1 && !rare && !IsKoreanNameShape(name)) name = -1;
    if (name < 0) {
      // No name: a known organisation and a title stand for its holder, as
      // headlines write them (세랑군캐피탈 CEO와 조찬); coreference resolves it.
      if (company_to_[p] != org || person_to_[p] >= 0 || IsKoreanFullNameShape(Tok(p)) ||
          LookupTitle(text_, tokens_[t].begin).weak) {
        return -1;
      }
      Emit(RoleForm::kShortTitle, Span{}, title, SpanOf(org, p), org, e);
      return e;
    }
    Emit(RoleForm::kFull, SpanOf(name, org - 1), title, SpanOf(org, p), name, e);
    return e;
  }

  int MatchEnglish(int t, int e, const TitleHit& hit) {
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

  void ScanSentence(int first, int last) {
    first_ = first;
    last_ = std::min(last, static_cast<int>(tokens_.size()));
    for (int k = first_; k < last_; ++k) {
      TitleHit hit;
      int e = TitleAt(k, true, &hit);
      if (e < 0) continue;
      const bool korean = hit.korean || (k - 1 >= first_ && HasHangul(Tok(k - 1)));
      e = ExtendCompound(e, korean);
      const int consumed = korean ? MatchKorean(k, e) : MatchEnglish(k, e, hit);
      if (consumed >= 0) k = consumed;
    }
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  // Per token: last token of a PERSON mention starting here; first token of
  // one ending here; the same for ORG/PLACE mentions.
  std::vector<int> person_from_, person_to_, other_from_, org_to_;
  std::vector<int> company_to_;  // first token of an ORG (not PLACE) mention ending here
  int first_ = 0, last_ = 0;
  std::vector<RoleMatch> out_;
};

}  // namespace

std::vector<RoleMatch> FindRolePatterns(std::string_view text, const text::Analysis& analysis,
                                        const std::vector<Mention>& mentions) {
  Scanner scanner(text, analysis, mentions);
  return scanner.Run(analysis);
}

}  // namespace tg::extract
