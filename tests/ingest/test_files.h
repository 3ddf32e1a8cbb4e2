#pragma once
// Helpers for the ingest tests: writing inputs, producing legacy-encoded and
// gzip bytes, and draining a DocumentStream.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "ingest/reader.h"

namespace tg::ingest::testing {

// Writes `bytes` to `path` (creating parent folders); aborts the test binary on failure.
void WriteFile(const std::filesystem::path& path, std::string_view bytes);

// `utf8` converted to the ICU converter `encoding` (e.g. "EUC-KR", "windows-1252").
std::string Encode(std::string_view utf8, const char* encoding);

// One gzip member holding `bytes`.
std::string Gzip(std::string_view bytes);

// Everything a stream yields until it ends: documents and errors in order.
struct Drained {
  std::vector<RawDocument> docs;
  std::vector<Status> errors;
  std::vector<std::string> events;  // "doc:<id>" or "error:<message>", in order
};
// Stops after `max_calls` calls so that a stream that never ends fails the test.
Drained Drain(DocumentStream& stream, int max_calls = 1000);

}  // namespace tg::ingest::testing
