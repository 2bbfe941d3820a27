// LzfChunkDecoder: decodes the compress-lzf (Ning) chunk stream that Spark's
// LZFCompressionCodec writes (Spark 1.x-4.x, LZFOutputStream and, from 4.1,
// PLZFOutputStream; read by compress-lzf LZFInputStream/VanillaChunkDecoder).
//
// Chunks follow one another with no stream header:
//   'Z' 'V' 0x00 <BE uint16 length> <length literal bytes>          (stored)
//   'Z' 'V' 0x01 <BE uint16 compressed> <BE uint16 original> <LZF data>
// LZF data is decoded by LzfDecompressBlock (below), which checks every
// literal run and back-reference against both buffers, so hostile input
// cannot read or write out of bounds; the decoded size must equal the
// header's original length (<= 65535 by construction).
//
// EOF inside a chunk header or payload ends the data after the last complete
// chunk with truncated() = true; any other malformation is Corrupt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

std::unique_ptr<ByteSource> MakeLzfChunkDecoder(std::unique_ptr<ByteSource> raw,
                                                std::string file_name);

// Decodes one LZF block (liblzf lzf_decompress algorithm). Returns true only
// when `in` decodes to exactly `out_len` bytes without any out-of-range access.
bool LzfDecompressBlock(const uint8_t* in, size_t in_len, uint8_t* out, size_t out_len);

}  // namespace sparktune::eventlog
