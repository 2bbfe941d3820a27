// ZstdStreamDecoder: see zstd_stream_decoder.h. Mirrors zstd-jni
// ZstdInputStreamNoFinalizer.readInternal (continuous mode).
#include "data/eventlog/zstd_stream_decoder.h"

#include <zstd.h>

#include <utility>

#include "data/eventlog/block_decoder.h"

namespace sparktune::eventlog {
namespace {

constexpr size_t kInputSlice = 64 * 1024;
constexpr size_t kOutputSlice = 128 * 1024;
constexpr int kWindowLogMax = 27;

class ZstdStreamDecoder final : public BlockDecoder {
 public:
  ZstdStreamDecoder(std::unique_ptr<ByteSource> raw, std::string file_name)
      : BlockDecoder(std::move(raw), std::move(file_name)), dctx_(ZSTD_createDCtx()) {
    if (dctx_ != nullptr) ZSTD_DCtx_setParameter(dctx_, ZSTD_d_windowLogMax, kWindowLogMax);
  }
  ~ZstdStreamDecoder() override { ZSTD_freeDCtx(dctx_); }
  ZstdStreamDecoder(const ZstdStreamDecoder&) = delete;
  ZstdStreamDecoder& operator=(const ZstdStreamDecoder&) = delete;

 protected:
  Status Refill() override {
    if (dctx_ == nullptr) return Status::Internal("zstd: cannot allocate a decoder context");
    uint8_t* out = OutBuffer(kOutputSlice);
    for (;;) {
      if (in_.pos == in_.size && !input_eof_) {
        SPARKTUNE_ASSIGN_OR_RETURN(size_t n,
                                   ReadRawSome(in_buf_.Reserve(kInputSlice), kInputSlice));
        in_ = ZSTD_inBuffer{in_buf_.data(), n, 0};
        if (n == 0) input_eof_ = true;
      }
      const bool input_left = in_.pos < in_.size;
      if (!input_left && !output_pending_) {
        // Input exhausted and the decoder holds nothing back.
        Finish(/*cut_off=*/in_frame_);
        return Status::Ok();
      }
      ZSTD_outBuffer ob{out, kOutputSlice, 0};
      const size_t before_in = in_.pos;
      const size_t ret = ZSTD_decompressStream(dctx_, &ob, &in_);
      if (ZSTD_isError(ret)) {
        return CorruptAt(std::string("zstd frame is corrupted (") + ZSTD_getErrorName(ret) + ")",
                         raw_offset() - (in_.size - in_.pos));
      }
      in_frame_ = ret != 0;
      // A full output slice may leave decoded bytes inside the decoder.
      output_pending_ = ob.pos == ob.size;
      if (ob.pos > 0) {
        SetOut(ob.pos);
        return Status::Ok();
      }
      if (!input_left && in_.pos == before_in) output_pending_ = false;
    }
  }

 private:
  ZSTD_DCtx* dctx_;
  RawBuffer in_buf_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool input_eof_ = false;
  bool in_frame_ = false;        // Last call ended inside a frame.
  bool output_pending_ = false;  // Last call filled the output slice.
};

}  // namespace

std::unique_ptr<ByteSource> MakeZstdStreamDecoder(std::unique_ptr<ByteSource> raw,
                                                  std::string file_name) {
  return std::make_unique<ZstdStreamDecoder>(std::move(raw), std::move(file_name));
}

}  // namespace sparktune::eventlog
