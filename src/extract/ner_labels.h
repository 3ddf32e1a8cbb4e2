#pragma once
// BIO labels of the named-entity tagger and the gold-span type shared by the
// training-data readers, the tagger and the scorer. Plain value types.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "extract/entity.h"
#include "text/tokenize.h"

namespace tg::extract {

// 0 = O; then B/I pairs for PERSON, ORG, PLACE (B = 1 + 2k, I = 2 + 2k).
inline constexpr int kNumNerLabels = 7;
inline constexpr uint8_t kLabelO = 0;

inline uint8_t BeginLabel(EntityType type) { return 1 + 2 * static_cast<uint8_t>(type); }
inline bool IsBegin(uint8_t label) { return label != kLabelO && label % 2 == 1; }
inline bool IsInside(uint8_t label) { return label != kLabelO && label % 2 == 0; }
// PERSON, ORG or PLACE for a non-O label.
inline EntityType LabelType(uint8_t label) { return static_cast<EntityType>((label - 1) / 2); }
// "O", "B-PERSON", "I-ORG", ...
std::string_view LabelName(uint8_t label);

// The entity types the tagger knows (PERSON, ORG, PLACE).
inline bool IsNerType(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kOrg || type == EntityType::kPlace;
}

// A gold or predicted entity: a byte span of the example's text and its type.
struct NerSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kPerson;
  bool operator==(const NerSpan&) const = default;
};

// Spans of the B/I runs in `labels` (one per token of `tokens[first, first + labels.size())`).
// An I- label after O or another type starts a new span.
std::vector<NerSpan> LabelsToSpans(const std::vector<text::Token>& tokens, uint32_t first,
                                   const uint8_t* labels, size_t count);

}  // namespace tg::extract
