#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/check.h"
#include "core/utf8.h"
#include "ingest/input_format.h"
#include "ingest/reader.h"
#include "ingest/test_files.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

namespace fs = std::filesystem;
using testing::Drain;
using testing::Drained;
using testing::WriteFile;

TEST(InputFormatTest, FromPath) {
  EXPECT_EQ(FormatFromPath("a/b.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromPath("b.HTML"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("b.htm"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("b.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromPath("b.warc"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromPath("CC-MAIN-1.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromPath("b.gz"), std::nullopt);
  EXPECT_EQ(FormatFromPath("README"), std::nullopt);
}

TEST(InputFormatTest, Sniff) {
  const std::pair<std::string, InputFormat> cases[] = {
      {"\xEF\xBB\xBF  <!DOCTYPE html><html>", InputFormat::kHtml},
      {"\n<HTML><body>", InputFormat::kHtml},
      {"<head><title>x</title></head>", InputFormat::kHtml},
      {"<div><p>a</p><p>b</p><p>c</p><span>d</span><a href=x>e</a></div>", InputFormat::kHtml},
      {"WARC/1.0\r\nWARC-Type: warcinfo\r\n", InputFormat::kWarc},
      {std::string("\x1f\x8b\x08\x00", 4), InputFormat::kWarc},
      {"{\"text\":\"a\"}\n{\"text\":\"b\"}\n", InputFormat::kJsonl},
      {"Seoul, March 3 -- Samsung <b>met</b> Nvidia on Friday.", InputFormat::kText},
      {"", InputFormat::kText},
  };
  for (const auto& [head, expected] : cases) {
    EXPECT_EQ(SniffFormat(head), expected) << head;
  }
}

TEST(OpenInputTest, ChoosesTheReaderByExtensionOrContent) {
  const auto dir = tg::testing::MakeTempDir("ingest-input");
  WriteFile(dir / "a.txt", "<html><body>looks like html but .txt wins</body></html>");
  WriteFile(dir / "b.dat", "<!doctype html><html><body><p>sniffed</p></body></html>");
  WriteFile(dir / "c.data", "Just words.\n");
  WriteFile(dir / "d.log", "{\"id\":\"x\",\"text\":\"from jsonl\"}\n");
  const std::pair<const char*, ContentKind> cases[] = {
      {"a.txt", ContentKind::kText},
      {"b.dat", ContentKind::kHtml},
      {"c.data", ContentKind::kText},
      {"d.log", ContentKind::kText},
  };
  for (const auto& [name, kind] : cases) {
    SCOPED_TRACE(name);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenInput((dir / name).string()));
    const Drained out = Drain(*stream);
    ASSERT_EQ(out.docs.size(), 1u);
    EXPECT_EQ(out.docs[0].kind, kind);
  }
  // The JSONL sniffed from d.log is read as JSONL: its id comes from the line.
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> jsonl, OpenInput((dir / "d.log").string()));
  EXPECT_EQ(Drain(*jsonl).docs[0].id, "x");
}

// Reads `path` through OpenInput("-") with the file put on standard input.
Drained DrainAsStdin(const std::string& path) {
  const int saved = dup(0);
  const int fd = open(path.c_str(), O_RDONLY);
  TG_CHECK(saved >= 0 && fd >= 0 && dup2(fd, 0) == 0);
  close(fd);
  Drained out;
  Result<std::unique_ptr<DocumentStream>> stream = OpenInput("-");
  if (stream.has_value()) {
    out = Drain(**stream);
  } else {
    out.errors.push_back(stream.error());
  }
  TG_CHECK(dup2(saved, 0) == 0);
  close(saved);
  return out;
}

TEST(OpenInputTest, StdinIsSniffed) {
  const auto dir = tg::testing::MakeTempDir("ingest-input");
  const std::string html = "<!doctype html><html><body><p>From stdin.</p></body></html>";
  WriteFile(dir / "page", html);
  const Drained page = DrainAsStdin((dir / "page").string());
  ASSERT_EQ(page.docs.size(), 1u);
  EXPECT_EQ(page.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(page.docs[0].content, html);
  EXPECT_EQ(page.docs[0].id, "stdin");
  EXPECT_EQ(page.docs[0].source, "-");

  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html;
  const std::string record =
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x>\r\n"
      "Content-Length: " +
      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  WriteFile(dir / "crawl", testing::Gzip(record) + testing::Gzip(record));
  const Drained warc = DrainAsStdin((dir / "crawl").string());
  EXPECT_TRUE(warc.errors.empty());
  ASSERT_EQ(warc.docs.size(), 2u);
  EXPECT_EQ(warc.docs[1].source, "-#offset=" + std::to_string(record.size()));
}

TEST(OpenInputTest, FailsForMissingInputsAndDirectories) {
  const auto dir = tg::testing::MakeTempDir("ingest-input");
  Result<std::unique_ptr<DocumentStream>> missing = OpenInput((dir / "none.warc").string());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  Result<std::unique_ptr<DocumentStream>> directory = OpenInput(dir.string());
  ASSERT_FALSE(directory.has_value());
  EXPECT_EQ(directory.error().code(), StatusCode::kIOError);
}

TEST(ExpandInputsTest, WalksFoldersSortedAndSkipsHiddenAndUnknown) {
  const auto dir = tg::testing::MakeTempDir("ingest-input");
  WriteFile(dir / "b.txt", "b");
  WriteFile(dir / "a.html", "a");
  WriteFile(dir / "notes.md", "skipped under a folder");
  WriteFile(dir / ".hidden.txt", "hidden");
  WriteFile(dir / ".git" / "x.txt", "hidden folder");
  WriteFile(dir / "sub" / "c.jsonl", "{}");
  WriteFile(dir / "sub" / "d.warc.gz", "");
  WriteFile(dir / "z.WARC", "");
  const std::string explicit_md = (dir / "notes.md").string();
  const InputList list =
      ExpandInputs({"-", dir.string(), explicit_md, (dir / "missing.txt").string()});
  const std::vector<std::string> expected = {
      "-",
      (dir / "a.html").string(),
      (dir / "b.txt").string(),
      (dir / "sub" / "c.jsonl").string(),
      (dir / "sub" / "d.warc.gz").string(),
      (dir / "z.WARC").string(),
      explicit_md,
  };
  EXPECT_EQ(list.files, expected);
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].first, (dir / "missing.txt").string());
  EXPECT_EQ(list.errors[0].second.code(), StatusCode::kNotFound);
  EXPECT_EQ(list.errors[0].second.message(), "no such file or directory");
}

TEST(ExpandInputsTest, UnreadableFileIsAnError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  const auto dir = tg::testing::MakeTempDir("ingest-input");
  const std::string locked = (dir / "locked.txt").string();
  WriteFile(locked, "x");
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  const InputList list = ExpandInputs({locked});
  EXPECT_TRUE(list.files.empty());
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].second.message(), "permission denied");
}

TEST(DevCorpusTest, EveryPageReadsAsValidUtf8) {
  const fs::path docs = tg::testing::DevCorpusDir() / "docs";
  if (!fs::exists(docs)) GTEST_SKIP() << "no dev corpus at " << docs;
  const InputList list = ExpandInputs({docs.string()});
  EXPECT_TRUE(list.errors.empty());
  ASSERT_GE(list.files.size(), 40u);
  for (const std::string& file : list.files) {
    SCOPED_TRACE(file);
    ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenInput(file));
    const Drained out = Drain(*stream);
    ASSERT_TRUE(out.errors.empty()) << out.errors[0].ToString();
    ASSERT_EQ(out.docs.size(), 1u);
    EXPECT_TRUE(IsValidUtf8(out.docs[0].content));
    EXPECT_EQ(out.docs[0].id, fs::path(file).stem().string());
    EXPECT_EQ(out.docs[0].kind,
              fs::path(file).extension() == ".html" ? ContentKind::kHtml : ContentKind::kText);
  }
}

}  // namespace
}  // namespace tg::ingest
