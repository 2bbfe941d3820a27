// The keys added for the linter: version-dependent defaults, deprecations,
// value validation (issue 6).
#include <gtest/gtest.h>

#include "data/config/config_catalog.h"

namespace sparktune::config {
namespace {

std::string Default(std::string_view key, const char* version) {
  const ConfigKey* k = FindKey(key);
  EXPECT_NE(k, nullptr) << key;
  if (!k) return "<missing>";
  auto d = DefaultFor(*k, SparkVersion::Parse(version));
  return d ? std::string(*d) : "<unset>";
}

TEST(ConfigCatalogLintKeys, DefaultsByVersion) {
  EXPECT_EQ(Default(keys::kSpeculationMultiplier, "3.5.1"), "1.5");
  EXPECT_EQ(Default(keys::kSpeculationMultiplier, "4.0.0"), "3");
  EXPECT_EQ(Default(keys::kSpeculationQuantile, "3.5.1"), "0.75");
  EXPECT_EQ(Default(keys::kSpeculationQuantile, "4.0.0"), "0.9");
  EXPECT_EQ(Default(keys::kEventLogCompress, "3.5.1"), "false");
  EXPECT_EQ(Default(keys::kEventLogCompress, "4.0.0"), "true");
  EXPECT_EQ(Default(keys::kEventLogCompressionCodec, "3.1.2"), "<unset>");
  EXPECT_EQ(Default(keys::kEventLogCompressionCodec, "3.2.0"), "zstd");
  EXPECT_EQ(Default(keys::kEventLogRollingEnabled, "3.5.0"), "false");
  EXPECT_EQ(Default(keys::kEventLogRollingEnabled, "4.0.0"), "true");
  EXPECT_EQ(Default(keys::kDynamicAllocationShuffleTrackingEnabled, "3.3.2"), "false");
  EXPECT_EQ(Default(keys::kDynamicAllocationShuffleTrackingEnabled, "3.4.0"), "true");
  EXPECT_EQ(Default(keys::kNetworkTimeout, "3.5.0"), "120s");
  EXPECT_EQ(Default(keys::kFilesMaxPartitionBytes, "3.5.0"), "128m");
  EXPECT_EQ(Default(keys::kAdaptiveSkewedPartitionThreshold, "3.5.0"), "256m");
}

TEST(ConfigCatalogLintKeys, DeprecatedAndRemovedKeys) {
  const ConfigKey* yarn = FindKey(keys::kYarnExecutorMemoryOverhead);
  ASSERT_NE(yarn, nullptr);
  EXPECT_EQ(yarn->replaced_by, keys::kExecutorMemoryOverhead);
  EXPECT_TRUE(IsDeprecatedIn(*yarn, SparkVersion::Parse("3.5.0")));
  EXPECT_FALSE(IsDeprecatedIn(*yarn, SparkVersion::Parse("2.2.0")));
  const ConfigKey* legacy = FindKey(keys::kShuffleMemoryFraction);
  ASSERT_NE(legacy, nullptr);
  EXPECT_TRUE(IsRemovedIn(*legacy, SparkVersion::Parse("3.0.0")));
  EXPECT_FALSE(IsRemovedIn(*legacy, SparkVersion::Parse("2.4.8")));
  EXPECT_EQ(FindKey(keys::kAdaptiveTargetPostShuffleInputSize)->replaced_by,
            keys::kAdaptiveAdvisoryPartitionSize);
  EXPECT_EQ(FindKey(keys::kBlacklistEnabled)->replaced_by, keys::kExcludeOnFailureEnabled);
  EXPECT_TRUE(
      IsNewerThan(*FindKey(keys::kExecutorMinMemoryOverhead), SparkVersion::Parse("3.5.0")));
  // Every replacement is itself in the catalog.
  for (const ConfigKey& k : Catalog()) {
    if (!k.replaced_by.empty()) {
      EXPECT_NE(FindKey(k.replaced_by), nullptr) << k.name;
    }
  }
}

TEST(ConfigCatalogLintKeys, ValidatesValuesAsSparkDoes) {
  EXPECT_TRUE(ValidateValue(*FindKey(keys::kExecutorMemory), "4g").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kExecutorMemory), "1.5g").ok());  // fractions rejected
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kExecutorMemory), "100m").ok());  // below 450 MiB
  EXPECT_TRUE(ValidateValue(*FindKey(keys::kAdaptiveEnabled), "TRUE").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kAdaptiveEnabled), "yes").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kExecutorCores), "4.5").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kMemoryFraction), "1.5").ok());
  EXPECT_TRUE(ValidateValue(*FindKey(keys::kSchedulerMode), "FAIR").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kSchedulerMode), "LIFO").ok());
  EXPECT_TRUE(ValidateValue(*FindKey(keys::kNetworkTimeout), "120s").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kNetworkTimeout), "2 minutes").ok());
  EXPECT_FALSE(ValidateValue(*FindKey(keys::kKryoBufferMax), "2048m").ok());
  EXPECT_TRUE(ValidateValue(*FindKey(keys::kAutoBroadcastJoinThreshold), "-1").ok());
}

TEST(ConfigCatalogLintKeys, EditDistanceIsCaseInsensitive) {
  EXPECT_EQ(KeyEditDistance("spark.dynamicallocation.enabled", "spark.dynamicAllocation.enabled"),
            0u);
  EXPECT_EQ(KeyEditDistance("spark.sql.shuffle.partition", "spark.sql.shuffle.partitions"), 1u);
}

}  // namespace
}  // namespace sparktune::config
