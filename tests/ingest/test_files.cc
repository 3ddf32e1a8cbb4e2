#include "ingest/test_files.h"

#include <unicode/ucnv.h>
#include <zlib.h>

#include <cstring>
#include <fstream>

#include "core/check.h"

namespace tg::ingest::testing {

void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  TG_CHECK(out.good());
}

std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  TG_CHECK(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Gzip(std::string_view bytes) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  TG_CHECK(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&zs, bytes.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  TG_CHECK(deflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

Drained Drain(DocumentStream& stream, int max_calls) {
  Drained out;
  for (int i = 0; i < max_calls; ++i) {
    Result<std::optional<RawDocument>> next = stream.Next();
    if (!next.has_value()) {
      out.events.push_back("error:" + next.error().message());
      out.errors.push_back(next.error());
      continue;
    }
    if (!next->has_value()) return out;
    out.events.push_back("doc:" + (*next)->id);
    out.docs.push_back(std::move(**next));
  }
  out.events.push_back("error:stream did not end");
  out.errors.push_back(Status::Internal("stream did not end"));
  return out;
}

}  // namespace tg::ingest::testing
