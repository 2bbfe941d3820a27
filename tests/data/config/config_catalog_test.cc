#include "data/config/config_catalog.h"

#include <gtest/gtest.h>

#include <set>

namespace sparktune::config {
namespace {

TEST(ConfigCatalog, EveryKeyDeclaredOnce) {
  std::set<std::string_view> seen;
  for (const ConfigKey& key : Catalog()) {
    EXPECT_TRUE(seen.insert(key.name).second) << "declared twice: " << key.name;
  }
}

TEST(ConfigCatalog, AdaptiveDefaultDependsOnVersion) {
  const ConfigKey* aqe = FindKey(keys::kAdaptiveEnabled);
  ASSERT_NE(aqe, nullptr);
  EXPECT_EQ(*DefaultFor(*aqe, SparkVersion::Parse("3.1.1")), "false");
  EXPECT_EQ(*DefaultFor(*aqe, SparkVersion::Parse("3.2.0")), "true");
  EXPECT_EQ(*DefaultFor(*aqe, SparkVersion::Parse("4.0.1")), "true");
}

TEST(ConfigCatalog, ParsesSparkSizeStrings) {
  EXPECT_EQ(*ParseBytes("4g", 'm'), 4LL << 30);
  EXPECT_EQ(*ParseBytes("4096", 'm'), 4LL << 30);
  EXPECT_EQ(*ParseBytes("512MB", 'b'), 512LL << 20);
  EXPECT_EQ(*ParseBytes("10485760", 'b'), 10LL << 20);
  EXPECT_EQ(*ParseBytes("-1", 'b'), -1);
  EXPECT_FALSE(ParseBytes("4 gigs", 'm').ok());
  EXPECT_FALSE(ParseBytes("", 'm').ok());
}

TEST(ConfigCatalog, ParsesSparkDurations) {
  EXPECT_EQ(*ParseDurationMs("120s", 's'), 120000);
  EXPECT_EQ(*ParseDurationMs("5min", 's'), 300000);
  EXPECT_EQ(*ParseDurationMs("100ms", 's'), 100);
  EXPECT_EQ(*ParseDurationMs("60", 's'), 60000);
  EXPECT_FALSE(ParseDurationMs("soon", 's').ok());
}

TEST(ConfigCatalog, SuggestsCloseKeys) {
  auto s = SuggestKeys("spark.executor.memroy");
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s.front(), keys::kExecutorMemory);
}

TEST(SparkVersion, ParsesVendorStrings) {
  auto v = SparkVersion::Parse("3.3.0-amzn-1");
  EXPECT_EQ(v.major, 3);
  EXPECT_EQ(v.minor, 3);
  EXPECT_EQ(v.patch, 0);
  EXPECT_TRUE(SparkVersion::Parse("3.1.1.119").AtLeast(3, 1, 1));
  EXPECT_FALSE(SparkVersion::Parse("").known());
  EXPECT_TRUE(SparkVersion::Parse("4.0.0-SNAPSHOT").AtLeast(4, 0));
}

}  // namespace
}  // namespace sparktune::config
