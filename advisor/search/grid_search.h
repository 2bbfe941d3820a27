// GridSearch: minimization of a black-box score over a discrete grid (one
// level index per dimension), the strategies `optimize` combines:
//   Exhaustive         every point, for small spaces;
//   CoordinateDescent  from a start point, one dimension at a time: try every
//                      level of it with the others fixed, move to the best if it
//                      beats the current point by a relative margin; rounds until
//                      a full round moves nothing;
//   BayesianOptimize   (bayesian_optimization.h) a Gaussian process over every
//                      point evaluated so far proposes the point of largest
//                      expected improvement.
// Evaluations are memoized by point and capped by a budget; the score of an
// infeasible point is kept but such a point never becomes the best while a
// feasible one exists. Knows nothing about Spark (tests drive it with known
// functions).
//
// Not thread-safe.
#pragma once

#include <functional>
#include <map>
#include <vector>

namespace sparktune::search {

using GridPoint = std::vector<int>;

struct Outcome {
  double score = 0;
  bool feasible = true;
};

class GridSearch {
 public:
  using Function = std::function<Outcome(const GridPoint&)>;

  // levels[i]: number of values of dimension i (>= 1). budget: the most
  // distinct points evaluated.
  GridSearch(std::vector<int> levels, Function fn, int budget);

  // Evaluates (or recalls) a point; nullopt-like: returns false in *ok when the
  // budget is spent and the point is new.
  Outcome Eval(const GridPoint& p, bool* ok = nullptr);
  bool Seen(const GridPoint& p) const { return history_.count(p) > 0; }
  bool BudgetLeft() const { return static_cast<int>(history_.size()) < budget_; }
  int evaluations() const { return static_cast<int>(history_.size()); }
  const std::vector<int>& levels() const { return levels_; }
  const std::map<GridPoint, Outcome>& history() const { return history_; }
  // Number of points in the grid (a double: it can exceed 2^63).
  double Size() const;

  // Best point so far: the feasible one of lowest score, else the lowest score.
  // Ties keep the earliest evaluated. Empty when nothing was evaluated.
  GridPoint Best() const;

  void Exhaustive();
  // min_relative_gain: a move must lower the score by more than this fraction.
  void CoordinateDescent(const GridPoint& start, int max_rounds, double min_relative_gain);

 private:
  bool Better(const Outcome& a, const Outcome& b) const;

  std::vector<int> levels_;
  Function fn_;
  int budget_;
  std::map<GridPoint, Outcome> history_;
  std::vector<GridPoint> order_;  // evaluation order, for tie-breaking
};

}  // namespace sparktune::search
