// Price files (data/prices/price_sheet.h): both shipped examples parse, a CU sheet bills by the
// platform's max() rule, and malformed or hostile files fail naming file, line and what was
// expected; `optimize --prices` refuses a bad file with exit 3.
#include "data/prices/price_sheet.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_paths.h"

namespace sparktune::prices {
namespace {

TEST(PriceSheet, ShippedExamplesParse) {
  for (const char* name : {"alibaba_serverless_cu.prices", "instance_example.prices"}) {
    auto sheet = ReadPriceSheet(Env::Default(), testing::SourceDir() + "/data/prices/" + name);
    ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
    EXPECT_EQ(sheet->currency, "USD");
    EXPECT_FALSE(sheet->source.empty());
  }
}

TEST(PriceSheet, ComputeUnitsBillTheLargerOfCoresAndMemory) {
  auto sheet = ParsePriceSheet(
      "currency = USD\nper_cu_hour = 0.05\ncu_vcpus = 1\ncu_gb = 4\nsource = test\n", "cu");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  // Alibaba's own example: 3 cores and 6 GB for an hour is max(3/1, 6/4) = 3 CU-hours.
  EXPECT_DOUBLE_EQ(PriceOf(*sheet, 3, 6), 3 * 0.05);
  // Memory-heavy: 1 core and 16 GB is 4 CU-hours.
  EXPECT_DOUBLE_EQ(PriceOf(*sheet, 1, 16), 4 * 0.05);
}

TEST(PriceSheet, InstanceSheetIsLinear) {
  auto sheet = ParsePriceSheet(
      "# comment\n\ncurrency=EUR\nper_vcpu_hour = 0.04 # trailing\nper_gb_hour=0.005\n"
      "source = contract 2026\n",
      "i");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_DOUBLE_EQ(PriceOf(*sheet, 10, 100), 10 * 0.04 + 100 * 0.005);
}

void ExpectError(const std::string& text, const std::string& needle) {
  auto sheet = ParsePriceSheet(text, "p.prices");
  ASSERT_FALSE(sheet.ok()) << text;
  EXPECT_NE(sheet.status().message().find(needle), std::string::npos) << sheet.status().message();
  EXPECT_EQ(sheet.status().message().find('\x1b'), std::string::npos);
}

TEST(PriceSheet, BadFilesNameFileLineAndExpectation) {
  const std::string ok_tail = "currency = USD\nsource = s\n";
  ExpectError("per_vcpu_hour 0.03\n", "p.prices:1: expected key = value");
  ExpectError(ok_tail + "per_vcpu_hour = -1\nper_gb_hour = 1\n",
              "p.prices:3: 'per_vcpu_hour' expects a number >= 0, got '-1'");
  ExpectError(ok_tail + "per_vcpu_hour = nan\nper_gb_hour = 1\n", "p.prices:3:");
  ExpectError(ok_tail + "per_vcpu_hour = 1e400\nper_gb_hour = 1\n", "p.prices:3:");
  ExpectError(ok_tail + "per_vcpu_hour = 0.1x\nper_gb_hour = 1\n", "p.prices:3:");
  ExpectError(ok_tail + "per_gpu_hour\x1b[31m = 1\n",
              "p.prices:3: unknown key 'per_gpu_hour?[31m'");
  ExpectError(ok_tail + "per_gb_hour = 1\nper_gb_hour = 2\n",
              "p.prices:4: 'per_gb_hour' is set twice");
  ExpectError(ok_tail + "per_gb_hour = 1\n", "needs both per_vcpu_hour and per_gb_hour");
  ExpectError(ok_tail + "per_gb_hour = 1\nper_vcpu_hour = 1\nper_cu_hour = 1\n", "either");
  ExpectError(ok_tail + "per_cu_hour = 1\ncu_vcpus = 0\ncu_gb = 4\n", "positive cu_vcpus");
  ExpectError("currency = USD\nper_gb_hour = 1\nper_vcpu_hour = 1\n", "missing 'source'");
  ExpectError("", "missing 'currency'");
}

TEST(PriceSheet, OptimizeRefusesABadPriceFile) {
  testing::TempDir dir("prices");
  std::string path = dir.path() + "/bad.prices";
  ASSERT_TRUE(Env::Default()->WriteFileAtomically(path, "currency = USD\nper_gb_hour\n").ok());
  auto r = testing::RunCommand(testing::SparktuneBinary() + " optimize '" + testing::SourceDir() +
                               "/data/samples/app-20261121221405-0011.snappy' --objective cost "
                               "--prices '" +
                               path + "'");
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("bad.prices:2: expected key = value"), std::string::npos) << r.err;
}

// The cost objective says which prices it used: the sheet's, not the
// --price-gb-hour defaults.
TEST(PriceSheet, OptimizeShowsTheSheetItPricedWith) {
  const std::string base = testing::SparktuneBinary() + " optimize '" + testing::SourceDir() +
                           "/data/samples/app-20261121221405-0011.snappy' --objective cost " +
                           "--no-advice --prices '" + testing::SourceDir() +
                           "/data/prices/alibaba_serverless_cu.prices'";
  auto json = testing::RunCommand(base + " --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_DOUBLE_EQ(j["prices"]["perCuHour"].get<double>(), 0.050302);
  EXPECT_EQ(j["prices"]["currency"], "USD");
  EXPECT_FALSE(j["prices"].contains("perCoreHour")) << j["prices"].dump();
  auto text = testing::RunCommand(base);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("prices: 0.050302 USD per CU-hour (1 CU = 1 vCPU, 4 GB); source: "
                          "alibabacloud.com"),
            std::string::npos)
      << text.out;
}

}  // namespace
}  // namespace sparktune::prices
