// The POSIX Env (data/base/env.h): std::filesystem and open/fsync/rename/
// flock, the system and steady clocks.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/base/env.h"

namespace sparktune {
namespace {

namespace fs = std::filesystem;

std::string Errno() { return std::strerror(errno); }

// fsyncs a directory so that a rename into it survives a crash.
void SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::fsync(fd);
    ::close(fd);
  }
}

class PosixFileLock : public FileLock {
 public:
  explicit PosixFileLock(int fd) : fd_(fd) {}
  ~PosixFileLock() override { ::close(fd_); }  // closing releases the flock

 private:
  int fd_;
};

class PosixEnv : public Env {
 public:
  bool FileExists(const std::string& path) override {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
  }

  bool DirectoryExists(const std::string& path) override {
    std::error_code ec;
    return fs::is_directory(path, ec);
  }

  Result<std::string> ReadFile(const std::string& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      if (!FileExists(path)) return Status::NotFound("no such file: " + path);
      return Status::IoError("cannot read (" + Errno() + "): " + path);
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Status::IoError("cannot read: " + path);
    return ss.str();
  }

  Status WriteFileAtomically(const std::string& path, std::string_view data) override {
    const std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return Status::IoError("cannot create (" + Errno() + "): " + tmp);
    size_t done = 0;
    while (done < data.size()) {
      ssize_t w = ::write(fd, data.data() + done, data.size() - done);
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
    SyncDirectory(fs::path(path).parent_path().string());
    return Status::Ok();
  }

  Status CreateDirectories(const std::string& path) override {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) return Status::IoError("cannot create directory (" + ec.message() + "): " + path);
    return Status::Ok();
  }

  Status RenameFile(const std::string& from, const std::string& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) {
      return Status::IoError("cannot rename " + from + " (" + Errno() + ") to: " + to);
    }
    SyncDirectory(fs::path(to).parent_path().string());
    return Status::Ok();
  }

  Status RemoveAll(const std::string& path) override {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec) return Status::IoError("cannot remove (" + ec.message() + "): " + path);
    return Status::Ok();
  }

  Result<std::unique_ptr<FileLock>> LockFile(const std::string& path) override {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return Status::IoError("cannot open lock file (" + Errno() + "): " + path);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return Status::IoError("locked by another process: " + path);
    }
    return std::unique_ptr<FileLock>(new PosixFileLock(fd));
  }

  int64_t NowMillis() override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  int64_t MonotonicMicros() override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace

Env* Env::Default() {
  static Env* const env = new PosixEnv();
  return env;
}

}  // namespace sparktune
