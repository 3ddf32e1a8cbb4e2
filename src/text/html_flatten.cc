#include "text/html_flatten.h"

#include <unordered_map>
#include <vector>

namespace tg::text {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsTagSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

bool OneOf(std::string_view name, const std::vector<std::string_view>& names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

bool IsVoid(std::string_view name) {
  return OneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "param", "source", "track", "wbr", "keygen", "basefont", "bgsound",
                      "frame", "image"});
}

bool IsRawText(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes"});
}

// Block-level starts that close an open <p>, as the HTML5 tree builder does;
// without this, pages of unclosed <p> would look deep to the scanner.
bool ClosesP(std::string_view name) {
  return OneOf(name, {"p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                      "section", "article", "aside", "blockquote", "pre", "form", "header",
                      "footer", "nav", "figure", "address", "main", "fieldset", "menu",
                      "details", "hgroup", "center", "figcaption", "li", "dt", "dd"});
}

// A new <li>, <dt>/<dd>, <option>, <tr> or cell ends the open one of its kind
// within the same list or table, as the HTML5 tree builder does.
void CloseImplied(std::string_view name, std::vector<std::string>* open) {
  std::vector<std::string_view> same;
  std::vector<std::string_view> boundary;
  if (name == "li") {
    same = {"li"};
    boundary = {"ul", "ol", "menu", "table"};
  } else if (name == "dt" || name == "dd") {
    same = {"dt", "dd"};
    boundary = {"dl", "table"};
  } else if (name == "option") {
    same = {"option"};
    boundary = {"select", "datalist"};
  } else if (name == "tr") {
    same = {"tr"};
    boundary = {"table", "tbody", "thead", "tfoot"};
  } else if (name == "td" || name == "th") {
    same = {"td", "th"};
    boundary = {"tr", "table"};
  } else {
    return;
  }
  for (size_t k = open->size(); k > 0; --k) {
    const std::string& el = (*open)[k - 1];
    if (OneOf(el, boundary)) return;
    if (OneOf(el, same)) {
      open->resize(k - 1);
      return;
    }
  }
}

// Index just past the '>' that ends the tag starting at `pos` ('<'), honouring
// quoted attribute values; s.size() when unterminated.
size_t TagEnd(std::string_view s, size_t pos) {
  size_t i = pos + 1;
  bool after_equals = false;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '>') return i + 1;
    if (c == '=') {
      after_equals = true;
    } else if ((c == '"' || c == '\'') && after_equals) {
      const size_t close = s.find(c, i + 1);
      if (close == std::string_view::npos) return s.size();
      i = close;
      after_equals = false;
    } else if (!IsTagSpace(c)) {
      after_equals = false;
    }
    ++i;
  }
  return s.size();
}

// Position of the case-insensitive "</name" that ends a raw-text element, or npos.
size_t FindRawTextEnd(std::string_view s, size_t from, std::string_view name) {
  size_t i = from;
  while ((i = s.find("</", i)) != std::string_view::npos) {
    bool match = i + 2 + name.size() <= s.size();
    for (size_t k = 0; match && k < name.size(); ++k) match = Lower(s[i + 2 + k]) == name[k];
    if (match) return i;
    i += 2;
  }
  return std::string_view::npos;
}

}  // namespace

int FlattenDeepMarkup(std::string_view html, int max_depth, std::string* out) {
  out->clear();
  if (max_depth < 1) max_depth = 1;
  std::vector<std::string> open;
  std::unordered_map<std::string, int> dropped_open;  // dropped start tags not yet closed
  int dropped = 0;
  size_t copied = 0;  // html[0, copied) is already in *out
  auto drop = [&](size_t begin, size_t end) {
    if (dropped == 0) out->reserve(html.size());
    out->append(html.substr(copied, begin - copied));
    copied = end;
    ++dropped;
  };
  std::string name;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const size_t close = html.find("-->", i + 4);
      if (close == std::string_view::npos) break;
      i = close + 3;
      continue;
    }
    const bool is_end = i + 1 < html.size() && html[i + 1] == '/';
    const size_t name_begin = i + (is_end ? 2 : 1);
    if (name_begin >= html.size() || !IsAlpha(html[name_begin])) {
      // "<!DOCTYPE", "<?xml", a bare '<' in text.
      i = (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) ? TagEnd(html, i)
                                                                               : i + 1;
      continue;
    }
    size_t p = name_begin;
    name.clear();
    while (p < html.size() && !IsTagSpace(html[p]) && html[p] != '/' && html[p] != '>') {
      name.push_back(Lower(html[p]));
      ++p;
    }
    const size_t end = TagEnd(html, i);
    if (is_end) {
      auto it = dropped_open.find(name);
      if (it != dropped_open.end() && it->second > 0) {
        --it->second;
        drop(i, end);
      } else {
        for (size_t k = open.size(); k > 0; --k) {
          if (open[k - 1] == name) {
            open.resize(k - 1);
            break;
          }
        }
      }
      i = end;
      continue;
    }
    const bool self_closing = end >= 2 && html[end - 2] == '/';
    if (IsRawText(name)) {
      const size_t close = FindRawTextEnd(html, end, name);
      if (close == std::string_view::npos) break;
      i = close;  // the end tag is then read as an unmatched end tag
      continue;
    }
    if (name == "plaintext") break;
    if (IsVoid(name) || self_closing) {
      i = end;
      continue;
    }
    // Implied end tags that keep the scanner's depth close to the tree's.
    if (!open.empty() && open.back() == "p" && ClosesP(name)) open.pop_back();
    CloseImplied(name, &open);
    if (static_cast<int>(open.size()) >= max_depth) {
      ++dropped_open[name];
      drop(i, end);
    } else {
      open.push_back(name);
    }
    i = end;
  }
  if (dropped == 0) return 0;
  out->append(html.substr(copied));
  return dropped;
}

}  // namespace tg::text
