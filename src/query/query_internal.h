#pragma once
// Helpers shared by the query files (query.cc, paths.cc, rank.cc, export*.cc,
// json.cc); not part of the module's interface. Pure functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/utf8.h"
#include "query/graph_index.h"
#include "query/query.h"
#include "text/line_stats.h"  // AsciiLower

namespace tg::query {

// A byte that continues a word for topic matching (ASCII letter or digit, or
// any byte of a multi-byte UTF-8 character).
inline bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

// True when `text` has a Hangul character.
inline bool HasHangul(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (IsHangul(NextCodePoint(text, &pos))) return true;
  }
  return false;
}

// True when events with these status bits pass `status`.
bool StatusPasses(uint8_t bits, StatusFilter status);
// True when topic `label` contains `wanted_lower` (lower case) as whole words.
bool TopicFits(std::string_view label, std::string_view wanted_lower);
// The first report's publication date, or "".
std::string ReportDate(const store::GraphEvent& event);
// Date order (EventDate; undated last), then id.
bool EventBefore(const GraphIndex& index, uint32_t a, uint32_t b);
void SortByDate(const GraphIndex& index, std::vector<uint32_t>* events);
// The positions standing for entity `e`: itself, and an org's members, sorted.
std::vector<uint32_t> SelfSet(const GraphIndex& index, uint32_t e);
// Position of store id `id`, or kNotFound.
Result<uint32_t> EntityPosition(const GraphIndex& index, int64_t id);
std::vector<int64_t> EventIds(const GraphIndex& index, const std::vector<uint32_t>& events);

}  // namespace tg::query
