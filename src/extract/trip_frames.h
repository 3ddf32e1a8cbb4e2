#pragma once
// Internal to the trip finder (trips.h): the frames read from each clause of
// a document, one per travel word and traveller, and the operations that
// merge them. A Reader walks the sentences once: travel words and
// destinations in trip_words.cc, travellers and companions in
// trip_people.cc, dates, status and the clause itself in trip_frames.cc;
// trips.cc merges the frames into trips. A Reader borrows its EventDoc and is
// used by one call; everything else is a pure function.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/event_doc.h"
#include "extract/events.h"
#include "text/line_stats.h"  // AsciiLower

namespace tg::extract::trip {

// What a travel word says about the trip.
enum class Role : uint8_t {
  kDepart,  // left, flew to, travelled to, 출국, 출장길, 향해: its date is the start
  kArrive,  // arrived in, landed, flew in, 도착: its date is the start
  kReturn,  // returned, due back, flying home, 귀국: its date is the end; no destinations
  kVisit,  // visit, trip, toured, 방문, 출장, 찾아, 방한: dates only with "starting"/ranges
};

struct Trigger {
  uint32_t token = 0;
  uint32_t length = 1;
  Role role = Role::kVisit;
  bool needs_dest = false;      // "visited", "찾아": without a place it is not about travel
  bool dest_for = false;        // "left for", "headed for": "for PLACE" is a destination
  bool origin_next = false;     // "left Seoul", "departed Seoul": the next place is the origin
  bool noun = false;            // "trip", "visit", 출장: may take a possessive traveller
  bool earlier = false;         // "his previous trip": another, earlier journey
  bool onward = false;          // "left for Taipei": the next stop, or the way home
  const char* fixed = nullptr;  // 방한 -> "kr", 방미 -> "us"
};

struct Dest {
  std::string name;   // display name (English KB name when known)
  std::string kb_id;  // empty when unknown
};

struct Frame {
  std::vector<int> travelers;  // one after Reader::Run
  std::vector<Dest> dests;
  std::vector<Dest> origins;  // "left Seoul", "flew in from Seoul"
  CivilDate start, end;       // stated days (complete dates) or unknown
  int duration = 0;           // days, from "a 10-day trip", "열흘간"
  std::string hint;           // "YYYY-MM", "YYYY" or "0000-MM" of an undated frame
  CivilDate during;           // a day inside the trip ("visited Tokyo on Monday"), not its start
  std::vector<int> companions;
  EventStatus status = EventStatus::kOccurred;
  bool past_plan = false;   // "was supposed to": denied if a cancellation follows
  bool sets_status = true;  // false for return words: "will return on the 12th" plans nothing
  size_t sentence = 0;      // evidence
  float confidence = 0.7f;
  bool date_claimed = false;
  bool earlier = false;  // "his previous trip", "앞서 ... 찾아": a journey told as past background
  bool onward = false;  // from "left for X"
};

// People who went along, for the trip of `traveler` (-1: the latest trip
// told at most two sentences before `sentence`).
struct CompanionNote {
  int traveler = -1;
  std::vector<int> people;
  size_t sentence = 0;
};

struct Reading {
  std::vector<Frame> frames;  // text order; frames in one clause already joined
  std::vector<CompanionNote> notes;
};

// Reads every clause of `doc` (a Reader's one run).
Reading ReadFrames(const EventDoc& doc);

// Frame algebra (trip_frames.cc). Absorb copies what `to` lacks (days,
// hint) and adds length, companions and origins; Merge also adds the
// destinations and settles the status (denied > occurred > planned).
void Absorb(const Frame& from, Frame* to);
void Merge(const Frame& from, Frame* to);
// Day numbers a frame may cover: stated days stretched by its length; a start
// alone leaves the end open. False when the frame has no day.
bool Span(const Frame& f, int64_t* lo, int64_t* hi, bool* closed);
// -1 the dates say different journeys, +1 they overlap in a bounded stretch,
// 0 they fit together or nothing is known.
int DateRelation(const Frame& a, const Frame& b);
// A denied frame and an occurred one are never the same trip.
bool StatusClash(const Frame& a, const Frame& b);

// Text helpers (trip_words.cc).
// A Korean word that ends a clause or modifies a noun (가로지르는, 마련된, 출국해).
bool IsKoreanVerbForm(std::string_view w);
template <size_t N>
bool OneOf(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}
inline bool Contains(const std::vector<int>& v, int x) {
  for (int y : v) {
    if (y == x) return true;
  }
  return false;
}
inline void AddUnique(std::vector<int>* v, int x) {
  if (!Contains(*v, x)) v->push_back(x);
}

class Reader {
 public:
  explicit Reader(const EventDoc& doc) : doc_(doc) {}
  Reading Run();

 private:
  struct Timex {
    const TimeExpression* t;
    uint32_t first;  // token range
    uint32_t last;
  };

  // trip_frames.cc: clauses, dates, status.
  std::vector<std::pair<uint32_t, uint32_t>> Clauses(const SentenceRefs& s) const;
  void Clause(size_t si, const SentenceRefs& s, uint32_t first, uint32_t last);
  std::vector<Timex> ClauseTimes(const SentenceRefs& s, uint32_t first, uint32_t last) const;
  int ClaimDate(const std::vector<Timex>& times, const std::vector<bool>& used, const Trigger& t,
                uint32_t prev_trigger, uint32_t next_trigger, bool fallback) const;
  void SetDate(const Timex& x, const Trigger& t, const SentenceRefs& s, Frame* f) const;
  void SetStatus(const Trigger& t, uint32_t first, uint32_t last, uint32_t next_trigger,
                 Frame* f) const;

  // trip_words.cc: travel words and destinations.
  std::string LowerAt(uint32_t i, const SentenceRefs& s) const;
  bool IsPunct(uint32_t i) const { return doc_.tokens()[i].kind == text::TokenKind::kPunct; }
  bool IsParticle(uint32_t i) const { return doc_.tokens()[i].kind == text::TokenKind::kParticle; }
  static const EntityRef* RefAt(const std::vector<EntityRef>& refs, uint32_t i);
  static const EntityRef* RefStarting(const std::vector<EntityRef>& refs, uint32_t i);
  const EntityRef* PlaceNear(const SentenceRefs& s, uint32_t i) const;
  std::vector<Trigger> Triggers(const SentenceRefs& s, uint32_t first, uint32_t last) const;
  bool EnglishTrigger(const SentenceRefs& s, uint32_t i, uint32_t last, Trigger* t) const;
  bool KoreanTrigger(uint32_t i, Trigger* t) const;
  Dest PlaceDest(const EntityRef& r) const;
  Dest FixedDest(const char* id) const;
  bool IsModifierPlace(const SentenceRefs& s, const EntityRef& r) const;
  bool IsFacility(const EntityRef& r) const;
  std::vector<Dest> EnglishDests(const SentenceRefs& s, const Trigger& t, uint32_t stop,
                                 std::vector<Dest>* origins) const;
  std::string_view KoreanLink(const SentenceRefs& s, const EntityRef& r, uint32_t trigger) const;
  std::vector<Dest> KoreanDests(const SentenceRefs& s, const Trigger& t, uint32_t stop) const;
  bool ObjectBefore(const SentenceRefs& s, uint32_t from, uint32_t to) const;

  // trip_people.cc: travellers, the discourse topic, companions.
  std::string_view NextMark(const SentenceRefs& s, const EntityRef& r) const;
  std::string_view KoreanParticle(const SentenceRefs& s, const EntityRef& r) const;
  bool IsSpeaker(const SentenceRefs& s, const EntityRef& r) const;
  std::vector<int> EnglishTravelers(const SentenceRefs& s, uint32_t first, uint32_t last,
                                    const Trigger& t, bool* from_topic) const;
  std::vector<int> Group(const SentenceRefs& s, const EntityRef& subject, uint32_t limit) const;
  int Referent(const SentenceRefs& s, uint32_t from, uint32_t to) const;
  std::vector<int> KoreanTravelers(const SentenceRefs& s, uint32_t first, uint32_t last,
                                   const Trigger& t, bool* from_topic) const;
  void UpdateTopic(const SentenceRefs& s, uint32_t first, uint32_t last);
  std::vector<int> Companions(size_t si, const SentenceRefs& s, uint32_t first, uint32_t last);

  const EventDoc& doc_;
  Reading out_;
  int topic_ = -1;  // the person the text is about
};

}  // namespace tg::extract::trip
