// Lz4BlockDecoder: decodes the lz4-java LZ4BlockOutputStream framing that
// Spark's LZ4CompressionCodec writes (Spark 1.x-4.x; lz4-java
// LZ4BlockInputStream with stopOnEmptyBlock=false). Not the LZ4 frame format.
//
// Block = 21-byte header ("LZ4Block", token, LE compressed length, LE original
// length, LE checksum) + payload. Token high nibble: 0x10 raw, 0x20 lz4; low
// nibble: level, original length <= 2^(10+level). Checksum = XXH32(decoded,
// seed 0x9747B28C) & 0x0FFFFFFF, verified on every block (mismatch -> Corrupt
// naming the file and the block's byte offset). An end marker (raw, lengths 0,
// checksum 0) ends one stream; if another "LZ4Block" header follows, decoding
// continues (concatenated streams); anything else after it is Corrupt.
//
// Truncation: EOF inside a header or payload, or EOF after data blocks with no
// end marker (an in-progress log: syncFlush=false leaves no end marker), ends
// the data after the last complete block with truncated() = true. An empty
// input is an empty, untruncated stream.
#pragma once

#include <memory>
#include <string>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

std::unique_ptr<ByteSource> MakeLz4BlockDecoder(std::unique_ptr<ByteSource> raw,
                                                std::string file_name);

}  // namespace sparktune::eventlog
