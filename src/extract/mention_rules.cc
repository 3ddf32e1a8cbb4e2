#include "extract/mention_rules.h"

#include "extract/given_names.h"

#include <algorithm>

#include "core/utf8.h"
#include "core/word_list.h"
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
    "Systems", "Technologies", "Technology", "Tech", "Bank", "Capital", "Partners", "Ventures",
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
    "공사", "공단", "협회", "위원회", "그룹스", "일렉트릭", "인더스트리", "머티리얼즈",
    "상선", "해상", "자산운용", "운용", "투자", "인베스트", "제과", "약품", "푸드", "리테일",
    "소프트", "게임즈", "가스", "통운", "정보통신", "신탁", "지주", "코리아", "인터내셔널",
    "솔루션즈", "헬스케어", "메디컬", "이노베이션", "바이오텍"};
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
  // Tokens are in text order and do not overlap, so their ends increase: the
  // first token ending after `begin` is found by binary search, not a scan
  // from the start of the document for every mention.
  size_t i = std::partition_point(analysis.tokens.begin(), analysis.tokens.end(),
                                  [begin](const Token& t) { return t.end <= begin; }) -
             analysis.tokens.begin();
  for (; i < analysis.tokens.size() && analysis.tokens[i].begin < end; ++i) {
    if (analysis.tokens[i].kind == TokenKind::kWord) out.words.push_back(i);
  }
  out.after = i;
  return out;
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

// Last words of English place names ("Minato Ward", "Gangnam District"); not
// "Park", a Korean surname.
bool IsPlaceHeadWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Ward", "District", "City", "Province", "County", "Prefecture", "Island", "Islands",
      "Port", "Bay", "Valley", "Square", "Street", "Road", "Avenue", "Boulevard",
      "Harbor", "Harbour", "Airport", "Station", "Complex", "Campus", "Plaza", "Tower"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
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

  if (!IsAllHangul(first)) {
    // A title-case headline run over its verb ("Veridian Grid Welcomes
    // Cheongram"): no name holds a headline verb.
    for (size_t k = 1; k < span.words.size(); ++k) {
      if (IsHeadlineVerb(word(k))) return false;
    }
    // "In early April Varga had dinner": a month after a time word is not a given name.
    if (span.words.size() >= 2 && IsEnglishMonthName(first) && span.words[0] > 0 &&
        IsEnglishTimePreposition(analysis.tokens[span.words[0] - 1].In(text))) {
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
    if (span.words.size() >= 2 && IsPlaceHeadWord(last)) {
      m->type = EntityType::kPlace;
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
  // keep what follows the last particle inside the span, unless the word and
  // the "particle" spell a listed foreign name (오시+로 다쿠야).
  size_t lo = 0;
  for (size_t k = 0; k + 1 < span.words.size(); ++k) {
    for (size_t t = span.words[k] + 1; t < span.words[k + 1]; ++t) {
      if (analysis.tokens[t].kind != TokenKind::kParticle) continue;
      const Token& w = analysis.tokens[span.words[k]];
      const std::string_view glued = text.substr(w.begin, analysis.tokens[t].end - w.begin);
      if (t == span.words[k] + 1 && (IsHangulJapaneseSurname(glued) || IsHangulForeignGivenName(glued))) continue;
      lo = k + 1;
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
    // A time unit after a time word ("다음 주 파월"): no given name.
    const size_t at = span.words[lo];
    clause |= at > 0 && IsKoreanTimeUnitAfter(w, analysis.tokens[at - 1].In(text));
    if (!clause) break;
    ++lo;
  }
  // Word k of the span as an ORG mention of its own (the name's employer).
  const auto split_off_org = [&](size_t k) {
    Mention org = *m;
    org.begin = analysis.tokens[span.words[k]].begin;
    org.end = analysis.tokens[span.words[k]].end;
    org.type = EntityType::kOrg;
    extra->push_back(org);
  };
  // A company word glued in front of the name ("다솜로보틱스의 금하윤"): an ORG of its own.
  while (lo + 1 < span.words.size() && LooksLikeOrgWord(word(lo))) {
    split_off_org(lo);
    ++lo;
  }
  size_t hi = span.words.size();  // exclusive
  // A Latin word after Hangul name words is the employer (제이슨 박 Lumora CEO).
  if (hi - lo >= 2 && IsAllHangul(word(lo)) && !IsAllHangul(word(hi - 1)) && HasUpper(word(hi - 1))) {
    split_off_org(hi - 1);
    --hi;
  }
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
  // (A division may stand between: 염지유 동해바이오 전략담당 부사장.)
  // So may an industry noun that ends the company's name (메러디스 오카포
  // 코반티스 반도체 최고경영자).
  size_t title_at = span.after;
  if (title_at + 1 < analysis.tokens.size() && analysis.tokens[title_at].kind == TokenKind::kWord &&
      (IsKoreanDivisionWord(analysis.tokens[title_at].In(text)) ||
       IsIndustryNoun(analysis.tokens[title_at].In(text)))) {
    ++title_at;
  }
  const bool before_title =
      hi == span.words.size() && title_at < analysis.tokens.size() &&
      analysis.tokens[title_at].kind == TokenKind::kWord &&
      LookupTitle(text, analysis.tokens[title_at].begin).length > 0;
  if (before_title && hi - lo >= 2) {
    const std::string_view first_name = word(lo);
    const size_t syllables = CountCodePoints(first_name);
    // A Korean name: a one-syllable surname and a two-syllable given name, or
    // a two-syllable surname (황보, 남궁) and two more.
    const bool korean_name =
        (syllables == 3 && IsKoreanSurname(first_name.substr(0, 3))) ||
        (syllables == 4 && IsKoreanSurname(first_name.substr(0, 6)));
    // (A company named after its founder starts with the word before it:
    // 알텐베르크 알텐베르크에네르기 회장.)
    const bool founder_company = hi - lo >= 2 && word(hi - 1).size() > word(hi - 2).size() &&
                                 word(hi - 1).starts_with(word(hi - 2));
    if (hi - lo >= 3 || korean_name || founder_company || LooksLikeOrgWord(word(hi - 1))) {
      split_off_org(hi - 1);
      --hi;
    }
  }
  if (hi <= lo) return false;
  if (hi - lo == 1 && LooksLikeOrgWord(word(lo))) {
    m->type = EntityType::kOrg;
  }
  m->begin = analysis.tokens[span.words[lo]].begin;
  // (A glued particle the span ends on stays when the span was given it and
  // a listed foreign name leads it: the cut-off end of 피에르 뒤+랑.)
  const size_t last_word = span.words[hi - 1];
  const bool foreign_led = hi - lo >= 2 && (IsHangulForeignGivenName(word(lo)) || IsHangulJapaneseSurname(word(lo)));
  const bool cut_end = foreign_led && hi == span.words.size() && last_word + 1 < analysis.tokens.size() &&
                       analysis.tokens[last_word + 1].kind == TokenKind::kParticle &&
                       analysis.tokens[last_word + 1].end == m->end;
  m->end = analysis.tokens[cut_end ? last_word + 1 : last_word].end;
  return true;
}

}  // namespace

bool IsAllHangul(std::string_view w) {
  size_t pos = 0;
  while (pos < w.size()) {
    if (!IsHangul(NextCodePoint(w, &pos))) return false;
  }
  return !w.empty();
}

bool IsEnglishMonthName(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.",
      "Nov.", "Dec."};
  return std::find(std::begin(kMonths), std::end(kMonths), w) != std::end(kMonths);
}

// Words before a month that make it a date: "in April", "early May", "since June".
bool IsEnglishTimePreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "in", "In", "early", "late", "mid", "since", "until", "by", "from", "through", "last",
      "next", "this", "of", "during", "before", "after", "Early", "Late", "Since",
      "By", "From", "Until", "Last", "Next", "This", "During", "Before", "After"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}
bool EndsLikeKoreanClause(std::string_view word) {
  for (std::string_view e : kClauseEndings) {
    if (EndsWith(word, e)) return true;
  }
  return false;
}

bool IsKoreanLeadInWord(std::string_view word) {
  static const WordList kWords = {
      "찾아", "찾아가", "찾아와", "만나", "만나고", "맞아", "맞이해", "방문해", "초청해", "초대해",
      "불러", "데리고", "대동해", "통해", "위해", "향해", "따라", "대해", "관해", "대신", "다시",
      "함께", "따로", "직접", "처음", "곧", "또", "이어", "이후", "앞서", "비롯해", "포함해",
      "내내", "줄곧", "계속", "항상", "여전히", "아직", "이미", "모두", "각각", "홀로",
      // Adnominal verb forms of vowel stems that end in ㄴ (연사로 나선 성하람,
      // 무대에 오른 민경태): no given name.
      "나선", "오른", "이끈", "만난", "지낸", "밝힌", "세운", "떠난", "거친", "꾸린", "건넨",
      "내건", "마친", "이룬", "펼친", "드러낸", "보낸", "가진", "지킨",
      // Kinship and succession nouns that introduce a person (장남 여준혁).
      "장남", "차남", "삼남", "장녀", "차녀", "삼녀", "막내", "외아들", "외동딸", "아들", "딸",
      "부인", "아내", "남편", "동생", "사위", "며느리", "손자", "손녀", "부친", "모친", "조카",
      "후임", "전임", "후계자", "고인"};
  return kWords.Contains(word);
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
  // Surnames shared with Korean: only with three more syllables (천샤오밍),
  // which a Korean given name never has.
  static constexpr std::string_view kSharedSurnames[] = {"천", "왕", "장", "황", "정", "주", "진",
                                                         "양", "마", "우", "한", "허", "손"};
  // Vietnamese surnames, written with the rest run together (응우옌티호아).
  static constexpr std::string_view kVietnamese[] = {"응우옌", "쩐", "팜", "호앙", "부이",
                                                     "응오", "즈엉", "후인"};
  if (!IsAllHangul(word)) return false;
  const size_t syllables = word.size() / 3;
  if (syllables < 3 || syllables > 6 || LooksLikeOrgWord(word)) return false;
  for (std::string_view s : kVietnamese) {
    const size_t rest = syllables - s.size() / 3;
    if (word.starts_with(s) && rest >= 2 && rest <= 3) return true;
  }
  if (syllables > 4) return false;
  for (std::string_view s : kSurnames) {
    if (word.substr(0, s.size()) != s) continue;
    const size_t rest = syllables - s.size() / 3;
    if (rest >= 2 && rest <= 3) return true;
  }
  for (std::string_view s : kSharedSurnames) {
    if (syllables == 4 && word.starts_with(s) && !IsKoreanFullNameShape(word)) return true;
  }
  return false;
}

bool IsIndustryNoun(std::string_view word) {
  return std::find(std::begin(kKoreanOrgEndings), std::end(kKoreanOrgEndings), word) !=
         std::end(kKoreanOrgEndings);
}

bool LooksLikeGivenNameLedPerson(std::string_view name) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos <= name.size() && words.size() < 4) {
    const size_t space = name.find(' ', pos);
    words.push_back(name.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos));
    if (space == std::string_view::npos) break;
    pos = space + 1;
  }
  if (words.size() < 2 || words.size() > 3 || !IsKnownGivenName(words[0])) return false;
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (!IsSurnameShape(w) || LooksLikeOrgWord(w) || IsPlaceHeadWord(w)) return false;
  }
  return true;
}

bool IsSurnameShape(std::string_view w) {
  if (w.size() < 2 || w[0] < 'A' || w[0] > 'Z') return false;
  for (size_t k = 1; k < w.size(); ++k) {
    const char c = w[k];
    const bool after_apostrophe = c >= 'A' && c <= 'Z' && k > 1 && w[k - 1] == '\'';
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'' || after_apostrophe)) return false;
  }
  return true;
}

bool IsKoreanTimeUnitAfter(std::string_view unit, std::string_view before) {
  if (unit != "주" && unit != "달" && unit != "날" && unit != "해") return false;
  static constexpr std::string_view kTimeWords[] = {"다음", "지난", "이번", "오는", "매", "그", "첫"};
  return std::find(std::begin(kTimeWords), std::end(kTimeWords), before) != std::end(kTimeWords);
}

bool IsKoreanDivisionWord(std::string_view word) {
  // The word must be made of division nouns alone (사업개발, 해외영업,
  // 글로벌전략담당), so a company named like one (현대산업개발) is none.
  static const WordList kParts = {
      "개발", "사업", "부문", "담당", "본부", "총괄", "전략", "영업", "기술", "재무", "마케팅",
      "연구", "경영", "운영", "관리", "기획", "홍보", "투자", "인사", "생산", "구매", "디자인",
      "대외", "협력", "지원", "혁신", "품질", "법무", "감사", "사업부", "연구소", "해외", "국내",
      "글로벌", "전사", "신규", "미래", "솔루션", "제품", "서비스", "플랫폼", "데이터", "디지털"};
  std::string_view rest = word;
  int parts = 0;
  while (!rest.empty() && parts < 4) {
    const std::string_view part = kParts.FirstPrefixOf(rest);
    if (part.empty()) return false;
    rest.remove_prefix(part.size());
    ++parts;
  }
  return rest.empty() && parts > 0;
}

bool LooksLikeOrgWord(std::string_view word) {
  static const WordList kEndings(kKoreanOrgEndings);
  static const WordList kWords(kEnglishOrgWords);
  // A Korean ending must leave a name before it (전자 alone is a word, not a company).
  if (IsAllHangul(word)) return kEndings.EndsWithAny(word, 1);
  return kWords.Contains(word);
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
    // "Seoul's Harrow Ventures": what follows the possessive is a company when
    // it ends like one; "Tokyo's Minato Ward" a place when it ends like one.
    const std::string_view tail = analysis.tokens[words.back()].In(text);
    person.type = LooksLikeOrgWord(tail)    ? EntityType::kOrg
                  : IsPlaceHeadWord(tail)   ? EntityType::kPlace
                                            : EntityType::kPerson;
    person.begin = analysis.tokens[person_first].begin;
    extra->push_back(org);
    extra->push_back(person);
    return true;
  }
  return false;
}

// "토비아스 린드크비스트 브라이트워터캐피털 대표", "엘리너 배스커빌 코렐리아
// 반도체 CEO": the tagger read a foreign name in two Hangul words and the
// company after it as one organisation. Before a title, two plain words (no
// company, industry, clause or stop word) and then one word ending like a
// company, or any word and an industry noun, are a person and an employer:
// `m` becomes the PERSON and the employer goes to `extra`.
static bool SplitNameFromEmployer(std::string_view text, const text::Analysis& analysis, Mention* m,
                                  std::vector<Mention>* extra) {
  if (m->type != EntityType::kOrg) return false;
  const SpanWords span = WordsOf(analysis, m->begin, m->end);
  const size_t n = span.words.size();
  if (n < 3 || n > 4 || span.after >= analysis.tokens.size() ||
      LookupTitle(text, analysis.tokens[span.after].begin).length == 0) {
    return false;
  }
  const auto word = [&](size_t k) { return analysis.tokens[span.words[k]].In(text); };
  for (size_t k = 0; k < n; ++k) {
    if (!IsAllHangul(word(k)) || (k > 0 && span.words[k] != span.words[k - 1] + 1)) return false;
  }
  const bool employer = n == 3 ? LooksLikeOrgWord(word(2)) : IsIndustryNoun(word(3)) && !LooksLikeOrgWord(word(2));
  if (!employer) return false;
  for (size_t k = 0; k < 2; ++k) {
    const std::string_view w = word(k);
    const size_t syllables = CountCodePoints(w);
    if (syllables < 2 || syllables > 6 || LooksLikeOrgWord(w) || IsIndustryNoun(w) ||
        IsKoreanLeadInWord(w) || IsKoreanDivisionWord(w)) {
      return false;
    }
    for (std::string_view e : kClauseEndings) {
      if (EndsWith(w, e)) return false;
    }
  }
  Mention org = *m;
  org.begin = analysis.tokens[span.words[2]].begin;
  extra->push_back(org);
  m->type = EntityType::kPerson;
  m->end = analysis.tokens[span.words[1]].end;
  return true;
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
    SplitNameFromEmployer(text, analysis, &m, &extra);
    if (m.type == EntityType::kPerson && !RepairPerson(text, analysis, &m, &extra)) continue;
    kept.push_back(std::move(m));
  }
  kept.insert(kept.end(), extra.begin(), extra.end());
  *mentions = std::move(kept);
}

}  // namespace tg::extract
