#include "core/word_list.h"

#include "core/check.h"

namespace tg {

WordList::WordList(std::span<const std::string_view> words) : words_(words.begin(), words.end()) {
  TG_CHECK(words_.size() <= UINT16_MAX);
  for (size_t i = 0; i < words_.size(); ++i) {
    if (words_[i].size() < 2) short_words_.push_back(static_cast<uint16_t>(i));
  }
  by_front_ = Build(words_, false);
  by_back_ = Build(words_, true);
}

WordList::Index WordList::Build(const std::vector<std::string_view>& words, bool at_end) {
  // Counting sort by bucket, which keeps list order within a bucket.
  Index index;
  index.starts.assign(kBuckets + 1, 0);
  auto bucket_of = [&](std::string_view w) {
    const size_t n = w.size();
    return at_end ? Bucket(static_cast<unsigned char>(w[n - 2]), static_cast<unsigned char>(w[n - 1]))
                  : Bucket(static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w[1]));
  };
  for (std::string_view w : words) {
    if (w.size() >= 2) ++index.starts[bucket_of(w) + 1];
  }
  for (size_t b = 0; b < kBuckets; ++b) index.starts[b + 1] += index.starts[b];
  index.entries.resize(index.starts[kBuckets]);
  std::vector<uint32_t> fill(index.starts.begin(), index.starts.end() - 1);
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() >= 2) index.entries[fill[bucket_of(words[i])]++] = static_cast<uint16_t>(i);
  }
  return index;
}

bool WordList::Contains(std::string_view word) const {
  if (word.size() < 2) {
    for (uint16_t i : short_words_) {
      if (words_[i] == word) return true;
    }
    return false;
  }
  const size_t b = Bucket(static_cast<unsigned char>(word[0]), static_cast<unsigned char>(word[1]));
  for (uint32_t k = by_front_.starts[b]; k < by_front_.starts[b + 1]; ++k) {
    if (words_[by_front_.entries[k]] == word) return true;
  }
  return false;
}

bool WordList::EndsWithAny(std::string_view word, size_t min_rest) const {
  for (uint16_t i : short_words_) {
    if (word.size() >= words_[i].size() + min_rest && word.ends_with(words_[i])) return true;
  }
  if (word.size() < 2) return false;
  const size_t n = word.size();
  const size_t b =
      Bucket(static_cast<unsigned char>(word[n - 2]), static_cast<unsigned char>(word[n - 1]));
  for (uint32_t k = by_back_.starts[b]; k < by_back_.starts[b + 1]; ++k) {
    const std::string_view w = words_[by_back_.entries[k]];
    if (n >= w.size() + min_rest && word.ends_with(w)) return true;
  }
  return false;
}

std::string_view WordList::FirstPrefixOf(std::string_view word) const {
  // The earliest match of the bucket and of the short words, whichever comes first.
  size_t first = words_.size();
  for (uint16_t i : short_words_) {
    if (word.starts_with(words_[i])) {
      first = i;
      break;
    }
  }
  if (word.size() >= 2) {
    const size_t b =
        Bucket(static_cast<unsigned char>(word[0]), static_cast<unsigned char>(word[1]));
    for (uint32_t k = by_front_.starts[b]; k < by_front_.starts[b + 1]; ++k) {
      const uint16_t i = by_front_.entries[k];
      if (i >= first) break;
      if (word.starts_with(words_[i])) {
        first = i;
        break;
      }
    }
  }
  return first < words_.size() ? words_[first] : std::string_view();
}

}  // namespace tg
