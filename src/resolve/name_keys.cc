#include "resolve/name_keys.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "resolve/korean_names.h"
#include "resolve/name_units.h"

namespace tg::resolve::names {
namespace {

constexpr size_t kKeyClasses = 3;
constexpr size_t kLongKeyClasses = 4;
constexpr int kMaxVariants = 8;  // skeletons read from one starting token

// The classes a unit may stand for: none (vowels, h, initials), one, or two
// (a soft g is ㄱ or ㅈ, th is ㅅ or ㄷ); `skippable` when the matcher lets it
// go cheaply (r after a vowel, ㄹ of 르).
struct Classes {
  std::array<char, 2> c{};
  int n = 0;
  bool skippable = true;
};

char ClassOf(uint8_t cons) {
  switch (cons) {
    case kG:
    case kK:
      return 'K';
    case kD:
    case kT:
      return 'T';
    case kB:
    case kP:
    case kF:
    case kV:
      return 'P';
    case kS:
    case kZ:
    case kJ:
    case kCh:
    case kSh:
    case kTs:
      return 'S';
    case kTh:
      return 'T';
    case kL:
    case kR:
      return 'L';
    case kM:
      return 'M';
    case kN:
    case kNg:
      return 'N';
    default:
      return 0;  // h
  }
}

Classes UnitClasses(const Phonetic& p, int k) {
  const Unit& u = p.units[k];
  Classes out;
  if (u.has(kInitial)) return out;
  if (u.kind == UnitKind::kDigit || u.kind == UnitKind::kLetter) {
    out.c[out.n++] = static_cast<char>(u.code);
    out.skippable = false;
    return out;
  }
  if (u.kind != UnitKind::kCons) return out;
  if (u.hangul() && u.has(kOptional)) return out;  // a final doubling the next initial
  const char c = ClassOf(u.code);
  if (c == 0) return out;
  // A consonant right after one of its class reads as one (Han-na ~ 한나).
  if (k > 0 && p.units[k - 1].kind == UnitKind::kCons && !p.units[k - 1].has(kInitial) &&
      ClassOf(p.units[k - 1].code) == c &&
      !(p.units[k - 1].hangul() && p.units[k - 1].has(kOptional))) {
    return out;
  }
  out.c[out.n++] = c;
  out.skippable = false;
  if ((u.code == kG && u.has(kSoft)) || u.code == kTh) out.c[out.n++] = 'S';
  if (!u.hangul() && u.has(kOptional)) out.skippable = true;
  if (u.hangul() && u.code == kL && k + 1 < p.size) {
    const Unit& next = p.units[k + 1];
    if (next.kind == UnitKind::kVowel && next.code == kVowelEu && next.has(kOptional)) {
      out.skippable = true;
    }
  }
  return out;
}

void Collect(const Phonetic& p, int k, int end, size_t length, std::string* cur,
             std::vector<std::string>* out) {
  if (static_cast<int>(out->size()) >= kMaxVariants) return;
  if (cur->size() == length || k >= end) {
    if (!cur->empty()) out->push_back(*cur);
    return;
  }
  const Classes cl = UnitClasses(p, k);
  // Latin ng before a vowel may be n + g (Hangyeol ~ 한결) as well as ng.
  const Unit& u = p.units[k];
  if (!u.hangul() && u.kind == UnitKind::kCons && u.code == kNg && cl.n == 1 && k + 1 < end &&
      p.units[k + 1].kind == UnitKind::kVowel && cur->size() + 2 <= length) {
    cur->append("NK");
    Collect(p, k + 1, end, length, cur, out);
    cur->resize(cur->size() - 2);
  }
  if (p.units[k].kind == UnitKind::kConcept) {
    Collect(p, k + 1, end, length, cur, out);
    return;
  }
  for (int i = 0; i < cl.n; ++i) {
    cur->push_back(cl.c[i]);
    Collect(p, k + 1, end, length, cur, out);
    cur->pop_back();
  }
  if (cl.skippable) Collect(p, k + 1, end, length, cur, out);
}

// Skeletons read from each token's start through the name's end, and (with
// `alone`) from each token alone. Only the whole name's reading may be shorter than two classes, so
// one-consonant words make no huge blocks.
void SkeletonKeys(const Phonetic& p, std::string_view prefix, std::vector<std::string>* keys,
                  bool alone) {
  std::vector<std::string> found;
  std::string cur;
  for (int t = 0; t < p.tokens; ++t) {
    found.clear();
    Collect(p, p.token_begin[t], p.size, kKeyClasses, &cur, &found);
    const size_t through_end = found.size();
    if (alone) Collect(p, p.token_begin[t], p.token_begin[t + 1], kKeyClasses, &cur, &found);
    for (size_t i = 0; i < found.size(); ++i) {
      if (found[i].size() >= 2 || (t == 0 && i < through_end)) {
        keys->push_back(std::string(prefix) + found[i]);
      }
    }
  }
  bool any = false;
  for (int k = 0; k < p.size && !any; ++k) any = UnitClasses(p, k).n > 0;
  if (!any && p.size > 0) keys->push_back(std::string(prefix));  // Huawei, 화웨이
}

// The whole name's longer reading (four classes): what a Korean name shares
// with a foreign one it transcribes (시진핑 ~ Xi Jinping, Tim Lee ~ 팀 리)
// without the big blocks three classes make among Korean names. Korean names
// in Hangul get "pk:", Korean names in Latin "pl:", other persons both, so
// Korean names in the two scripts do not meet here (they meet on "k:").
void LongKeys(const Phonetic& p, std::string_view prefix, std::vector<std::string>* keys) {
  std::vector<std::string> found;
  std::string cur;
  if (p.tokens > 0) Collect(p, 0, p.size, kLongKeyClasses, &cur, &found);
  for (const std::string& f : found) keys->push_back(std::string(prefix) + f);
}

// "k:" + surname group + each reading of the given name.
void FamilyKeys(int group, const Phonetic& given, std::vector<std::string>* keys) {
  std::vector<std::string> found;
  std::string cur;
  Collect(given, 0, given.size, kKeyClasses, &cur, &found);
  if (found.empty()) found.emplace_back();
  for (const std::string& f : found) keys->push_back("k:" + std::to_string(group) + ":" + f);
}

}  // namespace

std::vector<std::string> BlockingKeysOf(std::string_view name, bool org, bool other_script,
                                        const NameTables& tables) {
  std::vector<std::string> keys;
  if (!other_script) {
    ParseOptions options;
    options.org = org;
    Phonetic p;
    Parse(name, tables, options, &p);
    KoreanName korean;
    const bool latin_only = p.has_latin && !p.has_hangul;
    if (!org && SplitKoreanName(name, tables, &korean)) {
      // A Korean name: the family key (surname group + given name), and the
      // whole name's long reading for transcriptions (시진핑 ~ Xi Jinping). No
      // shorter keys: Korean names share few surnames and short given names.
      Phonetic given;
      AppendHangul(korean.given, 0, &given);
      Finish(&given);
      FamilyKeys(tables.surname(korean.surname).group, given, &keys);
      LongKeys(p, "pk:", &keys);
    } else if (!org && latin_only && LatinKoreanShaped(name, tables)) {
      // A Latin name of Korean shape: family keys for either end as surname,
      // and the whole name's long reading for Hangul transcriptions (Tim Lee ~ 팀 리).
      for (bool surname_first : {true, false}) {
        int group = -1;
        const std::string given_text = LatinGivenName(name, surname_first, tables, &group);
        if (given_text.empty()) continue;
        Phonetic given;
        std::string_view rest = given_text;
        while (!rest.empty()) {  // syllables apart, as the matcher reads them (Han-gyeol)
          const size_t dash = rest.find('-');
          AppendLatinWord(rest.substr(0, dash), 0, tables, &given);
          rest = dash == std::string_view::npos ? std::string_view() : rest.substr(dash + 1);
        }
        Finish(&given);
        FamilyKeys(group, given, &keys);
      }
      LongKeys(p, "pl:", &keys);
    } else {
      SkeletonKeys(p, "p:", &keys, /*alone=*/true);
      if (!org) {
        LongKeys(p, "pk:", &keys);
        LongKeys(p, "pl:", &keys);
      }
    }
    if (org) {
      options.concepts = true;
      Phonetic c;
      Parse(name, tables, options, &c);
      std::vector<int> strong;
      for (int k = 0; k < c.size; ++k) {
        const Unit& u = c.units[k];
        if (u.kind == UnitKind::kConcept && tables.concept_kind(u.code) == ConceptKind::kStrong) {
          strong.push_back(u.code);
        }
      }
      if (!strong.empty()) {
        std::sort(strong.begin(), strong.end());
        strong.erase(std::unique(strong.begin(), strong.end()), strong.end());
        std::string prefix = "c:";
        for (int id : strong) prefix += tables.concept_name(id) + ",";
        std::vector<std::string> residue;
        SkeletonKeys(c, prefix + ":", &residue, /*alone=*/true);
        if (residue.empty()) keys.push_back(prefix);
        keys.insert(keys.end(), residue.begin(), residue.end());
      }
    }
  }
  if (keys.empty()) {
    // No consonants to read (other scripts, vowel-only names): the folded text.
    std::string folded = "x:";
    size_t pos = 0;
    while (pos < name.size()) {
      const size_t at = pos;
      const char32_t cp = NextCodePoint(name, &pos);
      const char c = FoldLatin(cp);
      if (c != 0)
        folded += c;
      else if (cp >= 0x80)
        folded.append(name.substr(at, pos - at));
      else if (cp >= '0' && cp <= '9')
        folded += static_cast<char>(cp);
    }
    keys.push_back(folded);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace tg::resolve::names
