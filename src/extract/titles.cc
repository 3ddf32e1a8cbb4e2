// The compiled title lexicon. Lookup is by the first three bytes (ASCII
// letters folded to lower case), then a short list of titles sorted longest
// first: one table probe per position, and byte comparisons only with the few
// titles that start with those three bytes (a whole Hangul syllable; two bytes
// would put a syllable with the 63 others that share its lead bytes).
//
// Korean rows follow data/lexicon/titles/titles_ko_en.tsv (CC0), without its
// honorifics (씨, 님, 여사), 측 and 대통령실, plus compounds common in business
// news. "Weak" titles are also ordinary words (head, chief, 대표 "representative",
// 시장 "market", 이사 "moving", 대사 "lines", 고문 "torture"); the patterns use
// them only in constructions that make the role clear.
#include "extract/titles.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "extract/patterns.h"
#include "text/korean_particles.h"

namespace tg::extract {
namespace {

struct TitleDef {
  std::string_view text;  // English in lower case; acronyms in capitals
  bool weak = false;
};

// clang-format off
constexpr TitleDef kTitles[] = {
    // English: business.
    {"chairman"}, {"chairwoman"}, {"chairperson"}, {"executive chairman"}, {"executive chair"},
    {"executive chairwoman"}, {"vice chairman"}, {"vice-chairman"}, {"vice chairwoman"},
    {"vice chair"}, {"honorary chairman"}, {"board chairman"}, {"chairman of the board"},
    {"co-chairman"}, {"chief executive"}, {"chief executive officer"}, {"co-chief executive"},
    {"CEO"}, {"co-CEO"}, {"president"}, {"vice president"}, {"vice-president"},
    {"executive vice president"}, {"senior vice president"}, {"senior executive vice president"},
    {"EVP"}, {"SVP"}, {"founder"}, {"co-founder"}, {"cofounder"}, {"CFO"}, {"CTO"}, {"COO"},
    {"CIO"}, {"CMO"}, {"CSO"}, {"chief financial officer"}, {"chief technology officer"},
    {"chief operating officer"}, {"chief information officer"}, {"chief marketing officer"},
    {"chief strategy officer"}, {"chief investment officer"}, {"chief economist"},
    {"chief commercial officer"}, {"chief business officer"}, {"chief product officer"},
    {"chief digital officer"}, {"chief data officer"}, {"chief legal officer"},
    {"chief people officer"}, {"chief revenue officer"}, {"chief risk officer"},
    {"chief sustainability officer"}, {"chief medical officer"}, {"chief security officer"},
    {"chief procurement officer"}, {"chief customer officer"},
    {"chief human resources officer"}, {"chief compliance officer"}, {"CCO"}, {"CPO"},
    {"chief scientist"}, {"chief technologist"}, {"managing director"}, {"executive director"},
    {"general manager"}, {"general counsel"}, {"spokesperson"}, {"spokesman"}, {"spokeswoman"},
    {"chair", true}, {"head", true}, {"chief", true}, {"boss", true}, {"director", true},
    {"leader", true}, {"executive", true}, {"owner", true}, {"heir", true},
    // English: politics and public bodies.
    {"prime minister"}, {"deputy prime minister"}, {"minister"}, {"finance minister"},
    {"trade minister"}, {"industry minister"}, {"foreign minister"}, {"defense minister"},
    {"defence minister"}, {"commerce minister"}, {"economy minister"}, {"science minister"},
    {"secretary of state"}, {"commerce secretary"}, {"treasury secretary"},
    {"defense secretary"}, {"energy secretary"}, {"secretary-general"}, {"secretary general"},
    {"secretary", true}, {"governor"}, {"mayor"}, {"ambassador"}, {"senator"}, {"lawmaker"},
    {"congressman"}, {"congresswoman"}, {"chancellor"}, {"premier"}, {"vice premier"},
    {"president-elect"}, {"vice president-elect"}, {"trade representative"},
    {"chief of staff"}, {"national security adviser"}, {"national security advisor"},
    {"speaker"}, {"king"}, {"queen"}, {"crown prince"}, {"professor"},
    // Korean: business.
    {"회장"}, {"부회장"}, {"명예회장"}, {"선대회장"}, {"총수"}, {"오너", true}, {"사장"}, {"부사장"},
    {"전무"}, {"상무"}, {"대표", true}, {"대표이사"}, {"각자대표"}, {"공동대표"}, {"최고경영자"},
    {"최고재무책임자"}, {"최고기술책임자"}, {"최고운영책임자"}, {"최고전략책임자"},
    {"최고과학책임자"}, {"최고마케팅책임자"}, {"최고정보책임자"}, {"최고인사책임자"},
    {"최고투자책임자"}, {"최고의료책임자"}, {"최고사업책임자"}, {"최고개발책임자"}, {"의장"},
    {"이사회 의장"}, {"이사회의장"}, {"이사", true}, {"이사장"}, {"창업자"}, {"창업주"}, {"공동창업자"},
    {"고문", true}, {"본부장"}, {"부문장"}, {"사업부장"}, {"센터장"}, {"연구소장"}, {"행장"}, {"은행장"},
    {"대변인"}, {"총괄", true},
    // Korean: politics and public bodies.
    {"대통령"}, {"부통령"}, {"총리"}, {"국무총리"}, {"부총리"}, {"경제부총리"}, {"장관"}, {"차관"},
    {"의원"}, {"국회의원"}, {"국회의장"}, {"원내대표"}, {"위원장"}, {"대사", true}, {"주지사"},
    {"시장", true}, {"도지사"}, {"총재"}, {"원장"}, {"청장"}, {"비서실장"}, {"국가안보실장"},
    {"안보실장"}, {"정책실장"}, {"무역대표"}, {"통상교섭본부장"}, {"사무총장"}, {"총장"},
    {"부지사"}, {"경제부지사"}, {"행정부지사"}, {"부시장"}, {"경제부시장"}, {"행정부시장"},
    {"군수"}, {"구청장"}, {"교육감"}, {"부총재"}, {"부위원장"}, {"수석부회장"}, {"부행장"},
    // Chinese companies' titles as Korean news writes them.
    {"총경리"}, {"동사장"},
    // Korean: academic.
    {"교수"}, {"박사"},
};

// Words written before a title that are not part of it.
constexpr std::string_view kModifiers[] = {
    "former", "then-", "then", "new", "incoming", "outgoing", "acting", "interim", "current",
    "late", "newly appointed", "longtime", "long-time", "founding",
    "전", "현", "신임", "당시", "초대", "차기", "고", "전임", "현직", "전직",
};

// Surnames for name shapes and surname-title short forms (이 회장, 구 회장):
// the common ones of data/korean-names-compiled (facts); rare surnames that
// are also everyday syllables (시, 은, 인, 부 ...) are left out.
constexpr std::string_view kSurnames[] = {
    "김", "이", "리", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황",
    "안", "송", "전", "홍", "유", "류", "고", "문", "양", "손", "배", "백", "허", "남", "심", "노", "로",
    "하", "곽", "성", "차", "주", "우", "구", "민", "나", "라", "진", "지", "엄", "채", "원", "천", "방",
    "공", "현", "함", "변", "염", "여", "추", "도", "소", "석", "선", "설", "마", "길", "연", "위", "표",
    "명", "기", "반", "왕", "금", "옥", "육", "맹", "탁", "국",
    "황보", "남궁", "제갈", "선우", "독고", "사공", "서문", "동방",
};
// clang-format on

constexpr char32_t kFirstHangulSyllable = 0xAC00;
constexpr size_t kHangulSyllables = 11172;  // U+AC00..U+D7A3

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

bool HangulBefore(std::string_view text, size_t pos) {
  if (pos < 3) return false;
  size_t p = pos - 3;
  return IsHangul(NextCodePoint(text, &p)) && p == pos;
}
bool HangulAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  return IsHangul(NextCodePoint(text, &pos));
}
// A Latin letter (ASCII or Latin-1/Extended-A) ends before `pos`.
bool LetterBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  const auto c = static_cast<uint8_t>(text[pos - 1]);
  if (c < 0x80) return IsAsciiAlnum(static_cast<char>(c));
  return (c & 0xC0) == 0x80 && pos >= 2 && static_cast<uint8_t>(text[pos - 2]) >= 0xC3 &&
         static_cast<uint8_t>(text[pos - 2]) <= 0xC5;
}

// Compares `pattern` (lower-case English, or exact for acronyms and Hangul)
// with the text at `pos`; a space matches one or more spaces. Returns the end
// or 0.
size_t Compare(std::string_view text, size_t pos, std::string_view pattern, bool fold) {
  size_t t = pos;
  for (char c : pattern) {
    if (c == ' ') {
      if (t >= text.size() || text[t] != ' ') return 0;
      while (t < text.size() && text[t] == ' ') ++t;
      continue;
    }
    if (t >= text.size()) return 0;
    if (fold ? Lower(text[t]) != c : text[t] != c) return 0;
    ++t;
  }
  return t;
}

bool IsAcronym(std::string_view s) {
  return !s.empty() && IsUpperAscii(s[0]) && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), IsUpperAscii);
}

// A title as the lookup compares it.
struct Title {
  std::string_view text;
  bool weak = false;
  bool korean = false;  // Hangul, compared exactly
  bool fold = false;    // case-insensitive (English words; not CEO, co-CEO or other acronyms)
};

// The lexicon's index key: the first three bytes of a title, or of the text
// at a position, with ASCII letters folded to lower case (every title has
// at least three bytes, and none has a space among its first three).
uint32_t KeyOf(char b0, char b1, char b2) {
  return static_cast<uint32_t>(static_cast<uint8_t>(Lower(b0))) << 16 |
         static_cast<uint32_t>(static_cast<uint8_t>(Lower(b1))) << 8 |
         static_cast<uint8_t>(Lower(b2));
}

struct Lexicon {
  // Where the titles of one key are in `titles`; count 0 marks an empty slot.
  struct Group {
    uint32_t key = 0;
    uint16_t first = 0;
    uint16_t count = 0;
  };
  // Titles grouped by key, each group longest first, and an open-addressing
  // table from key to group (a power of two, at most half full).
  std::vector<Title> titles;
  std::vector<Group> groups;

  static size_t SlotOf(uint32_t key, size_t mask) { return (key * 0x9E3779B1u >> 12) & mask; }

  Lexicon() {
    // By first byte, longest first (as the lookup tries them), then split by key.
    std::array<std::vector<Title>, 256> by_first;
    for (const TitleDef& def : kTitles) {
      Title title;
      title.text = def.text;
      title.weak = def.weak;
      title.korean = static_cast<uint8_t>(def.text[0]) >= 0x80;
      title.fold = !title.korean && !IsAcronym(def.text) && def.text.find("CEO") == def.text.npos;
      // "co-CEO" starts with a lower-case letter but folds like the rest.
      by_first[static_cast<uint8_t>(Lower(def.text[0]))].push_back(title);
    }
    std::map<uint32_t, std::vector<Title>> by_key;
    for (auto& list : by_first) {
      std::sort(list.begin(), list.end(), [](const Title& a, const Title& b) {
        return a.text.size() > b.text.size();
      });
      for (const Title& title : list) {
        by_key[KeyOf(title.text[0], title.text[1], title.text[2])].push_back(title);
      }
    }
    size_t cap = 16;
    while (cap < by_key.size() * 2) cap <<= 1;
    groups.assign(cap, Group());
    for (const auto& [key, list] : by_key) {
      size_t slot = SlotOf(key, cap - 1);
      while (groups[slot].count != 0) slot = (slot + 1) & (cap - 1);
      groups[slot] = {key, static_cast<uint16_t>(titles.size()),
                      static_cast<uint16_t>(list.size())};
      titles.insert(titles.end(), list.begin(), list.end());
    }
  }

  // The titles whose key is `key`, longest first (an empty range when none).
  std::pair<const Title*, const Title*> Find(uint32_t key) const {
    const size_t mask = groups.size() - 1;
    for (size_t slot = SlotOf(key, mask);; slot = (slot + 1) & mask) {
      const Group& g = groups[slot];
      if (g.count == 0) return {nullptr, nullptr};
      if (g.key == key) return {&titles[g.first], &titles[g.first] + g.count};
    }
  }
};

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = new Lexicon();  // never destroyed: used from any thread
  return *lexicon;
}

// True when the word that ends at `end` may end there: English titles must
// not run into a letter ("CEOs", "presidential"); a Hangul run after any title
// must be a particle only (회장은, CEO가; not 회장단).
bool EndsWord(std::string_view text, size_t end, bool korean) {
  if (end >= text.size()) return true;
  if (!korean) {
    const auto c = static_cast<uint8_t>(text[end]);
    if (c < 0x80) return !IsAsciiAlnum(static_cast<char>(c));
    if (c >= 0xC3 && c <= 0xC5) return false;
    // A Latin title may carry a Korean particle (CEO가, CEO는).
  }
  if (!HangulAt(text, end)) return true;
  size_t run_end = end;
  while (run_end < text.size() && HangulAt(text, run_end)) run_end += 3;
  return text::IsKoreanParticle(text.substr(end, run_end - end));
}

}  // namespace

TitleHit LookupTitle(std::string_view text, size_t pos) {
  TitleHit hit;
  // Every title has at least three bytes.
  if (pos + 2 >= text.size()) return hit;
  const char first = text[pos];
  const auto [candidates, candidates_end] =
      GetLexicon().Find(KeyOf(first, text[pos + 1], text[pos + 2]));
  for (const Title* def = candidates; def != candidates_end; ++def) {
    const size_t end = Compare(text, pos, def->text, def->fold);
    if (end == 0 || !EndsWord(text, end, def->korean)) continue;
    // The start must be a word boundary too, whichever title matched there.
    const bool hangul = HangulAt(text, pos);
    if (hangul ? HangulBefore(text, pos) : LetterBefore(text, pos)) return hit;
    hit.length = end - pos;
    hit.weak = def->weak;
    hit.korean = def->korean;
    hit.capitalized = !def->korean && IsUpperAscii(first);
    return hit;
  }
  return hit;
}

size_t MatchTitleModifier(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  const bool hangul = HangulAt(text, pos);
  if (hangul ? HangulBefore(text, pos) : LetterBefore(text, pos)) return 0;
  for (std::string_view m : kModifiers) {
    const bool korean = static_cast<uint8_t>(m[0]) >= 0x80;
    const size_t end = Compare(text, pos, m, !korean);
    if (end == 0) continue;
    if (m.back() == '-') return end - pos;  // "then-CEO"
    if (korean ? !HangulAt(text, end) : EndsWord(text, end, false)) return end - pos;
  }
  return 0;
}

bool IsKoreanSurname(std::string_view word) {
  if (word.size() == 3) {
    // One syllable: a bit per Hangul syllable (U+AC00..U+D7A3) instead of a
    // scan of the list; only a well-formed syllable can equal a listed one.
    static const std::vector<bool> one_syllable = [] {
      std::vector<bool> bits(kHangulSyllables);
      for (std::string_view s : kSurnames) {
        size_t pos = 0;
        const char32_t cp = NextCodePoint(s, &pos);
        if (pos == s.size() && cp >= kFirstHangulSyllable) bits[cp - kFirstHangulSyllable] = true;
      }
      return bits;
    }();
    size_t pos = 0;
    const char32_t cp = NextCodePoint(word, &pos);
    return pos == 3 && cp >= kFirstHangulSyllable &&
           cp < kFirstHangulSyllable + kHangulSyllables && one_syllable[cp - kFirstHangulSyllable];
  }
  return word.size() == 6 &&
         std::find(std::begin(kSurnames), std::end(kSurnames), word) != std::end(kSurnames);
}

bool IsKoreanFullNameShape(std::string_view word) {
  size_t pos = 0, syllables = 0;
  while (pos < word.size()) {
    const char32_t cp = NextCodePoint(word, &pos);
    if (!IsHangul(cp)) return false;
    ++syllables;
  }
  return (syllables == 3 && IsKoreanSurname(word.substr(0, 3))) ||
         (syllables == 4 && IsKoreanSurname(word.substr(0, 6)));
}

bool IsRareKoreanSurname(std::string_view word) {
  static constexpr std::string_view kRare[] = {"인", "제", "모", "어", "은", "편", "용", "예", "경",
                                               "봉", "사", "부", "태", "승", "빈", "가", "간", "견",
                                               "범", "호", "피", "감", "음", "시", "계", "갈", "좌",
                                               "팽"};
  return std::find(std::begin(kRare), std::end(kRare), word) != std::end(kRare);
}

size_t MatchTitle(std::string_view text, size_t pos) {
  const TitleHit hit = LookupTitle(text, pos);
  if (hit.length == 0) return 0;
  if (hit.weak && !hit.capitalized) return 0;
  return hit.length;
}

}  // namespace tg::extract
