// ByteSource implementations over a regular file (buffered read(2)) and over
// bytes held in memory, and PositionalFile (pread(2)). Contract: see
// byte_source.h.
//
// The file source mirrors what Spark's reader gets from Hadoop's
// FSDataInputStream wrapped in a BufferedInputStream
// (EventLogFileReader.openEventLog): a plain forward-only byte stream.
#include "data/eventlog/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace sparktune::eventlog {
namespace {

constexpr size_t kFileBufferSize = 64 * 1024;

std::string ErrnoText(int err) { return std::strerror(err); }

// Buffered reader over an open file descriptor. Owns the descriptor.
class FileSource final : public ByteSource {
 public:
  FileSource(int fd, std::string path)
      : fd_(fd), path_(std::move(path)), buffer_(new uint8_t[kFileBufferSize]) {}
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> Read(uint8_t* dst, size_t capacity) override {
    if (capacity == 0) return size_t{0};
    if (begin_ == end_) {
      // Large reads bypass the buffer.
      if (capacity >= kFileBufferSize) {
        Result<size_t> n = ReadSome(dst, capacity);
        if (n.ok()) offset_ += *n;
        return n;
      }
      Result<size_t> n = ReadSome(buffer_.get(), kFileBufferSize);
      if (!n.ok()) return n.status();
      begin_ = 0;
      end_ = *n;
      if (*n == 0) return size_t{0};
    }
    size_t take = std::min(capacity, end_ - begin_);
    std::memcpy(dst, buffer_.get() + begin_, take);
    begin_ += take;
    offset_ += take;
    return take;
  }

  uint64_t compressed_offset() const override { return offset_; }

 private:
  Result<size_t> ReadSome(uint8_t* dst, size_t capacity) {
    for (;;) {
      ssize_t n = ::read(fd_, dst, capacity);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno == EINTR) continue;
      return Status::IoError("read failed (" + ErrnoText(errno) + "): " + path_ + " at byte " +
                             std::to_string(offset_));
    }
  }

  int fd_;
  std::string path_;
  std::unique_ptr<uint8_t[]> buffer_;
  size_t begin_ = 0;
  size_t end_ = 0;
  uint64_t offset_ = 0;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}

  Result<size_t> Read(uint8_t* dst, size_t capacity) override {
    size_t take = std::min(capacity, bytes_.size() - pos_);
    if (take > 0) std::memcpy(dst, bytes_.data() + pos_, take);
    pos_ += take;
    return take;
  }

  uint64_t compressed_offset() const override { return pos_; }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

}  // namespace

namespace {

// Opens `path` read-only and checks that it is a regular file; returns the descriptor.
Result<int> OpenRegularFile(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) return Status::NotFound("no such file: " + path);
    return Status::IoError("cannot open (" + ErrnoText(err) + "): " + path);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::IoError("cannot stat (" + ErrnoText(err) + "): " + path);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError("not a regular file: " + path);
  }
  return fd;
}

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  SPARKTUNE_ASSIGN_OR_RETURN(int fd, OpenRegularFile(path));
  return std::unique_ptr<ByteSource>(new FileSource(fd, path));
}

PositionalFile::~PositionalFile() { ::close(fd_); }

Result<size_t> PositionalFile::ReadAt(uint64_t offset, uint8_t* dst, size_t capacity) const {
  for (;;) {
    ssize_t n = ::pread(fd_, dst, capacity, static_cast<off_t>(offset));
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    return Status::IoError("read failed (" + ErrnoText(errno) + "): " + path_ + " at byte " +
                           std::to_string(offset));
  }
}

Result<std::unique_ptr<PositionalFile>> OpenPositionalFile(const std::string& path) {
  SPARKTUNE_ASSIGN_OR_RETURN(int fd, OpenRegularFile(path));
  struct stat st {};
  ::fstat(fd, &st);  // checked by OpenRegularFile
  return std::make_unique<PositionalFile>(fd, path, static_cast<uint64_t>(st.st_size));
}

std::unique_ptr<ByteSource> MakeMemorySource(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

}  // namespace sparktune::eventlog
