// Ranking and snippets as SQLite's FTS5 computes them (bm25() and
// snippet()), so the PostgreSQL store answers searches as the SQLite one
// does; tests/store/postgres_store_test.cc compares the two.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "store/fts_tokenizer.h"
#include "store/postgres_search.h"  // the declarations of this file's functions

namespace tg::store::pgsearch {

double Bm25Score(const std::vector<Phrase>& phrases, const std::vector<LexemePositions>& lexemes,
                 int64_t doc_tokens, const Bm25Totals& totals) {
  // The constants and formula of FTS5's bm25() (https://sqlite.org/fts5.html#the_bm25_function).
  constexpr double k1 = 1.2;
  constexpr double b = 0.75;
  const double avgdl = totals.rows > 0 ? static_cast<double>(totals.tokens) /
                                             static_cast<double>(totals.rows)
                                       : 1.0;
  std::unordered_map<std::string_view, const LexemePositions*> by_lexeme;
  for (const LexemePositions& l : lexemes) by_lexeme[l.lexeme] = &l;
  double score = 0;
  for (size_t i = 0; i < phrases.size(); ++i) {
    const Phrase& phrase = phrases[i];
    // Occurrences of the phrase: a position of its first token followed by
    // each next token at the next position. The title/text gap keeps a
    // phrase inside one field, as FTS5 counts per column.
    double freq = 0;
    auto first = by_lexeme.find(phrase.empty() ? std::string_view() : phrase[0]);
    if (first != by_lexeme.end()) {
      for (int64_t start : first->second->positions) {
        bool whole = true;
        for (size_t j = 1; j < phrase.size() && whole; ++j) {
          auto next = by_lexeme.find(phrase[j]);
          whole = next != by_lexeme.end() &&
                  std::binary_search(next->second->positions.begin(),
                                     next->second->positions.end(),
                                     start + static_cast<int64_t>(j));
        }
        if (whole) freq += 1.0;
      }
    }
    const int64_t hits = i < totals.phrase_rows.size() ? totals.phrase_rows[i] : 0;
    double idf = std::log((static_cast<double>(totals.rows - hits) + 0.5) /
                          (static_cast<double>(hits) + 0.5));
    if (idf <= 0.0) idf = 1e-6;  // FTS5 clamps the IDF of very common phrases
    score += idf * ((freq * (k1 + 1.0)) /
                    (freq + k1 * (1 - b + b * static_cast<double>(doc_tokens) / avgdl)));
  }
  return score;
}

namespace {

// One phrase match in the text: its first token and which phrase.
struct Instance {
  int64_t offset = 0;
  size_t phrase = 0;
};

// The snippet's inputs: the text's tokens (FTS5 sees no empty ones), every
// phrase match in (offset, phrase) order as FTS5's xInst lists them, and
// the tokens that start a sentence.
struct SnippetInput {
  std::vector<SearchToken> tokens;
  std::vector<Instance> instances;
  std::vector<int64_t> sentence_starts;
  std::vector<size_t> phrase_sizes;
};

SnippetInput ReadSnippetInput(std::string_view text, const std::vector<Phrase>& phrases) {
  SnippetInput in;
  for (SearchToken& t : SearchTokens(text)) {
    if (!t.text.empty()) in.tokens.push_back(std::move(t));
  }
  for (const Phrase& p : phrases) in.phrase_sizes.push_back(p.size());
  const size_t n = in.tokens.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t p = 0; p < phrases.size(); ++p) {
      const Phrase& phrase = phrases[p];
      if (phrase.empty() || i + phrase.size() > n) continue;
      bool match = true;
      for (size_t j = 0; j < phrase.size() && match; ++j) match = in.tokens[i + j].text == phrase[j];
      if (match) in.instances.push_back({static_cast<int64_t>(i), p});
    }
    // A sentence starts at the first token, and at a token that follows
    // whitespace after a '.' or ':' (FTS5's sentence finder).
    if (i == 0) {
      in.sentence_starts.push_back(0);
      continue;
    }
    size_t k = in.tokens[i].begin;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\n' ||
                     text[k - 1] == '\r')) {
      --k;
    }
    if (k < in.tokens[i].begin && k > 0 && (text[k - 1] == '.' || text[k - 1] == ':')) {
      in.sentence_starts.push_back(static_cast<int64_t>(i));
    }
  }
  return in;
}

// Scores the window of `window` tokens from `start`: 1000 for each phrase
// seen first in it, 1 for each repeat. With `adjusted`, also centres the
// window on its matches (kept inside the text).
int64_t ScoreWindow(const SnippetInput& in, int64_t start, int64_t window, int64_t* adjusted) {
  std::vector<bool> seen(in.phrase_sizes.size(), false);
  int64_t score = 0;
  int64_t first = -1;
  int64_t last = 0;
  for (const Instance& inst : in.instances) {
    if (inst.offset < start || inst.offset >= start + window) continue;
    score += seen[inst.phrase] ? 1 : 1000;
    seen[inst.phrase] = true;
    if (first < 0) first = inst.offset;
    last = inst.offset + static_cast<int64_t>(in.phrase_sizes[inst.phrase]);
  }
  if (adjusted != nullptr) {
    const int64_t size = static_cast<int64_t>(in.tokens.size());
    int64_t a = first - (window - (last - first)) / 2;
    if (a + window > size) a = size - window;
    *adjusted = std::max<int64_t>(a, 0);
  }
  return score;
}

// Walks runs of overlapping phrase matches: [start, end] token ranges.
class MatchRuns {
 public:
  explicit MatchRuns(const SnippetInput& in) : in_(in) { Next(); }
  int64_t start() const { return start_; }
  int64_t end() const { return end_; }
  void Next() {
    start_ = -1;
    end_ = -1;
    for (; next_ < in_.instances.size(); ++next_) {
      const Instance& inst = in_.instances[next_];
      const int64_t last = inst.offset - 1 + static_cast<int64_t>(in_.phrase_sizes[inst.phrase]);
      if (start_ < 0) {
        start_ = inst.offset;
        end_ = last;
      } else if (inst.offset <= end_) {
        end_ = std::max(end_, last);
      } else {
        break;
      }
    }
  }

 private:
  const SnippetInput& in_;
  size_t next_ = 0;
  int64_t start_ = -1;
  int64_t end_ = -1;
};

}  // namespace

std::string MakeSnippet(std::string_view text, const std::vector<Phrase>& phrases, int window) {
  const SnippetInput in = ReadSnippetInput(text, phrases);
  const int64_t size = static_cast<int64_t>(in.tokens.size());
  const int64_t span = window;
  // The best window: centred on one match's neighbourhood, or starting at
  // the sentence holding the match (a bonus of 100, 120 for the first).
  int64_t best_score = 0;
  int64_t best_start = 0;
  for (const Instance& inst : in.instances) {
    int64_t adjusted = 0;
    const int64_t score = ScoreWindow(in, inst.offset, span, &adjusted);
    if (score > best_score) {
      best_score = score;
      best_start = adjusted;
    }
    if (!in.sentence_starts.empty() && size > span) {
      size_t s = 0;
      while (s + 1 < in.sentence_starts.size() && in.sentence_starts[s + 1] <= inst.offset) ++s;
      const int64_t sentence = in.sentence_starts[s];
      if (sentence < inst.offset) {
        const int64_t score_from_sentence =
            ScoreWindow(in, sentence, span, nullptr) + (sentence == 0 ? 120 : 100);
        if (score_from_sentence > best_score) {
          best_score = score_from_sentence;
          best_start = sentence;
        }
      }
    }
  }

  // Copy the window, opening a bracket where a run of matches starts and
  // closing it where the run ends or the window does.
  const int64_t range_end = best_start + span - 1;
  std::string out = best_start > 0 ? "..." : "";
  MatchRuns runs(in);
  while (runs.start() >= 0 && runs.start() < best_start) runs.Next();
  size_t copied = 0;
  for (int64_t pos = 0; pos < size; ++pos) {
    if (pos < best_start || pos > range_end) continue;
    const SearchToken& token = in.tokens[static_cast<size_t>(pos)];
    if (best_start > 0 && pos == best_start) copied = token.begin;
    if (pos == runs.start()) {
      out.append(text.substr(copied, token.begin - copied));
      out += '[';
      copied = token.begin;
    }
    if (pos == runs.end()) {
      if (runs.start() < best_start) out += '[';
      out.append(text.substr(copied, token.end - copied));
      out += ']';
      copied = token.end;
      runs.Next();
    }
    if (pos == range_end) {
      out.append(text.substr(copied, token.end - copied));
      copied = token.end;
      if (pos >= runs.start() && pos < runs.end()) out += ']';
    }
  }
  if (range_end >= size - 1) {
    out.append(text.substr(copied));
  } else {
    out += "...";
  }
  return out;
}

}  // namespace tg::store::pgsearch
