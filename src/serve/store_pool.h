#pragma once
// A small pool of read connections to the database: a Store serves one
// thread at a time, so each request borrows one for its duration and gives
// it back. Connections are opened on demand and kept for reuse (up to
// `max_idle`). Thread-safe.
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace tg::serve {

class StorePool {
 public:
  using Opener = std::function<Result<std::unique_ptr<store::Store>>()>;

  // `open` makes a new connection (e.g. a read-only SqliteStore).
  StorePool(Opener open, size_t max_idle);

  // A borrowed Store; returned to the pool when the lease is destroyed.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    store::Store* operator->() const { return store_.get(); }
    store::Store* get() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // An idle connection, or a new one. Fails when a new one cannot be opened.
  Result<Lease> Acquire();

  // Connections opened so far (for /api/stats).
  size_t opened() const;

 private:
  void Release(std::unique_ptr<store::Store> store);

  Opener open_;
  size_t max_idle_;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> idle_;
  size_t opened_ = 0;
};

}  // namespace tg::serve
