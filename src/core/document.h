#pragma once
// The document types that flow through the pipeline:
//   RawDocument   -- what a reader yields: decoded UTF-8 content plus container metadata;
//   CleanDocument -- what cleaning yields: the story text and the page's metadata;
//   Document      -- what the store keeps, with its duplicate group.
// Plain value types.
#include <cstdint>
#include <string>

namespace tg {

enum class ContentKind { kText, kHtml };

// "text" or "html".
const char* ContentKindName(ContentKind kind);

// Page metadata. Empty strings mean "unknown".
struct DocumentMeta {
  std::string url;
  std::string title;
  std::string outlet;
  std::string byline;
  std::string published;       // "YYYY-MM-DD"
  std::string published_time;  // "HH:MM" or "HH:MM:SS", as printed (local time of the outlet)
  std::string lang;            // "en", "ko" or "other"
};

// Fills every empty field of `into` from `from`; fields already set win.
void MergeMeta(const DocumentMeta& from, DocumentMeta* into);

struct RawDocument {
  // External id, as `tiegraph extract` prints it: a file's name without extension,
  // a JSONL line's "id" (else "<file stem>:<line number>"), a WARC-Record-ID.
  std::string id;
  // Where it came from: a path ("-" for stdin), with "#line=N" for a JSONL line
  // or "#offset=N" for a WARC record.
  std::string source;
  std::string record_id;   // WARC-Record-ID, or empty
  ContentKind kind = ContentKind::kText;
  std::string content;     // valid UTF-8
  std::string encoding;    // what the bytes were in: "UTF-8", "EUC-KR", "windows-1252", ...
  uint64_t raw_hash = 0;   // Hash64 of the bytes exactly as read, before decoding
  uint64_t raw_size = 0;   // number of those bytes
  DocumentMeta meta;       // what the container said (JSONL fields, WARC/HTTP headers)
};

struct CleanDocument {
  // The story: headline, then body paragraphs in reading order, one paragraph a
  // line, lines joined by '\n'. Valid UTF-8. Byte offsets of later stages point here.
  std::string text;
  DocumentMeta meta;
  uint32_t lines_in = 0;       // lines (or blocks) before cleaning
  uint32_t lines_removed = 0;  // of those, dropped as page noise or repeats
};

enum class DupKind { kNone, kExact, kNear };
const char* DupKindName(DupKind kind);  // "", "exact", "near"

struct Document {
  int64_t id = 0;  // store-assigned, 1-based
  std::string ext_id;
  std::string source;
  std::string record_id;
  ContentKind kind = ContentKind::kText;
  std::string encoding;
  uint64_t raw_hash = 0;
  uint64_t raw_size = 0;
  uint64_t text_hash = 0;  // Hash64 of NormalizeForHash(text)
  std::string text;
  DocumentMeta meta;
  // Duplicate group: the id of the group's first stored document (itself when
  // it leads the group). Later stages process only group leaders.
  int64_t dup_group = 0;
  DupKind dup_kind = DupKind::kNone;  // how this document joined its group
  double dup_similarity = 0;          // estimated Jaccard with the leader (1 for exact)
  std::string ingested_at;            // ISO 8601 UTC, set by the store
};

}  // namespace tg
