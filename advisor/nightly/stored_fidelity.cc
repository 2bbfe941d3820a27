#include "advisor/nightly/stored_fidelity.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data/config/config_catalog.h"
#include "engine/memory/container_size.h"

namespace sparktune::advisor {

namespace {

simulator::ReplayEvidence EvidenceOfStored(const store::AppDetail& d,
                                           const simulator::FidelityThresholds& t) {
  const store::ApplicationRow& a = d.app;
  simulator::ReplayEvidence e;
  e.executors = static_cast<int>(d.executors.size());
  for (const store::ConfigRow& c : d.configs) {
    if (c.key != config::keys::kMaster) continue;
    e.local_mode = engine::ClusterManagerFromMaster(c.value) == engine::ClusterManager::kLocal &&
                   e.executors == 0;
  }
  e.complete = a.complete;
  e.start_known = a.start_ms >= 0;
  int64_t end =
      a.end_ms >= 0 ? a.end_ms : (a.start_ms >= 0 ? a.start_ms + std::llround(a.duration_ms) : -1);
  int64_t first = std::numeric_limits<int64_t>::max(), last = std::numeric_limits<int64_t>::min();
  auto see = [&](int64_t ms) {
    if (ms <= 0) return;
    first = std::min(first, ms);
    last = std::max(last, ms);
  };
  see(a.start_ms);
  see(end);
  for (const store::StageRow& s : d.stages) {
    e.task_ends += s.completed_tasks + s.failed_tasks;
    see(s.submission_ms);
    see(s.completion_ms);
    bool early =
        e.start_known && s.submission_ms > 0 && s.submission_ms < a.start_ms - t.clock_tolerance_ms;
    bool late = end >= 0 && s.completion_ms > end + t.clock_tolerance_ms;
    if (early || late) ++e.work_outside_lifetime;
  }
  for (const store::ExecutorRow& x : d.executors) {
    see(x.start_ms);
    see(x.end_ms);
  }
  e.timestamp_span_ms = last > first ? static_cast<double>(last - first) : 0;
  return e;
}

}  // namespace

simulator::ReplayFidelity FidelityOfStored(const store::AppDetail& d) {
  const simulator::FidelityThresholds& t = simulator::kDefaultThresholds;
  const store::PredictionRow* baseline = nullptr;
  for (const store::PredictionRow& p : d.predictions) {
    if (p.kind == store::PredictionKind::kBaseline) baseline = &p;
  }
  simulator::ReplayFigures observed{d.app.duration_ms, d.app.job_time_ms, d.app.mb_seconds};
  if (baseline == nullptr) {
    simulator::ReplayFidelity refused;
    refused.level = simulator::FidelityLevel::kRefused;
    refused.reasons.push_back("no replay of this log is stored: nothing can be predicted for it");
    return refused;
  }
  // The store keeps no simulated time inside jobs: that error stays unknown.
  simulator::ReplayFigures predicted{baseline->duration_ms, std::nan(""), baseline->mb_seconds};
  return simulator::AssessReplayFidelity(EvidenceOfStored(d, t), observed, predicted, t);
}

}  // namespace sparktune::advisor
