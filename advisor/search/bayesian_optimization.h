// Bayesian optimization over a GridSearch (grid_search.h): fits a Gaussian
// process (gaussian_process.h) to every point evaluated so far (log of the
// score; infeasible points get a penalty above the worst feasible one), scores
// a pool of unevaluated points by expected improvement and evaluates the best;
// repeats for `iterations` or until the budget is spent or no candidate is
// expected to improve. The pool: random points of the grid plus every point
// one or two levels away from the best in one dimension, and random pairs of
// such moves. Seeded: the same inputs give the same sequence.
#pragma once

#include <cstdint>

#include "advisor/search/grid_search.h"

namespace sparktune::search {

struct BayesOptions {
  int iterations = 30;
  int random_pool = 300;
  uint64_t seed = 1;
  double xi = 0.001;  // exploration margin, in log-score units (0.1%)
};

// Returns the number of points it evaluated.
int BayesianOptimize(GridSearch& search, const BayesOptions& options);

}  // namespace sparktune::search
