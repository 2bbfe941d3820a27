// Zips are built in the test with libzip, shaped like the History Server's
// /api/v1/applications/{id}/logs download (EventLogFileReader.zipEventLogFiles),
// plus hostile variants.
#include "data/eventlog/zip_archive.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/eventlog/log_layout.h"
#include "tests/data/eventlog/stream_writers.h"
#include "tests/test_paths.h"

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

struct ZipEntry {
  std::string name;
  std::string content;
  bool is_dir = false;
  bool symlink = false;
};

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "sparktune_zip_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteZip(const std::string& path, const std::vector<ZipEntry>& entries) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(za, nullptr) << err;
  for (const ZipEntry& e : entries) {
    if (e.is_dir) {
      ASSERT_GE(zip_dir_add(za, e.name.c_str(), ZIP_FL_ENC_UTF_8), 0) << e.name;
      continue;
    }
    zip_source_t* src = zip_source_buffer(za, e.content.data(), e.content.size(), 0);
    ASSERT_NE(src, nullptr);
    zip_int64_t idx = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    ASSERT_GE(idx, 0) << e.name << ": " << zip_strerror(za);
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
    if (e.symlink) {
      zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(idx), 0, ZIP_OPSYS_UNIX,
                                       static_cast<zip_uint32_t>(S_IFLNK | 0777) << 16);
    }
  }
  ASSERT_EQ(zip_close(za), 0);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool IsEmptyDir(const std::string& dir) { return fs::is_directory(dir) && fs::is_empty(dir); }

TEST(ZipArchive, LooksLikeZip) {
  TempDir t;
  const std::string z = t.path() + "/a.zip";
  WriteZip(z, {{"app-1", "{\"Event\":1}\n"}});
  EXPECT_TRUE(LooksLikeZip(z));
  std::ofstream(t.path() + "/plain") << "{\"Event\":1}\n";
  EXPECT_FALSE(LooksLikeZip(t.path() + "/plain"));
  EXPECT_FALSE(LooksLikeZip(t.path() + "/missing"));
}

TEST(ZipArchive, ExtractsSingleFileLog) {
  TempDir t;
  const std::string z = t.path() + "/eventLogs-application_1_2.zip";
  const std::string log = testing::Lz4Stream(testing::SampleEventLines(100000), 32768, false);
  WriteZip(z, {{"application_1_2_1.lz4.inprogress", log}});
  const std::string dest = t.path() + "/out/nested";
  auto r = ExtractEventLogZip(z, dest);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, std::vector<std::string>{dest + "/application_1_2_1.lz4.inprogress"});
  EXPECT_EQ(Slurp(r->front()), log);
  auto expanded = ExpandLogArguments(*r);
  ASSERT_TRUE(expanded.ok());
  EXPECT_EQ(*expanded, *r);
}

TEST(ZipArchive, ExtractsRollingDirectory) {
  TempDir t;
  const std::string z = t.path() + "/eventLogs-app-9.zip";
  const std::string e1 = testing::ZstdFrame("{\"Event\":\"SparkListenerLogStart\"}\n");
  const std::string e2 = testing::ZstdFrame("{\"Event\":\"SparkListenerApplicationEnd\"}\n");
  WriteZip(z, {{"eventlog_v2_app-9/", "", true},
               {"eventlog_v2_app-9/appstatus_app-9", ""},
               {"eventlog_v2_app-9/events_1_app-9.zstd", e1},
               {"eventlog_v2_app-9/events_2_app-9.zstd", e2}});
  const std::string dest = t.path() + "/out";
  auto r = ExtractEventLogZip(z, dest);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(*r, std::vector<std::string>{dest + "/eventlog_v2_app-9"});
  auto layout = DetectLayout(r->front());
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  EXPECT_EQ(layout->kind, LayoutKind::kRollingV2);
  EXPECT_FALSE(layout->in_progress);
  ASSERT_EQ(layout->parts.size(), 2u);
  EXPECT_EQ(Slurp(layout->parts[1].path), e2);
}

// A zip made by macOS's Archive Utility of a Databricks rolled log directory (as shared in public
// repositories): the __MACOSX tree, "._" and .DS_Store files are skipped, a pricing JSON beside
// the parts does not hide the Databricks layout.
TEST(ZipArchive, MacOsZipOfADatabricksRolledDirectory) {
  TempDir t;
  const std::string z = t.path() + "/databricks-rollover.zip";
  WriteZip(z, {{"db/", "", true},
               {"db/pricing.json", "{\"price\": 1}"},
               {"db/.DS_Store", "junk"},
               {"__MACOSX/db/._eventlog", "resource fork"},
               {"__MACOSX/db/._pricing.json", "resource fork"},
               {"db/eventlog-2022-01-14--17-00", "{\"Event\":\"SparkListenerLogStart\"}\n"},
               {"db/eventlog", "{\"Event\":\"SparkListenerApplicationEnd\"}\n"}});
  const std::string dest = t.path() + "/out";
  auto r = ExtractEventLogZip(z, dest);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(*r, std::vector<std::string>{dest + "/db"});
  EXPECT_FALSE(fs::exists(dest + "/__MACOSX"));
  EXPECT_FALSE(fs::exists(dest + "/db/.DS_Store"));
  auto layout = DetectLayout(r->front());
  ASSERT_TRUE(layout.ok()) << layout.status().ToString();
  EXPECT_EQ(layout->kind, LayoutKind::kDatabricksRolled);
  ASSERT_EQ(layout->parts.size(), 2u);
  EXPECT_EQ(fs::path(layout->parts[1].path).filename(), "eventlog");
}

// A local header that disagrees with the central directory on a field libzip's consistency check
// compares (here the modification time), as some archivers write: still read, since the central
// directory is authoritative and every entry's CRC is checked while inflating.
TEST(ZipArchive, LocalHeaderInconsistentWithTheDirectoryIsStillRead) {
  TempDir t;
  const std::string z = t.path() + "/a.zip";
  const std::string log = "{\"Event\":\"SparkListenerLogStart\"}\n";
  WriteZip(z, {{"app-1", log}});
  {
    std::fstream f(z, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(10);  // local file header: last mod file time
    f.put('\x5a');
    f.put('\x5a');
  }
  auto r = ExtractEventLogZip(z, t.path() + "/out");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Slurp(r->front()), log);
}

TEST(ZipArchive, RollingEntriesWithoutDirectoryEntry) {
  TempDir t;
  const std::string z = t.path() + "/a.zip";
  WriteZip(z, {{"eventlog_v2_b/events_1_b", "{\"Event\":1}\n"},
               {"eventlog_v2_b/appstatus_b", ""},
               {"c", "{\"Event\":2}\n"}});
  auto r = ExtractEventLogZip(z, t.path() + "/out");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, (std::vector<std::string>{t.path() + "/out/c", t.path() + "/out/eventlog_v2_b"}));
}

TEST(ZipArchive, RealHistoryServerDownload) {
  const std::string z = sparktune::testing::SharedEventLogs() +
                        "/groupon-sparklint/src/test/resources/history_source/"
                        "eventLogs-application_1489705648216_1600.zip";
  if (!fs::exists(z)) GTEST_SKIP() << "shared event logs not present";
  EXPECT_TRUE(LooksLikeZip(z));
  TempDir t;
  auto r = ExtractEventLogZip(z, t.path());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(Slurp(r->front()).rfind("{\"Event\":", 0), 0u);
}

// Each hostile archive must fail and leave nothing behind.
void ExpectRejectedCleanly(const std::vector<ZipEntry>& entries, StatusCode code,
                           const std::string& needle, const ZipLimits& limits = {}) {
  TempDir t;
  const std::string z = t.path() + "/evil.zip";
  WriteZip(z, entries);
  // Destination missing: it must not exist afterwards.
  const std::string dest = t.path() + "/fresh/out";
  auto r = ExtractEventLogZip(z, dest, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), code) << r.status().ToString();
  EXPECT_NE(r.status().message().find(needle), std::string::npos) << r.status().message();
  EXPECT_FALSE(fs::exists(t.path() + "/fresh"));
  // Destination present: it must be empty again.
  const std::string existing = t.path() + "/existing";
  fs::create_directories(existing);
  r = ExtractEventLogZip(z, existing, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(IsEmptyDir(existing));
  EXPECT_FALSE(fs::exists(t.path() + "/evil"));
}

TEST(ZipArchive, RejectsPathTraversal) {
  ExpectRejectedCleanly({{"app-1", "{}"}, {"../evil", "x"}}, StatusCode::kCorrupt, "../evil");
  ExpectRejectedCleanly({{"eventlog_v2_a/../../evil", "x"}}, StatusCode::kCorrupt, "..");
}

TEST(ZipArchive, RejectsAbsoluteBackslashAndEmptyComponents) {
  ExpectRejectedCleanly({{"/tmp/evil", "x"}}, StatusCode::kCorrupt, "/tmp/evil");
  ExpectRejectedCleanly({{"a\\b", "x"}}, StatusCode::kCorrupt, "backslash");
  ExpectRejectedCleanly({{"a//b", "x"}}, StatusCode::kCorrupt, "a//b");
  ExpectRejectedCleanly({{"./a", "x"}}, StatusCode::kCorrupt, "./a");
}

TEST(ZipArchive, RejectsNulInEntryName) {
  TempDir t;
  const std::string z = t.path() + "/nul.zip";
  // libzip cannot write a NUL into a name: write "appXevil" and patch the
  // byte in the local and central headers (names carry no checksum).
  WriteZip(z, {{"app-1", "{}"}, {"appXevil", "{}"}});
  std::string bytes = Slurp(z);
  int patched = 0;
  for (size_t pos = bytes.find("appXevil"); pos != std::string::npos;
       pos = bytes.find("appXevil", pos + 1)) {
    bytes[pos + 3] = '\0';
    ++patched;
  }
  ASSERT_EQ(patched, 2);
  std::ofstream(z, std::ios::binary | std::ios::trunc) << bytes;
  auto r = ExtractEventLogZip(z, t.path() + "/out");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << r.status().ToString();
  EXPECT_NE(r.status().message().find("NUL"), std::string::npos) << r.status().message();
  EXPECT_FALSE(fs::exists(t.path() + "/out"));
}

TEST(ZipArchive, RejectsSymlinks) {
  ExpectRejectedCleanly({{"app-1", "{}"}, {"link", "/etc/passwd", false, true}},
                        StatusCode::kUnsupported, "link");
}

TEST(ZipArchive, RejectsDecompressionBombWhileInflating) {
  // 20 MiB of zeros deflate to ~20 KiB: ratio ~1000 > 200. The good entry
  // extracted before it must be removed too.
  ExpectRejectedCleanly(
      {{"app-1", testing::SampleEventLines(300000)}, {"app-2", std::string(20u << 20, '\0')}},
      StatusCode::kCorrupt, "app-2");
}

TEST(ZipArchive, RejectsTotalSizeAndEntryCount) {
  ZipLimits small;
  small.max_total_bytes = 100000;
  ExpectRejectedCleanly({{"a", testing::RandomBytes(60000)}, {"b", testing::RandomBytes(60000)}},
                        StatusCode::kCorrupt, "b", small);
  ZipLimits few;
  few.max_entries = 2;
  ExpectRejectedCleanly({{"a", "1"}, {"b", "2"}, {"c", "3"}}, StatusCode::kUnsupported,
                        "too many entries", few);
}

TEST(ZipArchive, RejectsTruncatedAndNonZipFiles) {
  TempDir t;
  const std::string z = t.path() + "/cut.zip";
  WriteZip(z, {{"app-1", testing::RandomBytes(50000)}});
  const std::string bytes = Slurp(z);
  std::ofstream(z, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  EXPECT_TRUE(LooksLikeZip(z));
  auto r = ExtractEventLogZip(z, t.path() + "/out");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  EXPECT_NE(r.status().message().find(z), std::string::npos);
  EXPECT_FALSE(fs::exists(t.path() + "/out"));

  std::ofstream(t.path() + "/plain", std::ios::binary) << "{\"Event\":1}\n";
  r = ExtractEventLogZip(t.path() + "/plain", t.path() + "/out");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);

  r = ExtractEventLogZip(t.path() + "/missing.zip", t.path() + "/out");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(ZipArchive, CorruptedEntryDataIsCorruptAndCleanedUp) {
  TempDir t;
  const std::string z = t.path() + "/bad.zip";
  const std::string content = testing::SampleEventLines(200000);
  WriteZip(z, {{"app-1", content}});
  std::string bytes = Slurp(z);
  // Damage the middle of the deflated data (local header is ~35 bytes).
  for (size_t i = 2000; i < 2100; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  std::ofstream(z, std::ios::binary | std::ios::trunc) << bytes;
  auto r = ExtractEventLogZip(z, t.path() + "/out");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt) << r.status().ToString();
  EXPECT_FALSE(fs::exists(t.path() + "/out"));
}

TEST(ZipArchive, ExistingFileIsNotOverwritten) {
  TempDir t;
  const std::string z = t.path() + "/a.zip";
  WriteZip(z, {{"app-1", "{\"Event\":1}\n"}});
  fs::create_directories(t.path() + "/out");
  std::ofstream(t.path() + "/out/app-1") << "mine";
  auto r = ExtractEventLogZip(z, t.path() + "/out");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Slurp(t.path() + "/out/app-1"), "mine");
}

}  // namespace
}  // namespace sparktune::eventlog
