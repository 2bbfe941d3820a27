// DirectorySink: a CollectSink that keeps verified downloads as files, for
// `sparktune collect --out DIR` before (or without) the SQLite store.
//
// Layout:
//   DIR/<appId>/eventLogs-<appId>[-<attemptId>].zip   the zip as the server sent it
//   DIR/collect-watermarks.json                        {"<source>": epoch ms, ...}
//   DIR/.staging/                                      the collector's downloads in flight
//   DIR/.lock                                          held (flock) while a collect runs
// A zip appears by rename(2) from .staging (same file system), after fsync, so
// a file under DIR/<appId>/ is always a complete, verified zip; AlreadyHave is
// its existence. The watermark file is replaced the same way.
//
// One DirectorySink per process and directory: Open() fails when another
// process holds DIR/.lock. Files, renames and the lock go through an Env
// (data/base/env.h); the collector's downloads into .staging are written by
// the HTTP client on the real file system. Not thread-safe (the collector
// serializes calls).
#pragma once

#include <memory>
#include <string>

#include "advisor/collect/collect_sink.h"
#include "data/base/env.h"

namespace sparktune::collect {

class DirectorySink : public CollectSink {
 public:
  // Creates DIR (and .staging), takes the lock, and clears stale staging files
  // left by a killed run.
  static Result<std::unique_ptr<DirectorySink>> Open(const std::string& dir,
                                                     Env* env = Env::Default());

  const std::string& dir() const { return dir_; }
  std::string StagingDir() const { return dir_ + "/.staging"; }
  // Where an attempt's zip is kept.
  std::string ZipPath(const std::string& app_id, const std::string& attempt_id) const;

  Result<bool> AlreadyHave(const std::string& app_id, const std::string& attempt_id) override;
  Status Ingest(const VerifiedDownload& download) override;
  Result<std::optional<int64_t>> GetWatermark(const std::string& source) override;
  Status SetWatermark(const std::string& source, int64_t end_ms) override;

 private:
  DirectorySink(std::string dir, Env* env, std::unique_ptr<FileLock> lock)
      : dir_(std::move(dir)), env_(env), lock_(std::move(lock)) {}
  std::string dir_;
  Env* env_;
  std::unique_ptr<FileLock> lock_;  // DIR/.lock, held while the sink lives
};

}  // namespace sparktune::collect
