#include "data/jobconfig/spark_defaults_parser.h"

#include <gtest/gtest.h>

namespace sparktune::jobconfig {
namespace {

const ConfigSetting& Only(const ConfigFile& f, std::string_view key) {
  const ConfigSetting* s = f.jobs.at(0).Find(key);
  if (!s) ADD_FAILURE() << "missing " << key;
  static const ConfigSetting kEmpty;
  return s ? *s : kEmpty;
}

TEST(SparkDefaultsParser, SeparatorsCommentsAndLocations) {
  auto r = ParseSparkDefaults("d.conf",
                              "# comment\n"
                              "! also a comment\n"
                              "spark.executor.memory   4g\n"
                              "spark.executor.cores=4\n"
                              "  spark.master : yarn  \n"
                              "\n"
                              "spark.app.name\tnightly job\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->jobs.size(), 1u);
  EXPECT_EQ(r->jobs[0].settings.size(), 4u);
  const ConfigSetting& mem = Only(*r, "spark.executor.memory");
  EXPECT_EQ(mem.value, "4g");
  EXPECT_EQ(mem.key_location.line, 3);
  EXPECT_EQ(mem.key_location.column, 1);
  EXPECT_EQ(mem.value_location.column, 25);
  EXPECT_EQ(Only(*r, "spark.executor.cores").value, "4");
  EXPECT_EQ(Only(*r, "spark.executor.cores").value_location.column, 22);
  const ConfigSetting& master = Only(*r, "spark.master");
  EXPECT_EQ(master.value, "yarn");  // Spark trims values
  EXPECT_EQ(master.key_location.column, 3);
  EXPECT_EQ(master.value_location.column, 18);
  EXPECT_EQ(Only(*r, "spark.app.name").value, "nightly job");
}

TEST(SparkDefaultsParser, ContinuationsAndEscapes) {
  auto r = ParseSparkDefaults("d.conf",
                              "spark.driver.extraJavaOptions -Da=1 \\\n"
                              "    -Db=2\n"
                              "spark.key\\=with\\:seps = v\\tx\\u0041\n"
                              "spark.odd = ends in \\\\\n"
                              "spark.next = n\n"
                              "spark.empty\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Only(*r, "spark.driver.extraJavaOptions").value, "-Da=1 -Db=2");
  EXPECT_EQ(Only(*r, "spark.key=with:seps").value, "v\txA");
  EXPECT_EQ(Only(*r, "spark.odd").value, "ends in \\");  // even backslashes: no continuation
  EXPECT_EQ(Only(*r, "spark.next").value, "n");
  EXPECT_EQ(Only(*r, "spark.next").key_location.line, 5);
  EXPECT_EQ(Only(*r, "spark.empty").value, "");
}

TEST(SparkDefaultsParser, CrlfBomAndUnicodeColumns) {
  auto r = ParseSparkDefaults("d.conf", "\xEF\xBB\xBFspark.a 1\r\nspark.\xC3\xA9t\xC3\xA9 2\r\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Only(*r, "spark.a").value, "1");
  EXPECT_EQ(Only(*r, "spark.\xC3\xA9t\xC3\xA9").value, "2");
  EXPECT_EQ(Only(*r, "spark.\xC3\xA9t\xC3\xA9").value_location.column,
            11);  // code points, not bytes
}

TEST(SparkDefaultsParser, ErrorsNameFileAndLine) {
  auto bad_escape = ParseSparkDefaults("d.conf", "spark.a 1\nspark.b \\u12\n");
  ASSERT_FALSE(bad_escape.ok());
  EXPECT_NE(bad_escape.status().message().find("d.conf:2"), std::string::npos)
      << bad_escape.status().message();
  auto nul = ParseSparkDefaults("d.conf", std::string_view("spark.a 1\n\0", 11));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().code(), StatusCode::kUnreadable);
}

TEST(SparkDefaultsParser, SuppressionsOnlyOnTheirOwnLine) {
  auto r = ParseSparkDefaults("d.conf",
                              "# sparktune: disable=ST203 reason: gpu\n"
                              "\n"
                              "spark.executor.cores 8\n"
                              "spark.x 1 # sparktune: disable=ST101 reason: part of the value\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->suppressions.size(), 1u);
  EXPECT_EQ(r->suppressions[0].target_line, 3);
  EXPECT_EQ(r->suppressions[0].rules, std::vector<std::string>{"ST203"});
  EXPECT_EQ(r->suppressions[0].reason, "gpu");
}

TEST(SparkDefaultsParser, LaterValueWins) {
  auto r = ParseSparkDefaults("d.conf", "spark.a 1\nspark.a 2\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Only(*r, "spark.a").value, "2");
  EXPECT_EQ(r->jobs[0].FindAll("spark.a").size(), 2u);
}

}  // namespace
}  // namespace sparktune::jobconfig
