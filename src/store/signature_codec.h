#pragma once
// MinHash signatures as stored in the minhash table: each uint32 as 4
// little-endian bytes, so a database file reads the same on every machine.
// Pure functions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace tg::store {

std::string EncodeSignature(const std::vector<uint32_t>& signature);
// The same bytes written into `*out` (replacing its contents), reusing its buffer.
void EncodeSignature(const std::vector<uint32_t>& signature, std::string* out);
// Fails with kCorrupt when the size is not a multiple of 4.
Result<std::vector<uint32_t>> DecodeSignature(std::string_view blob);

}  // namespace tg::store
