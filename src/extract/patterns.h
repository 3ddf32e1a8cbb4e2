#pragma once
// Business-news patterns around titles and appositions, English and Korean:
//   "Meta CEO Mark Zuckerberg", "SK Group Chairman Chey Tae-won",
//   "Andy Jassy, Amazon's chief executive,", "Mark Zuckerberg, founder and CEO of Meta",
//   "젠슨 황 엔비디아 CEO", "이재용 삼성전자 회장", "최태원 SK그룹 회장과",
//   and short forms "Chairman Lee", "구 회장", "the Meta chief", "the LG chief".
// Each match ties a person span to a title span and, when given, an
// organisation span. Also the title lexicon (chairman, CEO, 회장, 부회장,
// 사장, 대표, 의장, president, prime minister, minister ...). Immutable; thread-safe.
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/entity.h"
#include "text/tokenize.h"

namespace tg::extract {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

enum class RoleForm : uint8_t {
  kFull,        // a full name with its role ("Meta CEO Mark Zuckerberg", "이재용 삼성전자 회장")
  kShortTitle,  // a surname or bare title standing for a person ("Chairman Lee", "구 회장", "the Meta chief")
};

struct RoleMatch {
  RoleForm form = RoleForm::kFull;
  Span person;  // the name as written (full name, or the surname in short forms; empty for "the Meta chief")
  Span title;   // "CEO", "Executive Chairman", "회장", "chief executive"
  Span org;     // "Meta", "SK Group", "삼성전자"; empty when not given
  uint32_t begin = 0;  // the whole construction
  uint32_t end = 0;
};

// Title words and phrases known to the lexicon, as a span lookup: the length in
// bytes of the longest title starting at `pos` on a token boundary, else 0.
size_t MatchTitle(std::string_view text, size_t pos);

// Finds the patterns. `mentions` are the PERSON/ORG/PLACE mentions found so
// far (KB and tagger); patterns use them to place names and organisations,
// and may also find person names the tagger missed ("Tenstorrent CEO Jim
// Keller": two capitalised words after a title; "짐 켈러 텐스토렌트 CEO":
// Hangul words before an org and a title).
std::vector<RoleMatch> FindRolePatterns(std::string_view text, const text::Analysis& analysis,
                                        const std::vector<Mention>& mentions);

}  // namespace tg::extract
