// ByteSource: a pull-based stream of bytes (a file, or a decoder over another
// ByteSource). Event logs are read through a chain of ByteSources so that no
// log is ever held in memory whole.
//
// Contract:
//  * Read() fills up to `capacity` bytes and returns how many it wrote; 0 means
//    end of data. An error is returned as a Status naming the file and the byte
//    offset where the problem was found.
//  * A decoder whose input ends in the middle of a block or frame (an
//    in-progress or cut-off log) returns 0 (end of data) after the last complete
//    block and sets truncated() to true; it is not an error.
//  * Not thread-safe; one reader at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "data/base/result.h"

namespace sparktune::eventlog {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes into `dst`. Returns 0 at end of data.
  virtual Result<size_t> Read(uint8_t* dst, size_t capacity) = 0;
  // True when the underlying stream ended inside a block/frame (see above).
  virtual bool truncated() const { return false; }
  // Bytes consumed from the underlying file so far (for progress and error messages).
  virtual uint64_t compressed_offset() const = 0;
};

// Opens a regular file for reading. NotFound / IoError on failure.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// A ByteSource over bytes held in memory (tests, zip entries read to memory).
std::unique_ptr<ByteSource> MakeMemorySource(std::string bytes);

// A regular file read at explicit offsets (pread(2)), so that several threads
// can read different parts of one plain log at once. Thread-safe.
class PositionalFile {
 public:
  PositionalFile(int fd, std::string path, uint64_t size)
      : fd_(fd), path_(std::move(path)), size_(size) {}
  ~PositionalFile();
  PositionalFile(const PositionalFile&) = delete;
  PositionalFile& operator=(const PositionalFile&) = delete;

  // Reads up to `capacity` bytes at `offset`; 0 at end of file. IoError names
  // the file and the offset.
  Result<size_t> ReadAt(uint64_t offset, uint8_t* dst, size_t capacity) const;
  const std::string& path() const { return path_; }
  // Size when opened (the file may grow or shrink later; reads say what is there).
  uint64_t size_when_opened() const { return size_; }

 private:
  int fd_;
  std::string path_;
  uint64_t size_;
};

// Opens a regular file for positional reads. NotFound / IoError on failure.
Result<std::unique_ptr<PositionalFile>> OpenPositionalFile(const std::string& path);

}  // namespace sparktune::eventlog
