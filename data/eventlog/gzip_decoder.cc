// GzipDecoder: see gzip_decoder.h. Mirrors java.util.zip.GZIPInputStream
// (multi-member) on top of zlib's inflate.
#include "data/eventlog/gzip_decoder.h"

#include <zlib.h>

#include <cstring>
#include <utility>

#include "data/eventlog/block_decoder.h"

namespace sparktune::eventlog {
namespace {

constexpr size_t kInputSlice = 64 * 1024;
constexpr size_t kOutputSlice = 128 * 1024;
constexpr int kGzipWindowBits = 15 + 16;

class GzipDecoder final : public BlockDecoder {
 public:
  GzipDecoder(std::unique_ptr<ByteSource> raw, std::string file_name)
      : BlockDecoder(std::move(raw), std::move(file_name)) {
    std::memset(&zs_, 0, sizeof(zs_));
    initialized_ = inflateInit2(&zs_, kGzipWindowBits) == Z_OK;
  }
  ~GzipDecoder() override {
    if (initialized_) inflateEnd(&zs_);
  }
  GzipDecoder(const GzipDecoder&) = delete;
  GzipDecoder& operator=(const GzipDecoder&) = delete;

 protected:
  Status Refill() override {
    if (!initialized_) return Status::Internal("gzip: cannot initialize zlib");
    uint8_t* out = OutBuffer(kOutputSlice);
    for (;;) {
      if (zs_.avail_in == 0 && !input_eof_) {
        uint8_t* in = in_buf_.Reserve(kInputSlice);
        SPARKTUNE_ASSIGN_OR_RETURN(size_t n, ReadRawSome(in, kInputSlice));
        zs_.next_in = in;
        zs_.avail_in = static_cast<uInt>(n);
        if (n == 0) input_eof_ = true;
      }
      const bool input_left = zs_.avail_in > 0;
      if (!input_left && !output_pending_) {
        Finish(/*cut_off=*/in_member_);
        return Status::Ok();
      }
      if (input_left) in_member_ = true;
      zs_.next_out = out;
      zs_.avail_out = static_cast<uInt>(kOutputSlice);
      const int ret = inflate(&zs_, Z_NO_FLUSH);
      const size_t produced = kOutputSlice - zs_.avail_out;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        output_pending_ = false;
        if (inflateReset(&zs_) != Z_OK) return Status::Internal("gzip: inflateReset failed");
      } else if (ret == Z_OK || ret == Z_BUF_ERROR) {
        output_pending_ = zs_.avail_out == 0;
        if (ret == Z_BUF_ERROR && !input_left) output_pending_ = false;
      } else {
        const char* why = zs_.msg != nullptr ? zs_.msg : "inflate error";
        return CorruptAt(std::string("gzip data is corrupted (") + why + ")",
                         raw_offset() - zs_.avail_in);
      }
      if (produced > 0) {
        SetOut(produced);
        return Status::Ok();
      }
    }
  }

 private:
  z_stream zs_;
  bool initialized_ = false;
  RawBuffer in_buf_;
  bool input_eof_ = false;
  bool in_member_ = false;       // Bytes of an unfinished member were fed.
  bool output_pending_ = false;  // Last call filled the output slice.
};

}  // namespace

std::unique_ptr<ByteSource> MakeGzipDecoder(std::unique_ptr<ByteSource> raw,
                                            std::string file_name) {
  return std::make_unique<GzipDecoder>(std::move(raw), std::move(file_name));
}

}  // namespace sparktune::eventlog
