#pragma once
// Normalises the publication date a container states (a JSONL "published"
// field) to DocumentMeta's forms. Pure functions; thread-safe.
#include <string>
#include <string_view>

namespace tg::ingest {

struct PublishedDate {
  std::string date;  // "YYYY-MM-DD", or empty when the value could not be parsed
  std::string time;  // "HH:MM" or "HH:MM:SS" as written (no zone shift), or empty
};

// Accepts ISO 8601 dates and date-times ("2024-03-05", "2024-03-05T09:30:00+09:00",
// "2024-03-05 09:30"), "2024/03/05" and "2024.03.05", RFC 822 dates
// ("Tue, 05 Mar 2024 09:30:00 GMT"), "March 5, 2024" and "5 March 2024".
// Impossible dates (month 13, February 30) and years outside 1900-2199 yield empty fields.
PublishedDate NormalizePublished(std::string_view value);

}  // namespace tg::ingest
