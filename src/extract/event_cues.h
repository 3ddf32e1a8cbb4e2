#pragma once
// The words that signal meetings, trips and their status in English and
// Korean news, found on the tokens of a document (text/tokenize.h): meeting
// verbs ("met", "held talks", "sat down with", 만나, 면담), group events
// ("roundtable", "video conference", 간담회, 3자 회동), joining ("accompanied",
// "joined", 동행, 배석), references back to a meeting ("the talks", 이 자리),
// status ("is expected to", "did not", 예정, 무산), and anaphors for the
// participants of the previous meeting ("the two", 두 사람). English phrases
// match case-insensitively on whole tokens; Korean cues match stems at the
// start of a token (만나 in 만나고, 만났다 is listed apart). Internal to the
// event extractor. Pure functions; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace tg::extract {

// Bits of what a token starts. A phrase sets its bit on its first token.
enum EventCue : uint32_t {
  kCueMeet = 1u << 0,        // a two-party meeting word: met, held talks, 만나, 면담
  kCueGroupEvent = 1u << 1,  // a gathering: roundtable, video conference, 간담회, 만찬
  kCueGroupMark = 1u << 2,   // the gathering is one event: three-way, together, 3자, 함께
  kCueJoin = 1u << 3,        // accompanied, joined, attended, 동행, 배석, 참석
  kCueMeetingRef = 1u << 4,  // a noun naming a meeting: the talks, the dinner, 이 자리, 면담에는
  kCueTrip = 1u << 5,        // trip, visit, 출장, 방문
  kCuePlanned = 1u << 6,     // will, is expected to, 예정, 오는
  kCueDenied = 1u << 7,      // cancelled, called off, 무산, 취소, 불참
  kCueNegation = 1u << 8,    // not, never, did not, 못, 않
  kCuePastPlan = 1u << 9,    // was supposed to, had been scheduled, 당초, 예정이었다
  kCueTwo = 1u << 10,        // the two, both men, 두 사람, 양측
  kCueMany = 1u << 11,      // a group of three or more: the three, the four, 세 사람, 네 사람
  kCueSpeech = 1u << 12,     // said, told, according to
  kCueHome = 1u << 13,       // home, house, residence, 자택
  kCueSiteHead = 1u << 14,   // headquarters, campus, guesthouse, 본사, 캠퍼스, 영빈관
  kCueClauseEnd = 1u << 15,  // a clause boundary: ";", ", and", ", while", 했고, 하며
  kCueVisit = 1u << 16,      // visited / 찾아: a meeting when a person is the object
  kCueHearsay = 1u << 17,    // report, reported, 보도: a claim that a denial may refute
  kCueRemote = 1u << 18,     // a call or video conference: the meeting has no place
  kCueQuestion = 1u << 19,   // whether, asked if: the meeting is asked about, not reported
  kCueDiscuss = 1u << 20,    // discussed, signed, 논의했다, 서명했다: talks when both sides are named
};

struct TokenCues {
  std::vector<uint32_t> bits;      // per token: EventCue bits of phrases starting there
  std::vector<uint8_t> length;     // per token: tokens covered by the longest phrase starting there
};

// Finds the cues of every token of `analysis` over `text`.
TokenCues FindEventCues(std::string_view text, const text::Analysis& analysis);

}  // namespace tg::extract
