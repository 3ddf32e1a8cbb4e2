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
// Pure function; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>

namespace tg::text {

// Copies `html` into *out without the inert content above and returns the
// number of bytes removed. When nothing is removed, returns 0 and leaves *out
// empty (use `html` as is).
size_t StripInertContent(std::string_view html, std::string* out);

}  // namespace tg::text
