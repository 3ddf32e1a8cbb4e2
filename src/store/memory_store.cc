#include "store/memory_store.h"

#include <algorithm>
#include <ctime>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/fts_tokenizer.h"
#include "store/search_query.h"

namespace tg::store {
namespace {

std::string NowIso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

// ASCII-only lowercase, matching SQLite's lower() used by the SQLite backend.
std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Start positions in `tokens` where `phrase` occurs as consecutive tokens.
std::vector<size_t> FindPhrase(const std::vector<SearchToken>& tokens,
                               const std::vector<std::string>& phrase) {
  std::vector<size_t> out;
  if (phrase.empty() || tokens.size() < phrase.size()) return out;
  for (size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
    bool match = true;
    for (size_t j = 0; j < phrase.size() && match; ++j) match = tokens[i + j].text == phrase[j];
    if (match) out.push_back(i);
  }
  return out;
}

// A window of about 16 tokens of `text` around the first match, with every
// matched token in [brackets], like the SQLite backend's snippet().
std::string MakeSnippet(std::string_view text, const std::vector<SearchToken>& tokens,
                        const std::vector<bool>& matched) {
  constexpr size_t kWindow = 16;
  if (tokens.empty()) return "";
  size_t first = 0;
  while (first < tokens.size() && !matched[first]) ++first;
  if (first == tokens.size()) first = 0;
  const size_t begin = first > 3 ? first - 3 : 0;
  const size_t end = std::min(tokens.size(), begin + kWindow);
  std::string out = begin > 0 ? "..." : "";
  size_t cursor = tokens[begin].begin;
  for (size_t i = begin; i < end; ++i) {
    out.append(text.substr(cursor, tokens[i].begin - cursor));
    const std::string_view piece = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    if (matched[i]) {
      out += '[';
      out.append(piece);
      out += ']';
    } else {
      out.append(piece);
    }
    cursor = tokens[i].end;
  }
  if (end < tokens.size()) out += "...";
  return out;
}

class MemoryStore final : public Store {
 public:
  Result<std::optional<DocRef>> FindByRawHash(uint64_t raw_hash) override {
    auto it = by_raw_hash_.find(raw_hash);
    if (raw_hash == 0 || it == by_raw_hash_.end()) return std::optional<DocRef>();
    return std::optional<DocRef>(Ref(it->second));
  }

  Result<std::optional<DocRef>> FindByTextHash(uint64_t text_hash) override {
    auto it = by_text_hash_.find(text_hash);
    if (it == by_text_hash_.end()) return std::optional<DocRef>();
    return std::optional<DocRef>(Ref(it->second));
  }

  Result<std::vector<NearDupCandidate>> FindNearDupCandidates(
      const std::vector<uint64_t>& band_keys) override {
    std::vector<int64_t> ids;
    for (uint64_t key : band_keys) {
      auto it = bands_.find(key);
      if (it != bands_.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<NearDupCandidate> out;
    for (int64_t id : ids) {
      const Entry& e = docs_[static_cast<size_t>(id - 1)];
      if (e.signature.empty()) continue;
      out.push_back({id, e.doc.dup_group, e.signature});
    }
    return out;
  }

  Result<int64_t> Insert(const Document& doc, const std::vector<uint32_t>& signature,
                         const std::vector<uint64_t>& band_keys) override {
    // Same constraint as the SQLite backend's UNIQUE raw_hash (0 means unknown).
    if (doc.raw_hash != 0 && by_raw_hash_.count(doc.raw_hash) > 0) {
      return Status::AlreadyExists("cannot store document '", doc.ext_id,
                                   "': raw_hash already stored");
    }
    Entry e;
    e.doc = doc;
    e.doc.id = static_cast<int64_t>(docs_.size()) + 1;
    if (e.doc.dup_group == 0) e.doc.dup_group = e.doc.id;
    e.doc.ingested_at = NowIso8601();
    e.signature = signature;
    const int64_t id = e.doc.id;
    if (doc.raw_hash != 0) by_raw_hash_.emplace(doc.raw_hash, id);
    by_text_hash_.emplace(doc.text_hash, id);  // keeps the first stored
    by_ext_id_.emplace(doc.ext_id, id);
    for (uint64_t key : band_keys) {
      std::vector<int64_t>& ids = bands_[key];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
    docs_.push_back(std::move(e));
    return id;
  }

  Status Flush() override { return Status::Ok(); }

  Result<std::optional<Document>> Get(int64_t id) override {
    if (id < 1 || id > static_cast<int64_t>(docs_.size())) return std::optional<Document>();
    return std::optional<Document>(docs_[static_cast<size_t>(id - 1)].doc);
  }

  Result<std::optional<Document>> GetByExtId(std::string_view ext_id) override {
    auto it = by_ext_id_.find(std::string(ext_id));
    if (it == by_ext_id_.end()) return std::optional<Document>();
    return Get(it->second);
  }

  Result<std::vector<DocSummary>> List(const DocFilter& filter) override {
    const std::string outlet = AsciiLower(filter.outlet);
    std::vector<DocSummary> out;
    int skipped = 0;
    for (const Entry& e : docs_) {
      const Document& d = e.doc;
      if (filter.limit >= 0 && out.size() >= static_cast<size_t>(filter.limit)) break;
      if (!filter.lang.empty() && d.meta.lang != filter.lang) continue;
      if (!outlet.empty() && AsciiLower(d.meta.outlet).find(outlet) == std::string::npos) continue;
      if (!filter.since.empty() && (d.meta.published.empty() || d.meta.published < filter.since)) {
        continue;
      }
      if (!filter.until.empty() && (d.meta.published.empty() || d.meta.published > filter.until)) {
        continue;
      }
      if (filter.leaders_only && d.dup_group != d.id) continue;
      if (skipped < filter.offset) {
        ++skipped;
        continue;
      }
      out.push_back({d.id, d.ext_id, d.source, d.meta.title, d.meta.outlet, d.meta.published,
                     d.meta.lang, d.dup_group, d.dup_kind, d.text.size()});
    }
    return out;
  }

  Result<std::vector<SearchHit>> Search(std::string_view query, int limit) override {
    TG_ASSIGN_OR_RETURN(SearchQuery parsed, ParseSearchQuery(query));
    std::vector<SearchHit> hits;
    for (const Entry& e : docs_) {
      const std::vector<SearchToken> title = SearchTokens(e.doc.meta.title);
      const std::vector<SearchToken> text = SearchTokens(e.doc.text);
      std::vector<bool> matched(text.size(), false);
      double score = 0;
      bool all_groups = true;
      for (const std::vector<SearchTerm>& group : parsed.groups) {
        bool group_found = false;
        for (const SearchTerm& term : group) {
          const std::vector<size_t> in_title = FindPhrase(title, term.tokens);
          const std::vector<size_t> in_text = FindPhrase(text, term.tokens);
          for (size_t start : in_text) {
            for (size_t j = 0; j < term.tokens.size(); ++j) matched[start + j] = true;
          }
          // Title matches weigh more, as a crude stand-in for bm25's short-field boost.
          score += 2.0 * static_cast<double>(in_title.size()) + static_cast<double>(in_text.size());
          group_found |= !in_title.empty() || !in_text.empty();
        }
        all_groups &= group_found;
      }
      if (!all_groups) continue;
      hits.push_back({e.doc.id, e.doc.ext_id, e.doc.meta.title,
                      MakeSnippet(e.doc.text, text, matched),
                      score / (1.0 + static_cast<double>(text.size()) / 1000.0)});
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (limit >= 0 && hits.size() > static_cast<size_t>(limit)) hits.resize(limit);
    return hits;
  }

  Result<StoreStats> Stats() override {
    StoreStats stats;
    for (const Entry& e : docs_) {
      ++stats.documents;
      if (e.doc.dup_group == e.doc.id) ++stats.groups;
      if (e.doc.dup_kind == DupKind::kExact) ++stats.exact_duplicates;
      if (e.doc.dup_kind == DupKind::kNear) ++stats.near_duplicates;
    }
    return stats;
  }

  Status PutEvents(int64_t doc_id, const StoredEvents& events) override {
    if (doc_id < 1 || doc_id > static_cast<int64_t>(docs_.size())) {
      return Status::NotFound("cannot store events: no document ", doc_id);
    }
    Entry& e = docs_[static_cast<size_t>(doc_id - 1)];
    TG_RETURN_IF_ERROR(ValidateEvents(events, e.doc.text.size())
                           .WithPrefix("cannot store events of document " + std::to_string(doc_id)));
    e.events = events;
    return Status::Ok();
  }

  Result<std::optional<StoredEvents>> GetEvents(int64_t doc_id) override {
    if (doc_id < 1 || doc_id > static_cast<int64_t>(docs_.size())) {
      return std::optional<StoredEvents>();
    }
    const Entry& e = docs_[static_cast<size_t>(doc_id - 1)];
    if (!e.events.has_value()) return std::optional<StoredEvents>();
    std::optional<StoredEvents> out = e.events;
    FillEvidence(e.doc.text, &*out);
    return out;
  }

  Result<std::vector<ExtractionRecord>> ListExtractions(int64_t after_doc_id) override {
    std::unordered_map<int64_t, std::vector<std::string>> duplicates;  // leader -> ext ids
    for (const Entry& e : docs_) {
      if (e.doc.dup_group != e.doc.id) duplicates[e.doc.dup_group].push_back(e.doc.ext_id);
    }
    std::vector<ExtractionRecord> out;
    for (const Entry& e : docs_) {
      if (e.doc.id <= after_doc_id || !e.events.has_value()) continue;
      ExtractionRecord r;
      r.doc_id = e.doc.id;
      r.ext_id = e.doc.ext_id;
      r.lang = e.doc.meta.lang;
      r.published = e.doc.meta.published;
      r.outlet = e.doc.meta.outlet;
      if (auto it = duplicates.find(e.doc.id); it != duplicates.end()) r.duplicate_ext_ids = it->second;
      r.events = *e.events;
      FillEvidence(e.doc.text, &r.events);
      out.push_back(std::move(r));
    }
    return out;
  }

  Status PutGraph(const Graph& graph) override {
    TG_RETURN_IF_ERROR(ValidateGraph(graph).WithPrefix("cannot store the resolved graph"));
    graph_ = graph;
    return Status::Ok();
  }

  Result<Graph> GetGraph() override { return graph_; }

 private:
  struct Entry {
    Document doc;
    std::vector<uint32_t> signature;
    std::optional<StoredEvents> events;  // set once extraction stored its result
  };

  DocRef Ref(int64_t id) const { return {id, docs_[static_cast<size_t>(id - 1)].doc.dup_group}; }

  std::vector<Entry> docs_;  // docs_[id - 1]
  std::unordered_map<uint64_t, int64_t> by_raw_hash_;
  std::unordered_map<uint64_t, int64_t> by_text_hash_;
  std::unordered_map<std::string, int64_t> by_ext_id_;
  std::unordered_map<uint64_t, std::vector<int64_t>> bands_;
  Graph graph_;
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace tg::store
