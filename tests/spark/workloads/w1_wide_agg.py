"""W1: wide aggregation. ~3M groups over 24M rows; cost swings with spark.sql.shuffle.partitions
(few partitions: huge tasks that spill at small memory; thousands: tiny tasks, scheduling overhead)."""
from pyspark.sql import functions as F
from _common import parse, session, rows, run

a = parse(__doc__)
spark = session("w1_wide_agg", a)
n = rows(24_000_000, a.scale)
groups = max(100, int(3_000_000 * a.scale))
df = (spark.range(0, n, 1, 8)
      .withColumn("k", F.pmod(F.xxhash64("id", F.lit(11)), F.lit(groups)))
      .withColumn("v", F.pmod(F.xxhash64("id", F.lit(12)), F.lit(1000)).cast("double"))
      .withColumn("c", F.pmod(F.xxhash64("id", F.lit(13)), F.lit(50))))
agg = df.groupBy("k").agg(F.sum("v").alias("s"), F.avg("v").alias("a"), F.max("c").alias("m"),
                          F.count(F.lit(1)).alias("n"))
run(spark, "w1 wide aggregation", lambda: agg.write.format("noop").mode("overwrite").save())
spark.stop()
