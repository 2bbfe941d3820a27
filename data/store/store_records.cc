#include "data/store/store_records.h"

namespace sparktune::store {

const char* ConfigSourceName(ConfigSource source) {
  return source == ConfigSource::kDefault ? "default" : "logged";
}

const char* PredictionKindName(PredictionKind kind) {
  switch (kind) {
    case PredictionKind::kBaseline:
      return "baseline";
    case PredictionKind::kGrid:
      return "grid";
    case PredictionKind::kOptimize:
      return "optimize";
    case PredictionKind::kRecommendation:
      return "recommendation";
  }
  return "?";
}

const char* RecommendationScopeName(RecommendationScope scope) {
  return scope == RecommendationScope::kFleet ? "fleet" : "job";
}

const char* RecommendationStatusName(RecommendationStatus status) {
  switch (status) {
    case RecommendationStatus::kProposed:
      return "proposed";
    case RecommendationStatus::kActive:
      return "active";
    case RecommendationStatus::kRejected:
      return "rejected";
    case RecommendationStatus::kSuperseded:
      return "superseded";
  }
  return "?";
}

const char* NightStatusName(NightStatus status) {
  switch (status) {
    case NightStatus::kRunning:
      return "running";
    case NightStatus::kOk:
      return "ok";
    case NightStatus::kFailed:
      return "failed";
  }
  return "?";
}

}  // namespace sparktune::store
