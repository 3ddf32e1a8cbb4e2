#pragma once
// Repairs for the statistical tagger's usual mistakes on business news, from
// the shape of names and of the words around them (never from a list of
// particular people): titles inside a name ("Hanbit Group Chairman Park"),
// an organisation glued to a Korean name before its title ("빅터 램 루메나르
// CEO"), a romanised surname left out ("Park [Do-hyun]"), company names
// taken for people ("Arin Telecom"), verbs and country prefixes caught in a
// Korean name ("따르면 프라이스", "로라 켐프 미 상무장관"), and capitalised
// headline words. Pure functions; thread-safe.
#include <string_view>
#include <vector>

#include "extract/entity.h"
#include "text/tokenize.h"

namespace tg::extract {

// Rewrites the tagger's mentions in place: drops the implausible ones, moves
// boundaries, retypes, and appends the organisations split off person names.
void RepairTaggerMentions(std::string_view text, const text::Analysis& analysis,
                          std::vector<Mention>* mentions);

// True for whole Hangul words that stand right before a name without being
// part of it: verb forms that take an object (찾아, 만나, 맞아, 방문해),
// postpositions (통해, 위해, 따라) and adverbs (대신, 다시, 함께).
bool IsKoreanLeadInWord(std::string_view word);

// True when `word` looks like a Chinese name written run together in Hangul
// (쑹리펑, 궈원하이, 저우밍위안): three or four syllables led by the Hangul
// transcription of a common Chinese surname that is not also a Korean one.
bool LooksLikeChineseName(std::string_view word);

// True when `word` ends like a company name: English "Electronics",
// "Telecom", "Motors", "Labs", "Group", "Inc." ...; Korean 전자, 텔레콤,
// 모터스, 랩스, 그룹, 반도체, 에너지 ... as the end of the word.
bool LooksLikeOrgWord(std::string_view word);

// True when a Hangul word is itself one of those company endings, as a
// common noun of an industry (반도체, 에너지, 자동차, 통신).
bool IsIndustryNoun(std::string_view word);

// Korean division and function nouns written between a name and a title
// (사업개발, 해외영업, 경영전략, 기술총괄 부사장): no name and no company.
bool IsKoreanDivisionWord(std::string_view word);

// True when `unit` is a time unit that `before` makes a time ("다음 주",
// "지난 달", "그 해"): no name, though 주 and 해 can be surnames.
bool IsKoreanTimeUnitAfter(std::string_view unit, std::string_view before);

// A capitalised name word: a capital, then lower-case letters, hyphens or
// apostrophes, a capital after an apostrophe ("Achebe", "Smith-Jones",
// "O'Neill"); at least two letters.
bool IsSurnameShape(std::string_view word);

// "Sofia Marchetti", "Quincy Lattimore": two or three words, the first a known
// given name (given_names.h), the others capitalised surname words that are
// no organisation or place words. The tagger's ORG or PLACE guesses of this
// shape are people.
bool LooksLikeGivenNameLedPerson(std::string_view name);

// True when every code point of a non-empty word is a Hangul syllable.
bool IsAllHangul(std::string_view word);

// English month names ("April") and the words before a month that make it a
// date ("in", "early", "since").
bool IsEnglishMonthName(std::string_view word);
bool IsEnglishTimePreposition(std::string_view word);

// True when a Hangul word ends like a clause (따르면, 밝혔다, 만나고) or an
// adnominal form (출국한, 선임된), never like a name.
bool EndsLikeKoreanClause(std::string_view word);

}  // namespace tg::extract
