#pragma once
// A least-recently-used cache of whole responses to graph queries. Keys
// carry the graph snapshot's version, so an ingest that swaps the graph
// makes every older entry unreachable (they age out); a cached answer is
// always the answer of one snapshot. Bounded by the bytes of the bodies it
// holds. Thread-safe (one mutex; lookups are short).
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "serve/http.h"

namespace tg::serve {

class ResponseCache {
 public:
  // Holds at most `max_bytes` of bodies; a body over `max_entry_bytes` is not kept.
  ResponseCache(size_t max_bytes, size_t max_entry_bytes);

  // The response cached under `key`, or null.
  std::shared_ptr<const HttpResponse> Find(const std::string& key);
  // Caches `response` under `key`, dropping the least recently used entries to make room.
  void Put(const std::string& key, std::shared_ptr<const HttpResponse> response);

  struct Stats {
    int64_t hits = 0;
    int64_t misses = 0;
    int64_t entries = 0;
    int64_t bytes = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const HttpResponse> response;
  };

  const size_t max_bytes_;
  const size_t max_entry_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t bytes_ = 0;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace tg::serve
