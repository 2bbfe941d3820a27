// `sparktune profile` shows the engine variant (engine/variants) in text and JSON, from a
// synthetic log with a Gluten plugin, Celeborn's shuffle manager and a Velox plan (no real
// Gluten or Celeborn logs exist in ../shared/eventlogs), and keeps hostile values inert.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_paths.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;
using testing::RunCommand;

std::string WriteLog(const std::string& name, const std::string& content) {
  static testing::TempDir dir("variant");
  fs::path p = fs::path(dir.path()) / name;
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string Log(const std::string& properties, const std::string& plan) {
  return std::string(R"({"Event":"SparkListenerLogStart","Spark Version":"3.5.1"})") + "\n" +
         R"({"Event":"SparkListenerApplicationStart","App Name":"etl","App ID":"app-7",)"
         R"("Timestamp":1000,"User":"u"})"
         "\n" +
         R"({"Event":"SparkListenerEnvironmentUpdate","Spark Properties":{)" + properties +
         R"(},"Hadoop Properties":{}})"
         "\n" +
         R"({"Event":"org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart",)"
         R"("executionId":0,"description":"q","details":"","physicalPlanDescription":"",)"
         R"("sparkPlanInfo":)" +
         plan +
         R"(,"time":1500})"
         "\n" +
         R"({"Event":"SparkListenerApplicationEnd","Timestamp":11000})"
         "\n";
}

std::string Node(const std::string& name, const std::string& children = "") {
  return R"({"nodeName":")" + name + R"(","simpleString":")" + name + R"(","children":[)" +
         children + R"(],"metrics":[]})";
}

const std::string kVeloxPlan = Node(
    "VeloxColumnarToRow", Node("ProjectExecTransformer",
                               Node("ColumnarExchange", Node("FileSourceScanExecTransformer"))));

TEST(ProfileEngineVariant, JsonAndTextNameNativePlusRemoteShuffle) {
  std::string log = WriteLog(
      "gluten-celeborn",
      Log(R"("spark.master":"yarn","spark.plugins":"org.apache.gluten.GlutenPlugin",)"
          R"("spark.shuffle.manager":"org.apache.spark.shuffle.celeborn.SparkShuffleManager")",
          kVeloxPlan));
  auto r = RunCommand(testing::SparktuneBinary() + " profile --json " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["engine"]["variant"], "native+remote-shuffle");
  EXPECT_EQ(j["engine"]["shuffleKind"], "celeborn");
  EXPECT_EQ(j["engine"]["nativeEngine"], "gluten");
  EXPECT_EQ(j["engine"]["planNodes"], 4);
  EXPECT_EQ(j["engine"]["nativePlanNodes"], 4);

  r = RunCommand(testing::SparktuneBinary() + " profile " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("engine          native+remote-shuffle (shuffle: celeborn; gluten: 4 of "
                       "4 plan nodes native)"),
            std::string::npos)
      << r.out;
}

TEST(ProfileEngineVariant, VanillaLogSaysVanilla) {
  std::string log =
      WriteLog("vanilla", Log(R"("spark.master":"yarn")", Node("HashAggregate", Node("Exchange"))));
  auto r = RunCommand(testing::SparktuneBinary() + " profile --json " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["engine"]["variant"], "vanilla");
  EXPECT_EQ(j["engine"]["nativePlanNodes"], 0);
}

TEST(ProfileEngineVariant, HostileShuffleManagerNeverReachesTheTerminalRaw) {
  std::string log =
      WriteLog("hostile", Log(R"("spark.shuffle.manager":"com.evil.M\u001b[31m\u0007",)"
                              R"("spark.gluten.enabled":"maybe")",
                              Node(R"(X\u001b]0;pwnedTransformer)")));
  auto r = RunCommand(testing::SparktuneBinary() + " profile " + log);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
  EXPECT_NE(r.out.find("shuffle: unknown com.evil.M?[31m?"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("note: spark.gluten.enabled is not a boolean"), std::string::npos);
  auto j =
      nlohmann::json::parse(RunCommand(testing::SparktuneBinary() + " profile --json " + log).out);
  EXPECT_EQ(j["engine"]["variant"], "native");  // the plan shows a native node
}

}  // namespace
}  // namespace sparktune
