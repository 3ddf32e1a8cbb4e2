#include "text/html_classes.h"

#include <string>
#include <vector>

namespace tg::text {
namespace {

bool OneOf(std::string_view s, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == s) return true;
  }
  return false;
}

// Parts of one class token, lowercased: "shareBar_top-2" -> share, bar, top.
std::vector<std::string> SplitParts(std::string_view token) {
  std::vector<std::string> parts;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) parts.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    if (!upper && !lower) {
      flush();
      continue;
    }
    if (upper && i > 0 && token[i - 1] >= 'a' && token[i - 1] <= 'z') flush();
    cur.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  flush();
  return parts;
}

std::string Normalize(std::string_view token) {
  std::string out;
  for (const std::string& part : SplitParts(token)) {
    if (!out.empty()) out.push_back('-');
    out += part;
  }
  return out;
}

bool IsFurniturePart(std::string_view p) {
  return OneOf(p, {"share",      "sharing",   "social",    "sns",        "comment",
                   "comments",   "cmt",       "reply",     "replies",    "related",
                   "relation",   "recommend", "recommended", "recommendation", "popular",
                   "newsletter", "subscribe", "subscription", "advert",  "advertisement",
                   "advertising", "ad",       "ads",       "adv",        "banner",
                   "promo",      "promotion", "breadcrumb", "breadcrumbs", "menu",
                   "nav",        "navi",      "navigation", "gnb",       "lnb",
                   "snb",        "sidebar",   "cookie",    "cookies",    "consent",
                   "footer",     "copyright", "login",     "signin",     "signup",
                   "tag",        "tags",      "taglist",   "trending",   "ranking",
                   "rank",       "widget",    "toolbar",   "tools",      "util",
                   "utility",    "skip",      "blind",     "hidden",     "most",
                   "sponsor",    "sponsored", "outbrain",  "taboola",    "dable",
                   "livere",     "disqus",    "popup",     "modal",      "search",
                   "paging",     "pagination"});
}

bool IsFurnitureToken(std::string_view norm) {
  return OneOf(norm, {"sr-only", "visually-hidden", "screen-reader-text", "mostread",
                      "mostviewed", "adsbygoogle", "adslot", "adbox", "adwrap", "adarea"});
}

bool IsBodyToken(std::string_view norm, const std::vector<std::string>& parts) {
  if (OneOf(norm, {"articlebody", "content-body", "body-text", "storybody", "newsbody",
                   "articletext", "articlecontent", "article-txt", "newstext", "articletxt",
                   "content-text", "main-text", "body-content"})) {
    return true;
  }
  bool kind = false;
  bool body = false;
  for (const std::string& p : parts) {
    kind = kind || OneOf(p, {"article", "story", "news", "entry", "post", "view", "art", "arti"});
    body = body || OneOf(p, {"body", "content", "contents", "text", "txt", "cont", "con"});
  }
  return kind && body;
}

bool IsMetaPart(std::string_view p) {
  return OneOf(p, {"byline", "date", "time", "datetime", "info", "meta", "author", "reporter",
                   "writer", "dateline", "published", "updated", "posted", "timestamp",
                   "pubdate", "journalist", "source"});
}

bool IsAuthorPart(std::string_view p) {
  return OneOf(p, {"author", "byline", "reporter", "writer", "journalist"});
}

}  // namespace

uint32_t ClassifyHtmlAttributes(std::string_view class_attr, std::string_view id_attr,
                                std::string_view role, std::string_view aria_label) {
  uint32_t flags = 0;
  bool body = false;
  bool furniture = false;
  auto scan = [&](std::string_view attr) {
    size_t i = 0;
    while (i < attr.size()) {
      while (i < attr.size() && (attr[i] == ' ' || attr[i] == '\t' || attr[i] == '\n')) ++i;
      size_t j = i;
      while (j < attr.size() && attr[j] != ' ' && attr[j] != '\t' && attr[j] != '\n') ++j;
      if (j == i) break;
      std::string_view token = attr.substr(i, j - i);
      i = j;
      std::vector<std::string> parts = SplitParts(token);
      std::string norm = Normalize(token);
      bool token_furniture = IsFurnitureToken(norm);
      bool sub = false;
      bool title = false;
      bool meta = false;
      bool author = false;
      bool logo = OneOf(norm, {"site-title", "site-name", "site-logo"});
      for (const std::string& p : parts) {
        token_furniture = token_furniture || IsFurniturePart(p);
        sub = sub || OneOf(p, {"sub", "site", "widget", "section", "cate", "list", "box"});
        title = title || OneOf(p, {"headline", "title", "tit", "subject", "heading", "hed"});
        meta = meta || IsMetaPart(p);
        author = author || IsAuthorPart(p);
        logo = logo || OneOf(p, {"logo", "brand", "masthead", "branding"});
      }
      if (IsBodyToken(norm, parts) && !token_furniture) {
        body = true;
      } else if (token_furniture) {
        furniture = true;
      }
      if (title && !sub) flags |= kHtmlHeadline;
      if (meta) flags |= kHtmlMetaHint;
      if (author) flags |= kHtmlAuthor;
      if (logo) flags |= kHtmlLogo;
    }
  };
  scan(class_attr);
  scan(id_attr);
  if (OneOf(role, {"navigation", "banner", "complementary", "contentinfo", "search", "menu",
                   "menubar", "toolbar", "dialog"})) {
    furniture = true;
  }
  // aria-label is prose ("Share this article"): read its words as parts.
  if (!aria_label.empty()) {
    std::string words(aria_label);
    for (char& c : words) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) c = ' ';
    }
    for (const std::string& p : SplitParts(words)) {
      if (OneOf(p, {"share", "social", "sharing", "comments", "related", "advertisement",
                    "breadcrumb", "breadcrumbs", "navigation", "menu", "footer", "newsletter",
                    "subscribe", "cookie", "cookies", "sponsored"})) {
        furniture = true;
      }
    }
  }
  if (body) {
    flags |= kHtmlBodyHint;
  } else if (furniture) {
    flags |= kHtmlFurniture;
  }
  return flags;
}

}  // namespace tg::text
