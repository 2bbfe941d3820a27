// VerifyLogZip: decides whether a downloaded History Server logs zip is a
// complete event log of the application it was asked for, before anything
// downstream sees it.
//
// Checks, in order: the zip opens and extracts under the guards of
// data/eventlog/zip_archive.h (path traversal, symlinks, bombs, entry count);
// it holds at least one event log; every log reads (ReadEventLog: codec,
// layout, JSON); each log is of `app_id` (and `attempt_id` when given) and
// has its ApplicationEnd (the server called it completed; a log without an end
// was cut). On failure the scratch directory is removed and a Status names
// the zip and the problem.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/zip_archive.h"

namespace sparktune::history_server {

struct VerifiedLogZip {
  std::vector<std::string>
      logs;             // extracted event logs (files or eventlog_v2_ dirs) under scratch_dir
  int64_t end_ms = -1;  // latest ApplicationEnd over the logs
  uint64_t bytes_decoded = 0;  // uncompressed event bytes read
};

// Extracts `zip_path` into `scratch_dir` (which must not exist) and verifies
// it. The extracted logs stay for the caller (who removes scratch_dir).
Result<VerifiedLogZip> VerifyLogZip(const std::string& zip_path, const std::string& scratch_dir,
                                    const std::string& app_id, const std::string& attempt_id,
                                    const eventlog::ZipLimits& limits = {});

}  // namespace sparktune::history_server
