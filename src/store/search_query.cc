#include "store/search_query.h"

#include "store/fts_tokenizer.h"

namespace tg::store {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// A raw piece of the query: a bare word, a quoted phrase, or the OR operator.
struct Piece {
  std::string text;
  bool is_or = false;
};

std::vector<Piece> SplitQuery(std::string_view query) {
  std::vector<Piece> pieces;
  size_t i = 0;
  while (i < query.size()) {
    if (IsSpace(query[i])) {
      ++i;
      continue;
    }
    if (query[i] == '"') {
      const size_t close = query.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? query.size() : close;
      pieces.push_back({std::string(query.substr(i + 1, end - i - 1)), false});
      i = close == std::string_view::npos ? query.size() : close + 1;
      continue;
    }
    size_t end = i;
    while (end < query.size() && !IsSpace(query[end]) && query[end] != '"') ++end;
    const std::string_view word = query.substr(i, end - i);
    pieces.push_back({std::string(word), word == "OR"});
    i = end;
  }
  return pieces;
}

}  // namespace

Result<SearchQuery> ParseSearchQuery(std::string_view query) {
  SearchQuery out;
  bool pending_or = false;
  for (Piece& piece : SplitQuery(query)) {
    if (piece.is_or) {
      pending_or = !out.groups.empty();
      continue;
    }
    SearchTerm term;
    for (SearchToken& token : SearchTokens(piece.text)) {
      if (!token.text.empty()) term.tokens.push_back(std::move(token.text));
    }
    if (term.tokens.empty()) continue;  // punctuation only: nothing to look for
    term.text = std::move(piece.text);
    if (pending_or) {
      out.groups.back().push_back(std::move(term));
    } else {
      out.groups.push_back({std::move(term)});
    }
    pending_or = false;
  }
  if (out.groups.empty()) {
    return Status::InvalidArgument("search query has no words: '", query, "'");
  }
  return out;
}

std::string ToFts5Match(const SearchQuery& query) {
  std::string out;
  for (const std::vector<SearchTerm>& group : query.groups) {
    if (!out.empty()) out += " AND ";
    out += '(';
    for (size_t i = 0; i < group.size(); ++i) {
      if (i > 0) out += " OR ";
      out += '"';
      for (char c : group[i].text) {
        if (c == '"') out += '"';
        // Control bytes (NUL included) only separate words; FTS5 never sees them.
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
      }
      out += '"';
    }
    out += ')';
  }
  return out;
}

}  // namespace tg::store
