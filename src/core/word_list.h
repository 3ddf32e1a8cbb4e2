#pragma once
// A fixed list of words for the questions rules ask of every token: is this
// word listed, does it end with a listed word, which listed word does it
// start with. A linear scan of a list compares against every entry; this
// indexes the entries by their first and by their last two bytes, so a
// question compares only against the few entries that can answer it.
// Immutable after construction; one WordList may be shared by many threads.
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

namespace tg {

class WordList {
 public:
  // `words` (views that must outlive the list, such as literals) keep their
  // order: FirstPrefixOf answers with the earliest listed word.
  explicit WordList(std::span<const std::string_view> words);
  WordList(std::initializer_list<std::string_view> words)
      : WordList(std::span<const std::string_view>(words.begin(), words.size())) {}

  // Whether `word` is listed.
  bool Contains(std::string_view word) const;
  // Whether some listed word ends `word` and leaves at least `min_rest`
  // bytes before it (1: a proper suffix).
  bool EndsWithAny(std::string_view word, size_t min_rest = 0) const;
  // The first listed word (in list order) that `word` starts with, or an
  // empty view when none does.
  std::string_view FirstPrefixOf(std::string_view word) const;

 private:
  // Entries by a hash of two edge bytes, as index ranges into one array;
  // words shorter than two bytes are checked on every question.
  static constexpr size_t kBuckets = 1024;
  struct Index {
    std::vector<uint32_t> starts;   // kBuckets + 1 offsets into `entries`
    std::vector<uint16_t> entries;  // word indices, in list order per bucket
  };
  static size_t Bucket(unsigned char a, unsigned char b) { return (a * 31u + b) % kBuckets; }
  static Index Build(const std::vector<std::string_view>& words, bool at_end);

  std::vector<std::string_view> words_;
  std::vector<uint16_t> short_words_;  // indices of words of 0 or 1 bytes
  Index by_front_;
  Index by_back_;
};

}  // namespace tg
