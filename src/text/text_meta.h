#pragma once
// Metadata stated in page text rather than markup: the headline as title, the
// outlet (a title-bar suffix, a copyright line, an agency sign-off such as
// "/연합뉴스"), the byline ("By Jane Doe", "김정영 기자 email") and the
// published date and time (dates.h FindPublishedDate over the lines above the
// body and the first body lines; copyright years never count). Pure
// functions; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "text/clean_capture.h"

namespace tg::text {

// The reporter's name from a byline-shaped line, or "" ("By Yoo Seung-ah" ->
// "Yoo Seung-ah", "BY SHIN HA-NEE [x@y.com]" -> "SHIN HA-NEE",
// "[디지털경제신문 백지훈 기자]" -> "백지훈", "Kim Ha-eun, Staff Reporter" -> "Kim Ha-eun").
std::string ReporterFromLine(std::string_view folded);

// The outlet named by a copyright line, or "" ("Copyright (c) Han River
// Herald. All rights reserved." -> "Han River Herald"; "<저작권자 © 미래산업일보,
// 무단 전재 및 재배포 금지>" -> "미래산업일보"). Years are skipped.
std::string OutletFromCopyright(std::string_view folded);

// "/연합뉴스" -> "연합뉴스"; "" when the line is not an agency sign-off.
std::string OutletFromAgencyTag(std::string_view folded);

// Splits a "Headline | Outlet" (also " - ", " – ", " :: ") title when the
// suffix is short (a name of at most six words and 40 code points) and the
// headline at least twice as long. Returns false otherwise.
bool SplitTitleOutlet(std::string_view title, std::string* headline, std::string* outlet);

// Title, outlet, byline, published date and time of a cleaned capture.
DocumentMeta ReadCaptureMeta(const CaptureCleaning& page);

// For HTML pages: fills the empty fields of `meta` from the short texts
// around the body (`meta_lines`, e.g. "By Jane Doe | August 24, 2023") and
// the first story blocks (datelines), and from furniture blocks (copyright).
void ReadTextMeta(const std::vector<std::string>& meta_lines,
                  const std::vector<std::string>& story_blocks,
                  const std::vector<std::string>& furniture_blocks, DocumentMeta* meta);

}  // namespace tg::text
