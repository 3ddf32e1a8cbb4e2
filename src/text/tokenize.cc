// Stub until the tokenizer lands.
#include "text/tokenize.h"

namespace tg::text {

Analysis Analyze(std::string_view text) { return {}; }

}  // namespace tg::text
