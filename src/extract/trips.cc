#include "extract/trips.h"

#include <algorithm>

#include "extract/meetings.h"
#include "extract/timex_calendar.h"
#include "extract/trip_frames.h"

namespace tg::extract {
namespace {

using trip::AddUnique;
using trip::CompanionNote;
using trip::Contains;
using trip::DateRelation;
using trip::Dest;
using trip::Frame;
using trip::Merge;
using trip::OneOf;
using trip::Span;
using trip::StatusClash;

// Continents and world regions, which the knowledge base does not hold as
// parents of countries.
constexpr std::string_view kBroadRegions[] = {
    "Europe",      "Asia",           "North America", "South America", "Latin America", "Africa",
    "Middle East", "Southeast Asia", "East Asia",     "Oceania",       "유럽",          "아시아",
    "북미",        "남미",           "중남미",        "아프리카",      "중동",          "동남아",
    "동남아시아",  "동아시아",       "오세아니아"};

// Frames of one document into trips: the same journey told several times is
// one trip; words without a destination add dates and companions; people
// who went along get the trip too.
class Merger {
 public:
  explicit Merger(const EventDoc& doc) : doc_(doc), in_(trip::ReadFrames(doc)) {}
  std::vector<Trip> Finish();

 private:
  bool IsAncestor(const std::string& a, const std::string& b) const;
  bool Related(const Dest& a, const Dest& b) const;
  bool DestOverlap(const Frame& a, const Frame& b) const;
  void TripsFromMeetings(const std::vector<Frame>& stray, std::vector<Frame>* trips) const;
  std::vector<Dest> MeetingPlaces(const Frame& trip) const;
  bool OnAnotherTrip(const std::vector<Frame>& trips, const Frame& f) const;
  void ResolvePastPlans(std::vector<Frame>* trips) const;
  Trip ToTrip(const Frame& f) const;

  const EventDoc& doc_;
  trip::Reading in_;
  mutable std::vector<Meeting> meetings_;  // found on first use
  mutable bool meetings_found_ = false;
};

bool Merger::IsAncestor(const std::string& a, const std::string& b) const {
  if (doc_.kb == nullptr || a.empty() || b.empty()) return false;
  const KbEntry* e = doc_.kb->Find(b);
  for (int depth = 0; e != nullptr && depth < 8; ++depth) {
    if (e->parent == a) return true;
    e = e->parent.empty() ? nullptr : doc_.kb->Find(e->parent);
  }
  return false;
}

bool Merger::Related(const Dest& a, const Dest& b) const {
  if (!a.kb_id.empty() && a.kb_id == b.kb_id) return true;
  // "유럽 출장" and "독일로 출국": a continent may hold any named place.
  if (OneOf(std::string_view(a.name), kBroadRegions) ||
      OneOf(std::string_view(b.name), kBroadRegions))
    return true;
  return a.name == b.name || IsAncestor(a.kb_id, b.kb_id) || IsAncestor(b.kb_id, a.kb_id);
}

bool Merger::DestOverlap(const Frame& a, const Frame& b) const {
  for (const Dest& x : a.dests) {
    for (const Dest& y : b.dests) {
      if (Related(x, y)) return true;
    }
  }
  return false;
}

std::vector<Trip> Merger::Finish() {
  std::vector<Frame> trips;
  std::vector<Frame> undirected;
  for (const Frame& f : in_.frames) {
    if (f.dests.empty()) undirected.push_back(f);
  }
  // Frames with destinations make trips; the same journey told twice is one.
  for (const Frame& f : in_.frames) {
    if (f.dests.empty()) continue;
    if (f.onward && OnAnotherTrip(trips, f)) {
      // "Chen left for Taipei on Thursday" after his Seoul visit: that visit
      // ends; where he goes next may be home.
      Frame end = f;
      end.dests.clear();
      end.end = f.start;
      end.start = CivilDate{};
      end.sets_status = false;
      undirected.push_back(std::move(end));
      continue;
    }
    Frame* host = nullptr;
    for (Frame& t : trips) {
      if (t.travelers != f.travelers || StatusClash(t, f)) continue;
      const int dates = DateRelation(t, f);
      if ((DestOverlap(t, f) && dates >= 0) || dates > 0) {
        host = &t;
        break;
      }
    }
    if (host != nullptr) {
      Merge(f, host);
    } else {
      trips.push_back(f);
    }
  }
  // Frames without: dates and companions for the traveller's trip that the
  // dates fit, else the latest one told before, else the first one after.
  std::vector<Frame> stray;
  for (const Frame& f : undirected) {
    Frame* host = nullptr;
    auto rank = [&](const Frame& t) {  // higher is better; a recalled earlier trip last
      if (DateRelation(t, f) > 0) return 6;
      return (t.sentence <= f.sentence ? 4 : 2) + (t.earlier ? 0 : 1);
    };
    for (Frame& t : trips) {
      if (t.travelers != f.travelers || DateRelation(t, f) < 0) continue;
      if (host == nullptr || rank(t) > rank(*host) ||
          (rank(t) == rank(*host) && rank(t) >= 4 && t.sentence >= host->sentence)) {
        host = &t;
      }
    }
    if (host == nullptr ||
        (IsCompleteDate(f.start) && IsCompleteDate(host->start) &&
         DayNumber(f.start) != DayNumber(host->start)) ||
        (IsCompleteDate(f.end) && IsCompleteDate(host->end) &&
         DayNumber(f.end) != DayNumber(host->end))) {
      if (host == nullptr) stray.push_back(f);
      continue;
    }
    const size_t keep = host->sentence;  // the evidence states a destination
    Merge(f, host);
    host->sentence = keep;
  }
  // "left Seoul on Sunday for a 10-day trip to the United States" and "met
  // Thornton in Seattle on Monday": the cities of meetings on the trip's days
  // are stops too (the country then gives way to them).
  for (Frame& t : trips) {
    for (const Dest& d : MeetingPlaces(t)) {
      bool seen = false;
      for (const Dest& e : t.dests) seen = seen || e.kb_id == d.kb_id;
      if (!seen) t.dests.push_back(d);
    }
  }
  TripsFromMeetings(stray, &trips);
  for (const CompanionNote& note : in_.notes) {
    Frame* host = nullptr;
    for (Frame& t : trips) {
      if (note.traveler >= 0 ? t.travelers.front() != note.traveler
                             : (t.sentence > note.sentence || t.sentence + 2 < note.sentence)) {
        continue;
      }
      if (host == nullptr || (t.sentence <= note.sentence && t.sentence >= host->sentence))
        host = &t;
    }
    if (host == nullptr) continue;
    for (int p : note.people) {
      if (p != host->travelers.front()) AddUnique(&host->companions, p);
    }
  }
  ResolvePastPlans(&trips);
  // Companions make the same trip.
  const size_t own = trips.size();
  for (size_t k = 0; k < own; ++k) {
    for (int c : trips[k].companions) {
      Frame copy = trips[k];
      copy.travelers = {c};
      copy.companions = {trips[k].travelers.front()};
      for (int other : trips[k].companions) {
        if (other != c) copy.companions.push_back(other);
      }
      copy.confidence = std::min(copy.confidence, 0.6f);
      bool merged = false;
      for (Frame& t : trips) {
        if (t.travelers == copy.travelers && DestOverlap(t, copy) && DateRelation(t, copy) >= 0) {
          for (int p : copy.companions) AddUnique(&t.companions, p);
          merged = true;
          break;
        }
      }
      if (!merged) trips.push_back(std::move(copy));
    }
  }
  std::stable_sort(trips.begin(), trips.end(),
                   [](const Frame& a, const Frame& b) { return a.sentence < b.sentence; });
  std::vector<Trip> out;
  for (const Frame& f : trips) out.push_back(ToTrip(f));
  return out;
}

// "Bae left Seoul on Sunday for the five-day trip" with no place named: when
// the dates are known, the places where the traveller meets people on
// those days are the destinations.
void Merger::TripsFromMeetings(const std::vector<Frame>& stray, std::vector<Frame>* trips) const {
  std::vector<Frame> groups;
  for (const Frame& f : stray) {
    Frame* group = nullptr;
    for (Frame& g : groups) {
      if (g.travelers == f.travelers && DateRelation(g, f) >= 0) group = &g;
    }
    if (group == nullptr) {
      groups.push_back(f);
    } else {
      const size_t keep = std::min(group->sentence, f.sentence);
      Merge(f, group);
      group->sentence = keep;
    }
  }
  for (Frame& g : groups) {
    g.dests = MeetingPlaces(g);
    if (!g.dests.empty()) {
      g.confidence = std::min(g.confidence, 0.6f);
      trips->push_back(g);
    }
  }
}

// Cities and regions of the knowledge base (not sites, not countries) where
// the traveller of `trip` meets people on a day inside its bounded dates,
// named in the meeting's own sentence and not the trip's origin.
std::vector<Dest> Merger::MeetingPlaces(const Frame& trip) const {
  std::vector<Dest> out;
  int64_t lo, hi;
  bool closed = false;
  if (!Span(trip, &lo, &hi, &closed) || !closed || hi - lo > 60) return out;
  if (!meetings_found_) {
    meetings_ = FindMeetings(doc_);
    meetings_found_ = true;
  }
  for (const Meeting& m : meetings_) {
    if (m.status == EventStatus::kDenied || m.date.empty() || m.place_kb_id.empty() ||
        !Contains(m.participants, trip.travelers.front())) {
      continue;
    }
    const int64_t day = DayNumber(ParseCivilDate(m.date));
    const KbEntry* entry = doc_.kb != nullptr ? doc_.kb->Find(m.place_kb_id) : nullptr;
    if (day < lo || day > hi || entry == nullptr || entry->kind == "site" ||
        entry->kind == "country") {
      continue;
    }
    bool named = false;
    for (const SentenceRefs& s : doc_.sentences) {
      if (s.begin < m.evidence_begin || s.begin >= m.evidence_end) continue;
      for (const EntityRef& r : s.places) {
        named = named || doc_.entities->entities[r.entity].kb_id == m.place_kb_id;
      }
    }
    const Dest d{m.place, m.place_kb_id};
    bool skip = !named;
    for (const Dest& o : trip.origins) skip = skip || Related(o, d);
    for (const Dest& o : out) skip = skip || o.kb_id == d.kb_id;
    if (!skip) out.push_back(d);
  }
  return out;
}

// True when the traveller of `f` has a trip told before it that goes
// elsewhere and whose dates allow `f` to be its end.
bool Merger::OnAnotherTrip(const std::vector<Frame>& trips, const Frame& f) const {
  for (const Frame& t : trips) {
    if (t.travelers == f.travelers && t.sentence <= f.sentence && !DestOverlap(t, f) &&
        t.status != EventStatus::kDenied && DateRelation(t, f) >= 0) {
      return true;
    }
  }
  return false;
}

// "was supposed to visit ... but the trip was cancelled": a past plan
// followed by a cancellation within three sentences is denied.
void Merger::ResolvePastPlans(std::vector<Frame>* trips) const {
  for (Frame& f : *trips) {
    if (!f.past_plan || f.status != EventStatus::kPlanned) continue;
    for (size_t k = f.sentence + 1; k < doc_.sentences.size() && k <= f.sentence + 3; ++k) {
      const SentenceRefs& s = doc_.sentences[k];
      if (doc_.AnyIn(s.first_token, s.last_token, kCueDenied)) {
        f.status = EventStatus::kDenied;
        break;
      }
    }
  }
}

Trip Merger::ToTrip(const Frame& f) const {
  Trip t;
  t.traveler = f.travelers.front();
  // Most specific stops: a place that contains another one is left out, and
  // so is a continent or world region when anything else is named.
  for (const Dest& d : f.dests) {
    bool broader = OneOf(std::string_view(d.name), kBroadRegions) && f.dests.size() > 1;
    for (const Dest& e : f.dests) broader = broader || IsAncestor(d.kb_id, e.kb_id);
    for (size_t k = 0; k < t.destinations.size() && !broader; ++k) {
      broader =
          t.destinations[k] == d.name || (!d.kb_id.empty() && t.destination_kb_ids[k] == d.kb_id);
    }
    if (broader) continue;
    t.destinations.push_back(d.name);
    t.destination_kb_ids.push_back(d.kb_id);
  }
  CivilDate start = f.start, end = f.end;
  if (f.duration > 0 && IsCompleteDate(start) && !IsCompleteDate(end))
    end = AddDays(start, f.duration - 1);
  if (f.duration > 0 && IsCompleteDate(end) && !IsCompleteDate(start))
    start = AddDays(end, 1 - f.duration);
  if (IsCompleteDate(start) && IsCompleteDate(end) && DayNumber(end) < DayNumber(start))
    end = CivilDate{};
  if (IsCompleteDate(start)) t.start = IsoDay(start);
  if (IsCompleteDate(end)) t.end = IsoDay(end);
  t.companions = f.companions;
  t.status = f.status;
  // A trip that starts after publication has not happened yet; a "planned"
  // one dated before the month of publication has ("지난 2월 ... 방한 시").
  if (IsCompleteDate(doc_.published)) {
    const std::string pub = IsoDay(doc_.published);
    const std::string during = IsCompleteDate(f.during) ? IsoDay(f.during) : "";
    const bool later = (!t.start.empty() && t.start > pub) || (t.start.empty() && during > pub) ||
                       (t.start.empty() && !f.hint.empty() && f.hint > pub.substr(0, 7));
    const bool earlier =
        (!t.start.empty() && t.start.substr(0, 7) < pub.substr(0, 7)) ||
        (t.start.empty() && !during.empty() && during.substr(0, 7) < pub.substr(0, 7)) ||
        (t.start.empty() && !f.hint.empty() && f.hint[0] != '0' &&
         f.hint < pub.substr(0, f.hint.size()));
    if (t.status == EventStatus::kOccurred && later) t.status = EventStatus::kPlanned;
    if (t.status == EventStatus::kPlanned && earlier && !f.past_plan)
      t.status = EventStatus::kOccurred;
  }
  const SentenceRefs& s = doc_.sentences[f.sentence];
  t.evidence_begin = s.begin;
  t.evidence_end = s.end;
  t.confidence = std::min(0.95f, f.confidence + (t.start.empty() && t.end.empty() ? 0.f : 0.05f));
  return t;
}

}  // namespace

std::vector<Trip> FindTrips(const EventDoc& doc) { return Merger(doc).Finish(); }

}  // namespace tg::extract
