// ST601 java-serializer: spark.serializer set to Java serialization (also the
// default). For RDD shuffles and caching, Kryo is several times faster and
// more compact (Spark tuning guide, "Data Serialization"; Dr. Elephant's
// configuration heuristic flags non-Kryo serializers). Spark SQL's own
// encoders do not use it, so an unset serializer is only reported when
// option report_default is true.
#include "data/config/config_catalog.h"
#include "rules/rule.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;
constexpr std::string_view kJava = "org.apache.spark.serializer.JavaSerializer";

void Check(RuleContext& ctx) {
  const jobconfig::ConfigSetting* s = ctx.Setting(keys::kSerializer);
  if (s) {
    if (s->dynamic || s->value != kJava) return;
    ctx.Report(
        s->value_location,
        "Java serialization is slower and larger than Kryo for shuffled and cached RDD data; "
        "use org.apache.spark.serializer.KryoSerializer",
        std::string(keys::kSerializer));
  } else if (ctx.OptionText("report_default") == "true") {
    ctx.Report(ctx.Anchor(), "spark.serializer is unset, so RDD data uses Java serialization",
               std::string(keys::kSerializer));
  }
}

}  // namespace

const Rule& JavaSerializerRule() {
  static const Rule rule{
      .id = "ST601",
      .slug = "java-serializer",
      .default_severity = Severity::kWarning,
      .summary = "Java serialization where Kryo is faster and more compact.",
      .options = {{"report_default", "false",
                   "Also report jobs that leave spark.serializer unset."}},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
