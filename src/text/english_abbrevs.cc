// Word lists for English sentence splitting: period-final abbreviations,
// initialisms, sentence openers, hyphen suffixes after names. Written for
// tiegraph from English usage in business news.
#include "text/english_abbrevs.h"

namespace tg::text::abbrevs {
namespace {

struct Abbrev {
  std::string_view word;
  AbbrevClass cls;
};

// Period-final abbreviations in English business news (without the period).
constexpr Abbrev kAbbrevs[] = {
    {"Mr", AbbrevClass::kNever},    {"Mrs", AbbrevClass::kNever},    {"Ms", AbbrevClass::kNever},
    {"Dr", AbbrevClass::kNever},    {"Prof", AbbrevClass::kNever},   {"St", AbbrevClass::kNever},
    {"Mt", AbbrevClass::kNever},    {"Ft", AbbrevClass::kNever},     {"Gov", AbbrevClass::kNever},
    {"Sen", AbbrevClass::kNever},   {"Rep", AbbrevClass::kNever},    {"Gen", AbbrevClass::kNever},
    {"Lt", AbbrevClass::kNever},    {"Col", AbbrevClass::kNever},    {"Capt", AbbrevClass::kNever},
    {"Sgt", AbbrevClass::kNever},   {"Rev", AbbrevClass::kNever},    {"Hon", AbbrevClass::kNever},
    {"Pres", AbbrevClass::kNever},  {"Supt", AbbrevClass::kNever},   {"vs", AbbrevClass::kNever},
    {"etc", AbbrevClass::kMayEnd},  {"approx", AbbrevClass::kNever}, {"Jan", AbbrevClass::kMayEnd},
    {"Feb", AbbrevClass::kMayEnd},  {"Mar", AbbrevClass::kMayEnd},   {"Apr", AbbrevClass::kMayEnd},
    {"Jun", AbbrevClass::kMayEnd},  {"Jul", AbbrevClass::kMayEnd},   {"Aug", AbbrevClass::kMayEnd},
    {"Sep", AbbrevClass::kMayEnd},  {"Sept", AbbrevClass::kMayEnd},  {"Oct", AbbrevClass::kMayEnd},
    {"Nov", AbbrevClass::kMayEnd},  {"Dec", AbbrevClass::kMayEnd},   {"Corp", AbbrevClass::kMayEnd},
    {"Inc", AbbrevClass::kMayEnd},  {"Co", AbbrevClass::kMayEnd},    {"Ltd", AbbrevClass::kMayEnd},
    {"Bros", AbbrevClass::kMayEnd}, {"Jr", AbbrevClass::kMayEnd},    {"Sr", AbbrevClass::kMayEnd},
    {"Cos", AbbrevClass::kMayEnd},  {"Plc", AbbrevClass::kMayEnd},   {"No", AbbrevClass::kNumeric},
    {"Nos", AbbrevClass::kNumeric}, {"Vol", AbbrevClass::kNumeric},  {"p", AbbrevClass::kNumeric},
    {"pp", AbbrevClass::kNumeric},  {"Fig", AbbrevClass::kNumeric},
};

// Dotted initialisms that commonly close a sentence ("... in the U.S.").
constexpr std::string_view kEndingInitialisms[] = {"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.",
                                                   "a.m.", "p.m.", "D.C.", "A.M.", "P.M."};

// Capitalised words that typically open a sentence: after a "may end"
// abbreviation ("... Samsung Electronics Co. The company ..."), one of these
// confirms the end.
constexpr std::string_view kSentenceOpeners[] = {
    "The",   "He",    "She",  "It",        "They",    "We",      "I",          "In",
    "But",   "A",     "An",   "This",      "That",    "These",   "Those",      "On",
    "At",    "For",   "Its",  "His",       "Her",     "Their",   "Our",        "As",
    "After", "And",   "So",   "Meanwhile", "However", "Shares",  "If",         "When",
    "While", "There", "Some", "According", "Last",    "Earlier", "Separately", "Analysts",
    "Both",  "Since", "With", "Under",     "Despite", "Yet"};

// Words written after a hyphen following a name: "Seoul-based".
constexpr std::string_view kNameSuffixes[] = {
    "based",    "led",        "backed",     "owned",   "made",          "born",      "listed",
    "linked",   "controlled", "affiliated", "funded",  "headquartered", "focused",   "bound",
    "style",    "era",        "themed",     "related", "centric",       "dominated", "run",
    "operated", "sponsored",  "built",      "friendly"};

template <typename List>
bool Contains(const List& list, std::string_view word) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace

AbbrevClass LookupAbbrev(std::string_view word) {
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z')
    return AbbrevClass::kNever;  // initial "Y."
  for (const Abbrev& a : kAbbrevs) {
    if (a.word == word) return a.cls;
  }
  return AbbrevClass::kNone;
}

AbbrevClass InitialismClass(std::string_view word) {
  return Contains(kEndingInitialisms, word) ? AbbrevClass::kMayEnd : AbbrevClass::kNever;
}

bool IsSentenceOpener(std::string_view word) { return Contains(kSentenceOpeners, word); }

bool IsNameSuffix(std::string_view word) { return Contains(kNameSuffixes, word); }

}  // namespace tg::text::abbrevs
