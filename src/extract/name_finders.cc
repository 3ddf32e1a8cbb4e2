// Name finders (name_finders.h). They work on eojeol (space-separated words)
// where the particle splitter may have cut a transliterated name, and never
// override what the knowledge base or a pattern placed.
#include "extract/name_finders.h"

#include <algorithm>

#include "core/utf8.h"
#include "extract/given_names.h"
#include "extract/mention_rules.h"
#include "extract/pattern_scanner.h"
#include "extract/titles.h"

namespace tg::extract {
namespace {

using text::Token;
using text::TokenKind;

size_t SyllablesOf(std::string_view w) { return w.size() / 3; }

// Token i is a capitalised name word (IsSurnameShape) that is no title, month
// or organisation word.
bool IsNameWordAt(std::string_view text, const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::kWord) return false;
  const std::string_view w = tokens[i].In(text);
  return IsSurnameShape(w) && LookupTitle(text, tokens[i].begin).length == 0 &&
         !IsEnglishMonthName(w) && !LooksLikeOrgWord(w);
}

// A PERSON mention the finders add over [begin, end).
Mention PatternPerson(uint32_t begin, uint32_t end, float score) {
  Mention person;
  person.begin = begin;
  person.end = end;
  person.type = EntityType::kPerson;
  person.sources = kFromPattern;
  person.score = score;
  return person;
}

}  // namespace

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
          SyllablesOf(span(given)) < 2 || family_word.ends_with("서") || family_word.ends_with("에") ||
          LookupTitle(text, given.begin).length > 0 || LookupTitle(text, family.begin).length > 0 ||
          tokens[given.first + 1 < tokens.size() ? given.first + 1 : given.first].kind ==
              TokenKind::kParticle ||
          SyllablesOf(span(family)) == 3) {
        continue;
      }
    }
    if (claimed(given.begin, family.end)) continue;
    bool clause = IsKoreanLeadInWord(span(given));
    clause |= EndsLikeKoreanClause(span(given));
    clause |= pattern_scan::KoreanStopwords().count(span(given)) != 0;  // 방한 기간 설다인
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
      for (std::string_view e : {"인", "은", "는", "의"}) copula |= span(given).ends_with(e);
      if (tagged_alone || copula) continue;
    }
    const Mention person = PatternPerson(given.begin, family.end, 0.7f);
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
    clause |= EndsLikeKoreanClause(wa) && SyllablesOf(wa) >= 2;
    if (clause) continue;
    if (claimed(a.begin, b.end)) continue;
    found.push_back(PatternPerson(a.begin, b.end, 0.7f));
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
    found.push_back(PatternPerson(name.begin, name.end, 0.95f));
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
    if (space == std::string_view::npos || !IsAllHangul(name.substr(0, space))) continue;
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
    return LookupTitle(text, t.begin).length == 0 && !IsEnglishMonthName(w) && !IsEnglishTimePreposition(w);
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
          // A tagger person running past the name ("Energy Han Jeong-woo"
          // after "Minister of Trade, Industry and") yields to it.
          !(m.sources == kFromTagger &&
            (m.type != EntityType::kPerson || m.begin < a.begin || m.end > b.end)) &&
          !(m.type == EntityType::kPerson && m.begin == a.begin && m.end == b.end)) {
        claimed = true;
      }
    }
    if (claimed) continue;
    found.push_back(PatternPerson(a.begin, b.end, 0.8f));
    ++i;
  }
  mentions->insert(mentions->end(), found.begin(), found.end());
}

void FindParticleNames(std::string_view text, const text::Analysis& analysis,
                       std::vector<Mention>* mentions) {
  static constexpr std::string_view kParticles[] = {
      "van", "von", "de", "der", "den", "da", "di", "del", "della", "dos", "das",
      "du", "la", "le", "ter", "ten", "bin", "al", "el", "zu", "af"};
  const std::vector<Token>& tokens = analysis.tokens;
  const auto is_particle = [&](size_t i) {
    return i < tokens.size() && tokens[i].space_before &&
           std::find(std::begin(kParticles), std::end(kParticles), tokens[i].In(text)) !=
               std::end(kParticles);
  };
  const auto capitalised = [&](size_t i) { return IsNameWordAt(text, tokens, i); };
  // A title within a few tokens after a comma, or right before the name.
  const auto titled = [&](size_t first, size_t last) {
    if (first > 0 && LookupTitle(text, tokens[first - 1].begin).length > 0) return true;
    if (last + 1 < tokens.size() && tokens[last + 1].In(text) == ",") {
      for (size_t k = last + 2; k < tokens.size() && k < last + 6; ++k) {
        if (LookupTitle(text, tokens[k].begin).length > 0) return true;
      }
    }
    return false;
  };
  std::vector<Mention> found;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    // The first word: a known given name, or one the tagger put in a person
    // ("Later van Dijk" is no name).
    if (!capitalised(i) || !is_particle(i + 1)) continue;
    size_t last = is_particle(i + 2) ? i + 3 : i + 2;
    if (!capitalised(last) || !tokens[last].space_before) continue;
    const uint32_t begin = tokens[i].begin, end = tokens[last].end;
    const std::string_view tail = text.substr(tokens[i + 1].begin, end - tokens[i + 1].begin);
    bool tagger_person = false, claimed = false;
    for (const Mention& m : *mentions) {
      if (begin >= m.end || m.begin >= end) continue;
      if (m.type == EntityType::kPerson) {
        // (Only when it covers the first word: "Later [van Dijk]" is no name.)
        tagger_person |= m.begin <= begin && begin < m.end;
        claimed |= m.sources != kFromTagger;
      } else {
        claimed |= m.sources != kFromTagger;
      }
    }
    if (claimed) continue;
    // "particle Surname" again on its own (", van Aalst and ...").
    bool recurs = false;
    for (size_t at = text.find(tail); at != std::string_view::npos && !recurs;
         at = text.find(tail, at + 1)) {
      recurs = at != tokens[i + 1].begin && at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\n');
    }
    if (!tagger_person && !IsKnownGivenName(tokens[i].In(text))) continue;
    if (!tagger_person && !recurs && !titled(i, last)) continue;
    found.push_back(PatternPerson(begin, end, 0.8f));
    i = last;
  }
  mentions->insert(mentions->end(), found.begin(), found.end());
}

void FindGivenNameNames(std::string_view text, const text::Analysis& analysis,
                        std::vector<Mention>* mentions) {
  const std::vector<Token>& tokens = analysis.tokens;
  // A surname word, spaced from the word before ("Achebe", "O'Neill").
  const auto surname = [&](size_t i) {
    return i < tokens.size() && tokens[i].space_before && IsNameWordAt(text, tokens, i);
  };
  const auto capitalised = [&](size_t i) {
    if (i >= tokens.size() || tokens[i].kind != TokenKind::kWord) return false;
    const char c = tokens[i].In(text)[0];
    return c >= 'A' && c <= 'Z';
  };
  std::vector<Mention> found;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kWord || !IsKnownGivenName(tokens[i].In(text))) continue;
    // The whole capitalised run: a name of two or three words, not the tail
    // of a longer name or a company ("Morgan Stanley Capital Group").
    if (i > 0 && capitalised(i - 1) && tokens[i].space_before &&
        tokens[i - 1].end + 1 == tokens[i].begin) {
      continue;
    }
    size_t end = i + 1;
    while (end < tokens.size() && end < i + 3 && surname(end)) ++end;
    if (end == i + 1 || capitalised(end)) continue;
    const uint32_t begin = tokens[i].begin, stop = tokens[end - 1].end;
    bool claimed = false;
    for (const Mention& m : *mentions) claimed |= begin < m.end && m.begin < stop;
    if (claimed) continue;
    found.push_back(PatternPerson(begin, stop, 0.7f));
    i = end - 1;
  }
  mentions->insert(mentions->end(), found.begin(), found.end());
}

void FindGluedTitleNames(std::string_view text, const text::Analysis& analysis,
                         std::vector<Mention>* mentions) {
  // Heads of associations, and of regions and cities (경기도지사, 부산시장, 충남지사).
  static constexpr std::string_view kGlued[] = {"협회장", "연합회장", "협의회장", "중앙회장",
                                                "학회장", "조합장", "연구원장", "재단이사장",
                                                "지사", "시장", "군수", "구청장", "교육감"};
  const std::vector<Token>& tokens = analysis.tokens;
  std::vector<Mention> found;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& name = tokens[i];
    const Token& next = tokens[i + 1];
    if (name.script != text::Script::kHangul || name.kind != TokenKind::kWord || !next.space_before ||
        next.kind != TokenKind::kWord || !IsKoreanFullNameShape(name.In(text))) {
      continue;
    }
    const std::string_view w = next.In(text);
    bool glued = false;
    for (std::string_view g : kGlued) glued |= w.size() > g.size() + 3 && w.ends_with(g);
    if (!glued) continue;
    bool claimed = false;
    for (const Mention& m : *mentions) {
      claimed |= name.begin < m.end && m.begin < name.end &&
                 !(m.sources == kFromTagger || (m.type == EntityType::kPerson && m.begin == name.begin &&
                                                m.end == name.end));
    }
    if (claimed) continue;
    found.push_back(PatternPerson(name.begin, name.end, 0.8f));
  }
  mentions->insert(mentions->end(), found.begin(), found.end());
}

void ExtendHangulForeignNames(std::string_view text, const text::Analysis& analysis,
                              std::vector<Mention>* mentions) {
  const std::vector<Token>& tokens = analysis.tokens;
  const auto hangul_word = [&](size_t i) {
    return i < tokens.size() && tokens[i].kind == TokenKind::kWord && tokens[i].script == text::Script::kHangul;
  };
  std::vector<Mention> added;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!hangul_word(i)) continue;
    // The first word stands on its own: not glued to the word before it.
    if (i > 0 && !tokens[i].space_before && tokens[i - 1].kind == TokenKind::kWord) continue;
    // (The particle splitter may have cut its last syllable off: 시마부쿠+로.)
    size_t next = i + 1;
    if (tokens[next].kind == TokenKind::kParticle && !tokens[next].space_before) ++next;
    const std::string_view first = text.substr(tokens[i].begin, tokens[next - 1].end - tokens[i].begin);
    if (!hangul_word(next) || !tokens[next].space_before) continue;
    const bool japanese = IsHangulJapaneseSurname(first);
    if (!japanese && !IsHangulForeignGivenName(first)) continue;
    const Token& second = tokens[next];
    std::string_view w = second.In(text);
    uint32_t end = second.end;
    // A title at token k, or one word later (a company between).
    const auto title_at = [&](size_t k) {
      return k < tokens.size() && tokens[k].space_before && LookupTitle(text, tokens[k].begin).length != 0;
    };
    const auto title_soon = [&](size_t k) {
      return title_at(k) || (k < tokens.size() && tokens[k].space_before && tokens[k].kind == TokenKind::kWord &&
                             title_at(k + 1));
    };
    // A one-syllable family name whose last syllable the splitter cut off
    // (뒤+랑 of 피에르 뒤랑) when a title, or a word and a title, follow.
    if (w.size() == 3 && next + 2 < tokens.size() && tokens[next + 1].kind == TokenKind::kParticle &&
        !tokens[next + 1].space_before && title_soon(next + 2)) {
      end = tokens[next + 1].end;
      w = text.substr(second.begin, end - second.begin);
    }
    const size_t syllables = CountCodePoints(w);
    // (A one-syllable Japanese given name, 오카다 쇼, only before a title or a
    // company and a title.)
    const bool short_ok = japanese && syllables == 1 && end == second.end && title_soon(next + 1);
    if ((syllables < 2 && !short_ok) || syllables > (japanese ? 3u : 6u) || pattern_scan::HasVerbalEnding(w) ||
        pattern_scan::KoreanStopwords().count(w) != 0 || LooksLikeOrgWord(w) || IsIndustryNoun(w) ||
        IsKoreanLeadInWord(w) || LookupTitle(text, second.begin).length != 0) {
      continue;
    }
    const uint32_t begin = tokens[i].begin;
    bool done = false, clash = false;
    for (Mention& m : *mentions) {
      if (m.end <= begin || m.begin >= end) continue;
      if (m.sources != kFromTagger) {
        clash = true;
        continue;
      }
      if (m.begin == second.begin && (m.type == EntityType::kPerson || m.type == EntityType::kOrg)) {
        m.begin = begin;  // the tagger's name (or name and company) left out the first word
        m.type = EntityType::kPerson;
        done = true;
      } else if (m.begin == begin && m.end == tokens[next - 1].end) {
        m.end = end;  // only the first word
        m.type = EntityType::kPerson;
        done = true;
      } else if (m.begin < begin || m.begin > second.begin) {
        clash = true;
      }
    }
    if (done || clash) continue;
    Mention m;
    m.begin = begin;
    m.end = end;
    m.type = EntityType::kPerson;
    m.sources = kFromTagger;
    m.score = 0.6f;
    added.push_back(m);
  }
  mentions->insert(mentions->end(), added.begin(), added.end());
}

}  // namespace tg::extract
