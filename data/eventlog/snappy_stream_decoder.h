// SnappyStreamDecoder: decodes the snappy-java SnappyOutputStream framing that
// Spark's SnappyCompressionCodec writes (Spark 1.x-4.x; snappy-java
// SnappyInputStream). Not Google's snappy "framing format".
//
// Stream = 16-byte header (0x82 'S' 'N' 'A' 'P' 'P' 'Y' 0x00, BE int32
// version >= 1, BE int32 minimum compatible version) + chunks of BE int32
// length + one raw snappy block (decoded with snappy::RawUncompress). A chunk
// length equal to the first 4 magic bytes (0x82534E41) starts a concatenated
// stream: its remaining 12 header bytes are consumed and decoding continues.
//
// Guards: a chunk (compressed or uncompressed) larger than 64 MiB is Corrupt
// (Spark writes <= 32 KiB per chunk). Input without the magic is Corrupt
// (snappy-java would read it as one raw block; Spark never writes that).
// EOF inside a header, length or chunk ends the data after the last complete
// chunk with truncated() = true; an empty input is an empty stream.
#pragma once

#include <memory>
#include <string>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

std::unique_ptr<ByteSource> MakeSnappyStreamDecoder(std::unique_ptr<ByteSource> raw,
                                                    std::string file_name);

}  // namespace sparktune::eventlog
