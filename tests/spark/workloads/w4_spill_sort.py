"""W4: sort-heavy job. A global sort of ~8M wide rows into few (4) partitions: spills (memory and
disk spill in the task metrics) at small spark.executor.memory, and not at large."""
from pyspark.sql import functions as F
from _common import parse, session, rows, run

a = parse(__doc__)
spark = session("w4_spill_sort", a)
n = rows(8_000_000, a.scale)
df = (spark.range(0, n, 1, 8)
      .withColumn("k", F.xxhash64("id", F.lit(41)))
      .withColumn("s1", F.hex(F.xxhash64("id", F.lit(42))))
      .withColumn("s2", F.hex(F.xxhash64("id", F.lit(43))))
      .withColumn("x", F.pmod(F.xxhash64("id", F.lit(44)), F.lit(1_000_000)).cast("double")))
q = df.orderBy("k", "s1")
run(spark, "w4 global sort", lambda: q.write.format("noop").mode("overwrite").save())
spark.stop()
