// The search space comes from the config catalog's tunable keys, always holds
// the log's own value, respects cluster limits, and materializes only keys
// that differ from the log. Cluster profiles and candidate files reject
// mistakes with messages naming the file and the field.
#include "advisor/search/search_space.h"

#include <gtest/gtest.h>

#include "advisor/search/candidates.h"
#include "advisor/search/cluster_limits.h"
#include "data/config/config_catalog.h"

namespace sparktune::search {
namespace {

engine::EffectiveConfig Observed() {
  return engine::EffectiveConfig({{"spark.executor.memory", "4g"},
                                  {"spark.executor.cores", "4"},
                                  {"spark.executor.memoryOverhead", "4g"},
                                  {"spark.sql.shuffle.partitions", "400"},
                                  {"spark.sql.adaptive.enabled", "false"},
                                  {"spark.dynamicAllocation.enabled", "true"},
                                  {"spark.dynamicAllocation.maxExecutors", "50"}},
                                 SparkVersion{3, 5, 1, ""});
}

TEST(SearchSpace, DimensionsAreTunableCatalogKeysHoldingTheLogValue) {
  SearchSpace s = SearchSpace::Build(Observed(), {});
  std::set<std::string> keys;
  for (const Dimension& d : s.dims()) {
    keys.insert(d.key);
    const config::ConfigKey* k = config::FindKey(d.key);
    ASSERT_NE(k, nullptr) << d.key;
    EXPECT_TRUE(k->tunable) << d.key;
    EXPECT_GE(d.values.size(), 2u) << d.key;
    EXPECT_EQ(CanonicalValue(d.key, d.values[d.observed_index]),
              CanonicalValue(d.key, Observed().Get(d.key)))
        << d.key;
  }
  for (const char* want :
       {"spark.executor.memory", "spark.executor.cores", "spark.executor.memoryOverhead",
        "spark.sql.shuffle.partitions", "spark.sql.autoBroadcastJoinThreshold",
        "spark.sql.adaptive.autoBroadcastJoinThreshold",
        "spark.sql.adaptive.advisoryPartitionSizeInBytes", "spark.sql.adaptive.skewJoin.enabled",
        "spark.dynamicAllocation.maxExecutors", "spark.sql.files.maxPartitionBytes",
        "spark.sql.adaptive.enabled"}) {
    EXPECT_TRUE(keys.count(want)) << want;
  }
  EXPECT_TRUE(s.Materialize(s.ObservedPoint()).empty());
}

TEST(SearchSpace, OverheadIsOnlyLoweredAndNeverBelowSparksDefault) {
  SearchSpace s = SearchSpace::Build(Observed(), {});
  for (const Dimension& d : s.dims()) {
    if (d.key != "spark.executor.memoryOverhead") continue;
    for (const std::string& v : d.values) {
      int64_t mib = *config::ParseBytes(v, 'm') / (1024 * 1024);
      EXPECT_LE(mib, 4096);
      EXPECT_GE(mib, 409);  // max(384 MiB, 10% of the 4g heap)
    }
  }
}

TEST(SearchSpace, ClusterLimitsBoundTheLadders) {
  ClusterLimits limits;
  limits.cores_per_node = 2;
  limits.memory_steps_mib = {2048, 8192};
  limits.largest_container_mib = 6000;
  SearchSpace s = SearchSpace::Build(Observed(), limits);
  for (const Dimension& d : s.dims()) {
    for (size_t i = 0; i < d.values.size(); ++i) {
      if (static_cast<int>(i) == d.observed_index) continue;  // the log's own value stays
      if (d.key == "spark.executor.cores") {
        EXPECT_LE(std::stoi(d.values[i]), 2);
      }
      if (d.key == "spark.executor.memory") {
        EXPECT_EQ(d.values[i], "2g");  // 8g does not fit 6000 MiB
      }
    }
  }
}

TEST(SearchSpace, CanonicalValuesCompareSpellings) {
  EXPECT_EQ(CanonicalValue("spark.sql.autoBroadcastJoinThreshold", "10m"),
            CanonicalValue("spark.sql.autoBroadcastJoinThreshold", "10485760"));
  EXPECT_EQ(CanonicalValue("spark.executor.memory", "2048"),
            CanonicalValue("spark.executor.memory", "2g"));
  EXPECT_EQ(CanonicalValue("spark.sql.adaptive.enabled", " TRUE "), "true");
  auto d = DropUnchanged(Observed(),
                         {{"spark.executor.memory", "4096m"}, {"spark.executor.cores", "2"}});
  EXPECT_EQ(d.size(), 1u);
  EXPECT_EQ(d.count("spark.executor.cores"), 1u);
}

TEST(ClusterLimits, ParsesAProfileAndRejectsTypos) {
  auto ok = ParseClusterLimits(R"({"largestContainer": "64g", "coresPerNode": 16,
                                   "memorySteps": ["8g", "4g", 16384], "maxExecutors": 200})",
                               "c.json");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->largest_container_mib, 65536);
  EXPECT_EQ(ok->cores_per_node, 16);
  EXPECT_EQ(ok->memory_steps_mib, (std::vector<int64_t>{4096, 8192, 16384}));
  EXPECT_EQ(ok->max_executors, 200);
  auto typo = ParseClusterLimits(R"({"coresPerNod": 16})", "c.json");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("c.json"), std::string::npos);
  EXPECT_NE(typo.status().message().find("coresPerNod"), std::string::npos);
  auto bad = ParseClusterLimits(R"({"largestContainer": "lots"})", "c.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("largestContainer"), std::string::npos);
}

TEST(Candidates, ValidatesKeysAndValues) {
  auto ok = ParseCandidates(R"([{"spark.executor.memory": "4g", "spark.executor.cores": 2,
                                 "spark.sql.adaptive.enabled": true}])",
                            "cands.json");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ((*ok)[0].at("spark.executor.cores"), "2");
  EXPECT_EQ((*ok)[0].at("spark.sql.adaptive.enabled"), "true");
  auto typo = ParseCandidates(R"([{}, {"spark.executor.memroy": "4g"}])", "cands.json");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("candidate 1"), std::string::npos)
      << typo.status().message();
  EXPECT_NE(typo.status().message().find("spark.executor.memory"), std::string::npos);
  auto value = ParseCandidates(R"([{"spark.executor.memory": "four gigs"}])", "cands.json");
  ASSERT_FALSE(value.ok());
  EXPECT_NE(value.status().message().find("spark.executor.memory=four gigs"), std::string::npos);
  EXPECT_FALSE(ParseCandidates("{}", "cands.json").ok());
}

}  // namespace
}  // namespace sparktune::search
