// ST206 offheap-without-size: spark.memory.offHeap.enabled=true with no
// positive spark.memory.offHeap.size. Spark refuses to start
// (MemoryManager: "spark.memory.offHeap.size must be > 0 when
// spark.memory.offHeap.enabled == true").
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.Bool(keys::kOffHeapEnabled).value_or(false)) return;
  std::optional<int64_t> size = ctx.Bytes(keys::kOffHeapSize);
  if (size && *size > 0) return;
  if (ctx.IsSet(keys::kOffHeapSize) && ctx.Setting(keys::kOffHeapSize)->dynamic) return;
  ctx.Report(ctx.LocationOf(keys::kOffHeapEnabled),
             "off-heap memory is enabled but spark.memory.offHeap.size is not positive; Spark "
             "will refuse to start",
             std::string(keys::kOffHeapEnabled));
}

}  // namespace

const Rule& OffheapWithoutSizeRule() {
  static const Rule rule{
      .id = "ST206",
      .slug = "offheap-without-size",
      .default_severity = Severity::kError,
      .summary = "Off-heap memory enabled without a positive size; Spark will not start.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
