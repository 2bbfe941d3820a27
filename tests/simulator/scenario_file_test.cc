// Scenario files: valid files parse with documented defaults; hostile or
// mistaken ones fail with an error naming the file, the JSON path and what was
// expected (syntax errors with line and column), or warn for unknown members.
#include "simulator/workload/scenario_file.h"

#include <gtest/gtest.h>

#include <string>

#include "simulator/workload/scenario_simulator.h"

namespace sparktune::simulator {
namespace {

const char* kMinimal = R"({
  "tables": [{"name": "t", "bytes": "10g", "files": 80}],
  "queries": [{"scan": {"table": "t"}, "ops": [{"op": "aggregate", "outputRatio": 0.1}, {"op": "write"}]}],
  "config": {"spark.executor.instances": "4", "spark.executor.cores": "4", "spark.executor.memory": "8g"}
})";

std::string ErrorOf(const std::string& text) {
  auto r = ParseScenarioJson(text, "s.json");
  return r.ok() ? "" : r.status().message();
}

TEST(ScenarioFile, MinimalFileGetsDefaults) {
  auto r = ParseScenarioJson(kMinimal, "s.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->warnings.empty());
  ASSERT_EQ(r->tables.size(), 1u);
  EXPECT_DOUBLE_EQ(r->tables[0].bytes, 10.0 * 1024 * 1024 * 1024);
  EXPECT_EQ(r->queries[0].ops.size(), 2u);
  EXPECT_EQ(r->cost.task_fixed_ms, ScenarioCost{}.task_fixed_ms);
  EXPECT_TRUE(r->version.AtLeast(3, 0));
}

TEST(ScenarioFile, SyntaxErrorCarriesLineAndColumn) {
  std::string e = ErrorOf("{\n  \"tables\": [\n    {\"name\": \"t\",, }\n]}");
  EXPECT_NE(e.find("s.json"), std::string::npos) << e;
  EXPECT_NE(e.find("line 3"), std::string::npos) << e;
  EXPECT_NE(e.find("column"), std::string::npos) << e;
}

TEST(ScenarioFile, ErrorsNameTheJsonPathAndTheExpectation) {
  std::string text = kMinimal;
  std::string neg = text;
  neg.replace(neg.find("\"10g\""), 5, "-5");
  std::string e = ErrorOf(neg);
  EXPECT_NE(e.find("tables[0].bytes"), std::string::npos) << e;
  EXPECT_NE(e.find("expected a number in"), std::string::npos) << e;

  std::string sel = text;
  sel.replace(sel.find("\"outputRatio\": 0.1"), 18, "\"outputRatio\": \"x\"");
  e = ErrorOf(sel);
  EXPECT_NE(e.find("queries[0].ops[0].outputRatio"), std::string::npos) << e;

  std::string op = text;
  op.replace(op.find("\"aggregate\""), 11, "\"explode\"");
  e = ErrorOf(op);
  EXPECT_NE(e.find("queries[0].ops[0].op"), std::string::npos) << e;
  EXPECT_NE(e.find("expected aggregate, join, repartition or write"), std::string::npos) << e;

  std::string table = text;
  table.replace(table.find("{\"table\": \"t\"}"), 14, "{\"table\": \"nope\"}");
  e = ErrorOf(table);
  EXPECT_NE(e.find("queries[0].scan.table"), std::string::npos) << e;
  EXPECT_NE(e.find("no table named 'nope'"), std::string::npos) << e;

  EXPECT_NE(ErrorOf("[1, 2]").find("expected an object"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"tables\": []}").find("tables: expected a non-empty array"),
            std::string::npos);
}

TEST(ScenarioFile, HugeNumbersAndDeepNestingAreRejected) {
  std::string huge = kMinimal;
  huge.replace(huge.find("\"10g\""), 5, "1e300");
  EXPECT_NE(ErrorOf(huge).find("tables[0].bytes"), std::string::npos);
  std::string files = kMinimal;
  files.replace(files.find("\"files\": 80"), 11, "\"files\": 1e12");
  EXPECT_NE(ErrorOf(files).find("tables[0].files"), std::string::npos);
  std::string deep = "{\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_NE(ErrorOf(deep).find("nesting deeper than"), std::string::npos);
  std::string shares = kMinimal;
  shares.replace(shares.find("\"outputRatio\": 0.1"), 18, "\"skew\": {\"heavyKeys\": [0.7, 0.6]}");
  EXPECT_NE(ErrorOf(shares).find("less than 1"), std::string::npos);
}

TEST(ScenarioFile, UnknownMembersAndKeysWarn) {
  std::string text = kMinimal;
  text.replace(text.find("\"tables\""), 8, "\"tabels\": 1, \"tables\"");
  text.replace(text.find("\"spark.executor.instances\""), 26,
               "\"spark.executor.instanses\": \"2\", \"spark.executor.instances\"");
  auto r = ParseScenarioJson(text, "s.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_NE(r->warnings[0].find("unknown member 'tabels'"), std::string::npos) << r->warnings[0];
  EXPECT_NE(r->warnings[1].find("did you mean 'spark.executor.instances'"), std::string::npos)
      << r->warnings[1];
  std::string bad_key = kMinimal;
  bad_key.replace(bad_key.find("\"spark.executor.memory\""), 23, "\"executor.memory\"");
  EXPECT_NE(ErrorOf(bad_key).find("expected a spark.* key"), std::string::npos);
  std::string bad_size = kMinimal;
  bad_size.replace(bad_size.find("\"8g\""), 4, "\"lots\"");
  EXPECT_NE(ErrorOf(bad_size).find("config.spark.executor.memory: expected a size"),
            std::string::npos);
}

TEST(ScenarioFile, MissingFileIsNotFound) {
  auto r = ParseScenarioFile("/nonexistent/scenario.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(ScenarioRun, AbsurdTaskCountsFailClearly) {
  // 1 EiB in 1 MiB splits: ~1e12 scan tasks.
  auto r = ParseScenarioJson(R"({
    "tables": [{"name": "t", "bytes": 1e18, "files": 1000000}],
    "queries": [{"scan": {"table": "t"}}],
    "config": {"spark.sql.files.maxPartitionBytes": "1m", "spark.executor.instances": "2"}})",
                             "s.json");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto run = ScenarioSimulator(*r).Run({});
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.status().message().find("more than 20000000 tasks"), std::string::npos)
      << run.status().message();
  auto p = ParseScenarioJson(kMinimal, "s.json");
  ASSERT_TRUE(p.ok());
  auto parts = ScenarioSimulator(*p).Run({{"spark.sql.shuffle.partitions", "100000000"}});
  EXPECT_FALSE(parts.ok());
}

TEST(ScenarioRun, EmptyTablesAndRunawayOutputRatios) {
  auto empty = ParseScenarioJson(R"({
    "tables": [{"name": "t", "bytes": 0, "files": 3}],
    "queries": [{"scan": {"table": "t"}, "ops": [{"op": "aggregate"}, {"op": "write"}]}]})",
                                 "s.json");
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  auto run = ScenarioSimulator(*empty).Run({});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_GE(run->sim.duration_ms, 0);
  std::string ops;
  for (int i = 0; i < 8; ++i)
    ops += std::string(i ? "," : "") + R"({"op": "repartition", "partitions": 2})";
  std::string grow = R"({"tables": [{"name": "t", "bytes": "1t", "files": 10}],
    "queries": [{"scan": {"table": "t"}, "ops": [{"op": "aggregate", "outputRatio": 1000},
    {"op": "aggregate", "outputRatio": 1000}, {"op": "aggregate", "outputRatio": 1000}, )" +
                     ops + "]}]}";
  auto g = ParseScenarioJson(grow, "s.json");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto grown = ScenarioSimulator(*g).Run({});
  ASSERT_FALSE(grown.ok());
  EXPECT_NE(grown.status().message().find("beyond 1 EiB"), std::string::npos)
      << grown.status().message();
}

TEST(ScenarioRun, ScanSplitsFollowMaxPartitionBytes) {
  auto r = ParseScenarioJson(kMinimal, "s.json");
  ASSERT_TRUE(r.ok());
  auto a = ScenarioSimulator(*r).Run({});
  auto b = ScenarioSimulator(*r).Run({{"spark.sql.files.maxPartitionBytes", "32m"}});
  ASSERT_TRUE(a.ok() && b.ok());
  // 10 GiB in 80 files of 128 MiB: one task per file at 128m, four at 32m.
  EXPECT_EQ(a->sim.stages[0].tasks, 80);
  EXPECT_EQ(b->sim.stages[0].tasks, 320);
  EXPECT_EQ(a->sim.stages[1].tasks, 200);  // spark.sql.shuffle.partitions default
}

}  // namespace
}  // namespace sparktune::simulator

namespace sparktune::simulator {
namespace {

// Found by tests/fuzz/scenario_fuzz: a number beyond a double made nlohmann
// throw out_of_range (not parse_error) through the parser.
TEST(ScenarioFileFuzzRegression, ANumberBeyondADoubleIsAnErrorNotACrash) {
  auto r = ParseScenarioJson(
      R"({"name": "x", "tables": [{"name": "t", "bytes": 12e7777777777777}]})", "huge.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("huge.json"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace sparktune::simulator
