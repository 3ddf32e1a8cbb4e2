#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "core/hash.h"
#include "core/utf8.h"
#include "ingest/test_files.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

using testing::Drain;
using testing::Drained;
using testing::Gzip;

std::string Record(std::string_view type, std::string_view id, std::string_view block,
                   std::string_view content_type = "application/http; msgtype=response",
                   std::string_view uri = "", std::string_view version = "WARC/1.0") {
  std::string r(version);
  r += "\r\nWARC-Type: ";
  r += type;
  r += "\r\nWARC-Record-ID: <urn:uuid:";
  r += id;
  r += ">\r\nWARC-Date: 2024-03-05T01:02:03Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

std::string Http(std::string_view headers, std::string_view body, int status = 200) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + std::string(headers) + "\r\n" +
         std::string(body);
}

std::string Response(std::string_view id, std::string_view uri, std::string_view http) {
  return Record("response", id, http, "application/http; msgtype=response", uri);
}

const char kPage1[] = "<html><head><title>One</title></head><body><p>Page one.</p></body></html>";
const char kKoreanPage[] =
    "<html><body><p>SK 최태원 회장이 도쿄에서 일본 경제단체 대표들과 만났다.</p></body></html>";
const char kPage3[] = "<html><body><p>Compressed page three, with some text.</p></body></html>";

// A WARC with every kind of record the reader must handle or skip, and the
// offset of each record.
struct Fixture {
  std::vector<std::string> records;
  std::string Plain() const {
    std::string out;
    for (const std::string& r : records) out += r;
    return out;
  }
  std::string PerRecordGzip() const {
    std::string out;
    for (const std::string& r : records) out += Gzip(r);
    return out;
  }
  uint64_t OffsetOf(size_t index) const {
    uint64_t offset = 0;
    for (size_t i = 0; i < index; ++i) offset += records[i].size();
    return offset;
  }
};

Fixture MakeFixture() {
  Fixture f;
  const std::string korean = testing::Encode(kKoreanPage, "EUC-KR");
  // Chunked: the Korean page in two chunks with an extension on the first.
  const size_t half = korean.size() / 2;
  char size1[32], size2[32];
  std::snprintf(size1, sizeof(size1), "%zx", half);
  std::snprintf(size2, sizeof(size2), "%zX", korean.size() - half);
  const std::string chunked = std::string(size1) + ";ext=1\r\n" + korean.substr(0, half) + "\r\n" +
                              size2 + "\r\n" + korean.substr(half) + "\r\n0\r\n\r\n";
  f.records = {
      Record("warcinfo", "info", "software: test\r\nformat: WARC File Format 1.0\r\n",
             "application/warc-fields"),
      Record("request", "req1", "GET /one HTTP/1.1\r\nHost: example.com\r\n\r\n",
             "application/http; msgtype=request", "https://example.com/one"),
      Response("r1", "https://example.com/one",
               Http("Content-Type: text/html; charset=utf-8\r\n", kPage1)),
      Response("img", "https://example.com/logo.png",
               Http("Content-Type: image/png\r\n", std::string("\x89PNG\r\n\x1a\n\0\0", 10))),
      Record("response", "r2",
             Http("Content-Type: text/html; charset=euc-kr\r\nTransfer-Encoding: chunked\r\n",
                  chunked),
             "application/http; msgtype=response", "https://example.co.kr/2", "WARC/1.1"),
      Response("gone", "https://example.com/gone",
               Http("Content-Type: text/html\r\n", "<html>Not found</html>", 404)),
      Record("metadata", "meta", "fetchTimeMs: 12\r\n", "application/warc-fields",
             "https://example.com/one"),
      Response("r3", "https://example.com/three",
               Http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", Gzip(kPage3))),
      Response("r4", "https://example.com/four", Http("", "<!doctype html><p>Sniffed.</p>")),
      Response("txt", "https://example.com/robots.txt", Http("", "User-agent: *\nAllow: /\n")),
  };
  return f;
}

void ExpectFixtureDocs(const Fixture& f, const std::string& path, const Drained& out) {
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].ToString();
  ASSERT_EQ(out.docs.size(), 4u);
  EXPECT_EQ(out.docs[0].id, "urn:uuid:r1");
  EXPECT_EQ(out.docs[0].record_id, "urn:uuid:r1");
  EXPECT_EQ(out.docs[0].meta.url, "https://example.com/one");
  EXPECT_EQ(out.docs[0].source, path + "#offset=" + std::to_string(f.OffsetOf(2)));
  EXPECT_EQ(out.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(out.docs[0].content, kPage1);
  EXPECT_EQ(out.docs[0].encoding, "UTF-8");
  EXPECT_EQ(out.docs[0].raw_hash, Hash64(kPage1));

  EXPECT_EQ(out.docs[1].id, "urn:uuid:r2");
  EXPECT_EQ(out.docs[1].source, path + "#offset=" + std::to_string(f.OffsetOf(4)));
  EXPECT_EQ(out.docs[1].content, kKoreanPage);
  EXPECT_EQ(out.docs[1].encoding, "EUC-KR");

  EXPECT_EQ(out.docs[2].id, "urn:uuid:r3");
  EXPECT_EQ(out.docs[2].content, kPage3);
  EXPECT_EQ(out.docs[3].id, "urn:uuid:r4");
  EXPECT_EQ(out.docs[3].content, "<!doctype html><p>Sniffed.</p>");
}

TEST(WarcReaderTest, PlainFileYieldsHtmlResponsesOnly) {
  const Fixture f = MakeFixture();
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::string path = (dir / "crawl.warc").string();
  testing::WriteFile(path, f.Plain());
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
  const Drained out = Drain(*reader);
  ExpectFixtureDocs(f, path, out);
  const WarcStats& stats = reader->stats();
  EXPECT_EQ(stats.records, 10u);
  EXPECT_EQ(stats.yielded, 4u);
  EXPECT_EQ(stats.skipped_type, 3u);
  EXPECT_EQ(stats.skipped_status, 1u);
  EXPECT_EQ(stats.skipped_media, 2u);
}

TEST(WarcReaderTest, GzipPerRecordAndWholeFile) {
  const Fixture f = MakeFixture();
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::string per_record = (dir / "crawl.warc.gz").string();
  const std::string whole = (dir / "whole.warc.gz").string();
  testing::WriteFile(per_record, f.PerRecordGzip());
  testing::WriteFile(whole, Gzip(f.Plain()));
  for (const std::string& path : {per_record, whole}) {
    SCOPED_TRACE(path);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
    ExpectFixtureDocs(f, path, Drain(*reader));
  }
}

TEST(WarcReaderTest, MalformedHeadersAreReportedAndReadingResumes) {
  const std::string good =
      Response("good", "https://example.com/g", Http("Content-Type: text/html\r\n", kPage1));
  const std::string cases[] = {
      // No Content-Length; its body even holds a line that is not a record start.
      "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\nbody\r\n\r\n",
      "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12abc\r\n\r\nxxxxxxxxxxxx\r\n\r\n",
      "WRAC/1.0\r\nWARC-Type: response\r\nContent-Length: 4\r\n\r\nxxxx\r\n\r\n",
      "WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + std::string(300, 'h') +
          "\r\nContent-Length: 4\r\n\r\nxxxx\r\n\r\n",
  };
  const char* reasons[] = {"missing Content-Length", "invalid Content-Length", "bad version line",
                           "header block too big"};
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  ReadOptions options;
  options.max_warc_header_bytes = 256;
  for (size_t i = 0; i < std::size(cases); ++i) {
    SCOPED_TRACE(reasons[i]);
    const std::string path = (dir / ("bad" + std::to_string(i) + ".warc")).string();
    testing::WriteFile(path, cases[i] + good);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path, options));
    const Drained out = Drain(*reader);
    ASSERT_EQ(out.events.size(), 2u);
    EXPECT_EQ(out.events[0], std::string("error:malformed WARC record at offset 0: ") + reasons[i]);
    EXPECT_EQ(out.errors[0].code(), StatusCode::kCorrupt);
    EXPECT_EQ(out.events[1], "doc:urn:uuid:good");
    EXPECT_EQ(out.docs[0].source, path + "#offset=" + std::to_string(cases[i].size()));
  }
}

TEST(WarcReaderTest, TruncatedGzipKeepsEarlierRecordsThenEnds) {
  Fixture f;
  for (int i = 0; i < 3; ++i) {
    f.records.push_back(Response("p" + std::to_string(i), "https://example.com/",
                                 Http("Content-Type: text/html\r\n", kPage3)));
  }
  const std::string gz = f.PerRecordGzip();
  const size_t last_member = Gzip(f.records[2]).size();
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::string path = (dir / "cut.warc.gz").string();
  testing::WriteFile(path, gz.substr(0, gz.size() - last_member / 2));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
  const Drained out = Drain(*reader);
  ASSERT_EQ(out.events.size(), 3u);
  EXPECT_EQ(out.events[0], "doc:urn:uuid:p0");
  EXPECT_EQ(out.events[1], "doc:urn:uuid:p1");
  EXPECT_EQ(out.events[2].rfind("error:truncated gzip stream after ", 0), 0u) << out.events[2];
}

TEST(WarcReaderTest, TruncatedPlainRecordEndsTheStream) {
  const std::string r0 =
      Response("p0", "https://example.com/", Http("Content-Type: text/html\r\n", kPage1));
  const std::string r1 =
      Response("p1", "https://example.com/", Http("Content-Type: text/html\r\n", kPage1));
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::string path = (dir / "cut.warc").string();
  testing::WriteFile(path, r0 + r1.substr(0, r1.size() - 30));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
  const Drained out = Drain(*reader);
  ASSERT_EQ(out.events.size(), 2u);
  EXPECT_EQ(out.events[0], "doc:urn:uuid:p0");
  EXPECT_EQ(out.events[1], "error:truncated WARC record at offset " + std::to_string(r0.size()));
}

TEST(WarcReaderTest, OversizedRecordIsSkipped) {
  const std::string big = Response(
      "big", "https://example.com/big",
      Http("Content-Type: text/html\r\n", "<html><body>" + std::string(5000, 'x') + "</body>"));
  const std::string small =
      Response("small", "https://example.com/s", Http("Content-Type: text/html\r\n", kPage1));
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::string path = (dir / "big.warc").string();
  testing::WriteFile(path, big + small);
  ReadOptions options;
  options.max_document_bytes = 1000;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path, options));
  const Drained out = Drain(*reader);
  ASSERT_EQ(out.events.size(), 2u);
  EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(out.events[0].rfind("error:WARC record at offset 0 too large: ", 0), 0u)
      << out.events[0];
  EXPECT_EQ(out.events[1], "doc:urn:uuid:small");
}

TEST(WarcReaderTest, UndecodablePayloadIsAnErrorForThatRecord) {
  const std::string bad =
      Response("bin", "https://example.com/bin",
               Http("Content-Type: text/html\r\n", std::string("\x01\x02\x03\x00\x00\x05\x06", 7)));
  const std::string good =
      Response("ok", "https://example.com/ok", Http("Content-Type: text/html\r\n", kPage1));
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::string path = (dir / "bin.warc").string();
  testing::WriteFile(path, bad + good);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
  const Drained out = Drain(*reader);
  ASSERT_EQ(out.events.size(), 2u);
  EXPECT_EQ(out.events[0].rfind("error:WARC record at offset 0: binary content", 0), 0u)
      << out.events[0];
  EXPECT_EQ(out.events[1], "doc:urn:uuid:ok");
}

TEST(WarcReaderTest, EmptyAndGarbageFilesDoNotCrash) {
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  const std::pair<const char*, std::string> cases[] = {
      {"empty.warc", ""},
      {"spaces.warc", "\r\n\r\n  \n"},
      {"garbage.warc", "this is not a warc file\nat all\n"},
      {"gzip-garbage.warc.gz", std::string("\x1f\x8b\x08\x00garbage", 12)},
      {"bad-length.warc", "WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"},
  };
  for (const auto& [name, bytes] : cases) {
    SCOPED_TRACE(name);
    const std::string path = (dir / name).string();
    testing::WriteFile(path, bytes);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
    const Drained out = Drain(*reader);
    EXPECT_TRUE(out.docs.empty());
    EXPECT_LE(out.errors.size(), 1u);
    for (const Status& e : out.errors) EXPECT_NE(e.code(), StatusCode::kInternal) << e.ToString();
  }
}

TEST(WarcReaderTest, MutatedInputsAlwaysEnd) {
  // Flipped bytes and cuts anywhere: the stream ends, every document is valid
  // UTF-8, and it never yields more than the file has records.
  const Fixture f = MakeFixture();
  const std::string variants[] = {f.Plain(), f.PerRecordGzip()};
  const auto dir = tg::testing::MakeTempDir("ingest-warc");
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::string bytes = variants[round % 2];
    const int flips = static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    if (rng() % 2 == 0) bytes.resize(rng() % bytes.size());
    const std::string path = (dir / ("m" + std::to_string(round) + ".warc")).string();
    testing::WriteFile(path, bytes);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<WarcReader> reader, WarcReader::Open(path));
    const Drained out = Drain(*reader, 100);
    ASSERT_NE(out.events.back(), "error:stream did not end");
    EXPECT_LE(out.docs.size(), f.records.size());
    for (const RawDocument& doc : out.docs) EXPECT_TRUE(IsValidUtf8(doc.content));
  }
}

}  // namespace
}  // namespace tg::ingest
