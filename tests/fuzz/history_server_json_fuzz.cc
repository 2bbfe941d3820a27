// libFuzzer target for what `collect` parses from a History Server: the
// /applications JSON (ParseApplicationList), the dates in it and in Retry-After
// headers, and the id check that guards URLs and file names. Any crash,
// sanitizer report or hang is a bug; crashers go to
// tests/data/history_server/fuzz_regressions/ (replayed by a unit test).
//
//   build-fuzz/tests/fuzz/history_server_json_fuzz -max_total_time=300 \
//     -dict=tests/fuzz/history_server_json.dict <corpus-dir>
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/history_server/application_list.h"
#include "data/history_server/retry_policy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sparktune::history_server;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto apps = ParseApplicationList(bytes, "http://fuzz/api/v1/applications");
  if (apps.ok()) {
    for (const ApplicationInfo& app : *apps) {
      (void)IsSafeIdentifier(app.id);
      (void)app.LatestEndMs();
      for (const AttemptInfo& a : app.attempts) {
        (void)IsSafeIdentifier(a.attempt_id);
        (void)FormatSparkDate(a.end_ms);
        (void)FormatSparkDate(a.start_ms);
      }
    }
  }
  std::string text(bytes.substr(0, 64));
  auto ms = ParseSparkDate(text);
  if (ms.ok()) (void)FormatSparkDate(*ms);
  (void)ParseRetryAfterMs(text, 1763700000);
  return 0;
}
