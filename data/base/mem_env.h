// MemEnv: an Env (data/base/env.h) that keeps files in memory and has a clock
// the test sets, for tests of ingest, nightly and collect that need no disk
// and no real time (LevelDB's helpers/memenv is the model).
//
// Contract: a path names a file or a directory by its exact spelling ("a/b"
// and "a//b" differ; trailing slashes are ignored). Writing a file needs its
// parent directory to exist, as on a real file system; "." and "" always
// exist. SetReadOnly(prefix) makes every write, rename, removal and directory
// creation under `prefix` fail with IoError, which is how tests stand for a
// full or read-only disk. The wall clock starts at `start_millis` and moves
// only by SetNowMillis/AdvanceMillis; the monotonic clock moves with it.
//
// Thread safety: every method is safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "data/base/env.h"

namespace sparktune {

class MemEnv : public Env {
 public:
  explicit MemEnv(int64_t start_millis = 0) : now_millis_(start_millis) {}

  bool FileExists(const std::string& path) override;
  bool DirectoryExists(const std::string& path) override;
  Result<std::string> ReadFile(const std::string& path) override;
  Status WriteFileAtomically(const std::string& path, std::string_view data) override;
  Status CreateDirectories(const std::string& path) override;
  Status RenameFile(const std::string& from, const std::string& to) override;
  Status RemoveAll(const std::string& path) override;
  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) override;
  int64_t NowMillis() override;
  int64_t MonotonicMicros() override;

  // Test controls.
  void SetNowMillis(int64_t millis);
  void AdvanceMillis(int64_t millis);
  void SetReadOnly(const std::string& prefix);
  // Every file path, sorted.
  std::vector<std::string> Files();

 private:
  friend class MemFileLock;
  Status Writable(const std::string& path) const;    // REQUIRES: mu_ held
  bool ParentExists(const std::string& path) const;  // REQUIRES: mu_ held
  void Unlock(const std::string& path);

  std::mutex mu_;
  std::map<std::string, std::string> files_;
  std::set<std::string> directories_;
  std::set<std::string> locks_;
  std::vector<std::string> read_only_;
  int64_t now_millis_;
};

}  // namespace sparktune
