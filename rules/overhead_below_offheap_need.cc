// ST210 overhead-below-offheap-need: executor memory overhead too small for what lives outside
// the heap.
//  * Before Spark 3.0 the container request did not include spark.memory.offHeap.size
//    (SPARK-28577 added it in 3.0, ResourceProfile / YARN Client): with off-heap enabled the
//    overhead itself must hold the off-heap size, or YARN kills the container once Tungsten's
//    off-heap pages fill.
//  * With a native engine (Gluten/Velox) the off-heap size is Gluten's managed pool, but the
//    native library, its threads and allocator arenas, and the row/column transitions use
//    memory outside that pool, which only the overhead covers. The share needed is not
//    documented by Gluten; `min_native_ratio` (overhead / off-heap size) is this rule's stated
//    assumption, an option to re-level per fleet.
#include <cmath>

#include "data/config/config_catalog.h"
#include "rules/rule.h"
#include "rules/variant_settings.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

constexpr int64_t kMib = 1024 * 1024;

void Check(RuleContext& ctx) {
  std::optional<int64_t> offheap = ctx.Bytes(keys::kOffHeapSize);
  if (!offheap || *offheap <= 0) return;  // ST206 / ST209 report a missing size
  const bool enabled = ctx.Bool(keys::kOffHeapEnabled).value_or(false);
  const bool native = NativeEngineActive(VariantOf(ctx));
  const engine::ContainerSize container = ExecutorContainerOf(ctx);
  const int64_t overhead = container.overhead_mib * kMib;
  const jobconfig::SourceLocation where = ctx.IsSet(keys::kExecutorMemoryOverhead)
                                              ? ctx.LocationOf(keys::kExecutorMemoryOverhead)
                                              : ctx.LocationOf(keys::kOffHeapSize);
  if (enabled && ctx.version().known() && !ctx.version().AtLeast(3, 0) && overhead < *offheap) {
    ctx.Report(where,
               "Spark " + ctx.version().text + " does not add the " + FormatBytes(*offheap) +
                   " off-heap size to the container; the memory overhead (" +
                   FormatBytes(overhead) + ") must hold it, or the container is killed",
               std::string(keys::kExecutorMemoryOverhead));
    return;
  }
  if (!native) return;
  const double min_ratio = ctx.OptionNumber("min_native_ratio");
  const double need = std::ceil(static_cast<double>(*offheap) * min_ratio);
  if (static_cast<double>(overhead) >= need) return;
  ctx.Report(where,
             "memory overhead " + FormatBytes(overhead) + " is below " +
                 FormatNumber(std::round(min_ratio * 100)) + "% of the " + FormatBytes(*offheap) +
                 " off-heap size; the native engine's memory outside its pool (library, threads, "
                 "allocator arenas) comes from the overhead",
             std::string(keys::kExecutorMemoryOverhead));
}

}  // namespace

const Rule& OverheadBelowOffheapNeedRule() {
  static const Rule rule{
      .id = "ST210",
      .slug = "overhead-below-offheap-need",
      .default_severity = Severity::kWarning,
      .summary = "Memory overhead too small for off-heap use outside Spark's pools.",
      .options = {{"min_native_ratio", "0.1",
                   "Smallest overhead / off-heap size ratio with a native engine (an assumption: "
                   "Gluten documents no figure)."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
