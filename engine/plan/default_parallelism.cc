#include "engine/plan/default_parallelism.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "data/config/config_catalog.h"

namespace sparktune::engine::plan {

int DefaultParallelismAt(const model::Application& app, int64_t t) {
  if (const std::string* p = app.Property(std::string(config::keys::kDefaultParallelism))) {
    int v = std::atoi(p->c_str());
    if (v > 0) return v;
  }
  const std::string* master = app.Property(std::string(config::keys::kMaster));
  if (master && master->rfind("local", 0) == 0 && master->rfind("local-cluster", 0) != 0) {
    size_t open = master->find('[');
    if (open != std::string::npos) {
      std::string inner = master->substr(open + 1, master->find_first_of(",]", open) - open - 1);
      if (inner != "*") {
        int v = std::atoi(inner.c_str());
        if (v > 0) return v;
      }
    } else {
      return 1;  // "local"
    }
    for (const auto& e : app.executors)
      if (e.is_driver() && e.total_cores > 0) return e.total_cores;
  }
  int cores = 0;
  for (const auto& e : app.executors) {
    if (e.is_driver()) continue;
    bool added = e.add_time < 0 || e.add_time <= t;
    bool alive = e.remove_time < 0 || e.remove_time > t;
    if (added && alive) cores += e.total_cores;
  }
  return std::max(cores, 2);
}

}  // namespace sparktune::engine::plan
