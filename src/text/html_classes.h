#pragma once
// What an element's class, id, role and aria-label say about it: page
// furniture (share bars, related lists, ads, menus), the article body, a
// byline or date box, a headline, a site logo. Matching is on whole class
// tokens and on their parts split at '-', '_', digits and camelCase humps, so
// "ad" hits "ad-slot" and "rail_ad" but never "header", "shadow" or "read".
// Pure functions; thread-safe.
#include <cstdint>
#include <string_view>

namespace tg::text {

enum HtmlClassFlag : uint32_t {
  kHtmlFurniture = 1u << 0,  // share, social, comment, related, ad, menu, footer, ...
  kHtmlBodyHint = 1u << 1,   // article-body, story-body, news_body, entry-content, ...
  kHtmlMetaHint = 1u << 2,   // byline, date, time, info, meta, author, reporter, writer
  kHtmlAuthor = 1u << 3,     // author, byline, reporter, writer
  kHtmlHeadline = 1u << 4,   // headline, title, tit, subject (not "subtitle")
  kHtmlLogo = 1u << 5,       // logo, brand, masthead, site-title
};

// Returns a mask of HtmlClassFlag. Any argument may be empty. A token that is
// a body hint is never furniture ("article-body no-comments" is a body).
uint32_t ClassifyHtmlAttributes(std::string_view class_attr, std::string_view id_attr,
                                std::string_view role, std::string_view aria_label);

}  // namespace tg::text
