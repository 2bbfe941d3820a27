#include "advisor/search/gaussian_process.h"

#include <cmath>
#include <limits>

namespace sparktune::search {

namespace {

// Length scales tried (in units of the unit cube's side); the best by log
// marginal likelihood wins.
constexpr double kLengthScales[] = {0.08, 0.15, 0.25, 0.4, 0.7, 1.2};
constexpr double kNoise = 1e-4;  // on standardized targets

// Plain loops over the column-major storage: this is the hot loop of every
// Bayesian step, and it stays fast in unoptimized (sanitizer) builds too.
Eigen::MatrixXd Kernel(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, double l) {
  const Eigen::Index n = a.rows(), m = b.rows(), d = a.cols();
  Eigen::MatrixXd k(n, m);
  const double* pa = a.data();
  const double* pb = b.data();
  double* pk = k.data();
  const double s5 = std::sqrt(5.0) / l;
  for (Eigen::Index j = 0; j < m; ++j) {
    for (Eigen::Index i = 0; i < n; ++i) {
      double sq = 0;
      for (Eigen::Index c = 0; c < d; ++c) {
        double diff = pa[c * n + i] - pb[c * m + j];
        sq += diff * diff;
      }
      double s = s5 * std::sqrt(sq);
      pk[j * n + i] = (1.0 + s + s * s / 3.0) * std::exp(-s);
    }
  }
  return k;
}

}  // namespace

double Matern52(double r, double l) {
  double s = std::sqrt(5.0) * r / l;
  return (1.0 + s + s * s / 3.0) * std::exp(-s);
}

GaussianProcess GaussianProcess::Fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  GaussianProcess gp;
  gp.x_ = x;
  gp.noise_ = kNoise;
  const Eigen::Index n = y.size();
  gp.y_mean_ = y.mean();
  double var = n > 1 ? (y.array() - gp.y_mean_).square().sum() / static_cast<double>(n - 1) : 0.0;
  gp.y_scale_ = var > 1e-24 ? std::sqrt(var) : 1.0;
  Eigen::VectorXd ys = (y.array() - gp.y_mean_) / gp.y_scale_;
  double best_ml = -std::numeric_limits<double>::infinity();
  for (double l : kLengthScales) {
    Eigen::MatrixXd k = Kernel(x, x, l);
    k.diagonal().array() += kNoise;
    Eigen::LLT<Eigen::MatrixXd> llt(k);
    if (llt.info() != Eigen::Success) continue;
    Eigen::VectorXd alpha = llt.solve(ys);
    double log_det = 2.0 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
    double ml =
        -0.5 * ys.dot(alpha) - 0.5 * log_det - 0.5 * static_cast<double>(n) * std::log(2 * M_PI);
    if (ml > best_ml) {
      best_ml = ml;
      gp.length_scale_ = l;
      gp.llt_ = llt;
      gp.alpha_ = alpha;
    }
  }
  if (!std::isfinite(best_ml)) {
    // Every factorization failed (duplicate points): a heavier nugget.
    Eigen::MatrixXd k = Kernel(x, x, gp.length_scale_);
    k.diagonal().array() += 1e-2;
    gp.noise_ = 1e-2;
    gp.llt_.compute(k);
    gp.alpha_ = gp.llt_.solve(ys);
    best_ml = 0;
  }
  gp.log_ml_ = best_ml;
  return gp;
}

void GaussianProcess::Predict(const Eigen::MatrixXd& xs, Eigen::VectorXd* mean,
                              Eigen::VectorXd* sd) const {
  Eigen::MatrixXd ks = Kernel(x_, xs, length_scale_);  // n x m
  Eigen::VectorXd mu = ks.transpose() * alpha_;
  Eigen::MatrixXd v = llt_.matrixL().solve(ks);  // n x m
  Eigen::VectorXd var = (1.0 - v.colwise().squaredNorm().array()).matrix();
  *mean = (mu.array() * y_scale_ + y_mean_).matrix();
  *sd = (var.array().max(0.0).sqrt() * y_scale_).matrix();
}

double ExpectedImprovement(double mean, double sd, double best, double xi) {
  double gain = best - mean - xi;
  if (sd <= 1e-12) return std::max(0.0, gain);
  double z = gain / sd;
  double cdf = 0.5 * std::erfc(-z / std::sqrt(2.0));
  double pdf = std::exp(-0.5 * z * z) / std::sqrt(2.0 * M_PI);
  return gain * cdf + sd * pdf;
}

}  // namespace sparktune::search
