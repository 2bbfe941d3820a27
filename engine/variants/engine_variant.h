// Engine variants: which execution engine and shuffle service an application ran with (or a
// config would run with): vanilla Spark, a remote shuffle service (Apache Celeborn; Apache
// Uniffle is recognised too), a native engine (Apache Gluten with its Velox or ClickHouse
// backend), or both.
//
// Recognition uses two kinds of evidence and reports both:
//  * the Spark properties: spark.shuffle.manager (SparkEnv: short names "sort" and
//    "tungsten-sort" case-insensitively, else a class name, case-sensitive), spark.plugins
//    (a comma-separated class list, trimmed as Utils.stringToSeq does) and spark.gluten.enabled;
//  * the physical plan node names of the logged SQL executions (SparkPlanInfo.nodeName):
//    Gluten's offloaded operators end in "Transformer" (FileSourceScanExecTransformer,
//    ProjectExecTransformer, ...) and its columnar glue is named ColumnarExchange,
//    ColumnarBroadcastExchange, VeloxColumnarToRow, RowToVeloxColumnar, ... Spark's own
//    ColumnarToRow (vectorized Parquet reads) is not native.
// The known class and node names are one table in engine_variant.cc (which releases use which
// name is data there). Strings from logs are only compared, never trusted as names to print
// unbounded: node names kept as examples are cut to kMaxNodeNameChars.
//
// Thread safety: pure functions over their arguments.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/sql_execution.h"

namespace sparktune::engine {

enum class EngineVariant { kVanilla, kRemoteShuffle, kNative, kNativeRemoteShuffle };

// "vanilla", "remote-shuffle", "native", "native+remote-shuffle".
std::string_view EngineVariantName(EngineVariant variant);

// What spark.shuffle.manager names.
enum class ShuffleManagerKind {
  kSparkSort,       // "sort", "tungsten-sort" or SortShuffleManager (local shuffle files)
  kGlutenColumnar,  // Gluten's ColumnarShuffleManager (local shuffle files, columnar)
  kCeleborn,        // Celeborn's SparkShuffleManager (remote), also via Gluten
  kUniffle,         // Apache Uniffle's RssShuffleManager (remote)
  kUnknown,         // another class: neither local nor remote is assumed
};
ShuffleManagerKind ClassifyShuffleManager(std::string_view value);
bool IsRemoteShuffle(ShuffleManagerKind kind);
// "sort", "gluten-columnar", "celeborn", "uniffle", "unknown".
std::string_view ShuffleManagerKindName(ShuffleManagerKind kind);

// The native engine a spark.plugins value loads: "gluten" or "" (none known).
std::string_view NativePluginIn(std::string_view plugins);

// True when a plan node name is a native (offloaded) operator or native columnar glue.
bool IsNativePlanNode(std::string_view node_name);

inline constexpr size_t kMaxNodeNameChars = 80;
inline constexpr size_t kMaxNativeNodeExamples = 6;

struct EngineVariantInfo {
  EngineVariant variant = EngineVariant::kVanilla;
  std::string shuffle_manager;  // as set, trimmed; empty when unset (Spark's "sort")
  ShuffleManagerKind shuffle_kind = ShuffleManagerKind::kSparkSort;
  std::string native_engine;               // "gluten" when native by config or plan, else empty
  bool native_plugin_configured = false;   // spark.plugins lists a known native plugin
  bool native_disabled_by_config = false;  // spark.gluten.enabled=false
  int64_t plan_nodes = 0;                  // nodes of the final plans of all SQL executions
  int64_t native_plan_nodes = 0;           // of which native
  std::vector<std::string> native_node_examples;  // distinct names, first seen, capped
  std::vector<std::string> notes;  // disagreements between config and plans, bad values
};

// Classifies from properties alone (a config file, a what-if override set).
EngineVariantInfo ClassifyEngineConfig(const std::map<std::string, std::string>& properties);

// Classifies an application: its logged properties plus the final plans of its SQL executions.
EngineVariantInfo ClassifyEngineVariant(const std::map<std::string, std::string>& properties,
                                        const std::map<int64_t, model::SqlExecution>& sql);

}  // namespace sparktune::engine
