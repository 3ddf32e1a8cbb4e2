#include "extract/tagger_tokens.h"

#include <cctype>

#include "core/utf8.h"

namespace tg::extract {

void RefineTokens(std::string_view text, const text::Analysis& original, TaggerTokens* out) {
  out->analysis.tokens.clear();
  out->analysis.sentences.clear();
  out->parent.clear();
  out->piece.clear();
  auto push = [&](const text::Token& t, uint32_t parent, uint8_t piece) {
    out->analysis.tokens.push_back(t);
    out->parent.push_back(parent);
    out->piece.push_back(piece);
  };
  for (const text::Sentence& s : original.sentences) {
    text::Sentence refined = s;
    refined.first_token = static_cast<uint32_t>(out->analysis.tokens.size());
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      const text::Token& tok = original.tokens[i];
      if (tok.kind != text::TokenKind::kWord || tok.size() < 3) {
        push(tok, i, 0);
        continue;
      }
      // An English possessive stays on its word in text::Analyze; names end before it.
      const std::string_view form = tok.In(text);
      size_t possessive = 0;
      if (form.ends_with("'s") || form.ends_with("'S")) possessive = 2;
      if (form.ends_with("\u2019s")) possessive = 4;
      if (possessive != 0 && form.size() > possessive) {
        text::Token head = tok, tail = tok;
        head.end = tail.begin = tok.end - static_cast<uint32_t>(possessive);
        tail.space_before = false;
        push(head, i, 1);
        push(tail, i, 2);
        continue;
      }
      if (tok.size() < 4) {
        push(tok, i, 0);
        continue;
      }
      // Script changes between Hangul and the rest ("A씨", "SK하이닉스").
      const std::string_view word = tok.In(text);
      thread_local std::vector<uint32_t> cuts;  // byte offsets inside the word
      cuts.clear();
      bool prev_hangul = false;
      size_t pos = 0, last_syllable = 0, prev_syllable = 0, run_start = 0;
      bool prev_hangul_cp = false;
      bool first = true;
      while (pos < word.size()) {
        const size_t at = pos;
        const char32_t cp = NextCodePoint(word, &pos);
        const bool hangul = cp >= 0xAC00 && cp <= 0xD7A3;
        const bool alnum = cp < 0x80 && std::isalnum(static_cast<unsigned char>(cp));
        if (!first && (hangul || alnum) && hangul != prev_hangul) {
          cuts.push_back(at);
          run_start = at;
        }
        if (hangul) {
          if (!prev_hangul_cp) run_start = at;
          prev_syllable = last_syllable;
          last_syllable = at;
        }
        prev_hangul_cp = hangul;
        if (hangul || alnum) prev_hangul = hangul;
        first = false;
      }
      // The last two syllables of a Hangul run at the word's end, while at
      // least one syllable stays before them: a name is often glued to a
      // one- or two-syllable noun (한국|영|화, 왕정|감|독, 이재용|씨).
      if (prev_hangul && word.size() - last_syllable == 3 && last_syllable >= run_start + 3) {
        if (prev_syllable >= run_start + 3 && last_syllable == prev_syllable + 3) {
          cuts.push_back(prev_syllable);
        }
        cuts.push_back(last_syllable);
      }
      if (cuts.empty()) {
        push(tok, i, 0);
        continue;
      }
      uint32_t begin = 0;
      cuts.push_back(word.size());
      for (size_t k = 0; k < cuts.size(); ++k) {
        text::Token piece = tok;
        piece.begin = tok.begin + begin;
        piece.end = tok.begin + cuts[k];
        piece.space_before = k == 0 ? tok.space_before : false;
        const bool tail = k + 1 == cuts.size() && cuts.size() >= 2 && cuts[k] - begin == 3;
        size_t p = begin;
        const char32_t cp = NextCodePoint(word, &p);
        piece.script = (cp >= 0xAC00 && cp <= 0xD7A3) ? text::Script::kHangul : tok.script;
        if (piece.script != text::Script::kHangul && cp < 0x80) piece.script = text::Script::kLatin;
        push(piece, i, tail ? 2 : (k == 0 ? 1 : 3));
        begin = cuts[k];
      }
    }
    refined.last_token = static_cast<uint32_t>(out->analysis.tokens.size());
    out->analysis.sentences.push_back(refined);
  }
}

}  // namespace tg::extract
