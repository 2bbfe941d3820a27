"""W2: fact-to-dimension join. The dimension (1M rows, estimated ~40 MB statically) is filtered
to 1% at run time, so the static planner picks sort-merge unless autoBroadcastJoinThreshold is
large, while AQE (adaptive.autoBroadcastJoinThreshold) converts it to a broadcast join after the
dimension's shuffle stage shows it is small."""
from pyspark.sql import functions as F
from _common import parse, session, rows, run

a = parse(__doc__)
spark = session("w2_broadcast_join", a)
nf = rows(20_000_000, a.scale)
nd = rows(1_000_000, a.scale)
fact = (spark.range(0, nf, 1, 8)
        .withColumn("dim_id", F.pmod(F.xxhash64("id", F.lit(21)), F.lit(nd)))
        .withColumn("amount", (F.pmod(F.xxhash64("id", F.lit(22)), F.lit(10000)) / 100.0)))
dim = (spark.range(0, nd, 1, 4).withColumnRenamed("id", "dim_id")
       .withColumn("category", F.pmod(F.xxhash64("dim_id", F.lit(23)), F.lit(100)))
       .withColumn("label", F.concat(F.lit("dim-"), F.hex(F.xxhash64("dim_id", F.lit(24)))))
       .withColumn("region", F.pmod(F.col("dim_id"), F.lit(7))))
small_dim = dim.where(F.col("category") == 42)  # ~1% of the dimension survives
q = (fact.join(small_dim, "dim_id")
     .groupBy("region", "category").agg(F.sum("amount").alias("revenue"), F.count(F.lit(1)).alias("n")))
run(spark, "w2 fact-dimension join", lambda: q.write.format("noop").mode("overwrite").save())
spark.stop()
