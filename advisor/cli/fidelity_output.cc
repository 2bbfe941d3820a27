#include "advisor/cli/fidelity_output.h"

namespace sparktune::cli {

namespace {

nlohmann::ordered_json OptionalNumber(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

void PrintFidelity(std::ostream& out, const simulator::ReplayFidelity& fidelity) {
  if (fidelity.trusted()) return;
  out << "  replay fidelity: " << simulator::FidelityLevelName(fidelity.level)
      << (fidelity.refused() ? " (no prediction is shown for this log)\n"
                             : " (predictions below are uncertain)\n");
  for (const std::string& reason : fidelity.reasons) out << "    - " << reason << "\n";
}

nlohmann::ordered_json FidelityJson(const simulator::ReplayFidelity& fidelity) {
  nlohmann::ordered_json j;
  j["level"] = simulator::FidelityLevelName(fidelity.level);
  j["reasons"] = fidelity.reasons;
  j["durationError"] = OptionalNumber(fidelity.duration_error);
  j["jobTimeError"] = OptionalNumber(fidelity.job_time_error);
  j["mbSecondsError"] = OptionalNumber(fidelity.mb_seconds_error);
  return j;
}

}  // namespace sparktune::cli
