#pragma once
// Byte sources the readers pull from: a file descriptor (a path or stdin), a
// gzip decompressor over another source (one or many concatenated members),
// and a buffered reader with line and exact-size reads that tracks its offset.
// Not thread-safe; one source per stream.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tg::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buffer`; returns 0 only at end of input.
  // Fails with kIOError on a read error and kCorrupt on a bad compressed stream.
  virtual Result<size_t> Read(char* buffer, size_t n) = 0;
};

// Opens `path` for reading ("-" is standard input, never closed). Fails with
// kNotFound when the path does not exist, kIOError when it cannot be opened
// (the message says "permission denied") or is a directory.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// Size of the regular file behind `path`, or nullopt for stdin, pipes and errors.
std::optional<uint64_t> RegularFileSize(const std::string& path);

// A source that yields `prefix` first, then the rest of `rest` (used to put back
// the bytes read from stdin to sniff its format).
std::unique_ptr<ByteSource> PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest);

// Decompresses gzip from `compressed` in fixed-size buffers. Concatenated
// members are read one after another, as Common Crawl writes one per record.
// Input that ends inside a member fails with kCorrupt
// "truncated gzip stream after N bytes" (N counts decompressed bytes); bytes
// after a member that do not start another one fail with kCorrupt.
std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed);

// Reads all of `source` when it holds at most `limit` bytes. Fails with
// kResourceExhausted when there are more (reading stops at limit + 1 bytes).
Result<std::string> ReadAtMost(ByteSource* source, uint64_t limit);

// Buffered reads over a borrowed source, which must outlive it.
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource* source, size_t buffer_bytes = 64 << 10);

  enum class LineStatus { kLine, kTooLong, kEnd };
  // Reads up to and including the next '\n' and stores the line without its
  // "\n" or "\r\n" in `line`. A line longer than `max_bytes` is consumed to its
  // end and reported as kTooLong (with `line` empty); kEnd means no byte was left.
  Result<LineStatus> ReadLine(size_t max_bytes, std::string* line);

  // Appends up to `n` bytes to `out`; returns how many (fewer only at end of input).
  Result<uint64_t> ReadExact(uint64_t n, std::string* out);

  // Discards up to `n` bytes; returns how many (fewer only at end of input).
  Result<uint64_t> Skip(uint64_t n);

  // The first bytes still unread, without consuming them (up to `n`, fewer at end).
  Result<std::string_view> Peek(size_t n);

  // Bytes consumed so far.
  uint64_t offset() const { return offset_; }

 private:
  // Refills the buffer when empty; returns false at end of input.
  Result<bool> Fill();

  ByteSource* source_;
  std::string buffer_;
  size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
  size_t end_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace tg::ingest
