// TaskIdIndex: finds what was inserted across growth, for consecutive ids,
// sparse and hostile ids (negative, extremes, ids that share a slot), and
// reports the ids never inserted as absent.
#include "data/eventlog/task_id_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <map>

namespace sparktune::eventlog {
namespace {

TEST(TaskIdIndex, FindsEveryInsertedIdAcrossGrowth) {
  TaskIdIndex index;
  std::map<int64_t, uint32_t> expected;
  uint32_t position = 0;
  for (int64_t id = 0; id < 50000; ++id) expected[id] = position++;  // Spark's consecutive ids
  for (int64_t id : {int64_t{-1}, std::numeric_limits<int64_t>::min(),
                     std::numeric_limits<int64_t>::max(), int64_t{1} << 40}) {
    expected[id] = position++;
  }
  // Ids 2^54 apart share a slot while the table has 1024 slots.
  for (int64_t k = 1; k <= 5; ++k) expected[k << 54] = position++;
  for (const auto& [id, pos] : expected) {
    EXPECT_EQ(index.Find(id), nullptr) << id;
    index.Insert(id, pos);
  }
  for (const auto& [id, pos] : expected) {
    const uint32_t* found = index.Find(id);
    ASSERT_NE(found, nullptr) << id;
    EXPECT_EQ(*found, pos) << id;
  }
  EXPECT_EQ(index.Find(50000), nullptr);
  EXPECT_EQ(index.Find(-2), nullptr);
  EXPECT_EQ(index.Find(int64_t{6} << 54), nullptr);
}

TEST(TaskIdIndex, EmptyIndexFindsNothing) {
  TaskIdIndex index;
  EXPECT_EQ(index.Find(0), nullptr);
}

}  // namespace
}  // namespace sparktune::eventlog
