"""W3: skewed join. Key 0 holds ~2.9M of ~6.5M fact rows: at 50 shuffle partitions its partition
is ~40x the median, so AQE's OptimizeSkewedJoin splits it (isSkewJoin=true in the final plan;
'number of skewed partitions' on AQEShuffleRead) when spark.sql.adaptive.skewJoin.enabled."""
from pyspark.sql import functions as F
from _common import parse, session, rows, run

a = parse(__doc__)
spark = session("w3_skew_join", a)
n_norm = rows(3_600_000, a.scale)
n_hot = rows(2_900_000, a.scale)
keys = max(1000, int(1_000_000 * a.scale))
payload = F.concat(F.lit("p"), F.hex(F.xxhash64("id", F.lit(31))))
normal = (spark.range(0, n_norm, 1, 8)
          .withColumn("key", F.pmod(F.xxhash64("id", F.lit(32)), F.lit(keys)) + 1)
          .withColumn("v", F.pmod(F.xxhash64("id", F.lit(33)), F.lit(1000))).withColumn("p", payload))
hot = (spark.range(n_norm, n_norm + n_hot, 1, 8).withColumn("key", F.lit(0).cast("long"))
       .withColumn("v", F.pmod(F.xxhash64("id", F.lit(33)), F.lit(1000))).withColumn("p", payload))
fact = normal.unionByName(hot)
dim = (spark.range(0, keys + 1, 1, 4).withColumnRenamed("id", "key")
       .withColumn("grp", F.pmod(F.xxhash64("key", F.lit(34)), F.lit(20)))
       .withColumn("d", F.hex(F.xxhash64("key", F.lit(35)))))
q = fact.join(dim, "key").groupBy("grp").agg(F.sum("v").alias("s"), F.count(F.lit(1)).alias("n"),
                                              F.max(F.length("p")).alias("lp"))
run(spark, "w3 skewed join", lambda: q.write.format("noop").mode("overwrite").save())
spark.stop()
