// Topic cue lexicon: a trie whose edges are whole words, stored in one
// open-addressing table keyed by (parent node, word). Matching walks it one
// text word at a time, so a call costs a few hash probes per word however
// many cues there are; no per-cue scanning and no regular expressions.
#include "extract/topics_lexicon.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/check.h"
#include "core/utf8.h"

namespace tg::extract {
namespace topics_data {
extern const std::string_view kTopicsTsv;  // generated from data/lexicon/topics.tsv
}  // namespace topics_data

namespace {

// Latin-1 Supplement and Latin Extended-A/B letters (not × or ÷) belong to
// English words, so "AIé" is one word and never the acronym "AI".
bool IsLatinLetter(char32_t cp) { return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7; }

// Spaces and hyphens join the words of a multi-word cue; anything else
// (commas, brackets, slashes, the Korean list dot) separates them.
// What one byte can be, for the ASCII fast path of SplitTopicWords.
enum class ByteClass : uint8_t {
  kHard,   // ASCII that separates words and breaks multi-word cues
  kSoft,   // space, tab, line break, hyphen
  kAlnum,  // ASCII letter or digit
  kJoin,   // '&' or '.', part of a word between letters or digits
  kHigh,   // a byte of a multi-byte UTF-8 sequence
};

constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    classes[c] = c >= 0x80                                                     ? ByteClass::kHigh
                 : alnum                                                       ? ByteClass::kAlnum
                 : c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' ? ByteClass::kSoft
                 : c == '&' || c == '.'                                        ? ByteClass::kJoin
                                                                               : ByteClass::kHard;
  }
  return classes;
}();

// A well-formed Hangul syllable (U+AC00..U+D7A3, three bytes) at bytes[pos].
bool HangulSyllableAt(const unsigned char* bytes, size_t pos, size_t end) {
  if (pos + 3 > end || bytes[pos] < 0xEA || bytes[pos] > 0xED || (bytes[pos + 1] & 0xC0) != 0x80 ||
      (bytes[pos + 2] & 0xC0) != 0x80) {
    return false;
  }
  const char32_t cp = (static_cast<char32_t>(bytes[pos] & 0x0F) << 12) |
                      (static_cast<char32_t>(bytes[pos + 1] & 0x3F) << 6) | (bytes[pos + 2] & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

bool IsSoftSeparator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '-':
    case 0xA0:    // no-break space
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x202F:  // narrow no-break space
    case 0x3000:  // ideographic space
      return true;
    default:
      return false;
  }
}

bool IsHangulSyllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// The table key of (node, word): the word's hash mixed with the node id
// (murmur3's 64-bit finalizer), so one word hash serves every node.
uint64_t KeyHash(int32_t node, uint64_t word_hash) {
  uint64_t h =
      word_hash ^ (static_cast<uint64_t>(static_cast<uint32_t>(node)) * 0x9E3779B97F4A7C15ULL);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 33);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    parts.push_back(Trim(s.substr(start, at == std::string_view::npos ? s.npos : at - start)));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return parts;
}

// The trie key of one cue word: capitals words as written, other English
// words lower-cased, Hangul unchanged.
std::string CueWordKey(std::string_view word, TopicWordKind kind) {
  std::string key(word);
  if (kind == TopicWordKind::kLatin && !IsCapitalsWord(word)) {
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return key;
}

}  // namespace

bool IsCapitalsWord(std::string_view word) {
  bool has_capital = false;
  for (unsigned char c : word) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') has_capital = true;
  }
  return has_capital;
}

void SplitTopicWords(std::string_view text, uint32_t begin, uint32_t end,
                     std::vector<TopicWord>* out) {
  out->clear();
  TG_CHECK(begin <= end && end <= text.size());
  const std::string_view view = text.substr(0, end);
  const auto* bytes = reinterpret_cast<const unsigned char*>(view.data());
  size_t pos = begin;
  bool soft = true;        // the gap since the previous word holds only soft separators
  size_t gap_begin = pos;  // where that gap started
  while (pos < end) {
    const ByteClass cls = kByteClasses[bytes[pos]];
    size_t next = pos + 1;
    bool latin = cls == ByteClass::kAlnum;
    if (cls == ByteClass::kHigh) {
      next = pos;
      const char32_t cp = NextCodePoint(view, &next);
      latin = IsLatinLetter(cp);
      if (!latin && !IsHangulSyllable(cp)) {
        if (!IsSoftSeparator(cp)) soft = false;
        pos = next;
        continue;
      }
    } else if (!latin) {
      if (cls != ByteClass::kSoft) soft = false;
      pos = next;
      continue;
    }
    TopicWord word;
    word.begin = static_cast<uint32_t>(pos);
    word.kind = latin ? TopicWordKind::kLatin : TopicWordKind::kHangul;
    word.soft_before = soft;
    word.glued = !out->empty() && gap_begin == pos;
    pos = next;
    if (latin) {
      while (pos < end) {
        const ByteClass d = kByteClasses[bytes[pos]];
        if (d == ByteClass::kAlnum) {
          ++pos;
        } else if (d == ByteClass::kJoin && pos + 1 < end &&
                   kByteClasses[bytes[pos + 1]] == ByteClass::kAlnum &&
                   kByteClasses[bytes[pos - 1]] == ByteClass::kAlnum) {
          pos += 2;  // an inner '&' or '.': R&D, M&A, 5.5G
        } else if (d == ByteClass::kHigh) {
          size_t after = pos;
          if (!IsLatinLetter(NextCodePoint(view, &after))) break;
          pos = after;
        } else {
          break;
        }
      }
    } else {
      while (HangulSyllableAt(bytes, pos, end)) pos += 3;
    }
    word.end = static_cast<uint32_t>(pos);
    out->push_back(word);
    soft = true;
    gap_begin = pos;
  }
}

uint64_t TopicLexicon::WordHash(std::string_view word) {
  // Eight bytes at a time: words are short, and every word of a span is
  // hashed in each of its forms, so this is on the hot path.
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  const size_t n = word.size();
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 31;
  }
  uint64_t tail = 0;
  for (size_t shift = 0; i < n; ++i, shift += 8) tail |= static_cast<uint64_t>(p[i]) << shift;
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
  return h ^ (h >> 29);
}

int32_t TopicLexicon::Child(int32_t node, std::string_view word, uint64_t hash) const {
  if (slots_.empty()) return kNone;
  const uint64_t key = KeyHash(node, hash);
  const auto tag = static_cast<uint32_t>(key >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.edge == kNone) return kNone;
    if (slot.tag != tag) continue;
    const Edge& edge = edges_[static_cast<size_t>(slot.edge)];
    if (edge.parent == node &&
        std::string_view(words_).substr(edge.word_offset, edge.word_size) == word) {
      return edge.child;
    }
  }
}

void TopicLexicon::Insert(int32_t edge_index) {
  const Edge& edge = edges_[static_cast<size_t>(edge_index)];
  const std::string_view word = std::string_view(words_).substr(edge.word_offset, edge.word_size);
  const uint64_t key = KeyHash(edge.parent, WordHash(word));
  const size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].edge != kNone) i = (i + 1) & mask;
  slots_[i] = Slot{edge_index, static_cast<uint32_t>(key >> 32)};
}

void TopicLexicon::Rehash(size_t slot_count) {
  slots_.assign(slot_count, Slot{kNone, 0});
  for (size_t i = 0; i < edges_.size(); ++i) Insert(static_cast<int32_t>(i));
}

int32_t TopicLexicon::AddChild(int32_t node, std::string_view word) {
  if (const int32_t child = Child(node, word); child != kNone) return child;
  // Keep the table at most a quarter full: most lookups miss (the text word
  // starts no cue), and a miss ends at the first empty cell.
  if ((edges_.size() + 1) * 4 > slots_.size()) Rehash(slots_.empty() ? 1024 : slots_.size() * 2);
  const auto child = static_cast<int32_t>(node_label_.size());
  node_label_.push_back(kNone);
  edges_.push_back(
      Edge{node, child, static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(word.size())});
  words_.append(word);
  Insert(static_cast<int32_t>(edges_.size() - 1));
  return child;
}

Result<TopicLexicon> TopicLexicon::Parse(std::string_view tsv) {
  TopicLexicon lexicon;
  lexicon.node_label_.push_back(kNone);  // the root
  std::unordered_map<std::string, int32_t> label_ids;
  struct PendingHides {
    int32_t id;
    size_t line;
    std::vector<std::string_view> names;
  };
  std::vector<PendingHides> pending_hides;
  std::vector<TopicWord> words;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    const std::string_view line = Trim(tsv.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> fields = SplitOn(line, '\t');
    if (fields.size() < 2 || fields.size() > 3 || fields[0].empty() || fields[1].empty()) {
      return Status::InvalidArgument("topics line ", line_no, ": want label<TAB>cues[<TAB>hides]");
    }
    const std::string label(fields[0]);
    int32_t id = kNone;
    if (label == "-") {
      if (const auto it = label_ids.find(label); it != label_ids.end()) id = it->second;
    } else if (label_ids.count(label) != 0) {
      return Status::InvalidArgument("topics line ", line_no, ": label '", label, "' listed twice");
    }
    if (id == kNone) {
      id = static_cast<int32_t>(lexicon.labels_.size());
      lexicon.labels_.push_back(label);
      lexicon.hides_.emplace_back();
      label_ids.emplace(label, id);
    }
    for (const std::string_view cue : SplitOn(fields[1], '|')) {
      SplitTopicWords(cue, 0, static_cast<uint32_t>(cue.size()), &words);
      if (words.empty()) {
        return Status::InvalidArgument("topics line ", line_no, ": empty cue in '", label, "'");
      }
      int32_t node = lexicon.root();
      for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && !words[i].soft_before) {
          return Status::InvalidArgument("topics line ", line_no, ": cue '", cue,
                                         "' spans a separator other than space or hyphen");
        }
        const std::string_view word = cue.substr(words[i].begin, words[i].end - words[i].begin);
        node = lexicon.AddChild(node, CueWordKey(word, words[i].kind));
      }
      if (lexicon.node_label_[static_cast<size_t>(node)] != kNone) {
        return Status::InvalidArgument("topics line ", line_no, ": cue '", cue, "' listed twice");
      }
      lexicon.node_label_[static_cast<size_t>(node)] = id;
      ++lexicon.cue_count_;
    }
    if (fields.size() == 3 && !fields[2].empty()) {
      pending_hides.push_back(PendingHides{id, line_no, SplitOn(fields[2], '|')});
    }
  }
  // Hidden labels may be defined on later rows, so they resolve at the end.
  for (const PendingHides& pending : pending_hides) {
    for (const std::string_view name : pending.names) {
      const auto it = label_ids.find(std::string(name));
      if (it == label_ids.end() || name == "-" || it->second == pending.id) {
        return Status::InvalidArgument("topics line ", pending.line, ": cannot hide label '", name,
                                       "'");
      }
      lexicon.hides_[static_cast<size_t>(pending.id)].push_back(it->second);
    }
  }
  return lexicon;
}

const TopicLexicon& TopicLexicon::Builtin() {
  // A bad built-in table is a bug in the shipped data, caught by the tests.
  static const TopicLexicon lexicon = [] {
    Result<TopicLexicon> parsed = Parse(topics_data::kTopicsTsv);
    if (!parsed.has_value()) {
      std::fprintf(stderr, "data/lexicon/topics.tsv: %s\n", parsed.error().ToString().c_str());
    }
    TG_CHECK(parsed.has_value());
    return std::move(parsed).value();
  }();
  return lexicon;
}

}  // namespace tg::extract
