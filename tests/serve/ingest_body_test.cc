// Tests for src/serve/ingest_body.h: the body forms of POST /api/documents.
#include "serve/ingest_body.h"

#include <gtest/gtest.h>

#include "testing/status_matchers.h"

namespace tg::serve {
namespace {

const char kOne[] =
    R"({"url": "https://example.test/a", "title": "Tarn Mills chief meets Odell Freight head",
  "published": "2025-06-02T09:00:00+09:00", "outlet": "Example Wire",
  "text": "Tarn Mills CEO Ilse Marrow met Odell Freight chairman Piet Harlan in Busan on Monday."})";

TEST(IngestBodyTest, OnePrettyPrintedObject) {
  ASSERT_OK_AND_ASSIGN(std::vector<RawDocument> docs, ParseIngestBody(kOne));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "https://example.test/a");  // no "id": the url
  EXPECT_EQ(docs[0].meta.url, "https://example.test/a");
  EXPECT_EQ(docs[0].meta.outlet, "Example Wire");
  EXPECT_EQ(docs[0].meta.published, "2025-06-02");
  EXPECT_EQ(docs[0].kind, ContentKind::kText);
  // The headline is put in front of the text, as for a .jsonl file.
  EXPECT_EQ(docs[0].content.rfind("Tarn Mills chief meets Odell Freight head\n", 0), 0u);
}

TEST(IngestBodyTest, ArrayAndJsonlGiveTheSameDocuments) {
  const std::string a = R"({"id": "a-1", "html": "<p>Alpha story.</p>"})";
  const std::string b = R"({"id": "b-2", "text": "Beta story."})";
  ASSERT_OK_AND_ASSIGN(std::vector<RawDocument> from_array,
                       ParseIngestBody("[" + a + "," + b + "]"));
  ASSERT_OK_AND_ASSIGN(std::vector<RawDocument> from_lines, ParseIngestBody(a + "\n\n" + b + "\n"));
  ASSERT_EQ(from_array.size(), 2u);
  ASSERT_EQ(from_lines.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(from_array[i].id, from_lines[i].id);
    EXPECT_EQ(from_array[i].content, from_lines[i].content);
    EXPECT_EQ(from_array[i].raw_hash, from_lines[i].raw_hash);
  }
  EXPECT_EQ(from_array[0].kind, ContentKind::kHtml);
}

TEST(IngestBodyTest, WithoutIdOrUrlTheIdIsAHashOfTheArticle) {
  ASSERT_OK_AND_ASSIGN(std::vector<RawDocument> first, ParseIngestBody(R"({"text": "Gamma."})"));
  ASSERT_OK_AND_ASSIGN(std::vector<RawDocument> again, ParseIngestBody(R"({"text": "Gamma."})"));
  ASSERT_OK_AND_ASSIGN(std::vector<RawDocument> other, ParseIngestBody(R"({"text": "Delta."})"));
  EXPECT_EQ(first[0].id.rfind("post:", 0), 0u);
  EXPECT_EQ(first[0].id, again[0].id);
  EXPECT_NE(first[0].id, other[0].id);
}

TEST(IngestBodyTest, BadBodiesNameTheArticle) {
  struct Case {
    std::string body;
    std::string message_part;
  };
  const Case cases[] = {
      {"", "empty body"},
      {"   \n", "empty body"},
      {"not json at all", "line 1"},
      {"{\"text\": \"ok\"}\n{broken", "line 2"},
      {"[{\"text\": \"ok\"}, 3]", "article 2"},
      {"{\"title\": \"no text\"}", "article 1: no \"text\" or \"html\""},
      {"{\"text\": 12}", "article 1"},
      {"42", "line 1"},
  };
  for (const Case& c : cases) {
    Result<std::vector<RawDocument>> parsed = ParseIngestBody(c.body);
    ASSERT_FALSE(parsed.has_value()) << c.body;
    EXPECT_EQ(parsed.error().code(), StatusCode::kInvalidArgument) << c.body;
    EXPECT_NE(parsed.error().message().find(c.message_part), std::string::npos)
        << c.body << " -> " << parsed.error().message();
  }
}

TEST(IngestBodyTest, TooManyArticlesOrTooLongOne) {
  IngestBodyOptions options;
  options.max_articles = 2;
  Result<std::vector<RawDocument>> many =
      ParseIngestBody("[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]", options);
  ASSERT_FALSE(many.has_value());
  EXPECT_EQ(many.error().code(), StatusCode::kInvalidArgument);
  options.max_document_bytes = 64;
  Result<std::vector<RawDocument>> long_one =
      ParseIngestBody("{\"text\": \"" + std::string(200, 'x') + "\"}", options);
  ASSERT_FALSE(long_one.has_value());
  EXPECT_EQ(long_one.error().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace tg::serve
