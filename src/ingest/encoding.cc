#include "ingest/encoding.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "core/utf8.h"

namespace tg::ingest {
namespace {

// How much of the input the statistics-based checks look at.
constexpr size_t kSampleBytes = 64 << 10;
// The HTML prescan window (the WHATWG prescan reads 1 KiB; real pages put
// long scripts and styles before their <meta>, hence more).
constexpr size_t kPrescanBytes = 4 << 10;
// How much ICU's charset detector reads.
constexpr size_t kDetectorWindowBytes = 4 << 10;
// Smallest ICU detector confidence (0-100) worth trying.
constexpr int32_t kMinDetectorConfidence = 10;

struct Encoding {
  std::string name;  // reported name
  std::string icu;   // ICU converter name
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  return s;
}

bool OneOf(const std::string& label, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (label == name) return true;
  }
  return false;
}

bool IsUtf8(const Encoding& e) { return e.name == "UTF-8"; }
bool IsUtf16Or32(const Encoding& e) {
  return e.name.rfind("UTF-16", 0) == 0 || e.name.rfind("UTF-32", 0) == 0;
}

// Label table after the WHATWG Encoding Standard for the encodings news pages
// use; other labels go to ICU's alias table.
std::optional<Encoding> ResolveLabel(std::string_view raw_label) {
  const std::string label = Lower(Trim(raw_label));
  if (label.empty() || label.size() > 64) return std::nullopt;
  if (OneOf(label, {"utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                    "x-unicode20utf8"})) {
    return Encoding{"UTF-8", "UTF-8"};
  }
  // CP949 (Unified Hangul Code) is the superset browsers decode every EUC-KR label as.
  if (OneOf(label, {"euc-kr", "euckr", "cseuckr", "csksc56011987", "iso-ir-149", "korean",
                    "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949",
                    "cp949", "ms949", "x-windows-949", "uhc", "x-uhc"})) {
    return Encoding{"EUC-KR", "windows-949-2000"};
  }
  if (OneOf(label,
            {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
             "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
             "latin-1", "us-ascii", "windows-1252", "x-cp1252"})) {
    return Encoding{"windows-1252", "windows-1252"};
  }
  if (OneOf(label, {"utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2",
                    "unicodefeff"})) {
    return Encoding{"UTF-16LE", "UTF-16LE"};
  }
  if (OneOf(label, {"utf-16be", "unicodefffe"})) return Encoding{"UTF-16BE", "UTF-16BE"};
  if (OneOf(label, {"gb2312", "gbk", "x-gbk", "cp936", "chinese", "csgb2312", "iso-ir-58",
                    "windows-936", "gb_2312", "gb_2312-80"})) {
    return Encoding{"GBK", "GBK"};
  }
  if (OneOf(label, {"shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "windows-31j",
                    "csshiftjis", "ms932", "cp932"})) {
    return Encoding{"Shift_JIS", "windows-31j"};
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(label.c_str(), &status);
  if (U_FAILURE(status) || conv == nullptr) return std::nullopt;
  const char* internal = ucnv_getName(conv, &status);
  std::string name = label;
  if (U_SUCCESS(status)) {
    for (const char* standard : {"WINDOWS", "MIME", "IANA"}) {
      UErrorCode s2 = U_ZERO_ERROR;
      const char* n = ucnv_getStandardName(internal, standard, &s2);
      if (U_SUCCESS(s2) && n != nullptr) {
        name = n;
        break;
      }
    }
  }
  ucnv_close(conv);
  return Encoding{name, label};
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char* code_units,
                        int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR) {
    ++*static_cast<size_t*>(const_cast<void*>(context));
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, code_units, length, reason, err);
}

// Appends UTF-16 units as UTF-8, carrying a lead surrogate across calls.
void AppendUtf16(const UChar* units, size_t n, char16_t* pending_lead, std::string* out) {
  for (size_t i = 0; i < n; ++i) {
    const char16_t u = units[i];
    if (*pending_lead != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        AppendUtf8(0x10000 + ((char32_t{*pending_lead} - 0xD800) << 10) + (u - 0xDC00), out);
        *pending_lead = 0;
        continue;
      }
      AppendUtf8(0xFFFD, out);
      *pending_lead = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      *pending_lead = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      AppendUtf8(0xFFFD, out);
    } else {
      AppendUtf8(u, out);
    }
  }
}

// Converts `bytes` from `icu_name`. Strict mode fails (nullopt) at the first
// illegal or unmapped sequence; lenient mode substitutes and counts them.
std::optional<std::string> Convert(std::string_view bytes, const std::string& icu_name, bool strict,
                                   size_t* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu_name.c_str(), &status));
  if (U_FAILURE(status) || conv == nullptr) return std::nullopt;
  size_t count = 0;
  if (strict) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  } else {
    ucnv_setToUCallBack(conv.get(), CountingSubstitute, &count, nullptr, nullptr, &status);
  }
  if (U_FAILURE(status)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  const char* src = bytes.data();
  const char* const src_end = bytes.data() + bytes.size();
  UChar buffer[8192];
  char16_t pending_lead = 0;
  while (true) {
    UChar* target = buffer;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buffer + std::size(buffer), &src, src_end, nullptr,
                   /*flush=*/true, &status);
    AppendUtf16(buffer, static_cast<size_t>(target - buffer), &pending_lead, &out);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) return std::nullopt;
    break;
  }
  if (pending_lead != 0) {
    AppendUtf8(0xFFFD, &out);
    ++count;
  }
  if (replaced != nullptr) *replaced = count;
  return out;
}

void StripBom(std::string* text) {
  size_t n = 0;
  while (text->compare(n, 3, "\xEF\xBB\xBF") == 0) n += 3;
  text->erase(0, n);
}

struct Utf8Stats {
  size_t non_ascii = 0;        // bytes >= 0x80
  size_t valid_multibyte = 0;  // well-formed sequences of 2-4 bytes
  size_t invalid = 0;          // ill-formed bytes
  size_t first_invalid = 0;    // offset of the first one (bytes.size() when none)
};

Utf8Stats ScanUtf8(std::string_view bytes) {
  Utf8Stats stats;
  stats.first_invalid = FirstInvalidUtf8(bytes);
  size_t pos = stats.first_invalid;
  // Everything before the first invalid byte is well formed; count it cheaply.
  for (size_t i = 0; i < pos; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b >= 0x80) ++stats.non_ascii;
    if (b >= 0xC0) ++stats.valid_multibyte;
  }
  while (pos < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[pos]);
    if (b < 0x80) {
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t cp = NextCodePoint(bytes, &pos);
    stats.non_ascii += pos - start;
    if (cp == 0xFFFD && pos - start == 1) {
      ++stats.invalid;
    } else {
      ++stats.valid_multibyte;
    }
  }
  return stats;
}

// UTF-8 with a few stray bytes: a page cut mid-character, one corrupted byte.
bool MostlyUtf8(const Utf8Stats& s) {
  return s.valid_multibyte >= 8 && s.invalid * 20 <= s.valid_multibyte;
}

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsLetter(char32_t c) { return IsAsciiLetter(c) || (c >= 0x80 && u_isalpha(c)); }

// Non-ASCII characters that real text in some language is made of. Lowercase
// Latin-1 letters stand alone ("à"); uppercase ones need a letter beside them,
// which rules out most byte garbage read as windows-1252.
enum class CharFit { kGood, kNeedsNeighbour, kBad };

CharFit ClassifyNonAscii(char32_t c) {
  if (c < 0xA0) return CharFit::kBad;  // C1 controls: what undecodable bytes become
  if (c <= 0xFF) {
    static constexpr std::u32string_view kSymbols =
        U"\u00A0\u00A1\u00A2\u00A3\u00A5\u00A7\u00A9\u00AA\u00AB\u00AD\u00AE\u00B0\u00B1"
        U"\u00B2\u00B3\u00B5\u00B6\u00B7\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF";
    if (kSymbols.find(c) != std::u32string_view::npos) return CharFit::kGood;
    if (c == 0xD7 || c == 0xF7 || c == 0xD0 || c == 0xDD || c == 0xDE || c == 0xF0 || c == 0xFD ||
        c == 0xFE || c == 0xFF) {
      return CharFit::kNeedsNeighbour;
    }
    if (c >= 0xDF) return CharFit::kGood;  // ß and the lowercase letters
    if (c >= 0xC0) return CharFit::kNeedsNeighbour;
    return CharFit::kBad;
  }
  if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203A) || c == 0x20AC || c == 0x2122) {
    return CharFit::kGood;
  }
  // Halfwidth katakana is what single high bytes become in Shift_JIS; real
  // pages hardly use it.
  if (c >= 0xFF61 && c <= 0xFF9F) return CharFit::kBad;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFFEF)) return CharFit::kGood;
  if (IsHangul(c)) return CharFit::kGood;
  // Latin Extended-A/B: real in Central European text, but single ones beside
  // punctuation are what stray bytes read as ISO-8859-2 and kin look like.
  if (c >= 0x100 && c <= 0x24F) return CharFit::kNeedsNeighbour;
  if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF)) return CharFit::kBad;
  if (u_isalpha(c)) return CharFit::kGood;
  return CharFit::kBad;
}

// Share of the non-ASCII characters of `text` that look like real text (1 when
// there are none).
double Plausibility(std::string_view text) {
  std::vector<char32_t> cps;
  size_t pos = 0;
  const size_t limit = std::min(text.size(), kSampleBytes * 2);
  while (pos < limit) cps.push_back(NextCodePoint(text, &pos));
  std::vector<CharFit> fits(cps.size(), CharFit::kGood);
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] >= 0x80) fits[i] = ClassifyNonAscii(cps[i]);
  }
  // A neighbour vouches for a letter when it is an ASCII letter or a letter
  // that stands on its own, so runs of doubtful letters ("ÿþý") do not vouch
  // for each other.
  auto vouches = [&](size_t j) {
    return IsAsciiLetter(cps[j]) ||
           (cps[j] >= 0x80 && fits[j] == CharFit::kGood && IsLetter(cps[j]));
  };
  size_t total = 0;
  size_t good = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] < 0x80) continue;
    ++total;
    if (fits[i] == CharFit::kGood ||
        (fits[i] == CharFit::kNeedsNeighbour &&
         ((i > 0 && vouches(i - 1)) || (i + 1 < cps.size() && vouches(i + 1))))) {
      ++good;
    }
  }
  return total == 0 ? 1.0 : static_cast<double>(good) / static_cast<double>(total);
}

DecodedText Utf8Result(std::string_view bytes, const Utf8Stats& stats) {
  DecodedText out;
  out.encoding = "UTF-8";
  if (stats.invalid == 0) {
    out.text.assign(bytes);
  } else {
    out.text = RepairUtf8(bytes, &out.replaced);
  }
  StripBom(&out.text);
  return out;
}

std::optional<DecodedText> DecodeAs(std::string_view bytes, const Encoding& enc, bool strict) {
  DecodedText out;
  std::optional<std::string> text = Convert(bytes, enc.icu, strict, &out.replaced);
  if (!text.has_value()) return std::nullopt;
  out.text = std::move(*text);
  out.encoding = enc.name;
  StripBom(&out.text);
  return out;
}

std::optional<DecodedText> DecodeWithBom(std::string_view bytes) {
  struct Bom {
    std::string_view bytes;
    const char* name;
  };
  // UTF-32LE before UTF-16LE: its BOM starts with the UTF-16LE one.
  static const Bom kBoms[] = {
      {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
  };
  for (const Bom& bom : kBoms) {
    if (bytes.substr(0, bom.bytes.size()) != bom.bytes) continue;
    const std::string_view rest = bytes.substr(bom.bytes.size());
    if (std::string_view(bom.name) == "UTF-8") return Utf8Result(rest, ScanUtf8(rest));
    return DecodeAs(rest, Encoding{bom.name, bom.name}, /*strict=*/false);
  }
  return std::nullopt;
}

// Rejects binary data; recognises BOM-less UTF-16 by its NUL pattern (ASCII
// characters have a zero high byte), storing the encoding in `utf16`.
Status CheckNotBinary(std::string_view bytes, std::optional<Encoding>* utf16) {
  const std::string_view sample = bytes.substr(0, kSampleBytes);
  size_t nul_even = 0;
  size_t nul_odd = 0;
  size_t controls = 0;
  for (size_t i = 0; i < sample.size(); ++i) {
    const auto b = static_cast<unsigned char>(sample[i]);
    if (b == 0) {
      (i % 2 == 0 ? nul_even : nul_odd) += 1;
    } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' &&
               b != 0x1A && b != 0x1B) {
      ++controls;
    }
  }
  const size_t nuls = nul_even + nul_odd;
  const size_t half = sample.size() / 2;
  if (nuls > 0 && sample.size() >= 4) {
    if (nul_odd * 10 >= half * 3 && nul_even * 50 <= half) {
      *utf16 = Encoding{"UTF-16LE", "UTF-16LE"};
      return Status::Ok();
    }
    if (nul_even * 10 >= half * 3 && nul_odd * 50 <= half) {
      *utf16 = Encoding{"UTF-16BE", "UTF-16BE"};
      return Status::Ok();
    }
  }
  // A stray NUL in a long page is tolerated; more than one in a thousand bytes is not text.
  if (nuls * 1000 > sample.size()) {
    return Status::InvalidArgument("binary content, not text (", nuls, " NUL bytes in the first ",
                                   sample.size(), ")");
  }
  if (controls * 50 > sample.size()) {
    return Status::InvalidArgument("binary content, not text (", controls,
                                   " control bytes in the first ", sample.size(), ")");
  }
  return Status::Ok();
}

// A declared encoding, if the bytes agree with it.
std::optional<DecodedText> TryDeclared(std::string_view bytes, const Encoding& enc,
                                       const Utf8Stats& stats) {
  if (IsUtf16Or32(enc)) return std::nullopt;  // no NUL pattern: the label is wrong
  if (IsUtf8(enc)) {
    if (stats.invalid == 0 || MostlyUtf8(stats)) return Utf8Result(bytes, stats);
    return std::nullopt;
  }
  // Valid multi-byte UTF-8 is almost never legacy text by chance: the label is stale.
  if (stats.invalid == 0 && stats.valid_multibyte > 0) return Utf8Result(bytes, stats);
  std::optional<DecodedText> out = DecodeAs(bytes, enc, /*strict=*/true);
  if (out.has_value() && Plausibility(out->text) >= 0.5) return out;
  return std::nullopt;
}

std::optional<DecodedText> Detect(std::string_view bytes) {
  std::vector<Encoding> candidates;
  auto add = [&](const Encoding& e) {
    if (IsUtf8(e) || IsUtf16Or32(e)) return;
    for (const Encoding& c : candidates) {
      if (c.icu == e.icu) return;
    }
    candidates.push_back(e);
  };
  // ICU's detector costs about 0.35 us a byte, so it sees a window that starts
  // just before the first non-ASCII byte (page markup before it says nothing
  // about the encoding).
  size_t first_high = 0;
  while (first_high < bytes.size() && static_cast<unsigned char>(bytes[first_high]) < 0x80) {
    ++first_high;
  }
  const std::string_view sample =
      bytes.substr(first_high > 256 ? first_high - 256 : 0, kDetectorWindowBytes);
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector, &n, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < n; ++i) {
      UErrorCode s2 = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &s2);
      const int32_t confidence = ucsdet_getConfidence(matches[i], &s2);
      if (U_FAILURE(s2) || name == nullptr || confidence < kMinDetectorConfidence) continue;
      if (std::optional<Encoding> e = ResolveLabel(name)) add(*e);
    }
  }
  if (detector != nullptr) ucsdet_close(detector);
  // The legacy encodings of this project's languages, in case the detector missed them.
  add(*ResolveLabel("euc-kr"));
  add(*ResolveLabel("windows-1252"));
  for (const Encoding& enc : candidates) {
    std::optional<DecodedText> out = DecodeAs(bytes, enc, /*strict=*/true);
    if (out.has_value() && Plausibility(out->text) >= 0.9) return out;
  }
  return std::nullopt;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view s, std::string_view needle, size_t from = 0) {
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (StartsWithNoCase(s.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string CanonicalEncodingName(std::string_view label) {
  std::optional<Encoding> e = ResolveLabel(label);
  return e.has_value() ? e->name : std::string();
}

std::string CharsetFromContentType(std::string_view content_type) {
  size_t pos = 0;
  while ((pos = FindNoCase(content_type, "charset", pos)) != std::string_view::npos) {
    size_t i = pos + 7;
    pos = i;
    while (i < content_type.size() && IsSpace(content_type[i])) ++i;
    if (i >= content_type.size() || content_type[i] != '=') continue;
    ++i;
    while (i < content_type.size() && IsSpace(content_type[i])) ++i;
    size_t end = i;
    if (end < content_type.size() && (content_type[end] == '"' || content_type[end] == '\'')) {
      const char quote = content_type[end];
      const size_t close = content_type.find(quote, end + 1);
      end = close == std::string_view::npos ? content_type.size() : close;
      return std::string(Trim(content_type.substr(i + 1, end - i - 1)));
    }
    while (end < content_type.size() && content_type[end] != ';' && content_type[end] != ',' &&
           !IsSpace(content_type[end])) {
      ++end;
    }
    return std::string(Trim(content_type.substr(i, end - i)));
  }
  return "";
}

std::string PrescanMetaCharset(std::string_view head) {
  head = head.substr(0, kPrescanBytes);
  size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    const std::string_view rest = head.substr(pos);
    if (rest.substr(0, 4) == "<!--") {
      const size_t end = head.find("-->", pos + 4);
      if (end == std::string_view::npos) return "";
      pos = end + 3;
      continue;
    }
    if (!StartsWithNoCase(rest, "<meta") || rest.size() < 6 ||
        !(IsSpace(rest[5]) || rest[5] == '/')) {
      ++pos;
      continue;
    }
    // Attributes of this <meta>.
    size_t i = pos + 5;
    std::string charset;
    std::string http_equiv;
    std::string content;
    while (i < head.size() && head[i] != '>') {
      while (i < head.size() && (IsSpace(head[i]) || head[i] == '/')) ++i;
      const size_t name_start = i;
      while (i < head.size() && !IsSpace(head[i]) && head[i] != '=' && head[i] != '>' &&
             head[i] != '/') {
        ++i;
      }
      const std::string name = Lower(head.substr(name_start, i - name_start));
      while (i < head.size() && IsSpace(head[i])) ++i;
      std::string value;
      if (i < head.size() && head[i] == '=') {
        ++i;
        while (i < head.size() && IsSpace(head[i])) ++i;
        if (i < head.size() && (head[i] == '"' || head[i] == '\'')) {
          const char quote = head[i];
          const size_t close = head.find(quote, i + 1);
          if (close == std::string_view::npos) return "";
          value = head.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          const size_t value_start = i;
          while (i < head.size() && !IsSpace(head[i]) && head[i] != '>') ++i;
          value = head.substr(value_start, i - value_start);
        }
      }
      if (name.empty()) {
        if (i < head.size() && head[i] != '>') ++i;
        continue;
      }
      if (name == "charset" && charset.empty()) charset = value;
      if (name == "http-equiv") http_equiv = Lower(Trim(value));
      if (name == "content") content = value;
    }
    if (!charset.empty()) return std::string(Trim(charset));
    if (http_equiv == "content-type") {
      std::string from_content = CharsetFromContentType(content);
      if (!from_content.empty()) return from_content;
    }
    pos = i;
  }
  return "";
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeHints& hints) {
  if (bytes.empty()) return DecodedText{"", "UTF-8", 0};
  if (std::optional<DecodedText> out = DecodeWithBom(bytes)) return *std::move(out);

  std::optional<Encoding> utf16;
  TG_RETURN_IF_ERROR(CheckNotBinary(bytes, &utf16));
  if (utf16.has_value()) {
    if (std::optional<DecodedText> out = DecodeAs(bytes, *utf16, /*strict=*/false)) {
      return *std::move(out);
    }
  }

  const Utf8Stats stats = ScanUtf8(bytes);
  std::vector<Encoding> declared;
  if (std::optional<Encoding> e = ResolveLabel(hints.declared_charset)) declared.push_back(*e);
  if (hints.html) {
    if (std::optional<Encoding> e = ResolveLabel(PrescanMetaCharset(bytes))) {
      // A <meta> read as ASCII cannot declare UTF-16 truthfully (WHATWG: use UTF-8).
      if (IsUtf16Or32(*e)) e = ResolveLabel("utf-8");
      declared.push_back(*e);
    }
  }
  for (const Encoding& enc : declared) {
    if (std::optional<DecodedText> out = TryDeclared(bytes, enc, stats)) return *std::move(out);
  }
  if (stats.invalid == 0 || MostlyUtf8(stats)) return Utf8Result(bytes, stats);
  if (std::optional<DecodedText> out = Detect(bytes)) return *std::move(out);
  // Last resort: a declared encoding with some replacement characters.
  for (const Encoding& enc : declared) {
    if (IsUtf16Or32(enc)) continue;
    std::optional<DecodedText> out =
        IsUtf8(enc) ? Utf8Result(bytes, stats) : DecodeAs(bytes, enc, /*strict=*/false);
    if (out.has_value() && out->replaced <= std::max<size_t>(4, stats.non_ascii / 10)) {
      return *std::move(out);
    }
  }
  return Status::InvalidArgument("invalid UTF-8 at byte ", stats.first_invalid);
}

}  // namespace tg::ingest
