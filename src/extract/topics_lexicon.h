#pragma once
// Internal to src/extract: the word splitter and the cue lexicon behind
// FindTopics (topics.h). The lexicon is a trie over words, parsed from the
// label/cue table of data/lexicon/topics.tsv (its header comment gives the
// format); the built-in one is compiled into the binary. A TopicLexicon is
// immutable after Parse; share it freely across threads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tg::extract {

enum class TopicWordKind : uint8_t {
  kLatin,   // Latin letters and digits, with an inner '&' or '.' (R&D, 5.5G)
  kHangul,  // Hangul syllables
};

// One word of a text as the topic matcher sees it.
struct TopicWord {
  uint32_t begin = 0;  // byte span in the text
  uint32_t end = 0;
  TopicWordKind kind = TopicWordKind::kLatin;
  bool soft_before = false;  // only spaces and hyphens (or nothing) since the previous word
  bool glued = false;        // nothing at all since the previous word (AI반도체)
};

// Appends the words of text[begin, end) to `out` (cleared first). Characters
// other than word characters, spaces and hyphens separate words "hard": a
// multi-word cue never spans them. Requires begin <= end <= text.size().
void SplitTopicWords(std::string_view text, uint32_t begin, uint32_t end,
                     std::vector<TopicWord>* out);

// True for an English word written in capitals (and digits): "AI", "HBM4",
// "6G", "R&D". Such cue words match only the same spelling.
bool IsCapitalsWord(std::string_view word);

class TopicLexicon {
 public:
  static constexpr int32_t kNone = -1;

  // Parses the table. Fails with kInvalidArgument (naming the line) on a row
  // without cues, a cue that is empty or spans a hard separator, a cue or a
  // label listed twice, or a hidden label that no row defines.
  static Result<TopicLexicon> Parse(std::string_view tsv);

  // The table compiled from data/lexicon/topics.tsv, parsed on first use.
  static const TopicLexicon& Builtin();

  int32_t root() const { return 0; }
  // The node reached from `node` by one cue word (capitals words as written,
  // other English words lower-cased, Hangul as is), or kNone.
  int32_t Child(int32_t node, std::string_view word) const {
    return Child(node, word, WordHash(word));
  }
  // The same with `hash` == WordHash(word), for callers that try one word
  // under many nodes.
  int32_t Child(int32_t node, std::string_view word, uint64_t hash) const;
  static uint64_t WordHash(std::string_view word);
  // The label id of the cue that ends at `node`, or kNone.
  int32_t LabelAt(int32_t node) const { return node_label_[static_cast<size_t>(node)]; }

  const std::string& label(int32_t id) const { return labels_[static_cast<size_t>(id)]; }
  bool is_blocker(int32_t id) const { return labels_[static_cast<size_t>(id)] == "-"; }
  // Label ids that `id` makes redundant anywhere in the same span.
  const std::vector<int32_t>& hides(int32_t id) const { return hides_[static_cast<size_t>(id)]; }
  size_t label_count() const { return labels_.size(); }
  size_t cue_count() const { return cue_count_; }

 private:
  struct Edge {
    int32_t parent;
    int32_t child;
    uint32_t word_offset;  // into words_
    uint32_t word_size;
  };

  // One cell of the open-addressing table: an edge index (kNone when empty)
  // and the high bits of its key hash, so most probes skip the edge itself.
  struct Slot {
    int32_t edge;
    uint32_t tag;
  };

  int32_t AddChild(int32_t node, std::string_view word);
  void Rehash(size_t slot_count);
  void Insert(int32_t edge_index);

  std::vector<std::string> labels_;
  std::vector<std::vector<int32_t>> hides_;
  std::vector<int32_t> node_label_;  // per trie node
  std::vector<Edge> edges_;
  std::string words_;        // bytes of every edge word
  std::vector<Slot> slots_;  // open addressing over edges_
  size_t cue_count_ = 0;
};

}  // namespace tg::extract
