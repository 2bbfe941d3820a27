// Engine-variant recognition (engine/variants/engine_variant.h) from synthetic properties and
// plan trees: each variant, the evidence disagreeing, and hostile values.
#include "engine/variants/engine_variant.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace sparktune::engine {
namespace {

using Props = std::map<std::string, std::string>;
using Sql = std::map<int64_t, model::SqlExecution>;

constexpr const char* kCeleborn = "org.apache.spark.shuffle.celeborn.SparkShuffleManager";
constexpr const char* kGluten = "org.apache.gluten.GlutenPlugin";

Sql OnePlan(const std::vector<std::string>& node_names) {
  model::SqlExecution execution;
  for (const std::string& name : node_names) {
    model::PlanNode node;
    node.node_name = name;
    execution.initial_plan.nodes.push_back(node);
  }
  return {{0, execution}};
}

const std::vector<std::string> kVeloxPlan = {"AdaptiveSparkPlan",
                                             "VeloxColumnarToRow",
                                             "ProjectExecTransformer",
                                             "RegularHashAggregateExecTransformer",
                                             "ColumnarExchange",
                                             "FilterExecTransformer",
                                             "FileSourceScanExecTransformer"};
const std::vector<std::string> kVanillaPlan = {"AdaptiveSparkPlan", "HashAggregate", "Exchange",
                                               "ColumnarToRow", "FileScan parquet"};

TEST(EngineVariant, UnsetConfigAndVanillaPlansAreVanilla) {
  EngineVariantInfo info = ClassifyEngineVariant({}, OnePlan(kVanillaPlan));
  EXPECT_EQ(info.variant, EngineVariant::kVanilla);
  EXPECT_EQ(EngineVariantName(info.variant), "vanilla");
  EXPECT_EQ(info.native_plan_nodes, 0);  // Spark's own ColumnarToRow is not native
  EXPECT_EQ(info.plan_nodes, 5);
  EXPECT_TRUE(info.notes.empty());
}

TEST(EngineVariant, CelebornShuffleManagerIsRemoteShuffle) {
  EngineVariantInfo info = ClassifyEngineConfig({{"spark.shuffle.manager", kCeleborn}});
  EXPECT_EQ(info.variant, EngineVariant::kRemoteShuffle);
  EXPECT_EQ(info.shuffle_kind, ShuffleManagerKind::kCeleborn);
  // Gluten's own Celeborn manager is remote shuffle too.
  EXPECT_EQ(
      ClassifyShuffleManager("org.apache.spark.shuffle.gluten.celeborn.CelebornShuffleManager"),
      ShuffleManagerKind::kCeleborn);
}

TEST(EngineVariant, GlutenPluginAndTransformerNodesAreNative) {
  EngineVariantInfo info = ClassifyEngineVariant(
      {{"spark.plugins", kGluten},
       {"spark.shuffle.manager", "org.apache.spark.shuffle.sort.ColumnarShuffleManager"}},
      OnePlan(kVeloxPlan));
  EXPECT_EQ(info.variant, EngineVariant::kNative);
  EXPECT_EQ(info.native_engine, "gluten");
  EXPECT_EQ(info.shuffle_kind, ShuffleManagerKind::kGlutenColumnar);  // local files
  EXPECT_EQ(info.native_plan_nodes, 6);
  EXPECT_EQ(info.plan_nodes, 7);
  EXPECT_TRUE(info.notes.empty()) << info.notes.front();
}

TEST(EngineVariant, NativePlusCelebornIsBoth) {
  EngineVariantInfo info = ClassifyEngineVariant(
      {{"spark.plugins", "com.example.Metrics, org.apache.gluten.GlutenPlugin"},
       {"spark.shuffle.manager", kCeleborn}},
      OnePlan(kVeloxPlan));
  EXPECT_EQ(info.variant, EngineVariant::kNativeRemoteShuffle);
  EXPECT_EQ(EngineVariantName(info.variant), "native+remote-shuffle");
}

TEST(EngineVariant, OldGlutenPackageIsRecognised) {
  EXPECT_EQ(NativePluginIn("io.glutenproject.GlutenPlugin"), "gluten");
}

TEST(EngineVariant, PlansAloneRevealANativeEngineWithANote) {
  EngineVariantInfo info = ClassifyEngineVariant({}, OnePlan(kVeloxPlan));
  EXPECT_EQ(info.variant, EngineVariant::kNative);
  ASSERT_EQ(info.notes.size(), 1u);
  EXPECT_NE(info.notes[0].find("no known native plugin"), std::string::npos);
}

TEST(EngineVariant, PluginWithEveryOperatorFallenBackIsNativeButNoted) {
  EngineVariantInfo info =
      ClassifyEngineVariant({{"spark.plugins", kGluten}}, OnePlan(kVanillaPlan));
  EXPECT_EQ(info.variant, EngineVariant::kNative);
  ASSERT_EQ(info.notes.size(), 1u);
  EXPECT_NE(info.notes[0].find("fell back"), std::string::npos);
}

TEST(EngineVariant, GlutenDisabledByConfigIsVanilla) {
  EngineVariantInfo info = ClassifyEngineVariant(
      {{"spark.plugins", kGluten}, {"spark.gluten.enabled", " FALSE "}}, OnePlan(kVanillaPlan));
  EXPECT_EQ(info.variant, EngineVariant::kVanilla);
  EXPECT_TRUE(info.native_disabled_by_config);
  EXPECT_TRUE(info.native_engine.empty());
}

TEST(EngineVariant, ShortNamesAreCaseInsensitiveClassNamesAreNot) {
  // SparkEnv lower-cases the value only to look up the short names.
  EXPECT_EQ(ClassifyShuffleManager(" SORT "), ShuffleManagerKind::kSparkSort);
  EXPECT_EQ(ClassifyShuffleManager("Tungsten-Sort"), ShuffleManagerKind::kSparkSort);
  EXPECT_EQ(ClassifyShuffleManager("org.apache.spark.shuffle.celeborn.sparkshufflemanager"),
            ShuffleManagerKind::kUnknown);
}

TEST(EngineVariant, HostileValuesNeverMatchAndAreKeptPrintable) {
  // Near misses: a suffix, a prefix, a plugin list item glued to another.
  EXPECT_EQ(NativePluginIn("org.apache.gluten.GlutenPluginX"), "");
  EXPECT_EQ(NativePluginIn("xorg.apache.gluten.GlutenPlugin"), "");
  EXPECT_EQ(NativePluginIn("a;org.apache.gluten.GlutenPlugin"), "");
  EXPECT_EQ(NativePluginIn(",,,"), "");
  EXPECT_EQ(NativePluginIn(""), "");
  EXPECT_FALSE(IsNativePlanNode("Transformer"));  // the suffix alone names nothing
  EXPECT_FALSE(IsNativePlanNode("ColumnarExchange "));

  std::string manager = std::string(kCeleborn) + "\x1b[31m\n";
  EngineVariantInfo info = ClassifyEngineConfig(
      {{"spark.shuffle.manager", manager}, {"spark.gluten.enabled", "yes\x07"}});
  EXPECT_EQ(info.shuffle_kind, ShuffleManagerKind::kUnknown);
  EXPECT_EQ(info.variant, EngineVariant::kVanilla);
  EXPECT_EQ(info.shuffle_manager.find('\x1b'), std::string::npos);
  EXPECT_EQ(info.notes.size(), 2u);  // unknown manager, non-boolean gluten.enabled

  std::vector<std::string> many;
  for (int i = 0; i < 50; ++i)
    many.push_back("\x1b[2J" + std::string(500, 'A' + i % 26) + "Transformer");
  EngineVariantInfo big = ClassifyEngineVariant({}, OnePlan(many));
  EXPECT_EQ(big.native_plan_nodes, 50);
  ASSERT_EQ(big.native_node_examples.size(), kMaxNativeNodeExamples);
  for (const std::string& name : big.native_node_examples) {
    EXPECT_LE(name.size(), kMaxNodeNameChars);
    EXPECT_EQ(name.find('\x1b'), std::string::npos);
  }
}

TEST(EngineVariant, CountsTheFinalAdaptivePlan) {
  Sql sql = OnePlan(kVanillaPlan);
  model::PlanTree updated;
  for (const std::string& name : kVeloxPlan) updated.nodes.push_back({.node_name = name});
  sql[0].adaptive_updates.push_back(updated);
  EngineVariantInfo info = ClassifyEngineVariant({{"spark.plugins", kGluten}}, sql);
  EXPECT_EQ(info.plan_nodes, 7);
  EXPECT_EQ(info.native_plan_nodes, 6);
}

}  // namespace
}  // namespace sparktune::engine
