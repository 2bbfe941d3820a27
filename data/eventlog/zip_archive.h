// ZipArchive: reads the zip that the History Server's
// /api/v1/applications/{id}[/{attempt}]/logs endpoint returns
// (EventLogFileReader.zipEventLogFiles; spark-reference.md section 7.3) and
// extracts it safely.
//
// Guards (hostile input is expected): entry names that are absolute, contain
// "..", backslashes or NUL are rejected; symlink entries are rejected; total
// uncompressed size is capped (default 8 GiB) and so is the ratio of
// uncompressed to compressed size (default 200:1, decompression bombs); the
// number of entries is capped (default 10,000). Sizes are enforced while
// inflating, not trusted from the header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/base/result.h"

namespace sparktune::eventlog {

struct ZipLimits {
  uint64_t max_total_bytes = 8ull << 30;  // Default: 8 GiB.
  uint64_t max_ratio = 200;               // Default: 200x uncompressed/compressed.
  uint64_t max_entries = 10000;           // Default: 10,000.
};

// True when the file starts with a zip local-file header ("PK\x03\x04").
bool LooksLikeZip(const std::string& path);

// Extracts `zip_path` below `dest_dir` (created if missing) and returns the
// paths of the top-level event logs it held (files or eventlog_v2_ dirs), in
// the form ExpandLogArguments accepts. On any guard violation nothing partial
// is left behind and a Corrupt/Unsupported Status names the entry.
Result<std::vector<std::string>> ExtractEventLogZip(const std::string& zip_path,
                                                    const std::string& dest_dir,
                                                    const ZipLimits& limits = {});

}  // namespace sparktune::eventlog
