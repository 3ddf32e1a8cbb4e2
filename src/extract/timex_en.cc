// English time expressions. Words are looked up in one keyword table
// (timex_en_words.h); each keyword kind has a small reader below. Numeric
// dates shared with Korean pages ("2024-06-11", "6/11") are in timex_numeric.cc.
#include <string_view>

#include "extract/timex_calendar.h"
#include "extract/timex_en_words.h"
#include "extract/timex_scan.h"

namespace tg::extract::timex_internal {
namespace {

class EnglishMatcher {
 public:
  EnglishMatcher(const Context& ctx, TimeExpression* out) : c_(ctx), out_(out) {}

  size_t Match(size_t i) {
    if (c_.tok(i).kind == TokKind::kNumber) return MatchNumber(i);
    const KwInfo k = Look(i);
    switch (k.kind) {
      case Kw::kMonth:
        return MatchMonth(i, i, Direction::kDefault, false);
      case Kw::kWeekday:
        return MatchWeekday(i, i, Direction::kDefault);
      case Kw::kDayWord:
        if (!IsTitleOrLower(i)) return 0;
        out_->anchor = TimeAnchor::kPublication;
        out_->value = PubPlusDays(c_, k.value);
        return Finish(i, i + 1);
      case Kw::kLast:
      case Kw::kNext:
      case Kw::kThis:
        return MatchModified(i, i, false);
      case Kw::kPart:
        return MatchPart(i);
      case Kw::kThe:
        return MatchThe(i);
      case Kw::kEdge:
        return MatchEdgeOf(i, i);
      case Kw::kCount:
        return MatchQuantity(i, k.value);
      default:
        return 0;
    }
  }

 private:
  KwInfo Look(size_t i) const {
    if (i >= c_.size() || c_.tok(i).kind != TokKind::kWord) return {};
    const std::string_view w = c_.str(i);
    return LookupKeyword(w);
  }

  // "Tuesday", "TUESDAY" or "tuesday" is fine for most words, but month and
  // weekday names must start with a capital ("may", "march" are verbs).
  bool Capitalized(size_t i) const { return IsUpper(c_.text[c_.tok(i).begin]); }
  bool IsTitleOrLower(size_t i) const {
    const std::string_view w = c_.str(i);
    for (size_t k = 1; k < w.size(); ++k) {
      if (IsUpper(w[k]) && !IsUpper(w[0])) return false;
    }
    return true;
  }

  size_t Finish(size_t first, size_t end) {
    out_->begin = c_.tok(first).begin;
    out_->end = c_.tok(end - 1).end;
    return end;
  }

  // A day-of-month number at j: 1..31, one or two digits, standing alone.
  int DayAt(size_t j) const {
    if (j >= c_.size()) return 0;
    const Tok& t = c_.tok(j);
    if (t.kind != TokKind::kNumber || t.digits > 2 || t.number < 1 || t.number > 31) return 0;
    if (!c_.NumberStandsAlone(j)) return 0;
    return t.number;
  }

  int YearAt(size_t j) const {
    if (j >= c_.size()) return 0;
    const Tok& t = c_.tok(j);
    if (t.kind != TokKind::kNumber || t.digits != 4 || t.number < 1900 || t.number > 2100) return 0;
    if (!c_.NumberStandsAlone(j)) return 0;
    // "2023-24": a season or fiscal span, not a year on its own.
    if (c_.IsRangeDash(j + 1) && j + 2 < c_.size() && c_.tok(j + 2).kind == TokKind::kNumber &&
        !c_.tok(j + 1).space_before) {
      return 0;
    }
    return t.number;
  }

  // Skips an ordinal suffix glued to the number at j-1 ("11th").
  size_t SkipOrdinal(size_t j) const {
    if (j < c_.size() && !c_.tok(j).space_before && Look(j).kind == Kw::kOrdinal) return j + 1;
    return j;
  }

  // A month name at j usable as a month: capitalized; abbreviations need a
  // period or a following day number. Returns the index past it and the
  // month, or 0.
  size_t MonthAt(size_t j, int* month) const {
    const KwInfo k = Look(j);
    if (k.kind != Kw::kMonth || !Capitalized(j)) return 0;
    *month = k.value;
    size_t e = j + 1;
    if (k.abbrev) {
      if (c_.IsPunct(e, '.') && !c_.tok(e).space_before) return e + 1;
      if (DayAt(e) != 0 || YearAt(e) != 0) return e;
      return 0;
    }
    return e;
  }

  Direction WithCue(Direction dir, size_t s) const {
    if (dir == Direction::kDefault && c_.FutureCue(s)) return Direction::kFuture;
    return dir;
  }

  // "June 11", "Oct. 18, 2024", "Aug. 18-22", "June 17 to 20", "April 2023",
  // "June 30-July 2". `s` is the first token of the span (a modifier may
  // precede the month at i).
  size_t MatchMonth(size_t s, size_t i, Direction dir, bool approximate) {
    int month = 0;
    size_t j = MonthAt(i, &month);
    if (j == 0) return 0;
    int day = DayAt(j);
    int end_month = 0;
    int end_day = 0;
    if (day != 0) {
      j = SkipOrdinal(j + 1);
      // Range: "18-22", "17 to 20", "30-July 2", "between June 17 and 20".
      size_t r = j;
      bool link = c_.IsRangeDash(r);
      if (!link) {
        const KwInfo k = Look(r);
        link = k.kind == Kw::kLink &&
               (!EqualsLower(c_.str(r), "and") || (s > 0 && EqualsLower(c_.str(s - 1), "between")));
      }
      if (link) {
        int m2 = 0;
        size_t d2 = r + 1;
        if (size_t after_month = MonthAt(r + 1, &m2)) d2 = after_month;
        const int day2 = DayAt(d2);
        if (day2 != 0 && (m2 != 0 ? m2 != month : day2 > day)) {
          end_month = m2 != 0 ? m2 : month;
          end_day = day2;
          j = SkipOrdinal(d2 + 1);
        }
      }
    }
    int year = 0;
    if (c_.IsPunct(j, ',') && YearAt(j + 1) != 0 && day != 0) {
      year = YearAt(j + 1);
      j += 2;
    } else if (YearAt(j) != 0 && !c_.tok(j).break_before) {
      year = YearAt(j);
      j += 1;
    }
    // A bare "May" is the verb unless a preposition or modifier says otherwise.
    if (day == 0 && year == 0 && s == i && month == 5) {
      if (i == 0 || !Look(i - 1).year_prep) return 0;
    }
    if (day > DaysInMonth(year, month) ||
        (end_day != 0 && end_day > DaysInMonth(year, end_month))) {
      return 0;
    }
    out_->anchor = year != 0 ? TimeAnchor::kAbsolute : TimeAnchor::kPublication;
    if (year == 0) year = YearForMonth(c_, month, day, WithCue(dir, s));
    if (year != 0 && day > DaysInMonth(year, month)) year = 0;  // Feb. 29: keep it year-less
    out_->value = CivilDate{year, month, day};
    if (end_day != 0) {
      const int end_year = (year != 0 && end_month < month) ? year + 1 : year;
      out_->range_end = CivilDate{end_year, end_month, end_day};
    }
    out_->approximate = approximate && day == 0;
    return Finish(s, j);
  }

  size_t MatchWeekday(size_t s, size_t i, Direction dir) {
    if (!Capitalized(i)) return 0;
    const int weekday = Look(i).value;
    size_t j = i + 1;
    // "Tuesday, June 11": the date decides.
    if (c_.IsPunct(j, ',') && Look(j + 1).kind == Kw::kMonth && DayAt(j + 2) != 0) {
      TimeExpression saved = *out_;
      if (size_t e = MatchMonth(s, j + 1, dir, false)) return e;
      *out_ = saved;
    }
    if (Look(j).kind == Kw::kDayPart) ++j;
    out_->anchor = TimeAnchor::kPublication;
    const bool cue = dir == Direction::kDefault && c_.FutureCue(s);
    if (cue && c_.pub_full && WeekdayOfDayNumber(c_.pub_day) == weekday) {
      out_->value = PubPlusDays(c_, 0);
    } else {
      out_->value = ResolveWeekday(c_, weekday, cue ? Direction::kFuture : dir);
    }
    return Finish(s, j);
  }

  // Sets a relative period: `unit` 7 (week), 30 (month) or 365 (year), `n`
  // units from publication.
  void SetPeriod(int unit, int n) {
    out_->anchor = TimeAnchor::kPublication;
    if (unit == 7) {
      SetWeek(c_, n, out_);
    } else if (unit == 30) {
      out_->value = PubPlusMonths(c_, n);
    } else {
      out_->value = PubPlusYears(c_, n);
    }
  }

  // "last Tuesday", "next week", "this month", "last June", "last night",
  // "next weekend". `s` is the span start (a part word may come first).
  size_t MatchModified(size_t s, size_t i, bool approximate) {
    const KwInfo mod = Look(i);
    const int n = mod.value;  // -1 last, +1 next, 0 this
    const Direction dir = mod.kind == Kw::kLast   ? Direction::kPast
                          : mod.kind == Kw::kNext ? Direction::kFuture
                                                  : Direction::kThis;
    const size_t j = i + 1;
    const KwInfo k = Look(j);
    switch (k.kind) {
      case Kw::kWeekday:
        return MatchWeekday(s, j, dir);
      case Kw::kMonth:
        return MatchMonth(s, j, dir, approximate);
      case Kw::kUnit:
        if (k.value == 1 || EqualsLower(c_.str(j), "weeks") || EqualsLower(c_.str(j), "months") ||
            EqualsLower(c_.str(j), "years")) {
          return 0;  // "next day" is an event form; "last two years" a duration.
        }
        SetPeriod(k.value, n);
        if (approximate) out_->approximate = true;
        return Finish(s, j + 1);
      case Kw::kWeekend:
        SetWeek(c_, n, out_);
        if (c_.pub_full) {
          out_->value = AddDays(out_->value, 5);  // Saturday
        }
        return Finish(s, j + 1);
      case Kw::kDayPart: {
        // "last night" is yesterday; "this morning" today; others are vague.
        const bool night = EqualsLower(c_.str(j), "night");
        if (n == 1 || (n == -1 && !night)) return 0;
        out_->anchor = TimeAnchor::kPublication;
        out_->value = PubPlusDays(c_, n);
        return Finish(s, j + 1);
      }
      default:
        return 0;
    }
  }

  // "early June", "mid-June", "late 2023", "earlier this month", "later this year".
  size_t MatchPart(size_t i) {
    size_t j = i + 1;
    if (c_.IsRangeDash(j) && !c_.tok(j).space_before) ++j;
    return MatchApproximatePeriod(i, j);
  }

  // The period after a part word ("early", "the end of"), as an approximate
  // value: a month ("June"), a modified period ("this month", "last year") or
  // a year ("2023"). The expression runs from token `s`; the period starts at `j`.
  size_t MatchApproximatePeriod(size_t s, size_t j) {
    const KwInfo k = Look(j);
    if (k.kind == Kw::kMonth) return MatchMonth(s, j, Direction::kDefault, true);
    if (k.kind == Kw::kLast || k.kind == Kw::kNext || k.kind == Kw::kThis) {
      if (size_t e = MatchModified(s, j, true)) {
        out_->approximate = true;
        return e;
      }
      return 0;
    }
    if (const int year = YearAt(j)) {
      out_->anchor = TimeAnchor::kAbsolute;
      out_->value = CivilDate{year, 0, 0};
      out_->approximate = true;
      return Finish(s, j + 1);
    }
    return 0;
  }

  // "the end of this month", "the beginning of June", "end of 2024".
  size_t MatchEdgeOf(size_t s, size_t i) {
    if (Look(i + 1).kind != Kw::kOf) return 0;
    const size_t j = i + 2;
    if (Look(j).kind == Kw::kThe && Look(j + 1).kind == Kw::kUnit && Look(j + 1).value > 1) {
      // "the end of the month/year/week": the publication's.
      SetPeriod(Look(j + 1).value, 0);
      out_->approximate = true;
      return Finish(s, j + 2);
    }
    return MatchApproximatePeriod(s, j);
  }

  // Words that may follow "the 10th" when it is a date.
  bool DateFollower(size_t j) const {
    if (j >= c_.size() || c_.tok(j).break_before) return true;
    const Tok& t = c_.tok(j);
    if (t.kind == TokKind::kPunct) return !c_.IsRangeDash(j);
    if (t.kind != TokKind::kWord) return false;
    static constexpr std::string_view kFollowers[] = {
        "and",    "when",  "at",     "in",    "with",  "to",    "as", "after",
        "before", "but",   "during", "where", "or",    "local", "us", "u",
        "korea",  "seoul", "that",   "which", "while", "until"};
    for (std::string_view f : kFollowers) {
      if (EqualsLower(c_.str(j), f)) return true;
    }
    return false;
  }

  // "the following day", "the day before", "the 10th", "the end of ...".
  size_t MatchThe(size_t i) {
    const size_t j = i + 1;
    const KwInfo k = Look(j);
    if (k.kind == Kw::kRelative || k.kind == Kw::kNext) {
      const KwInfo unit = Look(j + 1);
      const bool day_like =
          (unit.kind == Kw::kUnit && unit.value == 1 && EqualsLower(c_.str(j + 1), "day")) ||
          unit.kind == Kw::kDayPart;
      const bool week = unit.kind == Kw::kUnit && EqualsLower(c_.str(j + 1), "week");
      if (!day_like && !week) return 0;
      const int sign = k.kind == Kw::kNext ? 1 : k.value;
      out_->anchor = TimeAnchor::kEvent;
      out_->offset_days = sign * (week ? 7 : 1);
      out_->approximate = week;
      return Finish(i, j + 2);
    }
    if (k.kind == Kw::kUnit && EqualsLower(c_.str(j), "day")) {
      const KwInfo side = Look(j + 1);
      if (side.kind != Kw::kBefore && side.kind != Kw::kAfter) return 0;
      if (!EqualsLower(c_.str(j + 1), "before") && !EqualsLower(c_.str(j + 1), "after")) return 0;
      out_->anchor = TimeAnchor::kEvent;
      out_->offset_days = side.value;
      return Finish(i, j + 2);
    }
    if (k.kind == Kw::kEdge) return MatchEdgeOf(i, j);
    if (const int day = DayAt(j)) {
      const size_t e = SkipOrdinal(j + 1);
      if (e == j + 1) return 0;  // "the 10" is not a date
      if (Look(e).kind == Kw::kOf && Look(e + 1).kind == Kw::kMonth) {
        // "the 10th of June": month phrase with this day.
        int month = 0;
        size_t after = MonthAt(e + 1, &month);
        if (after == 0 || day > DaysInMonth(0, month)) return 0;
        int year = YearAt(after);
        if (year != 0) ++after;
        out_->anchor = year != 0 ? TimeAnchor::kAbsolute : TimeAnchor::kPublication;
        if (year == 0) year = YearForMonth(c_, month, day, WithCue(Direction::kDefault, i));
        if (year != 0 && day > DaysInMonth(year, month)) year = 0;
        out_->value = CivilDate{year, month, day};
        return Finish(i, after);
      }
      if (!DateFollower(e)) return 0;
      out_->anchor = TimeAnchor::kPublication;
      out_->value = ResolveDayOfMonth(c_, day, WithCue(Direction::kDefault, i));
      return Finish(i, e);
    }
    return 0;
  }

  // "four days", "a four-day visit", "22-day", "two days later", "a week
  // earlier", "three days ago", "two months after". `n` counted at i.
  size_t MatchQuantity(size_t i, int n) {
    if (n <= 0 || n > 1000) return 0;
    size_t j = i + 1;
    bool hyphen = false;
    if (c_.IsRangeDash(j) && !c_.tok(j).space_before && j + 1 < c_.size() &&
        !c_.tok(j + 1).space_before) {
      hyphen = true;
      ++j;
    }
    const KwInfo unit = Look(j);
    if (unit.kind != Kw::kUnit) return 0;
    const std::string_view unit_word = c_.str(j);
    if (hyphen && unit_word.back() == 's') return 0;  // "four-days" is not English
    // "34-year-old" is an age.
    if (hyphen && c_.IsRangeDash(j + 1) && !c_.tok(j + 1).space_before && j + 2 < c_.size() &&
        EqualsLower(c_.str(j + 2), "old")) {
      return 0;
    }
    if (!hyphen && n > 1 && unit_word.back() != 's') return 0;  // "two day" is not either
    const int unit_days = unit.value;
    size_t e = j + 1;
    const KwInfo next = hyphen ? KwInfo{} : Look(e);
    int side = 0;  // +1 "later"/"after", -1 "earlier"/"before"
    if (next.kind == Kw::kBefore || next.kind == Kw::kAfter) {
      side = next.value;
    } else if (next.kind == Kw::kPart) {
      if (EqualsLower(c_.str(e), "later")) side = 1;
      if (EqualsLower(c_.str(e), "earlier")) side = -1;
    }
    if (!hyphen && e < c_.size() && EqualsLower(c_.str(e), "old")) return 0;  // an age
    const bool months = unit_days >= 30;
    const int count_months = unit_days == 30 ? n : n * 12;
    if (next.kind == Kw::kAgo) {
      out_->anchor = TimeAnchor::kPublication;
      if (unit_days <= 7) {
        out_->value = PubPlusDays(c_, -n * unit_days);
        out_->approximate = unit_days == 7;
      } else if (unit_days == 30) {
        out_->value = PubPlusMonths(c_, -n);
        out_->approximate = true;
      } else {
        out_->value = PubPlusYears(c_, -n);
        out_->approximate = true;
      }
      return Finish(i, e + 1);
    }
    if (side != 0 && !months) {
      out_->anchor = TimeAnchor::kEvent;
      out_->offset_days = side * n * unit_days;
      return Finish(i, e + 1);
    }
    out_->anchor = TimeAnchor::kDuration;
    if (months) {
      out_->duration_months = count_months;
    } else {
      out_->duration_days = n * unit_days;
    }
    if (side != 0) ++e;  // "two months after"
    // "a day", "a year" alone are too vague to report ("one day" is usually
    // "someday", "$5 billion a year" a rate).
    if (n == 1 && !hyphen && side == 0) return 0;
    return Finish(i, e);
  }

  // Digit-led forms: ISO dates, "6/11", "11 June 2024", "18-22 August",
  // "in 2018", "10 days", "22-day".
  size_t MatchNumber(size_t i) {
    const Tok& t = c_.tok(i);
    if (t.number < 0) return 0;
    if (i > 0 && !t.space_before) {
      const Tok& prev = c_.tok(i - 1);
      if (prev.kind == TokKind::kWord || prev.kind == TokKind::kNumber) return 0;
      if (prev.kind == TokKind::kPunct &&
          (c_.text[prev.begin] == '/' || c_.text[prev.begin] == '.' || c_.text[prev.begin] == '-' ||
           c_.text[prev.begin] == ':')) {
        return 0;
      }
    }
    if (t.digits == 4) {
      if (size_t e = MatchIsoDate(c_, i, out_)) return e;
      if (const int year = YearAt(i)) {
        if (i > 0 && Look(i - 1).year_prep && !c_.tok(i).break_before) {
          out_->anchor = TimeAnchor::kAbsolute;
          out_->value = CivilDate{year, 0, 0};
          return Finish(i, i + 1);
        }
      }
      return 0;
    }
    if (t.digits <= 2) {
      if (size_t e = MatchSlashDate(c_, i, out_)) return e;
      if (size_t e = MatchDayMonth(i)) return e;
    }
    return MatchQuantity(i, t.number);
  }

  // "11 June", "11 June 2024", "10th June", "18-22 August 2024".
  size_t MatchDayMonth(size_t i) {
    const int day = DayAt(i);
    if (day == 0) return 0;
    size_t j = SkipOrdinal(i + 1);
    int end_day = 0;
    if (c_.IsRangeDash(j) && DayAt(j + 1) > day) {
      end_day = DayAt(j + 1);
      j = SkipOrdinal(j + 2);
    }
    if (Look(j).kind == Kw::kOf) ++j;
    int month = 0;
    size_t e = MonthAt(j, &month);
    if (e == 0 || c_.tok(j).break_before) return 0;
    if (day > DaysInMonth(0, month) || end_day > DaysInMonth(0, month)) return 0;
    int year = YearAt(e);
    if (year != 0) ++e;
    out_->anchor = year != 0 ? TimeAnchor::kAbsolute : TimeAnchor::kPublication;
    if (year == 0) year = YearForMonth(c_, month, day, WithCue(Direction::kDefault, i));
    if (year != 0 && (day > DaysInMonth(year, month) || end_day > DaysInMonth(year, month))) {
      return 0;
    }
    out_->value = CivilDate{year, month, day};
    if (end_day != 0) out_->range_end = CivilDate{year, month, end_day};
    return Finish(i, e);
  }

  const Context& c_;
  TimeExpression* out_;
};

}  // namespace

size_t MatchEnglish(const Context& ctx, size_t i, TimeExpression* out) {
  EnglishMatcher matcher(ctx, out);
  const size_t end = matcher.Match(i);
  if (end == 0) *out = TimeExpression{};
  return end;
}

}  // namespace tg::extract::timex_internal
