// ST209 native-engine-offheap: a native engine (Apache Gluten, spark.plugins =
// org.apache.gluten.GlutenPlugin) with spark.memory.offHeap.enabled false or no positive
// spark.memory.offHeap.size. Gluten's docs (docs/Configuration.md, "Spark base configurations
// for Gluten plugin"; getting-started: "Off-heap memory must be enabled") require both: Gluten
// sizes its native memory pool from spark.memory.offHeap.size, "even offHeap is disabled".
// With the size unset the native operators have no memory to run in; with off-heap disabled
// Spark does not add the size to the container request (ResourceProfile, 3.0+), so the native
// allocations land in the memory overhead and the cluster manager kills the container.
#include "data/config/config_catalog.h"
#include "rules/rule.h"
#include "rules/variant_settings.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!NativeEngineActive(VariantOf(ctx))) return;
  const jobconfig::ConfigSetting* size_setting = ctx.Setting(keys::kOffHeapSize);
  const jobconfig::ConfigSetting* enabled_setting = ctx.Setting(keys::kOffHeapEnabled);
  if ((size_setting && size_setting->dynamic) || (enabled_setting && enabled_setting->dynamic)) {
    return;
  }
  std::optional<int64_t> size = ctx.Bytes(keys::kOffHeapSize);
  if (!size || *size <= 0) {
    ctx.Report(ctx.LocationOf(size_setting ? keys::kOffHeapSize : keys::kPlugins),
               "the Gluten native engine needs spark.memory.offHeap.size: it sizes its native "
               "memory pool from it, and it is not positive here",
               std::string(keys::kOffHeapSize));
    return;
  }
  if (ctx.Bool(keys::kOffHeapEnabled).value_or(false)) return;
  ctx.Report(ctx.LocationOf(enabled_setting ? keys::kOffHeapEnabled : keys::kPlugins),
             "the Gluten native engine uses " + FormatBytes(*size) +
                 " of native memory, but with spark.memory.offHeap.enabled=false Spark does not "
                 "add it to the container; set spark.memory.offHeap.enabled=true",
             std::string(keys::kOffHeapEnabled));
}

}  // namespace

const Rule& NativeEngineOffheapRule() {
  static const Rule rule{
      .id = "ST209",
      .slug = "native-engine-offheap",
      .default_severity = Severity::kError,
      .summary = "A native engine (Gluten) without off-heap memory enabled and sized.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
