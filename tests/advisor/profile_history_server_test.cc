// The History Server's own expected REST answers
// (../shared/eventlogs/apache-spark/HistoryServerExpectations, mapped in
// CASES.tsv) must be reproduced by `profile --json` for every job list, single
// job, stage list, single stage and executor list they contain, on the fields
// issue 2 names.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "advisor/profile/profile_report.h"
#include "data/eventlog/event_log_reader.h"
#include "tests/test_paths.h"

namespace sparktune {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const char* const kStageFields[] = {"status",
                                    "numTasks",
                                    "numCompleteTasks",
                                    "numFailedTasks",
                                    "numKilledTasks",
                                    "executorRunTime",
                                    "executorCpuTime",
                                    "jvmGcTime",
                                    "inputBytes",
                                    "inputRecords",
                                    "outputBytes",
                                    "outputRecords",
                                    "shuffleReadBytes",
                                    "shuffleReadRecords",
                                    "shuffleWriteBytes",
                                    "shuffleWriteRecords",
                                    "memoryBytesSpilled",
                                    "diskBytesSpilled"};
const char* const kJobFields[] = {
    "status",         "numTasks",       "numCompletedTasks",  "numSkippedTasks",
    "numFailedTasks", "numKilledTasks", "numCompletedStages", "numSkippedStages",
    "numFailedStages"};
const char* const kExecutorFields[] = {"totalCores",      "totalTasks",       "completedTasks",
                                       "failedTasks",     "totalDuration",    "totalGCTime",
                                       "totalInputBytes", "totalShuffleRead", "totalShuffleWrite"};

std::string Expectations() {
  return testing::SharedEventLogs() + "/apache-spark/HistoryServerExpectations";
}

// Profiles of every log in spark-events/, keyed by "appId/attemptId".
const std::map<std::string, json>& Profiles() {
  static auto* profiles = [] {
    auto* m = new std::map<std::string, json>();
    std::string dir = testing::SharedEventLogs() + "/apache-spark/spark-events";
    for (const auto& entry : fs::directory_iterator(dir)) {
      auto loaded = eventlog::ReadEventLog(entry.path().string());
      if (!loaded.ok()) continue;
      json j = advisor::ProfileJson(*loaded, entry.path().string());
      (*m)[loaded->app.app_id + "/" + loaded->app.attempt_id] = j;
    }
    return m;
  }();
  return *profiles;
}

struct Case {
  std::string file;
  std::string request;
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  std::ifstream in(Expectations() + "/CASES.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case c;
    std::getline(fields, c.file, '\t');
    std::getline(fields, c.request, '\t');
    if (c.file == "expectation_file") continue;
    cases.push_back(c);
  }
  return cases;
}

std::vector<std::string> QueryValues(const std::string& query, const std::string& key) {
  std::vector<std::string> out;
  std::regex re(key + "=([A-Za-z]+)");
  for (auto it = std::sregex_iterator(query.begin(), query.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void CompareObject(const json& expected, const json& actual, const char* const* fields, size_t n,
                   const std::string& where) {
  for (size_t i = 0; i < n; ++i) {
    const char* f = fields[i];
    if (!expected.contains(f)) continue;
    ASSERT_TRUE(actual.contains(f)) << where << ": profile lacks " << f;
    EXPECT_EQ(expected[f], actual[f]) << where << " field " << f;
  }
}

TEST(ProfileMatchesHistoryServer, EveryJobStageAndExecutorExpectation) {
  if (!fs::exists(Expectations())) GTEST_SKIP() << "shared/eventlogs not present";
  std::regex path_re(
      R"(applications/([^/?]+)(?:/(\d+))?/(jobs|stages|executors|allexecutors)(?:/(\d+))?(?:/(\d+))?/?(\?.*)?)");
  int checked = 0;
  for (const Case& c : Cases()) {
    std::smatch m;
    if (!std::regex_match(c.request, m, path_re)) continue;
    std::string app = m[1], attempt = m[2], kind = m[3], id = m[4], attempt_id = m[5], query = m[6];
    auto found = Profiles().find(app + "/" + attempt);
    ASSERT_NE(found, Profiles().end()) << c.file << ": no log for " << app << "/" << attempt;
    const json& profile = found->second;
    std::ifstream in(Expectations() + "/" + c.file);
    json expected = json::parse(in);
    std::string where = c.file;
    SCOPED_TRACE(where);
    if (kind == "jobs") {
      std::vector<json> ours;
      auto statuses = QueryValues(query, "status");
      for (const json& j : profile["jobs"]) {
        if (!id.empty() && j["jobId"] != std::stoi(id)) continue;
        if (!statuses.empty()) {
          bool match = false;
          for (auto& st : statuses) match |= Upper(st) == j["status"];
          if (!match) continue;
        }
        ours.push_back(j);
      }
      json exp_list = expected.is_array() ? expected : json::array({expected});
      ASSERT_EQ(exp_list.size(), ours.size()) << where << ": number of jobs";
      for (const json& e : exp_list) {
        auto it = std::find_if(ours.begin(), ours.end(),
                               [&](const json& j) { return j["jobId"] == e["jobId"]; });
        ASSERT_NE(it, ours.end()) << where << ": job " << e["jobId"];
        CompareObject(e, *it, kJobFields, std::size(kJobFields),
                      where + " job " + e["jobId"].dump());
      }
    } else if (kind == "stages") {
      std::vector<json> ours;
      auto statuses = QueryValues(query, "status");
      for (const json& s : profile["stages"]) {
        if (!id.empty() && s["stageId"] != std::stoi(id)) continue;
        if (!attempt_id.empty() && s["attemptId"] != std::stoi(attempt_id)) continue;
        if (!statuses.empty()) {
          bool match = false;
          for (auto& st : statuses) match |= Upper(st) == s["status"];
          if (!match) continue;
        }
        ours.push_back(s);
      }
      json exp_list = expected.is_array() ? expected : json::array({expected});
      ASSERT_EQ(exp_list.size(), ours.size()) << where << ": number of stages";
      for (const json& e : exp_list) {
        auto it = std::find_if(ours.begin(), ours.end(), [&](const json& s) {
          return s["stageId"] == e["stageId"] && s["attemptId"] == e["attemptId"];
        });
        ASSERT_NE(it, ours.end()) << where << ": stage " << e["stageId"];
        CompareObject(e, *it, kStageFields, std::size(kStageFields),
                      where + " stage " + e["stageId"].dump() + "." + e["attemptId"].dump());
      }
    } else {
      std::vector<json> ours;
      for (const json& x : profile["executors"]) {
        if (kind == "executors" && !x["isActive"].get<bool>()) continue;
        ours.push_back(x);
      }
      ASSERT_EQ(expected.size(), ours.size()) << where << ": number of executors";
      for (const json& e : expected) {
        auto it = std::find_if(ours.begin(), ours.end(),
                               [&](const json& x) { return x["id"] == e["id"]; });
        ASSERT_NE(it, ours.end()) << where << ": executor " << e["id"];
        CompareObject(e, *it, kExecutorFields, std::size(kExecutorFields),
                      where + " executor " + e["id"].dump());
      }
    }
    ++checked;
  }
  // CASES.tsv has 21 job/stage/executor requests; all must have been checked.
  EXPECT_GE(checked, 21);
}

}  // namespace
}  // namespace sparktune
