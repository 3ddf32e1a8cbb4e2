#pragma once
// In-memory Store for tests and dry runs (`extract` without --db). Search
// scans every document with the same tokenizer and query syntax as the SQLite
// index (fts_tokenizer.h, search_query.h), so the same queries match; scores
// are a simple match count, not bm25. Not thread-safe.
#include <memory>

#include "store/store.h"

namespace tg::store {

std::unique_ptr<Store> NewMemoryStore();

}  // namespace tg::store
