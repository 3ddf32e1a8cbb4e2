#include "extract/timex_calendar.h"

#include <algorithm>

namespace tg::extract {
namespace {

// Day numbers use a year that starts on March 1, so the leap day is the last
// day of its year and month lengths before it follow the 153-days-per-5-months
// pattern (31, 30, 31, 30, 31). An era is 400 years = 146097 days.
constexpr int64_t kDaysPerEra = 146097;
constexpr int64_t kEpochShift = 719468;  // days from 0000-03-01 to 1970-01-01

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) return (year == 0 || IsLeapYear(year)) ? 29 : 28;
  return kDays[month - 1];
}

bool IsCompleteDate(const CivilDate& date) {
  return date.year != 0 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

int64_t DayNumber(const CivilDate& date) {
  const int64_t shifted_year = date.month <= 2 ? date.year - 1 : date.year;
  const int64_t era = FloorDiv(shifted_year, 400);
  const int64_t year_of_era = shifted_year - era * 400;  // 0..399
  const int64_t march_month = (date.month + 9) % 12;     // March = 0
  const int64_t day_of_year = (153 * march_month + 2) / 5 + date.day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * kDaysPerEra + day_of_era - kEpochShift;
}

CivilDate DateOfDayNumber(int64_t day_number) {
  const int64_t z = day_number + kEpochShift;
  const int64_t era = FloorDiv(z, kDaysPerEra);
  const int64_t day_of_era = z - era * kDaysPerEra;  // 0..146096
  // Remove the leap days of the era so far to count whole 365-day years.
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t march_month = (5 * day_of_year + 2) / 153;
  CivilDate out;
  out.day = static_cast<int>(day_of_year - (153 * march_month + 2) / 5 + 1);
  out.month = static_cast<int>(march_month < 10 ? march_month + 3 : march_month - 9);
  out.year = static_cast<int>(year_of_era + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}

int WeekdayOfDayNumber(int64_t day_number) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int64_t w = (day_number + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

CivilDate AddDays(const CivilDate& date, int days) {
  return DateOfDayNumber(DayNumber(date) + days);
}

CivilDate AddMonths(const CivilDate& date, int months) {
  CivilDate out = date;
  if (date.month == 0) return out;  // a year alone has no month to move
  const int64_t index = static_cast<int64_t>(date.month - 1) + months;
  const int64_t year_shift = FloorDiv(index, 12);
  out.month = static_cast<int>(index - year_shift * 12 + 1);
  if (date.year != 0) {
    out.year = static_cast<int>(date.year + year_shift);
  } else if (year_shift != 0) {
    out.month = 0;
    out.day = 0;
    return out;
  }
  if (out.day != 0) out.day = std::min(out.day, DaysInMonth(out.year, out.month));
  return out;
}

}  // namespace tg::extract
