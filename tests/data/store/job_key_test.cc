// JobKeyFor: runs of one recurring job share a key; different jobs do not.
#include "data/store/job_key.h"

#include <gtest/gtest.h>

namespace sparktune::store {
namespace {

TEST(JobKey, DatesTimesAndRunIdsDoNotSplitAJob) {
  EXPECT_EQ(JobKeyFor("daily_sales 2026-11-21"), JobKeyFor("daily_sales 2026-11-22"));
  EXPECT_EQ(JobKeyFor("Daily_Sales  20261121"), JobKeyFor("daily_sales 20261122"));
  EXPECT_EQ(JobKeyFor("report 21.11.2026 10:00:00"), JobKeyFor("report 22.11.2026 11:30:15"));
  EXPECT_EQ(JobKeyFor("ingest run 1732230000000"), JobKeyFor("ingest run 1732316400000"));
  EXPECT_EQ(JobKeyFor("etl-123e4567-e89b-12d3-a456-426614174000"),
            JobKeyFor("etl-00000000-aaaa-bbbb-cccc-1234567890ab"));
  EXPECT_EQ(JobKeyFor("build a1b2c3d4e5f6a7"), JobKeyFor("build 0f9e8d7c6b5a4f"));
  EXPECT_EQ(JobKeyFor("daily_sales 2026-11-21"), "daily_sales #");
}

TEST(JobKey, ShortNumbersAndWordsStayPartOfTheIdentity) {
  EXPECT_EQ(JobKeyFor("w1_wide_agg"), "w1_wide_agg");
  EXPECT_NE(JobKeyFor("w1_wide_agg"), JobKeyFor("w2_wide_agg"));
  EXPECT_NE(JobKeyFor("top 100 products"), JobKeyFor("top 200 products"));
  EXPECT_NE(JobKeyFor("etl v2 20261121"), JobKeyFor("etl v3 20261121"));
  EXPECT_EQ(JobKeyFor("facade"), "facade");  // hex letters alone are a word, not an id
  EXPECT_EQ(JobKeyFor("   "), "(unnamed)");
  EXPECT_EQ(JobKeyFor(""), "(unnamed)");
}

}  // namespace
}  // namespace sparktune::store
