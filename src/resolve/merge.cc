#include "resolve/merge.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "resolve/profiles.h"

namespace tg::resolve {
namespace {

constexpr long kFar = std::numeric_limits<long>::max() / 4;

// Days since 1970-01-01 of a proleptic Gregorian date.
long DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool ParseParts(const std::string& s, int* y, int* m, int* d) {
  *m = 0;
  *d = 0;
  int n = 0;
  if (s.size() == 10) n = std::sscanf(s.c_str(), "%4d-%2d-%2d", y, m, d);
  else if (s.size() == 7) n = std::sscanf(s.c_str(), "%4d-%2d", y, m);
  else if (s.size() == 4) n = std::sscanf(s.c_str(), "%4d", y);
  if (n == 0 || n * 3 < static_cast<int>(s.size() == 10 ? 9 : s.size() == 7 ? 6 : 3)) return false;
  return (*m == 0 || (*m >= 1 && *m <= 12)) && (*d == 0 || (*d >= 1 && *d <= 31));
}

struct Cluster {
  std::set<int> people;
  long lo = -kFar, hi = kFar;
  int precision = 4;  // of its most precise report
  std::set<size_t> records;
  std::set<std::tuple<size_t, int, int>> record_pairs;  // (record, a, b) reported so far
  std::vector<size_t> members;  // indexes into mentions
  int traveler = -1;
  bool trip = false;
};

size_t Shared(const std::set<int>& a, const std::vector<int>& b) {
  size_t n = 0;
  for (int x : b) n += a.count(x);
  return n;
}

template <typename T>
T MostCommon(const std::vector<T>& values) {
  std::map<T, int> counts;
  for (const T& v : values) ++counts[v];
  T best{};
  int best_count = 0;
  for (const auto& [v, c] : counts) {
    if (c > best_count) {
      best = v;
      best_count = c;
    }
  }
  return best;
}

// Status order for reports of the same day: what happened beats what was planned.
int StatusRank(const std::string& s) { return s == "occurred" ? 2 : s == "denied" ? 1 : 0; }

store::GraphEvent BuildEvent(const Cluster& c, const std::vector<store::ExtractionRecord>& records,
                             const std::vector<EventMention>& mentions) {
  store::GraphEvent ev;
  ev.kind = c.trip ? "trip" : "meeting";
  ev.participants.assign(c.people.begin(), c.people.end());
  ev.traveler = c.trip ? c.traveler : 0;
  std::vector<std::string> days, hints, ends, topics;
  std::vector<std::pair<std::string, std::string>> places;  // (normalised, display)
  std::map<std::string, std::string> place_kb;
  std::set<std::string> docs;
  double miss = 1.0;
  for (size_t k : c.members) {
    const EventMention& m = mentions[k];
    const store::ExtractionRecord& r = records[m.record];
    store::EventSource s;
    s.doc_id = r.doc_id;
    s.doc = r.ext_id;
    s.published = r.published;
    s.participants.assign(m.people.begin(), m.people.end());
    s.copies = r.duplicate_ext_ids;
    if (m.trip) {
      const store::StoredTrip& t = r.events.trips[m.index];
      s.status = t.status;
      s.date = t.start;
      s.evidence = t.evidence;
      if (!t.end.empty()) ends.push_back(t.end);
      for (const store::EventPlace& d : t.destinations) {
        if (std::find(ev.destinations.begin(), ev.destinations.end(), d.name) ==
            ev.destinations.end()) {
          ev.destinations.push_back(d.name);
        }
      }
      miss *= 1.0 - t.confidence;
    } else {
      const store::StoredMeeting& mt = r.events.meetings[m.index];
      s.status = mt.status;
      s.date = mt.date;
      s.date_hint = mt.date_hint;
      s.evidence = mt.evidence;
      if (!mt.place.name.empty()) {
        const std::string norm = NormalizeName(mt.place.name);
        places.emplace_back(norm, mt.place.name);
        if (!mt.place.kb_id.empty()) place_kb[norm] = mt.place.kb_id;
      }
      topics.insert(topics.end(), mt.topics.begin(), mt.topics.end());
      miss *= 1.0 - mt.confidence;
    }
    if (!s.date.empty()) days.push_back(s.date);
    if (!s.date_hint.empty()) hints.push_back(s.date_hint);
    docs.insert(r.ext_id);
    docs.insert(r.duplicate_ext_ids.begin(), r.duplicate_ext_ids.end());
    ev.sources.push_back(std::move(s));
  }
  std::sort(ev.sources.begin(), ev.sources.end(),
            [](const store::EventSource& a, const store::EventSource& b) {
              return std::tie(a.published, a.doc, a.evidence) < std::tie(b.published, b.doc, b.evidence);
            });
  // Status of the latest report; among reports of that day, the firmest.
  const std::string& latest = ev.sources.back().published;
  for (const store::EventSource& s : ev.sources) {
    if (s.published == latest && (ev.status.empty() || StatusRank(s.status) > StatusRank(ev.status))) {
      ev.status = s.status;
    }
  }
  ev.date = MostCommon(days);
  if (ev.date.empty()) ev.date_hint = MostCommon(hints);
  if (!ends.empty()) ev.end = *std::max_element(ends.begin(), ends.end());
  if (!places.empty()) {
    // Most reports first; then one the knowledge base knows; then the longer name.
    std::map<std::string, int> counts;
    std::map<std::string, std::string> display;
    for (const auto& [norm, name] : places) {
      ++counts[norm];
      display.emplace(norm, name);
    }
    std::string best;
    for (const auto& [norm, count] : counts) {
      if (best.empty() ||
          std::make_tuple(count, place_kb.count(norm), norm.size()) >
              std::make_tuple(counts[best], place_kb.count(best), best.size())) {
        best = norm;
      }
    }
    ev.place = display[best];
    if (auto it = place_kb.find(best); it != place_kb.end()) ev.place_kb_id = it->second;
  }
  std::sort(topics.begin(), topics.end());
  topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
  ev.topics = std::move(topics);
  ev.confidence = 1.0 - miss;
  ev.docs.assign(docs.begin(), docs.end());
  return ev;
}

}  // namespace

bool ParseDay(const std::string& date, long* day) {
  int y, m, d;
  if (date.size() != 10 || !ParseParts(date, &y, &m, &d) || m == 0 || d == 0) return false;
  *day = DaysFromCivil(y, m, d);
  return true;
}

DayRange RangeOf(const std::string& date, const std::string& date_hint, const std::string& status,
                 const std::string& published, const ResolveOptions& options) {
  DayRange r;
  long day = 0;
  int y, m, d;
  if (ParseDay(date, &day)) return {day, day, 0};
  if (date_hint.size() == 7 && ParseParts(date_hint, &y, &m, &d) && m > 0) {
    const long first = DaysFromCivil(y, m, 1);
    const long next = m == 12 ? DaysFromCivil(y + 1, 1, 1) : DaysFromCivil(y, m + 1, 1);
    return {first, next - 1, 1};
  }
  if (date_hint.size() == 4 && ParseParts(date_hint, &y, &m, &d)) {
    return {DaysFromCivil(y, 1, 1), DaysFromCivil(y, 12, 31), 2};
  }
  if (ParseDay(published, &day)) {
    if (status == "planned") return {day, day + options.planned_window_days, 3};
    return {day - options.undated_window_days, day, 3};
  }
  r.lo = -kFar;
  r.hi = kFar;
  r.precision = 4;
  return r;
}

std::vector<store::GraphEvent> MergeEvents(const std::vector<store::ExtractionRecord>& records,
                                           const std::vector<EventMention>& mentions,
                                           const ResolveOptions& options) {
  struct Item {
    DayRange range;
    size_t mention;
    std::string order;  // doc id, for a fixed order among equals
  };
  std::vector<Item> items;
  items.reserve(mentions.size());
  for (size_t k = 0; k < mentions.size(); ++k) {
    const EventMention& m = mentions[k];
    const store::ExtractionRecord& r = records[m.record];
    DayRange range;
    if (m.trip) {
      const store::StoredTrip& t = r.events.trips[m.index];
      range = RangeOf(t.start, "", t.status, r.published, options);
      long end = 0;
      if (range.precision == 0 && ParseDay(t.end, &end) && end > range.hi) range.hi = end;
    } else {
      const store::StoredMeeting& mt = r.events.meetings[m.index];
      range = RangeOf(mt.date, mt.date_hint, mt.status, r.published, options);
    }
    items.push_back({range, k, r.ext_id});
  }
  // Most precise reports first, so a vague one joins the event a precise one
  // made rather than bridging two.
  std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    const EventMention& ma = mentions[a.mention];
    const EventMention& mb = mentions[b.mention];
    return std::tie(a.range.precision, a.range.lo, ma.trip, ma.people, a.order, ma.index) <
           std::tie(b.range.precision, b.range.lo, mb.trip, mb.people, b.order, mb.index);
  });
  std::vector<Cluster> clusters;
  std::map<std::pair<int, int>, std::vector<size_t>> by_pair;  // people pair -> clusters
  std::map<int, std::vector<size_t>> by_traveler;
  for (const Item& item : items) {
    const EventMention& m = mentions[item.mention];
    std::set<size_t> candidates;
    if (m.trip) {
      for (size_t c : by_traveler[m.traveler]) candidates.insert(c);
    } else {
      for (size_t i = 0; i < m.people.size(); ++i) {
        for (size_t j = i + 1; j < m.people.size(); ++j) {
          for (size_t c : by_pair[{m.people[i], m.people[j]}]) candidates.insert(c);
        }
      }
    }
    size_t best = clusters.size();
    std::tuple<size_t, long> best_key{0, 0};
    for (size_t c : candidates) {
      const Cluster& cl = clusters[c];
      if (cl.trip != m.trip || (m.trip && cl.records.count(m.record))) continue;
      // One page may tell a gathering and, apart, two of its members' talk
      // there; but a page naming the same pair twice means two meetings.
      bool repeats_pair = false;
      for (size_t i = 0; i < m.people.size() && !repeats_pair; ++i) {
        for (size_t j = i + 1; j < m.people.size() && !repeats_pair; ++j) {
          repeats_pair = cl.record_pairs.count({m.record, m.people[i], m.people[j]}) > 0;
        }
      }
      if (repeats_pair) continue;
      if (std::max(cl.lo, item.range.lo) > std::min(cl.hi, item.range.hi)) continue;
      // A report with neither date nor publication date cannot say which
      // meeting of a pair it means: it only joins others as vague as itself.
      if ((item.range.precision == 4) != (cl.precision == 4)) continue;
      const size_t shared = m.trip ? 1 : Shared(cl.people, m.people);
      if (!m.trip && shared < 2) continue;
      const std::tuple<size_t, long> key{shared, -(cl.hi - cl.lo)};
      if (best == clusters.size() || key > best_key) {
        best = c;
        best_key = key;
      }
    }
    if (best == clusters.size()) {
      clusters.push_back({});
      clusters.back().trip = m.trip;
      clusters.back().traveler = m.traveler;
    }
    Cluster& cl = clusters[best];
    const std::set<int> before = cl.people;
    cl.people.insert(m.people.begin(), m.people.end());
    cl.lo = std::max(cl.lo, item.range.lo);
    cl.hi = std::min(cl.hi, item.range.hi);
    cl.records.insert(m.record);
    for (size_t i = 0; i < m.people.size(); ++i) {
      for (size_t j = i + 1; j < m.people.size(); ++j) {
        cl.record_pairs.insert({m.record, m.people[i], m.people[j]});
      }
    }
    cl.members.push_back(item.mention);
    cl.precision = std::min(cl.precision, item.range.precision);
    if (m.trip) {
      if (before.empty()) by_traveler[m.traveler].push_back(best);
    } else {
      for (int a : cl.people) {
        for (int b : cl.people) {
          if (a < b && !(before.count(a) && before.count(b))) by_pair[{a, b}].push_back(best);
        }
      }
    }
  }
  std::vector<store::GraphEvent> events;
  events.reserve(clusters.size());
  for (const Cluster& c : clusters) events.push_back(BuildEvent(c, records, mentions));
  return events;
}

}  // namespace tg::resolve
