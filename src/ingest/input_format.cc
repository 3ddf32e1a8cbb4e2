#include "ingest/input_format.h"

#include <string>

namespace tg::ingest {
namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  const std::string_view tail = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (LowerAscii(tail[i]) != suffix[i]) return false;
  }
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EndsWithNoCase(s.substr(0, prefix.size()), prefix);
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  return s;
}

}  // namespace

std::optional<InputFormat> FormatFromPath(std::string_view path) {
  if (EndsWithNoCase(path, ".txt")) return InputFormat::kText;
  if (EndsWithNoCase(path, ".html") || EndsWithNoCase(path, ".htm") ||
      EndsWithNoCase(path, ".xhtml")) {
    return InputFormat::kHtml;
  }
  if (EndsWithNoCase(path, ".jsonl")) return InputFormat::kJsonl;
  if (EndsWithNoCase(path, ".warc") || EndsWithNoCase(path, ".warc.gz")) {
    return InputFormat::kWarc;
  }
  return std::nullopt;
}

bool LooksLikeHtml(std::string_view head) {
  const std::string_view s = SkipBomAndSpace(head);
  for (std::string_view opener : {"<!doctype", "<html", "<head", "<body"}) {
    if (StartsWithNoCase(s, opener)) return true;
  }
  // Tag soup: count "<name" and "</name" openings. Plain text almost never has
  // several per kilobyte.
  const std::string_view window = s.substr(0, 8 << 10);
  size_t tags = 0;
  for (size_t i = 0; i + 2 < window.size(); ++i) {
    if (window[i] != '<') continue;
    const size_t name = window[i + 1] == '/' ? i + 2 : i + 1;
    if (name < window.size() && IsAsciiAlpha(window[name])) ++tags;
  }
  return tags >= 8 && tags * 1024 >= window.size() * 3;
}

InputFormat SniffFormat(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return InputFormat::kWarc;
  }
  const std::string_view s = SkipBomAndSpace(head);
  if (s.rfind("WARC/1.", 0) == 0) return InputFormat::kWarc;
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  if (!s.empty() && s.front() == '{') {
    std::string_view first_line = s.substr(0, s.find('\n'));
    while (!first_line.empty() && IsAsciiSpace(first_line.back())) first_line.remove_suffix(1);
    if (!first_line.empty() && first_line.back() == '}') return InputFormat::kJsonl;
  }
  return InputFormat::kText;
}

}  // namespace tg::ingest
