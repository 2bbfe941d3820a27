// GcModel: the replay's GC share of run time and simulation mode's live-set fraction.
#include "simulator/models/gc_model.h"

#include <gtest/gtest.h>

namespace sparktune::simulator {
namespace {

TEST(GcModel, ReplayShareAndLiveSetFraction) {
  EXPECT_DOUBLE_EQ(GcShareOfRun(0.2), 0.2);
  EXPECT_DOUBLE_EQ(GcShareOfRun(1.7), 1.0);  // GC never exceeds the run it is part of
  EXPECT_DOUBLE_EQ(LiveSetGcFraction(2048, 0.05, 0.5), 0.1);
  EXPECT_DOUBLE_EQ(LiveSetGcFraction(1e6, 0.05, 0.5), 0.5);
}

}  // namespace
}  // namespace sparktune::simulator
