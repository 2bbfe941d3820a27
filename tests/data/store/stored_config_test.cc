// Stored configs: canonical JSON is order-independent, and settings compare
// the way Spark reads them.
#include "data/store/stored_config.h"

#include <gtest/gtest.h>

namespace sparktune::store {
namespace {

TEST(StoredConfig, CanonicalJsonSortsKeysAndRoundTrips) {
  SettingMap a{{"spark.sql.shuffle.partitions", "400"}, {"spark.executor.memory", "8g"}};
  std::string json = CanonicalConfigJson(a);
  EXPECT_EQ(json, R"({"spark.executor.memory":"8g","spark.sql.shuffle.partitions":"400"})");
  auto back =
      ParseConfigJson(R"({ "spark.sql.shuffle.partitions": 400, "spark.executor.memory": "8g" })");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(CanonicalConfigJson(*back), json);
  EXPECT_FALSE(ParseConfigJson("[1,2]").ok());
  EXPECT_FALSE(ParseConfigJson("{\"a\": {}}").ok());
  EXPECT_FALSE(ParseConfigJson("{oops").ok());
}

TEST(StoredConfig, ValuesCompareAsSparkReadsThem) {
  EXPECT_TRUE(SameSettingValue("spark.executor.memory", "4g", "4096m"));
  EXPECT_TRUE(SameSettingValue("spark.executor.memory", "4096", "4g"));  // bare number in MiB
  EXPECT_FALSE(SameSettingValue("spark.executor.memory", "4g", "8g"));
  EXPECT_TRUE(SameSettingValue("spark.sql.adaptive.enabled", "TRUE", " true"));
  EXPECT_FALSE(SameSettingValue("spark.sql.adaptive.enabled", "true", "false"));
  EXPECT_TRUE(SameSettingValue("spark.sql.shuffle.partitions", "400", "400.0"));
  EXPECT_FALSE(SameSettingValue("spark.sql.shuffle.partitions", "400", "401"));
  EXPECT_TRUE(SameSettingValue("spark.sql.autoBroadcastJoinThreshold", "10485760", "10m"));
  EXPECT_TRUE(SameSettingValue("spark.my.custom", "a", "a"));
  EXPECT_FALSE(SameSettingValue("spark.my.custom", "a", "A"));
}

}  // namespace
}  // namespace sparktune::store
