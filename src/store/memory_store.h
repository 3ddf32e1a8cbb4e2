#pragma once
// In-memory Store for tests and dry runs (`extract` without --db). Search is a
// plain case-insensitive substring match over clean text, with Korean particles
// stripped the same way as the SQLite index. Not thread-safe.
#include <memory>

#include "store/store.h"

namespace tg::store {

std::unique_ptr<Store> NewMemoryStore();

}  // namespace tg::store
