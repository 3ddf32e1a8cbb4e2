// Classes of non-ASCII code points for the tokenizer, from ICU's general
// categories with Hangul, Han, spaces and joiners decided first.
#include "text/token_chars.h"

#include <unicode/uchar.h>

namespace tg::text::token_chars {

Cls ClassifyWide(char32_t cp) {
  if (cp >= 0xAC00 && cp <= 0xD7A3) return Cls::kHangul;
  // The archaic vowel arae-a (ᆞ, ㆍ) is typed as a middle dot: 공화ᆞ앨라배마.
  if (cp == 0x119E || cp == 0x318D) return Cls::kPunct;
  if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
      (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
    return Cls::kHangul;
  }
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
    return Cls::kHan;
  }
  switch (cp) {
    case 0x85:
    case 0x2028:
    case 0x2029:
      return Cls::kNewline;
    case 0xA0:
    case 0x200B:
    case 0x3000:
    case 0xFEFF:
      return Cls::kSpace;
    case 0x200C:
    case 0x200D:
      return Cls::kJoin;
    case 0xFFFD:
      return Cls::kSymbol;
    default:
      break;
  }
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
      (cp >= 0xE0000 && cp <= 0xE01EF)) {
    return Cls::kJoin;
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      if (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0xFF21 && cp <= 0xFF5A)) {
        return Cls::kLatin;
      }
      return Cls::kOtherLetter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_FORMAT_CHAR:
      return Cls::kJoin;
    case U_DECIMAL_DIGIT_NUMBER:
      return Cls::kDigit;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
      return Cls::kSpace;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return Cls::kNewline;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return Cls::kPunct;
    default:
      return Cls::kSymbol;
  }
}

}  // namespace tg::text::token_chars
