#include "data/jobconfig/spark_submit_parser.h"

#include <gtest/gtest.h>

namespace sparktune::jobconfig {
namespace {

TEST(SparkSubmitParser, QuotingContinuationsAndFlags) {
  auto r = ParseSparkSubmitScript(
      "job.sh",
      "#!/bin/bash\n"
      "export X=1\n"
      "spark-submit --master yarn \\\n"
      "  --conf spark.a=1 \\\n"
      "  --conf \"spark.b=two words\" \\\n"
      "  --conf 'spark.c=$NOT_EXPANDED' \\\n"
      "  --conf=spark.d=4 -c spark.e=5 \\\n"
      "  --executor-memory=8g --num-executors 10 --executor-cores 4 \\\n"
      "  --driver-memory 2g --driver-cores 1 --deploy-mode cluster --name \"my app\" \\\n"
      "  --class com.example.Main --properties-file extra.conf \\\n"
      "  app.jar --executor-memory 1g arg2\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->jobs.size(), 1u);
  const JobConfig& job = r->jobs[0];
  EXPECT_TRUE(job.problems.empty());
  EXPECT_EQ(job.anchor.line, 3);
  EXPECT_EQ(job.anchor.column, 1);
  EXPECT_EQ(job.Find("spark.master")->value, "yarn");
  EXPECT_EQ(job.Find("spark.a")->value, "1");
  EXPECT_EQ(job.Find("spark.a")->key_location.line, 4);
  EXPECT_EQ(job.Find("spark.a")->key_location.column, 10);
  EXPECT_EQ(job.Find("spark.a")->value_location.column, 18);
  EXPECT_EQ(job.Find("spark.b")->value, "two words");
  EXPECT_EQ(job.Find("spark.b")->key_location.column, 11);  // after the opening quote
  EXPECT_EQ(job.Find("spark.c")->value, "$NOT_EXPANDED");
  EXPECT_FALSE(job.Find("spark.c")->dynamic);  // single quotes: literal
  EXPECT_EQ(job.Find("spark.d")->value, "4");
  EXPECT_EQ(job.Find("spark.e")->value, "5");
  EXPECT_EQ(job.Find("spark.executor.memory")->value, "8g");  // app args are not options
  EXPECT_EQ(job.Find("spark.executor.memory")->value_location.line, 8);
  EXPECT_EQ(job.Find("spark.executor.memory")->value_location.column, 21);
  EXPECT_EQ(job.Find("spark.executor.instances")->value, "10");
  EXPECT_EQ(job.Find("spark.executor.cores")->value, "4");
  EXPECT_EQ(job.Find("spark.driver.memory")->value, "2g");
  EXPECT_EQ(job.Find("spark.driver.cores")->value, "1");
  EXPECT_EQ(job.Find("spark.submit.deployMode")->value, "cluster");
  EXPECT_EQ(job.Find("spark.app.name")->value, "my app");
  EXPECT_EQ(job.main_class, "com.example.Main");
  EXPECT_EQ(job.properties_file, "extra.conf");
  EXPECT_EQ(job.main_resource, "app.jar");
  EXPECT_FALSE(job.python_app);
}

TEST(SparkSubmitParser, DedicatedFlagWinsOverConf) {
  auto r = ParseSparkSubmitScript(
      "j.sh", "spark-submit --executor-memory 4g --conf spark.executor.memory=8g a.jar\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->jobs[0].Find("spark.executor.memory")->value, "4g");
  EXPECT_EQ(r->jobs[0].FindAll("spark.executor.memory").size(), 2u);
}

TEST(SparkSubmitParser, SeveralCommandsExpansionsAndPython) {
  auto r = ParseSparkSubmitScript(
      "j.sh",
      "MEM=4g\n"
      "if true; then $SPARK_HOME/bin/spark-submit --executor-memory \"$MEM\" a.py; fi\n"
      "echo done && /opt/spark/bin/spark-submit --py-files deps.zip --conf spark.x=$(date) b.jar\n"
      "echo spark-submit-not-a-command\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->jobs.size(), 2u);
  EXPECT_TRUE(r->jobs[0].python_app);
  EXPECT_TRUE(r->jobs[0].Find("spark.executor.memory")->dynamic);
  EXPECT_EQ(r->jobs[0].anchor.line, 2);
  EXPECT_TRUE(r->jobs[1].python_app);  // --py-files
  EXPECT_TRUE(r->jobs[1].Find("spark.x")->dynamic);
  EXPECT_EQ(r->jobs[1].Find("spark.x")->value, "$(date)");
}

TEST(SparkSubmitParser, ProblemsAreReported) {
  auto r = ParseSparkSubmitScript("j.sh", "spark-submit --bogus 1 --conf novalue --master\n");
  ASSERT_TRUE(r.ok());
  const auto& problems = r->jobs[0].problems;
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].message.find("unknown spark-submit option '--bogus'"), std::string::npos);
  EXPECT_EQ(problems[0].location.column, 14);
  EXPECT_NE(problems[1].message.find("without '='"), std::string::npos);
  EXPECT_NE(problems[2].message.find("needs a value"), std::string::npos);
}

TEST(SparkSubmitParser, CommentsAndEscapes) {
  auto r = ParseSparkSubmitScript(
      "j.sh",
      "# spark-submit --conf spark.commented=1\n"
      "spark-submit --conf spark.a=x\\ y --conf \"spark.b=\\\"q\\\"\" a.jar # trailing\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].Find("spark.a")->value, "x y");
  EXPECT_EQ(r->jobs[0].Find("spark.b")->value, "\"q\"");
  EXPECT_EQ(r->jobs[0].Find("spark.commented"), nullptr);
}

TEST(SparkSubmitParser, UnterminatedQuoteIsAnError) {
  auto r = ParseSparkSubmitScript("j.sh", "echo ok\nspark-submit --conf \"spark.a=1 a.jar\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  EXPECT_NE(r.status().message().find("j.sh:2:21: unterminated double quote"), std::string::npos)
      << r.status().message();
}

TEST(SparkSubmitParser, ScriptWithoutSubmitHasNoJobs) {
  auto r = ParseSparkSubmitScript("j.sh", "echo hello\n");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->jobs.empty());
}

TEST(SparkSubmitParser, FlagKeys) {
  EXPECT_EQ(KeyForSubmitFlag("--executor-memory"), "spark.executor.memory");
  EXPECT_EQ(KeyForSubmitFlag("--num-executors"), "spark.executor.instances");
  EXPECT_EQ(KeyForSubmitFlag("--total-executor-cores"), "spark.cores.max");
  EXPECT_EQ(KeyForSubmitFlag("--class"), "");
}

}  // namespace
}  // namespace sparktune::jobconfig
