#pragma once
// Cross-script name matching for entity resolution: whether two surface forms
// name the same person or organisation, from the names alone. Handles spelling
// variants within a script ("Lee Jae-yong" = "Jae-yong Lee" = "Lee Jaeyong"),
// Korean names against their romanisations (이재용 ~ "Lee Jae-yong", with the
// surname spellings the press uses), and Hangul transcriptions of foreign
// names against the Latin originals (젠슨 황 ~ "Jensen Huang", 퀄컴 ~ Qualcomm)
// by an alignment of sound units, not a list of names. Approach:
// src/resolve/README.md; calibration: tests/resolve/names_calibration_test.cc.
// A NameMatcher is immutable after Load; share one across threads.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tg::resolve {

namespace names {
class NameTables;
}

enum class Script { kLatin, kHangul, kOther, kMixed };
// The script of a name's letters: kMixed when it has both Latin and Hangul
// ("SK하이닉스", "JD 밴스"), kOther when it has letters of neither or any other.
Script ScriptOf(std::string_view name);

// How two names were found to match.
enum class MatchMethod { kNone, kExact, kVariant, kRomanization, kTranscription };
struct NameMatch {
  double score = 0;
  MatchMethod method = MatchMethod::kNone;
};
const char* MatchMethodName(MatchMethod method);  // "none", "exact", "variant" ...

// Scores at or above this mean "same name"; calibrated on data/kb and the
// pairs in tests/resolve/names_calibration_test.cc (precision and recall
// printed there: 1.00 / 0.98 on 220 person pairs, 1.00 / 0.77 on the KB
// organisations, most of whose Korean names are translations).
inline constexpr double kMatchThreshold = 0.75;

class NameMatcher {
 public:
  // Reads the tables under `data_dir` (the folder holding lexicon/ and kb/):
  // lexicon/ko-romanization/*.tsv and lexicon/ko-surnames/. Fails with
  // kNotFound when a file is missing, kCorrupt on a bad row.
  static Result<NameMatcher> Load(const std::string& data_dir);

  // Score in [0,1] that `a` and `b` name the same PERSON (type "PERSON") or
  // organisation (type "ORG"; any other type is treated as a person), in any
  // scripts. 1 with kExact for the same text up to case, accents and spacing;
  // about 0.95 with kVariant for spellings of one name in one script (token
  // order, hyphens, legal suffixes, surname spellings of one Hangul surname,
  // romanisation variants); kRomanization for a Hangul Korean personal name
  // against a Latin one; kTranscription for other cross-script pairs. Names
  // with letters of other scripts (Han, kana ...) match only exactly or as
  // variants. Scores below 0.4 from the alignment are reported as 0. Cost:
  // 1.5-2 microseconds for a Korean name or a non-match, 2-5 for
  // transcriptions and organisation names (bench/micro_names.cc); no heap
  // use; about 80 KB of stack.
  NameMatch Match(std::string_view a, std::string_view b, std::string_view type) const;

  // Blocking keys for candidate search: two names that Match at or above
  // kMatchThreshold share at least one key (checked on the calibration set).
  // Keys are short consonant-class skeletons ("p:SNS"; Korean names
  // "k:<surname group>:<given name>"), 3 to 4 per name on average, up to
  // about 12 for long organisation names; on 8,000 mixed Korean, romanised
  // and English person names one in 90 pairs shares a key.
  std::vector<std::string> BlockingKeys(std::string_view name, std::string_view type) const;

  // Newspaper-style Latin form of a Hangul Korean personal name ("Lee
  // Jae-yong": the surname's usual spelling, the given name in Revised
  // Romanization, hyphenated), or empty when `hangul` does not look like a
  // Korean personal name (two to four syllables starting with a known surname).
  std::string Romanize(std::string_view hangul) const;

 private:
  explicit NameMatcher(std::shared_ptr<const names::NameTables> tables);
  std::shared_ptr<const names::NameTables> tables_;
};

}  // namespace tg::resolve
