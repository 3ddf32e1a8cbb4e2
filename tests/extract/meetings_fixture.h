#pragma once
// The fixture the meeting tests share: one EntityExtractor with the bundled
// models for the whole suite, and Meetings(), which runs the real pipeline
// (entities, then ExtractEvents) over a passage and prints its meetings one
// per line. Test-only; not thread-safe (GoogleTest runs a suite's tests in
// turn).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/entities.h"
#include "extract/events.h"

namespace tg::extract {

// A Friday: "Tuesday" is 2025-03-11, "Saturday" 2025-03-08, "11일" 2025-03-11.
inline constexpr char kPublished[] = "2025-03-14";

class MeetingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<EntityExtractor>> created = EntityExtractor::Create();
    ASSERT_TRUE(created.has_value()) << created.error().ToString();
    extractor_ = std::move(created).value().release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  // The meetings of `text`, one line each in order of first statement:
  // "<participant names, sorted, joined by ' + '> | <status> | <date, else
  // date hint, else -> | <place, else ->". Also checks the invariants every
  // meeting must keep.
  static std::string Meetings(const std::string& text, const char* lang) {
    const CivilDate published = ParseCivilDate(kPublished);
    const DocumentEntities entities = extractor_->Extract(text, lang, published);
    const DocumentEvents events = ExtractEvents(text, entities, lang, published, extractor_->kb());
    std::string out;
    for (const Meeting& m : events.meetings) {
      EXPECT_GE(m.participants.size(), 2u);
      EXPECT_LE(m.evidence_begin, m.evidence_end);
      EXPECT_LE(m.evidence_end, text.size());
      EXPECT_GT(m.confidence, 0.f);
      EXPECT_LE(m.confidence, 1.f);
      std::vector<std::string> names;
      std::set<int> seen;
      for (int p : m.participants) {
        EXPECT_TRUE(seen.insert(p).second) << "participant listed twice: " << p;
        EXPECT_GE(p, 0);
        EXPECT_LT(static_cast<size_t>(p), entities.entities.size());
        if (p < 0 || static_cast<size_t>(p) >= entities.entities.size()) continue;
        EXPECT_EQ(entities.entities[p].type, EntityType::kPerson);
        names.push_back(entities.entities[p].name);
      }
      std::sort(names.begin(), names.end());
      for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : " + ") + names[i];
      out += " | ";
      out += EventStatusName(m.status);
      out += " | ";
      out += !m.date.empty() ? m.date : !m.date_hint.empty() ? m.date_hint : "-";
      out += " | ";
      out += m.place.empty() ? "-" : m.place;
      out += "\n";
    }
    return out;
  }

  static inline EntityExtractor* extractor_ = nullptr;
};

}  // namespace tg::extract
