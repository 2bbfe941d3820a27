#!/usr/bin/env bash
# Nightly merge job.
spark-submit --master yarn --deploy-mode cluster \
  --executor-memory 27g --executor-cores 3 \
  --conf spark.executor.memoryOverhead=2g \
  --conf "spark.dynamicAllocation.enabled=true" \
  --conf spark.dynamicAllocation.maxExecutors=10000 \
  --conf 'spark.dynamicAllocation.initialExecutors=500' \
  --class com.example.Merge merge.jar --date "$1"
