// GzipDecoder: decodes gzip data (RFC 1952), one or more concatenated
// members, as Databricks writes rolled event-log parts
// (`eventlog-YYYY-MM-DD--HH-MM.gz`; read like java.util.zip.GZIPInputStream,
// which also continues into the next member).
//
// zlib inflate with gzip header parsing (windowBits 15 + 16) over 64 KiB input
// slices; after a member's trailer (CRC32 and length checked by zlib) the
// inflater is reset for the next member. Garbage, a bad CRC or non-gzip bytes
// after a member are Corrupt with the byte offset. Input ending inside a
// member emits what was inflated and ends with truncated() = true.
#pragma once

#include <memory>
#include <string>

#include "data/eventlog/byte_source.h"

namespace sparktune::eventlog {

std::unique_ptr<ByteSource> MakeGzipDecoder(std::unique_ptr<ByteSource> raw, std::string file_name);

}  // namespace sparktune::eventlog
