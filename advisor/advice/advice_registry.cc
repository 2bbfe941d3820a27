#include "advisor/advice/advice_registry.h"

#include <algorithm>

#include "advisor/advice/broadcast_small_join.h"
#include "advisor/advice/bucket_repeated_shuffle.h"
#include "advisor/advice/cache_repeated_scan.h"
#include "advisor/advice/filter_above_join.h"
#include "advisor/advice/skewed_join.h"
#include "advisor/advice/small_file_writes.h"

namespace sparktune::advice {

std::vector<std::unique_ptr<Advisor>> DefaultAdvisors() {
  std::vector<std::unique_ptr<Advisor>> v;
  v.push_back(std::make_unique<BroadcastSmallJoin>());
  v.push_back(std::make_unique<SkewedJoin>());
  v.push_back(std::make_unique<BucketRepeatedShuffle>());
  v.push_back(std::make_unique<SmallFileWrites>());
  v.push_back(std::make_unique<CacheRepeatedScan>());
  v.push_back(std::make_unique<FilterAboveJoin>());
  return v;
}

std::vector<Advice> RunAdvisors(const simulator::AppSimulator& sim,
                                const simulator::SimResult& baseline,
                                const std::set<std::string>& disabled) {
  AdviceContext ctx{sim.app(), sim.plan(), sim, baseline};
  std::vector<Advice> out;
  for (const auto& advisor : DefaultAdvisors()) {
    if (disabled.count(std::string(advisor->id()))) continue;
    for (Advice& a : advisor->Advise(ctx)) out.push_back(std::move(a));
  }
  std::stable_sort(out.begin(), out.end(), [](const Advice& a, const Advice& b) {
    if (a.mb_seconds_pct.has_value() != b.mb_seconds_pct.has_value())
      return a.mb_seconds_pct.has_value();
    if (a.mb_seconds_pct && b.mb_seconds_pct) return *a.mb_seconds_pct < *b.mb_seconds_pct;
    return false;
  });
  return out;
}

}  // namespace sparktune::advice
