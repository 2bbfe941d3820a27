// Part of the config catalog table (catalog_table.h): the keys that select an engine variant
// (engine/variants/engine_variant.h) and the client keys of the variants themselves.
//
// Spark's own keys: spark.shuffle.manager (SparkEnv's short names "sort" and "tungsten-sort",
// else a class name), spark.shuffle.sort.io.plugin.class (3.0+, ShuffleDataIO), spark.plugins
// (3.0+, a comma-separated list trimmed by Utils.stringToSeq), all in core/.../internal/config/
// package.scala.
//
// Apache Celeborn's Spark client keys: Celeborn reads every `spark.celeborn.*` key of the
// SparkConf with the `spark.` prefix removed (CelebornConf, SparkUtils.fromSparkConf); defaults
// from Celeborn's docs/configuration/client.md (0.3.0+) and the Spark client deployment section of
// its README (apache/celeborn README.md, "Deploy Spark client").
//
// Apache Gluten's keys: docs/Configuration.md of apache/gluten ("Spark base configurations for
// Gluten plugin"). These are not Spark's keys, so `since` is left empty: no Spark version lacks
// them (the key-newer-than-version rule must not fire on them).
#include <vector>

#include "data/config/catalog_table.h"

namespace sparktune::config::catalog_table {

void AddEngineVariantKeys(std::vector<ConfigKey>& c) {
  auto add = [&c](ConfigKey key) { c.push_back(std::move(key)); };

  // --- Spark: shuffle manager and plugins (package.scala) ---
  add({.name = keys::kShuffleManager,
       .type = ValueType::kString,
       .defaults = Always("sort"),
       .doc = "Shuffle implementation: 'sort' (or 'tungsten-sort'), or a ShuffleManager class "
              "such as Celeborn's org.apache.spark.shuffle.celeborn.SparkShuffleManager or "
              "Gluten's org.apache.spark.shuffle.sort.ColumnarShuffleManager.",
       .since = "1.1.0"});
  add({.name = keys::kShuffleSortIoPluginClass,
       .type = ValueType::kString,
       .defaults = Always("org.apache.spark.shuffle.sort.io.LocalDiskShuffleDataIO"),
       .doc = "ShuffleDataIO implementation; with Celeborn on Spark 3.5+ set to "
              "org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO so dynamic allocation "
              "needs no shuffle service (SPARK-42689, CELEBORN-911).",
       .since = "3.0.0"});
  add({.name = keys::kPlugins,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Comma-separated SparkPlugin classes, e.g. org.apache.gluten.GlutenPlugin.",
       .since = "3.0.0"});
  // --- Apache Gluten (docs/Configuration.md) ---
  add({.name = keys::kGlutenEnabled,
       .type = ValueType::kBool,
       .defaults = Always("true"),
       .doc = "Gluten offloads operators to its native backend while its plugin is loaded; "
              "false keeps every operator on the JVM.",
       .since = ""});
  // --- Apache Celeborn Spark client (CelebornConf; docs/configuration/client.md) ---
  add({.name = keys::kCelebornMasterEndpoints,
       .type = ValueType::kString,
       .defaults = {},
       .doc = "Celeborn master host:port list the Spark client registers shuffles with.",
       .since = ""});
  add({.name = keys::kCelebornPushBufferMaxSize,
       .type = ValueType::kBytes,
       .defaults = Always("64k"),
       .doc = "Celeborn push buffer per reduce partition of the hash writer: each running task "
              "holds up to this x the partition count (Celeborn's client.md).",
       .since = "",
       .bytes_unit = 'b',
       .min = 0});
  add({.name = keys::kCelebornShuffleWriter,
       .type = ValueType::kEnum,
       .defaults = Always("hash"),
       .doc = "Celeborn shuffle writer: hash (a push buffer per partition) or sort (less memory "
              "for many partitions).",
       .since = "",
       .choices = {"hash", "sort"}});
}

}  // namespace sparktune::config::catalog_table
