// Numeric dates that English and Korean pages share: ISO and dotted dates
// ("2024-06-11", "2024.06.11", "2024. 6. 11") and US month/day ("6/11").
#include "extract/timex_calendar.h"
#include "extract/timex_scan.h"

namespace tg::extract::timex_internal {
namespace {

size_t Finish(const Context& ctx, size_t first, size_t end, TimeExpression* out) {
  out->begin = ctx.tok(first).begin;
  out->end = ctx.tok(end - 1).end;
  return end;
}

}  // namespace

// "2024-06-11", "2024-06", "2024.06.11", "2024/6/11", "2024. 6. 11".
size_t MatchIsoDate(const Context& ctx, size_t i, TimeExpression* out) {
  const int year = ctx.tok(i).number;
  if (year < 1900 || year > 2100 || i + 2 >= ctx.size()) return 0;
  const std::string_view sep = ctx.str(i + 1);
  if (ctx.tok(i + 1).kind != TokKind::kPunct || ctx.tok(i + 1).space_before) return 0;
  if (sep != "-" && sep != "." && sep != "/") return 0;
  const bool spaced = sep == ".";  // Korean pages write "2024. 6. 11."
  const Tok& m = ctx.tok(i + 2);
  if (m.kind != TokKind::kNumber || m.digits > 2 || m.number < 1 || m.number > 12) return 0;
  if (m.space_before && !spaced) return 0;
  size_t e = i + 3;
  int day = 0;
  if (ctx.IsPunct(e, sep[0]) && !ctx.tok(e).space_before && e + 1 < ctx.size()) {
    const Tok& d = ctx.tok(e + 1);
    if (d.kind == TokKind::kNumber && d.digits <= 2 && d.number >= 1 &&
        (!d.space_before || spaced)) {
      day = d.number;
      e += 2;
    }
  }
  if (day == 0) {
    // Year-month only in the dashed form with a two-digit month: "2024-06",
    // not "2023-24" (a season) or "2024.6" (a version or a figure).
    if (sep != "-" || m.digits != 2 || ctx.str(i + 2)[0] != '0') return 0;
  }
  // "2024-06-11-3" or "2024.06.11.5" is an identifier, not a date.
  if (e < ctx.size() && !ctx.tok(e).space_before && ctx.tok(e).kind != TokKind::kPunct) return 0;
  if ((ctx.IsPunct(e, '-') || ctx.IsPunct(e, '/')) && !ctx.tok(e).space_before &&
      e + 1 < ctx.size() && ctx.tok(e + 1).kind == TokKind::kNumber) {
    return 0;
  }
  if (day > DaysInMonth(year, m.number)) return 0;
  out->anchor = TimeAnchor::kAbsolute;
  out->value = CivilDate{year, m.number, day};
  return Finish(ctx, i, e, out);
}

// "6/11" as month/day: both parts in range, standing alone, and not a
// simple fraction ("1/2", "3/4") or part of a longer slash chain.
size_t MatchSlashDate(const Context& ctx, size_t i, TimeExpression* out) {
  if (!ctx.IsPunct(i + 1, '/') || ctx.tok(i + 1).space_before || i + 2 >= ctx.size()) return 0;
  const Tok& d = ctx.tok(i + 2);
  if (d.kind != TokKind::kNumber || d.space_before || d.digits > 2) return 0;
  const int month = ctx.tok(i).number;
  const int day = d.number;
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(0, month)) return 0;
  if (day <= 8 && month < day) return 0;  // fractions such as 1/2, 2/3, 3/4, 5/8
  const size_t e = i + 3;
  if (e < ctx.size() && !ctx.tok(e).space_before) {
    const Tok& next = ctx.tok(e);
    if (next.kind != TokKind::kPunct) return 0;
    const char ch = ctx.text[next.begin];
    if (ch == '/' || ch == '%' || ch == '-' ||
        ((ch == '.' || ch == ',') && e + 1 < ctx.size() &&
         ctx.tok(e + 1).kind == TokKind::kNumber && !ctx.tok(e + 1).space_before)) {
      return 0;
    }
  }
  out->anchor = TimeAnchor::kPublication;
  int year =
      YearForMonth(ctx, month, day, ctx.FutureCue(i) ? Direction::kFuture : Direction::kDefault);
  if (year != 0 && day > DaysInMonth(year, month)) year = 0;
  out->value = CivilDate{year, month, day};
  return Finish(ctx, i, e, out);
}

}  // namespace tg::extract::timex_internal
