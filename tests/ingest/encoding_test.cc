#include "ingest/encoding.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/utf8.h"
#include "ingest/test_files.h"
#include "testing/status_matchers.h"

namespace tg::ingest {
namespace {

using testing::Encode;

constexpr std::string_view kKorean =
    "삼성전자 이재용 회장은 지난 3일 서울 서초구 사옥에서 엔비디아의 젠슨 황 최고경영자와 만나 "
    "인공지능 반도체 협력 방안을 논의했다고 회사 측이 밝혔다. 두 사람은 고대역폭 메모리 공급과 "
    "차세대 파운드리 협력에 대해 의견을 나눈 것으로 알려졌다.";
constexpr std::string_view kFrench =
    "“Le président a rencontré à Paris les dirigeants d’une société française”, a déclaré "
    "l’agence — une réunion très attendue, où l’on a évoqué la coopération économique.";

TEST(DecodeToUtf8Test, PlainUtf8PassesThrough) {
  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(kKorean));
  EXPECT_EQ(out.text, kKorean);
  EXPECT_EQ(out.encoding, "UTF-8");
  EXPECT_EQ(out.replaced, 0u);
}

TEST(DecodeToUtf8Test, EmptyInputIsEmptyText) {
  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(""));
  EXPECT_EQ(out.text, "");
}

TEST(DecodeToUtf8Test, Utf8BomIsStripped) {
  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8("\xEF\xBB\xBF" + std::string(kFrench)));
  EXPECT_EQ(out.text, kFrench);
  EXPECT_EQ(out.encoding, "UTF-8");
}

TEST(DecodeToUtf8Test, Utf16WithBom) {
  struct Case {
    const char* icu;
    std::string bom;
    const char* expected;
  };
  const Case cases[] = {
      {"UTF-16LE", "\xFF\xFE", "UTF-16LE"},
      {"UTF-16BE", "\xFE\xFF", "UTF-16BE"},
      {"UTF-32LE", std::string("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.icu);
    const std::string bytes = c.bom + Encode(kKorean, c.icu);
    // A declared charset does not beat the BOM.
    ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(bytes, {.declared_charset = "euc-kr"}));
    EXPECT_EQ(out.text, kKorean);
    EXPECT_EQ(out.encoding, c.expected);
  }
}

TEST(DecodeToUtf8Test, Utf16WithoutBomIsRecognisedByItsNulBytes) {
  const std::string text = "<html><body><p>Seoul, March 3 (Yonhap)</p></body></html>";
  ASSERT_OK_AND_ASSIGN(DecodedText le, DecodeToUtf8(Encode(text, "UTF-16LE")));
  EXPECT_EQ(le.text, text);
  EXPECT_EQ(le.encoding, "UTF-16LE");
  ASSERT_OK_AND_ASSIGN(DecodedText be, DecodeToUtf8(Encode(text, "UTF-16BE")));
  EXPECT_EQ(be.text, text);
  EXPECT_EQ(be.encoding, "UTF-16BE");
}

TEST(DecodeToUtf8Test, EucKrIsDetectedWithoutDeclaration) {
  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(Encode(kKorean, "EUC-KR")));
  EXPECT_EQ(out.text, kKorean);
  EXPECT_EQ(out.encoding, "EUC-KR");
}

TEST(DecodeToUtf8Test, Cp949ExtensionSyllablesDecode) {
  // "똠" and "햏" are outside KS X 1001 (EUC-KR proper) and only in CP949.
  const std::string text = std::string(kKorean) + " 똠양꿍 햏자 똠방각하";
  const std::string bytes = Encode(text, "windows-949-2000");
  ASSERT_OK_AND_ASSIGN(DecodedText detected, DecodeToUtf8(bytes));
  EXPECT_EQ(detected.text, text);
  EXPECT_EQ(detected.encoding, "EUC-KR");
  ASSERT_OK_AND_ASSIGN(DecodedText declared,
                       DecodeToUtf8(bytes, {.declared_charset = "ks_c_5601-1987"}));
  EXPECT_EQ(declared.text, text);
}

TEST(DecodeToUtf8Test, Windows1252AccentsAndCurlyQuotes) {
  const std::string bytes = Encode(kFrench, "windows-1252");
  ASSERT_FALSE(IsValidUtf8(bytes));
  ASSERT_OK_AND_ASSIGN(DecodedText detected, DecodeToUtf8(bytes));
  EXPECT_EQ(detected.text, kFrench);
  EXPECT_EQ(detected.encoding, "windows-1252");
  // "iso-8859-1" is decoded as windows-1252, so 0x93/0x94 are curly quotes.
  ASSERT_OK_AND_ASSIGN(DecodedText declared,
                       DecodeToUtf8(bytes, {.declared_charset = "ISO-8859-1"}));
  EXPECT_EQ(declared.text, kFrench);
  EXPECT_EQ(declared.encoding, "windows-1252");
}

TEST(DecodeToUtf8Test, ShortLatin1WordDecodes) {
  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8("caf\xE9 au lait"));
  EXPECT_EQ(out.text, "café au lait");
  EXPECT_EQ(out.encoding, "windows-1252");
}

TEST(DecodeToUtf8Test, HtmlMetaCharsetIsUsed) {
  const std::string pages[] = {
      "<html><head><meta charset=\"euc-kr\"><title>t</title></head><body>",
      "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ks_c_5601-1987\">"
      "</head><body>",
  };
  for (const std::string& head : pages) {
    SCOPED_TRACE(head);
    const std::string html = head + std::string(kKorean) + "</body></html>";
    ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(Encode(html, "windows-949-2000"),
                                                       {.declared_charset = "", .html = true}));
    EXPECT_EQ(out.text, html);
    EXPECT_EQ(out.encoding, "EUC-KR");
  }
}

TEST(DecodeToUtf8Test, ValidUtf8BeatsAStaleLegacyLabel) {
  const std::string html = "<meta charset=\"euc-kr\"><p>" + std::string(kKorean) + "</p>";
  ASSERT_OK_AND_ASSIGN(DecodedText out,
                       DecodeToUtf8(html, {.declared_charset = "euc-kr", .html = true}));
  EXPECT_EQ(out.text, html);
  EXPECT_EQ(out.encoding, "UTF-8");
}

TEST(DecodeToUtf8Test, DeclaredUtf8WithAFewBadBytesIsRepaired) {
  const std::string bytes = std::string(kKorean) + "\xFF" + std::string(kKorean);
  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(bytes, {.declared_charset = "utf-8"}));
  EXPECT_EQ(out.encoding, "UTF-8");
  EXPECT_EQ(out.replaced, 1u);
  EXPECT_EQ(out.text, std::string(kKorean) + "\uFFFD" + std::string(kKorean));
}

TEST(DecodeToUtf8Test, PageCutMidCharacterIsRepairedAsUtf8) {
  ASSERT_EQ(kKorean.back(), '.');
  const std::string bytes(kKorean.substr(0, kKorean.size() - 2));  // "." and half of "다"

  ASSERT_OK_AND_ASSIGN(DecodedText out, DecodeToUtf8(bytes));
  EXPECT_EQ(out.encoding, "UTF-8");
  EXPECT_GE(out.replaced, 1u);
  EXPECT_EQ(out.text.rfind(kKorean.substr(0, kKorean.size() - 4), 0), 0u);
}

TEST(DecodeToUtf8Test, InvalidUtf8IsRejectedWithItsOffset) {
  const std::string cases[] = {
      "Hello \xC3\x28 world, nothing else here.",
      "Hello \xFF\xFE\xFD",
      "Plain ASCII text then \x80\x81\x82\x83 junk",
  };
  for (const std::string& bytes : cases) {
    SCOPED_TRACE(bytes);
    Result<DecodedText> out = DecodeToUtf8(bytes);
    ASSERT_FALSE(out.has_value()) << out->encoding << ": " << out->text;
    EXPECT_EQ(out.error().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(out.error().message(),
              "invalid UTF-8 at byte " + std::to_string(FirstInvalidUtf8(bytes)));
  }
}

TEST(DecodeToUtf8Test, BinaryGarbageIsRejected) {
  std::mt19937 rng(7);
  std::string random(4096, '\0');
  for (char& c : random) c = static_cast<char>(rng() & 0xFF);
  const std::string cases[] = {
      random,
      std::string("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", 24),
      std::string("text with a \x00\x00 hole", 18),
      std::string("\x01\x02\x03\x04 abc \x05\x06\x07\x08 def \x0e\x0f"),
  };
  for (const std::string& bytes : cases) {
    Result<DecodedText> out = DecodeToUtf8(bytes);
    ASSERT_FALSE(out.has_value());
    EXPECT_EQ(out.error().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(out.error().message().rfind("binary content, not text (", 0), 0u)
        << out.error().message();
  }
}

TEST(DecodeToUtf8Test, NeverFailsBadlyOnRandomBytes) {
  // Random mixes of ASCII, UTF-8 pieces and high bytes: every outcome is either
  // valid UTF-8 or an InvalidArgument error.
  std::mt19937 rng(42);
  const std::string pieces[] = {"a",
                                " ",
                                "\n",
                                "é",
                                "한",
                                "\xE9",
                                "\xB0\xA1",
                                "\x93",
                                "\xFF",
                                "<meta charset=euc-kr>",
                                "\xEF\xBB\xBF",
                                std::string(1, '\0')};
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) bytes += pieces[rng() % std::size(pieces)];
    Result<DecodedText> out =
        DecodeToUtf8(bytes, {.declared_charset = "", .html = (round % 2 == 0)});
    if (out.has_value()) {
      EXPECT_TRUE(IsValidUtf8(out->text)) << bytes;
      EXPECT_NE(out->text.rfind("\xEF\xBB\xBF", 0), 0u) << bytes;
    } else {
      EXPECT_EQ(out.error().code(), StatusCode::kInvalidArgument) << bytes;
    }
  }
}

TEST(CanonicalEncodingNameTest, MapsLabelsTheWhatwgWay) {
  const std::pair<const char*, const char*> cases[] = {
      {"EUC-KR", "EUC-KR"},
      {"ks_c_5601-1987", "EUC-KR"},
      {"cp949", "EUC-KR"},
      {" \"euc-kr\" ", "EUC-KR"},
      {"iso-8859-1", "windows-1252"},
      {"Latin1", "windows-1252"},
      {"US-ASCII", "windows-1252"},
      {"utf8", "UTF-8"},
      {"UTF-8", "UTF-8"},
      {"shift_jis", "Shift_JIS"},
      {"no-such-charset", ""},
      {"", ""},
  };
  for (const auto& [label, expected] : cases) {
    EXPECT_EQ(CanonicalEncodingName(label), expected) << label;
  }
}

TEST(CharsetFromContentTypeTest, ReadsTheParameter) {
  const std::pair<const char*, const char*> cases[] = {
      {"text/html; charset=euc-kr", "euc-kr"},
      {"text/html;charset=\"UTF-8\"", "UTF-8"},
      {"text/html; Charset = ISO-8859-1 ; foo=bar", "ISO-8859-1"},
      {"text/html", ""},
      {"", ""},
  };
  for (const auto& [value, expected] : cases) {
    EXPECT_EQ(CharsetFromContentType(value), expected) << value;
  }
}

TEST(PrescanMetaCharsetTest, FindsTheFirstDeclaration) {
  const std::pair<const char*, const char*> cases[] = {
      {"<meta charset=utf-8>", "utf-8"},
      {"<head><META CHARSET='EUC-KR'/>", "EUC-KR"},
      {"<!-- <meta charset=\"big5\"> --><meta charset=\"euc-kr\">", "euc-kr"},
      {"<meta name=\"x\" content=\"charset=big5\"><meta charset=\"latin1\">", "latin1"},
      {"<meta http-equiv=\"content-type\" content=\"text/html; charset=windows-1252\">",
       "windows-1252"},
      {"<metadata charset=\"x\">", ""},
      {"<p>no meta</p>", ""},
      {"<meta charset=\"unterminated", ""},
  };
  for (const auto& [head, expected] : cases) {
    EXPECT_EQ(PrescanMetaCharset(head), expected) << head;
  }
}

}  // namespace
}  // namespace tg::ingest
