#pragma once
// Parsing of the date and time strings news pages print, in English and
// Korean: ISO 8601, "Oct. 18, 2024", "18 October 2024", "2023.05.15 10:11:28",
// "2023-05-15", "2023/05/15", "2023년 5월 15일 오후 3시", and labelled forms
// ("등록 2023.05.15 10:11:28", "입력 2024.06.23 09:12", "기사입력", "승인",
// "Published : Oct. 18, 2024 - 15:02", "Updated ...", "date 2024-06-06",
// "Posted on ..."), and datelines ("Seoul, June 13 (IANS)" -> month and day only).
// Pure functions; thread-safe.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tg::text {

enum class DateLabel {
  kNone,       // a bare date
  kPublished,  // 등록, 입력, 기사입력, 발행, 승인, Published, Posted, date, Created
  kUpdated,    // 수정, 업데이트, Updated, Modified
  kDateline,   // "SEOUL, June 13 (Yonhap) --"
};

struct FoundDate {
  std::string date;   // "YYYY-MM-DD"; "--MM-DD" when the text gives no year (datelines)
  std::string time;   // "HH:MM" or "HH:MM:SS" (24-hour), empty when not given
  DateLabel label = DateLabel::kNone;
  size_t begin = 0;   // byte span of the whole match in the searched text
  size_t end = 0;
};

// Parses `text` as one date (with optional time and zone), allowing
// surrounding white space. Returns nullopt unless it is a valid calendar date.
std::optional<FoundDate> ParseDate(std::string_view text);

// Finds the publication date stated in a line or short block of page text:
// labelled published forms first, then datelines with a year, then bare full
// dates; "updated" dates only when nothing else is there. Years outside
// 1990..2100 and invalid calendar dates are ignored. Copyright years are never dates.
std::optional<FoundDate> FindPublishedDate(std::string_view text);

}  // namespace tg::text
