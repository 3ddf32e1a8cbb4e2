#pragma once
// Language of cleaned story text: "en", "ko" or "other". Decided by the share
// of Hangul syllables against Latin letters (one Hangul syllable counts as
// three letters, so an English story with a Korean caption stays "en"), and for
// Latin text by the share of common English function words (German or French
// text is "other"). One pass over the text. Pure function; thread-safe.
#include <string_view>

namespace tg::text {

// Returns "en", "ko" or "other" (also for text with no letters at all).
std::string_view DetectLanguage(std::string_view text);

}  // namespace tg::text
