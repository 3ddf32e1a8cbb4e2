#pragma once
// 64-bit non-cryptographic hashing (XXH3). Pure functions; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

namespace tg {

uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

// Streaming form for inputs read in pieces.
class Hasher64 {
 public:
  Hasher64();
  ~Hasher64();
  Hasher64(const Hasher64&) = delete;
  Hasher64& operator=(const Hasher64&) = delete;
  void Update(std::string_view bytes);
  uint64_t Digest() const;

 private:
  void* state_;  // XXH3_state_t, kept out of this header
};

// 16 lowercase hex digits.
std::string HashHex(uint64_t hash);

}  // namespace tg
