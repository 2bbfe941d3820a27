// SearchSpace: the configurations `optimize` may choose from, generated from
// the config catalog (data/config/config_catalog.h): one Dimension per tunable
// key, each a short ordered ladder of values around the log's own value, with
// the log's value always present (so "change nothing" is a point of the space).
//
// Dimensions (keys from the catalog; a key must be marked tunable there):
//   spark.executor.memory            ladder within [obs/4, obs*4], not below 1g
//                                    (unless the log ran below), or the cluster
//                                    profile's memory steps
//   spark.executor.cores             1..8 up to the cores of a node
//   spark.executor.memoryOverhead    only when the log sets it above Spark's default:
//                                    from the log's value down to the default
//                                    (never below it: the simulator cannot see
//                                    container kills for lack of overhead)
//   spark.sql.shuffle.partitions     obs x 1/8 .. x8
//   spark.sql.adaptive.enabled       only when the log has AQE off: off / on
//   spark.sql.autoBroadcastJoinThreshold, spark.sql.adaptive.autoBroadcastJoinThreshold
//                                    -1 (off), 10m .. 256m
//   spark.sql.adaptive.advisoryPartitionSizeInBytes   16m .. 256m
//   spark.sql.adaptive.skewJoin.enabled, ...skewedPartitionThresholdInBytes
//   spark.dynamicAllocation.maxExecutors  only when the log uses dynamic allocation
//   spark.sql.files.maxPartitionBytes     32m .. 512m
// A point is one value index per dimension; Materialize turns it into the
// overrides that differ from the log's config (canonical comparison: "64m" and
// "67108864" are the same value).
//
// Plain value type; immutable after construction.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "advisor/search/cluster_limits.h"
#include "engine/memory/container_size.h"

namespace sparktune::search {

using ConfigMap = std::map<std::string, std::string>;
using Point = std::vector<int>;

struct Dimension {
  std::string key;
  std::vector<std::string> values;  // as written in a rewrite ("4g", "400", "true")
  int observed_index = 0;           // the log's own value
};

// The value of `key` in a canonical form for comparison: sizes in bytes,
// durations in ms, booleans lower-case, numbers without redundant digits; an
// unparsable value comes back trimmed as it is.
std::string CanonicalValue(const std::string& key, const std::string& value);

// `overrides` without the keys whose value equals the one in force in
// `observed` (set in the log, else the catalog default for its version).
ConfigMap DropUnchanged(const engine::EffectiveConfig& observed, const ConfigMap& overrides);

// A stable text key of a config (sorted key=canonical value pairs), for caches.
std::string CanonicalKey(const ConfigMap& overrides);

class SearchSpace {
 public:
  SearchSpace(engine::EffectiveConfig observed, std::vector<Dimension> dims)
      : observed_(std::move(observed)), dims_(std::move(dims)) {}

  // Builds the space for a log's config under `limits`. Dimensions of keys
  // the Spark version does not have yet are left out.
  static SearchSpace Build(const engine::EffectiveConfig& observed, const ClusterLimits& limits);

  const std::vector<Dimension>& dims() const { return dims_; }
  const engine::EffectiveConfig& observed() const { return observed_; }
  // The log's own config as a point.
  Point ObservedPoint() const;
  // Number of points (a double: it can exceed 2^63).
  double Size() const;
  // The overrides of `p` that differ from the log's config.
  ConfigMap Materialize(const Point& p) const;
  // Each coordinate as a position in [0, 1] (index / (levels - 1)), for the GP.
  std::vector<double> Normalize(const Point& p) const;

 private:
  engine::EffectiveConfig observed_;
  std::vector<Dimension> dims_;
};

}  // namespace sparktune::search
