// The History Server's application list (GET /api/v1/applications; Spark
// core/.../status/api/v1/api.scala ApplicationInfo / ApplicationAttemptInfo,
// ApplicationListResource.scala; spark-reference.md section 7), parsed from
// untrusted JSON into plain structs.
//
// Parsing is strict on the fields sparktune uses (id, name, attempts[],
// attemptId, endTimeEpoch or endTime, sparkUser, completed): a wrong type is an
// error naming the URL and the JSON path ("[3].attempts[0].completed: expected
// a boolean"); unknown fields are ignored. Identifiers are NOT trusted here:
// IsSafeIdentifier() says whether an id may be used in a URL path or a file
// name. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/base/result.h"

namespace sparktune::history_server {

struct AttemptInfo {
  std::string attempt_id;  // empty when the app has one unnamed attempt (client mode, standalone)
  int64_t start_ms = -1;   // epoch ms
  int64_t end_ms = -1;     // epoch ms, -1 while running
  std::string spark_user;
  bool completed = false;
  std::string spark_version;  // appSparkVersion, may be empty
};

struct ApplicationInfo {
  std::string id;
  std::string name;
  std::vector<AttemptInfo> attempts;
  // Latest end time over the attempts (-1 if none ended): the order key of
  // the list (ApplicationListResource sorts by end time, newest first).
  int64_t LatestEndMs() const;
};

// Parses the JSON body of /applications fetched from `url`. Errors are
// Corrupt and read "<what was expected>: <url>".
Result<std::vector<ApplicationInfo>> ParseApplicationList(std::string_view body,
                                                          const std::string& url);

// "2026-11-21T22:10:30.123GMT": the format the API returns and accepts for
// minEndDate/maxEndDate (JacksonMessageWriter, SimpleDateParam), in GMT.
std::string FormatSparkDate(int64_t epoch_ms);
// Parses FormatSparkDate's output, "...Z", "yyyy-MM-ddTHH:mm:ss[.SSS]" (GMT),
// or "yyyy-MM-dd" (midnight GMT). InvalidArgument names the text.
Result<int64_t> ParseSparkDate(std::string_view text);

// True for ids made of [A-Za-z0-9._-] only, 1-200 chars, not "." or "..":
// every id Spark generates (app-*, application_*, local-*, spark-*, "1").
bool IsSafeIdentifier(std::string_view id);

}  // namespace sparktune::history_server
