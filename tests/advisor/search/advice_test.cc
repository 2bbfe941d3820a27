// Plan-level advice on the project's real ground-truth logs: a small-file
// write is found where the job wrote one file per partition and day and not
// where it repartitioned first; a skewed join names its stage and partition
// when AQE skew handling was off; a join side AQE was forbidden to broadcast
// is priced by the simulator.
#include <gtest/gtest.h>

#include <filesystem>

#include "advisor/advice/advice_registry.h"
#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune::advice {
namespace {

std::string Gt(const std::string& name) {
  return testing::SourceDir() + "/data/groundtruth/2026-11-21/logs/" + name;
}

std::vector<Advice> AdviseOn(const std::string& path) {
  auto loaded = eventlog::ReadEventLog(path);
  EXPECT_TRUE(loaded.ok()) << path;
  if (!loaded.ok()) return {};
  static std::vector<std::unique_ptr<eventlog::LoadedLog>> keep;  // the simulator refers to the app
  keep.push_back(std::make_unique<eventlog::LoadedLog>(std::move(*loaded)));
  simulator::AppSimulator sim(keep.back()->app);
  return RunAdvisors(sim, sim.Run({}));
}

const Advice* Find(const std::vector<Advice>& v, const std::string& id) {
  for (const Advice& a : v)
    if (a.id == id) return &a;
  return nullptr;
}

TEST(Advice, SmallFileWritesOnlyWhereTheyHappened) {
  std::string small = Gt("app-20261121224437-0034.snappy");        // w6 --mode small
  std::string repartitioned = Gt("app-20261121224640-0036.zstd");  // w6 --mode repartitioned
  if (!std::filesystem::exists(small) || !std::filesystem::exists(repartitioned)) GTEST_SKIP();
  auto a = AdviseOn(small);
  const Advice* s = Find(a, "small-file-writes");
  ASSERT_NE(s, nullptr);
  EXPECT_NE(s->title.find("1024 files"), std::string::npos) << s->title;
  EXPECT_NE(s->action.find("16 files"), std::string::npos) << s->action;
  EXPECT_FALSE(s->mb_seconds_pct.has_value());
  EXPECT_EQ(Find(AdviseOn(repartitioned), "small-file-writes"), nullptr);
}

TEST(Advice, SkewedJoinNamesStageAndPartition) {
  std::string log = Gt("app-20261121221854-0015.lz4");  // w3 with skewJoin.enabled=false
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto a = AdviseOn(log);
  const Advice* s = Find(a, "skewed-join");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->stage_ids.empty());
  EXPECT_NE(s->title.find("partition "), std::string::npos) << s->title;
  EXPECT_EQ(s->config.count("spark.sql.adaptive.skewJoin.enabled"), 1u);
  ASSERT_TRUE(s->mb_seconds_pct.has_value());
}

TEST(Advice, BroadcastOfAForbiddenSmallSideIsPriced) {
  std::string log = Gt("app-20261121221405-0011.snappy");  // w3: thresholds -1, small side ~23 MiB
  if (!std::filesystem::exists(log)) GTEST_SKIP();
  auto a = AdviseOn(log);
  const Advice* b = Find(a, "broadcast-small-join");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->config.size(), 1u);
  ASSERT_TRUE(b->mb_seconds_pct.has_value());
  EXPECT_NE(b->priced.find("simulated with"), std::string::npos);
}

}  // namespace
}  // namespace sparktune::advice
