// Time expressions: one pass of a light tokenizer, then hand-written
// matchers per language (timex_en.cc, timex_ko.cc) tried at each token that
// can start an expression. Parenthesised zone notes before or after an
// expression ("(현지시간) 화요일", "Tuesday (US time)") join its span here.
#include "extract/timex.h"

#include <cstdio>

#include "extract/timex_calendar.h"
#include "extract/timex_scan.h"

namespace tg::extract {
namespace {

using timex_internal::Context;
using timex_internal::Lower;
using timex_internal::Tok;
using timex_internal::TokKind;

enum class ParenKind { kNone, kZone, kKoreanTime, kWeekday };

bool IsOpenParen(const Context& ctx, size_t i) {
  return i < ctx.size() && ctx.tok(i).kind == TokKind::kPunct &&
         (ctx.str(i) == "(" || ctx.str(i) == "\uFF08");
}

bool IsCloseParen(const Context& ctx, size_t i) {
  return ctx.tok(i).kind == TokKind::kPunct && (ctx.str(i) == ")" || ctx.str(i) == "\uFF09");
}

bool ContainsLower(std::string_view haystack, std::string_view lower_needle) {
  if (lower_needle.size() > haystack.size()) return false;
  for (size_t k = 0; k + lower_needle.size() <= haystack.size(); ++k) {
    size_t m = 0;
    while (m < lower_needle.size() && Lower(haystack[k + m]) == lower_needle[m]) ++m;
    if (m == lower_needle.size()) return true;
  }
  return false;
}

// Reads "(현지시간)", "(US time)", "(KST)", "(화)" at token i; `*after` is
// the token past the closing bracket.
ParenKind ReadParen(const Context& ctx, size_t i, size_t* after) {
  if (!IsOpenParen(ctx, i)) return ParenKind::kNone;
  size_t close = i + 1;
  while (close < ctx.size() && close <= i + 6 && !IsCloseParen(ctx, close)) ++close;
  if (close >= ctx.size() || close > i + 6 || close == i + 1) return ParenKind::kNone;
  const std::string_view inside =
      ctx.text.substr(ctx.tok(i).end, ctx.tok(close).begin - ctx.tok(i).end);
  *after = close + 1;
  static constexpr std::string_view kWeekdays[] = {"월", "화", "수", "목", "금", "토", "일"};
  for (std::string_view w : kWeekdays) {
    if (inside == w) return ParenKind::kWeekday;
  }
  static constexpr std::string_view kZones[] = {"kst", "est", "edt", "pst",  "pdt",
                                                "cst", "cdt", "cet", "cest", "gmt",
                                                "utc", "et",  "pt",  "bst",  "jst"};
  bool zone = inside.find("시간") != std::string_view::npos || ContainsLower(inside, "time");
  for (std::string_view z : kZones) {
    if (inside.size() == z.size() && ContainsLower(inside, z)) zone = true;
  }
  if (!zone) return ParenKind::kNone;
  if (inside.find("한국") != std::string_view::npos ||
      inside.find("서울") != std::string_view::npos || ContainsLower(inside, "korea") ||
      ContainsLower(inside, "seoul") || ContainsLower(inside, "kst")) {
    return ParenKind::kKoreanTime;
  }
  return ParenKind::kZone;
}

size_t MatchAt(const Context& ctx, size_t i, TimeExpression* out) {
  const Tok& t = ctx.tok(i);
  switch (t.kind) {
    case TokKind::kHangul:
      return timex_internal::MatchKorean(ctx, i, out);
    case TokKind::kWord:
      return timex_internal::MatchEnglish(ctx, i, out);
    case TokKind::kNumber: {
      // Korean units ("11일", "17~20일") first, then English forms.
      if (size_t end = timex_internal::MatchKorean(ctx, i, out)) return end;
      return timex_internal::MatchEnglish(ctx, i, out);
    }
    default:
      return 0;
  }
}

void AppendTwoDigits(int v, std::string* out) {
  out->push_back(static_cast<char>('0' + (v / 10) % 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

std::string TimeExpression::Iso() const {
  std::string out;
  if (!value.valid()) return out;
  if (value.year != 0) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%04d", value.year);
    out = buf;
  } else {
    out = "-";
  }
  if (value.month == 0) return value.year != 0 ? out : std::string();
  out.push_back('-');
  AppendTwoDigits(value.month, &out);
  if (value.day != 0) {
    out.push_back('-');
    AppendTwoDigits(value.day, &out);
  }
  return out;
}

std::vector<TimeExpression> FindTimeExpressions(std::string_view text, const CivilDate& published) {
  std::vector<TimeExpression> found;
  std::vector<Tok> toks;
  timex_internal::Tokenize(text, &toks);
  Context ctx;
  ctx.text = text;
  ctx.toks = &toks;
  ctx.pub = published;
  ctx.pub_full = IsCompleteDate(published);
  if (ctx.pub_full) ctx.pub_day = DayNumber(published);
  // Keep only what the header promises about partial dates: a day without a
  // month cannot anchor anything.
  if (ctx.pub.month == 0) ctx.pub.day = 0;
  if (ctx.pub.year == 0) ctx.pub = CivilDate{};

  size_t i = 0;
  while (i < toks.size()) {
    const TokKind kind = toks[i].kind;
    if (kind == TokKind::kPunct) {
      // A zone note before the expression: "(현지시간) 화요일".
      size_t after = 0;
      const ParenKind paren = ReadParen(ctx, i, &after);
      if ((paren == ParenKind::kZone || paren == ParenKind::kKoreanTime) && after < toks.size()) {
        TimeExpression expr;
        if (size_t end = MatchAt(ctx, after, &expr)) {
          expr.begin = toks[i].begin;
          expr.local_time = paren == ParenKind::kZone;
          found.push_back(expr);
          i = end;
          continue;
        }
      }
      ++i;
      continue;
    }
    if (kind == TokKind::kOther) {
      ++i;
      continue;
    }
    TimeExpression expr;
    size_t end = MatchAt(ctx, i, &expr);
    if (end == 0) {
      ++i;
      continue;
    }
    // A zone note or weekday after it: "지난 11일(현지시간)", "Tuesday (US time)", "11일(화)".
    size_t after = 0;
    const ParenKind paren = ReadParen(ctx, end, &after);
    if (paren != ParenKind::kNone) {
      expr.end = toks[after - 1].end;
      if (paren == ParenKind::kZone) expr.local_time = true;
      end = after;
    }
    found.push_back(expr);
    i = end;
  }
  return found;
}

}  // namespace tg::extract
