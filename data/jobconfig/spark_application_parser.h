// Parser for Kubernetes operator SparkApplication manifests (kubeflow
// spark-operator, apiVersion sparkoperator.k8s.io/v1beta2), read with
// yaml-cpp. Each SparkApplication document (or the spec.template of a
// ScheduledSparkApplication) becomes one JobConfig:
//   spec.sparkConf.<k>                 -> <k>
//   spec.hadoopConf.<k>                -> spark.hadoop.<k>
//   spec.executor.{memory, cores, instances, memoryOverhead, coreRequest, coreLimit}
//   spec.driver.{memory, cores, memoryOverhead, coreRequest, coreLimit}
//   spec.dynamicAllocation.{enabled, initialExecutors, minExecutors, maxExecutors,
//                           shuffleTrackingTimeout}
//   spec.memoryOverheadFactor, spec.image, spec.mode, spec.sparkVersion,
//   spec.type (Python marks a PySpark app), spec.mainApplicationFile, spec.mainClass.
// The operator turns these into spark-submit --conf arguments
// (internal/controller/sparkapplication/submission.go); where it adds a key of
// its own (spark.dynamicAllocation.shuffleTracking.enabled=true with dynamic
// allocation) the setting is added at the location of the field that caused it.
//
// Locations come from yaml-cpp marks (1-based here). Documents of other kinds
// are skipped. yaml-cpp exceptions become a Status naming file and line.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "data/base/result.h"
#include "data/jobconfig/job_config.h"

namespace sparktune::jobconfig {

Result<ConfigFile> ParseSparkApplicationYaml(const std::string& path, std::string_view text);

}  // namespace sparktune::jobconfig
