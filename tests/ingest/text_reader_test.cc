#include "ingest/text_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>

#include "core/hash.h"
#include "ingest/test_files.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

using testing::Drain;
using testing::Drained;
using testing::WriteFile;

TEST(TextReaderTest, ReadsTheWholeFileAsOnePage) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  const std::string bytes = "Seoul, March 3 (Yonhap) -- Samsung met Nvidia.\n\nSecond paragraph.\n";
  const std::string path = (dir / "dev-001.txt").string();
  WriteFile(path, bytes);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenTextReader(path));
  const Drained out = Drain(*stream);
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].ToString();
  ASSERT_EQ(out.docs.size(), 1u);
  const RawDocument& doc = out.docs[0];
  EXPECT_EQ(doc.id, "dev-001");
  EXPECT_EQ(doc.source, path);
  EXPECT_EQ(doc.kind, ContentKind::kText);
  EXPECT_EQ(doc.content, bytes);
  EXPECT_EQ(doc.encoding, "UTF-8");
  EXPECT_EQ(doc.raw_hash, Hash64(bytes));
  EXPECT_EQ(doc.raw_size, bytes.size());
  EXPECT_TRUE(doc.record_id.empty());
}

TEST(TextReaderTest, DecodesLegacyKorean) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  const std::string text = "현대차 정의선 회장이 미국 조지아 공장에서 주지사와 만났다.";
  const std::string bytes = testing::Encode(text, "EUC-KR");
  WriteFile(dir / "ko.txt", bytes);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream,
                       OpenTextReader((dir / "ko.txt").string()));
  const Drained out = Drain(*stream);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].content, text);
  EXPECT_EQ(out.docs[0].encoding, "EUC-KR");
  EXPECT_EQ(out.docs[0].raw_hash, Hash64(bytes));
}

TEST(TextReaderTest, RejectsFilesOverTheLimit) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  WriteFile(dir / "big.txt", std::string(101, 'a'));
  WriteFile(dir / "fits.txt", std::string(100, 'a'));
  ReadOptions options;
  options.max_document_bytes = 100;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> big,
                       OpenTextReader((dir / "big.txt").string(), options));
  const Drained out = Drain(*big);
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> fits,
                       OpenTextReader((dir / "fits.txt").string(), options));
  EXPECT_EQ(Drain(*fits).docs.size(), 1u);
}

TEST(TextReaderTest, RejectsA100MegabyteFileWithoutReadingIt) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  const std::string path = (dir / "huge.txt").string();
  const int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, 100ll << 20), 0);  // sparse: no 100 MB written
  close(fd);
  const auto start = std::chrono::steady_clock::now();
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenTextReader(path));
  const Drained out = Drain(*stream);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(out.docs.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code(), StatusCode::kResourceExhausted);
  EXPECT_NE(out.errors[0].message().find("104857600"), std::string::npos)
      << out.errors[0].message();
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 200);
}

TEST(TextReaderTest, EmptyBinaryAndUndecodableFilesAreErrors) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  struct Case {
    const char* name;
    std::string bytes;
    const char* message_prefix;
  };
  const Case cases[] = {
      {"empty.txt", "", "empty document"},
      {"binary.txt",
       std::string("\x7f"
                   "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                   16),
       "binary content, not text ("},
      {"bad.txt", "Hello \xC3\x28 world", "invalid UTF-8 at byte 6"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    WriteFile(dir / c.name, c.bytes);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream,
                         OpenTextReader((dir / c.name).string()));
    const Drained out = Drain(*stream);
    EXPECT_TRUE(out.docs.empty());
    ASSERT_EQ(out.errors.size(), 1u);
    EXPECT_EQ(out.errors[0].code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(out.errors[0].message().rfind(c.message_prefix, 0), 0u) << out.errors[0].message();
  }
}

TEST(TextReaderTest, MissingAndDirectoryInputsFailToOpen) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  Result<std::unique_ptr<DocumentStream>> missing = OpenTextReader((dir / "no.txt").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);

  Result<std::unique_ptr<DocumentStream>> directory = OpenTextReader(dir.string());
  ASSERT_FALSE(directory.has_value());
  EXPECT_EQ(directory.error().code(), StatusCode::kIOError);
  EXPECT_EQ(directory.error().message(), "is a directory");
}

TEST(TextReaderTest, UnreadableFileFailsToOpen) {
  const auto dir = tg::testing::MakeTempDir("ingest-text");
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  const std::string locked = (dir / "locked.txt").string();
  WriteFile(locked, "secret");
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  Result<std::unique_ptr<DocumentStream>> unreadable = OpenTextReader(locked);
  ASSERT_FALSE(unreadable.has_value());
  EXPECT_EQ(unreadable.error().code(), StatusCode::kIOError);
  EXPECT_EQ(unreadable.error().message(), "permission denied");
}

}  // namespace
}  // namespace tg::ingest
