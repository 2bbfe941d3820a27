#include "reports/nightly/nightly_report.h"

#include <algorithm>
#include <functional>

namespace sparktune::reports {
namespace {

std::vector<size_t> TopBy(const NightlyReport& report, size_t n,
                          const std::function<double(const JobReport&)>& key) {
  std::vector<size_t> order;
  for (size_t i = 0; i < report.jobs.size(); ++i) {
    if (key(report.jobs[i]) > 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return key(report.jobs[a]) > key(report.jobs[b]); });
  if (order.size() > n) order.resize(n);
  return order;
}

}  // namespace

std::vector<FleetTotals> TrendSeries(const NightlyReport& report) {
  std::vector<FleetTotals> series;
  for (const FleetTotals& t : report.history) {
    if (t.night != report.totals.night) series.push_back(t);
  }
  series.push_back(report.totals);
  return series;
}

std::vector<size_t> TopJobsByWaste(const NightlyReport& report, size_t n) {
  return TopBy(report, n, [](const JobReport& j) { return j.waste_mb_seconds; });
}

std::vector<size_t> TopJobsBySaving(const NightlyReport& report, size_t n) {
  return TopBy(report, n, [](const JobReport& j) { return j.saving_mb_seconds.value; });
}

}  // namespace sparktune::reports
