#pragma once
// Cleaning of text captures of web pages (ContentKind::kText): the page noise
// is line-shaped, so every non-empty line is classified as story (headline,
// deck, body paragraph, caption), metadata (byline, date, copyright, agency
// sign-off, "Headline | Outlet" title bar) or noise (menus, breadcrumbs,
// buttons, related and popular lists, footers). Mechanisms: line shape
// (line_stats.h), short UI lexicons in English and Korean, position relative
// to the body (the densest run of prose lines), and repeated-line counts of
// the batch. Line-level classifiers live in line_furniture.h. Pure functions;
// thread-safe (the counter is only read).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/line_furniture.h"
#include "text/line_stats.h"
#include "text/repeats.h"

namespace tg::text {

enum class LineRole : uint8_t {
  kStory,   // kept in the clean text
  kMeta,    // dropped, read for metadata (byline, date, copyright, agency tag, title bar)
  kNoise,   // dropped as page furniture
  kRepeat,  // dropped as a repeat of an earlier story line
};

enum class LineZone : uint8_t { kHead, kBody, kTail };

struct CaptureLine {
  // Views into the owning CaptureCleaning's storage (valid while it lives,
  // moves included).
  std::string_view text;   // trimmed, white space folded
  std::string_view lower;  // AsciiLower(text)
  LineShape shape;
  LineRole role = LineRole::kStory;
  LineZone zone = LineZone::kHead;
};

struct CaptureCleaning {
  // Holds the folded and lower-cased texts of `lines` (move-only for that reason).
  std::unique_ptr<char[]> storage;
  std::vector<CaptureLine> lines;  // the non-empty lines of the page, in order
  int headline = -1;               // the headline line (a story line), -1 if none found
  int title_bar = -1;              // a "Headline | Outlet" line whose bare headline is kept
  std::string title_bar_outlet;    // the other side of that title bar
};

struct CaptureOptions {
  // Batch statistics (may be null): a short non-sentence line seen on at least
  // `repeated_line_min_docs` earlier pages is site furniture.
  const BatchLineCounter* batch = nullptr;
  int repeated_line_min_docs = 3;
};

// Classifies every line of `text` (lines split on '\n'). Never fails; a page
// of pure furniture yields no story line.
CaptureCleaning CleanCapture(std::string_view text, const CaptureOptions& options = {});

}  // namespace tg::text
