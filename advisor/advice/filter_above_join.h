// filter-above-join: a Filter directly above a join (through projections and
// code-generation wrappers) whose condition reads columns of one join side
// only. Catalyst pushes deterministic filters below inner joins
// (PushPredicateThroughJoin), so such a filter usually sits on the
// null-producing side of an outer join or is non-deterministic (a UDF,
// rand()); either way every row of the join is produced before most are
// dropped. Evidence: the join's and the filter's output rows (SQL metrics).
// The fix: filter that side before the join (in a subquery), or make the join
// an inner join when the filter rejects nulls anyway. Not priced: the
// simulator does not re-plan operators inside a stage.
#pragma once

#include "advisor/advice/advice.h"

namespace sparktune::advice {

class FilterAboveJoin : public Advisor {
 public:
  std::string_view id() const override { return "filter-above-join"; }
  std::vector<Advice> Advise(const AdviceContext& ctx) const override;
};

}  // namespace sparktune::advice
