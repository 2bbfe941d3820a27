// libFuzzer target for the event-log reader: arbitrary bytes go through codec
// sniffing, the matching decoder, line batching, the simdjson event decoder and
// the model builder, exactly as `profile` reads a file. Any crash, sanitizer
// report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/eventlog/codec.h"
#include "data/eventlog/decoded_line_stream.h"
#include "data/eventlog/event_parser.h"
#include "data/eventlog/model_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sparktune::eventlog;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto sniffed = SniffCodec(bytes.substr(0, 64));
  Codec codec = sniffed ? *sniffed : Codec::kNone;
  sparktune::model::Application app;
  ModelBuilder builder(&app);
  EventParser parser(&app, &builder);
  LineStreamOptions options;
  options.worker_threads = 0;  // deterministic: the caller's thread decodes
  options.batch_bytes = 4096;  // many batches even for small inputs
  DecodedLineStream lines(MakeDecoder(codec, MakeMemorySource(std::move(bytes)), "fuzz"), options);
  DecodedLine* line = nullptr;
  bool newline = false;
  for (int i = 0; i < 100000; ++i) {
    auto next = lines.Next(&line, &newline);
    if (!next.ok() || !*next) break;
    parser.Apply(*line);
  }
  builder.Finish();
  return 0;
}
