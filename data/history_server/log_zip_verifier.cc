#include "data/history_server/log_zip_verifier.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "data/eventlog/event_log_reader.h"

namespace sparktune::history_server {

Result<VerifiedLogZip> VerifyLogZip(const std::string& zip_path, const std::string& scratch_dir,
                                    const std::string& app_id, const std::string& attempt_id,
                                    const eventlog::ZipLimits& limits) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(fs::symlink_status(scratch_dir, ec))) {
    return Status::Internal("verification scratch directory already exists: " + scratch_dir);
  }
  auto fail = [&](const Status& st) {
    fs::remove_all(scratch_dir, ec);
    return st.WithContext("downloaded logs of " + app_id +
                          (attempt_id.empty() ? "" : "/" + attempt_id) + " failed verification (" +
                          zip_path + ")");
  };
  if (!eventlog::LooksLikeZip(zip_path)) {
    return fail(Status::Corrupt("not a zip archive (no PK header)"));
  }
  auto logs = eventlog::ExtractEventLogZip(zip_path, scratch_dir, limits);
  if (!logs.ok()) return fail(logs.status());
  if (logs->empty()) return fail(Status::Unreadable("the zip holds no event log"));
  VerifiedLogZip out;
  for (const std::string& path : *logs) {
    auto loaded = eventlog::ReadEventLog(path);
    if (!loaded.ok()) return fail(loaded.status());
    const model::Application& app = loaded->app;
    const std::string name = fs::path(path).filename().string();
    if (app.app_id != app_id) {
      return fail(Status::Corrupt("event log " + name + " is of application '" +
                                  app.app_id.substr(0, 200) + "', not the one requested"));
    }
    if (!attempt_id.empty() && !app.attempt_id.empty() && app.attempt_id != attempt_id) {
      return fail(Status::Corrupt("event log " + name + " is of attempt '" +
                                  app.attempt_id.substr(0, 50) + "', not the one requested"));
    }
    if (app.end_time < 0) {
      return fail(
          Status::Corrupt("event log " + name + " has no ApplicationEnd event (cut short?)"));
    }
    out.end_ms = std::max(out.end_ms, app.end_time);
    out.bytes_decoded += loaded->bytes_decoded;
    out.logs.push_back(path);
  }
  return out;
}

}  // namespace sparktune::history_server
