#pragma once
// Cleaning of text captures of web pages (ContentKind::kText): the page noise
// is line-shaped, so every non-empty line is classified as story (headline,
// deck, body paragraph, caption), metadata (byline, date, copyright, agency
// sign-off, "Headline | Outlet" title bar) or noise (menus, breadcrumbs,
// buttons, related and popular lists, footers). Mechanisms: line shape
// (line_stats.h), short UI lexicons in English and Korean, position relative
// to the body (the densest run of prose lines), and repeated-line counts of
// the batch. Pure functions; thread-safe (the counter is only read).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  std::string text;  // trimmed, white space folded
  LineShape shape;
  LineRole role = LineRole::kStory;
  LineZone zone = LineZone::kHead;
};

struct CaptureCleaning {
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

// Furniture recognisable from one line alone, wherever it stands: symbol-only
// lines, menus and breadcrumbs, UI buttons, copyright and address footers,
// e-mail bylines, tag lists, agency sign-offs, bracket-only lines. Used for
// HTML blocks too. `folded` is FoldSpace(line), `shape` its AnalyzeLine.
enum class Furniture : uint8_t { kNone, kNoise, kMeta };
Furniture ClassifyFurniture(std::string_view folded, const LineShape& shape);

// True for a "Related Articles" / "Most Popular" / "관련기사" style list header.
bool IsListHeader(std::string_view folded, const LineShape& shape);

// True when a line starts like a list item ("- ", "· ", "▶", "1. ", "1 ").
bool StartsWithBullet(std::string_view folded);

// A short line that names a byline ("By Jane Doe", "김정영 기자", "Kim Ha-eun,
// Staff Reporter"); not the e-mail form, which ClassifyFurniture catches.
bool LooksLikeByline(std::string_view folded, const LineShape& shape);

// A short non-sentence line that carries a full date ("Published : Oct. 18,
// 2024", "입력 2024.10.17 11:24", "2025.09.08 08:31").
bool LooksLikeDateLine(std::string_view folded, const LineShape& shape);

// Phrases of footers and promotions (subscribe, log in, all rights reserved,
// "check out ... expo", e-mail or URL) in a prose-shaped line.
bool HasFooterSignal(std::string_view folded, const LineShape& shape);

}  // namespace tg::text
