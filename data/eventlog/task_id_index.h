// TaskIdIndex: task id -> position in Application::tasks, for the millions of
// TaskStart/TaskEnd events of a large log. One open-addressing table (linear
// probing, kept at most half full) instead of a node-based hash map: no
// allocation per task, and one probe per lookup for Spark's consecutive ids.
// Any int64 id works (hostile ids included). Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sparktune::eventlog {

class TaskIdIndex {
 public:
  // The position stored for `task_id`, or nullptr.
  const uint32_t* Find(int64_t task_id) const {
    if (slots_.empty()) return nullptr;
    for (size_t s = SlotOf(task_id);; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (!slot.used) return nullptr;
      if (slot.task_id == task_id) return &slot.position;
    }
  }

  // Stores `position` for `task_id`, which must not be stored yet.
  void Insert(int64_t task_id, uint32_t position) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t s = SlotOf(task_id);
    while (slots_[s].used) s = (s + 1) & mask_;
    slots_[s] = {task_id, position, true};
    ++size_;
  }

 private:
  struct Slot {
    int64_t task_id = 0;
    uint32_t position = 0;
    bool used = false;
  };

  size_t SlotOf(int64_t task_id) const {
    // Fibonacci hashing: consecutive ids land on spread-out slots.
    return static_cast<size_t>((static_cast<uint64_t>(task_id) * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    const size_t capacity = old.empty() ? 1024 : 2 * old.size();
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    for (const Slot& slot : old) {
      if (!slot.used) continue;
      size_t s = SlotOf(slot.task_id);
      while (slots_[s].used) s = (s + 1) & mask_;
      slots_[s] = slot;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  size_t mask_ = 0;
  unsigned shift_ = 64;
};

}  // namespace sparktune::eventlog
