#include "advisor/collect/directory_sink.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace sparktune::collect {
namespace {

namespace fs = std::filesystem;
constexpr const char* kWatermarkFile = "collect-watermarks.json";

std::string Errno() { return std::strerror(errno); }

// fsyncs a directory so a rename into it survives a crash.
void SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::fsync(fd);
    ::close(fd);
  }
}

Status WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return Status::IoError("cannot create (" + Errno() + "): " + tmp);
  size_t done = 0;
  while (done < text.size()) {
    ssize_t w = ::write(fd, text.data() + done, text.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      Status st = Status::IoError("cannot write (" + Errno() + "): " + tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return st;
    }
    done += static_cast<size_t>(w);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return Status::IoError("cannot write (" + Errno() + "): " + tmp);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    Status st = Status::IoError("cannot rename (" + Errno() + ") to: " + path);
    ::unlink(tmp.c_str());
    return st;
  }
  SyncDir(fs::path(path).parent_path().string());
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<DirectorySink>> DirectorySink::Open(const std::string& dir_in) {
  std::string dir = dir_in;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create output directory (" + ec.message() + "): " + dir);
  if (!fs::is_directory(dir)) return Status::InvalidArgument("output path is not a directory: " + dir);
  const std::string lock_path = dir + "/.lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return Status::IoError("cannot open lock file (" + Errno() + "): " + lock_path);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Status::IoError("another collect is writing to this directory (" + lock_path + " is locked): " + dir);
  }
  std::unique_ptr<DirectorySink> sink(new DirectorySink(dir, fd));
  // A killed run may have left partial downloads: nothing in .staging was handed over.
  fs::remove_all(sink->StagingDir(), ec);
  fs::create_directories(sink->StagingDir(), ec);
  if (ec) return Status::IoError("cannot create staging directory (" + ec.message() + "): " + sink->StagingDir());
  return sink;
}

DirectorySink::~DirectorySink() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

std::string DirectorySink::ZipPath(const std::string& app_id, const std::string& attempt_id) const {
  return dir_ + "/" + app_id + "/eventLogs-" + app_id + (attempt_id.empty() ? "" : "-" + attempt_id) + ".zip";
}

Result<bool> DirectorySink::AlreadyHave(const std::string& app_id, const std::string& attempt_id) {
  std::error_code ec;
  return fs::is_regular_file(ZipPath(app_id, attempt_id), ec);
}

Status DirectorySink::Ingest(const VerifiedDownload& d) {
  const std::string target = ZipPath(d.app_id, d.attempt_id);
  const std::string app_dir = fs::path(target).parent_path().string();
  std::error_code ec;
  fs::create_directories(app_dir, ec);
  if (ec) return Status::IoError("cannot create directory (" + ec.message() + "): " + app_dir);
  // The staging file was fsynced by the download; the rename is the commit.
  if (::rename(d.zip_path.c_str(), target.c_str()) != 0) {
    return Status::IoError("cannot move the verified zip into place (" + Errno() + "): " + target);
  }
  SyncDir(app_dir);
  return Status::Ok();
}

Result<std::optional<int64_t>> DirectorySink::GetWatermark(const std::string& source) {
  const std::string path = dir_ + "/" + kWatermarkFile;
  std::ifstream in(path);
  if (!in) return std::optional<int64_t>();
  std::stringstream ss;
  ss << in.rdbuf();
  auto doc = nlohmann::json::parse(ss.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::Corrupt("watermark file is not a JSON object of {source: epoch ms}: " + path);
  }
  auto it = doc.find(source);
  if (it == doc.end()) return std::optional<int64_t>();
  if (!it->is_number_integer()) return Status::Corrupt("watermark of a source is not an integer: " + path);
  return std::optional<int64_t>(it->get<int64_t>());
}

Status DirectorySink::SetWatermark(const std::string& source, int64_t end_ms) {
  const std::string path = dir_ + "/" + kWatermarkFile;
  nlohmann::ordered_json doc = nlohmann::ordered_json::object();
  {
    std::ifstream in(path);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      auto old = nlohmann::ordered_json::parse(ss.str(), nullptr, false);
      if (!old.is_discarded() && old.is_object()) doc = std::move(old);
    }
  }
  doc[source] = end_ms;
  return WriteFileAtomically(path, doc.dump(2) + "\n");
}

}  // namespace sparktune::collect
