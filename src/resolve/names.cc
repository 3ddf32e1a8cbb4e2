#include "resolve/names.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "resolve/align.h"
#include "resolve/korean_names.h"
#include "resolve/name_keys.h"
#include "resolve/name_tables.h"
#include "resolve/name_units.h"

namespace tg::resolve {
namespace {

using names::Aligner;
using names::AlignMode;
using names::Phonetic;
using names::TokenCosts;

// Score = 1 - scale * cost / length. The scale sets how much one unit of cost
// weighs per script pair: a Hangul transcription of an English name carries
// more slack (epenthetic vowels, vowel guesses) than two Latin spellings.
constexpr double kCrossScale = 1.0;
constexpr double kLatinScale = 2.0;
constexpr double kHangulScale = 1.6;
constexpr double kKoreanLookingBoost = 1.5;
constexpr double kTokenSlack = 0.1;
// Alignment scores under this are reported as 0 (and cost less to compute).
constexpr double kScoreFloor = 0.4;
// Organisation names share words (Hyundai Mobis, Hyundai Glovis): less slack.
constexpr double kOrgBoost = 1.2;
// Caps that keep the methods ordered: exact 1, variants ~0.95, the rest below.
constexpr double kVariantScore = 0.97;
constexpr double kReorderedScore = 0.96;
constexpr double kKoreanVariantCap = 0.95;
constexpr double kSameScriptCap = 0.94;
constexpr double kCrossCap = 0.98;

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x3000;
}

constexpr std::string_view kLegalForms[] = {
    "the", "inc",     "incorporated", "corp", "corporation", "co", "company",
    "ltd", "limited", "llc",          "plc",  "주식회사",    "주"};

// A name read once for the cheap comparisons: the exact key (case, accents and
// runs of spaces folded, the rest kept), the compact key (letters and digits
// only, tokens split at spaces and punctuation, organisations without legal
// forms) in writing order and with tokens sorted, and the script.
struct Surface {
  std::array<char, 256> exact;
  size_t exact_size = 0;
  std::array<char, 256> compact;
  size_t compact_size = 0;
  std::array<char, 272> sorted;
  size_t sorted_size = 0;
  Script script = Script::kOther;

  std::string_view Exact() const { return {exact.data(), exact_size}; }
  std::string_view Compact() const { return {compact.data(), compact_size}; }
  std::string_view Sorted() const { return {sorted.data(), sorted_size}; }
};

void ReadSurface(std::string_view s, bool org, Surface* out) {
  std::array<char, 256> buf;
  std::array<std::string_view, 16> tokens;
  size_t used = 0, begin = 0;
  int n = 0;
  auto close = [&]() {
    if (used > begin && n < 16) tokens[n++] = std::string_view(buf.data() + begin, used - begin);
    begin = used;
  };
  auto put = [&](std::array<char, 256>& dst, size_t& size, char c) {
    if (size < dst.size()) dst[size++] = c;
  };
  bool latin = false, hangul = false, other = false, pending_space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t at = pos;
    const char32_t cp = names::NextChar(s, &pos);
    if (IsSpace(cp)) {
      pending_space = out->exact_size > 0;
      close();
      continue;
    }
    if (pending_space) put(out->exact, out->exact_size, ' ');
    pending_space = false;
    const char folded = names::FoldLatin(cp);
    if (folded != 0) {
      latin = true;
      put(out->exact, out->exact_size, folded);
      put(buf, used, folded);
      continue;
    }
    for (size_t k = at; k < pos; ++k) put(out->exact, out->exact_size, s[k]);
    if (cp >= '0' && cp <= '9') {
      put(buf, used, static_cast<char>(cp));
    } else if (cp >= 0x80 && !names::IsWideSymbol(cp)) {
      if (IsHangul(cp))
        hangul = true;
      else
        other = true;
      for (size_t k = at; k < pos; ++k) put(buf, used, s[k]);
    } else if (cp != '.' && cp != '\'') {
      close();  // hyphens and other punctuation end a token
    }
  }
  close();
  if (org) {
    int kept = 0;
    for (int i = 0; i < n; ++i) {
      if (std::find(std::begin(kLegalForms), std::end(kLegalForms), tokens[i]) ==
          std::end(kLegalForms)) {
        tokens[kept++] = tokens[i];
      }
    }
    if (kept > 0) n = kept;
  }
  for (int i = 0; i < n; ++i) {
    for (char c : tokens[i]) put(out->compact, out->compact_size, c);
  }
  std::sort(tokens.begin(), tokens.begin() + n);
  for (int i = 0; i < n; ++i) {
    for (char c : tokens[i]) {
      if (out->sorted_size < out->sorted.size()) out->sorted[out->sorted_size++] = c;
    }
    if (out->sorted_size < out->sorted.size()) out->sorted[out->sorted_size++] = '|';
  }
  out->script = other             ? Script::kOther
                : latin && hangul ? Script::kMixed
                : hangul          ? Script::kHangul
                : latin           ? Script::kLatin
                                  : Script::kOther;
}

// How much one unit of alignment cost weighs for this pair of names.
double Scale(const Phonetic& a, const Phonetic& b, double boost) {
  if (!a.has_hangul && !b.has_hangul) return kLatinScale;
  if (a.has_hangul && b.has_hangul) return kHangulScale;
  return kCrossScale * boost;
}

double LengthScore(float cost, float weight, double scale) {
  return std::clamp(1.0 - scale * cost / (0.5 + weight), 0.0, 1.0);
}

// Score of the best alignment over token orders of one side (the Latin one
// when the other is Hangul): all orders up to three tokens, else reversals and
// rotations. The score is the whole names' fit, but no better than the worst
// token's fit plus kTokenSlack, so a shared given name (Jim Keller, Jim
// Farley) cannot carry a different surname. Returns 0 for anything below
// `floor` without finishing the alignments (branch and bound over orders).
double AlignScore(const Phonetic& a, const Phonetic& b, const names::NameTables& t, double boost,
                  double floor) {
  const bool permute_a = b.has_hangul && !a.has_hangul;
  const Phonetic& fixed = permute_a ? b : a;
  const Phonetic& moving = permute_a ? a : b;
  const double scale = Scale(a, b, boost);
  const float norm = 0.5f + 0.5f * (a.weight + b.weight);
  float budget = static_cast<float>((1.0 - floor) * norm / scale);

  Aligner first(AlignMode::kTranscribe, t), second(AlignMode::kTranscribe, t);
  Aligner* best_aligner = &first;
  Aligner* spare_aligner = &second;
  Phonetic buffers[2];
  const Phonetic* best_moving = &moving;
  auto run = [&](Aligner* al, const Phonetic& m, float limit) {
    return permute_a ? al->Run(m, fixed, limit) : al->Run(fixed, m, limit);
  };
  float best = run(best_aligner, moving, budget);
  if (best <= budget) budget = best;
  const int n = moving.tokens;
  std::array<uint8_t, names::kMaxTokens> order;
  for (int i = 0; i < n; ++i) order[i] = static_cast<uint8_t>(i);
  int next_buffer = 0;
  auto try_order = [&]() {
    Phonetic& trial = buffers[next_buffer];
    names::Reorder(moving, order.data(), &trial);
    const float c = run(spare_aligner, trial, budget);
    if (c < best) {
      best = c;
      budget = std::min(budget, c);
      std::swap(best_aligner, spare_aligner);
      best_moving = &trial;
      next_buffer ^= 1;
    }
  };
  if (n >= 2 && n <= 3) {
    while (std::next_permutation(order.begin(), order.begin() + n)) try_order();
  } else if (n > 3) {
    std::reverse(order.begin(), order.begin() + n);
    try_order();
    for (int r = 0; r < 2; ++r) {
      for (int i = 0; i < n; ++i) order[i] = static_cast<uint8_t>((i + (r == 0 ? 1 : n - 1)) % n);
      try_order();
    }
  }
  double score = LengthScore(best, norm - 0.5f, scale);
  if (score < floor) return 0;
  if (a.tokens < 2 && b.tokens < 2) return score;
  TokenCosts moving_costs, fixed_costs;
  if (permute_a)
    best_aligner->Attribute(&moving_costs, &fixed_costs);
  else
    best_aligner->Attribute(&fixed_costs, &moving_costs);
  auto worst_token = [&](const Phonetic& p, const TokenCosts& costs) {
    if (p.tokens < 2) return;
    for (int k = 0; k < p.tokens; ++k) {
      if (p.token_weight[k] < 0.5f) continue;  // initials
      score = std::min(score, LengthScore(costs[k], p.token_weight[k], scale) + kTokenSlack);
    }
  };
  worst_token(*best_moving, moving_costs);
  worst_token(fixed, fixed_costs);
  return score;
}

}  // namespace

Script ScriptOf(std::string_view name) {
  Surface surface;
  ReadSurface(name, false, &surface);
  return surface.script;
}

const char* MatchMethodName(MatchMethod method) {
  switch (method) {
    case MatchMethod::kExact:
      return "exact";
    case MatchMethod::kVariant:
      return "variant";
    case MatchMethod::kRomanization:
      return "romanization";
    case MatchMethod::kTranscription:
      return "transcription";
    default:
      return "none";
  }
}

NameMatcher::NameMatcher(std::shared_ptr<const names::NameTables> tables)
    : tables_(std::move(tables)) {}

Result<NameMatcher> NameMatcher::Load(const std::string& data_dir) {
  TG_ASSIGN_OR_RETURN(std::shared_ptr<const names::NameTables> tables,
                      names::NameTables::Load(data_dir));
  return NameMatcher(std::move(tables));
}

NameMatch NameMatcher::Match(std::string_view a, std::string_view b, std::string_view type) const {
  const names::NameTables& t = *tables_;
  const bool org = type == "ORG";
  Surface surface_a, surface_b;
  ReadSurface(a, org, &surface_a);
  ReadSurface(b, org, &surface_b);
  if (surface_a.exact_size > 0 && surface_a.Exact() == surface_b.Exact()) {
    return {1.0, MatchMethod::kExact};
  }
  if (surface_a.compact_size > 0) {
    if (surface_a.Compact() == surface_b.Compact()) return {kVariantScore, MatchMethod::kVariant};
    if (surface_a.Sorted() == surface_b.Sorted()) return {kReorderedScore, MatchMethod::kVariant};
  }
  const Script sa = surface_a.script;
  const Script sb = surface_b.script;
  if (sa == Script::kOther || sb == Script::kOther) return {};
  NameMatch best;
  auto consider = [&](double score, MatchMethod method) {
    if (score > best.score) best = {score, method};
  };

  bool korean_looking = false;  // one side reads as a Korean name, the other does not
  if (!org) {
    names::KoreanName ka, kb;
    const bool a_korean = sa == Script::kHangul && names::SplitKoreanName(a, t, &ka);
    const bool b_korean = sb == Script::kHangul && names::SplitKoreanName(b, t, &kb);
    if (a_korean && b_korean) {
      // Hangul spells a Korean given name one way: it must be the same, and
      // the surnames one family name (이/리, 노/로 ...).
      const bool same =
          ka.given == kb.given && t.surname(ka.surname).group == t.surname(kb.surname).group;
      return same ? NameMatch{kKoreanVariantCap, MatchMethod::kVariant} : NameMatch{};
    }
    // A Korean name against a Latin name of Korean shape (a surname spelling
    // first or last) is decided by romanisation alone: Park Ji-hoon must not
    // pass for 박재현 by sounding close.
    if ((a_korean && sb == Script::kLatin) || (b_korean && sa == Script::kLatin)) {
      const names::KoreanName& k = a_korean ? ka : kb;
      const std::string_view latin = a_korean ? b : a;
      consider(std::min(names::MatchKoreanToLatin(k, latin, t).score, kCrossCap),
               MatchMethod::kRomanization);
      if (names::LatinKoreanShaped(latin, t)) return best;
      korean_looking = true;
    } else if ((sa == Script::kLatin && sb == Script::kHangul && names::LatinKoreanShaped(a, t)) ||
               (sb == Script::kLatin && sa == Script::kHangul && names::LatinKoreanShaped(b, t))) {
      korean_looking = true;  // Jang Ye-rin is no transcription of 천웨이린
    }
    if (sa == Script::kLatin && sb == Script::kLatin) {
      const names::RomanScore r = names::MatchLatinKorean(a, b, t);
      if (r.applicable) {
        consider(std::min(r.score, kKoreanVariantCap), MatchMethod::kVariant);
        return best;
      }
    }
  }

  // Alignment of sound units, token order free. Organisations also compare
  // translated words by meaning (전자 = Electronics) when both names have some.
  names::ParseOptions options;
  options.org = org;
  options.concepts = org;
  Phonetic pa, pb;
  names::Parse(a, t, options, &pa);
  names::Parse(b, t, options, &pb);
  double score = 0;
  const double boost = org ? kOrgBoost : korean_looking ? kKoreanLookingBoost : 1.0;
  if (pa.concepts > 0 && pb.concepts > 0) {
    score = AlignScore(pa, pb, t, boost, kScoreFloor);
  }
  if (pa.concepts > 0 || pb.concepts > 0) {
    // Also as plain sounds: Hanwha Ocean ~ 한화오션 transcribes what 한화해양 translates.
    options.concepts = false;
    if (pa.concepts > 0) names::Parse(a, t, options, &pa);
    if (pb.concepts > 0) names::Parse(b, t, options, &pb);
  }
  if (pa.size > 0 && pb.size > 0) {
    // 시진핑 may be Xi Jinping, but a name that reads as Korean needs a closer fit.
    score = std::max(score, AlignScore(pa, pb, t, boost, std::max(score, kScoreFloor)));
  }
  if (pa.has_hangul != pb.has_hangul) {
    consider(std::min(score, kCrossCap), MatchMethod::kTranscription);
  } else {
    consider(std::min(score, kSameScriptCap), MatchMethod::kVariant);
  }
  return best;
}

std::vector<std::string> NameMatcher::BlockingKeys(std::string_view name,
                                                   std::string_view type) const {
  return names::BlockingKeysOf(name, type == "ORG", ScriptOf(name) == Script::kOther, *tables_);
}

std::string NameMatcher::Romanize(std::string_view hangul) const {
  names::KoreanName k;
  if (!names::SplitKoreanName(hangul, *tables_, &k)) return {};
  return names::RomanizeKoreanName(k, *tables_);
}

}  // namespace tg::resolve
