#include "extract/mention_rules.h"

#include <algorithm>

#include "core/utf8.h"
#include "extract/titles.h"

namespace tg::extract {
namespace {

using text::Token;
using text::TokenKind;

// Last words of company names (facts of how companies are named).
constexpr std::string_view kEnglishOrgWords[] = {
    "Electronics", "Electric", "Telecom", "Telecommunications", "Motors", "Motor", "Labs",
    "Group", "Groups", "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd",
    "Ltd.", "LLC", "Holdings", "Semiconductor", "Semiconductors", "Energy", "Networks",
    "Systems", "Technologies", "Technology", "Bank", "Capital", "Partners", "Ventures",
    "Airlines", "Pharma", "Pharmaceuticals", "Biologics", "Chemical", "Chemicals", "Steel",
    "Industries", "Heavy", "Shipbuilding", "Securities", "Insurance", "Foundation", "Institute",
    "University", "Ministry", "Department", "Agency", "Platforms", "Robotics", "Solutions",
    "Materials", "Logistics", "Media", "Studios", "Entertainment", "Mobility", "Automotive",
    "Battery", "Batteries", "Display", "Cloud", "Software", "Devices", "Instruments", "Shipping",
    "Lines", "Airways", "Petroleum", "Oil", "Gas", "Power", "Foods", "Retail", "Trading",
    "Construction", "Engineering", "Aerospace", "Defense", "Defence", "Biotech", "Health",
    "Healthcare", "Hospital", "Fund", "Associates", "Consulting", "Commission", "Bio",
    "Therapeutics", "Biosciences", "Sciences", "Biopharma", "Pharmaceutical", "Medical",
    "Microsystems", "Microelectronics", "Manufacturing", "Mining", "Communications",
    "Investments", "Analytics", "Dynamics", "Foundry", "Games", "Interactive", "Precision",
    "Newswire", "Wire", "News", "Times", "Herald", "Journal", "Daily", "Post", "Press",
    "Broadcasting", "Gazette", "Tribune", "Weekly",
    "Council", "Office", "Bureau", "Authority", "Association", "Federation", "Union"};
constexpr std::string_view kKoreanOrgEndings[] = {
    "전자", "텔레콤", "모터스", "랩스", "그룹", "반도체", "에너지", "네트웍스", "시스템즈",
    "테크", "테크놀로지", "은행", "증권", "보험", "바이오", "제약", "건설", "화학", "중공업",
    "통신", "항공", "자동차", "플랫폼스", "클라우드", "솔루션", "로보틱스", "모빌리티",
    "디스플레이", "소재", "물산", "상사", "산업", "홀딩스", "캐피탈", "벤처스", "파트너스",
    "인베스트먼트", "엔터테인먼트", "미디어", "재단", "연구원", "연구소", "대학교", "부",
    "테라퓨틱스", "바이오로직스", "바이오사이언스", "파마", "마이크로시스템즈", "캐피털", "케미칼",
    "공업", "제철", "물류", "해운", "조선", "금융", "카드", "생명", "화재", "정밀", "기계",
    "전기", "전력", "석유", "식품", "유통", "백화점", "통상", "시멘트", "제지", "철강",
    "엔지니어링", "테크놀로지스", "일렉트로닉스", "커뮤니케이션즈", "매뉴팩처링", "마이닝", "인베스트먼츠",
    "공사", "공단", "협회", "위원회", "그룹스", "일렉트릭", "인더스트리", "머티리얼즈"};
// Country abbreviations written before a title (미 상무장관 = US commerce secretary).
constexpr std::string_view kCountryPrefixes[] = {"미", "중", "일", "한", "영", "독", "러",
                                                 "불", "美", "中", "日", "韓", "英", "獨"};
// Korean verb endings that end a clause, never a name (따르면, 밝혔다, 만나고 ...).
// Also adnominal forms (출국한, 취임한, 선임된) that put a clause before a name.
constexpr std::string_view kClauseEndings[] = {"면", "며", "다", "고", "서", "니", "지만", "는데",
                                               "한", "된", "던"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsHangulWord(std::string_view w) {
  size_t pos = 0;
  while (pos < w.size()) {
    if (!IsHangul(NextCodePoint(w, &pos))) return false;
  }
  return !w.empty();
}

bool HasLower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Indexes of the word tokens of [begin, end), and the token right after.
struct SpanWords {
  std::vector<size_t> words;
  size_t after = 0;  // analysis.tokens.size() when none
};

SpanWords WordsOf(const text::Analysis& analysis, uint32_t begin, uint32_t end) {
  SpanWords out;
  size_t i = 0;
  while (i < analysis.tokens.size() && analysis.tokens[i].end <= begin) ++i;
  for (; i < analysis.tokens.size() && analysis.tokens[i].begin < end; ++i) {
    if (analysis.tokens[i].kind == TokenKind::kWord) out.words.push_back(i);
  }
  out.after = i;
  return out;
}

bool IsMonthName(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.",
      "Nov.", "Dec."};
  return std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths);
}

// Words before a month that make it a date: "in April", "early May", "since June".
bool IsTimePreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "in", "In", "early", "late", "mid", "since", "until", "by", "from", "through", "last",
      "next", "this", "of", "during", "before", "after", "Early", "Late", "Since",
      "By", "From", "Until", "Last", "Next", "This", "During", "Before", "After"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool StrongTitleAt(std::string_view text, const Token& t) {
  const TitleHit hit = LookupTitle(text, t.begin);
  return hit.length > 0 && !hit.weak;
}

// "Rohit Bhandari of Sahyadri Auto Components": a person and an employer the
// tagger ran together over "of". Split unless the part before "of" ends like
// an organisation ("Bank of Korea", "Ministry of Trade"). Returns true when
// `m` was replaced by the two mentions in `extra`.
bool SplitAtOf(std::string_view text, const text::Analysis& analysis, const Mention& m,
               std::vector<Mention>* extra) {
  if (m.type != EntityType::kPerson && m.type != EntityType::kOrg) return false;
  const SpanWords span = WordsOf(analysis, m.begin, m.end);
  for (size_t k = 1; k + 1 < span.words.size(); ++k) {
    if (analysis.tokens[span.words[k]].In(text) != "of") continue;
    // Two or three capitalised words before, capitalised words after.
    if (k < 2 || k > 3) return false;
    for (size_t j = 0; j < span.words.size(); ++j) {
      if (j == k) continue;
      const std::string_view w = analysis.tokens[span.words[j]].In(text);
      if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
    }
    const std::string_view before = analysis.tokens[span.words[k - 1]].In(text);
    if (LooksLikeOrgWord(before) || LookupTitle(text, analysis.tokens[span.words[0]].begin).length > 0) {
      return false;
    }
    Mention person = m;
    person.type = EntityType::kPerson;
    person.end = analysis.tokens[span.words[k - 1]].end;
    Mention org = m;
    org.type = EntityType::kOrg;
    org.begin = analysis.tokens[span.words[k + 1]].begin;
    extra->push_back(person);
    extra->push_back(org);
    return true;
  }
  return false;
}

// Verbs of title-case English headlines ("X Meets Y", "X Taps Y as CEO").
bool IsHeadlineVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "Meets", "Welcomes", "Hosts", "Visits", "Signs", "Says", "Names", "Taps", "Appoints",
      "Joins", "Launches", "Unveils", "Opens", "Plans", "Eyes", "Wins", "Buys", "Sells",
      "Acquires", "Partners", "Teams", "Expands", "Announces", "Hires", "Inks", "Seals",
      "Holds", "Agrees", "Backs", "Calls", "Warns", "Sees", "Takes", "Makes", "Targets",
      "Invests", "Returns", "Heads", "Tours", "Greets", "Receives", "Discusses", "Explores"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

// Repairs one PERSON mention; may split off an organisation into `extra`.
// Returns false when the mention should be dropped.
bool RepairPerson(std::string_view text, const text::Analysis& analysis, Mention* m,
                  std::vector<Mention>* extra) {
  SpanWords span = WordsOf(analysis, m->begin, m->end);
  if (span.words.empty()) return false;
  const auto word = [&](size_t k) { return analysis.tokens[span.words[k]].In(text); };
  const std::string_view first = word(0);
  const std::string_view last = word(span.words.size() - 1);

  if (!IsHangulWord(first)) {
    // A title-case headline run over its verb ("Veridian Grid Welcomes
    // Cheongram"): no name holds a headline verb.
    for (size_t k = 1; k < span.words.size(); ++k) {
      if (IsHeadlineVerb(word(k))) return false;
    }
    // "In early April Varga had dinner": a month after a time word is not a given name.
    if (span.words.size() >= 2 && IsMonthName(first) && span.words[0] > 0 &&
        IsTimePreposition(analysis.tokens[span.words[0] - 1].In(text))) {
      m->begin = analysis.tokens[span.words[1]].begin;
      span.words.erase(span.words.begin());
      return RepairPerson(text, analysis, m, extra);
    }
    // A name does not end on a middle initial ("Gregory T. [Halvorsen]"): take
    // the capitalised word after it.
    {
      const std::string_view tail = word(span.words.size() - 1);
      const bool initial = (tail.size() == 1 || (tail.size() == 2 && tail[1] == '.')) &&
                           tail[0] >= 'A' && tail[0] <= 'Z';
      size_t next = span.words.back() + 1;
      if (initial && next < analysis.tokens.size() && analysis.tokens[next].In(text) == ".") ++next;
      if (initial && next < analysis.tokens.size()) {
        const Token& after = analysis.tokens[next];
        const std::string_view w = after.In(text);
        if (after.kind == TokenKind::kWord && w.size() >= 2 && w[0] >= 'A' && w[0] <= 'Z' &&
            !StrongTitleAt(text, after)) {
          m->end = after.end;
          span.words.push_back(next);
        }
      }
    }
    // Headline capitals ("TO SANTA CLARA"): a person is not written all in capitals.
    const std::string_view surface = text.substr(m->begin, m->end - m->begin);
    if (span.words.size() >= 2 && HasUpper(surface) && !HasLower(surface)) return false;
    if (LooksLikeOrgWord(last)) {
      m->type = EntityType::kOrg;
      return true;
    }
    // "Park [Do-hyun]": a hyphenated given name after a capitalised surname.
    const Token& head = analysis.tokens[span.words[0]];
    const size_t hyphen = first.find('-');
    const size_t index = span.words[0];
    if (hyphen != std::string_view::npos && hyphen + 1 < first.size() &&
        first[hyphen + 1] >= 'a' && first[hyphen + 1] <= 'z' && index > 0) {
      const Token& before = analysis.tokens[index - 1];
      const std::string_view surname = before.In(text);
      if (before.kind == TokenKind::kWord && surname.size() >= 2 && surname.size() <= 8 &&
          surname[0] >= 'A' && surname[0] <= 'Z' && surname.find('-') == std::string_view::npos &&
          !StrongTitleAt(text, before) && before.end + 1 >= head.begin) {
        m->begin = before.begin;
      }
    }
    return true;
  }

  // Korean. A name does not run on past a particle ("이 자리에는 도하린"):
  // keep what follows the last particle inside the span.
  size_t lo = 0;
  for (size_t k = 0; k + 1 < span.words.size(); ++k) {
    for (size_t t = span.words[k] + 1; t < span.words[k + 1]; ++t) {
      if (analysis.tokens[t].kind == TokenKind::kParticle) lo = k + 1;
    }
  }
  // Drop leading clause-final verbs ("따르면 프라이스", "찾아 나카가와").
  while (lo + 1 < span.words.size()) {
    const std::string_view w = word(lo);
    bool clause = IsKoreanLeadInWord(w);
    for (std::string_view e : kClauseEndings) clause |= EndsWith(w, e) && CountCodePoints(w) >= 2;
    // A copula or topic form before a Korean full name (장남인 여준혁, 출장 중인
    // 남궁서진, 직후에는 연승호): Korean names are one word, so it is no part of it.
    if (lo + 2 == span.words.size() && IsKoreanFullNameShape(word(lo + 1))) {
      for (std::string_view e : {"인", "은", "는", "의"}) clause |= EndsWith(w, e);
    }
    if (!clause) break;
    ++lo;
  }
  // A company word glued in front of the name ("다솜로보틱스의 금하윤"): an ORG of its own.
  while (lo + 1 < span.words.size() && LooksLikeOrgWord(word(lo))) {
    Mention org = *m;
    const Token& org_token = analysis.tokens[span.words[lo]];
    org.begin = org_token.begin;
    org.end = org_token.end;
    org.type = EntityType::kOrg;
    extra->push_back(org);
    ++lo;
  }
  size_t hi = span.words.size();  // exclusive
  // Drop a trailing country prefix of a title ("로라 켐프 미 상무장관").
  if (hi - lo >= 2) {
    const std::string_view w = word(hi - 1);
    if (std::find(std::begin(kCountryPrefixes), std::end(kCountryPrefixes), w) !=
        std::end(kCountryPrefixes)) {
      --hi;
    }
  }
  // "NAME ORG TITLE": the word before the title is the organisation when the
  // span holds more words than a name, or it ends like a company name.
  const bool before_title =
      hi == span.words.size() && span.after < analysis.tokens.size() &&
      analysis.tokens[span.after].kind == TokenKind::kWord &&
      LookupTitle(text, analysis.tokens[span.after].begin).length > 0;
  if (before_title && hi - lo >= 2) {
    const std::string_view first_name = word(lo);
    const size_t syllables = CountCodePoints(first_name);
    // A Korean name: a one-syllable surname and a two-syllable given name, or
    // a two-syllable surname (황보, 남궁) and two more.
    const bool korean_name =
        (syllables == 3 && IsKoreanSurname(first_name.substr(0, 3))) ||
        (syllables == 4 && IsKoreanSurname(first_name.substr(0, 6)));
    if (hi - lo >= 3 || korean_name || LooksLikeOrgWord(word(hi - 1))) {
      Mention org = *m;
      const Token& org_token = analysis.tokens[span.words[hi - 1]];
      org.begin = org_token.begin;
      org.end = org_token.end;
      org.type = EntityType::kOrg;
      extra->push_back(org);
      --hi;
    }
  }
  if (hi <= lo) return false;
  if (hi - lo == 1 && LooksLikeOrgWord(word(lo))) {
    m->type = EntityType::kOrg;
  }
  m->begin = analysis.tokens[span.words[lo]].begin;
  m->end = analysis.tokens[span.words[hi - 1]].end;
  return true;
}

}  // namespace

bool IsKoreanLeadInWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "찾아", "찾아가", "찾아와", "만나", "만나고", "맞아", "맞이해", "방문해", "초청해", "초대해",
      "불러", "데리고", "대동해", "통해", "위해", "향해", "따라", "대해", "관해", "대신", "다시",
      "함께", "따로", "직접", "처음", "곧", "또", "이어", "이후", "앞서", "비롯해", "포함해",
      // Kinship and succession nouns that introduce a person (장남 여준혁).
      "장남", "차남", "삼남", "장녀", "차녀", "삼녀", "막내", "외아들", "외동딸", "아들", "딸",
      "부인", "아내", "남편", "동생", "사위", "며느리", "손자", "손녀", "부친", "모친", "조카",
      "후임", "전임", "후계자", "고인"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool LooksLikeChineseName(std::string_view word) {
  // Hangul spellings (Korean press usage) of common Chinese surnames, leaving
  // out those that are also Korean surnames (왕, 장, 황, 정 ...) and those that
  // begin many Korean words (차이, 바이, 청, 창, 판, 예 ...).
  static constexpr std::string_view kSurnames[] = {
      "량", "리", "자오", "저우", "쉬", "쑨", "궈", "가오", "린", "뤄", "셰", "쑹", "탕", "펑",
      "둥", "샤오", "차오", "위안", "덩", "쩡", "뤼", "쑤", "딩", "웨이", "쉐", "옌", "다이",
      "톈", "팡", "야오", "랴오", "슝", "하오", "쿵", "추이", "캉", "마오", "허우", "멍", "룽",
      "돤", "첸", "궁", "류"};
  if (!IsHangulWord(word)) return false;
  const size_t syllables = word.size() / 3;
  if (syllables < 3 || syllables > 4) return false;
  for (std::string_view s : kSurnames) {
    if (word.substr(0, s.size()) != s) continue;
    const size_t rest = syllables - s.size() / 3;
    if (rest >= 2 && rest <= 3 && !LooksLikeOrgWord(word)) return true;
  }
  return false;
}

bool IsIndustryNoun(std::string_view word) {
  return std::find(std::begin(kKoreanOrgEndings), std::end(kKoreanOrgEndings), word) !=
         std::end(kKoreanOrgEndings);
}

bool LooksLikeOrgWord(std::string_view word) {
  if (IsHangulWord(word)) {
    for (std::string_view e : kKoreanOrgEndings) {
      // The ending must leave a name before it (전자 alone is a word, not a company).
      if (EndsWith(word, e) && word.size() > e.size()) return true;
    }
    return false;
  }
  return std::find(std::begin(kEnglishOrgWords), std::end(kEnglishOrgWords), word) !=
         std::end(kEnglishOrgWords);
}

// "Jadewell's Chen", "Orison Labs' Owen Pryce": an organisation's possessive
// glued to a person. The part before becomes an ORG mention; the capitalised
// words after it a PERSON mention. Returns true when `m` was replaced.
bool SplitAtPossessive(std::string_view text, const text::Analysis& analysis, Mention* m,
                       std::vector<Mention>* extra) {
  if (m->type != EntityType::kPerson && m->type != EntityType::kOrg) return false;
  const std::vector<size_t> words = WordsOf(analysis, m->begin, m->end).words;
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    const Token& t = analysis.tokens[words[k]];
    const std::string_view w = t.In(text);
    const bool s_token = w == "'s" || w == "\xE2\x80\x99s";
    bool plural = false;  // Labs' : an apostrophe token right after the word
    if (!s_token && words[k] + 1 < words[k + 1]) {
      const std::string_view next = analysis.tokens[words[k] + 1].In(text);
      plural = next == "'" || next == "\xE2\x80\x99";
    }
    if ((!s_token && !plural) || (s_token && k == 0)) continue;
    const size_t org_last = s_token ? words[k - 1] : words[k];
    const size_t person_first = words[k + 1];
    for (size_t j = k + 1; j < words.size(); ++j) {
      const std::string_view pw = analysis.tokens[words[j]].In(text);
      if (pw.empty() || pw[0] < 'A' || pw[0] > 'Z') return false;
    }
    // An ORG must leave a full name (two words) after its possessive.
    if (m->type == EntityType::kOrg && words.size() - (k + 1) < 2) return false;
    Mention org = *m;
    org.type = EntityType::kOrg;
    org.end = analysis.tokens[org_last].end;
    Mention person = *m;
    // "Seoul's Harrow Ventures": what follows the possessive is a company when it ends like one.
    person.type = LooksLikeOrgWord(analysis.tokens[words.back()].In(text)) ? EntityType::kOrg
                                                                           : EntityType::kPerson;
    person.begin = analysis.tokens[person_first].begin;
    extra->push_back(org);
    extra->push_back(person);
    return true;
  }
  return false;
}

void RepairTaggerMentions(std::string_view text, const text::Analysis& analysis,
                          std::vector<Mention>* mentions) {
  std::vector<Mention> kept;
  std::vector<Mention> extra;
  for (Mention& m : *mentions) {
    // A name or organisation across a strong title is a tagging error.
    bool crosses_title = false;
    for (size_t i : WordsOf(analysis, m.begin, m.end).words) {
      const Token& t = analysis.tokens[i];
      if (StrongTitleAt(text, t) && t.begin + LookupTitle(text, t.begin).length <= m.end) {
        crosses_title = true;
      }
    }
    if (crosses_title) continue;
    if (SplitAtPossessive(text, analysis, &m, &extra)) continue;
    if (SplitAtOf(text, analysis, m, &extra)) continue;
    if (m.type == EntityType::kPerson && !RepairPerson(text, analysis, &m, &extra)) continue;
    kept.push_back(std::move(m));
  }
  kept.insert(kept.end(), extra.begin(), extra.end());
  *mentions = std::move(kept);
}

size_t SyllablesOf(std::string_view w) { return w.size() / 3; }

void FindKoreanForeignNames(std::string_view text, const text::Analysis& analysis,
                            std::vector<Mention>* mentions) {
  const std::vector<Token>& tokens = analysis.tokens;
  // Work on eojeol (space-separated words): the particle splitter may cut a
  // transliterated name (해로 -> 해 + 로), and a name is a whole eojeol here.
  struct Eojeol {
    uint32_t begin, end;  // whole eojeol
    size_t first;         // first token index
    bool hangul;          // every token is Hangul
  };
  std::vector<Eojeol> words;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool hangul = t.script == text::Script::kHangul;
    if (words.empty() || t.space_before) {
      words.push_back({t.begin, t.end, i, hangul});
    } else {
      words.back().end = t.end;
      words.back().hangul &= hangul;
    }
  }
  auto span = [&](const Eojeol& w) { return text.substr(w.begin, w.end - w.begin); };
  auto titled_at = [&](const Eojeol& w) {
    return tokens[w.first].kind == TokenKind::kWord && LookupTitle(text, w.begin).length > 0;
  };
  // Whole Hangul eojeol seen directly before a title somewhere ("해로 CEO는").
  std::vector<std::string_view> titled;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].hangul && titled_at(words[i + 1])) titled.push_back(span(words[i]));
  }
  // A name over [begin, end) is left alone when something other than a person
  // the tagger cut short inside it ("[휘트필드]" of 그랜트 휘트필드) claims any of it.
  auto claimed = [&](uint32_t begin, uint32_t end) {
    for (const Mention& m : *mentions) {
      if (begin < m.end && m.begin < end &&
          !(m.type == EntityType::kPerson && m.sources == kFromTagger && m.begin >= begin &&
            m.end <= end)) {
        return true;
      }
    }
    return false;
  };
  auto pattern_person = [](uint32_t begin, uint32_t end) {
    Mention person;
    person.begin = begin;
    person.end = end;
    person.type = EntityType::kPerson;
    person.sources = kFromPattern;
    person.score = 0.7f;
    return person;
  };
  std::vector<Mention> found;
  for (size_t i = 3; i < words.size(); ++i) {
    if (!titled_at(words[i])) continue;
    const Eojeol& given = words[i - 3];
    const Eojeol& family = words[i - 2];
    const Eojeol& org = words[i - 1];
    if (!given.hangul || !family.hangul || !org.hangul) continue;
    // The surname must stand before a title elsewhere too ("해로 CEO는"); with
    // that confirmation the third word is the organisation whatever its shape.
    // An organisation word that ends like a company (케스트럴모터스) confirms it
    // as well, when the two words before it sit on one line and are no title.
    const std::string_view between = text.substr(given.begin, org.begin - given.begin);
    if (between.find('\n') != std::string_view::npos) continue;  // a name sits on one line
    if (std::find(titled.begin(), titled.end(), span(family)) == titled.end()) {
      const std::string_view family_word = span(family);
      if (!LooksLikeOrgWord(span(org)) || between.find('\n') != std::string_view::npos ||
          SyllablesOf(span(given)) < 2 || EndsWith(family_word, "서") || EndsWith(family_word, "에") ||
          LookupTitle(text, given.begin).length > 0 || LookupTitle(text, family.begin).length > 0 ||
          tokens[given.first + 1 < tokens.size() ? given.first + 1 : given.first].kind ==
              TokenKind::kParticle ||
          SyllablesOf(span(family)) == 3) {
        continue;
      }
    }
    if (claimed(given.begin, family.end)) continue;
    bool clause = IsKoreanLeadInWord(span(given));
    for (std::string_view e : kClauseEndings) clause |= EndsWith(span(given), e);
    if (clause) continue;
    // A Korean full name is one word: before it stands a noun or a copula form
    // (장남인 여준혁), not a given name, when the tagger read the name alone or
    // the word before ends like a copula or topic.
    const std::string_view family_word = span(family);
    if (IsKoreanFullNameShape(family_word)) {
      bool tagged_alone = false;
      for (const Mention& m : *mentions) {
        tagged_alone |= m.type == EntityType::kPerson && m.begin == family.begin && m.end == family.end;
      }
      bool copula = false;
      for (std::string_view e : {"인", "은", "는", "의"}) copula |= EndsWith(span(given), e);
      if (tagged_alone || copula) continue;
    }
    const Mention person = pattern_person(given.begin, family.end);
    found.push_back(person);
    // The organisation word: added unless the KB or a pattern placed it.
    bool org_known = false;
    for (const Mention& m : *mentions) {
      if (org.begin < m.end && m.begin < org.end && m.sources != kFromTagger) org_known = true;
    }
    if (!org_known) {
      Mention o = person;
      o.begin = org.begin;
      o.end = org.end;
      o.type = EntityType::kOrg;
      found.push_back(o);
    }
  }
  // Two words straight before a title whose first word stands alone before a
  // title elsewhere ("나카가와 신지 사장" ... "나카가와 사장은": family
  // name first, as Japanese and Chinese names are written), whatever the
  // particle splitter cut off it.
  for (size_t i = 2; i < words.size(); ++i) {
    if (!titled_at(words[i])) continue;
    const Eojeol& a = words[i - 2];
    const Eojeol& b = words[i - 1];
    if (!a.hangul || !b.hangul) continue;
    const std::string_view wa = span(a), wb = span(b);
    if (text.substr(a.begin, b.end - a.begin).find('\n') != std::string_view::npos) continue;
    const auto count = [&](std::string_view w) { return std::count(titled.begin(), titled.end(), w); };
    if (count(wa) == 0) continue;
    if (SyllablesOf(wa) < 2 || SyllablesOf(wa) > 5 || SyllablesOf(wb) < 2 || SyllablesOf(wb) > 5 ||
        LooksLikeOrgWord(wa) || LooksLikeOrgWord(wb) || IsKoreanLeadInWord(wa) ||
        (SyllablesOf(wa) == 3 && IsKoreanSurname(wa.substr(0, 3))) ||  // 문석진 한결 회장
        LookupTitle(text, a.begin).length > 0 || LookupTitle(text, b.begin).length > 0) {
      continue;
    }
    bool clause = false;
    for (std::string_view e : kClauseEndings) clause |= EndsWith(wa, e) && SyllablesOf(wa) >= 2;
    if (clause) continue;
    if (claimed(a.begin, b.end)) continue;
    found.push_back(pattern_person(a.begin, b.end));
  }
  // Chinese names run together (저우밍위안 회장), later shortened to the
  // surname with the title (저우 회장): a word before a title that starts with
  // such a titled word of two or more syllables is a person.
  for (size_t i = 1; i < words.size(); ++i) {
    if (!titled_at(words[i])) continue;
    const Eojeol& name = words[i - 1];
    const std::string_view w = span(name);
    if (!name.hangul || w.size() < 9 || w.size() > 18) continue;
    bool confirmed = false;
    for (std::string_view t : titled) {
      // One syllable only when it is no Korean surname (쉬, 탕, 쩡): 쉬하오란 by 쉬 대표.
      const bool long_enough = t.size() >= 6 || (t.size() == 3 && !IsKoreanSurname(t) &&
                                                  !IsRareKoreanSurname(t));
      confirmed |= long_enough && t.size() < w.size() && w.substr(0, t.size()) == t;
    }
    if (!confirmed) continue;
    bool has_person = false;
    for (const Mention& m : *mentions) {
      // (A tagger person the particle splitter cut short inside it does not count.)
      has_person |= name.begin < m.end && m.begin < name.end && m.type == EntityType::kPerson &&
                    !(m.sources == kFromTagger && m.begin >= name.begin && m.end < name.end);
    }
    if (has_person) continue;
    Mention person = pattern_person(name.begin, name.end);
    person.score = 0.95f;
    found.push_back(person);
  }
  mentions->insert(mentions->end(), found.begin(), found.end());
  // A tagger person cut short by the particle splitter (나카가 of "나카가와
  // 사장은") takes its whole eojeol back when that eojeol is a word of a
  // spaced Hangul name found above or by the tagger.
  std::vector<std::string_view> name_words;
  for (const Mention& m : *mentions) {
    if (m.type != EntityType::kPerson) continue;
    const std::string_view name = text.substr(m.begin, m.end - m.begin);
    const size_t space = name.find(' ');
    if (space == std::string_view::npos || !IsHangulWord(name.substr(0, space))) continue;
    name_words.push_back(name.substr(0, space));
    name_words.push_back(name.substr(name.rfind(' ') + 1));
  }
  std::vector<Mention> whole;
  for (const Mention& m : *mentions) {
    if (m.type != EntityType::kPerson || m.sources != kFromTagger) continue;
    for (const Eojeol& w : words) {
      if (w.begin != m.begin || w.end <= m.end || !w.hangul) continue;
      if (std::find(name_words.begin(), name_words.end(), span(w)) == name_words.end()) continue;
      Mention longer = m;
      longer.end = w.end;
      longer.sources = kFromPattern;
      longer.score = 0.8f;
      whole.push_back(longer);
    }
  }
  mentions->insert(mentions->end(), whole.begin(), whole.end());
}

void FindRomanizedKoreanNames(std::string_view text, const text::Analysis& analysis,
                              std::vector<Mention>* mentions) {
  const std::vector<Token>& tokens = analysis.tokens;
  const auto given_name = [&](const Token& t) {
    // Xxx-xxx: a capital, lower-case letters, one hyphen, lower-case letters.
    const std::string_view w = t.In(text);
    const size_t hyphen = w.find('-');
    if (t.kind != TokenKind::kWord || hyphen == std::string_view::npos || hyphen < 2 ||
        hyphen + 3 > w.size() || w.size() > 14 || w[0] < 'A' || w[0] > 'Z') {
      return false;
    }
    for (size_t i = 1; i < w.size(); ++i) {
      if (i != hyphen && (w[i] < 'a' || w[i] > 'z')) return false;
    }
    return true;
  };
  const auto surname = [&](const Token& t) {
    const std::string_view w = t.In(text);
    if (t.kind != TokenKind::kWord || w.size() < 2 || w.size() > 5 || w[0] < 'A' || w[0] > 'Z') {
      return false;
    }
    for (size_t i = 1; i < w.size(); ++i) {
      if (w[i] < 'a' || w[i] > 'z') return false;
    }
    return LookupTitle(text, t.begin).length == 0 && !IsMonthName(w) && !IsTimePreposition(w);
  };
  std::vector<Mention> found;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& a = tokens[i];
    const Token& b = tokens[i + 1];
    if (!b.space_before || b.begin != a.end + 1) continue;
    const bool family_first = surname(a) && given_name(b);
    const bool given_first = given_name(a) && surname(b);
    if (!family_first && !given_first) continue;
    bool claimed = false;
    for (const Mention& m : *mentions) {
      if (a.begin < m.end && m.begin < b.end &&
          !(m.sources == kFromTagger && m.type != EntityType::kPerson) &&
          !(m.type == EntityType::kPerson && m.begin == a.begin && m.end == b.end)) {
        claimed = true;
      }
    }
    if (claimed) continue;
    Mention person;
    person.begin = a.begin;
    person.end = b.end;
    person.type = EntityType::kPerson;
    person.sources = kFromPattern;
    person.score = 0.8f;
    found.push_back(person);
    ++i;
  }
  mentions->insert(mentions->end(), found.begin(), found.end());
}

}  // namespace tg::extract
