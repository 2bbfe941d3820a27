// Safe extraction of the History Server's event-log zip: see zip_archive.h.
// Mirrors the layout written by EventLogFileReader.zipEventLogFiles /
// FsHistoryProvider.writeEventLogs (Spark 2.3-4.x): one entry per single-file
// log, or a directory entry `eventlog_v2_<base>/` plus its files.
//
// Every guard is checked before anything is written or while inflating
// (sizes from the headers are only used to reject early, never trusted). On
// any failure every file and directory this call created is removed again.
#include "data/eventlog/zip_archive.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

namespace sparktune::eventlog {
namespace {

constexpr size_t kCopyBuffer = 64 * 1024;
// Ratio checks start above this many output bytes, so tiny, highly
// compressible entries (an appstatus marker, a short log) are not flagged.
constexpr uint64_t kRatioFloorBytes = 1 << 20;

std::string ErrnoText(int err) { return std::strerror(err); }

// Removes what an extraction created unless Release() is called.
class CreatedPaths {
 public:
  ~CreatedPaths() {
    for (auto it = paths_.rbegin(); it != paths_.rend(); ++it) {
      if (it->second) {
        ::rmdir(it->first.c_str());
      } else {
        ::unlink(it->first.c_str());
      }
    }
  }
  void AddFile(std::string path) { paths_.emplace_back(std::move(path), false); }
  void AddDir(std::string path) { paths_.emplace_back(std::move(path), true); }
  void Release() { paths_.clear(); }

 private:
  std::vector<std::pair<std::string, bool>> paths_;  // (path, is_dir), creation order
};

// Creates `dir` if missing (recording it); an existing path must be a real
// directory, not a symlink.
Status EnsureDirectory(const std::string& dir, CreatedPaths& created) {
  struct stat st;
  if (::lstat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::Ok();
    return Status::IoError("exists and is not a directory: " + dir);
  }
  if (errno != ENOENT) return Status::IoError("cannot stat (" + ErrnoText(errno) + "): " + dir);
  if (::mkdir(dir.c_str(), 0755) != 0) {
    return Status::IoError("cannot create directory (" + ErrnoText(errno) + "): " + dir);
  }
  created.AddDir(dir);
  return Status::Ok();
}

// Creates `path` and all missing parents, recording each one created.
Status EnsureDirectories(const std::string& path, CreatedPaths& created) {
  for (size_t pos = path.find('/', 1); pos != std::string::npos; pos = path.find('/', pos + 1)) {
    SPARKTUNE_RETURN_IF_ERROR(EnsureDirectory(path.substr(0, pos), created));
  }
  return EnsureDirectory(path, created);
}

// Splits a zip entry name into path components, rejecting anything that
// could leave dest_dir. `is_dir` is set for names ending in '/'.
Result<std::vector<std::string>> SafeComponents(std::string_view name, bool* is_dir) {
  auto reject = [&](const char* why) {
    return Status::Corrupt(std::string("zip entry name is unsafe (") + why +
                           "): " + std::string(name));
  };
  if (name.empty()) return reject("empty");
  if (name.front() == '/') return reject("absolute path");
  if (name.find("..") != std::string_view::npos) return reject("contains ..");
  if (name.find('\\') != std::string_view::npos) return reject("contains a backslash");
  // (An embedded NUL never reaches here: libzip names are C strings; see
  // FindNulInCentralDirectoryNames.)
  if (name.size() >= 2 && name[1] == ':') return reject("drive letter");
  *is_dir = name.back() == '/';
  if (*is_dir) name.remove_suffix(1);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    if (slash == std::string_view::npos) slash = name.size();
    std::string_view part = name.substr(start, slash - start);
    if (part.empty() || part == ".") return reject("empty or '.' path component");
    parts.emplace_back(part);
    start = slash + 1;
  }
  return parts;
}

bool IsSymlinkEntry(zip_t* za, zip_uint64_t index) {
  zip_uint8_t opsys = 0;
  zip_uint32_t attributes = 0;
  if (zip_file_get_external_attributes(za, index, 0, &opsys, &attributes) != 0) return false;
  if (opsys != ZIP_OPSYS_UNIX) return false;
  const mode_t mode = static_cast<mode_t>(attributes >> 16);
  return S_ISLNK(mode);
}

uint32_t Le16(const uint8_t* p) { return uint32_t{p[0]} | uint32_t{p[1]} << 8; }
uint32_t Le32(const uint8_t* p) { return Le16(p) | Le16(p + 2) << 16; }
uint64_t Le64(const uint8_t* p) { return uint64_t{Le32(p)} | uint64_t{Le32(p + 4)} << 32; }

bool ReadAt(int fd, uint64_t offset, size_t n, std::string& out) {
  out.resize(n);
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::pread(fd, out.data() + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    got += static_cast<size_t>(r);
  }
  return true;
}

// libzip hands entry names out as C strings, which hides an embedded NUL.
// This scans the raw central directory (APPNOTE 4.3.12/4.3.16, zip64 4.3.14)
// and returns the printable prefix of the first name holding a NUL, if any.
// Structures it cannot follow are left to libzip, which already validated them.
std::optional<std::string> FindNulInCentralDirectoryNames(const std::string& zip_path,
                                                          uint64_t file_size) {
  int fd = ::open(zip_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  constexpr size_t kEocdLength = 22;
  const size_t tail_len = static_cast<size_t>(std::min<uint64_t>(file_size, 65535 + kEocdLength));
  std::string tail;
  if (tail_len < kEocdLength || !ReadAt(fd, file_size - tail_len, tail_len, tail)) {
    return std::nullopt;
  }
  size_t eocd = std::string::npos;
  for (size_t i = tail_len - kEocdLength + 1; i-- > 0;) {
    if (std::memcmp(tail.data() + i, "PK\x05\x06", 4) == 0) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string::npos) return std::nullopt;
  const auto* e = reinterpret_cast<const uint8_t*>(tail.data() + eocd);
  uint64_t entries = Le16(e + 10);
  uint64_t cd_size = Le32(e + 12);
  uint64_t cd_offset = Le32(e + 16);
  const uint64_t eocd_offset = file_size - tail_len + eocd;
  if ((entries == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF) &&
      eocd_offset >= 20) {
    std::string locator, z64;
    if (ReadAt(fd, eocd_offset - 20, 20, locator) && locator.compare(0, 4, "PK\x06\x07") == 0 &&
        ReadAt(fd, Le64(reinterpret_cast<const uint8_t*>(locator.data()) + 8), 56, z64) &&
        z64.compare(0, 4, "PK\x06\x06") == 0) {
      const auto* z = reinterpret_cast<const uint8_t*>(z64.data());
      entries = Le64(z + 32);
      cd_size = Le64(z + 40);
      cd_offset = Le64(z + 48);
    }
  }
  constexpr uint64_t kMaxCentralDirectory = 64 << 20;  // ~200k entries; the cap is far lower
  if (cd_size > kMaxCentralDirectory || cd_size > file_size || cd_offset > file_size - cd_size) {
    return std::nullopt;
  }
  std::string cd;
  if (!ReadAt(fd, cd_offset, static_cast<size_t>(cd_size), cd)) return std::nullopt;
  constexpr size_t kHeaderLength = 46;
  size_t pos = 0;
  for (uint64_t i = 0; i < entries && pos + kHeaderLength <= cd.size(); ++i) {
    const auto* h = reinterpret_cast<const uint8_t*>(cd.data() + pos);
    if (Le32(h) != 0x02014b50) return std::nullopt;
    const size_t name_len = Le16(h + 28);
    const size_t next = pos + kHeaderLength + name_len + Le16(h + 30) + Le16(h + 32);
    if (next > cd.size()) return std::nullopt;
    std::string_view name(cd.data() + pos + kHeaderLength, name_len);
    if (const size_t nul = name.find('\0'); nul != std::string_view::npos) {
      return std::string(name.substr(0, nul));
    }
    pos = next;
  }
  return std::nullopt;
}

struct ZipCloser {
  void operator()(zip_t* za) const { zip_discard(za); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* zf) const { zip_fclose(zf); }
};

// What macOS's Archive Utility adds to a zip beside the files: the __MACOSX tree of resource
// forks, "._" AppleDouble files and .DS_Store. Never an event log; skipped.
bool IsMacOsMetadata(const std::vector<std::string>& parts) {
  if (parts.empty()) return false;
  const std::string& base = parts.back();
  return parts.front() == "__MACOSX" || base == ".DS_Store" || base.rfind("._", 0) == 0;
}

}  // namespace

bool LooksLikeZip(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char magic[4] = {};
  ssize_t n = ::read(fd, magic, sizeof(magic));
  ::close(fd);
  return n == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

Result<std::vector<std::string>> ExtractEventLogZip(const std::string& zip_path,
                                                    const std::string& dest_dir_in,
                                                    const ZipLimits& limits) {
  std::string dest_dir = dest_dir_in;
  while (dest_dir.size() > 1 && dest_dir.back() == '/') dest_dir.pop_back();
  if (dest_dir.empty()) return Status::InvalidArgument("empty destination directory for zip");

  struct stat zst;
  if (::stat(zip_path.c_str(), &zst) != 0) {
    if (errno == ENOENT) return Status::NotFound("no such zip file: " + zip_path);
    return Status::IoError("cannot stat (" + ErrnoText(errno) + "): " + zip_path);
  }
  int zerr = 0;
  std::unique_ptr<zip_t, ZipCloser> za(
      zip_open(zip_path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &zerr));
  if (!za && zerr == ZIP_ER_INCONS) {
    // ZIP_CHECKCONS also rejects archives `unzip` reads (e.g. written by macOS Archive Utility,
    // whose local headers and central directory disagree on fields libzip compares). The
    // central directory is still authoritative: every entry goes through the name, kind,
    // size and ratio checks below and zip_fread verifies each entry's CRC.
    zerr = 0;
    za.reset(zip_open(zip_path.c_str(), ZIP_RDONLY, &zerr));
  }
  if (!za) {
    zip_error_t error;
    zip_error_init_with_code(&error, zerr);
    Status st = Status::Corrupt(std::string("not a readable zip archive (") +
                                zip_error_strerror(&error) + "): " + zip_path);
    zip_error_fini(&error);
    return st;
  }
  const zip_int64_t count = zip_get_num_entries(za.get(), 0);
  if (count < 0) return Status::Corrupt("cannot read zip directory: " + zip_path);
  if (static_cast<uint64_t>(count) > limits.max_entries) {
    return Status::Unsupported("zip archive has too many entries (" + std::to_string(count) +
                               " > " + std::to_string(limits.max_entries) + "): " + zip_path);
  }
  if (count == 0) return Status::Unreadable("zip archive holds no event logs: " + zip_path);
  if (std::optional<std::string> prefix =
          FindNulInCentralDirectoryNames(zip_path, static_cast<uint64_t>(zst.st_size))) {
    return Status::Corrupt("zip entry name is unsafe (contains NUL): " + *prefix + "\\0...");
  }

  // Pass 1: validate every name and entry kind before writing anything.
  struct Planned {
    zip_uint64_t index;
    std::string name;
    std::vector<std::string> parts;
    bool is_dir;
    uint64_t compressed_size;
  };
  std::vector<Planned> plan;
  std::set<std::string> seen;
  uint64_t declared_total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t sb;
    zip_stat_init(&sb);
    if (zip_stat_index(za.get(), i, 0, &sb) != 0 || (sb.valid & ZIP_STAT_NAME) == 0) {
      return Status::Corrupt("cannot read zip entry #" + std::to_string(i) + ": " + zip_path);
    }
    Planned p{i, sb.name, {}, false, 0};
    SPARKTUNE_ASSIGN_OR_RETURN(p.parts, SafeComponents(p.name, &p.is_dir));
    if (IsMacOsMetadata(p.parts)) continue;
    if (IsSymlinkEntry(za.get(), i)) {
      return Status::Unsupported("zip entry is a symbolic link: " + p.name);
    }
    if ((sb.valid & ZIP_STAT_ENCRYPTION_METHOD) && sb.encryption_method != ZIP_EM_NONE) {
      return Status::Unsupported("zip entry is encrypted: " + p.name);
    }
    std::string key;
    for (const std::string& part : p.parts) key += "/" + part;
    if (!p.is_dir && !seen.insert(key).second) {
      return Status::Corrupt("zip archive has a duplicate entry: " + p.name);
    }
    if (sb.valid & ZIP_STAT_SIZE) {
      declared_total += sb.size;
      if (declared_total > limits.max_total_bytes) {
        return Status::Corrupt("zip archive expands beyond the size limit (" +
                               std::to_string(limits.max_total_bytes) +
                               " bytes) at entry: " + p.name);
      }
    }
    p.compressed_size = (sb.valid & ZIP_STAT_COMP_SIZE) ? sb.comp_size : 0;
    // The stored compressed size cannot exceed the archive itself.
    p.compressed_size = std::min<uint64_t>(p.compressed_size, static_cast<uint64_t>(zst.st_size));
    plan.push_back(std::move(p));
  }

  // Pass 2: extract, enforcing sizes on the inflated bytes.
  CreatedPaths created;
  SPARKTUNE_RETURN_IF_ERROR(EnsureDirectories(dest_dir, created));
  std::set<std::string> top_level;
  std::unique_ptr<uint8_t[]> buffer(new uint8_t[kCopyBuffer]);
  uint64_t total = 0;
  for (const Planned& p : plan) {
    std::string path = dest_dir;
    for (size_t k = 0; k + 1 < p.parts.size(); ++k) {
      path += "/" + p.parts[k];
      SPARKTUNE_RETURN_IF_ERROR(EnsureDirectory(path, created));
    }
    path += "/" + p.parts.back();
    top_level.insert(dest_dir + "/" + p.parts.front());
    if (p.is_dir) {
      SPARKTUNE_RETURN_IF_ERROR(EnsureDirectory(path, created));
      continue;
    }
    std::unique_ptr<zip_file_t, ZipFileCloser> zf(zip_fopen_index(za.get(), p.index, 0));
    if (!zf) {
      return Status::Corrupt(std::string("cannot open zip entry (") + zip_strerror(za.get()) +
                             "): " + p.name);
    }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      return Status::IoError("cannot create (" + ErrnoText(errno) + "): " + path);
    }
    created.AddFile(path);
    const uint64_t ratio_cap = limits.max_ratio * std::max<uint64_t>(p.compressed_size, 1);
    uint64_t written = 0;
    Status st;
    for (;;) {
      zip_int64_t n = zip_fread(zf.get(), buffer.get(), kCopyBuffer);
      if (n < 0) {
        st = Status::Corrupt(std::string("zip entry data is corrupted (") +
                             zip_file_strerror(zf.get()) + "): " + p.name);
        break;
      }
      if (n == 0) break;
      written += static_cast<uint64_t>(n);
      total += static_cast<uint64_t>(n);
      if (total > limits.max_total_bytes) {
        st =
            Status::Corrupt("zip archive expands beyond the size limit (" +
                            std::to_string(limits.max_total_bytes) + " bytes) at entry: " + p.name);
        break;
      }
      if (written > kRatioFloorBytes && written > ratio_cap) {
        st = Status::Corrupt("zip entry expands more than " + std::to_string(limits.max_ratio) +
                             "x its compressed size (decompression bomb): " + p.name);
        break;
      }
      const uint8_t* q = buffer.get();
      size_t left = static_cast<size_t>(n);
      while (left > 0 && st.ok()) {
        ssize_t w = ::write(fd, q, left);
        if (w < 0) {
          if (errno == EINTR) continue;
          st = Status::IoError("cannot write (" + ErrnoText(errno) + "): " + path);
          break;
        }
        q += w;
        left -= static_cast<size_t>(w);
      }
      if (!st.ok()) break;
    }
    if (::close(fd) != 0 && st.ok()) {
      st = Status::IoError("cannot write (" + ErrnoText(errno) + "): " + path);
    }
    if (!st.ok()) return st;
  }
  created.Release();
  return std::vector<std::string>(top_level.begin(), top_level.end());
}

}  // namespace sparktune::eventlog
