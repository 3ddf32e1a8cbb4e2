#include "serve/store_pool.h"

namespace tg::serve {

StorePool::StorePool(Opener open, size_t max_idle) : open_(std::move(open)), max_idle_(max_idle) {}

StorePool::Lease::~Lease() {
  if (store_ != nullptr) pool_->Release(std::move(store_));
}

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  // Opening runs outside the lock: it reads the schema and may take a while.
  TG_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, open_());
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++opened_;
  }
  return Lease(this, std::move(store));
}

void StorePool::Release(std::unique_ptr<store::Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(store));
}

size_t StorePool::opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

}  // namespace tg::serve
