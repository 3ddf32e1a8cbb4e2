#include "text/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/html_classes.h"
#include "text/html_flatten.h"
#include "text/html_meta.h"

namespace tg::text {
namespace {

// How the walk treats an element.
enum class Drop {
  kNo,
  kHard,  // never shown or never story text (script, style, form controls, hidden)
  kSoft,  // page furniture by tag or class; undone when it holds the story
};

struct Node {
  const GumboNode* g = nullptr;
  int parent = -1;
  int end = 0;  // one past the last descendant, in pre-order
  int depth = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  uint32_t classes = 0;  // HtmlClassFlag mask
  Drop own_drop = Drop::kNo;
  bool dropped = false;
  bool in_link = false;
  int meta_anc = -1;  // nearest ancestor-or-self with kHtmlMetaHint
  int figcaption_anc = -1;
  size_t raw_text = 0;   // text bytes below, whatever is dropped
  size_t p_text = 0;     // text bytes below inside <p>
  size_t kept_text = 0;  // text bytes below that survive dropping
  size_t kept_link = 0;  // of those, inside <a>
  bool has_hint = false;  // a body hint at or below
};

// A run of inline text between block boundaries: one candidate block.
struct TextRun {
  std::string text;  // collapsed
  int owner = -1;    // innermost open block element
  size_t link_bytes = 0;
  size_t bytes = 0;
};

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

bool IsHidden(const GumboNode* g) {
  if (gumbo_get_attribute(&g->v.element.attributes, "hidden") != nullptr) return true;
  if (Lowered(Attr(g, "aria-hidden")) == "true") return true;
  std::string style = Lowered(Attr(g, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Appends `text` with white space (ASCII, U+00A0, U+3000) collapsed into single
// spaces and zero-width characters removed; *pending_space carries a space
// across calls so runs join words correctly.
void AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, &pos);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
        cp == 0x3000 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009) {
      *pending_space = true;
      continue;
    }
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x200C || cp == 0x200D) continue;
    if (*pending_space && !out->empty()) out->push_back(' ');
    *pending_space = false;
    out->append(text.substr(start, pos - start));
  }
}

class Extractor {
 public:
  explicit Extractor(const HtmlExtractOptions& options) : options_(options) {}

  Result<HtmlExtraction> Run(const GumboNode* root);

 private:
  void BuildTable(const GumboNode* root);
  void Aggregate();
  void DecideDrops();
  void CollectRuns();
  int ChooseContainer();
  int ChooseHeadline(int scope, int container);
  std::string NodeText(int i) const;
  bool Inside(int i, int anc) const { return anc >= 0 && i >= anc && i < nodes_[anc].end; }
  int Ancestor(int i, GumboTag tag) const {
    for (int k = i; k >= 0; k = nodes_[k].parent) {
      if (!nodes_[k].is_text && nodes_[k].tag == tag) return k;
    }
    return -1;
  }

  HtmlExtractOptions options_;
  std::vector<Node> nodes_;
  std::vector<TextRun> runs_;
  MarkupFacts facts_;
  int body_ = -1;
  int dropped_blocks_ = 0;
};

void Extractor::BuildTable(const GumboNode* root) {
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
}

size_t VisibleBytes(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') ++n;
  }
  return n;
}

void Extractor::Aggregate() {
  for (int i = static_cast<int>(nodes_.size()) - 1; i >= 0; --i) {
    Node& n = nodes_[i];
    if (n.is_text) {
      const size_t bytes = VisibleBytes(n.g->v.text.text);
      n.raw_text = bytes;
      n.kept_text = n.dropped ? 0 : bytes;
      n.kept_link = n.in_link ? n.kept_text : 0;
      n.p_text = 0;
    }
    if (!n.is_text && n.tag == GUMBO_TAG_P) n.p_text = n.raw_text;
    if (n.classes & kHtmlBodyHint) n.has_hint = true;
    if (n.parent >= 0) {
      Node& p = nodes_[n.parent];
      p.raw_text += n.raw_text;
      p.p_text += n.p_text;
      p.kept_text += n.kept_text;
      p.kept_link += n.kept_link;
      p.has_hint = p.has_hint || n.has_hint;
    }
  }
}

void Extractor::DecideDrops() {
  // First pass: raw text sizes, to keep soft furniture that holds the story
  // (an ASP.NET <form> around the whole page, a "menu-wrap" around everything).
  for (Node& n : nodes_) n.raw_text = n.p_text = n.kept_text = n.kept_link = 0, n.has_hint = false;
  Aggregate();
  const size_t page_p = body_ >= 0 ? nodes_[body_].p_text : 0;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    Node& n = nodes_[i];
    if (n.own_drop == Drop::kSoft) {
      const bool holds_story = n.has_hint || (page_p > 0 && n.p_text * 2 > page_p);
      // An article's own <header> carries the headline and byline.
      const bool article_head = n.tag == GUMBO_TAG_HEADER &&
                                Ancestor(n.parent, GUMBO_TAG_ARTICLE) >= 0 &&
                                !(n.classes & kHtmlFurniture);
      if (holds_story || article_head) n.own_drop = Drop::kNo;
    }
    n.dropped = n.own_drop != Drop::kNo || (n.parent >= 0 && nodes_[n.parent].dropped);
  }
  for (Node& n : nodes_) n.raw_text = n.p_text = n.kept_text = n.kept_link = 0, n.has_hint = false;
  Aggregate();
}

void Extractor::CollectRuns() {
  if (body_ < 0) return;
  TextRun cur;
  bool pending_space = false;
  int br_count = 0;
  std::vector<int> open;  // open block elements
  auto flush = [&] {
    if (!cur.text.empty()) {
      cur.bytes = VisibleBytes(cur.text);
      runs_.push_back(std::move(cur));
    }
    cur = TextRun();
    cur.owner = open.empty() ? body_ : open.back();
    pending_space = false;
    br_count = 0;
  };
  cur.owner = body_;
  std::vector<int> all_open;  // every open element, to notice block ends
  const int end = nodes_[body_].end;
  for (int i = body_; i < end; ++i) {
    while (!all_open.empty() && nodes_[all_open.back()].end <= i) {
      const int closing = all_open.back();
      all_open.pop_back();
      if (!open.empty() && open.back() == closing) {
        flush();
        open.pop_back();
        cur.owner = open.empty() ? body_ : open.back();
      }
    }
    const Node& n = nodes_[i];
    if (n.dropped) {
      if (n.own_drop != Drop::kHard && n.raw_text > 0) ++dropped_blocks_;
      if (!IsInline(n.tag) || n.is_text) flush();
      i = n.end - 1;
      continue;
    }
    if (n.is_text) {
      std::string_view t = n.g->v.text.text;
      if (br_count >= 2 && VisibleBytes(t) > 0) flush();
      if (VisibleBytes(t) > 0) br_count = 0;
      const size_t before = cur.text.size();
      AppendCollapsed(t, &cur.text, &pending_space);
      if (n.in_link) cur.link_bytes += VisibleBytes(std::string_view(cur.text).substr(before));
      continue;
    }
    if (n.tag == GUMBO_TAG_BR) {
      ++br_count;
      pending_space = true;
      continue;
    }
    all_open.push_back(i);
    // Byline boxes put name and date in adjacent inline elements with no space
    // ("<span>홍길동 기자</span><time>입력 ...</time>"); keep them apart.
    if (n.tag == GUMBO_TAG_TIME || (n.classes & kHtmlMetaHint)) pending_space = true;
    if (!IsInline(n.tag)) {
      flush();
      open.push_back(i);
      cur.owner = i;
    }
  }
  flush();
}

int Extractor::ChooseContainer() {
  if (body_ < 0) return -1;
  auto content = [&](int i) { return nodes_[i].kept_text - nodes_[i].kept_link; };
  // Readability-style score: each paragraph-like run adds its non-link text to
  // its block and half of it to the block's parent.
  std::vector<double> score(nodes_.size(), 0.0);
  for (const TextRun& r : runs_) {
    if (r.bytes < 25 || r.link_bytes * 2 > r.bytes) continue;
    const double value = static_cast<double>(r.bytes - r.link_bytes);
    int owner = r.owner;
    const GumboTag t = nodes_[owner].tag;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_LI || IsHeading(t) || t == GUMBO_TAG_BLOCKQUOTE ||
        t == GUMBO_TAG_PRE || t == GUMBO_TAG_TD || t == GUMBO_TAG_FIGCAPTION) {
      owner = nodes_[owner].parent;
    }
    if (owner < 0) continue;
    score[owner] += value;
    if (nodes_[owner].parent >= 0) score[nodes_[owner].parent] += value / 2;
  }
  int readability = -1;
  for (int i = body_; i < nodes_[body_].end; ++i) {
    if (nodes_[i].is_text || nodes_[i].dropped) continue;
    if (readability < 0 || score[i] > score[readability]) readability = i;
  }
  const size_t readability_text =
      readability >= 0 && score[readability] > 0 ? content(readability) : 0;

  // Named body containers, the most specific one that holds nearly all the text.
  int best = -1;
  for (int i = body_; i < nodes_[body_].end; ++i) {
    const Node& n = nodes_[i];
    if (n.is_text || n.dropped || !(n.classes & kHtmlBodyHint)) continue;
    if (best < 0 || content(i) > content(best)) best = i;
  }
  if (best >= 0) {
    const size_t best_text = content(best);
    for (int i = best; i < nodes_[best].end; ++i) {
      const Node& n = nodes_[i];
      if (n.is_text || n.dropped || !(n.classes & kHtmlBodyHint)) continue;
      if (content(i) * 10 >= best_text * 9 && n.depth > nodes_[best].depth) best = i;
    }
    if (content(best) >= 50 && content(best) * 10 >= readability_text * 3) return best;
  }
  // <article> elements.
  int article = -1;
  for (int i = body_; i < nodes_[body_].end; ++i) {
    const Node& n = nodes_[i];
    if (n.is_text || n.dropped || n.tag != GUMBO_TAG_ARTICLE) continue;
    if (article < 0 || content(i) > content(article)) article = i;
  }
  if (article >= 0 && content(article) * 10 >= readability_text * 5) return article;
  return readability >= 0 && score[readability] > 0 ? readability : body_;
}

std::string Extractor::NodeText(int i) const {
  std::string out;
  bool space = false;
  for (int k = i; k < nodes_[i].end; ++k) {
    const Node& n = nodes_[k];
    if (n.dropped && k != i) {
      k = n.end - 1;
      continue;
    }
    if (n.is_text) AppendCollapsed(n.g->v.text.text, &out, &space);
    if (!n.is_text && n.tag == GUMBO_TAG_BR) space = true;
  }
  return out;
}

int Extractor::ChooseHeadline(int scope, int container) {
  auto ok = [&](int i) {
    const Node& n = nodes_[i];
    if (n.is_text || n.dropped) return false;
    const size_t bytes = n.kept_text;
    return bytes >= 5 && bytes <= 400;
  };
  auto logo = [&](int i) {
    for (int k = i; k >= 0; k = nodes_[k].parent) {
      if (nodes_[k].classes & kHtmlLogo) return true;
    }
    return false;
  };
  const int area = scope >= 0 ? scope : container;
  if (area >= 0) {
    for (int i = area; i < nodes_[area].end; ++i) {
      if (nodes_[i].tag == GUMBO_TAG_H1 && !nodes_[i].is_text && ok(i) && !logo(i)) return i;
    }
    // A headline-classed element before the body ("h2.headline", "h1.art-tit", "h2.tit").
    const int stop = container >= 0 && Inside(container, area) ? container : nodes_[area].end;
    for (int i = area; i < stop; ++i) {
      const Node& n = nodes_[i];
      if (n.is_text || !(n.classes & kHtmlHeadline) || !ok(i) || logo(i)) continue;
      if (IsHeading(n.tag) || n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_DIV ||
          n.tag == GUMBO_TAG_STRONG || n.tag == GUMBO_TAG_SPAN) {
        return i;
      }
    }
  }
  for (int i = body_; body_ >= 0 && i < nodes_[body_].end; ++i) {
    if (nodes_[i].tag == GUMBO_TAG_H1 && !nodes_[i].is_text && ok(i) && !logo(i)) return i;
  }
  return -1;
}

Result<HtmlExtraction> Extractor::Run(const GumboNode* root) {
  BuildTable(root);
  if (body_ < 0) return Status::InvalidArgument("HTML has no body");
  DecideDrops();
  CollectRuns();
  HtmlExtraction out;

  const int container = ChooseContainer();
  int scope = container >= 0 ? Ancestor(container, GUMBO_TAG_ARTICLE) : -1;
  if (scope < 0) scope = container;
  const int headline_node = ChooseHeadline(scope, container);

  std::string headline;
  if (headline_node >= 0) {
    headline = NodeText(headline_node);
    facts_.headline = headline;
  }

  // Runs: body blocks inside the container; captions in the article; meta
  // lines from byline/date elements and from the short lines above the body.
  const int first_container_run = [&] {
    for (size_t r = 0; r < runs_.size(); ++r) {
      if (Inside(runs_[r].owner, container)) return static_cast<int>(r);
    }
    return static_cast<int>(runs_.size());
  }();
  for (size_t r = 0; r < runs_.size(); ++r) {
    const TextRun& run = runs_[r];
    const Node& owner = nodes_[run.owner];
    const bool in_headline = Inside(run.owner, headline_node);
    const bool in_container = Inside(run.owner, container);
    const bool in_scope = Inside(run.owner, scope);
    const bool link_dense = run.link_bytes * 2 > run.bytes;
    const bool meta = owner.meta_anc >= 0 && run.bytes <= 200 &&
                      !(container >= 0 && Inside(container, owner.meta_anc));
    if (in_headline || run.text == headline) continue;
    if (meta) {
      out.meta_lines.push_back(run.text);
      continue;
    }
    if (in_container || (in_scope && owner.figcaption_anc >= 0)) {
      if (link_dense) {
        ++dropped_blocks_;
        continue;
      }
      // A reporter's signature line ("홍길동 기자 hong@x.kr") is byline, not story.
      if (run.bytes <= 100 && run.text.find('@') != std::string::npos &&
          !BylineFromLine(run.text).empty()) {
        out.meta_lines.push_back(run.text);
        continue;
      }
      out.blocks.push_back(run.text);
      continue;
    }
    const bool above_body = static_cast<int>(r) < first_container_run &&
                            first_container_run - static_cast<int>(r) <= 6;
    if ((in_scope || above_body) && static_cast<int>(r) < first_container_run &&
        run.bytes <= 160 && !link_dense) {
      out.meta_lines.push_back(run.text);
      continue;
    }
    ++dropped_blocks_;
  }
  // Byline and <time> from the article area or byline elements.
  for (int i = body_; i < nodes_[body_].end; ++i) {
    const Node& n = nodes_[i];
    if (n.is_text) continue;
    if (n.dropped) {
      i = n.end - 1;
      continue;
    }
    const bool near_story = Inside(i, scope) || n.meta_anc >= 0;
    if (facts_.time_datetime.empty() && n.tag == GUMBO_TAG_TIME && near_story) {
      facts_.time_datetime = std::string(Attr(n.g, "datetime"));
    }
    if (facts_.itemprop_date.empty() && Lowered(Attr(n.g, "itemprop")) == "datepublished") {
      std::string_view v = Attr(n.g, "content");
      if (v.empty()) v = Attr(n.g, "datetime");
      facts_.itemprop_date = v.empty() ? NodeText(i) : std::string(v);
    }
    if (facts_.byline.empty() && (n.classes & kHtmlAuthor) && n.kept_text > 0 &&
        n.kept_text <= 120) {
      facts_.byline = NodeText(i);
    }
    if (facts_.byline.empty() && n.tag == GUMBO_TAG_A && near_story &&
        (Lowered(Attr(n.g, "rel")) == "author" || Attr(n.g, "href").find("/author/") !=
                                                      std::string_view::npos)) {
      facts_.byline = NodeText(i);
    }
  }
  facts_.meta_lines = out.meta_lines;
  out.meta = BuildMarkupMeta(facts_);

  // The headline block: the page's own, else og:title, else the cleaned <title>.
  if (headline.empty()) {
    for (const auto& [k, v] : facts_.metas) {
      if (k == "og:title" && !v.empty()) {
        bool space = false;
        AppendCollapsed(v, &headline, &space);
        break;
      }
    }
  }
  if (headline.empty()) {
    std::string site;
    headline = SplitTitleSuffix(facts_.title, &site);
  }
  if (!headline.empty()) {
    out.blocks.erase(std::remove(out.blocks.begin(), out.blocks.end(), headline),
                     out.blocks.end());
    out.blocks.insert(out.blocks.begin(), headline);
  }
  out.blocks_dropped = dropped_blocks_;
  if (out.blocks.empty() && nodes_[body_].raw_text == 0 && facts_.title.empty()) {
    return Status::InvalidArgument("HTML has no text content");
  }
  return out;
}

}  // namespace

Result<HtmlExtraction> ExtractHtml(std::string_view html, const HtmlExtractOptions& options) {
  if (html.find('<') == std::string_view::npos) {
    return Status::InvalidArgument("not HTML: no markup");
  }
  // gumbo is quadratic in nesting depth and frees recursively (html_flatten.h);
  // keep a margin for the elements the tree builder adds (html, body, tbody).
  std::string flattened;
  const int depth_limit = std::max(8, options.max_depth - 8);
  if (FlattenDeepMarkup(html, depth_limit, &flattened) > 0) html = flattened;

  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // errors are not used; do not spend memory on them
  auto destroy = [&gumbo_options](GumboOutput* o) { gumbo_destroy_output(&gumbo_options, o); };
  std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size()), destroy);
  if (output == nullptr || output->root == nullptr) {
    return Status::Internal("HTML parser returned no tree");
  }
  Extractor extractor(options);
  return extractor.Run(output->root);
}

}  // namespace tg::text
