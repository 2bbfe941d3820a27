#include "data/jobconfig/config_file_loader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "data/jobconfig/spark_application_parser.h"
#include "data/jobconfig/spark_defaults_parser.h"
#include "data/jobconfig/spark_submit_parser.h"

namespace sparktune::jobconfig {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool HasLineStartingWith(std::string_view text, std::string_view prefix) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (text.substr(pos, prefix.size()) == prefix) return true;
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

}  // namespace

ConfigFormat DetectFormat(std::string_view path, std::string_view text) {
  std::string_view base = path;
  if (size_t slash = base.rfind('/'); slash != std::string_view::npos)
    base.remove_prefix(slash + 1);
  if (EndsWith(base, ".yaml") || EndsWith(base, ".yml")) return ConfigFormat::kSparkApplicationYaml;
  if (EndsWith(base, ".sh") || EndsWith(base, ".bash") || EndsWith(base, ".ksh") ||
      EndsWith(base, ".zsh")) {
    return ConfigFormat::kSparkSubmit;
  }
  if (EndsWith(base, ".conf") || EndsWith(base, ".properties") ||
      base.rfind("spark-defaults", 0) == 0) {
    return ConfigFormat::kSparkDefaults;
  }
  if (text.rfind("#!", 0) == 0 || text.find("spark-submit") != std::string_view::npos) {
    return ConfigFormat::kSparkSubmit;
  }
  if (HasLineStartingWith(text, "apiVersion:") || HasLineStartingWith(text, "kind:")) {
    return ConfigFormat::kSparkApplicationYaml;
  }
  return ConfigFormat::kSparkDefaults;
}

Result<ConfigFile> ParseConfigText(const std::string& path, std::string_view text) {
  switch (DetectFormat(path, text)) {
    case ConfigFormat::kSparkApplicationYaml:
      return ParseSparkApplicationYaml(path, text);
    case ConfigFormat::kSparkSubmit:
      return ParseSparkSubmitScript(path, text);
    case ConfigFormat::kSparkDefaults:
      return ParseSparkDefaults(path, text);
  }
  return Status::Internal("unknown config format");
}

Result<std::string> ReadConfigFileText(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::Unreadable(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::Unreadable(path + ": is a directory");
  if (static_cast<size_t>(st.st_size) > kMaxConfigFileBytes) {
    return Status::Unreadable(path + ": larger than 16 MiB; not a config file");
  }
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status::Unreadable(path + ": " + std::strerror(errno));
  std::string text;
  char buf[65536];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    text.append(buf, n);
    if (text.size() > kMaxConfigFileBytes) {
      return Status::Unreadable(path + ": larger than 16 MiB; not a config file");
    }
  }
  if (std::ferror(f.get())) return Status::Unreadable(path + ": read error");
  return text;
}

Result<ConfigFile> LoadConfigFile(const std::string& path) {
  Result<std::string> text = ReadConfigFileText(path);
  if (!text.ok()) return text.status();
  return ParseConfigText(path, *text);
}

}  // namespace sparktune::jobconfig
