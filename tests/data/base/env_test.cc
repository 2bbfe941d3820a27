// The Env seam (data/base/env.h): the in-memory Env behaves like a file system
// the tests control (parents must exist, atomic replacement, exclusive locks,
// a read-only prefix, a clock that moves only when told), and the POSIX Env
// writes atomically without leaving its temporary file behind.
#include "data/base/env.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "data/base/mem_env.h"
#include "tests/test_paths.h"

namespace sparktune {
namespace {

TEST(MemEnv, WritesNeedTheirDirectoryAndReplaceWholeFiles) {
  MemEnv env;
  Status no_dir = env.WriteFileAtomically("out/report.json", "{}");
  EXPECT_EQ(no_dir.code(), StatusCode::kIoError);
  EXPECT_NE(no_dir.message().find("out/report.json"), std::string::npos) << no_dir.message();
  ASSERT_TRUE(env.CreateDirectories("out/sub").ok());
  EXPECT_TRUE(env.DirectoryExists("out"));
  ASSERT_TRUE(env.WriteFileAtomically("out/report.json", "first").ok());
  ASSERT_TRUE(env.WriteFileAtomically("out/report.json", "second").ok());
  EXPECT_EQ(*env.ReadFile("out/report.json"), "second");
  EXPECT_EQ(env.Files(), std::vector<std::string>{"out/report.json"});
  EXPECT_EQ(env.ReadFile("out/missing").status().code(), StatusCode::kNotFound);
}

TEST(MemEnv, RenameRemoveAndLocks) {
  MemEnv env;
  ASSERT_TRUE(env.CreateDirectories("d/staging").ok());
  ASSERT_TRUE(env.WriteFileAtomically("d/staging/a.zip", "zip").ok());
  EXPECT_FALSE(env.RenameFile("d/staging/a.zip", "d/app/a.zip").ok());  // no such directory
  ASSERT_TRUE(env.CreateDirectories("d/app").ok());
  ASSERT_TRUE(env.RenameFile("d/staging/a.zip", "d/app/a.zip").ok());
  EXPECT_FALSE(env.FileExists("d/staging/a.zip"));
  EXPECT_TRUE(env.FileExists("d/app/a.zip"));
  {
    auto lock = env.LockFile("d/.lock");
    ASSERT_TRUE(lock.ok());
    EXPECT_FALSE(env.LockFile("d/.lock").ok());
  }
  EXPECT_TRUE(env.LockFile("d/.lock").ok());  // released with its holder
  ASSERT_TRUE(env.RemoveAll("d/app").ok());
  EXPECT_FALSE(env.FileExists("d/app/a.zip"));
  EXPECT_FALSE(env.DirectoryExists("d/app"));
  EXPECT_TRUE(env.DirectoryExists("d"));
}

TEST(MemEnv, ReadOnlyPrefixFailsEveryChangeUnderIt) {
  MemEnv env;
  ASSERT_TRUE(env.CreateDirectories("ro").ok());
  ASSERT_TRUE(env.WriteFileAtomically("ro/kept", "x").ok());
  env.SetReadOnly("ro");
  EXPECT_EQ(env.WriteFileAtomically("ro/new", "y").code(), StatusCode::kIoError);
  EXPECT_FALSE(env.CreateDirectories("ro/sub").ok());
  EXPECT_FALSE(env.RemoveAll("ro/kept").ok());
  EXPECT_EQ(*env.ReadFile("ro/kept"), "x");
  ASSERT_TRUE(env.CreateDirectories("rw").ok());  // a sibling whose name shares the prefix
  ASSERT_TRUE(env.CreateDirectories("rox").ok());
  EXPECT_TRUE(env.WriteFileAtomically("rox/f", "z").ok());
}

TEST(MemEnv, TheClockMovesOnlyWhenTold) {
  MemEnv env(1'700'000'000'000);
  EXPECT_EQ(env.NowMillis(), 1'700'000'000'000);
  const int64_t t0 = env.MonotonicMicros();
  env.AdvanceMillis(1500);
  EXPECT_EQ(env.NowMillis(), 1'700'000'001'500);
  EXPECT_EQ(env.MonotonicMicros() - t0, 1'500'000);
  env.SetNowMillis(5);
  EXPECT_EQ(env.NowMillis(), 5);
}

TEST(PosixEnv, WritesAtomicallyAndLocksExclusively) {
  testing::TempDir tmp("env");
  Env* env = Env::Default();
  const std::string path = tmp.path() + "/sub/file.txt";
  EXPECT_FALSE(env->WriteFileAtomically(path, "x").ok());
  ASSERT_TRUE(env->CreateDirectories(tmp.path() + "/sub").ok());
  ASSERT_TRUE(env->WriteFileAtomically(path, "hello").ok());
  EXPECT_EQ(*env->ReadFile(path), "hello");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  EXPECT_EQ(env->ReadFile(path + ".missing").status().code(), StatusCode::kNotFound);
  auto lock = env->LockFile(tmp.path() + "/.lock");
  ASSERT_TRUE(lock.ok()) << lock.status().ToString();
  EXPECT_FALSE(env->LockFile(tmp.path() + "/.lock").ok());
  EXPECT_GT(env->NowMillis(), 1'600'000'000'000);  // after 2020
}

}  // namespace
}  // namespace sparktune
