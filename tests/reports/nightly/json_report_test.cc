#include "reports/nightly/json_report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/reports/nightly/golden_file.h"
#include "tests/reports/nightly/sample_report.h"

namespace sparktune::reports {
namespace {

using nlohmann::json;

TEST(NightlyJsonTest, SampleReportMatchesGolden) {
  testing::ExpectMatchesGolden("sample_report.json",
                               RenderNightlyJson(testing::SampleNightlyReport()));
}

TEST(NightlyJsonTest, FirstNightMatchesGolden) {
  testing::ExpectMatchesGolden("first_night.json", RenderNightlyJson(testing::FirstNightReport()));
}

// The required keys of sparktune.report/1 and their JSON types, as
// docs/report-schema.md documents them. `n` = number, `n?` = number or null.
void ExpectShape(const json& object, const std::vector<std::pair<std::string, std::string>>& fields,
                 const std::string& where) {
  ASSERT_TRUE(object.is_object()) << where << " is not an object";
  for (const auto& [key, type] : fields) {
    ASSERT_TRUE(object.contains(key)) << where << " lacks \"" << key << "\"";
    const json& v = object.at(key);
    bool ok = (type == "s" && v.is_string()) || (type == "n" && v.is_number()) ||
              (type == "n?" && (v.is_number() || v.is_null())) ||
              (type == "s?" && (v.is_string() || v.is_null())) ||
              (type == "i" && v.is_number_integer()) || (type == "b" && v.is_boolean()) ||
              (type == "o" && v.is_object()) || (type == "o?" && (v.is_object() || v.is_null())) ||
              (type == "a" && v.is_array());
    EXPECT_TRUE(ok) << where << "." << key << " should be " << type << " but is " << v.type_name();
  }
}

void ExpectEstimate(const json& e, const std::string& where) {
  ExpectShape(e, {{"value", "n?"}, {"low", "n?"}, {"high", "n?"}}, where);
}

void ExpectFigures(const json& f, const std::string& where) {
  ExpectShape(f, {{"durationMs", "o"}, {"mbSeconds", "o"}}, where);
  ExpectEstimate(f["durationMs"], where + ".durationMs");
  ExpectEstimate(f["mbSeconds"], where + ".mbSeconds");
}

void ExpectReportShape(const json& j) {
  ExpectShape(j,
              {{"schema", "s"},
               {"tool", "o"},
               {"night", "o"},
               {"prices", "o"},
               {"inputs", "o"},
               {"totals", "o"},
               {"trend", "a"},
               {"proposal", "o"},
               {"overrides", "a"},
               {"topJobs", "o"},
               {"jobs", "a"},
               {"accuracy", "a"}},
              "report");
  EXPECT_EQ(j["schema"], kReportJsonSchema);
  ExpectShape(j["tool"], {{"name", "s"}, {"version", "s"}}, "tool");
  ExpectShape(j["night"], {{"id", "i"}, {"date", "s"}, {"generatedAt", "s"}}, "night");
  ExpectShape(j["prices"],
              {{"perGbHour", "n"}, {"perCoreHour", "n"}, {"currency", "s"}, {"configured", "b"}},
              "prices");
  ExpectShape(j["inputs"],
              {{"source", "s"}, {"appsNew", "i"}, {"appsKnown", "i"}, {"unreadable", "a"}},
              "inputs");
  for (const json& u : j["inputs"]["unreadable"])
    ExpectShape(u, {{"path", "s"}, {"error", "s"}}, "unreadable[]");
  std::vector<std::pair<std::string, std::string>> totals = {
      {"night", "s"}, {"apps", "i"}, {"mbSeconds", "n"}, {"coreSeconds", "n"}, {"cost", "n?"}};
  ExpectShape(j["totals"], totals, "totals");
  ASSERT_FALSE(j["trend"].empty()) << "the trend always ends with tonight";
  for (const json& t : j["trend"]) ExpectShape(t, totals, "trend[]");
  EXPECT_EQ(j["trend"].back(), j["totals"]);
  const json& p = j["proposal"];
  ExpectShape(p,
              {{"changes", "a"},
               {"jobsConsidered", "i"},
               {"savingMbSeconds", "o"},
               {"savingCoreSeconds", "o"},
               {"savingCost", "n?"},
               {"sparkDefaults", "s"}},
              "proposal");
  ExpectEstimate(p["savingMbSeconds"], "proposal.savingMbSeconds");
  for (const json& c : p["changes"]) {
    ExpectShape(c, {{"key", "s"}, {"current", "s?"}, {"proposed", "s"}, {"why", "s"}}, "changes[]");
  }
  for (const json& o : j["overrides"]) {
    ExpectShape(o, {{"job", "s"}, {"appId", "s"}, {"settings", "a"}, {"gainPercent", "o"}},
                "overrides[]");
  }
  ExpectShape(j["topJobs"], {{"byWaste", "a"}, {"bySaving", "a"}}, "topJobs");
  for (const char* list : {"byWaste", "bySaving"}) {
    for (const json& i : j["topJobs"][list]) {
      ASSERT_TRUE(i.is_number_unsigned());
      EXPECT_LT(i.get<size_t>(), j["jobs"].size()) << "topJobs." << list << " indexes jobs[]";
    }
  }
  for (const json& job : j["jobs"]) {
    ExpectShape(job,
                {{"name", "s"},
                 {"appId", "s"},
                 {"user", "s"},
                 {"sparkVersion", "s"},
                 {"logPath", "s"},
                 {"observed", "o"},
                 {"baseline", "o?"},
                 {"recommended", "o?"},
                 {"replayErrorPercent", "o?"},
                 {"replayConfidence", "o"},
                 {"wasteMbSeconds", "n"},
                 {"savingMbSeconds", "o"},
                 {"evidence", "o"},
                 {"rewrite", "o"},
                 {"executors", "a"},
                 {"stages", "a"},
                 {"sql", "a"},
                 {"advice", "a"}},
                "jobs[]");
    ExpectShape(job["observed"], {{"durationMs", "n"}, {"mbSeconds", "n"}, {"coreSeconds", "n"}},
                "observed");
    if (!job["baseline"].is_null()) ExpectFigures(job["baseline"], "baseline");
    if (!job["recommended"].is_null()) ExpectFigures(job["recommended"], "recommended");
    ExpectShape(job["evidence"], {{"used", "a"}, {"missing", "a"}}, "evidence");
    ExpectShape(job["rewrite"], {{"settings", "a"}, {"submitArgs", "s"}, {"sparkDefaults", "s"}},
                "rewrite");
    for (const json& e : job["executors"]) {
      ExpectShape(e,
                  {{"id", "s"},
                   {"host", "s"},
                   {"cores", "i"},
                   {"memoryMib", "i"},
                   {"startMs", "i"},
                   {"endMs", "i"},
                   {"removedReason", "s"}},
                  "executors[]");
    }
    for (const json& s : job["stages"]) {
      ExpectShape(s,
                  {{"stageId", "i"},
                   {"attempt", "i"},
                   {"name", "s"},
                   {"startMs", "i"},
                   {"endMs", "i"},
                   {"tasks", "i"},
                   {"taskTimeMs", "i"},
                   {"spillBytes", "i"},
                   {"gcMs", "i"},
                   {"skewRatio", "n?"},
                   {"failed", "b"}},
                  "stages[]");
    }
    for (const json& s : job["sql"]) {
      ExpectShape(s, {{"executionId", "i"}, {"description", "s"}, {"durationMs", "i"}}, "sql[]");
    }
    for (const json& a : job["advice"]) {
      ExpectShape(a, {{"title", "s"}, {"evidence", "s"}, {"savingMbSeconds", "o"}}, "advice[]");
    }
  }
  for (const json& a : j["accuracy"]) {
    ExpectShape(
        a,
        {{"job", "s"}, {"night", "s"}, {"predicted", "o"}, {"actual", "o"}, {"errorPercent", "o"}},
        "accuracy[]");
    ExpectFigures(a["predicted"], "accuracy[].predicted");
    ExpectShape(a["actual"], {{"durationMs", "n"}, {"mbSeconds", "n"}}, "accuracy[].actual");
  }
}

TEST(NightlyJsonTest, SampleReportHasTheDocumentedShape) {
  json j = json::parse(RenderNightlyJson(testing::SampleNightlyReport()));
  ExpectReportShape(j);
  EXPECT_EQ(j["jobs"].size(), 5u);
  EXPECT_EQ(j["trend"].size(), 8u)
      << "7 earlier nights + tonight; the history's copy of tonight is dropped";
}

TEST(NightlyJsonTest, FirstNightHasTheDocumentedShape) {
  json j = json::parse(RenderNightlyJson(testing::FirstNightReport()));
  ExpectReportShape(j);
  EXPECT_TRUE(j["totals"]["cost"].is_null()) << "no prices configured: cost is null, not 0";
  EXPECT_EQ(j["trend"].size(), 1u);
}

TEST(NightlyJsonTest, UnknownValuesAreNullNotZero) {
  NightlyReport r = testing::FirstNightReport();
  JobReport job;
  job.app_id = "app-1";
  job.observed.duration_ms = Estimate::Exact(0);
  job.baseline = RunFigures{Estimate::Exact(10), Estimate::Exact(5)};
  StageSpan stage;
  stage.skew_ratio = 0;  // unknown
  job.stages.push_back(stage);
  r.jobs.push_back(job);
  json j = NightlyReportJson(r);
  EXPECT_TRUE(j["jobs"][0]["replayErrorPercent"]["durationMs"].is_null())
      << "error against an observed 0";
  EXPECT_TRUE(j["jobs"][0]["stages"][0]["skewRatio"].is_null());
  EXPECT_TRUE(j["jobs"][0]["recommended"].is_null());
}

TEST(NightlyJsonTest, InvalidUtf8IsReplacedNotFatal) {
  NightlyReport r = testing::FirstNightReport();
  r.inputs.unreadable.push_back({"/logs/\xff\xfe.lz4", "bad \xc3"});
  std::string text = RenderNightlyJson(r);
  json j = json::parse(text);  // throws on invalid UTF-8
  EXPECT_EQ(j["inputs"]["unreadable"][0]["path"], "/logs/\xEF\xBF\xBD\xEF\xBF\xBD.lz4");
}

}  // namespace
}  // namespace sparktune::reports
