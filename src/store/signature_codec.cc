#include "store/signature_codec.h"

namespace tg::store {

std::string EncodeSignature(const std::vector<uint32_t>& signature) {
  std::string out;
  EncodeSignature(signature, &out);
  return out;
}

void EncodeSignature(const std::vector<uint32_t>& signature, std::string* out) {
  out->resize(signature.size() * 4);
  char* bytes = out->data();
  for (size_t i = 0; i < signature.size(); ++i) {
    for (size_t j = 0; j < 4; ++j) {
      bytes[i * 4 + j] = static_cast<char>((signature[i] >> (8 * j)) & 0xFF);
    }
  }
}

Result<std::vector<uint32_t>> DecodeSignature(std::string_view blob) {
  if (blob.size() % 4 != 0) {
    return Status::Corrupt("MinHash signature of ", blob.size(), " bytes");
  }
  std::vector<uint32_t> out(blob.size() / 4);
  for (size_t i = 0; i < out.size(); ++i) {
    uint32_t v = 0;
    for (size_t j = 0; j < 4; ++j) {
      v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[i * 4 + j])) << (8 * j);
    }
    out[i] = v;
  }
  return out;
}

}  // namespace tg::store
