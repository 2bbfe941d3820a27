// Compression codecs of Spark event logs, detected from the file name and
// checked against the bytes (spark-reference.md section 1.5).
//
//   kNone    plain JSON lines
//   kLz4     lz4-java LZ4BlockOutputStream framing ("LZ4Block" headers, XXH32
//            checksums seeded 0x9747B28C, masked 0x0FFFFFFF), not the LZ4 frame
//            format; concatenated streams continue after an end marker.
//   kSnappy  snappy-java SnappyOutputStream framing (0x82 "SNAPPY" 0x00 header,
//            big-endian length-prefixed raw snappy chunks); concatenated streams.
//   kLzf     compress-lzf (Ning) "ZV" chunks, type 0 (stored) or 1 (LZF).
//   kZstd    standard zstd frames, many concatenated (one per flush).
//   kGzip    gzip members (Databricks rolled `eventlog-YYYY-MM-DD--HH-MM.gz`).
//
// Spark classes mirrored: org.apache.spark.io.CompressionCodec (all versions
// 1.x-4.x use these framings), EventLogFileWriter.codecName (3.0+).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

enum class Codec { kNone, kLz4, kLzf, kSnappy, kZstd, kGzip };

// Short name as Spark writes it in a file suffix ("lz4", ..., "none", "gz").
std::string_view CodecName(Codec codec);

// Codec from a file name: strip ".compact", then ".inprogress", then the last
// dot-suffix if it is a known codec short name (lz4, lzf, snappy, zstd, gz);
// anything else is kNone. Unknown suffixes are not an error here: the bytes
// decide (SniffCodec).
Codec CodecFromFileName(std::string_view file_name);

// Codec recognized from the first bytes of a file, or nullopt if the bytes
// look like none of the compressed formats (plain text is reported as kNone
// only if the first non-blank byte is '{').
std::optional<Codec> SniffCodec(std::string_view head);

// Wraps `raw` in the decoder for `codec`. `file_name` is used in error
// messages. kNone returns `raw` unchanged.
std::unique_ptr<ByteSource> MakeDecoder(Codec codec, std::unique_ptr<ByteSource> raw,
                                        std::string file_name);

}  // namespace sparktune::eventlog
