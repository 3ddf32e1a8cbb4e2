// Text shelving in text/html_prepass.h: runs of text leave the markup before
// the gumbo parse and come back after it, with the same extraction.
#include "text/html_prepass.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "testing/status_matchers.h"
#include "text/html_extract.h"

namespace tg::text {
namespace {

// The page with every placeholder put back.
std::string RoundTrip(std::string_view html, const TextShelf& shelf) {
  std::string out;
  UnshelveText(html, shelf, &out);
  return out;
}

TEST(TextShelfTest, ShelvesLongRunsAndPutsThemBack) {
  const std::string page =
      "<html><head><title>Ferro Lines and Alvada Steel agree on a ore contract</title></head>"
      "<body><p>\n  Ferro Lines chairman Osric Pell met Alvada Steel's Mina Sorel in Tovik.  "
      "</p><p>Short one.</p><div>두 회사는 철광석 장기 공급 계약을 맺기로 합의했다고 밝혔다.</div>"
      "</body></html>\nTrailing words after the end of the whole document here.";
  std::string out;
  TextShelf shelf;
  const size_t removed = StripInertContent(page, &out, &shelf);
  ASSERT_GT(removed, 0u);
  EXPECT_EQ(out.size() + removed, page.size());
  ASSERT_EQ(shelf.runs.size(), 3u);
  EXPECT_EQ(shelf.runs[0], "Ferro Lines chairman Osric Pell met Alvada Steel's Mina Sorel in Tovik.");
  EXPECT_EQ(shelf.runs[1], "두 회사는 철광석 장기 공급 계약을 맺기로 합의했다고 밝혔다.");
  EXPECT_EQ(shelf.runs[2], "Trailing words after the end of the whole document here.");
  // The white space around a run stays in the markup; RCDATA and short runs stay whole.
  EXPECT_NE(out.find("<p>\n  "), std::string::npos);
  EXPECT_NE(out.find("<title>Ferro Lines and Alvada Steel agree on a ore contract</title>"),
            std::string::npos);
  EXPECT_NE(out.find("<p>Short one.</p>"), std::string::npos);
  EXPECT_TRUE(HasShelfMark(out));
  EXPECT_EQ(RoundTrip(out, shelf), page);
}

TEST(TextShelfTest, LeavesTextGumboWouldChange) {
  const std::string_view kept[] = {
      "<p>Ferro Lines &amp; Alvada Steel agreed on a long ore contract</p>",
      "<p>Ferro Lines said 3 < 4 ore ships would sail from Tovik next week</p>",
      "<p>Ferro Lines said the ore ships would sail\r\nfrom Tovik next week</p>",
      "<p>Ferro Lines said the ore ships would sail\x01 from Tovik next week</p>",
      "<p>Ferro Lines said the ore ships would sail \xC2\x85 from Tovik next week</p>",
      "<p>Ferro Lines said the ore ships would sail \xEF\xB7\x90 from Tovik next week</p>",
      "<textarea>Ferro Lines said the ore ships would sail from Tovik next week</textarea>",
      "<frameset><p>Ferro Lines said the ore ships would sail from Tovik next week</p>",
  };
  for (std::string_view html : kept) {
    std::string out;
    TextShelf shelf;
    StripInertContent(html, &out, &shelf);
    EXPECT_TRUE(shelf.runs.empty()) << html;
    EXPECT_FALSE(HasShelfMark(out)) << html;
  }
}

TEST(TextShelfTest, PagesThatCouldSpellAPlaceholderAreNotShelved) {
  const std::string text = "Ferro Lines said the ore ships would sail from Tovik next week";
  for (std::string_view mark : {"\xEE\x80\x80", "&#xE000;", "&#57344;", "&#x0e000"}) {
    const std::string html = "<p>" + text + "</p><p>" + std::string(mark) + "</p>";
    std::string out;
    TextShelf shelf;
    StripInertContent(html, &out, &shelf);
    EXPECT_TRUE(shelf.runs.empty()) << mark;
  }
}

// Text where the tree builder cares about white space and modes: in the head,
// before <html>, directly in a table (moved before it), in <pre> after its
// first newline. The same page with a reference to the placeholder mark
// (which turns shelving off) is the reference.
TEST(TextShelfTest, ExtractionIsTheSameAsWithoutShelving) {
  const std::string body =
      "Loose words before the html element that the parser must place somewhere.\n"
      "<html><head><meta name=\"author\" content=\"Osric Pell\">"
      "Text in the head moves the parser into the body right here at once."
      "<title>Ferro Lines and Alvada Steel sign a ten-year ore contract | Tovik Daily</title>"
      "</head><body><h1>Ferro Lines and Alvada Steel sign a ten-year ore contract</h1>"
      "<div class=\"article-body\"><p>Ferro Lines chairman Osric Pell met Alvada Steel chief "
      "Mina Sorel in Tovik on Tuesday to sign a ten-year iron ore supply contract.</p>"
      "<table>Words written straight into a table are moved in front of it by the parser."
      "<tr><td>Cells hold their own text as usual, one after another in the row.</td></tr>"
      "</table><pre>\nPreformatted lines keep     their spacing in the extracted text.\n</pre>"
      "<p>오스릭 펠 회장은 \"장기 계약으로 공급 안정성을 높였다\"고 말했다.</p>"
      "<p>Short.</p></div><footer>Copyright Tovik Daily. All rights reserved here.</footer>"
      "</body></html>\nText after the end of the document joins the body again.";
  const std::string reference = "<meta name=\"x\" content=\"&#xE000;\">" + body;
  const std::string shelved = "<meta name=\"x\" content=\"plain\">" + body;
  {
    std::string out;
    TextShelf shelf;
    StripInertContent(shelved, &out, &shelf);
    ASSERT_GE(shelf.runs.size(), 8u);
  }
  ASSERT_OK_AND_ASSIGN(const HtmlExtraction a, ExtractHtml(shelved));
  ASSERT_OK_AND_ASSIGN(const HtmlExtraction b, ExtractHtml(reference));
  EXPECT_EQ(a.blocks, b.blocks);
  EXPECT_EQ(a.blocks_dropped, b.blocks_dropped);
  EXPECT_EQ(a.meta_lines, b.meta_lines);
  EXPECT_EQ(a.meta.title, b.meta.title);
  EXPECT_EQ(a.meta.byline, b.meta.byline);
  EXPECT_EQ(a.meta.outlet, b.meta.outlet);
  ASSERT_FALSE(a.blocks.empty());
  for (const std::string& block : a.blocks) EXPECT_FALSE(HasShelfMark(block)) << block;
}

}  // namespace
}  // namespace tg::text
