#pragma once
// Tables behind the name matcher (internal to src/resolve): vowel spellings
// with their costs, Korean surnames and their Latin spellings, and the words of
// organisation names that Korean translates. Loaded once from the data
// directory, then immutable; share one `const NameTables` across threads.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tg::resolve::names {

// Hangul vowels in Unicode order (ㅏ=0 ... ㅣ=20), as in a syllable's medial index.
inline constexpr int kHangulVowels = 21;
inline constexpr int kVowelEu = 18;  // ㅡ, the vowel Korean inserts after a final consonant
inline constexpr int kVowelI = 20;   // ㅣ

// A Latin vowel spelling is at most four letters from "aeiouyw"; it is coded
// base 8 (letters 1..7) into an index below kSpellingCodes.
inline constexpr int kMaxSpelling = 4;
inline constexpr int kSpellingCodes = 8 * 8 * 8 * 8;
int VowelLetterCode(char c);  // 1..7 for a e i o u y w, else 0

struct Surname {
  std::string hangul;                  // one or two syllables
  std::vector<std::string> spellings;  // lower case; the first is the usual one
  std::string display;                 // the usual spelling as written ("Lee")
  int group = 0;  // surnames sharing a spelling (이/리, 유/류) share a group
};

enum class ConceptKind : uint8_t { kWeak, kStrong };

struct OrgWord {
  int meaning = 0;
  std::string text;  // Korean form, or English phrase with single spaces
};

class NameTables {
 public:
  // Reads <data_dir>/lexicon/ko-romanization/{vowels,org_words}.tsv and
  // <data_dir>/lexicon/ko-surnames/surnames_romanization.tsv. Fails with
  // kNotFound for a missing file and kCorrupt naming file:line on a bad row.
  static Result<std::shared_ptr<const NameTables>> Load(const std::string& data_dir);

  // Id of a Latin vowel spelling given its code, or -1 when not in the table.
  int SpellingId(int code) const { return spelling_of_code_[code]; }

  // Cost of Hangul vowel `v` written as Latin spelling `id` (-1: unknown).
  // `roman`: as a Korean name's spelling (unlisted ones cost kRomanMiss);
  // else as a transcription (unlisted ones cost kTransMiss).
  float HangulLatin(int v, int id, bool roman) const {
    if (id < 0) return roman ? kRomanMiss : kTransMiss;
    return (roman ? roman_ : trans_)[static_cast<size_t>(v) * spellings_.size() + id];
  }
  // Cost of two Latin spellings writing the same sound: through the Hangul
  // vowel both can write (ay and ae both write ㅐ).
  float LatinLatin(int a, int b, bool roman) const {
    if (a < 0 || b < 0) return a == b && a >= 0 ? 0.0f : (roman ? kRomanMiss : kTransMiss);
    const size_t n = spellings_.size();
    return (roman ? ll_roman_ : ll_trans_)[static_cast<size_t>(a) * n + b];
  }
  // Cost of two Hangul vowels for one sound (올트먼/알트만): through a Latin
  // spelling both can stand for, or 0.2 when only a y-glide differs.
  float HangulHangul(int v1, int v2) const { return hh_[v1][v2]; }
  // Extra cost of spelling `v` as `id` in a syllable with no final: u for ㅓ
  // and ㅡ is common before a final (Sung, Hyun, Seung) but not in 서 or 스.
  float OpenSyllablePenalty(int v, int id) const {
    return id < 0 ? 0.0f : open_penalty_[static_cast<size_t>(v) * spellings_.size() + id];
  }

  // Surnames. `FindSurname` takes one or two Hangul syllables (UTF-8).
  int FindSurname(std::string_view hangul) const;
  // Whether `lower` (lower-case ASCII) is a listed spelling of surname `s`.
  bool Spells(std::string_view lower, int s) const;
  // The group of the surnames `lower` spells (a spelling belongs to one group), or -1.
  int SpellingGroup(std::string_view lower) const;
  const Surname& surname(int i) const { return surnames_[i]; }

  // Organisation words (meanings: concept_kind, concept_name): Korean forms
  // and English phrases, each longest first.
  const std::vector<OrgWord>& korean_org_words() const { return korean_org_words_; }
  const std::vector<OrgWord>& english_org_words() const { return english_org_words_; }
  ConceptKind concept_kind(int meaning) const { return concept_kinds_[meaning]; }
  const std::string& concept_name(int meaning) const { return concept_names_[meaning]; }

  static constexpr float kRomanMiss = 1.0f;
  static constexpr float kTransMiss = 0.6f;

 private:
  NameTables() = default;
  Status LoadVowels(const std::string& path);
  Status LoadSurnames(const std::string& path);
  Status LoadOrgWords(const std::string& path);
  void Derive();

  std::vector<std::string> spellings_;
  std::array<int16_t, kSpellingCodes> spelling_of_code_{};
  std::vector<float> roman_, trans_;        // [vowel][spelling]
  std::vector<float> ll_roman_, ll_trans_;  // [spelling][spelling]
  std::array<std::array<float, kHangulVowels>, kHangulVowels> hh_{};
  std::vector<float> open_penalty_;  // [vowel][spelling]

  std::vector<Surname> surnames_;
  std::vector<std::pair<std::string, int>> surname_by_hangul_;    // sorted
  std::vector<std::pair<std::string, int>> surname_by_spelling_;  // sorted, may repeat

  std::vector<std::string> concept_names_;
  std::vector<ConceptKind> concept_kinds_;
  std::vector<OrgWord> korean_org_words_;
  std::vector<OrgWord> english_org_words_;
};

// Spelling code of `letters` (1..4 vowel letters), or -1 when any letter is not one.
int SpellingCode(std::string_view letters);

}  // namespace tg::resolve::names
