#pragma once
// Finders of person names the tagger misses or cuts, run on the whole text
// after the tagger and the role patterns: foreign names written in Hangul
// (two words before a company and a title, family-first names, Chinese names
// run together) and Korean names in Latin letters. Pure functions; thread-safe.
#include <string_view>
#include <vector>

#include "extract/entity.h"
#include "text/tokenize.h"

namespace tg::extract {

// Korean news writes a foreign name as two Hangul words before the company
// and the title ("델리아 해로 아크웰반도체 CEO"), and later the surname with
// the title alone ("해로 CEO는"). Finds such names, confirmed by that
// surname + title elsewhere in the text, where nothing but a tagger person
// inside them claims the two words; appends PERSON and ORG mentions.
void FindKoreanForeignNames(std::string_view text, const text::Analysis& analysis,
                            std::vector<Mention>* mentions);

// Korean names in Latin letters have a hyphenated given name ("Oh
// Byung-chul", "Seung-hwan Yoo"): a short capitalised word next to a
// capitalised "Xxx-xxx" word is a person. Appends PERSON mentions where no
// mention other than a tagger guess claims the two words.
void FindRomanizedKoreanNames(std::string_view text, const text::Analysis& analysis,
                              std::vector<Mention>* mentions);

// Western names with a lower-case particle ("Pieter van Aalst", "Ana de la
// Cruz", "Ursula von Brandt"): a capitalised word, one or two particles and a
// capitalised surname are a person when a title stands next to them, the
// tagger saw a person in them, or "particle Surname" recurs alone. Appends
// PERSON mentions where nothing but a tagger guess claims the words.
void FindParticleNames(std::string_view text, const text::Analysis& analysis,
                       std::vector<Mention>* mentions);

// English names the tagger left untouched: a known given name (given_names.h)
// followed by one or two capitalised surname words ("Rosalind Achebe took
// over"), where no mention claims any of the words and the capitalised run
// is no longer than three words. Appends PERSON mentions.
void FindGivenNameNames(std::string_view text, const text::Analysis& analysis,
                        std::vector<Mention>* mentions);

// Korean titles glued to an association's or a region's name (문태섭
// 한국반도체장비협회장, 김철수 중소기업중앙회장, 김도현 경기도지사, 박서연
// 부산시장): a Korean full name before a word ending in 협회장, 연합회장,
// 협의회장, 중앙회장, 학회장, 조합장, 지사, 시장, 군수, 구청장 or 교육감 is a
// person. Appends PERSON
// mentions where no mention other than a tagger guess claims the name.
void FindGluedTitleNames(std::string_view text, const text::Analysis& analysis,
                         std::vector<Mention>* mentions);

// Foreign names in Hangul led by a listed foreign given name (자비네 콜베) or
// Japanese family name (이토 신이치, whose given name may look Korean): the
// tagger's person or organisation that starts at the second word, or covers
// only the first, is stretched over both words (a company after them is
// split off later); with no tagger mention there, a PERSON guess is added.
// Run on the tagger's mentions, before RepairTaggerMentions.
void ExtendHangulForeignNames(std::string_view text, const text::Analysis& analysis,
                              std::vector<Mention>* mentions);

}  // namespace tg::extract
