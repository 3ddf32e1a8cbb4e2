// Korean role patterns (pattern_scanner.h): NAME TITLE, NAME ORG TITLE,
// SURNAME TITLE, "ORG의 NAME TITLE", with the name shapes of Korean news
// (Korean full names, foreign names in two Hangul words, run-together Chinese
// names) and the company-and-title form with no name.
#include <algorithm>
#include <string>
#include <string_view>

#include "extract/mention_rules.h"
#include "extract/pattern_scanner.h"
#include "extract/titles.h"
#include "text/korean_particles.h"

namespace tg::extract::pattern_scan {

using text::TokenKind;

bool Scanner::IsKoreanNameShape(int k) const {
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
  if (LooksLikeOrgWord(w) || IsIndustryNoun(w)) return false;  // 전자, 반도체: company words, not names
  // Verb forms that happen to start with a surname syllable (방문해, 참석한).
  static constexpr std::string_view kVerbEndings[] = {"해", "면", "며", "는", "았", "었", "던", "된"};
  for (std::string_view e : kVerbEndings) {
    if (w.substr(w.size() - e.size()) == e) return false;
  }
  // A verbal noun with an adnominal ending (방한한 = "who visited Korea", 참석할).
  if (syllables == 3 && (w.ends_with("한") || w.ends_with("할")) && KoreanStopwords().count(w.substr(0, 6)) != 0) {
    return false;
  }
  if (other_from_[k] >= 0 || LookupTitle(text_, tokens_[k].begin).length != 0) return false;
  const bool double_surname = IsKoreanSurname(w.substr(0, 6));
  if (syllables == 4) return double_surname;
  // Two-syllable full names are rare; most such words are nouns (전자, 오언):
  // only with the tagger's agreement.
  if (syllables == 2 && person_to_[k] != k) return false;
  return IsKoreanSurname(w.substr(0, 3)) || double_surname;
}

bool Scanner::IsForeignPart(int k, size_t max_syllables) const {
  if (k < first_ || k >= last_ || !IsHangulWord(text_, tokens_[k])) return false;
  const std::string_view w = Tok(k);
  // A time unit after a time word is no name (다음 주 파월 CEO와).
  if (k - 1 >= first_ && IsKoreanTimeUnitAfter(w, Tok(k - 1))) return false;
  // A place with the headline locative 서 (보스턴서 = in Boston) is no name.
  if (w.size() >= 9 && w.substr(w.size() - 3) == "서") return false;
  // (The tagger's one-word place guess is no obstacle: 야마구치 겐타.)
  const bool place_guess = place_at_[k] && guess_from_[k] == k;
  return w.size() / 3 <= max_syllables && KoreanStopwords().count(w) == 0 &&
         ((other_from_[k] < 0 && org_to_[k] < 0) || place_guess) &&
         LookupTitle(text_, tokens_[k].begin).length == 0;
}

bool Scanner::EmployerBefore(int j) const {
  return j - 2 >= first_ && tokens_[j - 1].kind == TokenKind::kParticle && Tok(j - 1) == "의" &&
         (org_to_[j - 2] >= 0 || LooksLikeOrgWord(Tok(j - 2)));
}

int Scanner::NameAfterEmployer(int k) const {
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

bool Scanner::IsCutNameEnding(std::string_view particle) {
  return particle == "로" || particle == "에" || particle == "와" || particle == "과" ||
         particle == "이" || particle == "가" || particle == "란" || particle == "랑" || particle == "만";
}

bool Scanner::IsCutKoreanName(int k) const {
  return k >= first_ && k + 1 < last_ && IsHangulWord(text_, tokens_[k]) &&
         tokens_[k + 1].kind == TokenKind::kParticle && !tokens_[k + 1].space_before &&
         IsCutNameEnding(Tok(k + 1)) && KoreanStopwords().count(Tok(k)) == 0 &&
         IsKoreanFullNameShape(text_.substr(tokens_[k].begin, tokens_[k + 1].end - tokens_[k].begin));
}

int Scanner::SpacedNameAfterEmployer(int k) const {
  // A word of the name: Hangul, spaced, no verb form, no title, no company
  // other than the tagger's guess, no division (토머스 링 사업개발 부사장).
  const auto name_word = [&](int j) {
    if (j < first_ || !IsHangulWord(text_, tokens_[j]) || !tokens_[j].space_before ||
        tokens_[j].kind != TokenKind::kWord) {
      return false;
    }
    const std::string_view w = Tok(j);
    // (A short last word may end like a company and still be a surname: 모리스.)
    const bool org_word = LooksLikeOrgWord(w) && (j != k || w.size() > 9);
    // The tagger's one-word organisation or place guess is no obstacle.
    const bool guess = guess_from_[j] == j && org_to_[j] == j;
    return w.size() <= 15 && !HasVerbalEnding(w) && !IsKoreanDivisionWord(w) &&
           KoreanStopwords().count(w) == 0 && !org_word && !IsKoreanLeadInWord(w) &&
           (guess || (company_to_[j] < 0 && org_to_[j] < 0 && other_from_[j] < 0)) &&
           LookupTitle(text_, tokens_[j].begin).length == 0;
  };
  for (int first = k - 1; first >= k - 3 && name_word(first); --first) {
    if (!name_word(k)) return -1;
    if (first - 2 < first_ || Tok(first - 1) != "의" || tokens_[first - 1].space_before) continue;
    // The employer: a company, a long Hangul word that is no name, or a
    // capitalised Latin name (Skyvault의 라이언 모리스 대표).
    const int org = first - 2;
    const std::string_view employer = Tok(org);
    const bool latin = !employer.empty() && employer[0] >= 'A' && employer[0] <= 'Z';
    const bool employer_ok =
        EmployerBefore(first) || latin ||  // (Korean text writes people in Hangul)
        (IsHangulWord(text_, tokens_[org]) && employer.size() >= 9 && !IsKoreanNameShape(org) &&
         KoreanStopwords().count(employer) == 0 && !HasVerbalEnding(employer) &&
         person_to_[org] < 0);
    if (!employer_ok) return -1;
    // Korean names are one word: a Korean full name first is followed by a
    // company, unless the next word is short (조너선 헤일) or only the
    // tagger's guess (라이언 모리스).
    if (IsKoreanFullNameShape(Tok(first)) && k == first + 1 && Tok(k).size() > 6 &&
        person_to_[first] != k && guess_from_[k] != k) {
      return -1;
    }
    return first;
  }
  return -1;
}

int Scanner::ForeignFirstWordBefore(int k) const {
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

bool Scanner::IsRareSurnameName(int k) const {
  if (k < first_ || k >= last_ || !IsHangulWord(text_, tokens_[k])) return false;
  const std::string_view w = Tok(k);
  return w.size() == 9 && IsRareKoreanSurname(w.substr(0, 3)) && !HasVerbalEnding(w) &&
         KoreanStopwords().count(w) == 0 && !LooksLikeOrgWord(w) && other_from_[k] < 0 &&
         (person_to_[k] < 0 || person_to_[k] == k);
}

int Scanner::KoreanNameTo(int k) const {
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
  // (Not a word that ends like a company: 천샤오밍 화룬정밀 총경리.)
  if (IsForeignPart(k, 5) && !LooksLikeOrgWord(Tok(k))) return ForeignFirstWordBefore(k);
  return -1;
}

int Scanner::SkipGlossBack(int k) const {
  if (k < first_ || Tok(k) != ")") return k;
  for (int j = k - 1; j >= first_ && j > k - 8; --j) {
    if (Tok(j) == "(") {
      return j - 1 >= first_ && !tokens_[j].space_before && IsHangulWord(text_, tokens_[j - 1]) ? j - 1 : k;
    }
    if (tokens_[j].kind == TokenKind::kWord && HasHangul(Tok(j))) return k;
  }
  return k;
}

int Scanner::MatchKorean(int t, int e) {
  const Span title = SpanOf(t, e);
  // A plural title names nobody (지역 중소 제조기업 대표들과).
  if (text_.substr(tokens_[e].end).starts_with("들")) return -1;
  // A division between the company and the title (염지유 동해바이오 전략담당
  // 부사장) is skipped like a modifier.
  int before = SkipModifiersBack(t - 1);
  // So is an industry noun that ends the company's name (코반티스 반도체 CEO).
  while (before > first_ && IsHangulWord(text_, tokens_[before]) && tokens_[before].space_before &&
         (IsKoreanDivisionWord(Tok(before)) || (IsIndustryNoun(Tok(before)) && org_to_[before - 1] >= 0))) {
    before = SkipModifiersBack(before - 1);
  }
  const int p = SkipGlossBack(before);
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
  // A transliterated name whose last syllable the particle splitter cut off
  // right before the title (다니엘 모+로 부사장, 엘로디 파스키+에 최고경영자):
  // no particle stands there, so it belongs to the name.
  const bool cut = tokens_[p].kind == TokenKind::kParticle && !tokens_[p].space_before &&
                   p - 1 > first_ && IsHangulWord(text_, tokens_[p - 1]) && IsCutNameEnding(Tok(p));
  if (const int name = SpacedNameAfterEmployer(cut ? p - 1 : p); name >= 0) {
    // The employer: the organisation (or the tagger's "person") ending before
    // 의, else its last word.
    const int org_first = org_to_[name - 2] >= 0    ? org_to_[name - 2]
                          : person_to_[name - 2] >= 0 ? person_to_[name - 2]
                                                      : name - 2;
    Emit(RoleForm::kFull, SpanOf(name, p), title, SpanOf(org_first, name - 2), name, e);
    return e;
  }
  // A Korean full name whose last syllable was cut, before its company (송미+란
  // 루미엘 대표): a name with a case particle would not stand there.
  if (tokens_[p].space_before && tokens_[p].kind == TokenKind::kWord && IsCutKoreanName(p - 2) &&
      !IsKoreanFullNameShape(Tok(p)) && (p - 3 < first_ || tokens_[p - 2].space_before)) {
    Emit(RoleForm::kFull, SpanOf(p - 2, p - 1), title, SpanOf(p, p), p - 2, e);
    return e;
  }
  // A Korean full name whose last syllable was cut (송미+란 대표).
  if (cut && IsCutKoreanName(p - 1) &&
      (p - 2 < first_ || !IsHangulWord(text_, tokens_[p - 2]) || tokens_[p - 1].space_before)) {
    const int org = OrgTo(p - 2, false);
    Emit(RoleForm::kFull, SpanOf(p - 1, p), title, org >= 0 ? SpanOf(org, p - 2) : Span{}, org >= 0 ? org : p - 1, e);
    return e;
  }
  if (cut && person_to_[p - 1] >= 0 && person_to_[p - 1] < p - 1) {
    Emit(RoleForm::kFull, SpanOf(person_to_[p - 1], p), title, Span{}, person_to_[p - 1], e);
    return e;
  }
  // The tagger's one-word organisation guess on a Korean full name before a
  // title (세린테크 권민서 사장) is the name, when an organisation stands
  // before it or the text also writes the short form (권 사장).
  if (guess_from_[p] == p && org_to_[p] == p && person_to_[p] < 0 && IsHangulWord(text_, tokens_[p]) &&
      IsKoreanFullNameShape(Tok(p)) && !LooksLikeOrgWord(Tok(p)) && !IsIndustryNoun(Tok(p)) &&
      KoreanStopwords().count(Tok(p)) == 0 && !HasVerbalEnding(Tok(p))) {
    const int org = OrgTo(p - 1, false);
    std::string short_form(Tok(p).substr(0, 3));
    short_form.append(" ").append(text_.substr(tokens_[t].begin, tokens_[t].end - tokens_[t].begin));
    if (org >= 0 || text_.find(short_form) != std::string_view::npos) {
      Emit(RoleForm::kFull, SpanOf(p, p), title, org >= 0 ? SpanOf(org, p - 1) : Span{}, org >= 0 ? org : p, e);
      return e;
    }
  }
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
  // A posting before the country (잉그리드 솔방 주한 노르웨이 대사: "Norway's
  // ambassador to Korea") belongs to the organisation, not to the name.
  static constexpr std::string_view kPostings[] = {"주한", "주미", "주일", "주중", "주영",
                                                   "주독", "주불", "주러", "주유엔"};
  if (org - 1 > first_ && std::find(std::begin(kPostings), std::end(kPostings), Tok(org - 1)) != std::end(kPostings)) {
    --org;
  }
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
  // The tagger may have run a Chinese or Vietnamese name into the company
  // (응우옌티호아 사이공텍스 as one organisation): the first word is the name.
  if (org < p && guess_from_[org] == p && IsHangulWord(text_, tokens_[org]) &&
      LooksLikeChineseName(Tok(org))) {
    Emit(RoleForm::kFull, SpanOf(org, org), title, SpanOf(org + 1, p), org, e);
    return e;
  }
  // A country or city between the name and the company (야마구치 겐타 일본
  // 쓰바메홀딩스 사장): the name ends before it.
  if (org - 2 >= first_ && place_at_[org - 1] && IsHangulWord(text_, tokens_[org - 1]) &&
      tokens_[org - 1].space_before) {
    const int before_place = KoreanNameTo(org - 2);
    if (before_place >= 0 && before_place < org - 2) {
      Emit(RoleForm::kFull, SpanOf(before_place, org - 2), title, SpanOf(org, p), before_place, e);
      return e;
    }
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
  // A foreign given name and a one-syllable Korean surname (제이슨 박 Lumora
  // CEO, 데이비드 김 대표): the surname alone is no name.
  if ((name < 0 || name == org - 1) && org - 2 >= first_ && Tok(org - 1).size() == 3 &&
      IsHangulWord(text_, tokens_[org - 1]) && IsKoreanSurname(Tok(org - 1)) &&
      tokens_[org - 1].space_before && tokens_[org - 2].space_before && IsForeignPart(org - 2, 4) &&
      !IsKoreanNameShape(org - 2) && Tok(org - 2).size() >= 6 && !HasVerbalEnding(Tok(org - 2)) &&
      !IsKoreanLeadInWord(Tok(org - 2)) && (person_to_[org - 2] < 0 || person_to_[org - 2] == org - 2)) {
    name = org - 2;
  }
  const bool rare = (name < 0 || name == org - 1) && IsRareSurnameName(org - 1);
  if (rare) name = org - 1;
  // A one-word name here must look Korean: the tagger alone is not enough
  // ("반도체·전자 산업 CEO" names nobody).
  if (name == org - 1 && !rare && !IsKoreanNameShape(name) &&
      !(name >= first_ && IsHangulWord(text_, tokens_[name]) && LooksLikeChineseName(Tok(name)))) {
    name = -1;
  }
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

}  // namespace tg::extract::pattern_scan
