// Filters, who-met, timeline and topics. Paths and neighbourhoods are in
// paths.cc, rankings in rank.cc; shared helpers in query_internal.h.
#include "query/query.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "query/query_internal.h"

namespace tg::query {
namespace {

bool IsDate(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  }
  return true;
}

// "2024" -> "2024-00-00" (low end) or "2024-99-99" (high end), so a partial
// date compares as the whole period it names.
std::string Pad(std::string_view d, char fill) {
  std::string out(d);
  while (out.size() < 10) {
    out.push_back(out.size() == 4 || out.size() == 7 ? '-' : fill);
  }
  return out;
}

}  // namespace

Result<StatusFilter> ParseStatusFilter(std::string_view text) {
  if (text == "any" || text.empty()) return StatusFilter::kAny;
  if (text == "occurred") return StatusFilter::kOccurred;
  if (text == "planned") return StatusFilter::kPlanned;
  if (text == "denied") return StatusFilter::kDenied;
  return Status::InvalidArgument("status must be any, occurred, planned or denied, not \"", text,
                                 "\"");
}

Status ValidateFilter(const EventFilter& filter) {
  for (const std::string* d : {&filter.since, &filter.until}) {
    if (!d->empty() && !IsDate(*d)) {
      return Status::InvalidArgument("bad date \"", *d, "\": use YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  if (!filter.since.empty() && !filter.until.empty() &&
      Pad(filter.since, '0') > Pad(filter.until, '9')) {
    return Status::InvalidArgument("since ", filter.since, " is after until ", filter.until);
  }
  return Status::Ok();
}

const std::string& EventDate(const store::GraphEvent& event) {
  return event.date.empty() ? event.date_hint : event.date;
}

bool StatusPasses(uint8_t bits, StatusFilter status) {
  switch (status) {
    case StatusFilter::kAny:
      return (bits & (kOccurredBit | kPlannedBit | kOtherStatusBit)) != 0;
    case StatusFilter::kOccurred:
      return (bits & kOccurredBit) != 0;
    case StatusFilter::kPlanned:
      return (bits & kPlannedBit) != 0;
    case StatusFilter::kDenied:
      return (bits & kDeniedBit) != 0;
  }
  return false;
}

bool TopicFits(std::string_view label, std::string_view wanted_lower) {
  const std::string lower = text::AsciiLower(label);
  for (size_t pos = lower.find(wanted_lower); pos != std::string::npos;
       pos = lower.find(wanted_lower, pos + 1)) {
    const size_t end = pos + wanted_lower.size();
    const bool start_ok = pos == 0 || !IsWordByte(lower[pos - 1]);
    const bool end_ok = end == lower.size() || !IsWordByte(lower[end]);
    if (start_ok && end_ok) return true;
  }
  return false;
}

std::string ReportDate(const store::GraphEvent& event) {
  for (const store::EventSource& s : event.sources) {
    if (!s.published.empty()) return s.published;
  }
  return "";
}

bool EventMatches(const GraphIndex& index, uint32_t e, const EventFilter& filter) {
  if (!StatusPasses(index.EventStatus(e), filter.status)) return false;
  const store::GraphEvent& ev = index.EventAt(e);
  if (!filter.topic.empty()) {
    const std::string wanted = text::AsciiLower(filter.topic);
    if (std::none_of(ev.topics.begin(), ev.topics.end(),
                     [&](const std::string& t) { return TopicFits(t, wanted); })) {
      return false;
    }
  }
  if (filter.since.empty() && filter.until.empty()) return true;
  std::string lo = EventDate(ev);
  std::string hi = ev.kind == "trip" && !ev.end.empty() ? ev.end : lo;
  if (lo.empty()) lo = hi = ReportDate(ev);
  if (lo.empty()) return false;  // nothing to place it in time
  if (!filter.since.empty() && Pad(hi, '9') < Pad(filter.since, '0')) return false;
  if (!filter.until.empty() && Pad(lo, '0') > Pad(filter.until, '9')) return false;
  return true;
}

bool EventBefore(const GraphIndex& index, uint32_t a, uint32_t b) {
  const std::string& da = EventDate(index.EventAt(a));
  const std::string& db = EventDate(index.EventAt(b));
  if (da.empty() != db.empty()) return db.empty();  // dated first
  if (da != db) return da < db;
  return index.EventAt(a).id < index.EventAt(b).id;
}

void SortByDate(const GraphIndex& index, std::vector<uint32_t>* events) {
  std::sort(events->begin(), events->end(),
            [&](uint32_t a, uint32_t b) { return EventBefore(index, a, b); });
}

std::vector<uint32_t> SelfSet(const GraphIndex& index, uint32_t e) {
  std::vector<uint32_t> self = {e};
  if (index.IsOrg(e)) {
    for (uint32_t m : index.MembersOf(e)) self.push_back(m);
    std::sort(self.begin(), self.end());
  }
  return self;
}

Result<uint32_t> EntityPosition(const GraphIndex& index, int64_t id) {
  const uint32_t e = index.EntityIndex(id);
  if (e == kNoIndex) return Status::NotFound("no entity with id ", id);
  return e;
}

std::vector<int64_t> EventIds(const GraphIndex& index, const std::vector<uint32_t>& events) {
  std::vector<int64_t> ids;
  ids.reserve(events.size());
  for (uint32_t e : events) ids.push_back(index.EventAt(e).id);
  return ids;
}

Result<WhoMetResult> WhoMet(const GraphIndex& index, int64_t entity, const EventFilter& filter) {
  TG_RETURN_IF_ERROR(ValidateFilter(filter));
  TG_ASSIGN_OR_RETURN(uint32_t e, EntityPosition(index, entity));
  const std::vector<uint32_t> self = SelfSet(index, e);
  std::unordered_map<uint32_t, std::vector<uint32_t>> met;  // counterpart -> meetings
  std::unordered_set<uint32_t> all_meetings;
  for (uint32_t s : self) {
    for (const Neighbor& n : index.NeighborsOf(s)) {
      if (std::binary_search(self.begin(), self.end(), n.entity)) continue;
      if (!StatusPasses(n.statuses, filter.status)) continue;
      for (uint32_t ev : index.EdgeEvents(n)) {
        if (!EventMatches(index, ev, filter)) continue;
        met[n.entity].push_back(ev);
        all_meetings.insert(ev);
      }
    }
  }
  WhoMetResult result;
  result.entity = entity;
  result.meetings = static_cast<int64_t>(all_meetings.size());
  for (auto& [other, events] : met) {
    SortByDate(index, &events);
    events.erase(std::unique(events.begin(), events.end()), events.end());
    Counterpart c;
    c.entity = index.EntityAt(other).id;
    c.events = EventIds(index, events);
    std::unordered_set<std::string> docs;
    for (uint32_t ev : events) {
      const store::GraphEvent& g = index.EventAt(ev);
      const std::string& d = EventDate(g);
      if (!d.empty()) {
        if (c.first_date.empty()) c.first_date = d;
        c.last_date = d;
      }
      if (!g.place.empty() &&
          std::find(c.places.begin(), c.places.end(), g.place) == c.places.end()) {
        c.places.push_back(g.place);
      }
      c.topics.insert(c.topics.end(), g.topics.begin(), g.topics.end());
      for (const store::EventSource& s : g.sources) docs.insert(s.doc);
      c.occurred = c.occurred || g.status == "occurred";
    }
    std::sort(c.topics.begin(), c.topics.end());
    c.topics.erase(std::unique(c.topics.begin(), c.topics.end()), c.topics.end());
    c.sources = static_cast<int64_t>(docs.size());
    result.counterparts.push_back(std::move(c));
  }
  std::sort(result.counterparts.begin(), result.counterparts.end(),
            [&](const Counterpart& a, const Counterpart& b) {
              if (a.events.size() != b.events.size()) return a.events.size() > b.events.size();
              if (a.last_date != b.last_date) return a.last_date > b.last_date;
              const std::string& na = index.FindEntity(a.entity)->name;
              const std::string& nb = index.FindEntity(b.entity)->name;
              if (na != nb) return na < nb;
              return a.entity < b.entity;
            });
  return result;
}

namespace {

// The events of entity `e` (an org: and of its people) passing `filter`, ascending.
std::vector<uint32_t> MatchingEventsOf(const GraphIndex& index, uint32_t e,
                                       const EventFilter& filter) {
  std::vector<uint32_t> events;
  for (uint32_t s : SelfSet(index, e)) {
    for (uint32_t ev : index.EventsOf(s)) {
      if (EventMatches(index, ev, filter)) events.push_back(ev);
    }
  }
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

}  // namespace

Result<TimelineResult> Timeline(const GraphIndex& index, int64_t entity,
                                const EventFilter& filter) {
  TG_RETURN_IF_ERROR(ValidateFilter(filter));
  TG_ASSIGN_OR_RETURN(uint32_t e, EntityPosition(index, entity));
  const std::vector<uint32_t> events = MatchingEventsOf(index, e, filter);
  TimelineResult result;
  result.entity = entity;
  for (uint32_t ev : events) {
    const store::GraphEvent& g = index.EventAt(ev);
    TimelineEntry entry;
    entry.event = g.id;
    entry.date = EventDate(g);
    if (entry.date.empty()) {
      entry.undated = true;
      entry.date = ReportDate(g);
    }
    result.entries.push_back(std::move(entry));
  }
  // By date; an undated event sorts at its report date, after dated ones of
  // that day; entries without any date come last.
  std::stable_sort(result.entries.begin(), result.entries.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     if (a.date.empty() != b.date.empty()) return b.date.empty();
                     if (a.date != b.date) return a.date < b.date;
                     if (a.undated != b.undated) return b.undated;
                     return a.event < b.event;
                   });
  return result;
}

namespace {

TopicsResult CountTopics(const GraphIndex& index, std::vector<uint32_t> events) {
  SortByDate(index, &events);
  events.erase(std::unique(events.begin(), events.end()), events.end());
  TopicsResult result;
  result.events = static_cast<int64_t>(events.size());
  std::unordered_map<std::string, size_t> slot;
  std::vector<std::unordered_set<std::string>> docs;
  for (uint32_t ev : events) {
    const store::GraphEvent& g = index.EventAt(ev);
    for (const std::string& topic : g.topics) {
      auto [it, added] = slot.emplace(topic, result.topics.size());
      if (added) {
        result.topics.emplace_back();
        result.topics.back().topic = topic;
        docs.emplace_back();
      }
      TopicCount& t = result.topics[it->second];
      ++t.events;
      t.event_ids.push_back(g.id);
      const std::string& d = EventDate(g);
      if (!d.empty()) {
        if (t.first_date.empty()) t.first_date = d;
        t.last_date = d;
      }
      for (const store::EventSource& s : g.sources) docs[it->second].insert(s.doc);
    }
  }
  for (size_t i = 0; i < result.topics.size(); ++i) {
    result.topics[i].sources = static_cast<int64_t>(docs[i].size());
  }
  std::sort(result.topics.begin(), result.topics.end(),
            [](const TopicCount& a, const TopicCount& b) {
              if (a.events != b.events) return a.events > b.events;
              return a.topic < b.topic;
            });
  return result;
}

}  // namespace

Result<TopicsResult> TopicsBetween(const GraphIndex& index, int64_t a, int64_t b,
                                   const EventFilter& filter) {
  TG_RETURN_IF_ERROR(ValidateFilter(filter));
  TG_ASSIGN_OR_RETURN(uint32_t pa, EntityPosition(index, a));
  TG_ASSIGN_OR_RETURN(uint32_t pb, EntityPosition(index, b));
  std::vector<uint32_t> events;
  for (const Neighbor& n : index.NeighborsOf(pa)) {
    if (n.entity != pb) continue;
    for (uint32_t ev : index.EdgeEvents(n)) {
      if (EventMatches(index, ev, filter)) events.push_back(ev);
    }
  }
  return CountTopics(index, std::move(events));
}

Result<TopicsResult> TopicsOfOrg(const GraphIndex& index, int64_t org, const EventFilter& filter) {
  TG_RETURN_IF_ERROR(ValidateFilter(filter));
  TG_ASSIGN_OR_RETURN(uint32_t e, EntityPosition(index, org));
  return CountTopics(index, MatchingEventsOf(index, e, filter));
}

Result<TopicsResult> AllTopics(const GraphIndex& index, const EventFilter& filter) {
  TG_RETURN_IF_ERROR(ValidateFilter(filter));
  std::vector<uint32_t> events;
  for (uint32_t ev = 0; ev < index.event_count(); ++ev) {
    if (EventMatches(index, ev, filter)) events.push_back(ev);
  }
  return CountTopics(index, std::move(events));
}

}  // namespace tg::query
