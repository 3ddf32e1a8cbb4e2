#pragma once
// Internal to the role patterns (patterns.cc, patterns_ko.cc): the token
// scanner behind FindRolePatterns (patterns.h) and the word tests it shares.
// Not for use outside those files. A Scanner reads one document once and is
// not shared between threads.
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/entity.h"
#include "extract/patterns.h"
#include "extract/titles.h"
#include "text/tokenize.h"

namespace tg::extract::pattern_scan {

// Capitalised English words that do not start or continue a person's name.
const std::unordered_set<std::string_view>& EnglishStopwords();
// Hangul words that precede names and titles without being names.
const std::unordered_set<std::string_view>& KoreanStopwords();
bool IsHangulWord(std::string_view text, const text::Token& t);
// Hangul words ending like a verb, adverb or adnominal form.
bool HasVerbalEnding(std::string_view w);
bool HasHangul(std::string_view s);
bool IsCapitalized(std::string_view s);
bool IsPossessive(std::string_view s);

class Scanner {
 public:
  Scanner(std::string_view text, const text::Analysis& analysis,
          const std::vector<Mention>& mentions);
  // The role matches of the whole text, sentence by sentence. Call once.
  std::vector<RoleMatch> Run(const text::Analysis& analysis);

 private:
  std::string_view Tok(int k) const { return tokens_[k].In(text_); }

  // The title at token k: its last token, or -1. Weak titles only when allowed.
  int TitleAt(int k, bool allow_weak, TitleHit* hit_out = nullptr) const;

  // Extends the title at [k, e] over "and"/"&"/","/"/"/"겸" + title and over
  // a directly following Korean title. Returns the last token.
  int ExtendCompound(int e, bool korean) const;

  bool IsEnglishNameWord(int k) const;

  // An English name starting at k: a PERSON mention, else 1-3 capitalised
  // words. Returns the last token or -1; `words` receives the word count.
  int EnglishNameFrom(int k, int* words) const;

  // An English name ending at k (for "Name, TITLE of ORG"); returns its first token or -1.
  int EnglishNameTo(int k) const;

  // An organisation ending at k: an ORG/PLACE mention, else (English) a run of
  // up to four capitalised words, acronyms, "&" or corporate suffixes.
  int OrgTo(int k, bool allow_shape) const;

  // An organisation starting at k ("of ORG", "at ORG"); returns its last token
  // or -1, and its first token in `first`.
  int OrgFrom(int k, int* first) const;

  // When tokens from k read "[Country's | Nationality | X-based] [trade noun
  // ...] Name", the first token of Name; else -1. The trade description must
  // end on a noun for a business (maker, smelter, firm, group ...).
  int DescribedOrgStart(int k) const;

  // Words that end a noun phrase in English headlines and text ("X CEO in
  // Hanoi", "X CEO says", "X CEO to visit").
  static bool IsPhraseBreak(std::string_view w);

  bool IsKoreanNameShape(int k) const;

  bool IsForeignPart(int k, size_t max_syllables) const;

  // True when "ORG의" ends right before token j (베리언테라퓨틱스의 매켄지 ...).
  bool EmployerBefore(int j) const;

  // "ORG의 GIVEN FAMILY TITLE": two name-like words after the employer's 의
  // are one foreign name, whatever the tagger made of either (매켄지 alone, or
  // 로웰 as a company). Returns the first token, or -1.
  int NameAfterEmployer(int k) const;

  // "ORG의 W1 W2 [W3 [W4]] TITLE": with the employer already given by 의,
  // two to four name-like Hangul words ending at k are one foreign name
  // (아오바상사의 오카모토 류이치 사장, 사이공델타그룹의 응우옌 반 록 회장), even
  // where the tagger read the last word as a company. Returns the first
  // token, or -1.
  int SpacedNameAfterEmployer(int k) const;

  // Particles the splitter may cut off a transliterated name's last syllable
  // (모로 -> 모 + 로, 파스키에 -> 파스키 + 에).
  static bool IsCutNameEnding(std::string_view particle);
  // Token k, a Hangul word, and the particle glued after it spell a Korean
  // full name the splitter cut (송미+란), and the word alone is no stop word.
  bool IsCutKoreanName(int k) const;

  // The first word of a foreign name whose other word is at k (프라이스 of
  // 에이미 프라이스): a short Hangul word that is no Korean name, verb form,
  // particle-glued word or locative, with nothing name-like before it.
  // Returns k - 1 or -1.
  int ForeignFirstWordBefore(int k) const;

  // A three-syllable word led by a rarer surname (어성진, 편성우) is a name
  // only right before a title or an employer and title: the caller's context.
  bool IsRareSurnameName(int k) const;

  // A Korean name ending at k: a PERSON mention, a two-word foreign name
  // (젠슨 황) or a surname-led Hangul word (이재용). Returns its first token or -1.
  int KoreanNameTo(int k) const;

  Span SpanOf(int first, int last) const;

  void Emit(RoleForm form, Span person, Span title, Span org, int first_tok, int last_tok);

  // Skips modifier words ("former", "전", "신임") ending at k; returns the token before them.
  int SkipModifiersBack(int k) const;

  // Skips a Latin gloss glued to the name before a title ("아디트야
  // 메논(Aditya Menon) 회장"); returns the token before it, else k.
  int SkipGlossBack(int k) const;

  // Returns the last token consumed, or -1 when nothing matched.
  int MatchKorean(int t, int e);

  int MatchEnglish(int t, int e, const TitleHit& hit);

  void ScanSentence(int first, int last);

  std::string_view text_;
  const std::vector<text::Token>& tokens_;
  // Per token: last token of a PERSON mention starting here; first token of
  // one ending here; the same for ORG/PLACE mentions.
  std::vector<int> person_from_, person_to_, other_from_, org_to_;
  std::vector<int> company_to_;  // first token of an ORG (not PLACE) mention ending here
  std::vector<int> guess_from_;  // last token of a tagger-only ORG/PLACE mention starting here
  std::vector<bool> place_at_;   // the token is a one-token PLACE mention
  int first_ = 0, last_ = 0;
  std::vector<RoleMatch> out_;
};

}  // namespace tg::extract::pattern_scan
