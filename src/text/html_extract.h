#pragma once
// Main-text extraction from an HTML page on an HTML5 parse (gumbo): drops
// navigation, header, footer, aside, scripts, styles, forms, share widgets,
// comment blocks and related-article lists; keeps the headline and the body
// paragraphs in reading order. Also reads metadata from the markup: <title>,
// og:/article: meta tags, <time datetime>, JSON-LD, <html lang>, the canonical URL.
// Pure function; thread-safe.
//
// Files (notes for src/text/README.md): html_extract.cc walks the gumbo tree
// iteratively and picks the story; html_flatten.* cuts nesting deeper than
// max_depth before the parse (gumbo 0.10 is quadratic in depth); html_prepass.*
// empties scripts (not JSON-LD), styles and comments before the parse and
// shelves longer text runs behind placeholders (gumbo spends a token per
// character; the text goes back into the tree after the parse), which then
// runs on a per-thread bump arena (no per-node frees); html_classes.*
// reads class/id/role/aria-label (furniture, body, byline, headline, logo);
// html_meta.* picks metadata by priority -- title: og:title > h1 > <title>;
// outlet: og:site_name > JSON-LD publisher > application-name > <title> suffix;
// byline: meta author > JSON-LD author > author/byline elements > "By ..."/"... 기자"
// lines; published: article:published_time and other date metas > itemprop >
// JSON-LD datePublished > <time datetime> in the article > date in the URL.
// dates.* / dates_match.* parse printed dates (dates.h).
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/result.h"

namespace tg::text {

struct HtmlExtractOptions {
  // Elements nested deeper than this are read as plain text of their
  // ancestor; the walk never recurses, so any depth is safe.
  int max_depth = 400;
};

struct HtmlExtraction {
  // Headline first (when the page has one), then body blocks (paragraphs,
  // subheads, list items, quotes) in reading order; white space collapsed,
  // entities decoded, each block one line with no '\n' inside.
  std::vector<std::string> blocks;
  // Metadata found in the markup (empty fields when absent). `published` is
  // "YYYY-MM-DD" and `published_time` "HH:MM[:SS]" when a machine-readable date exists.
  DocumentMeta meta;
  // Short visible texts outside the body that often carry the byline and the
  // date ("By Jane Doe | August 24, 2023", "입력 2023.08.24 09:10"), in page
  // order, for the text-form metadata readers (dates.h).
  std::vector<std::string> meta_lines;
  int blocks_dropped = 0;  // visible blocks judged page furniture
};

// Fails only when `html` has no element content at all (kInvalidArgument).
Result<HtmlExtraction> ExtractHtml(std::string_view html, const HtmlExtractOptions& options = {});

}  // namespace tg::text
