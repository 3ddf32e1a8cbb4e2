#include "store/postgres_search.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/utf8.h"
#include "store/fts_tokenizer.h"

namespace tg::store::pgsearch {
namespace {

// PostgreSQL's tsvector limits (src/include/tsearch/ts_type.h): a lexeme of
// at most 2047 bytes, positions 1..16383, 256 positions per lexeme, and
// under 1 MiB of lexeme text per vector. Past them a document keeps its
// first positions and lexemes; docs/storage.md says what that changes.
constexpr size_t kMaxLexemeBytes = 2047;
constexpr int kMaxPosition = 16383;
constexpr size_t kMaxPositionsPerLexeme = 256;
constexpr size_t kMaxLexemeTextBytes = 1000000;

bool Indexable(std::string_view token) {
  return !token.empty() && token.size() <= kMaxLexemeBytes && IsValidUtf8(token);
}

// A lexeme as a quoted tsvector / tsquery item: ' and \ doubled.
void AppendQuoted(std::string_view lexeme, std::string* out) {
  *out += '\'';
  for (char c : lexeme) {
    if (c == '\'' || c == '\\') *out += c;
    *out += c;
  }
  *out += '\'';
}

struct Collector {
  std::unordered_map<std::string, std::vector<int>> positions;
  std::vector<const std::string*> order;  // lexemes in first-seen order, for a stable literal
  size_t lexeme_bytes = 0;
  int next_position = 1;
  int64_t count = 0;
};

int Collect(void* context, std::string_view token, size_t /*begin*/, size_t /*end*/) {
  // FTS5 never sees empty tokens (fts_tokenizer.cc skips them), so they take
  // no position here either.
  if (token.empty()) return 0;
  auto* c = static_cast<Collector*>(context);
  ++c->count;
  const int position = std::min(c->next_position++, kMaxPosition);
  if (!Indexable(token)) return 0;
  auto it = c->positions.find(std::string(token));
  if (it == c->positions.end()) {
    if (c->lexeme_bytes + token.size() > kMaxLexemeTextBytes) return 0;
    c->lexeme_bytes += token.size();
    it = c->positions.emplace(std::string(token), std::vector<int>()).first;
    c->order.push_back(&it->first);
  }
  std::vector<int>& list = it->second;
  if (list.size() < kMaxPositionsPerLexeme && (list.empty() || list.back() != position)) {
    list.push_back(position);
  }
  return 0;
}

}  // namespace

IndexEntry MakeIndexEntry(std::string_view title, std::string_view text) {
  Collector c;
  ForEachSearchToken(title, Collect, &c);
  IndexEntry entry;
  entry.title_tokens = c.count;
  c.count = 0;
  ++c.next_position;  // the gap between title and text
  ForEachSearchToken(text, Collect, &c);
  entry.text_tokens = c.count;
  std::string& out = entry.terms;
  for (const std::string* lexeme : c.order) {
    if (!out.empty()) out += ' ';
    AppendQuoted(*lexeme, &out);
    char sep = ':';
    for (int position : c.positions[*lexeme]) {
      out += sep;
      out += std::to_string(position);
      sep = ',';
    }
  }
  return entry;
}

std::vector<Phrase> QueryPhrases(const SearchQuery& query) {
  std::vector<Phrase> out;
  for (const std::vector<SearchTerm>& group : query.groups) {
    for (const SearchTerm& term : group) out.push_back(term.tokens);
  }
  return out;
}

std::optional<std::string> PhraseTsQuery(const Phrase& phrase) {
  std::string out;
  for (const std::string& token : phrase) {
    if (!Indexable(token)) return std::nullopt;
    if (!out.empty()) out += " <-> ";
    AppendQuoted(token, &out);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::optional<std::string> QueryTsQuery(const SearchQuery& query) {
  std::string out;
  for (const std::vector<SearchTerm>& group : query.groups) {
    std::string alternatives;
    for (const SearchTerm& term : group) {
      std::optional<std::string> phrase = PhraseTsQuery(term.tokens);
      if (!phrase.has_value()) continue;  // this alternative matches nothing
      if (!alternatives.empty()) alternatives += " | ";
      alternatives += '(' + *phrase + ')';
    }
    if (alternatives.empty()) return std::nullopt;  // a required group that cannot match
    if (!out.empty()) out += " & ";
    out += '(' + alternatives + ')';
  }
  return out;
}

namespace {

using pg::Params;
using pg::Rows;

// The statements of a search, by slot (offset from first_slot_).
enum Sql : size_t { kTotals, kPhraseRows, kMatches, kDocs, kSqlCount };

constexpr const char* kSql[] = {
    // What bm25 needs of the whole index (FTS5 keeps these totals itself).
    "SELECT count(*), coalesce(sum(title_tokens + text_tokens), 0) FROM docs_fts",
    "SELECT (SELECT count(*) FROM docs_fts WHERE terms @@ q::tsquery) "
    "FROM unnest($1::text[]) WITH ORDINALITY AS t(q, n) ORDER BY n",
    // The matching documents with the positions of the query's lexemes. The
    // vector is cut down to those lexemes before unnest() (mark them with
    // weight A, keep weight A): unnesting all of a page's lexemes into rows
    // made this ten times slower.
    "SELECT f.doc_id, f.title_tokens + f.text_tokens, u.lexeme, u.positions "
    "FROM docs_fts f CROSS JOIN LATERAL "
    "unnest(ts_filter(setweight(f.terms, 'A', $2::text[]), '{a}')) AS u "
    "WHERE f.terms @@ $1::tsquery",
    "SELECT id, ext_id, title, text FROM documents WHERE id = ANY($1::bigint[])",
};
static_assert(std::size(kSql) == kSqlCount);

}  // namespace

const size_t PostgresSearch::kSlots = kSqlCount;

Result<Rows> PostgresSearch::Run(size_t sql, const Params& params) {
  return db_->Run(first_slot_ + sql, kSql[sql], params);
}

Result<std::vector<SearchHit>> PostgresSearch::Search(std::string_view query, int limit) {
  TG_ASSIGN_OR_RETURN(SearchQuery parsed, ParseSearchQuery(query));
  std::vector<SearchHit> hits;
  const std::optional<std::string> tsquery = QueryTsQuery(parsed);
  if (!tsquery.has_value() || limit == 0) return hits;  // no document can match
  const std::vector<Phrase> phrases = QueryPhrases(parsed);

  // Totals for bm25: indexed rows and tokens, and documents holding each phrase.
  Bm25Totals totals;
  {
    TG_ASSIGN_OR_RETURN(Rows rows, Run(kTotals, Params()));
    totals.rows = rows.Int64(0, 0);
    totals.tokens = rows.Int64(0, 1);
    std::vector<std::string> phrase_queries;
    std::vector<size_t> phrase_of;
    for (size_t i = 0; i < phrases.size(); ++i) {
      if (std::optional<std::string> q = PhraseTsQuery(phrases[i])) {
        phrase_queries.push_back(*q);
        phrase_of.push_back(i);
      }
    }
    totals.phrase_rows.assign(phrases.size(), 0);
    Params p;
    p.TextArray(phrase_queries);
    TG_ASSIGN_OR_RETURN(Rows counts, Run(kPhraseRows, p));
    for (size_t r = 0; r < counts.size() && r < phrase_of.size(); ++r) {
      totals.phrase_rows[phrase_of[r]] = counts.Int64(r, 0);
    }
  }

  // Score every match, as FTS5 ranks every match before its LIMIT.
  std::vector<std::string> lexemes;
  for (const Phrase& phrase : phrases) {
    lexemes.insert(lexemes.end(), phrase.begin(), phrase.end());
  }
  std::sort(lexemes.begin(), lexemes.end());
  lexemes.erase(std::unique(lexemes.begin(), lexemes.end()), lexemes.end());
  Params p;
  p.Text(*tsquery).TextArray(lexemes);
  Result<Rows> matches = Run(kMatches, p);
  if (!matches.has_value()) {
    // The query is built from quoted lexemes only, so a failure here is not
    // the user's syntax; still report it as a bad query, not a crash.
    return Status::InvalidArgument("search failed for '", query, "': ", matches.error().message());
  }
  struct Match {
    int64_t tokens = 0;
    std::vector<LexemePositions> lexemes;
  };
  std::unordered_map<int64_t, Match> by_doc;
  for (size_t r = 0; r < matches->size(); ++r) {
    Match& match = by_doc[matches->Int64(r, 0)];
    match.tokens = matches->Int64(r, 1);
    match.lexemes.push_back({matches->Text(r, 2), matches->Int64Array(r, 3)});
  }
  std::vector<std::pair<double, int64_t>> ranked;  // (score, id)
  ranked.reserve(by_doc.size());
  for (const auto& [id, match] : by_doc) {
    ranked.emplace_back(Bm25Score(phrases, match.lexemes, match.tokens, totals), id);
  }
  // Best first; equal scores in id order.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (limit >= 0 && ranked.size() > static_cast<size_t>(limit)) ranked.resize(limit);
  if (ranked.empty()) return hits;

  std::vector<int64_t> ids;
  for (const auto& [score, id] : ranked) ids.push_back(id);
  Params q;
  q.Int64Array(ids);
  TG_ASSIGN_OR_RETURN(Rows docs, Run(kDocs, q));
  std::unordered_map<int64_t, size_t> row_of;
  for (size_t r = 0; r < docs.size(); ++r) row_of[docs.Int64(r, 0)] = r;
  for (const auto& [score, id] : ranked) {
    auto it = row_of.find(id);
    if (it == row_of.end()) continue;
    SearchHit hit;
    hit.id = id;
    hit.ext_id = docs.Text(it->second, 1);
    hit.title = docs.Text(it->second, 2);
    hit.snippet = MakeSnippet(docs.View(it->second, 3), phrases);
    hit.score = score;
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace tg::store::pgsearch
