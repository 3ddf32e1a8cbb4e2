// Organisation contexts. Both scans walk the tokens once per sentence:
//   NAME , who (runs|heads|leads|founded|co-founded|chairs|owns) [the] CAPS
//   CAPS , (a|an|the) [word ...] TRADE-NOUN
//   business-noun CAPS ("display maker Hyeonam Optics", "conglomerate X")
// where CAPS is a run of capitalised Latin words (with "&", "-" joins).
#include "extract/org_context.h"

#include <algorithm>
#include <string_view>

#include "core/word_list.h"
#include "extract/given_names.h"
#include "extract/mention_rules.h"
#include "extract/titles.h"

namespace tg::extract {
namespace {

using text::Token;
using text::TokenKind;

bool IsCapitalizedWord(std::string_view text, const Token& t) {
  const std::string_view w = t.In(text);
  return t.kind == TokenKind::kWord && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
}

bool IsLowerWord(std::string_view text, const Token& t) {
  const std::string_view w = t.In(text);
  return t.kind == TokenKind::kWord && !w.empty() && w[0] >= 'a' && w[0] <= 'z';
}

// "the company Monday said" (wire style): a weekday is no name.
bool IsWeekdayName(std::string_view w) {
  static constexpr std::string_view kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                               "Friday", "Saturday", "Sunday"};
  return std::find(std::begin(kDays), std::end(kDays), w) != std::end(kDays);
}

// Business nouns that are also people's trades.
bool IsPersonTrade(std::string_view w) {
  return w == "trader" || w == "publisher" || w == "producer" || w == "miner";
}

// A capitalised run [b, e) that modifies the noun after it ("enterprise AI
// lab", "the firm's HBM4 commitment"): one all-capitals word before a
// lower-case word that is no verb or function word.
bool IsModifierRun(std::string_view text, const std::vector<Token>& tokens, size_t b, size_t e,
                   size_t last) {
  if (e != b + 1 || e >= last || !IsLowerWord(text, tokens[e])) return false;
  const std::string_view w = tokens[b].In(text);
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
  }
  static constexpr std::string_view kAfterName[] = {
      "said", "says", "and", "or", "of", "in", "on", "at", "to", "for", "with", "has",
      "have", "had", "is", "was", "will", "would", "which", "that", "as", "from", "by"};
  const std::string_view next = tokens[e].In(text);
  return std::find(std::begin(kAfterName), std::end(kAfterName), next) == std::end(kAfterName);
}

bool IsEmployerVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {"runs", "heads", "leads", "founded", "co-founded",
                                                "chairs", "owns", "ran", "headed", "led",
                                                "cofounded", "manages", "oversees"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

// A capitalised run from token k within [k, last): its exclusive end (k when none).
// "Two-Wheelers" and "Smith & Sons" stay one name.
size_t CapsRunEnd(std::string_view text, const std::vector<Token>& tokens, size_t k, size_t last) {
  size_t e = k;
  while (e < last) {
    if (IsCapitalizedWord(text, tokens[e])) {
      ++e;
      continue;
    }
    // A glued hyphen or any ampersand between capitalised words.
    const std::string_view w = tokens[e].In(text);
    const bool joins = e > k && e + 1 < last && IsCapitalizedWord(text, tokens[e + 1]) &&
                       ((w == "-" && !tokens[e + 1].space_before) || w == "&");
    if (!joins) break;
    ++e;
  }
  return e;
}

}  // namespace

bool IsBusinessNoun(std::string_view w) {
  static const WordList kNouns = {
      "firm", "company", "group", "giant", "startup", "start-up", "bank", "conglomerate",
      "subsidiary", "affiliate", "platform", "chain", "studio", "agency", "operator", "lender",
      "insurer", "carrier", "utility", "brand", "consultancy", "business", "enterprise",
      "cooperative", "exchange", "newspaper", "broadcaster", "university", "institute",
      "foundation", "maker", "manufacturer", "supplier", "producer", "retailer", "distributor",
      "smelter", "refiner", "recycler", "miner", "exporter", "importer", "publisher",
      "wholesaler", "shipper", "shipbuilder", "automaker", "carmaker", "chipmaker", "drugmaker",
      "steelmaker", "fabless", "foundry", "conglomerate", "trader", "unicorn", "incumbent"};
  return kNouns.Contains(w);
}

bool IsTradeNoun(std::string_view w) {
  if (IsBusinessNoun(w)) return true;
  // Agent nouns of trade after "of": "chairman of nickel smelter X", "of
  // game developer X". (In apposition they may describe people: a banker.)
  const auto ends = [&](std::string_view e) {
    return w.size() > e.size() + 2 && w.substr(w.size() - e.size()) == e;
  };
  return ends("er") || ends("or") || ends("ers") || ends("ors");
}

std::vector<Span> FindOrgContexts(std::string_view text, const text::Analysis& analysis) {
  const std::vector<Token>& tokens = analysis.tokens;
  std::vector<Span> out;
  for (const text::Sentence& s : analysis.sentences) {
    const size_t first = s.first_token, last = s.last_token;
    for (size_t k = first; k + 2 < last; ++k) {
      const std::string_view w = tokens[k].In(text);
      // ", who runs Deccan Two-Wheelers"
      if (w == "who" && k > first && tokens[k - 1].In(text) == "," &&
          IsEmployerVerb(tokens[k + 1].In(text))) {
        size_t b = k + 2;
        if (b < last && tokens[b].In(text) == "the") ++b;
        const size_t e = CapsRunEnd(text, tokens, b, last);
        // A possessive ("who runs Samsung's foundry") names the owner, not a person: keep it too.
        if (e > b) out.push_back({tokens[b].begin, tokens[e - 1].end});
        continue;
      }
      // "Korean display maker Hyeonam Optics": a lower-case business noun
      // right before a capitalised run that starts with no title or month.
      // (Not a trade that names people: "commodities trader Lee Ha-neul".)
      if (IsBusinessNoun(w) && !IsPersonTrade(w) && IsLowerWord(text, tokens[k]) &&
          tokens[k + 1].space_before && LookupTitle(text, tokens[k + 1].begin).length == 0 &&
          !IsEnglishMonthName(tokens[k + 1].In(text)) && !IsWeekdayName(tokens[k + 1].In(text))) {
        const size_t e = CapsRunEnd(text, tokens, k + 1, last);
        // A known given name leading two or three words is a person after
        // an agent noun ("distributor Nathaniel Brooks").
        const bool person = e - (k + 1) >= 2 && e - (k + 1) <= 3 &&
                            IsKnownGivenName(tokens[k + 1].In(text));
        if (e > k + 1 && e - (k + 1) <= 4 && !person && !IsModifierRun(text, tokens, k + 1, e, last)) {
          out.push_back({tokens[k + 1].begin, tokens[e - 1].end});
        }
      }
      // "Lotus Silicon, a Vietnamese design services firm"
      if (w == "," && k > first && k + 2 < last) {
        const std::string_view det = tokens[k + 1].In(text);
        if (det != "a" && det != "an" && det != "the") continue;
        // Up to five lowercase or capitalised describing words, then the noun.
        // ("the head of Yeonhwa's European business" names a role: no "of",
        // possessive or title may come before the noun.)
        size_t e = k + 2;
        while (e < last && e - (k + 2) < 5 && tokens[e].kind == TokenKind::kWord &&
               !IsBusinessNoun(tokens[e].In(text)) && tokens[e].In(text) != "of" &&
               LookupTitle(text, tokens[e].begin).length == 0) {
          ++e;
        }
        if (e >= last || !IsBusinessNoun(tokens[e].In(text))) continue;
        // The noun must end the description ("a maker of ..." is fine, "a
        // company spokesman" is a person).
        static constexpr std::string_view kAfterNoun[] = {"of", "that", "which", "based",
                                                          "in", "with", "and"};
        if (e + 1 < last && IsLowerWord(text, tokens[e + 1]) &&
            std::find(std::begin(kAfterNoun), std::end(kAfterNoun), tokens[e + 1].In(text)) ==
                std::end(kAfterNoun)) {
          continue;
        }
        // The name ends at the comma: walk back over its capitalised words.
        size_t b = k;
        while (b > first && IsCapitalizedWord(text, tokens[b - 1])) --b;
        if (b == k || k - b > 5) continue;
        out.push_back({tokens[b].begin, tokens[k - 1].end});
      }
    }
  }
  return out;
}

}  // namespace tg::extract
