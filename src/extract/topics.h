#pragma once
// Topics of a meeting: short English labels ("AI", "HBM", "foundry",
// "generative AI", "cloud computing", "EV batteries", "robotics") for what a
// span of news text says was discussed, in English or Korean. Labels come
// from a lexicon of cue words (data/lexicon/topics.tsv, compiled in; about
// 200 labels), one label per concept whatever the language ("VR", "가상현실"
// -> "VR"). Pure functions; thread-safe; a few microseconds per sentence.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tg::extract {

// The labels whose cues occur in text[begin, end), each once, in order of
// first occurrence; empty when there are none or the span is empty (`end` is
// clamped to the text). Matching rules:
// - English cues match whole words, in any case, except words written in
//   capitals, which match only so ("AI" never in "said", "AIr" or "ai").
//   Plurals match the singular cue ("GPUs", "batteries").
// - Korean cues match at the start of an eojeol, particles or more of the
//   eojeol may follow ("반도체를"); "AI 반도체" also matches "AI반도체".
// - The longest cue wins over the words it covers, so a more specific label
//   hides the general one it contains ("generative AI" -> no separate "AI"
//   from the same words). A generation label also hides its family anywhere
//   in the span ("HBM4" and "HBM" -> "HBM4").
// - Capitalized cues inside proper names ("Vantor Display", "Trade, Industry
//   and Energy Minister") and company descriptors ("battery maker") give
//   nothing.
std::vector<std::string> FindTopics(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace tg::extract
