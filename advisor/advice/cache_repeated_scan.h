// cache-repeated-scan: the same file or table scan (same relation, columns and
// pushed filters, compared without expression ids) in the plans of two or more
// SQL executions: the input is read and decoded again each time. The fix is
// to persist the DataFrame once (df.cache() / CACHE TABLE) before the queries
// that share it, or to compute them in one pass. Evidence: the executions and
// the input bytes their scan stages read. Not priced by the simulator (it
// replays this job's stages, not a job that reads from a cache); the figure
// given is the task time of the repeated scans, an upper bound of the saving.
// Range and local relations are not scans of stored data and are skipped.
#pragma once

#include "advisor/advice/advice.h"

namespace sparktune::advice {

class CacheRepeatedScan : public Advisor {
 public:
  std::string_view id() const override { return "cache-repeated-scan"; }
  std::vector<Advice> Advise(const AdviceContext& ctx) const override;
};

}  // namespace sparktune::advice
