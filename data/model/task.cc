#include "data/model/task.h"

#include <algorithm>

namespace sparktune::model {

void TaskMetrics::Add(const TaskMetrics& o) {
  executor_deserialize_time += o.executor_deserialize_time;
  executor_deserialize_cpu_time_ns += o.executor_deserialize_cpu_time_ns;
  executor_run_time += o.executor_run_time;
  executor_cpu_time_ns += o.executor_cpu_time_ns;
  result_size += o.result_size;
  jvm_gc_time += o.jvm_gc_time;
  result_serialization_time += o.result_serialization_time;
  memory_bytes_spilled += o.memory_bytes_spilled;
  disk_bytes_spilled += o.disk_bytes_spilled;
  peak_execution_memory += o.peak_execution_memory;
  input_bytes += o.input_bytes;
  input_records += o.input_records;
  output_bytes += o.output_bytes;
  output_records += o.output_records;
  shuffle_remote_blocks_fetched += o.shuffle_remote_blocks_fetched;
  shuffle_local_blocks_fetched += o.shuffle_local_blocks_fetched;
  shuffle_fetch_wait_time += o.shuffle_fetch_wait_time;
  shuffle_remote_bytes_read += o.shuffle_remote_bytes_read;
  shuffle_remote_bytes_read_to_disk += o.shuffle_remote_bytes_read_to_disk;
  shuffle_local_bytes_read += o.shuffle_local_bytes_read;
  shuffle_records_read += o.shuffle_records_read;
  shuffle_bytes_written += o.shuffle_bytes_written;
  shuffle_write_time_ns += o.shuffle_write_time_ns;
  shuffle_records_written += o.shuffle_records_written;
}

int64_t Task::scheduler_delay() const {
  if (finish_time <= 0) return 0;
  int64_t getting_result = getting_result_time > 0 ? finish_time - getting_result_time : 0;
  return std::max<int64_t>(0, duration() - metrics.executor_run_time -
                                  metrics.executor_deserialize_time -
                                  metrics.result_serialization_time - getting_result);
}

}  // namespace sparktune::model
