#include "ingest/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace tg::ingest {
namespace {

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) close(fd_);
  }
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<size_t> Read(char* buffer, size_t n) override {
    while (true) {
      const ssize_t got = read(fd_, buffer, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      return Status::IOError("read failed: ", std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
};

class PrefixSource : public ByteSource {
 public:
  PrefixSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}

  Result<size_t> Read(char* buffer, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t take = std::min(n, prefix_.size() - pos_);
      std::memcpy(buffer, prefix_.data() + pos_, take);
      pos_ += take;
      return take;
    }
    return rest_->Read(buffer, n);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class GzipDecompressor : public ByteSource {
 public:
  explicit GzipDecompressor(std::unique_ptr<ByteSource> compressed)
      : compressed_(std::move(compressed)), in_(kChunkBytes, '\0') {
    std::memset(&zs_, 0, sizeof(zs_));
    // 15 + 16: a gzip wrapper with the largest window.
    initialized_ = inflateInit2(&zs_, 15 + 16) == Z_OK;
  }
  ~GzipDecompressor() override {
    if (initialized_) inflateEnd(&zs_);
  }
  GzipDecompressor(const GzipDecompressor&) = delete;
  GzipDecompressor& operator=(const GzipDecompressor&) = delete;

  Result<size_t> Read(char* buffer, size_t n) override {
    if (!initialized_) return Status::Internal("zlib initialisation failed");
    if (!error_.ok()) return error_;
    if (done_ || n == 0) return size_t{0};
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt want = zs_.avail_out;
    while (zs_.avail_out == want) {
      if (zs_.avail_in == 0) {
        Result<size_t> got = compressed_->Read(in_.data(), in_.size());
        if (!got.has_value()) return Fail(got.error());
        if (*got == 0) {
          // End of input: fine between members, truncation inside one.
          if (in_member_) {
            return Fail(Status::Corrupt("truncated gzip stream after ", total_out_, " bytes"));
          }
          done_ = true;
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(*got);
      }
      if (!in_member_) {
        // A new member must start with the gzip magic; anything else is trailing garbage.
        if (zs_.next_in[0] != 0x1f || (zs_.avail_in > 1 && zs_.next_in[1] != 0x8b)) {
          return Fail(Status::Corrupt("bytes after gzip stream end are not gzip (after ",
                                      total_out_, " bytes)"));
        }
        in_member_ = true;
      }
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      total_out_ += (want - zs_.avail_out) - produced_;
      produced_ = want - zs_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
      } else if (rc == Z_BUF_ERROR) {
        // No progress possible with the input at hand; loop reads more input.
        if (zs_.avail_in != 0) {
          return Fail(Status::Corrupt("corrupt gzip stream after ", total_out_, " bytes"));
        }
      } else if (rc != Z_OK) {
        return Fail(Status::Corrupt("corrupt gzip stream after ", total_out_,
                                    " bytes: ", zs_.msg != nullptr ? zs_.msg : "inflate error"));
      }
    }
    const size_t out = want - zs_.avail_out;
    produced_ = 0;
    if (out == 0 && !done_) return Fail(Status::Internal("gzip: no progress"));
    return out;
  }

 private:
  static constexpr size_t kChunkBytes = 64 << 10;

  Status Fail(Status status) {
    error_ = status;
    return status;
  }

  std::unique_ptr<ByteSource> compressed_;
  std::string in_;
  z_stream zs_;
  bool initialized_ = false;
  bool in_member_ = false;
  bool done_ = false;
  uint64_t total_out_ = 0;
  size_t produced_ = 0;  // output of the current Read() already counted in total_out_
  Status error_;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(std::make_unique<FdSource>(0, false));
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) return Status::NotFound("no such file or directory");
    if (err == EACCES || err == EPERM) return Status::IOError("permission denied");
    return Status::IOError("cannot open: ", std::strerror(err));
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int err = errno;
    close(fd);
    return Status::IOError("cannot stat: ", std::strerror(err));
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    return Status::IOError("is a directory");
  }
  return std::unique_ptr<ByteSource>(std::make_unique<FdSource>(fd, true));
}

std::optional<uint64_t> RegularFileSize(const std::string& path) {
  if (path == "-") return std::nullopt;
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
}

std::unique_ptr<ByteSource> PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> rest) {
  return std::make_unique<PrefixSource>(std::move(prefix), std::move(rest));
}

std::unique_ptr<ByteSource> GzipSource(std::unique_ptr<ByteSource> compressed) {
  return std::make_unique<GzipDecompressor>(std::move(compressed));
}

Result<std::string> ReadAtMost(ByteSource* source, uint64_t limit) {
  std::string out;
  char chunk[64 << 10];
  while (true) {
    TG_ASSIGN_OR_RETURN(size_t got, source->Read(chunk, sizeof(chunk)));
    if (got == 0) return out;
    if (out.size() + got > limit) {
      return Status::ResourceExhausted("document larger than the limit of ", limit, " bytes");
    }
    out.append(chunk, got);
  }
}

BufferedReader::BufferedReader(ByteSource* source, size_t buffer_bytes)
    : source_(source), buffer_(std::max<size_t>(buffer_bytes, 16), '\0') {}

Result<bool> BufferedReader::Fill() {
  if (begin_ < end_) return true;
  if (eof_) return false;
  begin_ = end_ = 0;
  TG_ASSIGN_OR_RETURN(size_t got, source_->Read(buffer_.data(), buffer_.size()));
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ = got;
  return true;
}

Result<BufferedReader::LineStatus> BufferedReader::ReadLine(size_t max_bytes, std::string* line) {
  line->clear();
  bool any = false;
  bool too_long = false;
  while (true) {
    TG_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) break;
    any = true;
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    const size_t take = nl != nullptr ? static_cast<const char*>(nl) - start + 1 : end_ - begin_;
    if (!too_long) {
      if (line->size() + take > max_bytes + 2) {  // + 2: room for the "\r\n" terminator
        too_long = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    begin_ += take;
    offset_ += take;
    if (nl != nullptr) break;
  }
  if (!any) return LineStatus::kEnd;
  if (too_long) return LineStatus::kTooLong;
  if (!line->empty() && line->back() == '\n') line->pop_back();
  if (!line->empty() && line->back() == '\r') line->pop_back();
  if (line->size() > max_bytes) {
    line->clear();
    return LineStatus::kTooLong;
  }
  return LineStatus::kLine;
}

Result<uint64_t> BufferedReader::ReadExact(uint64_t n, std::string* out) {
  uint64_t done = 0;
  while (done < n) {
    TG_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) break;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    out->append(buffer_.data() + begin_, take);
    begin_ += take;
    offset_ += take;
    done += take;
  }
  return done;
}

Result<uint64_t> BufferedReader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    TG_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) break;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - begin_));
    begin_ += take;
    offset_ += take;
    done += take;
  }
  return done;
}

Result<std::string_view> BufferedReader::Peek(size_t n) {
  n = std::min(n, buffer_.size());
  while (end_ - begin_ < n && !eof_) {
    if (begin_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    TG_ASSIGN_OR_RETURN(size_t got, source_->Read(buffer_.data() + end_, buffer_.size() - end_));
    if (got == 0) eof_ = true;
    end_ += got;
  }
  return std::string_view(buffer_.data() + begin_, std::min(n, end_ - begin_));
}

}  // namespace tg::ingest
