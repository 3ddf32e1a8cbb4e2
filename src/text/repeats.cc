#include "text/repeats.h"

#include <algorithm>
#include <utility>

#include "core/hash.h"

namespace tg::text {

size_t MarkRepeatedLines(const std::vector<std::string>& lines, std::vector<bool>* keep,
                         size_t min_bytes) {
  const std::vector<std::string_view> views(lines.begin(), lines.end());
  return MarkRepeatedLines(views, keep, min_bytes);
}

size_t MarkRepeatedLines(const std::vector<std::string_view>& lines, std::vector<bool>* keep,
                         size_t min_bytes) {
  std::vector<bool>& kept = *keep;
  const size_t n = std::min(lines.size(), kept.size());
  // Every kept line's text seen so far, in an open-addressing table of line
  // indexes (one slot array instead of a node and a vector per line); equal
  // hashes are confirmed on the text so that a collision never drops story text.
  size_t capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  constexpr size_t kEmpty = static_cast<size_t>(-1);
  std::vector<size_t> slots(capacity, kEmpty);
  std::vector<uint64_t> hashes(n);
  std::vector<bool> repeat(n, false);  // exact repeat of an earlier kept line, any length
  for (size_t i = 0; i < n; ++i) {
    if (!kept[i] || lines[i].empty()) continue;
    const uint64_t h = Hash64(lines[i]);
    hashes[i] = h;
    size_t slot = h & (capacity - 1);
    while (slots[slot] != kEmpty) {
      const size_t j = slots[slot];
      if (hashes[j] == h && lines[j] == lines[i]) {
        repeat[i] = true;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
    if (!repeat[i]) slots[slot] = i;
  }
  size_t cleared = 0;
  std::vector<bool> dropped(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (repeat[i] && lines[i].size() >= min_bytes) {
      dropped[i] = true;
    }
  }
  // Short repeats join a neighbouring dropped run, in both directions, until
  // nothing changes (each pass only grows the set, so this ends).
  bool changed = true;
  while (changed) {
    changed = false;
    size_t prev = n;  // previous kept line index
    for (size_t i = 0; i < n; ++i) {
      if (!kept[i]) continue;
      if (repeat[i] && !dropped[i] && prev < n && dropped[prev]) {
        dropped[i] = true;
        changed = true;
      }
      prev = i;
    }
    size_t next = n;
    for (size_t k = n; k-- > 0;) {
      if (!kept[k]) continue;
      if (repeat[k] && !dropped[k] && next < n && dropped[next]) {
        dropped[k] = true;
        changed = true;
      }
      next = k;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (dropped[i]) {
      kept[i] = false;
      ++cleared;
    }
  }
  return cleared;
}

int BatchLineCounter::PagesWith(std::string_view folded_line) const {
  auto it = counts_.find(Hash64(folded_line));
  return it == counts_.end() ? 0 : it->second;
}

void BatchLineCounter::AddPage(const std::vector<std::string_view>& folded_lines) {
  // Each distinct hash once, in order of first appearance (the order matters
  // once max_entries_ is reached): sorted copies find the first occurrences.
  const size_t n = folded_lines.size();
  std::vector<std::pair<uint64_t, size_t>> by_hash(n);
  for (size_t i = 0; i < n; ++i) by_hash[i] = {Hash64(folded_lines[i]), i};
  std::sort(by_hash.begin(), by_hash.end());
  std::vector<uint64_t> first(n, 0);
  std::vector<bool> is_first(n, false);
  for (size_t k = 0; k < n; ++k) {
    if (k > 0 && by_hash[k].first == by_hash[k - 1].first) continue;
    is_first[by_hash[k].second] = true;
    first[by_hash[k].second] = by_hash[k].first;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!is_first[i]) continue;
    const uint64_t h = first[i];
    auto it = counts_.find(h);
    if (it != counts_.end()) {
      ++it->second;
    } else if (counts_.size() < max_entries_) {
      counts_.emplace(h, 1);
    }
  }
}
}  // namespace tg::text
