#pragma once
// Internal to src/text (html_extract.cc): the gumbo tree as a flat node table
// in pre-order, so the extraction walks, aggregates and decides without
// recursion (any depth is safe); the element classification it needs (inline,
// heading, dropped tags, hidden); the white-space collapsing of text nodes.
// The table also collects the markup facts of the head (<title>, metas,
// canonical link, JSON-LD, <html lang>). Pure functions; thread-safe.
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "text/html_meta.h"
#include "text/html_prepass.h"

namespace tg::text::html_dom {

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
  size_t raw_text = 0;    // text bytes below, whatever is dropped
  size_t p_text = 0;      // text bytes below inside <p>
  size_t kept_text = 0;   // text bytes below that survive dropping
  size_t kept_link = 0;   // of those, inside <a>
  bool has_hint = false;  // a body hint at or below
  size_t visible = 0;     // text nodes: VisibleBytes of the text, counted once
};

// The nodes of a page in pre-order (children after their parent, a subtree
// at [i, nodes[i].end)). Borrows the gumbo output, which must outlive it.
struct NodeTable {
  std::vector<Node> nodes;
  int body = -1;  // the <body> element, -1 if none
};

// Builds the table from the gumbo root; text below script, style, title,
// template, svg and math is not tabled. Fills `facts` with the head's markup.
NodeTable BuildNodeTable(const GumboNode* root, MarkupFacts* facts);

// The value of attribute `name`, or "" (also for non-elements).
std::string_view Attr(const GumboNode* g, const char* name);
// ASCII lower-casing of a copy.
std::string Lowered(std::string_view s);
bool IsTextNode(const GumboNode* g);
bool IsInline(GumboTag t);
bool IsHeading(GumboTag t);
// Hidden by the hidden attribute, aria-hidden="true" or an inline display:none style.
bool IsHidden(const GumboNode* g);

// Appends `text` with white space (ASCII, U+00A0, U+3000) collapsed into single
// spaces and zero-width characters removed; *pending_space carries a space
// across calls so runs join words correctly.
void AppendCollapsed(std::string_view text, std::string* out, bool* pending_space);

// Bytes that are not ASCII blanks.
size_t VisibleBytes(std::string_view text);

// Puts the text that StripInertContent shelved back into the parsed tree
// (html_prepass.h): every text node holding a placeholder is pointed at its
// expanded text, kept in `*texts`, which must outlive every use of the tree.
// Only for a tree in an arena that frees nothing (the node then points at
// memory gumbo did not allocate).
void RestoreShelvedText(GumboNode* document, const TextShelf& shelf,
                        std::deque<std::string>* texts);

}  // namespace tg::text::html_dom
