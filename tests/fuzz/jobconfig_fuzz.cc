// libFuzzer target for the job-config parsers `lint` runs on files from
// outside: the first byte picks spark-defaults.conf, a spark-submit script or
// a SparkApplication YAML; the rest is the file text. Errors are values; any
// crash, sanitizer report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/jobconfig/spark_application_parser.h"
#include "data/jobconfig/spark_defaults_parser.h"
#include "data/jobconfig/spark_submit_parser.h"
#include "data/jobconfig/suppression_comments.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sparktune::jobconfig;
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      (void)ParseSparkDefaults("fuzz.conf", text);
      break;
    case 1:
      (void)ParseSparkSubmitScript("fuzz.sh", text);
      break;
    default:
      (void)ParseSparkApplicationYaml("fuzz.yaml", text);
      break;
  }
  return 0;
}
