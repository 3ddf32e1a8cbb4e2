#include "text/html_extract.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "text/html_classes.h"
#include "text/html_dom.h"
#include "text/html_flatten.h"
#include "text/html_meta.h"
#include "text/html_prepass.h"

namespace tg::text {
namespace {

// A run of inline text between block boundaries: one candidate block.
struct TextRun {
  std::string text;  // collapsed
  int owner = -1;    // innermost open block element
  size_t link_bytes = 0;
  size_t bytes = 0;
};

using html_dom::AppendCollapsed;
using html_dom::Attr;
using html_dom::Drop;
using html_dom::IsHeading;
using html_dom::IsInline;
using html_dom::Lowered;
using html_dom::Node;
using html_dom::VisibleBytes;

class Extractor {
 public:
  explicit Extractor(const HtmlExtractOptions& options) : options_(options) {}

  Result<HtmlExtraction> Run(const GumboNode* root);

 private:
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

void Extractor::Aggregate() {
  for (int i = static_cast<int>(nodes_.size()) - 1; i >= 0; --i) {
    Node& n = nodes_[i];
    if (n.is_text) {
      const size_t bytes = n.visible;
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
      if (br_count >= 2 && n.visible > 0) flush();
      if (n.visible > 0) br_count = 0;
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
  html_dom::NodeTable table = html_dom::BuildNodeTable(root, &facts_);
  nodes_ = std::move(table.nodes);
  body_ = table.body;
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

// A bump allocator for gumbo: a parse makes hundreds of thousands of small
// allocations and frees them one by one (a third of its time with malloc);
// here frees are no-ops and the whole parse goes at once. One per thread,
// reused across pages; blocks beyond kRetained are returned after each page.
class GumboArena {
 public:
  static void* Allocate(void* self, size_t size) {
    return static_cast<GumboArena*>(self)->Alloc(size);
  }
  static void Deallocate(void* /*self*/, void* /*ptr*/) {}

  // Forgets every allocation; keeps up to kRetained bytes of blocks for the next page.
  void Reset() {
    size_t kept = 0;
    size_t k = 0;
    while (k < blocks_.size() && kept + blocks_[k].size <= kRetained) kept += blocks_[k++].size;
    blocks_.resize(k);
    current_ = 0;
    used_ = 0;
  }

 private:
  struct Block {
    std::unique_ptr<std::byte[]> bytes;
    size_t size = 0;
  };
  static constexpr size_t kAlign = 16;
  static constexpr size_t kMinBlock = size_t{256} << 10;
  static constexpr size_t kRetained = size_t{8} << 20;

  void* Alloc(size_t size) {
    size = (size + kAlign - 1) & ~(kAlign - 1);
    while (current_ < blocks_.size()) {
      Block& b = blocks_[current_];
      if (used_ + size <= b.size) {
        void* p = b.bytes.get() + used_;
        used_ += size;
        return p;
      }
      ++current_;
      used_ = 0;
    }
    const size_t last = blocks_.empty() ? 0 : blocks_.back().size;
    Block b;
    b.size = std::max({kMinBlock, size, std::min(last * 2, kRetained)});
    b.bytes = std::make_unique_for_overwrite<std::byte[]>(b.size);
    blocks_.push_back(std::move(b));
    current_ = blocks_.size() - 1;
    used_ = size;
    return blocks_.back().bytes.get();
  }

  std::vector<Block> blocks_;
  size_t current_ = 0;  // the block being filled
  size_t used_ = 0;     // bytes used in it
};

// Pages above this size are parsed with malloc, to bound the arena's growth
// (its memory is about ten times the page).
constexpr size_t kArenaMaxPage = size_t{8} << 20;

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

  // Script, style and comment text are never read (JSON-LD is kept): cut
  // them before the parse, which costs far more per byte (html_prepass.h).
  // Text runs are shelved too and put back after the parse; only with the
  // arena, whose tree may point at text it did not allocate.
  const bool use_arena = html.size() <= kArenaMaxPage;
  std::string stripped;
  TextShelf shelf;
  if (StripInertContent(html, &stripped, use_arena ? &shelf : nullptr) > 0) html = stripped;

  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // errors are not used; do not spend memory on them
  thread_local GumboArena arena;
  if (use_arena) {
    gumbo_options.allocator = &GumboArena::Allocate;
    gumbo_options.deallocator = &GumboArena::Deallocate;
    gumbo_options.userdata = &arena;
  }
  // With the arena, the tree goes at once by Reset, without gumbo's walk.
  auto destroy = [&gumbo_options, use_arena](GumboOutput* o) {
    if (use_arena) {
      static_cast<GumboArena*>(gumbo_options.userdata)->Reset();
    } else {
      gumbo_destroy_output(&gumbo_options, o);
    }
  };
  if (use_arena) arena.Reset();
  std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&gumbo_options, html.data(), html.size()), destroy);
  if (output == nullptr || output->root == nullptr) {
    return Status::Internal("HTML parser returned no tree");
  }
  std::deque<std::string> restored;  // outlives the extraction below
  if (!shelf.runs.empty()) html_dom::RestoreShelvedText(output->document, shelf, &restored);
  Extractor extractor(options);
  return extractor.Run(output->root);
}

}  // namespace tg::text
