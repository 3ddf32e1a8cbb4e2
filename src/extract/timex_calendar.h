#pragma once
// Proleptic Gregorian calendar arithmetic for time normalisation: day
// numbers, month lengths, weekdays, and adding days or months. Pure
// functions; thread-safe. Days are counted from 1970-01-01 (day 0).
#include <cstdint>

#include "extract/timex.h"

namespace tg::extract {

bool IsLeapYear(int year);

// Days in `month` (1..12) of `year`; year 0 (unknown) counts February as 29
// days so that "Feb. 29" without a year stays possible.
int DaysInMonth(int year, int month);

// True when year, month and day are all known and form a calendar date.
bool IsCompleteDate(const CivilDate& date);

// Day number of a complete date (requires IsCompleteDate).
int64_t DayNumber(const CivilDate& date);

// Complete date of a day number.
CivilDate DateOfDayNumber(int64_t day_number);

// 0 = Monday ... 6 = Sunday, for a day number.
int WeekdayOfDayNumber(int64_t day_number);

// `date` moved by `days` (requires IsCompleteDate).
CivilDate AddDays(const CivilDate& date, int days);

// Year and month moved by `months`; the day (if any) is clamped to the new
// month's length. A date without a year keeps year 0 and only moves the month
// when that does not cross a year boundary; otherwise the month becomes 0.
CivilDate AddMonths(const CivilDate& date, int months);

}  // namespace tg::extract
