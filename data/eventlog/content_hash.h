// ContentHash: the identity of an event log as stored: XXH3-128 over the raw
// bytes of its files as they are on disk (compressed bytes, not decoded
// events), every part of a rolling or legacy directory in the order
// DetectLayout gives, as 32 lower-case hex digits (XXH128 canonical form).
// The same log copied elsewhere, or extracted from a History Server /logs
// zip, has the same hash; a rolled log that gained a part has a new one.
#pragma once

#include <cstdint>
#include <string>

#include "data/base/result.h"

namespace sparktune::eventlog {

struct LogContentHash {
  std::string hex;     // 32 hex digits
  uint64_t bytes = 0;  // raw bytes hashed
};

// Errors: NotFound / Unreadable as DetectLayout; IoError when a part cannot be read.
Result<LogContentHash> ContentHash(const std::string& path);

}  // namespace sparktune::eventlog
