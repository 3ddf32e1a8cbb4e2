#pragma once
// Topics of a meeting: short English labels ("AI", "HBM", "foundry",
// "generative AI", "cloud", "EV batteries", "robotics") for what a span of
// news text says was discussed, in English or Korean. Labels come from a
// lexicon of cue words (data/lexicon/topics.tsv, compiled in). Pure
// functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::extract {

// The labels whose cues occur in text[begin, end), each once, in order of
// first occurrence. A more specific label hides the general one it contains
// ("generative AI" found -> no separate "AI" from the same words).
std::vector<std::string> FindTopics(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace tg::extract
