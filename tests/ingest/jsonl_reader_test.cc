#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include "core/hash.h"
#include "ingest/test_files.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

using testing::Drain;
using testing::Drained;

TEST(JsonlReaderTest, ReadsArticlesAndSkipsBadLines) {
  const auto dir = tg::testing::MakeTempDir("ingest-jsonl");
  const std::string line1 =
      R"({"id":"a1","url":"https://example.com/1","title":"T1","outlet":"Example",)"
      R"("published":"2024-03-05T09:30:00+09:00","text":"Samsung met Nvidia."})";
  const std::string line5 =
      R"({"url":"https://example.com/5","published":"March 7, 2024","html":"<p>HTML</p>",)"
      R"("lang":"ko-KR"})";
  const std::string lines = "\xEF\xBB\xBF" + line1 + "\n" + "{not json\n" +  // line 2
                            "\n" +            // line 3: blank, skipped
                            "[1,2,3]\n" +     // line 4
                            line5 + "\r\n" +  // line 5
                            R"({"title":"no body"})"
                            "\n" +  // line 6
                            R"({"id":7,"text":"Seven."})"
                            "\n" +             // line 7
                            R"({"text":42})";  // line 8, no final newline
  const std::string path = (dir / "news.jsonl").string();
  testing::WriteFile(path, lines);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenJsonlReader(path));
  const Drained out = Drain(*stream);
  ASSERT_EQ(out.docs.size(), 3u);
  ASSERT_EQ(out.errors.size(), 4u);
  EXPECT_EQ(out.events[0], "doc:a1");
  EXPECT_EQ(out.events[1].rfind("error:line 2: not valid JSON", 0), 0u) << out.events[1];
  EXPECT_EQ(out.events[2], "error:line 4: not a JSON object");
  EXPECT_EQ(out.events[3], "doc:news:5");
  EXPECT_EQ(out.events[4], "error:line 6: no \"text\" or \"html\" field");
  EXPECT_EQ(out.events[5], "doc:7");
  EXPECT_EQ(out.events[6], "error:line 8: \"text\" is not a string");
  for (const Status& error : out.errors) EXPECT_EQ(error.code(), StatusCode::kInvalidArgument);

  const RawDocument& first = out.docs[0];
  EXPECT_EQ(first.source, path + "#line=1");
  EXPECT_EQ(first.kind, ContentKind::kText);
  EXPECT_EQ(first.content, "T1\nSamsung met Nvidia.");  // headline put in front
  EXPECT_EQ(first.meta.url, "https://example.com/1");
  EXPECT_EQ(first.meta.title, "T1");
  EXPECT_EQ(first.meta.outlet, "Example");
  EXPECT_EQ(first.meta.published, "2024-03-05");
  EXPECT_EQ(first.meta.published_time, "09:30:00");
  EXPECT_EQ(first.encoding, "UTF-8");
  EXPECT_EQ(first.raw_hash, Hash64(line1));
  EXPECT_EQ(first.raw_size, line1.size());

  const RawDocument& fifth = out.docs[1];
  EXPECT_EQ(fifth.source, path + "#line=5");
  EXPECT_EQ(fifth.kind, ContentKind::kHtml);
  EXPECT_EQ(fifth.content, "<p>HTML</p>");
  EXPECT_EQ(fifth.meta.published, "2024-03-07");
  EXPECT_EQ(fifth.meta.lang, "ko");
  EXPECT_EQ(fifth.raw_hash, Hash64(line5));
}

TEST(JsonlReaderTest, TooLongLineIsSkippedAndReadingGoesOn) {
  const auto dir = tg::testing::MakeTempDir("ingest-jsonl");
  const std::string path = (dir / "long.jsonl").string();
  testing::WriteFile(
      path, R"({"text":")" + std::string(500, 'x') + "\"}\n" + R"({"text":"short"})" + "\n");
  ReadOptions options;
  options.max_document_bytes = 100;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenJsonlReader(path, options));
  const Drained out = Drain(*stream);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.errors[0].message().rfind("line 1: ", 0), 0u);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "long:2");
  EXPECT_EQ(out.docs[0].content, "short");
}

TEST(JsonlReaderTest, InvalidUtf8InALineIsAnErrorForThatLine) {
  const auto dir = tg::testing::MakeTempDir("ingest-jsonl");
  const std::string path = (dir / "bad.jsonl").string();
  testing::WriteFile(path, "{\"text\":\"caf\xE9\"}\n{\"text\":\"ok\"}\n");
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenJsonlReader(path));
  const Drained out = Drain(*stream);
  ASSERT_EQ(out.errors.size(), 1u);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].content, "ok");
}

TEST(JsonlReaderTest, EmptyFileYieldsNothing) {
  const auto dir = tg::testing::MakeTempDir("ingest-jsonl");
  const std::string path = (dir / "empty.jsonl").string();
  testing::WriteFile(path, "");
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenJsonlReader(path));
  const Drained out = Drain(*stream);
  EXPECT_TRUE(out.docs.empty());
  EXPECT_TRUE(out.errors.empty());
}

}  // namespace
}  // namespace tg::ingest
