// Korean time expressions. Korean glues units and particles to numbers and
// words ("2024년", "11일부터", "지난해에는"), so the tokenizer keeps each
// Hangul run whole and the readers here split a keyword or unit off the front
// of the run and accept the rest only when it reads as a particle or ending
// ("오늘날" is "nowadays", not "today").
#include <string_view>

#include "extract/timex_calendar.h"
#include "extract/timex_ko_words.h"
#include "extract/timex_scan.h"

namespace tg::extract::timex_internal {
namespace {

enum class UnitKind : uint8_t { kNone, kYear, kMonth, kDay, kWeek, kMonths };

struct Unit {
  UnitKind kind = UnitKind::kNone;
  int n = 0;
  size_t tok = 0;         // the Hangul token carrying the unit
  std::string_view rest;  // what follows the unit in that token
};

class KoreanMatcher {
 public:
  KoreanMatcher(const Context& ctx, TimeExpression* out) : c_(ctx), out_(out) {}

  size_t Match(size_t i) {
    if (c_.tok(i).kind == TokKind::kNumber) return MatchChain(i, i, Direction::kDefault, nullptr);
    return MatchWord(i);
  }

 private:
  // The span ends before a particle glued to the last word ("이달 말까지"
  // -> "이달 말"), so it lines up with particle-free entity mentions.
  size_t Finish(size_t first, size_t end) {
    out_->begin = c_.tok(first).begin;
    out_->end = c_.tok(end - 1).end;
    if (c_.tok(end - 1).kind == TokKind::kHangul) {
      out_->end -= static_cast<uint32_t>(TrailingParticle(c_.str(end - 1)));
    }
    return end;
  }

  bool IsHangulAt(size_t j) const { return j < c_.size() && c_.tok(j).kind == TokKind::kHangul; }

  // The unit glued to the number at j ("6월", "11일부터", "2주간", "2개월").
  Unit UnitAt(size_t j) const {
    Unit u;
    if (j + 1 >= c_.size()) return u;
    const Tok& num = c_.tok(j);
    const Tok& next = c_.tok(j + 1);
    if (num.kind != TokKind::kNumber || num.number < 0 || next.kind != TokKind::kHangul ||
        next.space_before) {
      return u;
    }
    const std::string_view w = c_.str(j + 1);
    u.n = num.number;
    u.tok = j + 1;
    auto take = [&](UnitKind kind, std::string_view unit) {
      u.kind = kind;
      u.rest = w.substr(unit.size());
    };
    if (StartsWith(w, "개월")) {
      take(UnitKind::kMonths, "개월");
    } else if (StartsWith(w, "년")) {
      take(UnitKind::kYear, "년");
      // "1990년대" (a decade), "1990년생" (born in): not a year point.
      if (StartsWith(u.rest, "대") || StartsWith(u.rest, "생")) u.kind = UnitKind::kNone;
    } else if (StartsWith(w, "월")) {
      take(UnitKind::kMonth, "월");
    } else if (StartsWith(w, "일")) {
      take(UnitKind::kDay, "일");
    } else if (StartsWith(w, "주일")) {
      take(UnitKind::kWeek, "주일");
    } else if (StartsWith(w, "주")) {
      take(UnitKind::kWeek, "주");
      // "2주년" is an anniversary; "3주택" and the like are not weeks either.
      if (!u.rest.empty() && !StartsWith(u.rest, "간") && !StartsWith(u.rest, "동안") &&
          !StartsWith(u.rest, "만") && !StartsWith(u.rest, "뒤") && !StartsWith(u.rest, "후") &&
          !StartsWith(u.rest, "전") && !StartsWith(u.rest, "째") && !ParticleOk(u.rest)) {
        u.kind = UnitKind::kNone;
      }
      if (StartsWith(u.rest, "년")) u.kind = UnitKind::kNone;
    }
    if (u.kind != UnitKind::kNone && !ParticleOk(u.rest)) u.kind = UnitKind::kNone;
    return u;
  }

  // The number at j does not continue a bigger figure on its left ("1.5일").
  bool LeftFree(size_t j) const {
    if (j == 0 || c_.tok(j).space_before) return true;
    const Tok& prev = c_.tok(j - 1);
    if (prev.kind == TokKind::kNumber || prev.kind == TokKind::kWord) return false;
    if (prev.kind == TokKind::kPunct) {
      const char ch = c_.text[prev.begin];
      if (ch == '.' || ch == ',' || ch == '/' || ch == ':' || ch == '-') return false;
    }
    return true;
  }

  // Next number token after `last` on the same line, when the previous unit
  // had nothing glued after it ("2024년 6월 11일").
  bool ChainContinues(size_t last, std::string_view rest) const {
    return rest.empty() && last < c_.size() && c_.tok(last).kind == TokKind::kNumber &&
           !c_.tok(last).break_before;
  }

  // A separate token at j that starts with one of `words` and continues as a
  // particle: returns the matched word, or empty.
  std::string_view TokenStarts(size_t j, std::initializer_list<std::string_view> words) const {
    if (!IsHangulAt(j) || c_.tok(j).break_before) return {};
    const std::string_view w = c_.str(j);
    for (std::string_view word : words) {
      if (StartsWith(w, word) && ParticleOk(w.substr(word.size()))) return word;
    }
    return {};
  }

  // Exact suffix tokens after a count: "뒤", "후에", "전부터"...
  int EventSideAt(size_t j) const {
    if (!IsHangulAt(j) || c_.tok(j).break_before) return 0;
    const std::string_view w = c_.str(j);
    static constexpr std::string_view kTails[] = {"",     "에", "인", "에는", "부터", "의",
                                                  "까지", "쯤", "께", "이다", "였다", "엔"};
    auto tail_ok = [&](std::string_view head) {
      if (!StartsWith(w, head)) return false;
      const std::string_view rest = w.substr(head.size());
      for (std::string_view t : kTails) {
        if (rest == t) return true;
      }
      return false;
    };
    if (tail_ok("뒤") || tail_ok("후")) return 1;
    if (tail_ok("전")) return -1;
    return 0;
  }

  // "간", "동안", "만에", "만으로", "째" glued or as the next token; returns
  // 1 for a plain duration, 2 for "만에" (since), 0 for none. `*end` moves
  // past a separate suffix token.
  int DurationSuffix(std::string_view rest, size_t next, size_t* end) const {
    auto kind_of = [](std::string_view s) {
      if (StartsWith(s, "만")) return 2;
      if (StartsWith(s, "간") || StartsWith(s, "동안") || StartsWith(s, "째") ||
          StartsWith(s, "일정")) {
        return 1;
      }
      return 0;
    };
    if (!rest.empty()) return kind_of(rest);
    if (!IsHangulAt(next) || c_.tok(next).break_before) return 0;
    const std::string_view w = c_.str(next);
    const int kind = kind_of(w);
    if (kind == 0) return 0;
    // The separate token must be the suffix itself plus a particle ("만에",
    // "동안에는"), not a word that merely starts alike ("만큼", "간담회").
    static constexpr std::string_view kWords[] = {"만에", "만의", "만으로", "만이",
                                                  "동안", "간",   "째",     "일정"};
    for (std::string_view word : kWords) {
      if (StartsWith(w, word) && ParticleOk(w.substr(word.size()))) {
        *end = next + 1;
        return kind;
      }
    }
    return 0;
  }

  // A count of `n` units (days per unit `unit_days`, or months when
  // `months` > 0): duration, event offset, or "N 만에" with a value hint.
  size_t FinishCount(size_t s, size_t unit_tok, std::string_view rest, int n, int unit_days,
                     int months, bool bare_ok) {
    size_t end = unit_tok + 1;
    const int kind = DurationSuffix(rest, unit_tok + 1, &end);
    int side = 0;
    if (kind == 0 && rest.empty()) side = EventSideAt(unit_tok + 1);
    if (kind == 0 && side == 0 && !bare_ok) return 0;
    if (side != 0 && months == 0) {
      out_->anchor = TimeAnchor::kEvent;
      out_->offset_days = side * n * unit_days;
      return Finish(s, unit_tok + 2);
    }
    if (side != 0) end = unit_tok + 2;
    out_->anchor = TimeAnchor::kDuration;
    if (months > 0) {
      out_->duration_months = months;
    } else {
      out_->duration_days = n * unit_days;
    }
    if (kind == 2) {
      // "2개월 만에": the previous occasion lies that far before publication.
      out_->approximate = true;
      if (months % 12 == 0 && months > 0) {
        out_->value = PubPlusYears(c_, -months / 12);
      } else if (months > 0) {
        out_->value = PubPlusMonths(c_, -months);
      } else {
        out_->value = PubPlusDays(c_, -n * unit_days);
      }
    }
    return Finish(s, end);
  }

  Direction WithCue(Direction dir, size_t s) const {
    if (dir == Direction::kDefault && c_.FutureCue(s)) return Direction::kFuture;
    return dir;
  }

  // A part of a month or year after it: "초", "중순", "말", "하순", glued
  // (`rest`) or as the next token. Moves `*end` past a separate token.
  bool PartSuffix(std::string_view rest, size_t next, size_t* end) const {
    static constexpr std::string_view kParts[] = {"초순", "중순",   "하순",   "상순", "초",
                                                  "말",   "상반기", "하반기", "께",   "경"};
    if (!rest.empty()) {
      for (std::string_view p : kParts) {
        if (StartsWith(rest, p)) return true;
      }
      return false;
    }
    if (!IsHangulAt(next) || c_.tok(next).break_before) return false;
    const std::string_view w = c_.str(next);
    for (std::string_view p : kParts) {
      if (StartsWith(w, p) && ParticleOk(w.substr(p.size()))) {
        // "말" alone could be a noun ("말했다" is caught by ParticleOk).
        *end = next + 1;
        return true;
      }
    }
    return false;
  }

  // Dates built from numbers and units: "2024년 6월 11일", "6월 11일",
  // "11일", "17~20일", "17일부터 나흘간", "10일-24일", "2023년", durations
  // ("22일간", "2주간", "2개월 만에") and event offsets ("3일 뒤").
  // `year_offset` (from "지난해"/"올해"/"내년") fixes a relative year.
  size_t MatchChain(size_t s, size_t i, Direction dir, const int* year_offset) {
    const Tok& first = c_.tok(i);
    if (first.kind != TokKind::kNumber || first.number < 0 || !LeftFree(i)) return 0;
    int year = 0, month = 0, day = 0, end_month = 0, end_day = 0;
    size_t end = 0;
    std::string_view rest;
    Unit u = UnitAt(i);
    if (u.kind == UnitKind::kNone) {
      // "17~20일": a day range whose first day has no unit.
      if (first.digits <= 2 && c_.IsRangeDash(i + 1)) {
        const Unit u2 = UnitAt(i + 2);
        if (u2.kind == UnitKind::kDay && first.number >= 1 && u2.n > first.number && u2.n <= 31) {
          day = first.number;
          end_day = u2.n;
          end = u2.tok + 1;
          rest = u2.rest;
          return Resolve(s, end, rest, dir, year_offset, year, month, day, end_month, end_day);
        }
      }
      return 0;
    }
    // Counts of weeks, months and short spans of years are durations.
    if (u.kind == UnitKind::kWeek) {
      if (u.n < 1 || u.n > 520) return 0;
      return FinishCount(s, u.tok, u.rest, u.n, 7, 0, true);
    }
    if (u.kind == UnitKind::kMonths) {
      if (u.n < 1 || u.n > 600) return 0;
      return FinishCount(s, u.tok, u.rest, u.n, 30, u.n, true);
    }
    if (u.kind == UnitKind::kYear && first.digits < 4) {
      if (u.n < 1 || year_offset != nullptr) return 0;
      return FinishCount(s, u.tok, u.rest, u.n, 365, 12 * u.n, false);
    }
    if (u.kind == UnitKind::kYear) {
      if (u.n < 1900 || u.n > 2100 || year_offset != nullptr) return 0;
      year = u.n;
      end = u.tok + 1;
      rest = u.rest;
      if (!ChainContinues(end, rest)) {
        out_->anchor = TimeAnchor::kAbsolute;
        out_->value = CivilDate{year, 0, 0};
        size_t part_end = end;
        if (PartSuffix(rest, end, &part_end)) out_->approximate = true;
        return Finish(s, part_end);
      }
      u = UnitAt(end);
      if (u.kind != UnitKind::kMonth) {
        out_->anchor = TimeAnchor::kAbsolute;
        out_->value = CivilDate{year, 0, 0};
        return Finish(s, end);
      }
    }
    if (u.kind == UnitKind::kMonth) {
      if (u.n < 1 || u.n > 12) return 0;
      month = u.n;
      end = u.tok + 1;
      rest = u.rest;
      if (ChainContinues(end, rest)) {
        const Unit d = UnitAt(end);
        if (d.kind == UnitKind::kDay && d.n >= 1 && d.n <= 31) {
          u = d;
        } else if (c_.tok(end).digits <= 2 && c_.IsRangeDash(end + 1)) {
          // "6월 17~20일".
          const Unit d2 = UnitAt(end + 2);
          const int d1 = c_.tok(end).number;
          if (d2.kind == UnitKind::kDay && d1 >= 1 && d2.n > d1 && d2.n <= 31) {
            day = d1;
            end_day = d2.n;
            end = d2.tok + 1;
            rest = d2.rest;
          }
        }
      }
      if (u.kind != UnitKind::kDay) {
        return Resolve(s, end, rest, dir, year_offset, year, month, day, end_month, end_day);
      }
    }
    if (u.kind == UnitKind::kDay) {
      if (u.n < 1) return 0;
      // "22일간", "3일 만에", "3일 뒤": counts of days, not dates.
      if (month == 0 && year == 0) {
        if (size_t e = FinishCount(s, u.tok, u.rest, u.n, 1, 0, false)) return e;
      }
      if (u.n > 31) return 0;
      day = u.n;
      end = u.tok + 1;
      rest = u.rest;
    }
    return Resolve(s, end, rest, dir, year_offset, year, month, day, end_month, end_day);
  }

  // Ranges after the first date, then resolution against publication.
  size_t Resolve(size_t s, size_t end, std::string_view rest, Direction dir, const int* year_offset,
                 int year, int month, int day, int end_month, int end_day) {
    if (day != 0 && end_day == 0) {
      if (StartsWith(rest, "부터") && end < c_.size() && !c_.tok(end).break_before) {
        // "17일부터 20일까지", "17일부터 나흘간", "17일부터 4일간".
        const Unit u2 = UnitAt(end);
        if (u2.kind == UnitKind::kDay && u2.n >= 1 && u2.n <= 31) {
          size_t dummy = 0;
          if (DurationSuffix(u2.rest, u2.tok + 1, &dummy) == 1 && u2.n <= 31) {
            out_->duration_days = u2.n;
            end_day = -u2.n;  // resolved below as a length
            end = dummy != 0 ? dummy : u2.tok + 1;
          } else if (u2.n != day) {
            end_day = u2.n;
            end = u2.tok + 1;
          }
        } else if (u2.kind == UnitKind::kMonth && u2.n >= 1 && u2.n <= 12 &&
                   ChainContinues(u2.tok + 1, u2.rest)) {
          const Unit d2 = UnitAt(u2.tok + 1);
          if (d2.kind == UnitKind::kDay && d2.n >= 1 && d2.n <= 31) {
            end_month = u2.n;
            end_day = d2.n;
            end = d2.tok + 1;
          }
        } else if (IsHangulAt(end)) {
          const std::string_view w = c_.str(end);
          for (const DayWord& dw : kDayWords) {
            if (StartsWith(w, dw.word) && dw.days > 1) {
              size_t e2 = end + 1;
              if (DurationSuffix(w.substr(dw.word.size()), end + 1, &e2) == 1) {
                out_->duration_days = dw.days;
                end_day = -dw.days;
                end = e2;
              }
              break;
            }
          }
        }
      } else if (rest.empty() && c_.IsRangeDash(end)) {
        // "10일-24일", "11일~12일", "6월 30일~7월 2일".
        const Unit u2 = UnitAt(end + 1);
        if (u2.kind == UnitKind::kDay && u2.n >= 1 && u2.n <= 31 && u2.n != day) {
          end_day = u2.n;
          end = u2.tok + 1;
        } else if (u2.kind == UnitKind::kMonth && u2.n >= 1 && u2.n <= 12 &&
                   ChainContinues(u2.tok + 1, u2.rest)) {
          const Unit d2 = UnitAt(u2.tok + 1);
          if (d2.kind == UnitKind::kDay && d2.n >= 1 && d2.n <= 31) {
            end_month = u2.n;
            end_day = d2.n;
            end = d2.tok + 1;
          }
        }
      }
    }
    // Month parts: "6월 말", "6월초".
    if (day == 0 && month != 0) {
      size_t part_end = end;
      if (PartSuffix(rest, end, &part_end)) {
        out_->approximate = true;
        end = part_end;
      }
    }
    // Resolution.
    if (year != 0) {
      out_->anchor = TimeAnchor::kAbsolute;
    } else {
      out_->anchor = TimeAnchor::kPublication;
      if (month != 0) {
        if (year_offset != nullptr) {
          year = c_.pub.year != 0 ? c_.pub.year + *year_offset : 0;
        } else {
          year = YearForMonth(c_, month, day, WithCue(dir, s));
        }
      }
    }
    CivilDate value;
    if (month != 0) {
      value = CivilDate{year, month, day};
      if (day > DaysInMonth(year, month)) {
        // "2월 29일" is a date only in a leap year: an inferred common year is dropped.
        if (out_->anchor == TimeAnchor::kAbsolute || day > DaysInMonth(0, month)) return 0;
        value.year = 0;
      }
    } else {
      value = ResolveDayOfMonth(c_, day, WithCue(dir, s));
    }
    out_->value = value;
    if (end_day != 0) {
      if (end_day < 0) {
        // A length from the first day: "17일부터 나흘간" ends on the 20th.
        if (IsCompleteDate(value)) {
          out_->range_end = AddDays(value, -end_day - 1);
        } else if (value.day - end_day - 1 <= DaysInMonth(value.year, value.month)) {
          out_->range_end = CivilDate{value.year, value.month, value.day - end_day - 1};
        }
      } else {
        CivilDate last{value.year, end_month != 0 ? end_month : value.month, end_day};
        if (end_month == 0 && end_day < value.day) {
          last = AddMonths(CivilDate{value.year, value.month, 0}, 1);  // "30일~2일"
          last.day = end_day;
        } else if (end_month != 0 && end_month < value.month && value.year != 0) {
          last.year = value.year + 1;
        }
        if (last.month != 0 && end_day > DaysInMonth(last.year, last.month)) return 0;
        out_->range_end = last;
      }
    }
    return Finish(s, end);
  }

  size_t MatchWeekday(size_t s, size_t i, int weekday, Direction dir) {
    out_->anchor = TimeAnchor::kPublication;
    const bool cue = dir == Direction::kDefault && c_.FutureCue(s);
    if (cue && c_.pub_full && WeekdayOfDayNumber(c_.pub_day) == weekday) {
      out_->value = PubPlusDays(c_, 0);
    } else {
      out_->value = ResolveWeekday(c_, weekday, cue ? Direction::kFuture : dir);
    }
    return Finish(s, i + 1);
  }

  int WeekdayAt(size_t j) const {
    if (!IsHangulAt(j)) return -1;
    const std::string_view w = c_.str(j);
    for (int d = 0; d < 7; ++d) {
      if (StartsWith(w, kWeekdayWords[d]) && ParticleOk(w.substr(kWeekdayWords[d].size()))) {
        return d;
      }
    }
    return -1;
  }

  // A relative year ("지난해", "올해") with what may follow: "10월", "말".
  size_t AfterYear(size_t s, size_t i, std::string_view rest, int offset) {
    size_t end = i + 1;
    if (rest.empty() && end < c_.size() && c_.tok(end).kind == TokKind::kNumber &&
        !c_.tok(end).break_before && UnitAt(end).kind == UnitKind::kMonth) {
      TimeExpression saved = *out_;
      if (size_t e = MatchChain(s, end, Direction::kDefault, &offset)) return e;
      *out_ = saved;
    }
    out_->anchor = TimeAnchor::kPublication;
    out_->value = PubPlusYears(c_, offset);
    if (PartSuffix(rest, end, &end)) out_->approximate = true;
    return Finish(s, end);
  }

  // A relative month ("지난달", "이달", "다음 달") with "말", "초" or "28일".
  size_t AfterMonth(size_t s, size_t i, std::string_view rest, int offset) {
    size_t end = i + 1;
    out_->anchor = TimeAnchor::kPublication;
    CivilDate month = PubPlusMonths(c_, offset);
    if (rest.empty() && end < c_.size() && !c_.tok(end).break_before) {
      const Unit d = UnitAt(end);
      const int max_day = month.month != 0 ? DaysInMonth(month.year, month.month) : 31;
      if (d.kind == UnitKind::kDay && d.n >= 1 && d.n <= max_day && LeftFree(end)) {
        month.day = d.n;
        if (!month.valid()) month = CivilDate{0, 0, d.n};
        out_->value = month;
        return Finish(s, d.tok + 1);
      }
    }
    out_->value = month;
    if (PartSuffix(rest, end, &end)) out_->approximate = true;
    return Finish(s, end);
  }

  size_t SetDayOffset(size_t s, size_t end, int days) {
    out_->anchor = TimeAnchor::kPublication;
    out_->value = PubPlusDays(c_, days);
    return Finish(s, end);
  }

  size_t SetEvent(size_t s, size_t end, int days) {
    out_->anchor = TimeAnchor::kEvent;
    out_->offset_days = days;
    return Finish(s, end);
  }

  size_t SetWeekAt(size_t s, size_t end, int weeks) {
    SetWeek(c_, weeks, out_);
    return Finish(s, end);
  }

  // Hangul-led expressions.
  size_t MatchWord(size_t i) {
    const std::string_view w = c_.str(i);
    if (!MayStartKeyword(w)) return 0;
    // Modifiers written as separate words: "지난", "오는", "이번", "다음", "같은".
    if (w == "지난" || w == "오는" || w == "이번" || w == "다음" || w == "같은") {
      return MatchModifier(i, w);
    }
    for (const Simple& k : kSimple) {
      if (!StartsWith(w, k.word)) continue;
      const std::string_view rest = w.substr(k.word.size());
      if (!ParticleOk(rest)) continue;
      switch (k.kind) {
        case Simple::kYear:
          return AfterYear(i, i, rest, k.offset);
        case Simple::kMonth:
          return AfterMonth(i, i, rest, k.offset);
        case Simple::kWeek:
          return SetWeekAt(i, i + 1, k.offset);
        case Simple::kDay:
          return SetDayOffset(i, i + 1, k.offset);
        case Simple::kEvent:
          return SetEvent(i, i + 1, k.offset);
        case Simple::kYearPart:
          out_->anchor = TimeAnchor::kPublication;
          out_->value = PubPlusYears(c_, 0);
          out_->approximate = true;
          return Finish(i, i + 1);
      }
    }
    if (const int weekday = WeekdayAt(i); weekday >= 0) {
      return MatchWeekday(i, i, weekday, Direction::kDefault);
    }
    for (const DayWord& dw : kDayWords) {
      if (!StartsWith(w, dw.word)) continue;
      const std::string_view rest = w.substr(dw.word.size());
      if (!ParticleOk(rest)) return 0;
      // A bare "하루" is usually "a day's" ("하루 평균"), not a span.
      return FinishCount(i, i, rest, dw.days, 1, 0, dw.days > 1);
    }
    return 0;
  }

  size_t MatchModifier(size_t i, std::string_view mod) {
    const size_t j = i + 1;
    if (j >= c_.size() || c_.tok(j).break_before) return 0;
    const bool past = mod == "지난";
    const bool future = mod == "오는";
    if (c_.tok(j).kind == TokKind::kNumber && (past || future)) {
      return MatchChain(i, j, past ? Direction::kPast : Direction::kFuture, nullptr);
    }
    if (const int weekday = WeekdayAt(j); weekday >= 0) {
      if (mod == "같은" || mod == "다음") return 0;
      return MatchWeekday(i, j, weekday,
                          past     ? Direction::kPast
                          : future ? Direction::kFuture
                                   : Direction::kThis);
    }
    if (!IsHangulAt(j)) return 0;
    const int offset = past ? -1 : (mod == "이번" ? 0 : 1);
    if (mod == "같은") {
      if (!TokenStarts(j, {"날"}).empty()) return SetEvent(i, j + 1, 0);
      return 0;
    }
    if (!TokenStarts(j, {"주말"}).empty()) {
      if (mod == "다음") return 0;
      // "오는 주말" is the coming weekend: this week's unless it has begun.
      int weeks = offset;
      if (future && c_.pub_full && WeekdayOfDayNumber(c_.pub_day) <= 4) weeks = 0;
      const size_t end = SetWeekAt(i, j + 1, weeks);
      if (c_.pub_full) out_->value = AddDays(out_->value, 5);  // Saturday
      return end;
    }
    if (!TokenStarts(j, {"주"}).empty()) return SetWeekAt(i, j + 1, offset);
    if (!TokenStarts(j, {"달"}).empty() && !future) {
      const std::string_view rest = c_.str(j).substr(std::string_view("달").size());
      return AfterMonth(i, j, rest, offset);
    }
    if (!TokenStarts(j, {"해"}).empty() && past) {
      const std::string_view rest = c_.str(j).substr(std::string_view("해").size());
      return AfterYear(i, j, rest, -1);
    }
    if (!TokenStarts(j, {"날"}).empty() && mod == "다음") return SetEvent(i, j + 1, 1);
    return 0;
  }

  const Context& c_;
  TimeExpression* out_;
};

}  // namespace

size_t MatchKorean(const Context& ctx, size_t i, TimeExpression* out) {
  KoreanMatcher matcher(ctx, out);
  const size_t end = matcher.Match(i);
  if (end == 0) *out = TimeExpression{};
  return end;
}

}  // namespace tg::extract::timex_internal
