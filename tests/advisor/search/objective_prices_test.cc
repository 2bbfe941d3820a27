// The cost objective with a price file (advisor/search/objective.h, `optimize --prices`): a
// compute-unit sheet bills the larger of core- and memory-hours in CUs, an instance sheet is
// linear, and without a sheet the --price-* figures apply.
#include <gtest/gtest.h>

#include "advisor/search/objective.h"

namespace sparktune::search {
namespace {

constexpr double kMbSecondsPerGbHour = 1024.0 * 3600.0;

TEST(ObjectivePrices, ComputeUnitSheetBillsTheLargerDimension) {
  Prices prices;
  prices.sheet = prices::PriceSheet{.currency = "USD",
                                    .source = "test",
                                    .compute_units = true,
                                    .per_cu_hour = 0.05,
                                    .cu_vcpus = 1,
                                    .cu_gb = 4};
  // 2 core-hours and 16 GB-hours: memory dominates, 4 CU-hours.
  EXPECT_DOUBLE_EQ(CostOf(prices, 16 * kMbSecondsPerGbHour, 2 * 3600.0), 4 * 0.05);
  // 8 core-hours and 16 GB-hours: cores dominate, 8 CU-hours.
  EXPECT_DOUBLE_EQ(CostOf(prices, 16 * kMbSecondsPerGbHour, 8 * 3600.0), 8 * 0.05);
}

TEST(ObjectivePrices, WithoutASheetTheFlagPricesApply) {
  Prices prices{.per_gb_hour = 0.01, .per_core_hour = 0.1};
  EXPECT_DOUBLE_EQ(CostOf(prices, 10 * kMbSecondsPerGbHour, 2 * 3600.0), 10 * 0.01 + 2 * 0.1);
}

}  // namespace
}  // namespace sparktune::search
