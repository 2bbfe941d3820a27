// Env: the outside world that ingest, nightly and collect touch (files and
// the clock) behind one small interface, so that tests can run them against
// an in-memory file system and a clock they set (data/base/mem_env.h).
// Modelled on LevelDB's include/leveldb/env.h and helpers/memenv.
//
// Contract: paths are plain strings as the caller gives them; every operation
// that can fail returns a Status or Result whose message names the path and
// what the system said. WriteFileAtomically never leaves a half-written file
// under `path`: readers see the old content or the new. NowMillis is the wall
// clock (epoch milliseconds, what is stored); MonotonicMicros only measures
// elapsed time. Reading event logs (data/eventlog, mmap) stays on the real
// file system: their readers take paths, not an Env.
//
// Thread safety: Env::Default() and every Env method are safe to call from
// several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "data/base/result.h"
#include "data/base/status.h"

namespace sparktune {

// A held lock; released when destroyed.
class FileLock {
 public:
  virtual ~FileLock() = default;
};

class Env {
 public:
  virtual ~Env() = default;

  // The POSIX environment of this process (never deleted).
  static Env* Default();

  // Files and directories.
  virtual bool FileExists(const std::string& path) = 0;  // a regular file
  virtual bool DirectoryExists(const std::string& path) = 0;
  // The whole file; NotFound when there is none.
  virtual Result<std::string> ReadFile(const std::string& path) = 0;
  // Writes `data` to "<path>.tmp", syncs it, renames it over `path` and syncs
  // the directory.
  virtual Status WriteFileAtomically(const std::string& path, std::string_view data) = 0;
  // Creates `path` and its missing parents; ok when it exists.
  virtual Status CreateDirectories(const std::string& path) = 0;
  // Renames a file (same file system) and syncs the target's directory.
  virtual Status RenameFile(const std::string& from, const std::string& to) = 0;
  // Removes a file or a directory tree; ok when there is none.
  virtual Status RemoveAll(const std::string& path) = 0;
  // An exclusive lock on `path` (created if missing) for as long as the
  // returned object lives; an IoError when another holder has it.
  virtual Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) = 0;

  // Clock.
  virtual int64_t NowMillis() = 0;        // wall clock, milliseconds since the epoch
  virtual int64_t MonotonicMicros() = 0;  // for elapsed time only
};

}  // namespace sparktune
