// LogLayout detection and argument expansion: see log_layout.h.
//
// Mirrors Spark's readers: EventLogFileReader / SingleFileEventLogFileReader /
// RollingEventLogFilesFileReader (EventLogFileReaders.scala, Spark 3.0-4.x:
// events_ ordering, .compact handling, contiguous indices, appstatus marker),
// FsHistoryProvider.openLegacyEventLog (Spark 1.3-1.6 reading the Spark 1.2
// EVENT_LOG_/SPARK_VERSION_/COMPRESSION_CODEC_/APPLICATION_COMPLETE directory),
// and the Databricks rolled layout (`eventlog` + `eventlog-YYYY-MM-DD--HH-MM.gz`).
// Only names and listings are inspected, except that a folder scan peeks at
// the first bytes of unsuffixed files to tell event logs from other files.
#include "data/eventlog/log_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <utility>

namespace sparktune::eventlog {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRollingDirPrefix = "eventlog_v2_";
constexpr std::string_view kEventsPrefix = "events_";
constexpr std::string_view kAppStatusPrefix = "appstatus_";
constexpr std::string_view kInProgressSuffix = ".inprogress";
constexpr std::string_view kCompactSuffix = ".compact";
constexpr std::string_view kLegacyLogPrefix = "EVENT_LOG_";
constexpr std::string_view kLegacyVersionPrefix = "SPARK_VERSION_";
constexpr std::string_view kLegacyCodecPrefix = "COMPRESSION_CODEC_";
constexpr std::string_view kLegacyComplete = "APPLICATION_COMPLETE";
constexpr std::string_view kDatabricksCurrent = "eventlog";
constexpr std::string_view kDatabricksPrefix = "eventlog-";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// "dir/" -> "dir" (keeps "/" itself).
std::string TrimTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string Join(const std::string& dir, const std::string& name) {
  return dir == "/" ? dir + name : dir + "/" + name;
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::optional<uint64_t> ParseIndex(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  uint64_t v = 0;
  for (char c : digits) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

struct Entry {
  std::string name;
  bool is_file = false;
  bool is_dir = false;
};

// Non-hidden entries of `dir` (names starting with '.' are ignored, like
// Spark's isSingleEventLog and Hadoop's .crc files), sorted by name.
Result<std::vector<Entry>> ListDirectory(const std::string& dir) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::IoError("cannot list directory (" + ec.message() + "): " + dir);
  std::vector<Entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    Entry e;
    e.name = std::move(name);
    std::error_code sec;
    e.is_file = it->is_regular_file(sec);
    e.is_dir = !e.is_file && it->is_directory(sec);
    entries.push_back(std::move(e));
  }
  if (ec) return Status::IoError("cannot list directory (" + ec.message() + "): " + dir);
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

// `eventlog-YYYY-MM-DD--HH-MM[.<suffix>]` -> the date part, else nullopt.
std::optional<std::string> DatabricksPartDate(std::string_view name) {
  if (!StartsWith(name, kDatabricksPrefix)) return std::nullopt;
  std::string_view rest = name.substr(kDatabricksPrefix.size());
  static constexpr std::string_view kShape = "dddd-dd-dd--dd-dd";
  if (rest.size() < kShape.size()) return std::nullopt;
  for (size_t i = 0; i < kShape.size(); ++i) {
    const bool digit = std::isdigit(static_cast<unsigned char>(rest[i])) != 0;
    if ((kShape[i] == 'd') != digit || (kShape[i] == '-' && rest[i] != '-')) return std::nullopt;
  }
  if (rest.size() > kShape.size() && rest[kShape.size()] != '.') return std::nullopt;
  return std::string(rest.substr(0, kShape.size()));
}

enum class DirKind { kRolling, kLegacy, kDatabricks, kOther };

DirKind ClassifyDirectory(const std::string& dir, const std::vector<Entry>& entries) {
  if (StartsWith(BaseName(dir), kRollingDirPrefix)) return DirKind::kRolling;
  bool has_events = false, has_status = false, has_legacy = false;
  bool only_databricks_files = true;
  int databricks_files = 0;
  bool databricks_current = false;
  for (const Entry& e : entries) {
    if (!e.is_file) continue;
    if (StartsWith(e.name, kLegacyLogPrefix)) has_legacy = true;
    if (StartsWith(e.name, kEventsPrefix)) has_events = true;
    if (StartsWith(e.name, kAppStatusPrefix)) has_status = true;
    if (e.name == kDatabricksCurrent || DatabricksPartDate(e.name)) {
      ++databricks_files;
      databricks_current |= e.name == kDatabricksCurrent;
    } else {
      only_databricks_files = false;
    }
  }
  if (has_legacy) return DirKind::kLegacy;
  if (has_events && has_status) return DirKind::kRolling;  // a renamed eventlog_v2_ dir
  if (databricks_files > 0 && only_databricks_files) return DirKind::kDatabricks;
  // The current part and at least one dated part identify the layout even beside other files
  // (a cluster's pricing or metadata JSON kept with the logs): those are not read.
  if (databricks_current && databricks_files >= 2) return DirKind::kDatabricks;
  return DirKind::kOther;
}

// ---- rolling (eventlog_v2_) ----

struct RollingPart {
  uint64_t index = 0;
  bool compact = false;
  std::string name;
};

Result<LogLayout> DetectRolling(const std::string& dir, const std::vector<Entry>& entries) {
  LogLayout layout;
  layout.kind = LayoutKind::kRollingV2;
  std::vector<RollingPart> parts;
  std::optional<std::string> status_file;
  for (const Entry& e : entries) {
    if (!e.is_file) continue;
    if (StartsWith(e.name, kAppStatusPrefix)) {
      // Prefer a completed marker if both somehow exist.
      if (!status_file || EndsWith(*status_file, kInProgressSuffix)) status_file = e.name;
      continue;
    }
    if (!StartsWith(e.name, kEventsPrefix)) continue;
    // RollingEventLogFilesWriter.getEventLogFileIndex: events_<N>_<base>...
    std::string_view rest = std::string_view(e.name).substr(kEventsPrefix.size());
    std::optional<uint64_t> index = ParseIndex(rest.substr(0, rest.find('_')));
    if (!index || rest.find('_') == std::string_view::npos) {
      return Status::Unreadable(
          "rolling event log part has no index (expected events_<N>_<app>): " + Join(dir, e.name));
    }
    parts.push_back({*index, EndsWith(e.name, kCompactSuffix), e.name});
  }
  if (parts.empty()) {
    return Status::Unreadable("rolling event log directory has no events_ files: " + dir);
  }
  std::sort(parts.begin(), parts.end(), [](const RollingPart& a, const RollingPart& b) {
    if (a.index != b.index) return a.index < b.index;
    if (a.compact != b.compact) return !a.compact;  // .compact after the normal part
    return a.name < b.name;
  });
  // dropBeforeLastCompactFile.
  size_t first = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].compact) first = i;
  }
  if (parts[first].compact) layout.compacted = true;
  parts.erase(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(first));
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].index != parts[i - 1].index + 1) {
      return Status::Unreadable("rolling event log is missing a part (expected index " +
                                std::to_string(parts[i - 1].index + 1) + ", found " +
                                Join(dir, parts[i].name) + ")");
    }
  }
  for (const RollingPart& p : parts) {
    layout.parts.push_back({Join(dir, p.name), CodecFromFileName(p.name)});
  }
  // Completed exactly when appstatus_ exists without .inprogress.
  layout.in_progress = !status_file || EndsWith(*status_file, kInProgressSuffix);
  return layout;
}

// ---- Spark 1.2 directory ----

std::optional<Codec> LegacyCodec(std::string_view name) {
  // CompressionCodec.createCodec accepts short names and class names.
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "lz4" || lower == "org.apache.spark.io.lz4compressioncodec") return Codec::kLz4;
  if (lower == "lzf" || lower == "org.apache.spark.io.lzfcompressioncodec") return Codec::kLzf;
  if (lower == "snappy" || lower == "org.apache.spark.io.snappycompressioncodec") {
    return Codec::kSnappy;
  }
  if (lower == "zstd" || lower == "org.apache.spark.io.zstdcompressioncodec") return Codec::kZstd;
  return std::nullopt;
}

Result<LogLayout> DetectLegacy(const std::string& dir, const std::vector<Entry>& entries) {
  LogLayout layout;
  layout.kind = LayoutKind::kLegacyDirectory;
  layout.in_progress = true;
  Codec codec = Codec::kNone;
  std::vector<std::pair<uint64_t, std::string>> logs;
  for (const Entry& e : entries) {
    if (!e.is_file) continue;
    std::string_view name = e.name;
    if (StartsWith(name, kLegacyLogPrefix)) {
      std::optional<uint64_t> n = ParseIndex(name.substr(kLegacyLogPrefix.size()));
      logs.emplace_back(n.value_or(0), e.name);
    } else if (StartsWith(name, kLegacyVersionPrefix)) {
      layout.legacy_spark_version = std::string(name.substr(kLegacyVersionPrefix.size()));
    } else if (StartsWith(name, kLegacyCodecPrefix)) {
      std::optional<Codec> c = LegacyCodec(name.substr(kLegacyCodecPrefix.size()));
      if (!c) {
        return Status::Unsupported("unknown compression codec in Spark 1.2 log directory: " +
                                   Join(dir, e.name));
      }
      codec = *c;
    } else if (name == kLegacyComplete) {
      layout.in_progress = false;
    }
  }
  std::sort(logs.begin(), logs.end());
  for (const auto& [index, name] : logs) layout.parts.push_back({Join(dir, name), codec});
  return layout;
}

// ---- Databricks rolled ----

LogLayout DetectDatabricks(const std::string& dir, const std::vector<Entry>& entries) {
  LogLayout layout;
  layout.kind = LayoutKind::kDatabricksRolled;
  std::vector<std::pair<std::string, std::string>> dated;  // (date, name)
  bool has_current = false;
  for (const Entry& e : entries) {
    if (!e.is_file) continue;
    if (e.name == kDatabricksCurrent) {
      has_current = true;
    } else if (std::optional<std::string> date = DatabricksPartDate(e.name)) {
      dated.emplace_back(*date, e.name);
    }
  }
  std::sort(dated.begin(), dated.end());  // oldest first
  for (const auto& [date, name] : dated)
    layout.parts.push_back({Join(dir, name), CodecFromFileName(name)});
  if (has_current) {
    layout.parts.push_back({Join(dir, std::string(kDatabricksCurrent)), Codec::kNone});
  }
  return layout;
}

LogLayout DetectSingleFile(const std::string& path) {
  LogLayout layout;
  layout.kind = LayoutKind::kSingleFile;
  std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
  if (EndsWith(name, kCompactSuffix)) {
    layout.compacted = true;
    name.remove_suffix(kCompactSuffix.size());
  }
  layout.in_progress = EndsWith(name, kInProgressSuffix);
  layout.parts.push_back({path, CodecFromFileName(path)});
  return layout;
}

// First bytes of a file, or empty on any error.
std::string ReadHead(const std::string& path, size_t n) {
  std::string head(n, '\0');
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  ssize_t got = ::read(fd, head.data(), n);
  ::close(fd);
  head.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return head;
}

// Whether a file met during a folder scan is an event log: a codec or
// .inprogress suffix, compressed bytes, or JSON lines starting {"Event".
bool LooksLikeEventLogFile(const std::string& path) {
  const std::string name = BaseName(path);
  if (CodecFromFileName(name) != Codec::kNone) return true;
  if (EndsWith(name, kInProgressSuffix) ||
      EndsWith(name, std::string(kInProgressSuffix) + std::string(kCompactSuffix))) {
    return true;
  }
  std::string head = ReadHead(path, 64);
  std::optional<Codec> sniffed = SniffCodec(head);
  if (!sniffed) return false;
  if (*sniffed != Codec::kNone) return true;
  // Plain text: JSON objects are not enough (HistoryServer expectations are
  // JSON too); Spark always writes the "Event" field first.
  const size_t brace = head.find('{');
  return brace != std::string::npos && head.compare(brace, 8, "{\"Event\"") == 0;
}

}  // namespace

Result<LogLayout> DetectLayout(const std::string& path_in) {
  const std::string path = TrimTrailingSlashes(path_in);
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such event log: " + path_in);
  Result<LogLayout> layout = Status::Internal("unset");
  if (fs::is_regular_file(st)) {
    layout = DetectSingleFile(path);
  } else if (fs::is_directory(st)) {
    SPARKTUNE_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(path));
    switch (ClassifyDirectory(path, entries)) {
      case DirKind::kRolling:
        layout = DetectRolling(path, entries);
        break;
      case DirKind::kLegacy:
        layout = DetectLegacy(path, entries);
        break;
      case DirKind::kDatabricks:
        layout = DetectDatabricks(path, entries);
        break;
      case DirKind::kOther:
        return Status::Unreadable(
            "directory is not an event log (no eventlog_v2_, Spark 1.2 or Databricks layout): " +
            path_in);
    }
  } else {
    return Status::Unreadable("not a file or directory: " + path_in);
  }
  if (layout.ok()) layout->display_name = path_in;
  return layout;
}

Result<std::vector<std::string>> ExpandLogArguments(const std::vector<std::string>& args) {
  std::vector<std::string> logs;
  for (const std::string& arg : args) {
    const std::string path = TrimTrailingSlashes(arg);
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return Status::NotFound("no such event log or directory: " + arg);
    if (!fs::is_directory(st)) {
      logs.push_back(path);
      continue;
    }
    SPARKTUNE_ASSIGN_OR_RETURN(std::vector<Entry> entries, ListDirectory(path));
    if (ClassifyDirectory(path, entries) != DirKind::kOther) {
      logs.push_back(path);
      continue;
    }
    // A folder of logs: one level, files that look like logs and log dirs.
    const size_t before = logs.size();
    for (const Entry& e : entries) {
      const std::string child = Join(path, e.name);
      if (e.is_file) {
        if (LooksLikeEventLogFile(child)) logs.push_back(child);
      } else if (e.is_dir) {
        Result<std::vector<Entry>> sub = ListDirectory(child);
        if (sub.ok() && ClassifyDirectory(child, *sub) != DirKind::kOther) logs.push_back(child);
      }
    }
    if (logs.size() == before) return Status::NotFound("no event logs found in directory: " + arg);
  }
  std::sort(logs.begin(), logs.end());
  logs.erase(std::unique(logs.begin(), logs.end()), logs.end());
  return logs;
}

}  // namespace sparktune::eventlog
