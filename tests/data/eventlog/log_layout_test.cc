#include "data/eventlog/log_layout.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

std::string Shared() { return sparktune::testing::SharedEventLogs(); }

// A fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sparktune_layout_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Make(const std::string& rel, const std::string& content = "") const {
    fs::path p = fs::path(path_) / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string MakeDir(const std::string& rel) const {
    fs::create_directories(fs::path(path_) / rel);
    return (fs::path(path_) / rel).string();
  }

 private:
  std::string path_;
};

std::vector<std::string> Names(const LogLayout& layout) {
  std::vector<std::string> names;
  for (const LogPart& p : layout.parts) names.push_back(fs::path(p.path).filename().string());
  return names;
}

TEST(DetectLayout, SingleFiles) {
  TempDir t;
  auto a = DetectLayout(t.Make("app-1.lz4.inprogress"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->kind, LayoutKind::kSingleFile);
  EXPECT_TRUE(a->in_progress);
  EXPECT_FALSE(a->compacted);
  ASSERT_EQ(a->parts.size(), 1u);
  EXPECT_EQ(a->parts[0].codec, Codec::kLz4);
  EXPECT_EQ(a->parts[0].path, t.path() + "/app-1.lz4.inprogress");

  auto b = DetectLayout(t.Make("local-1642039451826"));
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->in_progress);
  EXPECT_EQ(b->parts[0].codec, Codec::kNone);

  auto c = DetectLayout(t.Make("app-2.zstd.compact"));
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->compacted);
  EXPECT_EQ(c->parts[0].codec, Codec::kZstd);
}

TEST(DetectLayout, MissingPathIsNotFound) {
  auto r = DetectLayout("/nonexistent/eventlog_v2_x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/eventlog_v2_x"), std::string::npos);
}

TEST(DetectLayout, RealLegacySpark12Directory) {
  const std::string dir =
      Shared() + "/apache-spark/spark-events-legacy-dirformat/local-1422981780767";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = DetectLayout(dir + "/");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, LayoutKind::kLegacyDirectory);
  EXPECT_EQ(r->display_name, dir + "/");
  EXPECT_FALSE(r->in_progress);
  EXPECT_EQ(r->legacy_spark_version, "1.2.0");
  ASSERT_EQ(r->parts.size(), 1u);
  EXPECT_EQ(r->parts[0].path, dir + "/EVENT_LOG_1");
  EXPECT_EQ(r->parts[0].codec, Codec::kNone);
}

TEST(DetectLayout, RealRollingZstdDirectory) {
  const std::string dir =
      Shared() +
      "/nvidia-spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, LayoutKind::kRollingV2);
  EXPECT_FALSE(r->in_progress);
  EXPECT_FALSE(r->compacted);
  EXPECT_EQ(Names(*r), (std::vector<std::string>{"events_1_local-1623876083964.zstd",
                                                 "events_2_local-1623876083964.zstd"}));
  for (const LogPart& p : r->parts) EXPECT_EQ(p.codec, Codec::kZstd);
}

TEST(DetectLayout, RealDatabricksRolledDirectory) {
  const std::string dir =
      Shared() + "/nvidia-spark-rapids-tools/spark-events-qualification/db_sim_eventlog";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, LayoutKind::kDatabricksRolled);
  EXPECT_EQ(Names(*r), (std::vector<std::string>{"eventlog-2021-06-15--15-00.gz", "eventlog"}));
  EXPECT_EQ(r->parts[0].codec, Codec::kGzip);
  EXPECT_EQ(r->parts[1].codec, Codec::kNone);
}

TEST(DetectLayout, RollingPartsSortNumericallyAndIgnoreHiddenFiles) {
  TempDir t;
  const std::string dir = t.MakeDir("eventlog_v2_app-1");
  for (int i : {1, 2, 10, 3, 4, 5, 6, 7, 8, 9}) {
    t.Make("eventlog_v2_app-1/events_" + std::to_string(i) + "_app-1.lz4");
  }
  t.Make("eventlog_v2_app-1/.events_11_app-1.lz4.crc");
  t.Make("eventlog_v2_app-1/.appstatus_app-1.crc");
  t.Make("eventlog_v2_app-1/appstatus_app-1.inprogress");
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->parts.size(), 10u);
  EXPECT_EQ(Names(*r)[9], "events_10_app-1.lz4");
  EXPECT_EQ(Names(*r)[1], "events_2_app-1.lz4");
  EXPECT_TRUE(r->in_progress);
  EXPECT_EQ(r->parts[0].codec, Codec::kLz4);
}

TEST(DetectLayout, RollingCompactDropsEarlierParts) {
  TempDir t;
  const std::string dir = t.MakeDir("eventlog_v2_app-2");
  // After compaction of 1..3 the originals are gone, but a leftover events_1
  // or a normal events_3 beside the compact file must still be dropped.
  t.Make("eventlog_v2_app-2/events_1_app-2.zstd");
  t.Make("eventlog_v2_app-2/events_3_app-2.zstd");
  t.Make("eventlog_v2_app-2/events_3_app-2.zstd.compact");
  t.Make("eventlog_v2_app-2/events_4_app-2.zstd");
  t.Make("eventlog_v2_app-2/events_5_app-2.zstd");
  t.Make("eventlog_v2_app-2/appstatus_app-2");
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->compacted);
  EXPECT_FALSE(r->in_progress);
  EXPECT_EQ(Names(*r), (std::vector<std::string>{"events_3_app-2.zstd.compact",
                                                 "events_4_app-2.zstd", "events_5_app-2.zstd"}));
  EXPECT_EQ(r->parts[0].codec, Codec::kZstd);
}

TEST(DetectLayout, RollingGapIsAnError) {
  TempDir t;
  const std::string dir = t.MakeDir("eventlog_v2_app-3");
  t.Make("eventlog_v2_app-3/events_1_app-3");
  t.Make("eventlog_v2_app-3/events_2_app-3");
  t.Make("eventlog_v2_app-3/events_4_app-3");
  t.Make("eventlog_v2_app-3/appstatus_app-3");
  auto r = DetectLayout(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
  EXPECT_NE(r.status().message().find("events_4_app-3"), std::string::npos) << r.status().message();
}

TEST(DetectLayout, RollingWithoutEventsOrWithBadIndexIsAnError) {
  TempDir t;
  const std::string empty = t.MakeDir("eventlog_v2_app-4");
  t.Make("eventlog_v2_app-4/appstatus_app-4");
  auto r = DetectLayout(empty);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);

  const std::string bad = t.MakeDir("eventlog_v2_app-5");
  t.Make("eventlog_v2_app-5/events_x_app-5");
  t.Make("eventlog_v2_app-5/appstatus_app-5");
  r = DetectLayout(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
}

TEST(DetectLayout, RollingWithoutAppStatusIsInProgress) {
  TempDir t;
  const std::string dir = t.MakeDir("eventlog_v2_app-6");
  t.Make("eventlog_v2_app-6/events_1_app-6.snappy");
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->in_progress);
  EXPECT_EQ(r->parts[0].codec, Codec::kSnappy);
}

TEST(DetectLayout, LegacyDirectoryInProgressAndCompressed) {
  TempDir t;
  const std::string dir = t.MakeDir("local-123");
  t.Make("local-123/EVENT_LOG_1");
  t.Make("local-123/SPARK_VERSION_1.2.1");
  t.Make("local-123/COMPRESSION_CODEC_org.apache.spark.io.LZFCompressionCodec");
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, LayoutKind::kLegacyDirectory);
  EXPECT_TRUE(r->in_progress);  // no APPLICATION_COMPLETE
  EXPECT_EQ(r->legacy_spark_version, "1.2.1");
  EXPECT_EQ(r->parts[0].codec, Codec::kLzf);

  t.Make("other/EVENT_LOG_1");
  t.Make("other/COMPRESSION_CODEC_brotli");
  r = DetectLayout(t.path() + "/other");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
}

TEST(DetectLayout, DatabricksPartsOldestFirstCurrentLast) {
  TempDir t;
  const std::string dir = t.MakeDir("db");
  t.Make("db/eventlog");
  t.Make("db/eventlog-2021-06-15--16-00.gz");
  t.Make("db/eventlog-2021-06-14--23-00.gz");
  t.Make("db/eventlog-2021-06-15--15-00");
  t.Make("db/.eventlog.crc");
  auto r = DetectLayout(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, LayoutKind::kDatabricksRolled);
  EXPECT_EQ(Names(*r),
            (std::vector<std::string>{"eventlog-2021-06-14--23-00.gz", "eventlog-2021-06-15--15-00",
                                      "eventlog-2021-06-15--16-00.gz", "eventlog"}));
  EXPECT_EQ(r->parts[1].codec, Codec::kNone);
}

TEST(DetectLayout, UnknownDirectoryIsUnreadable) {
  TempDir t;
  t.Make("misc/README.md", "# hi");
  auto r = DetectLayout(t.path() + "/misc");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnreadable);
}

TEST(ExpandLogArguments, RealSparkEventsFolderListsEachLogOnceSorted) {
  const std::string dir = Shared() + "/apache-spark/spark-events/";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = ExpandLogArguments({dir, dir + "local-1422981780767"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 18u);
  EXPECT_TRUE(std::is_sorted(r->begin(), r->end()));
  EXPECT_EQ(r->front(), Shared() + "/apache-spark/spark-events/app-20161115172038-0000");
  for (const std::string& p : *r) EXPECT_EQ(p.find("//"), std::string::npos) << p;
}

TEST(ExpandLogArguments, RealQualificationFolderHasFilesAndLogDirectories) {
  const std::string dir = Shared() + "/nvidia-spark-rapids-tools/spark-events-qualification";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = ExpandLogArguments({dir});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto has = [&](const std::string& name) {
    return std::find(r->begin(), r->end(), dir + "/" + name) != r->end();
  };
  EXPECT_TRUE(has("eventlog_v2_local-1623876083964"));
  EXPECT_TRUE(has("db_sim_eventlog"));
  EXPECT_TRUE(has("aqeshuffle_eventlog.zstd"));
  EXPECT_TRUE(has("truncated_eventlog"));
  // Plain folders of logs one level down are not descended into.
  EXPECT_FALSE(has("cluster_information"));
  EXPECT_FALSE(has("eventlog_v2_local-1623876083964/events_1_local-1623876083964.zstd"));
  EXPECT_TRUE(std::is_sorted(r->begin(), r->end()));
}

TEST(ExpandLogArguments, RealLegacyFolderAndDirectArguments) {
  const std::string dir = Shared() + "/apache-spark/spark-events-legacy-dirformat";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = ExpandLogArguments({dir});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r,
            (std::vector<std::string>{dir + "/local-1422981759269", dir + "/local-1422981780767",
                                      dir + "/local-1426533911241"}));
  // A recognized log directory given directly is one log.
  r = ExpandLogArguments({dir + "/local-1422981780767/"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, std::vector<std::string>{dir + "/local-1422981780767"});
}

TEST(ExpandLogArguments, RealFolderOfRollingDirectories) {
  const std::string dir =
      Shared() + "/kubeflow-mcp-apache-spark-history-server/examples/basic/events";
  if (!fs::exists(dir)) GTEST_SKIP() << "shared event logs not present";
  auto r = ExpandLogArguments({dir});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  for (const std::string& log : *r) {
    auto layout = DetectLayout(log);
    ASSERT_TRUE(layout.ok()) << layout.status().ToString();
    EXPECT_EQ(layout->kind, LayoutKind::kRollingV2);
    EXPECT_FALSE(layout->in_progress);
    ASSERT_EQ(layout->parts.size(), 1u);
    EXPECT_EQ(layout->parts[0].codec, Codec::kNone);
  }
}

TEST(ExpandLogArguments, SyntheticFolderSkipsNonLogsAndHiddenFiles) {
  TempDir t;
  t.Make("logs/app-1", "{\"Event\":\"SparkListenerLogStart\"}\n");
  t.Make("logs/app-2.zstd", "");
  t.Make("logs/app-3.lz4.inprogress", "");
  t.Make("logs/.app-1.crc", "{\"Event\":1}");
  t.Make("logs/README.md", "# notes");
  t.Make("logs/expectation.json", "{\"id\": 1}");
  t.Make("logs/eventlog_v2_app-4/events_1_app-4");
  t.Make("logs/eventlog_v2_app-4/appstatus_app-4");
  t.Make("logs/nested/app-5", "{\"Event\":\"x\"}\n");
  const std::string logs = t.path() + "/logs";
  auto r = ExpandLogArguments({logs + "/"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(
      *r, (std::vector<std::string>{logs + "/app-1", logs + "/app-2.zstd",
                                    logs + "/app-3.lz4.inprogress", logs + "/eventlog_v2_app-4"}));
  auto missing = ExpandLogArguments({logs, t.path() + "/nope"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto empty = ExpandLogArguments({t.MakeDir("empty")});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sparktune::eventlog
