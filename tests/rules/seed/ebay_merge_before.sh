#!/usr/bin/env bash
# eBay five-level tuning (seed-cases.md): merge job on a 26 TB table, before tuning.
# 2 cores / 40g / 18g overhead / 20000 partitions / maxExecutors 2000 / network timeout 3000 s; 1 hour.
spark-submit --master yarn --deploy-mode cluster \
  --executor-cores 2 \
  --executor-memory 40g \
  --conf spark.executor.memoryOverhead=18g \
  --conf spark.sql.shuffle.partitions=20000 \
  --conf spark.dynamicAllocation.enabled=true \
  --conf spark.shuffle.service.enabled=true \
  --conf spark.dynamicAllocation.maxExecutors=2000 \
  --conf spark.network.timeout=3000s \
  --class com.ebay.dw.Merge merge.jar
