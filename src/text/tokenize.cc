// Tokenizer and sentence splitter: one forward pass over the bytes.
//
// Tokens are found by a small state machine over code points, with an ASCII
// fast path; Korean particles are split off Hangul words with the generated
// particle table (text/korean_particles.h). Sentence boundaries are decided
// while tokens are emitted: a terminal mark (. ? ! … 。) leaves a pending end
// that the next token confirms or cancels (closing quotes join the sentence,
// a lower-case word or a title abbreviation cancels it). Choices:
//  - Digits and Hangul split ("13일" -> 13 / 일, "2분기에" -> 2 / 분기 / 에),
//  so
//    counters and particles are their own tokens; digits and Latin letters
//    join ("3M", "5G", "A380", "10th").
//  - Latin and Hangul join (SK하이닉스, 삼성SDI, AI용); a trailing particle is
//    split off (SK하이닉스는 -> SK하이닉스 / 는, LG는 -> LG / 는).
//  - Verb endings are not split: 만났다 stays one token.
//  - Known abbreviations and initials keep their period (Mr. Inc. U.S. Y.).
//  - A possessive 's / ’s is its own token (Zuckerberg's -> Zuckerberg / 's).
#include "text/tokenize.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/english_abbrevs.h"
#include "text/korean_particles.h"
#include "text/token_chars.h"

namespace tg::text {
namespace {

using abbrevs::AbbrevClass;
using token_chars::At;
using token_chars::Cls;
using token_chars::CodePoint;
using token_chars::IsAsciiAlpha;
using token_chars::IsAsciiDigit;
using token_chars::IsAsciiLower;
using token_chars::IsAsciiUpper;
using token_chars::IsCloser;
using token_chars::IsHangulSyllable;
using token_chars::IsLetter;

enum class Pending : uint8_t { kNone, kHard, kPeriod, kEllipsis, kAbbrev };

class Analyzer {
 public:
  explicit Analyzer(std::string_view text) : text_(text), n_(text.size()) {
    out_.tokens.reserve(n_ / 4 + 8);
    out_.sentences.reserve(n_ / 80 + 2);
  }

  Analysis Run() {
    size_t pos = 0;
    while (pos < n_) {
      const CodePoint c = At(text_, pos);
      switch (c.cls) {
        case Cls::kNewline:
          newline_ = true;
          [[fallthrough]];
        case Cls::kSpace:
          space_before_ = true;
          pos += c.len;
          break;
        case Cls::kLatin:
        case Cls::kHangul:
        case Cls::kHan:
        case Cls::kOtherLetter:
        case Cls::kDigit:
          pos = ScanWord(pos);
          break;
        case Cls::kPunct:
          pos = ScanPunct(pos, c);
          break;
        case Cls::kJoin:
          if (!space_before_ && !out_.tokens.empty() && out_.tokens.back().end == pos) {
            out_.tokens.back().end += c.len;  // a mark or joiner after punctuation
            pos += c.len;
            break;
          }
          [[fallthrough]];
        case Cls::kSymbol:
          pos = ScanSymbol(pos, c);
          break;
      }
    }
    CloseSentence();
    return std::move(out_);
  }

 private:
  // Appends a token, first closing the current sentence when the token
  // confirms a pending end (or follows a newline).
  void Emit(uint32_t begin, uint32_t end, TokenKind kind, Script script, bool closer = false) {
    Token t;
    t.begin = begin;
    t.end = end;
    t.kind = kind;
    t.script = script;
    t.space_before = space_before_;
    if (!out_.tokens.empty()) {
      if (newline_) {
        CloseSentence();
      } else if (pending_ != Pending::kNone) {
        if (closer && !t.space_before) {
          pending_closer_ = true;
          AppendToken(t);
          return;
        }
        if (EndsBefore(t)) CloseSentence();
      }
    }
    pending_ = Pending::kNone;
    AppendToken(t);
  }

  void AppendToken(const Token& t) {
    out_.tokens.push_back(t);
    newline_ = false;
    space_before_ = false;
  }

  void SetPending(Pending p, AbbrevClass abbrev = AbbrevClass::kNone) {
    pending_ = p;
    pending_abbrev_ = abbrev;
    pending_closer_ = false;
    // A period glued to a Hangul syllable (했다.그러나) may end a sentence
    // even without a following space.
    const Token& t = out_.tokens.back();
    pending_after_hangul_ = t.begin >= 3 && out_.tokens.size() >= 2 &&
                            out_.tokens[out_.tokens.size() - 2].end == t.begin &&
                            IsHangulSyllable(At(text_, t.begin - 3).cp);
  }

  // Whether token `t` (not a glued closer) starts a new sentence after the
  // pending terminal mark.
  bool EndsBefore(const Token& t) const {
    const char first = text_[t.begin];
    if (!t.space_before) {
      // Glued: "했다.그러나" ends; "3.a", "다.\"라고" do not.
      return !pending_closer_ && pending_after_hangul_ &&
             (pending_ == Pending::kPeriod || pending_ == Pending::kHard) &&
             t.kind == TokenKind::kWord && t.script == Script::kHangul;
    }
    if (IsAsciiLower(first)) return false;  // "Really?" he asked.
    switch (pending_) {
      case Pending::kHard:
      case Pending::kPeriod:
        return true;
      case Pending::kEllipsis:
        return IsAsciiUpper(first);
      case Pending::kAbbrev: {
        if (pending_abbrev_ != AbbrevClass::kMayEnd) return false;
        return abbrevs::IsSentenceOpener(t.In(text_));
      }
      case Pending::kNone:
        return false;
    }
    return false;
  }

  void CloseSentence() {
    const auto count = static_cast<uint32_t>(out_.tokens.size());
    if (count > sentence_first_) {
      Sentence s;
      s.begin = out_.tokens[sentence_first_].begin;
      s.end = out_.tokens[count - 1].end;
      s.first_token = sentence_first_;
      s.last_token = count;
      out_.sentences.push_back(s);
      sentence_first_ = count;
    }
    pending_ = Pending::kNone;
  }

  // "U.S.", "a.m.", "C.C.": single letters each followed by a period, at
  // least two. Returns the end, or `pos` when there is none.
  size_t MatchInitialism(size_t pos) const {
    size_t p = pos;
    int groups = 0;
    while (p + 1 < n_ && IsAsciiAlpha(text_[p]) && text_[p + 1] == '.') {
      // The letter must not continue a word ("Inc." is not an initialism).
      if (p > pos && IsAsciiAlpha(text_[p - 1])) break;
      p += 2;
      ++groups;
      if (p < n_ && IsAsciiAlpha(text_[p]) && p + 1 < n_ && IsAsciiAlpha(text_[p + 1])) break;
    }
    if (groups < 2) return pos;
    // Back off when the last group is followed by more letters ("U.S.based"
    // stays "U.S." + ...); the groups so far are complete.
    return p;
  }

  size_t ScanWord(size_t begin) {
    if (IsAsciiAlpha(text_[begin])) {
      const size_t end = MatchInitialism(begin);
      if (end != begin) {
        Emit(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), TokenKind::kWord,
             Script::kLatin);
        const std::string_view word = text_.substr(begin, end - begin);
        SetPending(Pending::kAbbrev, abbrevs::InitialismClass(word));
        return end;
      }
    }
    bool has_latin = false, has_hangul = false, has_han = false, has_other = false;
    bool all_ascii_alpha = true;
    Cls prev = Cls::kSpace;     // class of the last letter or digit
    size_t hangul_run = begin;  // start of the trailing Hangul run
    size_t p = begin;
    while (p < n_) {
      const CodePoint c = At(text_, p);
      if (IsLetter(c.cls) || c.cls == Cls::kDigit) {
        if ((prev == Cls::kDigit && c.cls == Cls::kHangul) ||
            (prev == Cls::kHangul && c.cls == Cls::kDigit)) {
          break;
        }
        if (c.cls == Cls::kHangul) {
          if (prev != Cls::kHangul) hangul_run = p;
          has_hangul = true;
        } else if (c.cls == Cls::kLatin) {
          has_latin = true;
        } else if (c.cls == Cls::kHan) {
          has_han = true;
        } else if (c.cls == Cls::kOtherLetter) {
          has_other = true;
        }
        if (c.len != 1 || c.cls != Cls::kLatin) all_ascii_alpha = false;
        prev = c.cls;
        p += c.len;
        continue;
      }
      if (c.cls == Cls::kJoin) {
        all_ascii_alpha = false;
        p += c.len;
        continue;
      }
      const size_t inner = InnerConnector(begin, p, c, prev);
      if (inner == 0) break;
      all_ascii_alpha = false;
      p += inner;
    }
    const auto b = static_cast<uint32_t>(begin);
    auto e = static_cast<uint32_t>(p);
    const bool has_letter = has_latin || has_hangul || has_han || has_other;
    if (!has_letter) {
      Emit(b, e, TokenKind::kNumber, Script::kNone);
      return p;
    }
    const Script script = has_hangul  ? Script::kHangul
                          : has_han   ? Script::kHan
                          : has_latin ? Script::kLatin
                                      : Script::kOther;
    if (prev == Cls::kHangul) {
      EmitHangulWord(b, e, hangul_run, script);
      return p;
    }
    // A period-final abbreviation keeps its period.
    if (all_ascii_alpha && p < n_ && text_[p] == '.' && e - b <= 6) {
      AbbrevClass cls = abbrevs::LookupAbbrev(text_.substr(b, e - b));
      if (cls == AbbrevClass::kNumeric) {
        cls = (p + 2 < n_ && text_[p + 1] == ' ' && IsAsciiDigit(text_[p + 2]))
                  ? AbbrevClass::kNever
                  : AbbrevClass::kNone;
      }
      if (cls != AbbrevClass::kNone) {
        Emit(b, e + 1, TokenKind::kWord, Script::kLatin);
        SetPending(Pending::kAbbrev, cls);
        return p + 1;
      }
    }
    Emit(b, e, TokenKind::kWord, script);
    // Possessive 's / ’s as its own token.
    if (prev == Cls::kLatin && p < n_) {
      size_t q = p;
      if (text_[q] == '\'') {
        q += 1;
      } else if (text_.compare(q, 3, "\xE2\x80\x99") == 0) {
        q += 3;
      } else {
        return p;
      }
      if (q < n_ && (text_[q] == 's' || text_[q] == 'S') &&
          (q + 1 >= n_ || !(IsLetter(At(text_, q + 1).cls) || IsAsciiDigit(text_[q + 1])))) {
        Emit(static_cast<uint32_t>(p), static_cast<uint32_t>(q + 1), TokenKind::kWord,
             Script::kLatin);
        return q + 1;
      }
    }
    return p;
  }

  // Bytes of a connector at `p` that stays inside the word begun at `begin`
  // (1,380 / 3.1 / Jae-yong / O'Neill / AT&T / Amazon.com), or 0.
  size_t InnerConnector(size_t begin, size_t p, const CodePoint& c, Cls prev) const {
    if (c.cls != Cls::kPunct && c.cls != Cls::kSymbol) return 0;
    if (prev == Cls::kSpace) return 0;
    const size_t q = p + c.len;
    if (q >= n_) return 0;
    const CodePoint next = At(text_, q);
    const bool next_letter = IsLetter(next.cls);
    const bool next_digit = next.cls == Cls::kDigit;
    switch (c.cp) {
      case ',':
        // Thousands: digits , exactly three digits.
        if (prev == Cls::kDigit && q + 2 < n_ && IsAsciiDigit(text_[q]) &&
            IsAsciiDigit(text_[q + 1]) && IsAsciiDigit(text_[q + 2]) &&
            (q + 3 >= n_ || !IsAsciiDigit(text_[q + 3])) && AllDigits(begin, p)) {
          return 1;
        }
        return 0;
      case '.':
        if (prev == Cls::kDigit && next_digit && AllDigits(begin, p)) return 1;  // 3.1
        if (prev == Cls::kLatin && IsAsciiLower(text_[q]) && q + 1 < n_ &&
            IsAsciiAlpha(text_[q + 1])) {
          return 1;  // Amazon.com
        }
        return 0;
      case '-':
      case 0x2010:
      case 0x2011:
        if (!(next_letter || next_digit) || !(IsLetter(prev) || next_letter)) return 0;
        // Names on both sides stay apart (Korea-Japan, Samsung-Nvidia,
        // Korea-U.S.), and so does a name before -based / -led ... (Seoul-based),
        // so that entity spans fall on token edges. Jae-yong, state-run and
        // COVID-19 stay whole.
        if (IsAsciiUpper(text_[q]) || next.cls == Cls::kHangul) return 0;
        if (IsAsciiUpper(text_[begin]) && IsNameSuffix(q)) return 0;
        return c.len;
      case '\'':
      case 0x2019:
        if (prev == Cls::kLatin && next.cls == Cls::kLatin) {
          // Possessive 's ends the word; O'Neill and don't continue it.
          if ((text_[q] == 's' || text_[q] == 'S') &&
              (q + 1 >= n_ || !(IsLetter(At(text_, q + 1).cls) || IsAsciiDigit(text_[q + 1])))) {
            return 0;
          }
          return c.len;
        }
        return 0;
      case '&':
        if (prev == Cls::kLatin && IsAsciiUpper(text_[p - 1]) && IsAsciiUpper(text_[q])) return 1;
        return 0;
      default:
        return 0;
    }
  }

  // Whether the lower-case word at `q` is one that follows a name after a
  // hyphen (Seoul-based, Samsung-backed, U.S.-led).
  bool IsNameSuffix(size_t q) const {
    size_t e = q;
    while (e < n_ && IsAsciiLower(text_[e])) ++e;
    if (e < n_ && IsLetter(At(text_, e).cls)) return false;
    return abbrevs::IsNameSuffix(text_.substr(q, e - q));
  }

  bool AllDigits(size_t begin, size_t end) const {
    for (size_t i = begin; i < end; ++i) {
      const char ch = text_[i];
      if (!IsAsciiDigit(ch) && ch != ',' && ch != '.') return false;
    }
    return true;
  }

  // A word ending in a Hangul syllable: split off a trailing particle.
  void EmitHangulWord(uint32_t b, uint32_t e, size_t hangul_run, Script script) {
    const std::string_view word = text_.substr(b, e - b);
    const bool mixed = hangul_run > b;
    // A word that is all particle, glued to a closing bracket or quote, a
    // symbol or a Latin word ending in a digit: 최고경영자(CEO)와,
    // "반도체"라는, 3%는, HBM4에서. After a closing quote the quotative 고 / 며
    // / 면서 also count ("없다"고 말했다).
    if (!mixed && !space_before_ && !out_.tokens.empty() && out_.tokens.back().end == b) {
      const Token& before = out_.tokens.back();
      const bool after_closer =
          before.kind == TokenKind::kPunct && IsCloser(At(text_, before.begin).cp);
      const bool glued = after_closer || before.kind == TokenKind::kSymbol ||
                         (before.kind == TokenKind::kWord && before.script == Script::kLatin);
      if (glued &&
          (IsKoreanParticle(word) || (after_closer && (word == "고" || word == "며" ||
                                                       word == "면서" || word == "면서도")))) {
        Emit(b, e, TokenKind::kParticle, Script::kHangul);
        return;
      }
    }
    size_t stem = KoreanStemLength(word);
    if (mixed && stem > hangul_run - b) {
      // LG는, 3M의, CEO와도: the whole Hangul tail after a Latin run is a
      // particle (not CEO와 + 도).
      if (IsKoreanParticle(word.substr(hangul_run - b))) stem = hangul_run - b;
    }
    if (stem == word.size() && !mixed && space_before_ && !out_.tokens.empty() &&
        out_.tokens.back().kind == TokenKind::kWord &&
        (out_.tokens.back().script == Script::kHangul ||
         out_.tokens.back().script == Script::kLatin)) {
      // One syllable plus a particle after another word: the end of a name
      // (젠슨 황은, 팀 쿡이) or a short noun (AI 칩을).
      stem = KoreanOneSyllableStemLength(word);
    }
    // Cut points inside the stem, right to left: a name suffix (박씨는 -> 박 /
    // 씨 / 는, 김모 -> 김 / 모), a second one before 씨 (이모씨 -> 이 / 모 / 씨),
    // or a time / place tail (한국시각 -> 한국 / 시각).
    size_t cuts[3];
    size_t cut_count = 0;
    size_t front = KoreanNameSuffixStart(word.substr(0, stem), e < n_ && text_[e] == '(');
    if (front < stem) {
      cuts[cut_count++] = front;
      if (word.substr(front, 3) == "씨") {
        const size_t second = KoreanNameSuffixStart(word.substr(0, front), true);
        if (second < front) cuts[cut_count++] = front = second;
      }
    } else {
      front = CompoundTailStart(word.substr(0, stem));
      if (front < stem) cuts[cut_count++] = front;
    }
    if (front == word.size()) {
      Emit(b, e, TokenKind::kWord, script);
      return;
    }
    const auto first_end = b + static_cast<uint32_t>(front);
    Emit(b, first_end, TokenKind::kWord, mixed ? StemScript(b, first_end) : Script::kHangul);
    for (size_t i = cut_count; i-- > 0;) {
      const size_t piece_end = i > 0 ? cuts[i - 1] : stem;
      Emit(b + static_cast<uint32_t>(cuts[i]), b + static_cast<uint32_t>(piece_end),
           TokenKind::kWord, Script::kHangul);
    }
    if (stem < word.size()) {
      Emit(b + static_cast<uint32_t>(stem), e, TokenKind::kParticle, Script::kHangul);
    }
  }

  // Start of a tail noun that news writes onto a place or other noun
  // (한국시각, 미국시간, 충남지역, 중국국적), after at least two syllables;
  // stem.size() when there is none. The fixed (현지시간) "local time" stays.
  static size_t CompoundTailStart(std::string_view stem) {
    if (stem == "현지시간" || stem == "현지시각") return stem.size();
    for (std::string_view tail : {"시각", "시간", "지역", "국적"}) {
      if (stem.size() >= tail.size() + 6 && stem.ends_with(tail)) {
        const size_t start = stem.size() - tail.size();
        if (IsHangulSyllable(At(stem, start - 3).cp) && IsHangulSyllable(At(stem, start - 6).cp)) {
          return start;
        }
      }
    }
    return stem.size();
  }

  Script StemScript(size_t b, size_t e) const {
    bool latin = false, han = false, other = false;
    for (size_t p = b; p < e;) {
      const CodePoint c = At(text_, p);
      if (c.cls == Cls::kHangul) return Script::kHangul;
      latin |= c.cls == Cls::kLatin;
      han |= c.cls == Cls::kHan;
      other |= c.cls == Cls::kOtherLetter;
      p += c.len;
    }
    return han ? Script::kHan : latin ? Script::kLatin : other ? Script::kOther : Script::kNone;
  }

  size_t ScanPunct(size_t begin, const CodePoint& c) {
    size_t p = begin + c.len;
    Pending pending = Pending::kNone;
    if (c.cp == '.') {
      while (p < n_ && text_[p] == '.') ++p;
      pending = p - begin >= 2 ? Pending::kEllipsis : Pending::kPeriod;
    } else if (c.cp == '?' || c.cp == '!' || c.cp == 0x3002 || c.cp == 0xFF01 || c.cp == 0xFF1F ||
               c.cp == 0x203C || c.cp == 0x2047 || c.cp == 0x2049) {
      pending = Pending::kHard;
    } else if (c.cp == 0x2026) {
      pending = Pending::kEllipsis;
    }
    p = SkipJoins(p);
    Emit(static_cast<uint32_t>(begin), static_cast<uint32_t>(p), TokenKind::kPunct, Script::kNone,
         IsCloser(c.cp));
    if (pending != Pending::kNone) {
      SetPending(pending);
    }
    return p;
  }

  size_t ScanSymbol(size_t begin, const CodePoint& c) {
    size_t p = begin + c.len;
    // Regional-indicator pairs (flags) and ZWJ emoji sequences stay whole.
    if (c.cp >= 0x1F1E6 && c.cp <= 0x1F1FF && p < n_) {
      const CodePoint next = At(text_, p);
      if (next.cp >= 0x1F1E6 && next.cp <= 0x1F1FF) p += next.len;
    }
    while (p < n_) {
      const CodePoint next = At(text_, p);
      if (next.cls != Cls::kJoin) break;
      p += next.len;
      if (next.cp == 0x200D && p < n_) {
        const CodePoint joined = At(text_, p);
        if (joined.cls == Cls::kSymbol) p += joined.len;
      }
    }
    Emit(static_cast<uint32_t>(begin), static_cast<uint32_t>(p), TokenKind::kSymbol, Script::kNone);
    return p;
  }

  size_t SkipJoins(size_t p) const {
    while (p < n_) {
      const CodePoint next = At(text_, p);
      if (next.cls != Cls::kJoin) break;
      p += next.len;
    }
    return p;
  }

  std::string_view text_;
  size_t n_;
  Analysis out_;
  bool space_before_ = true;  // the text start counts as white space
  bool newline_ = false;
  uint32_t sentence_first_ = 0;
  Pending pending_ = Pending::kNone;
  AbbrevClass pending_abbrev_ = AbbrevClass::kNone;
  bool pending_closer_ = false;
  bool pending_after_hangul_ = false;
};

}  // namespace

bool IsTokenSeparator(char32_t cp) {
  const Cls c = cp < 0x80 ? token_chars::kAscii[cp] : token_chars::ClassifyWide(cp);
  return c == Cls::kSpace || c == Cls::kNewline;
}

Analysis Analyze(std::string_view text) {
  if (text.empty()) return {};
  return Analyzer(text).Run();
}

}  // namespace tg::text
