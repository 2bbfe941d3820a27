#include "engine/variants/engine_variant.h"

#include <algorithm>
#include <array>
#include <utility>

#include "data/base/text.h"
#include "data/config/config_catalog.h"

namespace sparktune::engine {

namespace {

namespace keys = config::keys;

// spark.shuffle.manager classes. Sources: SparkEnv.create (short names); Celeborn's README
// "Deploy Spark client" (SparkShuffleManager, 0.3+; RssShuffleManager in the 0.2 incubator
// releases); Gluten's docs/get-started/Velox.md "Celeborn" section (its columnar Celeborn
// manager) and docs/Configuration.md (ColumnarShuffleManager); Uniffle's client docs.
struct ShuffleClassRow {
  std::string_view class_name;
  ShuffleManagerKind kind;
};
constexpr std::array<ShuffleClassRow, 7> kShuffleClasses = {{
    {"org.apache.spark.shuffle.sort.SortShuffleManager", ShuffleManagerKind::kSparkSort},
    {"org.apache.spark.shuffle.sort.ColumnarShuffleManager", ShuffleManagerKind::kGlutenColumnar},
    {"org.apache.spark.shuffle.celeborn.SparkShuffleManager", ShuffleManagerKind::kCeleborn},
    {"org.apache.spark.shuffle.celeborn.RssShuffleManager", ShuffleManagerKind::kCeleborn},
    {"org.apache.spark.shuffle.gluten.celeborn.CelebornShuffleManager",
     ShuffleManagerKind::kCeleborn},
    {"org.apache.spark.shuffle.gluten.uniffle.UniffleShuffleManager", ShuffleManagerKind::kUniffle},
    {"org.apache.spark.shuffle.RssShuffleManager", ShuffleManagerKind::kUniffle},
}};

// spark.plugins classes of native engines: Gluten renamed its package from io.glutenproject
// (releases up to 1.1) to org.apache.gluten (1.2+, Apache incubation).
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kNativePlugins = {{
    {"org.apache.gluten.GlutenPlugin", "gluten"},
    {"io.glutenproject.GlutenPlugin", "gluten"},
}};

// Native plan nodes not ending in "Transformer": Gluten's columnar shuffle, broadcast and
// row/column transitions (Velox and ClickHouse backends).
constexpr std::array<std::string_view, 11> kNativeNodeNames = {
    "ColumnarExchange",   "ColumnarBroadcastExchange", "ColumnarSubqueryBroadcast",
    "VeloxColumnarToRow", "RowToVeloxColumnar",        "VeloxResizeBatches",
    "CHColumnarToRow",    "RowToCHColumnar",           "ColumnarInputAdapter",
    "ColumnarUnion",      "ColumnarWriteFiles",
};

constexpr std::string_view kTransformerSuffix = "Transformer";

const std::string* Find(const std::map<std::string, std::string>& properties,
                        std::string_view key) {
  auto it = properties.find(std::string(key));
  return it == properties.end() ? nullptr : &it->second;
}

void CountPlanNodes(const std::map<int64_t, model::SqlExecution>& sql, EngineVariantInfo& info) {
  for (const auto& [id, execution] : sql) {
    for (const model::PlanNode& node : execution.final_plan().nodes) {
      ++info.plan_nodes;
      if (!IsNativePlanNode(node.node_name)) continue;
      ++info.native_plan_nodes;
      if (info.native_node_examples.size() >= kMaxNativeNodeExamples) continue;
      std::string name = text::OneLine(node.node_name.substr(0, kMaxNodeNameChars));
      if (std::find(info.native_node_examples.begin(), info.native_node_examples.end(), name) ==
          info.native_node_examples.end()) {
        info.native_node_examples.push_back(std::move(name));
      }
    }
  }
}

void Decide(EngineVariantInfo& info) {
  const bool remote = IsRemoteShuffle(info.shuffle_kind);
  const bool native = (info.native_plugin_configured && !info.native_disabled_by_config) ||
                      info.native_plan_nodes > 0;
  if (!native) {
    info.native_engine.clear();
  } else if (info.native_engine.empty()) {
    info.native_engine = "gluten";  // the only native engine whose plan nodes are known
  }
  if (native && remote) {
    info.variant = EngineVariant::kNativeRemoteShuffle;
  } else if (native) {
    info.variant = EngineVariant::kNative;
  } else if (remote) {
    info.variant = EngineVariant::kRemoteShuffle;
  } else {
    info.variant = EngineVariant::kVanilla;
  }
}

}  // namespace

std::string_view EngineVariantName(EngineVariant variant) {
  switch (variant) {
    case EngineVariant::kVanilla:
      return "vanilla";
    case EngineVariant::kRemoteShuffle:
      return "remote-shuffle";
    case EngineVariant::kNative:
      return "native";
    case EngineVariant::kNativeRemoteShuffle:
      return "native+remote-shuffle";
  }
  return "vanilla";
}

ShuffleManagerKind ClassifyShuffleManager(std::string_view value) {
  std::string_view trimmed = text::TrimWhitespace(value);
  if (trimmed.empty()) return ShuffleManagerKind::kSparkSort;  // unset: Spark's default "sort"
  const std::string lower = text::AsciiLower(trimmed);
  if (lower == "sort" || lower == "tungsten-sort") return ShuffleManagerKind::kSparkSort;
  for (const ShuffleClassRow& row : kShuffleClasses) {
    if (trimmed == row.class_name) return row.kind;
  }
  return ShuffleManagerKind::kUnknown;
}

bool IsRemoteShuffle(ShuffleManagerKind kind) {
  return kind == ShuffleManagerKind::kCeleborn || kind == ShuffleManagerKind::kUniffle;
}

std::string_view ShuffleManagerKindName(ShuffleManagerKind kind) {
  switch (kind) {
    case ShuffleManagerKind::kSparkSort:
      return "sort";
    case ShuffleManagerKind::kGlutenColumnar:
      return "gluten-columnar";
    case ShuffleManagerKind::kCeleborn:
      return "celeborn";
    case ShuffleManagerKind::kUniffle:
      return "uniffle";
    case ShuffleManagerKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view NativePluginIn(std::string_view plugins) {
  size_t start = 0;
  while (start <= plugins.size()) {
    size_t comma = plugins.find(',', start);
    if (comma == std::string_view::npos) comma = plugins.size();
    std::string_view item = text::TrimWhitespace(plugins.substr(start, comma - start));
    for (const auto& [class_name, engine] : kNativePlugins) {
      if (item == class_name) return engine;
    }
    start = comma + 1;
  }
  return {};
}

bool IsNativePlanNode(std::string_view node_name) {
  if (node_name.size() > kTransformerSuffix.size() &&
      node_name.substr(node_name.size() - kTransformerSuffix.size()) == kTransformerSuffix) {
    return true;
  }
  return std::find(kNativeNodeNames.begin(), kNativeNodeNames.end(), node_name) !=
         kNativeNodeNames.end();
}

EngineVariantInfo ClassifyEngineConfig(const std::map<std::string, std::string>& properties) {
  EngineVariantInfo info;
  if (const std::string* manager = Find(properties, keys::kShuffleManager)) {
    info.shuffle_manager = text::OneLine(text::TrimWhitespace(*manager));
    info.shuffle_kind = ClassifyShuffleManager(*manager);
    if (info.shuffle_kind == ShuffleManagerKind::kUnknown) {
      info.notes.push_back(
          "spark.shuffle.manager names a class sparktune does not know; "
          "shuffle is modelled as Spark's local sort shuffle");
    }
  }
  if (const std::string* plugins = Find(properties, keys::kPlugins)) {
    info.native_engine = std::string(NativePluginIn(*plugins));
    info.native_plugin_configured = !info.native_engine.empty();
  }
  if (const std::string* enabled = Find(properties, keys::kGlutenEnabled)) {
    Result<bool> parsed = config::ParseBool(*enabled);
    if (!parsed.ok()) {
      info.notes.push_back("spark.gluten.enabled is not a boolean; taken as its default (true)");
    } else if (!*parsed) {
      info.native_disabled_by_config = true;
    }
  }
  if (info.shuffle_kind == ShuffleManagerKind::kGlutenColumnar && !info.native_plugin_configured) {
    info.notes.push_back(
        "Gluten's ColumnarShuffleManager is set but spark.plugins does not load "
        "Gluten");
  }
  Decide(info);
  return info;
}

EngineVariantInfo ClassifyEngineVariant(const std::map<std::string, std::string>& properties,
                                        const std::map<int64_t, model::SqlExecution>& sql) {
  EngineVariantInfo info = ClassifyEngineConfig(properties);
  CountPlanNodes(sql, info);
  if (info.native_plugin_configured && !info.native_disabled_by_config && info.plan_nodes > 0 &&
      info.native_plan_nodes == 0) {
    info.notes.push_back(
        "the native plugin is configured but no logged plan node ran natively "
        "(every operator fell back to the JVM)");
  }
  if (info.native_plan_nodes > 0 && !info.native_plugin_configured) {
    info.notes.push_back(
        "plans show native operators but spark.plugins names no known native "
        "plugin");
  }
  Decide(info);
  return info;
}

}  // namespace sparktune::engine
