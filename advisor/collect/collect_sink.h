// CollectSink: where `collect` hands verified event logs, and where it keeps
// its watermark. The directory sink (directory_sink.h) and the SQLite store
// implement it; the collector (collector.h) depends only on this interface.
//
// Contract:
//  * Ingest() is called only with a download that passed VerifyLogZip; the
//    files it names live in the collector's staging directory and are valid
//    only during the call (the sink moves or copies what it keeps; whatever is
//    left is deleted afterwards). Ingest must be all-or-nothing: when it
//    returns an error, AlreadyHave() must still say false for that attempt.
//  * After Ingest() returns ok, AlreadyHave(app_id, attempt_id) is true, also
//    in a later process (this is what makes collect resumable).
//  * GetWatermark/SetWatermark store one epoch-ms value per source key (the
//    History Server URL plus the filters); SetWatermark is called only after
//    every application ending at or before the value was handed over.
//  * Calls are serialized by the collector (a sink need not be thread-safe).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/base/result.h"

namespace sparktune::collect {

struct VerifiedDownload {
  std::string source;      // the History Server API URL
  std::string app_id;      // safe: [A-Za-z0-9._-]
  std::string attempt_id;  // safe; empty for an app's only, unnamed attempt
  std::string app_name;    // untrusted text from the server
  std::string spark_user;  // untrusted text from the server
  int64_t end_ms = -1;     // the attempt's end (epoch ms)
  std::string zip_path;    // the downloaded zip as the server sent it
  uint64_t zip_bytes = 0;
  std::vector<std::string> logs;  // the event logs extracted from it (files or eventlog_v2_ dirs)
};

class CollectSink {
 public:
  virtual ~CollectSink() = default;
  virtual Result<bool> AlreadyHave(const std::string& app_id, const std::string& attempt_id) = 0;
  virtual Status Ingest(const VerifiedDownload& download) = 0;
  // nullopt when nothing was stored for `source` yet.
  virtual Result<std::optional<int64_t>> GetWatermark(const std::string& source) = 0;
  virtual Status SetWatermark(const std::string& source, int64_t end_ms) = 0;
};

}  // namespace sparktune::collect
