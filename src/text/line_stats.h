#pragma once
// Shape of one line of page text: letters by script, words, separators and
// segments, sentence-final punctuation. The building block of line-shaped
// noise removal (clean_capture.h). Pure functions; thread-safe.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tg::text {

struct LineShape {
  uint32_t code_points = 0;    // after trimming
  uint32_t hangul = 0;         // Hangul syllables and jamo
  uint32_t latin = 0;          // ASCII and Latin-1/Extended letters
  uint32_t other_letters = 0;  // letters of other scripts (CJK, kana, Cyrillic ...)
  uint32_t digits = 0;
  uint32_t words = 0;          // white-space separated runs holding a letter or digit
  // Separators: '|', '>', '»', '›', '▶' anywhere; spaced " · ", " / ", " • "; runs of
  // two or more spaces between words. Segments are the non-empty runs between them.
  uint32_t separators = 0;
  uint32_t segments = 0;
  uint32_t max_segment_code_points = 0;
  bool sentence_end = false;   // ends like a sentence (see EndsLikeSentence)
  bool all_caps = false;       // has Latin letters, none lower case, and no Hangul
  bool has_email = false;
  bool has_url = false;        // "http://", "https://" or "www."
  uint32_t letters() const { return hangul + latin + other_letters; }
};

// Strips ASCII white space, NBSP, U+3000, zero-width spaces and BOMs at both ends.
std::string_view TrimLine(std::string_view line);

// Appends `line` to `out` with every white-space run (NBSP, U+3000 included)
// folded to one ASCII space and both ends trimmed.
void AppendFolded(std::string_view line, std::string* out);
std::string FoldSpace(std::string_view line);
// Writes the folded form of `line` to `out`, which must have room for
// line.size() bytes (folding never lengthens a line); returns its length.
size_t FoldInto(std::string_view line, char* out);

// True when the line, once a trailing credit in brackets ("[REUTERS]",
// "[페이스북 캡처]") is set aside, ends in . ? ! … or a closing quote, or (long
// Korean lines) in the syllable 다.
bool EndsLikeSentence(std::string_view line);

// Computes the shape of a trimmed line. Single pass over the code points.
LineShape AnalyzeLine(std::string_view line);

// Prose: sentence-final and long enough to be a sentence (at least four words
// and 20 code points; Korean: three words and 14 code points).
bool IsProse(const LineShape& shape);

// ASCII lower-casing of a copy (other bytes unchanged).
std::string AsciiLower(std::string_view text);
// Writes AsciiLower(text) to `out`, which must have room for text.size() bytes.
void AsciiLowerInto(std::string_view text, char* out);

}  // namespace tg::text
