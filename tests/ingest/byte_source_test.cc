#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include <random>

#include "ingest/test_files.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

// A source over a string that hands out at most `step` bytes a call.
class StringSource : public ByteSource {
 public:
  StringSource(std::string data, size_t step) : data_(std::move(data)), step_(step) {}
  Result<size_t> Read(char* buffer, size_t n) override {
    const size_t take = std::min({n, step_, data_.size() - pos_});
    data_.copy(buffer, take, pos_);
    pos_ += take;
    return take;
  }

 private:
  std::string data_;
  size_t step_;
  size_t pos_ = 0;
};

TEST(BufferedReaderTest, ReadsLinesAcrossSmallBuffers) {
  StringSource source("one\r\ntwo\n\nlong line here\nlast", 3);
  BufferedReader reader(&source, 4);
  std::string line;
  using S = BufferedReader::LineStatus;
  ASSERT_OK_AND_ASSIGN(S s1, reader.ReadLine(100, &line));
  EXPECT_EQ(s1, S::kLine);
  EXPECT_EQ(line, "one");
  EXPECT_EQ(reader.offset(), 5u);
  ASSERT_OK_AND_ASSIGN(S s2, reader.ReadLine(100, &line));
  EXPECT_EQ(s2, S::kLine);
  EXPECT_EQ(line, "two");
  ASSERT_OK_AND_ASSIGN(S s3, reader.ReadLine(100, &line));
  EXPECT_EQ(s3, S::kLine);
  EXPECT_EQ(line, "");
  ASSERT_OK_AND_ASSIGN(S s4, reader.ReadLine(5, &line));
  EXPECT_EQ(s4, S::kTooLong);
  ASSERT_OK_AND_ASSIGN(S s5, reader.ReadLine(100, &line));
  EXPECT_EQ(s5, S::kLine);
  EXPECT_EQ(line, "last");
  ASSERT_OK_AND_ASSIGN(S s6, reader.ReadLine(100, &line));
  EXPECT_EQ(s6, S::kEnd);
}

TEST(BufferedReaderTest, ExactReadsSkipsAndPeeks) {
  StringSource source("0123456789", 2);
  BufferedReader reader(&source, 4);
  ASSERT_OK_AND_ASSIGN(std::string_view peek, reader.Peek(3));
  EXPECT_EQ(peek, "012");
  std::string out;
  ASSERT_OK_AND_ASSIGN(uint64_t got, reader.ReadExact(3, &out));
  EXPECT_EQ(got, 3u);
  EXPECT_EQ(out, "012");
  ASSERT_OK_AND_ASSIGN(uint64_t skipped, reader.Skip(5));
  EXPECT_EQ(skipped, 5u);
  ASSERT_OK_AND_ASSIGN(uint64_t rest, reader.ReadExact(10, &out));
  EXPECT_EQ(rest, 2u);
  EXPECT_EQ(out, "01289");
  EXPECT_EQ(reader.offset(), 10u);
}

TEST(GzipSourceTest, ReadsConcatenatedMembers) {
  std::string plain;
  std::string compressed;
  std::mt19937 rng(3);
  for (int i = 0; i < 50; ++i) {
    std::string part = "member " + std::to_string(i) + ": ";
    for (int j = 0; j < 2000; ++j) part += static_cast<char>('a' + rng() % 26);
    plain += part;
    compressed += testing::Gzip(part);
  }
  auto source = GzipSource(std::make_unique<StringSource>(compressed, 777));
  ASSERT_OK_AND_ASSIGN(std::string out, ReadAtMost(source.get(), 1 << 30));
  EXPECT_EQ(out, plain);
}

TEST(GzipSourceTest, TruncationIsAnError) {
  const std::string compressed = testing::Gzip(std::string(100000, 'x') + "tail");
  auto source =
      GzipSource(std::make_unique<StringSource>(compressed.substr(0, compressed.size() - 6), 1000));
  Result<std::string> out = ReadAtMost(source.get(), 1 << 30);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code(), StatusCode::kCorrupt);
  EXPECT_EQ(out.error().message().rfind("truncated gzip stream after ", 0), 0u)
      << out.error().message();
}

TEST(GzipSourceTest, GarbageAfterAMemberIsAnError) {
  auto source = GzipSource(std::make_unique<StringSource>(testing::Gzip("abc") + "not gzip", 100));
  Result<std::string> out = ReadAtMost(source.get(), 1 << 30);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code(), StatusCode::kCorrupt);
}

TEST(ReadAtMostTest, StopsPastTheLimit) {
  StringSource source(std::string(1000, 'a'), 64);
  Result<std::string> out = ReadAtMost(&source, 999);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code(), StatusCode::kResourceExhausted);
}

TEST(OpenFileSourceTest, ReportsMissingFilesAndDirectories) {
  const auto dir = tg::testing::MakeTempDir("ingest-src");
  Result<std::unique_ptr<ByteSource>> missing = OpenFileSource((dir / "nope.txt").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.error().message(), "no such file or directory");
  Result<std::unique_ptr<ByteSource>> directory = OpenFileSource(dir.string());
  ASSERT_FALSE(directory.has_value());
  EXPECT_EQ(directory.error().code(), StatusCode::kIOError);
}

}  // namespace
}  // namespace tg::ingest
