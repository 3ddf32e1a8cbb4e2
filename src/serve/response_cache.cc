#include "serve/response_cache.h"

namespace tg::serve {

ResponseCache::ResponseCache(size_t max_bytes, size_t max_entry_bytes)
    : max_bytes_(max_bytes), max_entry_bytes_(max_entry_bytes) {}

std::shared_ptr<const HttpResponse> ResponseCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->response;
}

void ResponseCache::Put(const std::string& key, std::shared_ptr<const HttpResponse> response) {
  const size_t size = response->body.size() + key.size();
  if (size > max_entry_bytes_ || size > max_bytes_) return;
  std::lock_guard<std::mutex> lock(mu_);
  // Two requests missing at once both compute and put: the second replaces the first.
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->response->body.size() + key.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  while (!lru_.empty() && bytes_ + size > max_bytes_) {
    const Entry& last = lru_.back();
    bytes_ -= last.response->body.size() + last.key.size();
    index_.erase(last.key);
    lru_.pop_back();
  }
  lru_.push_front(Entry{key, std::move(response)});
  index_[key] = lru_.begin();
  bytes_ += size;
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  Stats stats;
  stats.hits = hits_;
  stats.misses = misses_;
  stats.entries = static_cast<int64_t>(lru_.size());
  stats.bytes = static_cast<int64_t>(bytes_);
  return stats;
}

}  // namespace tg::serve
