// ST704 event-log-codec-unsupported: an event-log (or I/O) compression codec
// that the job's Spark version cannot use. CompressionCodec knows lz4, lzf,
// snappy and zstd (or a class name); "none" for spark.eventLog.compression.codec
// is accepted only from 4.0 (SPARK-45261, not back-ported to 3.5).
#include <algorithm>
#include <cctype>

#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  for (std::string_view key : {keys::kEventLogCompressionCodec, keys::kIoCompressionCodec}) {
    const jobconfig::ConfigSetting* s = ctx.Setting(key);
    if (!s || s->dynamic) continue;
    std::string v = s->value;
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
    if (v == "lz4" || v == "lzf" || v == "snappy" || v == "zstd") continue;
    if (v.find('.') != std::string::npos) continue;  // a codec class name
    if (v == "none" && key == keys::kEventLogCompressionCodec) {
      if (ctx.version().AtLeast(4, 0)) continue;
      ctx.Report(s->value_location,
                 "spark.eventLog.compression.codec=none is accepted only from Spark 4.0 (this job "
                 "targets " +
                     ctx.version().text + "); use spark.eventLog.compress=false instead",
                 std::string(key));
      continue;
    }
    ctx.Report(s->value_location,
               "unknown compression codec '" + s->value + "' for " + std::string(key) +
                   " (expected lz4, lzf, snappy or zstd)",
               std::string(key));
  }
}

}  // namespace

const Rule& EventLogCodecUnsupportedRule() {
  static const Rule rule{
      .id = "ST704",
      .slug = "event-log-codec-unsupported",
      .default_severity = Severity::kError,
      .summary = "A compression codec the job's Spark version cannot use.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
