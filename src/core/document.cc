#include "core/document.h"

namespace tg {

const char* ContentKindName(ContentKind kind) {
  return kind == ContentKind::kHtml ? "html" : "text";
}

const char* DupKindName(DupKind kind) {
  switch (kind) {
    case DupKind::kNone: return "";
    case DupKind::kExact: return "exact";
    case DupKind::kNear: return "near";
  }
  return "";
}

void MergeMeta(const DocumentMeta& from, DocumentMeta* into) {
  auto fill = [](const std::string& src, std::string* dst) {
    if (dst->empty()) *dst = src;
  };
  fill(from.url, &into->url);
  fill(from.title, &into->title);
  fill(from.outlet, &into->outlet);
  fill(from.byline, &into->byline);
  fill(from.published, &into->published);
  fill(from.published_time, &into->published_time);
  fill(from.lang, &into->lang);
}

}  // namespace tg
