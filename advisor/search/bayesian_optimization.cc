#include "advisor/search/bayesian_optimization.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "advisor/search/gaussian_process.h"

namespace sparktune::search {

namespace {

// Added to the worst feasible log-score for infeasible points: they look
// clearly bad to the GP without flattening the rest of the surface.
constexpr double kInfeasiblePenalty = 0.5;

Eigen::RowVectorXd Normalized(const GridPoint& p, const std::vector<int>& levels) {
  Eigen::RowVectorXd x(p.size());
  for (size_t i = 0; i < p.size(); ++i)
    x(static_cast<Eigen::Index>(i)) =
        levels[i] > 1 ? static_cast<double>(p[i]) / (levels[i] - 1) : 0.0;
  return x;
}

}  // namespace

int BayesianOptimize(GridSearch& search, const BayesOptions& options) {
  const std::vector<int>& levels = search.levels();
  const size_t d = levels.size();
  if (d == 0) return 0;
  std::mt19937_64 rng(options.seed);
  int evaluated = 0;
  for (int it = 0; it < options.iterations && search.BudgetLeft(); ++it) {
    const auto& hist = search.history();
    if (hist.empty()) {
      search.Eval(GridPoint(d, 0));
      ++evaluated;
      continue;
    }
    // Training data.
    double worst_feasible = -1e300;
    bool any_feasible = false;
    for (const auto& [p, o] : hist) {
      if (o.feasible && o.score > 0) {
        worst_feasible = std::max(worst_feasible, std::log(o.score));
        any_feasible = true;
      }
    }
    Eigen::MatrixXd x(static_cast<Eigen::Index>(hist.size()), static_cast<Eigen::Index>(d));
    Eigen::VectorXd y(static_cast<Eigen::Index>(hist.size()));
    Eigen::Index row = 0;
    double best_y = 1e300;
    for (const auto& [p, o] : hist) {
      x.row(row) = Normalized(p, levels);
      double v = o.score > 0 ? std::log(o.score) : 0.0;
      if (!o.feasible)
        v = any_feasible ? std::max(v, worst_feasible + kInfeasiblePenalty)
                         : v + kInfeasiblePenalty;
      else
        best_y = std::min(best_y, v);
      y(row++) = v;
    }
    if (!any_feasible) best_y = y.minCoeff();
    GaussianProcess gp = GaussianProcess::Fit(x, y);
    // Candidate pool.
    std::set<GridPoint> pool;
    GridPoint best = search.Best();
    for (size_t i = 0; i < d; ++i) {
      for (int delta : {-2, -1, 1, 2}) {
        GridPoint q = best;
        q[i] += delta;
        if (q[i] >= 0 && q[i] < levels[i] && !search.Seen(q)) pool.insert(q);
      }
    }
    for (int k = 0; k < options.random_pool / 4; ++k) {
      GridPoint q = best;
      for (int m = 0; m < 2; ++m) {
        size_t i = rng() % d;
        q[i] = static_cast<int>(rng() % static_cast<uint64_t>(levels[i]));
      }
      if (!search.Seen(q)) pool.insert(q);
    }
    for (int k = 0; k < options.random_pool; ++k) {
      GridPoint q(d);
      for (size_t i = 0; i < d; ++i)
        q[i] = static_cast<int>(rng() % static_cast<uint64_t>(levels[i]));
      if (!search.Seen(q)) pool.insert(q);
    }
    if (pool.empty()) break;
    std::vector<GridPoint> cands(pool.begin(), pool.end());
    Eigen::MatrixXd xs(static_cast<Eigen::Index>(cands.size()), static_cast<Eigen::Index>(d));
    for (size_t i = 0; i < cands.size(); ++i)
      xs.row(static_cast<Eigen::Index>(i)) = Normalized(cands[i], levels);
    Eigen::VectorXd mean, sd;
    gp.Predict(xs, &mean, &sd);
    size_t pick = 0;
    double best_ei = -1;
    for (size_t i = 0; i < cands.size(); ++i) {
      double ei = ExpectedImprovement(mean(static_cast<Eigen::Index>(i)),
                                      sd(static_cast<Eigen::Index>(i)), best_y, options.xi);
      if (ei > best_ei) {
        best_ei = ei;
        pick = i;
      }
    }
    if (best_ei <= 1e-9) break;
    search.Eval(cands[pick]);
    ++evaluated;
  }
  return evaluated;
}

}  // namespace sparktune::search
