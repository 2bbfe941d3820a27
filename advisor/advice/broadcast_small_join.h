// broadcast-small-join: a sort-merge (or shuffled hash) join in a final plan
// whose buildable side is small (at most 256 MiB as the engine measures the
// exchange: uncompressed "data size", else shuffle bytes) and at most a quarter
// of the other side. Broadcasting it removes the small side's shuffle read and
// the sort of both sides (JoinSelection / DynamicJoinSelection, Spark 3.2+;
// the build side follows BroadcastHashJoinExec's rules: right unless a right or
// full outer join, left only for inner, cross and right outer joins). Priced by
// simulating a threshold just above the side's size (adaptive threshold when
// the execution was adaptive, else the static one).
#pragma once

#include "advisor/advice/advice.h"

namespace sparktune::advice {

class BroadcastSmallJoin : public Advisor {
 public:
  std::string_view id() const override { return "broadcast-small-join"; }
  std::vector<Advice> Advise(const AdviceContext& ctx) const override;
};

}  // namespace sparktune::advice
