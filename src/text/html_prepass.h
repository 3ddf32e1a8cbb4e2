#pragma once
// Cheap removal, before the HTML5 parse, of markup content the extraction
// never reads, so that gumbo (~400 instructions per byte) sees fewer bytes:
// the text of <script> elements (JSON-LD kept: html_meta reads it), of
// <style> elements, and of HTML comments (an empty "<!---->" stays, so text
// nodes split as before). The element tags stay, so the parse tree keeps the
// same elements and the same visible text; only untabled content goes.
// The scanner follows the HTML5 tokenizer states that decide where such
// content ends (raw text, RCDATA, comment, script escape); on markup it does
// not model with certainty (foreign content it cannot skip, <select> with
// unexpected children, <frameset>, <plaintext>, a script with "<!--" and
// "<script" inside) it stops removing and keeps the rest as is.
//
// With a TextShelf, the same scan also shelves text: the middle of each
// longer run of text between tags (its first to last non-space character)
// becomes a short placeholder, so that gumbo, which spends a token on every
// character, reads a few bytes instead of a paragraph. The tree builder
// treats every non-space character alike (NUL, '&', '<', CR and the code
// points gumbo replaces are never shelved), so the tree is the same, with
// placeholders in its text nodes; UnshelveText puts the text back. Only text
// in the data state the scan models is shelved (not raw text, RCDATA, SVG or
// anything after markup the scan gives up on).
// Pure functions; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tg::text {

// The runs of text StripInertContent took out, in order; views into its input,
// which must outlive the shelf.
struct TextShelf {
  std::vector<std::string_view> runs;
};

// Copies `html` into *out without the inert content above (and, with
// `shelf`, with text shelved) and returns the number of bytes removed. When
// nothing is removed, returns 0 and leaves *out empty (use `html` as is).
size_t StripInertContent(std::string_view html, std::string* out, TextShelf* shelf = nullptr);

// Whether `text` (from the parse of StripInertContent's output) holds a
// placeholder.
bool HasShelfMark(std::string_view text);

// Appends `text` to *out with every placeholder replaced by its shelved run.
void UnshelveText(std::string_view text, const TextShelf& shelf, std::string* out);

}  // namespace tg::text
