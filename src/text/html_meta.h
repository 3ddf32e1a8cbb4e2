#pragma once
// Page metadata from markup facts that the HTML walk collects (meta tags,
// <title>, canonical link, <html lang>, JSON-LD bodies, <time datetime>,
// byline elements): picks title, outlet, byline, published date and time,
// language and URL by a fixed priority. Also the small string helpers behind
// it (title suffixes, URL dates, bylines). No HTML parsing here.
// Pure functions; thread-safe.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "text/dates.h"

namespace tg::text {

struct MarkupFacts {
  // Each <meta>: key is its property, name or itemprop, lowercased; in page order.
  std::vector<std::pair<std::string, std::string>> metas;
  std::string title;          // <title> text, white space collapsed
  std::string canonical;      // <link rel=canonical href>
  std::string html_lang;      // <html lang>, as written
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  std::string headline;       // the page's own headline element (h1), if found
  std::string itemprop_date;  // itemprop=datePublished (content, datetime or text)
  std::string time_datetime;  // first <time datetime> in the article or its byline
  std::string byline;         // text of the first author/byline element, raw
  std::vector<std::string> meta_lines;  // visible byline/date lines (bylines "홍길동 기자")
};

// Metadata by priority (see html_extract.h); empty fields when nothing is found.
DocumentMeta BuildMarkupMeta(const MarkupFacts& facts);

// Splits a site suffix off a <title>: "Headline | Site" -> "Headline" with
// *site = "Site"; "Headline < Section < 기사본문 - Site" -> "Headline". Leaves
// the title whole (and *site empty) when no plausible suffix is there.
std::string SplitTitleSuffix(std::string_view title, std::string* site);

// A date written in a URL path: /2024/06/23/, /20240623/, /2024-06-23-slug.
std::optional<FoundDate> DateFromUrl(std::string_view url);

// "By Jane Doe | Aug 24, 2023" -> "Jane Doe"; "한승민 기자 hsm@x.kr" -> "한승민".
// Returns empty when nothing name-like is left.
std::string CleanByline(std::string_view text);

// A byline inside a short visible line ("By Jane Doe · Hardware", "유서하 기자 입력 ..."),
// or empty when the line states none.
std::string BylineFromLine(std::string_view line);

}  // namespace tg::text
