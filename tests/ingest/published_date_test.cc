#include "ingest/published_date.h"

#include <gtest/gtest.h>

namespace tg::ingest {
namespace {

TEST(NormalizePublishedTest, Table) {
  struct Case {
    const char* in;
    const char* date;
    const char* time;
  };
  const Case cases[] = {
      {"2024-03-05", "2024-03-05", ""},
      {"2024-03-05T09:30:00+09:00", "2024-03-05", "09:30:00"},
      {"2024-03-05T09:30Z", "2024-03-05", "09:30"},
      {"2024-03-05 18:02:11", "2024-03-05", "18:02:11"},
      {"2024/3/5", "2024-03-05", ""},
      {"2024.03.05 14:00", "2024-03-05", "14:00"},
      {"20240305T093000Z", "2024-03-05", ""},
      {"Tue, 05 Mar 2024 09:30:00 GMT", "2024-03-05", "09:30:00"},
      {"March 5, 2024", "2024-03-05", ""},
      {"5 March 2024", "2024-03-05", ""},
      {"2024-02-29", "2024-02-29", ""},
      {"2023-02-29", "", ""},
      {"2024-13-01", "", ""},
      {"1815-06-18", "", ""},
      {"yesterday", "", ""},
      {"", "", ""},
      {"2024-03", "", ""},
  };
  for (const Case& c : cases) {
    const PublishedDate out = NormalizePublished(c.in);
    EXPECT_EQ(out.date, c.date) << c.in;
    EXPECT_EQ(out.time, c.time) << c.in;
  }
}

}  // namespace
}  // namespace tg::ingest
