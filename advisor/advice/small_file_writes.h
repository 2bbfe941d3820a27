// small-file-writes: a file write (InsertIntoHadoopFsRelationCommand and the
// other data-writing commands, whose "number of written files" and "written
// output" metrics BasicWriteJobStatsTracker posts as driver metric updates,
// Spark 3.0+) that produced at least 64 files averaging under 32 MiB. Small
// files slow every later reader (one task and one open per file) and strain
// the file system's metadata. The fix is in the job: repartition by the
// partition columns before the write (or a REBALANCE hint under AQE, 3.2+),
// aiming at ~128 MiB files. Not priced: the simulator replays this job, not
// its readers.
#pragma once

#include "advisor/advice/advice.h"

namespace sparktune::advice {

class SmallFileWrites : public Advisor {
 public:
  std::string_view id() const override { return "small-file-writes"; }
  std::vector<Advice> Advise(const AdviceContext& ctx) const override;
};

}  // namespace sparktune::advice
