// libFuzzer target for the History Server zip reader (ExtractEventLogZip):
// arbitrary bytes are written to a private temp file and extracted below a
// private temp dir, with the production guards (traversal, symlinks, bombs,
// entry caps). Any crash, sanitizer report, hang, or a file written outside
// the destination is a bug; the destination is removed after each input.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "data/eventlog/zip_archive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  static const fs::path root = [] {
    char tmpl[] = "/tmp/zip_fuzz_XXXXXX";
    return fs::path(mkdtemp(tmpl));
  }();
  fs::path zip = root / "in.zip";
  fs::path dest = root / "out";
  {
    std::ofstream out(zip, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  sparktune::eventlog::ZipLimits limits;
  limits.max_total_bytes = 64ull << 20;  // keep each input fast
  (void)sparktune::eventlog::ExtractEventLogZip(zip.string(), dest.string(), limits);
  // Nothing may appear beside the destination.
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path() != zip && entry.path() != dest) std::abort();
  }
  std::error_code ec;
  fs::remove_all(dest, ec);
  return 0;
}
