#include "text/html_dom.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "text/html_classes.h"
#include "text/utf8_scan.h"

namespace tg::text::html_dom {
namespace {

// How an element's own tag drops it (before classes and hidden attributes).
Drop TagDrop(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MATH: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_MAP:
      return Drop::kHard;
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_MENU:
      return Drop::kSoft;
    default:
      return Drop::kNo;
  }
}

}  // namespace

std::string_view Attr(const GumboNode* g, const char* name) {
  if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) return {};
  const GumboAttribute* a = gumbo_get_attribute(&g->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsTextNode(const GumboNode* g) {
  return g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
         g->type == GUMBO_NODE_CDATA;
}

bool IsInline(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN: case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I:
    case GUMBO_TAG_IMG: case GUMBO_TAG_KBD: case GUMBO_TAG_LABEL: case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q: case GUMBO_TAG_RP: case GUMBO_TAG_RT: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME:
    case GUMBO_TAG_U: case GUMBO_TAG_VAR: case GUMBO_TAG_WBR: case GUMBO_TAG_BR:
    case GUMBO_TAG_BIG: case GUMBO_TAG_STRIKE: case GUMBO_TAG_TT: case GUMBO_TAG_NOBR:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

bool IsHidden(const GumboNode* g) {
  if (gumbo_get_attribute(&g->v.element.attributes, "hidden") != nullptr) return true;
  if (Lowered(Attr(g, "aria-hidden")) == "true") return true;
  std::string style = Lowered(Attr(g, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

void AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    const size_t start = pos;
    if (s[pos] > ' ' && s[pos] < 0x80) {
      // A run of printable ASCII (never white space nor zero-width) goes in whole.
      while (pos < n && s[pos] > ' ' && s[pos] < 0x80) ++pos;
    } else {
      const char32_t cp = utf8_scan::Next(text, &pos);
      if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
          cp == 0x3000 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009) {
        *pending_space = true;
        continue;
      }
      if (cp == 0x200B || cp == 0xFEFF || cp == 0x200C || cp == 0x200D) continue;
    }
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->append(text.substr(start, pos - start));
  }
}

NodeTable BuildNodeTable(const GumboNode* root, MarkupFacts* facts) {
  NodeTable table;
  std::vector<Node>& nodes_ = table.nodes;
  MarkupFacts& facts_ = *facts;
  int& body_ = table.body;
  struct Item {
    const GumboNode* g;
    int parent;
  };
  std::vector<Item> stack = {{root, -1}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* g = item.g;
    Node n;
    n.g = g;
    n.parent = item.parent;
    n.depth = item.parent < 0 ? 0 : nodes_[item.parent].depth + 1;
    const int index = static_cast<int>(nodes_.size());
    if (IsTextNode(g)) {
      n.is_text = true;
      n.visible = VisibleBytes(g->v.text.text);
      if (item.parent >= 0) {
        const Node& p = nodes_[item.parent];
        n.in_link = p.in_link;
        n.meta_anc = p.meta_anc;
        n.figcaption_anc = p.figcaption_anc;
      }
      nodes_.push_back(n);
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& el = g->v.element;
    n.tag = el.tag;
    n.classes = ClassifyHtmlAttributes(Attr(g, "class"), Attr(g, "id"), Lowered(Attr(g, "role")),
                                       Attr(g, "aria-label"));
    if (Lowered(Attr(g, "itemprop")) == "articlebody") n.classes |= kHtmlBodyHint;
    n.own_drop = TagDrop(el.tag);
    if (n.own_drop == Drop::kNo && IsHidden(g)) n.own_drop = Drop::kHard;
    if (n.own_drop == Drop::kNo && (n.classes & kHtmlFurniture)) n.own_drop = Drop::kSoft;
    if (item.parent >= 0) {
      const Node& p = nodes_[item.parent];
      n.in_link = p.in_link;
      n.meta_anc = p.meta_anc;
      n.figcaption_anc = p.figcaption_anc;
    }
    if (el.tag == GUMBO_TAG_A) n.in_link = true;
    if (el.tag == GUMBO_TAG_FIGCAPTION) n.figcaption_anc = index;
    if (n.classes & kHtmlMetaHint) n.meta_anc = index;  // innermost
    if (el.tag == GUMBO_TAG_BODY && body_ < 0) body_ = index;
    nodes_.push_back(n);

    // Markup facts that live in the head or anywhere.
    switch (el.tag) {
      case GUMBO_TAG_HTML:
        if (facts_.html_lang.empty()) facts_.html_lang = std::string(Attr(g, "lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (facts_.title.empty() && el.children.length > 0) {
          bool space = false;
          for (unsigned k = 0; k < el.children.length; ++k) {
            const auto* c = static_cast<const GumboNode*>(el.children.data[k]);
            if (IsTextNode(c)) AppendCollapsed(c->v.text.text, &facts_.title, &space);
          }
        }
        break;
      case GUMBO_TAG_META: {
        std::string_view key = Attr(g, "property");
        if (key.empty()) key = Attr(g, "name");
        if (key.empty()) key = Attr(g, "itemprop");
        if (!key.empty()) facts_.metas.emplace_back(Lowered(key), std::string(Attr(g, "content")));
        break;
      }
      case GUMBO_TAG_LINK:
        if (facts_.canonical.empty() && Lowered(Attr(g, "rel")) == "canonical") {
          facts_.canonical = std::string(Attr(g, "href"));
        }
        break;
      case GUMBO_TAG_SCRIPT:
        if (Lowered(Attr(g, "type")) == "application/ld+json") {
          std::string body;
          for (unsigned k = 0; k < el.children.length; ++k) {
            const auto* c = static_cast<const GumboNode*>(el.children.data[k]);
            if (IsTextNode(c)) body += c->v.text.text;
          }
          facts_.json_ld.push_back(std::move(body));
        }
        break;
      default:
        break;
    }
    // Contents of hard-dropped raw elements are never needed as nodes.
    if (el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE || el.tag == GUMBO_TAG_TITLE ||
        el.tag == GUMBO_TAG_TEMPLATE || el.tag == GUMBO_TAG_SVG || el.tag == GUMBO_TAG_MATH) {
      continue;
    }
    for (unsigned k = el.children.length; k > 0; --k) {
      stack.push_back({static_cast<const GumboNode*>(el.children.data[k - 1]), index});
    }
  }
  // Subtree ends: children follow their parents in pre-order, so a reverse
  // pass sees every child before its parent.
  for (int i = static_cast<int>(nodes_.size()) - 1; i >= 0; --i) {
    nodes_[i].end = std::max(nodes_[i].end, i + 1);
    if (nodes_[i].parent >= 0) {
      Node& p = nodes_[nodes_[i].parent];
      p.end = std::max(p.end, nodes_[i].end);
    }
  }
  return table;
}

size_t VisibleBytes(std::string_view text) {
  // Eight bytes at a time: a byte equal to one of the four blanks has no high
  // bit in `nonzero` after the XOR (exact per byte: no borrows cross bytes).
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  auto zero_bytes = [](uint64_t y) {
    const uint64_t nonzero = (((y & kLow7) + kLow7) | y) & kHigh;
    return ~nonzero & kHigh;
  };
  size_t blanks = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    const uint64_t blank = zero_bytes(x ^ 0x2020202020202020ULL) |
                           zero_bytes(x ^ 0x0A0A0A0A0A0A0A0AULL) |
                           zero_bytes(x ^ 0x0909090909090909ULL) |
                           zero_bytes(x ^ 0x0D0D0D0D0D0D0D0DULL);
    blanks += static_cast<size_t>(std::popcount(blank));
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') ++blanks;
  }
  return text.size() - blanks;
}

void RestoreShelvedText(GumboNode* document, const TextShelf& shelf,
                        std::deque<std::string>* texts) {
  std::vector<GumboNode*> stack = {document};
  while (!stack.empty()) {
    GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT) {
      if (HasShelfMark(node->v.text.text)) {
        std::string& text = texts->emplace_back();
        UnshelveText(node->v.text.text, shelf, &text);
        node->v.text.text = text.c_str();
      }
      continue;
    }
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      children = &node->v.element.children;
    }
    if (children == nullptr) continue;
    for (unsigned k = 0; k < children->length; ++k) {
      stack.push_back(static_cast<GumboNode*>(children->data[k]));
    }
  }
}

}  // namespace tg::text::html_dom
