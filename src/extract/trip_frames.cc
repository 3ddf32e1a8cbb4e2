#include "extract/trip_frames.h"

#include <algorithm>
#include <cstdlib>

#include "extract/timex_calendar.h"

namespace tg::extract::trip {
namespace {

using text::TokenKind;

// Words of habits, not of one journey ("has visited ... every year").
constexpr std::string_view kHabitual[] = {"every", "annually", "regularly", "often",
                                          "매년",  "해마다",   "매해",      "자주"};

bool IsDay(const TimeExpression& t) {
  return t.anchor != TimeAnchor::kDuration && t.anchor != TimeAnchor::kEvent && !t.approximate &&
         IsCompleteDate(t.value);
}

// Hints are "YYYY-MM", "YYYY" or "0000-MM" (no year): they clash when a
// part both know differs.
bool HintsClash(const std::string& a, const std::string& b) {
  const std::string ya = a.substr(0, 4), yb = b.substr(0, 4);
  if (ya != "0000" && yb != "0000" && ya != yb) return true;
  return a.size() == 7 && b.size() == 7 && a.substr(5) != b.substr(5);
}

}  // namespace

Reading ReadFrames(const EventDoc& doc) { return Reader(doc).Run(); }

Reading Reader::Run() {
  for (size_t si = 0; si < doc_.sentences.size(); ++si) {
    const SentenceRefs& s = doc_.sentences[si];
    for (const auto& [first, last] : Clauses(s)) {
      Clause(si, s, first, last);
      UpdateTopic(s, first, last);
    }
  }
  return std::move(out_);
}

// Clauses cut at ";", ", and", 했고, 하며 (event_cues.h).
std::vector<std::pair<uint32_t, uint32_t>> Reader::Clauses(const SentenceRefs& s) const {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  uint32_t start = s.first_token;
  for (uint32_t i = s.first_token; i < s.last_token; ++i) {
    if (!doc_.Has(i, kCueClauseEnd)) continue;
    const uint32_t cut = doc_.korean ? i + 1 : i;
    if (cut > start) out.emplace_back(start, cut);
    start = cut;
  }
  if (start < s.last_token) out.emplace_back(start, s.last_token);
  return out;
}

std::vector<Reader::Timex> Reader::ClauseTimes(const SentenceRefs& s, uint32_t first,
                                               uint32_t last) const {
  std::vector<Timex> out;
  const auto& tokens = doc_.tokens();
  for (int index : s.times) {
    const TimeExpression& t = doc_.entities->times[index];
    auto at = [&](uint32_t byte) {
      return static_cast<uint32_t>(
          std::upper_bound(tokens.begin(), tokens.end(), byte,
                           [](uint32_t b, const text::Token& tok) { return b < tok.end; }) -
          tokens.begin());
    };
    const uint32_t a = at(t.begin), b = std::max(a + 1, at(t.end - 1) + 1);
    if (a >= first && a < last) out.push_back({&t, a, b});
  }
  return out;
}

// The date a travel word claims: English the first one after it ("left on
// Sunday", "returned on the 12th"), Korean the one right before it ("13일
// 출국"); with `fallback`, one close on the other side ("On Thursday he
// travelled", "귀국은 22일로").
int Reader::ClaimDate(const std::vector<Timex>& times, const std::vector<bool>& used,
                      const Trigger& t, uint32_t prev_trigger, uint32_t next_trigger,
                      bool fallback) const {
  int best = -1;
  for (size_t k = 0; k < times.size(); ++k) {
    const Timex& x = times[k];
    if (used[k] || x.t->anchor == TimeAnchor::kDuration) continue;
    const bool after = x.first >= t.token + t.length && x.first < next_trigger;
    const bool before = x.last <= t.token && x.first >= prev_trigger;
    bool ok;
    if (!fallback) {
      ok = doc_.korean ? (before && x.last + 5 >= t.token) : (after && x.first < t.token + 12);
    } else {
      ok = doc_.korean ? (after && x.first < t.token + 5) : (before && x.last + 4 >= t.token);
    }
    if (!ok) continue;
    // English takes the first after (or the last before); Korean the last before (or the first
    // after).
    best = static_cast<int>(k);
    if (doc_.korean == fallback) break;
  }
  return best;
}

void Reader::SetDate(const Timex& x, const Trigger& t, const SentenceRefs& s, Frame* f) const {
  const TimeExpression& e = *x.t;
  if (!IsDay(e)) {
    if (e.value.month != 0 && e.anchor != TimeAnchor::kEvent) {
      f->hint =
          IsoDay(CivilDate{e.value.year, e.value.month, 1}).substr(0, 7);  // "0000-04": no year
    } else if (e.value.year != 0 && e.anchor != TimeAnchor::kEvent) {
      f->hint = IsoDay(e.value).substr(0, 4);  // "in 2018"
    }
    return;
  }
  if (IsCompleteDate(e.range_end) && t.role != Role::kReturn) {
    f->start = e.value;  // "17일부터 나흘간", "Aug. 18-22"
    f->end = e.range_end;
    return;
  }
  std::string before = x.first > s.first_token ? LowerAt(x.first - 1, s) : "";
  if (before == "on" && x.first > s.first_token + 1) before = LowerAt(x.first - 2, s);
  switch (t.role) {
    case Role::kDepart:
    case Role::kArrive:
      f->start = e.value;
      break;
    case Role::kReturn:
      f->end = e.value;
      break;
    case Role::kVisit:
      if (before == "starting" || before == "from" || before == "beginning") {
        f->start = e.value;
      } else if (before == "through" || before == "until" || before == "till") {
        f->end = e.value;
      } else {
        f->during = e.value;
      }
      break;
  }
}

void Reader::SetStatus(const Trigger& t, uint32_t first, uint32_t last, uint32_t next_trigger,
                       Frame* f) const {
  const uint32_t i = t.token;
  bool denied, planned, past;
  if (doc_.korean) {
    const uint32_t after = std::min(last, i + 4);
    denied = doc_.AnyIn(i + 1, after, kCueNegation | kCueDenied);
    std::string_view w = doc_.Token(i);
    planned = w.ends_with("할") || w.ends_with("을") || w.ends_with("날");
    past = false;
    // The clause's closing "예정이다", "계획이다" plan the trip when the travel word
    // leads into it (방문해, 찾아, 방미를); not from a clause inside (방한 시, 출국한).
    static constexpr std::string_view kLinks[] = {"해", "하고", "하며", "해서", "아"};
    bool leads = i + 1 < last && (doc_.Token(i + 1) == "을" || doc_.Token(i + 1) == "를");
    for (std::string_view e : kLinks) leads = leads || w.ends_with(e);
    const uint32_t reach = leads ? next_trigger : std::min(next_trigger, i + 4);
    for (uint32_t j = i + 1; j < reach; ++j) {
      if (doc_.Token(j) == "오는") continue;
      planned = planned || doc_.Has(j, kCuePlanned | kCuePastPlan);
      past = past || doc_.Has(j, kCuePastPlan);
    }
    // "오는 23일 ... 봉하마을을 찾는다": the plain present with a later date is a plan.
    if (!planned && (w.ends_with("는다") || w.ends_with("한다") || w.ends_with("난다")) &&
        IsCompleteDate(doc_.published)) {
      for (const Timex& x : ClauseTimes(doc_.sentences[f->sentence], first, last)) {
        const CivilDate& v = x.t->value;
        const CivilDate& p = doc_.published;
        if (x.t->anchor == TimeAnchor::kDuration || v.year == 0 || v.month == 0) continue;
        planned = planned || v.year > p.year || (v.year == p.year && v.month > p.month) ||
                  (v.year == p.year && v.month == p.month && v.day > p.day);
      }
    }
  } else {
    const uint32_t from = i >= first + 6 ? i - 6 : first;
    denied = doc_.AnyIn(i >= first + 3 ? i - 3 : first, i, kCueNegation) ||
             doc_.AnyIn(i >= first + 5 ? i - 5 : first, std::min(last, i + 6), kCueDenied);
    static constexpr std::string_view kPlanWords[] = {
        "planning", "plans", "plan", "scheduled", "slated", "poised", "intends", "hopes", "aims"};
    planned = doc_.AnyIn(from, i, kCuePlanned | kCuePastPlan);
    for (uint32_t j = i >= first + 4 ? i - 4 : first; j < i; ++j) {
      planned =
          planned || OneOf(std::string_view(LowerAt(j, doc_.sentences[f->sentence])), kPlanWords);
    }
    past = doc_.AnyIn(from, i, kCuePastPlan);
    // Headlines: "Orison CEO Owen Pryce to visit Seoul next week".
    if (i >= first + 2 && text::AsciiLower(doc_.Token(i - 1)) == "to" &&
        doc_.PersonAt(doc_.sentences[f->sentence], i - 2)) {
      planned = true;
    }
  }
  if (denied) {
    f->status = EventStatus::kDenied;
  } else if (planned) {
    f->status = EventStatus::kPlanned;
    f->past_plan = past;
  }
}

void Reader::Clause(size_t si, const SentenceRefs& s, uint32_t first, uint32_t last) {
  for (uint32_t i = first; i < last; ++i) {
    if (OneOf(std::string_view(LowerAt(i, s)), kHabitual)) return;  // "has visited ... every year"
  }
  std::vector<Trigger> triggers = Triggers(s, first, last);
  if (doc_.korean) {
    // "방한 일정을 마치고 25일 출국했다": leaving Korea ends the visit.
    bool visit_kr = false;
    for (Trigger& t : triggers) {
      if (t.fixed != nullptr && std::string_view(t.fixed) == "kr") visit_kr = true;
      if (visit_kr && t.role == Role::kDepart && doc_.Token(t.token).starts_with("출국"))
        t.role = Role::kReturn;
    }
  }
  const std::vector<int> together = Companions(si, s, first, last);
  if (triggers.empty()) return;
  // "앞서 지난 6일에는 대만을 찾아", "had previously visited": an earlier journey,
  // which later words without a destination do not continue.
  bool recalled = false;
  for (uint32_t i = first; i < last; ++i) {
    const std::string w = LowerAt(i, s);
    recalled = recalled || w == "앞서" || w == "previously";
  }
  const std::vector<Timex> times = ClauseTimes(s, first, last);
  std::vector<bool> used(times.size(), false);
  std::vector<Frame> frames;
  for (size_t k = 0; k < triggers.size(); ++k) {
    const Trigger& t = triggers[k];
    const uint32_t prev = k > 0 ? triggers[k - 1].token + triggers[k - 1].length : first;
    const uint32_t next = k + 1 < triggers.size() ? triggers[k + 1].token : last;
    Frame f;
    f.sentence = si;
    bool from_topic = false;
    f.travelers = doc_.korean ? KoreanTravelers(s, first, last, t, &from_topic)
                              : EnglishTravelers(s, first, last, t, &from_topic);
    f.dests = doc_.korean ? KoreanDests(s, t, k > 0 ? prev : first)
                          : EnglishDests(s, t, next, &f.origins);
    if (f.travelers.empty() || (t.needs_dest && f.dests.empty())) {
      frames.push_back(Frame{});  // keeps indexes aligned with triggers
      frames.back().sentence = SIZE_MAX;
      continue;
    }
    f.confidence = (t.role == Role::kVisit ? 0.7f : 0.8f) - (from_topic ? 0.1f : 0.f);
    f.earlier = t.earlier || recalled;
    f.onward = t.onward;
    f.sets_status = t.role != Role::kReturn;
    SetStatus(t, first, last, next, &f);
    frames.push_back(std::move(f));
  }
  // Dates: departure, arrival and return words choose first, then visits;
  // each side of a word before the other.
  for (int pass = 0; pass < 4; ++pass) {
    for (size_t k = 0; k < triggers.size(); ++k) {
      const Trigger& t = triggers[k];
      if (frames[k].sentence == SIZE_MAX || (t.role == Role::kVisit) != (pass % 2 == 1) ||
          frames[k].date_claimed) {
        continue;
      }
      const uint32_t prev = k > 0 ? triggers[k - 1].token + triggers[k - 1].length : first;
      const uint32_t next = k + 1 < triggers.size() ? triggers[k + 1].token : last;
      const int d = ClaimDate(times, used, t, prev, next, pass >= 2);
      if (d < 0) continue;
      used[d] = true;
      frames[k].date_claimed = true;
      SetDate(times[d], t, s, &frames[k]);
    }
  }
  // Lengths ("a 10-day trip", "열흘간의 출장") go to the nearest travel word.
  for (const Timex& x : times) {
    if (x.t->anchor != TimeAnchor::kDuration || x.t->duration_days <= 0 || x.t->approximate ||
        x.t->duration_days > 90) {
      continue;
    }
    int best = -1, best_distance = 7;
    for (size_t k = 0; k < triggers.size(); ++k) {
      const int distance =
          std::min(std::abs(static_cast<int>(triggers[k].token) - static_cast<int>(x.last)),
                   std::abs(static_cast<int>(triggers[k].token) - static_cast<int>(x.first)));
      if (frames[k].sentence != SIZE_MAX && distance < best_distance) {
        best = static_cast<int>(k);
        best_distance = distance;
      }
    }
    if (best >= 0) frames[best].duration = std::max(frames[best].duration, x.t->duration_days);
  }
  // A word without destinations joins the nearest one with them in the
  // clause ("left Seoul on Sunday for a 10-day trip to the United States").
  for (size_t k = 0; k < frames.size(); ++k) {
    Frame& f = frames[k];
    if (f.sentence == SIZE_MAX || !f.dests.empty()) continue;
    if (f.earlier) continue;
    // The nearest one before it, else the nearest after.
    int host = -1;
    for (size_t h = 0; h < frames.size(); ++h) {
      const Frame& c = frames[h];
      if (c.sentence == SIZE_MAX || c.dests.empty() || c.travelers != f.travelers || c.earlier ||
          DateRelation(c, f) < 0) {
        continue;
      }
      if (h < k || host < 0) host = static_cast<int>(h);
      if (h > k) break;
    }
    if (host >= 0) {
      Frame& h = frames[host];
      Absorb(f, &h);
      // "will leave Seoul on Sunday for a trip to ...": the plan covers the clause.
      if (f.sets_status && f.status != EventStatus::kOccurred &&
          h.status == EventStatus::kOccurred) {
        h.status = f.status;
        h.past_plan = f.past_plan;
      }
      f.sentence = SIZE_MAX;
    }
  }
  // Stops told in one clause are one journey ("flew to Tokyo on Monday and
  // on to Osaka on Wednesday") unless their dates say otherwise.
  for (size_t k = 0; k < frames.size(); ++k) {
    Frame& f = frames[k];
    if (f.sentence == SIZE_MAX || f.dests.empty()) continue;
    for (size_t h = 0; h < k; ++h) {
      Frame& host = frames[h];
      if (host.sentence == SIZE_MAX || host.dests.empty() || host.travelers != f.travelers ||
          StatusClash(host, f) || host.earlier || f.earlier) {
        continue;
      }
      // "visiting the U.S. ... and visiting Taiwan in June": a date on one stop only
      // tells two journeys apart.
      auto timed = [](const Frame& x) {
        return IsCompleteDate(x.start) || IsCompleteDate(x.end) || IsCompleteDate(x.during) ||
               !x.hint.empty();
      };
      if (DateRelation(host, f) >= 0 && timed(host) == timed(f)) {
        Merge(f, &host);
        f.sentence = SIZE_MAX;
        break;
      }
    }
  }
  for (Frame& f : frames) {
    if (f.sentence == SIZE_MAX) continue;
    for (int c : together) {
      if (!Contains(f.travelers, c)) AddUnique(&f.companions, c);
    }
    // One frame per traveller. English "Park and Jung flew in" travel together;
    // Korean "이 회장과 구 회장이 방문한" may have gone apart (함께 says otherwise).
    for (int traveler : f.travelers) {
      Frame one = f;
      one.travelers = {traveler};
      for (int other : f.travelers) {
        if (other != traveler && !doc_.korean) AddUnique(&one.companions, other);
      }
      out_.frames.push_back(std::move(one));
    }
  }
}

// Dates, length, companions and hint of `from` into `to` (same trip).
void Absorb(const Frame& from, Frame* to) {
  if (!IsCompleteDate(to->during)) to->during = from.during;
  to->origins.insert(to->origins.end(), from.origins.begin(), from.origins.end());
  if (!IsCompleteDate(to->start)) to->start = from.start;
  if (!IsCompleteDate(to->end)) to->end = from.end;
  to->duration = std::max(to->duration, from.duration);
  if (to->hint.empty()) to->hint = from.hint;
  for (int c : from.companions) AddUnique(&to->companions, c);
}

// Day numbers a frame may cover: stated days, stretched by its length; a
// start alone leaves the end open and an end alone the start. False when
// the frame has no day.
bool Span(const Frame& f, int64_t* lo, int64_t* hi, bool* closed) {
  constexpr int64_t kOpen = int64_t{1} << 40;
  const bool s = IsCompleteDate(f.start), e = IsCompleteDate(f.end);
  if (!s && !e) return false;
  const int64_t length = f.duration > 0 ? f.duration - 1 : -1;
  *lo = s ? DayNumber(f.start) : length >= 0 ? DayNumber(f.end) - length : -kOpen;
  *hi = e ? DayNumber(f.end) : length >= 0 ? DayNumber(f.start) + length : kOpen;
  *closed = (s && e) || length >= 0;
  return true;
}

// -1 the dates say different journeys, +1 both are bounded and overlap, 0
// they fit together or nothing is known.
int DateRelation(const Frame& a, const Frame& b) {
  int64_t alo, ahi, blo, bhi;
  bool ac = false, bc = false;
  const bool as = Span(a, &alo, &ahi, &ac), bs = Span(b, &blo, &bhi, &bc);
  if (as && bs) {
    if (alo > bhi + 1 || blo > ahi + 1) return -1;
    // Both bounded, or a stated day of one inside the other's bounded
    // stretch: one person is on one journey at a time.
    auto inside = [](const Frame& f, int64_t lo, int64_t hi) {
      return (IsCompleteDate(f.start) && DayNumber(f.start) + 1 >= lo &&
              DayNumber(f.start) <= hi + 1) ||
             (IsCompleteDate(f.end) && DayNumber(f.end) + 1 >= lo && DayNumber(f.end) <= hi + 1);
    };
    return (ac && bc) || (ac && inside(b, alo, ahi)) || (bc && inside(a, blo, bhi)) ? 1 : 0;
  }
  // A day inside one trip must lie within the other's stretch.
  auto outside = [](const Frame& f, bool spanned, int64_t lo, int64_t hi) {
    return spanned && IsCompleteDate(f.during) &&
           (DayNumber(f.during) + 1 < lo || DayNumber(f.during) > hi + 1);
  };
  if ((!as && outside(a, bs, blo, bhi)) || (!bs && outside(b, as, alo, ahi))) return -1;
  if (!a.hint.empty() && !b.hint.empty()) return HintsClash(a.hint, b.hint) ? -1 : 0;
  const Frame* dated = as ? &a : bs ? &b : nullptr;
  const Frame* hinted = !a.hint.empty() ? &a : !b.hint.empty() ? &b : nullptr;
  if (dated != nullptr && hinted != nullptr && dated != hinted) {
    // The hint must fit the month of the first or the last known day.
    const std::string from = IsCompleteDate(dated->start) ? IsoDay(dated->start).substr(0, 7) : "";
    const std::string to = IsCompleteDate(dated->end) ? IsoDay(dated->end).substr(0, 7) : "";
    if ((from.empty() || HintsClash(hinted->hint, from)) &&
        (to.empty() || HintsClash(hinted->hint, to))) {
      return -1;
    }
  }
  return 0;
}

bool StatusClash(const Frame& a, const Frame& b) {
  const bool ad = a.status == EventStatus::kDenied, bd = b.status == EventStatus::kDenied;
  return (ad && b.status == EventStatus::kOccurred) || (bd && a.status == EventStatus::kOccurred);
}

void Merge(const Frame& f, Frame* t) {
  Absorb(f, t);
  for (const Dest& d : f.dests) {
    bool seen = false;
    for (const Dest& e : t->dests) seen = seen || (d.name == e.name && d.kb_id == e.kb_id);
    if (!seen) t->dests.push_back(d);
  }
  if (f.sets_status) {
    if (!t->sets_status) {
      t->status = f.status;
    } else if (f.status == EventStatus::kDenied || t->status == EventStatus::kDenied) {
      t->status = EventStatus::kDenied;
    } else if (f.status == EventStatus::kOccurred) {
      t->status = EventStatus::kOccurred;
    }
    t->past_plan = t->past_plan && f.past_plan;
    t->sets_status = true;
  }
  t->sentence = std::min(t->sentence, f.sentence);
  t->confidence = std::max(t->confidence, f.confidence);
  t->earlier = t->earlier && f.earlier;
}

}  // namespace tg::extract::trip
