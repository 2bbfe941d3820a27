// DirectorySink over the in-memory Env: the lock refuses a second collect on
// the same directory, a staged zip is committed by a rename and then counts as
// kept, watermarks survive a reopen, a damaged watermark file is reported (and
// replaced by the next watermark), and an unwritable directory fails Open with
// its path. No disk is touched.
#include "advisor/collect/directory_sink.h"

#include <gtest/gtest.h>

#include "data/base/mem_env.h"

namespace sparktune::collect {
namespace {

TEST(DirectorySink, CommitsStagedZipsAndKeepsWatermarksAcrossOpens) {
  MemEnv env;
  {
    auto sink = DirectorySink::Open("out/", &env);
    ASSERT_TRUE(sink.ok()) << sink.status().ToString();
    auto second = DirectorySink::Open("out", &env);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.status().message().find("another collect"), std::string::npos);
    EXPECT_TRUE(env.DirectoryExists((*sink)->StagingDir()));
    ASSERT_TRUE(env.WriteFileAtomically((*sink)->StagingDir() + "/dl-1.zip", "PK zip").ok());
    EXPECT_FALSE(*(*sink)->AlreadyHave("app-1", ""));
    VerifiedDownload d;
    d.app_id = "app-1";
    d.zip_path = (*sink)->StagingDir() + "/dl-1.zip";
    ASSERT_TRUE((*sink)->Ingest(d).ok());
    EXPECT_TRUE(*(*sink)->AlreadyHave("app-1", ""));
    EXPECT_EQ(*env.ReadFile("out/app-1/eventLogs-app-1.zip"), "PK zip");
    EXPECT_FALSE(env.FileExists(d.zip_path));
    ASSERT_TRUE((*sink)->SetWatermark("https://shs/api/v1", 1234).ok());
    ASSERT_TRUE((*sink)->SetWatermark("https://other/api/v1", 99).ok());
  }
  auto reopened = DirectorySink::Open("out", &env);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(*(*reopened)->GetWatermark("https://shs/api/v1"), std::optional<int64_t>(1234));
  EXPECT_EQ(*(*reopened)->GetWatermark("https://other/api/v1"), std::optional<int64_t>(99));
  EXPECT_EQ(*(*reopened)->GetWatermark("https://new/api/v1"), std::nullopt);
}

TEST(DirectorySink, ADamagedWatermarkFileIsReportedThenReplaced) {
  MemEnv env;
  auto sink = DirectorySink::Open("out", &env);
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE(env.WriteFileAtomically("out/collect-watermarks.json", "[1, 2").ok());
  auto wm = (*sink)->GetWatermark("s");
  ASSERT_FALSE(wm.ok());
  EXPECT_EQ(wm.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(wm.status().message().find("out/collect-watermarks.json"), std::string::npos);
  ASSERT_TRUE((*sink)->SetWatermark("s", 7).ok());
  EXPECT_EQ(*(*sink)->GetWatermark("s"), std::optional<int64_t>(7));
}

TEST(DirectorySink, AnUnwritableDirectoryFailsOpenNamingIt) {
  MemEnv env;
  env.SetReadOnly("/mnt/ro");
  auto sink = DirectorySink::Open("/mnt/ro/out", &env);
  ASSERT_FALSE(sink.ok());
  EXPECT_EQ(sink.status().code(), StatusCode::kIoError);
  EXPECT_NE(sink.status().message().find("/mnt/ro"), std::string::npos) << sink.status().message();
}

}  // namespace
}  // namespace sparktune::collect
