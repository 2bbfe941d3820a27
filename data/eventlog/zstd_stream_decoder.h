// ZstdStreamDecoder: decodes a sequence of standard zstd frames, as Spark's
// ZStdCompressionCodec writes event logs (zstd-jni ZstdOutputStreamNoFinalizer
// with setCloseFrameOnFlush(true): one frame per flush, Spark 3.0-4.x; read
// with ZstdInputStreamNoFinalizer setContinuous(true)).
//
// ZSTD_decompressStream runs in a loop over 64 KiB input slices, continuing
// after each frame end until the input is exhausted; skippable frames are
// skipped. The decoder window is capped at 2^27 bytes (zstd's default limit),
// so a hostile frame header cannot make it allocate more. Any decoding error
// (garbage, bad checksum, trailing junk) is Corrupt with the byte offset.
// If the input ends inside a frame, the bytes decoded so far are emitted and
// the stream ends with truncated() = true (an in-progress log).
#pragma once

#include <memory>
#include <string>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

std::unique_ptr<ByteSource> MakeZstdStreamDecoder(std::unique_ptr<ByteSource> raw,
                                                  std::string file_name);

}  // namespace sparktune::eventlog
