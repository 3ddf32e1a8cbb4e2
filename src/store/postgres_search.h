#pragma once
// Full-text search for the PostgreSQL store, made to answer like the SQLite
// FTS5 index: documents are indexed as a tsvector of the project's own search
// tokens (fts_tokenizer.h), queries (search_query.h) become a tsquery, and
// ranking and snippets are computed the way FTS5's bm25() and
// snippet(docs_fts, 1, '[', ']', '...', 16) compute them (postgres_rank.cc).
// Internal to src/store. The free functions are pure and thread-safe;
// PostgresSearch runs on one connection and is not.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/postgres_db.h"
#include "store/search_query.h"
#include "store/store.h"

namespace tg::store::pgsearch {

// One document's search entry: a tsvector literal of its title tokens
// (positions 1..) and text tokens (after a one-position gap, so no phrase
// spans both), and the number of tokens in each.
struct IndexEntry {
  std::string terms;
  int64_t title_tokens = 0;
  int64_t text_tokens = 0;
};
IndexEntry MakeIndexEntry(std::string_view title, std::string_view text);

// A query's phrases in FTS5's order (groups left to right, then their
// alternatives); each phrase is its tokens.
using Phrase = std::vector<std::string>;
std::vector<Phrase> QueryPhrases(const SearchQuery& query);

// The tsquery literal of one phrase ('a' <-> 'b'), or nullopt when no
// indexed document can hold it (a token too long to index, or not UTF-8).
std::optional<std::string> PhraseTsQuery(const Phrase& phrase);
// The tsquery literal of the whole query: groups AND-ed, alternatives OR-ed;
// nullopt when no document can match.
std::optional<std::string> QueryTsQuery(const SearchQuery& query);

// Where one query lexeme occurs in a document: its positions, ascending, as
// unnest(tsvector) reports them.
struct LexemePositions {
  std::string lexeme;
  std::vector<int64_t> positions;
};

// Counts of the whole index that bm25 needs.
struct Bm25Totals {
  int64_t rows = 0;                  // indexed documents
  int64_t tokens = 0;                // their title and text tokens
  std::vector<int64_t> phrase_rows;  // documents holding each phrase
};

// FTS5's bm25() with every column weighted 1 (k1 = 1.2, b = 0.75), negated
// so that higher is better (SearchHit::score): `lexemes` are the document's
// positions of the query's lexemes, `doc_tokens` its token count.
double Bm25Score(const std::vector<Phrase>& phrases, const std::vector<LexemePositions>& lexemes,
                 int64_t doc_tokens, const Bm25Totals& totals);

// Store::Search for the PostgreSQL store, over its docs_fts table.
class PostgresSearch {
 public:
  static const size_t kSlots;  // statement slots used
  // Statements go into `db`'s slots [first_slot, first_slot + kSlots); `db`
  // must outlive this.
  PostgresSearch(pg::Connection* db, size_t first_slot) : db_(db), first_slot_(first_slot) {}
  Result<std::vector<SearchHit>> Search(std::string_view query, int limit);

 private:
  Result<pg::Rows> Run(size_t sql, const pg::Params& params);
  pg::Connection* db_;
  size_t first_slot_;
};

// FTS5's snippet() over `text` (the text column): the best window of
// `window` tokens, phrase matches in [brackets], "..." where text is cut.
std::string MakeSnippet(std::string_view text, const std::vector<Phrase>& phrases,
                        int window = 16);

}  // namespace tg::store::pgsearch
