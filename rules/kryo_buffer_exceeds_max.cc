// ST602 kryo-buffer-exceeds-max: spark.kryoserializer.buffer above
// spark.kryoserializer.buffer.max. Kryo's Output rejects the pair when
// KryoSerializerInstance creates it ("bufferSize: ... cannot be greater than
// maxBufferSize: ..."), so the first serialization fails.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  if (!ctx.IsSet(keys::kKryoBuffer) && !ctx.IsSet(keys::kKryoBufferMax)) return;
  std::optional<int64_t> buffer = ctx.Bytes(keys::kKryoBuffer);
  std::optional<int64_t> max = ctx.Bytes(keys::kKryoBufferMax);
  if (!buffer || !max || *buffer <= *max) return;
  std::string_view key = ctx.IsSet(keys::kKryoBuffer) ? keys::kKryoBuffer : keys::kKryoBufferMax;
  ctx.Report(ctx.LocationOf(key),
             "spark.kryoserializer.buffer (" + FormatBytes(*buffer) +
                 ") exceeds spark.kryoserializer.buffer.max (" + FormatBytes(*max) +
                 "); Kryo serialization will fail",
             std::string(key));
}

}  // namespace

const Rule& KryoBufferExceedsMaxRule() {
  static const Rule rule{
      .id = "ST602",
      .slug = "kryo-buffer-exceeds-max",
      .default_severity = Severity::kError,
      .summary = "Initial Kryo buffer larger than its maximum.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
