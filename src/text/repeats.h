#pragma once
// Repetition within a page and across a batch.
//  - MarkRepeatedLines: a body pasted twice (whole, or from the deck on) is kept
//    once. Pure function; thread-safe.
//  - BatchLineCounter: in how many pages of a batch a short line was seen, to
//    spot site furniture. Not thread-safe; one per Cleaner.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tg::text {

// `lines` are white-space-folded lines in page order; `keep` has the same size
// and says which lines are still kept. Clears keep[i] for every kept line that
// exactly repeats an earlier kept line of at least `min_bytes` bytes, and for
// every shorter exact repeat that sits next to such a repeated line (the
// short lines of a repeated run: a sign-off, a one-line paragraph). Returns
// how many lines it cleared.
size_t MarkRepeatedLines(const std::vector<std::string>& lines, std::vector<bool>* keep,
                         size_t min_bytes = 20);
size_t MarkRepeatedLines(const std::vector<std::string_view>& lines, std::vector<bool>* keep,
                         size_t min_bytes = 20);

class BatchLineCounter {
 public:
  // At most `max_entries` distinct lines are tracked; later new lines are ignored.
  explicit BatchLineCounter(size_t max_entries = 1 << 20) : max_entries_(max_entries) {}

  // Number of earlier pages (AddPage calls) that contained `folded_line`.
  int PagesWith(std::string_view folded_line) const;

  // Counts each distinct line of one page once.
  void AddPage(const std::vector<std::string_view>& folded_lines);

 private:
  size_t max_entries_;
  std::unordered_map<uint64_t, int> counts_;
};

}  // namespace tg::text
