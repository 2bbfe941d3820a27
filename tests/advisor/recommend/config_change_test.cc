// ClassifyChanges / DescribeValue / ValidateCombination: each proposed change
// classed add/update/remove against the job's own config with current and
// proposed values and units, nothing for settings already right, and invalid
// combinations refused.
#include "advisor/recommend/config_change.h"

#include <gtest/gtest.h>

namespace sparktune::advisor {
namespace {

engine::EffectiveConfig Job(std::map<std::string, std::string> set) {
  return engine::EffectiveConfig(std::move(set), SparkVersion::Parse("3.5.1"));
}

TEST(ConfigChangeTest, ClassesAddUpdateRemoveAndSkipsWhatIsAlreadyInForce) {
  engine::EffectiveConfig job = Job({{"spark.executor.memory", "4g"},
                                     {"spark.sql.shuffle.partitions", "2000"},
                                     {"spark.executor.cores", "4"}});
  std::vector<ProposedChange> c =
      ClassifyChanges(job, {{"spark.executor.memory", "6g"},
                            {"spark.sql.shuffle.partitions", "200"},
                            {"spark.executor.cores", "4"},
                            {"spark.sql.adaptive.enabled", "false"},
                            {"spark.sql.autoBroadcastJoinThreshold", "32m"}});
  // Sorted by key (a ConfigMap). executor.cores is already 4: left out. AQE is
  // on by default since 3.2, so "false" is a change the job does not set: add.
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].key, "spark.executor.memory");
  EXPECT_EQ(c[0].kind, ChangeKind::kUpdate);
  EXPECT_EQ(c[0].current, "4g");
  EXPECT_EQ(c[0].proposed, "6g");
  EXPECT_EQ(c[1].key, "spark.sql.adaptive.enabled");
  EXPECT_EQ(c[1].kind, ChangeKind::kAdd);
  EXPECT_EQ(c[1].current, "true");  // the 3.5 default in force
  EXPECT_EQ(c[2].key, "spark.sql.autoBroadcastJoinThreshold");
  EXPECT_EQ(c[2].kind, ChangeKind::kAdd);
  EXPECT_EQ(c[3].key, "spark.sql.shuffle.partitions");
  EXPECT_EQ(c[3].kind, ChangeKind::kRemove);  // 200 is the default: drop the line
  EXPECT_STREQ(ChangeKindName(c[3].kind), "remove");
}

TEST(ConfigChangeTest, EqualValuesInOtherSpellingsAreNoChange) {
  engine::EffectiveConfig job = Job({{"spark.executor.memory", "4096m"}});
  EXPECT_TRUE(ClassifyChanges(job, {{"spark.executor.memory", "4g"}}).empty());
  // The version default in force counts as the current value too.
  EXPECT_TRUE(ClassifyChanges(job, {{"spark.sql.shuffle.partitions", "200"}}).empty());
}

TEST(ConfigChangeTest, ValuesCarryTheirUnits) {
  EXPECT_EQ(DescribeValue("spark.executor.memory", "6g"), "6g (6 GiB)");
  EXPECT_EQ(DescribeValue("spark.sql.adaptive.advisoryPartitionSizeInBytes", "64m"),
            "64m (64 MiB)");
  EXPECT_EQ(DescribeValue("spark.sql.shuffle.partitions", "200"), "200");
  EXPECT_EQ(DescribeValue("spark.executor.memory", ""), "unset");
}

TEST(ConfigChangeTest, DynamicAllocationBoundsAreChecked) {
  search::ClusterLimits none;
  auto da = [](std::map<std::string, std::string> extra) {
    extra["spark.dynamicAllocation.enabled"] = "true";
    return Job(std::move(extra));
  };
  EXPECT_TRUE(ValidateCombination(da({{"spark.dynamicAllocation.minExecutors", "2"},
                                      {"spark.dynamicAllocation.initialExecutors", "4"},
                                      {"spark.dynamicAllocation.maxExecutors", "10"}}),
                                  none)
                  .ok());
  Status s = ValidateCombination(da({{"spark.dynamicAllocation.minExecutors", "12"},
                                     {"spark.dynamicAllocation.maxExecutors", "10"}}),
                                 none);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("spark.dynamicAllocation.minExecutors=12 is above"), std::string::npos)
      << s.message();
  s = ValidateCombination(da({{"spark.dynamicAllocation.minExecutors", "2"},
                              {"spark.dynamicAllocation.initialExecutors", "1"},
                              {"spark.dynamicAllocation.maxExecutors", "10"}}),
                          none);
  EXPECT_NE(s.message().find("initialExecutors=1 is outside [2, 10]"), std::string::npos)
      << s.message();
  s = ValidateCombination(
      da({{"spark.dynamicAllocation.minExecutors", "4"}, {"spark.executor.instances", "2"}}), none);
  EXPECT_NE(s.message().find(
                "spark.executor.instances=2 is below spark.dynamicAllocation.minExecutors=4"),
            std::string::npos)
      << s.message();
  // Without dynamic allocation, instances below a stray minExecutors are fine.
  EXPECT_TRUE(ValidateCombination(Job({{"spark.dynamicAllocation.minExecutors", "4"},
                                       {"spark.executor.instances", "2"}}),
                                  none)
                  .ok());
}

TEST(ConfigChangeTest, CoresAndContainerAboveTheNodeAreRefusedOnlyWhenKnown) {
  engine::EffectiveConfig big =
      Job({{"spark.executor.cores", "16"}, {"spark.executor.memory", "30g"}});
  EXPECT_TRUE(ValidateCombination(big, {}).ok());  // no cluster information: no refusal
  Status s = ValidateCombination(big, {.cores_per_node = 8});
  EXPECT_NE(s.message().find("spark.executor.cores=16 is above the node's 8 cores"),
            std::string::npos)
      << s.message();
  // 30g heap + max(384 MiB, 10%) overhead = 33792 MiB > 32 GiB.
  s = ValidateCombination(big, {.largest_container_mib = 32 * 1024});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("above the largest container the cluster grants, 32768 MiB"),
            std::string::npos)
      << s.message();
  EXPECT_TRUE(ValidateCombination(Job({{"spark.executor.memory", "28g"}}),
                                  {.largest_container_mib = 32 * 1024})
                  .ok());
}

}  // namespace
}  // namespace sparktune::advisor
