// ST311 open-cost-exceeds-split: spark.sql.files.openCostInBytes at or above
// spark.sql.files.maxPartitionBytes. FilePartition packing adds the open cost
// per file, so every file becomes its own partition and small files are never
// combined.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kFilesOpenCostInBytes) && !ctx.IsSet(keys::kFilesMaxPartitionBytes)) return;
  std::optional<int64_t> open_cost = ctx.Bytes(keys::kFilesOpenCostInBytes);
  std::optional<int64_t> split = ctx.Bytes(keys::kFilesMaxPartitionBytes);
  if (!open_cost || !split || *open_cost < *split) return;
  std::string_view key = ctx.IsSet(keys::kFilesOpenCostInBytes) ? keys::kFilesOpenCostInBytes
                                                                : keys::kFilesMaxPartitionBytes;
  ctx.Report(ctx.LocationOf(key),
             "spark.sql.files.openCostInBytes (" + FormatBytes(*open_cost) +
                 ") is not below spark.sql.files.maxPartitionBytes (" + FormatBytes(*split) +
                 "); small files will never be packed together",
             std::string(key));
}

}  // namespace

const Rule& OpenCostExceedsSplitRule() {
  static const Rule rule{
      .id = "ST311",
      .slug = "open-cost-exceeds-split",
      .default_severity = Severity::kWarning,
      .summary = "File open cost at or above the split size, so small files are never packed.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
