// libFuzzer target for scenario files (`sparktune simulate`): arbitrary bytes
// go through ParseScenarioJson; when they parse, the scenario is simulated
// at its own config (bounded: the parser caps task counts), as `simulate`
// does. Errors are values; any crash, sanitizer report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "simulator/workload/scenario_file.h"
#include "simulator/workload/scenario_simulator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sparktune::simulator;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto scenario = ParseScenarioJson(text, "fuzz.json");
  if (!scenario.ok()) return 0;
  // Simulating a huge (but valid) scenario is slow by design; keep the fuzzer
  // on the parser and small workloads.
  double bytes = 0;
  for (const auto& t : scenario->tables) bytes += t.bytes;
  if (bytes > 64.0 * 1024 * 1024 * 1024) return 0;
  ScenarioSimulator sim(std::move(*scenario));
  (void)sim.Run({});
  return 0;
}
