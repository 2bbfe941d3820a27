// bucket-repeated-shuffle: a stored table shuffled on the same keys (hash
// partitioning of the exchange written by a stage that scans only that table)
// by two or more SQL executions. Bucketing the table on those keys
// (CREATE TABLE ... CLUSTERED BY (keys) INTO n BUCKETS, or
// df.write.bucketBy(n, keys)) lets the planner skip the exchange
// (spark.sql.sources.bucketing.enabled, 2.0+). The bucket count aims at
// ~128 MiB per bucket of the largest shuffle seen, rounded up to a power of
// two. Not priced: the simulator cannot remove an exchange that the log ran.
#pragma once

#include "advisor/advice/advice.h"

namespace sparktune::advice {

class BucketRepeatedShuffle : public Advisor {
 public:
  std::string_view id() const override { return "bucket-repeated-shuffle"; }
  std::vector<Advice> Advise(const AdviceContext& ctx) const override;
};

}  // namespace sparktune::advice
