// GaussianProcess: regression with a Matern 5/2 kernel over points in [0, 1]^d
// (Eigen, Cholesky), the surrogate of Bayesian optimization. Targets are
// standardized; the length scale is the one of a small grid with the highest
// log marginal likelihood; a small noise term keeps the solve stable (the
// simulator is deterministic, so the data are nearly noise-free).
//
// ExpectedImprovement is for minimization: E[max(0, best - f(x) - xi)].
//
// Plain value type; Predict is const and thread-compatible.
#pragma once

#include <Eigen/Dense>

namespace sparktune::search {

class GaussianProcess {
 public:
  // x: n x d, y: n. n >= 1.
  static GaussianProcess Fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

  // Mean and standard deviation (in y's units) at each row of xs.
  void Predict(const Eigen::MatrixXd& xs, Eigen::VectorXd* mean, Eigen::VectorXd* sd) const;

  double length_scale() const { return length_scale_; }
  double log_marginal_likelihood() const { return log_ml_; }

 private:
  Eigen::MatrixXd x_;
  Eigen::LLT<Eigen::MatrixXd> llt_;
  Eigen::VectorXd alpha_;
  double y_mean_ = 0, y_scale_ = 1;
  double length_scale_ = 0.3;
  double noise_ = 1e-4;
  double log_ml_ = 0;
};

// Matern 5/2 covariance of two points at distance r for length scale l (unit variance).
double Matern52(double r, double l);

double ExpectedImprovement(double mean, double sd, double best, double xi);

}  // namespace sparktune::search
