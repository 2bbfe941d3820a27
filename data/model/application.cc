#include "data/model/application.h"

namespace sparktune::model {

const char* StageStatusName(StageStatus status) {
  switch (status) {
    case StageStatus::kPending:
      return "PENDING";
    case StageStatus::kActive:
      return "ACTIVE";
    case StageStatus::kComplete:
      return "COMPLETE";
    case StageStatus::kFailed:
      return "FAILED";
    case StageStatus::kSkipped:
      return "SKIPPED";
  }
  return "UNKNOWN";
}

const char* JobStatusName(JobStatus status) {
  switch (status) {
    case JobStatus::kRunning:
      return "RUNNING";
    case JobStatus::kSucceeded:
      return "SUCCEEDED";
    case JobStatus::kFailed:
      return "FAILED";
    case JobStatus::kUnknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

int64_t Application::duration_ms() const {
  if (start_time < 0) return 0;
  int64_t end = end_time >= 0 ? end_time : last_event_time;
  return end > start_time ? end - start_time : 0;
}

const StageAttempt* Application::FindStage(int stage_id, int attempt_id) const {
  for (const StageAttempt& s : stages) {
    if (s.stage_id == stage_id && s.attempt_id == attempt_id) return &s;
  }
  return nullptr;
}

const Job* Application::FindJob(int job_id) const {
  for (const Job& j : jobs) {
    if (j.job_id == job_id) return &j;
  }
  return nullptr;
}

const std::string* Application::Property(const std::string& key) const {
  auto it = spark_properties.find(key);
  return it == spark_properties.end() ? nullptr : &it->second;
}

}  // namespace sparktune::model
