#pragma once
// Parses the user's search syntax into a structure both backends evaluate:
// words are all required; "quoted phrases" match consecutive tokens; the
// word OR (upper case) between two terms makes them alternatives. Everything
// else is literal text: no user input reaches FTS5 as syntax. Pure functions.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tg::store {

// One word or quoted phrase: its source text and its search tokens.
struct SearchTerm {
  std::string text;
  std::vector<std::string> tokens;  // fts_tokenizer.h tokens of `text`, never empty
};

// A conjunction of groups; each group is a disjunction of terms.
struct SearchQuery {
  std::vector<std::vector<SearchTerm>> groups;
};

// Fails with kInvalidArgument when the query has no searchable token (empty,
// only punctuation, only OR). An unbalanced quote runs to the end of the query.
Result<SearchQuery> ParseSearchQuery(std::string_view query);

// FTS5 MATCH expression for `query`: each term is an FTS5 string literal
// (quotes doubled), groups are AND-ed, alternatives OR-ed in parentheses.
std::string ToFts5Match(const SearchQuery& query);

}  // namespace tg::store
