// skewed-join: a sort-merge or shuffled hash join fed by a shuffle with a
// partition far above the median (> 5x median, as AQE's
// OptimizeSkewedJoin.isSkewed with the default factor, and over 16 MiB) that
// AQE did not split (no isSkewJoin=true in the final plan). Names the stage
// that reads it, the partition index and its size vs the median. The fix:
// turn AQE skew-join handling on, or lower
// spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes below the
// partition (Spark 3.0+); priced by simulation. When AQE is already set to
// split it, the advice is to handle the hot key in the query (salting or a
// separate UNION ALL branch, as eBay did), not priced.
#pragma once

#include "advisor/advice/advice.h"

namespace sparktune::advice {

class SkewedJoin : public Advisor {
 public:
  std::string_view id() const override { return "skewed-join"; }
  std::vector<Advice> Advise(const AdviceContext& ctx) const override;
};

}  // namespace sparktune::advice
