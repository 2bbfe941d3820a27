// The engine-variant effects (simulator/models/engine_variant_effect.h): each assumption moves a
// task's terms in the stated direction, nothing moves when the variant stays, and a replay of a
// real Spark 4 log (data/samples) gets faster with a native engine and pays a push cost with a
// remote shuffle, through `whatif`-style overrides of spark.plugins / spark.shuffle.manager.
#include "simulator/models/engine_variant_effect.h"

#include <gtest/gtest.h>

#include "data/eventlog/event_log_reader.h"
#include "simulator/workload/app_simulator.h"
#include "tests/test_paths.h"

namespace sparktune::simulator {
namespace {

using Props = std::map<std::string, std::string>;

constexpr const char* kCeleborn = "org.apache.spark.shuffle.celeborn.SparkShuffleManager";
constexpr const char* kGluten = "org.apache.gluten.GlutenPlugin";
constexpr double kMib = 1024.0 * 1024.0;

TaskTimeTerms Terms() {
  TaskTimeTerms t;
  t.fixed_ms = 10;
  t.data_ms = 100;
  t.fetch_ms = 20;
  t.spill_ms = 5;
  t.gc_ms = 8;
  return t;
}

TEST(EngineVariantEffect, SameVariantIsIdentity) {
  engine::EngineVariantInfo vanilla;
  Props config = {{"spark.executor.memory", "8g"}};
  EngineVariantEffect e = EffectBetween(vanilla, SimulatedVariant(vanilla, config, config));
  EXPECT_TRUE(e.identity);
  TaskTimeTerms t = Terms();
  ApplyEngineVariant(e, 50 * kMib, &t);
  EXPECT_DOUBLE_EQ(t.Total(), Terms().Total());
}

TEST(EngineVariantEffect, NativeDividesOnlyDataWork) {
  engine::EngineVariantInfo vanilla;
  Props overrides = {{"spark.plugins", kGluten}};
  EngineVariantEffect e = EffectBetween(vanilla, SimulatedVariant(vanilla, overrides, overrides),
                                        {.native_data_speedup = 2.5});
  TaskTimeTerms t = Terms();
  ApplyEngineVariant(e, 0, &t);
  EXPECT_DOUBLE_EQ(t.data_ms, 40);
  EXPECT_DOUBLE_EQ(t.fixed_ms + t.fetch_ms + t.spill_ms + t.gc_ms, 43);
  // And back: a native log simulated with the plugin removed gets slower by the same factor.
  engine::EngineVariantInfo native = engine::ClassifyEngineConfig({{"spark.plugins", kGluten}});
  Props off = {{"spark.plugins", ""}};
  EngineVariantEffect back =
      EffectBetween(native, SimulatedVariant(native, off, off), {.native_data_speedup = 2.5});
  TaskTimeTerms u = Terms();
  ApplyEngineVariant(back, 0, &u);
  EXPECT_DOUBLE_EQ(u.data_ms, 250);
}

TEST(EngineVariantEffect, RemoteShuffleAddsPushTimePerByteWritten) {
  engine::EngineVariantInfo vanilla;
  Props overrides = {{"spark.shuffle.manager", kCeleborn}};
  EngineVariantEffect e = EffectBetween(vanilla, SimulatedVariant(vanilla, overrides, overrides),
                                        {.rss_push_mib_per_s = 100});
  TaskTimeTerms reduce = Terms();
  ApplyEngineVariant(e, 0, &reduce);  // writes nothing: unchanged
  EXPECT_DOUBLE_EQ(reduce.data_ms, 100);
  TaskTimeTerms map = Terms();
  ApplyEngineVariant(e, 50 * kMib, &map);  // 50 MiB at 100 MiB/s: +500 ms
  EXPECT_DOUBLE_EQ(map.data_ms, 600);
}

TEST(EngineVariantEffect, PlanEvidenceSurvivesUntouchedKeys) {
  // A log native by its plans alone stays native unless the overrides touch the plugin keys.
  engine::EngineVariantInfo observed;
  observed.variant = engine::EngineVariant::kNative;
  observed.native_plan_nodes = 10;
  Props overrides = {{"spark.executor.cores", "4"}};
  EXPECT_EQ(SimulatedVariant(observed, overrides, overrides).variant,
            engine::EngineVariant::kNative);
}

double Duration(const AppSimulator& sim, const Props& overrides) {
  return sim.Run(overrides).duration_ms;
}

TEST(EngineVariantEffect, ReplayOfARealLogMovesInTheStatedDirections) {
  auto loaded =
      eventlog::ReadEventLog(testing::SourceDir() + "/data/samples/app-20261121221405-0011.snappy");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  AppSimulator sim(loaded->app);
  const double base = Duration(sim, {});
  const double native = Duration(sim, {{"spark.plugins", kGluten}});
  const double remote = Duration(sim, {{"spark.shuffle.manager", kCeleborn}});
  EXPECT_LT(native, base);
  EXPECT_GE(remote, base);
  SimResult with_offheap = sim.Run({{"spark.plugins", kGluten},
                                    {"spark.memory.offHeap.enabled", "true"},
                                    {"spark.memory.offHeap.size", "4g"}});
  SimResult without = sim.Run({{"spark.plugins", kGluten}});
  // The off-heap size enters the container, so MB-seconds grow for the same run time.
  EXPECT_GT(with_offheap.mb_seconds, without.mb_seconds);
  bool noted = false;
  for (const std::string& n : without.notes) noted |= n.find("native engine") != std::string::npos;
  EXPECT_TRUE(noted);
}

}  // namespace
}  // namespace sparktune::simulator
