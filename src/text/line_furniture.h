#pragma once
// Page furniture recognisable from one line alone, wherever it stands:
// symbol-only lines, menus and breadcrumbs, UI buttons, copyright and address
// footers, e-mail bylines, tag lists, agency sign-offs, bracket-only lines;
// also list headers, bullets, byline and date lines, footer phrases. Used by
// text captures (clean_capture.h) and HTML blocks (cleaner.cc). Short UI
// lexicons in English and Korean; the phrase lexicons are searched in one pass
// per line (phrase_set.h). Pure functions; thread-safe.
#include <cstdint>
#include <string_view>

#include "text/line_stats.h"

namespace tg::text {

enum class Furniture : uint8_t { kNone, kNoise, kMeta };

// A line as the classifiers read it. All three are borrowed and must outlive the call.
struct LineRef {
  std::string_view folded;  // FoldSpace(line)
  std::string_view lower;   // AsciiLower(folded): a page's lines are lower-cased once
  const LineShape* shape;   // AnalyzeLine(folded) (or of the trimmed raw line)
};

// Furniture from the line alone. `folded` is FoldSpace(line), `shape` its AnalyzeLine.
Furniture ClassifyFurniture(std::string_view folded, const LineShape& shape);
Furniture ClassifyFurniture(const LineRef& line);

// True for a "Related Articles" / "Most Popular" / "관련기사" style list header.
bool IsListHeader(std::string_view folded, const LineShape& shape);
bool IsListHeader(const LineRef& line);

// True when a line starts like a list item ("- ", "· ", "▶", "1. ", "1 ").
bool StartsWithBullet(std::string_view folded);

// A short line that names a byline ("By Jane Doe", "김정영 기자", "Kim Ha-eun,
// Staff Reporter"); not the e-mail form, which ClassifyFurniture catches.
bool LooksLikeByline(std::string_view folded, const LineShape& shape);
bool LooksLikeByline(const LineRef& line);

// A short non-sentence line that carries a full date ("Published : Oct. 18,
// 2024", "입력 2024.10.17 11:24", "2025.09.08 08:31").
bool LooksLikeDateLine(std::string_view folded, const LineShape& shape);
bool LooksLikeDateLine(const LineRef& line);

// Phrases of footers and promotions (subscribe, log in, all rights reserved,
// "check out ... expo", e-mail or URL) in a prose-shaped line.
bool HasFooterSignal(std::string_view folded, const LineShape& shape);
bool HasFooterSignal(const LineRef& line);

}  // namespace tg::text
