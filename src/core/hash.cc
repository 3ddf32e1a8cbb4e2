#include "core/hash.h"

// Compiled into this file rather than called through libxxhash: Hash64 runs
// per token feature and per shingle, mostly on a few bytes, where the
// library's call and dispatch cost as much as the hash. Same algorithm and
// results (XXH3 is stable since xxHash 0.8).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdio>

namespace tg {

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

Hasher64::Hasher64() : state_(XXH3_createState()) { XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_)); }
Hasher64::~Hasher64() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }
void Hasher64::Update(std::string_view bytes) {
  XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), bytes.data(), bytes.size());
}
uint64_t Hasher64::Digest() const { return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_)); }

std::string HashHex(uint64_t hash) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

}  // namespace tg
