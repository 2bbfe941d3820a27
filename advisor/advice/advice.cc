#include "advisor/advice/advice.h"

#include <cstdio>

namespace sparktune::advice {

void PriceWithSimulator(const AdviceContext& ctx, Advice& a) {
  if (a.config.empty()) return;
  simulator::SimResult r = ctx.sim.Run(a.config);
  const simulator::SimResult& b = ctx.baseline;
  if (b.mb_seconds > 0) a.mb_seconds_pct = 100.0 * (r.mb_seconds / b.mb_seconds - 1.0);
  if (b.duration_ms > 0) a.duration_pct = 100.0 * (r.duration_ms / b.duration_ms - 1.0);
  std::string what;
  for (const auto& [k, v] : a.config) what += (what.empty() ? "" : ", ") + k + "=" + v;
  a.priced = "simulated with " + what +
             (r.oom_risk && !b.oom_risk ? " (the simulation flags out-of-memory risk)" : "");
}

}  // namespace sparktune::advice
