#include "data/base/mem_env.h"

#include <filesystem>

namespace sparktune {

// Held in MemEnv::locks_ until destroyed.
class MemFileLock : public FileLock {
 public:
  MemFileLock(MemEnv* env, std::string path) : env_(env), path_(std::move(path)) {}
  ~MemFileLock() override { env_->Unlock(path_); }

 private:
  MemEnv* env_;
  std::string path_;
};

namespace {

std::string Normalize(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string Parent(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

bool Under(const std::string& path, const std::string& prefix) {
  return path == prefix ||
         (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
          (prefix.back() == '/' || path[prefix.size()] == '/'));
}

}  // namespace

Status MemEnv::Writable(const std::string& path) const {
  for (const std::string& prefix : read_only_) {
    if (Under(path, prefix)) return Status::IoError("read-only file system: " + path);
  }
  return Status::Ok();
}

bool MemEnv::ParentExists(const std::string& path) const {
  std::string parent = Parent(path);
  return parent.empty() || parent == "." || parent == "/" || directories_.count(parent) > 0;
}

bool MemEnv::FileExists(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  return files_.count(Normalize(path)) > 0;
}

bool MemEnv::DirectoryExists(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string p = Normalize(path);
  return p.empty() || p == "." || p == "/" || directories_.count(p) > 0;
}

Result<std::string> MemEnv::ReadFile(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = files_.find(Normalize(path));
  if (it == files_.end()) return Status::NotFound("no such file: " + path);
  return it->second;
}

Status MemEnv::WriteFileAtomically(const std::string& path_in, std::string_view data) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string path = Normalize(path_in);
  SPARKTUNE_RETURN_IF_ERROR(Writable(path));
  if (!ParentExists(path))
    return Status::IoError("cannot create (no such directory): " + path + ".tmp");
  if (directories_.count(path) > 0)
    return Status::IoError("cannot rename (is a directory) to: " + path);
  files_[path] = std::string(data);
  return Status::Ok();
}

Status MemEnv::CreateDirectories(const std::string& path_in) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string path = Normalize(path_in);
  std::vector<std::string> missing;  // created all at once, or none
  for (std::string p = path; !p.empty() && p != "." && p != "/"; p = Parent(p)) {
    if (directories_.count(p) > 0) break;
    if (files_.count(p) > 0) {
      return Status::IoError("cannot create directory (File exists): " + path);
    }
    SPARKTUNE_RETURN_IF_ERROR(Writable(p));
    missing.push_back(p);
  }
  directories_.insert(missing.begin(), missing.end());
  return Status::Ok();
}

Status MemEnv::RenameFile(const std::string& from_in, const std::string& to_in) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string from = Normalize(from_in), to = Normalize(to_in);
  auto it = files_.find(from);
  if (it == files_.end())
    return Status::IoError("cannot rename " + from + " (no such file) to: " + to);
  SPARKTUNE_RETURN_IF_ERROR(Writable(from));
  SPARKTUNE_RETURN_IF_ERROR(Writable(to));
  if (!ParentExists(to))
    return Status::IoError("cannot rename " + from + " (no such directory) to: " + to);
  std::string data = std::move(it->second);
  files_.erase(it);
  files_[to] = std::move(data);
  return Status::Ok();
}

Status MemEnv::RemoveAll(const std::string& path_in) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string path = Normalize(path_in);
  SPARKTUNE_RETURN_IF_ERROR(Writable(path));
  std::erase_if(files_, [&](const auto& f) { return Under(f.first, path); });
  std::erase_if(directories_, [&](const std::string& d) { return Under(d, path); });
  return Status::Ok();
}

Result<std::unique_ptr<FileLock>> MemEnv::LockFile(const std::string& path_in) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string path = Normalize(path_in);
  if (!ParentExists(path))
    return Status::IoError("cannot open lock file (no such directory): " + path);
  if (!locks_.insert(path).second) return Status::IoError("locked by another process: " + path);
  files_.try_emplace(path);
  return std::unique_ptr<FileLock>(new MemFileLock(this, path));
}

void MemEnv::Unlock(const std::string& path) {
  std::lock_guard<std::mutex> lock(mu_);
  locks_.erase(path);
}

int64_t MemEnv::NowMillis() {
  std::lock_guard<std::mutex> lock(mu_);
  return now_millis_;
}

int64_t MemEnv::MonotonicMicros() {
  std::lock_guard<std::mutex> lock(mu_);
  return now_millis_ * 1000;
}

void MemEnv::SetNowMillis(int64_t millis) {
  std::lock_guard<std::mutex> lock(mu_);
  now_millis_ = millis;
}

void MemEnv::AdvanceMillis(int64_t millis) {
  std::lock_guard<std::mutex> lock(mu_);
  now_millis_ += millis;
}

void MemEnv::SetReadOnly(const std::string& prefix) {
  std::lock_guard<std::mutex> lock(mu_);
  read_only_.push_back(Normalize(prefix));
}

std::vector<std::string> MemEnv::Files() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [path, data] : files_) out.push_back(path);
  return out;
}

}  // namespace sparktune
