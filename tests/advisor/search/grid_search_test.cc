// The search strategies on known functions: exhaustive search sees every
// point, coordinate descent finds the optimum of a separable function,
// Bayesian optimization finds the global optimum of a two-basin function where
// descent from the corner stops in the local basin, infeasible points never
// win while a feasible one exists, and the budget caps the evaluations.
#include "advisor/search/grid_search.h"

#include <gtest/gtest.h>

#include <cmath>

#include "advisor/search/bayesian_optimization.h"
#include "advisor/search/gaussian_process.h"

namespace sparktune::search {
namespace {

double Bowl(const GridPoint& p, const GridPoint& at) {
  double s = 1.0;
  for (size_t i = 0; i < p.size(); ++i) s += 0.1 * (p[i] - at[i]) * (p[i] - at[i]);
  return s;
}

TEST(GridSearch, ExhaustiveVisitsEveryPointAndFindsTheMinimum) {
  GridPoint at = {3, 1, 4};
  GridSearch g(
      {5, 4, 6},
      [&](const GridPoint& p) {
        return Outcome{Bowl(p, at), true};
      },
      1000);
  g.Exhaustive();
  EXPECT_EQ(g.evaluations(), 5 * 4 * 6);
  EXPECT_EQ(g.Best(), at);
}

TEST(GridSearch, BudgetCapsEvaluations) {
  GridSearch g(
      {10, 10},
      [](const GridPoint& p) {
        return Outcome{1.0 + p[0] + p[1], true};
      },
      17);
  g.Exhaustive();
  EXPECT_EQ(g.evaluations(), 17);
}

TEST(GridSearch, CoordinateDescentFindsSeparableOptimum) {
  GridPoint at = {7, 2, 9, 0};
  int calls = 0;
  GridSearch g(
      {12, 12, 12, 12},
      [&](const GridPoint& p) {
        ++calls;
        return Outcome{Bowl(p, at), true};
      },
      1000);
  g.CoordinateDescent({0, 11, 0, 11}, 5, 0.001);
  EXPECT_EQ(g.Best(), at);
  EXPECT_LT(calls, 12 * 12 * 12 * 12 / 50);  // far fewer than exhaustive
}

TEST(GridSearch, InfeasiblePointsNeverWinOverFeasibleOnes) {
  // The lowest score sits where the constraint is violated.
  GridSearch g(
      {10, 10},
      [](const GridPoint& p) {
        return Outcome{1.0 + p[0] + p[1], p[0] + p[1] >= 5};
      },
      1000);
  g.Exhaustive();
  GridPoint b = g.Best();
  EXPECT_EQ(b[0] + b[1], 5);
}

// Two basins: a local minimum near the start corner, the global one far away.
Outcome TwoBasins(const GridPoint& p) {
  double local = 1.0 + 0.05 * ((p[0] - 2) * (p[0] - 2) + (p[1] - 2) * (p[1] - 2));
  double global = 0.5 + 0.05 * ((p[0] - 16) * (p[0] - 16) + (p[1] - 15) * (p[1] - 15) +
                                (p[2] - 6) * (p[2] - 6));
  return Outcome{std::min(local, global), true};
}

TEST(BayesianOptimization, FindsTheGlobalOptimumDescentMisses) {
  GridSearch descent({20, 20, 10}, TwoBasins, 1000);
  descent.CoordinateDescent({0, 0, 0}, 5, 0.001);
  GridPoint local = descent.Best();
  EXPECT_EQ(local[0], 2);  // stuck in the near basin
  EXPECT_EQ(local[1], 2);

  GridSearch g({20, 20, 10}, TwoBasins, 130);
  g.CoordinateDescent({0, 0, 0}, 5, 0.001);
  BayesOptions o;
  o.iterations = 60;
  BayesianOptimize(g, o);
  EXPECT_EQ(g.Best(), (GridPoint{16, 15, 6}));
  EXPECT_LE(g.evaluations(), 130);  // of 4000 points (descent alone takes 67)
}

TEST(BayesianOptimization, IsDeterministicForASeed) {
  auto run = [] {
    GridSearch g({20, 20, 10}, TwoBasins, 40);
    BayesOptions o;
    o.iterations = 30;
    o.seed = 7;
    BayesianOptimize(g, o);
    std::vector<GridPoint> seq;
    for (const auto& [p, out] : g.history()) seq.push_back(p);
    return seq;
  };
  EXPECT_EQ(run(), run());
}

TEST(GaussianProcess, InterpolatesDataAndIsUncertainAwayFromIt) {
  Eigen::MatrixXd x(4, 1);
  x << 0.0, 0.3, 0.6, 1.0;
  Eigen::VectorXd y(4);
  y << 1.0, 0.2, 0.5, 2.0;
  GaussianProcess gp = GaussianProcess::Fit(x, y);
  Eigen::VectorXd mean, sd;
  gp.Predict(x, &mean, &sd);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(mean(i), y(i), 0.05);
    EXPECT_LT(sd(i), 0.1);
  }
  Eigen::MatrixXd far(1, 1);
  far << 0.45;
  Eigen::VectorXd m2, s2;
  gp.Predict(far, &m2, &s2);
  EXPECT_GT(s2(0), sd(1));
  EXPECT_GT(ExpectedImprovement(0.1, 0.2, 0.2, 0.0), ExpectedImprovement(0.3, 0.2, 0.2, 0.0));
  EXPECT_NEAR(ExpectedImprovement(1.0, 0.0, 0.2, 0.0), 0.0, 1e-12);
}

}  // namespace
}  // namespace sparktune::search
