#pragma once
// English contexts that make a capitalised name an organisation whatever the
// tagger read it as: the object of "who runs / heads / founded ..." ("Ravi
// Natarajan, who runs Deccan Two-Wheelers,") and a name described as a
// business in apposition ("Lotus Silicon, a Vietnamese design services
// firm,"). Pure function; thread-safe.
#include <vector>

#include "extract/entity.h"
#include "extract/patterns.h"
#include "text/tokenize.h"

namespace tg::extract {

// Spans of names that such a context marks as organisations, in text order.
std::vector<Span> FindOrgContexts(std::string_view text, const text::Analysis& analysis);

// True for nouns that name a kind of business ("firm", "maker", "smelter",
// "chipmaker", "startup").
bool IsBusinessNoun(std::string_view word);
// IsBusinessNoun, or any agent noun in -er/-or ("nickel smelter", "game
// developer"): for descriptions before a name ("chairman of battery maker X").
bool IsTradeNoun(std::string_view word);

}  // namespace tg::extract
