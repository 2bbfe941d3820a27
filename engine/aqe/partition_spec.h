// ShufflePartitionSpec: how one task of a stage reads one shuffle, after the
// AQE stage rules (sql/core/.../execution/ShuffledRowRDD.scala, Spark 3.0-4.x):
//
//   kCoalesced         reducers [start_reducer, end_reducer) from every mapper
//                      (CoalescedPartitionSpec; a plain read is [i, i+1))
//   kPartialReducer    one reducer, mappers [start_mapper, end_mapper)
//                      (PartialReducerPartitionSpec, a skew split)
//   kPartialMapper     one mapper, reducers [start_reducer, end_reducer)
//                      (PartialMapperPartitionSpec, a local read, P >= M)
//   kCoalescedMapper   mappers [start_mapper, end_mapper), every reducer
//                      (CoalescedMapperPartitionSpec, a local read, P < M)
//
// data_size is the bytes the spec covers as AQE saw them (MapOutputStatistics),
// or -1 when unknown. Plain value type.
#pragma once

#include <cstdint>
#include <vector>

namespace sparktune::engine::aqe {

enum class PartitionSpecKind { kCoalesced, kPartialReducer, kPartialMapper, kCoalescedMapper };

struct ShufflePartitionSpec {
  PartitionSpecKind kind = PartitionSpecKind::kCoalesced;
  int start_reducer = 0;
  int end_reducer = 0;  // exclusive; for kPartialReducer = start_reducer + 1
  int start_mapper = 0;
  int end_mapper = 0;  // exclusive; for kPartialMapper = start_mapper + 1
  int64_t data_size = -1;

  static ShufflePartitionSpec Coalesced(int start, int end, int64_t size = -1) {
    return {PartitionSpecKind::kCoalesced, start, end, 0, 0, size};
  }
  static ShufflePartitionSpec PartialReducer(int reducer, int start_map, int end_map,
                                             int64_t size) {
    return {PartitionSpecKind::kPartialReducer, reducer, reducer + 1, start_map, end_map, size};
  }
  static ShufflePartitionSpec PartialMapper(int mapper, int start, int end) {
    return {PartitionSpecKind::kPartialMapper, start, end, mapper, mapper + 1, -1};
  }
  static ShufflePartitionSpec CoalescedMapper(int start_map, int end_map, int num_reducers) {
    return {PartitionSpecKind::kCoalescedMapper, 0, num_reducers, start_map, end_map, -1};
  }
  bool operator==(const ShufflePartitionSpec& o) const {
    return kind == o.kind && start_reducer == o.start_reducer && end_reducer == o.end_reducer &&
           start_mapper == o.start_mapper && end_mapper == o.end_mapper;
  }
};

using PartitionSpecs = std::vector<ShufflePartitionSpec>;

}  // namespace sparktune::engine::aqe
