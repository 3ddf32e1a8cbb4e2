#pragma once
// Text analysis for English and Korean: sentence splitting and tokenization
// with byte offsets into the clean text. Korean words (eojeol) are split into
// stem and particle tokens (이재용 회장은 -> 이재용 / 회장 / 은;
// 실리콘밸리에서 -> 실리콘밸리 / 에서), using the particle table in
// text/korean_particles.h. Pure functions; thread-safe.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tg::text {

enum class TokenKind : uint8_t {
  kWord,      // letters (any script), possibly with inner apostrophes, hyphens or
              // dots (U.S., Jae-yong)
  kNumber,    // digits, possibly with , . separators (1,380 / 3.1)
  kParticle,  // a Korean particle split off the stem before it
  kPunct,     // one punctuation character ("", ', (, ), ., ,, …, ·), or a run of
              // periods (...)
  kSymbol,    // anything else (%, $, €, emoji)
};

enum class Script : uint8_t { kNone, kLatin, kHangul, kHan, kOther };

struct Token {
  uint32_t begin = 0;  // byte offsets into the analysed text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  Script script = Script::kNone;
  bool space_before = false;  // white space (or the text start) precedes this token
  uint32_t size() const { return end - begin; }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
};

struct Sentence {
  uint32_t begin = 0;  // byte span of the sentence
  uint32_t end = 0;
  uint32_t first_token = 0;  // index range [first_token, last_token) into Analysis::tokens
  uint32_t last_token = 0;
};

struct Analysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;  // cover every token, in order
};

// Tokenizes `text` and splits it into sentences.
// Tokens: digits join Latin letters ("3M", "HBM4", "10th") but not Hangul
// ("13일" -> 13 / 일); Latin and Hangul join (SK하이닉스, 삼성SDI) and a
// trailing particle is split off (LG는 -> LG / 는); predicates stay whole
// (만났다). Listed abbreviations and initials keep their period ("Mr.",
// "U.S.", "Y."); a possessive 's / ’s is its own kWord token; a hyphen joins
// a word unless a capitalised word or -based/-led follows (Jae-yong,
// state-run, but Korea / - / Japan, Seoul / - / based).
// Sentences: a newline always ends one (clean text has one paragraph per
// line); inside a line, a sentence ends at . ? ! … 。 followed by white space
// (closing quotes and brackets stay with it), or at a period glued to the
// next Korean word (했다.그러나); not before a lower-case word, and not after
// abbreviations (Mr. Dr. St. Corp. Inc. Co. Ltd. U.S. Oct. No. initials like
// "C.C."), except that Inc. / U.S. / Oct. ... end one before a typical
// opener ("The", "He"). Sentence spans run from the first token's begin to
// the last token's end.
Analysis Analyze(std::string_view text);

// The index of the token that starts (ends) exactly at byte `offset`, or -1.
// `tokens` are in text order, as Analyze returns them.
inline int TokenStartingAt(const std::vector<Token>& tokens, uint32_t offset) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& t, uint32_t b) { return t.begin < b; });
  return it != tokens.end() && it->begin == offset ? static_cast<int>(it - tokens.begin()) : -1;
}
inline int TokenEndingAt(const std::vector<Token>& tokens, uint32_t offset) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                             [](const Token& t, uint32_t e) { return t.end < e; });
  return it != tokens.end() && it->end == offset ? static_cast<int>(it - tokens.begin()) : -1;
}

// True for the code points Analyze skips between tokens: white space, line
// breaks, other control characters, U+200B and the byte-order mark. Every
// other byte of the text lies inside exactly one token.
bool IsTokenSeparator(char32_t cp);

}  // namespace tg::text
