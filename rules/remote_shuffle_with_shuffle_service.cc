// ST405 remote-shuffle-with-shuffle-service: a remote shuffle service (Apache Celeborn's
// SparkShuffleManager, or Uniffle's) together with spark.shuffle.service.enabled=true.
// Celeborn's README ("Deploy Spark client") sets spark.shuffle.service.enabled false: shuffle
// data lives on Celeborn workers, so a node-local external shuffle service serves nothing,
// yet every executor still registers with it at start (BlockManager
// registerWithExternalShuffleServer) and fails where none runs, and dynamic allocation
// believes the service keeps shuffle data that it does not hold.
#include "data/config/config_catalog.h"
#include "rules/rule.h"
#include "rules/variant_settings.h"

namespace sparktune::rules {

namespace {

namespace keys = config::keys;

void Check(RuleContext& ctx) {
  engine::EngineVariantInfo variant = VariantOf(ctx);
  if (!engine::IsRemoteShuffle(variant.shuffle_kind)) return;
  if (!ctx.IsSet(keys::kShuffleServiceEnabled)) return;
  if (!ctx.Bool(keys::kShuffleServiceEnabled).value_or(false)) return;
  ctx.Report(ctx.LocationOf(keys::kShuffleServiceEnabled),
             "spark.shuffle.service.enabled=true with the " +
                 std::string(engine::ShuffleManagerKindName(variant.shuffle_kind)) +
                 " remote shuffle service: shuffle data lives on its workers, so set it to false "
                 "(executors register with a local shuffle service that serves nothing)",
             std::string(keys::kShuffleServiceEnabled));
}

}  // namespace

const Rule& RemoteShuffleWithShuffleServiceRule() {
  static const Rule rule{
      .id = "ST405",
      .slug = "remote-shuffle-with-shuffle-service",
      .default_severity = Severity::kWarning,
      .summary = "A remote shuffle service together with the external shuffle service.",
      .options = {},
      .check = &Check,
  };
  return rule;
}

}  // namespace sparktune::rules
