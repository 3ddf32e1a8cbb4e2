#pragma once
// Who the references of a meeting clause stand for: groups named by their
// size ("the four", 네 사람), "the chairman" with no name, the person an aide
// accompanies (A 회장을 수행해), and groups that acted each alone (각자).
// Internal to the event extractor. Pure functions of an EventDoc; thread-safe.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/event_doc.h"
#include "extract/meeting_syntax.h"

namespace tg::extract::meeting_syntax {

// English "the chairman" before the trigger of clause `c`: the person the
// text last named with that title, in sentence `si` or the five before it;
// -1 when none.
int TitledBefore(const EventDoc& doc, size_t si, const Clause& c, uint32_t trigger);

// True when the object `r` is followed by a verb of accompanying (수행해,
// 모시고, 따라, 대동하고): the person accompanied.
bool AccompaniedAfter(const EventDoc& doc, const SentenceRefs& s, const EntityRef& r);

// True when clause `c` says its people acted each alone (각자, 각각, each).
bool EachAlone(const EventDoc& doc, const Clause& c);

// The size of the group an anaphor at `token` names: "the four", "all
// five", "네 사람" (3 when the number is not spelt out).
size_t GroupSize(const EventDoc& doc, uint32_t token);

// The people named in sentence `si` before token `anaphor` and, while
// fewer than `n`, in whole sentences before it (at most two), in text
// order, leaving out `exclude`; empty unless that makes exactly n ("the
// four" after a list of five is not resolved).
std::vector<int> RecentPeople(const EventDoc& doc, size_t si, uint32_t anaphor, size_t n,
                              const std::vector<int>& exclude);

}  // namespace tg::extract::meeting_syntax
