#pragma once
// Decodes page bytes to UTF-8. The encoding is chosen in this order:
//   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//   2. the charset the container declared (an HTTP Content-Type header);
//   3. for HTML, a <meta charset> / <meta http-equiv="Content-Type"> in the first 4 KiB;
//   4. valid UTF-8 (also text that is UTF-8 but for a few stray bytes);
//   5. ICU charset detection among legacy encodings, each candidate checked by
//      decoding it strictly and looking at the characters it yields;
//   6. the declared charset with U+FFFD replacements, else rejection.
// Labels map the WHATWG way: "euc-kr", "ks_c_5601-1987", "cp949" decode as
// CP949 (reported "EUC-KR"); "iso-8859-1", "latin1", "us-ascii" as windows-1252.
// A declared charset that the bytes contradict (valid multi-byte UTF-8 labelled
// as a legacy encoding, or text that does not decode) is overridden.
// Pure functions; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tg::ingest {

struct DecodeHints {
  std::string declared_charset;  // label from the container, e.g. "EUC-KR"; empty if none
  bool html = false;             // also look for a <meta> charset declaration
};

struct DecodedText {
  std::string text;      // valid UTF-8 without a leading BOM
  std::string encoding;  // what the bytes were in: "UTF-8", "EUC-KR", "windows-1252", ...
  size_t replaced = 0;   // ill-formed or unmapped sequences replaced by U+FFFD
};

// Returns the decoded text. Fails with kInvalidArgument:
//   "binary content, not text (...)" for NUL bytes outside UTF-16/32 or a high
//   share of C0 control bytes;
//   "invalid UTF-8 at byte N" when the bytes are not UTF-8 and no legacy
//   encoding fits them with reasonable confidence.
// Empty input decodes to empty UTF-8 text.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeHints& hints = {});

// The encoding name a charset label decodes as ("UTF-8", "EUC-KR",
// "windows-1252", "Shift_JIS", ...), or "" when the label is unknown.
std::string CanonicalEncodingName(std::string_view label);

// The charset parameter of a Content-Type value ("text/html; charset=euc-kr"
// -> "euc-kr"), unquoted and trimmed; "" when there is none.
std::string CharsetFromContentType(std::string_view content_type);

// The charset label declared by the first <meta> that declares one in `head`
// (the start of an HTML page), following the WHATWG prescan loosely: comments
// skipped, `charset` attribute or http-equiv Content-Type. "" when none.
std::string PrescanMetaCharset(std::string_view head);

}  // namespace tg::ingest
