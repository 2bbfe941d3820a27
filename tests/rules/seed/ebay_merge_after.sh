#!/usr/bin/env bash
# The same merge job after tuning: 3 cores / 27g / 2g overhead / 40000 partitions /
# maxExecutors 10000 / timeout 120 s (with a bucket join); 16 minutes.
spark-submit --master yarn --deploy-mode cluster \
  --executor-cores 3 \
  --executor-memory 27g \
  --conf spark.executor.memoryOverhead=2g \
  --conf spark.sql.shuffle.partitions=40000 \
  --conf spark.dynamicAllocation.enabled=true \
  --conf spark.shuffle.service.enabled=true \
  --conf spark.dynamicAllocation.maxExecutors=10000 \
  --conf spark.network.timeout=120s \
  --class com.ebay.dw.Merge merge.jar
