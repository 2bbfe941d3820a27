// libFuzzer target for the event-log reader: arbitrary bytes go through codec
// sniffing, the matching decoder, line splitting, the simdjson event parser and
// the model builder, exactly as `profile` reads a file. Any crash, sanitizer
// report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "data/eventlog/codec.h"
#include "data/eventlog/event_parser.h"
#include "data/eventlog/line_reader.h"
#include "data/eventlog/model_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sparktune::eventlog;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto sniffed = SniffCodec(bytes.substr(0, 64));
  Codec codec = sniffed ? *sniffed : Codec::kNone;
  sparktune::model::Application app;
  ModelBuilder builder(&app);
  EventParser parser(&app, &builder);
  LineReader lines(MakeDecoder(codec, MakeMemorySource(std::move(bytes)), "fuzz"));
  std::string_view line;
  bool newline = false;
  for (int i = 0; i < 100000; ++i) {
    auto next = lines.Next(&line, &newline);
    if (!next.ok() || !*next) break;
    parser.ParseLine(line);
  }
  builder.Finish();
  return 0;
}
