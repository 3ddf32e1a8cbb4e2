#include "text/html_extract.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/paths.h"
#include "testing/status_matchers.h"
#include "text/dates.h"
#include "text/html_classes.h"
#include "text/html_flatten.h"
#include "text/html_prepass.h"
#include "text/html_meta.h"

namespace tg::text {
namespace {

std::string Joined(const std::vector<std::string>& blocks) {
  std::string out;
  for (const std::string& b : blocks) out += b + "\n";
  return out;
}

bool HasBlock(const HtmlExtraction& x, std::string_view text) {
  return std::find(x.blocks.begin(), x.blocks.end(), text) != x.blocks.end();
}

bool AnyBlockContains(const HtmlExtraction& x, std::string_view text) {
  return Joined(x.blocks).find(text) != std::string::npos;
}

constexpr std::string_view kPage = R"(<!doctype html><html lang="en-US"><head>
<title>Chip chiefs meet in Seoul | The Daily Wire Test</title>
<meta property="og:title" content="Chip chiefs meet in Seoul">
<meta property="og:site_name" content="Daily Test">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-06-23T09:12:00+09:00">
<link rel="canonical" href="https://example.com/biz/chip-chiefs">
</head><body>
<header class="site-header"><a href="/">Daily Test</a> <a href="/login">Sign in</a></header>
<nav><ul><li><a href="/a">Markets</a></li><li><a href="/b">Tech</a></li></ul></nav>
<div class="wrap">
<h1>Chip chiefs meet in Seoul</h1>
<div class="article-body">
<p>Samsung's Lee met Nvidia's Huang in Seoul on Friday to talk about memory.</p>
<div class="share-bar">Share this: <a href="#">Facebook</a> <a href="#">X</a></div>
<figure><img src="a.jpg"><figcaption>Lee and Huang pose in Seoul on June 21.</figcaption></figure>
<p>The two discussed HBM supply &amp; packaging, a person familiar said.</p>
<ul class="related-list"><li><a href="/1">Older story about chips</a></li></ul>
<ul><li><a href="/2">Another linked headline here</a></li></ul>
<p>Analysts expect more deals.</p>
</div>
</div>
<aside class="sidebar"><h3>Most read</h3><p>Something popular in the sidebar today.</p></aside>
<footer><p>Copyright 2024 Daily Test. All rights reserved.</p></footer>
</body></html>)";

TEST(ExtractHtmlTest, KeepsStoryDropsFurniture) {
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(kPage));
  ASSERT_GE(x.blocks.size(), 4u);
  EXPECT_EQ(x.blocks[0], "Chip chiefs meet in Seoul");
  EXPECT_TRUE(HasBlock(x, "Samsung's Lee met Nvidia's Huang in Seoul on Friday to talk about memory."));
  EXPECT_TRUE(HasBlock(x, "The two discussed HBM supply & packaging, a person familiar said."));
  EXPECT_TRUE(HasBlock(x, "Analysts expect more deals."));
  EXPECT_TRUE(HasBlock(x, "Lee and Huang pose in Seoul on June 21."));  // caption kept
  for (std::string_view noise : {"Markets", "Sign in", "Facebook", "Share this", "Most read",
                                 "popular in the sidebar", "Copyright", "Older story",
                                 "Another linked headline"}) {
    EXPECT_FALSE(AnyBlockContains(x, noise)) << noise;
  }
  EXPECT_GT(x.blocks_dropped, 0);
  // The headline appears once.
  EXPECT_EQ(std::count(x.blocks.begin(), x.blocks.end(), "Chip chiefs meet in Seoul"), 1);
}

TEST(ExtractHtmlTest, ReadsMetaTags) {
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(kPage));
  EXPECT_EQ(x.meta.title, "Chip chiefs meet in Seoul");
  EXPECT_EQ(x.meta.outlet, "Daily Test");
  EXPECT_EQ(x.meta.byline, "Jane Roe");
  EXPECT_EQ(x.meta.published, "2024-06-23");
  EXPECT_EQ(x.meta.published_time, "09:12:00");  // local time as written, zone not applied
  EXPECT_EQ(x.meta.lang, "en");
  EXPECT_EQ(x.meta.url, "https://example.com/biz/chip-chiefs");
}

TEST(ExtractHtmlTest, BlocksAreSingleCollapsedLines) {
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(kPage));
  for (const std::string& b : x.blocks) {
    EXPECT_EQ(b.find('\n'), std::string::npos) << b;
    EXPECT_EQ(b.find("  "), std::string::npos) << b;
    EXPECT_FALSE(b.empty());
    EXPECT_NE(b.front(), ' ');
    EXPECT_NE(b.back(), ' ');
  }
}

TEST(ExtractHtmlTest, SplitsDivTextOnDoubleBreaks) {
  const std::string html =
      "<html><body><div class=\"news_body\">첫 문단은 여기서 끝난다.<br><br>"
      "둘째 문단은<br>\n한 줄 바꿈을 품는다.<br/> <br/>셋째 문단.</div></body></html>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_TRUE(HasBlock(x, "첫 문단은 여기서 끝난다.")) << Joined(x.blocks);
  EXPECT_TRUE(HasBlock(x, "둘째 문단은 한 줄 바꿈을 품는다.")) << Joined(x.blocks);
  EXPECT_TRUE(HasBlock(x, "셋째 문단.")) << Joined(x.blocks);
}

TEST(ExtractHtmlTest, HeadlineFallsBackToOgTitleThenTitle) {
  {
    const std::string html =
        "<html><head><title>Page title - Site</title>"
        "<meta property=\"og:title\" content=\"OG headline\"></head>"
        "<body><article><p>Body text that is long enough to be the story here.</p>"
        "</article></body></html>";
    ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
    ASSERT_FALSE(x.blocks.empty());
    EXPECT_EQ(x.blocks[0], "OG headline");
  }
  {
    const std::string html =
        "<html><head><title>Page title | Site Name</title></head>"
        "<body><article><p>Body text that is long enough to be the story here.</p>"
        "</article></body></html>";
    ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
    ASSERT_FALSE(x.blocks.empty());
    EXPECT_EQ(x.blocks[0], "Page title");
    EXPECT_EQ(x.meta.outlet, "Site Name");
    EXPECT_EQ(x.meta.title, "Page title");
  }
}

TEST(ExtractHtmlTest, SiteLogoH1IsNotTheHeadline) {
  const std::string html =
      "<html><body><div class=\"top\"><h1 class=\"logo\"><a href=\"/\">Site</a></h1></div>"
      "<article><h2 class=\"headline\">Real headline of the story</h2>"
      "<div class=\"article-body\"><p>Story text that is long enough to matter here.</p></div>"
      "</article></body></html>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  ASSERT_FALSE(x.blocks.empty());
  EXPECT_EQ(x.blocks[0], "Real headline of the story");
}

TEST(ExtractHtmlTest, JsonLdWithGraph) {
  const std::string html = R"(<html><head>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"Organization","@id":"https://x.com/#org","name":"Graph Times"},
 {"@type":"Person","@id":"https://x.com/#p1","name":"Kim Min-ji"},
 {"@type":["NewsArticle"],"headline":"Graph headline","datePublished":"2025-01-07T08:30:00+09:00",
  "author":{"@id":"https://x.com/#p1"},"publisher":{"@id":"https://x.com/#org"}}]}
</script>
<script type="application/ld+json">{ broken json, </script>
</head><body><article><p>Body text that is long enough to be a paragraph.</p></article></body></html>)";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_EQ(x.meta.published, "2025-01-07");
  EXPECT_EQ(x.meta.published_time, "08:30:00");
  EXPECT_EQ(x.meta.byline, "Kim Min-ji");
  EXPECT_EQ(x.meta.outlet, "Graph Times");
  EXPECT_EQ(x.meta.title, "Graph headline");
}

TEST(ExtractHtmlTest, TimeElementInArticle) {
  const std::string html =
      "<html><body><div class=\"promo\"><time datetime=\"2020-01-01\">old</time></div>"
      "<article><h1>Headline here</h1><div class=\"byline\">By <span class=\"author\">Ann Lee"
      "</span> <time datetime=\"2023-08-24T06:45:00-05:00\">August 24, 2023</time></div>"
      "<div class=\"story-body\"><p>Story text that is long enough to matter here.</p></div>"
      "</article></body></html>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_EQ(x.meta.published, "2023-08-24");
  EXPECT_EQ(x.meta.published_time, "06:45:00");
  EXPECT_EQ(x.meta.byline, "Ann Lee");
  // The byline box is not story text but is kept as a meta line.
  EXPECT_FALSE(AnyBlockContains(x, "August 24, 2023"));
  ASSERT_FALSE(x.meta_lines.empty());
  EXPECT_NE(Joined(x.meta_lines).find("August 24, 2023"), std::string::npos);
}

TEST(ExtractHtmlTest, DateFromCanonicalUrl) {
  const std::string html =
      "<html><head><link rel=\"canonical\" href=\"https://n.com/2024/06/23/chip-talks/\">"
      "</head><body><article><p>Body text long enough for a story paragraph.</p></article>"
      "</body></html>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_EQ(x.meta.published, "2024-06-23");
  EXPECT_EQ(x.meta.published_time, "");
}

TEST(ExtractHtmlTest, KoreanMetaLinesKeepVisibleDate) {
  const std::string html =
      "<html lang=\"ko\"><body><article><h2 class=\"tit\">제목입니다 충분히 길게</h2>"
      "<ul class=\"info\"><li>홍길동 기자</li><li>입력 2023.08.24 09:10</li></ul>"
      "<div class=\"article_txt\"><p>본문은 여기서 시작해서 충분히 길게 이어진다.</p></div>"
      "</article><footer><address>등록번호 서울 아 05877 | 등록일 2018.03.07 | 발행인 홍"
      "</address></footer></body></html>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_EQ(x.meta.lang, "ko");
  EXPECT_EQ(x.meta.byline, "홍길동");
  std::optional<FoundDate> date;
  for (const std::string& line : x.meta_lines) {
    if ((date = FindPublishedDate(line))) break;
  }
  ASSERT_TRUE(date.has_value()) << Joined(x.meta_lines);
  EXPECT_EQ(date->date, "2023-08-24");
  EXPECT_EQ(Joined(x.meta_lines).find("등록번호"), std::string::npos);
}

TEST(ExtractHtmlTest, DecodesEntities) {
  const std::string html =
      "<html><body><div class=\"article-body\"><p>AT&amp;T &lt;3 &quot;quoted&quot; "
      "&#54620;&#xAD6D; caf&eacute;&nbsp;&nbsp;bar</p></div></body></html>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_TRUE(HasBlock(x, "AT&T <3 \"quoted\" 한국 café bar")) << Joined(x.blocks);
}

TEST(ExtractHtmlTest, RejectsInputWithoutMarkup) {
  EXPECT_FALSE(ExtractHtml("").has_value());
  EXPECT_FALSE(ExtractHtml("just some words").has_value());
}

TEST(ExtractHtmlTest, MalformedMarkupStillYieldsText) {
  const std::string html =
      "<div class=article-body><p>First para with <b>bold <i>nest</b> oops</i><p>Second "
      "para <span>unclosed<table><tr><td>cell text</div>";
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  EXPECT_TRUE(AnyBlockContains(x, "First para with bold nest oops")) << Joined(x.blocks);
  EXPECT_TRUE(AnyBlockContains(x, "cell text")) << Joined(x.blocks);
}

// 100,000 nested elements: gumbo alone needs ~30 s for <div> (quadratic) and
// frees its tree recursively; the pre-flattening keeps both bounded.
class DeepNestingTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DeepNestingTest, DoesNotCrashAndIsFast) {
  const std::string tag = GetParam();
  constexpr int kDepth = 100000;
  std::string html = "<html><body><div class=\"article-body\">";
  html.reserve(kDepth * 16);
  for (int i = 0; i < kDepth; ++i) html += "<" + tag + ">";
  html += "deep story text";
  for (int i = 0; i < kDepth; ++i) html += "</" + tag + ">";
  html += "<p>after the nest</p></div></body></html>";
  const auto start = std::chrono::steady_clock::now();
  ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
  EXPECT_TRUE(AnyBlockContains(x, "deep story text")) << Joined(x.blocks);
  EXPECT_TRUE(AnyBlockContains(x, "after the nest")) << Joined(x.blocks);
}

INSTANTIATE_TEST_SUITE_P(Tags, DeepNestingTest, ::testing::Values("div", "span", "b", "li"));

TEST(FlattenDeepMarkupTest, ShallowPagesAreLeftAlone) {
  std::string out;
  EXPECT_EQ(FlattenDeepMarkup(kPage, 400, &out), 0);
  EXPECT_TRUE(out.empty());
  // Unclosed <p> and <li> do not add depth.
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "<p>para <li>item";
  EXPECT_EQ(FlattenDeepMarkup(many, 50, &out), 0);
}

TEST(FlattenDeepMarkupTest, DropsOnlyTagsBeyondTheLimit) {
  std::string out;
  const int dropped = FlattenDeepMarkup(
      "<div><div><div><div>x</div><script>\"</div>\"</script></div>y</div></div>", 2, &out);
  EXPECT_EQ(dropped, 4);
  EXPECT_EQ(out, "<div><div>x<script>\"</div>\"</script>y</div></div>");
}

std::string Stripped(std::string_view html) {
  std::string out;
  const size_t removed = StripInertContent(html, &out);
  if (removed == 0) {
    EXPECT_TRUE(out.empty());
    return std::string(html);
  }
  EXPECT_EQ(out.size() + removed, html.size());
  return out;
}

TEST(StripInertContentTest, EmptiesScriptsStylesAndComments) {
  EXPECT_EQ(Stripped("<p>a</p><script>var s = '<div>x</div>'; if (a<b) f();</script><p>b</p>"),
            "<p>a</p><script></script><p>b</p>");
  EXPECT_EQ(Stripped("<SCRIPT type=\"text/javascript\">x='</scripts>'</SCRIPT ><p>b"),
            "<SCRIPT type=\"text/javascript\"></SCRIPT ><p>b");
  EXPECT_EQ(Stripped("<style media=\"a>b\">p > a { color: red }</style>x"),
            "<style media=\"a>b\"></style>x");
  // Comments keep an empty comment, so the text around them splits as before.
  EXPECT_EQ(Stripped("a<!-- <div class=\"article-body\"><p>old</p></div> -->b"), "a<!---->b");
  EXPECT_EQ(Stripped("a<!-- x --!>b<!-- y -- z -->c"), "a<!---->b<!---->c");
  EXPECT_EQ(Stripped("a<!---->b<!-->c<!--->d"), "a<!---->b<!-->c<!--->d");
}

TEST(StripInertContentTest, KeepsJsonLdAndRawTextOfOtherElements) {
  const std::string ld =
      "<script type=\"application/LD+json\">{\"headline\":\"<b>x</b>\"}</script>"
      "<script>y()</script>";
  EXPECT_EQ(Stripped(ld),
            "<script type=\"application/LD+json\">{\"headline\":\"<b>x</b>\"}</script>"
            "<script></script>");
  // Text that only looks like scripts or comments stays.
  EXPECT_EQ(Stripped("<textarea><script>x</script><!-- c --></textarea>"),
            "<textarea><script>x</script><!-- c --></textarea>");
  EXPECT_EQ(Stripped("<title>a <!-- b --></title><p title=\"<!-- c -->\">d</p>"),
            "<title>a <!-- b --></title><p title=\"<!-- c -->\">d</p>");
}

TEST(StripInertContentTest, UnclosedScriptRunsToTheEnd) {
  EXPECT_EQ(Stripped("<p>a</p><script>var s = '<p>never shown</p>';"), "<p>a</p><script>");
  EXPECT_EQ(Stripped("<p>a</p><!-- open comment <p>x</p>"), "<p>a</p><!-- open comment <p>x</p>");
}

TEST(StripInertContentTest, StopsWhereItCannotFollowTheTokenizer) {
  // "<!--" then "<script" inside a script: the end may be further on.
  const std::string escaped = "<script><!-- a='<script>'; </script><p>b</p><script>c()</script>";
  EXPECT_EQ(Stripped(escaped), escaped);
  // In a <select>, <style> is ignored and its text is select text.
  const std::string select = "<select><style>a{}</style><option>o</select><style>b{}</style>";
  EXPECT_EQ(Stripped(select), select);
  // SVG icons are skipped (content kept); HTML inside svg stops the scan.
  EXPECT_EQ(Stripped("<svg><title>Share</title><path d=\"M0\"/></svg><script>x</script>"),
            "<svg><title>Share</title><path d=\"M0\"/></svg><script></script>");
  const std::string breakout = "<svg><style>a{}</style><p>t</p></svg><script>x</script>";
  EXPECT_EQ(Stripped(breakout), breakout);
}

TEST(StripInertContentTest, ExtractionIsUnchanged) {
  const std::string noise =
      "<script>document.write('<p>A long paragraph written by a script, never shown.</p>');"
      "</script><!-- <p>A long paragraph in a comment, never shown to readers.</p> -->"
      "<style>.article-body p { margin: 0 }</style>";
  std::string page(kPage);
  const size_t body = page.find("<body>");
  ASSERT_NE(body, std::string::npos);
  std::string noisy = page;
  noisy.insert(body + 6, noise);
  std::string stripped;
  ASSERT_GT(StripInertContent(noisy, &stripped), 0u);
  ASSERT_OK_AND_ASSIGN(const HtmlExtraction a, ExtractHtml(noisy));
  ASSERT_OK_AND_ASSIGN(const HtmlExtraction b, ExtractHtml(page));
  EXPECT_EQ(a.blocks, b.blocks);
  EXPECT_EQ(a.meta_lines, b.meta_lines);
  EXPECT_EQ(a.meta.title, b.meta.title);
  EXPECT_EQ(a.meta.byline, b.meta.byline);
  EXPECT_EQ(a.meta.published, b.meta.published);
  EXPECT_FALSE(AnyBlockContains(a, "never shown")) << Joined(a.blocks);
}

TEST(ClassifyHtmlAttributesTest, MatchesWholeParts) {
  struct Case {
    std::string_view cls;
    bool furniture;
  };
  static constexpr Case kCases[] = {
      {"ad-slot", true},       {"rail_ad", true},         {"shareBar", true},
      {"most-read", true},     {"tag-list", true},        {"related_news", true},
      {"header", false},       {"shadow", false},         {"read-more-text", false},
      {"masthead", false},     {"article-body no-comments", false},
      {"breadcrumbs", true},   {"sns_area", true},        {"loaded", false},
  };
  for (const Case& c : kCases) {
    const uint32_t flags = ClassifyHtmlAttributes(c.cls, "", "", "");
    EXPECT_EQ((flags & kHtmlFurniture) != 0, c.furniture) << c.cls;
  }
  EXPECT_TRUE(ClassifyHtmlAttributes("", "articleBody", "", "") & kHtmlBodyHint);
  EXPECT_TRUE(ClassifyHtmlAttributes("article-body no-comments", "", "", "") & kHtmlBodyHint);
  EXPECT_TRUE(ClassifyHtmlAttributes("", "", "navigation", "") & kHtmlFurniture);
  EXPECT_TRUE(ClassifyHtmlAttributes("", "", "", "Share this article") & kHtmlFurniture);
  EXPECT_FALSE(ClassifyHtmlAttributes("sub-title", "", "", "") & kHtmlHeadline);
  EXPECT_TRUE(ClassifyHtmlAttributes("art-tit", "", "", "") & kHtmlHeadline);
}

TEST(HtmlMetaTest, HelperStrings) {
  std::string site;
  EXPECT_EQ(SplitTitleSuffix("제목 < 산업 < 기사본문 - 한국경제", &site), "제목");
  EXPECT_EQ(site, "한국경제");
  EXPECT_EQ(SplitTitleSuffix("Just a headline", &site), "Just a headline");
  EXPECT_EQ(site, "");
  EXPECT_EQ(DateFromUrl("https://a.kr/news/20240623/123")->date, "2024-06-23");
  EXPECT_EQ(DateFromUrl("https://a.com/2024-06-23-chip-talks")->date, "2024-06-23");
  EXPECT_FALSE(DateFromUrl("https://a.com/news/HG202303230031").has_value());
  EXPECT_EQ(CleanByline("By Megan Ostrowski | August 24, 2023"), "Megan Ostrowski");
  EXPECT_EQ(CleanByline("한승민 기자 hsm@techplus.kr"), "한승민");
  EXPECT_EQ(BylineFromLine("유서하 기자 입력 2023.03.23 06:00"), "유서하");
  EXPECT_EQ(BylineFromLine("입력 2023.03.23 06:00"), "");
}

// ---------------------------------------------------------------------------
// Dev corpus pages.

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The text pieces between tags inside every <tag>...</tag> region of `html`:
// a simple independent reading of what the page's nav, footer and aside say.
std::vector<std::string> RegionTexts(const std::string& html, const std::string& tag) {
  std::vector<std::string> texts;
  size_t pos = 0;
  while ((pos = html.find("<" + tag, pos)) != std::string::npos) {
    const size_t close = html.find("</" + tag + ">", pos);
    if (close == std::string::npos) break;
    const std::string region = html.substr(pos, close - pos);
    std::string whole;
    size_t i = 0;
    while (i < region.size()) {
      const size_t lt = region.find('<', i);
      const std::string piece =
          Collapse(region.substr(i, lt == std::string::npos ? std::string::npos : lt - i));
      if (piece.size() >= 2) texts.push_back(piece);
      whole += " " + piece;
      if (lt == std::string::npos) break;
      const size_t gt = region.find('>', lt);
      if (gt == std::string::npos) break;
      i = gt + 1;
    }
    if (!Collapse(whole).empty()) texts.push_back(Collapse(whole));
    pos = close;
  }
  return texts;
}

std::map<std::string, nlohmann::json> ReadGold(const std::filesystem::path& path) {
  std::map<std::string, nlohmann::json> gold;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    gold[j["id"].get<std::string>()] = j;
  }
  return gold;
}

TEST(ExtractHtmlDevCorpusTest, HeadlineFurnitureEvidenceAndDates) {
  const std::filesystem::path dir = testing::DevCorpusDir();
  if (!std::filesystem::exists(dir / "docs") || !std::filesystem::exists(dir / "gold.jsonl")) {
    GTEST_SKIP() << "dev corpus not found at " << dir;
  }
  const std::map<std::string, nlohmann::json> gold = ReadGold(dir / "gold.jsonl");
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "docs")) {
    if (entry.path().extension() != ".html") continue;
    const std::string id = entry.path().stem().string();
    SCOPED_TRACE(id);
    ++pages;
    const std::string html = ReadFile(entry.path());
    ASSERT_OK_AND_ASSIGN(HtmlExtraction x, ExtractHtml(html));
    ASSERT_FALSE(x.blocks.empty());

    // The headline is block 0: the page's <title> starts with it.
    const size_t t0 = html.find("<title>");
    const size_t t1 = html.find("</title>");
    ASSERT_NE(t0, std::string::npos);
    const std::string title = Collapse(html.substr(t0 + 7, t1 - t0 - 7));
    EXPECT_EQ(title.rfind(x.blocks[0], 0), 0u) << x.blocks[0] << " vs " << title;
    EXPECT_GE(x.blocks[0].size(), 20u);

    // No block repeats the text of the page's nav, footer or aside.
    for (const std::string tag : {"nav", "footer", "aside"}) {
      for (const std::string& noise : RegionTexts(html, tag)) {
        EXPECT_FALSE(HasBlock(x, noise)) << tag << ": " << noise;
      }
    }

    // Every gold evidence string survives, modulo white space.
    const std::string body = Collapse(Joined(x.blocks));
    auto it = gold.find(id);
    ASSERT_NE(it, gold.end());
    for (const auto& meeting : it->second.value("meetings", nlohmann::json::array())) {
      if (!meeting.contains("evidence") || !meeting["evidence"].is_string()) continue;
      const std::string evidence = Collapse(meeting["evidence"].get<std::string>());
      EXPECT_NE(body.find(evidence), std::string::npos) << evidence;
    }

    // Dates: from markup where the page has one, else from the visible meta lines.
    const nlohmann::json& published = it->second["published"];
    if (id == "dev-003" || id == "dev-009" || id == "dev-012" || id == "dev-029") {
      EXPECT_EQ(x.meta.published, published.get<std::string>());
    }
    if (id == "dev-004" || id == "dev-014") {
      EXPECT_EQ(x.meta.published, "");
      std::optional<FoundDate> found;
      for (const std::string& line : x.meta_lines) {
        if ((found = FindPublishedDate(line))) break;
      }
      ASSERT_TRUE(found.has_value()) << Joined(x.meta_lines);
      EXPECT_EQ(found->date, published.get<std::string>());
    }
    if (id == "dev-018" || id == "dev-024") {
      EXPECT_EQ(x.meta.published, "");
    }
    EXPECT_FALSE(x.meta.outlet.empty());
    EXPECT_EQ(x.meta.outlet, it->second["outlet"].get<std::string>());
  }
  EXPECT_EQ(pages, 8);
}

}  // namespace
}  // namespace tg::text
