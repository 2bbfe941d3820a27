#include "data/jobconfig/spark_application_parser.h"

#include <gtest/gtest.h>

#include "data/jobconfig/config_file_loader.h"

namespace sparktune::jobconfig {
namespace {

constexpr std::string_view kApp = R"(apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: pi
spec:
  type: Python
  sparkVersion: "3.5.1"
  mainApplicationFile: local:///opt/pi.py
  sparkConf:
    spark.sql.shuffle.partitions: "400"
    "spark.eventLog.enabled": "true"
  hadoopConf:
    fs.s3a.fast.upload: "true"
  driver:
    cores: 1
    memory: 2g
  executor:
    instances: 4
    cores: 3
    memory: "6g"
    memoryOverhead: 1g
  dynamicAllocation:
    enabled: true
    maxExecutors: 10
  memoryOverheadFactor: "0.2"
)";

TEST(SparkApplicationParser, MapsFieldsToKeysWithLocations) {
  auto r = ParseSparkApplicationYaml("app.yaml", kApp);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->jobs.size(), 1u);
  const JobConfig& job = r->jobs[0];
  EXPECT_EQ(job.anchor.line, 5);
  EXPECT_TRUE(job.python_app);
  EXPECT_EQ(job.spark_version, "3.5.1");
  EXPECT_EQ(job.Find("spark.sql.shuffle.partitions")->value, "400");
  EXPECT_EQ(job.Find("spark.sql.shuffle.partitions")->key_location.line, 10);
  EXPECT_EQ(job.Find("spark.sql.shuffle.partitions")->key_location.column, 5);
  EXPECT_EQ(job.Find("spark.sql.shuffle.partitions")->value_location.column, 35);
  EXPECT_EQ(job.Find("spark.eventLog.enabled")->value, "true");
  EXPECT_EQ(job.Find("spark.hadoop.fs.s3a.fast.upload")->value, "true");
  EXPECT_EQ(job.Find("spark.driver.memory")->value, "2g");
  EXPECT_EQ(job.Find("spark.executor.instances")->value, "4");
  EXPECT_EQ(job.Find("spark.executor.cores")->value, "3");
  EXPECT_EQ(job.Find("spark.executor.memory")->value, "6g");
  EXPECT_EQ(job.Find("spark.executor.memory")->value_location.line, 20);
  EXPECT_EQ(job.Find("spark.executor.memoryOverhead")->value, "1g");
  EXPECT_EQ(job.Find("spark.dynamicAllocation.enabled")->value, "true");
  EXPECT_EQ(job.Find("spark.dynamicAllocation.maxExecutors")->value, "10");
  // The operator turns on shuffle tracking with dynamic allocation.
  EXPECT_EQ(job.Find("spark.dynamicAllocation.shuffleTracking.enabled")->value, "true");
  EXPECT_EQ(job.Find("spark.kubernetes.memoryOverheadFactor")->value, "0.2");
}

TEST(SparkApplicationParser, SkipsOtherKindsAndReadsScheduledTemplates) {
  auto r = ParseSparkApplicationYaml(
      "multi.yaml",
      "kind: ConfigMap\nspec: {a: b}\n---\n"
      "kind: ScheduledSparkApplication\nspec:\n  schedule: '@daily'\n  template:\n"
      "    executor:\n      cores: 8\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].Find("spark.executor.cores")->value, "8");
  EXPECT_EQ(r->jobs[0].Find("spark.executor.cores")->value_location.line, 9);
}

TEST(SparkApplicationParser, WrongShapesAreProblemsAndTemplatesDynamic) {
  auto r = ParseSparkApplicationYaml(
      "a.yaml",
      "kind: SparkApplication\nspec:\n  sparkConf:\n    spark.a: [1, 2]\n"
      "    spark.b: \"{{ .Values.mem }}\"\n  executor:\n    memory: {x: 1}\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->jobs[0].problems.size(), 2u);
  EXPECT_TRUE(r->jobs[0].Find("spark.b")->dynamic);
}

TEST(SparkApplicationParser, InvalidYamlNamesTheLine) {
  auto r = ParseSparkApplicationYaml("bad.yaml",
                                     "kind: SparkApplication\nspec:\n  sparkConf: [unclosed\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  EXPECT_NE(r.status().message().find("bad.yaml:"), std::string::npos);
}

TEST(SparkApplicationParser, BareCommaInBlockContextIsAnErrorNotAHang) {
  // yaml-cpp 0.7 never returns on these (found by tests/fuzz/jobconfig_fuzz);
  // the parser must answer with a located error instead.
  // The split literal keeps \x19 from taking the 4 as a hex digit.
  for (const char* text : {",,", " ,", "---\n,", "- a\n,", ",a: b\n",
                           // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
                           ",,,,\x02spark_version:\x19"
                           "4.0.0\n"}) {
    auto r = ParseSparkApplicationYaml("hostile.yaml", text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.status().message().find("hostile.yaml:"), std::string::npos);
    EXPECT_NE(r.status().message().find("unexpected ','"), std::string::npos);
  }
  // Commas where YAML allows them still parse.
  auto ok = ParseSparkApplicationYaml("ok.yaml", "a: |\n  ,not a token\nb: [1,\n  ,2]\nc: \"x\"\n");
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

TEST(ConfigFileLoader, DetectsFormats) {
  EXPECT_EQ(DetectFormat("x/app.yaml", ""), ConfigFormat::kSparkApplicationYaml);
  EXPECT_EQ(DetectFormat("run.sh", ""), ConfigFormat::kSparkSubmit);
  EXPECT_EQ(DetectFormat("conf/spark-defaults.conf", "spark-submit"), ConfigFormat::kSparkDefaults);
  EXPECT_EQ(DetectFormat("job", "#!/bin/sh\n"), ConfigFormat::kSparkSubmit);
  EXPECT_EQ(DetectFormat("job", "apiVersion: v1\nkind: SparkApplication\n"),
            ConfigFormat::kSparkApplicationYaml);
  EXPECT_EQ(DetectFormat("job", "spark.a 1\n"), ConfigFormat::kSparkDefaults);
  EXPECT_EQ(LoadConfigFile("/nonexistent/file.conf").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(LoadConfigFile("/").status().code(), StatusCode::kUnreadable);
}

}  // namespace
}  // namespace sparktune::jobconfig
