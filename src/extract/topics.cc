// Topics by leftmost-longest matching of the cue trie (topics_lexicon.h) over
// the words of the span, in one pass: at each word the longest cue starting
// there wins and covers its words, so "generative AI" leaves no "AI" and
// "AI 반도체" no "반도체"; matching then resumes after it.
//
// English words are tried in a few forms (as written for capitals cues such
// as "AI", lower-cased for the rest, and plurals folded to the singular) so
// the table lists each cue once. Korean particles are not split off: the last
// Korean word of a cue matches the start of an eojeol, longest first.
//
// Company and ministry names are the usual false hits in meeting sentences
// ("Samsung Display", "SK Telecom", "Trade, Industry and Energy Minister"):
// a capitalized cue right after a capitalized word, or after "and"/"of"
// following one, is read as part of a name and skipped. Descriptors and
// titles the rule misses are blockers in the table ("battery maker").
#include "extract/topics.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "extract/topics_lexicon.h"

namespace tg::extract {
namespace {

constexpr size_t kMaxStates = 8;  // trie nodes alive at once
constexpr size_t kSyllableBytes = 3;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// "Cloud", "Energy": a capital, then a small letter (not "GPUs", "EVs").
bool IsCapitalized(std::string_view word) {
  return word.size() >= 2 && IsUpper(word[0]) && IsLower(word[1]);
}

// The keys under which one word of the span may match a cue word, with
// their hashes, computed once per call.
struct WordKeys {
  // As written, lower-cased, capitals plural, and three plural folds ("XIEs").
  static constexpr size_t kMax = 6;
  std::string_view keys[kMax];
  uint64_t hashes[kMax];
  size_t count = 0;

  void Add(std::string_view key) {
    if (count == kMax) return;
    for (size_t i = 0; i < count; ++i) {
      if (keys[i] == key) return;
    }
    keys[count] = key;
    hashes[count] = TopicLexicon::WordHash(key);
    ++count;
  }
};

// Fills `keys` for an English word: as written (capitals cues such as "AI"
// match only that), lower-cased, and plurals folded to the singular
// (batteries -> battery, taxes -> tax, chips -> chip, GPUs -> GPU). `lower`
// is the word lower-cased; `y_forms` has room for one more word plus one byte
// so string views into it stay valid.
void EnglishKeys(std::string_view word, std::string_view lower, std::string* y_forms,
                 WordKeys* keys) {
  keys->Add(word);
  keys->Add(lower);
  if (word.size() >= 3 && word.back() == 's' && IsCapitalsWord(word.substr(0, word.size() - 1))) {
    keys->Add(word.substr(0, word.size() - 1));
  }
  // -ss words (glass) are not plurals. Three-letter words fold too (start-ups);
  // gas -> ga or its -> it find nothing, as no cue is spelt like that.
  if (lower.size() < 3 || lower.back() != 's' || lower[lower.size() - 2] == 's') return;
  if (lower.ends_with("ies")) {
    const size_t at = y_forms->size();
    y_forms->append(lower.substr(0, lower.size() - 3));
    y_forms->push_back('y');
    keys->Add(std::string_view(*y_forms).substr(at));
  }
  if (lower.ends_with("es")) keys->Add(lower.substr(0, lower.size() - 2));
  keys->Add(lower.substr(0, lower.size() - 1));
}

struct Match {
  int32_t label = TopicLexicon::kNone;
  size_t last_word = 0;  // index of the last word the cue covers
};

// The longest cue starting at words[i], if any.
Match LongestAt(const TopicLexicon& lexicon, const std::vector<TopicWord>& words,
                const std::vector<WordKeys>& keys, size_t i) {
  Match best;
  int32_t states[kMaxStates] = {lexicon.root()};
  size_t state_count = 1;
  for (size_t j = i; j < words.size() && state_count > 0; ++j) {
    const TopicWord& word = words[j];
    if (j > i && !word.soft_before) break;
    // A cue starts a word of its own: not inside an eojeol after a change of
    // script (ZK디스플레이, 다온AI), though it may run on into one (AI반도체).
    if (j == i && word.glued) break;
    const WordKeys& word_keys = keys[j];
    int32_t next[kMaxStates];
    size_t next_count = 0;
    for (size_t k = 0; k < state_count; ++k) {
      for (size_t f = 0; f < word_keys.count; ++f) {
        const int32_t node = lexicon.Child(states[k], word_keys.keys[f], word_keys.hashes[f]);
        if (node != TopicLexicon::kNone && next_count < kMaxStates &&
            std::find(next, next + next_count, node) == next + next_count) {
          next[next_count++] = node;
        }
      }
    }
    int32_t label = TopicLexicon::kNone;
    for (size_t k = 0; k < next_count && label == TopicLexicon::kNone; ++k) {
      label = lexicon.LabelAt(next[k]);
    }
    // The last Korean word of a cue may be followed by particles or the rest of
    // the eojeol: try the word's leading syllables, longest first.
    if (label == TopicLexicon::kNone && word.kind == TopicWordKind::kHangul) {
      const std::string_view s = word_keys.keys[0];
      size_t found_size = 0;
      for (size_t k = 0; k < state_count; ++k) {
        for (size_t size = s.size() - kSyllableBytes; size > found_size; size -= kSyllableBytes) {
          const int32_t node = lexicon.Child(states[k], s.substr(0, size));
          if (node != TopicLexicon::kNone && lexicon.LabelAt(node) != TopicLexicon::kNone) {
            label = lexicon.LabelAt(node);
            found_size = size;
            break;
          }
        }
      }
    }
    if (label != TopicLexicon::kNone) best = Match{label, j};
    std::copy(next, next + next_count, states);
    state_count = next_count;
  }
  return best;
}

// True when the cue starting at words[i] reads as part of a proper name.
bool InsideName(std::string_view text, const std::vector<TopicWord>& words, size_t i) {
  auto word_at = [&](size_t k) {
    return text.substr(words[k].begin, words[k].end - words[k].begin);
  };
  const TopicWord& word = words[i];
  if (word.kind != TopicWordKind::kLatin || i == 0 || !word.soft_before ||
      !IsCapitalized(word_at(i))) {
    return false;
  }
  const TopicWord& previous = words[i - 1];
  if (previous.kind != TopicWordKind::kLatin) return false;
  const std::string_view before = word_at(i - 1);
  if (IsUpper(before.front())) return true;  // Samsung Display, SK Telecom
  // Trade, Industry and Energy; Ministry of Energy.
  return (before == "and" || before == "of") && i >= 2 && previous.soft_before &&
         words[i - 2].kind == TopicWordKind::kLatin && IsCapitalized(word_at(i - 2));
}

}  // namespace

std::vector<std::string> FindTopics(std::string_view text, uint32_t begin, uint32_t end) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
  if (begin >= end) return {};
  const TopicLexicon& lexicon = TopicLexicon::Builtin();
  std::vector<TopicWord> words;
  words.reserve((end - begin) / 4 + 4);
  SplitTopicWords(text, begin, end, &words);
  if (words.empty()) return {};

  // English words are lower-cased into one buffer (same offsets as the span);
  // their keys are views into it, into y_forms or into the text.
  std::string lower(text.substr(begin, end - begin));
  std::string y_forms;
  y_forms.reserve(lower.size() + words.size());
  std::vector<WordKeys> keys(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = text.substr(words[i].begin, words[i].end - words[i].begin);
    if (words[i].kind == TopicWordKind::kHangul) {
      keys[i].Add(word);
      continue;
    }
    char* folded = lower.data() + (words[i].begin - begin);
    for (size_t k = 0; k < word.size(); ++k) {
      if (IsUpper(folded[k])) folded[k] = static_cast<char>(folded[k] - 'A' + 'a');
    }
    EnglishKeys(word, std::string_view(folded, word.size()), &y_forms, &keys[i]);
  }

  std::vector<int32_t> found;  // label ids in order of first occurrence
  for (size_t i = 0; i < words.size();) {
    const Match match = LongestAt(lexicon, words, keys, i);
    if (match.label == TopicLexicon::kNone) {
      ++i;
      continue;
    }
    if (!lexicon.is_blocker(match.label) && !InsideName(text, words, i) &&
        std::find(found.begin(), found.end(), match.label) == found.end()) {
      found.push_back(match.label);
    }
    i = match.last_word + 1;
  }
  std::vector<std::string> labels;
  labels.reserve(found.size());
  for (const int32_t id : found) {
    const bool hidden = std::any_of(found.begin(), found.end(), [&](int32_t other) {
      const std::vector<int32_t>& hides = lexicon.hides(other);
      return std::find(hides.begin(), hides.end(), id) != hides.end();
    });
    if (!hidden) labels.push_back(lexicon.label(id));
  }
  return labels;
}

}  // namespace tg::extract
