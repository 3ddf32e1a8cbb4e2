#include "extract/ner_labels.h"

namespace tg::extract {

std::string_view LabelName(uint8_t label) {
  static constexpr std::string_view kNames[kNumNerLabels] = {
      "O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-PLACE", "I-PLACE"};
  return label < kNumNerLabels ? kNames[label] : "?";
}

std::vector<NerSpan> LabelsToSpans(const std::vector<text::Token>& tokens, uint32_t first,
                                   const uint8_t* labels, size_t count) {
  std::vector<NerSpan> spans;
  bool open = false;
  for (size_t i = 0; i < count; ++i) {
    const uint8_t label = labels[i];
    const text::Token& token = tokens[first + i];
    if (label == kLabelO) {
      open = false;
      continue;
    }
    const EntityType type = LabelType(label);
    if (IsInside(label) && open && spans.back().type == type) {
      spans.back().end = token.end;
      continue;
    }
    spans.push_back({token.begin, token.end, type});
    open = true;
  }
  return spans;
}

}  // namespace tg::extract
