// ST604 celeborn-push-buffer-memory: Celeborn's hash shuffle writer buffers up to
// spark.celeborn.client.push.buffer.max.size per reduce partition in every running map task,
// so an executor holds up to buffer x partitions x spark.executor.cores (Celeborn's
// docs/configuration/client.md: "If reducer amount is 2000, buffer size is 64K, then each task
// will consume up to 64KiB * 2000 = 125MiB heap memory"; its Spark client deployment notes:
// "Hash shuffle writer use (partition count) * (celeborn.client.push.buffer.max.size) *
// (spark.executor.cores) memory"). The partition count is the shuffle's initial one:
// spark.sql.adaptive.coalescePartitions.initialPartitionNum when AQE sets it, else
// spark.sql.shuffle.partitions. Compared with the executor's unified memory region
// ((heap - 300 MiB) x spark.memory.fraction, UnifiedMemoryManager); the share allowed is the
// option `max_unified_fraction`, a stated assumption. The fix: the sort writer
// (spark.celeborn.client.spark.shuffle.writer=sort), a smaller buffer, or fewer partitions.
#include <algorithm>

#include "data/base/text.h"
#include "data/config/config_catalog.h"
#include "rules/rule.h"
#include "rules/variant_settings.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

constexpr int64_t kReservedSystemBytes = 300LL * 1024 * 1024;  // UnifiedMemoryManager

int64_t InitialPartitions(const RuleContext& ctx) {
  if (ctx.Bool(keys::kAdaptiveEnabled).value_or(false)) {
    std::optional<double> initial = ctx.Number(keys::kAdaptiveInitialPartitionNum);
    if (initial && *initial > 0) return static_cast<int64_t>(*initial);
  }
  return static_cast<int64_t>(ctx.Number(keys::kSqlShufflePartitions).value_or(200));
}

void Check(RuleContext& ctx) {
  if (VariantOf(ctx).shuffle_kind != engine::ShuffleManagerKind::kCeleborn) return;
  const std::string writer =
      text::AsciiLower(text::TrimWhitespace(ctx.Value(keys::kCelebornShuffleWriter).value_or("")));
  if (writer != "hash") return;  // the sort writer; also a dynamic or malformed value
  std::optional<int64_t> buffer = ctx.Bytes(keys::kCelebornPushBufferMaxSize);
  std::optional<int64_t> heap = ctx.Bytes(keys::kExecutorMemory);
  std::optional<double> cores = ctx.Number(keys::kExecutorCores);
  std::optional<double> fraction = ctx.Number(keys::kMemoryFraction);
  if (!buffer || !heap || !cores || !fraction || *buffer <= 0 || *cores <= 0) return;
  const int64_t partitions = InitialPartitions(ctx);
  const double need = static_cast<double>(*buffer) * static_cast<double>(partitions) * *cores;
  const double unified =
      static_cast<double>(std::max<int64_t>(*heap - kReservedSystemBytes, 0)) * *fraction;
  const double limit = unified * ctx.OptionNumber("max_unified_fraction");
  if (need <= limit) return;
  std::string_view key = ctx.IsSet(keys::kCelebornPushBufferMaxSize)
                             ? keys::kCelebornPushBufferMaxSize
                             : keys::kSqlShufflePartitions;
  ctx.Report(ctx.LocationOf(key),
             "Celeborn's hash writer may buffer " + FormatBytes(*buffer) + " x " +
                 std::to_string(partitions) + " partitions x " + FormatNumber(*cores) +
                 " cores = " + FormatBytes(need) + " per executor, above " +
                 FormatNumber(ctx.OptionNumber("max_unified_fraction") * 100) + "% of its " +
                 FormatBytes(unified) +
                 " unified memory; use spark.celeborn.client.spark.shuffle.writer=sort, a "
                 "smaller push buffer or fewer partitions",
             std::string(key));
}

}  // namespace

const Rule& CelebornPushBufferMemoryRule() {
  static const Rule rule{
      .id = "ST604",
      .slug = "celeborn-push-buffer-memory",
      .default_severity = Severity::kWarning,
      .summary = "Celeborn hash-writer push buffers x partitions x cores crowd executor memory.",
      .options = {{"max_unified_fraction", "0.5",
                   "Largest share of the unified memory region the push buffers may take (an "
                   "assumption)."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
