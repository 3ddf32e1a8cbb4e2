#pragma once
// The search tokenizer shared by the SQLite FTS5 index (registered as the
// FTS5 tokenizer "tg_words") and the in-memory store, so index and queries
// always agree. Tokens are runs of letters and digits (dedup/words.h), case
// folded; a run is split where it changes between Hangul and other scripts
// (SK하이닉스 -> sk, 하이닉스); a Hangul piece loses its trailing particle
// (회장이 -> 회장, text/korean_particles.h), and a Hangul piece that is only a
// particle written after Latin or digits (LG는, 3M의) yields no token.
// Pure functions; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct sqlite3;

namespace tg::store {

inline constexpr char kSearchTokenizerName[] = "tg_words";

struct SearchToken {
  std::string text;  // folded and stemmed form, as indexed
  size_t begin = 0;  // byte range of the whole source piece (particle included)
  size_t end = 0;
};

// Calls `emit(context, token, begin, end)` for each token of `text` in order;
// stops and returns the first non-zero value `emit` returns, else 0. `token`
// is only valid during the call. This is the loop behind both forms below.
using SearchTokenSink = int (*)(void* context, std::string_view token, size_t begin, size_t end);
int ForEachSearchToken(std::string_view text, SearchTokenSink emit, void* context);

std::vector<SearchToken> SearchTokens(std::string_view text);

// Registers the tokenizer with `db`'s FTS5 module under kSearchTokenizerName.
// Every connection must do this before it reads or writes the FTS table.
// Fails with kUnavailable when the SQLite library has no FTS5.
Status RegisterSearchTokenizer(sqlite3* db);

}  // namespace tg::store
