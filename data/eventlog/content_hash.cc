#include "data/eventlog/content_hash.h"

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "data/eventlog/log_layout.h"

namespace sparktune::eventlog {

namespace {
constexpr size_t kReadChunk = 1 << 20;  // 1 MiB reads: large enough for full disk throughput
}  // namespace

Result<LogContentHash> ContentHash(const std::string& path) {
  SPARKTUNE_ASSIGN_OR_RETURN(LogLayout layout, DetectLayout(path));
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                 &XXH3_freeState);
  if (!state || XXH3_128bits_reset(state.get()) == XXH_ERROR)
    return Status::Internal("cannot initialize XXH3");
  std::vector<char> buffer(kReadChunk);
  LogContentHash out;
  for (const LogPart& part : layout.parts) {
    std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen(part.path.c_str(), "rb"),
                                                    &std::fclose);
    if (!f)
      return Status::IoError("cannot open event log file: " + std::string(std::strerror(errno)) +
                             ": " + part.path);
    while (true) {
      size_t n = std::fread(buffer.data(), 1, buffer.size(), f.get());
      if (n > 0) {
        XXH3_128bits_update(state.get(), buffer.data(), n);
        out.bytes += n;
      }
      if (n < buffer.size()) {
        if (std::ferror(f.get()))
          return Status::IoError("cannot read event log file: " + part.path);
        break;
      }
    }
  }
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state.get()));
  static constexpr char kHex[] = "0123456789abcdef";
  out.hex.reserve(32);
  for (unsigned char b : canonical.digest) {
    out.hex.push_back(kHex[b >> 4]);
    out.hex.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace sparktune::eventlog
