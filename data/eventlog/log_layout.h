// LogLayout: which files make up one application attempt's event log, in
// order, and what the layout says about completeness. Pure inspection of
// names and directory listings; no decoding.
//
// Layouts recognized (spark-reference.md sections 1.1-1.3, 1.7):
//  * single file `<base>[.<codec>][.inprogress]` (Spark 1.3+);
//  * rolling directory `eventlog_v2_<base>/` with `events_<N>_<base>[.<codec>]`
//    parts (sorted by N, a `.compact` part sorts after the normal part of the
//    same index, parts before the last `.compact` are dropped, indices must be
//    contiguous) and an `appstatus_<base>[.inprogress]` marker (3.0+,
//    RollingEventLogFilesFileReader);
//  * Spark 1.2 directory `<app>/` with `EVENT_LOG_<N>`, `SPARK_VERSION_<v>`,
//    `APPLICATION_COMPLETE` markers;
//  * Databricks rolled directory: `eventlog` (current) plus
//    `eventlog-YYYY-MM-DD--HH-MM[.gz]` parts, read oldest first, `eventlog` last.
//  Files whose names start with '.' are ignored (Hadoop .crc files).
#pragma once

#include <string>
#include <vector>

#include "data/base/result.h"
#include "data/eventlog/codec.h"

namespace sparktune::eventlog {

enum class LayoutKind { kSingleFile, kRollingV2, kLegacyDirectory, kDatabricksRolled };

struct LogPart {
  std::string path;  // absolute or as given
  Codec codec = Codec::kNone;
};

struct LogLayout {
  LayoutKind kind = LayoutKind::kSingleFile;
  std::string display_name;  // path as the user gave it, for messages
  std::vector<LogPart> parts;
  bool in_progress = false;  // .inprogress file / appstatus marker / no APPLICATION_COMPLETE
  bool compacted = false;    // a .compact part was used: finished jobs' events are gone
  std::string legacy_spark_version;  // from SPARK_VERSION_<v> in the 1.2 layout, else empty
};

// Inspects `path` (file or directory). Errors: NotFound, Unreadable (a
// directory that is no known layout, a rolling directory with a gap in its
// part indices or without events files).
Result<LogLayout> DetectLayout(const std::string& path);

// Expands user arguments into event logs: a file or a recognized log directory
// is one log; any other directory is scanned (one level) for logs. Sorted.
Result<std::vector<std::string>> ExpandLogArguments(const std::vector<std::string>& args);

}  // namespace sparktune::eventlog
