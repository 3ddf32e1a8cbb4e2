#include "text/repeats.h"

#include <algorithm>
#include <unordered_set>

#include "core/hash.h"

namespace tg::text {

size_t MarkRepeatedLines(const std::vector<std::string>& lines, std::vector<bool>* keep,
                         size_t min_bytes) {
  std::vector<bool>& kept = *keep;
  const size_t n = std::min(lines.size(), kept.size());
  // Hash of every kept line seen so far; equal hashes are confirmed on the
  // text so that a collision never drops story text.
  std::unordered_map<uint64_t, std::vector<size_t>> seen;
  seen.reserve(n * 2);
  std::vector<bool> repeat(n, false);  // exact repeat of an earlier kept line, any length
  auto earlier_copy = [&](size_t i, uint64_t h) {
    auto it = seen.find(h);
    if (it == seen.end()) return false;
    for (size_t j : it->second) {
      if (lines[j] == lines[i]) return true;
    }
    return false;
  };
  for (size_t i = 0; i < n; ++i) {
    if (!kept[i] || lines[i].empty()) continue;
    const uint64_t h = Hash64(lines[i]);
    if (earlier_copy(i, h)) {
      repeat[i] = true;
    } else {
      seen[h].push_back(i);
    }
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
  std::unordered_set<uint64_t> page;
  page.reserve(folded_lines.size() * 2);
  for (std::string_view line : folded_lines) {
    const uint64_t h = Hash64(line);
    if (!page.insert(h).second) continue;
    auto it = counts_.find(h);
    if (it != counts_.end()) {
      ++it->second;
    } else if (counts_.size() < max_entries_) {
      counts_.emplace(h, 1);
    }
  }
}

}  // namespace tg::text
