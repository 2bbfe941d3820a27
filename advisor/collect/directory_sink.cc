#include "advisor/collect/directory_sink.h"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace sparktune::collect {
namespace {

constexpr const char* kWatermarkFile = "collect-watermarks.json";

// The watermark document, or an empty object when there is none.
Result<nlohmann::ordered_json> ReadWatermarks(Env* env, const std::string& path) {
  Result<std::string> text = env->ReadFile(path);
  if (!text.ok()) {
    if (text.status().code() == StatusCode::kNotFound) return nlohmann::ordered_json::object();
    return text.status();
  }
  auto doc = nlohmann::ordered_json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::Corrupt("watermark file is not a JSON object of {source: epoch ms}: " + path);
  }
  return doc;
}

}  // namespace

Result<std::unique_ptr<DirectorySink>> DirectorySink::Open(const std::string& dir_in, Env* env) {
  std::string dir = dir_in;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  if (Status st = env->CreateDirectories(dir); !st.ok()) {
    return st.WithContext("cannot create the output directory");
  }
  if (!env->DirectoryExists(dir))
    return Status::InvalidArgument("output path is not a directory: " + dir);
  const std::string lock_path = dir + "/.lock";
  auto lock = env->LockFile(lock_path);
  if (!lock.ok()) {
    return Status::IoError("another collect is writing to this directory (" +
                           lock.status().message() + "): " + dir);
  }
  std::unique_ptr<DirectorySink> sink(new DirectorySink(dir, env, std::move(*lock)));
  // A killed run may have left partial downloads: nothing in .staging was handed over.
  (void)env->RemoveAll(sink->StagingDir());
  if (Status st = env->CreateDirectories(sink->StagingDir()); !st.ok()) {
    return st.WithContext("cannot create the staging directory");
  }
  return sink;
}

std::string DirectorySink::ZipPath(const std::string& app_id, const std::string& attempt_id) const {
  return dir_ + "/" + app_id + "/eventLogs-" + app_id +
         (attempt_id.empty() ? "" : "-" + attempt_id) + ".zip";
}

Result<bool> DirectorySink::AlreadyHave(const std::string& app_id, const std::string& attempt_id) {
  return env_->FileExists(ZipPath(app_id, attempt_id));
}

Status DirectorySink::Ingest(const VerifiedDownload& d) {
  const std::string target = ZipPath(d.app_id, d.attempt_id);
  SPARKTUNE_RETURN_IF_ERROR(
      env_->CreateDirectories(std::filesystem::path(target).parent_path().string()));
  // The staging file was fsynced by the download; the rename is the commit.
  if (Status st = env_->RenameFile(d.zip_path, target); !st.ok()) {
    return st.WithContext("cannot move the verified zip into place");
  }
  return Status::Ok();
}

Result<std::optional<int64_t>> DirectorySink::GetWatermark(const std::string& source) {
  const std::string path = dir_ + "/" + kWatermarkFile;
  SPARKTUNE_ASSIGN_OR_RETURN(nlohmann::ordered_json doc, ReadWatermarks(env_, path));
  auto it = doc.find(source);
  if (it == doc.end()) return std::optional<int64_t>();
  if (!it->is_number_integer())
    return Status::Corrupt("watermark of a source is not an integer: " + path);
  return std::optional<int64_t>(it->get<int64_t>());
}

Status DirectorySink::SetWatermark(const std::string& source, int64_t end_ms) {
  const std::string path = dir_ + "/" + kWatermarkFile;
  // A damaged watermark file is replaced: the watermark only saves work.
  Result<nlohmann::ordered_json> old = ReadWatermarks(env_, path);
  nlohmann::ordered_json doc = old.ok() ? std::move(*old) : nlohmann::ordered_json::object();
  doc[source] = end_ms;
  return env_->WriteFileAtomically(path, doc.dump(2) + "\n");
}

}  // namespace sparktune::collect
