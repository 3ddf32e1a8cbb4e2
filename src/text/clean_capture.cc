#include "text/clean_capture.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/hash.h"

namespace tg::text {
namespace {

bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Title case names joined by "in", "and": "Sachiko Ueda in Tokyo and Lee Jun-ho in Seoul".
bool LooksLikeNameList(std::string_view folded, const LineShape& shape) {
  if (shape.hangul > 0 || shape.digits > 0 || shape.sentence_end) return false;
  if (shape.words < 2 || shape.words > 10 || shape.code_points > 60) return false;
  int connectors = 0;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string_view::npos) end = folded.size();
    const std::string_view word = folded.substr(pos, end - pos);
    pos = end + 1;
    if (word.empty()) continue;
    if (word == "in" || word == "and" || word == "&") {
      ++connectors;
      continue;
    }
    if (!(word[0] >= 'A' && word[0] <= 'Z')) return false;
    for (char c : word) {
      if (c == '"' || c == ':' || c == '?') return false;
    }
  }
  return connectors > 0;
}

}  // namespace

CaptureCleaning CleanCapture(std::string_view text, const CaptureOptions& options) {
  CaptureCleaning out;
  // 1. Non-empty lines with their shape; every line is folded and lower-cased
  // once, into one buffer (folded texts first, their lower-cased copies after).
  out.storage = std::make_unique_for_overwrite<char[]>(2 * text.size() + 1);
  char* const folded_base = out.storage.get();
  char* const lower_base = folded_base + text.size();
  size_t used = 0;
  size_t newlines = 0;
  for (const char* nl = text.data(); (nl = static_cast<const char*>(std::memchr(
                                          nl, '\n', text.data() + text.size() - nl))) != nullptr;
       ++nl) {
    ++newlines;
  }
  out.lines.reserve(newlines + 1);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = TrimLine(text.substr(pos, end - pos));
    pos = end + 1;
    if (raw.empty()) continue;
    CaptureLine line;
    line.shape = AnalyzeLine(raw);
    const size_t len = FoldInto(raw, folded_base + used);
    line.text = std::string_view(folded_base + used, len);
    AsciiLowerInto(line.text, lower_base + used);
    line.lower = std::string_view(lower_base + used, len);
    used += len;
    out.lines.push_back(line);
  }
  std::vector<CaptureLine>& lines = out.lines;
  const int n = static_cast<int>(lines.size());
  if (n == 0) return out;
  auto ref = [&lines](int i) {
    return LineRef{lines[i].text, lines[i].lower, &lines[i].shape};
  };

  std::vector<Furniture> furniture(n);
  std::vector<bool> prose(n);
  for (int i = 0; i < n; ++i) {
    furniture[i] = ClassifyFurniture(ref(i));
    prose[i] = IsProse(lines[i].shape);
    if (furniture[i] == Furniture::kNone && options.batch != nullptr && !prose[i] &&
        lines[i].shape.code_points <= 50 &&
        options.batch->PagesWith(lines[i].text) >= options.repeated_line_min_docs) {
      furniture[i] = Furniture::kNoise;
    }
  }

  // 2. The body: the run of lines with the largest score, prose counting for
  // its length and anything else against it (Kadane's maximum subarray).
  long best = 0;
  int body_begin = n;
  int body_end = -1;  // inclusive
  long run = 0;
  int run_begin = 0;
  for (int i = 0; i < n; ++i) {
    long score;
    if (furniture[i] != Furniture::kNone) {
      score = -100;
    } else if (prose[i]) {
      score = std::min<long>(lines[i].shape.code_points, 400);
    } else {
      score = -(30 + std::min<long>(lines[i].shape.code_points / 2, 70));
    }
    if (run <= 0) {
      run = 0;
      run_begin = i;
    }
    run += score;
    if (run > best) {
      best = run;
      body_begin = run_begin;
      body_end = i;
    }
  }
  for (int i = 0; i < n; ++i) {
    lines[i].zone = i < body_begin ? LineZone::kHead
                                   : (i <= body_end ? LineZone::kBody : LineZone::kTail);
  }

  auto role_of_furniture = [](Furniture f) {
    return f == Furniture::kMeta ? LineRole::kMeta : LineRole::kNoise;
  };

  // 3. Body and tail (the tail first: the head reads footer lines).
  bool in_list = false;
  std::vector<bool> list_item(n, false);
  for (int i = std::max(body_begin, 0); i < n; ++i) {
    CaptureLine& line = lines[i];
    if (line.zone == LineZone::kHead) continue;
    if (furniture[i] != Furniture::kNone) {
      line.role = role_of_furniture(furniture[i]);
      continue;
    }
    if (IsListHeader(ref(i))) {
      line.role = LineRole::kNoise;
      in_list = true;
      continue;
    }
    if (in_list && (!prose[i] || StartsWithBullet(line.text))) {
      line.role = LineRole::kNoise;
      list_item[i] = true;
      continue;
    }
    in_list = false;
    if (line.zone == LineZone::kBody) {
      line.role = LineRole::kStory;
    } else if (prose[i] && !StartsWithBullet(line.text) && !HasFooterSignal(ref(i))) {
      line.role = LineRole::kStory;
    } else {
      line.role = LooksLikeByline(ref(i)) ? LineRole::kMeta : LineRole::kNoise;
    }
  }
  // Promotions and sign-offs stuck to the end of the body.
  // Once one is found, the non-sentence lines between it and the body go too
  // ("-- The newsletter team").
  bool trimming = false;
  for (int i = body_end; i >= body_begin && i >= 0; --i) {
    if (lines[i].role != LineRole::kStory) {
      trimming = true;
      continue;
    }
    if (HasFooterSignal(ref(i))) {
      trimming = true;
    } else if (!trimming || prose[i]) {
      break;
    }
    lines[i].role = LineRole::kNoise;
  }

  // Footer texts (lower-cased), to recognise the site name at the top.
  std::vector<std::string_view> footers;
  for (int i = 0; i < n; ++i) {
    const bool tail_furniture = lines[i].zone == LineZone::kTail && !list_item[i] &&
                                lines[i].role != LineRole::kStory;
    if (tail_furniture || furniture[i] == Furniture::kMeta) footers.push_back(lines[i].lower);
  }
  auto is_site_name = [&](const CaptureLine& line) {
    if (line.shape.code_points > 40 || line.shape.sentence_end) return false;
    const std::string_view lower = line.lower;
    for (std::string_view f : footers) {
      for (size_t at = f.find(lower); at != std::string_view::npos; at = f.find(lower, at + 1)) {
        const size_t end = at + lower.size();
        const bool left = at == 0 || !IsAsciiAlpha(f[at - 1]);
        const bool right = end == f.size() || !IsAsciiAlpha(f[end]);
        if (left && right) return true;
      }
    }
    return false;
  };

  // 4. The head: headline, decks and metadata among the furniture.
  bool seen_meta = false;
  in_list = false;
  for (int i = 0; i < std::min(body_begin, n); ++i) {
    CaptureLine& line = lines[i];
    const LineShape& s = line.shape;
    if (furniture[i] != Furniture::kNone) {
      line.role = role_of_furniture(furniture[i]);
      if (line.role == LineRole::kMeta) seen_meta = true;
      continue;
    }
    if (IsListHeader(ref(i))) {
      line.role = LineRole::kNoise;
      in_list = true;
      continue;
    }
    if (in_list && (!prose[i] || StartsWithBullet(line.text))) {
      line.role = LineRole::kNoise;
      continue;
    }
    in_list = false;
    if (LooksLikeDateLine(ref(i)) || LooksLikeByline(ref(i)) ||
        (seen_meta && out.headline >= 0 && LooksLikeNameList(line.text, s))) {
      line.role = LineRole::kMeta;
      seen_meta = true;
      continue;
    }
    if (prose[i]) {
      line.role = HasFooterSignal(ref(i)) ? LineRole::kNoise : LineRole::kStory;
    } else {
      const bool korean = s.hangul > s.latin;
      const bool substantial = s.words >= 3 && s.letters() >= 8 &&
                               s.code_points >= (korean ? 14u : 15u);
      const bool label = s.all_caps && s.words <= 6;
      line.role = substantial && !label && !is_site_name(line) ? LineRole::kStory
                                                               : LineRole::kNoise;
    }
    if (line.role == LineRole::kStory && out.headline < 0) out.headline = i;
  }

  // 5. A "Headline | Outlet" title bar whose bare headline is also on the page.
  std::vector<uint64_t> story_hashes;  // sorted, for binary search
  for (int i = 0; i < n; ++i) {
    if (lines[i].role == LineRole::kStory) story_hashes.push_back(Hash64(lines[i].lower));
  }
  std::sort(story_hashes.begin(), story_hashes.end());
  auto is_story = [&story_hashes](std::string_view text) {
    return std::binary_search(story_hashes.begin(), story_hashes.end(), Hash64(text));
  };
  static constexpr std::array<std::string_view, 5> kTitleSeparators = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
  for (int i = 0; i < std::min(body_begin, n) && out.title_bar < 0; ++i) {
    if (lines[i].role != LineRole::kStory) continue;
    const std::string_view lower = lines[i].lower;
    for (std::string_view sep : kTitleSeparators) {
      for (size_t at = lower.find(sep); at != std::string_view::npos;
           at = lower.find(sep, at + 1)) {
        const std::string_view left = lower.substr(0, at);
        const std::string_view right = lower.substr(at + sep.size());
        const bool left_copy = is_story(left);
        const bool right_copy = is_story(right);
        if (!left_copy && !right_copy) continue;
        const std::string_view other = left_copy ? lines[i].text.substr(at + sep.size())
                                                 : lines[i].text.substr(0, at);
        out.title_bar = i;
        out.title_bar_outlet = std::string(other);
        lines[i].role = LineRole::kMeta;
        break;
      }
      if (out.title_bar >= 0) break;
    }
  }
  if (out.headline == out.title_bar) {
    out.headline = -1;
    for (int i = 0; i < std::min(body_begin, n); ++i) {
      if (lines[i].role == LineRole::kStory) {
        out.headline = i;
        break;
      }
    }
  }

  // 6. A body pasted twice keeps one copy.
  std::vector<std::string_view> texts(n);
  std::vector<bool> keep(n);
  for (int i = 0; i < n; ++i) {
    keep[i] = lines[i].role == LineRole::kStory;
    if (keep[i]) texts[i] = lines[i].text;
  }
  MarkRepeatedLines(texts, &keep);
  for (int i = 0; i < n; ++i) {
    if (lines[i].role == LineRole::kStory && !keep[i]) lines[i].role = LineRole::kRepeat;
  }
  return out;
}

}  // namespace tg::text
