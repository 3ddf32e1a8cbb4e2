#include "ingest/html_reader.h"

#include <gtest/gtest.h>

#include "ingest/test_files.h"
#include "testing/paths.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

using testing::Drain;
using testing::Drained;

TEST(HtmlReaderTest, UsesTheMetaCharset) {
  const auto dir = tg::testing::MakeTempDir("ingest-html");
  const std::string html =
      "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=euc-kr\"><title>LG 구광모 회장, 베트남 총리 접견</title>"
      "</head><body><p>구광모 LG 회장이 하노이에서 베트남 총리를 만났다.</p></body></html>";
  const std::string path = (dir / "ko-page.html").string();
  testing::WriteFile(path, testing::Encode(html, "EUC-KR"));
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenHtmlReader(path));
  const Drained out = Drain(*stream);
  ASSERT_TRUE(out.errors.empty()) << out.errors[0].ToString();
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].id, "ko-page");
  EXPECT_EQ(out.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(out.docs[0].content, html);
  EXPECT_EQ(out.docs[0].encoding, "EUC-KR");
}

TEST(HtmlReaderTest, Utf8PageWithBom) {
  const auto dir = tg::testing::MakeTempDir("ingest-html");
  const std::string html = "<html><body><p>Kia’s chief met Hyundai’s chairman.</p></body></html>";
  const std::string path = (dir / "page.htm").string();
  testing::WriteFile(path, "\xEF\xBB\xBF" + html);
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<DocumentStream> stream, OpenHtmlReader(path));
  const Drained out = Drain(*stream);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].content, html);
  EXPECT_EQ(out.docs[0].raw_size, html.size() + 3);
}

}  // namespace
}  // namespace tg::ingest
