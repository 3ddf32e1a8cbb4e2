#pragma once
// Text analysis for English and Korean: sentence splitting and tokenization
// with byte offsets into the clean text. Korean words (eojeol) are split into
// stem and particle tokens (이재용 회장은 -> 이재용 / 회장 / 은;
// 실리콘밸리에서 -> 실리콘밸리 / 에서), using the particle table in
// text/korean_particles.h. Pure functions; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

namespace tg::text {

enum class TokenKind : uint8_t {
  kWord,      // letters (any script), possibly with inner apostrophes, hyphens or dots (U.S., Jae-yong)
  kNumber,    // digits, possibly with , . separators (1,380 / 3.1)
  kParticle,  // a Korean particle split off the stem before it
  kPunct,     // one punctuation character ("", ', (, ), ., ,, …, ·)
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
  uint32_t begin = 0;        // byte span of the sentence
  uint32_t end = 0;
  uint32_t first_token = 0;  // index range [first_token, last_token) into Analysis::tokens
  uint32_t last_token = 0;
};

struct Analysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;  // cover every token, in order
};

// Tokenizes `text` and splits it into sentences. A newline always ends a
// sentence (clean text has one paragraph per line); inside a line, sentences
// end at . ? ! 。 (and Korean 다. 요.) followed by space or a closing quote,
// except after abbreviations (Mr. Dr. St. Corp. Inc. Co. Ltd. U.S. Oct. No.
// initials like "C.C."). Korean particles are split off Hangul words.
Analysis Analyze(std::string_view text);

}  // namespace tg::text
