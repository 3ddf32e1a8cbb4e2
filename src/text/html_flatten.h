#pragma once
// Pre-flattening of deeply nested markup, before the HTML5 parse. gumbo 0.10
// is quadratic in nesting depth (100,000 nested <div> take ~30 s) and frees its
// tree recursively, so start and end tags nested deeper than a limit are
// removed here by a cheap tag scanner; their text stays, as text of the
// ancestor at the limit. Pure function; thread-safe.
#include <string>
#include <string_view>

namespace tg::text {

// Copies `html` into *out without the start and end tags of elements that
// would sit deeper than `max_depth` open elements, and returns the number of
// tags removed. Void elements (br, img, meta ...), raw-text elements (script,
// style, textarea, title) and comments do not count as nesting. When nothing
// is that deep, returns 0 and leaves *out empty (use `html` as is).
int FlattenDeepMarkup(std::string_view html, int max_depth, std::string* out);

}  // namespace tg::text
