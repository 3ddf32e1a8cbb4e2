#pragma once
// Which reader an input needs: from its file name, or sniffed from its first
// bytes (stdin, unknown extensions, WARC payloads without a Content-Type).
// Pure functions; thread-safe.
#include <optional>
#include <string_view>

namespace tg::ingest {

enum class InputFormat { kText, kHtml, kJsonl, kWarc };  // kWarc: plain or gzip

// The format a file name's extension implies (case-insensitive): .txt, .html,
// .htm, .xhtml, .jsonl, .warc, .warc.gz; nullopt for any other name.
std::optional<InputFormat> FormatFromPath(std::string_view path);

// Guesses the format from the first bytes of an input (a few KiB is enough):
// gzip magic or "WARC/1." -> kWarc; markup -> kHtml; a first line holding a JSON
// object -> kJsonl; anything else -> kText.
InputFormat SniffFormat(std::string_view head);

// True when `head` starts (after a BOM and white space) with <!doctype, <html,
// <head or <body, or is dense with tags.
bool LooksLikeHtml(std::string_view head);

}  // namespace tg::ingest
